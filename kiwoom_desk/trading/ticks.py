"""KRX tick sizes (호가가격단위) and daily price limits (가격제한폭).

The tables are those of ../shared/krx-rules.md §1–2: the unified stock table in force since 2023-01-25 and the
ETF/ETN table (1 won below 2,000, 5 won from 2,000). Every band edge is a multiple of the tick above it, which is
why rounding inside a band never produces an off-grid price.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Instrument(StrEnum):
    """What kind of listing a price belongs to; the tick table depends on it."""

    STOCK = "stock"
    ETF = "etf"  # ETFs and ETNs share a table


# (exclusive upper bound of the band, tick inside the band); the last tick applies above every bound.
_BANDS: dict[Instrument, tuple[tuple[tuple[int, int], ...], int]] = {
    Instrument.STOCK: (
        ((2_000, 1), (5_000, 5), (20_000, 10), (50_000, 50), (200_000, 100), (500_000, 500)),
        1_000,
    ),
    Instrument.ETF: (((2_000, 1),), 5),
}

LIMIT_RATE_PERCENT = 30


def tick_size(price: int, instrument: Instrument = Instrument.STOCK) -> int:
    """The tick of the band that `price` falls in."""
    bands, top = _BANDS[instrument]
    for bound, tick in bands:
        if price < bound:
            return tick
    return top


def is_on_tick(price: int, instrument: Instrument = Instrument.STOCK) -> bool:
    return price > 0 and price % tick_size(price, instrument) == 0


def round_down_to_tick(price: int, instrument: Instrument = Instrument.STOCK) -> int:
    return price - price % tick_size(price, instrument)


def round_up_to_tick(price: int, instrument: Instrument = Instrument.STOCK) -> int:
    down = round_down_to_tick(price, instrument)
    return price if down == price else down + tick_size(price, instrument)


def tick_up(price: int, instrument: Instrument = Instrument.STOCK) -> int:
    """The next valid price above an on-grid `price` (crosses band edges correctly)."""
    return round_down_to_tick(price, instrument) + tick_size(price, instrument)


def tick_down(price: int, instrument: Instrument = Instrument.STOCK) -> int:
    """The next valid price below `price`: one tick below 2,000 is 1,999, below 5,000 is 4,995."""
    return round_down_to_tick(round_up_to_tick(price, instrument) - 1, instrument)


def nearest_tick(price: float, instrument: Instrument = Instrument.STOCK) -> int:
    """The valid price nearest to `price` (a point on a chart), never below the first tick."""
    down = round_down_to_tick(max(int(price), 1), instrument)
    up = tick_up(down, instrument)
    return max(up if up - price < price - down else down, tick_size(1, instrument))


@dataclass(frozen=True)
class PriceLimits:
    base: int
    upper: int
    lower: int

    def contains(self, price: int) -> bool:
        return self.lower <= price <= self.upper

    def clamp(self, price: int) -> int:
        return min(max(price, self.lower), self.upper)


def price_limits(base: int, instrument: Instrument = Instrument.STOCK) -> PriceLimits:
    """Daily limits at ±30% of the base price, with the KRX rounding rule.

    The width is truncated to the base price's tick, the upper limit is then truncated to its own band's tick,
    and the lower limit is already on the grid. (A symmetric ceil(base × 0.7) is wrong: 239,000 gives 167,300
    instead of the real 167,500.)
    """
    if base <= 0:
        raise ValueError(f"base price must be positive, got {base}")
    width = base * LIMIT_RATE_PERCENT // 100
    width -= width % tick_size(base, instrument)
    upper = round_down_to_tick(base + width, instrument)
    lower = max(round_up_to_tick(base - width, instrument), 1)
    return PriceLimits(base=base, upper=upper, lower=lower)
