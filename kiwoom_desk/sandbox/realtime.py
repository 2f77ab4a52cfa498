"""The Sandbox's WebSocket at /api/dostk/websocket (kiwoom-api.md §6): LOGIN, PING, REG/REMOVE, and REAL
pushes of 00 (order execution), 04 (balance), 0B (trade), 0D (10-level book; FIDs 23/24 the expected price and
quantity while an auction collects) and 0s (market phase, KRX clock only; registered with item ""), 1h (VI
trigger and release; item "" = every stock, or the codes) and 0g (a stock's VI, per item), both KRX clock only
(vi.py builds their FIDs); condition search (CNSR…, REAL 02) is in `condition_search`.

00 and 04 go to every logged-in session of the account without registration, as on the real server; 0B and 0D
only to sessions that registered the stock. Each session has a queue and a writer task, so a broker event on
the exchange's loop never waits on a slow socket. Faults (drop, stall) are Python-only, like the REST ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import WSMsgType, web

from . import credit, errors
from .broker import TRADE_TYPE_NAMES, Broker
from .condition_search import FRAMES as CONDITION_FRAMES
from .condition_search import ConditionSearch
from .market import BOOK_LEVELS
from .numbers import price_sign_code, rate, signed, signed_price
from .state import CreditLot, Fill, Holding, Kind, Order, Side
from .tokens import TokenRegistry
from .traded import millions, traded_value
from .vi import Interruption, ViBoard, real_0g, real_1h

log = logging.getLogger(__name__)

TYPES = frozenset({"00", "04", "0B", "0D", "0s", "1h", "0g"})  # what the Sandbox streams
CATALOGUE = frozenset(  # the spec's real-time types (kiwoom-api.md §6.2, -market.md §6): left out, not refused
    {"00", "04", "0A", "0B", "0C", "0D", "0E", "0F", "0G", "0H", "0I", "0J", "0U", "0g", "0m", "0u", "0s", "0w", "1h"}
)
ACCOUNT_TYPES = frozenset({"00", "04"})
MARKET_WIDE_TYPES = frozenset({"0s"})  # one stream for the whole market: the item is ""
ALL_OR_CODES = frozenset({"1h"})  # item "" registers every stock ("전체 수신은 공백")
TYPE_NAMES = {
    "00": "주문체결",
    "04": "잔고",
    "0B": "주식체결",
    "0D": "주식호가잔량",
    "0s": "장시작시간",
    "1h": "VI발동/해제",
    "0g": "주식종목정보",
}
OPENING = 9 * 3600  # 09:00, for FID 214 (time left until the open)
MISSED_PINGS = 3  # a session that echoes none of this many PINGs is closed


@dataclass(eq=False)
class Session:
    ws: web.WebSocketResponse
    request: web.Request
    conditions: ConditionSearch
    queue: asyncio.Queue[str] = field(default_factory=asyncio.Queue)
    logged_in: bool = False
    items: dict[str, set[str]] = field(default_factory=dict)  # type -> codes
    last_echo: float = field(default_factory=time.monotonic)

    def send(self, message: dict[str, Any]) -> None:
        self.queue.put_nowait(json.dumps(message, ensure_ascii=False))

    def wants(self, kind: str, code: str) -> bool:
        items = self.items.get(kind, set())
        return kind in ACCOUNT_TYPES or code in items or (kind in ALL_OR_CODES and "" in items)


class RealtimeHub:
    def __init__(self, broker: Broker, tokens: TokenRegistry, ping_interval: float, page_size: int = 100) -> None:
        self.broker = broker
        self.tokens = tokens
        self.ping_interval = ping_interval
        self.page_size = page_size  # rows per CNSRREQ page, as for REST lists
        self.sessions: set[Session] = set()
        self._stalled_until = 0.0
        self.vi_board: ViBoard | None = None  # the KRX day's VIs: a fresh 1h/0g registration hears the running ones
        broker.listeners.append(self)

    # ---- the socket --------------------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(heartbeat=None, max_msg_size=64 * 1024)
        await ws.prepare(request)
        session = Session(ws, request, ConditionSearch(self.broker, self.page_size))
        self.sessions.add(session)
        writer = asyncio.get_running_loop().create_task(self._write(session))
        pinger = asyncio.get_running_loop().create_task(self._ping(session))
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                if not self._receive(session, message.data):
                    break
        finally:
            self.sessions.discard(session)
            for task in (writer, pinger):
                task.cancel()
            await asyncio.gather(writer, pinger, return_exceptions=True)
            with contextlib.suppress(Exception):  # a refused LOGIN's answer must reach the client before the close
                while not session.queue.empty() and not ws.closed:
                    await ws.send_str(session.queue.get_nowait())
            await ws.close()
        return ws

    def _receive(self, session: Session, text: str) -> bool:
        """Handles one frame; False closes the session."""
        try:
            frame = json.loads(text)
        except ValueError:
            log.info("realtime: ignoring a frame that is not JSON")
            return True
        if not isinstance(frame, dict):
            return True
        name = frame.get("trnm")
        if name == "PING":
            session.last_echo = time.monotonic()
            return True
        if not session.logged_in:
            if name != "LOGIN":
                session.send({"trnm": "LOGIN", **errors.documented(1513, "LOGIN이 먼저 필요합니다").body()})
                return False
            try:
                self.tokens.check(str(frame.get("token", "")))
            except errors.ApiError as error:
                session.send({"trnm": "LOGIN", **error.body()})
                return False
            session.logged_in = True
            session.send({"trnm": "LOGIN", "return_code": 0, "return_msg": ""})
            return True
        if name in ("REG", "REMOVE"):
            answer, fresh = self._register(session, name, frame)
            session.send({"trnm": name, **answer})  # the acknowledgement first, then the current picture
            for kind, code in fresh:
                self._push(kind, code, session)
        elif name in CONDITION_FRAMES:
            session.send(session.conditions.answer(name, frame))
        return True

    def _register(
        self, session: Session, name: str, frame: dict[str, Any]
    ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        """The answer to a REG or REMOVE, and what a fresh registration gets at once (type, code). A type of the
        spec's catalogue that the Sandbox does not stream is left out and named in the answer, the others are
        registered; a type outside the catalogue is refused."""
        data = frame.get("data")
        if not isinstance(data, list) or not data:
            return errors.missing("data").body(), []
        changes: list[tuple[str, list[str]]] = []
        ignored: list[str] = []
        for entry in data:
            if not isinstance(entry, dict):
                return errors.malformed("data", "항목은 객체여야 합니다").body(), []
            kinds, items = _as_list(entry.get("type")), _as_list(entry.get("item"))
            for kind in kinds:
                if kind not in CATALOGUE:
                    return errors.malformed("type", f"실시간 항목이 아닙니다: {kind}").body(), []
                if kind not in TYPES:
                    ignored.append(kind)
                    continue
                codes = [""] if kind in MARKET_WIDE_TYPES else [item for item in items if item]
                if kind in ALL_OR_CODES and "" in items:
                    codes.append("")
                unknown = [code for code in codes if code and code not in self.broker.market.listings]
                if kind not in ACCOUNT_TYPES | MARKET_WIDE_TYPES and unknown:
                    return errors.unknown_stock(unknown[0]).body(), []
                changes.append((kind, codes))
        if name == "REG" and frame.get("refresh", "1") == "0":
            session.items.clear()
        for kind, codes in changes:
            registered = session.items.setdefault(kind, set())
            if name == "REG":
                registered.update(codes)
            else:
                registered.difference_update(codes)
        message = f"연습 거래소가 제공하지 않는 실시간 항목은 제외했습니다: {', '.join(ignored)}" if ignored else ""
        fresh = [(kind, code) for kind, codes in changes for code in codes] if name == "REG" else []
        return {"return_code": 0, "return_msg": message}, fresh

    async def _write(self, session: Session) -> None:
        while True:
            text = await session.queue.get()
            quiet = self._stalled_until - time.monotonic()
            if quiet > 0:  # fault: the socket goes quiet for a while
                await asyncio.sleep(quiet)
            await session.ws.send_str(text)

    async def _ping(self, session: Session) -> None:
        while True:
            await asyncio.sleep(self.ping_interval)
            if time.monotonic() - session.last_echo > self.ping_interval * MISSED_PINGS:
                log.info("realtime: closing a session that stopped answering PING")
                await session.ws.close()
                return
            session.send({"trnm": "PING"})

    # ---- faults and shutdown -----------------------------------------------------------------------------

    def drop_all(self) -> None:
        for session in list(self.sessions):
            if session.request.transport is not None:
                session.request.transport.abort()

    def send_garbage(self) -> None:
        """Fault: frames a client must survive (not JSON, not objects, unknown types, unreadable values)."""
        junk = [
            "not json at all",
            "[1, 2, 3]",
            json.dumps({"trnm": "REAL", "data": "not a list"}),
            json.dumps({"trnm": "REAL", "data": [{"type": "ZZ", "item": "005930", "values": {"1": "2"}}]}),
            json.dumps(
                {
                    "trnm": "REAL",
                    "data": [{"type": "00", "item": "005930", "values": {"9203": "0000001", "900": "abc"}}],
                }
            ),
            json.dumps({"trnm": "REAL", "data": [{"type": "0B", "item": "005930"}]}),
            json.dumps({"trnm": "SOMETHING", "x": 1}),
            # what once killed a client's reader: thousands of digits, and nesting deeper than a parser recurses
            '{"trnm": "REAL", "data": [{"type": "0B", "item": "005930", "values": {"10": ' + "9" * 5000 + "}}]}",
            '{"trnm": "REAL", "data": ' + "[" * 1000 + "]" * 1000 + "}",
        ]
        for session in self.sessions:
            for text in junk:
                session.queue.put_nowait(text)

    def stall(self, seconds: float) -> None:
        self._stalled_until = time.monotonic() + seconds

    async def close(self) -> None:
        for session in list(self.sessions):
            with contextlib.suppress(Exception):
                await session.ws.send_str(
                    json.dumps({"trnm": "SYSTEM", "code": "R10001", "message": "서버가 종료됩니다"})
                )
                await session.ws.close()

    # ---- broker events -----------------------------------------------------------------------------------

    def order_changed(self, order: Order, fill: Fill | None) -> None:
        self._broadcast("00", order.code, self._order_values(order, fill))

    def holding_changed(self, code: str, loan_date: str = "") -> None:
        self._broadcast("04", code, self._balance_values(code, loan_date))

    def market_moved(self, code: str) -> None:
        for session in self.sessions:
            for kind in ("0B", "0D"):
                if session.logged_in and session.wants(kind, code):
                    self._push(kind, code, session)
            for message in session.conditions.moved(code):
                session.send(message)

    def phase_changed(self, code215: str, at: datetime) -> None:
        """0s: the market's phase changed (FID 215 as the spec's codes), at `at` (simulated KST)."""
        seconds = at.hour * 3600 + at.minute * 60 + at.second
        left = max(OPENING - seconds, 0)
        values = {
            "215": code215,
            "20": at.strftime("%H%M%S"),
            "214": f"{left // 3600:02d}{left // 60 % 60:02d}{left % 60:02d}",
        }
        self._broadcast("0s", "", values)

    def vi_changed(self, vi: Interruption, released: bool) -> None:
        """1h and 0g: a stock's VI started or ended."""
        self._broadcast("1h", vi.code, self._vi_values(vi, released))
        quote = self.broker.market.quotes[vi.code]
        limits = self.broker.market.limits(vi.code)
        self._broadcast("0g", vi.code, real_0g(vi, quote.base_price, limits.upper, limits.lower, released))

    def _vi_values(self, vi: Interruption, released: bool) -> dict[str, str]:
        quote = self.broker.market.quotes[vi.code]
        listing = self.broker.market.listings[vi.code]
        value = millions(traded_value(self.broker, vi.code))
        return real_1h(vi, listing, quote.base_price, quote.volume, value, released)

    def _broadcast(self, kind: str, code: str, values: dict[str, str]) -> None:
        for session in self.sessions:
            if session.logged_in and session.wants(kind, code):
                session.send(_real(kind, code, values))

    def _push(self, kind: str, code: str, session: Session) -> None:
        if kind == "0B":
            session.send(_real(kind, code, self._trade_values(code)))
        elif kind == "0D":
            session.send(_real(kind, code, self._book_values(code)))
        elif kind in ("1h", "0g") and self.vi_board is not None:  # the VIs running now, as their trigger frames
            running = self.vi_board.running
            for vi in [running[code]] if code in running else list(running.values()) if not code else []:
                if kind == "1h":
                    session.send(_real(kind, vi.code, self._vi_values(vi, False)))
                else:
                    limits = self.broker.market.limits(vi.code)
                    base = self.broker.market.quotes[vi.code].base_price
                    session.send(_real(kind, vi.code, real_0g(vi, base, limits.upper, limits.lower, False)))
        elif kind == "04":
            if code in self.broker.holdings:
                session.send(_real(kind, code, self._balance_values(code)))
            for lot in self.broker.lots_of(code):
                session.send(_real(kind, code, self._balance_values(code, lot.loan_date)))

    # ---- FID values (kiwoom-api.md §6.2–6.5) -------------------------------------------------------------

    def _now(self) -> str:
        return self.broker.clock().strftime("%H%M%S")

    def _order_values(self, order: Order, fill: Fill | None) -> dict[str, str]:
        quote = self.broker.market.quotes[order.code]
        book = self.broker.market.book(order.code)
        base = quote.base_price
        action = {Kind.NEW: "", Kind.MODIFY: "정정", Kind.CANCEL: "취소"}[order.kind]
        sign = "+" if order.side is Side.BUY else "-"
        status = "체결" if fill is not None else order.status.value
        if order.reject_reason:
            status = "거부"
        return {
            "9201": self.broker.account.account_no,
            "9203": order.ord_no,
            "904": order.orig_ord_no,
            "9001": order.code,
            "302": self.broker.market.listings[order.code].name,
            "913": status,
            "905": (sign + order.side.korean) if not action else order.side.korean + action,
            "907": "2" if order.side is Side.BUY else "1",
            "906": TRADE_TYPE_NAMES[order.trade_type],
            "900": str(order.quantity),
            "901": str(order.order_price),
            "902": str(order.open_qty),
            "903": str(order.filled_amount),
            "908": self._now(),
            "909": fill.fill_no if fill else "",
            "910": str(fill.price) if fill else "",
            "911": str(order.filled_qty),
            "914": str(fill.price) if fill else "",
            "915": str(fill.quantity) if fill else "",
            "10": signed_price(quote.price, base),
            "27": signed_price(book.asks[0].price, base) if book.asks else "0",
            "28": signed_price(book.bids[0].price, base) if book.bids else "0",
            "938": str(order.commission),
            "939": str(order.tax),
            "919": order.reject_reason,
            "922": _credit_type(order),
            "923": (fill.loan_date if fill is not None else order.loan_date) if order.credit else "",
            "2134": "1",
            "2135": "KRX",
            "2136": "N",
        }

    def _balance_values(self, code: str, loan_date: str = "") -> dict[str, str]:
        """04 for the stock's cash holding, or (with a loan date) for its credit lot of that date: 917 "03",
        916 the loan date, 957 the loan still owed, 958 the interest it would cost if repaid today."""
        quote = self.broker.market.quotes[code]
        holding: Holding | CreditLot | None = (
            self.broker.lots.get(f"{code}:{loan_date}") if loan_date else self.broker.holdings.get(code)
        )
        quantity = holding.quantity if holding else 0
        purchase = holding.purchase_amount if holding else 0
        value = quote.price * quantity
        loan = holding.loan if isinstance(holding, CreditLot) else 0
        sellable = self.broker.credit_sellable(code, loan_date) if loan_date else self.broker.sellable(code)
        return {
            "9201": self.broker.account.account_no,
            "9001": code,
            "302": self.broker.market.listings[code].name,
            "10": signed_price(quote.price, quote.base_price),
            "930": str(quantity),
            "931": str(holding.average_price if holding else 0),
            "932": str(purchase),
            "933": str(sellable),
            "945": str(holding.today_buy_qty if holding else 0),
            "946": "2",
            "950": str(self.broker.account.realized_pl),
            "8019": rate(value - purchase, purchase),
            "307": str(quote.base_price),
            "917": "03" if loan_date else "00",
            "916": loan_date,
            "957": str(loan),
            "958": str(credit.interest(loan, loan_date, self.broker.today()) if loan else 0),
        }

    def _trade_values(self, code: str) -> dict[str, str]:
        quote = self.broker.market.quotes[code]
        limits = self.broker.market.limits(code)
        book = self.broker.market.book(code)
        base = quote.base_price
        return {
            "20": self._now(),
            "10": signed_price(quote.price, base),
            "11": signed(quote.price - base),
            "12": rate(quote.price - base, base),
            "25": price_sign_code(quote.price, base, limits.upper, limits.lower),
            "15": signed(self.broker.last_prints.get(code, (0, 0))[0]),  # the last print's size, + bought - sold
            "13": str(quote.volume),
            "16": signed_price(quote.open, base),
            "17": signed_price(quote.high, base),
            "18": signed_price(quote.low, base),
            "27": signed_price(book.asks[0].price, base) if book.asks else "0",
            "28": signed_price(book.bids[0].price, base) if book.bids else "0",
            "290": "2",
        }

    def _book_values(self, code: str) -> dict[str, str]:
        book = self.broker.market.book(code)
        base = self.broker.market.quotes[code].base_price
        values = {"21": self._now()}
        for level in range(BOOK_LEVELS):
            ask = book.asks[level] if level < len(book.asks) else None
            bid = book.bids[level] if level < len(book.bids) else None
            values[str(41 + level)] = signed_price(ask.price, base) if ask else "0"
            values[str(61 + level)] = str(ask.quantity) if ask else "0"
            values[str(51 + level)] = signed_price(bid.price, base) if bid else "0"
            values[str(71 + level)] = str(bid.quantity) if bid else "0"
            values[str(81 + level)] = values[str(91 + level)] = "0"
        values["121"] = str(sum(level.quantity for level in book.asks))
        values["125"] = str(sum(level.quantity for level in book.bids))
        expected = self.broker.expected_auction(code)
        if expected is not None:  # only while an auction collects (KRX clock)
            values["23"], values["24"] = signed_price(expected[0], base), str(expected[1])
        return values


def _credit_type(order: Order) -> str:
    """FID 922 as the legacy SendOrderCredit codes: 00 cash, 03 a 자기융자 buy, 33/99 its repaying sell."""
    if not order.credit:
        return "00"
    return "03" if order.side is Side.BUY else order.crd_deal_tp


def _as_list(value: Any) -> list[str]:
    """The spec says String, the official examples send arrays: take both."""
    if isinstance(value, list):
        return [str(item) for item in value]
    return [str(value)] if value not in (None, "") else [""]


def _real(kind: str, code: str, values: dict[str, str]) -> dict[str, Any]:
    return {"trnm": "REAL", "data": [{"type": kind, "name": TYPE_NAMES[kind], "item": code, "values": values}]}
