"""One base for every workflow form: fields declared once, errors beside them, drafts kept.

A form names its entity and its fields; the base builds the editors, lays them out as label |
editor | message, validates with the entity's own rules before anything is queued, saves
through the ``WriteQueue`` and keeps an unfinished entry as a draft (debounced), so a crash, a
flat battery or a closed lid never costs more than a second of typing.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...cases.errors import StoreError
from ...domain.model import NEEDED, Entity, ValidationError
from ..help import add_f1
from ..labels import ERROR_COLOR, MUTED_COLOR, code_label, heading
from ..tasks import NOTHING, Changes, Workbench, failure_text
from .editors import DateField, ListEditor

translate = QCoreApplication.translate

#: how long typing must pause before the draft is written
AUTOSAVE_MS = 1000


@dataclass(frozen=True)
class Field:
    """One entry in a form: the entity attribute, its label (a "Forms" source text), its editor.

    ``kind`` is text, long, code (over ``codes``), choice (options from the form), date, bool,
    list or readonly.
    """

    name: str
    label: str
    kind: str = "text"
    codes: dict[str, str] | None = None


def with_mnemonic(text: str, used: set[str]) -> str:
    """Put ``&`` before the first letter not yet taken, so Alt+letter is unique in any language."""
    for i, ch in enumerate(text):
        if ch.isalpha() and ch.casefold() not in used:
            used.add(ch.casefold())
            return f"{text[:i]}&{text[i:]}"
    return text


class EntityForm(QWidget):
    """A form over one entity of one member; new, or an edit of ``record`` = (id, data)."""

    ENTITY: ClassVar[type[Entity]]
    TITLE: ClassVar[str] = ""
    FIELDS: ClassVar[tuple[Field, ...]] = ()

    saved = Signal(str)
    cancelled = Signal()
    draftSaved = Signal()

    def __init__(
        self, bench: Workbench, member_id: str, record: tuple[str, dict] | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.bench = bench
        self.cases = bench.cases
        self.member_id = member_id
        self.record_id, self.original = record if record else (None, {})
        self.draft_key = ":".join(filter(None, (self.ENTITY.ENTITY_TYPE, member_id, self.record_id)))
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        #: each field's label (or check box) and its text with the mnemonic, before any "*"
        self.labels: dict[str, QLabel | QCheckBox] = {}
        self._label_texts: dict[str, str] = {}
        self._loading = True
        self._saving = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._write_draft)
        self.setObjectName(f"form{self.ENTITY.ENTITY_TYPE}")
        self._build()
        self.set_values({**self.initial_values(), **self.original})
        draft = bench.reads.draft(self.draft_key)
        if draft is not None:
            self.set_values(draft.data)
            when = QDateTime.fromString(draft.saved_at, Qt.DateFormat.ISODateWithMs).toLocalTime()
            self._show_banner(
                translate("Forms", "Restored the entry you had not saved ({0}). Save it, or discard the draft.").format(
                    when.toString("yyyy-MM-dd HH:mm")
                ),
                draft=True,
            )
        self._loading = False
        self.on_value_changed("")
        self.mark_required()
        empty = self.empty_state()
        if empty:
            self._show_banner(empty)
            for editor in self.editors.values():
                editor.setEnabled(False)
            self.save_button.setEnabled(False)

    # --- what a form may override -------------------------------------------------------------

    def initial_values(self) -> dict[str, Any]:
        """Values of a new entry before anyone types (e.g. today's date)."""
        return {}

    def choices(self, field: Field) -> list[tuple[str, str]]:
        """Options (value, label) of a ``choice`` field."""
        return []

    def empty_state(self) -> str | None:
        """A message when the form cannot be used yet (nothing to choose from)."""
        return None

    def on_value_changed(self, name: str) -> None:
        """Hook for fields that depend on another (a change request's current value)."""

    def submit(self, entity: Entity) -> Callable[[], Any]:
        """The use-case call for this entry, run on the write queue."""
        if self.record_id is None:
            return lambda: self.cases.create(entity)
        changes = self.changes()
        return lambda: self.cases.update(entity.ENTITY_TYPE, entity.id, changes)

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        used: set[str] = set()
        self.save_button = QPushButton(with_mnemonic(translate("Forms", "Save"), used))
        self.save_button.setToolTip(translate("Forms", "Save (Ctrl+S or Enter)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(with_mnemonic(translate("Forms", "Close"), used))
        self.close_button.setToolTip(translate("Forms", "Close (Esc). An unsaved entry is kept as a draft."))
        self.close_button.clicked.connect(self.cancel)
        self.discard_button = QPushButton(with_mnemonic(translate("Forms", "Discard draft"), used))
        self.discard_button.clicked.connect(self.discard_draft)

        title = heading(translate("Forms", self.TITLE))
        title.setObjectName("formTitle")
        brief = self.bench.reads.members_brief([self.member_id])
        subtitle = QLabel(
            " · ".join(
                x
                for x in (brief[0].name, translate("Forms", "UIN {0}").format(brief[0].uin) if brief[0].uin else "")
                if x
            )
            if brief
            else self.member_id
        )
        subtitle.setStyleSheet("color: #555")

        self.banner = QFrame()
        self.banner.setObjectName("formBanner")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(8, 6, 8, 6)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.discard_button)
        self.banner.hide()

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        for row, field in enumerate(self.FIELDS):
            editor = self._editor(field, used)
            self.editors[field.name] = editor
            error = QLabel()
            error.setObjectName(f"error_{field.name}")
            error.setStyleSheet(f"color: {ERROR_COLOR}")
            error.setWordWrap(True)
            error.setMinimumWidth(180)
            error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            self.errors[field.name] = error
            top = Qt.AlignmentFlag.AlignTop if field.kind in ("long", "list") else Qt.AlignmentFlag.AlignVCenter
            if field.kind != "bool":
                label = QLabel(with_mnemonic(translate("Forms", field.label), used))
                label.setBuddy(editor)
                grid.addWidget(label, row, 0, top)
                self.labels[field.name] = label
            else:
                self.labels[field.name] = editor
            self._label_texts[field.name] = self.labels[field.name].text()
            grid.addWidget(editor, row, 1)
            grid.addWidget(error, row, 2, top)

        hint = QLabel(translate("Forms", "* required · Ctrl+S saves · Esc closes · F1 help"))
        hint.setStyleSheet(f"color: {MUTED_COLOR}")
        buttons = QHBoxLayout()
        buttons.addWidget(hint)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(4)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(buttons)

        chain = [e for e in self.editors.values() if e.focusPolicy() != Qt.FocusPolicy.NoFocus or e.focusProxy()]
        chain += [self.close_button, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _editor(self, field: Field, used: set[str]) -> QWidget:
        kind = field.kind
        if kind in ("text", "readonly"):
            editor = QLineEdit()
            editor.setReadOnly(kind == "readonly")
            editor.textChanged.connect(lambda: self._changed(field.name))
        elif kind == "long":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(self.fontMetrics().height() * 4 + 14)
            editor.textChanged.connect(lambda: self._changed(field.name))
        elif kind in ("code", "choice"):
            editor = QComboBox()
            editor.addItem(translate("Forms", "Choose…"), "")
            options = [(k, code_label(field.codes, k)) for k in field.codes] if kind == "code" else self.choices(field)
            for value, label in options:
                editor.addItem(label, value)
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            editor.currentIndexChanged.connect(lambda: self._changed(field.name))
        elif kind == "date":
            editor = DateField()
            editor.changed.connect(lambda: self._changed(field.name))
        elif kind == "bool":
            editor = QCheckBox(with_mnemonic(translate("Forms", field.label), used))
            editor.toggled.connect(lambda: self._changed(field.name))
        elif kind == "list":
            editor = ListEditor()
            editor.changed.connect(lambda: self._changed(field.name))
        else:
            raise ValueError(f"unknown field kind {kind!r}")
        editor.setObjectName(field.name)
        editor.setAccessibleName(translate("Forms", field.label))
        if isinstance(editor, (DateField, ListEditor)):  # the line typed into is what a screen reader meets
            editor.edit.setAccessibleName(translate("Forms", field.label))
        return editor

    # --- values --------------------------------------------------------------------------------

    def value(self, name: str) -> Any:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            return editor.currentData() or ""
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, ListEditor):
            return editor.values()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        return editor.text().strip()

    def values(self) -> dict[str, Any]:
        return {f.name: self.value(f.name) for f in self.FIELDS}

    def set_values(self, values: dict[str, Any]) -> None:
        for name, v in values.items():
            editor = self.editors.get(name)
            if editor is None:
                continue
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(v or "")))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(v))
            elif isinstance(editor, ListEditor):
                editor.set_values(list(v or []))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(v or ""))
            else:
                editor.setText(str(v or ""))

    def changes(self) -> dict[str, Any]:
        """Fields of an edited record that differ from what was loaded."""
        empty = {f.name: f.default for f in dataclasses.fields(self.ENTITY) if isinstance(f.default, (str, bool))}
        return {k: v for k, v in self.values().items() if v != self.original.get(k, empty.get(k, []))}

    def entity(self) -> Entity:
        return self._entity_from(self.values())

    def _entity_from(self, values: dict[str, Any]) -> Entity:
        data = {**self.original, **values, "member_id": self.member_id}
        if self.record_id is None:
            return self.ENTITY(
                **{k: v for k, v in data.items() if k in {f.name for f in dataclasses.fields(self.ENTITY)}}
            )
        return self.ENTITY.from_data(self.record_id, data)

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Validate here (instant, nothing queued when wrong), then save on the write queue."""
        if self._saving or not self.save_button.isEnabled():
            return
        self._autosave.stop()
        self.show_errors({})
        entity = self.entity()
        errors = entity.validate(self.cases.today(), new=self.record_id is None)
        if self.record_id is not None:  # what the form cannot show was checked when the record was made
            errors = {k: v for k, v in errors.items() if k in self.editors}
        if errors:
            self.show_errors(errors)
            return
        call, key = self.submit(entity), self.draft_key

        def save_and_forget_draft():
            result = call()
            self.cases.discard_draft(key)
            return result

        self._set_saving(True)
        self.bench.queue.run(
            save_and_forget_draft,
            lambda _r: self._saved(entity.id),
            self._failed,
            owner=self,
            changes=Changes.of([self.member_id]),
        )

    def _saved(self, entity_id: str) -> None:
        self._set_saving(False)
        self.banner.hide()
        self.saved.emit(entity_id)

    def _failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, StoreError):
            self._show_banner(failure_text(exc), error=True)
        else:
            self._show_banner(
                translate(
                    "Forms",
                    "The entry could not be saved because of an error in Field Desk. "
                    "It is kept as a draft, and the error has been reported.",
                ),
                error=True,
            )
        self._write_draft()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(
            with_mnemonic(translate("Forms", "Saving…") if saving else translate("Forms", "Save"), set())
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field; the first bad field gets the focus."""
        first = None
        for field in self.FIELDS:
            message = errors.get(field.name, "")
            self.errors[field.name].setText(translate("Validation", message) if message else "")
            if message and first is None:
                first = self.editors[field.name]
        others = [translate("Validation", m) for k, m in errors.items() if k not in self.errors]
        if others:
            self._show_banner("\n".join(others), error=True)
        elif errors:
            self.banner.hide()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_banner(self, text: str, draft: bool = False, error: bool = False) -> None:
        color, back = (ERROR_COLOR, "#fdecea") if error else ("#5d4037", "#fff4e5")
        self.banner.setStyleSheet(
            f"#formBanner {{ background: {back}; border: 1px solid {color};"
            f" border-radius: 4px }} QLabel {{ color: {color} }}"
        )
        self.banner_text.setText(text)
        self.discard_button.setVisible(draft)
        self.banner.show()

    # --- drafts ----------------------------------------------------------------------------------

    def _changed(self, name: str) -> None:
        if self._loading:
            return
        self.on_value_changed(name)
        self.mark_required()
        self._recheck_shown_errors()
        if not self._saving:
            self._autosave.start()

    # --- what is required, and what is still wrong ------------------------------------------------

    def _errors_now(self, values: dict[str, Any] | None = None) -> dict[str, str]:
        entity = self._entity_from({**self.values(), **(values or {})})
        return entity.validate(self.cases.today(), new=self.record_id is None)

    def required_fields(self) -> set[str]:
        """The fields that must be filled in, given what is filled in now: left empty, each would be
        refused as needed (an employer only for someone working, a start date once there is an end)."""
        empty: dict[str, Any] = {"list": [], "bool": False}
        required = set()
        for field in self.FIELDS:
            editor = self.editors[field.name]
            if field.kind == "readonly" or not editor.isEnabled():
                continue
            message = self._errors_now({field.name: empty.get(field.kind, "")}).get(field.name)
            if message in NEEDED:
                required.add(field.name)
        return required

    def mark_required(self) -> None:
        """A "*" after the label of each required field, before anyone tries to save."""
        required = self.required_fields()
        for name, label in self.labels.items():
            needed = name in required
            label.setText(self._label_texts[name] + (" *" if needed else ""))
            self.editors[name].setAccessibleDescription(translate("Forms", "Required") if needed else "")

    def _recheck_shown_errors(self) -> None:
        """A message shown beside a field goes as soon as the field is right (no new ones while typing)."""
        shown = [name for name, label in self.errors.items() if label.text()]
        if not shown:
            return
        errors = self._errors_now()
        for name in shown:
            message = errors.get(name, "")
            self.errors[name].setText(translate("Validation", message) if message else "")

    def _write_draft(self) -> None:
        data, key, form = self.values(), self.draft_key, type(self).__name__
        self._autosave.stop()
        self.bench.queue.run(
            lambda: self.cases.save_draft(key, form, self.member_id, data),
            lambda _r: self.draftSaved.emit(),
            owner=self,
            changes=NOTHING,
        )

    def keep_draft(self) -> None:
        """Write a draft now if typing has not yet been saved as one."""
        if self._autosave.isActive():
            self._write_draft()

    def discard_draft(self) -> None:
        self._autosave.stop()
        key = self.draft_key
        self.bench.queue.run(lambda: self.cases.discard_draft(key), owner=self, changes=NOTHING)
        self._loading = True
        self.set_values({**{f.name: "" for f in self.FIELDS}, **self.initial_values(), **self.original})
        self._loading = False
        self.show_errors({})
        self.banner.hide()

    def cancel(self) -> None:
        self.keep_draft()
        self.cancelled.emit()

    # --- keyboard ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter saves (multi-line fields keep it for new lines), Esc closes."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def hideEvent(self, event) -> None:
        self.keep_draft()
        super().hideEvent(event)


class FormDialog(QDialog):
    """A form in its own window; closing it any way keeps an unsaved entry as a draft."""

    def __init__(self, form: EntityForm, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form
        self.setWindowTitle(translate("Forms", form.TITLE))
        add_f1(self, "forms")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        form.saved.connect(self.accept)
        form.cancelled.connect(self.reject)
        self.resize(860, 560)

    def reject(self) -> None:
        self.form.keep_draft()
        super().reject()
