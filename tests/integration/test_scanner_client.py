"""#15 against a running Sandbox, through the client: rankings agree with each stock's own quote, and condition
search lists, searches, follows stocks in and out as their prices cross the rule, and comes back after a
reconnect."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import (
    AmountOrQuantity,
    ChangeSort,
    FlowSide,
    Investor,
    KiwoomClient,
    OrderValidationError,
    RankMarket,
    Side,
    SurgeBasis,
    TradeType,
    TransportError,
)
from kiwoom_desk.kiwoom.conditions import ConditionSearch
from kiwoom_desk.kiwoom.events import ConditionChange, ConditionSnapshot, Event, RealtimeState, Unreadable
from kiwoom_desk.kiwoom.ratelimit import REAL_LIMITS
from kiwoom_desk.kiwoom.realtime import RealtimeSession
from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.storage.journal import Journal
from kiwoom_desk.trading.desk import TradingDesk
from kiwoom_desk.trading.scanner import RankingKind

from .client_support import CountingTransport, client_for, eventually

SAMSUNG, HYNIX, KAKAO = "005930", "000660", "035720"
NEAR_UPPER = "2"  # the Sandbox's 상한가 근접: price at least 95 % of the upper limit


@pytest.fixture
async def client(sandbox: SandboxExchange, transport: CountingTransport) -> AsyncIterator[KiwoomClient]:
    async with client_for(sandbox, transport) as client:
        yield client


async def _all_codes(client: KiwoomClient) -> list[str]:
    return [listing.code for market in ("0", "10", "8") for listing in await client.stock_list(market)]


async def test_the_gainers_and_losers_are_each_stocks_own_change_in_order(
    sandbox: SandboxExchange, client: KiwoomClient
) -> None:
    sandbox.advance(20)
    sandbox.set_price(SAMSUNG, 75_000)  # +5.34 %: at the top of the gainers
    sandbox.set_price(KAKAO, 38_000)  # -5.35 %: near the bottom
    infos = [await client.stock_info(code) for code in await _all_codes(client)]
    exact = {info.code: Fraction(info.change or 0, info.base_price) for info in infos}  # ranked unrounded
    rising = sorted((i for i in infos if exact[i.code] > 0), key=lambda i: (-exact[i.code], i.code))
    falling = sorted((i for i in infos if exact[i.code] < 0), key=lambda i: (exact[i.code], i.code))

    gainers = await client.change_leaders(RankMarket.ALL, ChangeSort.RISE_RATE)
    losers = await client.change_leaders(RankMarket.ALL, ChangeSort.FALL_RATE)

    assert [row.code for row in gainers] == [info.code for info in rising]
    assert [row.code for row in losers] == [info.code for info in falling]
    assert gainers[0].code == SAMSUNG and gainers[0].price == 75_000 and gainers[0].change_rate == Decimal("5.34")
    kakao = next(row for row in losers if row.code == KAKAO)
    assert kakao.price == 38_000 and kakao.change == -2_150  # a fall read as negative, the price as a price


async def test_volume_and_value_leaders_are_in_shares_and_won(sandbox: SandboxExchange, client: KiwoomClient) -> None:
    sandbox.advance(5)
    by_volume = await client.volume_leaders(RankMarket.KOSPI)
    by_value = await client.value_leaders(RankMarket.ALL)
    volumes = [row.volume or 0 for row in by_volume]
    assert volumes == sorted(volumes, reverse=True) and all(volume > 0 for volume in volumes)
    values = [row.value or 0 for row in by_value]
    assert values == sorted(values, reverse=True)
    top = by_value[0]
    quote = (await client.watched_stocks([top.code]))[0]
    assert quote.value_millions is not None and top.value == quote.value_millions * 1_000_000  # 백만원 -> won
    assert [row.rank for row in by_value[:3]] == [1, 2, 3]


async def test_a_surge_needs_its_minutes_and_says_so_before_sending(
    client: KiwoomClient, transport: CountingTransport
) -> None:
    with pytest.raises(OrderValidationError, match="minutes"):
        await client.volume_surges(basis=SurgeBasis.MINUTES)
    assert transport.sent["ka10023"] == 0
    surges = await client.volume_surges(basis=SurgeBasis.MINUTES, minutes=5)
    assert all(row.code and row.price > 0 for row in surges)


class Heard:
    def __init__(self) -> None:
        self.events: list[Event | Unreadable] = []

    def __call__(self, event: Event | Unreadable) -> None:
        self.events.append(event)

    def of(self, kind: type[object]) -> list[object]:
        return [event for event in self.events if isinstance(event, kind)]


Live = tuple[RealtimeSession, ConditionSearch, Heard]


@pytest.fixture
async def live(sandbox: SandboxExchange, client: KiwoomClient) -> AsyncIterator[Live]:
    """A real-time session on the Sandbox with its condition search, started (connecting, not yet connected)."""
    heard = Heard()
    session = RealtimeSession(sandbox.ws_url, client, heard, backoff_base=0.05, idle_timeout=5.0)
    conditions = ConditionSearch(session, heard)
    session.start()
    yield session, conditions, heard
    await session.close()


async def _connected(session: RealtimeSession, count: int) -> bool:
    return session.status.state is RealtimeState.CONNECTED and session.connections >= count


async def test_a_live_condition_gains_and_loses_a_stock_as_its_price_crosses_the_rule(
    sandbox: SandboxExchange, client: KiwoomClient, live: Live
) -> None:
    session, conditions, heard = live
    await eventually(lambda: _connected(session, 1), "never connected")
    names = {condition.seq: condition.name for condition in await conditions.conditions()}
    assert names[NEAR_UPPER] == "상한가 근접"

    upper = (await client.stock_info(SAMSUNG)).upper_limit
    sandbox.set_price(SAMSUNG, 88_000)  # 95.1 % of 92,500
    found = await conditions.search(NEAR_UPPER)
    samsung = next(match for match in found if match.code == SAMSUNG)
    info = await client.stock_info(SAMSUNG)
    assert (samsung.price, samsung.change, samsung.change_rate) == (88_000, info.change, info.change_rate)
    assert samsung.name == "삼성전자" and upper == 92_500

    assert SAMSUNG in await conditions.watch(NEAR_UPPER)
    sandbox.set_price(SAMSUNG, 80_000)
    await eventually(lambda: _true(bool(heard.of(ConditionChange))), "no 02 when it left")
    left = heard.of(ConditionChange)[-1]
    assert isinstance(left, ConditionChange) and (left.seq, left.stock_code, left.entered) == ("2", SAMSUNG, False)
    sandbox.set_price(HYNIX, 240_000)  # 189,500 base: upper 246,000, 95 % = 233,700
    await eventually(lambda: _true(len(heard.of(ConditionChange)) == 2), "no 02 when SK하이닉스 entered")
    entered = heard.of(ConditionChange)[-1]
    assert isinstance(entered, ConditionChange) and (entered.stock_code, entered.entered) == (HYNIX, True)
    assert len(entered.time) == 6

    sandbox.drop_websockets()  # a reconnect starts the live condition again: its whole set, anew
    await eventually(lambda: _true(bool(heard.of(ConditionSnapshot))), "the live condition was not restarted")
    snapshot = heard.of(ConditionSnapshot)[-1]
    assert isinstance(snapshot, ConditionSnapshot) and HYNIX in snapshot.codes and SAMSUNG not in snapshot.codes

    await conditions.stop(NEAR_UPPER)
    changes = len(heard.of(ConditionChange))
    sandbox.set_price(SAMSUNG, 88_000)  # would enter: but the condition is stopped
    await conditions.conditions()  # an answer after any push the move caused: the socket keeps order
    assert len(heard.of(ConditionChange)) == changes


async def test_a_search_on_a_new_connection_asks_for_the_list_first(live: Live) -> None:
    session, conditions, _heard = live
    await eventually(lambda: _connected(session, 1), "never connected")
    await conditions.search("3")  # the Sandbox refuses a CNSRREQ before CNSRLST: this went through
    with pytest.raises(OrderValidationError):
        await conditions.search("1; drop")
    await session.close()
    with pytest.raises(TransportError, match="not running"):  # a closed session: said, not waited on
        await asyncio.wait_for(conditions.conditions(), 5)


async def _true(value: bool) -> bool:
    return value


LEAVES = [investor for investor in Investor if investor is not Investor.INSTITUTIONS]  # the partition's parts
INSTITUTION_PARTS = [
    Investor.FINANCIAL_INVESTMENT,
    Investor.INSURANCE,
    Investor.TRUSTS,
    Investor.OTHER_FINANCE,
    Investor.BANKS,
    Investor.PENSION_FUNDS,
    Investor.PRIVATE_FUNDS,
    Investor.STATE,
]


async def test_investor_flows_add_up_to_the_days_volume_in_shares(
    sandbox: SandboxExchange, client: KiwoomClient
) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=50)
    sandbox.advance(30, [SAMSUNG])
    await client.place_order(side=Side.BUY, stock_code=SAMSUNG, quantity=40, trade_type=TradeType.MARKET)
    today = datetime.now(ZoneInfo("Asia/Seoul")).strftime("%Y%m%d")
    info = await client.stock_info(SAMSUNG)

    buys = (await client.investor_days(SAMSUNG, today, side=FlowSide.BUY))[0]
    sells = (await client.investor_days(SAMSUNG, today, side=FlowSide.SELL))[0]
    net = (await client.investor_days(SAMSUNG, today))[0]
    assert buys.day == today and buys.volume == info.volume
    assert sum(buys.flows[i] or 0 for i in LEAVES) == info.volume == -sum(sells.flows[i] or 0 for i in LEAVES)
    assert sum(net.flows[i] or 0 for i in LEAVES) == 0
    assert net.flows[Investor.INSTITUTIONS] == sum(net.flows[i] or 0 for i in INSTITUTION_PARTS)
    assert (buys.flows[Investor.INDIVIDUAL] or 0) >= 40  # the account's own buy is 개인's

    intraday = await client.investor_intraday(SAMSUNG)
    assert [m.time for m in intraday] == sorted(m.time for m in intraday)
    for investor in (Investor.FOREIGN, Investor.INSTITUTIONS, Investor.STATE):
        assert intraday[-1].flows[investor] == net.flows[investor]  # cumulative: the last is the day's


async def test_the_foreign_and_institution_leaders_are_each_stocks_net_in_won_and_shares(
    sandbox: SandboxExchange, client: KiwoomClient
) -> None:
    sandbox.advance(10)
    today = datetime.now(ZoneInfo("Asia/Seoul")).strftime("%Y%m%d")
    by_quantity = await client.foreign_institution_leaders(RankMarket.ALL, AmountOrQuantity.QUANTITY)
    by_amount = await client.foreign_institution_leaders(RankMarket.ALL, AmountOrQuantity.AMOUNT)
    assert by_quantity.foreign_buys and by_amount.institution_buys
    for leader in by_quantity.foreign_buys[:3]:
        day = (await client.investor_days(leader.code, today))[0]
        shares = day.flows[Investor.FOREIGN] or 0
        assert leader.quantity is not None and abs(leader.quantity - shares) <= 500  # 천주 on the wire, rounded
    for leader in by_amount.institution_buys[:3]:
        day = (await client.investor_days(leader.code, today, by=AmountOrQuantity.AMOUNT))[0]
        won = day.flows[Investor.INSTITUTIONS] or 0
        assert leader.amount is not None and abs(leader.amount - won) <= 5_000_000 + 8 * 1_000_000  # 천만원 vs 백만원
    amounts = [leader.amount or 0 for leader in by_amount.foreign_buys]
    assert amounts == sorted(amounts, reverse=True)


async def test_a_question_asked_while_connecting_waits_for_the_login(live: Live) -> None:
    _session, conditions, _heard = live  # still connecting: asked at once, as a panel shown at start-up does
    assert [condition.seq for condition in await conditions.conditions()] == ["0", "1", "2", "3"]


async def test_a_live_start_cancelled_on_the_wire_is_stopped_on_the_server(
    sandbox: SandboxExchange, live: Live
) -> None:
    session, conditions, heard = live
    await conditions.conditions()
    answered = session._answered
    held: list[dict[str, object]] = []

    def hold_the_start(name: str, frame: dict[str, object]) -> None:
        if name == "CNSRREQ":
            held.append(frame)  # the server took it; its answer has not reached the caller yet
        else:
            answered(name, frame)

    session._answered = hold_the_start  # type: ignore[method-assign]
    start = asyncio.ensure_future(conditions.watch(NEAR_UPPER))
    await eventually(lambda: _true(bool(held)), "the start never reached the server")
    start.cancel()  # the trader clicked 실시간 off (or another search) while it was on the wire
    await asyncio.gather(start, return_exceptions=True)
    session._answered = answered  # type: ignore[method-assign]
    assert conditions.live == set()
    await eventually(lambda: _true(not conditions._cleanups), "the clean-up's CNSRCLR never got its answer")
    sandbox.set_price(SAMSUNG, 88_000)  # would enter a live 상한가 근접
    await conditions.conditions()  # answered after any push the move caused: the socket keeps order
    assert heard.of(ConditionChange) == []


async def test_the_desks_automatic_reads_leave_the_rate_limit_to_orders(
    sandbox: SandboxExchange, tmp_path: Path
) -> None:
    """With the real server's limits (5 a second overall): a panel's timer reads only with requests to spare
    beyond its own, one read at a time; the trader's own 조회 always goes."""
    journal = Journal(tmp_path / "journal.sqlite3")
    client = KiwoomClient(sandbox.rest_url, "key", "secret", rate_limits=REAL_LIMITS)
    desk = TradingDesk(Environment.REAL, client, journal)
    try:
        sandbox.advance(3)
        assert await desk.ranking(RankingKind.FOREIGN, RankMarket.ALL, automatic=True)  # 2 of 5, 1 kept
        limiter = client._limiter
        while limiter.spare(["kt10000"], keep=1):  # an order burst spends the second's budget
            limiter.reserve("kt10000")
        assert await desk.ranking(RankingKind.VALUE, RankMarket.ALL, automatic=True) is None
        assert await desk.investor_flows(SAMSUNG, automatic=True) is None
        assert await desk.ranking(RankingKind.VALUE, RankMarket.ALL) is not None  # asked for: it waits its turn
        await eventually(lambda: _true(limiter.spare(["ka10059", "ka10064"])), "the budget never came back")
        both = [desk.investor_flows(SAMSUNG, automatic=True), desk.investor_flows(SAMSUNG, automatic=True)]
        first, second = await asyncio.gather(*both)
        assert first is not None and second is None  # two timers in the same instant: one read
    finally:
        await client.aclose()
        journal.close()
