"""Translated labels for code values, and the small status icons the worklist draws.

Code lists live in the domain as English source strings marked for Qt Linguist in the
``Codes`` context; this is where they are translated. Icons are drawn once and cached, so
painting 40 visible rows creates no pixmaps.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QLabel

#: colours of states and badges, each at least 4.5:1 against white and the window's grey (WCAG AA for
#: text), as ``tests/ui/test_accessibility.py`` computes
SYNC_COLORS = {"synced": "#1e7b34", "pending": "#a85400", "rejected": "#c62828", "conflict": "#6a1b9a"}
FLAG_COLORS = {"potentially_unemployed": "#1565c0", "needs_field_check": "#a85400", "returned": "#c62828"}
OVERDUE_COLOR = "#c62828"
ERROR_COLOR = "#c62828"
#: secondary text (hints, empty states): still 4.5:1 on the window's grey
MUTED_COLOR = "#595959"
#: the flag badges, in the order they are drawn
FLAG_BADGES = ("potentially_unemployed", "needs_field_check", "returned")


def code_label(table: dict[str, str], value: str | None) -> str:
    """The translated label of ``value`` in a code list, or the raw value when unknown."""
    if not value:
        return ""
    text = table.get(value)
    return QCoreApplication.translate("Codes", text) if text else value


def age_on(birth_date: str, today: dt.date) -> int | None:
    try:
        born = dt.date.fromisoformat(birth_date)
    except (TypeError, ValueError):
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def segment_label(segment: str) -> str:
    """``R1-D2/A-ready`` → ``A-ready``: the area is shown beside it already."""
    return segment.rsplit("/", 1)[-1] if segment else ""


def area_label(offices: dict[str, str], area: str) -> str:
    """A short name for an area: its office's name without the common suffix, else the code."""
    office = offices.get(area)
    return office.removesuffix(" Employment Office") if office else area


def flag_texts(row) -> list[str]:
    tr = QCoreApplication.translate
    out = []
    if row.potentially_unemployed:
        out.append(tr("Worklist", "Potentially unemployed: no pension or tax contributions for months"))
    if row.needs_field_check:
        out.append(tr("Worklist", "Verify at visit: no link to pension, tax or education records"))
    if row.returned:
        out.append(tr("Worklist", "Returned by supervisor for correction"))
    return out


def _glyph(kind: str, color: str, size: int) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = QColor(color)
    r = QRectF(1.5, 1.5, size - 3, size - 3)
    if kind == "dot":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c)
        p.drawEllipse(r.adjusted(2, 2, -2, -2))
    elif kind == "ring":
        p.setPen(QPen(c, 2.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(r.adjusted(2, 2, -2, -2))
    elif kind == "cross":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c)
        p.drawEllipse(r)
        p.setPen(QPen(QColor("white"), 2))
        m = size * 0.32
        p.drawLine(QPointF(m, m), QPointF(size - m, size - m))
        p.drawLine(QPointF(size - m, m), QPointF(m, size - m))
    elif kind == "diamond":
        path = QPainterPath()
        path.moveTo(size / 2, 1)
        path.lineTo(size - 1, size / 2)
        path.lineTo(size / 2, size - 1)
        path.lineTo(1, size / 2)
        path.closeSubpath()
        p.fillPath(path, c)
    else:  # a letter badge
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c)
        p.drawRoundedRect(r, 3, 3)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.62))
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, kind)
    p.end()
    return pix


@cache
def sync_icon(state: str) -> QIcon:
    kind = {"synced": "dot", "pending": "ring", "rejected": "cross", "conflict": "diamond"}[state]
    return QIcon(_glyph(kind, SYNC_COLORS[state], 14))


BADGE_SIZE = 16


@cache
def badge_pixmap(flag: str) -> QPixmap:
    """The badge of one flag (U, V or R, translated) as the worklist draws it."""
    tr = QCoreApplication.translate
    letter = {
        "potentially_unemployed": tr("Worklist", "U", "badge: potentially unemployed"),
        "needs_field_check": tr("Worklist", "V", "badge: verify at visit"),
        "returned": tr("Worklist", "R", "badge: returned by supervisor"),
    }[flag]
    return _glyph(letter, FLAG_COLORS[flag], BADGE_SIZE)


@cache
def flags_pixmap(potentially_unemployed: bool, needs_field_check: bool, returned: bool) -> QPixmap:
    """A badge per flag set (U, V, R), each in its own slot so they line up down the column.

    A pixmap, not an icon: the view then draws it at its own size instead of the icon size.
    """
    size, gap = BADGE_SIZE, 3
    pix = QPixmap(3 * size + 2 * gap, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    for i, (key, on) in enumerate(zip(FLAG_BADGES, (potentially_unemployed, needs_field_check, returned), strict=True)):
        if on:
            p.drawPixmap(i * (size + gap), 0, badge_pixmap(key))
    p.end()
    return pix


def number(n: int) -> str:
    """A count as the interface's language writes it (1,168 in English, 1 168 in French)."""
    return QLocale().toString(n)


def heading(text: str = "", scale: float = 1.3) -> QLabel:
    """A pane's or a form's title: bold, and larger than body text by ``scale`` of the
    user's own font size, so it follows their accessibility settings."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


#: what a record is, as a person names it
ENTITY_LABELS = {
    "Plan": QT_TRANSLATE_NOOP("Labels", "Plan"),
    "PlanItem": QT_TRANSLATE_NOOP("Labels", "Plan goal"),
    "Enrollment": QT_TRANSLATE_NOOP("Labels", "Enrolment"),
    "EmploymentVerification": QT_TRANSLATE_NOOP("Labels", "Employment verification"),
    "EducationVerification": QT_TRANSLATE_NOOP("Labels", "Education verification"),
    "ServiceRecord": QT_TRANSLATE_NOOP("Labels", "Service provided"),
    "OutreachContact": QT_TRANSLATE_NOOP("Labels", "Contact"),
    "OutreachMessage": QT_TRANSLATE_NOOP("Labels", "Programme alert"),
    "Consent": QT_TRANSLATE_NOOP("Labels", "Consent"),
    "Note": QT_TRANSLATE_NOOP("Labels", "Note"),
    "ChangeRequest": QT_TRANSLATE_NOOP("Labels", "Correction to the Social Registry"),
    "Review": QT_TRANSLATE_NOOP("Labels", "Review"),
    "Conflict": QT_TRANSLATE_NOOP("Labels", "Conflict"),
}
#: what was done to it (the audit's and the outbox's verbs)
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Labels", "%1: new"),
    "update": QT_TRANSLATE_NOOP("Labels", "%1: changed"),
    "patch": QT_TRANSLATE_NOOP("Labels", "%1: changed"),
    "resolve": QT_TRANSLATE_NOOP("Labels", "%1: resolved"),
    "close": QT_TRANSLATE_NOOP("Labels", "%1: closed"),
    "retry": QT_TRANSLATE_NOOP("Labels", "Sent again"),
}


def entity_label(entity_type: str) -> str:
    text = ENTITY_LABELS.get(entity_type)
    return QCoreApplication.translate("Labels", text) if text else entity_type


def action_label(action: str) -> str:
    """``create EmploymentVerification`` → "Employment verification: new"; ``resolve conflict`` → "Conflict: resolved"."""
    verb, _, what = action.partition(" ")
    if verb not in ACTIONS:
        return action
    entity_type = "Conflict" if what == "conflict" else what
    return QCoreApplication.translate("Labels", ACTIONS[verb]).replace("%1", entity_label(entity_type))
