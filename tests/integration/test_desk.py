"""The desk against a real Sandbox without a window: REST snapshots one at a time, none undoing a newer change."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import KiwoomClient, Side, TradeType, Venue
from kiwoom_desk.sandbox import FaultKind, SandboxExchange
from kiwoom_desk.storage.journal import Journal, JournalError
from kiwoom_desk.trading.desk import TradingDesk
from kiwoom_desk.trading.limits import LimitExceededError, OrderGuard
from kiwoom_desk.trading.review import review_day
from kiwoom_desk.trading.rules import Kind, RiskLimits, Ticket, price_band
from kiwoom_desk.trading.sessions import KST
from kiwoom_desk.trading.ticks import round_down_to_tick


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


async def test_the_desk_refuses_an_order_over_the_limits_whoever_built_it(
    sandbox: SandboxExchange, tmp_path: Path
) -> None:
    """No ticket here: the desk itself holds every order to the trader's limits, asks for the price it needs,
    sends nothing over them, and never blocks a cancel."""
    journal = Journal(tmp_path / "journal.sqlite3")
    limits = RiskLimits(max_quantity=100, max_amount=3_000_000, max_distance_percent=10, max_orders_per_minute=3)
    guard = OrderGuard(Environment.SANDBOX, limits)
    desk = TradingDesk(Environment.SANDBOX, KiwoomClient(sandbox.rest_url, "key", "secret"), journal, guard=guard)
    await desk.connect()
    with pytest.raises(LimitExceededError) as refused:  # nothing has quoted the stock: the desk asks for it
        await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 1_000, 101))
    assert {problem.kind for problem in refused.value.problems} == {Kind.OVER_MAX_QUANTITY, Kind.PRICE_TOO_FAR}
    quote = desk.known_quote("005930")
    assert quote is not None  # read just now
    current = quote.current
    far = round_down_to_tick(current * 12 // 10)
    over = {
        Kind.OVER_MAX_AMOUNT: Ticket(Side.BUY, "005930", TradeType.MARKET, Venue.KRX, 0, 3_000_000 // current + 1),
        Kind.PRICE_TOO_FAR: Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, far, 1),
    }
    for kind, ticket in over.items():
        with pytest.raises(LimitExceededError) as refused:
            await desk.place(ticket)
        assert [problem.kind for problem in refused.value.problems] == [kind]
    assert "kt10000" not in sandbox.requests()
    low = price_band(quote, 10)[0]
    placed = [await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, low, 1)) for _ in range(2)]
    (order,) = [order for order in desk.open_orders() if order.order_no == placed[0].order_no]
    with pytest.raises(LimitExceededError):  # a modify is held to the same limits: too many shares
        await desk.modify(order, 101, low)
    modified = await desk.modify(order, 1, low)  # the third order this minute
    with pytest.raises(LimitExceededError) as refused:
        await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, low, 1))
    assert [problem.kind for problem in refused.value.problems] == [Kind.TOO_MANY_ORDERS]
    assert sandbox.requests()["kt10000"] == 2 and sandbox.requests()["kt10002"] == 1
    numbers = {modified.order_no, placed[1].order_no}
    await until(lambda: {order.order_no for order in desk.open_orders()} == numbers, "the modify never showed")
    cancelled, failures = await desk.cancel(desk.open_orders())  # at the limit, a cancel still goes
    assert len(cancelled) == 2 and not failures
    blocked = [event for event in journal.events() if event["kind"] == "blocked"]
    assert len(blocked) == 5 and blocked[-1]["detail"] == {"limits": ["too_many_orders"]}
    await desk.close()
    journal.close()


async def test_the_desk_checks_the_limits_against_todays_price_not_an_old_quote(
    sandbox: SandboxExchange, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quote read a while ago, for a stock no trade stream keeps, is read again before the check; one that the
    live stream keeps is not."""
    from kiwoom_desk.trading import desk as desk_module

    journal = Journal(tmp_path / "journal.sqlite3")
    guard = OrderGuard(Environment.SANDBOX, RiskLimits(max_distance_percent=10))
    client = KiwoomClient(sandbox.rest_url, "key", "secret")
    desk = TradingDesk(Environment.SANDBOX, client, journal, ws_url=sandbox.ws_url, guard=guard)
    await desk.connect()
    await until(lambda: desk.realtime_connected, "no real-time session")
    sandbox.set_price("005930", 71_200, depth=10)
    await desk.quote("005930")
    monkeypatch.setattr(desk_module, "QUOTE_FRESH_SECONDS", 0.0)  # "a while ago", without waiting for it
    sandbox.set_price("005930", 80_000, depth=10)  # the market moved; nothing streams this stock's trades
    with pytest.raises(LimitExceededError):  # 20 % under today's price, though 10 % under the old quote
        await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 64_100, 1))
    await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 80_000, 1))  # today's price: fine
    assert sandbox.requests()["ka10001"] == 3  # the first quote, then one look before each order

    await desk.watch("005930")  # now the stream keeps the price: no more looks
    sandbox.set_price("005930", 90_000, depth=10)

    def kept_price() -> int:
        quote = desk.known_quote("005930")
        return quote.current if quote else 0

    await until(lambda: kept_price() == 90_000, "the stream did not keep the price")
    with pytest.raises(LimitExceededError):
        await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 80_000, 1))
    assert sandbox.requests()["ka10001"] == 3
    await desk.close()
    journal.close()


