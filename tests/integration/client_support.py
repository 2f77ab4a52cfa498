"""Helpers for the client tests: a real transport that counts what it sends, and a client wired to a Sandbox."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from kiwoom_desk.kiwoom import KiwoomClient, Venue
from kiwoom_desk.sandbox import SandboxExchange

APPKEY = "test-app-key-0123456789abcdef"
SECRETKEY = "test-secret-key-fedcba9876543210"


class CountingTransport(httpx.AsyncBaseTransport):
    """httpx's own transport over real sockets, counting the requests per api-id (and the tokens used)."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.sent: Counter[str] = Counter()
        self.tokens: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent[request.headers.get("api-id", "")] += 1
        authorization = request.headers.get("authorization", "")
        if authorization.startswith("Bearer "):
            self.tokens.append(authorization.removeprefix("Bearer "))
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def client_for(exchange: SandboxExchange, transport: CountingTransport, **options: Any) -> KiwoomClient:
    options.setdefault("allowed_venues", frozenset({Venue.KRX}))
    options.setdefault("retry_backoff", 0.01)
    return KiwoomClient(exchange.rest_url, APPKEY, SECRETKEY, transport=transport, **options)


async def eventually(check: Callable[[], Awaitable[Any]], message: str, within: float = 10.0) -> None:
    """Awaits `check()` until it gives something truthy; fails with `message` after `within` seconds."""
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        await asyncio.sleep(0.005)
