"""The Sandbox's broker and matching engine for its one account.

KRX semantics, simplified where the README says so:
- On the continuous clock the market is always in its continuous session (the Sandbox is for practice at any
  hour); the session-only types 61, 62 and 81 are refused. On the KRX clock a `SessionRules` (krx_day.KrxDay)
  decides which types each phase takes and runs the auctions; outside continuous trading nothing matches at entry.
- A marketable order fills at once against the book, level by level, at the book's prices (partial fills when
  the book is thin). What is left of a limit order rests; what is left of a market, IOC or FOK order is
  cancelled (a FOK order that cannot fill whole is cancelled whole).
- A resting limit fills at its own price when the market trades at or through it, up to the quantity that traded.
- A stop-limit (28) waits until the market reaches its stop price, then acts as a limit order.
- Modify and cancel create new order numbers; modify moves quantity from the original to the new order, cancel
  takes it off; both report the root of the chain.
- Buys hold cash at their limit (market orders: at the upper limit) plus commission; sells hold shares. No short
  selling, no buying beyond orderable cash.
- Credit orders (kt10006-kt10009) follow the rules of `credit.py`: a credit buy holds and pays only its margin and
  commission and fills into a lot per loan date; a credit sell sells lots and repays their loan and interest.
  Cash and credit are kept apart: a cash sell cannot sell a lot, a credit sell cannot sell cash shares, and a
  credit order is modified and cancelled only as a credit order.

Every check runs before any state changes, so a rejection leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from ..trading.ticks import Instrument, is_on_tick, round_down_to_tick, round_up_to_tick, tick_size
from . import credit, fees
from .history import Tape
from .market import DayBar, Level, Market
from .state import NO_ORDER, Account, CreditLot, Fill, Holding, Kind, Order, Side
from .store import Store

PRICED_TYPES = frozenset({"0", "5", "10", "20", "28", "62"})  # 62 only on the KRX clock
MARKET_TYPES = frozenset({"3", "13", "23"})
BEST_LIMIT_TYPES = frozenset({"6", "16", "26"})  # 최유리: the best opposite quote
PRIORITY_TYPES = frozenset({"7"})  # 최우선: the best same-side quote
MID_TYPES = frozenset({"29", "30", "31"})
SESSION_TYPES = frozenset({"61", "62", "81"})
IOC_TYPES = frozenset({"10", "13", "16", "30"})
FOK_TYPES = frozenset({"20", "23", "26", "31"})
STOP_LIMIT = "28"
TRADE_TYPE_NAMES = {
    "0": "보통",
    "3": "시장가",
    "5": "조건부지정가",
    "6": "최유리지정가",
    "7": "최우선지정가",
    "10": "보통(IOC)",
    "13": "시장가(IOC)",
    "16": "최유리(IOC)",
    "20": "보통(FOK)",
    "23": "시장가(FOK)",
    "26": "최유리(FOK)",
    "28": "스톱지정가",
    "29": "중간가",
    "30": "중간가(IOC)",
    "31": "중간가(FOK)",
    "61": "장시작전시간외",
    "62": "시간외단일가",
    "81": "장마감후시간외",
}


class BrokerListener(Protocol):
    """Who wants to hear what happened (the WebSocket hub): called on the exchange's loop, must not block."""

    def order_changed(self, order: Order, fill: Fill | None) -> None: ...

    def holding_changed(self, code: str, loan_date: str = "") -> None:
        """A cash holding (loan_date "") or the credit lot of that loan date changed."""

    def market_moved(self, code: str) -> None: ...


class OrderRejected(Exception):
    """The exchange will not take the order; the message is what the trader reads."""


class SessionRules(Protocol):
    """The KRX day (krx_day.KrxDay): which orders each phase takes and what the market does outside continuous
    trading. Consulted only while `active` (the KRX clock); the continuous clock never reaches it."""

    @property
    def active(self) -> bool: ...

    def catch_up(self) -> None: ...

    def matching(self, code: str = "") -> bool:
        """Orders match at entry and the market walks (continuous trading, and for `code`: not under VI)."""
        ...

    def halts(self, code: str, price: int, reference: int | None = None, aggressor: int = 0) -> bool:
        """A continuous trade of `code` at `price` would reach a VI band: the VI starts and the trade does not
        happen (True). `reference`: the price before the order that trades."""
        ...

    def admit(self, side: Side, code: str, trade_type: str, price: int) -> int | None:
        """Raises OrderRejected where the phase does not take the order; the price a 61/81 order trades at."""
        ...

    def entered(self, order: Order) -> None: ...

    def step(self, code: str) -> None: ...

    def expected(self, code: str) -> tuple[int, int] | None:
        """The running auction's expected price and quantity; None outside an auction or with nothing to match."""
        ...


