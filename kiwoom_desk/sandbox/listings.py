"""The stocks the Sandbox lists, shipped as package data (data/stocks.csv)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

from ..trading.ticks import Instrument, is_on_tick

MARKET_NAMES = {"0": "거래소", "10": "코스닥", "8": "ETF"}


@dataclass(frozen=True)
class Listing:
    code: str
    name: str
    market: str  # ka10099 mrkt_tp: "0" KOSPI, "10" KOSDAQ, "8" ETF
    instrument: Instrument
    base_price: int  # the reference price of a fresh Sandbox (yesterday's close)
    listed_shares: int
    sector: str
    credit_rate: int | None = None  # margin rate of a credit buy in percent; None: not eligible for credit

    @property
    def credit_eligible(self) -> bool:
        return self.credit_rate is not None

    @property
    def market_name(self) -> str:
        return MARKET_NAMES.get(self.market, self.market)


def load_listings() -> dict[str, Listing]:
    text = resources.files(__package__).joinpath("data/stocks.csv").read_text(encoding="utf-8")
    listings: dict[str, Listing] = {}
    for row in csv.DictReader(io.StringIO(text)):
        listing = Listing(
            code=row["code"],
            name=row["name"],
            market=row["market"],
            instrument=Instrument(row["instrument"]),
            base_price=int(row["base_price"]),
            listed_shares=int(row["listed_shares"]),
            sector=row["sector"],
            credit_rate=int(row["credit_rate"]) if row.get("credit_rate") else None,
        )
        if not is_on_tick(listing.base_price, listing.instrument):
            raise ValueError(f"stocks.csv: {listing.code} base price {listing.base_price} is off the tick grid")
        if listing.credit_rate is not None and not 0 < listing.credit_rate <= 100:
            raise ValueError(f"stocks.csv: {listing.code} credit rate {listing.credit_rate} is not a percentage")
        if listing.code in listings:
            raise ValueError(f"stocks.csv: {listing.code} is listed twice")
        listings[listing.code] = listing
    return listings
