"""TradingDesk: one environment's live session. It owns the client, the order ledger, the portfolio and the
journal, and tells its listeners what changed. No Qt: the UI's bridge turns the listener calls into signals.

Every order is journalled before it is sent and after it is answered. An acknowledged order is recorded in the
ledger at once: the order is the one REST call the ticket waits for. Real-time 00/04 events keep orders and
holdings true; cash and sellable shares, which nothing pushes, are read once after a burst. A REST reconcile
follows a reconnect, an event that does not fit or cannot be read, an action whose events do not come, and an
unknown fate. REST snapshots are taken one at a time, and none undoes a newer change. The desk never sends an
order again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Collection, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..environments import Environment
from ..kiwoom import (
    KiwoomClient,
    KiwoomError,
    ModifyAck,
    OrderAck,
    OrderStateUnknownError,
    OrderStatus,
    Side,
    StockListing,
    TradeJournal,
    WatchedStock,
)
from ..kiwoom.conditions import Condition, ConditionMatch, ConditionSearch
from ..kiwoom.events import (
    BalanceUpdate,
    BookUpdate,
    ConditionChange,
    ConditionSnapshot,
    Event,
    MarketPhase,
    OrderExecution,
    RealtimeState,
    RealtimeStatus,
    Trade,
    Unreadable,
    VolatilityInterruption,
)
from ..kiwoom.market_codes import RankMarket
from ..kiwoom.realtime import RealtimeSession
from ..storage.journal import EXECUTION_FIELDS, Journal, JournalError
from . import credit
from .candles import CandleSeries, load_candles
from .fills import FillMark, FillRow, TodaysFills
from .limits import LimitExceededError, OrderGuard
from .listings import ListingsCache
from .market_status import MarketStatus, vi_from_row
from .orders import LedgerChange, Order, OrderLedger, OrderState
from .portfolio import Portfolio
from .rules import Kind, Quote, Ticket, modify_ticket
from .scanner import FLOW_API_IDS, InvestorFlows, RankingKind, RankRow, load_flows, load_ranking
from .sessions import KST
from .streams import Streams
from .ticks import Instrument, PriceLimits

log = logging.getLogger(__name__)
_T = TypeVar("_T")

ETF_MARKET = "8"
LISTED_MARKETS = ("0", "10", ETF_MARKET)  # KOSPI, KOSDAQ, ETF: what the ticket's search offers
EVENT_WAIT_SECONDS = 5.0  # an acknowledged action whose 00 events have not come by then is reconciled over REST
RECONCILE_DELAY_SECONDS = 0.3  # doubts raised together share one REST look
PRICE_NOTICE_SECONDS = 0.05  # held stocks' prices reach the views at most this often
ACCOUNT_DELAY_SECONDS = 0.3  # orders and fills come in bursts: the account is read once after the burst
# What of a 00 event the journal keeps as the event names it; side, status and the order's fees are translated.
_FROM_EVENT = tuple(
    name for name in EXECUTION_FIELDS if name not in ("side", "status", "commission", "tax", "day", "credit")
)
QUOTE_FRESH_SECONDS = 2.0  # a quote no trade stream keeps is good for the limits' check this long
VI_CHECK_SECONDS = 5.0  # how often marks under VI are checked against their release time


@dataclass(frozen=True)
class KnownQuote:
    """A quote the desk read, the day it was read, and when (monotonic): what the limits' check may trust."""

    quote: Quote
    day: date
    read_at: float = field(default_factory=time.monotonic)


class AccountPart(StrEnum):
    """What an order or a fill changes that no real-time event carries."""

    CASH = "cash"  # kt00001: orderable cash (a buy reserves it, a cancel releases it, a fill spends it)
    HOLDINGS = "holdings"  # kt00018: sellable shares (a sell reserves them) and the totals


