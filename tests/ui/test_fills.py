"""The fills tab (#10, `fillsTable`): a 00 fill moves its order's row at once; a session that opens reads the day's
filled orders (ka10076); newest first, numbers by value, buy red and sell blue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kiwoom_desk.environments import Environment
from kiwoom_desk.storage.credentials import Credentials
from kiwoom_desk.ui import theme

from .conftest import Desk

SAMSUNG = "005930"


def cells(desk: Desk) -> list[list[str]]:
    """The fills table as the trader reads it, top to bottom."""
    view = desk.window.fillsTable
    model = view.model()
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_a_fill_shows_in_the_fills_tab_and_moves_its_row(desk: Desk) -> None:
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    desk.act(lambda: desk.window.orderTabs.setCurrentIndex(1))
    assert desk.window.orderTabs.tabText(1) == "체결" and desk.window.fillsTable.isVisible()
    desk.fill(SAMSUNG, 70_000, 8)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    (number,) = desk.open_order_numbers()
    desk.sandbox.set_price(SAMSUNG, 70_000, depth=5)  # 5 of 8 fill
    desk.until(lambda: cells(desk) and cells(desk)[0][5] == "5", "the fill never showed")
    commission = 5 * 70_000 * 15 // 100_000
    assert cells(desk)[0][1:] == [SAMSUNG, "삼성전자", "매수", "70,000", "5", f"{commission:,}", number]
    model = desk.window.fillsTable.model()
    shown = model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole)
    assert QColor(shown).name() == QColor(theme.BUY).name()
    desk.sandbox.set_price(SAMSUNG, 70_000, depth=5)  # the other 3: the same row, now 8
    desk.until(lambda: cells(desk)[0][5] == "8", "the row did not follow the second fill")
    assert len(cells(desk)) == 1

    desk.fill(SAMSUNG, 0, 2, trade_type="3", sell=True)  # a market sell: a second row, newest first
    desk.until(lambda: len(cells(desk)) == 2, "no row for the sale", action=desk.ticket.submitButton.click)
    assert cells(desk)[0][3] == "매도" and cells(desk)[1][7] == number


def test_a_session_that_opens_reads_the_days_fills(desk: Desk) -> None:
    desk.fill(SAMSUNG, 0, 3, trade_type="3")  # a market buy fills at once
    desk.until(lambda: len(cells(desk)) == 1, "no fill row", action=desk.ticket.submitButton.click)
    before = cells(desk)
    desk.window.session.credentials.save(Environment.MOCK, Credentials("mock-app-key", "mock-secret-key"))
    assert desk.complete(desk.window.switch_to(Environment.MOCK)) is True  # the same account, read afresh
    desk.until(lambda: cells(desk) == before, "the new session did not read the day's fills (ka10076)")
