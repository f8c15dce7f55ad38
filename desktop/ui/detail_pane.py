"""The selected member's file beside the worklist: who, household, SR checks, assignment, case.

Reads go through ``store.casefile.member_file`` (a few indexed lookups), so showing a member
on selection is cheap enough for the UI thread. The workflow forms will hang off this pane.
"""
from __future__ import annotations

import datetime as dt
import html
from typing import Callable

import sqlcipher3
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..domain import codes
from ..store.casefile import MemberFile, member_file
from .labels import FLAG_COLORS, OVERDUE_COLOR, SYNC_COLORS, age_on, code_label, segment_label

RELATIONSHIP = {
    "SELF": codes.QT_TRANSLATE_NOOP("DetailPane", "Head"),
    "SPS": codes.QT_TRANSLATE_NOOP("DetailPane", "Spouse"),
    "CHILD": codes.QT_TRANSLATE_NOOP("DetailPane", "Child"),
    "OTHER": codes.QT_TRANSLATE_NOOP("DetailPane", "Other"),
}
RECORD_TYPES = {
    "EmploymentVerification": codes.QT_TRANSLATE_NOOP("DetailPane", "Employment verifications"),
    "EducationVerification": codes.QT_TRANSLATE_NOOP("DetailPane", "Education verifications"),
    "Plan": codes.QT_TRANSLATE_NOOP("DetailPane", "Plan"),
    "PlanItem": codes.QT_TRANSLATE_NOOP("DetailPane", "Plan items"),
    "ServiceRecord": codes.QT_TRANSLATE_NOOP("DetailPane", "Services"),
    "OutreachContact": codes.QT_TRANSLATE_NOOP("DetailPane", "Contacts"),
    "OutreachMessage": codes.QT_TRANSLATE_NOOP("DetailPane", "Alerts"),
    "Enrollment": codes.QT_TRANSLATE_NOOP("DetailPane", "Enrolments"),
    "Consent": codes.QT_TRANSLATE_NOOP("DetailPane", "Consents"),
    "Note": codes.QT_TRANSLATE_NOOP("DetailPane", "Notes"),
    "ChangeRequest": codes.QT_TRANSLATE_NOOP("DetailPane", "Change requests"),
    "Review": codes.QT_TRANSLATE_NOOP("DetailPane", "Reviews"),
    "Conflict": codes.QT_TRANSLATE_NOOP("DetailPane", "Conflicts"),
}


def _e(text) -> str:
    return html.escape(str(text or ""))


