"""Help: a page per screen in each language, opened by F1 where the person is; the legend draws
the worklist's own badges; pages link to each other and nowhere else."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.domain.codes import SYNC_STATE
from desktop.ui import help as help_
from desktop.ui.forms import FORMS
from desktop.ui.i18n import LANGUAGES
from desktop.ui.labels import FLAG_BADGES

from .test_forms import MEMBER

TOPICS = [topic for topic, _title in help_.TOPICS]


@pytest.mark.parametrize("language", ["en", *LANGUAGES])
def test_every_topic_has_a_page_in_every_language_and_links_only_to_pages(qapp, language):
    for topic in TOPICS:
        page = help_.HELP / language / f"{topic}.html"
        assert page.exists(), page
        html = page.read_text("utf-8")
        assert html.startswith("<h2>")
        for link in re.findall(r'href="([^"]+)"', html):
            assert link.removesuffix(".html") in TOPICS, (page, link)
        for image in re.findall(r'src="([^"]+)"', html):
            assert help_.icon_pixmap(image.removeprefix("icon:")) is not None, (page, image)


def test_a_page_in_a_language_that_lacks_it_falls_back_to_english():
    assert help_.page_path("legend", "xx") == help_.HELP / "en" / "legend.html"


def test_every_screen_names_a_topic_that_has_a_page():
    code = "\n".join(p.read_text("utf-8") for p in help_.HELP.parent.parent.joinpath("ui").rglob("*.py"))
    named = set(re.findall(r'(?:set_topic\([^,]+|add_f1\(self), "(\w+)"\)', code))
    named |= set(re.findall(r'\(self\.\w+, "(\w+)"\)', code)) & set(TOPICS)
    assert named and named <= set(TOPICS), named - set(TOPICS)
    assert {"worklist", "record", "plan", "forms", "alerts", "sync", "signin", "reviews"} <= named


def focus_and_press_f1(qtbot, window, widget):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_F1)
    found = window.findChild(help_.HelpWindow)
    assert found is not None and found.isVisible()
    return found


def test_f1_opens_the_help_of_the_screen_in_front_of_the_person(qtbot, window):
    window.worklist.table.setCurrentIndex(window.worklist.model.index(0, 0))
    shown = focus_and_press_f1(qtbot, window, window.worklist.search)
    assert shown.topic == "worklist" and "The worklist" in shown.browser.toPlainText()
    assert shown.topics.currentItem().text() == "The worklist"
    window.record.show_plan()
    shown = focus_and_press_f1(qtbot, window, window.record.plan.add_button)
    assert shown.topic == "plan"
    window.sync_dock.show()
    shown = focus_and_press_f1(qtbot, window, window.sync_panel.sync_button)
    assert shown.topic == "sync"
    shown = focus_and_press_f1(qtbot, window, window.record.tabs.tabBar())
    assert shown.topic == "record"


def test_f1_in_a_form_opens_the_forms_page(qtbot, bench):
    from desktop.ui.forms import FormDialog

    dialog = FormDialog(FORMS["EmploymentVerification"](bench, MEMBER))
    qtbot.addWidget(dialog)
    dialog.show()
    shown = focus_and_press_f1(qtbot, dialog, dialog.form.editors["employer"])
    assert shown.topic == "forms" and "Fields marked with" in shown.browser.toPlainText()


def test_the_help_is_in_french_when_the_interface_is(qtbot, window, french):
    shown = help_.show_help(window, "sync")
    qtbot.addWidget(shown)
    assert "La synchronisation et le travail hors ligne" in shown.browser.toPlainText()
    assert shown.windowTitle() == "Aide de Field Desk"


def test_the_legend_shows_each_badge_and_sync_state_as_the_worklist_draws_it(qtbot, window):
    window.menuBar()  # the Help menu's second item
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    help_menu.actions()[1].trigger()
    shown = window.findChild(help_.HelpWindow)
    assert shown.topic == "legend"
    document = shown.browser.document()
    html = (help_.HELP / "en" / "legend.html").read_text("utf-8")
    for name in [f"flag-{flag}" for flag in FLAG_BADGES] + [f"sync-{state}" for state in SYNC_STATE]:
        assert f"icon:{name}" in html
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(f"icon:{name}"))
        assert image is not None and not image.isNull(), name
    text = shown.browser.toPlainText()
    for words in ("Potentially unemployed", "Verify at visit", "Returned by supervisor", "Pending", "Conflict"):
        assert words in text


def test_a_link_in_a_page_opens_that_page(qtbot, window):
    shown = help_.show_help(window, "worklist")
    shown.browser.anchorClicked.emit(QUrl("legend.html"))
    assert shown.topic == "legend"
    shown.browser.anchorClicked.emit(QUrl("https://example.org/elsewhere"))
    assert shown.topic == "legend", "nothing opens outside the help"


def test_menus_show_the_shortcut_of_every_command_that_has_one(window):
    shortcuts = {}
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if not action.shortcut().isEmpty():
                shortcuts[action.text().replace("&", "")] = action.shortcut().toString()
    assert shortcuts["Help for this screen"] == "F1"
    for expected in ("Ctrl+F", "Ctrl+L", "Ctrl+1", "Ctrl+2", "F5", "F6", "Ctrl+P", "Ctrl+E"):
        assert expected in shortcuts.values(), expected
    assert QApplication.instance() is not None
