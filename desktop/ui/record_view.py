"""The integrated beneficiary record: what the SR and the ESS know, and what was done, in one place.

Both roles see the same record, so the beneficiary tells their story once. It reads one
member's file (``casefile.member_file``) and the sync states of its records; every "New …"
action opens the same form the rest of the application uses, and the record refreshes when
the form is saved.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..cases.reads import MemberFile, RecordEntry
from ..domain import codes, rules
from .forms import FORMS, FormDialog
from .help import set_topic
from .labels import FLAG_COLORS, SYNC_COLORS, action_label, code_label, heading
from .plan_editor import PlanEditor
from .reviews import ReviewList
from .tasks import Workbench

translate = QCoreApplication.translate

#: the "New" menu: entity type → action text, in the order of a visit
NEW_ACTIONS = (
    ("OutreachContact", QT_TRANSLATE_NOOP("RecordView", "&Contact…")),
    ("EmploymentVerification", QT_TRANSLATE_NOOP("RecordView", "&Employment verification…")),
    ("EducationVerification", QT_TRANSLATE_NOOP("RecordView", "E&ducation verification…")),
    ("Consent", QT_TRANSLATE_NOOP("RecordView", "C&onsent…")),
    ("ServiceRecord", QT_TRANSLATE_NOOP("RecordView", "&Service provided…")),
    ("Enrollment", QT_TRANSLATE_NOOP("RecordView", "En&rolment in a programme…")),
    ("ChangeRequest", QT_TRANSLATE_NOOP("RecordView", "Correction to the Social Re&gistry…")),
    ("Note", QT_TRANSLATE_NOOP("RecordView", "&Note…")),
)
RELATIONSHIP = {
    "SELF": QT_TRANSLATE_NOOP("RecordView", "Head of household"),
    "SPS": QT_TRANSLATE_NOOP("RecordView", "Spouse"),
    "CHILD": QT_TRANSLATE_NOOP("RecordView", "Child"),
    "OTHER": QT_TRANSLATE_NOOP("RecordView", "Other relative"),
}
DELIVERY = {
    "queued": QT_TRANSLATE_NOOP("RecordView", "Queued at the gateway"),
    "sent": QT_TRANSLATE_NOOP("RecordView", "Sent"),
    "delivered": QT_TRANSLATE_NOOP("RecordView", "Delivered"),
    "failed": QT_TRANSLATE_NOOP("RecordView", "Not delivered"),
}


def _e(text) -> str:
    return html.escape(str(text if text is not None else ""))


class RecordView(QWidget):
    """One member's record, with the actions that add to it; ``refresh()`` after a sync.

    ``show_member`` moves the same view to another beneficiary (the worklist's selection);
    without one it asks for a choice.
    """

    changed = Signal()

    def __init__(self, bench: Workbench, member_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.bench = bench
        self.member_id = member_id
        self.file: MemberFile | None = None
        self.dialog: FormDialog | None = None
        self.setObjectName("recordView")
        self.title = heading(scale=1.4)
        self.title.setWordWrap(True)  # long names and longer languages wrap instead of being cut
        self.subtitle = QLabel()
        self.subtitle.setObjectName("recordSubtitle")
        self.subtitle.setStyleSheet("color: #555")
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QPushButton(translate("RecordView", "&New…"))
        self.new_button.setToolTip(translate("RecordView", "Record something for this beneficiary"))
        self.new_menu = QMenu(translate("RecordView", "&New"), self.new_button)
        for entity_type, text in NEW_ACTIONS:
            self.new_menu.addAction(translate("RecordView", text), lambda t=entity_type: self.open_form(t))
        self.new_button.setMenu(self.new_menu)
        self.plan_button = QPushButton(translate("RecordView", "Open &plan"))
        self.plan_button.clicked.connect(self.show_plan)
        head = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        head.addLayout(names, 1)
        head.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)

        self.plan = PlanEditor(bench, member_id)
        set_topic(self.plan, "plan")
        self.plan.changed.connect(self._after_change)
        self.tabs = QTabWidget()
        self.overview = self._page(translate("RecordView", "&Overview"))
        self.tabs.addTab(self.plan, translate("RecordView", "Pl&an"))
        self.activity = self._page(translate("RecordView", "Ac&tivity"))
        self.history = self._page(translate("RecordView", "H&istory"))
        self.reviews: ReviewList | None = None
        if bench.cases.actor.role == "supervisor":
            self.reviews = ReviewList(bench)
            set_topic(self.reviews, "reviews")
            self.reviews.changed.connect(self._after_change)
            self.tabs.addTab(self.reviews, translate("RecordView", "Revie&ws"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def focus_chain(self) -> list[QWidget]:
        """The record's controls in tab order, as they sit on the screen (the tabs' pages follow)."""
        return [self.plan_button, self.new_button, self.tabs]

    def _page(self, title: str) -> QLabel:
        """A scrolling tab of rich text; returns its label."""
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setContentsMargins(10, 8, 10, 8)
        body = QWidget()
        QVBoxLayout(body).addWidget(label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.tabs.addTab(scroll, title)
        return label

    # --- acting ----------------------------------------------------------------------------------

    def show_member(self, member_id: str) -> None:
        self.member_id = self.plan.member_id = member_id
        self.refresh()

    def show_plan(self) -> None:
        self.tabs.setCurrentWidget(self.plan)
        self.plan.setFocus()

    def open_form(self, entity_type: str) -> FormDialog:
        self.dialog = FormDialog(FORMS[entity_type](self.bench, self.member_id), self)
        self.dialog.accepted.connect(self._after_change)
        self.dialog.open()
        return self.dialog

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()

    # --- showing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.file = self.bench.reads.member_file(self.member_id) if self.member_id else None
        if self.file is None:
            self.title.setText(
                translate("RecordView", "This beneficiary is no longer on this device.")
                if self.member_id
                else translate("RecordView", "Choose a member in the list")
            )
            self.subtitle.setText(
                "" if self.member_id else translate("RecordView", "Their record, plan and history appear here.")
            )
            for w in (self.tabs, self.new_button, self.plan_button, self.new_menu):
                w.setEnabled(False)
            return
        for w in (self.tabs, self.new_button, self.plan_button, self.new_menu):
            w.setEnabled(True)
        f = self.file
        m = f.member
        self.title.setText(m.name)
        who = (
            translate("RecordView", "UIN {0}").format(m.uin) if m.uin else "",
            code_label(codes.SEX, m.sex),
            translate("RecordView", "born {0}").format(m.birth_date) if m.birth_date else "",
        )
        where = (
            m.phone or translate("RecordView", "no phone"),
            m.locality,
            translate("RecordView", "Case: {0}").format(code_label(codes.CASE_STATUS, f.row.case_status))
            if f.row.case_status
            else "",
        )
        # a line each, wrapping between the parts and never inside a number
        self.subtitle.setText(
            "\n".join(" · ".join(x.replace(" ", "\u00a0") for x in part if x) for part in (who, where))
        )
        states = self.bench.reads.sync_states(self.member_id)
        self.plan.refresh()
        self.overview.setText(self._overview(f))
        self.activity.setText(self._activity(f, states))
        self.history.setText(self._history(f))
        if self.reviews is not None:
            self.reviews.show_reviews(f.records.get("Review", []))

    def _overview(self, f: MemberFile) -> str:
        parts = [_section(translate("RecordView", "Household"))]
        rows = []
        for hm in f.household_members:
            who = _e(hm.name) if hm.id != f.member.id else f"<b>{_e(hm.name)}</b>"
            rows.append(
                (
                    who,
                    _e(translate("RecordView", RELATIONSHIP.get(hm.relationship, RELATIONSHIP["OTHER"]))),
                    _e(hm.birth_date),
                    _e(translate("RecordView", "on the worklist") if hm.on_worklist else ""),
                )
            )
        parts.append(_table(rows) if rows else _muted(translate("RecordView", "No household on record.")))
        parts.append(_section(translate("RecordView", "Social Registry checks")))
        a = f.assignment
        if a is None:
            parts.append(_muted(translate("RecordView", "No assignment received yet.")))
        else:
            flags = []
            if a.potentially_unemployed:
                flags.append(
                    _badge(translate("RecordView", "Potentially unemployed"), FLAG_COLORS["potentially_unemployed"])
                )
            if a.needs_field_check:
                flags.append(_badge(translate("RecordView", "Verify at visit"), FLAG_COLORS["needs_field_check"]))
            if flags:
                parts.append("<p>" + " ".join(flags) + "</p>")
            months = a.months_without_contributions
            referral = translate("RecordView", "BPP list") if a.referral_source == "bpp" else a.referral_source
            parts.append(
                _table(
                    [
                        (_e(k), _e(v))
                        for k, v in (
                            (
                                translate("RecordView", "Pension records"),
                                code_label(codes.CHECK_RESULT, a.pension_check),
                            ),
                            (translate("RecordView", "Tax records"), code_label(codes.CHECK_RESULT, a.tax_check)),
                            (translate("RecordView", "Months without contributions"), "" if months is None else months),
                            (
                                translate("RecordView", "Education records"),
                                code_label(codes.CHECK_RESULT, a.education_check),
                            ),
                            (
                                translate("RecordView", "Labour readiness"),
                                code_label(codes.LABOUR_READINESS, a.labour_readiness),
                            ),
                            (translate("RecordView", "Office"), a.office),
                            (translate("RecordView", "Referred by"), referral),
                        )
                    ]
                )
            )
        parts.append(_section(translate("RecordView", "Individual social-employment plan")))
        parts.append(self._plan_summary())
        parts.append(_section(translate("RecordView", "Consent")))
        parts.append(
            self._list(
                f.records.get("Consent", []),
                lambda d: (
                    code_label(codes.CONSENT_PURPOSE, d.get("purpose")),
                    translate("RecordView", "given") if d.get("granted") else translate("RecordView", "refused"),
                    code_label(codes.CONSENT_METHOD, d.get("method")),
                    d.get("given_on", ""),
                ),
            )
        )
        parts.append(_section(translate("RecordView", "Verifications at the visit")))
        parts.append(
            self._list(
                f.records.get("EmploymentVerification", []),
                lambda d: (
                    code_label(codes.EMPLOYMENT_STATUS, d.get("employment_status")),
                    d.get("employer", ""),
                    code_label(codes.VERIFICATION_SOURCE, d.get("source")),
                    d.get("verified_on", ""),
                ),
            )
        )
        parts.append(
            self._list(
                f.records.get("EducationVerification", []),
                lambda d: (
                    code_label(codes.ISCED, d.get("education_level")),
                    ", ".join(d.get("certificates", [])),
                    code_label(codes.LABOUR_READINESS, d.get("labour_readiness")),
                    d.get("verified_on", ""),
                ),
                empty="",
            )
        )
        return "".join(parts)

    def _plan_summary(self) -> str:
        view = self.plan.view
        if view is None or (view.plan is None and not view.items):
            return _muted(translate("RecordView", "No plan yet: open the Plan tab to agree the first goals."))
        status = code_label(codes.PLAN_STATUS, view.plan.status) if view.plan else ""
        open_items = [v.item for v in view.items if rules.is_open(v.item.status)]
        due = rules.next_due(i.to_data() for i in open_items) or ""
        return _table(
            [
                (_e(translate("RecordView", "Status")), _e(status)),
                (
                    _e(translate("RecordView", "Open goals")),
                    _e(
                        translate("RecordView", "{0} social, {1} employment").format(
                            sum(i.owner_role == "social" for i in open_items),
                            sum(i.owner_role == "employment" for i in open_items),
                        )
                    ),
                ),
                (_e(translate("RecordView", "Next due")), _e(due)),
                (_e(translate("RecordView", "Conflicts to resolve")), _e(len(view.conflicts))),
            ]
        )

    def _activity(self, f: MemberFile, states: dict[str, str]) -> str:
        names = {p.id: p.name for p in self.bench.reads.programmes()}
        sections = (
            (
                translate("RecordView", "Enrolments"),
                "Enrollment",
                lambda d: (
                    names.get(d.get("programme_id"), d.get("programme_id", "")),
                    code_label(codes.ENROLMENT_STATUS, d.get("enrollment_status")),
                    d.get("enrollment_date", ""),
                ),
            ),
            (
                translate("RecordView", "Services"),
                "ServiceRecord",
                lambda d: (
                    code_label(codes.SERVICE_TYPE, d.get("service_type")),
                    d.get("description", ""),
                    d.get("provided_on", ""),
                ),
            ),
            (
                translate("RecordView", "Contacts"),
                "OutreachContact",
                lambda d: (
                    code_label(codes.CHANNEL, d.get("channel")),
                    code_label(codes.CONTACT_OUTCOME, d.get("outcome")),
                    d.get("next_step", ""),
                    d.get("contacted_on", ""),
                ),
            ),
            (
                translate("RecordView", "Programme alerts"),
                "OutreachMessage",
                lambda d: (
                    code_label(codes.ALERT_CHANNEL, d.get("channel")),
                    names.get(d.get("programme_id"), ""),
                    translate("RecordView", DELIVERY[d["delivery_status"]])
                    if d.get("delivery_status") in DELIVERY
                    else translate("RecordView", "Waiting to be sent"),
                ),
            ),
            (
                translate("RecordView", "Corrections asked of the Social Registry"),
                "ChangeRequest",
                lambda d: (
                    code_label(codes.CHANGE_FIELD, d.get("field_name")),
                    d.get("requested_value", ""),
                    d.get("reason", ""),
                ),
            ),
            (translate("RecordView", "Notes"), "Note", lambda d: (d.get("text", ""), d.get("author", ""))),
        )
        parts = []
        for title, entity_type, columns in sections:
            parts.append(_section(title))
            parts.append(self._list(f.records.get(entity_type, []), columns, states))
        return "".join(parts)

    def _history(self, f: MemberFile) -> str:
        parts = [_section(translate("RecordView", "Supervisor reviews"))]
        parts.append(
            self._list(
                f.records.get("Review", []),
                lambda d: (
                    code_label(codes.REVIEW_OUTCOME, d.get("outcome")),
                    d.get("summary", ""),
                    d.get("comment", ""),
                    d.get("reviewer", ""),
                ),
                empty=translate("RecordView", "No reviews yet: a supervisor reviews each update once it is sent."),
            )
        )
        parts.append(_section(translate("RecordView", "Changes on this device")))
        rows = [
            (
                _e(h.at[:16].replace("T", " ")),
                _e(h.actor),
                _e(code_label(codes.ROLE, h.role)),
                _e(action_label(h.action)),
            )
            for h in f.history
        ]
        parts.append(_table(rows) if rows else _muted(translate("RecordView", "Nothing changed yet.")))
        return "".join(parts)

    def _list(
        self, entries: list[RecordEntry], columns, states: dict[str, str] | None = None, empty: str | None = None
    ) -> str:
        if not entries:
            return _muted(
                translate("RecordView", "None recorded yet. New… (Alt+N) records one.") if empty is None else empty
            )
        rows = []
        for entry in entries:
            cells = [_e(c) for c in columns(entry.data)]
            state = (states or {}).get(entry.id, "synced" if entry.synced else "pending")
            cells.append(f"<span style='color:{SYNC_COLORS[state]}'>{_e(code_label(codes.SYNC_STATE, state))}</span>")
            rows.append(tuple(cells))
        return _table(rows)


def _section(title: str) -> str:
    return f"<h3 style='margin:12px 0 4px 0'>{_e(title)}</h3>"


def _muted(text: str) -> str:
    return f"<p style='color:#666; margin:2px 0'>{_e(text)}</p>" if text else ""


def _badge(text: str, color: str) -> str:
    return f"<span style='background:{color}; color:white'>&nbsp;{_e(text)}&nbsp;</span>"


def _table(rows: Iterable[tuple[str, ...]]) -> str:
    """Rows of already-escaped cells."""
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 14px 2px 0'>{c}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table cellspacing='0'>{body}</table>"
