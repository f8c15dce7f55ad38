#!/usr/bin/env bash
# Installs what Field Desk needs: the system libraries for Qt (and, with --test, Xvfb, D-Bus,
# gnome-keyring and desktop-file-utils for the tests), a Python 3.12 virtual environment in
# .venv, and the package in it (`pip install -e .`, or `.[test]` with --test).
# System packages come from apt, dnf, pacman, zypper or brew, whichever the machine has (root
# or passwordless sudo on Linux); with none of them, or with --skip-system, it says what to
# install by hand and carries on with the Python part. Used by the README's commands and by
# .ci/run.
set -euo pipefail
WITH_TEST=0
SKIP_SYSTEM=0
for arg in "$@"; do
    case "$arg" in
    --test) WITH_TEST=1 ;;
    --skip-system) SKIP_SYSTEM=1 ;;
    -h | --help)
        sed -n '2,8p' "${BASH_SOURCE[0]}" | cut -c3-
        echo "usage: bash scripts/install.sh [--test] [--skip-system]"
        exit 0
        ;;
    *)
        echo "install.sh: unknown option '$arg' (try --help)" >&2
        exit 2
        ;;
    esac
done
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

# --------------------------------------------------------- system packages --
# One list per package manager: the Qt 6 xcb platform plugin's libraries and fonts (PySide6's
# wheels carry Qt itself), and for the tests a virtual display, a session bus with a Secret
# Service, and desktop-file-validate.
pkgs_apt() {
    echo libxcb1 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
        libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 \
        libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 \
        libxkbcommon0 libxkbcommon-x11-0 libsm6 libice6 libegl1 libgl1 libopengl0 \
        libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libgssapi-krb5-2 \
        fontconfig fonts-dejavu-core
    ((WITH_TEST)) && echo xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools desktop-file-utils
    return 0
}
pkgs_dnf() {
    echo libxcb libX11-xcb xcb-util-cursor xcb-util-image xcb-util-keysyms xcb-util-renderutil \
        xcb-util-wm libxkbcommon-x11 libSM libICE libglvnd-egl libglvnd-glx libglvnd-opengl \
        fontconfig freetype dbus-libs glib2 krb5-libs dejavu-sans-fonts
    ((WITH_TEST)) && echo xorg-x11-server-Xvfb xorg-x11-xauth dbus-daemon dbus-x11 gnome-keyring \
        libsecret desktop-file-utils
    return 0
}
pkgs_pacman() {
    echo libxcb xcb-util-cursor xcb-util-image xcb-util-keysyms xcb-util-renderutil xcb-util-wm \
        libxkbcommon-x11 libsm libice libglvnd fontconfig freetype2 dbus glib2 krb5 ttf-dejavu
    ((WITH_TEST)) && echo xorg-server-xvfb xorg-xauth gnome-keyring libsecret desktop-file-utils
    return 0
}
pkgs_zypper() {
    echo libxcb1 libX11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
        libxcb-render-util0 libxkbcommon-x11-0 libSM6 libICE6 libEGL1 libGL1 libOpenGL0 \
        fontconfig libfreetype6 libdbus-1-3 libglib-2_0-0 krb5 dejavu-fonts
    ((WITH_TEST)) && echo xorg-x11-server-Xvfb xauth dbus-1 dbus-1-x11 gnome-keyring libsecret-tools \
        desktop-file-utils
    return 0
}
# macOS: Qt comes inside PySide6's wheels and the Keychain is the keyring; only Python is needed
pkgs_brew() { echo python@3.12; }

is_installed() { # is_installed MANAGER PACKAGE
    case "$1" in
    apt) [[ "$(dpkg-query -W -f='${db:Status-Status}' "$2" 2>/dev/null || true)" == installed ]] ;;
    dnf | zypper) rpm -q --whatprovides "$2" >/dev/null 2>&1 ;;
    pacman) pacman -Q "$2" >/dev/null 2>&1 ;;
    brew) brew list --versions "$2" >/dev/null 2>&1 ;;
    esac
}
install_cmd() { # install_cmd MANAGER: the command line that installs packages given after it
    case "$1" in
    apt) echo apt-get -y -q -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=600 \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold install --no-install-recommends ;;
    dnf) echo dnf install -y -q ;;
    pacman) echo pacman -S --needed --noconfirm ;;
    zypper) echo zypper --non-interactive install --no-recommends ;;
    brew) echo brew install ;;
    esac
}
find_manager() {
    local m
    for m in apt-get dnf pacman zypper brew; do
        command -v "$m" >/dev/null 2>&1 && { echo "${m%-get}"; return 0; }
    done
    return 1
}
explain_by_hand() {
    cat >&2 <<'TXT'
Install these with your system's own tools, then run this script again with --skip-system:
  - Python 3.12 or newer, with its venv module
  - the X11/xcb libraries that Qt 6's xcb platform plugin loads: libxcb and xcb-util
    (cursor, icccm/wm, image, keysyms, render-util), libxkbcommon-x11, libX11-xcb, libSM,
    libICE, libEGL/libGL (libglvnd), fontconfig, freetype, D-Bus and GLib libraries, a font
  - for the tests (--test): Xvfb and xauth, dbus-daemon, gnome-keyring and secret-tool
    (libsecret), desktop-file-utils
On Windows, see docs/packaging.md: py -3.12 -m venv .venv, then .venv\Scripts\pip install -e .
TXT
}

INSTALLED_SYSTEM=()
case "$(uname -s)" in
MINGW* | MSYS* | CYGWIN*) OS=windows ;;
Darwin) OS=macos ;;
*) OS=linux ;;
esac
if ((SKIP_SYSTEM)); then
    section "system packages: skipped (--skip-system)"
