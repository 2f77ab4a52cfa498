"""What is wrong with the ticket, shown so that the layout never moves: each field's problem has a one-line
place of its own (kept while empty), long text is elided with the whole of it in the tooltip, and a field
speaks only once the trader has touched it or tried to send."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from ..trading import rules
from . import theme
from .widgets import ElidedLabel


class ProblemLabel(ElidedLabel):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("problem", True)
        theme.apply_style(self)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 2)
        # Its place in the layout: a line that stays when the label has nothing to say (a layout would close up
        # around a hidden widget, moving every row below it).
        self.slot = QWidget()
        self.slot.setFixedHeight(self.height())
        self.slot.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self.slot)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self)
        self.hide()

    def say(self, text: str, visible: bool) -> None:
        self.setText(text)
        self.setToolTip(text)
        self.setVisible(bool(text) and visible)


def show_problems(
    places: Mapping[ProblemLabel, set[rules.Field]],
    problems: list[rules.Problem],
    speaking: set[rules.Field],
    describe: Callable[[rules.Problem], str],
) -> None:
    """Each line says the problems of its fields, once one of those fields speaks."""
    for label, fields in places.items():
        found = [problem for problem in problems if problem.field in fields]
        label.say(" · ".join(map(describe, found)), any(problem.field in speaking for problem in found))


class Touched:
    """The fields the trader has touched. Values the ticket sets itself (a new stock's price) touch nothing."""

    def __init__(self) -> None:
        self.fields: set[rules.Field] = set()
        self._automatic = 0

    @contextmanager
    def automatic(self) -> Iterator[None]:
        self._automatic += 1
        try:
            yield
        finally:
            self._automatic -= 1

    def mark(self, field: rules.Field) -> None:
        if not self._automatic:
            self.fields.add(field)

    def all(self) -> None:
        self.fields = set(rules.Field)

    def clear(self) -> None:
        self.fields.clear()

    def __contains__(self, field: rules.Field) -> bool:
        return field in self.fields


class TriedToSend(QObject):
    """A press on the greyed send button is an attempt to send: every field then says what it lacks. Qt hands
    a disabled widget's mouse presses to its parent, so the parent is watched too."""

    def __init__(self, button: QWidget, tried: Callable[[], None]) -> None:
        super().__init__(button)
        self._button, self._tried = button, tried
        for watched in (button, button.parentWidget()):
            if watched is not None:
                watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and not self._button.isEnabled()
            and isinstance(watched, QWidget)
            and self._button.rect().contains(self._button.mapFrom(watched, event.position().toPoint()))
        ):
            self._tried()
        return False
