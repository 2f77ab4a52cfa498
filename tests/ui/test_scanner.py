"""Rankings, condition search and investor flows (#15) on the shown window against a real Sandbox: each panel
reads its TR, shows it the HTS way, follows the market, and a double click puts the stock in the ticket."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import Side, TradeType
from kiwoom_desk.trading.scanner import RankingKind
from kiwoom_desk.trading.sessions import kst_day
from kiwoom_desk.ui import theme

from .conftest import Desk

SAMSUNG, HYNIX, KAKAO = "005930", "000660", "035720"


def shown(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [[str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]


def colour(table: QTableView, row: int, column: int) -> str:
    brush: Any = table.model().index(row, column).data(Qt.ItemDataRole.ForegroundRole)
    return str(brush.name()) if brush is not None else ""


def double_click(desk: Desk, table: QTableView, row: int) -> None:
    rect: Any = table.visualRect(table.model().index(row, 1))
    viewport = table.viewport()
    desk.act(lambda: QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center()))
    desk.act(lambda: QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center()))


def test_rankings_show_each_kind_in_the_hts_way_and_a_double_click_loads_the_ticket(desk: Desk) -> None:
    scanner = desk.window.scanner
    panel = scanner.rankings
    desk.sandbox.advance(10)
    desk.sandbox.set_price(HYNIX, 199_000)  # +5.01 %: the top gainer
    desk.act(scanner.rankingDock.show)
    desk.act(scanner.rankingDock.raise_)
    assert panel.table.objectName() == "rankingTable" and panel.kindCombo.objectName() == "rankingKindCombo"
    assert [panel.kindCombo.itemText(i) for i in range(panel.kindCombo.count())] == [
        "거래대금", "거래량", "상승률", "하락률", "거래량 급증", "외국인 순매수", "기관 순매수"
    ]  # fmt: skip
    desk.act(lambda: panel.kindCombo.setCurrentIndex(panel.kindCombo.findData(RankingKind.RISERS.value)))
    desk.act(panel.refreshButton.click)
    desk.until(lambda: shown(panel.table) and shown(panel.table)[0][1] == "SK하이닉스", "SK하이닉스 not on top")
    top = shown(panel.table)[0]
    info = desk.complete(desk.window.desk.client.stock_info(HYNIX))  # type: ignore[union-attr]
    assert top == ["1", "SK하이닉스", "199,000", "+5.01%", f"{info.volume:,}"]  # ranked by change, volume beside
    assert colour(panel.table, 0, 2) == theme.UP.lower()  # up in red
    assert panel.table.model().headerData(4, Qt.Orientation.Horizontal) == "거래량"
    assert "상승률 · 전체" in panel.statusLabel.text()
    rates = [float(row[3].rstrip("%")) for row in shown(panel.table)]
    assert rates == sorted(rates, reverse=True) and all(rate > 0 for rate in rates)

    desk.act(lambda: panel.kindCombo.setCurrentIndex(panel.kindCombo.findData(RankingKind.FOREIGN.value)))
    desk.act(panel.refreshButton.click)
    desk.until(lambda: "외국인 순매수" in panel.statusLabel.text() and shown(panel.table), "no foreign ranking")
    assert panel.table.model().headerData(4, Qt.Orientation.Horizontal) == "순매수(백만)"
    desk.until(lambda: shown(panel.table)[0][2] != "-", "the foreign leaders got no prices")

    double_click(desk, panel.table, 0)
    code = panel.table.model().index(0, 1).data(Qt.ItemDataRole.UserRole + 2).code
    desk.until(lambda: desk.ticket.quote is not None and desk.ticket.quote.code == code, "the ticket kept its stock")


def test_an_automatic_refresh_follows_the_market_while_shown(desk: Desk) -> None:
    scanner = desk.window.scanner
    panel = scanner.rankings
    desk.act(scanner.rankingDock.show)
    desk.act(scanner.rankingDock.raise_)
    desk.act(lambda: panel.kindCombo.setCurrentIndex(panel.kindCombo.findData(RankingKind.FALLERS.value)))
    desk.act(lambda: panel.autoCombo.setCurrentIndex(panel.autoCombo.findData(5)))
    desk.act(lambda: panel._auto_chosen(0))
    desk.act(panel.refreshButton.click)
    desk.until(lambda: "하락률" in panel.statusLabel.text(), "no first read")
    desk.sandbox.set_price(KAKAO, 36_150)  # -9.96 %: the new bottom
    desk.until(lambda: shown(panel.table) and shown(panel.table)[0][1] == "카카오", "not refreshed", within=20)
    assert colour(panel.table, 0, 3) == theme.DOWN.lower()  # down in blue


def test_a_live_condition_shows_stocks_entering_and_leaving_with_their_time(desk: Desk) -> None:
    scanner = desk.window.scanner
    panel = scanner.conditions
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    desk.act(scanner.conditionDock.show)
    desk.act(scanner.conditionDock.raise_)
    assert panel.objectName() == "conditionPanel" and panel.table.objectName() == "conditionResultsTable"
    desk.until(lambda: panel.conditionCombo.count() == 4, "the conditions never listed")
    assert panel.conditionCombo.itemText(2) == "2  상한가 근접"
    desk.act(lambda: panel.conditionCombo.setCurrentIndex(2))
    desk.act(panel.liveButton.click)
    desk.until(lambda: panel.live_seq == "2", "not live")
    assert shown(panel.table) == []  # nothing near its upper limit yet

    desk.sandbox.set_price(HYNIX, 240_000)  # 97.6 % of its upper limit (246,000)
    desk.until(lambda: len(shown(panel.table)) == 1 and shown(panel.table)[0][1] == "240,000", "no entry")
    row = shown(panel.table)[0]
    assert row[0] == "SK하이닉스" and row[2] == "+26.65%" and row[3].startswith("편입 ") and len(row[3]) == 11
    assert "편입: SK하이닉스" in panel.statusLabel.text()
    desk.sandbox.set_price(HYNIX, 241_000)  # it stays: its price moves on its stream
    desk.until(lambda: shown(panel.table)[0][1] == "241,000", "the result's price froze")

    desk.sandbox.set_price(HYNIX, 200_000)
    desk.until(lambda: shown(panel.table)[0][3].startswith("이탈 "), "no exit time")
    assert colour(panel.table, 0, 0) == "#9e9e9e"  # a stock that left stays, greyed
    desk.sandbox.set_price(HYNIX, 199_000)  # and its price stays current: it is no stale quote
    desk.until(lambda: shown(panel.table)[0][1] == "199,000", "the exit's price froze")

    double_click(desk, panel.table, 0)
    desk.until(lambda: desk.ticket.quote is not None and desk.ticket.quote.code == HYNIX, "the ticket kept its stock")
    desk.act(panel.clearButton.click)  # 이탈 지우기: what is left is what matches now
    assert shown(panel.table) == []
    desk.act(panel.liveButton.click)  # off: stopped on the server
    desk.until(lambda: panel.live_seq == "" and desk.window.desk.condition_search.live == set(), "still live")  # type: ignore[union-attr]


def test_a_one_off_search_lists_what_matches_now(desk: Desk) -> None:
    scanner = desk.window.scanner
    panel = scanner.conditions
    desk.sandbox.set_price(SAMSUNG, 74_000)  # +3.93 %
    desk.act(scanner.conditionDock.show)
    desk.act(scanner.conditionDock.raise_)
    desk.until(lambda: panel.conditionCombo.count() == 4, "the conditions never listed")
    desk.act(lambda: panel.conditionCombo.setCurrentIndex(0))  # 등락률 +3% 이상
    desk.act(panel.searchButton.click)
    desk.until(lambda: any(row[0] == "삼성전자" for row in shown(panel.table)), "삼성전자 not found")
    samsung = next(row for row in shown(panel.table) if row[0] == "삼성전자")
    assert samsung[1:] == ["74,000", "+3.93%", ""]  # found, not seen entering
    assert all(float(row[2].rstrip("%")) >= 3 for row in shown(panel.table))


def test_an_empty_condition_list_in_mock_says_where_conditions_are_made(desk: Desk) -> None:
    panel = desk.window.scanner.conditions
    live = desk.window.desk
    assert live is not None

    async def none() -> list[Any]:
        return []

    panel.environment = Environment.MOCK  # what Mock answers when 영웅문 has no saved condition
    live.condition_list = none  # type: ignore[method-assign]
    desk.complete(panel._load_conditions(live))
    assert not panel.searchButton.isEnabled() and not panel.liveButton.isEnabled()
    assert not panel.hintLabel.isHidden() and "영웅문4" in panel.hintLabel.text()


def test_investor_flows_follow_the_tickets_stock(desk: Desk) -> None:
    scanner = desk.window.scanner
    view = scanner.flows
    desk.sandbox.advance(20, [SAMSUNG])
    desk.fill(SAMSUNG, 0, 0)
    desk.act(scanner.flowDock.show)
    desk.act(scanner.flowDock.raise_)
    assert view.objectName() == "investorFlowView"
    desk.until(lambda: view.days.rowCount() == 20, "no 20 days")
    assert "삼성전자 투자자별 순매수" in view.titleLabel.text()
    today = shown(view.table)[0]
    info = desk.complete(desk.window.desk.client.stock_info(SAMSUNG))  # type: ignore[union-attr]
    assert today[0] == f"{kst_day()[4:6]}/{kst_day()[6:8]}" and view.flows is not None
    assert view.flows.days[0].volume == info.volume
    individual = view.flows.days[0].flows[next(iter(view.flows.days[0].flows))]
    assert today[1] == (f"{individual:+,}" if individual else "0")  # 개인's net, signed
    assert view.plot.series and view.plot.series[next(iter(view.plot.series))]

    before = view.flows.days[0]
    desk.complete(
        desk.window.desk.client.place_order(  # type: ignore[union-attr]
            side=Side.BUY, stock_code=SAMSUNG, quantity=30, trade_type=TradeType.MARKET
        )
    )
    desk.act(view.refreshButton.click)
    desk.until(lambda: view.flows is not None and view.flows.days[0] != before, "not read again")
    assert (view.flows.days[0].volume or 0) - (before.volume or 0) >= 30  # the account's buy is in the day

    desk.fill(HYNIX, 0, 0)  # another stock: its own flows
    desk.until(lambda: view.flows is not None and view.flows.code == HYNIX, "still the old stock's flows")
    assert "SK하이닉스" in view.titleLabel.text()


def test_another_ranking_never_shows_the_old_ones_rows(desk: Desk) -> None:
    scanner = desk.window.scanner
    panel = scanner.rankings
    desk.sandbox.advance(5)
    desk.act(scanner.rankingDock.show)
    desk.act(scanner.rankingDock.raise_)
    desk.act(lambda: panel.kindCombo.setCurrentIndex(panel.kindCombo.findData(RankingKind.SURGE.value)))
    desk.act(panel.refreshButton.click)
    desk.until(lambda: "거래량 급증" in panel.statusLabel.text() and shown(panel.table), "no surge ranking")
    assert shown(panel.table)[0][4].endswith("%")  # the ranking's own figure: a surge rate here
    desk.act(lambda: panel.kindCombo.setCurrentIndex(panel.kindCombo.findData(RankingKind.INSTITUTIONS.value)))
    desk.act(panel.refresh)  # as choosing it in the combo does
    assert shown(panel.table) == [] and "기관 순매수" in panel.statusLabel.text()  # at once, before the answer
    desk.until(lambda: shown(panel.table) and "기관 순매수 ·" in panel.statusLabel.text(), "no institutions")
    assert not shown(panel.table)[0][4].endswith("%")  # its own figure: net buying in 백만원
    assert panel.table.model().headerData(4, Qt.Orientation.Horizontal) == "순매수(백만)"


def test_the_conditions_come_once_the_real_time_connection_is_up(desk: Desk) -> None:
    from kiwoom_desk.kiwoom.events import RealtimeState, RealtimeStatus

    scanner = desk.window.scanner
    panel = scanner.conditions
    desk.act(panel.clear)  # as a new session leaves it: nothing listed yet
    desk.act(scanner.conditionDock.show)
    desk.act(scanner.conditionDock.raise_)
    desk.act(panel.clear)  # shown while the socket is still connecting: nothing to list from yet
    assert panel.conditionCombo.count() == 0
    desk.act(lambda: desk.window.bridge.realtimeStatusChanged.emit(RealtimeStatus(RealtimeState.CONNECTED)))
    desk.until(lambda: panel.conditionCombo.count() == 4, "the list was not read once connected")


def test_rows_hold_still_while_pointed_at_and_the_view_menu_brings_a_panel_forward(desk: Desk) -> None:
    from dataclasses import replace

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    scanner = desk.window.scanner
    panel = scanner.rankings
    desk.sandbox.advance(5)
    desk.act(scanner.rankingDock.hide)
    toggle = next(action for action in desk.window.menus.viewMenu.actions() if action.text() == "순위")
    desk.act(toggle.trigger)  # 보기 > 순위: shown with its tab in front, not behind 관심종목
    desk.until(panel.isVisible, "the rankings' tab is not in front")
    desk.act(panel.refreshButton.click)
    desk.until(lambda: len(shown(panel.table)) > 3, "no ranking")
    first = shown(panel.table)[0][1]
    viewport = panel.table.viewport()
    desk.act(lambda: QApplication.sendEvent(viewport, QEvent(QEvent.Type.Enter)))  # the pointer over the rows
    row = panel.rows.row(0)
    desk.act(lambda: panel.rows.upsert(replace(row, rank=999)))  # a read that would move it to the bottom
    assert shown(panel.table)[0][1] == first  # it stays under the pointer
    desk.act(lambda: panel.autoCombo.setCurrentIndex(panel.autoCombo.findData(5)))
    desk.act(lambda: panel._auto_chosen(0))
    panel.auto.budget.last = float("-inf")  # a read is due
    desk.act(panel.auto._tick)
    assert not panel.auto.busy  # but not while the trader points at a row
    desk.act(lambda: QApplication.sendEvent(viewport, QEvent(QEvent.Type.Leave)))
    assert shown(panel.table)[-1][1] == first  # sorted again once the pointer left


def test_the_panels_status_lines_follow_a_language_switch(desk: Desk) -> None:
    scanner = desk.window.scanner
    desk.sandbox.advance(3)
    desk.act(scanner.rankingDock.show)
    desk.act(scanner.rankingDock.raise_)
    panel = scanner.rankings
    desk.act(panel.refreshButton.click)
    desk.until(lambda: "종목" in panel.statusLabel.text(), "no ranking read")
    desk.act(lambda: desk.window.set_language("en"))
    assert "stocks" in panel.statusLabel.text() and "Traded value · All" in panel.statusLabel.text()
    assert panel.table.model().headerData(4, Qt.Orientation.Horizontal) == "Value (M)"
    desk.act(lambda: desk.window.set_language("ko"))
    assert "종목" in panel.statusLabel.text()


def test_the_rankings_open_as_the_trader_left_them(desk: Desk) -> None:
    from kiwoom_desk.ui.rankings import RankingPanel

    panel = desk.window.scanner.rankings
    desk.act(lambda: panel.kindCombo.setCurrentIndex(panel.kindCombo.findData(RankingKind.SURGE.value)))
    desk.act(lambda: panel.marketCombo.setCurrentIndex(panel.marketCombo.findData("101")))
    desk.act(panel._chosen_list)
    desk.act(lambda: panel.autoCombo.setCurrentIndex(panel.autoCombo.findData(30)))
    desk.act(lambda: panel._auto_chosen(0))
    again = RankingPanel(desk.window.session, desk.window.bridge, desk.window.settings)  # the next start's
    again.retranslate()
    assert (again.kind(), again.market().value, again.auto.budget.interval) == (RankingKind.SURGE, "101", 30)
    again.deleteLater()
