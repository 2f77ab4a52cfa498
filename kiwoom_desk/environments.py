"""The three places the app can trade: the embedded Sandbox, Kiwoom's mock server, Kiwoom's real server.

This is the one home of each environment's policy: where it is (`Environment.endpoints`), which venues it
trades and how fast it may be asked. The client is told these; it never guesses them from a host name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit, urlunsplit

from .kiwoom import MOCK_LIMITS, REAL_LIMITS, UNLIMITED, RateLimits, Venue


class Environment(StrEnum):
    SANDBOX = "sandbox"
    MOCK = "mock"
    REAL = "real"

    @property
    def needs_credentials(self) -> bool:
        return self is not Environment.SANDBOX

    @property
    def allowed_venues(self) -> frozenset[Venue]:
        """Mock trading is KRX-only, and so is the Sandbox that stands in for it."""
        return frozenset(Venue) if self is Environment.REAL else frozenset({Venue.KRX})

    @property
    def rate_limits(self) -> RateLimits:
        return {Environment.SANDBOX: UNLIMITED, Environment.MOCK: MOCK_LIMITS, Environment.REAL: REAL_LIMITS}[self]

    @property
    def accent(self) -> str:
        """The colour that says at a glance where orders go."""
        return {Environment.SANDBOX: "#2e7d32", Environment.MOCK: "#ef6c00", Environment.REAL: "#c62828"}[self]

    @property
    def always_confirm(self) -> bool:
        return self is Environment.REAL

    def endpoints(
        self, overrides: Mapping[Environment, Endpoints] | None = None, sandbox: Endpoints | None = None
    ) -> Endpoints:
        """Where this environment is: an override (`--rest-url`, tests) wins; Mock and Real are Kiwoom's own
        servers; the Sandbox is wherever the embedded exchange listens (`sandbox`), known once it runs."""
        if overrides and self in overrides:
            return overrides[self]
        if self is not Environment.SANDBOX:
            return KIWOOM_ENDPOINTS[self]
        if sandbox is None:
            raise LookupError("the Sandbox's endpoints are known only once it runs")
        return sandbox


WEBSOCKET_PATH = "/api/dostk/websocket"


@dataclass(frozen=True)
class Endpoints:
    rest_url: str
    ws_url: str

    @classmethod
    def from_rest_url(cls, rest_url: str, ws_url: str | None = None) -> Endpoints:
        """A server given by its REST address alone: the WebSocket is on the same host, ws(s) for http(s)."""
        rest = rest_url.rstrip("/")
        if ws_url:
            return cls(rest, ws_url)
        parts = urlsplit(rest)
        scheme = {"https": "wss", "http": "ws"}.get(parts.scheme, parts.scheme)
        return cls(rest, urlunsplit((scheme, parts.netloc, WEBSOCKET_PATH, "", "")))


KIWOOM_ENDPOINTS = {
    Environment.MOCK: Endpoints("https://mockapi.kiwoom.com", f"wss://mockapi.kiwoom.com:10000{WEBSOCKET_PATH}"),
    Environment.REAL: Endpoints("https://api.kiwoom.com", f"wss://api.kiwoom.com:10000{WEBSOCKET_PATH}"),
}
SANDBOX_KEYS = ("sandbox-app-key", "sandbox-secret-key")  # the Sandbox accepts any key
