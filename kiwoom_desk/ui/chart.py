"""The chart (`chartView`) of the ticket's stock, beside the ticket: candles with volume, 1 to 60 minutes or daily,
kept live by the stock's trades; the trader's fills as ▲/▼, each open order as a line at its price, the day's
limits. A click on the price plot sets the ticket's price to the nearest valid tick.

The drawing is `chart_canvas.py` (QPainter); this pane feeds it: the history when the stock or the interval
changes, each trade of the stock (at most 30 repaints a second), the fills and open orders as they change.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from ..kiwoom import KiwoomError, Side
from ..kiwoom.events import BookUpdate, RealtimeState, RealtimeStatus, Trade
from ..trading.candles import DAILY, INTERVALS, Candle, CandleSeries
from ..trading.rules import Quote
from ..trading.sessions import kst_day
from .bridge import DeskBridge
from .chart_canvas import ChartCanvas
from .labels import explain, side_text
from .table import won
from .widgets import ElidedLabel, named

if TYPE_CHECKING:
    from ..trading.desk import TradingDesk

MAX_ORDER_LINES = 20  # the open orders nearest to the market: more lines would hide the candles
REDRAW_MS = 33  # a stock trading 200 times a second redraws its chart 30 times
OVERLAY_MS = 100


class ChartPane(QWidget):
    priceChosen = Signal(int)  # a click on the chart: the nearest valid price within the day's limits

    def __init__(self, bridge: DeskBridge, desk: Callable[[], TradingDesk | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartView")
        self.bridge, self._desk = bridge, desk
        self.quote: Quote | None = None
        self.series: CandleSeries | None = None
        self._loading: asyncio.Task[None] | None = None
        self._problem = ""
        self._started = False  # a new candle since the last redraw
        self._marked: tuple[object, int] = (None, 0)  # what the marks shown came from, and how many
        self._dropped = False  # the real-time connection dropped since the candles were read
        self._waiting: list[Trade] = []  # the stock's trades while its history is read
        self._build()
        self._redraw = self._timer(REDRAW_MS, self._draw_last)
        # Orders and fills change in bursts: their lines and marks follow at most ten times a second.
        self._lines = self._timer(OVERLAY_MS, self._draw_lines)
        self._marks = self._timer(OVERLAY_MS, self._draw_marks)
        bridge.marketArrived.connect(self.market)
        bridge.realtimeStatusChanged.connect(self._realtime)
        bridge.ordersChanged.connect(lambda _change: self._soon(self._lines))
        bridge.fillsChanged.connect(lambda _rows: self._soon(self._marks))

    def _timer(self, ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.titleLabel = named(QLabel(), "chartTitleLabel")
        self.intervalCombo = named(QComboBox(), "chartIntervalCombo")
        self.intervalCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "60 min" whole
        for interval in INTERVALS:
            self.intervalCombo.addItem("", interval)
        self.intervalCombo.setCurrentIndex(0)
        self.intervalCombo.currentIndexChanged.connect(lambda _index: self._reload())
        self.candleLabel = named(ElidedLabel(), "chartCandleLabel")  # the candle under the pointer, or the limits
        header.addWidget(self.titleLabel)
        header.addWidget(self.intervalCombo)
        header.addWidget(self.candleLabel, 1)
        layout.addLayout(header)
        self.stack = QStackedLayout()
        self.messageLabel = named(QLabel(), "chartMessageLabel")
        self.messageLabel.setWordWrap(True)
        self.stack.addWidget(self.messageLabel)
        self.plot = ChartCanvas()
        self.plot.priceClicked.connect(self._clicked)
        self.plot.hovered.connect(self._hovered)
        self.stack.addWidget(self.plot)
        layout.addLayout(self.stack, 1)

    def retranslate(self) -> None:
        for index, interval in enumerate(INTERVALS):
            name = self.tr("Daily") if interval == DAILY else self.tr("{minutes} min").format(minutes=interval)
            self.intervalCombo.setItemText(index, name)
        self.intervalCombo.setToolTip(self.tr("Candle interval"))
        self.plot.retranslate(self.tr("Price (KRW)"), self.tr("Volume"))
        self._show_title()
        self._show_limits()
        self._show_message()

    @property
    def interval(self) -> int:
        return int(self.intervalCombo.currentData())

    # ---- what it shows -----------------------------------------------------------------------------------

    def show_quote(self, quote: Quote | None) -> None:
        """The ticket's stock (its quote), or none: another stock loads its history."""
        previous, self.quote = self.quote, quote
        if quote is None or previous is None or quote.code != previous.code:
            self._reload()
        self._show_title()
        self._show_limits()

    def _reload(self) -> None:
        if self._loading is not None:
            self._loading.cancel()  # a query, not an order: the stock the trader left needs no answer
        self.series, self._problem, self._waiting = None, "", []
        self._show_everything()
        desk = self._desk()
        if self.quote is not None and desk is not None:
            self._loading = self.bridge.spawn(self._load(desk, self.quote.code, self.interval))

    async def _load(self, desk: TradingDesk, code: str, interval: int) -> None:
        try:
            series = await desk.candles(code, interval)
        except KiwoomError as error:
            self._problem = self.tr("The chart could not be loaded: {why}").format(why=explain(error))
            self._show_message()
            return
        if self.quote is not None and self.quote.code == code and self.interval == interval:
            self.series = series
            waiting, self._waiting = self._waiting, []
            for trade in waiting:  # what traded while the history was read: counted once by the day's count
                series.apply(desk.exchange_day(), trade.time, trade.price, trade.volume)
            self._show_everything()

    def clear(self) -> None:
        """The session closed: nothing of its stock stays on screen."""
        self.quote = None
        self._reload()
        self._show_title()

    def market(self, event: Trade | BookUpdate) -> None:
        """Every trade of the charted stock goes into its series; the drawing follows at most 30 times a second.
        Trades that come while the history is read wait for it (else its last price could stay behind)."""
        if not isinstance(event, Trade):
            return
        if self.series is None:
            if self.quote is not None and event.stock_code == self.quote.code and len(self._waiting) < 10_000:
                self._waiting.append(event)
            return
        if event.stock_code != self.series.stock_code:
            return
        desk = self._desk()
        day = desk.exchange_day() if desk is not None else kst_day()
        moved = self.series.apply(day, event.time, event.price, event.volume)
        if moved is not None:
            self._started |= moved.started
            if not self._redraw.isActive():
                self._redraw.start()

    def _realtime(self, status: RealtimeStatus) -> None:
        """Back after a drop: the trades missed meanwhile are in the server's candles, not in ours."""
        if status.state is RealtimeState.RECONNECTING:
            self._dropped = True
        elif status.state is RealtimeState.CONNECTED and self._dropped:
            self._dropped = False
            if self.quote is not None:
                self._reload()

    @staticmethod
    def _soon(timer: QTimer) -> None:
        if not timer.isActive():
            timer.start()

    def _show_everything(self) -> None:
        self._show_message()
        if self.series is None:
            return
        if self.quote is not None:
            self.plot.instrument, self.plot.base_price = self.quote.instrument, self.quote.limits.base
        self.plot.show_series(self.series)
        self._draw_marks(everything=True)
        self._draw_lines()
        self._show_limits()

    def _draw_last(self) -> None:
        if self.series is not None:
            self.plot.moved(self.series, self._started)
            if self._started:
                self._draw_marks()  # a fill that came before its candle's first trade finds its candle now
        self._started = False

    def _draw_marks(self, everything: bool = False) -> None:
        """The fills since the last time (all of them when the list or the candles changed otherwise)."""
        desk = self._desk()
        if self.series is None or desk is None:
            return
        version, marks = desk.fill_marks(self.series.stock_code)
        shown = (version, self.series.stock_code, id(self.series))
        start = self._marked[1] if shown == self._marked[0] and not everything else 0
        self.plot.show_marks(marks, self.series, start)
        self._marked = (shown, len(marks))

    def _draw_lines(self) -> None:
        desk = self._desk()
        if self.series is not None and desk is not None:
            self.plot.show_orders(self._order_lines(desk, self.series.stock_code))

    def _order_lines(self, desk: TradingDesk, code: str) -> list[tuple[Side | None, int, str]]:
        """One line per side and price with open orders (their count and shares), the nearest to the market
        first, at most MAX_ORDER_LINES of them."""
        waiting: dict[tuple[Side | None, int], list[int]] = {}
        for order in desk.open_orders():
            if order.stock_code == code and order.price > 0 and order.unfilled > 0:
                waiting.setdefault((order.side, order.price), []).append(order.unfilled)
        market = self.series.candles[-1].close if self.series and self.series.candles else 0  # the last trade
        nearest = sorted(waiting, key=lambda key: abs(key[1] - market))[:MAX_ORDER_LINES]
        lines = []
        for side, price in nearest:
            shares = waiting[(side, price)]
            count = self.tr("{count} orders ").format(count=len(shares)) if len(shares) > 1 else ""
            lines.append((side, price, f"{side_text(side)} {count}{won(sum(shares))} @ {won(price)}"))
        return lines

    def _show_title(self) -> None:
        self.titleLabel.setText(f"<b>{self.quote.name}</b> {self.quote.code}" if self.quote else self.tr("Chart"))

    def _show_limits(self) -> None:
        if self.quote is None:
            self.candleLabel.setText("")
            return
        limits = self.quote.limits
        labels = (self.tr("Upper limit"), self.tr("Lower limit"))
        self.plot.show_limits(limits.upper, limits.lower, labels)
        self.candleLabel.setText(f"{labels[0]} {won(limits.upper)} · {labels[1]} {won(limits.lower)}")

    def _show_message(self) -> None:
        if self._problem:
            text = self._problem
        elif self.quote is None:
            text = self.tr("Enter a stock code in the ticket to see its chart.")
        elif self.series is None:
            text = self.tr("Loading the chart...")
        else:
            text = ""
        self.messageLabel.setText(text)
        self.stack.setCurrentWidget(self.messageLabel if text else self.plot)

    # ---- the pointer -------------------------------------------------------------------------------------

    def _clicked(self, price: int) -> None:
        if self.quote is not None:
            self.priceChosen.emit(self.quote.limits.clamp(price))

    def _hovered(self, candle: Candle | None) -> None:
        if candle is None:
            self._show_limits()
            return
        start = candle.start
        when = f"{start[:4]}-{start[4:6]}-{start[6:8]}"
        if self.series is not None and self.series.interval != DAILY:
            when += f" {start[8:10]}:{start[10:12]} KST"
        prices = self.tr("O {open} H {high} L {low} C {close} V {volume}").format(
            open=won(candle.open),
            high=won(candle.high),
            low=won(candle.low),
            close=won(candle.close),
            volume=won(candle.volume),
        )
        self.candleLabel.setText(f"{when}  {prices}")
