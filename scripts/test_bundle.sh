#!/usr/bin/env bash
# Starts the bundle that scripts/bundle.sh built as a person would, on a clean virtual display:
#   1. `field-desk --version` with no display at all: prints the version, starts no GUI;
#   2. `field-desk --demo` with a fresh data folder on a 1366x768 Xvfb: signs in with the demo's
#      first account (the counselor, Enter on its sign-in), waits until the main window is up and the first sync has settled, checks that the window carries the icon
#      and the desktop entry's window class, takes a screenshot;
#   3. Ctrl+Q: the program must exit by itself with status 0 and log its clean stop;
#   4. the demo again in French: the start-up window's title is translated (the bundle ships
#      compiled .qm files, no .ts), then Ctrl+Q again.
# Prints the time from start to the first window and to the main window. Not part of .ci/run
# (the build takes minutes); run it after bash scripts/bundle.sh.
# usage: bash scripts/test_bundle.sh [BUNDLE_DIR] (default dist/field-desk)
#        SCREENSHOT=path.png to keep the screenshot elsewhere than build/bundle/bundle-demo.png
# Needs Xvfb, xauth, xdotool, x11-utils (xprop) and imagemagick (import).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
BUNDLE="$(cd "${1:-$ROOT/dist/field-desk}" && pwd -P)" || { echo "no bundle: run bash scripts/bundle.sh" >&2; exit 1; }
EXE="$BUNDLE/field-desk"
SCREENSHOT="${SCREENSHOT:-$ROOT/build/bundle/bundle-demo.png}"
for tool in Xvfb xauth xdotool xprop import; do
    command -v "$tool" >/dev/null || {
        echo "test_bundle: $tool is missing (apt-get install xvfb xauth xdotool x11-utils imagemagick)" >&2
        exit 1
    }
