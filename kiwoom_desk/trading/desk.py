"""TradingDesk: one environment's live session. It owns the client, the order ledger, the portfolio and the
journal, and tells its listener what changed. No Qt: the UI's bridge turns the listener calls into signals.

Every order is journalled before it is sent and after it is answered. When its fate is unknown the desk
reconciles from REST (open orders and the day's history) instead of guessing, and never sends it again.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

from ..environments import Environment
from ..kiwoom import (
    KiwoomClient,
    KiwoomError,
    ModifyAck,
    OpenOrder,
    OrderAck,
    OrderStateUnknownError,
    StockListing,
    TradeType,
)
from ..kiwoom.realtime import (
    BalanceUpdate,
    BookUpdate,
    Event,
    OrderExecution,
    RealtimeSession,
    RealtimeStatus,
    Trade,
)
from ..storage.journal import Journal
from .orders import LedgerChange, OrderLedger
from .portfolio import Portfolio
from .rules import Quote, Ticket
from .ticks import Instrument, PriceLimits

log = logging.getLogger(__name__)

ETF_MARKET = "8"
LISTED_MARKETS = ("0", "10", ETF_MARKET)  # KOSPI, KOSDAQ, ETF: what the ticket's search offers


class DeskListener(Protocol):
    def orders_changed(self, change: LedgerChange) -> None: ...

    def portfolio_changed(self) -> None: ...

    def execution(self, event: OrderExecution) -> None: ...

    def market(self, event: Trade | BookUpdate) -> None: ...

    def realtime_status(self, status: RealtimeStatus) -> None: ...


class TradingDesk:
    def __init__(
        self,
        environment: Environment,
        client: KiwoomClient,
        journal: Journal,
        cache_dir: Path | None = None,
        ws_url: str | None = None,
    ) -> None:
        self.environment = environment
        self.client = client
        self.journal = journal
        self.cache_dir = cache_dir
        self.realtime = (
            RealtimeSession(ws_url, client, self._on_event, self._on_status, self._resync) if ws_url else None
        )
        self._watched: str | None = None
        self._cash_refresh: asyncio.Task[None] | None = None
        self.ledger = OrderLedger()
        self.portfolio = Portfolio()
        self.account_no = ""
        self._listeners: list[DeskListener] = []
        self._listings: tuple[date, list[StockListing]] | None = None
        self._etf_codes: set[str] = set()  # ETFs tick in 5s from 2,000 won

    def subscribe(self, listener: DeskListener) -> None:
        self._listeners.append(listener)

    async def connect(self) -> None:
        """Token, account, a first look at orders and holdings, then the real-time session."""
        self.account_no = await self.client.account_number()
        await self.refresh()
        if self.realtime is not None:
            self.realtime.start()
            await self.realtime.register([""], ["00", "04"])  # account-wide: orders and balance

    async def close(self) -> None:
        if self.realtime is not None:
            await self.realtime.close()
        if self._cash_refresh is not None:
            self._cash_refresh.cancel()
        await self.client.aclose()
        change = self.ledger.clear()
        self.portfolio = Portfolio()
        self._notify(change)

    async def refresh(self) -> None:
        since = self.ledger.mark()  # real-time events that arrive meanwhile are newer than this snapshot
        orders, balance, deposit = await asyncio.gather(
            self.client.open_orders(), self.client.balance(), self.client.deposit()
        )
        self.portfolio = Portfolio(balance, deposit)
        self._notify(self.ledger.replace(orders, since))

    async def watch(self, code: str) -> None:
        """Trades and the 10-level book of the ticket's stock, and of nothing else."""
        if self.realtime is None or code == self._watched:
            return
        if self._watched:
            await self.realtime.unregister([self._watched], ["0B", "0D"])
        self._watched = code
        await self.realtime.register([code], ["0B", "0D"])

    # ---- real-time -----------------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if isinstance(event, OrderExecution):
            change = self.ledger.apply(event)
            for listener in self._listeners:
                listener.orders_changed(change)
                listener.execution(event)
            if event.fill_quantity:
                self._refresh_cash_soon()
        elif isinstance(event, BalanceUpdate):
            self.portfolio.apply(event)
            for listener in self._listeners:
                listener.portfolio_changed()
        else:
            for listener in self._listeners:
                listener.market(event)

    def _on_status(self, status: RealtimeStatus) -> None:
        for listener in self._listeners:
            listener.realtime_status(status)

    async def _resync(self) -> None:
        """After a reconnect: whatever happened while the socket was down is read back over REST."""
        self.journal.record(self.environment, "resync", "ka10075")
        await self._refresh_quietly()

    def _refresh_cash_soon(self) -> None:
        """Fills come in bursts; one REST look at cash and totals after the burst is enough."""
        if self._cash_refresh is None or self._cash_refresh.done():
            self._cash_refresh = asyncio.get_running_loop().create_task(self._refresh_cash())

    async def _refresh_cash(self) -> None:
        await asyncio.sleep(0.3)
        try:
            balance, deposit = await asyncio.gather(self.client.balance(), self.client.deposit())
        except KiwoomError as error:
            log.warning("cash refresh failed: %s", error)
            return
        self.portfolio = Portfolio(balance, deposit)
        for listener in self._listeners:
            listener.portfolio_changed()

    async def quote(self, code: str) -> Quote:
        info = await self.client.stock_info(code)
        instrument = Instrument.ETF if code in self._etf_codes else Instrument.STOCK
        limits = PriceLimits(base=info.base_price, upper=info.upper_limit, lower=info.lower_limit)
        return Quote(code=info.code, name=info.name, current=info.current_price, limits=limits, instrument=instrument)

    async def listings(self) -> list[StockListing]:
        """KOSPI, KOSDAQ and ETF listings for the ticket's search, fetched once a day per environment (paging
        them costs several seconds under the real server's rate limits) and kept in the cache folder."""
        today = date.today()
        if self._listings is None or self._listings[0] != today:
            found = self._cached_listings(today)
            if found is None:
                found = []
                for market in LISTED_MARKETS:
                    found += await self.client.stock_list(market)
                self._cache_listings(today, found)
            self._listings = (today, found)
            self._etf_codes = {listing.code for listing in found if listing.market_code == ETF_MARKET}
        return self._listings[1]

    def _cache_path(self, day: date) -> Path | None:
        return self.cache_dir / f"listings-{self.environment}-{day:%Y%m%d}.json" if self.cache_dir else None

    def _cached_listings(self, day: date) -> list[StockListing] | None:
        path = self._cache_path(day)
        if path is None or not path.is_file():
            return None
        try:
            return [StockListing.model_validate(row) for row in json.loads(path.read_text(encoding="utf-8"))]
        except (OSError, ValueError) as error:  # a damaged cache is refetched, not trusted
            log.warning("ignoring the listings cache %s: %s", path.name, error)
            return None

    def _cache_listings(self, day: date, listings: list[StockListing]) -> None:
        path = self._cache_path(day)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob(f"listings-{self.environment}-*.json"):
                old.unlink()
            rows = [listing.model_dump(by_alias=True) for listing in listings]
            path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        except OSError as error:
            log.warning("could not cache the listings: %s", error)

    async def place(self, ticket: Ticket) -> OrderAck:
        request = {
            "side": ticket.side.value,
            "stock_code": ticket.stock_code,
            "quantity": ticket.quantity,
            "trade_type": ticket.trade_type.value,
            "price": ticket.price,
            "stop_price": ticket.stop_price,
            "venue": ticket.venue.value,
        }
        api_id = ticket.side.api_id
        self.journal.record(self.environment, "sent", api_id, detail=request)
        try:
            ack = await self.client.place_order(
                side=ticket.side,
                stock_code=ticket.stock_code,
                quantity=ticket.quantity,
                trade_type=ticket.trade_type,
                price=ticket.price if ticket.trade_type.needs_price else None,
                venue=ticket.venue,
                stop_price=ticket.stop_price if ticket.trade_type is TradeType.STOP_LIMIT else None,
            )
        except OrderStateUnknownError:
            await self._reconcile(api_id)
            raise
        except KiwoomError as error:
            self.journal.record(self.environment, "refused", api_id, detail={"message": error.return_msg or str(error)})
            raise
        self.journal.record(self.environment, "accepted", api_id, ack.order_no)
        await self._refresh_quietly()
        return ack

    async def modify(self, order: OpenOrder, quantity: int, price: int) -> ModifyAck:
        self.journal.record(self.environment, "sent", "kt10002", order.order_no, {"quantity": quantity, "price": price})
        try:
            ack = await self.client.modify_order(
                orig_order_no=order.order_no, stock_code=order.stock_code, quantity=quantity, price=price
            )
        except OrderStateUnknownError:
            await self._reconcile("kt10002")
            raise
        self.journal.record(self.environment, "accepted", "kt10002", ack.order_no, {"base": ack.base_order_no})
        await self._refresh_quietly()
        return ack

    async def cancel(self, orders: Sequence[OpenOrder]) -> tuple[int, list[str]]:
        """Cancels the whole remainder of each order; returns how many went through and the failures' reasons."""
        done, failures = 0, []
        for order in orders:
            self.journal.record(self.environment, "sent", "kt10003", order.order_no)
            try:
                ack = await self.client.cancel_order(orig_order_no=order.order_no, stock_code=order.stock_code)
            except OrderStateUnknownError:
                await self._reconcile("kt10003")
                failures.append(f"{order.order_no}: ?")
                continue
            except KiwoomError as error:
                failures.append(f"{order.order_no}: {error.return_msg or error}")
                continue
            self.journal.record(self.environment, "accepted", "kt10003", ack.order_no, {"base": ack.base_order_no})
            done += 1
        await self._refresh_quietly()
        return done, failures

    async def _reconcile(self, api_id: str) -> None:
        """After an unknown outcome: look, do not guess. The refreshed ledger shows whether it arrived."""
        self.journal.record(self.environment, "unknown", api_id)
        await self._refresh_quietly()
        history = await self.client.order_history()
        self.journal.record(self.environment, "reconciled", api_id, detail={"orders_today": len(history)})

    async def _refresh_quietly(self) -> None:
        try:
            await self.refresh()
        except KiwoomError as error:
            log.warning("refresh failed: %s", error)

    def _notify(self, change: LedgerChange) -> None:
        for listener in self._listeners:
            listener.orders_changed(change)
            listener.portfolio_changed()
