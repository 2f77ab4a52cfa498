"""ka00001, ka10075, ka10076, kt00007, kt00018, kt00001 on /api/dostk/acnt (kiwoom-api.md §4).

Lists come back whole; the HTTP layer pages them with cont-yn / next-key.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import errors, fees
from .api_common import OK_QUERY, Answer, Handler, ok
from .broker import TRADE_TYPE_NAMES, Broker
from .numbers import hhmmss, padded, rate, signed_price
from .state import Kind, Order, Side

_VENUE_CODES = {"KRX": "1", "NXT": "2"}


def _side_text(order: Order) -> str:
    """io_tp_nm of ka10075/ka10076: "+매수", "-매도", "+매수정정", "-매도취소"; a credit order says so after its
    side, as the spec's "+매수신용": "-매도신용", "+매수신용정정"."""
    suffix = {Kind.NEW: "", Kind.MODIFY: "정정", Kind.CANCEL: "취소"}[order.kind]
    return ("+" if order.side is Side.BUY else "-") + order.side.korean + ("신용" if order.credit else "") + suffix


def _credit_code(order: Order) -> str:
    """kt00007 crd_tp: 00 cash, 03 a credit (자기융자) buy, 33/99 a credit sell as it was entered."""
    if not order.credit:
        return "00"
    return "03" if order.side is Side.BUY else order.crd_deal_tp


def _side_filter(value: str, order: Order) -> bool:
    return value == "0" or (value == "1") == (order.side is Side.SELL)


def _venue_filter(stex_tp: str, order: Order) -> bool:
    return stex_tp == "0" or _VENUE_CODES.get(order.venue) == stex_tp


def _last_fill(broker: Broker, order: Order) -> tuple[str, int, int]:
    for fill in reversed(broker.fills):
        if fill.ord_no == order.ord_no:
            return fill.fill_no, fill.price, fill.quantity
    return "", 0, 0


def _order_fields(broker: Broker, order: Order) -> dict[str, str]:
    """The fields ka10075 and ka10076 rows share."""
    return {
        "ord_no": order.ord_no,
        "stk_cd": order.code,
        "stk_nm": broker.market.listings[order.code].name,
        "ord_stt": order.status.value,
        "io_tp_nm": _side_text(order),
        "trde_tp": TRADE_TYPE_NAMES[order.trade_type],
        "ord_qty": str(order.quantity),
        "ord_pric": str(order.order_price),
        "oso_qty": str(order.open_qty),
        "orig_ord_no": order.orig_ord_no,
        "tdy_trde_cmsn": str(order.commission),
        "tdy_trde_tax": str(order.tax),
        "stex_tp": _VENUE_CODES.get(order.venue, "0"),
        "stex_tp_txt": order.venue,
        "sor_yn": "N",
        "stop_pric": str(order.stop_price),
    }


def _require_code(f: dict[str, str], when: str) -> str:
    if not f["stk_cd"]:
        raise errors.missing(f"stk_cd ({when})")
    return f["stk_cd"]


def account_number(broker: Broker, f: dict[str, str]) -> Answer:
    return ok(OK_QUERY, acctNo=broker.account.account_no)


def open_orders(broker: Broker, f: dict[str, str]) -> Answer:
    code = _require_code(f, "all_stk_tp=1") if f["all_stk_tp"] == "1" else ""
    rows = []
    for order in sorted(broker.open_orders(), key=lambda o: o.ord_no, reverse=True):
        if (code and order.code != code) or not _side_filter(f["trde_tp"], order):
            continue
        if not _venue_filter(f["stex_tp"], order):
            continue
        quote = broker.market.quotes[order.code]
        book = broker.market.book(order.code)
        fill_no, fill_price, fill_qty = _last_fill(broker, order)
        rows.append(
            {
                **_order_fields(broker, order),
                "acnt_no": broker.account.account_no,
                "mang_empno": "",
                "tsk_tp": "",
                "cntr_tot_amt": str(order.filled_amount),
                "tm": order.time,
                "cntr_no": fill_no,
                "cntr_pric": str(fill_price),
                "cntr_qty": str(order.filled_qty),
                "cur_prc": signed_price(quote.price, quote.base_price),
                "sel_bid": signed_price(book.asks[0].price, quote.base_price) if book.asks else "0",
                "buy_bid": signed_price(book.bids[0].price, quote.base_price) if book.bids else "0",
                "unit_cntr_pric": str(fill_price),
                "unit_cntr_qty": str(fill_qty),
                "ind_invsr": "",
            }
        )
    return ok(OK_QUERY, oso=rows)


