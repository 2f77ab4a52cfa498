"""When the token manager keeps a token and when it asks again: a token that reads as expired on arrival (this
computer's clock ahead of the server's) is kept by this computer's clock; one merely near its expiry keeps its
real expiry (and is renewed at the next call, as any token inside the refresh margin)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from kiwoom_desk.kiwoom.auth import KST, AccessToken, TokenManager

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=KST)


def manager(lifetimes: list[timedelta]) -> tuple[TokenManager, list[AccessToken]]:
    issued: list[AccessToken] = []

    async def issue() -> AccessToken:
        token = AccessToken(f"t{len(issued)}", NOW + lifetimes[len(issued)])
        issued.append(token)
        return token

    async def revoke(_token: AccessToken) -> None:
        return None

    return TokenManager(issue, revoke, clock=lambda: NOW), issued


def test_a_token_expired_on_arrival_is_kept_by_this_computers_clock() -> None:
    tokens, issued = manager([timedelta(hours=-2), timedelta(hours=24)])
    first = asyncio.run(tokens.get())
    assert first.value == "t0" and first.expires_at > NOW  # kept, not asked for again at every call
    assert asyncio.run(tokens.get()) is first and len(issued) == 1


def test_a_token_near_its_expiry_keeps_its_real_expiry() -> None:
    tokens, issued = manager([timedelta(minutes=5), timedelta(hours=24)])
    first = asyncio.run(tokens.get())
    assert first.expires_at == NOW + timedelta(minutes=5)  # the server's word, not a made-up hour
    second = asyncio.run(tokens.get())  # inside the refresh margin: the next call renews it
    assert second.value == "t1" and len(issued) == 2