class DeskListener(Protocol):
    def orders_changed(self, change: LedgerChange) -> None: ...

    def portfolio_changed(self) -> None: ...

    def execution(self, event: OrderExecution) -> None: ...

    def market(self, event: Trade | BookUpdate) -> None: ...

    def realtime_status(self, status: RealtimeStatus) -> None: ...

    def fills_changed(self, rows: list[FillRow]) -> None: ...

    def condition(self, event: ConditionChange | ConditionSnapshot) -> None: ...

    def market_status(self, event: MarketPhase | VolatilityInterruption) -> None: ...


class TradingDesk:
    def __init__(
        self,
        environment: Environment,
        client: KiwoomClient,
        journal: Journal,
        cache_dir: Path | None = None,
        ws_url: str | None = None,
        guard: OrderGuard | None = None,
    ) -> None:
        self.environment = environment
        self.guard = guard if guard is not None else OrderGuard(environment)  # the trader's limits, checked here
        self.client = client
        self.journal = journal
        self.cache_dir = cache_dir
        self.realtime = (
            RealtimeSession(ws_url, client, self._on_event, self._on_status, self._resync) if ws_url else None
        )
        self.streams = Streams(self.realtime)
        self.condition_search = ConditionSearch(self.realtime, self._on_event) if self.realtime else None
        self._followed: frozenset[str] = frozenset()  # the held stocks whose trades are streamed
        self._portfolio_notice: asyncio.TimerHandle | None = None
        self._account_refresh: asyncio.Task[None] | None = None
        self._stale: set[AccountPart] = set()
        self._reconciling: asyncio.Task[None] | None = None
        self._vi_watch: asyncio.Task[None] | None = None  # while stocks are marked under VI
        self._vi_read: asyncio.Task[None] | None = None  # the first ka10054 read, beside the start
        self._reconcile_wanted = False
        self._timers: set[asyncio.TimerHandle] = set()
        self._reading = asyncio.Lock()  # one REST snapshot at a time: an older answer never lands after a newer
        self.ledger = OrderLedger()
        self.fills = TodaysFills(self.exchange_day)
        self.portfolio = Portfolio()
        self.account_no = ""
        self._listeners: list[DeskListener] = []
        self._listings: tuple[date, list[StockListing]] | None = None
        self._etf_codes: set[str] = set()  # ETFs tick in 5s from 2,000 won
        self._names: dict[str, str] = {}
        self._credit_terms = credit.TermsCache()
        self._quotes: dict[str, KnownQuote] = {}  # the last quote of each stock asked for, its price kept by 0B
        self._background = False  # a panel's automatic read is under way
        self._live_since = 0.0  # when the real-time session last (re)connected: trades before it may be missed
        self.market_status = MarketStatus(environment)  # the phase (0s), the exchange's clock, the stocks under VI

    def exchange_day(self) -> str:
        """Today on the exchange, YYYYMMDD: the calendar's in Seoul, or the Sandbox's own day (its KRX day runs
        days of its own, ahead of the calendar)."""
        return self.market_status.day()

    def subscribe(self, listener: DeskListener) -> None:
        self._listeners.append(listener)

    # ---- what the views read -------------------------------------------------------------------------------

    def open_orders(self) -> list[Order]:
        return list(self.ledger.orders.values())

    @property
    def token_expires_at(self) -> datetime | None:
        return self.client.token_expires_at

    @property
    def realtime_connected(self) -> bool:
        return self.realtime is not None and self.realtime.status.state is RealtimeState.CONNECTED

    def order_state(self, number: str) -> OrderState | None:
        """What the ledger knows of an order: working, filled, closed, rejected, of unknown fate, or nothing."""
        return self.ledger.state(number)

    def stock_name(self, code: str) -> str:
        """The listed name of `code`, from the day's listings (empty before they are loaded)."""
        return self._names.get(code, "")

    async def connect(self, clock_read: Awaitable[None] | None = None) -> None:
        """Token, account, a first look at orders and holdings, then the real-time session. `clock_read`: the
        Sandbox's clock being read beside the token (today's fills follow its day)."""
        self.account_no = await self.client.account_number()
        if clock_read is not None:
            await clock_read
        self._remember_todays_fills()
        await asyncio.gather(self.refresh(), self.refresh_fills())  # side by side: the window waits for both
        if self.realtime is not None:
            self.realtime.start()
            await self.realtime.register([""], ["00", "04"])  # account-wide: orders and balance
            await self.realtime.register([""], ["0s", "1h"])  # every stock: the market's phase and its VIs
            self._follow_positions()
        # Beside the start, not before it: the window need not wait on ka10054 (a 1h heard meanwhile stands).
        self._vi_read = asyncio.get_running_loop().create_task(self.read_vi())

    async def _expire_vi(self) -> None:
        """While stocks are marked under VI: a mark whose release is long past goes (a lost 1h release)."""
        while self.market_status.vi:
            await asyncio.sleep(VI_CHECK_SECONDS)
            for event in self.market_status.expire_vi():
                for listener in self._listeners:
                    listener.market_status(event)

    async def read_vi(self) -> None:
        """The stocks under VI now (ka10054): at connect and after a reconnect, when a 1h may have been missed.
        A market that can't say (an older server) leaves the 1h pushes to say it."""
        since = self.market_status.mark()  # a 1h heard while the answer is on the wire is newer than it
        try:
            rows = await self.client.vi_stocks()
        except KiwoomError as error:
            log.info("VI stocks not read: %s", error)
            return
        for event in self.market_status.seed_vi((vi_from_row(row) for row in rows), since):
            for listener in self._listeners:
                listener.market_status(event)

    async def close(self) -> None:
        if self.realtime is not None:
            await self.realtime.close()
        await self.streams.close()
        if self._portfolio_notice is not None:
            self._portfolio_notice.cancel()
        for timer in self._timers:
            timer.cancel()
        for task in (self._account_refresh, self._reconciling, self._vi_watch, self._vi_read):
            if task is not None:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        await self.client.aclose()
        change = self.ledger.clear()
        self.fills.clear()
        self.portfolio = Portfolio()
        self._followed = frozenset()  # nothing to stream any more, and nothing to ask the closed session for
        self._notify(change)

    async def refresh(self) -> None:
        """Open orders, holdings and cash over REST. Real-time events that arrive meanwhile are newer than this
        snapshot, and it does not undo them."""
        async with self._reading:
            since_orders, since_holdings = self.ledger.mark(), self.portfolio.mark()
            orders, balance, deposit = await asyncio.gather(
                self.client.open_orders(), self.client.balance(by_lot=True), self.client.deposit()
            )
            self.portfolio.replace(balance, deposit, since_holdings)
            self._notify(self.ledger.replace(orders, since_orders))

    def _remember_todays_fills(self) -> None:
        """The journal's fills of today, for the chart's marks. The journal dates them by this computer's clock:
        on a day of the Sandbox's own (its KRX day) those dates say nothing, and the server's fills (ka10076)
        mark the day's orders instead."""
        wall = datetime.now(KST)
        if self.exchange_day() != wall.strftime("%Y%m%d"):
            return
        today = wall.date().isoformat()
        try:
            self.fills.remember(self.journal.executions(self.environment, today, self.account_no))
        except JournalError as error:  # the chart marks only this session's fills
            log.error("journal: today's fills not read: %s", error)

    def fill_marks(self, code: str) -> tuple[int, list[FillMark]]:
        """Today's fills of `code`, for the chart, with the version of the list (while it stays, a new fill is
        only added at the end)."""
        return self.fills.version, self.fills.marks(code)

    async def candles(self, code: str, interval: int) -> CandleSeries:
        """The chart's history of `code` (ka10080 or ka10081), ready to follow its trades."""
        return await load_candles(self.client, code, interval, self.exchange_day())

    async def trade_journal(self) -> TradeJournal:
        """Kiwoom's own journal of today's trades (ka10170), for the review to set beside the app's."""
        return await self.client.trade_journal()

    async def refresh_fills(self) -> None:
        """Today's filled orders over REST (ka10076): at connect and after a reconnect; 00 events do the rest."""
        rows = self.fills.replace(await self.client.fills())
        for listener in self._listeners:
            listener.fills_changed(rows)

    async def watch(self, code: str) -> None:
        """Trades and the 10-level book of the ticket's stock (the ticket's stream; held stocks have theirs)."""
        self.streams.want("ticket", trades={code}, book={code})
        await self.streams.sync()

    async def watch_list(self, codes: Sequence[str], quote: Sequence[str]) -> list[WatchedStock]:
        """The watchlist's stocks: their trades streamed on the watchlist's own purpose (the ticket's and the
        positions' streams stay as they are), and a snapshot (ka10095) of those in `quote` to start from."""
        self.streams.want("watchlist", trades=set(codes))
        await self.streams.sync()
        return await self.client.watched_stocks(list(quote)) if quote else []

    async def hts_watchlists(self) -> list[tuple[str, list[str]]]:
        """The trader's 영웅문 groups (ka01300) with their stock codes (ka01301), in the HTS's order."""
        groups = await self.client.watchlist_groups()
        return [(group.name or group.code, await self.client.watchlist_group(group.code)) for group in groups]

    # ---- what to trade (scanner.py) ---------------------------------------------------------------------------

    async def ranking(self, kind: RankingKind, market: RankMarket, automatic: bool = False) -> list[RankRow] | None:
        """One ranking's rows. An `automatic` read (one the trader did not ask for just now) is skipped, None,
        when another is under way or it would leave the rate limit no request to spare for an order."""
        if automatic:
            return await self._in_background(kind.api_ids, load_ranking(self.client, kind, market))
        return await load_ranking(self.client, kind, market)

    async def investor_flows(self, code: str, automatic: bool = False) -> InvestorFlows | None:
        """`code`'s flows by investor type (ka10059, ka10064); skipped (None) when `automatic`, as a ranking's."""
        if automatic:
            return await self._in_background(FLOW_API_IDS, load_flows(self.client, code, self.exchange_day()))
        return await load_flows(self.client, code, self.exchange_day())

    async def _in_background(self, api_ids: Sequence[str], read: Coroutine[Any, Any, _T]) -> _T | None:
        """One background read at a time, and only with requests to spare beyond it (so the panels' timers
        never queue a query in front of an order)."""
        if self._background or not self.client.can_spare(*api_ids):
            read.close()
            return None
        self._background = True
        try:
            return await read
        finally:
            self._background = False

    def _conditions(self) -> ConditionSearch:
        if self.condition_search is None:
            raise KiwoomError("condition search needs the real-time connection")
        return self.condition_search

    async def condition_list(self) -> list[Condition]:
        return await self._conditions().conditions()

    async def run_condition(self, seq: str) -> list[ConditionMatch]:
        return await self._conditions().search(seq)

    async def watch_condition(self, seq: str) -> list[str]:
        return await self._conditions().watch(seq)

    async def stop_condition(self, seq: str) -> None:
        await self._conditions().stop(seq)

    async def follow_found(self, codes: Sequence[str], quote: Sequence[str]) -> list[WatchedStock]:
        """The condition results' trades on their own stream, and a snapshot (ka10095) of those in `quote`."""
        self.streams.want("conditions", trades=set(codes))
        await self.streams.sync()
        return await self.client.watched_stocks(list(quote)) if quote else []

    def _follow_positions(self) -> None:
        """Every held stock's trades, so that positions follow the market; kept in step as they open and close."""
        held = self.portfolio.codes()
        if held != self._followed:
            self._followed = held
            self.streams.want("positions", trades=held)
            self.streams.sync_soon()

    # ---- real-time -----------------------------------------------------------------------------------------

    def _on_event(self, event: Event | Unreadable) -> None:
        if isinstance(event, Unreadable):
            if event.kind in ("00", "04"):  # an order or a holding changed and we could not read how: ask REST
                self._reconcile_soon()
            return
        if isinstance(event, OrderExecution):
            change = self.ledger.apply(event)  # the ledger first: a journal that can't be written stops nothing
            self._journal_execution(event)
            self._notify_orders(change)
            filled = self.fills.apply(event)
            if filled is not None:
                for listener in self._listeners:
                    listener.fills_changed([filled])
            for listener in self._listeners:
                listener.execution(event)
            if change.reconcile:
                self._reconcile_soon()
            if event.fill_quantity:
                self._refresh_account_soon(AccountPart.CASH, AccountPart.HOLDINGS)
            elif change.removed:  # cancelled, expired or refused: the cash it held is orderable again
                self._refresh_account_soon(AccountPart.CASH)
        elif isinstance(event, ConditionChange | ConditionSnapshot):
            for listener in self._listeners:
                listener.condition(event)
        elif isinstance(event, MarketPhase | VolatilityInterruption):
            self.market_status.apply(event)
            for listener in self._listeners:
                listener.market_status(event)
            if self.market_status.vi and (self._vi_watch is None or self._vi_watch.done()):
                self._vi_watch = asyncio.get_running_loop().create_task(self._expire_vi())
        elif isinstance(event, BalanceUpdate):
            self.portfolio.apply(event)
            self._follow_positions()
            for listener in self._listeners:
                listener.portfolio_changed()
        else:
            if isinstance(event, Trade):
                self._trade(event)
            for listener in self._listeners:
                listener.market(event)

    def _trade(self, trade: Trade) -> None:
        known = self._quotes.get(trade.stock_code)
        if known is not None:
            self._quotes[trade.stock_code] = KnownQuote(replace(known.quote, current=trade.price), known.day)
        if self.portfolio.apply_price(trade.stock_code, trade.price):
            self._portfolio_changed_soon()

    def _note(self, kind: str, api_id: str, order_no: str = "", detail: Mapping[str, object] | None = None) -> None:
        """One journal entry of this environment and account."""
        self.journal.record(self.environment, kind, api_id, order_no, detail, self.account_no)

    def _journal_execution(self, event: OrderExecution) -> None:
        """Every 00 event goes into the journal as it came, for the day's review (with the order's fees so far)."""
        side = event.side.name.lower() if event.side is not None else ""
        fields = {name: getattr(event, name) for name in _FROM_EVENT}
        fields |= {"commission": event.order_commission, "tax": event.order_tax, "day": self.exchange_day()}
        fields["credit"] = event.credit_type.value if event.credit_type and event.credit_type.is_credit else ""
        try:
            self.journal.record_execution(
                self.environment, self.account_no, {**fields, "side": side, "status": str(event.status)}
            )
        except JournalError as error:  # the day's review misses this event; trading goes on
            log.error("journal: execution of %s not written: %s", event.order_no, error)

    def _portfolio_changed_soon(self) -> None:
        """Prices of held stocks tick many times a second: the views hear of it at most 20 times a second."""
        if self._portfolio_notice is None:

            def notify() -> None:
                self._portfolio_notice = None
                for listener in self._listeners:
                    listener.portfolio_changed()

            self._portfolio_notice = asyncio.get_running_loop().call_later(PRICE_NOTICE_SECONDS, notify)

    def _on_status(self, status: RealtimeStatus) -> None:
        if status.state is RealtimeState.CONNECTED:
            self._live_since = time.monotonic()
        for listener in self._listeners:
            listener.realtime_status(status)

    async def _resync(self) -> None:
        """After a reconnect: whatever happened while the socket was down is read back over REST."""
        self._note("resync", "ka10075")
        await self._refresh_quietly()
        try:
            await self.refresh_fills()
        except KiwoomError as error:
            log.warning("fills refresh failed: %s", error)
        await self.read_vi()

    def _refresh_account_soon(self, *parts: AccountPart) -> None:
        """Cash and sellable shares are not pushed: after a burst of orders or fills, the parts they changed are
        read once over REST, off the ticket's path."""
        if not self.realtime_connected:
            return  # without the socket every action is reconciled in full, cash and holdings included
        self._stale.update(parts)
        if self._account_refresh is None or self._account_refresh.done():
            self._account_refresh = asyncio.get_running_loop().create_task(self._refresh_account())

    async def _refresh_account(self) -> None:
        while self._stale:  # parts asked for while a read was on the wire get one more read
            await asyncio.sleep(ACCOUNT_DELAY_SECONDS)
            parts, self._stale = self._stale, set()
            async with self._reading:
                since = self.portfolio.mark()
                try:
                    holdings, cash = await asyncio.gather(
                        self.client.balance(by_lot=True) if AccountPart.HOLDINGS in parts else _nothing(),
                        self.client.deposit() if AccountPart.CASH in parts else _nothing(),
                    )
                except KiwoomError as error:
                    log.warning("account refresh failed: %s", error)
                    self._stale |= parts  # read with the next burst
                    return
                if holdings is not None:
                    self.portfolio.replace_holdings(holdings, since)
                if cash is not None:
                    self.portfolio.replace_cash(cash)
                self._follow_positions()
            for listener in self._listeners:
                listener.portfolio_changed()

    async def quote(self, code: str) -> Quote:
        info = await self.client.stock_info(code)
        instrument = Instrument.ETF if code in self._etf_codes else Instrument.STOCK
        limits = PriceLimits(base=info.base_price, upper=info.upper_limit, lower=info.lower_limit)
        expected = (info.expected_price, info.expected_quantity) if info.expected_price else None
        quote = Quote(info.code, info.name, info.current_price, limits, instrument, expected)
        self._quotes[code] = KnownQuote(quote, date.today())
        return quote

    def known_quote(self, code: str) -> Quote | None:
        """The stock's quote as the desk can vouch for it now: read today and kept by every trade since (its 0B
        streamed on a connection that has not dropped since), or read a moment ago. None: ask again."""
        known = self._quotes.get(code)
        if known is None or known.day != date.today():
            return None
        streamed = self.realtime_connected and code in self.streams.registered["0B"]
        kept = streamed and known.read_at >= self._live_since
        return known.quote if kept or time.monotonic() - known.read_at < QUOTE_FRESH_SECONDS else None

    async def _check_limits(
        self, ticket: Ticket, override: Collection[Kind], api_id: str = "", order_no: str = ""
    ) -> list[str]:
        """The trader's limits, whoever built the order, against a price the desk can vouch for (read again when
        it can't). Raises LimitExceededError; returns the limits the trader chose to go over, for the journal."""
        quote = self.known_quote(ticket.stock_code)
        if quote is None and self.guard.needs_quote(ticket):
            quote = await self.quote(ticket.stock_code)
        try:
            return [problem.kind.value for problem in self.guard.check(ticket, quote, override)]
        except LimitExceededError as error:
            kinds = [problem.kind.value for problem in error.problems]
            detail = {"limits": kinds}
            self._note("blocked", api_id or ticket.side.api_id, order_no, detail)
            raise

    async def credit_terms(self, code: str) -> credit.CreditTerms:
        """`code`'s credit terms (kt20016: eligible, its margin rate), read once a (KST) day per stock."""
        today = datetime.now(KST).date()
        terms = self._credit_terms.get(code, today)
        if terms is None:
            terms = credit.CreditTerms.from_rows(code, await self.client.credit_stocks(stock_code=code))
            self._credit_terms.put(terms, today)
        return terms

    async def listings(self, cached: list[StockListing] | None = None) -> list[StockListing]:
        """KOSPI, KOSDAQ and ETF listings for the ticket's search, fetched once a day per environment (paging
        them costs several seconds under the real server's rate limits) and kept in the cache folder. `cached`:
        today's list as the caller already read it from that cache (the folder is not read twice)."""
        today = date.today()
        if self._listings is None or self._listings[0] != today:
            cache = ListingsCache(self.cache_dir, self.environment)
            found = cached or cache.load(today)
            if found is None:
                found = []
                for market in LISTED_MARKETS:
                    found += await self.client.stock_list(market)
                cache.save(today, found)
            self._listings = (today, found)
            self._etf_codes = {listing.code for listing in found if listing.market_code == ETF_MARKET}
            self._names = {listing.code: listing.name for listing in found}
        return self._listings[1]

    async def place(
        self, ticket: Ticket, stock_name: str = "", override_limits: Collection[Kind] = frozenset()
    ) -> OrderAck:
        """Sends one order, records the acknowledged order in the ledger, and returns: the caller waits for this
        one REST call. The 00 events and, when they do not come, a reconcile do the rest. An order over the
        trader's limits raises LimitExceededError and is not sent (`override_limits`: the limits the trader said
        to go over, in Sandbox or Mock)."""
        api_id = credit.order_api_id(ticket)
        over_limits = await self._check_limits(ticket, override_limits, api_id)
        request = _order_request(ticket)
        if over_limits:
            request["over_limits"] = over_limits  # sent over the trader's own limits, by choice: the review shows it
        since = self.ledger.mark()
        self._note("sent", api_id, detail=request)
        try:
            ack = await credit.send(self.client, ticket)
        except OrderStateUnknownError:
            await self._reconcile(api_id)
            raise
        except KiwoomError as error:
            self._note("refused", api_id, detail={"message": error.return_msg or str(error)})
            raise
        self._note("accepted", api_id, ack.order_no)
        order = Order(
            order_no=ack.order_no,
            stock_code=ticket.stock_code,
            stock_name=stock_name or self.stock_name(ticket.stock_code),
            side=ticket.side,
            trade_type_name="",
            trade_type=ticket.trade_type,
            status=OrderStatus.ACCEPTED,
            quantity=ticket.quantity,
            price=ticket.price if ticket.trade_type.needs_price else 0,
            unfilled=ticket.quantity,
            time=self.market_status.now().strftime("%H%M%S"),  # the exchange's clock (the Sandbox's own)
            venue=ack.venue or ticket.venue.value,
            on_credit=ticket.credit,
            loan_date=ticket.loan_date,
        )
        self._notify_orders(self.ledger.acknowledge(order))
        self._expect_events([ack.order_no], since)
        self._refresh_account_soon(_reserved_by(ticket.side))
        return ack

    async def modify(self, order: Order, quantity: int, price: int) -> ModifyAck:
        """A new price and quantity (0: the whole remainder) for `order`, checked against the trader's limits
        like a new order (LimitExceededError); a cancel never is."""
        api_id = credit.modify_api_id(order)  # a credit order only by kt10008, a cash one only by kt10002
        await self._check_limits(modify_ticket(order, quantity, price), frozenset(), api_id, order.order_no)
        since = self.ledger.mark()
        self._note("sent", api_id, order.order_no, {"quantity": quantity, "price": price})
        try:
            ack = await credit.modify(self.client, order, quantity, price)
        except OrderStateUnknownError:
            self._notify_orders(self.ledger.doubt(order.order_no))
            await self._reconcile(api_id)
            raise
        self._note("accepted", api_id, ack.order_no, {"base": ack.base_order_no})
        self._expect_events([order.order_no, ack.order_no], since)
        self._refresh_account_soon(_reserved_by(order.side))
        return ack

    async def cancel(self, orders: Sequence[Order]) -> tuple[list[Order], list[str]]:
        """Cancels the whole remainder of each order; returns the orders whose cancel was accepted, and the
        failures' reasons."""
        cancelled: list[Order] = []
        failures: list[str] = []
        unknown = ""
        for order in orders:
            since = self.ledger.mark()
            api_id = credit.cancel_api_id(order)  # a credit order only by kt10009, a cash one only by kt10003
            self._note("sent", api_id, order.order_no)
            try:
                ack = await credit.cancel(self.client, order)
            except OrderStateUnknownError:
                self._notify_orders(self.ledger.doubt(order.order_no))
                failures.append(f"{order.order_no}: ?")
                unknown = api_id
                continue
            except KiwoomError as error:
                failures.append(f"{order.order_no}: {error.return_msg or error}")
                continue
            self._note("accepted", api_id, ack.order_no, {"base": ack.base_order_no})
            self._expect_events([order.order_no], since)
            self._refresh_account_soon(_reserved_by(order.side))
            cancelled.append(order)
        if unknown:
            await self._reconcile(unknown)
        return cancelled, failures

    def _expect_events(self, numbers: list[str], since: int) -> None:
        """An acknowledged action is followed by 00 events for `numbers` (counted from `since`, taken before it
        was sent). Without a live socket, or if they do not come in time, the ledger is reconciled over REST;
        while they flow, no REST call is made."""
        if not self.realtime_connected:
            self._reconcile_soon(0.0)
            return

        def check() -> None:
            self._timers.discard(timer)
            if not all(self.ledger.heard_since(number, since) for number in numbers):
                log.info("no real-time word on %s: reconciling over REST", ", ".join(numbers))
                self._reconcile_soon(0.0)

        timer = asyncio.get_running_loop().call_later(EVENT_WAIT_SECONDS, check)
        self._timers.add(timer)

    def _reconcile_soon(self, delay: float = RECONCILE_DELAY_SECONDS) -> None:
        """One REST look for any number of doubts raised close together; a doubt raised while a look is on the
        wire gets a look of its own after it."""
        self._reconcile_wanted = True
        if self._reconciling is None or self._reconciling.done():
            self._reconciling = asyncio.get_running_loop().create_task(self._reconcile_loop(delay))

    async def _reconcile_loop(self, delay: float) -> None:
        while self._reconcile_wanted:
            await asyncio.sleep(delay)
            self._reconcile_wanted = False
            await self._refresh_quietly()

    async def _reconcile(self, api_id: str) -> None:
        """After an unknown outcome: look, do not guess. The refreshed ledger shows whether it arrived."""
        self._note("unknown", api_id)
        await self._refresh_quietly()
        try:
            history = await self.client.order_history()
        except KiwoomError as error:
            log.warning("order history after an unknown outcome failed: %s", error)
            return
        self._note("reconciled", api_id, detail={"orders_today": len(history)})

    async def _refresh_quietly(self) -> None:
        try:
            await self.refresh()
        except KiwoomError as error:
            log.warning("refresh failed: %s", error)

    def announce(self) -> None:
        """Tells the listeners everything it knows: for a listener that joins a desk already connected."""
        orders = self.ledger.orders
        self._notify(LedgerChange(added=list(orders), rows=dict(orders)))
        for listener in self._listeners:
            listener.fills_changed(list(self.fills.rows.values()))
            for event in self.market_status.vi.values():
                listener.market_status(event)
        if self.realtime is not None:
            self._on_status(self.realtime.status)

    def _notify_orders(self, change: LedgerChange) -> None:
        if change:
            for listener in self._listeners:
                listener.orders_changed(change)

    def _notify(self, change: LedgerChange) -> None:
        self._follow_positions()
        for listener in self._listeners:
            listener.orders_changed(change)
            listener.portfolio_changed()


def _order_request(ticket: Ticket) -> dict[str, object]:
    """What the journal keeps of an order as it is sent (a credit order says so, and which lot it sells)."""
    request: dict[str, object] = {
        "side": ticket.side.value,
        "stock_code": ticket.stock_code,
        "quantity": ticket.quantity,
        "trade_type": ticket.trade_type.value,
        "price": ticket.price,
        "stop_price": ticket.stop_price,
        "venue": ticket.venue.value,
    }
    if ticket.credit:
        request["credit"] = True
        if ticket.side is Side.SELL:
            request["loan_date"] = ticket.loan_date  # "" sells every lot (융자합)
    return request


async def _nothing() -> None:
    return None


def _reserved_by(side: Side | None) -> AccountPart:
    """A buy reserves cash, a sell reserves shares: what an order, its modify or its cancel changes."""
    return AccountPart.HOLDINGS if side is Side.SELL else AccountPart.CASH
