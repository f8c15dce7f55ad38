"""The scheduler: one run at a time on a worker thread, signals for the UI, cancel, reconnect, wipe."""

from __future__ import annotations

import os
import threading
from typing import ClassVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import requests

from desktop.sync.scheduler import SyncScheduler

from .conftest import admin
from .helpers import service_record
from .proxy import FaultProxy, Link


@pytest.fixture
def scheduler_for(qtbot):
    made = []

    def make(engine, **kw) -> SyncScheduler:
        scheduler = SyncScheduler(engine, interval_ms=0, **kw)
        made.append(scheduler)
        return scheduler

    yield make
    for s in made:
        s.shutdown()


class _Recording(requests.Session):
    """Notes which thread sent each request and whether two runs ever overlapped."""

    active = 0
    overlap = False
    threads: ClassVar[set[int]] = set()
    lock = threading.Lock()

    def __init__(self):
        super().__init__()
        with _Recording.lock:
            _Recording.active += 1
            _Recording.overlap |= _Recording.active > 1

    def send(self, request, **kw):
        _Recording.threads.add(threading.get_ident())
        return super().send(request, **kw)

    def close(self):
        with _Recording.lock:
            _Recording.active -= 1
        super().close()


def test_sync_runs_off_the_ui_thread_and_reports_state_and_progress(sandbox, make_client, qtbot, scheduler_for):
    client = make_client(sandbox, sync=False)
    scheduler = scheduler_for(client.engine(session_factory=_Recording))
    states, phases = [], []
    scheduler.stateChanged.connect(states.append)
    scheduler.progress.connect(lambda phase, items, nbytes: phases.append((phase, items, nbytes)))
    with qtbot.waitSignal(scheduler.finished, timeout=30000) as finished:
        scheduler.sync_now()
    assert finished.args[0].ok
    assert states == ["syncing", "up_to_date"]
    assert {p[0] for p in phases} >= {"pull SR", "pull ESS"} and phases[-1][2] > 0
    assert threading.get_ident() not in _Recording.threads


def test_requests_during_a_run_give_one_more_run_never_two_at_once(sandbox, make_client, qtbot, scheduler_for):
    client = make_client(sandbox)
    scheduler = scheduler_for(client.engine(session_factory=_Recording))
    reports = []
    scheduler.finished.connect(reports.append)
    scheduler.sync_now()
    client.cases.create(service_record(sorted(client.member_ids())[0], "queued during a run"))
    scheduler.sync_now()
    scheduler.sync_now()
    qtbot.waitUntil(lambda: len(reports) == 2 and not scheduler.running, timeout=30000)
    assert not _Recording.overlap
    assert sum(r.pushed["ESS"]["acked"] for r in reports) == 1


def test_cancel_stops_a_run_and_keeps_what_was_applied(sandbox, make_client, qtbot, scheduler_for):
    client = make_client(sandbox, sync=False)
    with FaultProxy(sandbox.port, link=Link(latency_s=0.05, chunk=1024)) as proxy:
        client.point_at(proxy.url)
        scheduler = scheduler_for(client.engine(page_size=20))
        pages = []
        scheduler.progress.connect(lambda *a: pages.append(a))
        with qtbot.waitSignal(scheduler.finished, timeout=60000) as finished:
            scheduler.sync_now()
            qtbot.waitUntil(lambda: len(pages) >= 2, timeout=30000)
            scheduler.cancel()
        report = finished.args[0]
    client.point_at(sandbox.url)
    assert report.cancelled and not report.ok
    assert scheduler.state == "offline"  # nothing known yet: the run that would have said was cancelled
    cursor = client.rows("SELECT cursor FROM sync_state WHERE destination = 'SR'")[0][0]
    assert cursor > 0  # the pages applied before the cancel stay


def test_going_offline_then_reconnecting_sends_the_waiting_work(sandbox, make_client, qtbot, scheduler_for):
    client = make_client(sandbox)
    scheduler = scheduler_for(client.engine())
    with qtbot.waitSignal(scheduler.finished, timeout=30000):
        scheduler.sync_now()
    assert scheduler.state == "up_to_date"
    with qtbot.waitSignal(scheduler.stateChanged, timeout=5000) as changed:
        scheduler.set_online(False)
    assert changed.args == ["offline"]
    client.cases.create(service_record(sorted(client.member_ids())[0], "written offline"))
    with qtbot.waitSignal(scheduler.finished, timeout=30000) as finished:
        scheduler.set_online(True)
    assert finished.args[0].pushed["ESS"]["acked"] == 1
    assert scheduler.state == "up_to_date"


def test_a_revoked_device_is_wiped_and_the_ui_is_told(fresh_sandbox, make_client, qtbot, scheduler_for):
    client = make_client(fresh_sandbox)
    admin(fresh_sandbox, f"/admin/devices/{client.profile.device_id}/revoke")
    root = client.store.path.parent
    scheduler = scheduler_for(client.engine())
    with qtbot.waitSignal(scheduler.wiped, timeout=30000):
        scheduler.sync_now()
    assert not root.exists()
