"""``field-desk-sandbox serve``: the reference SR + ESS on this machine."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

import platformdirs

from .server import DEMO_CLIENT, DEMO_PASSWORD, Sandbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="field-desk-sandbox", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="seed on first start, then serve SR, ESS and identity")
    serve.add_argument("--host", default="127.0.0.1", help="interface to bind (default: loopback only)")
    serve.add_argument("--port", type=int, default=8700, help="0 picks a free port")
    serve.add_argument(
        "--data",
        type=Path,
        default=Path(platformdirs.user_data_dir("field-desk")) / "sandbox",
        help="directory of the SR, ESS and identity databases",
    )
    serve.add_argument("--members", type=int, default=300, help="SR population seeded on first start")
    serve.add_argument("--seed", type=int, default=1, help="random seed of the synthetic population")
    serve.add_argument("--counselors", type=int, default=None, help="counselors to spread members over")
    serve.add_argument(
        "--tick",
        type=float,
        default=60.0,
        help="seconds between gateway and enrollment-feedback rounds (0: only on request)",
    )
    args = parser.parse_args(argv)

    sandbox = Sandbox(
        args.data,
        members=args.members,
        seed=args.seed,
        counselors=args.counselors,
        host=args.host,
        port=args.port,
        tick_seconds=args.tick or None,
    )
    sandbox.start()
    print(f"Field Desk sandbox at {sandbox.url}  (data: {args.data})")
    print(f"  SR  {sandbox.url}/registry/...   ESS  {sandbox.url}/ess/...   identity  {sandbox.url}/oauth2/...")
    print(f"  people (password '{DEMO_PASSWORD}'):")
    for user in sandbox.services.identity.users():
        if user["name"] in ("counselor", "caseworker", "supervisor"):
            print(f"    {user['name']:<11} {user['role']:<11} {user['office']} ({', '.join(user['areas'])})")
    others = len(sandbox.services.identity.users()) - 3
    print(f"    ... and {others} more (counselor-N, caseworker-<area>, supervisor-<area>)")
    print(f"  system client: {DEMO_CLIENT[0]} / {DEMO_CLIENT[1]}")
    print("Ctrl-C stops.")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
