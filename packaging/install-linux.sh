#!/usr/bin/env bash
# Installs Field Desk's menu entry, icons and AppStream metainfo, per user or system-wide.
#
#   ./install.sh                       from an unpacked bundle: the program into
#                                      ~/.local/lib/field-desk, a link in ~/.local/bin, the menu
#                                      entry and icons under ~/.local/share
#   sudo ./install.sh --prefix /usr/local     the same for every user of the machine
#   ./install.sh --uninstall [--prefix DIR]   removes what the same prefix installed
#   bash packaging/install-linux.sh    from a source checkout: only the menu entry and icons,
#                                      for a `field-desk` already on PATH (pip, pipx)
#
# DESTDIR stages the files for a distribution package (DESTDIR=pkg ./install.sh --prefix /usr).
# Caches (desktop database, icon cache) are refreshed when their tools are there.
set -euo pipefail
PREFIX=""
UNINSTALL=0
while (($#)); do
    case "$1" in
    --prefix) PREFIX="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}" | cut -c3-; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done
if [[ -z "$PREFIX" ]]; then
    [[ -n "${HOME:-}" ]] || { echo "install.sh: HOME is not set; give --prefix" >&2; exit 2; }
    PREFIX="${XDG_DATA_HOME:+${XDG_DATA_HOME%/share}}"
    PREFIX="${PREFIX:-$HOME/.local}"
fi
[[ "$PREFIX" == /* ]] || { echo "install.sh: --prefix must be an absolute path, not '$PREFIX'" >&2; exit 2; }
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
DEST="${DESTDIR:-}$PREFIX"
SHARE="$DEST/share"

if [[ -x "$HERE/field-desk" && -d "$HERE/share" ]]; then # an unpacked bundle
    BUNDLE=1
    DESKTOP="$HERE/share/applications/field-desk.desktop"
    METAINFO="$HERE/share/metainfo/field-desk.metainfo.xml"
    ICONS="$HERE/share/icons/hicolor"
else # a source checkout
    BUNDLE=0
    DESKTOP="$HERE/field-desk.desktop"
    METAINFO="$HERE/field-desk.metainfo.xml"
    ICONS="$HERE/../desktop/resources/icons/hicolor"
fi
for f in "$DESKTOP" "$METAINFO" "$ICONS"; do
    [[ -e "$f" ]] || { echo "install.sh: $f is missing: run it from the bundle folder or the checkout" >&2; exit 1; }
done
ICON_FILES=()
while IFS= read -r f; do ICON_FILES+=("${f#"$ICONS"/}"); done < <(find "$ICONS" -type f -name 'field-desk.*' | sort)

refresh_caches() {
    [[ -n "${DESTDIR:-}" ]] && return 0 # a package's own scripts do this on the target machine
    if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$SHARE/applications" || true; fi
    if command -v gtk-update-icon-cache >/dev/null && [[ -f "$SHARE/icons/hicolor/index.theme" ]]; then
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
    fi
}

if ((UNINSTALL)); then
    rm -f "$SHARE/applications/field-desk.desktop" "$SHARE/metainfo/field-desk.metainfo.xml"
    for f in "${ICON_FILES[@]}"; do rm -f "$SHARE/icons/hicolor/$f"; done
    if [[ -L "$DEST/bin/field-desk" ]]; then rm -f "$DEST/bin/field-desk"; fi
    rm -rf "$DEST/lib/field-desk"
    refresh_caches
    echo "removed Field Desk from $PREFIX (your data folder is kept)"
    exit 0
fi

install -Dm644 "$METAINFO" "$SHARE/metainfo/field-desk.metainfo.xml"
for f in "${ICON_FILES[@]}"; do install -Dm644 "$ICONS/$f" "$SHARE/icons/hicolor/$f"; done
if ((BUNDLE)); then
    rm -rf "$DEST/lib/field-desk"
    mkdir -p "$DEST/lib/field-desk" "$DEST/bin"
    cp -a "$HERE/field-desk" "$HERE/_internal" "$DEST/lib/field-desk/"
    ln -sfn "$PREFIX/lib/field-desk/field-desk" "$DEST/bin/field-desk"
    # the menu starts the installed program by its full path: $PREFIX/bin need not be on PATH
    mkdir -p "$SHARE/applications"
    sed -e "s|^Exec=field-desk|Exec=$PREFIX/bin/field-desk|" -e "s|^TryExec=field-desk|TryExec=$PREFIX/bin/field-desk|" \
        "$DESKTOP" >"$SHARE/applications/field-desk.desktop"
    chmod 644 "$SHARE/applications/field-desk.desktop"
    echo "installed Field Desk in $PREFIX/lib/field-desk, started by $PREFIX/bin/field-desk"
else
    install -Dm644 "$DESKTOP" "$SHARE/applications/field-desk.desktop"
    command -v field-desk >/dev/null ||
        echo "note: no field-desk on PATH yet; the menu entry starts it once it is (pipx install .)"
fi
refresh_caches
echo "menu entry: $SHARE/applications/field-desk.desktop; icons: $SHARE/icons/hicolor/*/apps/"
