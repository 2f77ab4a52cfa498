"""Settings › Hotkeys (`hotkeysDialog`): one key per command, with the defaults a button away. A key another
command has, or one the fields need for typing, is refused with the reason, and the box keeps its last key."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QKeySequenceEdit,
    QLabel,
    QToolButton,
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
        grid.addWidget(QLabel("<b>" + self.tr("Default") + "</b>"), 0, 3)
        self.edits: dict[str, QKeySequenceEdit] = {}
        for row, (name, sequence) in enumerate(default_keys().items(), start=1):
            edit = named(QKeySequenceEdit(), f"hotkey_{name}")
            edit.setMaximumSequenceLength(1)
            edit.keySequenceChanged.connect(lambda sequence, name=name: self._chosen(name, sequence))
            edit.editingFinished.connect(lambda name=name: self._show(name))
            clear = named(QToolButton(), f"clearHotkey_{name}")
            clear.setText("×")
            clear.setToolTip(self.tr("No key for this command"))
            clear.clicked.connect(lambda _=False, name=name: self._clear(name))
            self.edits[name] = edit
            grid.addWidget(QLabel(command_text(name)), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(clear, row, 2)
            grid.addWidget(QLabel(sequence.toString(QKeySequence.SequenceFormat.NativeText)), row, 3)
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
        for name in self.edits:
            self._show(name)
        self.problem.setText("")

    def _show(self, name: str) -> None:
        """The box shows the command's key: a refused key, or a Ctrl or Alt pressed alone, does not stay."""
        edit, key = self.edits[name], self._keys.get(name, QKeySequence())
        if edit.keySequence() != key:
            edit.blockSignals(True)
            edit.setKeySequence(key)
            edit.blockSignals(False)

    def _chosen(self, name: str, sequence: QKeySequence) -> None:
        """A key pressed in the box: taken, or refused with the reason. The box empties itself when a key (or a
        lone Ctrl or Alt) starts: that is not a choice, only the × button takes a key away."""
        if sequence.isEmpty() or sequence == self._keys.get(name, QKeySequence()):
            return
        problem = key_problem(self._keys, name, sequence, self._reserved)
        if not problem:
            self._keys[name] = sequence
        self._show(name)
        self.problem.setText(problem)

    def _clear(self, name: str) -> None:
        self._keys[name] = QKeySequence()
        self._show(name)
        self.problem.setText("")

    def keys(self) -> dict[str, QKeySequence]:
        return dict(self._keys)