def filled_orders(broker: Broker, f: dict[str, str]) -> Answer:
    code = _require_code(f, "qry_tp=1") if f["qry_tp"] == "1" else ""
    cursor = int(f["ord_no"]) if f["ord_no"] else None
    rows = []
    for order in sorted(broker.orders.values(), key=lambda o: o.ord_no, reverse=True):
        if order.trade_date != broker.today() or not order.filled_qty:
            continue
        if (code and order.code != code) or not _side_filter(f["sell_tp"], order):
            continue
        if (cursor is not None and int(order.ord_no) >= cursor) or not _venue_filter(f["stex_tp"], order):
            continue
        rows.append(
            {
                **_order_fields(broker, order),
                "cntr_pric": str(order.average_fill_price),
                "cntr_qty": str(order.filled_qty),
                "ord_tm": order.time,
            }
        )
    return ok(OK_QUERY, cntr=rows)


def order_history(broker: Broker, f: dict[str, str]) -> Answer:
    day = f["ord_dt"] or broker.today()
    code = f["stk_cd"].removeprefix("A") if len(f["stk_cd"]) == 7 else f["stk_cd"]
    first = int(f["fr_ord_no"]) if f["fr_ord_no"] else 0
    orders = sorted(
        (o for o in broker.orders.values() if o.trade_date == day), key=lambda o: o.ord_no, reverse=f["qry_tp"] == "2"
    )
    rows = []
    for order in orders:
        if f["qry_tp"] == "3" and not order.open_qty:
            continue
        if f["qry_tp"] == "4" and not order.filled_qty:
            continue
        if f["stk_bond_tp"] == "2" or not _side_filter(f["sell_tp"], order):
            continue
        if (code and order.code != code) or int(order.ord_no) < first:
            continue
        if f["dmst_stex_tp"] not in ("%", order.venue):
            continue
        action = {Kind.NEW: "신용" if order.credit else "현금", Kind.MODIFY: "", Kind.CANCEL: ""}[order.kind]
        amendment = {Kind.NEW: "", Kind.MODIFY: "정정", Kind.CANCEL: "취소"}[order.kind]
        rows.append(
            {
                "ord_no": order.ord_no,
                "stk_cd": "A" + order.code,
                "trde_tp": TRADE_TYPE_NAMES[order.trade_type],
                "crd_tp": _credit_code(order),
                "ord_qty": padded(order.quantity, 10),
                "ord_uv": padded(order.order_price, 10),
                "cnfm_qty": padded(order.quantity, 10),
                "acpt_tp": "확인" if order.kind is Kind.CANCEL else "접수",
                "rsrv_tp": "",
                "ord_tm": hhmmss(order.time),
                "ori_ord": order.orig_ord_no,
                "stk_nm": broker.market.listings[order.code].name,
                "io_tp_nm": action + order.side.korean + amendment,
                "loan_dt": order.loan_date,
                "cntr_qty": padded(order.filled_qty, 10),
                "cntr_uv": padded(order.average_fill_price, 10),
                "ord_remnq": padded(order.open_qty, 10),
                "comm_ord_tp": "REST API",
                "mdfy_cncl": amendment,
                "cnfm_tm": hhmmss(order.time),
                "dmst_stex_tp": order.venue,
                "cond_uv": padded(order.stop_price, 10),
            }
        )
    return ok(OK_QUERY, acnt_ord_cntr_prps_dtl=rows)


@dataclass
class _Position:
    """One kt00018 row: a cash holding, a credit lot, or (qry_tp 1) a stock's lots summed."""

    code: str
    quantity: int
    purchase_amount: int
    today_buy_qty: int
    today_sell_qty: int
    sellable: int
    loan_date: str = ""  # "" for cash, and for summed lots of several dates
    loan: int = 0
    credit: bool = False


def _positions(broker: Broker, by_lot: bool) -> list[_Position]:
    """Cash holdings (crd_tp 00) and credit lots (03), cash first within a stock; qry_tp 1 (합산) sums a stock's
    lots into one credit row, qry_tp 2 (개별) gives one row per loan date."""
    positions = []
    for code in sorted({*broker.holdings, *(lot.code for lot in broker.lots.values())}):
        holding = broker.holdings.get(code)
        if holding is not None:
            positions.append(
                _Position(
                    code,
                    holding.quantity,
                    holding.purchase_amount,
                    holding.today_buy_qty,
                    holding.today_sell_qty,
                    broker.sellable(code),
                )
            )
        lots = broker.lots_of(code)
        if not lots:
            continue
        if by_lot:
            positions.extend(
                _Position(
                    code,
                    lot.quantity,
                    lot.purchase_amount,
                    lot.today_buy_qty,
                    lot.today_sell_qty,
                    broker.credit_sellable(code, lot.loan_date),
                    lot.loan_date,
                    lot.loan,
                    credit=True,
                )
                for lot in lots
            )
        else:
            positions.append(
                _Position(
                    code,
                    sum(lot.quantity for lot in lots),
                    sum(lot.purchase_amount for lot in lots),
                    sum(lot.today_buy_qty for lot in lots),
                    sum(lot.today_sell_qty for lot in lots),
                    broker.credit_sellable(code),
                    lots[0].loan_date if len(lots) == 1 else "",
                    sum(lot.loan for lot in lots),
                    credit=True,
                )
            )
    return positions


