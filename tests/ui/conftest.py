"""UI fixtures: a window over a filled passphrase-keyed store, offscreen unless CI chose a display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
from dataclasses import dataclass

import pytest
import sqlcipher3
from PySide6.QtCore import Qt

from desktop.cases.reads import Reads
from desktop.cases.workspace import Workspace
from desktop.store.records import write_record
from desktop.sync.transport import RetryPolicy
from desktop.ui.context import Context
from desktop.ui.settings import Settings
from desktop.ui.tasks import Workbench, WriteQueue
from tests.conftest import TODAY, fill, listed
from tests.conftest import fold as fold  # the UI tests compare text as the search index folds it

N_MEMBERS = 600
#: a test that loses the server gives up at once
FAST_RETRY = RetryPolicy(attempts=1, base=0.01, cap=0.05, max_wait=1)


def pytest_collection_modifyitems(config, items):
    """The offscreen platform warns that it cannot pass size hints to a window manager it lacks, nor
    raise a window above others."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        for item in items:
            if "tests/ui/" in item.nodeid:
                item.add_marker(pytest.mark.qt_log_ignore("does not support (propagateSizeHints|raise)"))


@pytest.fixture
def population(store):
    """The generated records, applied to ``store``; the members on the worklist (those with an
    assignment) and their assignments, by member id."""
    return listed(fill(store, N_MEMBERS))


@pytest.fixture
def context(data_dir, profile, store, population):
    ctx = Context(data_dir=data_dir, settings=Settings(data_dir / "settings.ini"), today=lambda: TODAY)
    ctx.attach(Workspace.open(profile, store, ctx.today))
    yield ctx
    while ctx.closers:
        ctx.closers.pop()()


@pytest.fixture
def window(qtbot, context):
    """The main window over a store filled without a server; its scheduler is never started."""
    from desktop.app import build_scheduler, build_window

    win = build_window(context, build_scheduler(context, retry=FAST_RETRY))
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)  # a first start is maximised: here, a laptop's window
    with qtbot.waitSignal(win.worklist.resultsShown):
        win.resize(1366, 740)
        win.show()
    qtbot.waitUntil(lambda: win.filters.tree_model.rowCount() > 1)
    return win


@pytest.fixture
def clean_logging():
    """Log handlers the app installs are removed again after the test."""
    root = logging.getLogger()
    before = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in before[0]]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(before[1])


def show_active(qtbot, widget, width: int, height: int):
    """Shown at a laptop-window size and active, so keyboard input reaches it."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


@dataclass(frozen=True)
class TestBench(Workbench):
    """The workbench, and the connection under its read models, for a test to look at the database."""

    conn: sqlcipher3.Connection


@pytest.fixture
def bench(qapp, cases):
    """Use-cases, a write queue and UI-thread read models over the 300-member store, as the app builds them."""
    queue = WriteQueue()
    conn = cases.store.reader()
    yield TestBench(cases, queue, Reads(conn), conn)
    queue.stop()
    conn.close()


@pytest.fixture
def french(qapp, tmp_path):
    """The interface in French (its translation and its locale) for one test."""
    from PySide6.QtCore import QLocale

    from desktop.ui import i18n

    before = QLocale()
    translators = i18n.install_translator(qapp, "fr", cache_dir=tmp_path)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def seed_programmes(cases) -> None:
    with cases.store.write() as conn:
        for pid, name in (("PRG-TVET", "Technical and vocational training"), ("PRG-PUBW", "Public works")):
            write_record(
                conn,
                "Programme",
                pid,
                None,
                {"programme_identifier": pid, "programme_name": name},
                server_data={"programme_name": name},
                version=1,
            )
