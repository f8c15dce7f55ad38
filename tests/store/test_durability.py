"""What a stolen laptop, a killed process, a full disk or a bad file do to the local data."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import sqlcipher3

from desktop.cases.usecases import Cases
from desktop.domain import model
from desktop.store import errors, migrations
from desktop.store.db import Store
from desktop.store.keys import key_check
from desktop.store.profile import ProfileDir, create_store, ensure_writable, unlock_store
from desktop.store.records import Actor

from ..conftest import PASSPHRASE, fill, make_profile

FIXTURES = Path(__file__).parent.parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_digest(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


# --- a process killed mid-write ---------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop.domain.model import Note
    from desktop.cases.usecases import Cases
    from desktop.store.db import Store
    from desktop.store.records import Actor
    path, key, start = Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), int(sys.argv[3])
    store = Store.open(path, key)
    cases = Cases(store, Actor("counselor", "counselor", "device-crash"))
    print("ready", flush=True)
    i = start
    while True:
        cases.create(Note(member_id="M-0000001", id=f"note-{i:06d}", text=f"visit note {i}"))
        print(i, flush=True)  # only after the commit returned
        i += 1
""")


@pytest.mark.slow
def test_killed_writer_never_leaves_an_entity_without_its_op_and_audit(tmp_path):
    path, key = tmp_path / "crash.db", os.urandom(32)
    Store.open(path, key).close()
    rng = random.Random(20261122)
    acknowledged: set[str] = set()
    next_start = 0
    for trial in range(32):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), key.hex(), str(next_start)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.005, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        done = [int(x) for x in out.split()]
        acknowledged |= {f"note-{i:06d}" for i in done}
        next_start = (max(done) + 1 if done else next_start) + 1_000  # never reuse an id that may be half-written

        store = Store.open(path, key)
        conn = store.conn
        assert store.integrity_check() == "ok", f"trial {trial}"
        notes = {r[0] for r in conn.execute("SELECT id FROM records WHERE entity_type = 'Note'")}
        ops = {r[0]: r[1] for r in conn.execute("SELECT entity_id, op_id FROM outbox WHERE entity_type = 'Note'")}
        audited = {r[0] for r in conn.execute("SELECT op_id FROM audit WHERE entity_type = 'Note'")}
        assert notes == set(ops), "every committed note has its op, and no op lacks its note"
        assert set(ops.values()) <= audited, "every op has its audit row"
        assert acknowledged <= notes, "a save that returned is on disk after the crash"
        store.close()
    assert len(acknowledged) > 30


# --- encryption at rest -----------------------------------------------------------------


def test_database_file_is_encrypted_and_holds_no_readable_name(filled_store):
    name = filled_store.conn.execute("SELECT surname FROM members LIMIT 1").fetchone()[0]
    uin = filled_store.conn.execute("SELECT uin FROM members LIMIT 1").fetchone()[0]
    filled_store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    folder = filled_store.path.parent
    for f in folder.iterdir():
        raw = f.read_bytes()
        if f.name.endswith(".db"):
            assert not raw.startswith(b"SQLite format 3")
        for needle in (name.encode("utf-8"), uin.encode()):
            assert needle not in raw, f"{needle!r} readable in {f.name}"


def test_wrong_passphrase_is_refused_clearly_and_touches_nothing(filled_store, data_dir, profile):
    filled_store.close()
    folder = ProfileDir(data_dir, profile.profile_id).root
    before = files_digest(folder)
    with pytest.raises(errors.WrongKeyError) as err:
        unlock_store(data_dir, profile, "not the passphrase")
    assert "passphrase is not correct" in err.value.message
    assert files_digest(folder) == before
    unlock_store(data_dir, profile, PASSPHRASE).close()


def test_wrong_key_without_key_check_is_still_refused(tmp_path):
    path = tmp_path / "x.db"
    Store.open(path, os.urandom(32)).close()
    before = digest(path)
    with pytest.raises(errors.WrongKeyError):
        Store.open(path, os.urandom(32))
    assert digest(path) == before


# --- damaged, too new, old ----------------------------------------------------------------


def test_corrupted_file_is_reported_as_damaged_and_left_as_it_was(filled_store, data_dir, profile):
    filled_store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    filled_store.close()
    path = ProfileDir(data_dir, profile.profile_id).db_path
    raw = bytearray(path.read_bytes())
    raw[0:4096] = os.urandom(4096)  # the first page: header and schema
    path.write_bytes(bytes(raw))
    before = digest(path)
    with pytest.raises(errors.CorruptError) as err:
        unlock_store(data_dir, profile, PASSPHRASE)
    assert "damaged" in err.value.message
    assert digest(path) == before


def test_database_from_a_newer_version_is_refused_untouched(store):
    with store.write() as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    store.close()
    before = digest(store.path)
    with pytest.raises(errors.TooNewError):
        Store.open(store.path, store._key)
    assert digest(store.path) == before


