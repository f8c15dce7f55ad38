"""The schema as a numbered chain of steps; ``PRAGMA user_version`` says where a file is.

Each step runs in its own transaction together with the version bump, so a crash mid-migration
leaves the previous version intact. Add a step; never edit a released one.
"""

from __future__ import annotations

V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

CREATE TABLE households (
    id TEXT PRIMARY KEY,
    area TEXT, locality TEXT,
    data TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    resync_gen INTEGER NOT NULL DEFAULT 0
);

-- one row per member on this worker's list: SR demographics, the ESS assignment, and a
-- summary of the local case so that the worklist filters and sorts one table
CREATE TABLE members (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    household_id TEXT,
    given_name TEXT NOT NULL DEFAULT '', surname TEXT NOT NULL DEFAULT '',
    uin TEXT, phone TEXT, sex TEXT, birth_date TEXT,
    locality TEXT, area TEXT, region TEXT, relationship TEXT,
    data TEXT,
    sr_version INTEGER NOT NULL DEFAULT 0,
    sr_gen INTEGER NOT NULL DEFAULT 0,
    assigned INTEGER NOT NULL DEFAULT 0,
    office TEXT, segment TEXT, counselor TEXT, caseworker TEXT,
    potentially_unemployed INTEGER NOT NULL DEFAULT 0,
    needs_field_check INTEGER NOT NULL DEFAULT 0,
    labour_readiness TEXT NOT NULL DEFAULT 'unknown',
    pension_check TEXT, tax_check TEXT, education_check TEXT,
    months_without_contributions INTEGER,
    referral_source TEXT,
    bpp_list_id TEXT,
    ess_version INTEGER NOT NULL DEFAULT 0,
    ess_gen INTEGER NOT NULL DEFAULT 0,
    case_status TEXT NOT NULL DEFAULT 'new',
    next_due TEXT,
    returned INTEGER NOT NULL DEFAULT 0,
    pending INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    last_contact TEXT
);
CREATE INDEX members_name ON members (assigned, surname COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX members_area ON members (area, surname COLLATE NOCASE);

-- the full SR documents, apart, so that worklist scans read narrow rows (a rowid table:
-- its rows are about a kilobyte, too large for WITHOUT ROWID)
CREATE TABLE member_docs (
    id TEXT PRIMARY KEY,
    sr_data TEXT
);
CREATE INDEX members_household ON members (household_id);
CREATE INDEX members_next_due ON members (next_due);

CREATE VIRTUAL TABLE member_fts USING fts5 (
    names, ids, phones, locality,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Field Desk entities (plans, verifications, ...), each with the server's last state and the
-- local view (server state with pending local patches on top)
CREATE TABLE records (
    entity_type TEXT NOT NULL,
    id TEXT NOT NULL,
    member_id TEXT,
    data TEXT NOT NULL,
    server_data TEXT,
    version INTEGER NOT NULL DEFAULT 0,
    resync_gen INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (entity_type, id)
) WITHOUT ROWID;
CREATE INDEX records_member ON records (member_id, entity_type);

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    destination TEXT NOT NULL CHECK (destination IN ('SR', 'ESS')),
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    member_id TEXT,
    op TEXT NOT NULL CHECK (op IN ('create', 'patch')),
    patch TEXT NOT NULL,
    base_version INTEGER,
    hlc TEXT NOT NULL,
    author TEXT NOT NULL,
    role TEXT NOT NULL,
    device_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'inflight', 'acked', 'rejected', 'conflict', 'superseded')),
    attempts INTEGER NOT NULL DEFAULT 0,
    reason_code TEXT,
    reason_message TEXT,
    result TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX outbox_queue ON outbox (destination, state, seq);
CREATE INDEX outbox_member ON outbox (member_id, state);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT,
    entity_id TEXT,
    member_id TEXT,
    op_id TEXT,
    detail TEXT
);
CREATE INDEX audit_member ON audit (member_id, id);