class DetailPane(QScrollArea):
    """Shows one member's file; ``show_member(None)`` shows the hint to pick someone."""

    def __init__(self, conn: sqlcipher3.Connection, today: Callable[[], dt.date], parent: QWidget | None = None):
        super().__init__(parent)
        self._conn = conn
        self._today = today
        self.member_id: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Member details"))
        body = QWidget()
        body.setObjectName("detailBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 10, 14, 10)
        self._label = QLabel()
        self._label.setObjectName("detailText")
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self._label)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_member(None)

    def show_member(self, member_id: str | None) -> MemberFile | None:
        self.member_id = member_id
        found = member_file(self._conn, member_id) if member_id else None
        if found is None:
            self._label.setText(f"<p style='color:#666'>{_e(self.tr('Select a member in the list to see their file.'))}</p>")
            return None
        self._label.setText(self._render(found))
        return found

    def _render(self, f: MemberFile) -> str:
        m, row, a = f.member, f.row, f.assignment
        today = self._today()
        age = age_on(m.birth_date, today)
        parts = [f"<h2 style='margin:0'>{_e(m.name)}</h2>",
                 "<p style='margin-top:4px'>" + " · ".join(_e(x) for x in (
                     self.tr("UIN %1").replace("%1", m.uin) if m.uin else "",
                     code_label(codes.SEX, m.sex),
                     self.tr("%n years", "", age) if age is not None else "",
                     m.birth_date) if x) + "</p>"]
        parts.append(self._table([
            (self.tr("Phone"), m.phone or self.tr("none recorded")),
            (self.tr("Locality"), m.locality),
            (self.tr("Case status"), code_label(codes.CASE_STATUS, row.case_status)),
            (self.tr("Next due"), self._due(row.next_due, today)),
            (self.tr("Sync"), self._sync(row)),
        ], raw={3, 4}))
        parts.append(self._section(self.tr("Social Registry checks")))
        if a is None:
            parts.append(f"<p style='color:#666'>{_e(self.tr('No assignment received yet.'))}</p>")
        else:
            flags = []
            if a.potentially_unemployed:
                flags.append(self._badge(self.tr("Potentially unemployed"), FLAG_COLORS["potentially_unemployed"]))
            if a.needs_field_check:
                flags.append(self._badge(self.tr("Verify at visit"), FLAG_COLORS["needs_field_check"]))
            if row.returned:
                flags.append(self._badge(self.tr("Returned by supervisor"), FLAG_COLORS["returned"]))
            if flags:
                parts.append("<p>" + " ".join(flags) + "</p>")
            months = a.months_without_contributions
            parts.append(self._table([
                (self.tr("Pension"), code_label(codes.CHECK_RESULT, a.pension_check)),
                (self.tr("Tax"), code_label(codes.CHECK_RESULT, a.tax_check)),
                (self.tr("Months without contributions"), "" if months is None else str(months)),
                (self.tr("Education"), code_label(codes.CHECK_RESULT, a.education_check)),
                (self.tr("Labour readiness"), code_label(codes.LABOUR_READINESS, a.labour_readiness)),
            ]))
            parts.append(self._section(self.tr("Assignment")))
            parts.append(self._table([
                (self.tr("Office"), a.office),
                (self.tr("Segment"), segment_label(a.segment)),
                (self.tr("Counselor"), a.counselor),
                (self.tr("Case manager"), a.caseworker),
                (self.tr("Referred by"), a.referral_source.upper() if a.referral_source == "bpp" else a.referral_source),
            ]))
        parts.append(self._section(self.tr("Household %1").replace("%1", m.household_id)))
        rows = []
        for hm in f.household_members:
            hm_age = age_on(hm.birth_date, today)
            label = _e(hm.name) if hm.id != m.id else f"<b>{_e(hm.name)}</b>"
            rel = self.tr(RELATIONSHIP[hm.relationship]) if hm.relationship in RELATIONSHIP else hm.relationship
            rows.append(f"<tr><td>{label}</td><td style='color:#555'>{_e(rel)}</td>"
                        f"<td align='right'>{'' if hm_age is None else hm_age}</td></tr>")
        parts.append(f"<table cellspacing='0' cellpadding='2' width='100%'>{''.join(rows)}</table>")
        parts.append(self._section(self.tr("Case records")))
        if f.records:
            parts.append(self._table([
                (self.tr(RECORD_TYPES.get(kind, kind)), str(len(entries))) for kind, entries in f.records.items()]))
        else:
            parts.append(f"<p style='color:#666'>{_e(self.tr('Nothing recorded yet.'))}</p>")
        if f.history:
            parts.append(self._section(self.tr("Recent history")))
            parts.append(self._table([(h.at[:16].replace("T", " "), f"{h.action} ({h.actor})") for h in f.history]))
        return "".join(parts)

    def _section(self, title: str) -> str:
        return f"<h3 style='margin-top:14px; margin-bottom:4px; color:#37474f'>{_e(title)}</h3>"

    def _table(self, rows: list[tuple[str, str]], raw: set[int] = frozenset()) -> str:
        cells = "".join(
            f"<tr><td style='color:#555; padding-right:12px'>{_e(k)}</td><td>{v if i in raw else _e(v)}</td></tr>"
            for i, (k, v) in enumerate(rows))
        return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"

    def _badge(self, text: str, color: str) -> str:
        return f"<span style='background:{color}; color:white; white-space:nowrap'>&nbsp;{_e(text)}&nbsp;</span>"

    def _due(self, due: str, today: dt.date) -> str:
        if not due:
            return _e(self.tr("nothing planned"))
        if due < today.isoformat():
            return f"<span style='color:{OVERDUE_COLOR}; font-weight:bold'>{_e(self.tr('%1 (overdue)').replace('%1', due))}</span>"
        return _e(due)

    def _sync(self, row) -> str:
        state = row.sync_state
        return f"<span style='color:{SYNC_COLORS[state]}'>&#9679;</span> {_e(code_label(codes.SYNC_STATE, state))}"
