"""Each error category, produced by the Sandbox (its fault injection where it would not misbehave by itself)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from kiwoom_desk.kiwoom import (
    CredentialsError,
    DeviceAuthError,
    InputError,
    KiwoomClient,
    KiwoomError,
    ModeMismatchError,
    OrderRejectedError,
    RateLimitError,
    ServerError,
    Side,
    SymbolNotFoundError,
    TokenError,
    TradeType,
    TransportError,
)
from kiwoom_desk.sandbox import FaultKind, SandboxExchange

from .client_support import CountingTransport, client_for
from .conftest import running

SAMSUNG = "005930"


@pytest.fixture
async def client(sandbox: SandboxExchange, transport: CountingTransport) -> AsyncIterator[KiwoomClient]:
    async with client_for(sandbox, transport) as client:
        await client.account_number()  # the token is in hand before any fault is armed
        yield client


async def test_input_error_names_the_field(client: KiwoomClient) -> None:
    with pytest.raises(InputError) as caught:
        await client.request("ka10001", {})
    assert caught.value.code == 1511 and "stk_cd" in caught.value.return_msg


async def test_unknown_symbol(client: KiwoomClient) -> None:
    with pytest.raises(SymbolNotFoundError) as caught:
        await client.stock_info("999999")
    assert caught.value.code == 1902 and caught.value.api_id == "ka10001"


async def test_a_passing_rate_limit_is_waited_out(
    sandbox: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    sandbox.inject(FaultKind.RATE_LIMIT, api_id="ka10001", times=2)
    assert (await client.stock_info(SAMSUNG)).name == "삼성전자"
    assert transport.sent["ka10001"] == 3


async def test_a_lasting_rate_limit_gives_up(
    sandbox: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    sandbox.inject(FaultKind.RATE_LIMIT, api_id="ka10001", times=None)
    with pytest.raises(RateLimitError) as caught:
        await client.stock_info(SAMSUNG)
    assert caught.value.code == 1700 and caught.value.return_code == 5
    assert transport.sent["ka10001"] == 4  # the first try and three retries


async def test_http_429_is_a_rate_limit(sandbox: SandboxExchange, client: KiwoomClient) -> None:
    sandbox.inject(FaultKind.HTTP_429, api_id="ka10001", times=None)
    with pytest.raises(RateLimitError) as caught:
        await client.stock_info(SAMSUNG)
    assert caught.value.http_status == 429


async def test_wrong_keys_are_a_credentials_error(tmp_path: Path) -> None:
    with running(tmp_path, credentials=("the-right-key", "the-right-secret")) as (exchange, _wire):
        async with KiwoomClient(exchange.rest_url, "a-wrong-key", "a-wrong-secret") as client:
            with pytest.raises(CredentialsError) as caught:
                await client.account_number()
    assert caught.value.code == 8001 and caught.value.api_id == "au10001"


async def test_a_token_refused_twice_is_a_token_error(
    sandbox: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    sandbox.inject(FaultKind.ERROR_CODE, api_id="kt00001", code=8005, times=2)
    with pytest.raises(TokenError) as caught:
        await client.deposit()
    assert caught.value.code == 8005
    assert transport.sent["au10001"] == 2 and transport.sent["kt00001"] == 2  # one new token, one retry, no more


async def test_an_app_key_of_the_other_environment(sandbox: SandboxExchange, transport: CountingTransport) -> None:
    sandbox.inject(FaultKind.ERROR_CODE, api_id="au10001", code=8030)
    async with client_for(sandbox, transport) as client:
        with pytest.raises(ModeMismatchError) as caught:
            await client.account_number()
    assert caught.value.code == 8030  # explained in the trader's language by ui/labels.py (tests/ui/test_labels.py)


async def test_a_token_of_the_other_environment_is_reissued(
    sandbox: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    sandbox.inject(FaultKind.ERROR_CODE, api_id="ka00001", code=8031)
    assert await client.account_number()
    assert transport.sent["au10001"] == 2


@pytest.mark.parametrize("code", [8010, 8040, 8050])
async def test_device_and_ip_errors(sandbox: SandboxExchange, client: KiwoomClient, code: int) -> None:
    sandbox.inject(FaultKind.ERROR_CODE, api_id="kt00018", code=code)
    with pytest.raises(DeviceAuthError) as caught:
        await client.balance()
    assert caught.value.code == code


async def test_server_errors_on_queries(sandbox: SandboxExchange, client: KiwoomClient) -> None:
    sandbox.inject(FaultKind.HTTP_500, api_id="ka10075")
    with pytest.raises(ServerError) as caught:
        await client.open_orders()
    assert caught.value.http_status == 500
    sandbox.inject(FaultKind.ERROR_CODE, api_id="ka10075", code=1999)
    with pytest.raises(ServerError):
        await client.open_orders()
    assert await client.open_orders() == []


async def test_a_query_that_times_out_is_a_transport_error(sandbox: SandboxExchange) -> None:
    sandbox.inject(FaultKind.LATENCY, api_id="ka10001", delay=1.0)
    async with client_for(sandbox, CountingTransport(), timeout=0.2) as client:
        with pytest.raises(TransportError) as caught:
            await client.stock_info(SAMSUNG)
    assert caught.value.api_id == "ka10001"


async def test_a_business_rejection_carries_the_servers_reason(sandbox: SandboxExchange, client: KiwoomClient) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=100)
    with pytest.raises(KiwoomError) as caught:
        await client.place_order(side=Side.SELL, stock_code=SAMSUNG, quantity=1, trade_type=TradeType.MARKET)
    assert isinstance(caught.value, OrderRejectedError) and caught.value.api_id == "kt10001"
    assert "공매도" in caught.value.return_msg
