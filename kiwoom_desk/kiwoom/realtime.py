"""The WebSocket session (kiwoom-api.md §6): LOGIN with the current token, PING echoed unchanged, REG/REMOVE,
REAL frames turned into typed events by FID number, and reconnection with exponential backoff and jitter.

Every (re)connection logs in with a token fetched at that moment, never a stale copy; a login refused with
8005/8031/8103 drops that token so the next attempt gets a fresh one. Registrations are kept and sent again after
each reconnect, and `on_resync` runs so that the caller can reconcile over REST what happened while the socket
was down. Unknown FIDs and malformed frames are logged and skipped, never fatal.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import re
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

import websockets
from websockets.asyncio.client import ClientConnection

from ._numbers import direction, optional_decimal, optional_int, optional_price, parse_int, parse_price
from .codes import CreditType, OrderStatus, Side
from .errors import REISSUE_CODES, documented_code
from .events import (
    BalanceUpdate,
    BookUpdate,
    ConditionChange,
    Event,
    MarketPhase,
    OrderExecution,
    RealtimeState,
    RealtimeStatus,
    Trade,
    Unreadable,
    VolatilityInterruption,
)
from .models import ORDER_NO, Levels, book_level, short_code, side_from_text

log = logging.getLogger(__name__)

ACCOUNT_TYPES = ("00", "04")
SERVICES = frozenset({"CNSRLST", "CNSRREQ", "CNSRCLR"})  # questions asked on the socket (condition search)


class TokenSource(Protocol):
    async def access_token(self) -> str: ...

    def token_refused(self, token: str) -> None: ...


_PARSERS: dict[str, Callable[[dict[str, Any], str], Event]] = {}


def parse_real(entry: dict[str, Any]) -> Event | Unreadable | None:
    """One element of a REAL frame's `data`: its event, Unreadable when a known type cannot be read (whatever is
    wrong with it), or None for a type the app does not use."""
    kind = str(entry.get("type", ""))[:8]
    item = str(entry.get("item", ""))[:20]
    parser = _PARSERS.get(kind)
    if parser is None:
        log.info("realtime: unknown type %r skipped", kind)
        return None
    values = entry.get("values")
    try:
        if not isinstance(values, dict):
            raise TypeError("values is not an object")
        return parser(values, item)
    except Exception as error:  # the edge of the protocol: nothing a frame holds may end the session
        reason = f"{type(error).__name__}: {str(error)[:120]}"
        log.warning("realtime: %s entry for %r not readable: %s", kind, item, reason)
        return Unreadable(kind, item, reason)


def _text(values: dict[str, Any], fid: str) -> str:
    return str(values.get(fid, "")).strip()


def _day(values: dict[str, Any], fid: str, credit: CreditType | None) -> str:
    """A credit lot's YYYYMMDD date FID, or "" when absent or when the entry is not on credit (its field is not
    read); on credit, anything else makes the entry unreadable (a lot is sold by its date)."""
    if credit is None or not credit.is_credit:
        return ""
    text = _text(values, fid)
    if text and not re.fullmatch(r"[0-9]{8}", text):
        raise KeyError(f"{fid} (a date) is not YYYYMMDD: {text[:20]!r}")
    return text


def _execution(values: dict[str, Any], item: str) -> OrderExecution:
    side_code = _text(values, "907")
    side_text = _text(values, "905")
    side = Side.BUY if side_code == "2" else Side.SELL if side_code == "1" else side_from_text(side_text)
    order_no = _text(values, "9203")
    if not re.fullmatch(ORDER_NO, order_no):
        raise KeyError(f"9203 (order number) is missing or not digits: {order_no[:20]!r}")
    status = OrderStatus.parse(values.get("913", ""))
    if status is None:
        raise KeyError(f"913 (order status) is not one the spec lists: {_text(values, '913')[:20]!r}")
    return OrderExecution(
        order_no=order_no,
        orig_order_no=_text(values, "904"),
        stock_code=_text(values, "9001") or item,
        stock_name=_text(values, "302"),
        status=status,
        side=side,
        side_text=side_text,
        trade_type_name=_text(values, "906"),
        quantity=parse_int(values.get("900", "")),
        price=parse_price(values.get("901", "")),
        unfilled=parse_int(values.get("902", "")),
        filled_amount=optional_int(values.get("903")),
        filled_quantity=parse_int(values.get("911", "")),
        time=_text(values, "908"),
        fill_price=optional_price(values.get("914")),
        fill_quantity=optional_int(values.get("915")),
        current_price=optional_price(values.get("10")),
        reject_reason=_text(values, "919"),
        venue=_text(values, "2135")[:8],
        order_commission=optional_int(values.get("938")),
        order_tax=optional_int(values.get("939")),
        credit_type=CreditType.parse(values.get("922", "")),
        loan_date=_day(values, "923", CreditType.parse(values.get("922", ""))),
    )


def _balance(values: dict[str, Any], item: str) -> BalanceUpdate:
    return BalanceUpdate(
        stock_code=_text(values, "9001") or item,
        stock_name=_text(values, "302"),
        current_price=parse_price(values.get("10", "")),
        quantity=parse_int(values.get("930", "")),
        average_price=parse_price(values.get("931", "")),
        purchase_amount=parse_int(values.get("932", "")),
        sellable=parse_int(values.get("933", "")),
        profit_rate=optional_decimal(values.get("8019")),
        credit_type=CreditType.parse_holding(values.get("917", "")),
        loan_date=_day(values, "916", CreditType.parse_holding(values.get("917", ""))),
        loan_amount=optional_int(values.get("957")),
        loan_interest=optional_int(values.get("958")),
    )


def _trade(values: dict[str, Any], item: str) -> Trade:
    return Trade(
        stock_code=item,
        time=_text(values, "20"),
        price=parse_price(values.get("10", "")),
        change=optional_int(values.get("11")),
        change_rate=optional_decimal(values.get("12")),
        direction=direction(values.get("10", "")),
        volume=optional_int(values.get("13")),
    )


def _book(values: dict[str, Any], item: str) -> BookUpdate:
    def side(first_price: int, first_quantity: int) -> Levels:
        return [
            book_level(values.get(str(first_price + level)), values.get(str(first_quantity + level)))
            for level in range(10)
        ]

    try:  # an auction's expected price and quantity: only while one collects, and never worth a lost book
        expected = optional_price(values.get("23")) or None
        quantity = optional_int(values.get("24")) if expected else None
    except ValueError:
        expected = quantity = None
    return BookUpdate(
        stock_code=item,
        time=_text(values, "21"),
        asks=side(41, 61),
        bids=side(51, 71),
        expected_price=expected,
        expected_quantity=quantity,
    )


def _condition(values: dict[str, Any], item: str) -> ConditionChange:
    """Type 02 (kiwoom-api-market.md §1.4): 841 the condition's seq, 9001 the code, 843 I in / D out, 20 time."""
    change = _text(values, "843")
    if change not in ("I", "D"):
        raise KeyError(f"843 is neither I nor D: {change[:10]!r}")
    code = short_code(_text(values, "9001") or item)
    seq = _text(values, "841")
    if not re.fullmatch(r"[0-9]{1,3}", seq):
        raise KeyError(f"841 is not a condition's seq: {seq[:20]!r}")
    return ConditionChange(seq=seq, stock_code=code, entered=change == "I", time=_text(values, "20")[:6])


