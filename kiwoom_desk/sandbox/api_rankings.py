"""Rankings on /api/dostk/rkinfo (kiwoom-api-market.md §2): ka10030 today's volume, ka10032 traded value, ka10027
change rate and ka10023 volume surge, worked out at request time from the live market (filters and orders in
`rankings`). A stock that has not traded today has no row in ka10030 and ka10032; the server pages the lists."""

from __future__ import annotations

from fractions import Fraction

from . import errors
from .api_common import OK_GENERIC, Answer, Handler, ok
from .broker import Broker
from .numbers import price_sign_code, rate, signed, signed_price
from .rankings import (
    CHANGE_ORDERS,
    CREDIT_ALL,
    MARKETS,
    MIN_VALUE,
    PRICE_BANDS,
    SESSIONS_TRADED,
    STOCK_CONDITIONS,
    SURGE_ORDERS,
    VENUE_LISTS,
    VOLUME_ORDERS,
    Stock,
    Surge,
    min_volume,
)
from .traded import millions, previous_day, traded_value, volume_minutes_ago


def _stocks(broker: Broker, api_id: str, f: dict[str, str], condition_field: str) -> list[Stock]:
    """The stocks of the market asked for that pass the TR's stock condition, in code order."""
    if not VENUE_LISTS[f["stex_tp"]]:
        return []
    markets = MARKETS[f["mrkt_tp"]]
    condition = STOCK_CONDITIONS[api_id][f[condition_field]]
    stocks = []
    for code in sorted(broker.market.listings):
        listing = broker.market.listings[code]
        if listing.market not in markets:
            continue
        quote = broker.market.quotes[code]
        limits = broker.market.limits(code)
        stock = Stock(
            listing, quote.price, quote.base_price, limits.upper, limits.lower, quote.volume, traded_value(broker, code)
        )
        if condition.admits(stock):
            stocks.append(stock)
    return stocks


def _quote_fields(stock: Stock) -> dict[str, str]:
    return {
        "stk_cd": stock.code,
        "stk_nm": stock.listing.name,
        "cur_prc": signed_price(stock.price, stock.base),
        "pred_pre_sig": price_sign_code(stock.price, stock.base, stock.upper, stock.lower),
        "pred_pre": signed(stock.change),
        "flu_rt": rate(stock.change, stock.base),
    }


def _ratio(numerator: int, denominator: int) -> str:
    """A signed % of a volume against another; "" when there is nothing to compare with."""
    return rate(numerator, denominator) if denominator else ""


def volume_leaders(broker: Broker, f: dict[str, str]) -> Answer:
    """ka10030: the Sandbox trades only in its continuous session, so its volume is all 장중 (opmr_*) and the
    장전/장후 columns are zero; mrkt_open_tp 2 and 3 (장전/장후시간외) list nothing."""
    stocks = []
    if SESSIONS_TRADED[f["mrkt_open_tp"]] and f["crd_tp"] == CREDIT_ALL:
        band = PRICE_BANDS["ka10030"][f["pric_tp"]]
        least_volume, least_value = min_volume(f["trde_qty_tp"]), MIN_VALUE["ka10030"][f["trde_prica_tp"]]
        stocks = [
            stock
            for stock in _stocks(broker, "ka10030", f, "mang_stk_incls")
            if stock.volume > 0
            and band.admits(stock.price)
            and stock.volume >= least_volume
            and stock.value >= least_value
        ]
        stocks.sort(key=VOLUME_ORDERS[f["sort_tp"]])
    rows = []
    for stock in stocks:
        yesterday = previous_day(broker, stock.code).volume
        session = {
            "trde_qty": str(stock.volume),
            "pred_rt": _ratio(stock.volume, yesterday),
            "trde_rt": rate(stock.volume, stock.listing.listed_shares),
            "trde_amt": str(millions(stock.value)),
        }
        rows.append(
            {
                **_quote_fields(stock),
                "trde_qty": session["trde_qty"],
                "pred_rt": session["pred_rt"],
                "trde_tern_rt": session["trde_rt"],
                "trde_amt": session["trde_amt"],
                **{f"opmr_{name}": value for name, value in session.items()},
                **{f"{prefix}_{name}": value for prefix in ("af_mkrt", "bf_mkrt") for name, value in _NO_SESSION},
            }
        )
    return ok(OK_GENERIC, tdy_trde_qty_upper=rows)


_NO_SESSION = (("trde_qty", "0"), ("pred_rt", "0.00"), ("trde_rt", "0.00"), ("trde_amt", "0"))


