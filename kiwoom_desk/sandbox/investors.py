"""Trading by investor type (투자자별매매) in the Sandbox's own market: who bought and who sold each share traded
(ka10059, ka10064, ka90009).

The model (README, "Investor flows"):
- A span of trading (a minute of today's tape, today's shares not on the tape, a whole past day) is a bucket.
  Its volume is bought by the 12 leaf types below and sold by them: each side is split on its own by seeded
  weights (largest remainder, whole shares), so buys add up to the volume, and so do sells.
- The account's own fills are 개인: its buys are 개인 buys on the buy side, its sells 개인 sells on the sell side;
  the rest of each side is split by the weights.
- Weights: a mean share per type, times a tilt per (stock, day, side) and a jitter per (stock, bucket, side),
  each drawn from random.Random(f"{seed}:{code}:...") so everything is deterministic under the seed.
- Amounts: a bucket's shares at its price (a minute's close, a past day's close).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from .broker import Broker
from .history import Bar, daily_history
from .market import Quote
from .state import Fill, Side

# The leaf types, in ka10059's column order; 기관계 (`orgn`) is the sum of INSTITUTIONS, never split by itself.
LEAVES = (
    "ind_invsr",  # 개인
    "frgnr_invsr",  # 외국인
    "fnnc_invt",  # 금융투자
    "insrnc",  # 보험
    "invtrt",  # 투신
    "etc_fnnc",  # 기타금융
    "bank",  # 은행
    "penfnd_etc",  # 연기금등
    "samo_fund",  # 사모펀드
    "natn",  # 국가
    "etc_corp",  # 기타법인
    "natfor",  # 내외국인
)
INSTITUTIONS = LEAVES[2:10]
INDIVIDUAL = 0
_MEAN_SHARE = (0.55, 0.22, 0.06, 0.015, 0.025, 0.005, 0.005, 0.03, 0.015, 0.002, 0.03, 0.003)
_DAY_TILT = 0.2  # log-normal spread of a type's weight per stock, day and side: what makes a day's net
_BUCKET_JITTER = 0.3  # and per bucket (minute), so that the intraday flow wanders
_WEIGHT_SCALE = 1 << 24  # weights as integers, so that the split is exact integer arithmetic


def apportion(values: Sequence[int], unit: int) -> list[int]:
    """`values` (shares or won) in units of `unit`, rounded so that they add up to their sum rounded half up:
    each is its floor or its floor + 1, the +1s going to the largest remainders (ties: the earlier column).
    A sum of zero stays zero (a net column's types still cancel), and no value changes sign."""
    floors = [value // unit for value in values]
    target = (2 * sum(values) + unit) // (2 * unit)
    extra = target - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(values[i] - floors[i] * unit), i))
    for index in order[:extra]:
        floors[index] += 1
    return floors


def split(total: int, weights: Sequence[int]) -> list[int]:
    """`total` whole shares shared out by positive integer `weights` (largest remainder): they add up exactly."""
    scale = sum(weights)
    parts = [total * weight // scale for weight in weights]
    left = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % scale), i))
    for index in order[:left]:
        parts[index] += 1
    return parts


@dataclass(frozen=True)
class Flow:
    """What each leaf type bought and sold over a span: shares, and won at the span's prices."""

    buy_qty: tuple[int, ...]
    sell_qty: tuple[int, ...]
    buy_amt: tuple[int, ...]
    sell_amt: tuple[int, ...]

    @staticmethod
    def zero() -> Flow:
        nothing = (0,) * len(LEAVES)
        return Flow(nothing, nothing, nothing, nothing)

    def __add__(self, other: Flow) -> Flow:
        def add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
            return tuple(x + y for x, y in zip(a, b, strict=True))

        return Flow(
            add(self.buy_qty, other.buy_qty),
            add(self.sell_qty, other.sell_qty),
            add(self.buy_amt, other.buy_amt),
            add(self.sell_amt, other.sell_amt),
        )

    def side(self, trde_tp: str, amount: bool) -> tuple[int, ...]:
        """Per leaf type: net buying ("0"), buys ("1") or sells as negative numbers ("2")."""
        buys, sells = (self.buy_amt, self.sell_amt) if amount else (self.buy_qty, self.sell_qty)
        if trde_tp == "1":
            return buys
        if trde_tp == "2":
            return tuple(-sell for sell in sells)
        return tuple(buy - sell for buy, sell in zip(buys, sells, strict=True))


def columns(values: Sequence[int], unit: int) -> dict[str, int]:
    """The wire's investor columns from exact per-leaf values: each leaf apportioned to `unit`, 기관계 the sum of
    its (apportioned) parts, so that it always equals them."""
    shown = dict(zip(LEAVES, apportion(values, unit), strict=True))
    shown["orgn"] = sum(shown[name] for name in INSTITUTIONS)
    return shown


