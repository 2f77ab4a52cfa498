"""The market's phase, the Sandbox's clock and VI on screen (#16): the status bar runs on the Sandbox's KRX day and
counts down to the next phase, a forced VI marks its stock in the ticket, the book, the watchlist and the open
orders and greys the order types its auction can't take, and Settings › Sandbox clock drives the clock."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kiwoom_desk.kiwoom import TradeType
from kiwoom_desk.trading.sessions import Phase
from kiwoom_desk.ui.labels import phase_text
from kiwoom_desk.ui.sandbox_clock import SandboxClockDialog
from tests.window_support import modal

from .conftest import Desk

SAMSUNG = "005930"


def shown(desk: Desk) -> tuple[str, str, str]:
    status = desk.window.status
    return status.phase.text(), status.countdown.text(), status.clock.text()


def test_the_status_bar_runs_on_the_sandbox_krx_day_and_counts_down(krx_desk: Desk) -> None:
    status = krx_desk.window.status
    krx_desk.until(lambda: "10:0" in status.clock.text(), "the bar never showed the Sandbox's clock")
    phase, countdown, clock = shown(krx_desk)
    assert phase == phase_text(Phase.REGULAR)
    assert "×1" in clock and "KST" not in clock  # the Sandbox's own clock with its speed, not the computer's
    assert countdown.startswith(phase_text(Phase.CLOSING_AUCTION)) or phase_text(Phase.CLOSING_AUCTION) in countdown
    assert re.search(r"\b5시간 [12]\d분", countdown), countdown  # 10:00 -> 15:20, in words, not a time of day

    krx_desk.sandbox.set_clock(time="15:25:00")  # the closing auction: its 0s comes, the bar reads the clock again
    krx_desk.until(lambda: status.phase.text() == phase_text(Phase.CLOSING_AUCTION), "the phase never moved on")
    krx_desk.until(lambda: "15:2" in status.clock.text(), "the clock never moved on")
    assert phase_text(Phase.AFTER_CLOSE) in status.countdown.text()
    assert re.search(r"\b[45]분 \d\d초", status.countdown.text()), status.countdown.text()  # 15:25 -> 15:30
    assert status.countdown.toolTip() == ""  # at ×1 the Sandbox's minutes are the trader's
    krx_desk.sandbox.set_clock(speed=10)
    krx_desk.until(lambda: "실제 시간으로" in status.countdown.toolTip(), "no real-time length at ×10")


def test_the_continuous_sandbox_shows_continuous_trading_and_no_countdown(desk: Desk) -> None:
    status = desk.window.status
    desk.until(lambda: status.phase.text() == phase_text(Phase.REGULAR), "no phase")
    assert status.countdown.text() == ""
    assert status.clock.text().endswith("KST")
    assert desk.window.menus.sandboxClockAction.isEnabled()


def _name_cell(model: Any, code: str, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    for position, row in enumerate(model.rows()):
        if getattr(row, "stock_code", getattr(row, "code", "")) == code:
            return model.data(model.index(position, column), role)
    raise AssertionError(f"no row of {code}")


def _offered(desk: Desk, trade_type: TradeType) -> tuple[bool, str]:
    combo = desk.ticket.tradeTypeCombo
    item = combo.model().item(combo.findData(trade_type))  # type: ignore[attr-defined]
    return item.isEnabled(), item.toolTip()


def test_a_forced_vi_marks_the_stock_everywhere_greys_the_types_and_the_release_clears_it(krx_desk: Desk) -> None:
    window, ticket = krx_desk.window, krx_desk.ticket
    krx_desk.fill(SAMSUNG, 0, 2, trade_type="3")  # two shares held
    krx_desk.until(lambda: window.positions.positions.rowCount() == 1, "no position", action=ticket.submitButton.click)
    krx_desk.fill(SAMSUNG, 70_000, 3)  # a resting buy below the market
    krx_desk.act(ticket.submitButton.click)
    krx_desk.until(lambda: len(krx_desk.open_order_numbers()) == 1, "the order never rested")
    assert window.openOrders.orders.rows()[0].time.startswith("1000")  # the Sandbox's time, not the computer's
    krx_desk.act(window.watchlist.add_ticket_stock)
    krx_desk.until(lambda: window.watchlist.rows.get(SAMSUNG) is not None, "not in the watchlist")
    assert _offered(krx_desk, TradeType.BEST_LIMIT)[0]

    krx_desk.sandbox.force_vi(SAMSUNG, "static")
    krx_desk.until(ticket.bookHeader.isVisible, "the book never said VI")
    assert re.search(r"\d\d:\d\d:\d\d", ticket.bookHeader.text())  # its planned release
    assert "VI" in ticket.stockLabel.text()
    assert _name_cell(window.openOrders.orders, SAMSUNG, 3).startswith("VI")  # an elided name keeps it in view
    assert _name_cell(window.watchlist.rows, SAMSUNG, 1).startswith("VI")
    assert _name_cell(window.positions.positions, SAMSUNG, 1).startswith("VI")  # a held stock frozen by a VI
    assert _name_cell(window.watchlist.rows, SAMSUNG, 1, Qt.ItemDataRole.ToolTipRole) == ticket.bookHeader.text()
    for refused in (TradeType.BEST_LIMIT, TradeType.LIMIT_IOC, TradeType.MARKET_FOK, TradeType.MID_PRICE):
        enabled, why = _offered(krx_desk, refused)
        assert not enabled and why, refused
    assert _offered(krx_desk, TradeType.LIMIT)[0] and _offered(krx_desk, TradeType.MARKET)[0]

    krx_desk.sandbox.set_clock(time="10:10:00")  # past the release: the auction matches and trading resumes
    krx_desk.until(lambda: not ticket.bookHeader.isVisible(), "the VI mark never went")
    assert "VI" not in ticket.stockLabel.text()
    assert not _name_cell(window.openOrders.orders, SAMSUNG, 3).startswith("VI")
    assert not _name_cell(window.watchlist.rows, SAMSUNG, 1).startswith("VI")
    assert not _name_cell(window.positions.positions, SAMSUNG, 1).startswith("VI")
    assert _offered(krx_desk, TradeType.BEST_LIMIT)[0]


def test_the_sandbox_clock_dialog_changes_the_speed_and_starts_a_new_day(krx_desk: Desk) -> None:
    window = krx_desk.window
    krx_desk.until(window.menus.sandboxClockAction.isEnabled, "Sandbox clock is not offered on the Sandbox")
    krx_desk.act(window.menus.sandboxClockAction.trigger)
    dialog = krx_desk.until(lambda: modal(SandboxClockDialog, "sandboxClockDialog"), "no Sandbox clock dialog")
    assert dialog.modeCombo.currentData() == "krx"
    krx_desk.act(lambda: dialog.speedSpin.setValue(5))
    krx_desk.act(dialog.newDayButton.click)
    krx_desk.until(lambda: krx_desk.sandbox.state()["date"] == "20261125", "no new day")
    assert krx_desk.sandbox.state()["time"].startswith("08:3")  # the chosen start, 08:30
    krx_desk.act(dialog.accept)
    krx_desk.until(lambda: krx_desk.sandbox.state()["speed"] == 5, "the speed never changed")
    krx_desk.until(lambda: "×5" in window.status.clock.text(), "the bar never showed the new speed")
    assert window.status.phase.text() == phase_text(Phase.PRE_MARKET)
    assert window.settings.value("sandboxClock/speed") in (5, 5.0, "5.0", "5")


def test_the_sandbox_clock_dialog_goes_to_a_time_and_asks_before_open_orders_expire(krx_desk: Desk) -> None:
    window = krx_desk.window
    krx_desk.fill(SAMSUNG, 70_000, 3)  # a resting buy below the market
    krx_desk.act(krx_desk.ticket.submitButton.click)
    krx_desk.until(lambda: len(krx_desk.open_order_numbers()) == 1, "the order never rested")
    krx_desk.until(window.menus.sandboxClockAction.isEnabled, "Sandbox clock is not offered on the Sandbox")
    krx_desk.act(window.menus.sandboxClockAction.trigger)
    dialog = krx_desk.until(lambda: modal(SandboxClockDialog, "sandboxClockDialog"), "no Sandbox clock dialog")
    assert dialog.addressLabel.text() == krx_desk.sandbox.rest_url  # where scripts reach it (a free port)
    krx_desk.act(lambda: dialog.startEdit.setCurrentText("09:15"))  # typed, not only picked from the list
    assert dialog.start() == "09:15"
    krx_desk.act(dialog.newDayButton.click)  # the day's open order would expire: asked first
    box = krx_desk.until(lambda: modal(QMessageBox, "sandboxClockQuestion"), "no question before the orders expire")
    assert "1" in box.text()
    krx_desk.act(box.reject)
    assert krx_desk.sandbox.state()["date"] == "20261124" and len(krx_desk.open_order_numbers()) == 1
    krx_desk.act(lambda: dialog.goEdit.setCurrentText("15:25"))
    krx_desk.act(dialog.goButton.click)  # later today: no question, every phase in between runs
    krx_desk.until(lambda: krx_desk.sandbox.state()["phase"] == "closing_auction", "the clock never went there")
    krx_desk.until(lambda: "15:25" in dialog.nowLabel.text(), "the dialog's Now line did not follow")
    krx_desk.act(lambda: dialog.goEdit.setCurrentText("15:45"))  # past 15:30, when the day's orders end: it asks
    krx_desk.act(dialog.goButton.click)
    box = krx_desk.until(lambda: modal(QMessageBox, "sandboxClockQuestion"), "no question before 15:45")
    krx_desk.act(box.reject)
    assert krx_desk.sandbox.state()["phase"] == "closing_auction" and len(krx_desk.open_order_numbers()) == 1
    krx_desk.act(dialog.reject)


def test_the_opening_auction_shows_its_expected_price_and_quantity_over_the_book(krx_desk: Desk) -> None:
    ticket, status = krx_desk.ticket, krx_desk.window.status
    krx_desk.fill(SAMSUNG, 71_200, 1)
    krx_desk.sandbox.set_clock(time="08:35:00")  # earlier than now: the next day's opening auction
    krx_desk.until(lambda: "08:3" in status.clock.text(), "the bar never read the new day's clock")
    assert status.phase.text() == phase_text(Phase.PRE_MARKET)
    assert phase_text(Phase.REGULAR) in status.countdown.text()
    krx_desk.sandbox.advance(30)  # the simulated market's orders collect, and may cross
    krx_desk.until(lambda: ticket.bookHeader.isVisible(), "no expected price over the book")
    book = ticket.market.books[SAMSUNG]
    assert book.expected_price and book.expected_quantity
    assert f"{book.expected_price:,}" in ticket.bookHeader.text()


def test_the_expected_price_read_with_the_quote_shows_before_the_first_0d(krx_desk: Desk) -> None:
    """Kiwoom's real server pushes 0D when the book changes, not on registration: until it does, the expected
    price comes from ka10001, read with the ticket's quote."""
    ticket = krx_desk.ticket
    krx_desk.sandbox.set_clock(time="08:35:00")
    krx_desk.sandbox.advance(30)
    krx_desk.fill(SAMSUNG, 71_200, 1)
    krx_desk.until(lambda: ticket.quote is not None and ticket.quote.expected is not None, "no expected price read")
    assert ticket.quote is not None and ticket.quote.expected is not None
    desk = krx_desk.window.desk
    assert desk is not None
    info = krx_desk.complete(desk.client.stock_info(SAMSUNG))
    assert ticket.quote.expected == (info.expected_price, info.expected_quantity)
    krx_desk.act(lambda: ticket.market.books.pop(SAMSUNG, None))  # as before the first 0D
    krx_desk.act(ticket.market_changed)
    assert f"{info.expected_price:,}" in ticket.bookHeader.text() and ticket.bookHeader.isVisible()


