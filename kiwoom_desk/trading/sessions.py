"""Which phase the market is in at a KST moment (krx-rules.md §3, §7): KRX's for Mock and Real, the Sandbox's
own for the Sandbox (continuous trading on its continuous clock, KRX's timetable on its KRX day), when the phase
changes next, and which order types the session (or a stock's VI auction) takes. For the status bar and the ticket
only: the server, not this table, has the last word on what an order may do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from ..environments import Environment
from ..kiwoom import TradeType, Venue

KST = ZoneInfo("Asia/Seoul")
HOLIDAYS_2026 = frozenset(
    date(2026, month, day)
    for month, day in [
        (1, 1),
        (2, 16),
        (2, 17),
        (2, 18),
        (3, 2),
        (5, 1),
        (5, 5),
        (5, 25),
        (6, 3),
        (8, 17),
        (9, 24),
        (9, 25),
        (10, 5),
        (10, 9),
        (12, 25),
        (12, 31),
    ]
)


class Phase(StrEnum):
    CLOSED = "closed"  # weekend, holiday or night
    PRE_MARKET = "pre_market"  # 08:30-09:00: pre-market closing price and opening auction
    REGULAR = "regular"  # 09:00-15:20
    CLOSING_AUCTION = "closing_auction"  # 15:20-15:30
    AFTER_CLOSE = "after_close"  # 15:30-15:40: the regular market has closed, the after-market not yet opened
    AFTER_HOURS_CLOSE_PRICE = "after_hours_close_price"  # 15:40-16:00: 장후 시간외종가
    AFTER_HOURS_SINGLE = "after_hours_single"  # 16:00-18:00: 시간외 단일가


AUCTION_PHASES = frozenset({Phase.PRE_MARKET, Phase.CLOSING_AUCTION, Phase.AFTER_HOURS_SINGLE})
TIMETABLE: tuple[tuple[time, Phase], ...] = (  # KRX's day: each phase from its start to the next one's
    (time(8, 30), Phase.PRE_MARKET),
    (time(9, 0), Phase.REGULAR),
    (time(15, 20), Phase.CLOSING_AUCTION),
    (time(15, 30), Phase.AFTER_CLOSE),
    (time(15, 40), Phase.AFTER_HOURS_CLOSE_PRICE),
    (time(16, 0), Phase.AFTER_HOURS_SINGLE),
    (time(18, 0), Phase.CLOSED),
)
# The Sandbox's KRX day ends at 18:10 and the next weekday starts at 08:20 (its README; the client's copy of it)
SANDBOX_NEXT_DAY, SANDBOX_DAY_OPENS = time(18, 10), time(8, 20)
# 0s FID 215 (kiwoom-api-market.md §6.2): the phase each KRX code starts. An end code followed by the next start
# (`b` then `c`), and NXT's or derivatives' codes, say nothing about KRX's stock market.
PHASE_CODES = {
    "0": Phase.PRE_MARKET,
    "3": Phase.REGULAR,
    "2": Phase.CLOSING_AUCTION,
    "4": Phase.AFTER_CLOSE,
    "8": Phase.AFTER_CLOSE,
    "a": Phase.AFTER_HOURS_CLOSE_PRICE,
    "c": Phase.AFTER_HOURS_SINGLE,
    "d": Phase.CLOSED,
    "9": Phase.CLOSED,
}


def kst_day() -> str:
    """Today in Seoul, YYYYMMDD (the exchange's day, whatever the computer's time zone)."""
    return datetime.now(KST).strftime("%Y%m%d")


def trading_day(day: date) -> bool:
    return day.weekday() < 5 and day not in HOLIDAYS_2026


def phase(now: datetime, every_day: bool = False) -> Phase:
    """KRX's phase at `now`; `every_day`: the day is a trading day whatever its date (the Sandbox's KRX day)."""
    if not every_day and not trading_day(now.date()):
        return Phase.CLOSED
    current = Phase.CLOSED
    for start, starting in TIMETABLE:
        if now.time() >= start:
            current = starting
    return current


def market_phase(environment: Environment, now: datetime, sandbox_krx: bool = False) -> Phase:
    """The phase of the market this environment trades in: the Sandbox's continuous clock is always in
    continuous trading; its KRX day follows KRX's timetable on its own date and time."""
    if environment is Environment.SANDBOX:
        return phase(now, every_day=True) if sandbox_krx else Phase.REGULAR
    return phase(now)


@dataclass(frozen=True)
class NextChange:
    at: datetime  # the exchange's time of the change
    phase: Phase | None  # what starts then; None: the Sandbox's next trading day


def next_change(now: datetime, sandbox_krx: bool = False) -> NextChange:
    """When the phase changes next after `now` (exchange time): the next boundary of the timetable today, else the
    next trading day's 08:30 (on the Sandbox's KRX day: its 18:10, when it starts the next day itself)."""
    for start, starting in TIMETABLE:
        moment = datetime.combine(now.date(), start, now.tzinfo)
        if moment > now and (sandbox_krx or trading_day(now.date())):
            return NextChange(moment, starting)
    if sandbox_krx:
        end = datetime.combine(now.date(), SANDBOX_NEXT_DAY, now.tzinfo)
        if end > now:
            return NextChange(end, None)
        return NextChange(now, None)  # the Sandbox is about to start the next day
    day = now.date() + timedelta(days=1)
    while not trading_day(day):
        day += timedelta(days=1)
    return NextChange(datetime.combine(day, TIMETABLE[0][0], now.tzinfo), TIMETABLE[0][1])


