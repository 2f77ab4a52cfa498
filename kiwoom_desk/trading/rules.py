"""Ticket validation: what is wrong with an order before anything is sent.

`validate` returns problems, not sentences: each names the field it belongs to, a kind and the numbers the
message needs. The UI turns them into Korean or English through Qt's translations, so that this module stays
free of Qt and the wording lives with the other visible strings.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from decimal import Decimal
from enum import StrEnum

from ..environments import Environment
from ..kiwoom import Side, TradeType, Venue
from .orders import Order
from .sessions import NotTaken, ViAuction
from .ticks import Instrument, PriceLimits, is_on_tick, round_down_to_tick, round_up_to_tick, tick_size

_CODE = re.compile(r"[0-9A-Z]{6}")
COMMISSION_ESTIMATE_PER_100K = 15  # what the ticket reserves for commission when checking cash (0.015 %)
SELL_TAX_ESTIMATE_PER_10K = 20  # securities transaction tax on a sale, as the Sandbox charges it (0.20 %): an estimate


class Field(StrEnum):
    STOCK = "stock"
    PRICE = "price"
    STOP_PRICE = "stop_price"
    QUANTITY = "quantity"
    VENUE = "venue"
    TRADE_TYPE = "trade_type"
    ORDER = "order"  # the order as a whole: how many have gone out this minute


class Kind(StrEnum):
    CODE_FORMAT = "code_format"  # not 6 characters
    UNKNOWN_STOCK = "unknown_stock"  # no quote for the code (yet)
    QUANTITY_ZERO = "quantity_zero"
    PRICE_REQUIRED = "price_required"
    PRICE_OFF_TICK = "price_off_tick"  # params: tick, below, above
    PRICE_ABOVE_LIMIT = "price_above_limit"  # params: upper
    PRICE_BELOW_LIMIT = "price_below_limit"  # params: lower
    PRICE_OUTSIDE_SINGLE_BAND = "price_outside_single_band"  # params: close, low, high (62: ±10 % of the close)
    STOP_REQUIRED = "stop_required"
    STOP_OFF_TICK = "stop_off_tick"  # params: tick, below, above
    VENUE_NOT_ALLOWED = "venue_not_allowed"
    CASH_SHORT = "cash_short"  # params: needed, orderable
    SHARES_SHORT = "shares_short"  # params: sellable
    TYPE_NEVER_TAKEN = "type_never_taken"  # this environment's market has no session for the type
    TYPE_NOT_NOW = "type_not_now"  # params: start, end (KST, as HHMM): the session that takes the type
    TYPE_NOT_IN_VI = "type_not_in_vi"  # params: release (HHMMSS, 0 unknown): the stock's VI auction takes it not
    # The trader's own fat-finger limits (RiskLimits): a slip of the finger stops here, not at the exchange.
    OVER_MAX_QUANTITY = "over_max_quantity"  # params: limit
    OVER_MAX_AMOUNT = "over_max_amount"  # params: amount, limit
    PRICE_TOO_FAR = "price_too_far"  # params: percent, low, high (the prices the limit allows, on their ticks)
    TOO_MANY_ORDERS = "too_many_orders"  # params: limit, seconds (until the next order may go)


LIMIT_KINDS = frozenset({Kind.OVER_MAX_QUANTITY, Kind.OVER_MAX_AMOUNT, Kind.PRICE_TOO_FAR, Kind.TOO_MANY_ORDERS})


@dataclass(frozen=True)
class Problem:
    field: Field
    kind: Kind
    params: dict[str, int] = dataclass_field(default_factory=dict)


@dataclass(frozen=True)
class Ticket:
    side: Side
    stock_code: str
    trade_type: TradeType
    venue: Venue
    price: int  # 0 when the type takes none
    quantity: int
    stop_price: int = 0
    credit: bool = False  # 신용 (자기융자): a credit buy borrows, a credit sell repays
    loan_date: str = ""  # a credit sell: the lot it sells (YYYYMMDD), or "" for every lot (융자합)


@dataclass(frozen=True)
class Quote:
    """What the ticket knows about the stock (ka10001)."""

    code: str
    name: str
    current: int
    limits: PriceLimits
    instrument: Instrument = Instrument.STOCK
    expected: tuple[int, int | None] | None = None  # an auction's expected price and quantity when read (ka10001)


@dataclass(frozen=True)
class RiskLimits:
    """The trader's fat-finger limits for one environment; 0 switches a limit off."""

    max_quantity: int = 0  # shares per order
    max_amount: int = 0  # KRW per order (a market order at the current price)
    max_distance_percent: int = 0  # of a limit price from the current price
    max_orders_per_minute: int = 0  # new orders and modifies; a cancel is never counted or blocked


