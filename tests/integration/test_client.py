"""KiwoomClient against a real Sandbox over loopback: every method, paging, tokens, and the send-once rule."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from kiwoom_desk.kiwoom import (
    Direction,
    KiwoomClient,
    OrderRejectedError,
    OrderStateUnknownError,
    OrderValidationError,
    Side,
    TradeType,
    TransportError,
    Venue,
)
from kiwoom_desk.sandbox import FaultKind, SandboxExchange
from kiwoom_desk.trading.sessions import KST
from kiwoom_desk.trading.ticks import price_limits

from .client_support import APPKEY, SECRETKEY, CountingTransport, client_for, eventually
from .conftest import FakeClock, running, start_sandbox

SAMSUNG = "005930"


@pytest.fixture
def market(sandbox: SandboxExchange) -> SandboxExchange:
    sandbox.set_price(SAMSUNG, 71_200, depth=100)
    return sandbox


@pytest.fixture
async def client(market: SandboxExchange, transport: CountingTransport) -> AsyncIterator[KiwoomClient]:
    async with client_for(market, transport) as client:
        yield client


async def buy(client: KiwoomClient, quantity: int, price: int | None, trade_type: TradeType = TradeType.LIMIT) -> str:
    ack = await client.place_order(
        side=Side.BUY, stock_code=SAMSUNG, quantity=quantity, trade_type=trade_type, price=price, venue=Venue.KRX
    )
    return ack.order_no


async def test_a_resting_limit_buy_shows_in_open_orders(client: KiwoomClient) -> None:
    ack = await client.place_order(
        side=Side.BUY, stock_code=SAMSUNG, quantity=10, trade_type=TradeType("0"), price=70_000, venue=Venue.KRX
    )
    assert len(ack.order_no) == 7 and ack.venue == "KRX"
    (order,) = await client.open_orders()
    assert (order.order_no, order.stock_code, order.stock_name) == (ack.order_no, SAMSUNG, "삼성전자")
    assert (order.side, order.price, order.quantity, order.unfilled, order.filled_quantity) == (
        Side.BUY,
        70_000,
        10,
        10,
        0,
    )
    assert order.current_price == 71_200 and order.trade_type_name == "보통"


async def test_a_market_buy_and_a_sell_show_in_fills_balance_and_deposit(client: KiwoomClient) -> None:
    bought = await buy(client, 10, None, TradeType.MARKET)
    sold = (
        await client.place_order(
            side=Side.SELL, stock_code=SAMSUNG, quantity=4, trade_type=TradeType.LIMIT, price=71_200
        )
    ).order_no
    fills = {fill.order_no: fill for fill in await client.fills()}
    assert (fills[bought].side, fills[bought].fill_price, fills[bought].filled_quantity) == (Side.BUY, 71_300, 10)
    assert (fills[sold].side, fills[sold].fill_price, fills[sold].filled_quantity) == (Side.SELL, 71_200, 4)
    balance = await client.balance()
    (holding,) = balance.holdings
    assert (holding.stock_code, holding.quantity, holding.sellable, holding.average_price) == (SAMSUNG, 6, 6, 71_300)
    assert balance.total_purchase == 6 * 71_300 and balance.total_evaluation == 6 * 71_200
    assert balance.total_profit == -600 and balance.total_profit_rate == Decimal("-0.14")
    deposit = await client.deposit()
    assert deposit.cash == deposit.orderable < 10_000_000


async def test_modify_and_cancel_follow_the_chain(client: KiwoomClient) -> None:
    original = await buy(client, 10, 70_000)
    modified = await client.modify_order(
        orig_order_no=original, stock_code=SAMSUNG, quantity=0, price=69_900, venue=Venue.KRX
    )
    assert (modified.base_order_no, modified.quantity) == (original, 10)
    cancelled = await client.cancel_order(orig_order_no=modified.order_no, stock_code=SAMSUNG, quantity=4)
    assert (cancelled.base_order_no, cancelled.quantity) == (original, 4)
    (order,) = await client.open_orders()
    assert (order.order_no, order.orig_order_no, order.unfilled, order.price) == (
        modified.order_no,
        original,
        6,
        69_900,
    )
    rest = await client.cancel_order(orig_order_no=modified.order_no, stock_code=SAMSUNG)
    assert rest.quantity == 6
    assert await client.open_orders() == []
    history = await client.order_history()
    assert [entry.order_no for entry in history] == [original, modified.order_no, cancelled.order_no, rest.order_no]
    assert [entry.amendment for entry in history] == ["", "정정", "취소", "취소"]
    assert all(entry.stock_code == SAMSUNG for entry in history)


async def test_open_orders_filter_by_stock_and_side(client: KiwoomClient) -> None:
    mine = await buy(client, 1, 70_000)
    await client.place_order(side=Side.BUY, stock_code="000660", quantity=1, trade_type=TradeType.LIMIT, price=180_000)
    assert [order.order_no for order in await client.open_orders(stock_code=SAMSUNG)] == [mine]
    assert await client.open_orders(side=Side.SELL) == []


async def test_account_and_market_data(client: KiwoomClient) -> None:
    account = await client.account_number()
    assert account.isdigit() and len(account) == 10
    info = await client.stock_info(SAMSUNG)
    limits = price_limits(71_200)
    assert (info.name, info.current_price, info.direction) == ("삼성전자", 71_200, Direction.FLAT)
    assert (info.upper_limit, info.lower_limit, info.base_price) == (limits.upper, limits.lower, 71_200)
    book = await client.order_book(SAMSUNG)
    asks, bids = [level for level in book.asks if level], [level for level in book.bids if level]
    assert len(asks) == len(bids) == 10
    assert asks[0].price == 71_300 and bids[0].price == 71_200
    assert all(level.quantity == 100 for level in asks + bids)
    kospi = await client.stock_list("0")
    assert any(listing.code == SAMSUNG and listing.name == "삼성전자" for listing in kospi)


async def test_prices_falling_show_the_direction(market: SandboxExchange, client: KiwoomClient) -> None:
    market.set_price(SAMSUNG, 70_800)
    info = await client.stock_info(SAMSUNG)
    assert (info.current_price, info.direction, info.change, info.change_rate) == (
        70_800,
        Direction.DOWN,
        -400,
        Decimal("-0.56"),
    )


async def test_every_page_is_followed(tmp_path: Path) -> None:
    transport = CountingTransport()
    with running(tmp_path, page_size=7) as (exchange, _wire):
        async with client_for(exchange, transport) as client:
            listings = await client.stock_list("0") + await client.stock_list("10")
            assert len({listing.code for listing in listings}) == len(listings) >= 50
            numbers = [await buy(client, 1, 70_000) for _ in range(16)]
            assert [order.order_no for order in await client.open_orders()] == numbers[::-1]
            assert [entry.order_no for entry in await client.order_history()] == numbers
    assert transport.sent["ka10075"] == 3 and transport.sent["kt00007"] == 3


async def test_concurrent_callers_share_one_token(market: SandboxExchange, transport: CountingTransport) -> None:
    async with client_for(market, transport) as client:
        infos = await asyncio.gather(*(client.stock_info(SAMSUNG) for _ in range(10)))
        assert len(infos) == 10
        assert transport.sent["au10001"] == 1
    assert transport.sent["au10002"] == 1


async def test_leaving_revokes_the_token(market: SandboxExchange, transport: CountingTransport) -> None:
    async with client_for(market, transport) as client:
        await client.account_number()
    token = transport.tokens[-1]
    async with httpx.AsyncClient() as raw:
        response = await raw.post(
            market.rest_url + "/api/dostk/acnt",
            json={},
            headers={"api-id": "ka00001", "authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
    answer = response.json()
    assert "[8005:" in answer["return_msg"]


async def test_the_token_is_renewed_ahead_of_its_kst_expiry(tmp_path: Path) -> None:
    clock = FakeClock()
    transport = CountingTransport()
    with running(tmp_path, clock=clock, token_lifetime=timedelta(hours=1)) as (exchange, _wire):
        async with client_for(exchange, transport, clock=clock) as client:
            await client.account_number()
            assert client.token_expires_at == clock.now + timedelta(hours=1)
            clock.advance(timedelta(minutes=49))
            await client.account_number()
            assert transport.sent["au10001"] == 1
            clock.advance(timedelta(minutes=2))  # now inside the 10-minute margin
            await client.account_number()
            assert transport.sent["au10001"] == 2
            assert transport.tokens[-1] != transport.tokens[0]


async def test_a_server_whose_clock_is_behind_ours_gets_one_token_not_one_per_call(tmp_path: Path) -> None:
    """The server dates its tokens by its own clock, a day behind this computer's: each token reads as expired on
    arrival. The client keeps it (by its own clock) instead of asking for another on every call."""
    server_clock, our_clock = FakeClock(), FakeClock()
    our_clock.advance(timedelta(days=2))
    transport = CountingTransport()
    with running(tmp_path, clock=server_clock) as (exchange, _wire):
        async with client_for(exchange, transport, clock=our_clock) as client:
            for _ in range(3):
                await client.account_number()
            assert transport.sent["au10001"] == 1
            expiry = client.token_expires_at
            assert expiry is not None and expiry > our_clock.now
            exchange.expire_tokens()  # the server refuses it: the next call gets a new one, once
            await client.account_number()
            assert transport.sent["au10001"] == 2


async def test_an_expired_token_is_reissued_once_and_the_call_retried(
    market: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    await client.account_number()
    market.expire_tokens()
    assert (await client.deposit()).cash == 10_000_000
    assert transport.sent["au10001"] == 2 and transport.sent["kt00001"] == 2


async def test_an_order_refused_for_its_token_is_sent_again_once(
    market: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    await client.account_number()
    market.expire_tokens()
    await buy(client, 1, 70_000)
    assert transport.sent["kt10000"] == 2  # the first was refused before processing
    assert len(await client.open_orders()) == 1


async def test_validation_errors_send_nothing(client: KiwoomClient, transport: CountingTransport) -> None:
    cases = [
        dict(stock_code="5930", quantity=1, trade_type=TradeType.LIMIT, price=70_000),
        dict(stock_code=SAMSUNG, quantity=0, trade_type=TradeType.LIMIT, price=70_000),
        dict(stock_code=SAMSUNG, quantity=1.5, trade_type=TradeType.LIMIT, price=70_000),
        dict(stock_code=SAMSUNG, quantity=True, trade_type=TradeType.LIMIT, price=70_000),
        dict(stock_code=SAMSUNG, quantity=1, trade_type=TradeType.LIMIT, price=None),
        dict(stock_code=SAMSUNG, quantity=1, trade_type=TradeType.MARKET, price=70_000),
        dict(stock_code=SAMSUNG, quantity=1, trade_type=TradeType.STOP_LIMIT, price=70_000),
        dict(stock_code=SAMSUNG, quantity=1, trade_type=TradeType.LIMIT, price=70_000, stop_price=69_000),
        dict(stock_code=SAMSUNG, quantity=1, trade_type=TradeType.LIMIT, price=70_000, venue=Venue.NXT),
    ]
    fields = []
    for case in cases:
        with pytest.raises(OrderValidationError) as caught:
            await client.place_order(side=Side.BUY, **case)  # type: ignore[arg-type]
        fields.append(caught.value.field)
    assert fields == [
        "stock_code",
        "quantity",
        "quantity",
        "quantity",
        "price",
        "price",
        "stop_price",
        "stop_price",
        "venue",
    ]
    with pytest.raises(OrderValidationError, match="7 digits"):
        await client.cancel_order(orig_order_no="123", stock_code=SAMSUNG)
    with pytest.raises(OrderValidationError):
        await client.modify_order(orig_order_no="0000001", stock_code=SAMSUNG, quantity=-1, price=70_000)
    with pytest.raises(OrderValidationError, match="place_order"):
        await client.request("kt10000", {})
    assert transport.sent["kt10000"] == transport.sent["kt10002"] == transport.sent["kt10003"] == 0


async def test_a_business_rejection_carries_the_servers_reason(client: KiwoomClient) -> None:
    with pytest.raises(OrderRejectedError) as caught:
        await buy(client, 1_000, 71_300)
    assert caught.value.return_code == 20 and "주문가능금액이 부족합니다" in caught.value.return_msg
    assert caught.value.api_id == "kt10000"
    assert await client.open_orders() == []


async def test_a_dropped_order_answer_is_unknown_never_resent(
    market: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    market.inject(FaultKind.DROP_RESPONSE, api_id="kt10000")
    with pytest.raises(OrderStateUnknownError) as caught:
        await buy(client, 3, 70_000)
    assert caught.value.request["stk_cd"] == SAMSUNG and caught.value.request["ord_qty"] == "3"
    assert transport.sent["kt10000"] == 1  # zero resends
    (order,) = await client.open_orders()  # reconciliation finds exactly one order
    assert order.quantity == 3


async def test_a_slow_order_answer_is_unknown_and_the_order_still_arrives(
    market: SandboxExchange, transport: CountingTransport
) -> None:
    market.inject(FaultKind.LATENCY, api_id="kt10000", delay=1.0)
    async with client_for(market, transport, timeout=0.2) as client:
        with pytest.raises(OrderStateUnknownError):
            await buy(client, 2, 70_000)
    async with client_for(market, transport) as client:
        await eventually(lambda: client.open_orders(), "the delayed order never arrived")
        assert len(await client.open_orders()) == 1
    assert transport.sent["kt10000"] == 1


async def test_a_server_error_on_an_order_is_unknown(
    market: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    market.inject(FaultKind.HTTP_500, api_id="kt10000")
    with pytest.raises(OrderStateUnknownError) as caught:
        await buy(client, 1, 70_000)
    assert caught.value.http_status == 500 and transport.sent["kt10000"] == 1


async def test_a_rate_limited_order_is_retried_because_it_was_refused(
    market: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    market.inject(FaultKind.HTTP_429, api_id="kt10000")
    await buy(client, 1, 70_000)
    assert transport.sent["kt10000"] == 2
    assert len(await client.open_orders()) == 1


async def test_no_secret_reaches_the_logs(
    market: SandboxExchange, transport: CountingTransport, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with client_for(market, transport) as client:
        account = await client.account_number()
        await buy(client, 1, 70_000)
        market.expire_tokens()
        await client.open_orders()
        market.inject(FaultKind.DROP_RESPONSE, api_id="kt10000")
        with pytest.raises(OrderStateUnknownError) as caught:
            await buy(client, 1, 70_000)
    text = caplog.text + str(caught.value) + repr(client)
    assert caplog.records
    for secret in (APPKEY, SECRETKEY, *transport.tokens, account):
        assert secret not in text
    assert "******" + account[-4:] in caplog.text


async def test_an_order_that_cannot_connect_is_a_transport_error_not_unknown(tmp_path: Path) -> None:
    exchange = start_sandbox(tmp_path)
    async with KiwoomClient(exchange.rest_url, APPKEY, SECRETKEY) as client:
        await client.account_number()  # a token is in hand
        exchange.stop()  # and the server is gone: the connection never opens, so nothing was sent
        with pytest.raises(TransportError) as caught:
            await client.place_order(side=Side.BUY, stock_code=SAMSUNG, quantity=1, trade_type=TradeType.MARKET)
    assert caught.value.api_id == "kt10000"
    assert not isinstance(caught.value, OrderStateUnknownError)


async def test_the_days_journal_and_realized_profit_are_read_whole_across_pages(tmp_path: Path) -> None:
    """ka10170 and ka10077 (#10), typed, with every page followed (3 rows a page here)."""
    transport = CountingTransport()
    with running(tmp_path, page_size=3) as (exchange, _wire):
        exchange.set_price(SAMSUNG, 71_200, depth=1_000)
        async with client_for(exchange, transport) as client:
            await buy(client, 10, None, TradeType.MARKET)  # 10 at the best ask, 71,300
            for _ in range(7):  # seven sales of one share at the best bid, 71,200
                await client.place_order(side=Side.SELL, stock_code=SAMSUNG, quantity=1, trade_type=TradeType.MARKET)
            journal = await client.trade_journal()
            realized = await client.realized_profit(SAMSUNG)
    (row,) = journal.rows
    assert (row.stock_code, row.stock_name, row.sell_quantity, row.sell_amount) == (SAMSUNG, "삼성전자", 7, 7 * 71_200)
    assert (row.buy_average_price, row.buy_amount) == (71_300, 7 * 71_300)
    assert row.profit == 7 * 71_200 - 7 * 71_300 - row.fees_and_tax < 0 and journal.total_profit == row.profit
    assert len(realized.rows) == 7 and realized.rows[0].average_cost == Decimal("71300")
    assert realized.total == sum(sale.profit for sale in realized.rows) == journal.total_profit
    assert transport.sent["ka10077"] == 3  # 7 sales, 3 a page


async def test_candles_are_typed_paged_as_asked_and_end_at_the_live_price(tmp_path: Path) -> None:
    """ka10080 and ka10081 (#10): a chart reads as many pages as it asks for (history goes back years)."""
    transport = CountingTransport()
    with running(tmp_path, page_size=100) as (exchange, _wire):
        exchange.set_price(SAMSUNG, 71_500, depth=100)
        async with client_for(exchange, transport) as client:
            today = datetime.now(KST).strftime("%Y%m%d")
            days = await client.daily_candles(SAMSUNG, today, max_pages=3)
            one_page = await client.daily_candles(SAMSUNG, today)
            minutes = await client.minute_candles(SAMSUNG, 5, max_pages=2)
            with pytest.raises(OrderValidationError):
                await client.minute_candles(SAMSUNG, 2)
        base = exchange.quote(SAMSUNG).base_price
    assert len(days) == 300 and len(one_page) == 100 and days[:100] == one_page
    assert days[0].date == today and days[0].close == 71_500 and days[1].close == base
    assert len(minutes) == 200 and minutes[0].close == 71_500 and minutes[0].time > minutes[1].time
    assert transport.sent["ka10081"] == 4 and transport.sent["ka10080"] == 2