def test_older_fixture_database_is_copied_then_migrated_with_its_data(tmp_path):
    src = FIXTURES / "v1-profile"
    data_dir = tmp_path / "data"
    shutil.copytree(src, data_dir / "profiles" / "fixture")
    pdir = ProfileDir(data_dir, "fixture")
    profile = pdir.load()
    original = digest(pdir.db_path)
    store = unlock_store(data_dir, profile, "fixture passphrase")
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    backup = pdir.db_path.with_name(pdir.db_path.name + ".v1.bak")
    assert backup.exists() and digest(backup) == original
    assert store.conn.execute("SELECT count(*) FROM members").fetchone()[0] == 40
    assert store.conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0] == 1
    # the new schema works: drafts exist now
    Cases(store, Actor("counselor", "counselor", profile.device_id)).save_draft("k", "note", None, {"a": 1})
    store.close()


# --- environment failures -----------------------------------------------------------------


def test_full_disk_gives_a_clear_message_and_keeps_earlier_work(cases):
    conn = cases.store.conn
    cases.create(model.Note(member_id="M-0000001", id="before-full", text="saved before the disk filled"))
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM records), (SELECT count(*) FROM outbox), (SELECT count(*) FROM audit)"
    ).fetchone()

    def write_until_full() -> None:
        for i in range(2000):
            cases.create(model.Note(member_id="M-0000001", text="x" * 3000 + str(i)))

    with pytest.raises(errors.DiskFullError) as err:
        write_until_full()
    assert "disk is full" in err.value.message
    conn.execute("PRAGMA max_page_count = 1073741823")
    after = conn.execute("SELECT count(*) FROM records WHERE id = 'before-full'").fetchone()[0]
    assert after == 1
    grown = conn.execute(
        "SELECT (SELECT count(*) FROM records), (SELECT count(*) FROM outbox), (SELECT count(*) FROM audit)"
    ).fetchone()
    # whatever went in before the disk filled went in whole: one op and one audit row per note
    assert grown[0] - counts[0] == grown[1] - counts[1] == grown[2] - counts[2]
    assert cases.store.integrity_check() == "ok"


def test_read_only_data_folder_is_reported_before_anything_is_written(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() == 0:
        # root ignores permission bits; a read-only mount is what a person would meet
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True)
        if result.returncode != 0:
            pytest.skip(f"cannot make a read-only mount here: {result.stderr.decode().strip()}")
    else:
        folder.chmod(0o500)
    try:
        with pytest.raises(errors.ReadOnlyError) as err:
            ensure_writable(folder)
        assert "cannot write to its data folder" in err.value.message
        with pytest.raises(errors.ReadOnlyError):
            create_store(folder, make_profile(), passphrase=PASSPHRASE)
        assert list(folder.iterdir()) == []
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(folder)], check=False)
        else:
            folder.chmod(0o700)


def test_locked_database_is_reported_as_busy(store):
    other = sqlcipher3.connect(str(store.path), isolation_level=None)
    other.execute(f"PRAGMA key = \"x'{store._key.hex()}'\"")
    other.execute("PRAGMA busy_timeout = 0")
    other.execute("BEGIN EXCLUSIVE")
    store.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(errors.LockedError) as err, store.write() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        assert "busy" in err.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_key_check_is_stable_and_differs_between_keys():
    a, b = os.urandom(32), os.urandom(32)
    assert key_check(a) == key_check(a) != key_check(b)


def test_fixture_database_is_not_plain_sqlite():
    raw = (FIXTURES / "v1-profile" / "field-desk.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")


def make_v1_fixture(target: Path) -> None:
    """How tests/fixtures/v1-profile was made (kept for the next migration's fixture)."""
    from desktop.store import db as dbmod

    target.mkdir(parents=True, exist_ok=True)
    profile = make_profile(profile_id="fixture")
    latest, steps = migrations.LATEST, migrations.STEPS
    migrations.LATEST, migrations.STEPS = 1, steps[:1]
    try:
        store = create_store(target.parent.parent, profile, passphrase="fixture passphrase")
        fill(store, 40)
        with store.write() as conn:
            conn.execute(
                "INSERT INTO outbox (op_id, destination, entity_type, entity_id, member_id, op, patch,"
                " hlc, author, role, device_id, created_at, updated_at) VALUES ('op-1', 'SR', 'Note',"
                " 'n-1', 'M-0000001', 'create', '{\"text\":\"hi\"}', '0-0-x', 'counselor', 'counselor',"
                " 'dev', '2026-01-01', '2026-01-01')"
            )
        store.backup(target / "copy.tmp")
        store.close()
        (target / "copy.tmp").unlink()
        for extra in target.glob("field-desk.db-*"):
            extra.unlink()
    finally:
        migrations.LATEST, migrations.STEPS = latest, steps
    assert dbmod.DB_NAME == "field-desk.db"
