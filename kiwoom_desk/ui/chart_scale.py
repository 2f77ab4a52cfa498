"""The chart's arithmetic, without Qt: which candles are in view, where a price or a candle lands in pixels and
back, round steps for the price axis, and the time axis's names. Candles sit at whole positions (one per candle,
so nights and weekends leave no gaps); the view is a window of `count` positions starting at `first`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..trading.candles import DAILY, Candle

DEFAULT_COUNT = 90  # candles in view when a series loads
MIN_COUNT, MAX_COUNT = 15, 900
LABEL_STEPS = (1, 2, 3, 5, 10, 15, 20, 30, 60, 90, 120, 180, 240, 360, 480, 720, 1440)


@dataclass
class View:
    """`count` candle positions from `first` (a float: a drag moves it by parts of a candle); `follow` keeps the
    newest candle at the right edge as new ones start."""

    first: float = 0.0
    count: float = DEFAULT_COUNT
    follow: bool = True

    @classmethod
    def opening(cls, total: int) -> View:
        """How a series opens: its newest candles at the right, at most DEFAULT_COUNT of them, and no more
        positions than there are candles (a 60-minute chart of five days has 35)."""
        view = cls(count=max(min(DEFAULT_COUNT, total + 1), MIN_COUNT))
        view.show_latest(total)
        return view

    def show_latest(self, total: int) -> None:
        self.first = total - self.count + 1  # one empty position after the forming candle, as the HTS leaves
        self.follow = True

    def zoom(self, factor: float, total: int) -> None:
        """More (factor > 1) or fewer candles in view, the right edge kept; never more than there are."""
        right = self.first + self.count
        self.count = min(max(self.count * factor, MIN_COUNT), max(min(MAX_COUNT, total + 1), MIN_COUNT))
        self.first = right - self.count
        self._keep_in(total)

    def pan(self, candles: float, total: int) -> None:
        """Moves the view `candles` positions towards the past (negative: towards now)."""
        self.first -= candles
        self._keep_in(total)
        self.follow = self.first + self.count >= total

    def _keep_in(self, total: int) -> None:
        self.first = min(max(self.first, -self.count / 2), max(total - self.count / 2, 0))

    def indices(self, total: int) -> range:
        """The candles at least partly in view."""
        return range(max(math.floor(self.first), 0), min(math.ceil(self.first + self.count), total))


def price_steps(low: float, high: float, pixels: int, spacing: int = 40) -> list[int]:
    """Round prices for the axis between `low` and `high`, about `spacing` pixels apart."""
    if high <= low or pixels <= 0:
        return []
    raw = (high - low) / max(pixels / spacing, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next((magnitude * m for m in (1, 2, 5, 10) if magnitude * m >= raw), magnitude * 10)
    first = math.ceil(low / step) * step
    return list(range(int(first), int(high) + 1, int(step)))


def label_every(pixels_per_candle: float, interval: int, wanted: int = 80) -> int:
    """How many candles apart the time axis names them, so names stand `wanted` pixels apart: a round number of
    minutes on a minute chart."""
    for step in LABEL_STEPS:
        minutes = step * (interval or 1)
        if step * pixels_per_candle >= wanted and (interval == DAILY or 60 % minutes == 0 or minutes % 60 == 0):
            return step
    return LABEL_STEPS[-1]


def labelled(candles: Sequence[Candle], indices: range, every: int, interval: int) -> list[int]:
    """The candles the time axis names: minute candles whose time is a round multiple (counted from midnight),
    the first candle of each day, or every `every`-th day on a daily chart."""
    if interval == DAILY:
        return [index for index in indices if index % every == 0]
    span = every * interval
    chosen: list[int] = []
    last_opens_day = False
    for index in indices:
        start = candles[index].start
        opens_day = index == 0 or candles[index - 1].day != start[:8]  # the history's first day too
        if not opens_day and (int(start[8:10]) * 60 + int(start[10:12])) % span:
            continue
        if chosen and index - chosen[-1] < every:  # too close to the last name: a day's start wins over a time
            if not opens_day or last_opens_day:
                continue
            chosen.pop()
        chosen.append(index)
        last_opens_day = opens_day
    return chosen


def time_label(candles: Sequence[Candle], index: int, interval: int) -> str:
    """HH:MM, or MM/DD where a day starts; YY/MM/DD on a daily chart."""
    if not 0 <= index < len(candles):
        return ""
    start = candles[index].start
    if interval == DAILY:
        return f"{start[2:4]}/{start[4:6]}/{start[6:8]}"
    if index == 0 or candles[index - 1].day != start[:8]:
        return f"{start[4:6]}/{start[6:8]}"
    return f"{start[8:10]}:{start[10:12]}"


def day_starts(candles: Sequence[Candle], indices: range, interval: int) -> list[int]:
    """The minute candles that open a day (a dotted line parts the days)."""
    if interval == DAILY:
        return []
    return [index for index in indices if index > 0 and candles[index].day != candles[index - 1].day]
