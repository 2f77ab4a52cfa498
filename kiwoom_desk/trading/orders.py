"""The one truth about open orders: REST snapshots (ka10075) merged into a ledger keyed by order number, with
the difference reported so that a table repaints only what changed. Real-time events join it in the
real-time issue."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kiwoom import OpenOrder


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

    def replace(self, snapshot: list[OpenOrder]) -> LedgerChange:
        """Takes a full snapshot: orders missing from it were filled or cancelled and leave."""
        fresh = {order.order_no: order for order in snapshot if order.unfilled > 0}
        change = LedgerChange(
            added=[no for no in fresh if no not in self.orders],
            changed=[no for no, order in fresh.items() if no in self.orders and self.orders[no] != order],
            removed=[no for no in self.orders if no not in fresh],
        )
        self.orders = fresh
        return change

    def clear(self) -> LedgerChange:
        return self.replace([])
