#!/usr/bin/env bash
# Builds the one-folder Linux bundle of Field Desk with PyInstaller:
#   dist/field-desk/                      the program (field-desk) and everything it loads
#   dist/field-desk-VERSION-linux-ARCH.tar.gz   that folder, packed reproducibly
#   dist/field-desk.manifest              every file of the folder with its SHA-256
# The build has its own virtual environment (build/bundle/venv) with every package pinned in
# packaging/bundle-requirements.txt; the project is installed into it as a wheel would install
# it, so the bundle finds its files exactly as an installed copy does. SOURCE_DATE_EPOCH (the
# last commit's time unless set) and a fixed hash seed make the same commit give the same
# files. `bash scripts/test_bundle.sh` then starts it on a virtual display.
# Needs: Python 3.12 (the one scripts/install.sh found, or $FIELD_DESK_PYTHON), the network
# for the first build (PyPI), about 1.5 GB in build/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
T0=$(date +%s)
BUILD="$ROOT/build/bundle"
VENV="$BUILD/venv"
LOCK=packaging/bundle-requirements.txt
export PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONHASHSEED=0
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
die() { echo "!!!! bundle FAILED: $*" >&2; exit 1; }
step() { echo "==== $* ===="; }

# ------------------------------------------------------------- build venv --
PY="${FIELD_DESK_PYTHON:-}"
if [[ -z "$PY" && -x .venv/bin/python ]]; then
    PY="$(.venv/bin/python -c 'import sys; print(sys._base_executable)')"
fi
[[ -n "$PY" ]] || PY="$(command -v python3.12 || true)"
[[ -n "$PY" ]] || die "no Python 3.12: run bash scripts/install.sh first, or set FIELD_DESK_PYTHON"
"$PY" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' ||
    die "$PY is not Python 3.12 (the pinned packages are for 3.12)"
STAMP="$(cat "$LOCK" <("$PY" -VV) | sha256sum | cut -c1-16)"
if [[ "$(cat "$VENV/.stamp" 2>/dev/null)" != "$STAMP" ]]; then
    step "build environment: $VENV ($("$PY" -V), $LOCK)"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --no-deps -r "$LOCK" || die "pip install -r $LOCK failed"
    echo "$STAMP" >"$VENV/.stamp"
else
    step "build environment: reusing $VENV"
fi

# ------------------------------------------- translations, then the package --
step "compiling translations (.ts -> .qm) and installing field-desk into the build environment"
for ts in desktop/resources/translations/*.ts; do
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm" || die "lrelease $ts failed"
done
# built from a copy of the tracked files, so nothing untracked (or half-edited elsewhere in
# build/) slips in and the source tree gets no setuptools build folders
SRC="$BUILD/src"
rm -rf "$SRC" && mkdir -p "$SRC"
git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do if [[ -f "$f" ]]; then cp --parents "$f" "$SRC"; fi; done
cp --parents desktop/resources/translations/*.qm "$SRC"
"$VENV/bin/python" -m pip install -q --no-deps --no-build-isolation --force-reinstall "$SRC" ||
    die "pip install of the project failed"
VERSION="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("field-desk"))')"

# ---------------------------------------------------------------- bundle --
step "PyInstaller: field-desk $VERSION (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
rm -rf dist/field-desk
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath "$BUILD/work" packaging/field-desk.spec || die "PyInstaller failed"
OUT=dist/field-desk
# what a person installing from the folder needs: the desktop entry, icons, metainfo, installer
install -Dm644 packaging/field-desk.desktop "$OUT/share/applications/field-desk.desktop"
install -Dm644 packaging/field-desk.metainfo.xml "$OUT/share/metainfo/field-desk.metainfo.xml"
(cd desktop/resources/icons && find hicolor -type f -name 'field-desk.*' -exec install -Dm644 {} "$ROOT/$OUT/share/icons/{}" \;)
install -Dm755 packaging/install-linux.sh "$OUT/install.sh"
find "$OUT" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# ------------------------------------------------- manifest and archive --
(cd "$OUT" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >dist/field-desk.manifest
ARCHIVE="dist/field-desk-$VERSION-linux-$(uname -m).tar.gz"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    -C dist -cf - field-desk | gzip -9n >"$ARCHIVE"
echo
echo "bundle:   $OUT ($(du -sh "$OUT" | cut -f1), $(wc -l <dist/field-desk.manifest) files)"
echo "archive:  $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)), sha256 $(sha256sum "$ARCHIVE" | cut -c1-16)…"
echo "manifest: dist/field-desk.manifest (sha256 of the list: $(sha256sum dist/field-desk.manifest | cut -c1-16)…)"
echo "built in $(($(date +%s) - T0)) s; next: bash scripts/test_bundle.sh"
