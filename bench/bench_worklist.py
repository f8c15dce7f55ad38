"""Worklist benchmarks at 100k members, each figure beside its target (DESIGN.md §6).

    python bench/bench_worklist.py [--members N] [--rebuild]

The store is built once into bench/out/ through the pull path (``change_records`` +
``apply_page``) and reused. Figures:

- cold start: a fresh process opens the existing profile and paints the first rows;
- filter keystroke → repaint: realistic names typed one letter at a time, each keystroke timed
  until the list shows its answer and the view has painted it (no coalescing: every keystroke
  waits for its own answer, the worst case for the user);
- sort: a header click until the re-ordered rows are painted;
- save one edit: ``Cases.create`` of an employment verification (entity + outbox + audit);
- memory: resident set after loading and scrolling through the whole list.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parent / "out"
PROFILE_ID = "bench"
PASSPHRASE = "bench"
PAGE = 5000
TARGETS = {
    "cold start to interactive worklist": (1000, "ms"),
    "filter keystroke to repaint p95": (30, "ms"),
    "sort p95": (150, "ms"),
    "save one edit p95": (20, "ms"),
    "resident memory": (300, "MB"),
}
NAMES = [
    "aminata diallo",
    "moussa traore",
    "fatou ndiaye",
    "ibrahima sow",
    "awa camara",
    "ousmane ba",
    "mariama keita",
    "cheikh fall",
    "khadija gueye",
    "lamine sarr",
    "binta cisse",
    "seydou kone",
    "coumba mbaye",
    "pape diop",
    "rokia toure",
    "jean mendy",
    "salif sylla",
    "ndeye thiam",
    "abdoulaye kane",
    "grace gomis",
    "marsassoum",
    "ouro sogui",
    "0094",
    "22177",
]


def data_dir(members: int) -> Path:
    return OUT / f"data-{members}"


def build(members: int, rebuild: bool) -> None:
    from desktop.domain.synthetic import change_records
    from desktop.store.profile import Profile, ProfileDir, create_store
    from desktop.store.replica import apply_page

    pdir = ProfileDir(data_dir(members), PROFILE_ID)
    if pdir.json_path.exists() and not rebuild:
        return
    pdir.wipe()
    print(f"building a store of {members:,} members in {data_dir(members)} ...", flush=True)
    t0 = time.perf_counter()
    store = create_store(
        data_dir(members),
        Profile(profile_id=PROFILE_ID, user="counselor", role="counselor", server_url="http://127.0.0.1:9"),
        passphrase=PASSPHRASE,
    )
    page, seq = [], 0
    for record in change_records(members):
        page.append(record)
        if len(page) == PAGE:
            seq += len(page)
            apply_page(store, "SR", page, seq, "bench")
            page = []
    if page:
        apply_page(store, "SR", page, seq + len(page), "bench")
    store.close()
    print(f"built in {time.perf_counter() - t0:.1f} s", flush=True)


def open_window(members: int):
    """QApplication, the profile unlocked with its passphrase, the window shown at 1366×768."""
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_context, build_scheduler, build_window
    from desktop.cases.workspace import Workspace
    from desktop.store.profile import ProfileDir, unlock_store

    app = QApplication.instance() or QApplication(sys.argv[:1])
    context = build_context(data_dir(members))
    profile = ProfileDir(data_dir(members), PROFILE_ID).load()
    context.attach(Workspace.open(profile, unlock_store(data_dir(members), profile, PASSPHRASE)))
    scheduler = build_scheduler(context)  # never started: the benchmark has no server
    window = build_window(context, scheduler)
    window.resize(1366, 740)
    window.show()
    return app, context, window


class PaintWatch:
    """Counts paints of the worklist's viewport, to time until the user actually sees rows."""

    def __init__(self, window):
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, obj, event):
                if event.type() == QEvent.Type.Paint:
                    self.paints += 1
                return False

        self.paints = 0
        self._filter = Filter()
        window.worklist.table.viewport().installEventFilter(self._filter)


def wait_for_events(app) -> None:
    """Block in Qt (not in a Python loop holding the GIL) until something happens, as an idle UI does."""
    from PySide6.QtCore import QEventLoop

    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def wait_shown(app, window, watch: PaintWatch) -> None:
    """Until the newest request's rows are in the model and the view has painted them.

    Returns at once when the last action asked for nothing new (text or order unchanged).
    """
    if window.worklist.results_current:
        return
    painted = watch.paints  # before the answer arrives: its paint may come in the same event batch
    while not window.worklist.results_current:
        wait_for_events(app)
    if not window.worklist.model.rowCount():
        return  # the empty-state page replaces the list: nothing for the list to paint
    while watch.paints == painted:
        wait_for_events(app)


