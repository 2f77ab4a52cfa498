"""One order, one row: the acknowledgement records the order and frees the ticket; real-time events and, when
they fail, a REST reconcile do the rest. REST calls are counted by the Sandbox itself."""

from __future__ import annotations

from collections import Counter

import pytest

from kiwoom_desk.sandbox import FaultKind
from kiwoom_desk.trading import desk as desk_module

from .conftest import Desk

SAMSUNG = "005930"


def connected(desk: Desk) -> bool:
    return desk.window.status.realtime.text() == "실시간: 연결됨"


def calls_since(desk: Desk, before: Counter[str]) -> Counter[str]:
    return Counter(desk.sandbox.requests()) - before


def test_a_resting_order_is_one_rest_call_then_one_read_of_the_cash_it_reserved(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 70_000, 3)
    desk.until(lambda: desk.ticket.availableLabel.text() == "주문가능금액: 10,000,000원", "no cash shown")
    before = Counter(desk.sandbox.requests())
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.until(lambda: not desk.ticket.busy, "the ticket stayed locked")
    on_path = calls_since(desk, before)  # the ticket waited for the order alone (the cash read may have begun)
    assert on_path["kt10000"] == 1 and set(on_path) <= {"kt10000", "kt00001"}
    (number,) = desk.open_order_numbers()
    ledger = desk.window.desk.ledger  # type: ignore[union-attr]
    desk.until(lambda: ledger.heard_since(number, 0), "the order's 00 event never came")
    desk.until(lambda: desk.ticket.availableLabel.text() == "주문가능금액: 9,789,969원", "the reserved cash not shown")
    assert calls_since(desk, before) == Counter({"kt10000": 1, "kt00001": 1})  # no refresh of orders or holdings
    (order,) = desk.window.openOrders.orders.rows()
    assert (order.unfilled, order.price, order.stock_name, order.status) == (3, 70_000, "삼성전자", "접수")


def test_the_ticket_unlocks_on_the_answer_even_when_queries_are_slow(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    for api_id in ("ka10075", "kt00018", "kt00001"):  # a refresh after the order would take 30 s
        desk.sandbox.inject(FaultKind.LATENCY, api_id=api_id, delay=30.0, times=None)
    desk.fill(SAMSUNG, 70_000, 1)
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: not desk.ticket.busy and desk.open_order_numbers(), "the ticket waited", within=5)
    assert "주문 접수" in desk.window.status.message.text()
    desk.sandbox.clear_faults()


def test_a_cancel_is_one_rest_call_and_the_row_leaves_on_its_event(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 70_000, 2)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.until(lambda: desk.ticket.availableLabel.text() != "주문가능금액: 10,000,000원", "the reserved cash not shown")
    before = Counter(desk.sandbox.requests())
    desk.act(lambda: desk.window.openOrders.selectRow(0))
    cancel = desk.window.menus.cancelSelectedAction.trigger
    desk.until(lambda: desk.open_order_numbers() == [], "the row stayed", action=cancel)
    desk.until(lambda: "1건 중 1건 취소" in desk.window.status.message.text(), "no answer shown")
    desk.until(lambda: desk.ticket.availableLabel.text() == "주문가능금액: 10,000,000원", "the cash was not released")
    assert calls_since(desk, before) == Counter({"kt10003": 1, "kt00001": 1})
    assert desk.exchange_open_orders() == []


def test_without_the_websocket_an_order_is_reconciled_over_rest(desk: Desk) -> None:
    realtime = desk.window.desk.realtime  # type: ignore[union-attr]
    assert realtime is not None
    desk.complete(realtime.close())  # the socket is gone: nobody would tell the ledger about fills
    desk.fill(SAMSUNG, 71_300, 1)  # marketable: fills at once
    before = Counter(desk.sandbox.requests())
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: desk.window.positions.positions.rowCount() == 1, "the fill never showed")
    desk.until(lambda: desk.open_order_numbers() == [], "a filled order stayed")
    assert calls_since(desk, before)["ka10075"] >= 1


