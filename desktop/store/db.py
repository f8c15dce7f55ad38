"""Opening the encrypted database: key, pragmas, migrations, transactions, readers.

One writer connection serialises every change behind a lock (no "database is locked" between
our own threads); readers on other threads get their own connections, which WAL lets run
beside the writer.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3
import sqlite_utils

from . import migrations, search
from .errors import CorruptError, ReadOnlyError, StoreError, TooNewError, WrongKeyError, classify
from .keys import verify_key

log = logging.getLogger(__name__)

DB_NAME = "field-desk.db"
BUSY_TIMEOUT_MS = 5000


#: page cache: the writer's is large because a sync rewrites pages across the whole list;
#: a reader's stays small, as several live at once and memory counts on a field laptop
WRITER_CACHE_KB = 96 * 1024
READER_CACHE_KB = 64 * 1024


def _connect(path: Path, key: bytes, readonly: bool = False, cache_kb: int = READER_CACHE_KB) -> sqlcipher3.Connection:
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    # a raw 256-bit key: no passphrase KDF on every open (that is done once, in keys.py)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    # a sync writes many pages per commit; checkpoint every ~64 MB of WAL instead of 4 MB
    conn.execute("PRAGMA wal_autocheckpoint = 16000")
    conn.execute(f"PRAGMA cache_size = -{cache_kb}")
    return conn


class Store:
    """The local database of one profile."""

    def __init__(self, path: Path, key: bytes, conn: sqlcipher3.Connection):
        self.path = path
        self._key = key
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, key: bytes, *, create: bool = True, key_check: str | None = None) -> Store:
        """Open (and migrate) the database at ``path``; known problems raise a StoreError.

        With ``key_check`` (from the profile) a wrong key is told apart from a damaged file
        before the file is touched; without it, an unreadable file is taken for a wrong key.
        """
        path = Path(path)
        verify_key(key, key_check)
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise StoreError(f"no database at {path}")
        try:
            if not exists:
                path.parent.mkdir(parents=True, exist_ok=True)
                if not os.access(path.parent, os.W_OK):
                    raise ReadOnlyError(str(path.parent))
            conn = _connect(path, key, cache_kb=WRITER_CACHE_KB)
        except sqlcipher3.DatabaseError as exc:
            known = classify(exc)
            if isinstance(known, CorruptError) and key_check is None:
                raise WrongKeyError(str(exc)) from exc
            raise (known or exc) from exc
        except OSError as exc:
            raise (classify(exc) or exc) from exc
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            store = cls(path, key, conn)
            store._migrate()
            store._catch_up_search()
            return store
        except BaseException as exc:
            conn.close()
            known = classify(exc)
            if known is not None and known is not exc:
                raise known from exc
            raise

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > migrations.LATEST:
            raise TooNewError(f"schema {version} > {migrations.LATEST}")
        if version == migrations.LATEST:
            return
        if version > 0:
            self.backup(self.path.with_name(f"{self.path.name}.v{version}.bak"))
        for number in range(version + 1, migrations.LATEST + 1):
            log.info("migrating %s to schema %d", self.path, number)
            with self.write() as conn:
                for statement in _statements(migrations.STEPS[number - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    def _catch_up_search(self) -> None:
        """Search entries and sort indexes a migration or an interrupted first sync left to write."""
        if self.conn.execute(
            "SELECT 1 FROM search_stale UNION ALL SELECT 1 FROM meta WHERE key = ? LIMIT 1", (search.SUSPENDED,)
        ).fetchone():
            with self.write() as conn:
                search.restore_indexes(conn)
                search.write_stale(conn)

    def backup(self, target: Path) -> Path:
        """A consistent copy of the encrypted file (same key), for before a migration."""
        with self._lock:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copy2(self.path, target)
        return target

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlcipher3.Connection]:
        """One transaction on the writer connection: all of it commits, or none of it."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlcipher3.DatabaseError as exc:
                raise (classify(exc) or exc) from exc
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                known = classify(exc)
                if known is not None and known is not exc:
                    raise known from exc
                raise

    def reader(self) -> sqlcipher3.Connection:
        """A new read connection for another thread (the caller closes it)."""
        return _connect(self.path, self._key)

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        with self._lock:  # the writer connection may be in use by the sync worker
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, conn: sqlcipher3.Connection, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def integrity_check(self) -> str:
        result: str = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
        return result

    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(sqlcipher3.Error):
                self.conn.execute("PRAGMA optimize")
            self.conn.close()


def _statements(script: str) -> list[str]:
    """Split a migration into statements, so each runs inside the step's transaction."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
