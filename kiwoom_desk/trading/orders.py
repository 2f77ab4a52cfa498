"""The one truth about today's orders: acknowledgements, real-time 00 events and REST snapshots (ka10075) merged
into a ledger keyed by order number, reporting what changed so that a table repaints only those rows.

Modelled on an order state machine: one transition table (state × event -> state). An event that does not fit
the order's state (a fill after a cancel, a fill count going backwards) is not applied: it is logged and the
ledger asks for a REST reconcile. "Fate unknown" is a state like the others, left only by what the exchange says.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from ..kiwoom import CreditType, OrderStatus, Side, TradeType
from ..kiwoom.events import OrderExecution
from .freshness import keep_newer, newer_than

if TYPE_CHECKING:  # the wire models (pydantic) load with the client, after the window is shown
    from ..kiwoom import OpenOrder

log = logging.getLogger(__name__)


class OrderState(StrEnum):
    WORKING = "working"  # on the book with a remainder
    UNKNOWN = "unknown"  # an action on it may or may not have reached the exchange: REST will tell
    FILLED = "filled"
    CLOSED = "closed"  # cancelled, its remainder moved to a modified order, or an amendment's own number
    REJECTED = "rejected"


class OrderEvent(StrEnum):
    ACKNOWLEDGED = "acknowledged"  # the REST answer to our order: the exchange has it
    WORKING = "working"  # a 00 event that leaves a remainder (접수, a partial 체결, 확인)
    FILLED = "filled"  # 체결 with nothing left
    CLOSED = "closed"  # 취소; 확인 or 접수 with nothing left
    REJECTED = "rejected"  # 거부
    UNKNOWN = "unknown"  # a modify or cancel of it has an unknown fate


_S, _E = OrderState, OrderEvent
_ENDS = {_E.FILLED: _S.FILLED, _E.CLOSED: _S.CLOSED, _E.REJECTED: _S.REJECTED}
# None: the ledger has not seen the order (events may come before our acknowledgement, or for a new modify).
TRANSITIONS: dict[tuple[OrderState | None, OrderEvent], OrderState] = {
    (None, _E.ACKNOWLEDGED): _S.WORKING,
    (None, _E.WORKING): _S.WORKING,
    **{(None, event): end for event, end in _ENDS.items()},
    (_S.WORKING, _E.ACKNOWLEDGED): _S.WORKING,  # the events came first; they stand
    (_S.WORKING, _E.WORKING): _S.WORKING,
    **{(_S.WORKING, event): end for event, end in _ENDS.items()},
    (_S.WORKING, _E.UNKNOWN): _S.UNKNOWN,
    (_S.UNKNOWN, _E.WORKING): _S.WORKING,
    **{(_S.UNKNOWN, event): end for event, end in _ENDS.items()},
    (_S.UNKNOWN, _E.UNKNOWN): _S.UNKNOWN,
    **{(end, _E.ACKNOWLEDGED): end for end in _ENDS.values()},  # the answer came after the last event
}
SHOWN = frozenset({OrderState.WORKING, OrderState.UNKNOWN})  # what the open-orders table lists


def event_of(execution: OrderExecution) -> OrderEvent:
    if execution.status is OrderStatus.REJECTED:
        return OrderEvent.REJECTED
    if execution.status is OrderStatus.CANCELLED:  # 취소 ends the order, whatever 902 still says
        return OrderEvent.CLOSED
    if execution.unfilled > 0:
        return OrderEvent.WORKING
    return OrderEvent.FILLED if execution.status is OrderStatus.FILLED else OrderEvent.CLOSED


@dataclass(frozen=True)
class Order:
    """A working order as the trader sees it: numbers are ints, the side is typed, no wire names."""

    order_no: str
    stock_code: str
    stock_name: str
    side: Side | None
    trade_type_name: str
    status: OrderStatus | None  # the exchange's last word
    quantity: int
    price: int
    unfilled: int
    filled_quantity: int | None = 0  # None: a snapshot that did not say
    filled_amount: int | None = None
    time: str = ""  # HHMMSS
    current_price: int | None = None
    venue: str = ""
    orig_order_no: str = ""
    trade_type: TradeType | None = None  # known for our own acknowledged orders; the server names the others
    state: OrderState = OrderState.WORKING
    on_credit: bool = False  # a 신용 order: modified and cancelled by kt10008/kt10009, never kt10002/kt10003
    loan_date: str = ""  # a credit sell of one lot: that loan's date (00 FID 923 with 922 33, or the ticket's)

    @classmethod
    def from_open_order(cls, row: OpenOrder) -> Order:
        return cls(
            order_no=row.order_no,
            stock_code=row.stock_code,
            stock_name=row.stock_name,
            side=row.side,
            trade_type_name=row.trade_type_name,
            status=row.status,
            quantity=row.quantity,
            price=row.price,
            unfilled=row.unfilled,
            filled_quantity=row.filled_quantity,
            filled_amount=row.filled_amount,
            time=row.time,
            current_price=row.current_price,
            venue=row.venue,
            orig_order_no=row.orig_order_no,
            trade_type=TradeType.from_name(row.trade_type_name),
            on_credit=row.on_credit,
        )

    @classmethod
    def from_execution(cls, event: OrderExecution, known: Order | None) -> Order:
        """The event's fields; what a 00 event does not carry (the venue, the first time) is kept."""
        return cls(
            order_no=event.order_no,
            stock_code=event.stock_code,
            stock_name=event.stock_name or (known.stock_name if known else ""),
            side=event.side or (known.side if known else None),
            trade_type_name=event.trade_type_name or (known.trade_type_name if known else ""),
            status=event.status,
            quantity=event.quantity,
            price=event.price,
            unfilled=event.unfilled,
            filled_quantity=event.filled_quantity,
            filled_amount=event.filled_amount,
            time=(known.time if known else "") or event.time,
            current_price=event.current_price,
            venue=(known.venue if known else "") or event.venue,
            orig_order_no=event.orig_order_no,
            trade_type=(known.trade_type if known else None) or TradeType.from_name(event.trade_type_name),
            on_credit=credit_event(event) or (known is not None and known.on_credit),
            loan_date=_lot_sold(event) or (known.loan_date if known else ""),
        )


