"""Candles that agree with the market the Sandbox simulates (ka10080, ka10081).

- Today: one-minute bars built from the trades the Sandbox has printed (the tape), ending at the live price.
- Earlier days: synthesised, deterministic under the seed, walking back from today's base price (yesterday's
  close), so that the series joins up with no gap; each past day's minutes are drawn from its own open, high, low
  and close. Trading days are weekdays; the session runs 09:00-15:30.

The tape lives in memory: a restart keeps the day's open, high, low and volume (in the quote) but not its minutes.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..trading.ticks import Instrument, price_limits, round_down_to_tick
from .listings import Listing
from .market import DayBar

HISTORY_DAYS = 300  # trading days before today (more than the 250 a year holds)
INTRADAY_DAYS = 5  # earlier days whose minutes a minute chart reaches back to
SESSION_OPEN = 9 * 60  # minutes after midnight, KST
SESSION_MINUTES = 390  # 09:00 to 15:29, a bar a minute


@dataclass
class Bar:
    stamp: str  # YYYYMMDDHHMM00 for a minute bar, YYYYMMDD for a day
    open: int
    high: int
    low: int
    close: int
    volume: int

    def add(self, price: int, quantity: int) -> None:
        self.high, self.low, self.close = max(self.high, price), min(self.low, price), price
        self.volume += quantity


class Tape:
    """Today's one-minute bars per stock, from the trades printed."""

    def __init__(self) -> None:
        self._minutes: dict[str, dict[str, Bar]] = {}
        self._totals: dict[str, tuple[int, int]] = {}  # code -> (volume, value in won): each print's size × price
        self._day = ""

    def trade(self, code: str, at: datetime, price: int, quantity: int) -> None:
        day = at.strftime("%Y%m%d")
        if day != self._day:  # a new trading day starts an empty tape
            self._minutes.clear()
            self._totals.clear()
            self._day = day
        stamp = at.strftime("%Y%m%d%H%M00")
        bars = self._minutes.setdefault(code, {})
        if stamp in bars:
            bars[stamp].add(price, quantity)
        else:
            bars[stamp] = Bar(stamp, price, price, price, price, quantity)
        volume, value = self._totals.get(code, (0, 0))
        self._totals[code] = (volume + quantity, value + price * quantity)

    def totals(self, code: str, day: str) -> tuple[int, int]:
        """`day`'s printed volume and traded value (won) of a stock: (0, 0) once the day has turned."""
        return self._totals.get(code, (0, 0)) if day == self._day else (0, 0)

    def minute_volumes(self, code: str, at: datetime, count: int) -> list[int]:
        """The volume of each of the `count` minutes ending with `at`'s minute, oldest first (0: nothing printed)."""
        if at.strftime("%Y%m%d") != self._day:
            return [0] * count
        bars = self._minutes.get(code, {})
        minute = at.replace(second=0, microsecond=0)
        stamps = [(minute - timedelta(minutes=back)).strftime("%Y%m%d%H%M00") for back in range(count - 1, -1, -1)]
        return [bars[stamp].volume if stamp in bars else 0 for stamp in stamps]

    def today(self, code: str, day: str) -> list[Bar]:
        """`day`'s minutes (YYYYMMDD), oldest first: none once the day has turned, even before the next print."""
        if day != self._day:
            return []
        return sorted(self._minutes.get(code, {}).values(), key=lambda bar: bar.stamp)


def trading_days_before(day: date, count: int) -> list[date]:
    """The `count` weekdays before `day`, oldest first."""
    days: list[date] = []
    current = day
    while len(days) < count:
        current -= timedelta(days=1)
        if current.weekday() < 5:
            days.append(current)
    return days[::-1]


def daily_history(seed: int, listing: Listing, base_price: int, today: date, kept: list[DayBar]) -> list[Bar]:
    """The trading days before `today`, oldest first, the last one closing at `base_price`: the days the Sandbox
    traded (`kept`, oldest first) as they were, and synthesised ones before them, anchored at the first kept day
    (or today) so that they do not change from one day to the next."""
    before = [day for day in kept if day.day < f"{today:%Y%m%d}"]
    real = [Bar(day.day, day.open, day.high, day.low, day.close, day.volume) for day in before]
    if not before:
        return list(_synthesised(seed, listing, base_price, today, HISTORY_DAYS))
    anchor = datetime.strptime(before[0].day, "%Y%m%d").date()
    return [*_synthesised(seed, listing, before[0].base, anchor, HISTORY_DAYS - len(real)), *real]


