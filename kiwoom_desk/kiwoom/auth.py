"""Access tokens: issued on first need, one issuance shared by concurrent callers, renewed ahead of expiry,
revoked on close (au10001 / au10002, kiwoom-api.md §2).

The HTTP itself is the client's; this module decides *when*. `expires_dt` has no timezone on the wire: it is
Korean time, as the official client reads it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
REFRESH_MARGIN = timedelta(seconds=600)  # the official client renews 10 minutes early
# A token that reads as expired on arrival (this computer's clock runs ahead of the server's) is kept this long by
# this computer's clock, or until the server refuses it: asking again would only bring another such token.
SKEWED_TOKEN_LIFETIME = timedelta(hours=1)

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def kst_now() -> datetime:
    return datetime.now(KST)


def parse_expiry(expires_dt: str) -> datetime:
    """`YYYYMMDDHHMMSS` in Korean time."""
    return datetime.strptime(expires_dt, "%Y%m%d%H%M%S").replace(tzinfo=KST)


@dataclass(frozen=True)
class AccessToken:
    value: str = field(repr=False)  # never in a repr, a log line or an exception
    expires_at: datetime


class TokenManager:
    def __init__(
        self,
        issue: Callable[[], Awaitable[AccessToken]],
        revoke: Callable[[AccessToken], Awaitable[None]],
        clock: Clock = kst_now,
        margin: timedelta = REFRESH_MARGIN,
    ) -> None:
        self._issue = issue
        self._revoke = revoke
        self._clock = clock
        self._margin = margin
        self._token: AccessToken | None = None
        self._lock = asyncio.Lock()

    @property
    def current(self) -> AccessToken | None:
        return self._token

    def _fresh(self, token: AccessToken | None) -> bool:
        return token is not None and self._clock() < token.expires_at - self._margin

    async def get(self) -> AccessToken:
        """A token good for at least the refresh margin; concurrent callers share one issuance."""
        if self._fresh(self._token):
            assert self._token is not None
            return self._token
        async with self._lock:
            if not self._fresh(self._token):
                token = await self._issue()
                if token.expires_at <= self._clock():  # expired on arrival (one merely near expiry is kept as is)
                    log.warning(
                        "the new token's expiry (%s KST) is already past by this computer's clock: the clock is off;"
                        " keeping the token until the server refuses it",
                        token.expires_at.strftime("%Y-%m-%d %H:%M:%S"),
                    )
                    token = replace(token, expires_at=self._clock() + self._margin + SKEWED_TOKEN_LIFETIME)
                self._token = token
            assert self._token is not None
            return self._token

    def invalidate(self, token: AccessToken) -> None:
        """The server rejected `token`: the next `get()` issues a new one (unless another caller already did)."""
        if self._token is token:
            self._token = None

    async def revoke(self) -> None:
        token, self._token = self._token, None
        if token is not None:
            await self._revoke(token)
