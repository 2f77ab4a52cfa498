"""Access tokens (au10001 / au10002): issued, checked, revoked, expired. Held in memory only.

A restart forgets every token, as a real server's key rotation would; the client then gets 8005 and issues a new
one, which is exactly the path it must handle anyway.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from . import errors
from .clock import Clock


@dataclass
class IssuedToken:
    appkey: str
    expires_at: datetime


class TokenRegistry:
    def __init__(self, clock: Clock, lifetime: timedelta, credentials: tuple[str, str] | None = None) -> None:
        self._clock = clock
        self.lifetime = lifetime
        self._credentials = credentials
        self._tokens: dict[str, IssuedToken] = {}

    def issue(self, grant_type: str, appkey: str, secretkey: str) -> tuple[str, datetime]:
        if grant_type != "client_credentials":
            raise errors.documented(8012)
        self._verify(appkey, secretkey)
        token = secrets.token_urlsafe(64)
        expires_at = (self._clock() + self.lifetime).replace(microsecond=0)
        self._tokens[token] = IssuedToken(appkey, expires_at)
        return token, expires_at

    def revoke(self, appkey: str, secretkey: str, token: str) -> None:
        self._verify(appkey, secretkey)
        issued = self._tokens.get(token)
        if issued is None or issued.appkey != appkey:
            raise errors.token_invalid()
        del self._tokens[token]

    def check(self, token: str) -> None:
        issued = self._tokens.get(token)
        if issued is None or issued.expires_at <= self._clock():
            raise errors.token_invalid()

    def expire_all(self) -> None:
        """Fault injection: every token issued so far is now past its expiry."""
        past = self._clock() - timedelta(seconds=1)
        for issued in self._tokens.values():
            issued.expires_at = past

    def _verify(self, appkey: str, secretkey: str) -> None:
        if self._credentials is not None and not (
            secrets.compare_digest(appkey, self._credentials[0])
            and secrets.compare_digest(secretkey, self._credentials[1])
        ):
            raise errors.documented(8001)


def parse_authorization(header: str | None) -> str:
    """The token from `authorization: Bearer <token>`, or the 151x error the real server gives."""
    if header is None:
        raise errors.documented(1513)
    header = header.strip()
    if header.lower() == "bearer":  # HTTP drops trailing spaces, so "Bearer " arrives like this
        raise errors.documented(1516)
    scheme, space, token = header.partition(" ")
    if not space:
        raise errors.documented(1514)
    if scheme.lower() != "bearer":
        raise errors.documented(1515)
    if not token.strip():
        raise errors.documented(1516)
    return token.strip()
