"""The one truth about open orders: REST snapshots (ka10075) merged into a ledger keyed by order number, with
the difference reported so that a table repaints only what changed. Real-time events join it in the
real-time issue."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kiwoom import OpenOrder
from ..kiwoom.realtime import OrderExecution

GONE = frozenset({"취소", "거부"})


@dataclass(frozen=True)
class LedgerChange:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


class OrderLedger:
    def __init__(self) -> None:
        self.orders: dict[str, OpenOrder] = {}
        self._sequence = 0  # counts real-time events
        self._touched: dict[str, int] = {}  # order number -> sequence of its latest real-time event

    def mark(self) -> int:
        """Taken before a REST snapshot is requested: events after it are newer than the snapshot."""
        return self._sequence

    def replace(self, snapshot: list[OpenOrder], since: int | None = None) -> LedgerChange:
        """Takes a full snapshot: orders missing from it were filled or cancelled and leave. An order a real-time
        event touched after `since` keeps what the event said: the snapshot was taken before it."""
        fresh = {order.order_no: order for order in snapshot if order.unfilled > 0}
        if since is not None:
            for number, sequence in self._touched.items():
                if sequence > since:
                    if number in self.orders:
                        fresh[number] = self.orders[number]
                    else:
                        fresh.pop(number, None)
        change = LedgerChange(
            added=[no for no in fresh if no not in self.orders],
            changed=[no for no, order in fresh.items() if no in self.orders and self.orders[no] != order],
            removed=[no for no in self.orders if no not in fresh],
        )
        self.orders = fresh
        return change

    def clear(self) -> LedgerChange:
        return self.replace([])

    def apply(self, event: OrderExecution) -> LedgerChange:
        """One 00 event: the order's row changes in place, or leaves when nothing is left unfilled."""
        number = event.order_no
        self._sequence += 1
        self._touched[number] = self._sequence
        if event.unfilled <= 0 or event.status in GONE:
            if self.orders.pop(number, None) is None:
                return LedgerChange()
            return LedgerChange(removed=[number])
        known = self.orders.get(number)
        row = OpenOrder.model_validate(
            {
                "ord_no": number,
                "stk_cd": event.stock_code,
                "stk_nm": event.stock_name or (known.stock_name if known else ""),
                "io_tp_nm": event.side_text or (known.side_text if known else ""),
                "trde_tp": event.trade_type_name or (known.trade_type_name if known else ""),
                "orig_ord_no": event.orig_order_no,
                "ord_stt": event.status,
                "ord_qty": str(event.quantity),
                "ord_pric": str(event.price),
                "oso_qty": str(event.unfilled),
                "cntr_qty": str(event.filled_quantity),
                "cntr_tot_amt": str(event.filled_amount),
                "tm": (known.time if known else "") or event.time,
                "cur_prc": str(event.current_price),
                "stex_tp_txt": known.venue if known else "KRX",
            }
        )
        self.orders[number] = row
        return LedgerChange(changed=[number]) if known is not None else LedgerChange(added=[number])
