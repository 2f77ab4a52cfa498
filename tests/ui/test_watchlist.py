"""The watchlist (#15, `watchlistTable`) on a real Sandbox: the ticket's stock is added with its quote, a trade
moves its row, Delete and Alt+Up/Down change the list, the lists outlive the window per environment, and a double
click puts a stock in the ticket."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kiwoom_desk.storage.watchlists import Watchlist
from tests.window_support import modal

from .conftest import Desk

SAMSUNG, HYNIX, NAVER = "005930", "000660", "035420"


def shown(desk: Desk) -> list[list[str]]:
    """The table as the trader reads it, top to bottom."""
    model = desk.window.watchlist.table.model()
    return [[str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]


def add(desk: Desk, code: str) -> None:
    desk.fill(code, 0, 0)
    desk.act(desk.window.watchlist.addButton.click)
    desk.until(
        lambda: any(row[1] != code and code in desk.window.watchlist.watchlists.shown.codes for row in shown(desk)),
        "not added",
    )


def row_of(desk: Desk, name: str) -> list[str]:
    return next(row for row in shown(desk) if row[1] == name)


def test_the_tickets_stock_joins_with_its_quote_and_moves_on_each_trade(desk: Desk) -> None:
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    desk.act(desk.window.watchlistDock.show)
    panel = desk.window.watchlist
    assert panel.table.objectName() == "watchlistTable" and panel.listCombo.currentText() == "관심종목1"
    add(desk, SAMSUNG)
    add(desk, HYNIX)
    desk.until(lambda: row_of(desk, "SK하이닉스")[2] != "-", "no quote for the second stock")
    info = desk.complete(desk.window.desk.client.stock_info(HYNIX))  # type: ignore[union-attr]
    change = f"{info.change:+,}" if info.change else "0"  # unchanged: 0, unsigned, as the HTS shows it
    assert row_of(desk, "SK하이닉스")[:4] == ["2", "SK하이닉스", f"{info.current_price:,}", change]
    desk.sandbox.set_price(SAMSUNG, 72_000)  # a trade of a listed stock that is no longer the ticket's
    desk.until(lambda: row_of(desk, "삼성전자")[2] == "72,000", "the row did not follow the trade")
    assert row_of(desk, "삼성전자")[3] == "+800" and row_of(desk, "삼성전자")[4] == "+1.12%"


def test_delete_and_alt_arrows_change_the_list_and_it_outlives_the_window(desk: Desk) -> None:
    panel = desk.window.watchlist
    desk.act(desk.window.watchlistDock.show)
    for code in (SAMSUNG, HYNIX, NAVER):
        add(desk, code)
    desk.until(lambda: [row[1] for row in shown(desk)] == ["삼성전자", "SK하이닉스", "NAVER"], "not in order")
    desk.act(lambda: panel.table.selectRow(2))
    desk.act(lambda: panel.table.setFocus())
    desk.act(lambda: QTest.keyClick(panel.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier))
    desk.until(lambda: [row[1] for row in shown(desk)] == ["삼성전자", "NAVER", "SK하이닉스"], "Alt+Up did not move it")
    desk.act(lambda: panel.table.selectRow(0))
    desk.act(lambda: QTest.keyClick(panel.table, Qt.Key.Key_Delete))
    desk.until(lambda: [row[1] for row in shown(desk)] == ["NAVER", "SK하이닉스"], "Delete did not remove it")
    assert [row[0] for row in shown(desk)] == ["1", "2"]
    store = desk.window.session.config.watchlists
    assert store is not None and store.load("sandbox") == [Watchlist("관심종목1", [NAVER, HYNIX])]
    assert store.load("mock") == [Watchlist("관심종목1", [])]  # another environment's lists are its own


def test_a_double_click_puts_the_stock_in_the_ticket_and_the_chart(desk: Desk) -> None:
    panel = desk.window.watchlist
    desk.act(desk.window.watchlistDock.show)
    add(desk, HYNIX)
    desk.fill(SAMSUNG, 0, 0)
    index = panel.table.model().index(0, 1)
    rect: Any = panel.table.visualRect(index)
    viewport = panel.table.viewport()
    desk.act(lambda: QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center()))  # as a mouse does:
    desk.act(lambda: QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center()))  # a click, then the 2nd
    desk.until(lambda: desk.ticket.quote is not None and desk.ticket.quote.code == HYNIX, "the ticket kept its stock")
    desk.until(lambda: desk.window.chart.series is not None and desk.window.chart.series.stock_code == HYNIX, "chart")


def test_the_hts_groups_are_imported_and_lists_are_made_and_deleted(desk: Desk) -> None:
    panel = desk.window.watchlist
    desk.act(desk.window.watchlistDock.show)
    assert desk.complete(panel.import_hts()) == 8  # 관심종목1's five joined the default list; 2차전지's three
    assert [panel.listCombo.itemText(i) for i in range(panel.listCombo.count())] == ["관심종목1", "2차전지"]
    desk.until(lambda: [row[1] for row in shown(desk)][:2] == ["삼성전자", "SK하이닉스"], "the group's stocks")
    assert desk.complete(panel.import_hts()) == 0  # again: nothing twice
    assert "2개 그룹에서 0종목" in desk.window.status.message.text()
    desk.act(panel.newListAction.trigger)
    dialog = desk.until(lambda: modal(QInputDialog, "watchlistNameDialog"), "no name asked")
    desk.act(lambda: dialog.setTextValue("단타"))
    desk.act(dialog.accept)
    desk.until(lambda: panel.listCombo.currentText() == "단타" and shown(desk) == [], "no new, empty list shown")
    assert panel.hintLabel.isVisible()  # an empty list says what to do
    desk.act(panel.deleteListAction.trigger)
    question = desk.until(lambda: modal(QMessageBox, "watchlistDeleteDialog"), "deleted without asking")
    assert "단타" in question.text()
    desk.act(lambda: question.button(QMessageBox.StandardButton.Yes).click())
    assert [panel.listCombo.itemText(i) for i in range(panel.listCombo.count())] == ["관심종목1", "2차전지"]
    store = desk.window.session.config.watchlists
    assert store is not None and [item.name for item in store.load("sandbox")] == ["관심종목1", "2차전지"]


def test_removing_the_tickets_stock_keeps_the_tickets_stream_and_other_rows_stay(desk: Desk) -> None:
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    panel = desk.window.watchlist
    desk.act(desk.window.watchlistDock.show)
    add(desk, HYNIX)
    add(desk, SAMSUNG)  # the ticket's stock, now in the list too
    desk.until(lambda: all(row[2] != "-" for row in shown(desk)), "no quotes")
    streams = desk.window.desk.streams  # type: ignore[union-attr]
    desk.until(lambda: {SAMSUNG, HYNIX} <= streams.registered["0B"], "the watchlist's stocks not streamed")
    hynix = row_of(desk, "SK하이닉스")
    desk.sandbox.set_price(SAMSUNG, 71_800)
    desk.until(lambda: row_of(desk, "삼성전자")[2] == "71,800", "the row did not follow")
    assert row_of(desk, "SK하이닉스") == hynix  # another stock's trade changed nothing here
    desk.act(lambda: panel.remove(SAMSUNG))
    desk.until(lambda: HYNIX in streams.registered["0B"] and [r[1] for r in shown(desk)] == ["SK하이닉스"], "gone")
    assert SAMSUNG in streams.registered["0B"]  # still the ticket's: its quote and chart keep moving
    desk.sandbox.set_price(SAMSUNG, 72_000)
    desk.until(lambda: desk.ticket.quote is not None and desk.ticket.quote.current == 72_000, "the ticket froze")


def test_the_hotkey_adds_the_tickets_stock_from_anywhere(desk: Desk) -> None:
    panel = desk.window.watchlist
    desk.act(desk.window.watchlistDock.show)
    desk.fill(NAVER, 0, 0)
    assert desk.window.menus.hotkeys.keys["addToWatchlist"].toString() == "Ctrl+D"
    desk.act(lambda: desk.window.openOrders.setFocus())  # the keyboard elsewhere in the window
    desk.act(lambda: QTest.keyClick(desk.window.openOrders, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier))
    desk.until(lambda: panel.watchlists.shown.codes == [NAVER], "the hotkey added nothing")
    desk.until(lambda: [row[1] for row in shown(desk)] == ["NAVER"], "no row for it")
