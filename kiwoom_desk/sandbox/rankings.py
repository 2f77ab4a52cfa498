"""The ranking TRs' filters and orders as data (kiwoom-api-market.md §2), one table per TR and field: the same
field name takes different codes, sometimes with the opposite meaning, in different TRs (§8).

What the Sandbox knows about a stock's kind: its market ("0" KOSPI, "10" KOSDAQ, "8" ETF, counted as KOSPI); a
preferred share is a stock whose code does not end in 0 (the KRX short-code rule: 005935 삼성전자우); every stock
is 증거금20% (as ka10099 says) and none is 관리종목, 정리매매, ETN, SPAC or credit-eligible, so a filter that keeps
only those gives an empty list and one that drops them drops nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

from .listings import Listing

MARGIN_RATE = 20  # % (증거금20%): every Sandbox stock, as ka10099's `state`


class Trait(Enum):
    MANAGED = "관리종목"
    PREFERRED = "우선주"
    CLEARING = "정리매매"
    ETF = "ETF"
    ETN = "ETN"
    SPAC = "스팩"


@dataclass(frozen=True)
class Stock:
    """One stock at the moment of the request: what a ranking filters and sorts on."""

    listing: Listing
    price: int
    base: int
    upper: int
    lower: int
    volume: int  # today's, shares
    value: int  # today's traded value, won

    @property
    def code(self) -> str:
        return self.listing.code

    @property
    def change(self) -> int:
        return self.price - self.base

    @property
    def change_rate(self) -> Fraction:
        return Fraction(self.change, self.base) if self.base else Fraction(0)

    @property
    def turnover(self) -> Fraction:
        shares = self.listing.listed_shares
        return Fraction(self.volume, shares) if shares else Fraction(0)

    @property
    def at_limit(self) -> bool:
        return self.price >= self.upper or self.price <= self.lower

    @property
    def traits(self) -> frozenset[Trait]:
        found = set()
        if self.listing.market == "8":
            found.add(Trait.ETF)
        elif not self.code.endswith("0"):
            found.add(Trait.PREFERRED)
        return frozenset(found)


# ---- which stocks -----------------------------------------------------------------------------------------

MARKETS = {"000": frozenset({"0", "10", "8"}), "001": frozenset({"0", "8"}), "101": frozenset({"10"})}
VENUE_LISTS = {"1": True, "2": False, "3": True}  # stex_tp: no Sandbox stock trades on NXT (nxtEnable N)


@dataclass(frozen=True)
class StockCondition:
    """A 종목조건 code: the kinds it drops, and the 증거금 rate it keeps only (or drops)."""

    dropped: frozenset[Trait] = frozenset()
    margin_only: int | None = None
    margin_dropped: int | None = None

    def admits(self, stock: Stock) -> bool:
        if self.dropped & stock.traits:
            return False
        if self.margin_only is not None and self.margin_only != MARGIN_RATE:
            return False
        return self.margin_dropped != MARGIN_RATE


def _dropping(*traits: Trait) -> StockCondition:
    return StockCondition(frozenset(traits))


_CONDITIONS = {  # the codes ka10030 (mang_stk_incls), ka10027 and ka10023 (stk_cnd) share
    "0": StockCondition(),
    "1": _dropping(Trait.MANAGED),
    "3": _dropping(Trait.PREFERRED),
    "4": _dropping(Trait.MANAGED, Trait.PREFERRED),
    "5": StockCondition(margin_dropped=100),
    "6": StockCondition(margin_only=100),
    "7": StockCondition(margin_only=40),
    "8": StockCondition(margin_only=30),
    "9": StockCondition(margin_only=20),
    "11": _dropping(Trait.CLEARING),
    "12": StockCondition(margin_only=50),
    "13": StockCondition(margin_only=60),
    "14": _dropping(Trait.ETF),
    "15": _dropping(Trait.SPAC),
}
STOCK_CONDITIONS = {
    "ka10030": {**_CONDITIONS, "16": _dropping(Trait.ETF, Trait.ETN)},
    "ka10027": {**_CONDITIONS, "16": _dropping(Trait.ETF, Trait.ETN)},
    "ka10023": {
        **_CONDITIONS,
        "17": _dropping(Trait.ETN),
        "18": _dropping(Trait.ETF, Trait.ETN),
        "20": _dropping(Trait.ETF, Trait.ETN, Trait.SPAC),
    },
    # ka10032's mang_stk_incls is the other way round: 0 drops 관리종목, 1 keeps them
    "ka10032": {"0": _dropping(Trait.MANAGED), "1": StockCondition()},
}

# Credit filters: "0" is every stock; any other code keeps only credit-eligible ones, and the Sandbox has none.
CREDIT_ALL = "0"


@dataclass(frozen=True)
class Band:
    """Lower bound included, upper bound excluded (1천원~2천원 is 1,000 <= x < 2,000)."""

    low: int = 0
    high: int | None = None

    def admits(self, value: int) -> bool:
        return self.low <= value and (self.high is None or value < self.high)


PRICE_BANDS = {
    "ka10030": {
        "0": Band(),
        "1": Band(0, 1_000),
        "2": Band(1_000),
        "3": Band(1_000, 2_000),
        "4": Band(2_000, 5_000),
        "5": Band(5_000),
        "6": Band(5_000, 10_000),
        "10": Band(0, 10_000),
        "7": Band(10_000),
        "8": Band(50_000),
        "9": Band(100_000),
    },
    "ka10027": {
        "0": Band(),
        "1": Band(0, 1_000),
        "2": Band(1_000, 2_000),
        "3": Band(2_000, 5_000),
        "4": Band(5_000, 10_000),
        "5": Band(10_000),
        "8": Band(1_000),
        "10": Band(0, 10_000),
    },
    "ka10023": {
        "0": Band(),
        "2": Band(50_000),
        "5": Band(10_000),
        "6": Band(5_000),
        "8": Band(1_000),
        "9": Band(100_000),
    },
}


def min_volume(code: str) -> int:
    """Volume codes count thousands of shares in every ranking TR: 5 = 5천주, 0010 = 1만주, 500 = 50만주 (the spec's
    "500만주" for ka10030 is a typo: it sits between 30만 and 100만), 1000 = 100만주."""
    return int(code) * 1_000


_VALUE_CODES = ("0", "3", "10", "30", "50", "100", "300", "500", "1000", "3000", "5000")
MIN_VALUE = {  # won: the codes count 천만원, except ka10030's 4 (5천만원)
    "ka10030": {**{code: int(code) * 10_000_000 for code in (*_VALUE_CODES, "1")}, "4": 50_000_000},
    "ka10027": {code: int(code) * 10_000_000 for code in (*_VALUE_CODES, "5")},
}

SESSIONS_TRADED = {"0": True, "1": True, "2": False, "3": False}  # ka10030 mrkt_open_tp: 장중 only

# ---- in which order (ties by code) ---------------------------------------------------------------------------

SortKey = Callable[[Stock], tuple[Fraction | int, str]]

VOLUME_ORDERS: dict[str, SortKey] = {  # ka10030 sort_tp
    "1": lambda s: (-s.volume, s.code),
    "2": lambda s: (-s.turnover, s.code),
    "3": lambda s: (-s.value, s.code),
}


@dataclass(frozen=True)
class ChangeOrder:
    """A ka10027 sort_tp: which direction it lists, and its key."""

    direction: int  # sign of the change: 1 rises, -1 falls, 0 flat
    key: SortKey


CHANGE_ORDERS = {
    "1": ChangeOrder(1, lambda s: (-s.change_rate, s.code)),
    "2": ChangeOrder(1, lambda s: (-s.change, s.code)),
    "3": ChangeOrder(-1, lambda s: (s.change_rate, s.code)),
    "4": ChangeOrder(-1, lambda s: (s.change, s.code)),
    "5": ChangeOrder(0, lambda s: (-s.volume, s.code)),  # flat: the most traded first
}


@dataclass(frozen=True)
class Surge:
    """A ka10023 row's numbers: the volume before and now."""

    stock: Stock
    before: int
    now: int

    @property
    def quantity(self) -> int:
        return self.now - self.before

    @property
    def rate(self) -> Fraction | None:
        """None without earlier volume: the rate is undefined."""
        return Fraction(self.quantity, self.before) if self.before else None


SurgeKey = Callable[[Surge], tuple[int, Fraction | int, str]]


@dataclass(frozen=True)
class SurgeOrder:
    """A ka10023 sort_tp: surges (1, 2) list volume that grew, drops (3, 4) volume that shrank."""

    direction: int
    key: SurgeKey


def _surge_rate(surge: Surge) -> tuple[int, Fraction | int, str]:
    rate = surge.rate
    # no earlier volume is an unbounded rise: above every finite rate, the larger quantity first
    return (0, -surge.quantity, surge.stock.code) if rate is None else (1, -rate, surge.stock.code)


SURGE_ORDERS = {
    "1": SurgeOrder(1, lambda s: (0, -s.quantity, s.stock.code)),
    "2": SurgeOrder(1, _surge_rate),
    "3": SurgeOrder(-1, lambda s: (0, s.quantity, s.stock.code)),
    "4": SurgeOrder(-1, lambda s: (0, s.rate or 0, s.stock.code)),
}
