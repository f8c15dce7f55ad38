"""Sync engine benchmarks against the sandbox on loopback, each printed beside its target.

    python bench/bench_sync.py [--members 176000] [--data bench/out/sync-176k]

One counselor holds every member the sandbox assigns (about 60 % of the population are of
working age and referred, so 176,000 registered gives about 100,000 on the worklist).

1. initial sync of the whole worklist: wall time (≤ 10 s) and bytes on the wire per member
   (≤ 150 B), beside a baseline with the smaller pages (1,000) a DCI search usually uses
2. incremental sync of 1,000 server-side changes + 200 local ops (≤ 2 s)
3. the longest stall of a Qt event loop while the scheduler runs the initial sync on its
   worker thread (≤ 100 ms)

The seeded sandbox is kept in ``--data`` (seeding 176k takes about a minute) and reused.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.cases.usecases import Cases
from desktop.domain.model import ServiceRecord
from desktop.store.records import Actor
from desktop.sync.credentials import credentials_for
from desktop.sync.engine import SyncEngine
from desktop.sync.session import sign_in

PASSPHRASE = "bench passphrase"
TODAY = time.strftime("%Y-%m-%d")


def report(name: str, value: float, unit: str, target: str, ok: bool | None) -> None:
    verdict = "" if ok is None else ("OK" if ok else "MISSED")
    print(f"{name:<62} {value:>10.1f} {unit:<6} target {target:<10} {verdict}", flush=True)


def client(data_dir: Path, url: str):
    profile, store = sign_in(data_dir, url, "counselor", "demo", passphrase=PASSPHRASE, device_name="bench")
    return profile, store


def initial_sync(url: str, work: Path, name: str, **engine_kw):
    profile, store = client(work / name, url)
    engine = SyncEngine(store, profile, credentials_for(profile, store), sanity_interval_s=0, **engine_kw)
    t = time.perf_counter()
    result = engine.run()
    elapsed = time.perf_counter() - t
    assert result.ok, result.errors
    return profile, store, engine, result, elapsed


class SandboxProcess:
    """The sandbox in its own process, as a real server is: its CPU is not the client's."""

    def __init__(self, data: Path, members: int):
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sandbox.cli",
                "serve",
                "--port",
                "0",
                "--data",
                str(data),
                "--members",
                str(members),
                "--counselors",
                "1",
                "--tick",
                "0",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.proc.stdout.readline()
        if not line.startswith("Field Desk sandbox at "):
            raise RuntimeError(f"the sandbox did not start: {line!r}")
        self.url = line.split()[4]

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=176_000)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    data = args.data or Path(__file__).parent / "out" / f"sync-{args.members // 1000}k"
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    t = time.perf_counter()
    server = SandboxProcess(data, args.members)
    try:
        print(f"sandbox ready in {time.perf_counter() - t:.1f} s at {server.url} ({data})", flush=True)

        # 1. initial sync, pipelined 5,000-record pages
        profile, store, engine, result, elapsed = initial_sync(server.url, work, "initial")
        members = store.conn.execute("SELECT count(*) FROM members WHERE assigned = 1").fetchone()[0]
        wire = result.bytes_received + result.bytes_sent
        print(f"  {members:,} members, {sum(result.pulled.values()):,} records, {wire:,} bytes", flush=True)
        report(f"initial sync of {members:,} members", elapsed, "s", "≤ 10 s", elapsed <= 10)
        report("bytes on the wire per member", wire / members, "B", "≤ 150 B", wire / members <= 150)
        if not args.skip_baseline:
            *_, base_store, _engine, base, base_elapsed = initial_sync(server.url, work, "baseline", page_size=1000)
            base_store.close()
            report("  baseline: 1,000-record pages", base_elapsed, "s", "-", None)
            report("  baseline: bytes per member", (base.bytes_received + base.bytes_sent) / members, "B", "-", None)

        # 2. incremental: 1,000 changes by someone else (a supervisor's service records), 200 ops here
        others(server.url, work, 1000)
        ids = [r[0] for r in store.conn.execute("SELECT id FROM members WHERE assigned = 1 LIMIT 200")]
        cases = Cases(store, Actor(profile.user, profile.role, profile.device_id))
        for member_id in ids:
            cases.create(
                ServiceRecord(member_id=member_id, service_type="counselling", provided_on=TODAY, description="bench")
            )
        t = time.perf_counter()
        inc = engine.run()
        elapsed = time.perf_counter() - t
        assert inc.ok, inc.errors
        print(f"  pushed {inc.pushed['ESS']['acked']}, pulled {sum(inc.pulled.values())}", flush=True)
        report("incremental sync: 1,000 changes + 200 local ops", elapsed, "s", "≤ 2 s", elapsed <= 2)
        store.close()

        # 3. the UI event loop while the scheduler syncs on its worker thread
        stall = event_loop_stall(server.url, work)
        report("longest UI event-loop stall during an initial sync", stall * 1000, "ms", "≤ 100 ms", stall <= 0.1)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def others(url: str, work: Path, n: int) -> None:
    """A supervisor's device adds ``n`` service records to members of the bench counselor."""
    profile, store = sign_in(work / "supervisor", url, "supervisor", "demo", passphrase=PASSPHRASE)
    engine = SyncEngine(store, profile, credentials_for(profile, store), sanity_interval_s=0)
    assert engine.run().ok
    cases = Cases(store, Actor(profile.user, profile.role, profile.device_id))
    ids = [r[0] for r in store.conn.execute("SELECT id FROM members WHERE assigned = 1 ORDER BY id DESC LIMIT ?", (n,))]
    for member_id in ids:
        cases.create(
            ServiceRecord(
                member_id=member_id, service_type="job_search", provided_on=TODAY, description="by the supervisor"
            )
        )
    report_ = engine.run()
    assert report_.ok and report_.pushed["ESS"]["acked"] == n, report_
    store.close()


def event_loop_stall(url: str, work: Path) -> float:
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer

    from desktop.sync.scheduler import SyncScheduler

    app = QCoreApplication.instance() or QCoreApplication([])
    profile, store = client(work / "ui", url)
    scheduler = SyncScheduler(
        SyncEngine(store, profile, credentials_for(profile, store), sanity_interval_s=0), interval_ms=0
    )
    clock = QElapsedTimer()
    worst = [0.0]
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e9
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    scheduler.finished.connect(lambda _report: app.quit())
    clock.start()
    timer.start()
    QTimer.singleShot(0, scheduler.sync_now)
    app.exec()
    timer.stop()
    scheduler.shutdown()
    store.close()
    assert scheduler.last_report is not None and scheduler.last_report.ok, scheduler.last_report
    return worst[0]


if __name__ == "__main__":
    raise SystemExit(main())
