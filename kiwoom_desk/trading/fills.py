"""Today's fills, one row per order as ka10076 gives them: the average price, the quantity filled so far, the
order's fees and tax so far, and the time of its last fill. A REST read replaces them; each 00 fill event moves
its order's row, so the list stays live between reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ..kiwoom.codes import Side
from ..kiwoom.events import OrderExecution
from .orders import credit_event
from .sessions import kst_day

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
    on_credit: bool = False  # a 신용 order's fills


class FillMark(NamedTuple):
    """One fill as the chart marks it: a buy ▲ or a sell ▼ at its price and time (light: a busy day keeps
    thousands)."""

    order_no: str
    buy: bool
    price: int
    quantity: int
    time: str  # HHMMSS, KST
    day: str  # YYYYMMDD, KST: an app left open past midnight does not put yesterday's fills on today's candles


def _fees(commission: int | None, tax: int | None) -> int | None:
    return None if commission is None and tax is None else (commission or 0) + (tax or 0)


class TodaysFills:
    def __init__(self, day: Callable[[], str] = kst_day) -> None:
        """`day`: the exchange's day, YYYYMMDD (the Sandbox's own on its KRX day), for the marks' candles."""
        self._day = day
        self.rows: dict[str, FillRow] = {}
        self._seen: dict[str, list[FillMark]] = {}  # stock code -> each fill seen today, in the order seen
        self._unseen: dict[str, list[FillMark]] = {}  # stock code -> orders filled while no one was looking
        self.version = 0  # moves when the marks change other than by one more fill at the end

    def remember(self, executions: Iterable[Mapping[str, Any]]) -> None:
        """Today's fills from the journal (its 00 events), so the chart marks those made before this session."""
        self._seen = {}
        for entry in executions:
            side = {"buy": Side.BUY, "sell": Side.SELL}.get(str(entry.get("side")))
            quantity, price = entry.get("fill_quantity") or 0, entry.get("fill_price") or 0
            if side is not None and quantity > 0 and price > 0:
                number, time = str(entry.get("order_no") or ""), str(entry.get("time") or "")
                day = str(entry.get("at") or "")[:10].replace("-", "") or self._day()
                mark = FillMark(number, side is Side.BUY, price, quantity, time, day)
                self._seen.setdefault(str(entry.get("stock_code") or ""), []).append(mark)
        self._mark_unseen()

    def marks(self, code: str) -> list[FillMark]:
        """Every fill of `code` today: for an order whose fills were not seen (made while the app was closed and
        not journalled) one mark at its average price and last fill time, then each fill seen, in that order: a
        new fill is the last mark until `version` moves."""
        return self._unseen.get(code, []) + self._seen.get(code, [])

    def _mark_unseen(self) -> None:
        seen = {mark.order_no for marks in self._seen.values() for mark in marks}
        self._unseen, today = {}, self._day()  # ka10076 rows are today's
        for row in self.rows.values():
            if row.order_no not in seen and row.side is not None and row.quantity:
                mark = FillMark(row.order_no, row.side is Side.BUY, row.price, row.quantity, row.time, today)
                self._unseen.setdefault(row.stock_code, []).append(mark)
        self.version += 1

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
                order.on_credit,
            )
            for order in filled
            if order.filled_quantity
        }
        self._mark_unseen()
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
            credit_event(event) or (known is not None and known.on_credit),
        )
        self.rows[event.order_no] = row
        if event.side is not None:
            buy = event.side is Side.BUY
            mark = FillMark(event.order_no, buy, event.fill_price, event.fill_quantity, event.time, self._day())
            self._seen.setdefault(event.stock_code, []).append(mark)
        return row

    def clear(self) -> None:
        self.rows = {}
        self._seen, self._unseen = {}, {}
        self.version += 1
