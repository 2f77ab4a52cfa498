"""Condition search over the WebSocket (kiwoom-api-market.md §1): CNSRLST (ka10171), CNSRREQ with search_type 0
(ka10172, paged in the frame body) and 1 (ka10173, then REAL 02 pushes), CNSRCLR (ka10174).

One `ConditionSearch` per WebSocket session: what it listed and which conditions it keeps live, with the stocks
each one matched when last told. A new connection starts with nothing, as on the real server.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from . import errors
from .broker import Broker
from .conditions import BY_SEQ, RULES, Condition, matching
from .numbers import padded, price_sign_code, rate

FRAMES = frozenset({"CNSRLST", "CNSRREQ", "CNSRCLR"})
WIDTH = 9  # every number of a ka10172 row: zero-padded to 9 characters, a minus taking the first place
SEQ_WIDTH = 3  # ka10172 answers the seq space-padded to its length ("2  " in the spec's example)
STEX = "K"  # KRX, the only exchange the spec lists for condition search


class ConditionSearch:
    def __init__(self, broker: Broker, page_size: int) -> None:
        self.broker = broker
        self.page_size = page_size
        self.listed = False  # CNSRLST was asked in this session
        self.live: dict[str, set[str]] = {}  # seq -> the stocks it matched when last told

    def answer(self, name: str, frame: dict[str, Any]) -> dict[str, Any]:
        try:
            if name == "CNSRLST":
                self.listed = True
                rows = [[condition.seq, condition.name] for condition in RULES]  # arrays, as the server sends
                return {"trnm": name, "return_code": 0, "return_msg": "", "data": rows}
            if name == "CNSRCLR":
                return self._clear(frame)
            return self._search(frame)
        except errors.ApiError as error:
            seq = frame.get("seq")
            return {"trnm": name, **({"seq": seq} if isinstance(seq, str) else {}), **error.body()}

    def moved(self, code: str) -> list[dict[str, Any]]:
        """The REAL 02 frames for the live conditions that `code` entered (I) or left (D) with its last move."""
        frames = []
        for seq, codes in self.live.items():
            now = BY_SEQ[seq].matches(self.broker, code)
            if now == (code in codes):
                continue
            if now:
                codes.add(code)
            else:
                codes.discard(code)
            values = {
                "841": seq,
                "9001": code,
                "843": "I" if now else "D",
                "20": self.broker.clock().strftime("%H%M%S"),
                "907": "2",  # the spec's example value; its meaning is not documented
            }
            entry = {"type": "02", "name": "조건검색", "item": code, "values": values}
            frames.append({"trnm": "REAL", "data": [entry]})
        return frames

    # ---- the requests ------------------------------------------------------------------------------------

    def _search(self, frame: dict[str, Any]) -> dict[str, Any]:
        if not self.listed:  # the real server is reported to stay silent; the Sandbox says why
            raise errors.ApiError(
                errors.BUSINESS_RC, "조건검색 목록조회(CNSRLST)를 먼저 요청해야 조건검색(CNSRREQ)을 할 수 있습니다"
            )
        condition = self._condition(frame)
        search_type = _required(frame, "search_type")
        if search_type not in ("0", "1"):
            choices = "0(조건검색) 또는 1(조건검색+실시간조건검색)"
            raise errors.malformed("search_type", f"{choices}이어야 합니다: '{search_type}'")
        stex = _required(frame, "stex_tp")
        if stex != STEX:
            raise errors.malformed("stex_tp", f"조건검색의 거래소구분은 K(KRX)만 지원합니다: '{stex}'")
        self.broker.roll_day()
        codes = matching(self.broker, condition)
        if search_type == "1":
            self.live[condition.seq] = set(codes)
            data = [{"jmcode": "A" + code} for code in codes]
            return {"trnm": "CNSRREQ", "seq": condition.seq, "return_code": 0, "return_msg": "", "data": data}
        start = self._page_start(frame, condition, codes)
        page = codes[start : start + self.page_size]
        more = start + self.page_size < len(codes)
        return {
            "trnm": "CNSRREQ",
            "seq": condition.seq.ljust(SEQ_WIDTH),
            "cont_yn": "Y" if more else "N",
            "next_key": _next_key(condition, page[-1]) if more else "",
            "return_code": 0,
            "return_msg": "",
            "data": [self._row(code) for code in page],
        }

    def _clear(self, frame: dict[str, Any]) -> dict[str, Any]:
        seq = _required(frame, "seq").strip()
        if self.live.pop(seq, None) is None:
            raise errors.ApiError(errors.BUSINESS_RC, f"실시간 조건검색 중이 아닌 조건식입니다: seq '{seq}'")
        return {"trnm": "CNSRCLR", "seq": seq, "return_code": 0, "return_msg": ""}

    def _condition(self, frame: dict[str, Any]) -> Condition:
        seq = _required(frame, "seq").strip()
        condition = BY_SEQ.get(seq)
        if condition is None:
            known = ", ".join(condition.seq for condition in RULES)
            raise errors.ApiError(errors.BUSINESS_RC, f"조건검색식 일련번호 '{seq}'이(가) 없습니다 (목록: {known})")
        return condition

    @staticmethod
    def _page_start(frame: dict[str, Any], condition: Condition, codes: list[str]) -> int:
        """Where the page starts: after the stock the key names (the list is by code, so a stock that enters or
        leaves between two pages neither repeats nor pushes another out)."""
        if _text(frame, "cont_yn") != "Y":
            return 0
        key = _text(frame, "next_key")
        prefix, _, after = key.rpartition("-")
        if prefix != f"CNSRREQ{condition.seq}" or len(after) != 6 or not after.isdigit():
            raise errors.malformed("next_key", f"'{key}'은(는) 이 조건식의 연속조회키가 아닙니다")
        return sum(1 for code in codes if code <= after)

    def _row(self, code: str) -> dict[str, str]:
        quote = self.broker.market.quotes[code]
        limits = self.broker.market.limits(code)
        base = quote.base_price
        change = quote.price - base
        return {
            "9001": "A" + code,
            "302": self.broker.market.listings[code].name,
            "10": _unsigned(quote.price),  # no direction sign here, unlike REST and 0B: it is in 25
            "25": price_sign_code(quote.price, base, limits.upper, limits.lower),
            "11": padded(change, WIDTH),
            "12": padded(int(Decimal(rate(change, base)) * 1000), WIDTH),  # the 2-decimal rate ×1000: +1.50 -> 1500
            "13": _unsigned(quote.volume),
            "16": _unsigned(quote.open),
            "17": _unsigned(quote.high),
            "18": _unsigned(quote.low),
        }


def _unsigned(value: int) -> str:
    return str(value).zfill(WIDTH)  # wider than 9 only if the number is (never cut)


def _next_key(condition: Condition, last_code: str) -> str:
    return f"CNSRREQ{condition.seq}-{last_code}"


def _text(frame: dict[str, Any], name: str) -> str:
    """A field of the frame, "" when absent; the spec's fields are all strings, so anything else is refused."""
    value = frame.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise errors.malformed(name, f"문자열이어야 합니다: {json.dumps(value, ensure_ascii=False)}")
    return value


def _required(frame: dict[str, Any], name: str) -> str:
    value = _text(frame, name)
    if not value.strip():
        raise errors.missing(name)
    return value
