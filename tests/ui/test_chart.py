"""The chart (#10, `chartView`) on a real Sandbox: the ticket's stock with its history ending at the live price, the
forming candle moved by 0B, the trader's fills marked, each open order a line that leaves when the order does, the
day's limits, and a click that prices the ticket."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import Side
from kiwoom_desk.storage.credentials import Credentials
from kiwoom_desk.trading.candles import DAILY
from kiwoom_desk.trading.rules import Quote
from kiwoom_desk.trading.ticks import is_on_tick
from kiwoom_desk.ui.chart_scale import time_label

from .conftest import Desk

SAMSUNG, HYNIX = "005930", "000660"


def charted(desk: Desk, code: str) -> Any:
    """The chart once it shows `code`'s history."""
    chart = desk.window.chart
    desk.until(lambda: chart.series is not None and chart.series.stock_code == code, f"the chart never showed {code}")
    desk.until(lambda: chart.stack.currentWidget() is chart.plot, "the chart's message never gave way to the plot")
    return chart


def quote(desk: Desk) -> Quote:
    assert desk.ticket.quote is not None
    return desk.ticket.quote


def last_close(desk: Desk) -> int:
    return desk.window.chart.plot.candles[-1].close


def test_the_chart_shows_the_tickets_stock_and_its_forming_candle_moves_on_each_trade(desk: Desk) -> None:
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    assert desk.window.chart.objectName() == "chartView" and desk.window.chart.isVisible()
    desk.fill(SAMSUNG, 0, 0)
    chart = charted(desk, SAMSUNG)
    assert chart.titleLabel.text() == "<b>삼성전자</b> 005930"
    assert chart.intervalCombo.currentText() == "1분"
    assert last_close(desk) == quote(desk).current == 71_200  # the history ends at the live price
    candles_before = len(chart.plot.candles)

    desk.sandbox.set_price(SAMSUNG, 71_500)  # a trade: 0B
    desk.until(lambda: last_close(desk) == 71_500, "the forming candle did not move")
    assert chart.plot.candles[-1].high >= 71_500
    assert len(chart.plot.candles) in (candles_before, candles_before + 1)  # the minute may have turned

    desk.sandbox.set_price(HYNIX, 190_000)
    desk.fill(HYNIX, 0, 0)  # another stock: its own history, ending at its own price, nothing of the last one
    charted(desk, HYNIX)
    assert last_close(desk) == quote(desk).current == 190_000
    assert chart.titleLabel.text() == "<b>SK하이닉스</b> 000660"
    desk.sandbox.set_price(SAMSUNG, 71_000)  # the stock left behind trades: this chart does not move
    desk.sandbox.set_price(HYNIX, 190_500)
    desk.until(lambda: last_close(desk) == 190_500, "the new stock's trade did not move its candle")
    assert all(candle.close > 150_000 for candle in chart.plot.candles[-5:])


def test_the_interval_changes_the_candles_and_a_daily_chart_ends_today(desk: Desk) -> None:
    desk.fill(SAMSUNG, 0, 0)
    chart = charted(desk, SAMSUNG)
    minutes = list(chart.plot.candles)
    desk.act(lambda: chart.intervalCombo.setCurrentIndex(chart.intervalCombo.findData(DAILY)))
    assert chart.intervalCombo.currentText() == "일"
    desk.until(lambda: chart.series is not None and chart.series.interval == DAILY, "the daily chart never loaded")
    daily = chart.plot.candles
    assert daily != minutes and len(daily) >= 100
    assert daily[-1].close == 71_200 and daily[-1].start[8:] == "000000"
    assert [c.start for c in daily] == sorted(c.start for c in daily)
    assert (
        time_label(daily, len(daily) - 1, DAILY)
        == f"{daily[-1].start[2:4]}/{daily[-1].start[4:6]}/{daily[-1].start[6:8]}"
    )


def test_an_open_order_is_a_line_until_it_fills_and_the_fill_is_marked(desk: Desk) -> None:
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    desk.fill(SAMSUNG, 70_000, 3)
    chart = charted(desk, SAMSUNG)
    assert chart.plot.marks == []
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.until(lambda: chart.plot.order_prices == [70_000], "no line at the order's price")
    desk.sandbox.set_price(SAMSUNG, 70_000, depth=5)  # it fills
    desk.until(lambda: chart.plot.order_prices == [], "the line stayed after the fill")
    desk.until(lambda: len(chart.plot.marks) == 1, "the fill was not marked")
    (spot,) = chart.plot.marks
    assert (spot.price, spot.side, spot.quantity, spot.index) == (70_000, Side.BUY, 3, len(chart.plot.candles) - 1)

    desk.fill(SAMSUNG, 69_000, 1)  # another, cancelled: its line goes with it
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.until(lambda: chart.plot.order_prices == [69_000], "no line for the second order")
    desk.act(lambda: desk.window.openOrders.selectRow(0))
    desk.until(
        lambda: desk.open_order_numbers() == [], "not cancelled", action=desk.window.menus.cancelSelectedAction.trigger
    )
    desk.until(lambda: chart.plot.order_prices == [], "the line stayed after the cancel")

    desk.fill(SAMSUNG, 0, 3, trade_type="3", sell=True)  # a market sell: ▼
    desk.until(lambda: len(chart.plot.marks) == 2, "the sale was not marked", action=desk.ticket.submitButton.click)
    assert {spot.side for spot in chart.plot.marks} == {Side.BUY, Side.SELL}