done
WORK="$(mktemp -d "${TMPDIR:-/tmp}/field-desk-bundle-test.XXXXXX")"
XVFB_PID="" APP_PID=""
cleanup() {
    local rc=$? pid
    set +e # a killed child's status must not stop the cleaning up
    for pid in "$APP_PID" "$XVFB_PID"; do
        if [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null; fi
    done
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
fail() {
    echo "!!!! test_bundle FAILED: $*" >&2
    [[ -f "$WORK/app.err" ]] && { echo "---- program's stderr:" >&2; tail -n 40 "$WORK/app.err" >&2; }
    [[ -f "$WORK/home/logs/field-desk.log" ]] && { echo "---- its log:" >&2; tail -n 40 "$WORK/home/logs/field-desk.log" >&2; }
    exit 1
}
now_ms() { date +%s%3N; }
# quit_app WINDOW: Ctrl+Q there; the program must exit by itself, status 0, a clean stop logged
quit_app() {
    xdotool windowfocus --sync "$1" key --clearmodifiers ctrl+q
    for _ in $(seq 1 300); do
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$APP_PID" 2>/dev/null && fail "still running 30 s after Ctrl+Q"
    local rc=0
    wait "$APP_PID" || rc=$?
    APP_PID=""
    ((rc == 0)) || fail "exited with status $rc"
    [[ "$(tail -n 1 "$WORK/home/logs/field-desk.log")" == *"Field Desk stopped" ]] ||
        fail "the log does not end with a clean stop"
    if grep -E "Traceback|CRITICAL|ERROR" "$WORK/home/logs/field-desk.log" "$WORK/app.err"; then
        fail "errors in the log or on stderr"
    fi
}
# wait_window REGEX SECONDS: prints the id of the first visible window so named; fails at
# once when the program has exited
wait_window() {
    local deadline=$(($(now_ms) + $2 * 1000)) id
    while (($(now_ms) < deadline)); do
        id="$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1 || true)"
        [[ -n "$id" ]] && echo "$id" && return 0
        kill -0 "$APP_PID" 2>/dev/null || fail "the program exited before a window '$1' appeared"
        sleep 0.1
    done
    fail "no window '$1' within $2 s"
}
ENV=(env -i "PATH=/usr/bin:/bin" "HOME=$WORK/user" "LANG=C.UTF-8" "XDG_RUNTIME_DIR=$WORK/run"
    "FIELD_DESK_HOME=$WORK/home")
mkdir -p "$WORK/user" "$WORK/run" && chmod 700 "$WORK/run"

echo "==== 1. --version, with no display ===="
out="$("${ENV[@]}" QT_QPA_PLATFORM=xcb "$EXE" --version)" || fail "--version exited with $?"
[[ "$out" =~ ^field-desk\ [0-9]+\.[0-9]+ ]] || fail "--version printed '$out'"
[[ ! -e "$WORK/home" ]] || fail "--version created the data folder"
echo "$out"

echo "==== 2. --demo on a clean 1366x768 display ===="
export XAUTHORITY="$WORK/Xauthority"
: >"$XAUTHORITY"
DISPLAY_NUM=""
for n in $(seq 140 199); do
    [[ -e "/tmp/.X$n-lock" || -e "/tmp/.X11-unix/X$n" ]] && continue
    xauth -q -f "$XAUTHORITY" add ":$n" MIT-MAGIC-COOKIE-1 "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp -auth "$XAUTHORITY" >"$WORK/xvfb.log" 2>&1 </dev/null &
    XVFB_PID=$!
    for _ in $(seq 1 100); do
        [[ -S "/tmp/.X11-unix/X$n" ]] && break
        kill -0 "$XVFB_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$XVFB_PID" 2>/dev/null && [[ -S "/tmp/.X11-unix/X$n" ]]; then DISPLAY_NUM=$n && break; fi
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
done
[[ -n "$DISPLAY_NUM" ]] || fail "no free X display in :140..:199"
export DISPLAY=":$DISPLAY_NUM"
ENV+=("DISPLAY=$DISPLAY" "XAUTHORITY=$XAUTHORITY")

T0=$(now_ms)
"${ENV[@]}" "$EXE" --demo >"$WORK/app.out" 2>"$WORK/app.err" </dev/null &
APP_PID=$!
first="$(wait_window '^Field Desk' 60)"
T_FIRST=$(($(now_ms) - T0))
first_name="$(xdotool getwindowname "$first" 2>/dev/null || echo '(closed since)')"
accounts="$(wait_window '^Field Desk demo: sign in' 180)"
xdotool windowfocus --sync "$accounts" key --clearmodifiers Return
main="$(wait_window '^Field Desk demo — ' 180)"
T_MAIN=$(($(now_ms) - T0))
echo "first window after $((T_FIRST / 1000)).$((T_FIRST % 1000 / 100)) s: $first_name"
echo "main window after $((T_MAIN / 1000)).$((T_MAIN % 1000 / 100)) s: $(xdotool getwindowname "$main")"

# the first sync fills the worklist: wait until two screenshots a second apart are the same
mkdir -p "$(dirname "$SCREENSHOT")"
settled=0
for _ in $(seq 1 60); do
    import -window root "$WORK/a.png"
    sleep 1
    import -window root "$WORK/b.png"
    if cmp -s "$WORK/a.png" "$WORK/b.png"; then settled=1 && break; fi
done
((settled)) || echo "note: the screen still changed after 120 s; screenshot taken anyway"
cp "$WORK/b.png" "$SCREENSHOT"
echo "screenshot: $SCREENSHOT"

wm_class="$(xprop -id "$main" WM_CLASS)"
[[ "$wm_class" == *'"field-desk"'* ]] || fail "window class is $wm_class, the desktop entry says field-desk"
xprop -id "$main" _NET_WM_ICON >"$WORK/icon.txt"
grep -q "_NET_WM_ICON(CARDINAL) = " "$WORK/icon.txt" || fail "the main window has no icon ($(head -c 200 "$WORK/icon.txt"))"
echo "window: $wm_class; _NET_WM_ICON set"

echo "==== 3. Ctrl+Q quits cleanly ===="
quit_app "$main"
echo "exit status 0, clean stop logged"

echo "==== 4. --demo --lang fr: the bundle's compiled translation loads ===="
"${ENV[@]}" "$EXE" --demo --lang fr >"$WORK/app.out" 2>"$WORK/app.err" </dev/null &
APP_PID=$!
first="$(wait_window '^Field Desk : démarrage' 60)"
echo "first window: $(xdotool getwindowname "$first" 2>/dev/null || echo '(closed since)')"
accounts="$(wait_window '^Démo Field Desk : connexion' 180)"
xdotool windowfocus --sync "$accounts" key --clearmodifiers Return
quit_app "$(wait_window '^Démo Field Desk — ' 180)"
echo "exit status 0, clean stop logged"
echo
echo "bundle OK: version, demo to a window in $((T_MAIN / 1000)).$((T_MAIN % 1000 / 100)) s, French, clean exits"
