"""Programme alerts to many beneficiaries at once (process B.8), queued offline.

The counselor picks the programme, the channel, the language and a template; each recipient
gets a preview with their own name and office. Who cannot be reached — no phone number, a
number not in international form, contact by that channel refused — is listed with the reason
and left out. The alerts are queued in one transaction and delivered by the ESS gateway after
the next sync; the delivery status comes back on each member's record.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import resources
from ..cases.reads import MemberBrief
from ..domain import codes
from ..domain.model import OutreachMessage
from .help import add_f1
from .labels import code_label, heading
from .tasks import Changes, Workbench, failure_text

translate = QCoreApplication.translate

TEMPLATES = resources.path("templates", "alerts.json")
#: the names an alert carries, in each message language: offices by their pattern, the ESS
#: catalogue's programmes by their English name (a name not listed is sent as it is)
NAMES = resources.path("templates", "alert_names.json")
OFFICE_SUFFIX = " Employment Office"
LANGUAGES = (("eng", QT_TRANSLATE_NOOP("Alerts", "English")), ("fra", QT_TRANSLATE_NOOP("Alerts", "French")))
SMS_LENGTH = 160
NO_PHONE = QT_TRANSLATE_NOOP("Alerts", "No phone number on record")
BAD_PHONE = QT_TRANSLATE_NOOP("Alerts", "Phone number not in international form")
REFUSED = QT_TRANSLATE_NOOP("Alerts", "Refused contact by this channel")


def load_templates(path: Path = TEMPLATES) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_names(path: Path = NAMES) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def interface_message_language() -> str:
    """The message language matching the interface's (ISO 639-2, as the gateway names them)."""
    return {"fr": "fra"}.get(QLocale().name().split("_")[0], "eng")


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def render(text: str, values: dict[str, str]) -> str:
    """Fill the placeholders; an unknown one becomes empty rather than failing the whole batch."""
    return string.Formatter().vformat(text, (), _Blank(values))


def phone_ok(phone: str) -> bool:
    """The domain's own rule for a deliverable number, so the preview and the save agree."""
    return (
        "phone_number"
        not in OutreachMessage(member_id="-", channel="sms", template="-", text="-", phone_number=phone).validate()
    )


@dataclass(frozen=True)
class Preview:
    member: MemberBrief
    text: str
    skipped: str  # why this member is left out (a source text), or ""