def test_an_order_whose_events_never_come_is_reconciled(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    monkeypatch.setattr(desk_module, "EVENT_WAIT_SECONDS", 0.2)
    desk.sandbox.stall_websockets(5.0)  # the socket stays open and says nothing
    desk.fill(SAMSUNG, 71_300, 1)
    before = Counter(desk.sandbox.requests())
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: calls_since(desk, before)["ka10075"] == 1, "no reconcile after the silence")
    desk.until(lambda: desk.window.positions.positions.rowCount() == 1, "the reconcile did not show the fill")
    assert desk.open_order_numbers() == []


def test_a_resting_sell_reads_back_the_shares_it_reserved(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 0, 10, trade_type="3")
    desk.until(
        lambda: desk.window.positions.positions.rowCount() == 1, "no position", action=desk.ticket.submitButton.click
    )
    totals = desk.window.positions.totalsLabel
    desk.until(lambda: "예수금 9,286,894" in totals.text(), "the buy's cash was never read")
    desk.fill(SAMSUNG, 80_000, 4, sell=True)  # far above the market: it rests
    desk.until(lambda: desk.ticket.availableLabel.text() == "매도가능수량: 10주", "no sellable shares shown")
    desk.until(lambda: desk.window.chart.series is not None, "the chart never loaded")  # its ka10080 is not the order's
    before = Counter(desk.sandbox.requests())
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.until(lambda: desk.ticket.availableLabel.text() == "매도가능수량: 6주", "the reserved shares not shown")
    assert calls_since(desk, before) == Counter({"kt10001": 1, "kt00018": 1})


def test_an_order_that_fills_at_once_says_so_whichever_answer_comes_first(desk: Desk) -> None:
    desk.until(lambda: connected(desk), "real-time never connected")
    desk.fill(SAMSUNG, 0, 5, trade_type="3")
    desk.until(
        lambda: desk.window.positions.positions.rowCount() == 1, "no fill", action=desk.ticket.submitButton.click
    )
    desk.until(lambda: not desk.ticket.busy, "the ticket stayed locked")
    assert desk.window.status.message.text().startswith("체결: 삼성전자 매수 5주 @ 71,300원")


def test_the_confirmation_names_amounts_in_won_and_nothing_is_sending_before_it(desk: Desk) -> None:
    from PySide6.QtWidgets import QLabel

    from kiwoom_desk.ui import dialogs
    from tests.window_support import modal

    desk.act(lambda: desk.window.menus.confirmAction.setChecked(True))
    desk.fill(SAMSUNG, 70_000, 3)
    dialog = desk.until(
        lambda: modal(dialogs.ConfirmOrderDialog, "confirmOrderDialog"),
        "no confirmation",
        action=desk.ticket.submitButton.click,
    )
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "70,000원" in texts and "3주" in texts and "210,031원" in texts
    assert not desk.ticket.submitButton.isEnabled() and desk.ticket.submitButton.text() == "매수 주문"
    desk.until(lambda: desk.open_order_numbers(), "not sent", action=dialog.sendButton.click)


def test_a_market_sell_is_confirmed_with_what_the_ticket_says_it_brings_in(desk: Desk) -> None:
    from PySide6.QtWidgets import QLabel

    from kiwoom_desk.ui import dialogs
    from tests.window_support import modal

    desk.fill(SAMSUNG, 0, 4, trade_type="3")  # a market buy: something to sell
    desk.until(
        lambda: desk.open_order_numbers() == [] and desk.ticket.busy is False,
        "no answer",
        action=desk.ticket.submitButton.click,
    )
    desk.until(lambda: any(p.quantity == 4 for p in desk.window.positions.positions.rows()), "no position")
    desk.act(lambda: desk.window.menus.confirmAction.setChecked(True))
    desk.fill(SAMSUNG, 0, 2, trade_type="3", sell=True)
    desk.until(lambda: desk.ticket.availableLabel.text() == "매도가능수량: 4주", "sellable not shown")
    estimate = desk.ticket.estimateLabel.text()  # 수수료·세금 뺀 예상 수령액: N원
    assert estimate.startswith("수수료·세금 뺀 예상 수령액: ") and not estimate.endswith(" 0원")
    dialog = desk.until(
        lambda: modal(dialogs.ConfirmOrderDialog, "confirmOrderDialog"),
        "no confirmation",
        action=desk.ticket.submitButton.click,
    )
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "수수료·세금 뺀 예상 수령액" in texts
    assert f"<b>{estimate.split(': ')[1]}</b>" in texts  # the same figure as the ticket, not 0
    desk.act(dialog.reject)
