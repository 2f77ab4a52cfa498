"""The WebSocket session against the Sandbox's socket: events, reconnects, token renewal, garbage, stalls."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiwoom_desk.kiwoom import KiwoomClient, Side, TradeType
from kiwoom_desk.kiwoom.events import (
    BalanceUpdate,
    BookUpdate,
    Event,
    OrderExecution,
    RealtimeState,
    RealtimeStatus,
    Trade,
    Unreadable,
)
from kiwoom_desk.kiwoom.realtime import RealtimeSession
from kiwoom_desk.sandbox import SandboxExchange

from .client_support import CountingTransport, client_for, eventually
from .conftest import start_sandbox

SAMSUNG = "005930"


class Recorder:
    def __init__(self) -> None:
        self.events: list[Event] = []
        self.unreadable: list[Unreadable] = []
        self.statuses: list[RealtimeStatus] = []
        self.resyncs = 0

    def on_event(self, event: Event | Unreadable) -> None:
        if isinstance(event, Unreadable):
            self.unreadable.append(event)
        else:
            self.events.append(event)

    def on_status(self, status: RealtimeStatus) -> None:
        self.statuses.append(status)

    async def on_resync(self) -> None:
        self.resyncs += 1

    def of(self, kind: type[Any], order_no: str | None = None) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind) and (order_no is None or e.order_no == order_no)]


@pytest.fixture
def exchange(tmp_path: Path) -> Iterator[SandboxExchange]:
    sandbox = start_sandbox(tmp_path, ping_interval=0.2)
    sandbox.set_price(SAMSUNG, 71_200, depth=5)
    yield sandbox
    sandbox.stop()


@pytest.fixture
async def live(
    exchange: SandboxExchange, transport: CountingTransport
) -> AsyncIterator[tuple[KiwoomClient, RealtimeSession, Recorder]]:
    recorder = Recorder()
    async with client_for(exchange, transport) as client:
        session = RealtimeSession(
            exchange.ws_url,
            client,
            recorder.on_event,
            recorder.on_status,
            recorder.on_resync,
            backoff_base=0.05,
            idle_timeout=2.0,
        )
        session.start()
        await eventually(lambda: _true(session.status.state is RealtimeState.CONNECTED), "never connected")
        yield client, session, recorder
        await session.close()


async def _true(value: bool) -> bool:
    return value


async def test_an_order_gives_acceptance_partial_fill_and_cancel_events(
    exchange: SandboxExchange, live: tuple[KiwoomClient, RealtimeSession, Recorder]
) -> None:
    client, _session, recorder = live
    ack = await client.place_order(
        side=Side.BUY, stock_code=SAMSUNG, quantity=8, trade_type=TradeType.LIMIT, price=71_300
    )
    await eventually(lambda: _true(len(recorder.of(OrderExecution, ack.order_no)) >= 2), "no 00 events")
    accepted, filled = recorder.of(OrderExecution, ack.order_no)[:2]
    assert (accepted.status, accepted.unfilled, accepted.side, accepted.stock_name) == ("접수", 8, Side.BUY, "삼성전자")
    assert (filled.status, filled.filled_quantity, filled.unfilled, filled.fill_price, filled.fill_quantity) == (
        "체결",
        5,
        3,
        71_300,
        5,
    )
    await eventually(lambda: _true(any(b.quantity == 5 for b in recorder.of(BalanceUpdate))), "no 04 event")
    await client.cancel_order(orig_order_no=ack.order_no, stock_code=SAMSUNG)
    await eventually(lambda: _true(recorder.of(OrderExecution, ack.order_no)[-1].unfilled == 0), "no cancel event")
    assert recorder.of(OrderExecution, ack.order_no)[-1].status == "취소"


async def test_registered_stocks_stream_trades_and_the_book(
    exchange: SandboxExchange, live: tuple[KiwoomClient, RealtimeSession, Recorder]
) -> None:
    _client, session, recorder = live
    await session.register([SAMSUNG], ["0B", "0D"])
    await eventually(lambda: _true(bool(recorder.of(Trade)) and bool(recorder.of(BookUpdate))), "no 0B/0D")
    book = recorder.of(BookUpdate)[-1]
    assert len(book.asks) == len(book.bids) == 10 and book.asks[0].price == 71_300 and book.bids[0].price == 71_200
    exchange.set_price(SAMSUNG, 70_800)
    await eventually(lambda: _true(recorder.of(Trade)[-1].price == 70_800), "no trade after the move")
    trade = recorder.of(Trade)[-1]
    assert (trade.direction, trade.change) == (-1, -400)
    await session.unregister([SAMSUNG], ["0B", "0D"])
    count = len(recorder.of(Trade))
    exchange.set_price(SAMSUNG, 70_900)
    await client_roundtrip(_client)
    assert len(recorder.of(Trade)) == count


async def client_roundtrip(client: KiwoomClient) -> None:
    """A REST call after which any push the exchange would have made has had time to arrive."""
    await client.account_number()
    await asyncio.sleep(0)


async def test_a_dropped_socket_reconnects_reregisters_and_resyncs(
    exchange: SandboxExchange, live: tuple[KiwoomClient, RealtimeSession, Recorder]
) -> None:
    _client, session, recorder = live
    await session.register([SAMSUNG], ["0B"])
    await eventually(lambda: _true(bool(recorder.of(Trade))), "no trade")
    exchange.drop_websockets()
    await eventually(lambda: _true(session.connections == 2), "never reconnected")
    assert any(status.state is RealtimeState.RECONNECTING for status in recorder.statuses)
    await eventually(lambda: _true(recorder.resyncs == 1), "no REST catch-up after the reconnect")
    before = len(recorder.of(Trade))
    exchange.set_price(SAMSUNG, 71_000)
    await eventually(lambda: _true(len(recorder.of(Trade)) > before), "registration was not restored")


async def test_an_expired_token_is_replaced_at_the_next_login(
    exchange: SandboxExchange, live: tuple[KiwoomClient, RealtimeSession, Recorder], transport: CountingTransport
) -> None:
    client, session, recorder = live
    first = transport.sent["au10001"]
    exchange.expire_tokens()
    exchange.drop_websockets()
    await eventually(lambda: _true(session.connections == 2), "never logged in again")
    assert transport.sent["au10001"] == first + 1  # a fresh token, not the stale copy
    ack = await client.place_order(
        side=Side.BUY, stock_code=SAMSUNG, quantity=1, trade_type=TradeType.LIMIT, price=70_000
    )
    await eventually(lambda: _true(bool(recorder.of(OrderExecution, ack.order_no))), "no events after the new login")


async def test_garbage_frames_are_skipped_and_the_session_goes_on(
    exchange: SandboxExchange, live: tuple[KiwoomClient, RealtimeSession, Recorder]
) -> None:
    client, session, recorder = live
    exchange.send_websocket_garbage()
    ack = await client.place_order(
        side=Side.BUY, stock_code=SAMSUNG, quantity=1, trade_type=TradeType.LIMIT, price=70_000
    )
    await eventually(lambda: _true(bool(recorder.of(OrderExecution, ack.order_no))), "the session died on garbage")
    assert session.connections == 1 and session.status.state is RealtimeState.CONNECTED
    assert all(event.order_no != "0000001" or event.quantity for event in recorder.of(OrderExecution))
    # entries of known types that could not be read reach the desk as such (a 00 without its quantity asks for a
    # reconcile); whole frames that are not JSON (5,000 digits, 1,000-deep nesting, text) are only counted
    assert [entry.kind for entry in recorder.unreadable] == ["00", "0B"]
    assert session.unreadable == 7 and session.status.unreadable >= 1  # the unknown type and trnm are not errors


async def test_a_stalled_socket_is_noticed_and_replaced(
    exchange: SandboxExchange, live: tuple[KiwoomClient, RealtimeSession, Recorder]
) -> None:
    _client, session, _recorder = live
    exchange.stall_websockets(5.0)  # longer than the 2 s idle timeout: no PING, no data
    await eventually(lambda: _true(session.connections >= 2), "the stall went unnoticed", within=15)


async def test_the_server_shutting_down_sends_system_and_the_client_keeps_trying(tmp_path: Path) -> None:
    exchange = start_sandbox(tmp_path, ping_interval=0.2)
    recorder = Recorder()
    transport = CountingTransport()
    async with client_for(exchange, transport) as client:
        session = RealtimeSession(
            exchange.ws_url, client, recorder.on_event, recorder.on_status, backoff_base=0.05, idle_timeout=2.0
        )
        session.start()
        await eventually(lambda: _true(session.status.state is RealtimeState.CONNECTED), "never connected")
        exchange.stop()
        await eventually(
            lambda: _true(session.status.state is RealtimeState.RECONNECTING and session.status.attempt >= 2),
            "did not keep trying",
        )
        await session.close()
        assert session.status.state is RealtimeState.CLOSED
        client._tokens._token = None  # the server is gone: nothing to revoke


async def test_an_orders_own_fill_moves_the_streamed_price(
    exchange: SandboxExchange, live: tuple[KiwoomClient, RealtimeSession, Recorder]
) -> None:
    client, session, recorder = live
    await session.register([SAMSUNG], ["0B"])
    await eventually(lambda: _true(bool(recorder.of(Trade))), "no trade")
    assert recorder.of(Trade)[-1].price == 71_200
    await client.place_order(side=Side.BUY, stock_code=SAMSUNG, quantity=3, trade_type=TradeType.MARKET)
    await eventually(lambda: _true(recorder.of(Trade)[-1].price == 71_300), "the fill did not move the price")


async def test_after_a_reconnect_the_socket_is_read_while_rest_catches_up(exchange: SandboxExchange) -> None:
    """The REST catch-up waits here until a trade has been read: had the reader waited for it, neither would end."""
    recorder = Recorder()
    trades_seen = asyncio.Event()

    async def catch_up() -> None:
        await trades_seen.wait()

    def on_event(event: object) -> None:
        recorder.on_event(event)  # type: ignore[arg-type]
        if isinstance(event, Trade) and recorder_reconnected[0]:
            trades_seen.set()

    recorder_reconnected = [False]
    transport = CountingTransport()
    async with client_for(exchange, transport) as client:
        session = RealtimeSession(exchange.ws_url, client, on_event, recorder.on_status, catch_up, backoff_base=0.05)
        session.start()
        await session.register([SAMSUNG], ["0B"])
        await eventually(lambda: _true(session.connections == 1), "never connected")
        exchange.drop_websockets()
        await eventually(lambda: _true(session.connections == 2), "never reconnected")
        recorder_reconnected[0] = True
        exchange.set_price(SAMSUNG, 70_900)
        await eventually(lambda: _true(trades_seen.is_set()), "no trade was read while REST caught up")
        await session.close()
