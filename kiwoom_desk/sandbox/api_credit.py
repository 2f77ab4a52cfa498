"""Credit (신용) orders on /api/dostk/crdordr and the credit stock lists on /api/dostk/stkinfo
(kiwoom-api-market.md §5): kt10006 buy, kt10007 sell, kt10008 modify, kt10009 cancel, kt20016 eligible stocks,
kt20017 one stock's eligibility. The rules are in `credit.py`; the broker keeps lots and loans.
"""

from __future__ import annotations

from . import api_orders, credit, errors
from .api_common import OK_QUERY, Answer, Handler, listing, ok
from .api_orders import place_order
from .broker import Broker
from .listings import Listing
from .numbers import padded
from .state import Side

_MARKETS = {"1": "0", "0": "10"}  # kt20016 mrkt_deal_tp -> stocks.csv market: 1 KOSPI, 0 KOSDAQ


def _code(text: str) -> str:
    return text[1:] if len(text) == 7 and text.startswith("A") else text


def buy(broker: Broker, f: dict[str, str]) -> Answer:
    return place_order(broker, f, Side.BUY, "신용 매수주문이 완료되었습니다.", on_credit=True)


def sell(broker: Broker, f: dict[str, str]) -> Answer:
    if f["crd_deal_tp"] == "33" and not f["crd_loan_dt"]:
        raise errors.malformed("crd_loan_dt", "신용거래구분 33(융자)은 대출일(YYYYMMDD)을 입력해야 합니다")
    credit_sale = {"on_credit": True, "crd_deal_tp": f["crd_deal_tp"], "loan_date": f["crd_loan_dt"]}
    return place_order(broker, f, Side.SELL, "신용 매도주문이 완료되었습니다.", **credit_sale)


def modify(broker: Broker, f: dict[str, str]) -> Answer:
    return api_orders.modify(broker, f, on_credit=True)


def cancel(broker: Broker, f: dict[str, str]) -> Answer:
    return api_orders.cancel(broker, f, on_credit=True)


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
