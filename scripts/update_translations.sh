#!/usr/bin/env bash
# Collects every user-facing string under desktop/ (tr(), translate(), QT_TRANSLATE_NOOP markers in
# the domain's code lists and the store's error messages) into desktop/resources/translations/*.ts, then
# compiles each .ts to .qm. Existing translations are kept; strings no longer in the code are
# marked obsolete and dropped (-no-obsolete). Run after changing any user-facing text, then
# translate the new entries (pyside6-linguist opens the .ts files).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
BIN="${VENV:-$ROOT/.venv}/bin"
[[ -x "$BIN/pyside6-lupdate" ]] || BIN="$(dirname "$(command -v pyside6-lupdate)")"
mapfile -t SOURCES < <(find desktop -name '*.py' -not -path '*/__pycache__/*' | sort)
for ts in desktop/resources/translations/field_desk_*.ts; do
    "$BIN/pyside6-lupdate" -no-obsolete -locations relative "${SOURCES[@]}" -ts "$ts"
    "$BIN/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
