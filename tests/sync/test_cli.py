"""``field-desk-cli login``, ``sync`` and ``status --json`` against the sandbox, as IT staff run them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import PASSPHRASE


def cli(data_dir, *args, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_login_sync_and_status_from_the_command_line(sandbox, tmp_path):
    data = tmp_path / "cli"
    login = cli(
        data,
        "--passphrase-stdin",
        "login",
        "--server",
        sandbox.url,
        "--user",
        "counselor",
        "--password-stdin",
        stdin=f"demo\n{PASSPHRASE}\n",
    )
    assert login.returncode == 0, login.stderr
    assert "signed in as counselor" in login.stdout

    sync = cli(data, "--passphrase-stdin", "sync", stdin=f"{PASSPHRASE}\n")
    assert sync.returncode == 0, sync.stderr
    assert sync.stdout.startswith("up_to_date: pushed 0")
    assert "pull SR" in sync.stderr  # progress on stderr, summary on stdout

    status = cli(data, "--passphrase-stdin", "status", "--json", stdin=f"{PASSPHRASE}\n")
    assert status.returncode == 0, status.stderr
    summary = json.loads(status.stdout)
    assert summary["assigned"] > 0 and summary["pending"] == 0 and summary["rejected"] == 0
    assert summary["conflicts"] == 0 and summary["last_sync"]


def test_login_with_a_wrong_password_fails_clearly(sandbox, tmp_path):
    result = cli(
        tmp_path,
        "--passphrase-stdin",
        "login",
        "--server",
        sandbox.url,
        "--user",
        "counselor",
        "--password-stdin",
        stdin=f"wrong\n{PASSPHRASE}\n",
    )
    assert result.returncode == 1
    assert "wrong password" in result.stderr
    assert not (tmp_path / "profiles").exists()


@pytest.mark.slow
def test_sync_exits_non_zero_when_the_server_is_unreachable(sandbox, make_client):
    client = make_client(sandbox)
    client.profile.server_url = "http://127.0.0.1:9"  # discard port: nothing listens
    from desktop.store.profile import ProfileDir

    ProfileDir(client.data_dir, client.profile.profile_id).save(client.profile)
    result = cli(client.data_dir, "--passphrase-stdin", "sync", stdin=f"{PASSPHRASE}\n")
    assert result.returncode == 1
    assert result.stdout.startswith("offline:")
    assert "could not be reached" in result.stderr


def test_sync_of_a_revoked_device_wipes_it_and_fails(fresh_sandbox, make_client):
    from .conftest import admin

    client = make_client(fresh_sandbox)
    client.store.close()
    admin(fresh_sandbox, f"/admin/devices/{client.profile.device_id}/revoke")
    result = cli(client.data_dir, "--passphrase-stdin", "sync", stdin=f"{PASSPHRASE}\n")
    assert result.returncode == 1
    assert "revoked" in result.stderr
    assert not (client.data_dir / "profiles" / client.profile.profile_id).exists()
