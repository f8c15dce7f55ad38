"""Composition root: arguments, paths, logging, the error hook, the store, the window.

Everything the widgets use is built here and handed to them in one ``Context``; nothing else
in the application reaches for a global. Arguments are checked before anything is created, so
a mistyped command line leaves no folder or file behind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import logging.handlers
import os
import re
import sys
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

LOG_BYTES = 1_000_000
LOG_FILES = 5
#: the demo holds synthetic people only; a fixed passphrase keeps it off the user's keyring
DEMO_PASSPHRASE = "field-desk-demo"
DEMO_PASSWORD = "demo"
DEMO_MEMBERS = 2000
#: the freedesktop desktop-entry id (packaging/field-desk.desktop) and the X11 window class
APP_ID = "field-desk"

log = logging.getLogger("desktop")


def app_version() -> str:
    try:
        return package_version("field-desk")
    except PackageNotFoundError:
        return "0+unknown"


def default_data_dir() -> Path:
    """``FIELD_DESK_HOME``, else the platform's per-user data folder."""
    from platformdirs import user_data_dir

    return Path(os.environ.get("FIELD_DESK_HOME") or user_data_dir("field-desk", appauthor=False))


def demo_members() -> int:
    raw = os.environ.get("FIELD_DESK_DEMO_MEMBERS", "")
    if not raw:
        return DEMO_MEMBERS
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(raw)
    return int(raw)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse and check the command line; a bad one exits with status 2 before anything is created."""
    parser = argparse.ArgumentParser(
        prog="field-desk",
        description="Field Desk: offline-first case work for employment counselors, "
        "social case managers and supervisors.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {app_version()}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where profiles, settings and logs live (default: $FIELD_DESK_HOME or the per-user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the sandbox SR and ESS with synthetic members ($FIELD_DESK_DEMO_MEMBERS, "
        f"default {DEMO_MEMBERS}) and offer its accounts: counselor, case manager, supervisor, planner",
    )
    parser.add_argument("--lang", metavar="CODE", help="interface language, e.g. fr or fr_SN")
    args = parser.parse_args(argv)
    if args.lang is not None and not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", args.lang):
        parser.error(f"--lang: {args.lang!r} is not a language code such as fr or fr_SN")
    args.data_dir = args.data_dir or default_data_dir()
    if args.data_dir.exists() and not args.data_dir.is_dir():
        parser.error(f"--data-dir: {args.data_dir} is a file, not a folder")
    if args.demo:
        try:
            args.demo_members = demo_members()
        except ValueError as exc:
            parser.error(f"FIELD_DESK_DEMO_MEMBERS must be a positive whole number, not {exc}")
    return args


def setup_logging(data_dir: Path) -> Path:
    """A rotating log file in the data folder; warnings also go to stderr."""
    path = Path(data_dir) / "logs" / "field-desk.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "field_desk", False)]:
        root.removeHandler(handler)
        handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_BYTES, backupCount=LOG_FILES, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("field-desk: %(levelname)s %(message)s"))
    for handler in (file_handler, console):
        handler.field_desk = True
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class ExceptHook:
    """``sys.excepthook``: log every uncaught exception, then tell the user once, plainly.

    Known problems show their message; bugs show a report to copy. Dialogs are shown without a
    nested event loop and kept here until closed; an error raised while one is being built is
    only logged, so a failing dialog cannot loop.
    """

    def __init__(self, log_path: Path | None):
        self.log_path = log_path
        self.dialogs: list = []
        self._busy = False

    def __call__(self, exc_type, exc, tb) -> None:
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        if self._busy or issubclass(exc_type, KeyboardInterrupt):
            return
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._busy = True
        try:
            self._show(exc_type, exc, tb)
        finally:
            self._busy = False

    def _show(self, exc_type, exc, tb) -> None:
        from PySide6.QtWidgets import QApplication

        from .ui.error_dialog import BugReportDialog, bug_report, known_message, known_problem_box

        parent = QApplication.activeWindow()
        message = known_message(exc)
        if message is not None:
            dialog = known_problem_box(message, parent)
        else:
            dialog = BugReportDialog(bug_report(exc_type, exc, tb, app_version(), self.log_path), parent)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.open()

    def _forget(self, dialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()


def brand(app) -> None:
    """Name, version and icon for every window. The desktop file name lets a Wayland or X11
    shell match the windows to the menu entry, and so show the same icon and name."""
    from PySide6.QtGui import QIcon

    from . import resources

    app.setApplicationName("Field Desk")
    app.setApplicationVersion(app_version())
    app.setDesktopFileName(APP_ID)
    icon = QIcon()
    for png in sorted(resources.path("icons", "hicolor").glob("*/apps/field-desk.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)


def build_context(data_dir: Path):
    """The context before sign-in: data folder (checked writable), settings."""
    from .store.profile import ensure_writable
    from .ui.context import Context
    from .ui.settings import Settings

    ensure_writable(data_dir)
    return Context(data_dir=Path(data_dir), settings=Settings(Path(data_dir) / "settings.ini"))


def start_demo_server(data_dir: Path, members: int):
    """The demo's server, on a worker thread (seeding takes a while): the sandbox keeps its data in
    ``demo-sandbox`` and listens on a free port each run. Returns ``(sandbox, reused)``, ``reused``
    when its data was made by an earlier run (so profiles made against it are still good)."""
    from sandbox.server import Sandbox

    sandbox_dir = Path(data_dir) / "demo-sandbox"
    reused = sandbox_dir.is_dir()
    return Sandbox(sandbox_dir, members=members, port=0).start(), reused


def open_demo_account(
    data_dir: Path, server_url: str, user: str, profile_id: str, reused: bool, today: Callable = dt.date.today
):
    """Sign a demo account in; runs on a worker thread.

    Each account signs in through the same online sign-in as anyone. A profile the account made
    against this demo's data earlier is reopened instead (pointed at today's port, its refresh
    token still valid), so work done in the demo is kept. A profile left from a demo server that
    was since deleted belongs to nobody and is removed.
    """
    from .cases.workspace import Workspace
    from .store.profile import ProfileDir, unlock_store
    from .sync.session import sign_in as online_sign_in

    pdir = ProfileDir(data_dir, profile_id) if profile_id else None
    if reused and pdir is not None and pdir.json_path.exists():
        profile = pdir.load()
        profile.server_url = server_url
        store = unlock_store(data_dir, profile, DEMO_PASSPHRASE)
        pdir.save(profile)
        return Workspace.open(profile, store, today)
    if pdir is not None:
        pdir.wipe()
    profile, store = online_sign_in(
        data_dir, server_url, user, DEMO_PASSWORD, passphrase=DEMO_PASSPHRASE, device_name="Field Desk demo"
    )
    return Workspace.open(profile, store, today)


def open_demo(context, members: int, shown: Callable | None = None):
    """Start the demo without blocking: a busy dialog while the server starts, then the demo's
    sign-in with its accounts (counselor, case manager, supervisor, planner), then the main
    window, whose first sync fills the worklist. "Switch user" and signing out come back to the
    accounts; the server runs until the application ends. ``shown(window)`` hears of each window.
    Returns the busy dialog, which holds the demo's current sign-in dialog and window."""
    from .ui.startup import StartupDialog

    dialog = StartupDialog(lambda: start_demo_server(context.data_dir, members), context.tasks)

    def offer_accounts(server_url: str, reused: bool) -> None:
        def opened(window) -> None:
            dialog.window = window
            window.sessionEnded.connect(lambda: offer_accounts(server_url, True))
            if shown is not None:
                shown(window)

        dialog.accounts = choose_demo_account(context, server_url, reused, opened)

    def ready(result) -> None:
        sandbox, reused = result
        context.at_exit.append(sandbox.stop)
        context.demo = True
        offer_accounts(sandbox.url, reused)

    dialog.ready.connect(ready)
    dialog.show()
    return dialog