def test_the_limits_are_drawn_and_a_click_prices_the_ticket_at_a_valid_tick(desk: Desk) -> None:
    desk.fill(SAMSUNG, 0, 0, trade_type="3")  # a market ticket: a click makes it a limit order at the price
    chart = charted(desk, SAMSUNG)
    limits = quote(desk).limits
    assert chart.plot.limits == (limits.upper, limits.lower)
    assert chart.candleLabel.text() == f"상한가 {limits.upper:,} · 하한가 {limits.lower:,}"

    canvas = chart.plot
    low, high = canvas.price_range()
    wanted = low + (high - low) * 0.37
    point = canvas.point_for(len(canvas.candles) - 5, wanted)
    desk.act(lambda: QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point))
    desk.until(lambda: desk.ticket.trade_type.needs_price, "the ticket did not become a limit order")
    price = desk.ticket.priceSpin.value()
    assert is_on_tick(price) and abs(price - wanted) <= 100  # 100 won: the tick at this price, plus a pixel


def test_a_chart_the_server_will_not_give_says_so_and_the_next_try_shows_it(desk: Desk) -> None:
    desk.sandbox.inject("http_500", times=None, api_id="ka10080")
    desk.fill(SAMSUNG, 0, 0)
    chart = desk.window.chart
    desk.until(lambda: "차트를 불러오지 못했습니다" in chart.messageLabel.text(), "no word of the failure")
    assert chart.stack.currentWidget() is chart.messageLabel and chart.series is None
    desk.sandbox.clear_faults()
    desk.act(lambda: chart.intervalCombo.setCurrentIndex(chart.intervalCombo.findData(5)))  # 5분: asked again
    charted(desk, SAMSUNG)
    assert chart.series is not None and chart.series.interval == 5
    assert all(candle.start[10:12] in {f"{m:02d}" for m in range(0, 60, 5)} for candle in chart.plot.candles)


def test_the_wheel_zooms_a_drag_looks_back_and_a_double_click_returns_to_now(desk: Desk) -> None:
    desk.fill(SAMSUNG, 0, 0)
    chart = charted(desk, SAMSUNG)
    canvas = chart.plot
    view = canvas.view
    shown = view.count
    middle = canvas.rect().center()
    wheel = QWheelEvent(
        QPointF(middle),
        QPointF(canvas.mapToGlobal(middle)),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    desk.act(lambda: canvas.event(wheel))  # as the window hands it on (QTest has no wheel)
    assert view.count < shown and view.follow  # fewer, larger candles; the newest still at the right

    start = canvas.point_for(len(canvas.candles) - 10, canvas.price_range()[0] + 1)
    desk.act(lambda: QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start))
    back = QPoint(canvas.width() // 5, 0)  # a fifth of the chart: back in time, still inside the history
    desk.act(lambda: QTest.mouseMove(canvas, start + back))
    desk.act(lambda: QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + back))
    assert not view.follow and view.first + view.count < len(canvas.candles)  # back in time, and it stays
    price = desk.ticket.priceSpin.value()
    assert price == quote(desk).current  # a drag is not a click: the ticket's price did not move

    over = canvas.point_for(view.first + 3, sum(canvas.price_range()) / 2)
    moved = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(over),
        QPointF(canvas.mapToGlobal(over)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    desk.act(lambda: canvas.event(moved))  # the pointer resting on a candle (no button: QTest cannot)
    assert "KST" in chart.candleLabel.text() and "시가" in chart.candleLabel.text()  # the candle under the pointer
    desk.act(lambda: QTest.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=start))
    assert canvas.view.follow and canvas.view.first + canvas.view.count > len(canvas.candles)  # now, again
    assert canvas.view.count == shown  # at the scale a chart opens with
    assert not canvas._click.isActive() and desk.ticket.priceSpin.value() == price  # a double click prices nothing


def test_after_a_dropped_connection_the_chart_reads_its_candles_again(desk: Desk) -> None:
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    desk.fill(SAMSUNG, 0, 0)
    chart = charted(desk, SAMSUNG)
    before = desk.sandbox.requests().get("ka10080", 0)
    desk.sandbox.drop_websockets()
    desk.sandbox.set_price(SAMSUNG, 71_600)  # traded while the app could not hear it
    desk.until(lambda: desk.sandbox.requests().get("ka10080", 0) > before, "the candles were not read again")
    desk.until(lambda: chart.series is not None and last_close(desk) == 71_600, "the chart missed the trade")


def test_another_environment_reads_the_chart_afresh(desk: Desk) -> None:
    desk.fill(SAMSUNG, 0, 0)
    chart = charted(desk, SAMSUNG)
    old_series = chart.series
    before = desk.sandbox.requests().get("ka10080", 0)
    desk.window.session.credentials.save(Environment.MOCK, Credentials("mock-app-key", "mock-secret-key"))
    assert desk.complete(desk.window.switch_to(Environment.MOCK)) is True
    desk.until(lambda: chart.series is not None and chart.series is not old_series, "the chart kept the old session's")
    assert desk.sandbox.requests().get("ka10080", 0) > before  # read from the new session, not carried over
