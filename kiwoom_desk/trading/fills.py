"""Today's fills, one row per order as ka10076 gives them: the average price, the quantity filled so far, the
order's fees and tax so far, and the time of its last fill. A REST read replaces them; each 00 fill event moves
its order's row, so the list stays live between reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..kiwoom.codes import Side
from ..kiwoom.events import OrderExecution

if TYPE_CHECKING:  # the window names these rows before any session (and pydantic) is loaded
    from ..kiwoom import FilledOrder


@dataclass(frozen=True)
class FillRow:
    order_no: str
    stock_code: str
    stock_name: str
    side: Side | None
    price: int  # the average of the order's fills
    quantity: int  # filled so far
    fees: int | None  # commission and tax so far; None while not known
    time: str  # HHMMSS of the last fill


def _fees(commission: int | None, tax: int | None) -> int | None:
    return None if commission is None and tax is None else (commission or 0) + (tax or 0)


class TodaysFills:
    def __init__(self) -> None:
        self.rows: dict[str, FillRow] = {}

    def replace(self, filled: list[FilledOrder]) -> list[FillRow]:
        """A REST read of today's filled orders; returns every row now known."""
        self.rows = {
            order.order_no: FillRow(
                order.order_no,
                order.stock_code,
                order.stock_name,
                order.side,
                order.fill_price,
                order.filled_quantity or 0,
                _fees(order.commission, order.tax),
                order.time,
            )
            for order in filled
            if order.filled_quantity
        }
        return list(self.rows.values())

    def apply(self, event: OrderExecution) -> FillRow | None:
        """A 00 event; the order's row as it now stands when the event was a fill, else None."""
        if not event.fill_quantity or event.fill_price is None:
            return None
        known = self.rows.get(event.order_no)
        quantity = event.filled_quantity or (known.quantity if known else 0) + event.fill_quantity
        if event.filled_amount and quantity:
            price = round(event.filled_amount / quantity)
        elif known is not None and known.quantity:
            price = round((known.price * known.quantity + event.fill_price * event.fill_quantity) / quantity)
        else:
            price = event.fill_price
        fees = _fees(event.order_commission, event.order_tax)
        row = FillRow(
            event.order_no,
            event.stock_code,
            event.stock_name or (known.stock_name if known else ""),
            event.side,
            price,
            quantity,
            fees if fees is not None else (known.fees if known else None),
            event.time,
        )
        self.rows[event.order_no] = row
        return row

    def clear(self) -> None:
        self.rows = {}
