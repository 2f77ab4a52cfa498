"""The three places the app can trade: the embedded Sandbox, Kiwoom's mock server, Kiwoom's real server."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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


@dataclass(frozen=True)
class Endpoints:
    rest_url: str
    ws_url: str


KIWOOM_ENDPOINTS = {
    Environment.MOCK: Endpoints("https://mockapi.kiwoom.com", "wss://mockapi.kiwoom.com:10000/api/dostk/websocket"),
    Environment.REAL: Endpoints("https://api.kiwoom.com", "wss://api.kiwoom.com:10000/api/dostk/websocket"),
}
SANDBOX_KEYS = ("sandbox-app-key", "sandbox-secret-key")  # the Sandbox accepts any key