def balance(broker: Broker, f: dict[str, str]) -> Answer:
    positions = _positions(broker, by_lot=f["qry_tp"] == "2") if f["dmst_stex_tp"] == "KRX" else []
    rows = []
    total_purchase = total_value = total_loan = 0
    for position in positions:
        quote = broker.market.quotes[position.code]
        value = quote.price * position.quantity
        profit = value - position.purchase_amount
        total_purchase += position.purchase_amount
        total_value += value
        total_loan += position.loan
        sell_commission, tax = fees.commission(value), fees.sell_tax(value)
        buy_commission = fees.commission(position.purchase_amount)
        average = round(position.purchase_amount / position.quantity) if position.quantity else 0
        rows.append(
            {
                "stk_cd": "A" + position.code,
                "stk_nm": broker.market.listings[position.code].name,
                "evltv_prft": padded(profit, 15),
                "prft_rt": rate(profit, position.purchase_amount, plus=False),
                "pur_pric": padded(average, 12),
                "pred_close_pric": padded(quote.base_price, 12),
                "rmnd_qty": padded(position.quantity, 15),
                "trde_able_qty": padded(position.sellable, 15),
                "cur_prc": padded(quote.price, 12),
                "pred_buyq": padded(0, 15),
                "pred_sellq": padded(0, 15),
                "tdy_buyq": padded(position.today_buy_qty, 15),
                "tdy_sellq": padded(position.today_sell_qty, 15),
                "pur_amt": padded(position.purchase_amount, 15),
                "pur_cmsn": padded(buy_commission, 15),
                "evlt_amt": padded(value, 15),
                "sell_cmsn": padded(sell_commission, 15),
                "tax": padded(tax, 15),
                "sum_cmsn": padded(buy_commission + sell_commission, 15),
                "poss_rt": "0.00",
                "crd_tp": "03" if position.credit else "00",
                "crd_tp_nm": "자기융자" if position.credit else "",
                "crd_loan_dt": position.loan_date,
            }
        )
    for row in rows:
        row["poss_rt"] = rate(int(row["evlt_amt"]), total_value, plus=False)
    profit = total_value - total_purchase
    return ok(
        OK_QUERY,
        tot_pur_amt=padded(total_purchase, 15),
        tot_evlt_amt=padded(total_value, 15),
        tot_evlt_pl=padded(profit, 15),
        tot_prft_rt=rate(profit, total_purchase, plus=False),
        prsm_dpst_aset_amt=padded(broker.account.cash + total_value - total_loan, 15),
        tot_loan_amt=padded(total_loan, 15),
        tot_crd_loan_amt=padded(total_loan, 15),
        tot_crd_ls_amt=padded(0, 15),  # no 대주 (stock loans) in the Sandbox, nor in REST
        acnt_evlt_remn_indv_tot=rows,
    )


def deposit(broker: Broker, f: dict[str, str]) -> Answer:
    cash, orderable = broker.account.cash, broker.orderable_cash()
    return ok(
        OK_QUERY,
        entr=padded(cash, 15),
        profa_ch=padded(0, 15),
        ord_alow_amt=padded(orderable, 15),
        pymn_alow_amt=padded(orderable, 15),
        d1_entra=padded(cash, 15),
        d2_entra=padded(cash, 15),
        repl_amt=padded(0, 15),
        ch_uncla=padded(0, 15),
        crd_grnt_rt="0.00",
        **{f"{margin}stk_ord_alow_amt": padded(orderable, 15) for margin in (20, 30, 40, 50, 60, 100)},
        stk_entr_prst=[],
    )


HANDLERS: dict[str, Handler] = {
    "ka00001": account_number,
    "ka10075": open_orders,
    "ka10076": filled_orders,
    "kt00007": order_history,
    "kt00018": balance,
    "kt00001": deposit,
}
