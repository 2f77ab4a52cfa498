"""The session controller without a window: endpoints, keys and their test, open, switch, shutdown, against a
real Sandbox over loopback, a real journal file and an in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiwoom_desk.environments import Endpoints, Environment
from kiwoom_desk.kiwoom import CredentialsError, KiwoomClient, OrderStatus, Side, TradeType, TransportError, Venue
from kiwoom_desk.kiwoom.events import (
    BookUpdate,
    ConditionChange,
    ConditionSnapshot,
    MarketPhase,
    OrderExecution,
    RealtimeState,
    RealtimeStatus,
    Trade,
    VolatilityInterruption,
)
from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.storage.credentials import Credentials, CredentialStore
from kiwoom_desk.storage.journal import Journal
from kiwoom_desk.trading.fills import FillRow
from kiwoom_desk.trading.orders import LedgerChange
from kiwoom_desk.trading.rules import Ticket
from kiwoom_desk.trading.session import SessionConfig, SessionController
from kiwoom_desk.trading.ticks import round_down_to_tick
from tests.memory_keyring import MemoryKeyring

from .conftest import start_sandbox

MOCK_KEYS = Credentials("mock-app-key", "mock-secret-key")


class Recorder:
    """A desk listener that keeps what it heard."""

    def __init__(self) -> None:
        self.changes: list[LedgerChange] = []
        self.executions: list[OrderExecution] = []
        self.fills: list[FillRow] = []

    def orders_changed(self, change: LedgerChange) -> None:
        self.changes.append(change)

    def portfolio_changed(self) -> None:
        pass

    def execution(self, event: OrderExecution) -> None:
        self.executions.append(event)

    def market(self, event: Trade | BookUpdate) -> None:
        pass

    def realtime_status(self, status: RealtimeStatus) -> None:
        pass

    def fills_changed(self, rows: list[FillRow]) -> None:
        self.fills.extend(rows)

    def condition(self, event: ConditionChange | ConditionSnapshot) -> None:
        pass

    def market_status(self, event: MarketPhase | VolatilityInterruption) -> None:
        pass


@pytest.fixture
def exchange(tmp_path: Path) -> Iterator[SandboxExchange]:
    sandbox = start_sandbox(tmp_path / "exchange", credentials=("mock-app-key", "mock-secret-key"))
    yield sandbox
    sandbox.stop()


@pytest.fixture
def config(tmp_path: Path, exchange: SandboxExchange) -> Iterator[SessionConfig]:
    """Mock leads to the test's exchange (nothing outside this machine is reachable); the Sandbox environment
    is the controller's own embedded one, started on first use."""
    journal = Journal(tmp_path / "journal.sqlite3")
    yield SessionConfig(
        credentials=CredentialStore(MemoryKeyring()),
        journal=journal,
        cache_dir=tmp_path / "cache",
        overrides={Environment.MOCK: Endpoints(exchange.rest_url, exchange.ws_url)},
        sandbox_dir=tmp_path / "embedded",
    )
    journal.close()


async def test_the_sandbox_is_started_when_first_opened_and_stopped_at_shutdown(config: SessionConfig) -> None:
    session = SessionController(config, Recorder())
    assert not (config.sandbox_dir and config.sandbox_dir.exists())  # nothing started before it is needed
    desk = await session.open(Environment.SANDBOX, session.stored_credentials(Environment.SANDBOX) or MOCK_KEYS)
    endpoints = await session.endpoints(Environment.SANDBOX)
    assert endpoints.rest_url.startswith("http://127.0.0.1:") and endpoints.ws_url.endswith("/api/dostk/websocket")
    assert desk.environment is Environment.SANDBOX and desk.client.allowed_venues == {Venue.KRX}
    assert (await desk.quote("005930")).name == "삼성전자"
    await session.shutdown()
    assert session.desk is None
    with pytest.raises(TransportError):  # the embedded exchange is gone with the session
        await (
            SessionController(config, Recorder())
            ._client(Environment.SANDBOX, MOCK_KEYS, endpoints)
            .stock_info("005930")
        )


