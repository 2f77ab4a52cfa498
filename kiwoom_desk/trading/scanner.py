"""What to trade, as plain data: rankings, condition-search results and investor flows (kiwoom-api-market.md
§1–3). The desk asks the client; this module says which TR each view needs, turns the answers into rows, and
keeps the panels' automatic refreshes inside a budget that never makes an order wait.

The budget: an automatic refresh goes only when the client's rate limiter has a request to spare beyond it (so
an order that comes next goes at once), never more often than the environment's floor, and never while the
previous one is on the wire. A refresh the trader asks for goes at once, like any query.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from ..environments import Environment
from ..kiwoom.market_codes import AmountOrQuantity, ChangeSort, Investor, RankMarket, SurgeBasis, SurgeSort

if TYPE_CHECKING:  # the protocol stack loads with the session
    from ..kiwoom import KiwoomClient, WatchedStock
    from ..kiwoom.conditions import ConditionMatch
    from ..kiwoom.market_models import InvestorDay, InvestorMinute, NetTradeLeader, RankedStock

FLOW_DAYS = 20  # ka10059 rows the investor table shows
QUOTED_ROWS = 20  # ka90009 rows that get a price (one ka10095 request)
AUTO_FLOOR_SECONDS = {Environment.SANDBOX: 2.0, Environment.MOCK: 10.0, Environment.REAL: 5.0}


class RankingKind(StrEnum):
    """The rankings the panel offers, each one TR (and, for ka90009, one of its four lists)."""

    VALUE = "value"  # 거래대금 ka10032
    VOLUME = "volume"  # 거래량 ka10030
    RISERS = "risers"  # 상승률 ka10027
    FALLERS = "fallers"  # 하락률 ka10027
    SURGE = "surge"  # 거래량 급증 ka10023, against the previous day
    FOREIGN = "foreign"  # 외국인 순매수 ka90009
    INSTITUTIONS = "institutions"  # 기관 순매수 ka90009

    @property
    def api_ids(self) -> tuple[str, ...]:
        """What one read of it sends (ka90009's lists name stocks only: their quotes come from one ka10095)."""
        return RANKING_API_IDS[self]

    @property
    def net_buying(self) -> bool:
        return self in (RankingKind.FOREIGN, RankingKind.INSTITUTIONS)


RANKING_API_IDS = {
    RankingKind.VALUE: ("ka10032",),
    RankingKind.VOLUME: ("ka10030",),
    RankingKind.RISERS: ("ka10027",),
    RankingKind.FALLERS: ("ka10027",),
    RankingKind.SURGE: ("ka10023",),
    RankingKind.FOREIGN: ("ka90009", "ka10095"),
    RankingKind.INSTITUTIONS: ("ka90009", "ka10095"),
}
FLOW_API_IDS = ("ka10059", "ka10064")


@dataclass(frozen=True)
class RankRow:
    rank: int
    code: str
    name: str
    price: int | None = None
    change: int | None = None
    rate: Decimal | None = None  # %
    volume: int | None = None  # shares
    value: int | None = None  # won traded today
    extra: int | Decimal | None = None  # the kind's own figure: the surge %, or the net buying in won


def _ranked(rank: int, stock: RankedStock, volume: int | None, value: int | None, extra: Decimal | None) -> RankRow:
    return RankRow(rank, stock.code, stock.name, stock.price, stock.change, stock.change_rate, volume, value, extra)


def _net_rows(leaders: list[NetTradeLeader]) -> list[RankRow]:
    return [RankRow(rank, leader.code, leader.name, extra=leader.amount) for rank, leader in enumerate(leaders, 1)]


def with_quotes(rows: list[RankRow], quotes: Iterable[WatchedStock]) -> list[RankRow]:
    """Rows that named only the stock (ka90009) with the quotes read for them."""
    found = {quote.code: quote for quote in quotes}
    return [
        replace(row, price=q.current_price, change=q.change, rate=q.change_rate, volume=q.volume, value=_won(q))
        if (q := found.get(row.code)) is not None
        else row
        for row in rows
    ]


def _won(quote: WatchedStock) -> int | None:
    return quote.value_millions * 1_000_000 if quote.value_millions is not None else None


async def load_ranking(client: KiwoomClient, kind: RankingKind, market: RankMarket) -> list[RankRow]:
    """One ranking, first page, as rows in rank order."""
    if kind is RankingKind.VALUE:
        return [_ranked(r, s, s.volume, s.value, None) for r, s in enumerate(await client.value_leaders(market), 1)]
    if kind is RankingKind.VOLUME:
        return [_ranked(r, s, s.volume, s.value, None) for r, s in enumerate(await client.volume_leaders(market), 1)]
    if kind in (RankingKind.RISERS, RankingKind.FALLERS):
        sort = ChangeSort.RISE_RATE if kind is RankingKind.RISERS else ChangeSort.FALL_RATE
        leaders = await client.change_leaders(market, sort)
        return [_ranked(r, s, s.volume, None, None) for r, s in enumerate(leaders, 1)]
    if kind is RankingKind.SURGE:
        surges = await client.volume_surges(market, SurgeSort.SURGE_RATE, SurgeBasis.PREVIOUS_DAY)
        return [_ranked(r, s, s.volume, None, s.surge_rate) for r, s in enumerate(surges, 1)]
    ranking = await client.foreign_institution_leaders(market, AmountOrQuantity.AMOUNT)
    rows = _net_rows(ranking.foreign_buys if kind is RankingKind.FOREIGN else ranking.institution_buys)
    codes = [row.code for row in rows[:QUOTED_ROWS]]
    return with_quotes(rows, await client.watched_stocks(codes) if codes else [])


@dataclass
class RefreshBudget:
    """When an automatic refresh of one panel may go (see the module's note)."""

    environment: Environment
    interval: float  # seconds the trader chose between refreshes
    last: float = field(default=float("-inf"))

    @property
    def period(self) -> float:
        return max(self.interval, AUTO_FLOOR_SECONDS[self.environment])

    def due(self, now: float | None = None) -> bool:
        return (time.monotonic() if now is None else now) - self.last >= self.period

    def spent(self, now: float | None = None) -> None:
        self.last = time.monotonic() if now is None else now


@dataclass(frozen=True)
class ConditionRow:
    """A stock a condition found: its quote (None until known), when it entered and, once it left, when."""

    code: str
    name: str = ""
    price: int | None = None
    change: int | None = None
    rate: Decimal | None = None
    volume: int | None = None
    entered: str = ""  # HHMMSS; "" for a stock found by a search (not seen entering)
    left: str = ""  # HHMMSS once it no longer matches


def row_from_match(match: ConditionMatch) -> ConditionRow:
    return ConditionRow(match.code, match.name, match.price, match.change, match.change_rate, match.volume)


def row_with_quote(row: ConditionRow, quote: WatchedStock) -> ConditionRow:
    return replace(
        row,
        name=row.name or quote.name,
        price=quote.current_price,
        change=quote.change,
        rate=quote.change_rate,
        volume=quote.volume,
    )


@dataclass(frozen=True)
class InvestorFlows:
    """A stock's trading by investor type: the last days (net shares) and today through the day (net shares)."""

    code: str
    days: list[InvestorDay]
    intraday: list[InvestorMinute]

    def intraday_series(self, investor: Investor) -> list[tuple[str, int]]:
        """(HHMMSS, net shares so far) through today, where the column is known."""
        return [(m.time, value) for m in self.intraday if (value := m.flows.get(investor)) is not None]


async def load_flows(client: KiwoomClient, code: str, today: str) -> InvestorFlows:
    """ka10059 (the last FLOW_DAYS days, net shares) and ka10064 (today, net shares) for `code`."""
    days = await client.investor_days(code, today, AmountOrQuantity.QUANTITY)
    intraday = await client.investor_intraday(code, AmountOrQuantity.QUANTITY)
    return InvestorFlows(code, days[:FLOW_DAYS], intraday)