def choose_demo_account(context, server_url: str, reused: bool, opened: Callable):
    """The demo's sign-in: its accounts listed; the chosen one opens in the main window."""
    from .ui.demo import DemoSignInDialog

    profiles = context.settings.get("demo/profiles")
    today = context.today

    def sign_in(user: str):
        return open_demo_account(context.data_dir, server_url, user, profiles.get(user, ""), reused, today)

    chooser = DemoSignInDialog(sign_in, context.tasks)

    def signed_in(workspace) -> None:
        context.attach(workspace)
        context.settings.set("demo/profiles", {**profiles, workspace.profile.user: workspace.profile.profile_id})
        opened(open_main_window(context, network=False))

    chooser.signedIn.connect(signed_in)
    chooser.show()
    return chooser


def build_scheduler(context, **engine_options):
    """The profile's sync engine on its scheduler."""
    from .sync.scheduler import SyncScheduler

    return SyncScheduler(context.workspace.sync_engine(**engine_options))


def watch_network(scheduler) -> None:
    """Sync as soon as the network comes back (where the platform can tell)."""
    from PySide6.QtNetwork import QNetworkInformation

    if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
        return
    info = QNetworkInformation.instance()
    info.reachabilityChanged.connect(
        lambda reach: scheduler.set_online(reach != QNetworkInformation.Reachability.Disconnected)
    )


