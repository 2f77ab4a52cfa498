"""One exception tree for everything the client can fail at, each carrying its context.

Kiwoom reports errors with a `return_code`, often a small generic one with the documented code embedded in
`return_msg` as `[8005:...]` or `CODE=8005` (kiwoom-api.md §1.3, §7); `documented_code` finds it either way.
What each means for a trader is said in the UI's catalogue (`ui/labels.py`), in the trader's language.

    KiwoomError
    ├── OrderValidationError      the request is wrong; nothing was sent
    ├── ApiError                  the server answered with an error
    │   ├── InputError            15xx, 8020: a field or header the server refused
    │   ├── RateLimitError        1700-1702, HTTP 429
    │   ├── SymbolNotFoundError   1901-1903
    │   ├── CredentialsError      8001, 8002, 8011, 8012
    │   ├── TokenError            8003, 8005, 8006, 8009, 8015, 8016
    │   ├── ModeMismatchError     8030, 8031: real key on mock or the reverse
    │   ├── DeviceAuthError       8010, 8040, 8050, 8103: IP or device not registered
    │   ├── ServerError           1999, HTTP 5xx
    │   └── OrderRejectedError    a business rejection (cash, price, session ...)
    ├── TransportError            no answer: connection, timeout
    ├── ResponseFormatError       an answer the client cannot read
    └── OrderStateUnknownError    an order may have reached the server; reconcile, never resend
"""

from __future__ import annotations

import re
from typing import Any

_EMBEDDED = re.compile(r"\[(\d{4}):|CODE=(\d{4})")


def documented_code(return_code: int | None, return_msg: str) -> int | None:
    """The documented 4-digit code: `return_code` itself, or the one embedded in the message."""
    if return_code is not None and return_code >= 1000:
        return return_code
    match = _EMBEDDED.search(return_msg or "")
    if match:
        return int(match.group(1) or match.group(2))
    return None


class KiwoomError(Exception):
    """Every error of the client, with its context: api-id, return code and message, HTTP status."""

    def __init__(
        self,
        message: str,
        *,
        api_id: str | None = None,
        return_code: int | None = None,
        return_msg: str = "",
        http_status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.api_id = api_id
        self.return_code = return_code
        self.return_msg = return_msg
        self.http_status = http_status

    @property
    def code(self) -> int | None:
        """The documented code (8005, 1700 ...), wherever the server put it."""
        return documented_code(self.return_code, self.return_msg)

    def __str__(self) -> str:
        context = ", ".join(
            part
            for part in (
                f"api-id {self.api_id}" if self.api_id else "",
                f"return_code {self.return_code}" if self.return_code is not None else "",
                f"HTTP {self.http_status}" if self.http_status else "",
            )
            if part
        )
        return f"{self.args[0]} ({context})" if context else str(self.args[0])


class OrderValidationError(KiwoomError, ValueError):
    """The request is wrong; nothing was sent. `field` names what is wrong."""

    def __init__(self, message: str, *, field: str, api_id: str | None = None) -> None:
        super().__init__(message, api_id=api_id)
        self.field = field


class ApiError(KiwoomError):
    """The server answered with an error."""


class InputError(ApiError):
    """15xx, 8020: a field or header the server refused."""


class RateLimitError(ApiError):
    """1700-1702, HTTP 429: the server refused before processing; safe to retry later."""


class SymbolNotFoundError(ApiError):
    """1901-1903: no such stock."""


class CredentialsError(ApiError):
    """8001, 8002, 8011, 8012: the app key or secret key."""


class TokenError(ApiError):
    """8003, 8005, 8006, 8009, 8015, 8016: the access token."""


class ModeMismatchError(ApiError):
    """8030, 8031: a real key on the mock server, or the reverse."""


class DeviceAuthError(ApiError):
    """8010, 8040, 8050, 8103: the IP or device is not registered."""


class ServerError(ApiError):
    """1999, HTTP 5xx."""


class OrderRejectedError(ApiError):
    """A business rejection (cash, price, session ...)."""


class TransportError(KiwoomError):
    """No answer: the connection never opened."""


class ResponseFormatError(KiwoomError):
    """An answer the client cannot read."""


class OrderStateUnknownError(KiwoomError):
    """The order may or may not be on the exchange. It is never resent: reconcile with `open_orders()` or
    `order_history()` and find it there (or not)."""

    def __init__(self, message: str, *, api_id: str, request: dict[str, str], **context: Any) -> None:
        super().__init__(message, api_id=api_id, **context)
        self.request = dict(request)


# documented code -> the class that reports it
_CLASSES: dict[int, type[ApiError]] = {
    **dict.fromkeys((1501, 1504, 1505, 1511, 1512, 1513, 1514, 1515, 1516, 1517, 1687, 8020), InputError),
    **dict.fromkeys((1700, 1701, 1702), RateLimitError),
    **dict.fromkeys((1901, 1902, 1903), SymbolNotFoundError),
    **dict.fromkeys((8001, 8002, 8011, 8012), CredentialsError),
    **dict.fromkeys((8003, 8005, 8006, 8009, 8015, 8016), TokenError),
    **dict.fromkeys((8030, 8031), ModeMismatchError),
    **dict.fromkeys((8010, 8040, 8050, 8103), DeviceAuthError),
    1999: ServerError,
}

# Codes after which a fresh token and one retry may succeed (kiwoom-api.md §7).
REISSUE_CODES = frozenset({8005, 8031, 8103})
RATE_LIMIT_CODES = frozenset({1700, 1701, 1702})


def error_for(api_id: str, return_code: int | None, return_msg: str, http_status: int | None = None) -> ApiError:
    """The exception for an error answer, classified by its documented code."""
    code = documented_code(return_code, return_msg)
    if code is not None and code in _CLASSES:
        cls: type[ApiError] = _CLASSES[code]
    elif return_code == 5 or http_status == 429:
        cls = RateLimitError
    elif http_status == 401:
        cls = TokenError
    elif http_status is not None and http_status >= 500:
        cls = ServerError
    elif api_id in ORDER_API_IDS:
        cls = OrderRejectedError
    else:
        cls = ApiError
    return cls(
        return_msg or f"HTTP {http_status}",
        api_id=api_id,
        return_code=return_code,
        return_msg=return_msg,
        http_status=http_status,
    )


ORDER_API_IDS = frozenset({"kt10000", "kt10001", "kt10002", "kt10003", "kt10006", "kt10007", "kt10008", "kt10009"})
