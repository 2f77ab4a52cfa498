"""The chart's drawing (`chartPlot`): candles over volume with QPainter, the trader's fills as ▲/▼, a dashed line
per price with open orders, the day's limits, a dotted line between days, the last price on the axis.

The wheel zooms, a drag pans (the view then stays where it was put; a double click brings back the newest
candles), the pointer names the candle under it, and a click on the price area says the valid price nearest to
it. Only the candles in view are drawn, once per repaint, and Qt folds many `update()` calls into one repaint.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF, QWheelEvent
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from ..kiwoom.codes import Side
from ..trading.candles import Candle, CandleSeries, span_start
from ..trading.fills import FillMark
from ..trading.ticks import Instrument, nearest_tick, tick_size
from . import chart_scale as scale
from . import theme
from .chart_frame import Frame, within

GRID = QColor("#e6e6e6")
AXIS_TEXT = QColor(theme.FLAT)
BACKGROUND = QColor("white")
VOLUME_SHARE = 0.25  # of the height under the time axis
DRAG_PIXELS = 4  # a press that moves less is a click
MARK_SIZE = 7


@dataclass(frozen=True)
class Spot:
    """A fill on the chart: its candle, side and price (fills alike on one candle share one mark)."""

    index: int
    side: Side
    price: int
    quantity: int


class ChartCanvas(QWidget):
    priceClicked = Signal(int)
    hovered = Signal(object)  # the Candle under the pointer, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPlot")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.candles: list[Candle] = []  # the series' own list: its trades move it in place
        self.interval = 1
        self.instrument = Instrument.STOCK
        self.base_price = 0  # the day's base price: the last price's tag is red above it, blue below
        self.view = scale.View()
        self.marks: list[Spot] = []
        self._spots: dict[tuple[int, Side, int], int] = {}  # (candle, side, price) -> shares
        self._waiting: list[FillMark] = []  # fills newer than the newest candle
        self._newest = ""  # the newest candle's start when the marks were last placed
        self._painted_scales: tuple[float, float, int] = (0.0, 0.0, 0)  # at the last full repaint
        self.orders: list[tuple[Side | None, int, str]] = []
        self.limits: tuple[int, int] = (0, 0)
        self.limit_labels = ("", "")
        self.axis_labels = ("", "")  # price, volume
        self._pointer: QPointF | None = None
        self._press: QPointF | None = None
        self._press_first = 0.0
        self._dragged = False
        self._clicked_price = 0
        self._click = QTimer(self)
        self._click.setSingleShot(True)
        self._click.timeout.connect(self._click_done)

    def sizeHint(self) -> QSize:
        return QSize(640, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 120)

    # ---- what is shown -----------------------------------------------------------------------------------

    def show_series(self, series: CandleSeries) -> None:
        """A new history: the newest candles in view."""
        self.candles, self.interval = series.candles, series.interval
        self.view = scale.View.opening(len(self.candles))
        self.update()

    def moved(self, series: CandleSeries, started: bool) -> None:
        """A trade moved the last candle or `started` a new one (a view that follows the market moves along).
        When the scales hold, only the last candle's column and the price axis are repainted: a zoomed-out
        chart of 900 candles would otherwise redraw them all 30 times a second."""
        self.candles = series.candles
        if started and self.view.follow:
            self.view.show_latest(len(self.candles))
        frame = self.frame()
        if started or self._scales(frame) != self._painted_scales:
            self.update()
            return
        x, half = frame.x(len(self.candles) - 1), frame.pixels_per_candle / 2 + 2
        self.update(QRectF(x - half, 0, 2 * half, self.height()).toAlignedRect())
        self.update(QRectF(frame.price_area.right(), 0, self.width(), self.height()).toAlignedRect())

    def _scales(self, frame: Frame) -> tuple[float, float, int]:
        """What every candle's drawing depends on: the price span and the largest volume in view."""
        volumes = (self.candles[i].volume for i in self.view.indices(len(self.candles)))
        return frame.low, frame.high, max(volumes, default=0)

    def show_marks(self, marks: Sequence[FillMark], series: CandleSeries, start: int = 0) -> None:
        """Each fill on the candle of its day and time, at its price; alike fills on a candle share a mark.
        `start`: the marks before it are already placed (a busy account adds fills, it does not place them all
        again). A fill newer than the newest candle waits for its candle's first trade."""
        starts = [candle.start for candle in series.candles]
        newest = starts[-1] if starts else ""
        if start == 0:
            self._spots, self._waiting = {}, []
        elif newest != self._newest:  # a candle started: the fills that waited for it find it
            marks = [*self._waiting, *marks[start:]]
            self._waiting, start = [], 0
        self._newest = newest
        for mark in marks[start:]:
            span = span_start(mark.day, mark.time or "000000", series.interval)
            if span > newest:
                self._waiting.append(mark)
                continue
            index = bisect_right(starts, span) - 1
            if index >= 0:
                key = (index, Side.BUY if mark.buy else Side.SELL, mark.price)
                self._spots[key] = self._spots.get(key, 0) + mark.quantity
        self.marks = [Spot(index, side, price, quantity) for (index, side, price), quantity in self._spots.items()]
        self.update()

    def show_orders(self, orders: Sequence[tuple[Side | None, int, str]]) -> None:
        """A dashed line at each price with open orders, in its side's colour, named by `(side, price, label)`."""
        if list(orders) != self.orders:
            self.orders = list(orders)
            self.update()

    def show_limits(self, upper: int, lower: int, labels: tuple[str, str]) -> None:
        self.limits, self.limit_labels = (upper, lower), labels
        self.update()

    def retranslate(self, price: str, volume: str) -> None:
        self.axis_labels = (price, volume)
        self.update()

    @property
    def order_prices(self) -> list[int]:
        return sorted(price for _side, price, _label in self.orders)

    # ---- geometry ----------------------------------------------------------------------------------------

    def frame(self) -> Frame:
        """Where things are now: computed once per repaint or pointer event, not once per candle."""
        metrics = self.fontMetrics()
        axis = metrics.horizontalAdvance("0,000,000,0") + 8
        usable = max(self.height() - metrics.height() - 14, 20)
        width = max(self.width() - axis - 4, 10)
        volume = usable * VOLUME_SHARE
        price = QRectF(4, 4, width, usable - volume - 4)
        low, high = self.price_range()
        return Frame(price, QRectF(4, price.bottom() + 4, width, volume), self.view.first, self.view.count, low, high)

    def price_range(self) -> tuple[float, float]:
        """What the price area spans: the candles in view and the trader's open orders, with a margin."""
        shown = [self.candles[index] for index in self.view.indices(len(self.candles))]
        prices = [price for candle in shown for price in (candle.low, candle.high)]
        prices += [price for _side, price, _label in self.orders]
        if not prices:
            return 0.0, 1.0
        low, high = min(prices), max(prices)
        margin = max((high - low) * 0.06, tick_size(high, self.instrument) * 2)
        return low - margin, high + margin

    def point_for(self, index: float, price: float) -> QPoint:
        """Where the candle at `index` and `price` are on screen (what a click there would choose)."""
        frame = self.frame()
        return QPointF(frame.x(index), frame.y(price)).toPoint()

    # ---- drawing -----------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), BACKGROUND)
        frame = self.frame()
        indices = self.view.indices(len(self.candles))
        scales = self._scales(frame)
        if event.rect() == self.rect():
            self._painted_scales = scales
        painter.save()
        painter.setClipRect(frame.price_area.united(frame.volume_area))
        self._grid(painter, frame)
        self._days(painter, frame, indices)
        self._candles(painter, frame, within(indices, frame, event.rect()), scales[2] or 1)
        self._lines(painter, frame)
        self._marks(painter, frame, indices)
        painter.restore()
        self._axes(painter, frame, indices, scales[2])
        self._crosshair(painter, frame)
        painter.end()

    def _grid(self, painter: QPainter, frame: Frame) -> None:
        painter.setPen(QPen(GRID, 1))
        area = frame.price_area
        for price in scale.price_steps(frame.low, frame.high, int(area.height())):
            painter.drawLine(QPointF(area.left(), frame.y(price)), QPointF(area.right(), frame.y(price)))

    def _days(self, painter: QPainter, frame: Frame, indices: range) -> None:
        painter.setPen(QPen(QColor(theme.FLAT), 1, Qt.PenStyle.DotLine))
        for index in scale.day_starts(self.candles, indices, self.interval):
            x = frame.x(index - 0.5)
            painter.drawLine(QPointF(x, frame.price_area.top()), QPointF(x, frame.volume_area.bottom()))

    def _candles(self, painter: QPainter, frame: Frame, indices: range, most: int) -> None:
        width = max(frame.pixels_per_candle * 0.7, 1.0)
        shown = [self.candles[index] for index in indices]
        volume = frame.volume_area
        colours = {True: QColor(theme.UP), False: QColor(theme.DOWN)}
        for index, candle in zip(indices, shown, strict=True):
            colour = colours[candle.up]
            painter.setPen(colour)
            painter.setBrush(colour)
            x = frame.x(index)
            painter.drawLine(QPointF(x, frame.y(candle.high)), QPointF(x, frame.y(candle.low)))
            top, bottom = frame.y(max(candle.open, candle.close)), frame.y(min(candle.open, candle.close))
            painter.drawRect(QRectF(x - width / 2, top, width, max(bottom - top, 1)))
            height = candle.volume / most * volume.height()
            painter.drawRect(QRectF(x - width / 2, volume.bottom() - height, width, height))

    def _lines(self, painter: QPainter, frame: Frame) -> None:
        """The day's limits (dotted, when in range) and the open orders (dashed, named at the left)."""
        limits = zip(self.limits, self.limit_labels, (theme.UP, theme.DOWN), strict=True)
        for price, label, colour in limits:
            if price and frame.low <= price <= frame.high:
                self._line(painter, frame, price, label, colour, Qt.PenStyle.DotLine)
        for side, price, label in self.orders:
            self._line(painter, frame, price, label, theme.side_colour(side) or theme.FLAT, Qt.PenStyle.DashLine)

    def _line(self, painter: QPainter, frame: Frame, price: int, label: str, colour: str, style: Qt.PenStyle) -> None:
        y, area = frame.y(price), frame.price_area
        painter.setPen(QPen(QColor(colour), 1, style))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        if label:
            box = self.fontMetrics().boundingRect(label).adjusted(-3, -1, 3, 1)
            box.moveBottomLeft(QPointF(area.left() + 4, y - 1).toPoint())
            painter.fillRect(box, QColor(255, 255, 255, 210))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _marks(self, painter: QPainter, frame: Frame, indices: range) -> None:
        painter.setPen(QPen(QColor("white"), 1))  # a white rim: a red ▲ on a red candle still shows
        for spot in self.marks:
            if spot.index not in indices:
                continue
            x, y = frame.x(spot.index), frame.y(spot.price)
            buy = spot.side is Side.BUY
            base = y + MARK_SIZE * 1.6 if buy else y - MARK_SIZE * 1.6  # ▲ points up at the price, ▼ down
            painter.setBrush(QColor(theme.BUY if buy else theme.SELL))
            painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x - MARK_SIZE, base), QPointF(x + MARK_SIZE, base)]))

    def _axes(self, painter: QPainter, frame: Frame, indices: range, most: int) -> None:
        painter.setPen(QPen(AXIS_TEXT, 1))
        price_area, volume_area = frame.price_area, frame.volume_area
        right = price_area.right() + 6
        tag = frame.y(self.candles[-1].close) if self.candles else -100.0  # the last price's tag is drawn there
        for price in scale.price_steps(frame.low, frame.high, int(price_area.height())):
            y = frame.y(price)
            if price_area.top() + 6 <= y <= price_area.bottom() - 8 and abs(y - tag) > 12:  # nothing under a tag
                painter.drawText(QPointF(right, y + 4), f"{price:,}")
        if most:
            painter.drawText(QPointF(right, volume_area.top() + 10), f"{most:,}")
        metrics = self.fontMetrics()
        painter.setPen(QPen(QColor("#9e9e9e"), 1))  # what the axes measure, in the corners of their areas
        for area, label in zip((price_area, volume_area), self.axis_labels, strict=True):
            box = QRectF(area.left() + 2, area.top() + 1, metrics.horizontalAdvance(label) + 6, metrics.height())
            painter.fillRect(box, QColor(255, 255, 255, 200))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QPen(AXIS_TEXT, 1))
        baseline = volume_area.bottom() + metrics.ascent() + 4
        every = scale.label_every(frame.pixels_per_candle, self.interval)
        for index in scale.labelled(self.candles, indices, every, self.interval):
            text = scale.time_label(self.candles, index, self.interval)
            painter.drawText(QPointF(max(frame.x(index) - metrics.horizontalAdvance(text) / 2, 0), baseline), text)
        if self.candles:  # coloured against the day's base price, as the ticket's quote is
            close = self.candles[-1].close
            self._price_tag(
                painter, frame, close, theme.signed_colour(close - self.base_price if self.base_price else 0)
            )

    def _price_tag(self, painter: QPainter, frame: Frame, price: float, colour: str) -> None:
        """A price on the right axis in a filled box: the last trade, or the price under the pointer."""
        y, area = frame.y(price), frame.price_area
        if not area.top() <= y <= area.bottom():
            return
        box = QRectF(area.right() + 1, y - 8, self.width() - area.right() - 2, 16)
        painter.fillRect(box, QColor(colour))
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, f" {round(price):,}")

    def _crosshair(self, painter: QPainter, frame: Frame) -> None:
        pointer, area = self._pointer, frame.price_area
        if pointer is None or self._press is not None or not area.contains(pointer):
            return
        painter.setPen(QPen(QColor(theme.FLAT), 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(area.left(), pointer.y()), QPointF(area.right(), pointer.y()))
        painter.drawLine(QPointF(pointer.x(), area.top()), QPointF(pointer.x(), frame.volume_area.bottom()))
        self._price_tag(painter, frame, nearest_tick(frame.price_at(pointer.y()), self.instrument), theme.FLAT)

    # ---- the pointer -------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._press_first, self._dragged = event.position(), self.view.first, False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        self._pointer = position
        if self._press is not None:
            moved = position.x() - self._press.x()
            self._dragged |= abs(moved) >= DRAG_PIXELS
            if self._dragged:
                self.view.first = self._press_first
                self.view.pan(moved / self.frame().pixels_per_candle, len(self.candles))
        self._name_hovered()
        self.update()

    def _name_hovered(self) -> None:
        """Says which candle is under the pointer (after a move, a zoom or a return to now alike)."""
        position, frame = self._pointer, self.frame()
        if position is None:
            self.hovered.emit(None)
            return
        index = frame.index_at(position.x())
        inside = frame.price_area.united(frame.volume_area).contains(position) and 0 <= index < len(self.candles)
        self.hovered.emit(self.candles[index] if inside else None)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        frame = self.frame()
        if not self._dragged and frame.price_area.contains(event.position()):
            # A click waits out the double-click time: the first click of a double click prices nothing.
            self._clicked_price = nearest_tick(frame.price_at(event.position().y()), self.instrument)
            self._click.start(QApplication.doubleClickInterval())
        self._press = None
        self.update()

    def _click_done(self) -> None:
        self.priceClicked.emit(self._clicked_price)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Back to now, at the scale a chart opens with; the ticket's price stays as it was."""
        self._click.stop()
        self._press = None
        self.view = scale.View.opening(len(self.candles))
        self._name_hovered()
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120
        if notches:
            self.view.zoom(0.85**notches, len(self.candles))
            self._pointer = event.position()
            self._name_hovered()
            self.update()

    def leaveEvent(self, event: object) -> None:
        self._pointer = None
        self.hovered.emit(None)
        self.update()
