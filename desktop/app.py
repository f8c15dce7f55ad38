"""Composition root: arguments, paths, logging, the error hook, the store, the window.

Everything the widgets use is built here and handed to them in one ``Context``; nothing else
in the application reaches for a global. Arguments are checked before anything is created, so
a mistyped command line leaves no folder or file behind.
"""
from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import re
import sys
from importlib.metadata import PackageNotFoundError, version as package_version
from pathlib import Path

LOG_BYTES = 1_000_000
LOG_FILES = 5
DEMO_PROFILE = "demo"
#: the demo holds synthetic people only; a fixed passphrase keeps it off the user's keyring
DEMO_PASSPHRASE = "field-desk-demo"
DEMO_MEMBERS = 2000
DEMO_PAGE = 5000

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
        prog="field-desk", description="Field Desk: offline-first case work for employment counselors, "
                                       "social case managers and supervisors.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {app_version()}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="where profiles, settings and logs live (default: $FIELD_DESK_HOME or the "
                             "per-user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open a local demo profile filled with synthetic members "
                             "($FIELD_DESK_DEMO_MEMBERS, default %d)" % DEMO_MEMBERS)
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
    file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_FILES,
                                                        encoding="utf-8")
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


def build_context(data_dir: Path):
    """The context before sign-in: data folder (checked writable), settings."""
    from .store.profile import ensure_writable
    from .ui.context import Context, Settings

    ensure_writable(data_dir)
    return Context(data_dir=Path(data_dir), settings=Settings(Path(data_dir) / "settings.ini"))


def open_demo(context, members: int = DEMO_MEMBERS) -> None:
    """Open (creating and filling it the first time) the local demo profile, as a counselor.

    The records come through ``replica.apply_page``, the same path a sync takes; a meta flag
    marks the fill complete, so a demo interrupted while filling is completed on the next start.
    """
    from .domain.synthetic import change_records
    from .store.profile import Profile, ProfileDir, create_store, unlock_store
    from .store.replica import apply_page

    pdir = ProfileDir(context.data_dir, DEMO_PROFILE)
    if pdir.json_path.exists():
        profile = pdir.load()
        store = unlock_store(context.data_dir, profile, DEMO_PASSPHRASE)
    else:
        profile = Profile(profile_id=DEMO_PROFILE, user="counselor", role="counselor", server_url="local demo",
                          display_name="Demo counselor")
        store = create_store(context.data_dir, profile, passphrase=DEMO_PASSPHRASE)
    if store.get_meta("demo_members") != str(members):
        log.info("filling the demo profile with %d synthetic members", members)
        page, seq = [], 0
        for record in change_records(members):
            page.append(record)
            if len(page) == DEMO_PAGE:
                seq += len(page)
                apply_page(store, "SR", page, seq, "demo")
                page = []
        if page:
            apply_page(store, "SR", page, seq + len(page), "demo")
        with store.write() as conn:
            store.set_meta(conn, "demo_members", str(members))
    context.attach(profile, store)
    context.demo = True


def sign_in(context) -> bool:
    """The sign-in dialog; True once a profile's store is open in ``context``."""
    from .ui.signin import SignInDialog

    dialog = SignInDialog(context.data_dir, context.settings.get("last_profile"))
    if dialog.exec() != dialog.DialogCode.Accepted or dialog.store is None:
        return False
    context.attach(dialog.profile, dialog.store)
    return True


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication

    from .store.errors import StoreError
    from .ui.error_dialog import known_message, known_problem_box

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Field Desk")
    app.setApplicationVersion(app_version())
    from PySide6.QtCore import QLocale

    from .ui.i18n import install_translator

    install_translator(app, args.lang or QLocale.system().name(), cache_dir=args.data_dir / "cache")
    try:
        context = build_context(args.data_dir)
    except StoreError as exc:
        known_problem_box(known_message(exc)).exec()
        return 1
    hook = ExceptHook(setup_logging(args.data_dir))
    sys.excepthook = hook
    log.info("Field Desk %s starting, data in %s", app_version(), args.data_dir)
    try:
        if args.demo:
            open_demo(context, args.demo_members)
        elif not sign_in(context):
            return 0
    except StoreError as exc:
        log.warning("could not open the profile: %s", exc)
        known_problem_box(known_message(exc)).exec()
        return 1

    from .ui.main_window import MainWindow

    window = MainWindow(context)
    window.show()
    try:
        return app.exec()
    finally:
        context.close()
        log.info("Field Desk stopped")
