"""Paper and spreadsheets: the ISEP to hand to the beneficiary, the worklist for the office.

The plan is laid out as HTML in a ``QTextDocument`` and written with ``QPdfWriter`` (or sent to
a printer), in the interface language, with lines for the three signatures the plan needs.
The worklist goes out as CSV in UTF-8 with a byte-order mark, which spreadsheet programs need
to read accented names correctly.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import html
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ..cases.reads import Reads, WorklistRow
from ..domain import codes
from .labels import code_label

translate = QCoreApplication.translate

#: worklist CSV columns: row attribute → header (an "Exports" source text)
CSV_COLUMNS = (
    ("surname", QT_TRANSLATE_NOOP("Exports", "Surname")),
    ("given_name", QT_TRANSLATE_NOOP("Exports", "Given name")),
    ("uin", QT_TRANSLATE_NOOP("Exports", "UIN")),
    ("phone", QT_TRANSLATE_NOOP("Exports", "Phone")),
    ("birth_date", QT_TRANSLATE_NOOP("Exports", "Date of birth")),
    ("locality", QT_TRANSLATE_NOOP("Exports", "Locality")),
    ("area", QT_TRANSLATE_NOOP("Exports", "Area")),
    ("segment", QT_TRANSLATE_NOOP("Exports", "Segment")),
    ("labour_readiness", QT_TRANSLATE_NOOP("Exports", "Labour readiness")),
    ("case_status", QT_TRANSLATE_NOOP("Exports", "Case status")),
    ("next_due", QT_TRANSLATE_NOOP("Exports", "Next due")),
    ("last_contact", QT_TRANSLATE_NOOP("Exports", "Last contact")),
)
CODED = {"labour_readiness": codes.LABOUR_READINESS, "case_status": codes.CASE_STATUS}


def _e(value: Any) -> str:
    return html.escape(str(value if value is not None else ""))


# --- the plan -------------------------------------------------------------------------------------


def plan_html(reads: Reads, member_id: str, today: dt.date) -> str:
    """The member's ISEP as a printable page: who, the goals by role, and signature lines."""
    found = reads.member_file(member_id)
    if found is None:
        raise LookupError(member_id)
    m, a = found.member, found.assignment
    view = reads.plan(member_id)
    plan = view.plan
    rows = [
        (translate("Exports", "Beneficiary"), m.name),
        (translate("Exports", "UIN"), m.uin),
        (translate("Exports", "Date of birth"), m.birth_date),
        (translate("Exports", "Locality"), m.locality),
        (translate("Exports", "Employment office"), a.office if a else ""),
    ]
    if plan is not None:
        rows += [
            (translate("Exports", "Plan status"), code_label(codes.PLAN_STATUS, plan.status)),
            (translate("Exports", "Agreed on"), plan.agreed_on),
            (translate("Exports", "Next review"), plan.next_review),
        ]
    facts = "".join(f"<tr><td width='30%'><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in rows if v)
    parts = [
        _heading(translate("Exports", "Individual Social-Employment Plan"), 1),
        f"<table cellpadding='3' width='100%'>{facts}</table>",
    ]
    if plan is not None and plan.summary:
        parts += [_heading(translate("Exports", "Summary")), _paragraph(plan.summary)]
    headers = (
        translate("Exports", "Goal"),
        translate("Exports", "Actions"),
        translate("Exports", "Due"),
        translate("Exports", "Status"),
    )
    for role, title in (
        ("social", translate("Exports", "Social goals")),
        ("employment", translate("Exports", "Employment goals")),
    ):
        items = [v.item for v in view.items if v.item.owner_role == role]
        parts.append(_heading(title))
        if not items:
            parts.append(_paragraph(translate("Exports", "None agreed yet.")))
            continue
        head = "".join(
            f"<th align='left' width='{w}%' style='background:#e8e8e8'>{_e(h)}</th>"
            for h, w in zip(headers, (32, 40, 13, 15), strict=False)
        )
        body = "".join(
            f"<tr><td>{_e(i.goal)}</td><td>{_e(i.actions)}</td><td>{_e(i.due_date)}</td>"
            f"<td>{_e(code_label(codes.PLAN_ITEM_STATUS, i.status))}</td></tr>"
            for i in items
        )
        parts.append(f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>")
    date = _e(translate("Exports", "Date"))
    printed = translate("Exports", "Printed on {0}").format(today.isoformat())
    signatures = "".join(
        f"<tr><td width='35%' valign='bottom'>{_e(who)}</td>"
        f"<td valign='bottom'>_________________________</td><td valign='bottom'>{date}: ____________</td></tr>"
        for who in (
            translate("Exports", "Beneficiary"),
            translate("Exports", "Social case manager"),
            translate("Exports", "Employment counselor"),
        )
    )
    parts += [
        _heading(translate("Exports", "Signatures")),
        _paragraph(
            translate(
                "Exports",
                "By signing, we agree to work together on the goals above and to review them on the date given.",
            )
        ),
        f"<table cellpadding='12' width='100%'>{signatures}</table>",
        f"<p style='color:#666; font-size: 8pt'>{_e(printed)}</p>",
    ]
    return "<html><body style='font-family: sans-serif; font-size: 10pt'>" + "".join(parts) + "</body></html>"


def _heading(text: str, level: int = 2) -> str:
    return f"<h{level} style='font-size: {16 if level == 1 else 12}pt'>{_e(text)}</h{level}>"


def _paragraph(text: str) -> str:
    return f"<p>{_e(text)}</p>"


def plan_document(reads: Reads, member_id: str, today: dt.date) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(plan_html(reads, member_id, today))
    return document


def export_plan_pdf(reads: Reads, member_id: str, path: Path, today: dt.date) -> Path:
    """Write the plan as an A4 PDF at ``path``."""
    writer = QPdfWriter(str(path))
    writer.setTitle(translate("Exports", "Individual Social-Employment Plan"))
    writer.setCreator("Field Desk")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    print_document(plan_document(reads, member_id, today), writer)
    return Path(path)


def print_document(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Lay the document out on the device's pages (a PDF writer or a printer), margins kept.

    A document without a paint device measures in 96-dpi pixels; giving it the page in those
    units makes 10 pt print as 10 pt.
    """
    document.setPageSize(device.pageLayout().paintRect(QPageLayout.Unit.Point).size() * (96 / 72))
    document.print_(device)


# --- the worklist ---------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    """A spreadsheet must not run a cell as a formula (=, @, or +/- not starting a number)."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "@", "\t", "\r") or (text[:1] in "+-" and text[1:2] and not text[1:2].isdigit()):
        return "'" + text
    return text


def export_worklist_csv(rows: Iterable[WorklistRow | Mapping[str, Any]], path: Path) -> int:
    """Write the rows with localized headers and labels; returns how many rows were written."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([translate("Exports", header) for _key, header in CSV_COLUMNS])
        for row in rows:
            data = dataclasses.asdict(row) if dataclasses.is_dataclass(row) else row
            writer.writerow(
                [
                    _cell(code_label(CODED[key], data.get(key)) if key in CODED else data.get(key))
                    for key, _header in CSV_COLUMNS
                ]
            )
            count += 1
    return count
