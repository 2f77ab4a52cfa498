"""The desk against a real Sandbox without a window: REST snapshots one at a time, none undoing a newer change."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import KiwoomClient, Side, TradeType, Venue
from kiwoom_desk.sandbox import FaultKind, SandboxExchange
from kiwoom_desk.storage.journal import Journal
from kiwoom_desk.trading.desk import TradingDesk
from kiwoom_desk.trading.rules import Ticket


async def until(condition: Callable[[], object], message: str, within: float = 10.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, message
        await asyncio.sleep(0.01)


async def test_an_order_acknowledged_while_a_snapshot_is_on_the_wire_stays(
    sandbox: SandboxExchange, tmp_path: Path
) -> None:
    """Without the socket each order is reconciled over REST. The second order is accepted while the first
    one's snapshot (taken before it) is still on the wire: that snapshot must not remove it, and the second
    order gets a look of its own."""
    journal = Journal(tmp_path / "journal.sqlite3")
    desk = TradingDesk(Environment.SANDBOX, KiwoomClient(sandbox.rest_url, "key", "secret"), journal)
    await desk.connect()
    sandbox.inject(FaultKind.LATENCY, api_id="ka10075", delay=0.5, times=1)  # the first reconcile is slow
    first = await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 60_000, 1))
    await until(lambda: desk._reconciling is not None and sandbox.requests().get("ka10075", 0) >= 2, "no look")
    second = await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 61_000, 1))
    assert {order.order_no for order in desk.open_orders()} == {first.order_no, second.order_no}
    await until(lambda: desk._reconciling is not None and desk._reconciling.done(), "the looks never ended")
    assert {order.order_no for order in desk.open_orders()} == {first.order_no, second.order_no}
    assert sandbox.requests()["ka10075"] == 3  # connect, then one look per order: none was dropped
    await desk.close()
    journal.close()


async def test_an_unreadable_order_event_changes_nothing_and_asks_rest(
    sandbox: SandboxExchange, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    client = KiwoomClient(sandbox.rest_url, "key", "secret")
    desk = TradingDesk(Environment.SANDBOX, client, journal, ws_url=sandbox.ws_url)
    await desk.connect()
    await until(lambda: desk.realtime_connected, "no real-time session")
    ack = await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 60_000, 4))
    assert ack.order_no == "0000001"  # the order the Sandbox's garbage names
    await until(lambda: desk.ledger.heard_since(ack.order_no, 0), "no 00 event")
    looks = sandbox.requests()["ka10075"]
    sandbox.send_websocket_garbage()  # among it, a 00 for 0000001 whose quantity is "abc"
    await until(lambda: sandbox.requests()["ka10075"] > looks, "the unreadable 00 asked for no reconcile")
    await until(lambda: desk._reconciling is not None and desk._reconciling.done(), "the reconcile never ended")
    (order,) = desk.open_orders()
    assert (order.order_no, order.unfilled, order.quantity) == (ack.order_no, 4, 4)
    assert desk.realtime is not None and desk.realtime.unreadable >= 1 and desk.realtime_connected
    await desk.close()
    journal.close()