async def test_every_execution_event_is_journalled_with_its_fill(sandbox: SandboxExchange, tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    client = KiwoomClient(sandbox.rest_url, "key", "secret")
    desk = TradingDesk(Environment.SANDBOX, client, journal, ws_url=sandbox.ws_url)
    await desk.connect()
    await until(lambda: desk.realtime_connected, "no real-time session")
    sandbox.set_price("005930", 71_200, depth=3)  # a thin book: 3 at 71,300, 3 at 71,400, ...
    ack = await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 71_400, 5))
    await until(lambda: desk.order_state(ack.order_no) is not None and not desk.open_orders(), "never filled")
    rows = [row for row in journal.executions("sandbox") if row["order_no"] == ack.order_no]
    fills = [(row["fill_price"], row["fill_quantity"]) for row in rows if row["fill_quantity"]]
    assert rows[0]["status"] == "접수" and fills == [(71_300, 3), (71_400, 2)]
    assert {row["account"] for row in rows} == {desk.account_no[-4:]} and {row["side"] for row in rows} == {"buy"}
    per_fill = [3 * 71_300 * 15 // 100_000, 2 * 71_400 * 15 // 100_000]  # the order's commission so far (938)
    assert rows[-1]["commission"] == sum(per_fill) and rows[-1]["tax"] == 0
    await desk.close()
    journal.close()


class FullDisk(Journal):
    """A journal whose executions can't be written, as on a full or locked disk."""

    def record_execution(self, environment: str, account: str, execution: Mapping[str, Any]) -> None:
        raise JournalError("database or disk is full")


async def test_a_journal_that_cannot_be_written_stops_no_real_time_update(
    sandbox: SandboxExchange, tmp_path: Path
) -> None:
    journal = FullDisk(tmp_path / "journal.sqlite3")
    desk = TradingDesk(
        Environment.SANDBOX, KiwoomClient(sandbox.rest_url, "key", "secret"), journal, ws_url=sandbox.ws_url
    )
    await desk.connect()
    await until(lambda: desk.realtime_connected, "no real-time session")
    first = await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 60_000, 1))
    await until(lambda: desk.ledger.heard_since(first.order_no, 0), "the 00 event was lost with the journal")
    second = await desk.place(Ticket(Side.BUY, "005930", TradeType.LIMIT, Venue.KRX, 60_100, 1))
    await until(lambda: desk.ledger.heard_since(second.order_no, 0), "real-time stopped after the journal failed")
    assert desk.realtime is not None and desk.realtime_connected
    await desk.close()
    journal.close()


async def test_the_journals_review_of_the_day_agrees_with_the_servers_trade_journal(
    sandbox: SandboxExchange, tmp_path: Path
) -> None:
    """#10: the review is rebuilt offline from the journal's 00 events; a day that starts and ends flat gives the
    same realized P/L and fees as ka10170, computed by the exchange from its own fills."""
    journal = Journal(tmp_path / "journal.sqlite3")
    guard = OrderGuard(Environment.SANDBOX, RiskLimits())
    client = KiwoomClient(sandbox.rest_url, "key", "secret")
    desk = TradingDesk(Environment.SANDBOX, client, journal, ws_url=sandbox.ws_url, guard=guard)
    await desk.connect()
    await until(lambda: desk.realtime_connected, "no real-time session")
    plan = [("005930", Side.BUY, 7, 71_000), ("005930", Side.BUY, 5, 71_400), ("005930", Side.SELL, 12, 72_100)]
    plan += [("000660", Side.BUY, 3, 190_000), ("000660", Side.SELL, 3, 188_500)]
    for code, side, quantity, price in plan:
        sandbox.set_price(code, price, depth=1_000)
        await desk.place(Ticket(side, code, TradeType.MARKET, Venue.KRX, 0, quantity))

    def fills() -> int:
        return sum(row["fill_quantity"] or 0 for row in journal.executions("sandbox"))

    await until(lambda: fills() == sum(quantity for _c, _s, quantity, _p in plan), "not every fill was journalled")
    today = datetime.now(KST).date().isoformat()
    review = review_day(journal.executions("sandbox"), today)
    server = await client.trade_journal()
    assert review.realized == server.total_profit and review.fees == server.total_fees_and_tax
    assert review.round_trips == 2 and review.win_rate == 0.5  # 삼성전자 won, SK하이닉스 lost
    await desk.close()
    journal.close()
