"""The trader's fat-finger limits at the desk: whatever builds an order (the ticket, a hotkey, a script), the
desk checks it against the environment's limits and the orders of the last minute before anything is sent.

The limits themselves and what breaks them are in `rules.py`, with every other ticket rule; this module keeps
the defaults, counts the orders of the last minute and refuses. No Qt: the window reads and saves the limits.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Collection
from dataclasses import astuple

from ..environments import Environment
from .rules import Kind, Pace, Problem, Quote, RiskLimits, Ticket, limit_problems

PRACTICE_LIMITS = RiskLimits(
    max_quantity=10_000, max_amount=100_000_000, max_distance_percent=20, max_orders_per_minute=60
)
DEFAULT_LIMITS = {
    Environment.SANDBOX: PRACTICE_LIMITS,
    Environment.MOCK: PRACTICE_LIMITS,
    Environment.REAL: RiskLimits(  # real money: tighter, and always on
        max_quantity=1_000, max_amount=10_000_000, max_distance_percent=10, max_orders_per_minute=20
    ),
}
PACE_WINDOW_SECONDS = 60.0


class LimitExceededError(Exception):
    """The desk refused an order over the trader's limits; nothing was sent."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("over the trader's limits: " + ", ".join(problem.kind.value for problem in problems))
        self.problems = problems


class OrderPace:
    """When this environment's orders went out, over the last minute."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._sent: deque[float] = deque()

    def sent(self) -> None:
        self._sent.append(self._clock())

    def now(self, limit: int) -> Pace:
        """How many went out in the last minute, and in how many seconds fewer than `limit` will have."""
        now = self._clock()
        while self._sent and now - self._sent[0] >= PACE_WINDOW_SECONDS:
            self._sent.popleft()
        count = len(self._sent)
        if not limit or count < limit:
            return Pace(count, 0)
        leaves = self._sent[count - limit] + PACE_WINDOW_SECONDS  # the order whose leaving frees a place
        return Pace(count, max(1, math.ceil(leaves - now)))


class OrderGuard:
    """One environment's limits and pace. Real's limits can not be overridden; the practice environments' can, one
    order at a time, when the trader says so on the ticket."""

    def __init__(
        self, environment: Environment, limits: RiskLimits | None = None, pace: OrderPace | None = None
    ) -> None:
        self.environment = environment
        self._limits = DEFAULT_LIMITS[environment]
        self.limits = limits if limits is not None else DEFAULT_LIMITS[environment]
        self.pace = pace if pace is not None else OrderPace()

    @property
    def limits(self) -> RiskLimits:
        return self._limits

    @limits.setter
    def limits(self, limits: RiskLimits) -> None:
        """Real money always has every limit: one switched off (0) there keeps its default."""
        if self.environment is Environment.REAL:
            defaults = DEFAULT_LIMITS[Environment.REAL]
            pairs = zip(astuple(limits), astuple(defaults), strict=True)
            limits = RiskLimits(*(mine or default for mine, default in pairs))
        self._limits = limits

    @property
    def can_override(self) -> bool:
        return self.environment is not Environment.REAL

    def now(self) -> Pace:
        return self.pace.now(self.limits.max_orders_per_minute)

    def needs_quote(self, ticket: Ticket) -> bool:
        """Whether checking `ticket` needs the current price: a limit price's distance, a market order's amount."""
        return bool(
            (self.limits.max_distance_percent and ticket.trade_type.needs_price)
            or (self.limits.max_amount and not ticket.trade_type.needs_price)
        )

    def check(self, ticket: Ticket, quote: Quote | None, override: Collection[Kind] = frozenset()) -> list[Problem]:
        """Raises LimitExceededError for an order over the limits, but for those the trader chose to override
        where that is allowed; otherwise counts it as sent (before it leaves: an order that may not have left
        still counts, which errs on the safe side) and returns the limits it goes over by the trader's choice."""
        problems = limit_problems(ticket, quote, self.limits, self.now())
        allowed = override if self.can_override else frozenset()
        if any(problem.kind not in allowed for problem in problems):
            raise LimitExceededError(problems)
        self.pace.sent()
        return problems
