"""Issue #17, item by item: what a broken or hostile server could make the client lose (httpx.MockTransport:
no server of ours sends these shapes)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import httpx
import pytest

from kiwoom_desk.kiwoom import (
    KiwoomClient,
    KiwoomError,
    OrderStateUnknownError,
    RateLimitError,
    ResponseFormatError,
    Side,
    TradeType,
)
from kiwoom_desk.kiwoom.client import MAX_ORDER_RETRY_WAIT, MAX_RETRY_AFTER

TOKEN = {"token": "t" * 40, "token_type": "bearer", "expires_dt": "29991231235959", "return_code": 0, "return_msg": ""}
ORDER_API_IDS = ("kt10000", "kt10002", "kt10003")


class Server:
    """Answers every request of the api-id under test with `answer`; counts what was sent and what was waited."""

    def __init__(self, answer: httpx.Response | list[httpx.Response]) -> None:
        self.answers = answer if isinstance(answer, list) else [answer]
        self.sent: Counter[str] = Counter()
        self.tokens = 0
        self.waits: list[float] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        api_id = request.headers.get("api-id", "")
        self.sent[api_id] += 1
        if api_id == "au10001":
            self.tokens += 1
            return httpx.Response(200, json=TOKEN)
        if api_id == "au10002":
            return httpx.Response(200, json={"return_code": 0})
        return self.answers[min(self.sent[api_id] - 1, len(self.answers) - 1)]

    def client(self) -> KiwoomClient:
        client = KiwoomClient("http://kiwoom.test", "key", "secret", transport=httpx.MockTransport(self.handler))

        async def sleep(seconds: float) -> None:
            self.waits.append(seconds)

        client.sleep = sleep
        return client


async def act(client: KiwoomClient, api_id: str) -> Any:
    async with client:
        if api_id == "kt10000":
            return await client.place_order(
                side=Side.BUY, stock_code="005930", quantity=1, trade_type=TradeType.LIMIT, price=70_000
            )
        if api_id == "kt10002":
            return await client.modify_order(orig_order_no="0000001", stock_code="005930", quantity=0, price=70_100)
        if api_id == "kt10003":
            return await client.cancel_order(orig_order_no="0000001", stock_code="005930")
        return await client.deposit()


def accepted(message: str) -> httpx.Response:
    return httpx.Response(200, json={"return_code": 0, "return_msg": message, "ord_no": "0000009"})


def refused(message: str, return_code: int = 3, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json={"return_code": return_code, "return_msg": message})


# ---- item 1: never resend what may have been accepted ----------------------------------------------------------

POSITIONS = ["[{code}:처리되었습니다]", "정상처리 CODE={code}", "주문완료 [{code}:안내] 참고"]


@pytest.mark.parametrize("api_id", ORDER_API_IDS)
@pytest.mark.parametrize("code", ["8005", "8031", "8103", "1700", "1701", "1702"])
@pytest.mark.parametrize("position", POSITIONS)
async def test_a_success_carrying_an_error_code_is_a_success(api_id: str, code: str, position: str) -> None:
    server = Server(accepted(position.format(code=code)))
    ack = await act(server.client(), api_id)
    assert ack.order_no == "0000009" and server.sent[api_id] == 1 and server.tokens == 1 and not server.waits


@pytest.mark.parametrize("code", ["8005", "8031", "8103"])
@pytest.mark.parametrize("position", POSITIONS)
async def test_a_refused_token_gets_one_new_token_and_one_retry(code: str, position: str) -> None:
    server = Server([refused(position.format(code=code)), accepted("ok")])
    ack = await act(server.client(), "kt10000")
    assert ack.order_no == "0000009" and server.sent["kt10000"] == 2 and server.tokens == 2


@pytest.mark.parametrize("code", ["1700", "1701", "1702"])
@pytest.mark.parametrize("position", POSITIONS)
async def test_a_rate_limit_refusal_is_retried_briefly(code: str, position: str) -> None:
    server = Server([refused(position.format(code=code), return_code=5), accepted("ok")])
    ack = await act(server.client(), "kt10000")
    assert ack.order_no == "0000009" and server.sent["kt10000"] == 2
    assert server.waits and max(server.waits) <= MAX_ORDER_RETRY_WAIT


@pytest.mark.parametrize("status", [500, 502, 503, 404, 400])
async def test_a_code_in_an_error_status_is_no_reason_to_send_again(status: int) -> None:
    server = Server(httpx.Response(status, json={"return_code": 0, "return_msg": "[8005:토큰]"}))
    with pytest.raises(KiwoomError):
        await act(server.client(), "kt10000")
    assert server.sent["kt10000"] == 1


# ---- item 3: nothing but the client's own errors escape ----------------------------------------------------------

ODD_ANSWERS = [
    httpx.Response(200, json={"return_code": "--5", "return_msg": "x"}),
    httpx.Response(200, json={"return_code": "²", "return_msg": "x"}),
    httpx.Response(200, content=b'{"return_code": ' + b"9" * 5000 + b"}"),
    httpx.Response(200, content=b'{"return_code": "' + b"9" * 5000 + b'"}'),
    httpx.Response(200, content=b'{"return_code": 0, "x": ' + b"[" * 3000 + b"]" * 3000 + b"}"),
    httpx.Response(200, content=b"[" * 100_000),
    httpx.Response(200, content='{"return_code": 0, "entr": "١٢٣"}'.encode("cp949", errors="replace")),
]


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=range(len(ODD_ANSWERS)))
async def test_an_odd_answer_to_a_query_is_a_format_error(answer: httpx.Response) -> None:
    with pytest.raises(ResponseFormatError):
        await act(Server(answer).client(), "kt00001")


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=range(len(ODD_ANSWERS)))
async def test_an_odd_answer_to_an_order_is_an_unknown_fate_sent_once(answer: httpx.Response) -> None:
    server = Server(answer)
    with pytest.raises(OrderStateUnknownError):
        await act(server.client(), "kt10000")
    assert server.sent["kt10000"] == 1


@pytest.mark.parametrize("retry_after", ["²", "٣", "abc", "-1", "3600", "99999999999"])
async def test_retry_after_is_read_only_as_ascii_seconds_and_capped(retry_after: str) -> None:
    limited = httpx.Response(
        429, headers=[(b"Retry-After", retry_after.encode())], json={"return_code": 5, "return_msg": "[1700:x]"}
    )
    query = Server(limited)
    with pytest.raises(RateLimitError):
        await act(query.client(), "kt00001")
    assert query.sent["kt00001"] == 4 and max(query.waits) <= MAX_RETRY_AFTER
    order = Server(limited)
    with pytest.raises(RateLimitError):  # certain: a 429 refused it, so the trader is told it was not sent
        await act(order.client(), "kt10000")
    assert max(order.waits) <= MAX_ORDER_RETRY_WAIT and sum(order.waits) <= 3 * MAX_ORDER_RETRY_WAIT


# ---- items 4 and 5: no invented numbers, bounded paging, the book keeps what it got ---------------------------------

INFO = {"stk_cd": "005930", "stk_nm": "삼성전자", "cur_prc": "71200", "upl_pric": "92500", "lst_pric": "49900",
        "base_pric": "71200", "return_code": 0, "return_msg": ""}  # fmt: skip


@pytest.mark.parametrize("field", ["cur_prc", "upl_pric", "lst_pric", "base_pric"])
@pytest.mark.parametrize("value", ["", "abc", None, "--"])
async def test_a_quote_without_its_price_or_limits_is_an_error_not_a_zero(field: str, value: object) -> None:
    server = Server(httpx.Response(200, json={**INFO, field: value}))
    async with server.client() as client:
        with pytest.raises(ResponseFormatError, match=field):
            await client.stock_info("005930")


@pytest.mark.parametrize("field", ["entr", "ord_alow_amt"])
async def test_cash_that_is_not_a_number_is_an_error_not_a_zero(field: str) -> None:
    answer = {"entr": "1000000", "ord_alow_amt": "900000", "return_code": 0, "return_msg": "", field: ""}
    with pytest.raises(ResponseFormatError, match=field):
        await act(Server(httpx.Response(200, json=answer)).client(), "kt00001")


async def test_optional_numbers_left_out_are_none() -> None:
    async with Server(httpx.Response(200, json={**INFO, "pred_pre": "", "flu_rt": "abc"})).client() as client:
        info = await client.stock_info("005930")
    assert (info.current_price, info.change, info.change_rate, info.volume) == (71_200, None, None, None)


async def test_one_broken_level_leaves_the_rest_of_the_book() -> None:
    book = {"return_code": 0, "return_msg": "", "bid_req_base_tm": "100000"}
    for level in range(1, 11):
        middle = "fpr" if level == 1 else f"{level}th_pre"
        book[f"sel_{middle}_bid"], book[f"sel_{middle}_req"] = f"+{71_200 + 100 * level}", "10"
        book[f"buy_{middle}_bid"], book[f"buy_{middle}_req"] = f"-{71_200 - 100 * (level - 1)}", "20"
    book["sel_3th_pre_bid"], book["buy_2th_pre_req"] = "abc", ""
    async with Server(httpx.Response(200, json=book)).client() as client:
        parsed = await client.order_book("005930")
    assert parsed.asks[2] is None and sum(level is not None for level in parsed.asks) == 9
    assert parsed.bids[1] is not None and parsed.bids[1].price == 71_100 and parsed.bids[1].quantity is None
    assert parsed.asks[0] is not None and parsed.asks[0].price == 71_300
    del book["sel_fpr_bid"]  # even the best ask missing leaves the other 18 levels
    async with Server(httpx.Response(200, json=book)).client() as client:
        parsed = await client.order_book("005930")
    assert parsed.asks[0] is None and sum(level is not None for level in parsed.asks + parsed.bids) == 18


@pytest.mark.parametrize("value", ["   ", "", "abc"])
async def test_whitespace_or_garbage_order_numbers_are_never_an_acknowledgement(value: str) -> None:
    server = Server(httpx.Response(200, json={"return_code": 0, "return_msg": "", "ord_no": value}))
    with pytest.raises(OrderStateUnknownError):
        await act(server.client(), "kt10000")
    assert server.sent["kt10000"] == 1


async def test_a_whitespace_token_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={**TOKEN, "token": "   "})

    async with KiwoomClient("http://kiwoom.test", "k", "s", transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(ResponseFormatError):
            await client.access_token()


@pytest.mark.parametrize("next_key", [b"same-key", "\ud0a4".encode(), b"x" * 500, b""])
async def test_paging_that_repeats_or_cannot_continue_stops_at_once(next_key: bytes) -> None:
    page = httpx.Response(
        200, json={"return_code": 0, "return_msg": "", "oso": []}, headers=[(b"cont-yn", b"Y"), (b"next-key", next_key)]
    )
    server = Server(page)
    async with server.client() as client:
        with pytest.raises(ResponseFormatError, match="next-key"):
            await client.open_orders()
    assert server.sent["ka10075"] <= 2


def test_the_odd_answers_are_what_they_say() -> None:
    """The fixtures above are the shapes the issue names (a guard against a fixture quietly becoming valid)."""
    assert json.loads(ODD_ANSWERS[0].content)["return_code"] == "--5"
    assert len(ODD_ANSWERS[2].content) > 5000
