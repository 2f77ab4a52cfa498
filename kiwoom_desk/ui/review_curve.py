"""The day's cumulative realized P/L (`reviewCurve`): a step at each sale, from 0 at the day's first fill, drawn
with QPainter over the time of day (KST), the zero line and the last value on the right."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import chart_scale as scale
from . import theme


def seconds_of(at: str) -> int:
    """An ISO timestamp's time of day in seconds (the journal writes KST)."""
    clock = at[11:19] if len(at) >= 19 else "00:00:00"
    hours, minutes, seconds = (int(part) for part in clock.split(":"))
    return hours * 3600 + minutes * 60 + seconds


class CurvePlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewCurve")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.points: list[tuple[int, int]] = []  # (second of the day, cumulative P/L)

    def sizeHint(self) -> QSize:
        return QSize(200, 160)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 80)

    def show_curve(self, curve: Sequence[tuple[str, int]], start: str = "") -> None:
        """`curve`: (KST timestamp, cumulative realized P/L) after each sale; `start`: the day's first fill, where
        the curve starts from 0."""
        points = [(seconds_of(at), value) for at, value in curve]
        if points:
            first = seconds_of(start) if start else points[0][0]
            points.insert(0, (min(first, points[0][0]), 0))
        self.points = points
        self.update()

    @property
    def values(self) -> list[int]:
        return [value for _second, value in self.points]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        metrics = self.fontMetrics()
        area = QRectF(4, 6, self.width() - metrics.horizontalAdvance("-00,000,000") - 12, 0)
        area.setBottom(self.height() - metrics.height() - 8)
        if not self.points or area.width() < 20 or area.height() < 20:
            painter.end()
            return
        seconds = [second for second, _value in self.points]
        values = [value for _second, value in self.points]
        left, right = min(seconds) - 60, max(seconds) + 60
        margin = max((max(*values, 0) - min(*values, 0)) * 0.1, 1)
        low, high = min(*values, 0) - margin, max(*values, 0) + margin

        def x(second: float) -> float:
            return area.left() + (second - left) / (right - left) * area.width()

        def y(value: float) -> float:
            return area.bottom() - (value - low) / (high - low) * area.height()

        painter.setPen(QPen(QColor(theme.FLAT), 1))
        for value in scale.price_steps(low, high, int(area.height()), spacing=30):
            painter.drawText(QPointF(area.right() + 6, y(value) + 4), f"{value:+,}" if value else "0")
        first_text, last_text = (f"{second // 3600:02d}:{second // 60 % 60:02d}" for second in (left + 60, right - 60))
        apart = x(right - 60) - x(left + 60) > metrics.horizontalAdvance(first_text) + 8
        for second, text in ((left + 60, first_text), (right - 60, last_text))[: 2 if apart else 1]:
            painter.drawText(QPointF(x(second) - metrics.horizontalAdvance(text) / 2, self.height() - 4), text)
        painter.setPen(QPen(QColor("#bdbdbd"), 1))
        painter.drawLine(QPointF(area.left(), y(0)), QPointF(area.right(), y(0)))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for (before, value), (second, after) in zip(self.points, self.points[1:], strict=False):
            painter.setPen(QPen(QColor(theme.FLAT), 2))
            painter.drawLine(QPointF(x(before), y(value)), QPointF(x(second), y(value)))  # flat until the sale
            painter.setPen(QPen(QColor(theme.signed_colour(after - value)), 2))
            painter.drawLine(QPointF(x(second), y(value)), QPointF(x(second), y(after)))
        last = self.points[-1][1]
        painter.setBrush(QColor(theme.signed_colour(last)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(x(self.points[-1][0]), y(last)), 3.5, 3.5)
        painter.end()