def build_window(context, scheduler):
    """The session's controller (its workers, signing out, the wipe) and the window over it.

    At exit the controller stops the scheduler first, then the window's reads and writes, and
    only then does the store close.
    """
    from .ui.controller import SessionController
    from .ui.main_window import MainWindow

    return MainWindow(context, SessionController(context, scheduler))


def open_main_window(context, scheduler=None, *, network: bool = True):
    """The worklist window over the signed-in profile, syncing at once and then periodically.

    The demo's server is on loopback, so the network state does not concern it.
    """
    scheduler = scheduler or build_scheduler(context)
    window = build_window(context, scheduler)
    if network:
        watch_network(scheduler)
    window.show()
    scheduler.sync_now()
    return window


def sign_in(context) -> bool:
    """The sign-in dialog; True once a profile's workspace is open in ``context``."""
    from .cases.accounts import Accounts
    from .ui.signin import SignInDialog

    dialog = SignInDialog(
        Accounts(context.data_dir, context.today), context.tasks, context.settings.get("last_profile")
    )
    if dialog.exec() != dialog.DialogCode.Accepted or dialog.workspace is None:
        return False
    context.attach(dialog.workspace)
    return True


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication

    from .store.errors import StoreError
    from .ui.error_dialog import known_message, known_problem_box

    # argv[0] becomes the X11 window class's instance name, which the desktop entry's
    # StartupWMClass names; under `python -m desktop` it would be "__main__.py"
    app = QApplication.instance() or QApplication([APP_ID])
    brand(app)
    try:
        context = build_context(args.data_dir)
    except StoreError as exc:
        known_problem_box(known_message(exc)).exec()
        return 1
    from PySide6.QtCore import QLocale

    from .ui.i18n import install_translator

    install_translator(
        app, args.lang or context.settings.get("language") or QLocale.system().name(), cache_dir=args.data_dir / "cache"
    )
    hook = ExceptHook(setup_logging(args.data_dir))
    sys.excepthook = hook
    log.info("Field Desk %s starting, data in %s", app_version(), args.data_dir)
    try:
        while True:
            windows: list = []
            startup = open_demo(context, args.demo_members, windows.append) if args.demo else None
            if startup is None:
                try:
                    if not sign_in(context):
                        return 0
                except StoreError as exc:
                    log.warning("could not open the profile: %s", exc)
                    known_problem_box(known_message(exc)).exec()
                    return 1
                windows.append(open_main_window(context))
            status = app.exec()
            if startup is not None and startup.failed:
                return 1
            if args.demo or not windows[0].signed_out:
                return status
    finally:
        context.close()
        log.info("Field Desk stopped")