@dataclass(frozen=True)
class Pace:
    """The orders sent in the last minute, and the seconds until the limit lets the next one go."""

    sent_last_minute: int = 0
    free_in_seconds: int = 0


@dataclass(frozen=True)
class Account:
    orderable_cash: int | None = None  # None: not known yet, not checked
    sellable: int | None = None  # a cash sell: the cash holding's; a credit sell: its lot's (or all lots')
    margin_percent: Decimal | None = None  # a credit buy pays only this share of the amount (kt20016's rate)
    repayment: int | None = None  # a credit sell: the loan and interest its proceeds repay first (None: not known)


def close_price(trade_type: TradeType, quote: Quote | None) -> int | None:
    """The price a closing-price order trades at: 61 (장전 시간외종가) the previous close, 81 (장후 시간외종가)
    today's close (the current price once the regular session has closed); None for any other type."""
    if quote is None:
        return None
    if trade_type is TradeType.PRE_MARKET_CLOSE:  # the base price: the previous close but on ex-rights days
        return quote.limits.base  # and the like (krx-rules.md §2), where the figure is an estimate
    if trade_type is TradeType.POST_MARKET_CLOSE:
        return quote.current or quote.limits.base
    return None


def estimated_cost(ticket: Ticket, quote: Quote | None, margin_percent: Decimal | None = None) -> int:
    """What a buy holds: price × quantity plus commission; market-like orders at the upper limit, as KRX does, and
    closing-price orders at their close. A credit buy with a known `margin_percent` holds only its margin (rounded
    up to the won) plus commission."""
    fixed = close_price(ticket.trade_type, quote)
    price = ticket.price if ticket.trade_type.needs_price else fixed or (quote.limits.upper if quote else 0)
    amount = price * ticket.quantity
    paid = amount if margin_percent is None or not ticket.credit else math.ceil(amount * margin_percent / 100)
    return paid + amount * COMMISSION_ESTIMATE_PER_100K // 100_000


def estimated_proceeds(ticket: Ticket, quote: Quote | None, repayment: int | None = None) -> int:
    """What a sell brings in: price × quantity less commission and tax; a market-like sell at the current price.
    A credit sell's `repayment` (its loan and interest) comes off first."""
    amount = order_amount(ticket, quote)
    fees = amount * COMMISSION_ESTIMATE_PER_100K // 100_000 + amount * SELL_TAX_ESTIMATE_PER_10K // 10_000
    return amount - fees - (repayment or 0)