def _lot_sold(event: OrderExecution) -> str:
    """The loan a credit sell of one lot (922 33) repays, by its date (923); "" for any other order."""
    return event.loan_date if event.credit_type is CreditType.OWN_LOAN_REPAY else ""


def credit_event(event: OrderExecution) -> bool:
    """A 00 event of a credit order: FID 922 names a credit kind, or its side text (905) says 신용."""
    return (event.credit_type is not None and event.credit_type.is_credit) or "신용" in event.side_text


@dataclass(frozen=True)
class LedgerChange:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rows: dict[str, Order] = field(default_factory=dict)  # the added and changed orders, by number
    reconcile: bool = False  # something did not fit: read the truth over REST

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @property
    def upserted(self) -> list[Order]:
        return [self.rows[number] for number in (*self.added, *self.changed)]


class OrderLedger:
    def __init__(self) -> None:
        self.orders: dict[str, Order] = {}  # the shown ones: working, or of unknown fate
        self._states: dict[str, OrderState] = {}  # every order heard of since the last snapshot
        self._sequence = 0  # counts what changes an order: real-time events, acknowledgements, doubts
        self._touched: dict[str, int] = {}  # order number -> sequence of its latest real-time event
        self._changed: dict[str, int] = {}  # order number -> sequence of its latest change of any kind

    def mark(self) -> int:
        """Taken before a REST snapshot is requested: events after it are newer than the snapshot."""
        return self._sequence

    def state(self, number: str) -> OrderState | None:
        return self._states.get(number)

    def heard_since(self, number: str, since: int) -> bool:
        """Whether a real-time event about this order arrived after `since` (a `mark()`)."""
        return self._touched.get(number, 0) > since

    def replace(self, snapshot: list[OpenOrder], since: int | None = None) -> LedgerChange:
        """Takes a full snapshot: orders missing from it were filled or cancelled and leave. An order a real-time
        event touched after `since` keeps what the event said: the snapshot was taken before it."""
        fresh = {row.order_no: Order.from_open_order(row) for row in snapshot if row.unfilled > 0}
        for number, order in fresh.items():  # ka10075 names no loan: a credit sell keeps the one it was sent with
            if number in self.orders and self.orders[number].loan_date:
                fresh[number] = replace(order, loan_date=self.orders[number].loan_date)
        newer = [number for number in newer_than(self._changed, since) if number in self._states]
        states = keep_newer(dict.fromkeys(fresh, OrderState.WORKING), self._states, newer)
        fresh = keep_newer(fresh, self.orders, newer)
        self._states = states
        return self._show(fresh)

    def clear(self) -> LedgerChange:
        self._touched.clear()
        self._changed.clear()
        return self.replace([])

    def apply(self, event: OrderExecution) -> LedgerChange:
        """One 00 event: the order's row changes in place, or leaves when nothing is left of it."""
        number = event.order_no
        self._sequence += 1
        known = self.orders.get(number)
        stale = known is not None and event.filled_quantity < (known.filled_quantity or 0)
        if stale and event_of(event) is OrderEvent.WORKING:  # an older event overtaken by a newer one
            log.warning("order %s: a 00 event with fewer fills than known, not applied", number)
            return LedgerChange(reconcile=True)
        state = self._move(number, event_of(event))
        if state is None:
            return LedgerChange(reconcile=True)
        self._touched[number] = self._changed[number] = self._sequence
        return self._put(Order.from_execution(event, known), state)

    def acknowledge(self, order: Order) -> LedgerChange:
        """Our order was accepted. If its events came first they stand, and only what they do not carry (the
        type we chose, the venue we sent to) is added; otherwise this is its row. Either way a snapshot requested
        before now does not remove it."""
        state = self._move(order.order_no, OrderEvent.ACKNOWLEDGED)
        if state is None:
            return LedgerChange()
        self._stamp(order.order_no)
        known = self.orders.get(order.order_no)
        if known is None:
            return self._put(order, state) if state in SHOWN else LedgerChange()
        merged = replace(
            known,
            trade_type=order.trade_type,
            venue=known.venue or order.venue,
            on_credit=known.on_credit or order.on_credit,
            loan_date=known.loan_date or order.loan_date,
        )
        return self._put(merged, known.state) if merged != known else LedgerChange()

    def doubt(self, number: str) -> LedgerChange:
        """A modify or cancel of this order has an unknown fate: it shows as such until REST says."""
        known = self.orders.get(number)
        state = self._move(number, OrderEvent.UNKNOWN) if known is not None else None
        if known is None or state is None:
            return LedgerChange()
        self._stamp(number)
        return self._put(replace(known, state=state), state)

    def _stamp(self, number: str) -> None:
        self._sequence += 1
        self._changed[number] = self._sequence

    def _move(self, number: str, event: OrderEvent) -> OrderState | None:
        current = self._states.get(number)
        target = TRANSITIONS.get((current, event))
        if target is None:
            log.warning("order %s: %s does not fit state %s, not applied", number, event.value, current)
            return None
        self._states[number] = target
        return target

    def _put(self, order: Order, state: OrderState) -> LedgerChange:
        number = order.order_no
        if state not in SHOWN:
            if self.orders.pop(number, None) is None:
                return LedgerChange()
            return LedgerChange(removed=[number])
        row = replace(order, state=state)
        known = number in self.orders
        self.orders[number] = row
        return (
            LedgerChange(changed=[number], rows={number: row}) if known else LedgerChange([number], rows={number: row})
        )

    def _show(self, fresh: dict[str, Order]) -> LedgerChange:
        change = LedgerChange(
            added=[no for no in fresh if no not in self.orders],
            changed=[no for no, order in fresh.items() if no in self.orders and self.orders[no] != order],
            removed=[no for no in self.orders if no not in fresh],
            rows=dict(fresh),
        )
        self.orders = fresh
        return change
