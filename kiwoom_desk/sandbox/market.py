"""The simulated market: one price per stock on the tick grid, a 10-level book around it, daily limits.

Prices move as a random walk, one tick at a time and never outside the day's limits. Each step draws from a
generator seeded by (seed, code, step number), so a run is deterministic under `--seed` and a restart continues
the same walk without having to store a generator's state.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from ..trading.ticks import PriceLimits, price_limits, tick_down, tick_up
from .listings import Listing

BOOK_LEVELS = 10
_LEVEL_VALUE_KRW = 50_000_000  # roughly what one level of the book is worth


@dataclass
class Quote:
    """The market state of one stock; persisted by the store, everything else is derived from it."""

    code: str
    base_price: int
    price: int
    open: int
    high: int
    low: int
    volume: int = 0
    step: int = 0

    def trade(self, price: int, quantity: int) -> None:
        self.price = price
        self.high = max(self.high, price)
        self.low = min(self.low, price)
        self.volume += quantity


@dataclass
class DayBar:
    """A finished trading day of one stock, as the Sandbox traded it: kept, so that its charts never rewrite it."""

    key: str  # code:YYYYMMDD
    code: str
    day: str  # YYYYMMDD
    base: int  # the day's base price (the day before's close)
    open: int
    high: int
    low: int
    close: int
    volume: int


@dataclass
class Level:
    price: int
    quantity: int


@dataclass
class Book:
    asks: list[Level] = field(default_factory=list)  # best (lowest) first
    bids: list[Level] = field(default_factory=list)  # best (highest) first
    resting_liquidity: int = 0  # how much trades at the current price for orders resting at it


class Market:
    def __init__(self, listings: dict[str, Listing], quotes: dict[str, Quote], seed: int) -> None:
        self.listings = listings
        self.quotes = quotes
        self.seed = seed
        self._books: dict[str, Book] = {}
        self._pinned_depth: dict[str, int] = {}

    @staticmethod
    def fresh_quote(listing: Listing, base_price: int | None = None) -> Quote:
        base = base_price if base_price is not None else listing.base_price
        return Quote(listing.code, base, base, base, base, base)

    def limits(self, code: str) -> PriceLimits:
        return price_limits(self.quotes[code].base_price, self.listings[code].instrument)

    def book(self, code: str) -> Book:
        if code not in self._books:
            self._books[code] = self._build_book(code, self._rng(code))
        return self._books[code]

    def step(self, code: str, halts: Callable[[str, int], bool] | None = None) -> bool:
        """One random-walk step: up, down or unchanged by one tick, then a fresh book around the price. `halts`
        sees a new price before it trades (the KRX clock's VI check): True stops the step. True when it traded."""
        quote = self.quotes[code]
        quote.step += 1
        rng = self._rng(code)
        draw = rng.random()
        instrument = self.listings[code].instrument
        limits = self.limits(code)
        price = quote.price
        if draw < 0.3:
            price = max(tick_down(price, instrument), limits.lower)
        elif draw < 0.6:
            price = min(tick_up(price, instrument), limits.upper)
        if halts is not None and price != quote.price and halts(code, price):
            return False
        self._books[code] = self._build_book(code, rng, price)
        quote.trade(price, self._books[code].resting_liquidity)
        return True

    def set_price(self, code: str, price: int, depth: int | None = None) -> None:
        """Moves the market to `price` (a trade there) and optionally pins every level's quantity to `depth`."""
        limits = self.limits(code)
        if not limits.contains(price):
            raise ValueError(f"{price} is outside {code}'s limits {limits.lower}..{limits.upper}")
        if depth is not None:
            self._pinned_depth[code] = depth
        self._books[code] = self._build_book(code, self._rng(code), price)
        self.quotes[code].trade(price, 0)

    def show_book(self, code: str, book: Book) -> None:
        """During an auction the book shows the orders collected for it."""
        self._books[code] = book

    def rebuild_book(self, code: str) -> None:
        """A fresh book around the current price (continuous trading resumes after an auction)."""
        self._books[code] = self._build_book(code, self._rng(code))

    def new_day(self, code: str) -> None:
        """Yesterday's last price becomes today's base price; the limits move with it."""
        quote = self.quotes[code]
        self.quotes[code] = Quote(
            code, quote.price, quote.price, quote.price, quote.price, quote.price, step=quote.step
        )
        self._books.pop(code, None)

    def _rng(self, code: str) -> random.Random:
        return random.Random(f"{self.seed}:{code}:{self.quotes[code].step}")

    def _build_book(self, code: str, rng: random.Random, price: int | None = None) -> Book:
        quote = self.quotes[code]
        price = quote.price if price is None else price
        instrument = self.listings[code].instrument
        limits = self.limits(code)
        lot = max(1, _LEVEL_VALUE_KRW // price)

        def quantity() -> int:
            pinned = self._pinned_depth.get(code)
            return pinned if pinned is not None else max(1, int(lot * rng.uniform(0.2, 1.5)))

        book = Book()
        ask = tick_up(price, instrument)
        while ask <= limits.upper and len(book.asks) < BOOK_LEVELS:
            book.asks.append(Level(ask, quantity()))
            ask = tick_up(ask, instrument)
        bid = price
        while bid >= limits.lower and len(book.bids) < BOOK_LEVELS:
            book.bids.append(Level(bid, quantity()))
            bid = tick_down(bid, instrument)
        book.resting_liquidity = quantity()
        return book
