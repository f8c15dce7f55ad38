"""``field-desk-cli``: the same profiles and store as the window, for scripts and support.

Subcommands live in ``commands`` (name → (add_arguments, run)); adding ``login`` or ``sync``
is one entry. Nothing here prompts: a passphrase profile reads its passphrase from stdin when
``--passphrase-stdin`` is given, and fails clearly otherwise, so scripts never hang.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from .app import app_version, default_data_dir
from .store.errors import StoreError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A problem the user can fix; printed as is, exit status 1."""


def pick_profile(data_dir: Path, profile_id: str | None):
    """The named profile, else the only one, else the one used most recently."""
    from .store.profile import ProfileDir, list_profiles

    profiles = list_profiles(data_dir)
    if profile_id:
        found = next((p for p in profiles if p.profile_id == profile_id), None)
        if found is None:
            names = ", ".join(p.profile_id for p in profiles) or "none"
            raise CliError(f"no profile {profile_id!r} in {data_dir} (profiles: {names})")
        return found
    if not profiles:
        raise CliError(f"no profile in {data_dir}: sign in with Field Desk first")

    def last_used(p) -> float:
        pdir = ProfileDir(data_dir, p.profile_id)
        paths = [pdir.db_path, pdir.db_path.with_name(pdir.db_path.name + "-wal"), pdir.json_path]
        return max((q.stat().st_mtime for q in paths if q.exists()), default=0.0)

    return max(profiles, key=last_used)


def open_profile(args: argparse.Namespace):
    """``(profile, store)`` for the chosen profile, without ever prompting."""
    from .store import keys
    from .store.profile import unlock_store

    profile = pick_profile(args.data_dir, args.profile)
    passphrase = None
    if profile.key_method == "passphrase":
        if not args.passphrase_stdin:
            raise CliError(
                f"profile {profile.profile_id!r} is passphrase-protected: "
                "give the passphrase on standard input with --passphrase-stdin"
            )
        passphrase = sys.stdin.readline().rstrip("\r\n")
    elif not keys.secure_keyring_available():
        raise CliError(
            f"profile {profile.profile_id!r} keeps its key in the OS keyring, "
            "and no secure keyring is available in this session"
        )
    return profile, unlock_store(args.data_dir, profile, passphrase)


# --- status ---------------------------------------------------------------------------------


def _status_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _status(args: argparse.Namespace) -> int:
    from .store.casefile import status_summary

    profile, store = open_profile(args)
    try:
        summary = status_summary(store.conn)
    finally:
        store.close()
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"profile:   {profile.profile_id} ({profile.user}, {profile.role})")
        for key in ("assigned", "pending", "rejected", "conflicts"):
            print(f"{key + ':':10} {summary[key]}")
        print(f"last sync: {summary['last_sync'] or 'never'}")
    return EXIT_OK


# --- login and sync ---------------------------------------------------------------------------


def _login_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", required=True, metavar="URL", help="identity server (and SR/ESS by default)")
    parser.add_argument("--sr", metavar="URL", help="Social Registry base URL, if not the server's")
    parser.add_argument("--ess", metavar="URL", help="Employment Support System base URL, if not {server}/ess")
    parser.add_argument("--user", required=True, metavar="NAME")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="read the password from the first line of standard input "
        "(with --passphrase-stdin, the passphrase from the second)",
    )
    parser.add_argument("--device-name", metavar="NAME", help="how this device appears to administrators")


def _login(args: argparse.Namespace) -> int:
    from .store import keys
    from .sync.session import sign_in
    from .sync.transport import SyncError

    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise CliError("no password on standard input")
    passphrase = None
    if args.passphrase_stdin:
        passphrase = sys.stdin.readline().rstrip("\r\n")
        if not passphrase:
            raise CliError("--passphrase-stdin: no passphrase on the second line of standard input")
    elif not keys.secure_keyring_available():
        raise CliError(
            "no secure keyring in this session: choose a passphrase for the local database and give it "
            "on the second line of standard input with --passphrase-stdin"
        )
    try:
        profile, store = sign_in(
            args.data_dir,
            args.server,
            args.user,
            password,
            sr_url=args.sr,
            ess_url=args.ess,
            passphrase=passphrase,
            device_name=args.device_name,
        )
    except SyncError as exc:
        raise CliError(exc.user_message) from exc
    store.close()
    print(f"signed in as {profile.user} ({profile.role}); profile {profile.profile_id}, device {profile.device_id}")
    return EXIT_OK


def _sync_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")


def _sync(args: argparse.Namespace) -> int:
    import dataclasses
    import signal
    import threading

    from .sync.credentials import credentials_for
    from .sync.engine import SyncEngine

    profile, store = open_profile(args)
    credentials = credentials_for(profile, store)
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    engine = SyncEngine(store, profile, credentials)  # a revoked device is wiped by the engine

    def progress(phase: str, items: int, nbytes: int) -> None:
        print(f"{phase}: {items} records, {nbytes // 1024} kB", file=sys.stderr, flush=True)

    try:
        report = engine.run(progress, stop.is_set)
    finally:
        signal.signal(signal.SIGINT, previous)
    if not report.wiped:  # a wipe has closed and removed the store already
        store.close()
    for line in report.errors + report.warnings:
        print(f"field-desk-cli: {line}", file=sys.stderr)
    if args.json:
        out = dataclasses.asdict(report)
        out["state"], out["ok"] = report.state, report.ok
        print(json.dumps(out))
    else:
        print(f"{report.state}: {report.summary()}")
    return EXIT_OK if report.ok else EXIT_ERROR


#: subcommand → (add its arguments, run it)
commands: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int], str]] = {
    "status": (_status_arguments, _status, "worklist size, changes waiting, rejected, conflicts, last sync"),
    "login": (_login_arguments, _login, "first sign-in on this device (online): creates the profile"),
    "sync": (_sync_arguments, _sync, "push waiting changes and pull updates; non-zero exit on failure"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="field-desk-cli", description="Field Desk from the command line.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {app_version()}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="the data folder (default: $FIELD_DESK_HOME or the per-user data folder)",
    )
    parser.add_argument("--profile", metavar="ID", help="profile to use (default: the only or most recent one)")
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the profile's passphrase from the first line of standard input",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (add_arguments, _run, summary) in commands.items():
        add_arguments(sub.add_parser(name, help=summary, description=summary))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.data_dir = args.data_dir or default_data_dir()
    if args.data_dir.exists() and not args.data_dir.is_dir():
        parser.error(f"--data-dir: {args.data_dir} is a file, not a folder")
    try:
        return commands[args.command][1](args)
    except CliError as exc:
        print(f"field-desk-cli: {exc}", file=sys.stderr)
    except StoreError as exc:
        print(f"field-desk-cli: {exc.message}", file=sys.stderr)
    return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
