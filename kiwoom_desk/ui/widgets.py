"""Small helpers the widgets share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QStyle,
    QStyleOption,
    QWidget,
)

from ..trading.ticks import Instrument, round_down_to_tick, tick_down, tick_up

MAX_PRICE = 99_999_999

_Q = TypeVar("_Q", bound=QObject)


def named(widget: _Q, name: str) -> _Q:
    """Sets the Qt object name other tools and tests find a widget by (see the architecture's list)."""
    widget.setObjectName(name)
    return widget


_B = TypeVar("_B", bound=QAbstractButton)


def checkable(button: _B) -> _B:
    button.setCheckable(True)
    return button


def shrinkable(combo: QComboBox, letters: int = 4) -> QComboBox:
    """A combo that may be narrower than its longest item (a dock beside the chart on a 1366 screen, in English):
    the shown item is elided, the popup still shows every item whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)
    return combo


def action(parent: QObject, slot: Callable[[], object], *, shortcut: str = "", check: bool = False) -> QAction:
    """A menu action wired to `slot`; its text is set by the window's retranslate()."""
    made = QAction(parent)
    made.setCheckable(check)
    if shortcut:
        made.setShortcut(QKeySequence(shortcut))
    made.triggered.connect(lambda *_: slot())
    return made


class TickSpinBox(QSpinBox):
    """A price box whose arrows and PageUp/PageDown step by the KRX tick of the current band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = Instrument.STOCK
        self.setRange(0, MAX_PRICE)
        self.setGroupSeparatorShown(True)
        self.setAccelerated(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def stepBy(self, steps: int) -> None:
        price = self.value()
        if price <= 0:
            return
        price = round_down_to_tick(price, self.instrument)
        for _ in range(abs(steps)):
            price = tick_up(price, self.instrument) if steps > 0 else tick_down(price, self.instrument)
        self.setValue(min(max(price, self.minimum()), self.maximum()))


def settings_buttons(dialog: QDialog, restore: Callable[[], None], restore_name: str) -> QDialogButtonBox:
    """OK, Cancel and Restore Defaults (named `restore_name`, showing the defaults without saving them yet)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.RestoreDefaults
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    defaults = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
    defaults.setObjectName(restore_name)
    defaults.clicked.connect(lambda: restore())
    return buttons


class ElidedLabel(QLabel):
    """One line that never widens the window: a message longer than the room ends in "…" (the whole of it is in
    the tooltip) instead of being cut mid-word. The style sheet's background (a fill's flash) is drawn first."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        area = self.contentsRect()
        text = " ".join(self.text().split())
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)

    def minimumSizeHint(self) -> QSize:
        """As narrow as "…": a long text is elided, it never makes its row (and the window) wider. QLabel's own
        minimum is its whole text, so a chart's hover line once widened a 1366 window to 1406."""
        return QSize(self.fontMetrics().horizontalAdvance("…"), super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """What the trader reads: the text as elided to the label's width."""
        text = " ".join(self.text().split())
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.contentsRect().width())


class StatusLine(ElidedLabel):
    """A panel's one-line status that follows a language switch: `say` takes how to say it (a function of the
    window's language), and `retranslate` says it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text: Callable[[], str] = str

    def say(self, text: str | Callable[[], str]) -> None:
        self._text = text if callable(text) else (lambda: text)
        self.retranslate()

    def retranslate(self) -> None:
        shown = self._text()
        self.setText(shown)
        self.setToolTip(shown)