_PHASE_CODES = frozenset("0234589abcdefosPQRSTUV")  # FID 215's codes (kiwoom-api-market.md §6.2)


def _phase(values: dict[str, Any], item: str) -> MarketPhase:
    code = _text(values, "215")
    if len(code) != 1 or code not in _PHASE_CODES:
        raise KeyError(f"215 is not a market-operation code: {code[:10]!r}")
    return MarketPhase(code=code, time=_text(values, "20")[:6], until_open=_text(values, "214")[:6])


def _volatility(values: dict[str, Any], item: str) -> VolatilityInterruption:
    state = _text(values, "9068")
    if state not in ("1", "2"):
        raise KeyError(f"9068 is neither 1 (triggered) nor 2 (released): {state[:10]!r}")
    direction = _text(values, "9069")
    return VolatilityInterruption(
        stock_code=short_code(_text(values, "9001") or item),
        triggered=state == "1",
        kind=_text(values, "1225")[:10],
        price=optional_price(values.get("1221")),
        trigger_time=_text(values, "1223")[:6],
        release_time=_text(values, "1224")[:6],
        static_reference=optional_price(values.get("1236")),
        dynamic_reference=optional_price(values.get("1237")),
        count=optional_int(values.get("1490")),
        rising=True if direction == "1" else False if direction == "2" else None,
    )


