"""What the exchange remembers about its one account: orders, fills, holdings, cash.

Plain dataclasses; the store persists them field by field, the broker changes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

NO_ORDER = "0000000"


class Side(StrEnum):
    BUY = "buy"
    SELL = "sell"

    @property
    def korean(self) -> str:
        return "매수" if self is Side.BUY else "매도"


class Kind(StrEnum):
    NEW = "new"
    MODIFY = "modify"
    CANCEL = "cancel"


class Status(StrEnum):
    """Order states as Kiwoom names them (FID 913, ord_stt, acpt_tp)."""

    ACCEPTED = "접수"
    FILLED = "체결"
    CONFIRMED = "확인"  # a modify or cancel acknowledged; also an order wholly replaced by a modify
    CANCELLED = "취소"


@dataclass
class Order:
    ord_no: str
    trade_date: str  # YYYYMMDD, KST
    time: str  # HHMMSS, KST
    code: str
    side: Side
    kind: Kind
    trade_type: str  # the trde_tp code it was entered with
    venue: str
    order_price: int  # as entered; 0 for types that take no price
    limit_price: int  # the effective limit; 0 for a market order
    stop_price: int
    quantity: int
    reserve_price: int  # the per-share price a buy holds cash at
    orig_ord_no: str = NO_ORDER
    root_ord_no: str = ""
    triggered: bool = True  # False while a stop-limit waits for its stop price
    filled_qty: int = 0
    filled_amount: int = 0
    cancelled_qty: int = 0
    modified_qty: int = 0
    commission: int = 0
    tax: int = 0
    reject_reason: str = ""  # set when the exchange refused it after accepting (reported as 거부, FID 919)
    credit: bool = False  # a credit order (kt10006-kt10009): a buy borrows, a sell repays a loan
    crd_deal_tp: str = ""  # a credit sell's kt10007 code: "33" one lot (loan_date), "99" all lots oldest first
    loan_date: str = ""  # YYYYMMDD: a credit buy's lot (its trade date), a "33" sell's lot

    @property
    def open_qty(self) -> int:
        if self.kind is Kind.CANCEL:
            return 0
        return self.quantity - self.filled_qty - self.cancelled_qty - self.modified_qty

    @property
    def status(self) -> Status:
        if self.kind is Kind.CANCEL:
            return Status.CONFIRMED
        if self.open_qty > 0:
            return Status.FILLED if self.filled_qty else Status.ACCEPTED
        if self.cancelled_qty:
            return Status.CANCELLED
        if self.modified_qty:
            return Status.CONFIRMED
        return Status.FILLED

    @property
    def average_fill_price(self) -> int:
        return round(self.filled_amount / self.filled_qty) if self.filled_qty else 0


@dataclass
class Fill:
    fill_no: str
    ord_no: str
    trade_date: str
    time: str
    code: str
    side: Side
    price: int
    quantity: int
    commission: int
    tax: int
    cost: int = 0  # a sell's purchase amount of the shares it sold (the average cost, commission excluded)
    cost_commission: int = 0  # and the buy commission those shares paid: the day's journal counts both legs
    credit: bool = False  # a fill of a credit order
    loan_date: str = ""  # the lot it added to or sold from ("" when a 99 sell took from several)
    loan: int = 0  # a credit buy's borrowed amount; a credit sell's repaid loan
    interest: int = 0  # a credit sell's interest paid


@dataclass
class Holding:
    code: str
    quantity: int = 0
    purchase_amount: int = 0  # what the shares held cost, commission excluded
    purchase_commission: int = 0  # the buy commission they paid, released with them as they are sold
    today_buy_qty: int = 0
    today_sell_qty: int = 0

    @property
    def average_price(self) -> int:
        return round(self.purchase_amount / self.quantity) if self.quantity else 0


@dataclass
class CreditLot:
    """Shares bought on credit (자기융자) on one day: one lot per stock and loan date, repaid by credit sells."""

    key: str  # f"{code}:{loan_date}"
    code: str
    loan_date: str  # YYYYMMDD, the day the buy filled
    quantity: int = 0
    purchase_amount: int = 0  # what the shares held cost, commission excluded
    purchase_commission: int = 0
    loan: int = 0  # what the broker lent for the shares held and is still owed
    today_buy_qty: int = 0
    today_sell_qty: int = 0

    @property
    def average_price(self) -> int:
        return round(self.purchase_amount / self.quantity) if self.quantity else 0


@dataclass
class Account:
    account_no: str
    cash: int
    initial_cash: int
    realized_pl: int = 0
    trading_date: str = ""
    seed: int = 0  # the market's random-walk seed, kept so that a restart continues the same walk
    next_order_no: int = 1
    next_fill_no: int = 1
