"""The chart's candles for one stock and interval: the history from ka10080/ka10081, then kept live from 0B.

A trade moves the forming candle (its close, high and low) and starts a new one when its time leaves the
forming candle's span. Volume comes from the trade's cumulative day volume (FID 13), as the difference from the
last count: prints coalesced between two events still add up, and nothing is counted twice. (Prints missed
while the connection was down would land in one candle: the chart reloads its history after a reconnect.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from ..kiwoom import DailyCandle, MinuteCandle

DAILY = 0  # the interval of a daily chart; the others are minutes
INTERVALS = (1, 3, 5, 10, 15, 30, 60, DAILY)


class Candle(NamedTuple):  # light: no __dict__, hundreds per chart
    start: str  # YYYYMMDDHHMMSS (KST) of its first minute; a day's candle starts at 000000
    open: int
    high: int
    low: int
    close: int
    volume: int

    @property
    def day(self) -> str:
        return self.start[:8]

    @property
    def up(self) -> bool:
        return self.close >= self.open


def span_start(day: str, time: str, interval: int) -> str:
    """The start of the candle a trade at `time` (HHMMSS) of `day` (YYYYMMDD) belongs to. Minute candles count
    from midnight, as ka10080 does (so 3-minute candles start at 09:00, 09:03, ...)."""
    if interval == DAILY:
        return day + "000000"
    minutes = int(time[:2]) * 60 + int(time[2:4])
    first = minutes // interval * interval
    return f"{day}{first // 60:02d}{first % 60:02d}00"


@dataclass(frozen=True)
class Moved:
    """What one trade did to the series: `started` a new candle, or moved the forming one."""

    started: bool


class CandleSeries:
    def __init__(
        self,
        stock_code: str,
        interval: int,
        candles: Iterable[Candle] = (),
        day_volume: int | None = None,
        day: str = "",
    ) -> None:
        """`day_volume`: how much of `day`'s (YYYYMMDD) cumulative volume the history holds: 0 when it has no
        candle of that day yet, None when it does not say (then the first trade seen only sets the count)."""
        if interval not in INTERVALS:
            raise ValueError(f"interval must be one of {INTERVALS}, got {interval}")
        self.stock_code = stock_code
        self.interval = interval
        self.candles: list[Candle] = sorted(candles, key=lambda candle: candle.start)
        self._day_volume, self._counted_day = day_volume, day  # the day's count as far as the candles hold it

    def apply(self, day: str, time: str, price: int, day_volume: int | None) -> Moved | None:
        """A trade of `day` (YYYYMMDD) at `time` (HHMMSS): None when it moves no price (a price of 0; a late
        print, whose time is before the forming candle's, rewrites no closed candle: its shares go to the
        forming one, so the volume still adds up)."""
        if price <= 0 or len(time) < 4 or not time[:4].isdigit():
            return None
        start = span_start(day, time, self.interval)
        added = self._volume_added(day, day_volume)
        last = self.candles[-1] if self.candles else None
        if last is not None and start < last.start:
            self.candles[-1] = last._replace(volume=last.volume + added)
            return None
        if last is not None and start == last.start:
            self.candles[-1] = last._replace(
                high=max(last.high, price),
                low=min(last.low, price),
                close=price,
                volume=last.volume + added,
            )
            return Moved(started=False)
        self.candles.append(Candle(start, price, price, price, price, added))
        return Moved(started=True)

    def _volume_added(self, day: str, day_volume: int | None) -> int:
        if day_volume is None:
            return 0
        same_day = day == self._counted_day or not self._counted_day  # no day given: the count is the trade's day's
        previous = self._day_volume if same_day else 0  # a new day counts from nothing
        self._day_volume, self._counted_day = day_volume, day
        return 0 if previous is None else max(day_volume - previous, 0)


class CandleSource(Protocol):
    async def minute_candles(
        self, stock_code: str, minutes: int = 1, until: str = "", max_pages: int = 1
    ) -> list[MinuteCandle]: ...

    async def daily_candles(self, stock_code: str, until: str, max_pages: int = 1) -> list[DailyCandle]: ...


async def load_candles(client: CandleSource, code: str, interval: int, today: str) -> CandleSeries:
    """One page of history (newest first on the wire), ready to follow the stock's trades of `today`
    (YYYYMMDD): its count of today's volume is the history's (none yet when it has no candle of today)."""
    if interval == DAILY:
        days = await client.daily_candles(code, today)
        candles = [Candle(d.date + "000000", d.open, d.high, d.low, d.close, d.volume) for d in days]
        counted: int | None = next((d.volume for d in days if d.date == today), 0)
        return CandleSeries(code, interval, candles, counted, today)
    minutes = await client.minute_candles(code, interval)
    candles = [Candle(m.time, m.open, m.high, m.low, m.close, m.volume) for m in minutes]
    newest = max(minutes, key=lambda m: m.time, default=None)
    counted = newest.day_volume if newest is not None and newest.time.startswith(today) else 0
    return CandleSeries(code, interval, candles, counted, today)