CREATE TABLE sync_state (
    destination TEXT PRIMARY KEY,
    cursor INTEGER NOT NULL DEFAULT 0,
    epoch TEXT,
    gen INTEGER NOT NULL DEFAULT 0,
    full_resync INTEGER NOT NULL DEFAULT 0,
    last_pull TEXT,
    last_push TEXT,
    last_error TEXT
) WITHOUT ROWID;
INSERT INTO sync_state (destination) VALUES ('SR'), ('ESS');
"""

V2 = """
-- unfinished forms survive a crash or a closed laptop lid
CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    form TEXT NOT NULL,
    member_id TEXT,
    data TEXT NOT NULL,
    saved_at TEXT NOT NULL
) WITHOUT ROWID;
-- find an entity's pending ops when a pulled change is rebased under them
CREATE INDEX outbox_entity ON outbox (entity_type, entity_id, state);
"""

V3 = """
-- a supervisor's list shows which members have updates waiting for review
ALTER TABLE members ADD COLUMN reviews_pending INTEGER NOT NULL DEFAULT 0;
UPDATE members SET reviews_pending = EXISTS (SELECT 1 FROM records r WHERE r.member_id = members.id
    AND r.entity_type = 'Review' AND r.data ->> '$.outcome' = 'pending');
"""

V4 = """
-- every worklist order is read by walking one index of the listed members (never a sort):
-- each index holds exactly the keys of its ORDER BY, and the rowid that ends it
DROP INDEX members_name;
DROP INDEX members_area;
DROP INDEX members_next_due;
CREATE INDEX worklist_name ON members (surname COLLATE NOCASE, given_name COLLATE NOCASE) WHERE assigned = 1;
CREATE INDEX worklist_uin ON members (uin) WHERE assigned = 1;
CREATE INDEX worklist_locality ON members (locality COLLATE NOCASE, surname COLLATE NOCASE) WHERE assigned = 1;
CREATE INDEX worklist_area ON members (area, surname COLLATE NOCASE) WHERE assigned = 1;
CREATE INDEX worklist_segment ON members (segment) WHERE assigned = 1;
CREATE INDEX worklist_readiness ON members (labour_readiness) WHERE assigned = 1;
CREATE INDEX worklist_status ON members (case_status) WHERE assigned = 1;
CREATE INDEX worklist_next_due ON members (next_due IS NULL, next_due) WHERE assigned = 1;
CREATE INDEX worklist_sync ON members ((pending + rejected * 100 + conflicts * 1000)) WHERE assigned = 1;
CREATE INDEX worklist_age ON members (birth_date DESC) WHERE assigned = 1;
-- the areas tree's counts, the offices' names and the filters (area, status, flags) read from
-- one narrow index that covers them all, never from the table (a kilobyte a member)
CREATE INDEX worklist_filters ON members (
    area, segment, region, office, case_status, labour_readiness, potentially_unemployed,
    needs_field_check, returned, reviews_pending, pending, rejected, conflicts, next_due
) WHERE assigned = 1;

-- search: prefix indexes answer a short prefix from one list instead of merging every term
-- that starts with it; the area is searchable by the name the list shows (its office). Every
-- query is single words, so no positions are kept (detail = none: a third of the size)
DROP TABLE member_fts;
CREATE VIRTUAL TABLE member_fts USING fts5 (
    names, ids, phones, locality, area,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3', detail = none
);
-- the UIN's trigrams, so that digits from the middle of a UIN find it
CREATE VIRTUAL TABLE member_uin USING fts5 (
    uin,
    content = '', contentless_delete = 1,
    tokenize = 'trigram'
);
-- members whose search entries are to be (re)written: a sync records them with each page and
-- writes the entries when its pull ends, in one pass (see replica.index_search)
CREATE TABLE search_stale (rowid INTEGER PRIMARY KEY);
INSERT INTO search_stale (rowid) SELECT rowid FROM members;
"""

STEPS: list[str] = [V1, V2, V3, V4]
LATEST = len(STEPS)
