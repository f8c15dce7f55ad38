"""Help that ships with the application: one page per screen, in the interface's language, offline.

The pages are HTML files in ``resources/help/<language>/<topic>.html``, one folder per language,
so a translator takes a whole folder and writes its twin (no string of the help lives in the
code). A language without its own page shows the English one. F1 opens the page of the screen
the person is in: every screen names its topic (``set_topic``), and the focused widget's nearest
screen with a topic wins. The legend draws the very badges and sync icons the worklist draws, so
the two can never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import resources
from .labels import FLAG_COLORS, SYNC_COLORS, badge_pixmap, sync_icon

translate = QCoreApplication.translate

HELP = resources.path("help")
#: the help's pages in reading order: topic → title (the "Help" context)
TOPICS = (
    ("worklist", QT_TRANSLATE_NOOP("Help", "The worklist")),
    ("record", QT_TRANSLATE_NOOP("Help", "A beneficiary's record")),
    ("forms", QT_TRANSLATE_NOOP("Help", "Recording a visit")),
    ("plan", QT_TRANSLATE_NOOP("Help", "The plan (ISEP)")),
    ("reviews", QT_TRANSLATE_NOOP("Help", "Reviews by a supervisor")),
    ("alerts", QT_TRANSLATE_NOOP("Help", "Programme alerts")),
    ("sync", QT_TRANSLATE_NOOP("Help", "Sync and working offline")),
    ("signin", QT_TRANSLATE_NOOP("Help", "Signing in, switching user, signing out")),
    ("legend", QT_TRANSLATE_NOOP("Help", "Legend: badges and sync states")),
    ("shortcuts", QT_TRANSLATE_NOOP("Help", "Keyboard shortcuts")),
)
TOPIC_PROPERTY = "helpTopic"
#: images the pages may show, drawn by the same code as the screens: ``icon:flag-<key>``, ``icon:sync-<state>``
ICON_SCHEME = "icon"


def set_topic(widget: QWidget, topic: str) -> None:
    """Name the help page of a screen; F1 anywhere inside it opens that page."""
    widget.setProperty(TOPIC_PROPERTY, topic)


def topic_of(widget: QWidget | None, default: str = "worklist") -> str:
    """The topic of the nearest screen around ``widget`` (the focused one, usually)."""
    while widget is not None:
        topic = widget.property(TOPIC_PROPERTY)
        if topic:
            return str(topic)
        widget = widget.parentWidget()
    return default


def language() -> str:
    """The interface's language, as ``i18n.install_translator`` set the default locale."""
    return QLocale().name().split("_")[0]


def page_path(topic: str, lang: str | None = None):
    """The page of ``topic`` in ``lang`` (the interface's), else in English."""
    own = HELP / (lang or language()) / f"{topic}.html"
    return own if own.exists() else HELP / "en" / f"{topic}.html"


def icon_pixmap(name: str):
    """``flag-potentially_unemployed`` → the U badge; ``sync-pending`` → the pending icon."""
    kind, _, key = name.partition("-")
    if kind == "flag" and key in FLAG_COLORS:
        return badge_pixmap(key)
    if kind == "sync" and key in SYNC_COLORS:
        return sync_icon(key).pixmap(14, 14)
    return None


class HelpBrowser(QTextBrowser):
    """Shows one page; draws ``icon:`` images with the screens' own painters."""

    def loadResource(self, kind: int, url: QUrl):
        if kind == QTextDocument.ResourceType.ImageResource and url.scheme() == ICON_SCHEME:
            pixmap = icon_pixmap(url.path())
            if pixmap is not None:
                return pixmap
        return super().loadResource(kind, url)


class HelpWindow(QDialog):
    """The help: the list of pages beside the page shown; not modal, so the screen stays usable."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "Field Desk help"))
        self.setObjectName("helpWindow")
        self.topics = QListWidget()
        self.topics.setObjectName("helpTopics")
        self.topics.setAccessibleName(translate("Help", "Help topics"))
        for topic, title in TOPICS:
            item = QListWidgetItem(translate("Help", title))
            item.setData(Qt.ItemDataRole.UserRole, topic)
            self.topics.addItem(item)
        widest = max(self.topics.fontMetrics().horizontalAdvance(translate("Help", t)) for _k, t in TOPICS)
        self.topics.setFixedWidth(widest + 2 * self.topics.frameWidth() + 16)
        self.topics.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.topics.currentItemChanged.connect(
            lambda item, _old: item and self._load(item.data(Qt.ItemDataRole.UserRole))
        )
        self.browser = HelpBrowser()
        self.browser.setObjectName("helpPage")
        self.browser.setAccessibleName(translate("Help", "Help page"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        row = QHBoxLayout()
        row.addWidget(self.topics)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        self.topic = ""
        self.resize(widest + 640, 560)

    def show_topic(self, topic: str) -> None:
        """Open at ``topic`` (a page name), and bring the window forward."""
        for row in range(self.topics.count()):
            if self.topics.item(row).data(Qt.ItemDataRole.UserRole) == topic:
                self.topics.setCurrentRow(row)
        self._load(topic)
        self.show()
        self.raise_()
        self.activateWindow()

    def _load(self, topic: str) -> None:
        if topic == self.topic:
            return
        self.topic = topic
        path = page_path(topic)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setHtml(path.read_text("utf-8"))

    def _follow(self, url: QUrl) -> None:
        """Links between pages are written ``topic.html``; nothing opens outside the help."""
        name = url.path().removesuffix(".html")
        if any(name == topic for topic, _title in TOPICS):
            self.show_topic(name)


def help_window(owner: QWidget) -> HelpWindow:
    """The help window of ``owner``'s top-level window, made on first use."""
    top = owner.window()
    found = top.findChild(HelpWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return found or HelpWindow(top)


def show_help(owner: QWidget, topic: str | None = None) -> HelpWindow:
    """Open the help at ``topic``, or at the page of the screen that has the focus."""
    window = help_window(owner)
    focused = QApplication.focusWidget()
    if topic is None:
        topic = topic_of(focused if focused is not None and focused.window() is owner.window() else owner)
    window.show_topic(topic)
    return window


def add_f1(window: QWidget, topic: str) -> QShortcut:
    """A dialog's F1: its own page (the main window's F1 is its Help menu's action)."""
    set_topic(window, topic)
    return QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), window, lambda: show_help(window))
