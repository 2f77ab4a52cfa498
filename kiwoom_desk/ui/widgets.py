"""Small helpers the widgets share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton

_Q = TypeVar("_Q", bound=QObject)


def named(widget: _Q, name: str) -> _Q:
    """Sets the Qt object name other tools and tests find a widget by (see the architecture's list)."""
    widget.setObjectName(name)
    return widget


_B = TypeVar("_B", bound=QAbstractButton)


def checkable(button: _B) -> _B:
    button.setCheckable(True)
    return button


def action(parent: QObject, slot: Callable[[], object], *, shortcut: str = "", check: bool = False) -> QAction:
    """A menu action wired to `slot`; its text is set by the window's retranslate()."""
    made = QAction(parent)
    made.setCheckable(check)
    if shortcut:
        made.setShortcut(QKeySequence(shortcut))
    made.triggered.connect(lambda *_: slot())
    return made
