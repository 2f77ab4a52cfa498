"""Volatility interruption (VI, 변동성완화장치) on the KRX clock: the bands, who is under VI now, the seeded
bursts that reach the bands, and what `1h`, `0g` and ka10054 say about it (krx-rules.md §8, -market.md §6).

- Static VI: a trade at or beyond ±10 % of the static reference (the last single-price auction's price today: the
  opening auction's, or a VI auction's; the base price before any).
- Dynamic VI: a trade at or beyond the dynamic band from the price before the order (or burst) that trades:
  ±3 % for the Sandbox's KOSPI 200 stocks, ±6 % for the others; in the closing auction ±2 % / ±4 % of the last
  continuous price, and in the after-hours single-price session ±3 % / ±6 % of its last match (or the close).
- An auction whose price would reach a band (the opening auction: static, from the base price; the closing auction:
  static or dynamic; a 10-minute after-hours match: dynamic only) does not match: the stock's call runs on as a VI
  and matches at its release.
- KOSPI 200 here: a KOSPI ("0") stock whose stocks.csv base price × listed shares is at least 1조원 (fixed, so
  membership does not move with the day's prices). ETFs and KOSDAQ count as the others.
- The VI auction lasts 2 minutes plus a seeded extension of 0-30 s, then matches and trading resumes.
Runs only on the KRX clock (krx_day); the continuous clock never sees a VI.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..trading.ticks import Instrument
from .clock import KST
from .listings import Listing
from .numbers import rate, signed_price

STATIC_PERCENT = 10
DYNAMIC_PERCENT_KOSPI200, DYNAMIC_PERCENT_OTHER = 3, 6
CLOSING_PERCENT_KOSPI200, CLOSING_PERCENT_OTHER = 2, 4  # the closing auction's dynamic band
# where a VI started, which is the auction its release runs: a VI auction in continuous trading, or the opening,
# closing or after-hours single-price auction that runs on as a VI
VI_AUCTION, OPENING, CLOSING, AFTER_HOURS = "vi", "open", "close", "62"
KOSPI200_MIN_CAP = 1_000_000_000_000  # 1조원 of stocks.csv base price × listed shares
AUCTION = timedelta(minutes=2)
MAX_EXTENSION_SECONDS = 30
BURST_CHANCE = 0.1  # per stock per day: about 8 bursts a day over 78 listings, about half reach a VI
BURST_SIZE = (0.6, 1.4)  # the burst's move as a share of the stock's dynamic band
BURST_WINDOW = (time(9, 5), time(15, 10))
STATIC, DYNAMIC, BOTH = "정적", "동적", "동적+정적"


def kospi200(listing: Listing) -> bool:
    return (
        listing.market == "0"
        and listing.instrument is Instrument.STOCK
        and listing.base_price * listing.listed_shares >= KOSPI200_MIN_CAP
    )


def dynamic_percent(listing: Listing, session: str = VI_AUCTION) -> int:
    if session == CLOSING:
        return CLOSING_PERCENT_KOSPI200 if kospi200(listing) else CLOSING_PERCENT_OTHER
    return DYNAMIC_PERCENT_KOSPI200 if kospi200(listing) else DYNAMIC_PERCENT_OTHER


def beyond(price: int, reference: int, percent: int) -> bool:
    """At or beyond ±percent of the reference (the spec's example: 3,750 × 1.10 = 4,125 triggers at +10.00)."""
    return reference > 0 and abs(price - reference) * 100 >= percent * reference


@dataclass
class Interruption:
    """One VI of one stock."""

    code: str
    static: bool
    dynamic: bool
    price: int  # the price the trade would have printed at (VI발동가격); the current price for a forced VI
    static_ref: int
    dynamic_ref: int
    triggered: datetime
    release: datetime  # planned: two minutes plus the extension; the actual time once released
    count: int  # the stock's VIs today, this one included
    session: str = VI_AUCTION  # the auction the release runs (see VI_AUCTION ... AFTER_HOURS)

    @property
    def kind(self) -> str:
        return BOTH if self.static and self.dynamic else STATIC if self.static else DYNAMIC

    @property
    def up(self) -> bool:
        reference = self.dynamic_ref if self.dynamic else self.static_ref
        return self.price >= reference


class ViBoard:
    """The stocks under VI now, today's counts and static references, and the day's burst plan."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.running: dict[str, Interruption] = {}
        self.counts: dict[str, int] = {}
        self.static_refs: dict[str, int] = {}  # set by a VI auction's match; else the day's open
        self._bursts: dict[tuple[str, date], tuple[datetime, float, bool] | None] = {}

    def new_day(self) -> None:
        self.running.clear()
        self.counts.clear()
        self.static_refs.clear()
        self._bursts.clear()

    def static_ref(self, code: str, opened: int) -> int:
        return self.static_refs.get(code, opened)

    def start(
        self,
        code: str,
        static: bool,
        dynamic: bool,
        price: int,
        refs: tuple[int, int],
        now: datetime,
        session: str = VI_AUCTION,
    ) -> Interruption:
        """`refs`: the static and the dynamic reference prices."""
        count = self.counts[code] = self.counts.get(code, 0) + 1
        rng = random.Random(f"{self.seed}:{code}:vi:{now:%Y%m%d}:{count}")
        release = now + AUCTION + timedelta(seconds=rng.randint(0, MAX_EXTENSION_SECONDS))
        static_ref, dynamic_ref = refs
        interruption = Interruption(code, static, dynamic, price, static_ref, dynamic_ref, now, release, count, session)
        self.running[code] = interruption
        return interruption

    def end(self, code: str, now: datetime) -> Interruption:
        interruption = self.running.pop(code)
        interruption.release = now
        return interruption

    def burst(self, code: str, day: date) -> tuple[datetime, float, bool] | None:
        """(when, size as a share of the dynamic band, up) of the stock's burst that day, if it has one."""
        key = (code, day)
        if key not in self._bursts:
            rng = random.Random(f"{self.seed}:{code}:burst:{day:%Y%m%d}")
            plan: tuple[datetime, float, bool] | None = None
            if rng.random() < BURST_CHANCE:
                start = datetime.combine(day, BURST_WINDOW[0], KST)
                span = (datetime.combine(day, BURST_WINDOW[1], KST) - start).seconds
                plan = (start + timedelta(seconds=rng.randint(0, span)), rng.uniform(*BURST_SIZE), rng.random() < 0.5)
            self._bursts[key] = plan
        return self._bursts[key]


# ---- what the wire says (kiwoom-api-market.md §6.1, §6.3, §6.4) -------------------------------------------------


def _ratio(price: int, reference: int, applies: bool) -> str:
    return rate(price - reference, reference) if applies else "0.00"


def real_1h(
    vi: Interruption, listing: Listing, base: int, volume: int, value_millions: int, released: bool
) -> dict[str, str]:
    """1h: 9068 1 on trigger, 2 on release; 1224 the planned release on trigger, the release time after it."""
    sign = "+" if vi.up else "-"
    return {
        "9001": vi.code,
        "302": listing.name,
        "13": str(volume),
        "14": str(value_millions),
        "9068": "2" if released else "1",
        "9008": "101" if listing.market == "10" else "001",
        "9075": "2" if vi.session == AFTER_HOURS else "1",  # as ka10054's bf_mkrt_tp: 1 regular, 2 after hours
        "1221": str(vi.price),
        "1223": vi.triggered.strftime("%H%M%S"),
        "1224": vi.release.strftime("%H%M%S"),
        "1225": vi.kind,
        "1236": str(vi.static_ref) if vi.static else "0",
        "1237": str(vi.dynamic_ref) if vi.dynamic else "0",
        "1238": _ratio(vi.price, vi.static_ref, vi.static),
        "1239": _ratio(vi.price, vi.dynamic_ref, vi.dynamic),
        "1489": rate(vi.price - base, base),
        "1490": str(vi.count),
        "9069": "1" if vi.up else "2",
        "1279": sign + vi.kind,
    }


def real_0g(vi: Interruption, base: int, upper: int, lower: int, released: bool) -> dict[str, str]:
    """0g: 297 (임의연장) names the running VI as the spec's example does (정적VI / 동적VI / 동정적VI); blank on
    release. The limits and the base price as 0g carries them; what the Sandbox has no notion of is blank."""
    names = {STATIC: "정적VI", DYNAMIC: "동적VI", BOTH: "동정적VI"}
    return {
        "297": "" if released else names[vi.kind],
        "592": " ",
        "593": " ",
        "305": signed_price(upper, base),
        "306": signed_price(lower, base),
        "307": str(base),
        "689": "",
        "594": "",
        "382": "",
        "370": "",
    }


def row_10054(vi: Interruption, listing: Listing, opened: int, volume: int) -> dict[str, str]:
    return {
        "stk_cd": vi.code,
        "stk_nm": listing.name,
        "acc_trde_qty": str(volume),
        "motn_pric": str(vi.price),
        "dynm_dispty_rt": _ratio(vi.price, vi.dynamic_ref, vi.dynamic),
        "trde_cntr_proc_time": vi.triggered.strftime("%H%M%S"),
        "virelis_time": vi.release.strftime("%H%M%S"),
        "viaplc_tp": vi.kind,
        "dynm_stdpc": str(vi.dynamic_ref) if vi.dynamic else "0",
        "static_stdpc": str(vi.static_ref) if vi.static else "0",
        "static_dispty_rt": _ratio(vi.price, vi.static_ref, vi.static),
        "open_pric_pre_flu_rt": rate(vi.price - opened, opened),
        "vimotn_cnt": str(vi.count),
        "stex_tp": "KRX",
    }
