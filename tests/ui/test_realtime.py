"""Real-time in the window: rows follow 00 events, the ticket follows 0B/0D, reconnects resync over REST."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor

from kiwoom_desk.kiwoom import Side, TradeType
from kiwoom_desk.sandbox import FaultKind
from kiwoom_desk.ui import theme

from .conftest import Desk

SAMSUNG = "005930"


def connected(desk: Desk) -> bool:
    return desk.window.status.realtime.text() == "실시간: 연결됨"


def test_a_partial_fill_changes_the_row_in_place_and_the_full_fill_removes_it(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 70_000, 8)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.until(lambda: "주문 접수" in desk.window.status.message.text(), "no answer")
    rows_seen: list[int] = []
    model = desk.window.openOrders.orders
    model.dataChanged.connect(lambda top, bottom, *_: rows_seen.append(top.row()))

    desk.sandbox.set_price(SAMSUNG, 70_000, depth=5)  # the market trades at the order's price: 5 of 8 fill
    desk.until(lambda: model.rowCount() == 1 and model.row(0).unfilled == 3, "the row did not follow the fill")
    order = model.row(0)
    assert (order.filled_quantity, order.unfilled, order.status) == (5, 3, "체결")
    assert rows_seen and set(rows_seen) == {0}  # that row repainted, nothing else
    message = desk.window.status.message.text()
    assert message.startswith("체결: 삼성전자 매수 5주 @ 70,000원") and "미체결 3주" in message
    label = desk.window.status.message  # the flash: the message lights up in the buy colour
    shown, buy = label.grab().toImage().pixelColor(1, label.height() // 2), QColor(theme.BUY)
    assert max(abs(shown.red() - buy.red()), abs(shown.green() - buy.green()), abs(shown.blue() - buy.blue())) < 8

    desk.sandbox.set_price(SAMSUNG, 70_000, depth=5)
    desk.until(lambda: model.rowCount() == 0, "a filled order stayed in the table")
    desk.until(lambda: any(h.quantity == 8 for h in desk.window.positions.positions.rows()), "no position")


def test_an_order_filled_while_disconnected_shows_after_the_resync(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 70_000, 2)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    realtime = desk.window.desk.realtime  # type: ignore[union-attr]
    assert realtime is not None and realtime.connections == 1
    desk.sandbox.drop_websockets()
    desk.sandbox.set_price(SAMSUNG, 70_000, depth=50)  # fills while the client cannot hear it
    desk.until(lambda: realtime.connections == 2, "never reconnected")
    desk.until(lambda: desk.open_order_numbers() == [], "the resync did not show the fill")
    desk.until(lambda: connected(desk), "the status bar did not say connected again")
    events = [event["kind"] for event in desk.window.session.journal.events()]
    assert "resync" in events


def test_the_ticket_follows_trades_and_the_book_sets_the_price(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 70_000, 1)
    book = desk.ticket.orderBook

    def cell(row: int, column: int) -> str:
        item = book.item(row, column)
        return item.text() if item is not None else ""

    desk.until(lambda: cell(10, 1) == "71,200", "no book")
    assert cell(9, 1) == "71,300" and cell(9, 0) == "200"  # the best ask sits just above the best bid
    desk.sandbox.set_price(SAMSUNG, 70_500)
    desk.until(lambda: desk.ticket.quote is not None and desk.ticket.quote.current == 70_500, "price did not follow")
    assert "70,500" in desk.ticket.stockLabel.text()
    desk.until(lambda: cell(10, 1) == "70,500", "the book did not follow")
    desk.act(lambda: book.cellClicked.emit(9, 1))
    assert desk.ticket.priceSpin.value() == 70_600


def test_a_rejection_shows_the_exchanges_reason(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.sandbox.inject(FaultKind.REJECT_AFTER_ACCEPT, api_id="kt10000")
    desk.fill(SAMSUNG, 70_000, 1)
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: desk.window.status.message.text().startswith("주문 거부"), "no rejection shown")
    assert "시험용 거부" in desk.window.status.message.text()
    desk.until(lambda: desk.open_order_numbers() == [], "a rejected order stayed")


def test_unreadable_frames_are_counted_in_the_tooltip_and_trading_goes_on(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.sandbox.send_websocket_garbage()
    tooltip = desk.window.status.realtime.toolTip
    desk.until(lambda: "건너뛴 실시간 메시지" in tooltip(), "the skipped frames were not counted")
    assert connected(desk)
    desk.fill(SAMSUNG, 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "no order after the garbage", action=desk.ticket.submitButton.click)


def test_a_held_stock_follows_the_market_with_nothing_else_happening(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 0, 10, trade_type="3")
    positions = desk.window.positions.positions
    desk.until(lambda: positions.rowCount() == 1, "no position", action=desk.ticket.submitButton.click)
    desk.until(lambda: "예수금 9,286,894" in desk.window.positions.totalsLabel.text(), "the fill's cash never came")
    desk.fill("035720", 0, 1)  # the ticket moves to another stock: 삼성전자 is now followed as a position only
    chart = desk.window.chart  # its history read for the new stock may still be queued behind the rate limit
    desk.until(lambda: chart._loading is not None and chart._loading.done(), "the chart never loaded")
    before = Counter(desk.sandbox.requests())
    desk.sandbox.set_price(SAMSUNG, 72_000)
    desk.until(lambda: positions.row(0).current_price == 72_000, "the position's price froze")
    (held,) = positions.rows()
    assert (held.evaluation, held.profit) == (720_000, 7_000)  # 10 shares bought at 71,300
    assert "+7,000" in desk.window.positions.totalsLabel.text()
    assert Counter(desk.sandbox.requests()) - before == Counter()  # no REST call: the 0B alone moved it


def test_a_stock_no_longer_held_leaves_the_stream(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 0, 3, trade_type="3")
    positions = desk.window.positions.positions
    desk.until(lambda: positions.rowCount() == 1, "no position", action=desk.ticket.submitButton.click)
    streams = desk.window.desk.streams  # type: ignore[union-attr]
    desk.fill("035720", 0, 1)
    desk.until(lambda: streams.registered["0B"] == {SAMSUNG, "035720"}, "the held stock is not streamed")
    desk.act(lambda: desk.ticket.load(Side.SELL, SAMSUNG, TradeType.MARKET, 0, 3))
    desk.until(lambda: desk.ticket.quote is not None and desk.ticket.submitButton.isEnabled(), "no sell ticket")
    desk.until(lambda: positions.rowCount() == 0, "still held", action=desk.ticket.submitButton.click)
    desk.fill("035720", 0, 1)  # the ticket leaves 삼성전자 too
    desk.until(lambda: streams.registered["0B"] == {"035720"}, "a stock nobody holds or shows is still streamed")


def test_the_book_shows_my_resting_order_at_its_price(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 70_900, 7)
    book = desk.ticket.orderBook

    def text(row: int, column: int) -> str:
        item = book.item(row, column)
        return item.text() if item is not None else ""

    def mine_at(price: str) -> str | None:
        rows = [row for row in range(20) if text(row, 1) == price]
        return text(rows[0], 3) if rows else None

    desk.until(lambda: mine_at("70,900") == "", "no book with the level 70,900")
    header = book.horizontalHeaderItem(3)
    assert header is not None and header.text() == "내 주문"
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.until(lambda: mine_at("70,900") == "7", "내 주문 does not show the resting order")
    desk.fill(SAMSUNG, 70_900, 5)  # a second order at the same price: the level shows both
    desk.until(lambda: len(desk.open_order_numbers()) == 2, "no second order", action=desk.ticket.submitButton.click)
    desk.until(lambda: mine_at("70,900") == "12", "내 주문 did not add the second order")
    desk.sandbox.set_price(SAMSUNG, 70_900, depth=4)  # the market trades 4 at that price: the first order's fill
    desk.until(lambda: mine_at("70,900") == "8", "내 주문 did not follow the partial fill")
    desk.act(lambda: desk.window.openOrders.selectAll())
    desk.until(
        lambda: mine_at("70,900") == "",
        "a cancelled order stayed in 내 주문",
        action=desk.window.cancelOrderButton.click,
    )


def test_a_sell_estimate_is_what_arrives_after_fees_and_tax(desk: Desk) -> None:
    desk.fill(SAMSUNG, 71_200, 10, sell=True)
    # 712,000 less 0.015 % commission (106) and 0.20 % tax (1,424)
    assert desk.ticket.estimateLabel.text() == "수수료·세금 뺀 예상 수령액: 710,470원"


def test_the_trader_can_scroll_the_book_while_it_updates(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.act(lambda: desk.window.resize(1366, 768))
    desk.fill(SAMSUNG, 70_000, 1)
    book = desk.ticket.orderBook
    desk.until(lambda: book.item(10, 1) is not None and book.item(10, 1).text() == "71,200", "no book")  # type: ignore[union-attr]
    centred = book.verticalScrollBar().value()
    desk.act(lambda: book.verticalScrollBar().setValue(0))  # the trader looks at the highest asks
    desk.sandbox.set_price(SAMSUNG, 71_300)  # the book moves
    desk.until(lambda: book.item(10, 1) is not None and book.item(10, 1).text() == "71,300", "the book did not move")  # type: ignore[union-attr]
    assert book.verticalScrollBar().value() == 0 and centred > 0


def test_the_tickets_price_is_its_own_stocks_when_held_stocks_trade_in_the_same_frame(desk: Desk) -> None:
    """The ticket shows the newest trade once a frame: a held stock's trade in that frame must not hide its own."""
    from kiwoom_desk.kiwoom.events import Trade

    desk.fill(SAMSUNG, 70_000, 1)
    ticket = desk.ticket
    desk.until(lambda: ticket.quote is not None and ticket.quote.code == SAMSUNG, "no quote")
    ticket.market.push(Trade(SAMSUNG, "100000", 71_900, 700, None, 1, 10))
    ticket.market.push(Trade("000660", "100000", 188_000, 0, None, 0, 10))  # a held stock, same frame
    desk.until(lambda: ticket.quote is not None and ticket.quote.current == 71_900, "the ticket lost its trade")
    assert "71,900" in ticket.stockLabel.text()
