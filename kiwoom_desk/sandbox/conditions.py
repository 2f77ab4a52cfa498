"""The Sandbox's built-in condition-search formulas (조건검색식), computed from the live market.

On the real server the trader saves conditions in 영웅문4 and the API only lists and runs them
(kiwoom-api-market.md §1). The Sandbox has no HTS, so it ships a few fixed formulas instead: each is a rule on
one stock's quote, limits or tape, evaluated whenever that stock's price moves. `RULES` keeps their exact
wording (the README quotes it); the arithmetic is in integers, so a boundary is exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .broker import Broker

SURGE_MINUTES = 5  # the window of 거래량 급증, compared with the window before it
SURGE_FACTOR = 2
SURGE_MIN_SHARES = 1_000  # a surge of a few shares is noise


@dataclass(frozen=True)
class Condition:
    seq: str
    name: str  # what CNSRLST lists
    rule: str  # the exact rule, in words
    matches: Callable[[Broker, str], bool]


def _rising(broker: Broker, code: str) -> bool:
    quote = broker.market.quotes[code]
    return (quote.price - quote.base_price) * 100 >= 3 * quote.base_price


def _volume_surge(broker: Broker, code: str) -> bool:
    minutes = broker.tape.minute_volumes(code, broker.clock(), 2 * SURGE_MINUTES)
    before, recent = sum(minutes[:SURGE_MINUTES]), sum(minutes[SURGE_MINUTES:])
    return before > 0 and recent >= SURGE_FACTOR * before and recent >= SURGE_MIN_SHARES


def _near_upper_limit(broker: Broker, code: str) -> bool:
    return broker.market.quotes[code].price * 100 >= broker.market.limits(code).upper * 95


def _new_high(broker: Broker, code: str) -> bool:
    quote = broker.market.quotes[code]
    return quote.price == quote.high and quote.price > quote.open


RULES: tuple[Condition, ...] = (
    Condition(
        "0",
        "등락률 +3% 이상",
        "change against the base price (yesterday's close) of +3.00 % or more: (price − base) × 100 ≥ 3 × base",
        _rising,
    ),
    Condition(
        "1",
        "거래량 급증",
        f"the volume printed in the last {SURGE_MINUTES} minutes (this minute and the {SURGE_MINUTES - 1} before it, "
        f"on the tape) is at least {SURGE_FACTOR}× the {SURGE_MINUTES} minutes before them, which traded at all, "
        f"and at least {SURGE_MIN_SHARES:,} shares",
        _volume_surge,
    ),
    Condition(
        "2",
        "상한가 근접",
        "price within 5 % of the day's upper limit: price × 100 ≥ upper limit × 95",
        _near_upper_limit,
    ),
    Condition(
        "3",
        "신고가",
        "a new high of the day: the price equals the day's high and is above the day's open",
        _new_high,
    ),
)
BY_SEQ = {condition.seq: condition for condition in RULES}


def matching(broker: Broker, condition: Condition) -> list[str]:
    """The stocks that meet `condition` now, by code."""
    return sorted(code for code in broker.market.quotes if condition.matches(broker, code))
