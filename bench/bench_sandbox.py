"""Sandbox benchmarks, each printed beside its target.

    python bench/bench_sandbox.py [--members 100000] [--data DIR]

1. seeding: A.1 → B.7 for the whole population (target ≤ 60 s; the generator's own time is shown apart)
2. a page of 1,000 members through DCI sync search on loopback (target ≤ 100 ms)
3. a 2,000-record field-update pull page, gzip (served fast) and the initial sync's bytes on the
   wire per member (the client's target: ≤ 150 B/member), with one counselor holding every member
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.domain import synthetic
from sandbox.server import Sandbox, build_services

TS = "2026-11-22T10:00:00.000Z"


def envelope(criteria: dict) -> dict:
    return {
        "header": {
            "version": "1.0.0",
            "message_id": "b",
            "message_ts": TS,
            "action": "search",
            "sender_id": "bench",
            "total_count": 1,
        },
        "message": {
            "transaction_id": "t",
            "search_request": [{"reference_id": "r", "timestamp": TS, "search_criteria": criteria}],
        },
    }


def pull_body(service: str, after: int, size: int) -> dict:
    return envelope(
        {
            "reg_type": "ns:org:RegistryType:" + ("Social" if service == "registry" else "ESS"),
            "reg_record_type": "fielddesk:Change",
            "query_type": "predicate",
            "query": [
                {
                    "seq_num": 1,
                    "expression1": {"attribute_name": "sync_seq", "operator": "gt", "attribute_value": str(after)},
                }
            ],
            "pagination": {"page_size": size, "page_number": 1},
        }
    )


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def report(name: str, value: float, unit: str, target: str, ok: bool) -> None:
    print(f"{name:<58} {value:>10.1f} {unit:<6} target {target:<10} {'OK' if ok else 'MISSED'}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    if args.data:
        return run(args.members, args.data)
    with tempfile.TemporaryDirectory(prefix="sandbox-bench-") as tmp:
        return run(args.members, Path(tmp))


def run(members: int, data: Path) -> int:

    t = time.perf_counter()
    sum(len(h.members) for h in synthetic.iter_population(members, 1))
    generator_s = time.perf_counter() - t
    t = time.perf_counter()
    services = build_services(data, members=members, seed=1, counselors=1)
    seed_s = time.perf_counter() - t
    summary = services.seed_summary
    services.close()
    report(f"seed {members:,} members (A.1-B.7, incl. generator)", seed_s, "s", "<= 60 s", seed_s <= 60)
    print(
        f"  of which the synthetic generator alone: {generator_s:.1f} s; referred and assigned: {summary['referred']:,}"
    )

    with Sandbox(data, tick_seconds=None) as sb:
        http = requests.Session()
        system = http.post(
            sb.url + "/oauth2/client/token",
            data={"grant_type": "client_credentials", "client_id": "demo-system", "client_secret": "demo"},
        ).json()
        person = http.post(
            sb.url + "/oauth2/token",
            data={"grant_type": "password", "username": "counselor", "password": "demo", "device_id": "bench"},
        ).json()

        def search(criteria: dict) -> None:
            r = http.post(
                sb.url + "/registry/sync/search",
                json=envelope(criteria),
                headers={"Authorization": "Bearer " + system["access_token"]},
            )
            assert (
                r.status_code == 200 and len(r.json()["message"]["search_response"][0]["data"]["reg_records"]) == 1000
            )

        page = {
            "reg_record_type": "Member",
            "query_type": "predicate",
            "pagination": {"page_size": 1000, "page_number": 3},
            "query": [
                {
                    "seq_num": 1,
                    "expression1": {"attribute_name": "member_id", "operator": "ge", "attribute_value": "M-"},
                }
            ],
        }
        filtered = {
            **page,
            "pagination": {"page_size": 1000, "page_number": 1},
            "query": [
                {"seq_num": 1, "expression1": {"attribute_name": "sex", "operator": "eq", "attribute_value": "female"}}
            ],
        }
        for name, criteria in (
            ("DCI search, page of 1,000 members (by id)", page),
            ("DCI search, page of 1,000 members (filter sex, count all)", filtered),
        ):
            runs = timed(lambda criteria=criteria: search(criteria), 20)
            report(name + ", median", statistics.median(runs), "ms", "<= 100 ms", statistics.median(runs) <= 100)

        auth = {"Authorization": "Bearer " + person["access_token"], "Accept-Encoding": "gzip"}

        def pull_page(service: str, after: int, size: int) -> tuple[list, int]:
            r = http.post(
                sb.url + f"/{service}/sync/search",
                data=json.dumps(pull_body(service, after, size)),
                headers={**auth, "Content-Type": "application/json"},
                stream=True,
            )
            wire = r.raw.read(decode_content=False)
            body = json.loads(_gunzip(wire, r.headers))
            return body["message"]["search_response"][0]["data"]["reg_records"], len(wire)

        runs = timed(lambda: pull_page("registry", 0, 2000), 10)
        report("field-update pull, 2,000-record page, gzip, median", statistics.median(runs), "ms", "fast", True)

        t = time.perf_counter()
        wire_total, members = 0, 0
        for service in ("registry", "ess"):
            after = 0
            while True:
                records, wire = pull_page(service, after, 5000)
                wire_total += wire
                if not records:
                    break
                members += sum(r["entity_type"] == "Member" for r in records) if service == "registry" else 0
                after = records[-1]["sync_seq"]
        sync_s = time.perf_counter() - t
        report(f"initial sync, {members:,} members, pages of 5,000 (server side)", sync_s, "s", "client <= 10 s", True)
        report(
            "initial sync bytes on the wire per member (gzip)",
            wire_total / members,
            "B",
            "<= 150 B",
            wire_total / members <= 150,
        )
    return 0


def _gunzip(wire: bytes, headers) -> bytes:
    import gzip

    return gzip.decompress(wire) if headers.get("Content-Encoding") == "gzip" else wire


if __name__ == "__main__":
    raise SystemExit(main())
