"""Settings › Hotkeys (`hotkeysDialog`): one key per command, with the defaults a button away. A key another
command has, or one the fields need for typing, is refused with the reason, and the box keeps its last key."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QKeySequenceEdit,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .hotkeys import command_text, default_keys, key_problem
from .widgets import named, settings_buttons


class HotkeysDialog(QDialog):
    def __init__(self, keys: dict[str, QKeySequence], reserved: dict[str, str], parent: QWidget) -> None:
        """`reserved`: the window's own keys (portable text) and the menu each opens."""
        super().__init__(parent)
        self._reserved = reserved
        theme.apply_style(self)
        self.setObjectName("hotkeysDialog")
        self.setWindowTitle(self.tr("Hotkeys"))
        self._keys = dict(keys)
        layout = QVBoxLayout(self)
        guide = QLabel(
            self.tr(
                "Click a box and press the keys. A hotkey works like its button: a send is checked and confirmed "
                "the same way, and holding the key sends once."
            )
        )
        guide.setWordWrap(True)
        layout.addWidget(guide)
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>" + self.tr("Key") + "</b>"), 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("Default") + "</b>"), 0, 2)
        self.edits: dict[str, QKeySequenceEdit] = {}
        for row, (name, sequence) in enumerate(default_keys().items(), start=1):
            edit = named(QKeySequenceEdit(), f"hotkey_{name}")
            edit.setMaximumSequenceLength(1)
            edit.setClearButtonEnabled(True)
            edit.keySequenceChanged.connect(lambda sequence, name=name: self._changed(name, sequence))
            self.edits[name] = edit
            grid.addWidget(QLabel(command_text(name)), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(QLabel(sequence.toString(QKeySequence.SequenceFormat.NativeText)), row, 2)
        layout.addLayout(grid)
        self.problem = named(QLabel(), "hotkeyProblem")  # wraps: the dialog has room for a whole reason
        self.problem.setProperty("problem", True)
        self.problem.setWordWrap(True)
        self.problem.setMinimumHeight(2 * self.problem.fontMetrics().lineSpacing())
        layout.addWidget(self.problem)
        buttons = settings_buttons(self, lambda: self.show_keys(default_keys()), "restoreHotkeysButton")
        layout.addWidget(buttons)
        self.show_keys(self._keys)

    def show_keys(self, keys: dict[str, QKeySequence]) -> None:
        self._keys = dict(keys)
        for name, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setKeySequence(self._keys.get(name, QKeySequence()))
            edit.blockSignals(False)
        self.problem.setText("")

    def _changed(self, name: str, sequence: QKeySequence) -> None:
        """A new key is judged at once; an empty one only once the event is over: the box also empties itself
        when a new key starts, and only its clear button leaves it empty."""
        if sequence.isEmpty():
            QTimer.singleShot(0, self, lambda: self._chosen(name))
        else:
            self._chosen(name)

    def _chosen(self, name: str) -> None:
        sequence = self.edits[name].keySequence()
        if sequence == self._keys.get(name, QKeySequence()):
            return
        problem = key_problem(self._keys, name, sequence, self._reserved)
        if problem:
            edit = self.edits[name]
            edit.blockSignals(True)
            edit.setKeySequence(self._keys.get(name, QKeySequence()))  # the refused key does not stay
            edit.blockSignals(False)
        else:
            self._keys[name] = sequence
        self.problem.setText(problem)

    def keys(self) -> dict[str, QKeySequence]:
        return dict(self._keys)