@dataclass(frozen=True, slots=True)
class Bucket:
    """A span of one stock's trading: its key (the minute's stamp, or the day), volume, price, and the shares the
    account bought and sold in it."""

    key: str
    volume: int
    price: int
    own_buy: int = 0
    own_sell: int = 0


@lru_cache(maxsize=4096)
def _day_tilt(seed: int, code: str, day: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    rng = random.Random(f"{seed}:{code}:{day}:investors-day")
    buy = tuple(math.exp(rng.gauss(0, _DAY_TILT)) for _ in LEAVES)
    sell = tuple(math.exp(rng.gauss(0, _DAY_TILT)) for _ in LEAVES)
    return buy, sell


def _weights(seed: int, code: str, day: str, key: str) -> tuple[list[int], list[int]]:
    tilt_buy, tilt_sell = _day_tilt(seed, code, day)
    rng = random.Random(f"{seed}:{code}:{key}:investors")

    def side(tilt: tuple[float, ...]) -> list[int]:
        return [
            max(1, int(share * factor * math.exp(rng.gauss(0, _BUCKET_JITTER)) * _WEIGHT_SCALE))
            for share, factor in zip(_MEAN_SHARE, tilt, strict=True)
        ]

    return side(tilt_buy), side(tilt_sell)


def bucket_flow(seed: int, code: str, day: str, bucket: Bucket) -> Flow:
    buy_weights, sell_weights = _weights(seed, code, day, bucket.key)
    own_buy, own_sell = min(bucket.own_buy, bucket.volume), min(bucket.own_sell, bucket.volume)
    buys = split(bucket.volume - own_buy, buy_weights)
    sells = split(bucket.volume - own_sell, sell_weights)
    buys[INDIVIDUAL] += own_buy
    sells[INDIVIDUAL] += own_sell
    return Flow(
        tuple(buys),
        tuple(sells),
        tuple(quantity * bucket.price for quantity in buys),
        tuple(quantity * bucket.price for quantity in sells),
    )


# ---- the account's own trades --------------------------------------------------------------------------------


def own_trades(fills: Sequence[Fill], code: str, day: str) -> dict[str, tuple[int, int]]:
    """The account's shares bought and sold in `code` on `day`, by minute (YYYYMMDDHHMM00, the tape's stamp)."""
    minutes: dict[str, tuple[int, int]] = {}
    for fill in _FILLS.of(fills, code, day):
        stamp = f"{fill.trade_date}{fill.time[:4]}00"
        bought, sold = minutes.get(stamp, (0, 0))
        if fill.side is Side.BUY:
            bought += fill.quantity
        else:
            sold += fill.quantity
        minutes[stamp] = (bought, sold)
    return minutes


class FillIndex:
    """The account's fills by (code, day), built once per list and extended as fills are appended (the broker's
    list only grows), so that a ka10059 of 300 days or a ka90009 of every stock does not scan every fill the
    account ever made once per day and stock."""

    def __init__(self) -> None:
        self._source: Sequence[Fill] | None = None
        self._read = 0
        self._index: dict[tuple[str, str], list[Fill]] = {}

    def of(self, fills: Sequence[Fill], code: str, day: str) -> list[Fill]:
        if fills is not self._source or len(fills) < self._read:
            self._source, self._read, self._index = fills, 0, {}
        for fill in fills[self._read :]:
            self._index.setdefault((fill.code, fill.trade_date), []).append(fill)
        self._read = len(fills)
        return self._index.get((code, day), [])


_FILLS = FillIndex()


# ---- today ---------------------------------------------------------------------------------------------------


def today_buckets(
    quote: Quote, tape: Sequence[Bar], own: dict[str, tuple[int, int]], day: str
) -> tuple[Bucket | None, list[Bucket]]:
    """Today's trading as buckets: the day's shares not on the tape (traded before a restart: the tape lives in
    memory, the quote's volume does not), priced at where the tape picks up, or None; then each minute of the
    tape that traded, at its close. The account's fills go to their minute, or to the untaped bucket when their
    minute is not on the tape (or holds fewer shares than they did)."""
    minutes: list[Bucket] = []
    left_buy = left_sell = 0
    for bar in tape:
        bought, sold = own.pop(bar.stamp, (0, 0))
        if not bar.volume:
            left_buy, left_sell = left_buy + bought, left_sell + sold
            continue
        minutes.append(Bucket(bar.stamp, bar.volume, bar.close, min(bought, bar.volume), min(sold, bar.volume)))
        left_buy += max(bought - bar.volume, 0)
        left_sell += max(sold - bar.volume, 0)
    for bought, sold in own.values():
        left_buy, left_sell = left_buy + bought, left_sell + sold
    untaped = quote.volume - sum(bucket.volume for bucket in minutes)
    if untaped <= 0:
        return None, minutes
    price = next((bar.open for bar in tape if bar.volume), quote.price)
    return Bucket(f"{day}:untaped", untaped, price, min(left_buy, untaped), min(left_sell, untaped)), minutes


class TodayTotals:
    """Today's flow per stock, summed over its buckets. The sum of all but the last bucket (the minute still
    trading) is kept with those buckets, and used again while they are unchanged, so that a ranking over every
    stock on a long tape adds up only the minutes new since the last call."""

    def __init__(self) -> None:
        self._kept: dict[tuple[int, str, str], tuple[list[Bucket], Flow]] = {}

    def total(self, seed: int, code: str, day: str, buckets: list[Bucket]) -> Flow:
        key = (seed, code, day)
        settled, running = self._kept.get(key, ([], Flow.zero()))
        if not (len(buckets) > len(settled) and buckets[: len(settled)] == settled):
            settled, running = [], Flow.zero()
        for bucket in buckets[len(settled) : -1]:
            running = running + bucket_flow(seed, code, day, bucket)
        for old in [kept for kept in self._kept if kept[2] != day]:  # an earlier day's are not needed again
            del self._kept[old]
        if not buckets:
            return running
        self._kept[key] = (buckets[:-1], running)
        return running + bucket_flow(seed, code, day, buckets[-1])


# ---- past days -----------------------------------------------------------------------------------------------


def day_flow(seed: int, code: str, bar: Bar, own: dict[str, tuple[int, int]]) -> Flow:
    """A past day as one bucket at its close, the account's fills of that day (`own`, by minute) as 개인."""
    bought = sum(pair[0] for pair in own.values())
    sold = sum(pair[1] for pair in own.values())
    return _past_flow(seed, code, Bucket(bar.stamp, bar.volume, bar.close, bought, sold))


@lru_cache(maxsize=8192)  # a past day never changes: ka10059 pages through 300 of them, ka90009 one per stock
def _past_flow(seed: int, code: str, bucket: Bucket) -> Flow:
    return bucket_flow(seed, code, bucket.key, bucket)


# ---- one stock, through the broker ---------------------------------------------------------------------------

_TODAY = TodayTotals()  # a pure function of its key and buckets, so exchanges in one process may share it


def days(broker: Broker, code: str) -> list[tuple[Bar, int]]:
    """The stock's days, oldest first, each with its base (the day before's close; the oldest: its open), as
    ka10081 has them; today last, if it has traded."""
    quote = broker.market.quotes[code]
    today = broker.clock().date()
    kept = broker.days.get(code, [])
    earlier = daily_history(broker.market.seed, broker.market.listings[code], quote.base_price, today, kept)
    found = [(bar, earlier[index - 1].close if index else bar.open) for index, bar in enumerate(earlier)]
    today_bar = _today_bar(broker, code)
    return [*found, (today_bar, quote.base_price)] if today_bar else found


def bar_on(broker: Broker, code: str, stamp: str) -> Bar | None:
    """The stock's daily bar of `stamp` (YYYYMMDD), if it has one: today's only once it has traded."""
    if stamp == broker.today():
        return _today_bar(broker, code)
    return next((bar for bar, _base in days(broker, code) if bar.stamp == stamp), None)


def _today_bar(broker: Broker, code: str) -> Bar | None:
    quote = broker.market.quotes[code]
    if not quote.volume:
        return None
    return Bar(broker.today(), quote.open, quote.high, quote.low, quote.price, quote.volume)


def today_buckets_of(broker: Broker, code: str) -> tuple[Bucket | None, list[Bucket]]:
    day = broker.today()
    own = own_trades(broker.fills, code, day)
    return today_buckets(broker.market.quotes[code], broker.tape.today(code, day), own, day)


def flow_of_day(broker: Broker, code: str, bar: Bar) -> Flow:
    """The stock's flow on one of its days (`days`): today's from its buckets, a past day's as one bucket."""
    seed = broker.market.seed
    if bar.stamp == broker.today():
        untaped, minutes = today_buckets_of(broker, code)
        return _TODAY.total(seed, code, bar.stamp, [*([untaped] if untaped else []), *minutes])
    return day_flow(seed, code, bar, own_trades(broker.fills, code, bar.stamp))


def parse_day(value: str) -> date | None:
    try:
        return datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        return None
