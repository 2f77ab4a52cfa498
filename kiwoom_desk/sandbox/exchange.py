"""Running the Sandbox: `SandboxServer` on the caller's event loop (the command line), `SandboxExchange` on a
thread of its own (the app and the tests), so that its users talk to it over loopback like a real server.

`SandboxExchange` also carries the test controls (advance the market, set a price, inject faults, expire
tokens). They run on the exchange's own loop thread and exist only in Python: nothing over HTTP reaches them.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from aiohttp import web

from . import errors
from .broker import Broker, new_account
from .clock import KST, Clock, kst_now
from .control import SandboxControl
from .faults import FaultKind, Faults
from .krx_day import KrxDay
from .listings import load_listings
from .market import Market, Quote
from .market_clock import DEFAULT_START, MarketClock, parse_time
from .realtime import RealtimeHub
from .server import SandboxHttp
from .store import Store
from .tokens import TokenRegistry

log = logging.getLogger(__name__)

DEFAULT_CASH = 10_000_000
_T = TypeVar("_T")


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("KiwoomDesk", "KiwoomDesk")) / "sandbox"


class SandboxServer:
    """The exchange on the running event loop: `await start()`, `await stop()`."""

    def __init__(
        self,
        data_dir: Path | str | None = None,
        *,
        seed: int | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        reset: bool = False,
        initial_cash: int = DEFAULT_CASH,
        tick_interval: float | None = 1.0,
        page_size: int = 100,
        token_lifetime: timedelta = timedelta(hours=24),
        credentials: tuple[str, str] | None = None,
        clock: Clock = kst_now,
        ping_interval: float = 10.0,
        mode: str = "continuous",
        speed: float = 1.0,
        start: str | None = None,
    ) -> None:
        """`clock` is the wall clock (tokens use it); `mode`, `speed` and `start` (HH:MM) choose the market clock:
        "continuous" (the wall clock, one endless session) or "krx" (a simulated KRX day, see krx_day)."""
        self.ping_interval = ping_interval
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.host, self.port = host, port
        self._seed, self._reset, self._initial_cash = seed, reset, initial_cash
        self.tick_interval = tick_interval
        self.faults = Faults()
        self.tokens = TokenRegistry(clock, token_lifetime, credentials)
        self._clock = clock
        self.market_clock = MarketClock(clock, mode, speed, parse_time(start) if start else DEFAULT_START)
        self.day: KrxDay | None = None
        self.control: SandboxControl | None = None
        self._page_size = page_size
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._store: Store | None = None
        self._broker: Broker | None = None
        self.hub: RealtimeHub | None = None
        self.http: SandboxHttp | None = None

    @property
    def broker(self) -> Broker:
        if self._broker is None:
            raise RuntimeError("the Sandbox is not running")
        return self._broker

    @property
    def rest_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://{self.host}:{self.port}/api/dostk/websocket"

    async def start(self) -> None:
        self._store = store = Store(self.data_dir)
        try:
            self._broker = self._open_broker(store)
            self.hub = RealtimeHub(self._broker, self.tokens, self.ping_interval, self._page_size)
            assert self.day is not None
            self.day.phase_listeners.append(self.hub.phase_changed)
            self.day.vi_listeners.append(self.hub.vi_changed)
            self.hub.vi_board = self.day.board
            self.control = SandboxControl(self._broker, self.market_clock, self.day)
            self.http = SandboxHttp(self._broker, self.tokens, self.faults, self._page_size, self.hub, self.control)
            self._runner = web.AppRunner(self.http.application(), access_log=None, handler_cancellation=False)
            await self._runner.setup()
            site = web.TCPSite(self._runner, self.host, self.port)
            await site.start()
        except BaseException:
            await self.stop()
            raise
        self.port = self._runner.addresses[0][1]
        if self.tick_interval:
            self._ticker = asyncio.get_running_loop().create_task(self._tick(self.tick_interval))
        log.info("sandbox serving %s (data in %s)", self.rest_url, self.data_dir)

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            await asyncio.gather(self._ticker, return_exceptions=True)
            self._ticker = None
        if self.hub is not None:
            await self.hub.close()  # SYSTEM to every session, then close
            self.hub = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._store is not None:
            self._store.close()
            self._store = None
        self._broker = None

    def _open_broker(self, store: Store) -> Broker:
        if self._reset:
            store.reset()
        snapshot = store.load()
        account = snapshot.account
        seed = self._seed if self._seed is not None else (account.seed if account else random.randrange(1 << 31))
        if account is None:
            rng = random.Random(f"{seed}:account")
            account = new_account(f"{rng.randrange(10_000_000, 100_000_000)}11", self._initial_cash)
        account.seed = seed
        listings = load_listings()
        quotes = {quote.code: quote for quote in snapshot.quotes if quote.code in listings}
        for code, listing in listings.items():
            quotes.setdefault(code, Market.fresh_quote(listing))
        if account.trading_date:  # KRX days may have run ahead of the calendar: the date never goes back
            self.market_clock.not_before(datetime.strptime(account.trading_date, "%Y%m%d").date())
        broker = Broker(
            store,
            Market(listings, quotes, seed),
            account,
            snapshot.orders,
            snapshot.fills,
            snapshot.holdings,
            self.market_clock.now,
            snapshot.days,
            snapshot.lots,
        )
        self.day = broker.session = KrxDay(broker, self.market_clock)
        with store.transaction():
            store.save(account, *quotes.values())
        broker.roll_day()
        today = self.market_clock.now().date()
        if self.market_clock.krx and (day := self.day.fresh_day(today)) != today:  # an earlier run traded today
            self.day.restart(datetime.combine(day, self.market_clock.start, KST))
        return broker

    async def _tick(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                self.broker.roll_day()
                self.broker.step_market()
            except Exception:
                log.exception("sandbox market step failed")


class SandboxExchange:
    """The Sandbox on a background thread with its own event loop.

    >>> exchange = SandboxExchange(data_dir=tmp, seed=7).start()
    >>> exchange.rest_url, exchange.ws_url
    >>> exchange.stop()
    """

    def __init__(self, data_dir: Path | str | None = None, seed: int | None = None, **options: Any) -> None:
        self._server = SandboxServer(data_dir, seed=seed, **options)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    @property
    def rest_url(self) -> str:
        return self._server.rest_url

    @property
    def ws_url(self) -> str:
        return self._server.ws_url

    @property
    def data_dir(self) -> Path:
        return self._server.data_dir

    def start(self) -> SandboxExchange:
        if self._thread is not None:
            raise RuntimeError("the Sandbox is already running")
        ready = threading.Event()
        failure: list[BaseException] = []
        loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._server.start())
            except BaseException as error:
                failure.append(error)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._server.stop())
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        thread = threading.Thread(target=run, name="kiwoom-desk-sandbox", daemon=True)
        thread.start()
        ready.wait()
        if failure:
            thread.join()
            raise failure[0]
        self._loop, self._thread = loop, thread
        return self

    def stop(self) -> None:
        if self._thread is None or self._loop is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop = self._thread = None

    def __enter__(self) -> SandboxExchange:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ---- test controls: each runs on the exchange's loop --------------------------------------------------

    def advance(self, steps: int = 1, codes: list[str] | None = None) -> None:
        """Moves the simulated market `steps` random-walk steps (all stocks, or `codes`)."""

        def run() -> None:
            for _ in range(steps):
                self._server.broker.step_market(codes)

        self._call(run)

    def set_price(self, code: str, price: int, depth: int | None = None) -> None:
        """The market trades at `price`; `depth` pins every book level's quantity (a thin book for partial fills)."""
        self._call(lambda: self._server.broker.set_price(code, price, depth))

    def state(self) -> dict[str, Any]:
        """What GET /sandbox/state answers."""
        return self._call(lambda: self._control().state())

    def set_clock(self, mode: str | None = None, time: str | None = None, speed: float | None = None) -> dict[str, Any]:
        """What POST /sandbox/clock does (a ControlError for a bad field)."""
        return self._call(lambda: self._control().set_clock(mode, time, speed))

    def force_vi(self, code: str, kind: str = "static") -> dict[str, Any]:
        """What POST /sandbox/vi does (a ControlError for a bad field or the wrong clock)."""
        return self._call(lambda: self._control().force_vi(code, kind))

    def reset_account(self) -> dict[str, Any]:
        """What POST /sandbox/reset does."""
        return self._call(lambda: self._control().reset())

    def _control(self) -> SandboxControl:
        if self._server.control is None:
            raise RuntimeError("the Sandbox is not running")
        return self._server.control

    def quote(self, code: str) -> Quote:
        return self._call(lambda: replace(self._server.broker.market.quotes[code]))

    def inject(
        self,
        kind: FaultKind | str,
        times: int | None = 1,
        api_id: str | None = None,
        delay: float = 0.0,
        code: int = 0,
    ) -> None:
        """Switches a fault on for `times` matching requests (None: until cleared); see `FaultKind`."""
        if FaultKind(kind) is FaultKind.ERROR_CODE and code not in errors.MESSAGES:
            raise ValueError(f"no documented error {code}")
        self._call(lambda: self._server.faults.add(FaultKind(kind), times, api_id, delay, code))

    def clear_faults(self) -> None:
        self._call(self._server.faults.clear)

    def requests(self) -> dict[str, int]:
        """How many REST requests arrived so far, by api-id (refused ones included)."""
        return self._call(lambda: dict(self._server.http.received) if self._server.http else {})

    def expire_tokens(self) -> None:
        self._call(self._server.tokens.expire_all)

    def drop_websockets(self) -> None:
        """Fault: every WebSocket connection is cut without a close frame."""
        self._call(lambda: self._server.hub.drop_all() if self._server.hub else None)

    def send_websocket_garbage(self) -> None:
        """Fault: every WebSocket session receives malformed frames."""
        self._call(lambda: self._server.hub.send_garbage() if self._server.hub else None)

    def stall_websockets(self, seconds: float) -> None:
        """Fault: the WebSockets send nothing (not even PING) for `seconds`."""
        self._call(lambda: self._server.hub.stall(seconds) if self._server.hub else None)

    def _call(self, function: Callable[[], _T]) -> _T:
        if self._loop is None:
            raise RuntimeError("the Sandbox is not running")

        async def run() -> _T:
            return function()

        return asyncio.run_coroutine_threadsafe(run(), self._loop).result(timeout=30)
