"""A window that fits and holds still at 1366×768: problems take places of their own, nothing grows or jumps."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from .conftest import Desk, _type

SAMSUNG = "005930"


def bottom(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, widget.rect().bottomLeft()).y()


def test_at_1366x768_nothing_grows_or_moves_when_problems_appear(desk: Desk) -> None:
    window, ticket = desk.window, desk.ticket
    desk.act(lambda: window.resize(1366, 768))
    desk.until(lambda: window.height() == 768, "the window is not 768 high")
    send_at = bottom(ticket.submitButton, window)
    quick_at = ticket.keepQuantityCheck.mapTo(window, QPoint()).y()
    desk.fill(SAMSUNG, 71_250, 0)  # off its tick, and no quantity
    desk.act(lambda: ticket.venueCombo.setCurrentIndex(1))  # NXT, not for the Sandbox
    desk.act(lambda: QTest.mouseClick(ticket.submitButton, Qt.MouseButton.LeftButton))  # trying to send says it all
    assert ticket.priceProblem.isVisible() and ticket.venueProblem.isVisible() and ticket.quantityProblem.isVisible()
    desk.act(lambda: window.status.show_message("주문 거부: " + "아주 긴 사유 " * 60, True))
    assert window.height() == 768 and window.width() == 1366
    assert window.minimumSizeHint().height() <= 700  # room for a taskbar and a title bar on a 768-pixel screen
    assert bottom(ticket.submitButton, window) == send_at and bottom(window.statusBar(), window) < 768
    assert ticket.keepQuantityCheck.mapTo(window, QPoint()).y() == quick_at  # the buttons under the pointer stay
    assert window.status.clock.isVisible() and window.status.clock.geometry().right() <= window.width()
    message = window.status.message  # cut where it ends, with "…", the whole of it in the tooltip
    assert message.shown_text().endswith("…") and message.toolTip() == message.text()


def test_typing_a_code_says_nothing_about_fields_not_yet_filled(desk: Desk) -> None:
    ticket = desk.ticket
    desk.act(lambda: _type(ticket.stockCodeEdit, SAMSUNG))
    desk.until(lambda: ticket.quote is not None, "no quote")
    problems = [ticket.stockProblem, ticket.priceProblem, ticket.stopProblem, ticket.quantityProblem]
    assert not any(label.isVisible() for label in problems) and not ticket.submitButton.isEnabled()
    assert ticket.quantityProblem.text()  # it knows, and says so when asked:
    desk.act(lambda: QTest.mouseClick(ticket.submitButton, Qt.MouseButton.LeftButton))  # a press on the grey button
    assert ticket.quantityProblem.isVisible() and ticket.quantityProblem.text() == "수량을 1주 이상 입력하세요."


def test_a_large_or_a_too_small_screen_is_used_whole_the_first_time() -> None:
    from PySide6.QtCore import QSize

    from kiwoom_desk.ui.window_layout import opens_maximized

    assert opens_maximized(QSize(1920, 1040)) and opens_maximized(QSize(2560, 1400))
    assert opens_maximized(QSize(1366, 728))  # a laptop's screen less its taskbar: 768 and a title bar won't fit
    assert not opens_maximized(QSize(1440, 860))


def test_leaving_the_quantity_at_0_says_what_is_wrong(desk: Desk) -> None:
    """A trader who types 0 over 0 (no change) and moves on has touched the field: it speaks."""
    ticket = desk.ticket
    desk.act(lambda: _type(ticket.stockCodeEdit, SAMSUNG))
    desk.until(lambda: ticket.quote is not None, "no quote")
    desk.act(lambda: ticket.quantitySpin.setFocus())
    desk.act(lambda: QTest.keyClick(ticket.quantitySpin, Qt.Key.Key_0))
    assert not ticket.quantityProblem.isVisible()
    desk.act(lambda: QTest.keyClick(ticket.quantitySpin, Qt.Key.Key_Tab))
    assert ticket.quantityProblem.isVisible() and ticket.quantityProblem.text() == "수량을 1주 이상 입력하세요."


def test_at_1366x768_the_book_is_centred_on_the_spread(desk: Desk) -> None:
    window, book = desk.window, desk.ticket.orderBook
    desk.act(lambda: window.resize(1366, 768))
    desk.act(lambda: _type(desk.ticket.stockCodeEdit, SAMSUNG))
    desk.until(lambda: book.item(10, 1) is not None and book.item(10, 1).text() != "", "no book")  # type: ignore[union-attr]
    desk.act(lambda: None)  # the centring runs once the book is laid out
    spread = book.rowViewportPosition(10)  # where the best bid starts: the line between asks and bids
    height = book.viewport().height()
    assert 0 < spread < height and abs(spread - (height - spread)) <= book.rowHeight(10)


def test_the_cancel_button_keeps_its_own_size_at_the_right_of_the_open_orders(desk: Desk) -> None:
    button, pane = desk.window.cancelOrderButton, desk.window.openOrdersPane
    assert button.width() <= button.sizeHint().width() * 2  # not stretched across the tab
    assert button.geometry().right() >= pane.width() - 20


def test_at_1366x768_in_english_a_dock_beside_the_chart_never_widens_the_window(desk: Desk) -> None:
    """After trading (the totals line at its longest), 관심종목/순위/조건검색/투자자 each fit beside the ticket and
    the chart: the window stays 1366 wide (a newcomer's English window grew to 1392 with a dock open)."""
    window = desk.window
    desk.act(lambda: window.set_language("en"))
    desk.fill(SAMSUNG, 0, 10, trade_type="3")
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: window.positions.positions.rowCount() == 1, "no position")
    desk.act(lambda: window.resize(1366, 768))
    for dock in (window.watchlistDock, *window.scanner.docks):
        desk.act(dock.show)
        desk.act(dock.raise_)
        desk.act(lambda: window.resize(1366, 768))
        assert window.minimumSizeHint().width() <= 1366 - 16, dock.objectName()  # and a window frame
        assert window.width() == 1366, dock.objectName()
    hover = "2026-12-04 14:51 KST  Open 54,600 High 54,600 Low 54,500 Close 54,500 Volume 2,152 " * 3
    desk.act(lambda: window.chart.candleLabel.setText(hover))  # the pointer over a candle: a long header line
    assert window.minimumSizeHint().width() <= 1366 - 16 and window.width() == 1366  # elided, never wider
    assert window.chart.candleLabel.minimumSizeHint().width() < 40  # it asks for no room: a window manager would
    # otherwise widen the window to the line's whole length (a newcomer's 1366 window grew to 1406 under xcb)


def test_at_1366x768_in_english_the_review_tab_never_widens_the_window(desk: Desk) -> None:
    """A newcomer's English window grew to 1404 on a 1366 screen when the 매매일지 tab opened after trading, with the
    watchlist open: the review's one-line totals asked for the room."""
    window = desk.window
    desk.act(lambda: window.set_language("en"))
    desk.fill(SAMSUNG, 0, 10, trade_type="3")
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: window.positions.positions.rowCount() == 1, "no position")
    desk.fill(SAMSUNG, 0, 4, trade_type="3", sell=True)
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: window.positions.positions.row(0).quantity == 6, "the sale did not fill")
    desk.act(lambda: window.resize(1366, 768))
    desk.act(lambda: window.orderTabs.setCurrentWidget(window.reviewPanel))
    desk.until(lambda: window.reviewPanel.review.fills, "the review never read the day's fills")
    desk.act(window.watchlistDock.show)  # the newcomer had it open beside the chart
    desk.act(lambda: window.resize(1366, 768))
    assert window.minimumSizeHint().width() <= 1366 - 16 and window.width() == 1366