elif [[ "$OS" == windows ]] || { [[ "$OS" == macos ]] && ! command -v brew >/dev/null; }; then
    section "system packages: none needed on $OS (Qt comes inside PySide6's wheels)"
elif ! MANAGER="$(find_manager)"; then
    section "system packages"
    echo "no package manager this script knows (apt, dnf, pacman, zypper, brew) was found." >&2
    explain_by_hand
    die "cannot install the system packages here (see above)"
else
    section "system packages ($MANAGER)"
    mapfile -t PKGS < <("pkgs_$MANAGER" | tr ' ' '\n' | grep -v '^$')
    missing=()
    for p in "${PKGS[@]}"; do is_installed "$MANAGER" "$p" || missing+=("$p"); done
    if ((${#missing[@]} == 0)); then
        echo "all ${#PKGS[@]} packages already installed"
    else
        echo "installing ${#missing[@]} missing: ${missing[*]}"
        SUDO=()
        if [[ "$MANAGER" != brew && "$(id -u)" != 0 ]]; then
            command -v sudo >/dev/null ||
                { explain_by_hand; die "not root and no sudo: cannot install ${missing[*]}"; }
            SUDO=(sudo -n env DEBIAN_FRONTEND=noninteractive)
        fi
        export DEBIAN_FRONTEND=noninteractive
        read -r -a INSTALL <<<"$(install_cmd "$MANAGER")"
        if [[ "$MANAGER" == apt ]]; then
            retry 3 run_logged "$CI_WORK/system.log" "${SUDO[@]}" apt-get -y -q -o DPkg::Lock::Timeout=600 update ||
                die "apt-get update failed (log above)"
        fi
        retry 2 run_logged "$CI_WORK/system.log" "${SUDO[@]}" "${INSTALL[@]}" "${missing[@]}" ||
            die "$MANAGER could not install: ${missing[*]} (log above)"
        INSTALLED_SYSTEM=("${missing[@]}")
    fi
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
    # Windows: the py launcher knows the installed versions
    c="$(py -3.12 -c 'import sys; print(sys.executable)' 2>/dev/null || true)" && [[ -n "$c" ]] && cands+=("$c")
    # 1st choice: a 3.12; 2nd: any 3.12+ python3 (e.g. Debian's, if new enough)
    for c in "${cands[@]}"; do [[ -x "$c" ]] && py_ok "$c" 12 12 && { echo "$c"; return; }; done
    for c in python3 /usr/bin/python3; do
        c="$(command -v "$c" 2>/dev/null || true)"
        [[ -n "$c" ]] && py_ok "$c" 12 99 && { echo "$c"; return; }
    done
    return 1
}
PY="$(find_python)" || {
    echo "Python 3.12 or newer is needed: install it (python.org, or your system's python3.12 package)," >&2
    echo "or point FIELD_DESK_PYTHON at one, then run this script again." >&2
    die "no Python >= 3.12 found (looked at \$FIELD_DESK_PYTHON, pyenv, python3.12, py -3.12, python3)"
}
PY_VER="$("$PY" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
echo "base interpreter: $PY (Python $PY_VER)"
if ! "$PY" -c 'import ensurepip' >/dev/null 2>&1; then
    # Debian's python3 ships venv's pip bootstrap separately
    [[ "$PY" == /usr/bin/* ]] && command -v apt-get >/dev/null ||
        die "$PY has no ensurepip: install its venv module (e.g. python3.12-venv), then run this script again"
    run_logged "$CI_WORK/system.log" apt-get install -y -q --no-install-recommends python3-venv ||
        die "apt-get install python3-venv failed"
    INSTALLED_SYSTEM+=(python3-venv)
fi
VENV_BIN=.venv/bin
[[ "$OS" == windows ]] && VENV_BIN=.venv/Scripts
if [[ -x "$VENV_BIN/python" ]] &&
    [[ "$("$VENV_BIN/python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)" == "$PY_VER" ]]; then
    echo "reusing existing .venv (Python $PY_VER)"
else
    rm -rf .venv
    "$PY" -m venv .venv || die "python -m venv .venv failed"
fi
retry 2 run_logged "$CI_WORK/pip.log" "$VENV_BIN/python" -m pip install --progress-bar off -e ".$EXTRA" ||
    die "pip install -e '.$EXTRA' failed"

# ---------------------------------------------------------------- summary --
# What was installed and what to run next; nothing about what was not asked for.
section "ready"
((${#INSTALLED_SYSTEM[@]})) && echo "system packages installed: ${INSTALLED_SYSTEM[*]}"
WITH_TEST=$WITH_TEST VENV_BIN=$VENV_BIN "$VENV_BIN/python" - <<'EOF'
import importlib.metadata as md
import os
import sys


def have(names):
    found = []
    for name in names:
        try:
            found.append(f"{name} {md.version(name)}")
        except md.PackageNotFoundError:
            pass
    return ", ".join(found)


print(f"Field Desk {md.version('field-desk')} in .venv (Python {sys.version.split()[0]}):",
      have(("PySide6-Essentials", "sqlcipher3", "keyring")))
if os.environ["WITH_TEST"] == "1":
    print("test tools:", have(("pytest", "pytest-qt", "hypothesis", "ruff", "mypy")))
bin = os.environ["VENV_BIN"]
print("next:")
print(f"  {bin}/field-desk --demo          the application, with its demo servers and synthetic data")
if os.environ["WITH_TEST"] == "1":
    print(f"  {bin}/python -m pytest           the tests (bash .ci/run: the whole gate on a virtual display)")
else:
    print("  bash scripts/install.sh --test    adds the test tools (bash .ci/run runs the whole gate)")
EOF
