"""The trader's watchlists (관심종목) of one environment: several named lists in the trader's order, the current one
shown; and each stock's row, first from a ka10095 snapshot, then moved by its trades (0B)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ..kiwoom.events import Trade
from ..storage.watchlists import DEFAULT_NAME, Watchlist

if TYPE_CHECKING:  # the window names these rows before any session (and pydantic) is loaded
    from ..kiwoom import WatchedStock


@dataclass(frozen=True)
class WatchRow:
    code: str
    name: str = ""
    price: int | None = None  # None until a quote says
    change: int | None = None  # against the day's base price
    rate: Decimal | None = None  # %
    volume: int | None = None  # the day's, shares
    high: int | None = None
    low: int | None = None
    base: int | None = None
    position: int = 0  # its place in the list (the table's order until the trader sorts by another column)


def row_from_quote(quote: WatchedStock, position: int) -> WatchRow:
    return WatchRow(
        quote.code,
        quote.name,
        quote.current_price,
        quote.change,
        quote.change_rate,
        quote.volume,
        quote.high,
        quote.low,
        quote.base_price,
        position,
    )


def row_after_trade(row: WatchRow, trade: Trade) -> WatchRow:
    """A trade of the row's stock: its price, change and rate as the trade says them, the day's range widened."""
    high = trade.price if row.high is None else max(row.high, trade.price)
    low = trade.price if row.low is None else min(row.low, trade.price)
    change = trade.change if trade.change is not None else (trade.price - row.base if row.base else row.change)
    rate = trade.change_rate if trade.change_rate is not None else row.rate
    volume = trade.volume if trade.volume is not None else row.volume
    return replace(row, price=trade.price, change=change, rate=rate, volume=volume, high=high, low=low)


class Watchlists:
    """The lists of one environment. Codes are 6-character KRX codes, each at most once in a list."""

    def __init__(self, lists: list[Watchlist]) -> None:
        self.lists = lists or [Watchlist(DEFAULT_NAME)]
        self.current = 0

    @property
    def shown(self) -> Watchlist:
        return self.lists[self.current]

    def add(self, code: str) -> bool:
        """Adds `code` at the end of the shown list; False when it is there already."""
        if code in self.shown.codes:
            return False
        self.shown.codes.append(code)
        return True

    def remove(self, code: str) -> bool:
        if code not in self.shown.codes:
            return False
        self.shown.codes.remove(code)
        return True

    def move(self, code: str, offset: int) -> bool:
        """Moves `code` up (negative) or down the shown list; False at an end."""
        codes = self.shown.codes
        if code not in codes:
            return False
        at = codes.index(code)
        to = at + offset
        if not 0 <= to < len(codes):
            return False
        codes.insert(to, codes.pop(at))
        return True

    def new(self, name: str) -> None:
        """A new empty list, shown."""
        self.lists.append(Watchlist(name))
        self.current = len(self.lists) - 1

    def merge(self, name: str, codes: list[str]) -> None:
        """An imported group: into the list of that name (its new codes at the end), or a new list."""
        target = next((watchlist for watchlist in self.lists if watchlist.name == name), None)
        if target is None:
            self.lists.append(Watchlist(name, list(dict.fromkeys(codes))))
            return
        target.codes += [code for code in dict.fromkeys(codes) if code not in target.codes]

    def delete_shown(self) -> bool:
        """Deletes the shown list; the last list stays (emptied) so there is always one."""
        if len(self.lists) == 1:
            self.shown.codes.clear()
            return False
        del self.lists[self.current]
        self.current = min(self.current, len(self.lists) - 1)
        return True