async def test_keys_are_tested_without_opening_the_environment(config: SessionConfig) -> None:
    session = SessionController(config, Recorder())
    account = await session.test_credentials(Environment.MOCK, MOCK_KEYS)
    assert len(account) >= 8 and session.desk is None and session.environment is Environment.SANDBOX
    with pytest.raises(CredentialsError):
        await session.test_credentials(Environment.MOCK, Credentials("wrong", "keys"))
    assert session.stored_credentials(Environment.MOCK) is None  # testing stores nothing
    config.credentials.save(Environment.MOCK, MOCK_KEYS)
    assert session.stored_credentials(Environment.MOCK) == MOCK_KEYS


async def test_switching_closes_the_old_desk_and_an_order_goes_to_the_new_one(
    config: SessionConfig, exchange: SandboxExchange
) -> None:
    listener = Recorder()
    session = SessionController(config, listener)
    sandbox_desk = await session.open(Environment.SANDBOX, MOCK_KEYS)
    mock_desk = await session.open(Environment.MOCK, MOCK_KEYS)
    assert session.desk is mock_desk and session.environment is Environment.MOCK
    assert sandbox_desk.realtime is not None and sandbox_desk.realtime.status.state is RealtimeState.CLOSED
    assert mock_desk.client.allowed_venues == Environment.MOCK.allowed_venues  # the environment's policy, not a guess

    exchange.set_price("005930", 71_200, depth=100)
    ticket = Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, price=70_000, quantity=2)
    ack = await mock_desk.place(ticket, "삼성전자")
    (order,) = mock_desk.open_orders()
    assert (order.order_no, order.unfilled, order.status, order.trade_type) == (
        ack.order_no,
        2,
        OrderStatus.ACCEPTED,
        TradeType.LIMIT,
    )
    assert any(change.added == [ack.order_no] for change in listener.changes)  # the window's one row
    # it reached the new server, once
    async with KiwoomClient(exchange.rest_url, MOCK_KEYS.appkey, MOCK_KEYS.secretkey) as client:
        assert [row.order_no for row in await client.open_orders()] == [ack.order_no]
    assert exchange.requests()["kt10000"] == 1
    await session.shutdown()


async def test_the_sandbox_account_can_start_again_from_its_first_cash(config: SessionConfig) -> None:
    session = SessionController(config, Recorder())
    desk = await session.open(Environment.SANDBOX, MOCK_KEYS)
    await desk.place(Ticket(Side.BUY, "005930", TradeType.MARKET, Venue.KRX, price=0, quantity=3), "삼성전자")
    below = round_down_to_tick((await desk.quote("005930")).current * 9 // 10)  # inside the practice limits
    await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, price=below, quantity=1), "삼성전자")
    await desk.refresh()
    assert desk.portfolio.positions and desk.open_orders() and config.journal.events("sandbox")
    config.journal.record("mock", "sent", "kt10000")  # another environment's journal is not touched
    await session.close()
    await session.reset_sandbox()
    desk = await session.open(Environment.SANDBOX, MOCK_KEYS)
    assert not desk.portfolio.positions and desk.open_orders() == [] and desk.portfolio.orderable_cash == 10_000_000
    assert [event["kind"] for event in config.journal.events("sandbox")] == [] and config.journal.events("mock")
    await session.shutdown()


async def test_only_the_embedded_sandbox_can_be_reset(config: SessionConfig, exchange: SandboxExchange) -> None:
    config.overrides[Environment.SANDBOX] = Endpoints(exchange.rest_url, exchange.ws_url)
    session = SessionController(config, Recorder())
    assert not session.can_reset_sandbox
    with pytest.raises(LookupError):
        await session.reset_sandbox()