_PARSERS.update(
    {"00": _execution, "04": _balance, "0B": _trade, "0D": _book, "02": _condition, "0s": _phase, "1h": _volatility}
)


class LoginRefused(Exception):
    def __init__(self, message: str, code: int | None) -> None:
        super().__init__(message)
        self.code = code


class RealtimeSession:
    def __init__(
        self,
        url: str,
        tokens: TokenSource,
        on_event: Callable[[Event | Unreadable], None],
        on_status: Callable[[RealtimeStatus], None] = lambda status: None,
        on_resync: Callable[[], Coroutine[Any, Any, None]] | None = None,
        *,
        backoff_base: float = 0.5,
        backoff_max: float = 30.0,
        idle_timeout: float = 60.0,
        login_timeout: float = 10.0,
    ) -> None:
        self.url = url
        self._tokens = tokens
        self._on_event = on_event
        self._on_status = on_status
        self._on_resync = on_resync
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._idle_timeout = idle_timeout
        self._login_timeout = login_timeout
        self._registrations: dict[str, set[str]] = {}  # type -> items
        self._acks: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._ws: ClientConnection | None = None
        self._task: asyncio.Task[None] | None = None
        self.status = RealtimeStatus(RealtimeState.CLOSED)
        self.connections = 0  # successful logins so far
        self.unreadable = 0  # frames and entries skipped, for the status bar's tooltip
        self._resync: asyncio.Task[None] | None = None
        self._reconnect_hooks: list[Callable[[], Coroutine[Any, Any, None]]] = []
        self._hook_tasks: set[asyncio.Task[None]] = set()
        self._answers: dict[str, tuple[str, asyncio.Future[dict[str, Any]]]] = {}  # trnm -> (seq, its question)
        self._asking: dict[str, asyncio.Lock] = {}  # one question of a kind at a time
        self._connected = asyncio.Event()  # set while logged in: a question waits for it (a first connect, a retry)

    def on_reconnect(self, hook: Callable[[], Coroutine[Any, Any, None]]) -> None:
        """`hook` runs after every reconnection's login, beside the reader (it may `ask`)."""
        self._reconnect_hooks.append(hook)

    async def ask(self, frame: dict[str, Any]) -> dict[str, Any]:
        """Sends a service frame (CNSRLST, CNSRREQ, CNSRCLR) and returns its answer: the next frame of the same
        `trnm` (and `seq`, where the question names one: a late answer to an earlier question is not this one's).
        A question asked while (re)connecting waits for the login. Raises ConnectionError when not connected by
        then (or the connection drops), TimeoutError when nothing answers."""
        name, seq = str(frame["trnm"]), str(frame.get("seq", "")).strip()
        async with self._asking.setdefault(name, asyncio.Lock()):
            if self._task is None:
                raise ConnectionError("the real-time session is not running")
            try:
                async with asyncio.timeout(self._login_timeout):
                    await self._connected.wait()
            except TimeoutError:
                raise ConnectionError("the real-time session is not connected") from None
            ws = self._ws
            if ws is None:
                raise ConnectionError("the real-time session is not connected")
            answer: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
            self._answers[name] = (seq, answer)
            try:
                await ws.send(json.dumps(frame, ensure_ascii=False))
                async with asyncio.timeout(self._login_timeout):
                    return await answer
            except websockets.ConnectionClosed as error:
                raise ConnectionError(f"the connection closed: {error}") from None
            finally:
                self._answers.pop(name, None)

    def _answered(self, name: str, frame: dict[str, Any]) -> None:
        seq, answer = self._answers.get(name, ("", None))
        if answer is None or answer.done():
            return
        if seq and str(frame.get("seq", seq)).strip() != seq:
            log.info(
                "realtime: a %s answer for seq %r is not the question's (%r): skipped", name, frame.get("seq"), seq
            )
            return
        answer.set_result(frame)

    def _drop_questions(self) -> None:
        self._connected.clear()
        for _seq, answer in self._answers.values():
            if not answer.done():
                answer.set_exception(ConnectionError("the connection closed before the answer"))

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def close(self) -> None:
        for task in (self._task, self._resync, *self._hook_tasks):
            if task is not None:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        self._task = self._resync = None
        self._set(RealtimeStatus(RealtimeState.CLOSED))

    async def register(self, items: list[str], types: list[str]) -> None:
        """Registers and, when connected, waits for the server's acknowledgement; kept for every reconnect."""
        for kind in types:
            self._registrations.setdefault(kind, set()).update(items or [""])
        await self._send_registration("REG", items, types, wait=True)

    async def unregister(self, items: list[str], types: list[str]) -> None:
        for kind in types:
            self._registrations.get(kind, set()).difference_update(items)
        await self._send_registration("REMOVE", items, types, wait=True)

    async def _send_registration(self, name: str, items: list[str], types: list[str], wait: bool = False) -> None:
        if self._ws is None or not (items or types):
            return
        frame: dict[str, Any] = {"trnm": name, "grp_no": "1", "data": [{"item": items or [""], "type": types}]}
        if name == "REG":
            frame["refresh"] = "1"
        while wait and not self._acks.empty():  # answers to the reconnect's own registrations are not ours
            self._acks.get_nowait()
        with contextlib.suppress(websockets.ConnectionClosed):
            await self._ws.send(json.dumps(frame))
            if wait:  # the reader loop delivers the acknowledgement
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self._login_timeout):
                        await self._acks.get()

    def _set(self, status: RealtimeStatus) -> None:
        status = RealtimeStatus(status.state, status.attempt, status.retry_in, status.reason, self.unreadable)
        self.status = status
        self._on_status(status)

    def _skipped(self, what: str) -> None:
        """A frame or entry that could not be read: logged where it was found, counted here, and the session
        carries on."""
        self.unreadable += 1
        if self.unreadable in (1, 10, 100) or self.unreadable % 1000 == 0:  # the tooltip, without a storm
            self._set(self.status)
        log.debug("realtime: %s skipped (%d so far)", what, self.unreadable)

    async def _run(self) -> None:
        attempt = 0
        while True:
            self._set(RealtimeStatus(RealtimeState.CONNECTING if not attempt else RealtimeState.RECONNECTING, attempt))
            reason = ""
            try:
                await self._connection()
                reason = "closed by the server"
            except asyncio.CancelledError:
                raise
            except LoginRefused as error:
                reason = f"login refused: {error}"
                if error.code in REISSUE_CODES and attempt == 0:
                    attempt += 1
                    continue  # straight back with a new token, once
            except (OSError, websockets.WebSocketException, TimeoutError) as error:
                reason = f"{type(error).__name__}: {error}"
            finally:
                self._ws = None
                self._drop_questions()
            if self.status.state is RealtimeState.CONNECTED:
                attempt = 0  # it had worked: start the backoff again from the beginning
            attempt += 1
            delay = min(self._backoff_max, self._backoff_base * 2 ** (attempt - 1)) * random.uniform(0.8, 1.2)
            log.info("realtime: %s; reconnect %d in %.1f s", reason, attempt, delay)
            self._set(RealtimeStatus(RealtimeState.RECONNECTING, attempt, delay, reason))
            await asyncio.sleep(delay)

    async def _connection(self) -> None:
        async with websockets.connect(
            self.url, ping_interval=None, open_timeout=self._login_timeout, max_size=2**20
        ) as ws:
            token = await self._tokens.access_token()
            await ws.send(json.dumps({"trnm": "LOGIN", "token": token}))
            await self._login_answer(ws, token)
            self._ws = ws
            self.connections += 1
            self._set(RealtimeStatus(RealtimeState.CONNECTED))
            self._connected.set()
            for kind, items in self._registrations.items():
                await self._send_registration("REG", sorted(items), [kind])
            if self.connections > 1 and self._on_resync is not None and (self._resync is None or self._resync.done()):
                # the REST catch-up runs beside the reader: quotes and fills keep coming while it reads
                self._resync = asyncio.get_running_loop().create_task(self._on_resync())
            if self.connections > 1:
                for hook in self._reconnect_hooks:
                    task = asyncio.get_running_loop().create_task(hook())
                    self._hook_tasks.add(task)
                    task.add_done_callback(self._hook_tasks.discard)
            while True:
                # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation that arrives as the
                # inner recv completes, and close() would then wait for ever. A stalled socket looks alive: time out.
                async with asyncio.timeout(self._idle_timeout):
                    raw = await ws.recv()
                await self._handle(ws, raw)

    async def _login_answer(self, ws: ClientConnection, token: str) -> None:
        """The first answer that is not a PING must be the LOGIN answer."""
        while True:
            async with asyncio.timeout(self._login_timeout):
                raw = await ws.recv()
            frame = _frame(raw)
            if frame is None:
                continue
            if frame.get("trnm") == "PING":
                await ws.send(raw)
                continue
            code = frame.get("return_code")
            if frame.get("trnm") == "LOGIN" and code in (0, "0"):
                return
            message = str(frame.get("return_msg", frame))
            documented = documented_code(code if isinstance(code, int) else None, message)
            if documented in REISSUE_CODES:
                self._tokens.token_refused(token)
            raise LoginRefused(message, documented)

    async def _handle(self, ws: ClientConnection, raw: str | bytes) -> None:
        if raw == "PING":
            await ws.send(raw)
            return
        frame = _frame(raw)
        if frame is None:
            self._skipped("a frame that is not a JSON object")
            return
        name = frame.get("trnm")
        if name == "PING":
            await ws.send(raw)  # echoed unchanged, as the official client does
        elif name == "REAL":
            data = frame.get("data")
            if not isinstance(data, list):
                self._skipped("a REAL frame without a data list")
                return
            for entry in data:
                event = parse_real(entry) if isinstance(entry, dict) else Unreadable("?", "", "entry is not an object")
                if isinstance(event, Unreadable):
                    self._skipped(f"a {event.kind} entry")
                if event is not None:
                    self._on_event(event)
        elif name in SERVICES:
            self._answered(name, frame)
        elif name in ("REG", "REMOVE"):
            if frame.get("return_code") not in (0, "0"):
                log.warning("realtime: %s refused: %s", name, frame.get("return_msg"))
            self._acks.put_nowait(frame)
        elif name == "SYSTEM":
            log.info("realtime: server says %s", frame.get("message"))


def _frame(raw: str | bytes) -> dict[str, Any] | None:
    try:
        frame = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested beyond what Python reads
        log.info("realtime: frame that is not JSON skipped")
        return None
    if not isinstance(frame, dict):
        log.info("realtime: frame that is not an object skipped")
        return None
    return frame