def test_the_chart_follows_the_sandbox_day_not_the_calendar(krx_desk: Desk) -> None:
    """The Sandbox's KRX day runs days of its own (here a Tuesday; after a new day, the Wednesday), whatever the
    computer's calendar says: the chart's candles and its live trades are on the Sandbox's day."""
    chart = krx_desk.window.chart
    krx_desk.fill(SAMSUNG, 0, 1, trade_type="3")
    krx_desk.until(lambda: chart.series is not None and chart.series.candles, "the chart never loaded")
    assert chart.series is not None and chart.series.candles[-1].day == "20261124"
    krx_desk.sandbox.set_clock(time="09:30:00")  # an earlier time: the next trading day starts
    krx_desk.until(lambda: "09:3" in krx_desk.window.status.clock.text(), "the bar never read the new day")
    krx_desk.sandbox.set_price(SAMSUNG, 72_000)  # the new day's first trade
    krx_desk.until(lambda: chart.series is not None and chart.series.candles[-1].close == 72_000, "no live trade")
    assert chart.series is not None and chart.series.candles[-1].start.startswith("202611250930")


def test_after_hours_single_price_offers_and_checks_the_band_around_the_close(krx_desk: Desk) -> None:
    ticket = krx_desk.ticket
    krx_desk.sandbox.set_clock(time="16:05:00")
    krx_desk.until(lambda: "16:0" in krx_desk.window.status.clock.text(), "the bar never read the clock")
    krx_desk.fill(SAMSUNG, 0, 1, trade_type=TradeType.AFTER_HOURS_SINGLE.value)
    krx_desk.until(lambda: _offered(krx_desk, TradeType.AFTER_HOURS_SINGLE)[0], "62 is not offered at 16:05")
    quote = ticket.quote
    assert quote is not None
    krx_desk.act(ticket.upperLimitButton.click)
    high = ticket.priceSpin.value()
    assert high < quote.limits.upper and high <= quote.current * 110 // 100  # the band's edge, not the day's limit
    krx_desk.act(lambda: ticket.priceSpin.setValue(quote.limits.upper))
    krx_desk.until(lambda: not ticket.submitButton.isEnabled(), "a price outside the band could be sent")
    assert "±10%" in ticket.priceProblem.text()


