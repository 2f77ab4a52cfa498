"""Answers no server of ours produces (the Sandbox never sends them), through httpx.MockTransport."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from kiwoom_desk.kiwoom import (
    KiwoomClient,
    OrderStateUnknownError,
    OrderValidationError,
    ResponseFormatError,
    Side,
    TokenError,
    TradeType,
)

TOKEN_ANSWER = {
    "token": "t" * 40,
    "token_type": "bearer",
    "expires_dt": "29991231235959",
    "return_code": 0,
    "return_msg": "ok",
}


def client_answering(answer: Callable[[httpx.Request], httpx.Response]) -> tuple[KiwoomClient, list[str]]:
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        api_id = request.headers.get("api-id", "")
        sent.append(api_id)
        if api_id in ("au10001", "au10002"):
            return httpx.Response(200, json=TOKEN_ANSWER if api_id == "au10001" else {"return_code": 0})
        return answer(request)

    client = KiwoomClient("http://kiwoom.test", "key", "secret", transport=httpx.MockTransport(handler))
    return client, sent


async def place(client: KiwoomClient) -> Any:
    return await client.place_order(side=Side.BUY, stock_code="005930", quantity=1, trade_type=TradeType.MARKET)


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, text="<html>gateway</html>"),
        httpx.Response(200, json=["not", "an", "object"]),
        httpx.Response(200, json={"ord_no": "0000001"}),  # no return_code
        httpx.Response(200, json={"return_code": 0, "return_msg": "done"}),  # accepted, no order number
        httpx.Response(502, text="bad gateway"),
    ],
)
async def test_an_unreadable_order_answer_is_unknown_never_resent(response: httpx.Response) -> None:
    client, sent = client_answering(lambda request: response)
    async with client:
        with pytest.raises(OrderStateUnknownError) as caught:
            await place(client)
    assert sent.count("kt10000") == 1
    assert caught.value.request["stk_cd"] == "005930"


async def test_http_401_twice_is_a_token_error_after_one_reissue() -> None:
    client, sent = client_answering(lambda request: httpx.Response(401, json={"return_code": 3, "return_msg": "no"}))
    async with client:
        with pytest.raises(TokenError):
            await client.deposit()
    assert sent.count("au10001") == 2 and sent.count("kt00001") == 2


async def test_a_missing_required_field_names_the_api_id_and_field() -> None:
    client, _sent = client_answering(lambda request: httpx.Response(200, json={"return_code": 0, "entr": "1"}))
    async with client:
        with pytest.raises(ResponseFormatError, match="kt00001: field ord_alow_amt is missing"):
            await client.deposit()


async def test_a_garbage_number_names_its_field() -> None:
    row = {"ord_no": "0000001", "stk_cd": "005930", "ord_qty": "10", "ord_pric": "70000", "oso_qty": "ten"}
    client, _sent = client_answering(lambda request: httpx.Response(200, json={"return_code": 0, "oso": [row]}))
    async with client:
        with pytest.raises(ResponseFormatError, match="ka10075: field oso_qty is invalid"):
            await client.open_orders()


async def test_paging_without_a_next_key_stops_with_an_error() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"return_code": 0, "list": []}, headers={"cont-yn": "Y", "next-key": ""})

    client, _sent = client_answering(answer)
    async with client:
        with pytest.raises(ResponseFormatError, match="next-key is empty"):
            await client.stock_list()


async def test_capitalised_paging_headers_are_followed() -> None:
    pages = iter(
        [("Y", "k2", [{"code": "005930", "name": "삼성전자"}]), ("N", "", [{"code": "000660", "name": "SK하이닉스"}])]
    )
    seen_keys: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen_keys.append(request.headers.get("next-key", ""))
        more, key, rows = next(pages)
        return httpx.Response(200, json={"return_code": 0, "list": rows}, headers={"Cont-Yn": more, "Next-Key": key})

    client, _sent = client_answering(answer)
    async with client:
        listings = await client.stock_list()
    assert [listing.code for listing in listings] == ["005930", "000660"]
    assert seen_keys == ["", "k2"]


async def test_the_body_is_exactly_the_spec_body() -> None:
    bodies: list[dict[str, str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        assert request.headers["content-type"] == "application/json;charset=UTF-8"
        assert request.headers["authorization"] == "Bearer " + "t" * 40
        return httpx.Response(200, json={"return_code": 0, "ord_no": "0000007", "dmst_stex_tp": "KRX"})

    client, _sent = client_answering(answer)
    async with client:
        await client.place_order(
            side=Side.BUY,
            stock_code="005930",
            quantity=2,
            trade_type=TradeType.STOP_LIMIT,
            price=71_000,
            stop_price=70_500,
        )
    assert bodies == [
        {
            "dmst_stex_tp": "KRX",
            "stk_cd": "005930",
            "ord_qty": "2",
            "ord_uv": "71000",
            "trde_tp": "28",
            "cond_uv": "70500",
        }
    ]


@pytest.mark.parametrize(
    ("options", "field"),
    [({"trade_type": "99"}, "trade_type"), ({"side": "buy"}, "side"), ({"venue": "NYSE"}, "venue")],
)
async def test_unknown_codes_are_validation_errors_and_send_nothing(options: dict[str, str], field: str) -> None:
    client, sent = client_answering(lambda request: httpx.Response(500))
    order: dict[str, Any] = {"side": Side.BUY, "stock_code": "005930", "quantity": 1, "trade_type": "3", **options}
    async with client:
        with pytest.raises(OrderValidationError) as caught:
            await client.place_order(**order)
    assert caught.value.field == field
    assert [api_id for api_id in sent if api_id.startswith("kt")] == []
