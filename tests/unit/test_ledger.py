"""The order ledger: real-time events change one order; a REST snapshot older than an event does not undo it."""

from __future__ import annotations

from kiwoom_desk.kiwoom import OpenOrder, OrderStatus, Side, TradeType
from kiwoom_desk.kiwoom.events import OrderExecution
from kiwoom_desk.trading.orders import TRANSITIONS, Order, OrderEvent, OrderLedger, OrderState


def row(number: str, unfilled: int) -> OpenOrder:
    return OpenOrder.model_validate(
        {"ord_no": number, "stk_cd": "005930", "ord_qty": "10", "ord_pric": "70000", "oso_qty": str(unfilled)}
    )


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


def test_the_acknowledgement_records_the_order_unless_its_events_came_first() -> None:
    ledger = OrderLedger()
    ours = Order("0000007", "005930", "삼성전자", Side.BUY, "", OrderStatus.ACCEPTED, 10, 70_000, 10)
    assert ledger.acknowledge(ours).added == ["0000007"] and ledger.orders["0000007"].unfilled == 10
    assert ledger.apply(event("0000007", 0)).removed == ["0000007"]  # filled at once: the row leaves

    raced = OrderLedger()
    raced.apply(event("0000008", 0))  # the fill arrived before our answer...
    late = Order("0000008", "005930", "삼성전자", Side.BUY, "", OrderStatus.ACCEPTED, 10, 70_000, 10)
    assert not raced.acknowledge(late) and "0000008" not in raced.orders  # ...and the answer does not revive it


def test_an_event_that_does_not_fit_is_not_applied_and_asks_for_a_reconcile() -> None:
    ledger = OrderLedger()
    ledger.replace([row("0000001", 10)])
    ledger.apply(event("0000001", 10, OrderStatus.CANCELLED))
    change = ledger.apply(event("0000001", 4))  # a fill after the cancel
    assert change.reconcile and not change and "0000001" not in ledger.orders
    assert ledger.state("0000001") is OrderState.CLOSED

    ledger.replace([row("0000002", 10)])
    ledger.apply(event("0000002", 3))  # 7 filled
    older = ledger.apply(event("0000002", 6))  # an older event with 4 filled arrives late
    assert older.reconcile and ledger.orders["0000002"].unfilled == 3


def test_a_doubtful_order_shows_as_unknown_until_rest_or_an_event_says() -> None:
    ledger = OrderLedger()
    ledger.replace([row("0000001", 10), row("0000002", 10)])
    assert ledger.doubt("0000001").changed == ["0000001"]
    assert ledger.orders["0000001"].state is OrderState.UNKNOWN
    ledger.apply(event("0000001", 10, OrderStatus.CANCELLED))  # the cancel did arrive
    assert "0000001" not in ledger.orders
    ledger.doubt("0000002")
    ledger.replace([row("0000002", 10)], ledger.mark())  # REST: still working
    assert ledger.orders["0000002"].state is OrderState.WORKING


def test_a_finished_order_takes_nothing_but_a_late_acknowledgement() -> None:
    terminal = {OrderState.FILLED, OrderState.CLOSED, OrderState.REJECTED}
    for end in terminal:
        assert {event for (state, event) in TRANSITIONS if state is end} == {OrderEvent.ACKNOWLEDGED}
        assert TRANSITIONS[(end, OrderEvent.ACKNOWLEDGED)] is end
    assert TRANSITIONS[(None, OrderEvent.ACKNOWLEDGED)] is OrderState.WORKING
    assert (None, OrderEvent.UNKNOWN) not in TRANSITIONS  # doubt needs an order to doubt


def test_a_snapshot_requested_before_the_acknowledgement_does_not_remove_the_order() -> None:
    ledger = OrderLedger()
    since = ledger.mark()  # a refresh goes out (say, for an earlier order)...
    ours = Order("0000009", "005930", "삼성전자", Side.BUY, "", OrderStatus.ACCEPTED, 5, 70_000, 5)
    ledger.acknowledge(ours)  # ...our next order is accepted while it is on the wire...
    ledger.replace([], since)  # ...and its answer, taken before, knows nothing of it
    assert "0000009" in ledger.orders
    ledger.replace([], ledger.mark())  # a snapshot taken after it is believed: the order is gone
    assert "0000009" not in ledger.orders


def test_an_acknowledgement_after_the_events_adds_what_they_do_not_carry() -> None:
    ledger = OrderLedger()
    ledger.apply(event("0000010", 10, OrderStatus.ACCEPTED))  # 접수 first, without a venue
    ours = Order(
        "0000010",
        "005930",
        "삼성전자",
        Side.BUY,
        "",
        OrderStatus.ACCEPTED,
        10,
        70_000,
        10,
        venue="NXT",
        trade_type=TradeType.LIMIT_IOC,
    )
    assert ledger.acknowledge(ours).changed == ["0000010"]
    row = ledger.orders["0000010"]
    assert (row.venue, row.trade_type, row.trade_type_name, row.status) == (
        "NXT",
        TradeType.LIMIT_IOC,
        "보통",
        OrderStatus.ACCEPTED,
    )