def test_a_closing_price_order_shows_the_close_it_trades_at(krx_desk: Desk) -> None:
    ticket = krx_desk.ticket
    krx_desk.fill(SAMSUNG, 65_000, 1)  # a limit price typed first
    krx_desk.sandbox.set_clock(time="15:45:00")
    krx_desk.until(lambda: "15:4" in krx_desk.window.status.clock.text(), "the bar never read the clock")
    krx_desk.act(lambda: ticket.tradeTypeCombo.setCurrentIndex(ticket.tradeTypeCombo.findData("81")))
    quote = ticket.quote
    assert quote is not None and not ticket.priceSpin.isEnabled()
    assert ticket.priceSpin.value() == quote.current  # today's close, not the 65,000 typed for a limit order


def test_an_expired_order_frees_its_cash_and_a_new_day_reads_the_quote_again(krx_desk: Desk) -> None:
    window, ticket = krx_desk.window, krx_desk.ticket
    desk = window.desk
    assert desk is not None
    krx_desk.fill(SAMSUNG, 70_000, 3)  # a resting buy below the market holds its cash
    krx_desk.act(ticket.submitButton.click)
    krx_desk.until(lambda: len(krx_desk.open_order_numbers()) == 1, "the order never rested")
    cash = desk.portfolio.cash
    krx_desk.until(lambda: desk.portfolio.orderable_cash != (cash.cash if cash else None), "no cash held")
    krx_desk.sandbox.set_clock(time="15:31:00")  # the day's regular orders end at 15:30
    krx_desk.until(lambda: not krx_desk.open_order_numbers(), "the order did not expire")
    krx_desk.until(
        lambda: desk.portfolio.cash is not None and desk.portfolio.orderable_cash == desk.portfolio.cash.cash,
        "the expired order's cash is still held (no F5 needed)",
    )
    krx_desk.sandbox.set_clock(time="08:35:00")  # the next day: its base price is today's close
    base = krx_desk.sandbox.quote(SAMSUNG).base_price
    krx_desk.until(lambda: ticket.quote is not None and ticket.quote.limits.base == base, "yesterday's quote stays")