SESSION_ONLY_TYPES = frozenset({TradeType.PRE_MARKET_CLOSE, TradeType.AFTER_HOURS_SINGLE, TradeType.POST_MARKET_CLOSE})

Hours = tuple[time, time]  # KST, start included, end excluded
AUCTIONS_AND_CONTINUOUS: Hours = (time(8, 30), time(15, 30))
CONTINUOUS: Hours = (time(9, 0), time(15, 20))

# When KRX takes each order type (krx-rules.md §3, "Valid where"): data, not code, because the timetable is due to
# change (KRX's planned pre- and after-market). A stop-limit's KRX hours are unconfirmed: continuous is assumed.
KRX_HOURS: dict[TradeType, Hours] = dict.fromkeys(TradeType, CONTINUOUS) | {  # continuous, unless named here
    TradeType.LIMIT: AUCTIONS_AND_CONTINUOUS,
    TradeType.MARKET: AUCTIONS_AND_CONTINUOUS,
    TradeType.CONDITIONAL_LIMIT: (time(8, 30), time(15, 20)),  # its remainder goes to the closing auction
    TradeType.PRE_MARKET_CLOSE: (time(8, 30), time(8, 40)),
    TradeType.POST_MARKET_CLOSE: (time(15, 40), time(16, 0)),
    TradeType.AFTER_HOURS_SINGLE: (time(16, 0), time(18, 0)),
}


def types_never_taken(environment: Environment) -> frozenset[TradeType]:
    """Order types this environment's market never takes: the Sandbox has no pre-market or after-hours session."""
    return SESSION_ONLY_TYPES if environment is Environment.SANDBOX else frozenset()


KRX_ORDER_DAY: Hours = (time(8, 30), time(18, 0))  # from the first session's open to the last one's close
# When resting orders end: 61 at 08:40, the regular orders at 15:30, 81 at 16:00, 62 at 18:00
ORDER_ENDS = tuple(sorted({KRX_HOURS[kind][1] for kind in (TradeType.LIMIT, *SESSION_ONLY_TYPES)}))


# A stock under VI trades in a single-price auction until the release: these types need continuous trading.
VI_REFUSED = frozenset(
    {
        TradeType.BEST_LIMIT,
        TradeType.PRIORITY_LIMIT,
        TradeType.LIMIT_IOC,
        TradeType.MARKET_IOC,
        TradeType.BEST_LIMIT_IOC,
        TradeType.LIMIT_FOK,
        TradeType.MARKET_FOK,
        TradeType.BEST_LIMIT_FOK,
        TradeType.STOP_LIMIT,
        TradeType.MID_PRICE,
        TradeType.MID_PRICE_IOC,
        TradeType.MID_PRICE_FOK,
    }
)


# A closing auction run on by a VI (its price reached a band at 15:30) still takes these until the release.
CLOSING_CALL_TYPES = frozenset({TradeType.LIMIT, TradeType.MARKET})


@dataclass(frozen=True)
class ViAuction:
    """Why a type is greyed for one stock: its VI auction, released at `release` (HHMMSS, may be empty)."""

    release: str


NotTaken = Hours | ViAuction | None  # the hours that take the type, the VI it waits for, or None (never here)


def types_not_taken_in_vi(release: str) -> dict[TradeType, NotTaken]:
    return dict.fromkeys(VI_REFUSED, ViAuction(release))


def types_not_taken_now(
    environment: Environment, now: datetime, venue: Venue = Venue.KRX, sandbox_krx: bool = False
) -> dict[TradeType, Hours | None]:
    """The order types the market can't take at this moment, each with the hours it takes them (None: never in
    this environment). Only KRX's hours are known: an NXT or SOR order is left to the server. Outside KRX's order
    day (nights, weekends, holidays) nothing is greyed: whether an order entered then waits for the open is
    unconfirmed, so the server decides. Within it, a break between sessions (15:30-15:40) takes nothing.
    Days with another timetable (the year's first trading day opens at 10:00; on 수능 day everything moves an hour
    later) are not in this table, so on them the server's answer is the one to trust. The Sandbox's KRX day
    (`sandbox_krx`) keeps KRX's hours to the letter, and takes nothing outside them."""
    clock = now.time()
    if environment is Environment.SANDBOX and sandbox_krx:
        return {kind: hours for kind, hours in KRX_HOURS.items() if not hours[0] <= clock < hours[1]}
    never: dict[TradeType, Hours | None] = dict.fromkeys(types_never_taken(environment))
    in_order_day = trading_day(now.date()) and KRX_ORDER_DAY[0] <= clock < KRX_ORDER_DAY[1]
    if environment is Environment.SANDBOX or venue is not Venue.KRX or not in_order_day:
        return never
    return never | {kind: hours for kind, hours in KRX_HOURS.items() if not hours[0] <= clock < hours[1]}
