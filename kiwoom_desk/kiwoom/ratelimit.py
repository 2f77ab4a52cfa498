"""Token buckets per api-id plus one global bucket, with per-environment settings (krx-rules.md §5).

Kiwoom publishes no numbers. The defaults follow the best evidence: about 1 request/s per api-id with a burst of
2 and 5/s overall on the real server, 1/s per api-id on the mock server. The Sandbox has no limits. Callers wait
for their turn instead of being refused.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class RateLimits:
    per_api_rate: float | None  # requests per second for one api-id; None: unlimited
    per_api_burst: int
    global_rate: float | None
    global_burst: int


CHART_API_IDS = frozenset({"ka10080", "ka10081"})  # 유량=1: a second call within a second is refused (no burst)
REAL_LIMITS = RateLimits(per_api_rate=1.0, per_api_burst=2, global_rate=5.0, global_burst=5)
MOCK_LIMITS = RateLimits(per_api_rate=1.0, per_api_burst=1, global_rate=5.0, global_burst=5)
UNLIMITED = RateLimits(per_api_rate=None, per_api_burst=1, global_rate=None, global_burst=1)


class TokenBucket:
    """Reservation-style: a caller takes a token now and is told how long to wait for it, so that concurrent
    callers queue in order instead of all waking at once."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._tokens = float(burst)
        self._updated = clock()

    def available(self) -> float:
        """Tokens there now (negative: reservations queued ahead), without taking one."""
        return min(self.burst, self._tokens + (self._clock() - self._updated) * self.rate)

    def reserve(self) -> float:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.rate)
        self._updated = now
        self._tokens -= 1
        return 0.0 if self._tokens >= 0 else -self._tokens / self.rate


class RateLimiter:
    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._global = TokenBucket(limits.global_rate, limits.global_burst, clock) if limits.global_rate else None
        self._per_api: dict[str, TokenBucket] = {}

    def reserve(self, api_id: str) -> float:
        """Seconds to wait before sending `api_id`."""
        waits = [0.0]
        if self._global is not None:
            waits.append(self._global.reserve())
        if self.limits.per_api_rate:
            bucket = self._per_api.get(api_id)
            if bucket is None:
                burst = 1 if api_id in CHART_API_IDS else self.limits.per_api_burst
                bucket = self._per_api[api_id] = TokenBucket(self.limits.per_api_rate, burst, self._clock)
            waits.append(bucket.reserve())
        return max(waits)

    def spare(self, api_ids: Sequence[str], keep: int = 1) -> bool:
        """Whether the requests `api_ids` could all go at once and still leave `keep` requests of the overall budget
        for what comes next (an order): what a background refresh asks before it spends anything."""
        if self._global is not None and self._global.available() < len(api_ids) + keep:
            return False
        for api_id, count in Counter(api_ids).items():
            bucket = self._per_api.get(api_id)
            if bucket is not None and bucket.available() < count:
                return False
        return True

    async def acquire(self, api_id: str) -> None:
        wait = self.reserve(api_id)
        if wait > 0:
            await asyncio.sleep(wait)
