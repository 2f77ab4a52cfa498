"""The session controller: which environment the app trades in, and the lifetime of its desk.

It owns endpoints (through `Environment.endpoints`, starting the embedded Sandbox the first time the Sandbox is
opened), the credentials in the keyring, the credential test, connect, switch and shutdown. The window asks it
and listens to the desk it opens; the window never builds a client. No Qt here.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..environments import SANDBOX_KEYS, Endpoints, Environment
from ..storage.credentials import Credentials, CredentialStore
from ..storage.journal import Journal
from ..storage.watchlists import DEFAULT_NAME, Watchlist, WatchlistStore
from .limits import OrderGuard
from .review import DayReview, review_day
from .rules import RiskLimits
from .sessions import SANDBOX_DAY_OPENS, SANDBOX_NEXT_DAY

if TYPE_CHECKING:  # the protocol stack (httpx, pydantic, websockets) loads when a session opens, after first paint
    from ..kiwoom import KiwoomClient, StockListing
    from ..kiwoom.sandbox_control import SandboxClock, SandboxControl
    from ..sandbox import SandboxExchange
    from .desk import DeskListener, TradingDesk

log = logging.getLogger(__name__)
SANDBOX_TICK_SECONDS = 1.0  # the embedded market moves one step a second
NEW_DAY = f"{SANDBOX_NEXT_DAY:%H:%M:%S}"  # a Sandbox clock set here finishes its day and starts the next weekday
NEW_DAY_OPENS = f"{SANDBOX_DAY_OPENS:%H:%M:%S}"


@dataclass
class SandboxClockChoice:
    """How the embedded Sandbox's market clock starts (Settings > Sandbox clock): `continuous` or a simulated
    `krx` day from `start` (HH:MM) at `speed`."""

    mode: str = "continuous"
    speed: float = 1.0
    start: str = "08:30"


@dataclass
class SessionConfig:
    """What a session needs from the outside world; tests pass their own."""

    credentials: CredentialStore
    journal: Journal
    cache_dir: Path | None = None  # the daily stock-list cache
    overrides: dict[Environment, Endpoints] = field(default_factory=dict)  # --rest-url, tests
    sandbox_dir: Path | None = None  # the embedded Sandbox's state, started on first use
    watchlists: WatchlistStore | None = None  # the trader's lists; None keeps them for this run only


class SessionController:
    def __init__(self, config: SessionConfig, listener: DeskListener) -> None:
        self.config = config
        self.credentials = config.credentials
        self.journal = config.journal
        self.overrides = config.overrides
        self._listener = listener
        self.environment = Environment.SANDBOX
        self.desk: TradingDesk | None = None
        self._sandbox: SandboxExchange | None = None
        # The trader's limits and the last minute's orders, per environment: a reconnect does not reset the count.
        self.guards = {environment: OrderGuard(environment) for environment in Environment}
        self._watchlists: dict[Environment, list[Watchlist]] = {}  # when there is no store: for this run
        self.sandbox_clock = SandboxClockChoice()  # how the embedded Sandbox starts; the window sets it first

    def set_limits(self, environment: Environment, limits: RiskLimits) -> None:
        """New fat-finger limits for `environment`: its desk checks the next order against them."""
        self.guards[environment].limits = limits

    def watchlists(self, environment: Environment) -> list[Watchlist]:
        """`environment`'s watchlists (WatchlistStoreError when the file cannot be read now)."""
        if self.config.watchlists is None:
            return [Watchlist(item.name, list(item.codes)) for item in self._watchlists.get(environment, [])] or [
                Watchlist(DEFAULT_NAME)
            ]
        return self.config.watchlists.load(environment.value)

    def save_watchlists(self, environment: Environment, lists: list[Watchlist]) -> None:
        if self.config.watchlists is None:
            self._watchlists[environment] = [Watchlist(item.name, list(item.codes)) for item in lists]
            return
        self.config.watchlists.save(environment.value, lists)

    def review(self, day: str) -> DayReview:
        """`day`'s review (YYYY-MM-DD, KST) from the journal of the environment shown, its account's when one
        is connected: it needs no server, so earlier days review offline."""
        account = self.desk.account_no if self.desk is not None else ""
        return review_day(self.journal.executions(self.environment.value, account=account), day)

    # ---- where -------------------------------------------------------------------------------------------

    async def endpoints(self, environment: Environment) -> Endpoints:
        """Where `environment` is. The embedded Sandbox starts here, on its own thread, when first needed."""
        if environment is Environment.SANDBOX and environment not in self.overrides and self._sandbox is None:
            self._sandbox = await asyncio.to_thread(self._start_sandbox)
        sandbox = Endpoints(self._sandbox.rest_url, self._sandbox.ws_url) if self._sandbox else None
        return environment.endpoints(self.overrides, sandbox)

    def _start_sandbox(self, reset: bool = False) -> SandboxExchange:
        from ..sandbox import SandboxExchange  # only when the Sandbox is opened: it is the largest import

        choice = self.sandbox_clock
        return SandboxExchange(
            self.config.sandbox_dir,
            tick_interval=SANDBOX_TICK_SECONDS,
            reset=reset,
            mode=choice.mode,
            speed=choice.speed,
            start=choice.start,
        ).start()

    @property
    def can_reset_sandbox(self) -> bool:
        """Only the embedded Sandbox's account can be reset (one given by --rest-url or a test is not ours)."""
        return Environment.SANDBOX not in self.overrides

    async def reset_sandbox(self) -> None:
        """A fresh Sandbox account: cash back to the start, no orders, positions or journal entries. Close the
        Sandbox desk first; the next `open` of the Sandbox starts on the fresh account."""
        if not self.can_reset_sandbox:
            raise LookupError("only the embedded Sandbox can be reset")
        sandbox, self._sandbox = self._sandbox, None
        if sandbox is not None:
            await asyncio.to_thread(sandbox.stop)
        self._sandbox = await asyncio.to_thread(self._start_sandbox, True)
        self.journal.forget(Environment.SANDBOX.value)

    # ---- the Sandbox's clock (its control endpoint, on this computer only) -----------------------------------

    @property
    def can_drive_sandbox(self) -> bool:
        """The Sandbox's clock can be read and set: the embedded one, or one given by --rest-url on this computer
        (its control endpoint answers loopback only). Never Mock or Real."""
        from ..kiwoom.sandbox_control import is_loopback

        override = self.overrides.get(Environment.SANDBOX)
        return override is None or is_loopback(override.rest_url)

    async def _sandbox_control(self) -> SandboxControl:
        from ..kiwoom.sandbox_control import SandboxControl, SandboxControlError

        if not self.can_drive_sandbox:
            raise SandboxControlError("this Sandbox is not on this computer")
        return SandboxControl((await self.endpoints(Environment.SANDBOX)).rest_url)

    async def sandbox_state(self) -> SandboxClock:
        """The Sandbox's clock now (GET /sandbox/state); the Sandbox desk's market status follows it."""
        state = await (await self._sandbox_control()).state()
        self._follow_sandbox(state)
        return state

    async def set_sandbox_clock(
        self, mode: str | None = None, at: str | None = None, speed: float | None = None
    ) -> SandboxClock:
        """POST /sandbox/clock: another clock, time (later today runs every phase between) or speed."""
        state = await (await self._sandbox_control()).set_clock(mode, at, speed)
        self._follow_sandbox(state)
        return state

    async def new_sandbox_day(self, start: str) -> SandboxClock:
        """The Sandbox's KRX day ends now and the next weekday starts at `start` (HH:MM:SS, from 08:20): an
        earlier time than now starts it at once; otherwise the day is finished first (the README's rule)."""
        control = await self._sandbox_control()
        state = await control.state()
        if not state.krx:
            state = await control.set_clock("krx", start)
        elif start < state.time.strftime("%H:%M:%S"):
            state = await control.set_clock(at=start)
        else:
            state = await control.set_clock(at=NEW_DAY)
            if start > NEW_DAY_OPENS:
                state = await control.set_clock(at=start)
        self._follow_sandbox(state)
        return state

    def _follow_sandbox(self, state: SandboxClock) -> None:
        if self.desk is not None and self.desk.environment is Environment.SANDBOX:
            self.desk.market_status.set_sandbox(state)

    # ---- keys --------------------------------------------------------------------------------------------

    def stored_credentials(self, environment: Environment) -> Credentials | None:
        """The keys to open `environment` with: the Sandbox takes any; the others need stored ones. Raises
        CredentialStoreError when the keyring cannot be read."""
        if not environment.needs_credentials:
            return Credentials(*SANDBOX_KEYS)
        return self.credentials.load(environment)

    def save_credentials(self, environment: Environment, credentials: Credentials) -> None:
        """Into the OS keyring, nowhere else. Raises CredentialStoreError."""
        self.credentials.save(environment, credentials)

    def delete_credentials(self, environment: Environment) -> None:
        self.credentials.delete(environment)

    async def test_credentials(self, environment: Environment, credentials: Credentials) -> str:
        """Issues a token with these keys and reads the account number, which it returns. Raises KiwoomError."""
        async with self._client(environment, credentials, await self.endpoints(environment)) as client:
            return await client.account_number()

    # ---- lifetime ----------------------------------------------------------------------------------------

    def cached_listings(self, environment: Environment) -> list[StockListing]:
        """Today's stock list from the cache, without a network call (empty when there is none yet)."""
        from .listings import ListingsCache

        return ListingsCache(self.config.cache_dir, environment).load(date.today()) or []

    async def connect(self, environment: Environment, credentials: Credentials) -> TradingDesk:
        """A desk connected to `environment` beside the current one, which keeps running until `activate`.
        Raises KiwoomError when it cannot connect, and leaves nothing behind: the session is as it was."""
        from .desk import TradingDesk

        endpoints = await self.endpoints(environment)
        client = self._client(environment, credentials, endpoints)
        guard = self.guards[environment]
        desk = TradingDesk(environment, client, self.journal, self.config.cache_dir, endpoints.ws_url, guard)
        reading = asyncio.create_task(self._read_sandbox_clock(desk))  # beside the token, not before it
        try:
            await desk.connect(reading)
        except BaseException:
            reading.cancel()
            await desk.close()
            raise
        return desk

    async def _read_sandbox_clock(self, desk: TradingDesk) -> None:
        """A Sandbox desk knows the Sandbox's day before it connects (its KRX day is its own, not the calendar's:
        today's fills and charts follow it). A Sandbox that does not answer here leaves the calendar's."""
        from ..kiwoom.sandbox_control import SandboxControlError

        if desk.environment is not Environment.SANDBOX or not self.can_drive_sandbox:
            return
        try:
            desk.market_status.set_sandbox(await (await self._sandbox_control()).state())
        except SandboxControlError as error:
            log.info("sandbox clock not read at connect: %s", error)

    async def activate(self, desk: TradingDesk) -> None:
        """`desk` becomes the session's: the old one is closed, and the listener hears the new one from now on,
        starting with everything it already knows."""
        await self.close()
        self.environment = desk.environment
        desk.subscribe(self._listener)
        self.desk = desk
        desk.announce()

    async def open(self, environment: Environment, credentials: Credentials) -> TradingDesk:
        """Connects to `environment` and makes it the session's (the current one stays if that fails)."""
        desk = await self.connect(environment, credentials)
        await self.activate(desk)
        return desk

    async def close(self) -> None:
        """Closes the desk: real-time session, pending refreshes, token (revoked), connections."""
        desk, self.desk = self.desk, None
        if desk is not None:
            await desk.close()

    async def shutdown(self) -> None:
        await self.close()
        sandbox, self._sandbox = self._sandbox, None
        if sandbox is not None:
            await asyncio.to_thread(sandbox.stop)

    @staticmethod
    def _client(environment: Environment, credentials: Credentials, endpoints: Endpoints) -> KiwoomClient:
        from ..kiwoom import KiwoomClient

        return KiwoomClient(
            endpoints.rest_url,
            credentials.appkey,
            credentials.secretkey,
            rate_limits=environment.rate_limits,
            allowed_venues=environment.allowed_venues,
        )
