"""One exception tree for everything the client can fail at, each carrying its context.

Kiwoom reports errors with a `return_code`, often a small generic one with the documented code embedded in
`return_msg` as `[8005:...]` or `CODE=8005` (kiwoom-api.md §1.3, §7); `documented_code` finds it either way.
Every class has a short Korean and English explanation a trader can act on; some codes have their own.

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
from typing import Any, ClassVar

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
    explanation_ko: ClassVar[str] = "키움 API 요청이 실패했습니다."
    explanation_en: ClassVar[str] = "The Kiwoom API request failed."

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

    def explanation(self, language: str = "ko") -> str:
        specific = CODE_EXPLANATIONS.get(self.code or 0)
        if specific is not None:
            return specific[1] if language.startswith("en") else specific[0]
        return self.explanation_en if language.startswith("en") else self.explanation_ko

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
    explanation_ko = "주문 내용이 올바르지 않아 보내지 않았습니다."
    explanation_en = "The order is not valid, so it was not sent."

    def __init__(self, message: str, *, field: str, api_id: str | None = None) -> None:
        super().__init__(message, api_id=api_id)
        self.field = field


class ApiError(KiwoomError):
    explanation_ko = "키움 서버가 요청을 거절했습니다."
    explanation_en = "The Kiwoom server refused the request."


class InputError(ApiError):
    explanation_ko = "요청 형식이 서버 규격과 맞지 않습니다."
    explanation_en = "The request does not match the server's format."


class RateLimitError(ApiError):
    explanation_ko = "요청이 너무 잦습니다. 잠시 후 다시 시도하세요."
    explanation_en = "Too many requests; try again in a moment."


class SymbolNotFoundError(ApiError):
    explanation_ko = "종목코드를 찾을 수 없습니다. 코드를 확인하세요."
    explanation_en = "No such stock code; check it."


class CredentialsError(ApiError):
    explanation_ko = "앱키 또는 시크릿키가 올바르지 않습니다."
    explanation_en = "The app key or secret key is wrong."


class TokenError(ApiError):
    explanation_ko = "접근토큰이 유효하지 않습니다. 다시 로그인하세요."
    explanation_en = "The access token is not valid; sign in again."


class ModeMismatchError(ApiError):
    explanation_ko = "실전/모의투자 구분이 맞지 않습니다."
    explanation_en = "Real and mock trading are mixed up."


class DeviceAuthError(ApiError):
    explanation_ko = "등록되지 않은 IP 또는 단말기입니다. 키움 OpenAPI 사이트에서 IP를 등록하세요."
    explanation_en = "This IP or device is not registered; register it on Kiwoom's OpenAPI site."


class ServerError(ApiError):
    explanation_ko = "키움 서버 오류입니다. 잠시 후 다시 시도하세요."
    explanation_en = "Kiwoom server error; try again later."


class OrderRejectedError(ApiError):
    explanation_ko = "주문이 거부되었습니다. 서버의 사유를 확인하세요."
    explanation_en = "The order was rejected; see the server's reason."


class TransportError(KiwoomError):
    explanation_ko = "키움 서버와 통신하지 못했습니다. 네트워크를 확인하세요."
    explanation_en = "Could not reach the Kiwoom server; check the network."


class ResponseFormatError(KiwoomError):
    explanation_ko = "서버 응답을 해석할 수 없습니다."
    explanation_en = "The server's answer could not be read."


class OrderStateUnknownError(KiwoomError):
    """The order may or may not be on the exchange. It is never resent: reconcile with `open_orders()` or
    `order_history()` and find it there (or not)."""

    explanation_ko = "주문이 접수되었는지 알 수 없습니다. 미체결·주문내역을 확인하기 전에는 다시 주문하지 마세요."
    explanation_en = "It is unknown whether the order reached the exchange; check open orders before ordering again."

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

CODE_EXPLANATIONS: dict[int, tuple[str, str]] = {
    1700: (
        "이 API의 허용 요청 횟수를 넘었습니다. 잠시 후 다시 시도하세요.",
        "Too many requests for this API; retry shortly.",
    ),
    8005: ("접근토큰이 만료되었거나 유효하지 않습니다.", "The access token has expired or is not valid."),
    8010: (
        "토큰을 발급받은 IP와 지금 IP가 다릅니다. 같은 PC·네트워크에서 다시 로그인하세요.",
        "The token was issued to another IP; sign in again from this network.",
    ),
    8030: (
        "이 앱키는 다른 투자구분(실전/모의)용입니다. 환경에 맞는 앱키를 입력하세요.",
        "This app key belongs to the other environment (real vs mock); enter the key for this one.",
    ),
    8031: (
        "이 토큰은 다른 투자구분(실전/모의)에서 발급되었습니다.",
        "This token was issued for the other environment (real vs mock).",
    ),
    8104: ("모의투자에서는 지원하지 않는 기능입니다.", "Mock trading does not support this request."),
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


ORDER_API_IDS = frozenset({"kt10000", "kt10001", "kt10002", "kt10003"})
