"""The trader's fat-finger limits (#12): each limit says what it allows, the minute's count frees on time, and
only the practice environments can be overridden."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import Side, TradeType, Venue
from kiwoom_desk.trading.limits import DEFAULT_LIMITS, LimitExceededError, OrderGuard, OrderPace
from kiwoom_desk.trading.rules import (
    LIMIT_KINDS,
    Account,
    Kind,
    Pace,
    Quote,
    RiskLimits,
    Ticket,
    limit_problems,
    price_band,
    validate,
)
from kiwoom_desk.trading.ticks import is_on_tick, price_limits

QUOTE = Quote("005930", "삼성전자", 60_000, price_limits(60_000))
LIMITS = RiskLimits(max_quantity=100, max_amount=3_000_000, max_distance_percent=10, max_orders_per_minute=3)


def buy(quantity: int, price: int = 60_000, trade_type: TradeType = TradeType.LIMIT) -> Ticket:
    return Ticket(Side.BUY, "005930", trade_type, Venue.KRX, price if trade_type.needs_price else 0, quantity)


def kinds(ticket: Ticket, pace: Pace | None = None, quote: Quote | None = QUOTE) -> set[Kind]:
    return {problem.kind for problem in limit_problems(ticket, quote, LIMITS, pace or Pace())}


def test_an_order_inside_every_limit_passes() -> None:
    assert kinds(buy(50)) == set()
    assert kinds(buy(50), Pace(2, 0)) == set()


def test_each_limit_blocks_with_what_it_allows() -> None:
    (quantity,) = limit_problems(buy(101), QUOTE, RiskLimits(max_quantity=100), Pace())
    assert (quantity.kind, quantity.params) == (Kind.OVER_MAX_QUANTITY, {"limit": 100})
    (amount,) = limit_problems(buy(51), QUOTE, LIMITS, Pace())
    assert (amount.kind, amount.params) == (Kind.OVER_MAX_AMOUNT, {"amount": 3_060_000, "limit": 3_000_000})
    (far,) = limit_problems(buy(10, 66_100), QUOTE, LIMITS, Pace())
    assert (far.kind, far.params) == (Kind.PRICE_TOO_FAR, {"percent": 10, "low": 54_000, "high": 66_000})
    (pace,) = limit_problems(buy(10), QUOTE, LIMITS, Pace(3, 17))
    assert (pace.kind, pace.params) == (Kind.TOO_MANY_ORDERS, {"limit": 3, "seconds": 17})


def test_a_market_order_is_held_to_the_amount_at_the_current_price_and_has_no_distance() -> None:
    assert kinds(buy(50, trade_type=TradeType.MARKET)) == set()
    assert kinds(buy(51, trade_type=TradeType.MARKET)) == {Kind.OVER_MAX_AMOUNT}


def test_zero_switches_a_limit_off() -> None:
    off = RiskLimits()
    assert limit_problems(buy(9_999_999, 78_000), QUOTE, off, Pace(1_000, 60)) == []


def test_the_ticket_rules_include_the_limits() -> None:
    problems = validate(buy(200), QUOTE, Environment.SANDBOX, Account(), limits=LIMITS)
    assert {problem.kind for problem in problems} == {Kind.OVER_MAX_QUANTITY, Kind.OVER_MAX_AMOUNT}


@given(current=st.integers(1_000, 2_000_000), percent=st.integers(1, 29))
def test_the_allowed_band_is_on_ticks_inside_the_percent_and_the_day_limits(current: int, percent: int) -> None:
    quote = Quote("005930", "x", current, price_limits(current))
    low, high = price_band(quote, percent)
    assert is_on_tick(low) and is_on_tick(high)
    assert low * 100 >= current * (100 - percent) and high * 100 <= current * (100 + percent)
    assert quote.limits.lower <= low <= high <= quote.limits.upper


def test_the_minute_count_frees_a_place_when_its_oldest_order_is_a_minute_old() -> None:
    now = [1_000.0]
    pace = OrderPace(lambda: now[0])
    for moment in (1_000.0, 1_010.0, 1_030.5):
        now[0] = moment
        pace.sent()
    now[0] = 1_040.0
    assert pace.now(3) == Pace(3, 20)  # the first leaves at 1,060
    assert pace.now(2) == Pace(3, 30)  # two must leave: the second at 1,070
    assert pace.now(4) == Pace(3, 0)
    now[0] = 1_060.0
    assert pace.now(3) == Pace(2, 0)


def test_the_desk_guard_counts_what_it_lets_through_and_refuses_the_rest() -> None:
    now = [0.0]
    guard = OrderGuard(Environment.SANDBOX, LIMITS, OrderPace(lambda: now[0]))
    for _ in range(3):
        guard.check(buy(1), QUOTE)
    with pytest.raises(LimitExceededError) as refused:
        guard.check(buy(1), QUOTE)
    assert [problem.kind for problem in refused.value.problems] == [Kind.TOO_MANY_ORDERS]
    with pytest.raises(LimitExceededError):  # overriding one limit lets no other through
        guard.check(buy(1), QUOTE, override={Kind.OVER_MAX_QUANTITY})
    guard.check(buy(1), QUOTE, override={Kind.TOO_MANY_ORDERS})  # practice: the trader may say "this once"
    assert guard.now().sent_last_minute == 4


def test_real_limits_are_stricter_and_can_not_be_overridden() -> None:
    real, practice = DEFAULT_LIMITS[Environment.REAL], DEFAULT_LIMITS[Environment.MOCK]
    assert real.max_quantity < practice.max_quantity and real.max_amount < practice.max_amount
    assert real.max_distance_percent == 10 and real.max_orders_per_minute < practice.max_orders_per_minute
    guard = OrderGuard(Environment.REAL, LIMITS)
    with pytest.raises(LimitExceededError):
        guard.check(buy(101), QUOTE, override={Kind.OVER_MAX_QUANTITY})
    assert guard.now().sent_last_minute == 0  # nothing refused is counted as sent
    guard.limits = RiskLimits(max_quantity=5)  # a limit switched off is not off in Real: its default holds
    assert guard.limits == RiskLimits(5, real.max_amount, real.max_distance_percent, real.max_orders_per_minute)


def test_a_limit_is_said_before_the_cash_and_overriding_it_still_checks_the_cash() -> None:
    far = buy(200, 66_100)  # too many shares, too far from the price, and more than the cash
    problems = validate(far, QUOTE, Environment.SANDBOX, Account(orderable_cash=1_000_000), limits=LIMITS)
    kinds_in_order = [problem.kind for problem in problems]
    assert kinds_in_order[-1] is Kind.CASH_SHORT and Kind.OVER_MAX_QUANTITY in kinds_in_order[:-1]
    assert Kind.PRICE_TOO_FAR in kinds_in_order
    not_overridable = [problem.kind for problem in problems if problem.kind not in LIMIT_KINDS]
    assert not_overridable == [Kind.CASH_SHORT]  # what an override leaves standing: the cash
