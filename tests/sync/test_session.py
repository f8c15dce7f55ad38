"""Sign-in, sign-out and where the tokens live."""

from __future__ import annotations

import json

import pytest

from desktop.sync.session import SignInError, UnsyncedWorkError, sign_in, sign_out

from .conftest import PASSPHRASE
from .helpers import service_record


def test_sign_in_keeps_tokens_inside_the_encrypted_store_and_never_the_password(sandbox, tmp_path):
    profile, store = sign_in(tmp_path, sandbox.url, "caseworker", "demo", passphrase=PASSPHRASE)
    try:
        assert profile.role == "caseworker" and profile.key_method == "passphrase"
        tokens = json.loads(store.get_meta("sync_tokens"))
        assert tokens["access_token"] and tokens["refresh_token"]
        on_disk = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
        assert tokens["refresh_token"].encode() not in on_disk  # encrypted at rest
        profile_json = (tmp_path / "profiles" / profile.profile_id / "profile.json").read_text()
        assert "demo" not in profile_json and "token" not in profile_json
    finally:
        store.close()


def test_sign_in_with_a_wrong_password_creates_nothing(sandbox, tmp_path):
    with pytest.raises(SignInError):
        sign_in(tmp_path, sandbox.url, "counselor", "wrong", passphrase=PASSPHRASE)
    assert not (tmp_path / "profiles").exists()


def test_sign_out_refuses_to_discard_unsynced_work_without_an_export(sandbox, make_client, tmp_path):
    client = make_client(sandbox)
    client.cases.create(service_record(sorted(client.member_ids())[0], "not yet sent"))
    with pytest.raises(UnsyncedWorkError) as refused:
        sign_out(client.data_dir, client.profile, client.store)
    assert refused.value.unsynced == 1
    assert client.store.path.exists()

    export = tmp_path / "unsynced.json"
    assert sign_out(client.data_dir, client.profile, client.store, export_to=export) == 1
    assert not client.store.path.parent.exists()
    saved = json.loads(export.read_text())
    assert [op["patch"]["description"] for op in saved["ops"]] == ["not yet sent"]


def test_sign_out_after_a_complete_sync_needs_no_export(sandbox, make_client):
    client = make_client(sandbox)
    client.cases.create(service_record(sorted(client.member_ids())[0], "sent"))
    assert client.sync().ok
    assert sign_out(client.data_dir, client.profile, client.store) == 0
    assert not client.store.path.parent.exists()


def test_signing_in_again_keeps_the_device_and_its_data(sandbox, make_client):
    client = make_client(sandbox)
    client.store.close()
    profile, store = sign_in(client.data_dir, sandbox.url, "counselor", "demo", passphrase=PASSPHRASE)
    client.store = store
    assert profile.device_id == client.profile.device_id
    assert client.member_ids()
