"""The chart's drawing without a session: a fill that comes before its candle's first trade waits for it, and a
click beyond the day's limits prices the ticket at the limit."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiwoom_desk.trading.candles import Candle, CandleSeries
from kiwoom_desk.trading.fills import FillMark
from kiwoom_desk.trading.rules import Quote
from kiwoom_desk.trading.ticks import PriceLimits
from kiwoom_desk.ui.bridge import DeskBridge
from kiwoom_desk.ui.chart import ChartPane
from kiwoom_desk.ui.chart_canvas import ChartCanvas

DAY = "20261125"


def test_a_fill_before_its_candles_first_trade_waits_for_it(qtbot: QtBot) -> None:
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    series = CandleSeries("005930", 1, [Candle(f"{DAY}090000", 70_000, 70_000, 70_000, 70_000, 10)], 10, DAY)
    canvas.show_series(series)
    early = FillMark("0000001", True, 70_100, 5, "090100", DAY)  # its 00 came before the 09:01 trade's 0B
    canvas.show_marks([early], series)
    assert canvas.marks == []  # not put on the 09:00 candle
    series.apply(DAY, "090101", 70_100, 15)
    canvas.moved(series, started=True)
    canvas.show_marks([early], series, start=1)
    assert [(spot.index, spot.price, spot.quantity) for spot in canvas.marks] == [(1, 70_100, 5)]


def test_a_click_beyond_the_limits_prices_the_ticket_at_the_limit(qtbot: QtBot) -> None:
    pane = ChartPane(DeskBridge(), lambda: None)
    qtbot.addWidget(pane)
    pane.show_quote(Quote("005930", "삼성전자", 71_200, PriceLimits(71_200, 92_500, 49_900)))
    chosen: list[int] = []
    pane.priceChosen.connect(chosen.append)
    pane.plot.priceClicked.emit(93_000)
    pane.plot.priceClicked.emit(49_000)
    pane.plot.priceClicked.emit(70_000)
    assert chosen == [92_500, 49_900, 70_000]
