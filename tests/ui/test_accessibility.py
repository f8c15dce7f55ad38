"""Accessibility: every control of the main screens has a name a screen reader can say, and the
colours of badges, states and messages pass WCAG AA against the backgrounds they are drawn on."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from desktop.cases.accounts import Accounts
from desktop.ui import labels, signin
from desktop.ui.alerts import AlertDialog
from desktop.ui.background import Tasks
from desktop.ui.demo import DemoSignInDialog
from desktop.ui.forms import FORMS, FormDialog
from desktop.ui.help import HelpWindow
from desktop.ui.sync_panel import STATES

from .conftest import seed_programmes
from .test_forms import MEMBER

#: WCAG 2.1 AA: text 4.5:1 (1.4.3)
TEXT = 4.5


def luminance(color: QColor) -> float:
    """Relative luminance, WCAG 2.1."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: str | QColor, b: str | QColor) -> float:
    la, lb = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def backgrounds(qapp) -> dict[str, QColor]:
    """What text is drawn on: white, the window's grey, a list's base and its alternate rows."""
    palette = qapp.palette()
    return {
        "white": QColor("#ffffff"),
        "window": palette.color(QPalette.ColorRole.Window),
        "base": palette.color(QPalette.ColorRole.Base),
        "alternate rows": palette.color(QPalette.ColorRole.AlternateBase),
    }


@pytest.mark.parametrize(
    ("name", "color"),
    [
        *((f"sync state {k}", v) for k, v in labels.SYNC_COLORS.items()),
        *((f"status bar {k}", v) for k, (_t, v) in STATES.items()),
        ("overdue", labels.OVERDUE_COLOR),
        ("error", labels.ERROR_COLOR),
        ("muted", labels.MUTED_COLOR),
    ],
)
def test_state_and_message_colours_pass_aa_on_every_background(qapp, name, color):
    for where, background in backgrounds(qapp).items():
        ratio = contrast(color, background)
        assert ratio >= TEXT, f"{name} {color} on {where} {background.name()}: {ratio:.2f}"


@pytest.mark.parametrize("flag", labels.FLAG_BADGES)
def test_the_white_letter_of_each_badge_passes_aa(qapp, flag):
    ratio = contrast("#ffffff", labels.FLAG_COLORS[flag])
    assert ratio >= TEXT, f"{flag}: {ratio:.2f}"
    assert labels.badge_pixmap(flag).toImage().pixelColor(2, 8) == QColor(labels.FLAG_COLORS[flag])


def test_colours_set_in_the_screens_style_sheets_pass_aa(qapp, window):
    window.sync_dock.show()
    window.worklist.table.setCurrentIndex(window.worklist.model.index(0, 0))
    found = {}
    for widget in window.findChildren(QWidget):
        for color in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", widget.styleSheet()):
            found[color] = widget.objectName() or type(widget).__name__
    assert found, "the screens colour some of their text"
    window_grey = backgrounds(qapp)["window"]
    for color, where in found.items():
        assert contrast(color, window_grey) >= TEXT, f"{color} in {where}: {contrast(color, window_grey):.2f}"


# --- accessible names ------------------------------------------------------------------------------


def unnamed(top: QWidget) -> list[str]:
    """The controls a keyboard can reach in ``top`` that a screen reader could not name."""
    missing = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(top) or widget.focusProxy():
            continue
        if type(widget).__name__ in ("QScrollArea",) or widget.objectName() == "qt_scrollarea_viewport":
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {widget.parentWidget()!r}")
    return missing


def test_every_control_of_the_main_window_has_an_accessible_name(qtbot, window):
    window.sync_dock.show()
    window.worklist.table.setCurrentIndex(window.worklist.model.index(0, 0))
    for page in range(window.record.tabs.count()):
        window.record.tabs.setCurrentIndex(page)
        assert unnamed(window) == []


def test_every_control_of_every_form_has_an_accessible_name(qtbot, bench):
    seed_programmes(bench.cases)
    for entity_type, form_class in FORMS.items():
        dialog = FormDialog(form_class(bench, MEMBER))
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed(dialog) == [], entity_type


def test_every_control_of_the_dialogs_has_an_accessible_name(qtbot, bench, data_dir):
    seed_programmes(bench.cases)
    dialogs = [
        AlertDialog(bench, [MEMBER]),
        signin.SignInDialog(Accounts(data_dir), Tasks()),
        DemoSignInDialog(lambda _user: None, Tasks()),
        HelpWindow(),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed(dialog) == [], type(dialog).__name__
    assert QApplication.instance() is not None