def validate(
    ticket: Ticket,
    quote: Quote | None,
    environment: Environment,
    account: Account,
    not_taken: Mapping[TradeType, NotTaken] | None = None,
    limits: RiskLimits | None = None,
    pace: Pace | None = None,
) -> list[Problem]:
    """`not_taken`: the order types the market can't take now (sessions.types_not_taken_now), with their hours;
    `limits` and `pace`: the trader's fat-finger limits and the orders sent in the last minute."""
    problems: list[Problem] = []
    if not_taken and ticket.trade_type in not_taken:
        problems.append(type_problem(not_taken[ticket.trade_type]))
    if not _CODE.fullmatch(ticket.stock_code):
        problems.append(Problem(Field.STOCK, Kind.CODE_FORMAT))
    elif quote is None or quote.code != ticket.stock_code:
        problems.append(Problem(Field.STOCK, Kind.UNKNOWN_STOCK))
        quote = None
    if ticket.quantity <= 0:
        problems.append(Problem(Field.QUANTITY, Kind.QUANTITY_ZERO))
    if ticket.venue not in environment.allowed_venues:
        problems.append(Problem(Field.VENUE, Kind.VENUE_NOT_ALLOWED))
    if ticket.trade_type.needs_price:
        problems += _price_problems(Field.PRICE, ticket.price, quote) or _single_price_problems(ticket, quote)
    if ticket.trade_type.needs_stop_price:
        problems += _price_problems(Field.STOP_PRICE, ticket.stop_price, quote)
    if limits is not None:  # before the cash: a slip of the finger is the first thing to say
        priced = any(problem.field is Field.PRICE for problem in problems)  # one thing wrong with a price at a time
        over = limit_problems(ticket, quote, limits, pace or Pace())
        problems += [problem for problem in over if not (priced and problem.field is Field.PRICE)]
    if ticket.quantity > 0 and not any(p.field is Field.PRICE and p.kind not in LIMIT_KINDS for p in problems):
        if ticket.side is Side.BUY and account.orderable_cash is not None and quote is not None:
            needed = estimated_cost(ticket, quote, account.margin_percent)
            if needed > account.orderable_cash:
                problems.append(
                    Problem(Field.QUANTITY, Kind.CASH_SHORT, {"needed": needed, "orderable": account.orderable_cash})
                )
        if ticket.side is Side.SELL and account.sellable is not None and ticket.quantity > account.sellable:
            problems.append(Problem(Field.QUANTITY, Kind.SHARES_SHORT, {"sellable": account.sellable}))
    return problems


def limit_problems(ticket: Ticket, quote: Quote | None, limits: RiskLimits, pace: Pace) -> list[Problem]:
    """The order against the trader's limits. Without a quote, what needs the current price is not checked: the
    caller (the ticket, the desk) has one before anything is sent."""
    problems: list[Problem] = []
    if limits.max_quantity and ticket.quantity > limits.max_quantity:
        problems.append(Problem(Field.QUANTITY, Kind.OVER_MAX_QUANTITY, {"limit": limits.max_quantity}))
    amount = order_amount(ticket, quote)
    if limits.max_amount and amount > limits.max_amount:
        problems.append(Problem(Field.QUANTITY, Kind.OVER_MAX_AMOUNT, {"amount": amount, "limit": limits.max_amount}))
    if limits.max_distance_percent and ticket.trade_type.needs_price and quote is not None and ticket.price > 0:
        low, high = price_band(quote, limits.max_distance_percent)
        if not low <= ticket.price <= high:
            params = {"percent": limits.max_distance_percent, "low": low, "high": high}
            problems.append(Problem(Field.PRICE, Kind.PRICE_TOO_FAR, params))
    if limits.max_orders_per_minute and pace.sent_last_minute >= limits.max_orders_per_minute:
        params = {"limit": limits.max_orders_per_minute, "seconds": max(pace.free_in_seconds, 1)}
        problems.append(Problem(Field.ORDER, Kind.TOO_MANY_ORDERS, params))
    return problems


def modify_ticket(order: Order, quantity: int, price: int) -> Ticket:
    """A modify as the order it makes: the same stock and side at the new price, for `quantity` shares (0: the
    whole remainder), so that it is held to the same limits."""
    venue = Venue(order.venue) if order.venue in set(Venue) else Venue.KRX
    side = order.side or Side.BUY
    return Ticket(
        side, order.stock_code, TradeType.LIMIT, venue, price, quantity or order.unfilled, credit=order.on_credit
    )


def order_amount(ticket: Ticket, quote: Quote | None) -> int:
    """Price × quantity, before fees; an order without a price at the current price (the base price before the
    first trade; 0 while nothing is known)."""
    market = close_price(ticket.trade_type, quote) or ((quote.current or quote.limits.base) if quote else 0)
    return (ticket.price if ticket.trade_type.needs_price else market) * ticket.quantity