@dataclass(frozen=True)
class Amendment:
    """What a modify or cancel created: the new order and the root of its chain."""

    order: Order
    root_ord_no: str


def won(amount: int) -> str:
    return f"{amount:,}원"


class Broker:
    def __init__(
        self,
        store: Store,
        market: Market,
        account: Account,
        orders: Iterable[Order],
        fills: Iterable[Fill],
        holdings: Iterable[Holding],
        clock: Callable[[], datetime],
        days: Iterable[DayBar] = (),
        lots: Iterable[CreditLot] = (),
    ) -> None:
        self.store = store
        self.market = market
        self.account = account
        self.orders: dict[str, Order] = {order.ord_no: order for order in orders}
        self.fills: list[Fill] = list(fills)
        self.tape = Tape()  # today's minutes, for ka10080
        self.days: dict[str, list[DayBar]] = {}  # code -> the days it traded here, oldest first (ka10081)
        for bar in days:
            self.days.setdefault(bar.code, []).append(bar)
        self._printed = {code: quote.volume for code, quote in market.quotes.items()}  # volume already on the tape
        self.last_prints: dict[str, tuple[int, int]] = {}  # code -> (signed size, price) of its last print
        self.holdings: dict[str, Holding] = {holding.code: holding for holding in holdings}  # cash shares
        self.lots: dict[str, CreditLot] = {lot.key: lot for lot in lots}  # credit shares, by code:loan_date
        self.clock = clock
        self.listeners: list[BrokerListener] = []
        self.session: SessionRules | None = None  # the KRX day, when the Sandbox runs on the KRX clock

    # ---- queries -------------------------------------------------------------------------------------------

    def today(self) -> str:
        return self.clock().strftime("%Y%m%d")

    def traded_today(self) -> bool:
        """Whether any stock has printed on the current trading day."""
        return any(quote.volume for quote in self.market.quotes.values())

    def open_orders(self) -> list[Order]:
        return [order for order in self.orders.values() if order.open_qty > 0]

    def reserved_cash(self) -> int:
        return sum(self._reserve(order, order.reserve_price, order.open_qty) for order in self.open_orders())

    def _reserve(self, order: Order, price: int, quantity: int) -> int:
        """The cash a buy holds: the whole amount, or for a credit buy its margin; commission in both."""
        if order.side is Side.SELL:
            return 0
        if order.credit:
            return credit.buy_reserve(price, quantity, self._credit_rate(order.code))
        return fees.buy_cost(price, quantity)

    def _credit_rate(self, code: str) -> int:
        listing = self.market.listings[code]
        if listing.credit_rate is None:
            raise OrderRejected(
                f"{listing.name}({code})은(는) 신용융자 가능종목이 아닙니다. 현금으로만 주문할 수 있습니다"
            )
        return listing.credit_rate

    def orderable_cash(self) -> int:
        return self.account.cash - self.reserved_cash()

    def sellable(self, code: str) -> int:
        held = self.holdings[code].quantity if code in self.holdings else 0
        selling = sum(
            order.open_qty
            for order in self.open_orders()
            if order.side is Side.SELL and order.code == code and not order.credit
        )
        return held - selling

    def lots_of(self, code: str) -> list[CreditLot]:
        """The stock's credit lots, oldest loan first."""
        return sorted((lot for lot in self.lots.values() if lot.code == code), key=lambda lot: lot.loan_date)

    def loan_total(self) -> int:
        return sum(lot.loan for lot in self.lots.values())

    def _credit_selling(self, code: str, loan_date: str | None, excluding: str = "") -> int:
        """Open credit-sell quantity of the stock: of "33" orders on one lot, or of every credit sell (None)."""
        return sum(
            order.open_qty
            for order in self.open_orders()
            if order.side is Side.SELL
            and order.credit
            and order.code == code
            and order.ord_no != excluding
            and (loan_date is None or (order.crd_deal_tp == "33" and order.loan_date == loan_date))
        )

    def credit_sellable(self, code: str, loan_date: str = "") -> int:
        """Shares a credit sell may still sell: of the lot of `loan_date`, or ("") of all the stock's lots."""
        total = sum(lot.quantity for lot in self.lots_of(code)) - self._credit_selling(code, None)
        if not loan_date:
            return total
        lot = self.lots.get(f"{code}:{loan_date}")
        in_lot = lot.quantity - self._credit_selling(code, loan_date) if lot else 0
        return min(in_lot, total)

    # ---- the trading day -----------------------------------------------------------------------------------

    def roll_day(self) -> None:
        """On the first request of a new KST day: yesterday's open orders expire and prices rebase. On the KRX
        clock the day first runs every event it has reached (phase changes, auctions, the next day)."""
        if self._krx():
            assert self.session is not None
            self.session.catch_up()
        self.start_trading_day()

    def start_trading_day(self) -> None:
        today = self.today()
        if self.account.trading_date >= today:  # the same day, or (never meant to happen) an earlier one: the
            return  # kept days are not rewritten
        with self.store.transaction():
            for order in self.open_orders():
                order.cancelled_qty += order.open_qty
                self.store.save(order)
            if self.account.trading_date:  # not on the very first start
                for code in self.market.quotes:
                    self._keep_day(code, self.account.trading_date)
                    self.market.new_day(code)
                    self._printed[code] = 0
                    self.store.save(self.market.quotes[code])
            positions: list[Holding | CreditLot] = [*self.holdings.values(), *self.lots.values()]
            for position in positions:
                position.today_buy_qty = position.today_sell_qty = 0
                self.store.save(position)
            self.account.trading_date = today
            self.store.save(self.account)

    # ---- orders --------------------------------------------------------------------------------------------

    def place(
        self,
        side: Side,
        code: str,
        quantity: int,
        trade_type: str,
        price: int,
        stop_price: int,
        venue: str,
        *,
        on_credit: bool = False,
        crd_deal_tp: str = "",
        loan_date: str = "",
    ) -> Order:
        """A new order; `on_credit` makes it a credit buy (kt10006) or a credit sell (kt10007) of `crd_deal_tp`
        "33" (the lot of `loan_date`) or "99" (all lots)."""
        instrument = self.market.listings[code].instrument
        if on_credit and side is Side.BUY:
            self._credit_rate(code)
        self._check_venue(venue)
        if quantity <= 0:
            raise OrderRejected("주문수량은 1주 이상이어야 합니다")
        session_price: int | None = None
        if self.session is not None and self.session.active:
            session_price = self.session.admit(side, code, trade_type, price)
        elif trade_type in SESSION_TYPES:
            raise OrderRejected(
                f"{TRADE_TYPE_NAMES[trade_type]} 주문은 받을 수 없습니다. 연습 거래소는 정규시장(연속매매)만 운영합니다"
            )
        if trade_type in PRICED_TYPES:
            if price <= 0:
                raise OrderRejected(f"{TRADE_TYPE_NAMES[trade_type]} 주문은 주문단가를 입력해야 합니다")
            self._check_price(code, price, "주문단가")
        elif price != 0:
            raise OrderRejected(f"{TRADE_TYPE_NAMES[trade_type]} 주문은 주문단가를 비워야 합니다 (입력값 {won(price)})")
        if trade_type == STOP_LIMIT:
            if stop_price <= 0:
                raise OrderRejected("스톱지정가 주문은 조건단가(스톱가격)를 입력해야 합니다")
            self._check_price(code, stop_price, "조건단가")
        elif stop_price != 0:
            raise OrderRejected(f"조건단가는 스톱지정가(28) 주문에만 쓸 수 있습니다 (매매구분 {trade_type})")

        limit = session_price or self._effective_limit(code, side, trade_type, price, instrument)
        reserve = limit or self.market.limits(code).upper
        if side is Side.BUY and on_credit:
            self._check_cash(credit.buy_reserve(reserve, quantity, self._credit_rate(code)), what="신용매수 보증금")
            loan_date = self.today()
        elif side is Side.BUY:
            self._check_cash(fees.buy_cost(reserve, quantity))
        elif on_credit:
            self._check_lot(code, quantity, crd_deal_tp, loan_date)
            loan_date = loan_date if crd_deal_tp == "33" else ""
        else:
            self._check_shares(code, quantity)

        order = self._new_order(
            code=code,
            side=side,
            kind=Kind.NEW,
            trade_type=trade_type,
            venue=venue,
            order_price=price if trade_type in PRICED_TYPES else 0,
            limit_price=limit,
            stop_price=stop_price,
            quantity=quantity,
            reserve_price=reserve,
            triggered=trade_type != STOP_LIMIT or self._stop_reached(side, code, stop_price),
            credit=on_credit,
            crd_deal_tp=crd_deal_tp if on_credit and side is Side.SELL else "",
            loan_date=loan_date,
        )
        with self.store.transaction():
            self._accept(order)
            self._announce(order)  # 접수 first, then each fill as it happens
            self._enter(order)
        if order.cancelled_qty:  # an IOC/FOK/market remainder that did not fill is gone
            self._announce(order)
        return order

    def modify(
        self,
        orig_ord_no: str,
        code: str,
        quantity: int,
        price: int,
        stop_price: int,
        venue: str,
        *,
        on_credit: bool = False,
    ) -> Amendment:
        original = self._amendable(orig_ord_no, code, venue, "정정", on_credit)
        quantity = self._amend_quantity(original, quantity, "정정")
        if price <= 0:
            raise OrderRejected("정정단가를 입력해야 합니다")
        self._check_price(code, price, "정정단가")
        if self.session is not None and self.session.active:
            if original.trade_type in ("61", "81"):  # they trade at the close, there is no price to change
                raise OrderRejected(f"{TRADE_TYPE_NAMES[original.trade_type]} 주문은 가격을 정정할 수 없습니다")
            new_type = original.trade_type if original.trade_type in PRICED_TYPES else "0"
            self.session.admit(original.side, code, new_type, price)
        if stop_price:
            if original.trade_type != STOP_LIMIT:
                raise OrderRejected("정정조건단가는 스톱지정가 주문에만 쓸 수 있습니다")
            self._check_price(code, stop_price, "정정조건단가")
        if original.side is Side.BUY:
            extra = self._reserve(original, price, quantity) - self._reserve(original, original.reserve_price, quantity)
            self._check_cash(extra, what="정정")

        order = self._new_order(
            code=code,
            side=original.side,
            kind=Kind.MODIFY,
            trade_type=original.trade_type if original.trade_type in PRICED_TYPES else "0",
            venue=venue,
            order_price=price,
            limit_price=price,
            stop_price=stop_price or original.stop_price,
            quantity=quantity,
            reserve_price=price,
            orig_ord_no=original.ord_no,
            root_ord_no=original.root_ord_no,
            triggered=original.triggered or self._stop_reached(original.side, code, stop_price or original.stop_price),
            credit=original.credit,
            crd_deal_tp=original.crd_deal_tp,
            loan_date=original.loan_date,
        )
        with self.store.transaction():
            original.modified_qty += quantity
            self.store.save(original)
            self._accept(order)
            self._announce(original)
            self._announce(order)
            self._enter(order)
        return Amendment(order, original.root_ord_no)

    def cancel(self, orig_ord_no: str, code: str, quantity: int, venue: str, *, on_credit: bool = False) -> Amendment:
        original = self._amendable(orig_ord_no, code, venue, "취소", on_credit)
        quantity = self._amend_quantity(original, quantity, "취소")
        order = self._new_order(
            code=code,
            side=original.side,
            kind=Kind.CANCEL,
            trade_type=original.trade_type,
            venue=venue,
            order_price=0,
            limit_price=0,
            stop_price=0,
            quantity=quantity,
            reserve_price=0,
            orig_ord_no=original.ord_no,
            root_ord_no=original.root_ord_no,
            credit=original.credit,
            crd_deal_tp=original.crd_deal_tp,
            loan_date=original.loan_date,
        )
        with self.store.transaction():
            original.cancelled_qty += quantity
            self.store.save(original)
            self._accept(order)
        self._announce(order)
        self._announce(original)
        return Amendment(order, original.root_ord_no)

    def reject(self, ord_no: str, reason: str) -> None:
        """The exchange refuses an order it had accepted (a fault for tests): the rest is cancelled as 거부."""
        order = self.orders[ord_no]
        with self.store.transaction():
            order.reject_reason = reason
            order.cancelled_qty += order.open_qty
            self.store.save(order)
        self._announce(order)

    # ---- the market moves ----------------------------------------------------------------------------------

    def step_market(self, codes: Iterable[str] | None = None) -> None:
        session = self.session if self.session is not None and self.session.active else None
        for code in list(codes if codes is not None else self.market.quotes):
            if session is not None and not session.matching(code):  # the orders gather for an auction instead
                session.step(code)
                continue
            if self.market.step(code, session.halts if session is not None else None):
                self.on_trade(code)

    def set_price(self, code: str, price: int, depth: int | None = None) -> None:
        """The market trades at `price` (a test control); on the KRX clock through the VI check like any trade."""
        if self._krx():
            assert self.session is not None
            if self.session.halts(code, price):  # also True while the stock is under VI: nothing prints
                return
        self.market.set_price(code, price, depth)
        self.on_trade(code)

    def on_trade(self, code: str) -> None:
        """The market traded at its current price: trigger stops and fill resting orders, in time priority.
        Listeners hear of the move once the fills it caused are done, so that they see where it ended."""
        with self.store.transaction():
            self.store.save(self.market.quotes[code])
            for order in sorted(self.open_orders(), key=lambda o: o.ord_no):
                if order.code != code:
                    continue
                if not order.triggered:
                    if not self._stop_reached(order.side, code, order.stop_price):
                        continue
                    order.triggered = True
                    self.store.save(order)
                self._match_resting(order)
        self._print(code)
        self._market_moved(code)

    # ---- what the KRX day does to the account ----------------------------------------------------------------

    def execute(self, order: Order, price: int, quantity: int, moves_price: bool = True) -> None:
        """A fill outside continuous matching (an auction, a closing-price trade); `moves_price` False for
        after-hours single-price trades, which leave the day's close as the price."""
        with self.store.transaction():
            self._execute(order, price, quantity, moves_price)

    def expire(self, orders: Iterable[Order]) -> None:
        """What is left of `orders` expires (a session ended)."""
        expired = [order for order in orders if order.open_qty > 0]
        with self.store.transaction():
            for order in expired:
                order.cancelled_qty += order.open_qty
                self.store.save(order)
        for order in expired:
            self._announce(order)

    def expected_auction(self, code: str) -> tuple[int, int] | None:
        return self.session.expected(code) if self.session is not None and self.session.active else None

    def auction_shown(self, code: str) -> None:
        """The auction's book or expected price changed: 0D hears of it."""
        self._market_moved(code)

    def auction_traded(self, code: str) -> None:
        """An auction matched: the quote is kept, the trades go on the tape and 0B/0D hear of it."""
        with self.store.transaction():
            self.store.save(self.market.quotes[code])
        self._print(code)
        self._market_moved(code)

    def reset_account(self) -> None:
        """The account as new: initial cash, no positions (cash or credit), no orders, no fills; the market keeps
        going."""
        held = [(code, "") for code in self.holdings] + [(lot.code, lot.loan_date) for lot in self.lots.values()]
        with self.store.transaction():
            self.store.clear_account_records()
            self.account.cash = self.account.initial_cash
            self.account.realized_pl = 0
            self.store.save(self.account)
        self.orders, self.fills, self.holdings, self.lots = {}, [], {}, {}
        for code, loan_date in held:
            for listener in self.listeners:
                listener.holding_changed(code, loan_date)

    # ---- internals -----------------------------------------------------------------------------------------

    def _krx(self) -> bool:
        return self.session is not None and self.session.active

    def _enter(self, order: Order) -> None:
        """A new or modified order meets the market: at once in continuous trading, else it waits for its
        session's match (the KRX day)."""
        if self.session is not None and self.session.active and not self.session.matching(order.code):
            self.session.entered(order)
        elif order.triggered:
            self._match_at_entry(order)

    def _new_order(self, **fields: Any) -> Order:
        """An order stamped with the next number and the current KST time; a new order is its own root."""
        now = self.clock()
        ord_no = self._next_order_no()
        fields.setdefault("root_ord_no", ord_no)
        return Order(ord_no=ord_no, trade_date=now.strftime("%Y%m%d"), time=now.strftime("%H%M%S"), **fields)

    @staticmethod
    def _amend_quantity(original: Order, quantity: int, action: str) -> int:
        """The quantity a modify or cancel acts on: 0 means the whole open remainder."""
        quantity = quantity or original.open_qty
        if quantity > original.open_qty:
            raise OrderRejected(
                f"{action}수량({quantity:,}주)이 {action}가능수량({original.open_qty:,}주)을 초과합니다"
            )
        return quantity

    def _keep_day(self, code: str, day: str) -> None:
        """The day that just ended, as traded: the charts show it from now on instead of a synthesised one."""
        quote = self.market.quotes[code]
        bar = DayBar(
            f"{code}:{day}", code, day, quote.base_price, quote.open, quote.high, quote.low, quote.price, quote.volume
        )
        self.days.setdefault(code, []).append(bar)
        self.store.save(bar)

    def _print(self, code: str) -> None:
        """The trades since the last print go on the tape at the current price and time, and are the last print
        0B reports (FID 15): its size, + when the price ticked up or held from the print before (the buyer took
        the offer), - when it ticked down (the tick rule: the Sandbox does not keep who was the aggressor)."""
        quote = self.market.quotes[code]
        traded = max(quote.volume - self._printed.get(code, 0), 0)
        self._printed[code] = quote.volume
        if traded:
            before = self.last_prints.get(code, (0, quote.base_price))[1]
            self.last_prints[code] = (traded if quote.price >= before else -traded, quote.price)
        self.tape.trade(code, self.clock(), quote.price, traded)

    def _market_moved(self, code: str) -> None:
        for listener in self.listeners:
            listener.market_moved(code)

    def _announce(self, order: Order, fill: Fill | None = None) -> None:
        for listener in self.listeners:
            listener.order_changed(order, fill)

    def _accept(self, order: Order) -> None:
        self.orders[order.ord_no] = order
        self.store.save(order, self.account)

    def _next_order_no(self) -> str:
        number = self.account.next_order_no
        self.account.next_order_no += 1
        return f"{number:07d}"

    def _check_venue(self, venue: str) -> None:
        if venue != "KRX":
            raise OrderRejected(f"연습 거래소는 KRX 주문만 받습니다 ({venue} 불가). 모의투자와 같이 KRX만 지원합니다")

    def _check_price(self, code: str, price: int, label: str) -> None:
        instrument = self.market.listings[code].instrument
        if not is_on_tick(price, instrument):
            below, above = round_down_to_tick(price, instrument), round_up_to_tick(price, instrument)
            raise OrderRejected(
                f"{label} {won(price)}이(가) 호가단위({won(tick_size(price, instrument))})에 맞지 "
                f"않습니다. 가까운 가격: {won(below)} 또는 {won(above)}"
            )
        limits = self.market.limits(code)
        if not limits.contains(price):
            raise OrderRejected(
                f"{label} {won(price)}이(가) 가격제한폭을 벗어났습니다 "
                f"(상한가 {won(limits.upper)}, 하한가 {won(limits.lower)})"
            )

    def _check_cash(self, needed: int, what: str = "매수") -> None:
        orderable = self.orderable_cash()
        if needed > orderable:
            raise OrderRejected(
                f"주문가능금액이 부족합니다. {what}에 필요한 금액 {won(needed)}, 주문가능금액 {won(orderable)}"
            )

    def _check_lot(self, code: str, quantity: int, crd_deal_tp: str, loan_date: str) -> None:
        if crd_deal_tp == "33" and f"{code}:{loan_date}" not in self.lots:
            raise OrderRejected(f"대출일 {loan_date}의 신용융자 잔고가 없습니다 (종목 {code})")
        sellable = self.credit_sellable(code, loan_date if crd_deal_tp == "33" else "")
        if quantity > sellable:
            which = f"대출일 {loan_date} 융자" if crd_deal_tp == "33" else "융자합"
            raise OrderRejected(
                f"신용 매도가능수량이 부족합니다. 주문수량 {quantity:,}주, {which} 매도가능수량 {sellable:,}주"
            )

    def _check_shares(self, code: str, quantity: int) -> None:
        sellable = self.sellable(code)
        if quantity > sellable:
            raise OrderRejected(
                f"매도가능수량이 부족합니다. 주문수량 {quantity:,}주, 매도가능수량 {sellable:,}주 "
                "(공매도는 할 수 없습니다)"
            )

    def _amendable(self, orig_ord_no: str, code: str, venue: str, action: str, on_credit: bool) -> Order:
        original = self.orders.get(orig_ord_no)
        if original is None or original.trade_date != self.today():
            raise OrderRejected(f"원주문번호 {orig_ord_no}에 해당하는 오늘 주문이 없습니다")
        if original.credit != on_credit:
            kind, service = ("신용", "신용 정정·취소주문") if original.credit else ("현금", "주식 정정·취소주문")
            raise OrderRejected(f"원주문 {orig_ord_no}은(는) {kind}주문입니다. {service}으로 {action}하세요")
        if original.kind is Kind.CANCEL:
            raise OrderRejected(f"취소주문({orig_ord_no})은 {action}할 수 없습니다")
        if original.code != code:
            raise OrderRejected(f"종목코드 {code}이(가) 원주문의 종목코드 {original.code}와 다릅니다")
        if venue != original.venue:
            raise OrderRejected(f"거래소구분 {venue}이(가) 원주문의 거래소 {original.venue}와 다릅니다")
        if original.open_qty == 0:
            raise OrderRejected(
                f"{action}가능수량이 없습니다. 원주문 {orig_ord_no}은(는) 이미 {original.status.value}되었습니다"
            )
        return original

    def _effective_limit(self, code: str, side: Side, trade_type: str, price: int, instrument: Instrument) -> int:
        """The price an order may trade at; 0 means "any" (a market order)."""
        if trade_type in PRICED_TYPES:
            return price
        if trade_type in MARKET_TYPES:
            return 0
        book = self.market.book(code)
        best_ask = book.asks[0].price if book.asks else 0
        best_bid = book.bids[0].price if book.bids else 0
        if trade_type in BEST_LIMIT_TYPES:
            quote = best_ask if side is Side.BUY else best_bid
        elif trade_type in PRIORITY_TYPES:
            quote = best_bid if side is Side.BUY else best_ask
        elif trade_type in MID_TYPES:  # between the best quotes, off the grid when the spread is one tick
            if not (best_ask and best_bid):
                raise OrderRejected("매도·매수 호가가 모두 있어야 중간가 주문을 낼 수 있습니다")
            total = best_ask + best_bid
            quote = total // 2 if side is Side.BUY else -(-total // 2)
        else:
            raise OrderRejected(f"매매구분 {trade_type}은(는) 이 경로로 주문할 수 없습니다")
        if not quote:
            raise OrderRejected(f"{TRADE_TYPE_NAMES[trade_type]} 주문의 기준이 되는 호가가 없습니다")
        return quote

    def _stop_reached(self, side: Side, code: str, stop_price: int) -> bool:
        price = self.market.quotes[code].price
        return price >= stop_price if side is Side.BUY else price <= stop_price

    def _crossing_levels(self, order: Order) -> list[Level]:
        book = self.market.book(order.code)
        if order.side is Side.BUY:
            return [level for level in book.asks if not order.limit_price or level.price <= order.limit_price]
        return [level for level in book.bids if not order.limit_price or level.price >= order.limit_price]

    def _match_at_entry(self, order: Order) -> None:
        """A marketable order takes from the book at once; its fills move the last price, so the market moved."""
        filled_before = order.filled_qty
        self._match_entry_levels(order)
        if order.filled_qty != filled_before:
            self._print(order.code)  # on the tape and in 0B at once, not at the next market step
            self._market_moved(order.code)

    def _match_entry_levels(self, order: Order) -> None:
        levels = self._crossing_levels(order)
        if order.trade_type in FOK_TYPES and self._cannot_fill_whole(order, levels):
            order.cancelled_qty = order.quantity  # fill-or-kill: all or nothing
            self.store.save(order)
            return
        self._take(order, levels)
        session = self.session if self._krx() else None
        if session is not None and not session.matching(order.code) and order.trade_type not in IOC_TYPES | FOK_TYPES:
            session.entered(order)  # a market or limit remainder waits for the VI auction
        elif order.open_qty and (order.trade_type in IOC_TYPES | FOK_TYPES | MARKET_TYPES):
            order.cancelled_qty += order.open_qty
            self.store.save(order)

    def _cannot_fill_whole(self, order: Order, levels: list[Level]) -> bool:
        """A fill-or-kill's check before anything fills: too little in the book, or (on the KRX clock) a level it
        needs reaches a VI band, which starts the VI there, so nothing of the order fills."""
        needed, left = [], order.quantity
        for level in levels:
            if left <= 0:
                break
            needed.append(level)
            left -= level.quantity
        if left > 0:
            return True
        if not self._krx():
            return False
        assert self.session is not None
        reference = self.market.quotes[order.code].price
        return any(self.session.halts(order.code, level.price, reference) for level in needed)

    def _match_resting(self, order: Order) -> None:
        self._take(order, self._crossing_levels(order))
        book = self.market.book(order.code)
        price = self.market.quotes[order.code].price
        crossed = price <= order.limit_price if order.side is Side.BUY else price >= order.limit_price
        if order.open_qty and order.limit_price and crossed and book.resting_liquidity:
            quantity = min(order.open_qty, book.resting_liquidity)
            book.resting_liquidity -= quantity
            self._execute(order, order.limit_price, quantity)

    def _take(self, order: Order, levels: list[Level]) -> None:
        """Fills against the book's levels in turn; on the KRX clock a level that reaches a VI band stops the
        sweep (the VI starts and the rest of the order waits for its auction)."""
        reference = self.market.quotes[order.code].price
        for level in levels:
            quantity = min(order.open_qty, level.quantity)
            if quantity <= 0:
                continue
            if self._krx():
                assert self.session is not None
                if self.session.halts(order.code, level.price, reference):
                    return
            level.quantity -= quantity
            self._execute(order, level.price, quantity)

    def _execute(self, order: Order, price: int, quantity: int, moves_price: bool = True) -> None:
        amount = price * quantity
        commission = fees.commission(amount)
        tax = fees.sell_tax(amount) if order.side is Side.SELL else 0
        now = self.clock()
        fill = Fill(
            f"{self.account.next_fill_no:07d}",
            order.ord_no,
            now.strftime("%Y%m%d"),
            now.strftime("%H%M%S"),
            order.code,
            order.side,
            price,
            quantity,
            commission,
            tax,
            credit=order.credit,
        )
        if order.credit:
            changed = self._book_credit(order, fill)
        else:
            self._book_cash(order, fill)
            changed = [""]
        order.filled_qty += quantity
        order.filled_amount += amount
        order.commission += commission
        order.tax += tax
        if moves_price:
            self.market.quotes[order.code].trade(price, quantity)
        else:  # an after-hours match counts its volume, not a price (the close stays the day's)
            self.market.quotes[order.code].volume += quantity
        self._print(order.code)
        self.account.next_fill_no += 1
        self.fills.append(fill)
        self.store.save(order, fill, self.account, self.market.quotes[order.code])
        self._announce(order, fill)
        for listener in self.listeners:
            for loan_date in changed:
                listener.holding_changed(order.code, loan_date)

    def _book_cash(self, order: Order, fill: Fill) -> None:
        amount = fill.price * fill.quantity
        holding = self.holdings.setdefault(order.code, Holding(order.code))
        if order.side is Side.BUY:
            self.account.cash -= amount + fill.commission
            holding.quantity += fill.quantity
            holding.purchase_amount += amount
            holding.purchase_commission += fill.commission
            holding.today_buy_qty += fill.quantity
        else:
            fill.cost = holding.purchase_amount * fill.quantity // holding.quantity
            fill.cost_commission = holding.purchase_commission * fill.quantity // holding.quantity
            holding.purchase_commission -= fill.cost_commission
            self.account.cash += amount - fill.commission - fill.tax
            self.account.realized_pl += amount - fill.cost - fill.commission - fill.tax
            holding.quantity -= fill.quantity
            holding.purchase_amount -= fill.cost
            holding.today_sell_qty += fill.quantity
        if holding.quantity:
            self.store.save(holding)
        else:
            del self.holdings[order.code]
            self.store.delete_holding(order.code)

    def _book_credit(self, order: Order, fill: Fill) -> list[str]:
        """A credit fill: a buy pays its margin and adds to today's lot; a sell takes from its lot(s), repays
        their loan and interest, and pays out the rest. Returns the loan dates of the lots it changed."""
        amount = fill.price * fill.quantity
        if order.side is Side.BUY:
            fill.loan = amount - credit.margin(amount, self._credit_rate(order.code))
            fill.loan_date = order.loan_date
            key = f"{order.code}:{order.loan_date}"
            lot = self.lots.setdefault(key, CreditLot(key, order.code, order.loan_date))
            self.account.cash -= amount - fill.loan + fill.commission
            lot.quantity += fill.quantity
            lot.purchase_amount += amount
            lot.purchase_commission += fill.commission
            lot.loan += fill.loan
            lot.today_buy_qty += fill.quantity
            self.store.save(lot)
            return [lot.loan_date]
        changed = []
        for lot, quantity in self._lots_to_sell(order, fill.quantity):
            cost = lot.purchase_amount * quantity // lot.quantity
            cost_commission = lot.purchase_commission * quantity // lot.quantity
            loan = lot.loan * quantity // lot.quantity
            fill.cost += cost
            fill.cost_commission += cost_commission
            fill.loan += loan
            fill.interest += credit.interest(loan, lot.loan_date, fill.trade_date)
            lot.quantity -= quantity
            lot.purchase_amount -= cost
            lot.purchase_commission -= cost_commission
            lot.loan -= loan
            lot.today_sell_qty += quantity
            changed.append(lot.loan_date)
            if lot.quantity:
                self.store.save(lot)
            else:
                del self.lots[lot.key]
                self.store.delete_lot(lot.key)
        fill.loan_date = changed[0] if len(changed) == 1 else ""
        self.account.cash += amount - fill.commission - fill.tax - fill.loan - fill.interest
        self.account.realized_pl += amount - fill.cost - fill.commission - fill.tax - fill.interest
        return changed

    def _lots_to_sell(self, order: Order, quantity: int) -> list[tuple[CreditLot, int]]:
        """Where a credit sell's shares come from: its lot ("33"), or the lots oldest first ("99"), leaving in
        each lot what open "33" orders on it still need."""
        if order.crd_deal_tp == "33":
            return [(self.lots[f"{order.code}:{order.loan_date}"], quantity)]
        taken = []
        for lot in self.lots_of(order.code):
            free = lot.quantity - self._credit_selling(order.code, lot.loan_date, excluding=order.ord_no)
            share = min(free, quantity)
            if share > 0:
                taken.append((lot, share))
                quantity -= share
            if not quantity:
                break
        return taken


def new_account(account_no: str, cash: int) -> Account:
    return Account(account_no=account_no, cash=cash, initial_cash=cash)


__all__ = ["NO_ORDER", "Amendment", "Broker", "OrderRejected", "new_account"]