class AlertComposer(QWidget):
    """Compose, preview and queue one alert for the members given."""

    queued = Signal(list)

    def __init__(self, bench: Workbench, member_ids: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.bench = bench
        self.members = bench.reads.members_brief(member_ids)
        self.templates = load_templates()
        self.names = load_names()
        self.previews: list[Preview] = []
        self.setObjectName("alertComposer")

        self.programme = QComboBox()
        for p in bench.reads.programmes():
            self.programme.addItem(p.name, p.id)
        self.channel = QComboBox()
        for key in codes.ALERT_CHANNEL:
            self.channel.addItem(code_label(codes.ALERT_CHANNEL, key), key)
        self.language = QComboBox()
        for key, label in LANGUAGES:
            self.language.addItem(translate("Alerts", label), key)
        self.language.setCurrentIndex(max(0, self.language.findData(interface_message_language())))
        self.template = QComboBox()
        for box in (self.programme, self.channel, self.language, self.template):
            box.currentIndexChanged.connect(self.update_preview)
            box.setMinimumWidth(320)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.currentIndexChanged.connect(self._fill_templates)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(translate("Alerts", "&Programme:"), self.programme)
        form.addRow(translate("Alerts", "&Channel:"), self.channel)
        form.addRow(translate("Alerts", "&Language:"), self.language)
        form.addRow(translate("Alerts", "&Message:"), self.template)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("alertPreview")
        self.table.setAccessibleName(translate("Alerts", "Preview of each message"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("Alerts", "Beneficiary"),
                translate("Alerts", "Phone"),
                translate("Alerts", "Message, or why it is not sent"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.send_button = QPushButton()
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.close_button = QPushButton(translate("Alerts", "Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        title = heading(translate("Alerts", "Send a programme alert"))
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._fill_templates()
        if self.programme.count() == 0:
            self.summary.setText(
                translate(
                    "Alerts",
                    "There are no programmes on this device yet. The programme "
                    "list comes from the Employment Support System with the "
                    "next sync.",
                )
            )
            self.send_button.setEnabled(False)

    def _fill_templates(self) -> None:
        language = self.language.currentData()
        current = self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        for key, template in self.templates.items():
            self.template.addItem(template["name"].get(language) or template["name"]["eng"], key)
        self.template.setCurrentIndex(max(0, self.template.findData(current)))
        self.template.blockSignals(False)
        self.update_preview()

    def update_preview(self) -> None:
        """One row per selected member: their own text, or why they are left out."""
        key, language, channel = self.template.currentData(), self.language.currentData(), self.channel.currentData()
        if key is None:
            return
        text = self.templates[key]["text"].get(language) or self.templates[key]["text"]["eng"]
        refused = self.bench.reads.refused_contact([m.member_id for m in self.members], f"contact_{channel}")
        programme = self.programme.currentText()
        self.previews = []
        for m in self.members:
            skipped = (
                NO_PHONE
                if not m.phone
                else BAD_PHONE
                if not phone_ok(m.phone)
                else REFUSED
                if m.member_id in refused
                else ""
            )
            self.previews.append(
                Preview(
                    m,
                    ""
                    if skipped
                    else render(
                        text,
                        {
                            "given_name": m.given_name,
                            "surname": m.surname,
                            "programme": self.programme_name(programme, language),
                            "office": self.office_name(m.office, language),
                        },
                    ),
                    skipped,
                )
            )
        self.previews.sort(key=lambda p: (not p.skipped, p.member.surname, p.member.given_name))
        self.table.setRowCount(len(self.previews))
        for row, p in enumerate(self.previews):
            cells = (p.member.name, p.member.phone, translate("Alerts", p.skipped) if p.skipped else p.text)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if p.skipped:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        sending = self.sendable()
        skipped = len(self.previews) - len(sending)
        parts = [translate("Alerts", "Will receive this alert: %n.", "", len(sending))]
        if skipped:
            parts.append(
                translate("Alerts", "Left out because they cannot be reached: %n (listed first).", "", skipped)
            )
        longest = max((len(p.text) for p in sending), default=0)
        if channel == "sms" and longest > SMS_LENGTH:
            parts.append(
                translate(
                    "Alerts", "The longest message has %n characters and will be sent as several SMS.", "", longest
                )
            )
        self.summary.setText(" ".join(parts))
        self.send_button.setText(translate("Alerts", "&Queue alerts (%n)", "", len(sending)))
        self.send_button.setEnabled(bool(sending) and self.programme.count() > 0)

    def office_name(self, office: str, language: str) -> str:
        """ "Sédhiou Employment Office" → "Bureau de l'emploi de Sédhiou" in a French message."""
        pattern = self.names["office"].get(language)
        if not pattern or not office.endswith(OFFICE_SUFFIX):
            return office
        return pattern.format(place=office.removesuffix(OFFICE_SUFFIX))

    def programme_name(self, name: str, language: str) -> str:
        return self.names["programmes"].get(language, {}).get(name, name)

    def sendable(self) -> list[Preview]:
        return [p for p in self.previews if not p.skipped]

    def messages(self) -> list[OutreachMessage]:
        channel, language, template = (
            self.channel.currentData(),
            self.language.currentData(),
            self.template.currentData(),
        )
        programme = self.programme.currentData()
        return [
            OutreachMessage(
                member_id=p.member.member_id,
                channel=channel,
                programme_id=programme,
                template=template,
                language=language,
                text=p.text,
                phone_number=p.member.phone,
            )
            for p in self.sendable()
        ]

    def send(self) -> None:
        messages = self.messages()
        if not messages:
            return
        cases = self.bench.cases
        self.send_button.setEnabled(False)
        self.bench.queue.run(
            lambda: cases.queue_alerts(messages),
            self._queued,
            self._failed,
            owner=self,
            changes=Changes.of(m.member_id for m in messages),
        )

    def _queued(self, ids: list[str]) -> None:
        self.message.setStyleSheet("color: #2e7d32")
        self.message.setText(
            translate(
                "Alerts",
                "Alerts queued: %n. They are sent through the Employment Support System at the next sync.",
                "",
                len(ids),
            )
        )
        self.queued.emit(ids)

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #c62828")
        self.message.setText(failure_text(exc))
        self.send_button.setEnabled(True)


class AlertDialog(QDialog):
    """The composer in its own window, for a selection made in the worklist."""

    def __init__(self, bench: Workbench, member_ids: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Alerts", "Send a programme alert"))
        add_f1(self, "alerts")
        self.composer = AlertComposer(bench, member_ids, self)
        self.composer.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.composer)
        self.resize(1000, 600)
