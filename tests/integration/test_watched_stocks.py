"""ka10095 (#15, the watchlist's snapshot): the Sandbox answers several `|`-joined codes from its own market, and the
client reads them in batches, each quote agreeing with the stock's own ka10001."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from kiwoom_desk.kiwoom import ApiError, KiwoomClient, OrderValidationError
from kiwoom_desk.sandbox import SandboxExchange

from .client_support import CountingTransport, client_for
from .conftest import running

SAMSUNG, HYNIX = "005930", "000660"


@pytest.fixture
async def client(sandbox: SandboxExchange, transport: CountingTransport) -> AsyncIterator[KiwoomClient]:
    sandbox.set_price(SAMSUNG, 70_800, depth=100)
    async with client_for(sandbox, transport) as client:
        yield client


async def test_each_quote_agrees_with_the_stocks_own_info_in_the_order_asked(client: KiwoomClient) -> None:
    quotes = await client.watched_stocks([HYNIX, SAMSUNG])
    assert [quote.code for quote in quotes] == [HYNIX, SAMSUNG]
    for quote in quotes:
        info = await client.stock_info(quote.code)
        assert (quote.name, quote.current_price, quote.base_price) == (info.name, info.current_price, info.base_price)
        assert (quote.change, quote.change_rate, quote.volume) == (info.change, info.change_rate, info.volume)
        assert (quote.upper_limit, quote.lower_limit) == (info.upper_limit, info.lower_limit)
    samsung = quotes[1]
    assert samsung.current_price == 70_800 and samsung.change == -400  # below its base: the sign read as a direction
    assert samsung.best_ask is not None and samsung.best_bid is not None and samsung.best_bid < samsung.best_ask


async def test_a_code_not_listed_has_no_row_and_a_malformed_one_is_refused_before_sending(
    client: KiwoomClient, transport: CountingTransport
) -> None:
    assert [quote.code for quote in await client.watched_stocks([SAMSUNG, "999999"])] == [SAMSUNG]
    before = transport.sent["ka10095"]
    with pytest.raises(OrderValidationError, match="59"):
        await client.watched_stocks([SAMSUNG, "59"])
    assert transport.sent["ka10095"] == before  # nothing sent


async def test_a_long_list_goes_in_batches_and_the_sandbox_refuses_a_malformed_list(tmp_path: Path) -> None:
    transport = CountingTransport()
    with running(tmp_path) as (exchange, wire):
        async with client_for(exchange, transport) as client:
            listed = await client.stock_list("0") + await client.stock_list("10")
            codes = sorted(listing.code for listing in listed)[:45]
            quotes = await client.watched_stocks(codes)
        assert [quote.code for quote in quotes] == codes and transport.sent["ka10095"] == 3  # 20 + 20 + 5
        refused = wire.refused("ka10095", {"stk_cd": f"{SAMSUNG},{HYNIX}"})  # a comma is not the spec's separator
        assert refused["return_code"] != 0 and "stk_cd" in refused["return_msg"]
        assert wire.call("ka10095", {"stk_cd": f"{SAMSUNG}|{HYNIX}"})["atn_stk_infr"][1]["stk_cd"] == HYNIX


async def test_the_hts_groups_and_their_stocks_are_read(client: KiwoomClient) -> None:
    groups = await client.watchlist_groups()
    assert [(group.code, group.name) for group in groups][:2] == [("001", "관심종목1"), ("002", "2차전지")]
    codes = await client.watchlist_group("001")
    assert codes[:2] == [SAMSUNG, HYNIX] and all(len(code) == 6 for code in codes)
    quotes = await client.watched_stocks(codes)  # the suggested flow: groups, their codes, then one snapshot
    assert [quote.code for quote in quotes] == codes


async def test_a_group_that_does_not_exist_is_an_error_and_a_malformed_one_is_not_sent(
    client: KiwoomClient, transport: CountingTransport
) -> None:
    with pytest.raises(ApiError, match="rtcd 'F'"):
        await client.watchlist_group("999")
    before = transport.sent["ka01301"]
    with pytest.raises(OrderValidationError, match="three digits"):
        await client.watchlist_group("1")
    assert transport.sent["ka01301"] == before
