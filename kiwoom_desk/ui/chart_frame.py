"""Where the chart's things are on screen: the areas, the candle positions and prices they show, and back."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF


@dataclass(frozen=True)
class Frame:
    """The areas and the spans they show: pixels from candle positions and prices, and back."""

    price_area: QRectF
    volume_area: QRectF
    first: float  # the view's first candle position
    count: float  # candle positions across
    low: float
    high: float

    @property
    def pixels_per_candle(self) -> float:
        return self.price_area.width() / self.count

    def x(self, index: float) -> float:
        return self.price_area.left() + (index - self.first + 0.5) * self.pixels_per_candle

    def index_at(self, x: float) -> int:
        return math.floor((x - self.price_area.left()) / self.pixels_per_candle + self.first)

    def y(self, price: float) -> float:
        area = self.price_area
        return area.bottom() - (price - self.low) / (self.high - self.low) * area.height()

    def price_at(self, y: float) -> float:
        area = self.price_area
        return self.low + (area.bottom() - y) / area.height() * (self.high - self.low)


def within(indices: range, frame: Frame, dirty: QRect) -> range:
    """The candles whose column meets the part being repainted."""
    first = max(frame.index_at(dirty.left()) - 1, indices.start)
    last = min(frame.index_at(dirty.right()) + 2, indices.stop)
    return range(first, max(last, first))