def cold_start_child(members: int) -> None:
    """Runs in a fresh process: prints the moment the first rows are painted."""
    app, context, window = open_window(members)
    watch = PaintWatch(window)
    while not (window.worklist.model.rowCount() and watch.paints):
        wait_for_events(app)
    print(f"painted {time.time():.6f}", flush=True)
    context.close()


def cold_start(members: int, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--members", str(members), "--cold-start-child"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        painted = float(next(line for line in out.splitlines() if line.startswith("painted")).split()[1])
        times.append((painted - t0) * 1000)
    return statistics.median(times)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def keystrokes(app, window, watch) -> tuple[float, float, int, int]:
    times, idle = [], 0
    for name in NAMES:
        window.worklist.search.clear()
        wait_shown(app, window, watch)
        for i in range(1, len(name) + 1):
            t0 = time.perf_counter()
            window.worklist.search.setText(name[:i])
            if window.worklist.results_current:
                idle += 1  # a first letter does not search: nothing to repaint, nothing to time
                continue
            wait_shown(app, window, watch)
            times.append((time.perf_counter() - t0) * 1000)
    window.worklist.search.clear()
    wait_shown(app, window, watch)
    return p95(times), statistics.median(times), len(times), idle


def sorts(app, window, watch) -> tuple[float, float, int]:
    from PySide6.QtCore import Qt

    from desktop.ui.worklist_model import COLUMNS

    times = []
    for _round in range(2):
        for column, (_key, _header, sort_key) in enumerate(COLUMNS):
            if sort_key is None:
                continue
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                t0 = time.perf_counter()
                window.worklist.table.sortByColumn(column, order)
                if window.worklist.results_current:
                    continue  # already in this order: nothing to do, nothing to time
                wait_shown(app, window, watch)
                times.append((time.perf_counter() - t0) * 1000)
    window.worklist.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    wait_shown(app, window, watch)
    return p95(times), statistics.median(times), len(times)


def saves(context, n: int = 200) -> tuple[float, float, int]:
    from desktop.domain.model import EmploymentVerification

    ids = [r[0] for r in context.workspace.store.conn.execute("SELECT id FROM members ORDER BY random() LIMIT ?", (n,))]
    today = context.today().isoformat()
    times = []
    for member_id in ids:
        entity = EmploymentVerification(
            member_id=member_id, employment_status="2", source="self_declared", verified_on=today
        )
        t0 = time.perf_counter()
        context.workspace.cases.create(entity)
        times.append((time.perf_counter() - t0) * 1000)
    return p95(times), statistics.median(times), len(times)


def memory_after_scrolling(app, window, watch) -> float:
    import psutil

    rows = window.worklist.model.rowCount()
    for row in [*list(range(0, rows, max(1, rows // 400))), rows - 1]:
        window.worklist.table.scrollTo(window.worklist.model.index(row, 0))
        window.worklist.table.viewport().repaint()
    return psutil.Process().memory_info().rss / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--cold-start-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    if args.cold_start_child:
        cold_start_child(args.members)
        return 0
    build(args.members, args.rebuild)
    results = {"cold start to interactive worklist": (cold_start(args.members), "median of 5 runs")}
    app, context, window = open_window(args.members)
    watch = PaintWatch(window)
    wait_shown(app, window, watch)
    random.seed(1)
    value, median, n, idle = keystrokes(app, window, watch)
    results["filter keystroke to repaint p95"] = (
        value,
        f"median {median:.1f} ms, {n} keystrokes (+{idle} first letters, which do not search)",
    )
    value, median, n = sorts(app, window, watch)
    results["sort p95"] = (value, f"median {median:.1f} ms, {n} header clicks")
    results["resident memory"] = (memory_after_scrolling(app, window, watch), "after loading and scrolling")
    value, median, n = saves(context)
    results["save one edit p95"] = (value, f"median {median:.1f} ms, {n} saves")
    context.close()

    print(
        f"\nworklist benchmark, {args.members:,} members, {os.cpu_count()} CPUs, "
        f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}"
    )
    print(f"{'figure':38} | {'measured':>10} | {'target':>9} | ok  | note")
    print("-" * 100)
    failed = False
    for name, (value, note) in results.items():
        target, unit = TARGETS[name]
        ok = value <= target
        failed |= not ok
        print(
            f"{name:38} | {value:7.1f} {unit:2} | {'≤ ' + str(target) + ' ' + unit:>9} | {'yes' if ok else 'NO':3} | {note}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
