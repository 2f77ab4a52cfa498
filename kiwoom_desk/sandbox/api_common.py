"""What the api-id handlers share: their signature, the stock lookup and the OK answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import errors
from .broker import Broker
from .listings import Listing

Answer = dict[str, Any]
Handler = Callable[[Broker, dict[str, str]], Answer]

OK_QUERY = "조회가 완료되었습니다"
OK_GENERIC = "정상적으로 처리되었습니다"


def ok(message: str, **fields: Any) -> Answer:
    return {**fields, "return_code": 0, "return_msg": message}


def listing(broker: Broker, code: str) -> Listing:
    """The stock behind a code; KRX codes only, as in mock trading (the _NX/_AL suffixes are refused)."""
    if code.endswith(("_NX", "_AL")):
        raise errors.documented(1903, f"연습 거래소는 KRX 종목코드만 지원합니다 : {code}")
    found = broker.market.listings.get(code)
    if found is None:
        raise errors.unknown_stock(code)
    return found