def value_leaders(broker: Broker, f: dict[str, str]) -> Answer:
    """ka10032: by today's traded value; `pred_rank` is the stock's rank among the same stocks by yesterday's
    traded value (close × volume, as ka10081's day rows)."""
    candidates = _stocks(broker, "ka10032", f, "mang_stk_incls")
    yesterday = {stock.code: previous_day(broker, stock.code) for stock in candidates}
    by_yesterday = sorted(candidates, key=lambda s: (-yesterday[s.code].close * yesterday[s.code].volume, s.code))
    yesterday_rank = {stock.code: rank for rank, stock in enumerate(by_yesterday, start=1)}
    today = sorted((stock for stock in candidates if stock.volume > 0), key=lambda s: (-s.value, s.code))
    rows = []
    for rank, stock in enumerate(today, start=1):
        book = broker.market.book(stock.code)
        quote = _quote_fields(stock)
        rows.append(
            {
                "stk_cd": stock.code,
                "now_rank": str(rank),
                "pred_rank": str(yesterday_rank[stock.code]),
                **{name: value for name, value in quote.items() if name != "stk_cd"},
                "sel_bid": signed_price(book.asks[0].price, stock.base) if book.asks else "",
                "buy_bid": signed_price(book.bids[0].price, stock.base) if book.bids else "",
                "now_trde_qty": str(stock.volume),
                "pred_trde_qty": str(yesterday[stock.code].volume),
                "trde_prica": str(millions(stock.value)),
            }
        )
    return ok(OK_GENERIC, trde_prica_upper=rows)


def change_leaders(broker: Broker, f: dict[str, str]) -> Answer:
    """ka10027: sort 1/2 list the rising stocks, 3/4 the falling ones, 5 the flat ones; `updown_incls` 0 drops
    a stock at its upper or lower limit. sel_req/buy_req are the book's total ask/bid quantities; 체결강도 and
    `cnt` (undocumented) are not known: ""."""
    stocks = []
    if f["crd_cnd"] == CREDIT_ALL:
        order = CHANGE_ORDERS[f["sort_tp"]]
        band = PRICE_BANDS["ka10027"][f["pric_cnd"]]
        least_volume, least_value = min_volume(f["trde_qty_cnd"]), MIN_VALUE["ka10027"][f["trde_prica_cnd"]]
        stocks = [
            stock
            for stock in _stocks(broker, "ka10027", f, "stk_cnd")
            if _sign(stock.change) == order.direction
            and (f["updown_incls"] == "1" or not stock.at_limit)
            and band.admits(stock.price)
            and stock.volume >= least_volume
            and stock.value >= least_value
        ]
        stocks.sort(key=order.key)
    rows = []
    for stock in stocks:
        book = broker.market.book(stock.code)
        rows.append(
            {
                "stk_cls": "",
                **_quote_fields(stock),
                "sel_req": str(sum(level.quantity for level in book.asks)),
                "buy_req": str(sum(level.quantity for level in book.bids)),
                "now_trde_qty": str(stock.volume),
                "cntr_str": "",
                "cnt": "",
            }
        )
    return ok(OK_GENERIC, pred_pre_flu_rt_upper=rows)


def volume_surges(broker: Broker, f: dict[str, str]) -> Answer:
    """ka10023: `tm_tp` 1 compares today's volume now with today's volume `tm` minutes ago (the surge is the
    volume of the last `tm` one-minute bars), 2 with the previous day's volume. Sort 1/2 list the stocks whose
    volume grew, 3/4 those whose volume shrank; `trde_qty_tp` is a floor on today's volume."""
    minutes = 0
    if f["tm_tp"] == "1":
        if not f["tm"]:
            raise errors.missing("tm")
        minutes = int(f["tm"])
    order = SURGE_ORDERS[f["sort_tp"]]
    band = PRICE_BANDS["ka10023"][f["pric_tp"]]
    least_volume = min_volume(f["trde_qty_tp"])
    surges = []
    for stock in _stocks(broker, "ka10023", f, "stk_cnd"):
        if not band.admits(stock.price) or stock.volume < least_volume:
            continue
        before = volume_minutes_ago(broker, stock.code, minutes) if minutes else previous_day(broker, stock.code).volume
        surge = Surge(stock, before, stock.volume)
        if _sign(surge.quantity) == order.direction:
            surges.append(surge)
    surges.sort(key=order.key)
    rows = [
        {
            **_quote_fields(surge.stock),
            "prev_trde_qty": str(surge.before),
            "now_trde_qty": str(surge.now),
            "sdnin_qty": signed(surge.quantity),
            "sdnin_rt": _ratio(surge.quantity, surge.before),
        }
        for surge in surges
    ]
    return ok(OK_GENERIC, trde_qty_sdnin=rows)


def _sign(value: int | Fraction) -> int:
    return (value > 0) - (value < 0)


HANDLERS: dict[str, Handler] = {
    "ka10030": volume_leaders,
    "ka10032": value_leaders,
    "ka10027": change_leaders,
    "ka10023": volume_surges,
}
