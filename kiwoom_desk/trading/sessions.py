"""Which phase the market is in at a KST moment (krx-rules.md §3, §7): KRX's for Mock and Real, the Sandbox's
own for the Sandbox (always in continuous trading), and which order types the session takes. For the status bar
and the ticket only: the server, not this table, has the last word on what an order may do."""

from __future__ import annotations

from datetime import date, datetime, time
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
    AFTER_HOURS = "after_hours"  # 15:40-18:00: closing-price trade, then single-price session


def kst_day() -> str:
    """Today in Seoul, YYYYMMDD (the exchange's day, whatever the computer's time zone)."""
    return datetime.now(KST).strftime("%Y%m%d")


def trading_day(day: date) -> bool:
    return day.weekday() < 5 and day not in HOLIDAYS_2026


def phase(now: datetime) -> Phase:
    if not trading_day(now.date()):
        return Phase.CLOSED
    clock = now.time()
    if time(8, 30) <= clock < time(9, 0):
        return Phase.PRE_MARKET
    if time(9, 0) <= clock < time(15, 20):
        return Phase.REGULAR
    if time(15, 20) <= clock < time(15, 30):
        return Phase.CLOSING_AUCTION
    if time(15, 40) <= clock < time(18, 0):
        return Phase.AFTER_HOURS
    return Phase.CLOSED


def market_phase(environment: Environment, now: datetime) -> Phase:
    """The phase of the market this environment trades in: the Sandbox's is always continuous trading."""
    return Phase.REGULAR if environment is Environment.SANDBOX else phase(now)


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


def types_not_taken_now(
    environment: Environment, now: datetime, venue: Venue = Venue.KRX
) -> dict[TradeType, Hours | None]:
    """The order types the market can't take at this moment, each with the hours it takes them (None: never in
    this environment). Only KRX's hours are known: an NXT or SOR order is left to the server. Outside KRX's order
    day (nights, weekends, holidays) nothing is greyed: whether an order entered then waits for the open is
    unconfirmed, so the server decides. Within it, a break between sessions (15:30-15:40) takes nothing.
    Days with another timetable (the year's first trading day opens at 10:00; on 수능 day everything moves an hour
    later) are not in this table, so on them the server's answer is the one to trust."""
    never: dict[TradeType, Hours | None] = dict.fromkeys(types_never_taken(environment))
    clock = now.time()
    in_order_day = trading_day(now.date()) and KRX_ORDER_DAY[0] <= clock < KRX_ORDER_DAY[1]
    if environment is Environment.SANDBOX or venue is not Venue.KRX or not in_order_day:
        return never
    return never | {kind: hours for kind, hours in KRX_HOURS.items() if not hours[0] <= clock < hours[1]}
