"""Wire models: readable Python names, the wire names as aliases, numbers parsed (kiwoom-api.md §3–5).

Unknown extra fields are ignored (the server adds fields over time). A number the app trades on is required:
missing, empty or not a number, it is an error the client reports with its api-id and field. Any other number
is optional and None when it is absent or unreadable; nothing is ever read as a silent 0. Nothing above
`kiwoom/` speaks wire names.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_serializer, model_validator

from ._numbers import (
    WireNumberError,
    optional_decimal,
    optional_int,
    optional_price,
    parse_decimal,
    parse_int,
    parse_price,
)
from .codes import CreditType, OrderStatus, Side

Int = Annotated[int, BeforeValidator(parse_int)]
Price = Annotated[int, BeforeValidator(parse_price)]
Rate = Annotated[Decimal, BeforeValidator(parse_decimal)]
OptInt = Annotated[int | None, BeforeValidator(optional_int)]
OptPrice = Annotated[int | None, BeforeValidator(optional_price)]
OptRate = Annotated[Decimal | None, BeforeValidator(optional_decimal)]


_SHORT_CODE = re.compile(r"[AJQ]?([0-9A-Z]{6})")


def short_code(value: Any) -> str:
    """A 6-character KRX code from `005930` or the kind-prefixed `A005930` (J ELW, Q ETN) that account TRs,
    kt20016 and condition search send; anything else raises WireNumberError (a ValueError)."""
    match = _SHORT_CODE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise WireNumberError(f"not a stock code: {str(value)[:20]!r}")
    return match.group(1)


def _stock_code(value: Any) -> Any:
    """For a model's code field: the prefix dropped; what is not a code is left for the field's pattern to refuse."""
    try:
        return short_code(value)
    except WireNumberError:
        return value


StockCode = Annotated[str, BeforeValidator(_stock_code)]
Status = Annotated[OrderStatus | None, BeforeValidator(OrderStatus.parse)]  # a status the spec does not list: None
# A holding's credit kind (kt00018 crd_tp): absent None, unlisted OTHER (never cash)
HoldingCredit = Annotated[CreditType | None, BeforeValidator(CreditType.parse_holding)]
_DAY = re.compile(r"([0-9]{8})?")


def loan_date(value: Any) -> str:
    """A loan date: YYYYMMDD, or "" for none (a cash row). Anything else is an error: a credit sell of one lot
    (kt10007 33) is sent with this date, so a wrong one must not be carried."""
    text = value.strip() if isinstance(value, str) else None
    if text is None or not _DAY.fullmatch(text):
        raise WireNumberError(f"not a loan date (YYYYMMDD): {str(value)[:20]!r}")
    return text


LoanDate = Annotated[str, BeforeValidator(loan_date)]


ORDER_NO = r"^[0-9]{1,10}$"  # order numbers are digits (7 on the wire; the spec's own example shows 5)


class WireModel(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore", frozen=True)


def side_from_text(text: str) -> Side | None:
    """io_tp_nm / FID 905: "+매수", "-매도", "현금매수", "매도정정" ... -> the side, or None if it names neither."""
    if "매수" in text:
        return Side.BUY
    if "매도" in text:
        return Side.SELL
    return None


class Token(WireModel):
    token: str = Field(alias="token", pattern=r"^\S+$")
    token_type: str = Field(alias="token_type")
    expires_dt: str = Field(alias="expires_dt", pattern=r"^\d{14}$")


class OrderAck(WireModel):
    """kt10000 / kt10001."""

    order_no: str = Field(alias="ord_no", pattern=ORDER_NO)
    venue: str = Field("", alias="dmst_stex_tp")


class ModifyAck(WireModel):
    """kt10002: the new order number and the root of the chain."""

    order_no: str = Field(alias="ord_no", pattern=ORDER_NO)
    base_order_no: str = Field("", alias="base_orig_ord_no")
    quantity: OptInt = Field(None, alias="mdfy_qty")
    venue: str = Field("", alias="dmst_stex_tp")


class CancelAck(WireModel):
    """kt10003."""

    order_no: str = Field(alias="ord_no", pattern=ORDER_NO)
    base_order_no: str = Field("", alias="base_orig_ord_no")
    quantity: OptInt = Field(None, alias="cncl_qty")


class _OrderRow(WireModel):
    order_no: str = Field(alias="ord_no", pattern=ORDER_NO)
    stock_code: StockCode = Field(alias="stk_cd", min_length=1, pattern=r"\S")
    stock_name: str = Field("", alias="stk_nm")
    side_text: str = Field("", alias="io_tp_nm")
    trade_type_name: str = Field("", alias="trde_tp")
    orig_order_no: str = Field("", alias="orig_ord_no")

    @property
    def side(self) -> Side | None:
        return side_from_text(self.side_text)

    @property
    def on_credit(self) -> bool:
        """A credit order: its side text says 신용 ("+매수신용", ka10075's overview)."""
        return "신용" in self.side_text


class _TodayOrderRow(_OrderRow):
    """What ka10075 and ka10076 rows share."""

    status: Status = Field(None, alias="ord_stt")
    quantity: Int = Field(alias="ord_qty")
    price: Price = Field(alias="ord_pric")  # 0 for a market order: a number all the same
    unfilled: Int = Field(alias="oso_qty")
    filled_quantity: OptInt = Field(None, alias="cntr_qty")  # the spec's own ka10075 example leaves it out
    stop_price: OptPrice = Field(None, alias="stop_pric")


class OpenOrder(_TodayOrderRow):
    """ka10075 `oso` row: an order with an unfilled remainder."""

    account_no: str = Field("", alias="acnt_no")
    filled_amount: OptInt = Field(None, alias="cntr_tot_amt")
    time: str = Field("", alias="tm")
    current_price: OptPrice = Field(None, alias="cur_prc")
    venue: str = Field("", alias="stex_tp_txt")


class FilledOrder(_TodayOrderRow):
    """ka10076 `cntr` row: an order with fills; `fill_price` is the average."""

    fill_price: Price = Field(alias="cntr_pric")
    commission: OptInt = Field(None, alias="tdy_trde_cmsn")
    tax: OptInt = Field(None, alias="tdy_trde_tax")
    time: str = Field("", alias="ord_tm")


class OrderHistoryEntry(_OrderRow):
    """kt00007 `acnt_ord_cntr_prps_dtl` row: every order of the day, modifies and cancels included."""

    orig_order_no: str = Field("", alias="ori_ord")
    quantity: Int = Field(alias="ord_qty")
    price: OptPrice = Field(None, alias="ord_uv")
    confirmed_quantity: OptInt = Field(None, alias="cnfm_qty")
    filled_quantity: Int = Field(alias="cntr_qty")
    fill_price: OptPrice = Field(None, alias="cntr_uv")
    remaining: Int = Field(alias="ord_remnq")
    accept_type: str = Field("", alias="acpt_tp")
    amendment: str = Field("", alias="mdfy_cncl")
    time: str = Field("", alias="ord_tm")
    venue: str = Field("", alias="dmst_stex_tp")
    stop_price: OptPrice = Field(None, alias="cond_uv")


class Holding(WireModel):
    """kt00018 `acnt_evlt_remn_indv_tot` row."""

    stock_code: StockCode = Field(alias="stk_cd", min_length=1, pattern=r"\S")
    stock_name: str = Field("", alias="stk_nm")
    quantity: Int = Field(alias="rmnd_qty")
    sellable: Int = Field(alias="trde_able_qty")
    average_price: Price = Field(alias="pur_pric")
    current_price: Price = Field(alias="cur_prc")
    purchase_amount: Int = Field(alias="pur_amt")
    evaluation: Int = Field(alias="evlt_amt")
    profit: Int = Field(alias="evltv_prft")
    profit_rate: OptRate = Field(None, alias="prft_rt")
    credit_type: HoldingCredit = Field(None, alias="crd_tp")  # 00 cash, 03 자기융자, another kind OTHER
    credit_type_name: str = Field("", alias="crd_tp_nm")
    loan_date: LoanDate = Field("", alias="crd_loan_dt")  # a credit lot's loan date ("" when cash or summed)

    @model_validator(mode="before")
    @classmethod
    def _date_only_on_credit(cls, data: Any) -> Any:
        """A row that is not on credit has no loan date to carry: whatever its field holds (the real server's
        format for cash rows is not documented) is not read, so an odd value never fails the whole balance."""
        if isinstance(data, dict) and "crd_loan_dt" in data:
            kind = CreditType.parse_holding(data.get("crd_tp"))
            if kind is None or not kind.is_credit:
                return {**data, "crd_loan_dt": ""}
        return data

    @property
    def on_credit(self) -> bool:
        return self.credit_type is not None and self.credit_type.is_credit


class Balance(WireModel):
    """kt00018: totals and holdings."""

    total_purchase: OptInt = Field(None, alias="tot_pur_amt")
    total_evaluation: OptInt = Field(None, alias="tot_evlt_amt")
    total_profit: OptInt = Field(None, alias="tot_evlt_pl")
    total_profit_rate: OptRate = Field(None, alias="tot_prft_rt")
    estimated_assets: OptInt = Field(None, alias="prsm_dpst_aset_amt")
    total_loan: OptInt = Field(None, alias="tot_loan_amt")
    total_credit_loan: OptInt = Field(None, alias="tot_crd_loan_amt")  # 총융자금액
    total_stock_loan: OptInt = Field(None, alias="tot_crd_ls_amt")  # 총대주금액
    holdings: list[Holding] = Field(default_factory=list, alias="acnt_evlt_remn_indv_tot")


class Deposit(WireModel):
    """kt00001: cash and what can be ordered with it."""

    cash: Int = Field(alias="entr")
    orderable: Int = Field(alias="ord_alow_amt")
    withdrawable: OptInt = Field(None, alias="pymn_alow_amt")
    d2_cash: OptInt = Field(None, alias="d2_entra")


class TradeJournalRow(WireModel):
    """ka10170 `tdy_trde_diary` row: one stock's trades of the day."""

    stock_code: StockCode = Field(alias="stk_cd", min_length=1, pattern=r"\S")
    stock_name: str = Field("", alias="stk_nm")
    buy_quantity: Int = Field(alias="buy_qty")
    buy_average_price: Price = Field(alias="buy_avg_pric")
    buy_amount: Int = Field(alias="buy_amt")
    sell_quantity: Int = Field(alias="sell_qty")
    sell_average_price: Price = Field(alias="sel_avg_pric")
    sell_amount: Int = Field(alias="sell_amt")
    fees_and_tax: Int = Field(alias="cmsn_alm_tax")
    profit: Int = Field(alias="pl_amt")
    profit_rate: OptRate = Field(None, alias="prft_rt")


class TradeJournal(WireModel):
    """ka10170: the day's trade journal, per stock, with its totals."""

    total_buy: Int = Field(alias="tot_buy_amt")
    total_sell: Int = Field(alias="tot_sell_amt")
    total_fees_and_tax: Int = Field(alias="tot_cmsn_tax")
    total_settled: OptInt = Field(None, alias="tot_exct_amt")
    total_profit: Int = Field(alias="tot_pl_amt")
    total_profit_rate: OptRate = Field(None, alias="tot_prft_rt")
    rows: list[TradeJournalRow] = Field(default_factory=list, alias="tdy_trde_diary")


class RealizedSale(WireModel):
    """ka10077 `tdy_rlzt_pl_dtl` row: one sale of the day, with what it realized. Costs and P/L carry decimals."""

    stock_code: StockCode = Field(alias="stk_cd", min_length=1, pattern=r"\S")
    stock_name: str = Field("", alias="stk_nm")
    quantity: Int = Field(alias="cntr_qty")
    price: Price = Field(alias="cntr_pric")
    average_cost: Rate = Field(alias="buy_uv")
    profit: Rate = Field(alias="tdy_sel_pl")
    profit_rate: OptRate = Field(None, alias="pl_rt")
    commission: OptInt = Field(None, alias="tdy_trde_cmsn")
    tax: OptInt = Field(None, alias="tdy_trde_tax")


class RealizedProfit(WireModel):
    """ka10077: a stock's realized P/L today, sale by sale."""

    total: Rate = Field(alias="tdy_rlzt_pl")
    rows: list[RealizedSale] = Field(default_factory=list, alias="tdy_rlzt_pl_dtl")


class MinuteCandle(WireModel):
    """ka10080 `stk_min_pole_chart_qry` row: one candle, its prices as won (the wire's sign is a direction)."""

    time: str = Field(alias="cntr_tm", pattern=r"^[0-9]{14}$")  # YYYYMMDDHHMMSS, KST: the candle's start
    open: Price = Field(alias="open_pric")
    high: Price = Field(alias="high_pric")
    low: Price = Field(alias="low_pric")
    close: Price = Field(alias="cur_prc")
    volume: Int = Field(alias="trde_qty")
    day_volume: OptInt = Field(None, alias="acc_trde_qty")


class DailyCandle(WireModel):
    """ka10081 `stk_dt_pole_chart_qry` row: one trading day."""

    date: str = Field(alias="dt", pattern=r"^[0-9]{8}$")  # YYYYMMDD
    open: Price = Field(alias="open_pric")
    high: Price = Field(alias="high_pric")
    low: Price = Field(alias="low_pric")
    close: Price = Field(alias="cur_prc")
    volume: Int = Field(alias="trde_qty")
    value_millions: OptInt = Field(None, alias="trde_prica")  # value traded, in millions of won
    change: OptInt = Field(None, alias="pred_pre")
    turnover: OptRate = Field(None, alias="trde_tern_rt")


class Direction(StrEnum):
    """pre_sig / FID 25."""

    UPPER_LIMIT = "1"
    UP = "2"
    FLAT = "3"
    LOWER_LIMIT = "4"
    DOWN = "5"

    @property
    def sign(self) -> int:
        return {"1": 1, "2": 1, "3": 0, "4": -1, "5": -1}[self.value]


class StockInfo(WireModel):
    """ka10001. Prices are absolute; `direction` and `change` say which way it moved."""

    code: str = Field(alias="stk_cd", min_length=1, pattern=r"\S")
    name: str = Field(alias="stk_nm")
    current_price: Price = Field(alias="cur_prc")
    direction: Annotated[Direction, BeforeValidator(lambda value: value or "3")] = Field(
        Direction.FLAT, alias="pre_sig"
    )
    change: OptInt = Field(None, alias="pred_pre")
    change_rate: OptRate = Field(None, alias="flu_rt")
    open: OptPrice = Field(None, alias="open_pric")
    high: OptPrice = Field(None, alias="high_pric")
    low: OptPrice = Field(None, alias="low_pric")
    upper_limit: Price = Field(alias="upl_pric")
    lower_limit: Price = Field(alias="lst_pric")
    base_price: Price = Field(alias="base_pric")
    volume: OptInt = Field(None, alias="trde_qty")
    expected_price: OptPrice = Field(None, alias="exp_cntr_pric")  # while an auction collects; None when empty
    expected_quantity: OptInt = Field(None, alias="exp_cntr_qty")


class WatchedStock(WireModel):
    """ka10095 `atn_stk_infr` row: one stock's quote for a watchlist. Prices are absolute (the wire's sign is a
    direction); what a row leaves out is None, never 0."""

    code: StockCode = Field(alias="stk_cd", pattern=r"^[0-9A-Z]{6}(_NX|_AL)?$")
    name: str = Field("", alias="stk_nm")
    current_price: Price = Field(alias="cur_prc")
    base_price: OptPrice = Field(None, alias="base_pric")
    change: OptInt = Field(None, alias="pred_pre")
    change_rate: OptRate = Field(None, alias="flu_rt")
    volume: OptInt = Field(None, alias="trde_qty")
    value_millions: OptInt = Field(None, alias="trde_prica")  # 백만원
    open: OptPrice = Field(None, alias="open_pric")
    high: OptPrice = Field(None, alias="high_pric")
    low: OptPrice = Field(None, alias="low_pric")
    upper_limit: OptPrice = Field(None, alias="upl_pric")
    lower_limit: OptPrice = Field(None, alias="lst_pric")
    best_ask: OptPrice = Field(None, alias="sel_bid")
    best_bid: OptPrice = Field(None, alias="buy_bid")


class WatchGroup(WireModel):
    """ka01300 `nofi` row: one of the trader's 영웅문 watchlist groups."""

    code: str = Field(alias="gcod", pattern=r"^[0-9]{3}$")
    name: str = Field("", alias="name")


class WatchGroupStock(WireModel):
    """ka01301 `nofj` row: a stock of a group."""

    code: StockCode = Field(alias="cod2", pattern=r"^[0-9A-Z]{6}$")  # a KRX code (A-prefixed ones read as such)


class BookLevel(WireModel):
    price: int
    quantity: int | None  # None: the server left the quantity out


Levels = list[BookLevel | None]  # best first; None where the server left a level out or sent one unreadable


def book_level(price: Any, quantity: Any) -> BookLevel | None:
    """One level of a book: its price is required (else the level is empty), its quantity optional."""
    try:
        value = parse_price(price)
    except WireNumberError:
        return None
    return BookLevel(price=value, quantity=optional_int(quantity)) if value else None


class OrderBook(WireModel):
    """ka10004, the flat `sel_fpr_bid` / `sel_{N}th_pre_bid` ... fields turned into 10 levels a side (best first).
    A level that is missing or unreadable is empty; the rest of the book stays."""

    time: str = ""
    asks: Levels = Field(default_factory=list)
    bids: Levels = Field(default_factory=list)
    total_ask_quantity: int | None = None
    total_bid_quantity: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_wire(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "asks" in data or "bids" in data:
            return data  # already in levels (a copy, a cache), not the wire's flat fields

        def levels(prefix: str) -> Levels:
            return [
                book_level(
                    data.get(f"{prefix}_fpr_bid" if level == 1 else f"{prefix}_{level}th_pre_bid"),
                    data.get(f"{prefix}_fpr_req" if level == 1 else f"{prefix}_{level}th_pre_req"),
                )
                for level in range(1, 11)
            ]

        return {
            "time": data.get("bid_req_base_tm") if isinstance(data.get("bid_req_base_tm"), str) else "",
            "asks": levels("sel"),
            "bids": levels("buy"),
            "total_ask_quantity": optional_int(data.get("tot_sel_req")),
            "total_bid_quantity": optional_int(data.get("tot_buy_req")),
        }


class StockListing(WireModel):
    """ka10099 `list` row."""

    code: str = Field(alias="code", min_length=1, pattern=r"\S")
    name: str = Field(alias="name")
    market_code: str = Field("", alias="marketCode")
    market_name: str = Field("", alias="marketName")
    last_price: OptPrice = Field(None, alias="lastPrice")
    listed_shares: OptInt = Field(None, alias="listCount")
    state: str = Field("", alias="state")
    audit: str = Field("", alias="auditInfo")
    warning: str = Field("0", alias="orderWarning")
    nxt_enabled: bool = Field(False, alias="nxtEnable")

    @model_validator(mode="before")
    @classmethod
    def _yes_no(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("nxtEnable"), str):
            return {**data, "nxtEnable": data["nxtEnable"] == "Y"}
        return data

    @field_serializer("last_price", "listed_shares")
    def _as_wire_number(self, value: int | None) -> str:
        return "" if value is None else str(value)
