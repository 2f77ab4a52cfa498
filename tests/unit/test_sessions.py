"""Which order types KRX's session takes at a moment (krx-rules.md §3), and the Sandbox's own rule."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import TradeType as T
from kiwoom_desk.trading.sessions import KST, types_not_taken_now

CONTINUOUS_ONLY = {T.BEST_LIMIT, T.PRIORITY_LIMIT, T.LIMIT_IOC, T.LIMIT_FOK, T.MARKET_IOC, T.MARKET_FOK}


@pytest.mark.parametrize(
    ("hour", "minute", "taken"),
    [
        (8, 35, {T.LIMIT, T.MARKET, T.CONDITIONAL_LIMIT, T.PRE_MARKET_CLOSE}),  # opening auction, pre-market close
        (8, 45, {T.LIMIT, T.MARKET, T.CONDITIONAL_LIMIT}),
        (15, 25, {T.LIMIT, T.MARKET}),  # closing auction: a conditional limit must be in before 15:20
        (15, 45, {T.POST_MARKET_CLOSE}),
        (16, 0, {T.AFTER_HOURS_SINGLE}),
        (17, 59, {T.AFTER_HOURS_SINGLE}),
    ],
)
def test_krx_takes_each_type_only_in_its_session(hour: int, minute: int, taken: set[T]) -> None:
    moment = datetime(2026, 11, 25, hour, minute, tzinfo=KST)  # a Wednesday
    for environment in (Environment.MOCK, Environment.REAL):
        assert set(T) - set(types_not_taken_now(environment, moment)) == taken


def test_continuous_trading_takes_every_type_but_the_session_ones() -> None:
    not_taken = types_not_taken_now(Environment.REAL, datetime(2026, 11, 25, 10, 0, tzinfo=KST))
    assert set(not_taken) == {T.PRE_MARKET_CLOSE, T.POST_MARKET_CLOSE, T.AFTER_HOURS_SINGLE}
    assert CONTINUOUS_ONLY.isdisjoint(not_taken)
    assert not_taken[T.AFTER_HOURS_SINGLE] == (datetime(2026, 1, 1, 16).time(), datetime(2026, 1, 1, 18).time())


@pytest.mark.parametrize(
    "moment", [datetime(2026, 11, 25, 20, 0), datetime(2026, 11, 28, 10, 0), datetime(2026, 12, 25, 10, 0)]
)
def test_while_krx_is_closed_nothing_is_greyed_and_the_server_decides(moment: datetime) -> None:
    assert types_not_taken_now(Environment.MOCK, moment.replace(tzinfo=KST)) == {}  # night, Saturday, Christmas


def test_the_sandbox_never_takes_the_session_types_whatever_the_hour() -> None:
    for hour in (3, 10, 16):
        not_taken = types_not_taken_now(Environment.SANDBOX, datetime(2026, 11, 25, hour, 0, tzinfo=KST))
        assert not_taken == dict.fromkeys({T.PRE_MARKET_CLOSE, T.POST_MARKET_CLOSE, T.AFTER_HOURS_SINGLE})
