"""Faults a test can switch on to see how the client copes. Off by default; reachable only from Python (the
`SandboxExchange` methods), never over HTTP, so nothing in the app can turn them on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FaultKind(StrEnum):
    LATENCY = "latency"  # wait `delay` seconds before handling (the request is still processed)
    HTTP_500 = "http_500"  # answer HTTP 500 without processing
    HTTP_429 = "http_429"  # answer HTTP 429 with the 1700 body, without processing
    RATE_LIMIT = "rate_limit"  # answer HTTP 200, return_code 5, "[1700:...]", without processing
    DROP_RESPONSE = "drop_response"  # process the request, then close the connection without an answer
    REJECT_AFTER_ACCEPT = "reject_after_accept"  # accept a new order, then refuse it: 00 with 913 거부 and 919
    ERROR_CODE = "error_code"  # answer HTTP 200 with the documented `code` (8005, 8030, 8010 ...), without processing


@dataclass
class Fault:
    kind: FaultKind
    api_id: str | None  # None: any api-id
    remaining: int | None  # None: until cleared
    delay: float = 0.0
    code: int = 0  # for ERROR_CODE


class Faults:
    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(
        self, kind: FaultKind, times: int | None = 1, api_id: str | None = None, delay: float = 0.0, code: int = 0
    ) -> None:
        self._faults.append(Fault(FaultKind(kind), api_id, times, delay, code))

    def clear(self) -> None:
        self._faults.clear()

    def take(self, kind: FaultKind, api_id: str) -> Fault | None:
        """The first matching fault, with one use consumed."""
        for fault in self._faults:
            if fault.kind is kind and fault.api_id in (None, api_id):
                if fault.remaining is not None:
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                return fault
        return None
