"""The order ledger: real-time events change one order; a REST snapshot older than an event does not undo it."""

from __future__ import annotations

from kiwoom_desk.kiwoom import OpenOrder, OrderStatus
from kiwoom_desk.kiwoom.realtime import OrderExecution
from kiwoom_desk.trading.orders import OrderLedger


def row(number: str, unfilled: int) -> OpenOrder:
    return OpenOrder.model_validate({"ord_no": number, "stk_cd": "005930", "ord_qty": "10", "oso_qty": str(unfilled)})


def event(number: str, unfilled: int, status: OrderStatus = OrderStatus.FILLED) -> OrderExecution:
    return OrderExecution(
        number,
        "0000000",
        "005930",
        "삼성전자",
        status,
        None,
        "+매수",
        "보통",
        10,
        70_000,
        unfilled,
        0,
        10 - unfilled,
        "100000",
    )


def test_events_change_rows_and_remove_finished_orders() -> None:
    ledger = OrderLedger()
    assert ledger.replace([row("0000001", 10), row("0000002", 10)]).added == ["0000001", "0000002"]
    change = ledger.apply(event("0000001", 4))
    assert change.changed == ["0000001"] and ledger.orders["0000001"].unfilled == 4
    assert ledger.apply(event("0000002", 10, OrderStatus.CANCELLED)).removed == ["0000002"]
    assert ledger.apply(event("0000003", 0, OrderStatus.CONFIRMED)).removed == []  # a cancel order's own confirmation


def test_a_snapshot_taken_before_an_event_does_not_undo_it() -> None:
    ledger = OrderLedger()
    ledger.replace([row("0000001", 10), row("0000002", 10)])
    since = ledger.mark()  # a refresh is requested...
    ledger.apply(event("0000001", 0, OrderStatus.CANCELLED))  # ...then the cancel arrives in real time...
    ledger.apply(event("0000002", 3))
    change = ledger.replace([row("0000001", 10), row("0000002", 10)], since)  # ...then the stale snapshot
    assert "0000001" not in ledger.orders and ledger.orders["0000002"].unfilled == 3
    assert change.added == [] and change.changed == []
    later = ledger.replace([row("0000002", 1)], ledger.mark())  # a snapshot after the events is believed
    assert later.changed == ["0000002"] and ledger.orders["0000002"].unfilled == 1
