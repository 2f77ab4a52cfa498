"""Which order types KRX's session takes at a moment (krx-rules.md §3), and the Sandbox's own rule."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import TradeType as T
from kiwoom_desk.kiwoom import Venue
from kiwoom_desk.trading.sessions import KST, types_not_taken_now

SESSION_TYPES = {T.PRE_MARKET_CLOSE, T.POST_MARKET_CLOSE, T.AFTER_HOURS_SINGLE}
AUCTIONS = {T.LIMIT, T.MARKET, T.CONDITIONAL_LIMIT}


def taken(hour: int, minute: int, environment: Environment = Environment.REAL, venue: Venue = Venue.KRX) -> set[T]:
    moment = datetime(2026, 11, 25, hour, minute, tzinfo=KST)  # a Wednesday
    return set(T) - set(types_not_taken_now(environment, moment, venue))


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        (8, 30, AUCTIONS | {T.PRE_MARKET_CLOSE}),  # opening auction and the pre-market closing-price trade
        (8, 39, AUCTIONS | {T.PRE_MARKET_CLOSE}),
        (8, 40, AUCTIONS),
        (8, 59, AUCTIONS),
        (9, 0, set(T) - SESSION_TYPES),  # continuous trading: every type but the session ones
        (15, 19, set(T) - SESSION_TYPES),
        (15, 20, {T.LIMIT, T.MARKET}),  # closing auction: a conditional limit must be in before 15:20
        (15, 29, {T.LIMIT, T.MARKET}),
        (15, 30, set()),  # the break before the after-market: nothing is taken, and the ticket says so
        (15, 39, set()),
        (15, 40, {T.POST_MARKET_CLOSE}),
        (16, 0, {T.AFTER_HOURS_SINGLE}),
        (17, 59, {T.AFTER_HOURS_SINGLE}),
    ],
)
def test_krx_takes_each_type_only_in_its_session(hour: int, minute: int, expected: set[T]) -> None:
    assert taken(hour, minute, Environment.REAL) == expected
    assert taken(hour, minute, Environment.MOCK) == expected


def test_a_greyed_type_carries_the_hours_it_is_taken() -> None:
    not_taken = types_not_taken_now(Environment.REAL, datetime(2026, 11, 25, 10, 0, tzinfo=KST))
    assert not_taken[T.AFTER_HOURS_SINGLE] == (time(16), time(18))
    assert not_taken[T.PRE_MARKET_CLOSE] == (time(8, 30), time(8, 40))


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 11, 25, 8, 29),  # before the order day
        datetime(2026, 11, 25, 18, 0),  # after it
        datetime(2026, 11, 25, 20, 0),
        datetime(2026, 11, 28, 10, 0),  # Saturday
        datetime(2026, 12, 25, 10, 0),  # Christmas
    ],
)
def test_outside_krx_order_day_nothing_is_greyed_and_the_server_decides(moment: datetime) -> None:
    assert types_not_taken_now(Environment.MOCK, moment.replace(tzinfo=KST)) == {}


def test_nxt_and_sor_orders_are_left_to_the_server() -> None:
    """KRX's hours say nothing about NXT (its after-market runs to 20:00) or SOR."""
    for venue in (Venue.NXT, Venue.SOR):
        for hour, minute in ((10, 0), (15, 35), (16, 30), (19, 0)):
            assert taken(hour, minute, Environment.REAL, venue) == set(T)


def test_the_sandbox_never_takes_the_session_types_whatever_the_hour() -> None:
    for hour in (3, 10, 16):
        not_taken = types_not_taken_now(Environment.SANDBOX, datetime(2026, 11, 25, hour, 0, tzinfo=KST))
        assert not_taken == dict.fromkeys(SESSION_TYPES)
