"""The worklist model over row ids: a valid Qt model, rows read lazily in bounded windows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.cases.reads import Reads
from desktop.store.worklist import WorklistFilter, query_ids
from desktop.ui.worklist_model import COLUMN, MEMBER_ID_ROLE, WorklistModel
from tests.conftest import TODAY


def test_worklist_model_passes_the_qt_model_tester(qtmodeltester, store, population):
    model = WorklistModel(Reads(store.conn), lambda: TODAY)
    model.set_ids(query_ids(store.conn, WorklistFilter(), TODAY))
    assert model.rowCount() == len(population[0])
    qtmodeltester.check(model)


def test_rows_are_read_in_windows_and_the_cache_stays_bounded(store, population):
    model = WorklistModel(Reads(store.conn), lambda: TODAY)
    model.CACHE_ROWS = 250
    ids = query_ids(store.conn, WorklistFilter(), TODAY)
    model.set_ids(ids)
    for row in range(0, len(ids), 7):
        assert model.index(row, COLUMN["name"]).data(MEMBER_ID_ROLE)
        assert len(model._cache) <= model.CACHE_ROWS


def test_cells_show_the_member_and_their_flags(qapp, store, population):
    members, _assignments = population
    model = WorklistModel(Reads(store.conn), lambda: TODAY)
    model.set_ids(query_ids(store.conn, WorklistFilter(flags=frozenset({"potentially_unemployed"})), TODAY))
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        member = members[model.index(row, 0).data(MEMBER_ID_ROLE)]
        assert model.index(row, COLUMN["name"]).data() == f"{member.surname}, {member.given_name}"
        assert model.index(row, COLUMN["uin"]).data() == member.uin
        assert str(member.age(TODAY)) == model.index(row, COLUMN["age"]).data()
        assert "Potentially unemployed" in model.index(row, COLUMN["flags"]).data(Qt.ItemDataRole.ToolTipRole)
        assert model.index(row, COLUMN["flags"]).data(Qt.ItemDataRole.DecorationRole) is not None
        assert model.index(row, COLUMN["sync"]).data() == "Synced"
