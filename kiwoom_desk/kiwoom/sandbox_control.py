"""The Sandbox's own control endpoint (README, "The Sandbox exchange"; not Kiwoom's protocol): its clock and
phase, read and set over loopback. Only ever pointed at a Sandbox on this machine: it answers nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlsplit

import httpx

from .errors import KiwoomError

CONTROL_TIMEOUT_SECONDS = 5.0
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class SandboxControlError(KiwoomError):
    """The control endpoint refused (its `return_msg`) or could not be reached."""


@dataclass(frozen=True)
class SandboxClock:
    """GET /sandbox/state: the Sandbox's market clock as it reads now."""

    mode: str  # "krx" or "continuous"
    day: date
    time: time  # simulated KST
    speed: float
    phase: str  # closed, pre_open, continuous, closing_auction, after_close, after_hours_close_price, ...
    vi: tuple[str, ...]  # the codes under VI now

    @property
    def krx(self) -> bool:
        return self.mode == "krx"

    @property
    def moment(self) -> datetime:
        return datetime.combine(self.day, self.time)


def is_loopback(url: str) -> bool:
    return (urlsplit(url).hostname or "") in LOOPBACK_HOSTS


def _clock(answer: dict[str, Any]) -> SandboxClock:
    try:
        return SandboxClock(
            mode=str(answer["mode"]),
            day=datetime.strptime(str(answer["date"]), "%Y%m%d").date(),
            time=datetime.strptime(str(answer["time"]), "%H:%M:%S").time(),
            speed=float(answer["speed"]),
            phase=str(answer["phase"]),
            vi=tuple(str(code) for code in answer.get("vi", [])),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise SandboxControlError(f"unreadable Sandbox state: {error}") from None


class SandboxControl:
    """One request a call, each on a short-lived connection: the window asks every few seconds at most."""

    def __init__(self, rest_url: str) -> None:
        if not is_loopback(rest_url):
            raise SandboxControlError("the Sandbox's control endpoint answers on this computer only")
        self.rest_url = rest_url.rstrip("/")

    async def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        try:
            async with httpx.AsyncClient(timeout=CONTROL_TIMEOUT_SECONDS) as client:
                json_body = body if body is not None or method == "GET" else {}  # a POST is always JSON
                response = await client.request(method, self.rest_url + path, json=json_body)
            answer: dict[str, Any] = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise SandboxControlError(f"the Sandbox's control endpoint did not answer: {error}") from None
        if answer.get("return_code") != 0:
            message = str(answer.get("return_msg") or "refused")
            raise SandboxControlError(message, return_msg=message)
        return answer

    async def state(self) -> SandboxClock:
        return _clock(await self._call("GET", "/sandbox/state"))

    async def set_clock(
        self, mode: str | None = None, at: str | None = None, speed: float | None = None
    ) -> SandboxClock:
        """POST /sandbox/clock: `at` (HH:MM:SS) later today runs every phase in between; earlier starts the next
        trading day at that time."""
        body: dict[str, Any] = {}
        if mode is not None:
            body["mode"] = mode
        if at is not None:
            body["time"] = at
        if speed is not None:
            body["speed"] = speed
        return _clock(await self._call("POST", "/sandbox/clock", body))
