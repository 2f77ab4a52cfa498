"""The answers the Sandbox gives when it refuses a request.

Kiwoom reports most errors with HTTP 200 and a small generic `return_code`, the documented code embedded in
`return_msg` as `[NNNN:text]` (kiwoom-api.md §1.3): for example `return_code 3` with
"인증에 실패했습니다[8005:Token이 유효하지 않습니다]". The Sandbox answers the same way so that the client has to
parse both forms. Business rejections of orders (cash, holdings, tick, limit) are `return_code 20` with a Korean
sentence, as observed from the mock server ("RC9000:...").
"""

from __future__ import annotations

from typing import Any

# Generic return_code of each family, and the sentence that precedes the embedded code.
INPUT_RC, AUTH_RC, RATE_RC, BUSINESS_RC, SERVER_RC = 2, 3, 5, 20, 99
_PREFIX = {
    INPUT_RC: "입력 값 검증에 실패했습니다",
    AUTH_RC: "인증에 실패했습니다",
    RATE_RC: "허용된 요청 개수를 초과하였습니다",
    SERVER_RC: "서버 처리 중 오류가 발생했습니다",
}

# The documented codes (kiwoom-api.md §7) and their Korean text.
MESSAGES = {
    1501: "API ID가 Null이거나 값이 없습니다",
    1504: "해당 URI에서는 지원하는 API ID가 아닙니다",
    1505: "해당 API ID는 존재하지 않습니다",
    1511: "필수 입력 값에 값이 존재하지 않습니다",
    1512: "Http header에 값이 설정되지 않았거나 읽을 수 없습니다",
    1513: "Http Header에 authorization 필드가 설정되어 있어야 합니다",
    1514: "입력으로 들어온 Http Header의 authorization 필드 형식이 맞지 않습니다",
    1515: "Http Header의 authorization 필드 내 Grant Type이 미리 정의된 형식이 아닙니다",
    1516: "Http Header의 authorization 필드 내 Token이 정의되어 있지 않습니다",
    1517: "입력 값 형식이 올바르지 않습니다",
    1700: "허용된 요청 개수를 초과하였습니다",
    1902: "종목 정보가 없습니다. 종목코드를 확인해주세요",
    1903: "해당 거래소의 종목 정보가 없습니다",
    1701: "허용된 총 요청 개수를 초과하였습니다",
    1702: "허용된 그룹 요청 개수를 초과하였습니다",
    1901: "시장 코드값이 존재하지 않습니다",
    1999: "예기치 못한 에러가 발생했습니다",
    8001: "App Key와 Secret Key 검증에 실패했습니다",
    8002: "App Key와 Secret Key 검증에 실패했습니다",
    8003: "Access Token을 조회하는데 실패했습니다",
    8005: "Token이 유효하지 않습니다",
    8010: "Token을 발급받은 IP와 서비스를 요청한 IP가 동일하지 않습니다",
    8011: "접근토큰 발급에 실패했습니다. grant_type이 없습니다",
    8012: "접근토큰 발급에 실패했습니다. grant_type이 올바르지 않습니다",
    8016: "접근토큰 폐기에 실패했습니다. Token이 없습니다",
    8020: "appkey 또는 secretkey가 입력되지 않았습니다",
    8030: "투자구분(실전/모의)이 달라서 Appkey를 사용할 수 없습니다",
    8031: "투자구분(실전/모의)이 달라서 Token를 사용할 수 없습니다",
    8040: "단말기 인증에 실패했습니다",
    8050: "지정단말기 인증에 실패했습니다",
    8103: "토큰 인증 또는 단말기인증에 실패했습니다",
    8104: "모의투자를 지원하지 않는 API입니다",
}


class ApiError(Exception):
    """A refusal, carrying everything the HTTP layer needs to answer with."""

    def __init__(self, return_code: int, return_msg: str, http_status: int = 200) -> None:
        super().__init__(return_msg)
        self.return_code = return_code
        self.return_msg = return_msg
        self.http_status = http_status

    def body(self) -> dict[str, Any]:
        return {"return_code": self.return_code, "return_msg": self.return_msg}


def documented(code: int, detail: str = "", *, http_status: int = 200) -> ApiError:
    """An error from the documented table, embedded as `[code:text]` after its family's sentence."""
    family = AUTH_RC if 8000 <= code < 8200 and code != 8020 else INPUT_RC
    if code in (1700, 1701, 1702):
        family = RATE_RC
    elif code == 1999:
        family = SERVER_RC
    text = MESSAGES[code] + (f". {detail}" if detail else "")
    return ApiError(family, f"{_PREFIX[family]}[{code}:{text}]", http_status)


def missing(field: str) -> ApiError:
    return documented(1511, f"요청 파라미터 : {field}")


def malformed(field: str, reason: str) -> ApiError:
    return documented(1517, f"요청 파라미터 : {field}, {reason}")


def token_invalid() -> ApiError:
    return documented(8005)


def rate_limited(api_id: str, http_status: int = 200) -> ApiError:
    return documented(1700, f"유량=1, API ID={api_id}", http_status=http_status)


def unknown_stock(code: str) -> ApiError:
    return documented(1902, f"종목코드 : {code}")


def rejected(message: str) -> ApiError:
    """A business rejection: the request was well-formed but the exchange will not take it."""
    return ApiError(BUSINESS_RC, f"[2000](RC4000:{message})")
