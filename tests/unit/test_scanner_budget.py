"""The scanner's refresh budget (#15): an automatic refresh goes only when the rate limit keeps a request to spare for
an order, and never more often than the environment's floor."""

from __future__ import annotations

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom.ratelimit import MOCK_LIMITS, REAL_LIMITS, UNLIMITED, RateLimiter
from kiwoom_desk.trading.scanner import AUTO_FLOOR_SECONDS, RefreshBudget


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_background_query_waits_while_an_order_would_have_to() -> None:
    clock = Clock()
    limiter = RateLimiter(REAL_LIMITS, clock)
    assert limiter.spare(["ka10032"])
    for api_id in ("kt10000", "ka10075", "kt00018"):  # an order and its refreshes: 3 of the 5 a second
        assert limiter.reserve(api_id) == 0
    assert limiter.spare(["ka10032"])  # 2 left: one for the query, one for the next order
    assert limiter.reserve("kt10001") == 0
    assert not limiter.spare(["ka10032"])  # only 1 left: it is the order's
    clock.now += 0.2  # 5 a second: one more token
    assert limiter.spare(["ka10032"])
    assert not limiter.spare(["ka90009", "ka10095"])  # a read of two requests needs two, and one for the order


def test_the_same_query_twice_waits_for_its_own_budget() -> None:
    clock = Clock()
    limiter = RateLimiter(MOCK_LIMITS, clock)  # 1 a second per api-id, no burst
    limiter.reserve("ka10027")
    assert not limiter.spare(["ka10027"]) and limiter.spare(["ka10030"])
    clock.now += 1.0
    assert limiter.spare(["ka10027"])


def test_the_sandbox_never_holds_a_query_back() -> None:
    limiter = RateLimiter(UNLIMITED)
    for _ in range(100):
        limiter.reserve("ka10032")
    assert limiter.spare(["ka10032"])


def test_an_automatic_refresh_keeps_to_the_trader_interval_and_the_environment_floor() -> None:
    budget = RefreshBudget(Environment.MOCK, interval=5)
    assert budget.period == AUTO_FLOOR_SECONDS[Environment.MOCK] == 10  # the mock server is stricter
    assert budget.due(now=0)
    budget.spent(now=0)
    assert not budget.due(now=9.9) and budget.due(now=10)
    sandbox = RefreshBudget(Environment.SANDBOX, interval=30)
    sandbox.spent(now=0)
    assert not sandbox.due(now=29) and sandbox.due(now=30)
