"""ka10001 stock info, ka10095 quotes of several stocks and ka10099 stock list on /api/dostk/stkinfo, ka10004
order book on /api/dostk/mrkcond (kiwoom-api.md §5, kiwoom-api-market.md §4.3)."""

from __future__ import annotations

from . import errors
from .api_common import OK_GENERIC, Answer, Handler, listing, ok
from .broker import Broker
from .listings import Listing
from .market import BOOK_LEVELS, Level
from .numbers import price_sign_code, rate, signed, signed_price
from .traded import millions, traded_value


def stock_info(broker: Broker, f: dict[str, str]) -> Answer:
    stock = listing(broker, f["stk_cd"])
    quote = broker.market.quotes[stock.code]
    limits = broker.market.limits(stock.code)
    base = quote.base_price
    change = quote.price - base
    expected = broker.expected_auction(stock.code)  # only while an auction collects (KRX clock)
    return ok(
        OK_GENERIC,
        stk_cd=stock.code,
        stk_nm=stock.name,
        setl_mm="12",
        fav="100",
        fav_unit="원",
        cap="",
        flo_stk=str(stock.listed_shares // 1000),
        mac=str(quote.price * stock.listed_shares // 100_000_000),
        cur_prc=signed_price(quote.price, base),
        pre_sig=price_sign_code(quote.price, base, limits.upper, limits.lower),
        pred_pre=signed(change),
        flu_rt=rate(change, base),
        trde_qty=str(quote.volume),
        open_pric=signed_price(quote.open, base),
        high_pric=signed_price(quote.high, base),
        low_pric=signed_price(quote.low, base),
        upl_pric=signed_price(limits.upper, base),
        lst_pric=signed_price(limits.lower, base),
        base_pric=str(base),
        exp_cntr_pric=signed_price(expected[0], base) if expected else "0",
        exp_cntr_qty=str(expected[1]) if expected else "0",
        oyr_hgst="",
        oyr_lwst="",
        **{"250hgst": "", "250lwst": ""},
    )


def _levels(prefix: str, levels: list[Level], base: int) -> dict[str, str]:
    """Level 1 is `{prefix}_fpr_bid` / `_fpr_req`; levels 2–10 are `{prefix}_{N}th_pre_bid` / `_req` / `_req_pre`."""
    fields: dict[str, str] = {}
    for index in range(BOOK_LEVELS):
        level = levels[index] if index < len(levels) else Level(0, 0)
        price, quantity = signed_price(level.price, base), str(level.quantity)
        if index == 0:
            fields[f"{prefix}_fpr_bid"], fields[f"{prefix}_fpr_req"] = price, quantity
        else:
            fields[f"{prefix}_{index + 1}th_pre_bid"] = price
            fields[f"{prefix}_{index + 1}th_pre_req"] = quantity
        fields[f"{prefix}_{index + 1}th_pre_req_pre"] = "0"
    return fields


def order_book(broker: Broker, f: dict[str, str]) -> Answer:
    stock = listing(broker, f["stk_cd"])
    book = broker.market.book(stock.code)
    base = broker.market.quotes[stock.code].base_price
    return ok(
        OK_GENERIC,
        bid_req_base_tm=broker.clock().strftime("%H%M%S"),
        **_levels("sel", book.asks, base),
        **_levels("buy", book.bids, base),
        tot_sel_req=str(sum(level.quantity for level in book.asks)),
        tot_buy_req=str(sum(level.quantity for level in book.bids)),
        tot_sel_req_jub_pre="0",
        tot_buy_req_jub_pre="0",
        ovt_sel_req="0",
        ovt_buy_req="0",
        ovt_sel_req_pre="0",
        ovt_buy_req_pre="0",
    )


def stock_list(broker: Broker, f: dict[str, str]) -> Answer:
    rows = []
    for stock in sorted(broker.market.listings.values(), key=lambda s: s.code):
        if stock.market != f["mrkt_tp"]:
            continue
        rows.append(
            {
                "code": stock.code,
                "name": stock.name,
                "listCount": str(stock.listed_shares).zfill(16),
                "auditInfo": "정상",
                "regDay": "",
                "lastPrice": str(broker.market.quotes[stock.code].base_price).zfill(8),
                "state": "증거금20%",
                "marketCode": stock.market,
                "marketName": stock.market_name,
                "upName": stock.sector,
                "upSizeName": "",
                "companyClassName": "",
                "orderWarning": "0",
                "nxtEnable": "N",
            }
        )
    return ok(OK_GENERIC, list=rows)


WATCH_LIMIT = 100  # codes in one ka10095 request: the spec names no maximum (its length of 20 fits three)
_ELW_FIELDS = (
    *("prty", "gear", "pl_qutr", "cap_support", "elwexec_pric", "cnvt_rt", "elwexpr_dt", "cntr_engg"),
    *("cntr_pred_pre", "theory_pric", "innr_vltl", "delta", "gam", "theta", "vega", "law"),
)


def watched_stocks(broker: Broker, f: dict[str, str]) -> Answer:
    """ka10095: one row per `|`-joined code, in the order asked; a code the exchange does not list has no row,
    a malformed one refuses the request (as ka10001 would)."""
    codes = f["stk_cd"].split("|")
    if len(codes) > WATCH_LIMIT:
        raise errors.malformed("stk_cd", f"한 번에 {WATCH_LIMIT}종목까지 조회할 수 있습니다")
    rows = []
    for code in codes:
        if code.endswith(("_NX", "_AL")) or code in broker.market.listings:
            rows.append(_watched(broker, listing(broker, code)))
    return ok(OK_GENERIC, atn_stk_infr=rows)


def _watched(broker: Broker, stock: Listing) -> dict[str, str]:
    quote = broker.market.quotes[stock.code]
    limits = broker.market.limits(stock.code)
    book = broker.market.book(stock.code)
    base = quote.base_price
    now = broker.clock()
    expected = broker.expected_auction(stock.code)

    def side(prefix: str, levels: list[Level]) -> dict[str, str]:
        prices = [signed_price(level.price, base) for level in levels[:5]] + [""] * (5 - min(len(levels), 5))
        return {f"{prefix}_{n + 1}th_bid": price for n, price in enumerate(prices)}

    return {
        "stk_cd": stock.code,
        "stk_nm": stock.name,
        "cur_prc": signed_price(quote.price, base),
        "base_pric": str(base),
        "pred_pre": signed(quote.price - base),
        "pred_pre_sig": price_sign_code(quote.price, base, limits.upper, limits.lower),
        "flu_rt": rate(quote.price - base, base),
        "trde_qty": str(quote.volume),
        "trde_prica": str(millions(traded_value(broker, stock.code))),  # 백만원, as the rankings and ka10081
        "cntr_qty": "",  # the last print's size and side are not kept: said as unknown, not as 0
        "cntr_str": "",
        "pred_trde_qty_pre": "",
        "sel_bid": signed_price(book.asks[0].price, base) if book.asks else "",
        "buy_bid": signed_price(book.bids[0].price, base) if book.bids else "",
        **side("sel", book.asks),
        **side("buy", book.bids),
        "upl_pric": signed_price(limits.upper, base),
        "lst_pric": signed_price(limits.lower, base),
        "open_pric": signed_price(quote.open, base),
        "high_pric": signed_price(quote.high, base),
        "low_pric": signed_price(quote.low, base),
        "close_pric": signed_price(quote.price, base),
        "cntr_tm": now.strftime("%H%M%S"),
        "exp_cntr_pric": signed_price(expected[0], base) if expected else "",
        "exp_cntr_qty": str(expected[1]) if expected else "",
        "cap": "",
        "fav": "100",
        "mac": str(quote.price * stock.listed_shares // 100_000_000),  # 억원
        "stkcnt": str(stock.listed_shares),
        "bid_tm": now.strftime("%H%M%S"),
        "dt": now.strftime("%Y%m%d"),
        "pri_sel_req": str(book.asks[0].quantity) if book.asks else "",
        "pri_buy_req": str(book.bids[0].quantity) if book.bids else "",
        "pri_sel_cnt": "",
        "pri_buy_cnt": "",
        "tot_sel_req": str(sum(level.quantity for level in book.asks)),
        "tot_buy_req": str(sum(level.quantity for level in book.bids)),
        "tot_sel_cnt": "",
        "tot_buy_cnt": "",
        **dict.fromkeys(_ELW_FIELDS, ""),  # a stock has none of the ELW fields
    }


HANDLERS: dict[str, Handler] = {
    "ka10001": stock_info,
    "ka10004": order_book,
    "ka10095": watched_stocks,
    "ka10099": stock_list,
}
