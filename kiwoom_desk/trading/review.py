"""The review of a trading day, from the journal alone (so it works offline and for any earlier day): realized
P/L per stock, fees and tax, round trips and how many won, and the day's cumulative realized P/L over time.

The journal's 00 events are replayed from the environment's first one, so that shares bought on an earlier day
carry their cost into the day reviewed. One convention, the Sandbox's and ka10170's: a sale realizes its amount
less the average cost of the shares it sold and the fees of both legs (the buy commission those shares paid, the
sale's commission and tax). A 00 event carries an order's fees so far (FIDs 938/939): a fill's own fees are the
difference from the order's previous event. A round trip is a position that opens from flat and closes again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ReviewedFill:
    at: str  # when it filled, KST: the exchange's day and time where the journal says them, else when written
    time: str  # the exchange's HHMMSS
    order_no: str
    stock_code: str
    stock_name: str
    side: str  # "buy" or "sell"
    price: int
    quantity: int
    fees: int  # this fill's commission and tax (0 where the event did not say)
    realized: int | None  # a sale's realized P/L; None for a buy


@dataclass
class StockReview:
    stock_code: str
    stock_name: str = ""
    bought: int = 0
    sold: int = 0
    realized: int = 0
    fees: int = 0
    round_trips: int = 0
    wins: int = 0
    unknown_cost: bool = False  # a sale of shares bought before the journal began: its P/L is not counted


@dataclass
class DayReview:
    day: str  # YYYY-MM-DD, KST
    fills: list[ReviewedFill] = field(default_factory=list)
    stocks: dict[str, StockReview] = field(default_factory=dict)
    curve: list[tuple[str, int]] = field(default_factory=list)  # (KST timestamp, cumulative realized P/L)

    @property
    def realized(self) -> int:
        return sum(stock.realized for stock in self.stocks.values())

    @property
    def fees(self) -> int:
        return sum(stock.fees for stock in self.stocks.values())

    @property
    def round_trips(self) -> int:
        return sum(stock.round_trips for stock in self.stocks.values())

    @property
    def win_rate(self) -> float | None:
        """Won round trips over all of them; None on a day without one."""
        trips = self.round_trips
        return sum(stock.wins for stock in self.stocks.values()) / trips if trips else None


@dataclass
class _Holding:
    quantity: int = 0
    cost: int = 0  # what the shares held cost, buy commission included
    trip: int = 0  # the realized P/L of the round trip under way


CASH_LOT = ""  # a stock's cash shares; a credit lot is its loan date (YYYYMMDD), or CREDIT_LOT when not said
CREDIT_LOT = "credit"
HoldingKey = tuple[str, str]  # (stock code, lot)


class _Replay:
    """The account's positions as its fills move them, from the journal's first event: a stock's cash shares and
    each of its credit lots apart (a credit sale repays its lot, whose cost is not the cash shares')."""

    def __init__(self) -> None:
        self.holdings: dict[HoldingKey, _Holding] = {}
        self._fees_so_far: dict[str, int] = {}  # order number -> its fees at its last event

    def fees(self, entry: Mapping[str, Any]) -> int:
        """This event's own fees: the order's fees so far less what its earlier events said."""
        order_no = str(entry.get("order_no") or "")
        fees = (entry.get("commission") or 0) + (entry.get("tax") or 0)
        earlier = self._fees_so_far.get(order_no, 0)
        self._fees_so_far[order_no] = max(fees, earlier)
        return max(fees - earlier, 0)

    def keys(self, code: str, side: str, credit: str, loan_date: str, quantity: int) -> list[tuple[HoldingKey, int]]:
        """Where a fill's shares go or come from: the cash shares; a credit buy's lot; a credit sale's lot (33),
        or the stock's lots oldest first (99, or a lot not said)."""
        if not credit:
            return [((code, CASH_LOT), quantity)]
        if side == "buy" or loan_date:
            return [((code, loan_date or CREDIT_LOT), quantity)]
        lots = sorted(key for key, held in self.holdings.items() if key[0] == code and key[1] and held.quantity)
        taken, left = [], quantity
        for key in lots:
            part = min(left, self.holdings[key].quantity)
            taken.append((key, part))
            left -= part
            if not left:
                break
        return taken if not left else [((code, CREDIT_LOT), quantity)]  # more than the lots hold: not known

    def fill(self, key: HoldingKey, side: str, price: int, quantity: int, fees: int) -> tuple[int | None, bool]:
        """A fill: a sale's realized P/L (None for a buy, or for shares bought before the journal began, whose
        cost is not known), and whether a round trip closed with it."""
        holding = self.holdings.setdefault(key, _Holding())
        if side == "buy":
            holding.quantity += quantity
            holding.cost += price * quantity + fees
            return None, False
        if quantity > holding.quantity:  # nothing is invented for shares of unknown cost
            holding.quantity, holding.cost, holding.trip = 0, 0, 0
            return None, False
        cost = holding.cost * quantity // holding.quantity
        holding.quantity -= quantity
        holding.cost -= cost
        realized = price * quantity - cost - fees
        holding.trip += realized
        return realized, holding.quantity == 0


def entry_day(entry: Mapping[str, Any]) -> str:
    """The exchange's day of a journal entry, YYYY-MM-DD: its `day` where written, else the day it was written."""
    day = str(entry.get("day") or "")
    return f"{day[:4]}-{day[4:6]}-{day[6:]}" if len(day) == 8 else str(entry.get("at", ""))[:10]


def entry_moment(entry: Mapping[str, Any]) -> str:
    """When the fill happened by the exchange's clock (YYYY-MM-DDTHH:MM:SS, KST) where the entry says so (its day
    and 00's time), else when it was written."""
    time = str(entry.get("time") or "")
    if entry.get("day") and len(time) == 6 and time.isdigit():
        return f"{entry_day(entry)}T{time[:2]}:{time[2:4]}:{time[4:]}"
    return str(entry.get("at", ""))


def review_day(executions: Iterable[Mapping[str, Any]], day: str) -> DayReview:
    """`executions`: the environment's journal entries (oldest first); `day`: YYYY-MM-DD, the exchange's."""
    review = DayReview(day)
    replay = _Replay()
    for entry in executions:
        if entry_day(entry) > day:
            break  # the journal is in time order: nothing later changes the day reviewed
        fees = replay.fees(entry)
        quantity, price, side = entry.get("fill_quantity") or 0, entry.get("fill_price") or 0, entry.get("side")
        if not quantity or side not in ("buy", "sell"):
            continue
        code, credit = str(entry.get("stock_code") or ""), str(entry.get("credit") or "")
        parts = replay.keys(code, str(side), credit, str(entry.get("loan_date") or ""), quantity)
        realized: int | None = None if side == "buy" else 0
        closed = won = False
        charged = 0
        for number, (key, part) in enumerate(parts):  # a sale from several lots splits its fees by shares
            share = fees * part // quantity if number < len(parts) - 1 else fees - charged
            charged += share
            trip = replay.holdings.get(key, _Holding()).trip
            gained, ended = replay.fill(key, str(side), price, part, share)
            realized = None if realized is None or gained is None else realized + gained
            closed |= ended
            won |= ended and trip + (gained or 0) > 0
            if ended:
                replay.holdings[key].trip = 0
        if entry_day(entry) == day:
            _record(review, entry, str(side), fees, realized, won, closed)
    return review


def _record(
    review: DayReview, entry: Mapping[str, Any], side: str, fees: int, realized: int | None, won: bool, closed: bool
) -> None:
    code = str(entry.get("stock_code") or "")
    stock = review.stocks.setdefault(code, StockReview(code))
    stock.stock_name = str(entry.get("stock_name") or stock.stock_name)
    stock.fees += fees
    quantity, price = entry.get("fill_quantity") or 0, entry.get("fill_price") or 0
    if side == "buy":
        stock.bought += quantity
    else:
        stock.sold += quantity
        stock.unknown_cost |= realized is None
        if realized is not None:
            stock.realized += realized
            review.curve.append((entry_moment(entry), (review.curve[-1][1] if review.curve else 0) + realized))
    if closed:
        stock.round_trips += 1
        stock.wins += won
    time, order_no, name = (str(entry.get(key) or "") for key in ("time", "order_no", "stock_name"))
    review.fills.append(
        ReviewedFill(entry_moment(entry), time, order_no, code, name, side, price, quantity, fees, realized)
    )


@dataclass(frozen=True)
class CsvLabels:
    """The CSV's words; Korean unless the window passes its language's."""

    fills: tuple[str, ...] = (
        "체결시각(KST)",
        "주문번호",
        "종목코드",
        "종목명",
        "구분",
        "체결가",
        "체결수량",
        "수수료·세금",
        "실현손익",
    )
    stocks: tuple[str, ...] = (
        "종목코드",
        "종목명",
        "매수수량",
        "매도수량",
        "실현손익",
        "수수료·세금",
        "왕복거래",
        "이긴 거래",
    )
    buy: str = "매수"
    sell: str = "매도"
    total: str = "합계"


def _text(code: str) -> str:
    """A code Excel must not read as a number (005930 would show as 5930): ="005930" shows as 005930."""
    return f'="{code}"' if code.isdigit() else code


def review_csv(review: DayReview, labels: CsvLabels = CsvLabels()) -> bytes:
    """The day's fills and the per-stock summary, as Excel opens Korean text: UTF-8 with a BOM, plain numbers
    without thousands separators, KST date and time, stock codes and order numbers kept as text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(labels.fills)
    for fill in review.fills:
        side = labels.buy if fill.side == "buy" else labels.sell
        realized = "" if fill.realized is None else fill.realized
        at = fill.at[:19].replace("T", " ")  # KST, as Excel reads a date and time
        row = (at, _text(fill.order_no), _text(fill.stock_code), fill.stock_name, side, fill.price, fill.quantity)
        writer.writerow([*row, fill.fees, realized])
    writer.writerow([])
    writer.writerow(labels.stocks)
    for stock in sorted(review.stocks.values(), key=lambda s: s.stock_code):
        counts = (stock.bought, stock.sold, stock.realized, stock.fees, stock.round_trips, stock.wins)
        writer.writerow([_text(stock.stock_code), stock.stock_name, *counts])
    wins = sum(stock.wins for stock in review.stocks.values())
    writer.writerow([labels.total, "", "", "", review.realized, review.fees, review.round_trips, wins])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
