#!/usr/bin/env bash
# Installs what Field Desk needs on a Debian machine: the system libraries for Qt (and, with
# --test, Xvfb, D-Bus and gnome-keyring for the tests), a Python 3.12 virtual environment in
# .venv, and the package in it (`pip install -e .`, or `.[test]` with --test).
# Used by the README's commands and by .ci/run. Root or passwordless sudo for apt-get.
set -euo pipefail
WITH_TEST=0
[[ "${1:-}" == "--test" ]] && WITH_TEST=1
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
export PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1
LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/field-desk-install.XXXXXX")"
trap 'rm -rf "$LOG_DIR"' EXIT
CI_WORK="$LOG_DIR"
section() { echo; echo "==== $* ===="; }
die() { echo; echo "!!!! install FAILED: $*" >&2; exit 1; }
# run_logged LOGFILE CMD...: quiet on success, show the log's tail on failure
run_logged() {
    local log=$1
    shift
    if ! "$@" >>"$log" 2>&1; then
        echo "---- last 80 lines of $log:" >&2
        tail -n 80 "$log" >&2
        return 1
    fi
}
# retry N CMD...: for flaky network steps
retry() {
    local n=$1 i
    shift
    for ((i = 1; i <= n; i++)); do
        "$@" && return 0
        ((i < n)) && { echo "  (attempt $i/$n failed, retrying in $((i * 5))s)"; sleep $((i * 5)); }
    done
    return 1
}

# ------------------------------------------------------------ apt packages --
section "system packages (apt)"
APT_PKGS=(
    # Qt 6 xcb platform plugin + PySide6-Essentials runtime
    libxcb1 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
    libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
    libxkbcommon0 libxkbcommon-x11-0 libsm6 libice6 libegl1 libgl1 libopengl0
    libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libgssapi-krb5-2
    fontconfig fonts-dejavu-core
)
if ((WITH_TEST)); then
    APT_PKGS+=(
        # virtual display
        xvfb xauth
        # session bus + Secret Service
        dbus dbus-x11 gnome-keyring libsecret-tools
    )
fi
missing=()
for p in "${APT_PKGS[@]}"; do
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" == installed ]] ||
        missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    echo "all ${#APT_PKGS[@]} packages already installed"
else
    echo "installing ${#missing[@]} missing: ${missing[*]}"
    SUDO=()
    if [[ "$(id -u)" != 0 ]]; then
        command -v sudo >/dev/null || die "not root and no sudo: cannot apt-get install ${missing[*]}"
        SUDO=(sudo -n env DEBIAN_FRONTEND=noninteractive)
    fi
    export DEBIAN_FRONTEND=noninteractive
    APT_OPTS=(-y -q -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=600
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    retry 3 run_logged "$CI_WORK/apt.log" "${SUDO[@]}" apt-get "${APT_OPTS[@]}" update ||
        die "apt-get update failed"
    retry 2 run_logged "$CI_WORK/apt.log" "${SUDO[@]}" apt-get "${APT_OPTS[@]}" install \
        --no-install-recommends "${missing[@]}" || die "apt-get install failed"
    echo "installed: $(grep -c '^Setting up' "$CI_WORK/apt.log" || true) packages set up"
fi

# ------------------------------------------------------------------ python --
EXTRA=""
((WITH_TEST)) && EXTRA="[test]"
section "python 3.12 venv + pip install -e '.$EXTRA'"
py_ok() { # py_ok EXE MIN_MINOR MAX_MINOR -> true if 3.MIN <= version <= 3.MAX
    "$1" -c "import sys, venv; sys.exit(not ($2 <= sys.version_info[1] <= $3 and sys.version_info[0] == 3))" \
        >/dev/null 2>&1
}
find_python() {
    local cands=() c root=""
    [[ -n "${FIELD_DESK_PYTHON:-}" ]] && cands+=("$FIELD_DESK_PYTHON")
    if command -v pyenv >/dev/null 2>&1; then root="$(pyenv root 2>/dev/null || true)"; fi
    for r in "$root" "${PYENV_ROOT:-}" "$HOME/.pyenv" /root/.pyenv; do
        [[ -n "$r" && -d "$r/versions" ]] || continue
        while IFS= read -r c; do cands+=("$c"); done < <(
            printf '%s\n' "$r"/versions/3.12*/bin/python | sort -rV)
    done
    cands+=(/root/.pyenv/versions/3.12.1/bin/python)
    c="$(command -v python3.12 2>/dev/null || true)" && [[ -n "$c" ]] && cands+=("$c")
    # 1st choice: a 3.12; 2nd: any 3.12+ python3 (e.g. Debian's, if new enough)
    for c in "${cands[@]}"; do [[ -x "$c" ]] && py_ok "$c" 12 12 && { echo "$c"; return; }; done
    for c in python3 /usr/bin/python3; do
        c="$(command -v "$c" 2>/dev/null || true)"
        [[ -n "$c" ]] && py_ok "$c" 12 99 && { echo "$c"; return; }
    done
    return 1
}
PY="$(find_python)" || die "no Python >= 3.12 found (looked in pyenv, /root/.pyenv/versions/3.12*, python3.12, python3)"
PY_VER="$("$PY" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
echo "base interpreter: $PY (Python $PY_VER)"
if ! "$PY" -c 'import ensurepip' >/dev/null 2>&1; then
    # Debian's python3 ships venv's pip bootstrap separately
    [[ "$PY" == /usr/bin/* ]] || die "$PY has no ensurepip: cannot create a venv"
    run_logged "$CI_WORK/apt.log" apt-get install -y -q --no-install-recommends python3-venv ||
        die "apt-get install python3-venv failed"
fi
if [[ -x .venv/bin/python ]] &&
    [[ "$(.venv/bin/python -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)" == "$PY_VER" ]]; then
    echo "reusing existing .venv (Python $PY_VER)"
else
    rm -rf .venv
    "$PY" -m venv .venv || die "python -m venv .venv failed"
fi
retry 2 run_logged "$CI_WORK/pip.log" .venv/bin/python -m pip install --progress-bar off -e ".$EXTRA" ||
    die "pip install -e '.$EXTRA' failed"
grep -E '^Successfully installed' "$CI_WORK/pip.log" | tail -n 1 | cut -c1-400 || true
.venv/bin/python - <<'EOF'
import importlib.metadata as md, sys
print("venv: Python", sys.version.split()[0])
for d in ("PySide6-Essentials", "keyring", "SecretStorage", "jeepney", "pytest", "pytest-qt"):
    try:
        print(f"  {d} {md.version(d)}")
    except md.PackageNotFoundError:
        print(f"  {d} NOT INSTALLED")
EOF