def price_band(quote: Quote, percent: int) -> tuple[int, int]:
    """The lowest and highest prices on their ticks within `percent` of the current price, inside the day's
    limits."""
    low = round_up_to_tick(-(-quote.current * (100 - percent) // 100), quote.instrument)
    high = round_down_to_tick(quote.current * (100 + percent) // 100, quote.instrument)
    return max(low, quote.limits.lower), min(high, quote.limits.upper)


AFTER_HOURS_BAND_PERCENT = 10  # 시간외 단일가: within ±10 % of the day's close (krx-rules.md §2)


def order_limits(trade_type: TradeType, quote: Quote) -> tuple[int, int]:
    """The lowest and highest price an order of this type may take: the day's limits, or for 시간외 단일가 the band
    of ±10 % around the close (the current price once the regular session has closed) inside them."""
    if trade_type is TradeType.AFTER_HOURS_SINGLE:
        return price_band(quote, AFTER_HOURS_BAND_PERCENT)
    return quote.limits.lower, quote.limits.upper


def _single_price_problems(ticket: Ticket, quote: Quote | None) -> list[Problem]:
    if quote is None or ticket.trade_type is not TradeType.AFTER_HOURS_SINGLE:
        return []
    low, high = order_limits(ticket.trade_type, quote)
    if low <= ticket.price <= high:
        return []
    return [Problem(Field.PRICE, Kind.PRICE_OUTSIDE_SINGLE_BAND, {"close": quote.current, "low": low, "high": high})]


def type_problem(hours: NotTaken) -> Problem:
    """Why an order type can't be sent now: never in this environment, only in these hours, or not in the stock's
    VI auction."""
    if hours is None:
        return Problem(Field.TRADE_TYPE, Kind.TYPE_NEVER_TAKEN)
    if isinstance(hours, ViAuction):
        release = int(hours.release) if hours.release.isdigit() else 0
        return Problem(Field.TRADE_TYPE, Kind.TYPE_NOT_IN_VI, {"release": release})
    start, end = (moment.hour * 100 + moment.minute for moment in hours)
    return Problem(Field.TRADE_TYPE, Kind.TYPE_NOT_NOW, {"start": start, "end": end})


def price_problems(price: int, quote: Quote | None) -> list[Problem]:
    """What is wrong with a limit price alone (for a modify): missing, off its tick, outside the day's limits."""
    return _price_problems(Field.PRICE, price, quote)


def _price_problems(where: Field, price: int, quote: Quote | None) -> list[Problem]:
    required = Kind.PRICE_REQUIRED if where is Field.PRICE else Kind.STOP_REQUIRED
    off_tick = Kind.PRICE_OFF_TICK if where is Field.PRICE else Kind.STOP_OFF_TICK
    if price <= 0:
        return [Problem(where, required)]
    instrument = quote.instrument if quote else Instrument.STOCK
    if not is_on_tick(price, instrument):
        below, above = round_down_to_tick(price, instrument), round_up_to_tick(price, instrument)
        return [Problem(where, off_tick, {"tick": tick_size(price, instrument), "below": below, "above": above})]
    if quote is not None and price > quote.limits.upper:
        return [Problem(where, Kind.PRICE_ABOVE_LIMIT, {"upper": quote.limits.upper})]
    if quote is not None and price < quote.limits.lower:
        return [Problem(where, Kind.PRICE_BELOW_LIMIT, {"lower": quote.limits.lower})]
    return []


def max_quantity(ticket: Ticket, quote: Quote | None, account: Account, limits: RiskLimits | None = None) -> int:
    """The most shares the ticket could take: by orderable cash for a buy, by sellable shares for a sell, and
    within the trader's limits on shares and amount an order."""
    most = _max_by_account(ticket, quote, account)
    if limits is not None and limits.max_quantity:
        most = min(most, limits.max_quantity)
    unit = order_amount(replace(ticket, quantity=1), quote)
    if limits is not None and limits.max_amount and unit > 0:
        most = min(most, limits.max_amount // unit)
    return most


def _max_by_account(ticket: Ticket, quote: Quote | None, account: Account) -> int:
    if ticket.side is Side.SELL:
        return account.sellable or 0
    if account.orderable_cash is None or quote is None:
        return 0
    margin = account.margin_percent
    unit = estimated_cost(replace(ticket, quantity=1), quote, margin)
    if unit <= 0:
        return 0
    quantity = account.orderable_cash // unit
    while quantity > 0 and estimated_cost(replace(ticket, quantity=quantity), quote, margin) > account.orderable_cash:
        quantity -= 1
    return quantity
