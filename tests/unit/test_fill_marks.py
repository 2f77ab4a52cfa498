"""The chart's fill marks (#10): today's fills from the journal, from live 00 events, and one mark per ka10076
order whose fills were never seen; each with its day, so a night does not move yesterday's onto today."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiwoom_desk.kiwoom import FilledOrder, OrderStatus, Side
from kiwoom_desk.kiwoom.events import OrderExecution
from kiwoom_desk.trading.fills import FillMark, TodaysFills
from kiwoom_desk.trading.sessions import KST


def today() -> str:
    return datetime.now(KST).strftime("%Y%m%d")


def fill_event(number: str, quantity: int, price: int, side: Side = Side.BUY) -> OrderExecution:
    return OrderExecution(
        number, "", "005930", "삼성전자", OrderStatus.FILLED, side, "+매수", "보통", 10, price, 10 - quantity,
        price * quantity, quantity, "093000", price, quantity,
    )  # fmt: skip


def filled(number: str, quantity: int, price: int) -> FilledOrder:
    return FilledOrder.model_validate(
        {"ord_no": number, "stk_cd": "005930", "io_tp_nm": "-매도", "ord_qty": "10", "ord_pric": str(price),
         "oso_qty": "0", "cntr_qty": str(quantity), "cntr_pric": str(price), "ord_tm": "101500"}
    )  # fmt: skip


def test_marks_come_from_the_journal_then_live_events_each_with_its_day() -> None:
    fills = TodaysFills()
    journal: list[dict[str, Any]] = [
        {"at": "2026-11-25T09:01:02.000+09:00", "order_no": "0000001", "stock_code": "005930", "side": "buy",
         "fill_price": 70_000, "fill_quantity": 3, "time": "090102"},
        {"at": "2026-11-25T09:01:03.000+09:00", "order_no": "0000002", "stock_code": "000660", "side": "sell",
         "fill_price": 190_000, "fill_quantity": 1, "time": "090103"},
        {"at": "2026-11-25T09:01:04.000+09:00", "order_no": "0000003", "stock_code": "005930", "side": "buy",
         "status": "접수", "fill_price": None, "fill_quantity": None, "time": "090104"},  # not a fill
    ]  # fmt: skip
    fills.remember(journal)
    assert fills.marks("005930") == [FillMark("0000001", True, 70_000, 3, "090102", "20261125")]
    version = fills.version
    fills.apply(fill_event("0000004", 2, 70_100))
    assert fills.marks("005930")[-1] == FillMark("0000004", True, 70_100, 2, "093000", today())
    assert fills.version == version  # one more fill at the end: the chart adds it, it does not start over


def test_an_order_filled_while_the_app_was_closed_gets_one_mark_at_its_average() -> None:
    fills = TodaysFills()
    fills.remember(
        [{"at": "2026-11-25T09:01:02+09:00", "order_no": "0000001", "stock_code": "005930", "side": "buy",
          "fill_price": 70_000, "fill_quantity": 3, "time": "090102"}]
    )  # fmt: skip
    version = fills.version
    fills.replace([filled("0000001", 3, 70_000), filled("0000009", 4, 71_000)])  # ka10076: one seen, one not
    assert fills.version > version  # the list changed other than at its end
    marks = fills.marks("005930")
    assert marks[0] == FillMark("0000009", False, 71_000, 4, "101500", today())  # the unseen one, first
    assert [mark.order_no for mark in marks] == ["0000009", "0000001"]  # the seen one once, not twice
