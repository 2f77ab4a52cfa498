"""Credit (신용) orders on /api/dostk/crdordr and the credit stock lists on /api/dostk/stkinfo
(kiwoom-api-market.md §5): kt10006 buy, kt10007 sell, kt10008 modify, kt10009 cancel, kt20016 eligible stocks,
kt20017 one stock's eligibility. The rules are in `credit.py`; the broker keeps lots and loans.
"""

from __future__ import annotations

from . import credit, errors
from .api_common import OK_QUERY, Answer, Handler, listing, ok
from .broker import Broker
from .listings import Listing
from .numbers import padded
from .state import Side

_MARKETS = {"1": "0", "0": "10"}  # kt20016 mrkt_deal_tp -> stocks.csv market: 1 KOSPI, 0 KOSDAQ


def _int(text: str) -> int:
    return int(text) if text else 0


def _code(text: str) -> str:
    return text[1:] if len(text) == 7 and text.startswith("A") else text


def buy(broker: Broker, f: dict[str, str]) -> Answer:
    listing(broker, f["stk_cd"])
    order = broker.place(
        Side.BUY,
        f["stk_cd"],
        _int(f["ord_qty"]),
        f["trde_tp"],
        _int(f["ord_uv"]),
        _int(f["cond_uv"]),
        f["dmst_stex_tp"],
        on_credit=True,
    )
    return ok("신용 매수주문이 완료되었습니다.", ord_no=order.ord_no, dmst_stex_tp=order.venue)


def sell(broker: Broker, f: dict[str, str]) -> Answer:
    listing(broker, f["stk_cd"])
    if f["crd_deal_tp"] == "33" and not f["crd_loan_dt"]:
        raise errors.malformed("crd_loan_dt", "신용거래구분 33(융자)은 대출일(YYYYMMDD)을 입력해야 합니다")
    order = broker.place(
        Side.SELL,
        f["stk_cd"],
        _int(f["ord_qty"]),
        f["trde_tp"],
        _int(f["ord_uv"]),
        _int(f["cond_uv"]),
        f["dmst_stex_tp"],
        on_credit=True,
        crd_deal_tp=f["crd_deal_tp"],
        loan_date=f["crd_loan_dt"],
    )
    return ok("신용 매도주문이 완료되었습니다.", ord_no=order.ord_no, dmst_stex_tp=order.venue)


def modify(broker: Broker, f: dict[str, str]) -> Answer:
    listing(broker, f["stk_cd"])
    done = broker.modify(
        f["orig_ord_no"],
        f["stk_cd"],
        _int(f["mdfy_qty"]),
        _int(f["mdfy_uv"]),
        _int(f["mdfy_cond_uv"]),
        f["dmst_stex_tp"],
        on_credit=True,
    )
    return ok(
        f"{done.order.side.korean}정정 주문입력이 완료되었습니다",
        ord_no=done.order.ord_no,
        base_orig_ord_no=done.root_ord_no,
        mdfy_qty=f"{done.order.quantity:012d}",
        dmst_stex_tp=done.order.venue,
    )


def cancel(broker: Broker, f: dict[str, str]) -> Answer:
    listing(broker, f["stk_cd"])
    done = broker.cancel(f["orig_ord_no"], f["stk_cd"], _int(f["cncl_qty"]), f["dmst_stex_tp"], on_credit=True)
    return ok(
        f"{done.order.side.korean}취소 주문입력이 완료되었습니다",
        ord_no=done.order.ord_no,
        base_orig_ord_no=done.root_ord_no,
        cncl_qty=f"{done.order.quantity:012d}",
    )


def _eligible(broker: Broker, f: dict[str, str]) -> list[Listing]:
    code = _code(f["stk_cd"])
    grade = f["crd_stk_grde_tp"] or "%"
    market = _MARKETS.get(f["mrkt_deal_tp"])
    return [
        stock
        for stock in broker.market.listings.values()
        if stock.credit_rate is not None
        and (not code or stock.code == code)
        and (grade == "%" or credit.grade(stock.credit_rate) == grade)
        and (market is None or stock.market == market)
    ]


def eligible_stocks(broker: Broker, f: dict[str, str]) -> Answer:
    rows = []
    for stock in _eligible(broker, f):
        quote = broker.market.quotes[stock.code]
        rows.append(
            {
                "stk_cd": "A" + stock.code,
                "stk_nm": stock.name,
                "crd_assr_rt": f"{stock.credit_rate}%",
                "repl_pric": "",  # the Sandbox keeps no substitute (대용) prices
                "pred_close_pric": padded(quote.base_price, 12),
                "crd_limit_over_yn": "N",
                "crd_limit_over_txt": "",
            }
        )
    return ok(OK_QUERY, crd_loan_able="", crd_loan_pos_stk=rows)


def eligibility(broker: Broker, f: dict[str, str]) -> Answer:
    stock = listing(broker, _code(f["stk_cd"]))
    if stock.credit_rate is None:
        return ok(OK_QUERY, crd_alow_yn="< 신용융자 불가 >")
    return ok(OK_QUERY, crd_alow_yn=f"< {credit.grade(stock.credit_rate)}군 신용융자 가능 >")


HANDLERS: dict[str, Handler] = {
    "kt10006": buy,
    "kt10007": sell,
    "kt10008": modify,
    "kt10009": cancel,
    "kt20016": eligible_stocks,
    "kt20017": eligibility,
}
