"""The ISEP as a PDF for the beneficiary, and the worklist as CSV for spreadsheets."""

from __future__ import annotations

import csv

from desktop.domain.model import PlanItem, plan_id_for
from desktop.store.worklist import WorklistFilter, fetch_rows, query_ids
from desktop.ui.exports import export_plan_pdf, export_worklist_csv, plan_html
from tests.conftest import TODAY

from .test_forms import MEMBER


def agreed_plan(cases) -> None:
    cases.add_plan_item(
        PlanItem(
            member_id=MEMBER,
            owner_role="social",
            goal="Childcare during training",
            actions="Apply to the community creche",
            due_date="2026-12-15",
        )
    )
    cases.add_plan_item(
        PlanItem(
            member_id=MEMBER,
            owner_role="employment",
            goal="Solar installer course",
            actions="Enrol at the training centre",
            due_date="2027-01-10",
        )
    )
    cases.update("Plan", plan_id_for(MEMBER), {"status": "active", "agreed_on": "2026-11-19"})


def test_the_plan_pdf_is_written_with_goals_by_role_and_signature_lines(bench, tmp_path):
    agreed_plan(bench.cases)
    page = plan_html(bench.reads, MEMBER, TODAY)
    assert page.index("Social goals") < page.index("Childcare during training") < page.index("Employment goals")
    assert "Employment counselor" in page and "Social case manager" in page
    path = export_plan_pdf(bench.reads, MEMBER, tmp_path / "plan.pdf", TODAY)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000


def test_the_worklist_csv_has_a_bom_a_header_and_one_line_per_row(bench, tmp_path):
    rowids = query_ids(bench.conn, WorklistFilter(area="R1-D1"), TODAY)
    rows = fetch_rows(bench.conn, rowids)
    path = tmp_path / "worklist.csv"
    assert export_worklist_csv((rows[r] for r in rowids), path) == len(rowids)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines[0][:3] == ["Surname", "Given name", "UIN"]
    assert [line[2] for line in lines[1:]] == [rows[r].uin for r in rowids]
    assert {line[9] for line in lines[1:]} <= {
        "New",
        "Contacted",
        "Plan in progress",
        "Plan agreed",
        "Enrolled",
        "Closed",
    }


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path):
    path = tmp_path / "rows.csv"
    export_worklist_csv([{"surname": '=HYPERLINK("x")', "given_name": "Awa", "phone": "+221771234567"}], path)
    line = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))[1]
    assert line[0].startswith("'=") and line[3] == "+221771234567"
