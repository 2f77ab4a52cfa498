"""The KRX day on the Sandbox's `krx` clock: which orders each phase takes, the single-price auctions, the
closing-price sessions, `0s` at each boundary, and the next day after 18:10 (krx-rules.md §3 and §8).

Everything happens when the day catches up with the clock (each request and each market step): the events
between the last moment handled and now run in order, each with the clock pinned to its own time, so that a
jump (POST /sandbox/clock) runs every phase in between at once.

- 08:30 opening auction collects (0s `0`); 61 until 08:40 (0s `0` again, unfilled 61 expire); 09:00 match (`3`).
- 15:20 closing auction (`2`): resting orders join, 5 (조건부지정가) counts as a market order; 15:30 match,
  every regular order left expires (`4`, `8`). A stock whose closing price would reach a VI band runs on as a VI
  and matches (and its orders expire) at the release, about two minutes later.
- 15:40 장후 시간외종가 (`a`): 81 at today's close; 16:00 unfilled 81 expire (`b`), 시간외 단일가 starts (`c`):
  62 within ±10 % of the close, a match at 16:10, 16:20 … 18:00 (one that would reach the dynamic band waits for
  its VI's release); 18:00 unfilled 62 expire (`d`, `9`).
- 18:10 the next weekday starts at 08:20 from today's close (the broker keeps the day).
While an auction collects, each market step adds one buy and one sell of the simulated market within four ticks
of the reference price (deterministic under the seed) and the book shows the collected limit orders; 61 and 81
orders fill whole at the next market step.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import partial

from ..trading.ticks import round_down_to_tick, round_up_to_tick, tick_down, tick_up
from .auction import AuctionOrder, allocate, clearing_price
from .broker import SESSION_TYPES, TRADE_TYPE_NAMES, Broker, OrderRejected, won
from .clock import KST
from .market import BOOK_LEVELS, Book, Level
from .market_clock import (
    AUCTION_PHASES,
    DAY_END,
    NEXT_DAY_START,
    PRE_OPEN_CLOSE_PRICE_END,
    MarketClock,
    Phase,
    next_weekday,
)
from .state import Order, Side
from .vi import (
    AFTER_HOURS,
    CLOSING,
    OPENING,
    STATIC_PERCENT,
    VI_AUCTION,
    Interruption,
    ViBoard,
    beyond,
    dynamic_percent,
)

PhaseListener = Callable[[str, datetime], None]  # (FID 215 code, the event's time)
ViListener = Callable[[Interruption, bool], None]  # (the VI, released)

REGULAR_TYPES = frozenset({"0", "3", "5"})  # what the opening and closing auctions take
CONTINUOUS_ONLY = frozenset({"6", "7", "10", "13", "16", "20", "23", "26", "28", "29", "30", "31"})
PHASE_NAMES = {
    Phase.CLOSED: "장종료",
    Phase.PRE_OPEN: "장개시 전 동시호가",
    Phase.CONTINUOUS: "정규시장 연속매매",
    Phase.CLOSING_AUCTION: "장마감 동시호가",
    Phase.AFTER_CLOSE: "정규시장 마감 후",
    Phase.AFTER_HOURS_CLOSE_PRICE: "장후 시간외종가",
    Phase.AFTER_HOURS_SINGLE: "시간외 단일가",
}
SINGLE_PRICE_BAND_PERCENT = 10
LIQUIDITY_TICKS = 4  # the simulated market's auction orders sit within this many ticks of the reference
_EPSILON = timedelta(microseconds=1)


class KrxDay:
    def __init__(self, broker: Broker, clock: MarketClock) -> None:
        self.broker = broker
        self.clock = clock
        self.phase_listeners: list[PhaseListener] = []
        self.vi_listeners: list[ViListener] = []
        self.board = ViBoard(broker.market.seed)  # the stocks under VI now (vi.py)
        self._done = clock.now() - _EPSILON  # the events up to here have run
        self._seq = itertools.count(1)
        self._order_seq: dict[str, int] = {}  # ord_no -> time priority in the auction it waits for
        self._market_orders: dict[str, list[AuctionOrder]] = {}  # the simulated market's, per code
        self._steps: dict[str, int] = {}
        self._single_price_last: dict[str, int] = {}  # code -> today's last after-hours match (the dynamic ref)
        self._running = False

    @property
    def active(self) -> bool:
        return self.clock.krx

    @property
    def vi(self) -> set[str]:
        """The codes under VI now."""
        return set(self.board.running)

    def matching(self, code: str = "") -> bool:
        """Continuous trading, and (for a stock) not under VI."""
        return self.clock.phase() is Phase.CONTINUOUS and code not in self.board.running

    # ---- the clock -------------------------------------------------------------------------------------------

    def catch_up(self) -> None:
        """Runs every event between the last moment handled and now, in order."""
        if self._running or not self.active:
            return
        self._running = True
        try:
            while True:
                now = self.clock.now()
                due = [(at, event) for at, event in self._events(self._done.date()) if self._done < at <= now]
                due.sort(key=lambda entry: entry[0])  # stable: the timetable's own order at equal times
                if not due:
                    self._done = max(self._done, now)
                    return
                at, event = due[0]
                self.clock.pin(at)
                try:
                    event()
                finally:
                    self.clock.pin(None)
                self._done = max(self._done, at)
        finally:
            self._running = False

    def restart(self, moment: datetime) -> None:
        """The KRX clock (re)starts at `moment` (switching to it); a later date than the broker's trading day
        keeps that day first, as the day's end would."""
        self.clock.set_time(moment)
        self._done = moment - _EPSILON
        self._forget_auctions()
        self._end_every_vi()
        self.board.new_day()
        self.broker.start_trading_day()
        self.catch_up()

    def fresh_day(self, today: date) -> date:
        """The day a KRX clock (re)started on `today` trades: today, or the next weekday when today has traded
        already (on the continuous clock, or an earlier run): a day's prints never run backwards in time."""
        return next_weekday(today) if self.broker.traded_today() else today

    def stop(self) -> None:
        """Back to the continuous clock: the auctions' collected orders go, the books walk again."""
        self._forget_auctions()
        self._end_every_vi()
        for code in self.broker.market.quotes:
            self.broker.market.rebuild_book(code)

    def move_to(self, target: time) -> None:
        """A later time today runs every phase in between; an earlier one (or 18:10 and later) ends the day and
        starts the next trading day at that time (08:20 for 18:10 and later)."""
        self.catch_up()
        now = self.clock.now()
        moment = datetime.combine(now.date(), target, KST)
        if now < moment and target < DAY_END:
            self.clock.set_time(moment)
            self.catch_up()
            return
        self.clock.set_time(datetime.combine(now.date(), DAY_END, KST))
        self.catch_up()  # the rest of today, then the next day at 08:20
        if target < DAY_END:
            day = self.clock.now().date()
            moment = datetime.combine(day, target, KST)
            self.clock.set_time(moment)
            self._done = min(self._done, moment - _EPSILON)
            self.catch_up()

    def _events(self, day: date) -> list[tuple[datetime, Callable[[], None]]]:
        def at(hour: int, minute: int) -> datetime:
            return datetime.combine(day, time(hour, minute), KST)

        events: list[tuple[datetime, Callable[[], None]]] = [
            (at(8, 30), lambda: self._collect("0")),
            (at(8, 40), lambda: self._end_session("61", "0")),
            (at(9, 0), self._open),
            (at(15, 20), lambda: self._collect("2")),
            (at(15, 30), self._close),
            (at(15, 40), lambda: self._announce("a")),
            (at(16, 0), self._after_hours_single),
        ]
        events += [(at(16 + n // 6, n % 6 * 10), lambda: self._match_all(AFTER_HOURS)) for n in range(1, 12)]
        events.append((at(18, 0), self._last_single_price))
        events.append((at(DAY_END.hour, DAY_END.minute), lambda: self._start_day(next_weekday(day))))
        events += [(vi.release, partial(self._release, code)) for code, vi in self.board.running.items()]
        for code in self.broker.market.quotes:
            plan = self.board.burst(code, day)
            if plan is not None:
                events.append((plan[0], partial(self._burst, code, plan[1], plan[2])))
        return events

    # ---- the events ------------------------------------------------------------------------------------------

    def _collect(self, code215: str) -> None:
        """An auction starts collecting: the orders already resting join it, earliest first."""
        for order in sorted(self.broker.open_orders(), key=lambda o: o.ord_no):
            self._order_seq.setdefault(order.ord_no, next(self._seq))
        self._announce(code215)
        for code in self.broker.market.quotes:
            self._show(code)

    def _open(self) -> None:
        self._match_all(OPENING)
        # market orders do not rest, but for a stock whose opening waits for its VI
        self.broker.expire(
            o for o in self.broker.open_orders() if o.trade_type == "3" and o.code not in self.board.running
        )
        self._announce("3")

    def _close(self) -> None:
        for running in self.board.running.values():
            running.session = CLOSING  # a VI from continuous trading still running: the close waits for it
        self._match_all(CLOSING)
        # regular orders are day orders: they end at 15:30, or with the VI that holds their stock's close
        self.broker.expire(o for o in self.broker.open_orders() if o.code not in self.board.running)
        self._announce("4")
        self._announce("8")

    def _after_hours_single(self) -> None:
        self._end_session("81", "b")
        self._collect("c")

    def _last_single_price(self) -> None:
        self._match_all(AFTER_HOURS)
        self._end_session("62", "d")
        for code in self.broker.market.quotes:
            if code not in self.board.running:
                self.broker.market.rebuild_book(code)
        self._announce("9")

    def _end_session(self, trade_type: str, code215: str) -> None:
        """The session's unfilled orders expire, but for a stock whose match waits for its VI's release."""
        self.broker.expire(
            o for o in self.broker.open_orders() if o.trade_type == trade_type and o.code not in self.board.running
        )
        self._announce(code215)

    def _start_day(self, day: date) -> None:
        self.clock.pin(None)
        moment = datetime.combine(day, NEXT_DAY_START, KST)
        self.clock.set_time(moment)
        self._done = moment - _EPSILON
        self._forget_auctions()
        self._end_every_vi()
        self.board.new_day()
        self._single_price_last.clear()
        self.broker.start_trading_day()  # keeps the day that ended, rebases every price on its close

    def _announce(self, code215: str) -> None:
        now = self.clock.now()
        for listener in self.phase_listeners:
            listener(code215, now)

    def _forget_auctions(self) -> None:
        self._market_orders.clear()
        self._order_seq.clear()

    # ---- orders ----------------------------------------------------------------------------------------------

    def admit(self, side: Side, code: str, trade_type: str, price: int) -> int | None:
        phase = self.clock.phase()
        now = self.clock.now()
        name = TRADE_TYPE_NAMES.get(trade_type, trade_type)
        current = f"지금은 {PHASE_NAMES[phase]} 시간입니다 ({now:%H:%M:%S})"
        quote = self.broker.market.quotes[code]
        if trade_type == "61":
            if phase is Phase.PRE_OPEN and now.time() < PRE_OPEN_CLOSE_PRICE_END:
                return quote.base_price
            raise OrderRejected(f"{name} 주문은 장전 시간외종가 시간(08:30~08:40)에만 받습니다. {current}")
        if trade_type == "81":
            if phase is Phase.AFTER_HOURS_CLOSE_PRICE:
                return quote.price
            raise OrderRejected(f"{name} 주문은 장후 시간외종가 시간(15:40~16:00)에만 받습니다. {current}")
        running = self.board.running.get(code)
        if trade_type == "62":
            if phase is not Phase.AFTER_HOURS_SINGLE and not (running and running.session == AFTER_HOURS):
                raise OrderRejected(f"{name} 주문은 시간외 단일가 시간(16:00~18:00)에만 받습니다. {current}")
            lower, upper = self.single_price_band(code)
            if not lower <= price <= upper:
                raise OrderRejected(
                    f"{name} 주문가격 {won(price)}이(가) 종가 {won(quote.price)}의 ±{SINGLE_PRICE_BAND_PERCENT}% "
                    f"({won(lower)}~{won(upper)})를 벗어났습니다"
                )
            return None
        if trade_type in CONTINUOUS_ONLY:
            if code in self.board.running:
                vi = self.board.running[code]
                raise OrderRejected(
                    f"{name} 주문은 VI 발동({vi.kind}) 중에는 받지 않습니다. 단일가매매로 {vi.release:%H:%M:%S}까지 "
                    f"주문을 모은 뒤 체결합니다 ({now:%H:%M:%S})"
                )
            if phase is Phase.CONTINUOUS:
                return None
            raise OrderRejected(f"{name} 주문은 정규시장 연속매매 시간(09:00~15:20)에만 받습니다. {current}")
        if phase in (Phase.PRE_OPEN, Phase.CONTINUOUS):
            return None
        if running is not None and running.session == CLOSING and trade_type != "5":
            return None  # its closing auction runs on until the VI's release
        if phase is Phase.CLOSING_AUCTION:
            if trade_type == "5":
                raise OrderRejected(f"{name} 주문은 장마감 동시호가(15:20) 전까지만 받습니다. {current}")
            return None
        raise OrderRejected(f"{name} 주문은 정규시장 시간(08:30~15:30)에만 받습니다. {current}")

    def single_price_band(self, code: str) -> tuple[int, int]:
        """The prices 62 may take: ±10 % of today's close, on the tick grid, inside the daily limits."""
        close = self.broker.market.quotes[code].price
        instrument = self.broker.market.listings[code].instrument
        limits = self.broker.market.limits(code)
        lower = round_up_to_tick(-(-close * (100 - SINGLE_PRICE_BAND_PERCENT) // 100), instrument)
        upper = round_down_to_tick(close * (100 + SINGLE_PRICE_BAND_PERCENT) // 100, instrument)
        return max(lower, limits.lower), min(upper, limits.upper)

    def entered(self, order: Order) -> None:
        """An order that waits: its place in the auction's time priority, and the book shows it."""
        self._order_seq[order.ord_no] = next(self._seq)
        if self.clock.phase() in AUCTION_PHASES or order.code in self.board.running:
            self._show(order.code)
            self.broker.auction_shown(order.code)

    # ---- the simulated market outside continuous trading -----------------------------------------------------

    def step(self, code: str) -> None:
        phase = self.clock.phase()
        if phase is Phase.PRE_OPEN and self.clock.now().time() < PRE_OPEN_CLOSE_PRICE_END:
            self._fill_close_price(code, "61")
        elif phase is Phase.AFTER_HOURS_CLOSE_PRICE:
            self._fill_close_price(code, "81")
        if phase in AUCTION_PHASES or code in self.board.running:
            self._add_liquidity(code)
            self._show(code)
            self.broker.auction_shown(code)

    def _fill_close_price(self, code: str, trade_type: str) -> None:
        """The simulated market takes the other side of every 61/81 order, at its price (the close)."""
        for order in self.broker.open_orders():
            if order.code == code and order.trade_type == trade_type:
                self.broker.execute(order, order.limit_price, order.open_qty)

    def _add_liquidity(self, code: str) -> None:
        quote = self.broker.market.quotes[code]
        instrument = self.broker.market.listings[code].instrument
        self._steps[code] = step = self._steps.get(code, 0) + 1
        rng = random.Random(f"{self.broker.market.seed}:{code}:auction:{self.broker.today()}:{step}")
        if self._kind(code) == AFTER_HOURS:
            lower, upper = self.single_price_band(code)
        else:
            limits = self.broker.market.limits(code)
            lower, upper = limits.lower, limits.upper
        lot = max(1, 5_000_000 // quote.price)

        def priced(ticks: int) -> int:
            price = quote.price
            for _ in range(abs(ticks)):
                price = tick_up(price, instrument) if ticks > 0 else tick_down(price, instrument)
            return min(max(price, lower), upper)

        orders = self._market_orders.setdefault(code, [])
        buy_at, sell_at = priced(rng.randint(-LIQUIDITY_TICKS, 2)), priced(rng.randint(-2, LIQUIDITY_TICKS))
        orders.append(AuctionOrder(True, buy_at, max(1, int(lot * rng.uniform(0.2, 1.5))), next(self._seq)))
        orders.append(AuctionOrder(False, sell_at, max(1, int(lot * rng.uniform(0.2, 1.5))), next(self._seq)))

    # ---- VI (vi.py) ------------------------------------------------------------------------------------------

    def halts(self, code: str, price: int, reference: int | None = None, aggressor: int = 0) -> bool:
        """Checks a continuous trade at `price` before it prints: True when it starts a VI instead (the trade does
        not happen). `reference` is the price before the order or burst that trades (the dynamic reference);
        `aggressor` what is left of that order, which joins the VI auction at `price`."""
        if not self.active or self.clock.phase() is not Phase.CONTINUOUS:
            return False
        if code in self.board.running:
            return True
        quote = self.broker.market.quotes[code]
        dynamic_ref = quote.price if reference is None else reference
        static_ref = self.board.static_ref(code, quote.open)
        static = beyond(price, static_ref, STATIC_PERCENT)
        dynamic = beyond(price, dynamic_ref, dynamic_percent(self.broker.market.listings[code]))
        if not (static or dynamic):
            return False
        self._trigger(code, static, dynamic, price, dynamic_ref, aggressor)
        return True

    def force_vi(self, code: str, kind: str) -> Interruption:
        """POST /sandbox/vi: a VI at the current price, with the normal auction."""
        quote = self.broker.market.quotes[code]
        self._trigger(code, kind == "static", kind == "dynamic", quote.price, quote.price, 0)
        return self.board.running[code]

    def _trigger(self, code: str, static: bool, dynamic: bool, price: int, dynamic_ref: int, aggressor: int) -> None:
        """The stock's continuous trading turns into a single-price auction: the continuous book's levels (and
        what is left of the order that hit the band) are its first orders, the resting orders join by time."""
        quote = self.broker.market.quotes[code]
        static_ref = self.board.static_ref(code, quote.open)
        book = self.broker.market.book(code)
        orders = self._market_orders[code] = []
        for buy, levels in ((False, book.asks), (True, book.bids)):
            orders += [AuctionOrder(buy, level.price, level.quantity, next(self._seq)) for level in levels]
        if aggressor:
            orders.append(AuctionOrder(price >= dynamic_ref, price, aggressor, next(self._seq)))
        for order in sorted(self.broker.open_orders(), key=lambda o: o.ord_no):
            if order.code == code:
                self._order_seq.setdefault(order.ord_no, next(self._seq))
        self._started(self.board.start(code, static, dynamic, price, (static_ref, dynamic_ref), self.clock.now()))

    def _auction_halts(self, code: str, kind: str) -> bool:
        """An auction about to match at a price that reaches a VI band (krx-rules.md §8: static in the opening and
        closing auctions, dynamic in the closing one and after hours) does not match: the stock's call runs on as
        a VI, with the orders it has, and matches at the release."""
        quote = self.broker.market.quotes[code]
        if code in self.board.running:
            return True
        entries, _ = self._entries(code, kind)
        result = clearing_price(entries, quote.price)
        if result is None:
            return False
        price = result[0]
        static_ref = quote.base_price if kind == OPENING else self.board.static_ref(code, quote.open)
        dynamic_ref = self._single_price_last.get(code, quote.price) if kind == AFTER_HOURS else quote.price
        static = kind != AFTER_HOURS and beyond(price, static_ref, STATIC_PERCENT)
        dynamic = kind != OPENING and beyond(
            price, dynamic_ref, dynamic_percent(self.broker.market.listings[code], kind)
        )
        if not (static or dynamic):
            return False
        now = self.clock.now()
        self._started(self.board.start(code, static, dynamic, price, (static_ref, dynamic_ref), now, kind))
        return True

    def _started(self, vi: Interruption) -> None:
        self._show(vi.code)
        self.broker.auction_shown(vi.code)
        for listener in self.vi_listeners:
            listener(vi, False)

    def _release(self, code: str) -> None:
        """The VI auction matches and continuous trading resumes; its price is the new static reference. A VI
        from continuous trading still running when the closing auction starts hands its orders to that auction;
        one that holds an opening, closing or after-hours match runs that match now, and the orders that match
        would have ended go."""
        running = self.board.running.get(code)
        if running is None:
            return
        session, phase = running.session, self.clock.phase()
        if session != VI_AUCTION or phase is Phase.CONTINUOUS:
            matched = self._match(code, session)
            if matched is not None and session in (VI_AUCTION, OPENING):
                self.board.static_refs[code] = matched
        vi = self.board.end(code, self.clock.now())
        for listener in self.vi_listeners:
            listener(vi, True)
        self.broker.expire(o for o in self.broker.open_orders() if o.code == code and self._ends(o, session, phase))
        if session == AFTER_HOURS and phase is not Phase.AFTER_HOURS_SINGLE:
            self.broker.market.rebuild_book(code)

    @staticmethod
    def _ends(order: Order, session: str, phase: Phase) -> bool:
        """Whether an order of a stock whose VI just ended ends with it: every order with a closing call's close
        (the day is over for it), a market order's remainder after an auction that reopens continuous trading (it
        does not rest, as at the open), a 62 after the day's last after-hours match; the rest wait on."""
        if session == CLOSING:
            return True
        if session == OPENING or (session == VI_AUCTION and phase is Phase.CONTINUOUS):
            return order.trade_type == "3"
        return session == AFTER_HOURS and phase is not Phase.AFTER_HOURS_SINGLE and order.trade_type == "62"

    def _end_every_vi(self) -> None:
        for code in list(self.board.running):
            vi = self.board.end(code, self.clock.now())
            for listener in self.vi_listeners:
                listener(vi, True)

    def _burst(self, code: str, size: float, up: bool) -> None:
        """The simulated market's burst of the day: one large order sweeps the book tick by tick toward the
        stock's dynamic band (`size` of it); a tick that reaches a band starts a VI instead of printing."""
        if not self.matching(code):
            return
        quote = self.broker.market.quotes[code]
        instrument = self.broker.market.listings[code].instrument
        limits = self.broker.market.limits(code)
        reference = price = quote.price
        move = size * dynamic_percent(self.broker.market.listings[code]) / 100 * reference
        aggressor = max(1, 50_000_000 // reference)
        while abs(price - reference) < move:
            following = tick_up(price, instrument) if up else tick_down(price, instrument)
            if not limits.contains(following):
                break
            if self.halts(code, following, reference, aggressor):
                return
            price = following
        if price != reference:
            self.broker.market.set_price(code, price)
            self.broker.market.quotes[code].volume += aggressor
            self.broker.on_trade(code)

    # ---- auctions --------------------------------------------------------------------------------------------

    def _entries(self, code: str, kind: str) -> tuple[list[AuctionOrder], dict[int, Order]]:
        """The auction's orders: the account's (price 0 for a market order, and for 5 at the close) and the
        simulated market's; with the account's orders by seq."""
        owners: dict[int, Order] = {}
        entries: list[AuctionOrder] = []
        types = frozenset({"62"}) if kind == AFTER_HOURS else REGULAR_TYPES
        for order in self.broker.open_orders():
            if order.code != code or not self._joins(order, kind, types):
                continue
            seq = self._order_seq.setdefault(order.ord_no, next(self._seq))
            price = 0 if kind == CLOSING and order.trade_type == "5" else order.limit_price
            entries.append(AuctionOrder(order.side is Side.BUY, price, order.open_qty, seq))
            owners[seq] = order
        return entries + self._market_orders.get(code, []), owners

    @staticmethod
    def _joins(order: Order, kind: str, types: frozenset[str]) -> bool:
        """A VI auction and the closing auction take every resting regular order (a 최유리/최우선, 중간가 or
        triggered stop-limit one at the limit it rests at); the opening auction takes what the pre-open takes."""
        if kind in (VI_AUCTION, CLOSING):
            return order.trade_type not in SESSION_TYPES and order.triggered
        return order.trade_type in types

    def _kind(self, code: str) -> str | None:
        running = self.board.running.get(code)
        if running is not None and (running.session != VI_AUCTION or self.clock.phase() is Phase.CONTINUOUS):
            return running.session
        return {Phase.PRE_OPEN: OPENING, Phase.CLOSING_AUCTION: CLOSING, Phase.AFTER_HOURS_SINGLE: AFTER_HOURS}.get(
            self.clock.phase()
        )

    def expected(self, code: str) -> tuple[int, int] | None:
        kind = self._kind(code)
        if kind is None:
            return None
        entries, _ = self._entries(code, kind)
        return clearing_price(entries, self.broker.market.quotes[code].price)

    def _show(self, code: str) -> None:
        """The book shows the collected limit orders, ten levels a side (a crossed book until the match)."""
        kind = self._kind(code)
        if kind is None:
            return
        entries, _ = self._entries(code, kind)
        asks: dict[int, int] = {}
        bids: dict[int, int] = {}
        for entry in entries:
            if entry.price:
                levels = bids if entry.buy else asks
                levels[entry.price] = levels.get(entry.price, 0) + entry.quantity
        book = Book(
            asks=[Level(price, asks[price]) for price in sorted(asks)[:BOOK_LEVELS]],
            bids=[Level(price, bids[price]) for price in sorted(bids, reverse=True)[:BOOK_LEVELS]],
        )
        self.broker.market.show_book(code, book)

    def _match_all(self, kind: str) -> None:
        """Each stock's auction matches, but one whose price would reach a VI band runs on as a VI."""
        for code in self.broker.market.quotes:
            if not self._auction_halts(code, kind):
                self._match(code, kind)

    def _match(self, code: str, kind: str) -> int | None:
        """Runs the auction of `code`; the price it matched at, if any."""
        quote = self.broker.market.quotes[code]
        entries, owners = self._entries(code, kind)
        result = clearing_price(entries, quote.price)
        self._market_orders[code] = []
        if result is None:
            self._book_after(code, kind)
            return None
        price, volume = result
        own = 0
        for seq, quantity in allocate(entries, price, volume).items():
            if seq in owners:
                self.broker.execute(owners[seq], price, quantity, moves_price=kind != AFTER_HOURS)
                own += quantity
        rest = max(volume - own, 0)  # the simulated market's own trades with itself
        if kind == AFTER_HOURS:
            quote.volume += rest  # after-hours trades leave the close as the price
            self._single_price_last[code] = price
        else:
            quote.trade(price, rest)
        if kind == OPENING:
            quote.open = quote.high = quote.low = price
        self._book_after(code, kind)
        self.broker.auction_traded(code)
        return price

    def _book_after(self, code: str, kind: str) -> None:
        """The book once an auction has matched: after hours the next round collects afresh; after the close
        nothing trades continuously until the next day, so no continuous levels stand (81 fills at the close);
        else continuous trading resumes around the price."""
        if kind == AFTER_HOURS:
            self._show(code)
        elif kind == CLOSING:
            self.broker.market.show_book(code, Book(asks=[], bids=[]))
        else:
            self.broker.market.rebuild_book(code)
