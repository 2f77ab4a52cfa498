"""The ticket's rules for the session-only order types (krx-rules.md §2, §3): 시간외 단일가 (62) takes only ±10 % of
the close, and its 하한가/상한가 are that band's edges; the closing-price types (61, 81) trade at a close, so their
estimate is at that close, not at the upper limit as a market order's."""

from __future__ import annotations

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import Side, TradeType, Venue
from kiwoom_desk.trading.rules import Account, Kind, Quote, Ticket, close_price, estimated_cost, order_limits, validate
from kiwoom_desk.trading.ticks import price_limits

BASE = 71_200  # yesterday's close
QUOTE = Quote("005930", "삼성전자", 72_500, price_limits(BASE))  # after 15:30: the current price is today's close


def ticket(trade_type: TradeType, price: int = 0, quantity: int = 10) -> Ticket:
    return Ticket(Side.BUY, "005930", trade_type, Venue.KRX, price, quantity)


def price_kinds(order: Ticket) -> set[Kind]:
    return {p.kind for p in validate(order, QUOTE, Environment.SANDBOX, Account()) if p.field.value == "price"}


def test_after_hours_single_price_takes_ten_percent_around_the_close_on_ticks() -> None:
    low, high = order_limits(TradeType.AFTER_HOURS_SINGLE, QUOTE)
    assert (low, high) == (65_300, 79_700)  # 72,500 × 0.9 = 65,250 up to the 100 tick; × 1.1 = 79,750 down
    assert price_kinds(ticket(TradeType.AFTER_HOURS_SINGLE, high)) == set()
    assert price_kinds(ticket(TradeType.AFTER_HOURS_SINGLE, 80_000)) == {Kind.PRICE_OUTSIDE_SINGLE_BAND}
    assert price_kinds(ticket(TradeType.AFTER_HOURS_SINGLE, low - 100)) == {Kind.PRICE_OUTSIDE_SINGLE_BAND}
    assert price_kinds(ticket(TradeType.LIMIT, 80_000)) == set()  # a regular order has the day's limits
    assert order_limits(TradeType.LIMIT, QUOTE) == (QUOTE.limits.lower, QUOTE.limits.upper)


def test_closing_price_orders_are_estimated_at_their_close_not_the_upper_limit() -> None:
    assert close_price(TradeType.PRE_MARKET_CLOSE, QUOTE) == BASE
    assert close_price(TradeType.POST_MARKET_CLOSE, QUOTE) == 72_500
    assert close_price(TradeType.MARKET, QUOTE) is None
    pre, post, market = (
        estimated_cost(ticket(kind), QUOTE)
        for kind in (TradeType.PRE_MARKET_CLOSE, TradeType.POST_MARKET_CLOSE, TradeType.MARKET)
    )
    assert BASE * 10 < pre < BASE * 10 + 1_000 and 725_000 < post < 725_000 + 1_000  # the amount and a commission
    assert market > QUOTE.limits.upper * 10  # a market buy holds the upper limit