@lru_cache(maxsize=256)  # the same past for every page and every call of a day: drawn once (its Bars are not changed)
def _synthesised(seed: int, listing: Listing, close_price: int, anchor: date, count: int) -> tuple[Bar, ...]:
    """`count` trading days before `anchor`, oldest first, the last one closing at `close_price`."""
    if count <= 0:
        return ()
    rng = random.Random(f"{seed}:{listing.code}:days:{anchor.isoformat()}")
    days = trading_days_before(anchor, count)
    bars: list[Bar] = []
    close = close_price
    for day in reversed(days):
        previous = _on_tick(close * math.exp(-rng.gauss(0.0003, 0.018)), listing.instrument)
        limits = price_limits(previous, listing.instrument)
        if not limits.lower <= close <= limits.upper:  # the day would have broken its own limits: a flat one
            previous = close
            limits = price_limits(previous, listing.instrument)
        open_ = _on_tick(previous * (1 + rng.gauss(0, 0.006)), listing.instrument)
        open_ = min(max(open_, limits.lower), limits.upper)
        high = min(_on_tick(max(open_, close) * (1 + abs(rng.gauss(0, 0.008))), listing.instrument), limits.upper)
        low = max(_on_tick(min(open_, close) * (1 - abs(rng.gauss(0, 0.008))), listing.instrument), limits.lower)
        volume = max(1, int(listing.listed_shares * rng.uniform(0.0008, 0.004)))
        bars.append(Bar(day.strftime("%Y%m%d"), open_, max(high, open_, close), min(low, open_, close), close, volume))
        close = previous
    return tuple(bars[::-1])


def minutes_of(seed: int, code: str, day: Bar, instrument: Instrument) -> list[Bar]:
    """A past day's one-minute bars, oldest first, from its open to its close, touching its high and low."""
    return list(
        _minutes(seed, code, _DayShape(day.stamp, day.open, day.high, day.low, day.close, day.volume), instrument)
    )


@dataclass(frozen=True)
class _DayShape:
    """What a past day's minutes are drawn from: the key they are kept under once drawn."""

    stamp: str
    open: int
    high: int
    low: int
    close: int
    volume: int


@lru_cache(maxsize=512)  # a minute chart asks for the same five past days page after page
def _minutes(seed: int, code: str, day: _DayShape, instrument: Instrument) -> tuple[Bar, ...]:
    rng = random.Random(f"{seed}:{code}:minutes:{day.stamp}")
    steps = [rng.gauss(0, 1) for _ in range(SESSION_MINUTES)]
    walk, total = [], 0.0
    for step in steps:
        total += step
        walk.append(total)
    drift = [walk[i] - walk[-1] * (i + 1) / SESSION_MINUTES for i in range(SESSION_MINUTES)]  # a bridge to 0
    spread = max(max(drift) - min(drift), 1e-9)
    path = []
    for i, value in enumerate(drift):
        level = day.open + (day.close - day.open) * (i + 1) / SESSION_MINUTES
        path.append(level + value / spread * (day.high - day.low) * 0.5)
    path[-1] = day.close
    high_at, low_at = rng.randrange(SESSION_MINUTES - 1), rng.randrange(SESSION_MINUTES - 1)
    bars: list[Bar] = []
    previous = day.open
    volumes = _spread(day.volume, [rng.uniform(0.3, 1.7) for _ in range(SESSION_MINUTES)])
    start = datetime.strptime(day.stamp, "%Y%m%d")
    for i, raw in enumerate(path):
        close = min(max(_on_tick(raw, instrument), day.low), day.high)
        high, low = max(previous, close), min(previous, close)
        if i == high_at:
            high = day.high
        if i == low_at:
            low = day.low
        stamp = (start + timedelta(minutes=SESSION_OPEN + i)).strftime("%Y%m%d%H%M00")
        bars.append(Bar(stamp, previous, high, low, close, volumes[i]))
        previous = close
    return tuple(bars)


def _spread(total: int, weights: list[float]) -> list[int]:
    """`total` shared out by `weights`, in whole shares that add up to it exactly (the day's ka10081 volume)."""
    scale = sum(weights)
    shares = [int(total * weight / scale) for weight in weights]
    shares[-1] += total - sum(shares)
    return shares


def merge(bars: list[Bar], minutes: int) -> list[Bar]:
    """One-minute bars (oldest first) into `minutes`-minute bars, per day, counted from midnight: every scope
    divides 09:00, so the session's buckets start at its open, and a Sandbox trading at 03:00 gets its own."""
    merged: dict[str, Bar] = {}
    for bar in bars:
        since_midnight = int(bar.stamp[8:10]) * 60 + int(bar.stamp[10:12])  # YYYYMMDDHHMMSS, read as text: fast
        start = since_midnight // minutes * minutes
        stamp = f"{bar.stamp[:8]}{start // 60:02d}{start % 60:02d}00"
        if stamp in merged:
            merged[stamp].add(bar.high, 0)
            merged[stamp].add(bar.low, 0)
            merged[stamp].add(bar.close, bar.volume)
        else:
            merged[stamp] = Bar(stamp, bar.open, bar.high, bar.low, bar.close, bar.volume)
    return list(merged.values())


def _on_tick(price: float, instrument: Instrument) -> int:
    return max(round_down_to_tick(max(int(price), 1), instrument), 1)
