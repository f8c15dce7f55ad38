"""``field-desk-cli``: status numbers after real use-cases; it never prompts; bad input exits 2."""

from __future__ import annotations

import io
import json

import pytest

from desktop import cli
from desktop.domain.model import EmploymentVerification, Note
from desktop.store import keys, outbox
from desktop.store.outbox import ItemResult
from desktop.store.profile import Profile, ProfileDir
from tests.conftest import PASSPHRASE


def run_status(data_dir, monkeypatch, capsys, *extra, stdin=PASSPHRASE + "\n"):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(["--data-dir", str(data_dir), *extra, "status", "--json"])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if code == 0 else None), out.err


def test_status_json_counts_pending_rejected_and_the_last_sync(cases, data_dir, monkeypatch, capsys):
    member_ids = [r[0] for r in cases.store.conn.execute("SELECT id FROM members ORDER BY id LIMIT 3")]
    for member_id in member_ids:
        cases.create(
            EmploymentVerification(
                member_id=member_id, employment_status="2", source="self_declared", verified_on="2026-11-10"
            )
        )
    cases.create(Note(member_id=member_ids[0], text="Prefers mornings."))
    sent = outbox.claim_batch(cases.store, "ESS", limit=1)
    outbox.record_results(cases.store, [ItemResult(sent[0].op_id, "rjct", reason_code="rjct.validation")])

    code, status, _err = run_status(data_dir, monkeypatch, capsys, "--passphrase-stdin")
    assert code == 0
    assigned = cases.store.conn.execute("SELECT count(*) FROM members WHERE assigned = 1").fetchone()[0]
    assert status["assigned"] == assigned == 300
    assert status["pending"] == 3
    assert status["rejected"] == 1
    assert status["conflicts"] == 0
    assert (
        status["last_sync"]
        and status["last_sync"] >= cases.store.conn.execute("SELECT max(last_pull) FROM sync_state").fetchone()[0]
    )


def test_status_never_prompts_for_a_passphrase(store, data_dir, monkeypatch, capsys):
    code, _status, err = run_status(data_dir, monkeypatch, capsys, stdin="")
    assert code == 1
    assert "--passphrase-stdin" in err


def test_status_with_a_wrong_passphrase_says_so_and_exits_1(store, data_dir, monkeypatch, capsys):
    code, _status, err = run_status(data_dir, monkeypatch, capsys, "--passphrase-stdin", stdin="nope\n")
    assert code == 1 and "passphrase is not correct" in err


def test_keyring_profile_without_a_keyring_fails_clearly(data_dir, monkeypatch, capsys):
    ProfileDir(data_dir, "kr").save(Profile(profile_id="kr", user="u", role="counselor", server_url="http://x"))
    monkeypatch.setattr(keys, "secure_keyring_available", lambda: False)
    code, _status, err = run_status(data_dir, monkeypatch, capsys)
    assert code == 1 and "no secure keyring" in err


def test_unknown_profile_lists_the_known_ones(store, data_dir, monkeypatch, capsys):
    code, _status, err = run_status(data_dir, monkeypatch, capsys, "--profile", "ghost")
    assert code == 1 and "counselor-test" in err


@pytest.mark.parametrize("argv", [["--bogus", "status"], [], ["status", "--nope"], ["frobnicate"]])
def test_bad_arguments_exit_2_and_create_nothing(tmp_path, argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--data-dir", str(tmp_path / "never"), *argv])
    assert exit_info.value.code == 2
    assert not (tmp_path / "never").exists()
    assert "usage: field-desk-cli" in capsys.readouterr().err


def test_subcommands_come_from_one_table():
    assert "status" in cli.commands
    assert "status" in cli.build_parser().format_help()
