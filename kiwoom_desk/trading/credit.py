"""Credit (신용, 자기융자) orders as the desk sends them: which request a ticket or an order's modify and cancel
goes by (a credit order only ever by kt10006-kt10009, a cash one only by kt10000-kt10003), a stock's terms
(kt20016: eligible or not, its margin rate), and the refusal that says the environment offers no credit at all
(Kiwoom's mock server). No Qt."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from ..environments import Environment
from ..kiwoom import CreditDeal, KiwoomError, Side, TradeType
from .orders import Order
from .rules import Ticket

if TYPE_CHECKING:
    from ..kiwoom import CancelAck, KiwoomClient, ModifyAck, OrderAck
    from ..kiwoom.credit_models import CreditStock

NOT_OFFERED_CODES = (8104,)  # 모의투자를 지원하지 않는 API입니다
NOT_OFFERED_RETURN_CODES = (20,)  # 모의투자에서는 해당업무가 제공되지 않습니다 (kt20016 in mock, by a third party)
NOT_OFFERED_TEXT = ("모의투자에서는 해당업무가 제공되지 않습니다", "모의투자를 지원하지 않는")


class Ineligible(StrEnum):
    """Why a stock can't be bought on credit."""

    NOT_LISTED = "not_listed"  # kt20016 does not list it: not a credit stock at this broker
    OVER_LIMIT = "over_limit"  # listed, but the broker's credit limit for it is used up (crd_limit_over_yn Y)


@dataclass(frozen=True)
class CreditTerms:
    """A stock's credit terms today: its margin rate when eligible, else why not."""

    code: str
    margin_percent: Decimal | None = None
    ineligible: Ineligible | None = None
    detail: str = ""  # the broker's own words, when it gave any

    @property
    def eligible(self) -> bool:
        return self.ineligible is None

    @classmethod
    def from_rows(cls, code: str, rows: list[CreditStock]) -> CreditTerms:
        row = next((row for row in rows if row.stock_code == code), None)
        if row is None:
            return cls(code, ineligible=Ineligible.NOT_LISTED)
        if row.over_limit:
            return cls(code, row.margin_rate, Ineligible.OVER_LIMIT, row.over_limit_text.strip())
        return cls(code, row.margin_rate)


class TermsCache:
    """kt20016 answers per stock, for the day they were read (rates change overnight, not within a day)."""

    def __init__(self) -> None:
        self._terms: dict[str, tuple[date, CreditTerms]] = {}

    def get(self, code: str, today: date) -> CreditTerms | None:
        known = self._terms.get(code)
        return known[1] if known is not None and known[0] == today else None

    def put(self, terms: CreditTerms, today: date) -> None:
        self._terms[terms.code] = (today, terms)


def not_offered(error: KiwoomError, environment: Environment) -> bool:
    """The server said this environment has no credit service at all (Kiwoom's mock server), as opposed to
    refusing this one order. The bare return code 20 counts only in Mock: elsewhere it is a generic code, and an
    ordinary refusal must not take credit away from a Real account for the rest of the run."""
    return (
        error.code in NOT_OFFERED_CODES
        or (environment is Environment.MOCK and error.return_code in NOT_OFFERED_RETURN_CODES)
        or any(text in (error.return_msg or "") for text in NOT_OFFERED_TEXT)
    )


def order_api_id(ticket: Ticket) -> str:
    if ticket.credit:
        return "kt10006" if ticket.side is Side.BUY else "kt10007"
    return ticket.side.api_id


def send(client: KiwoomClient, ticket: Ticket) -> Awaitable[OrderAck]:
    """The one request the ticket's order goes by: a cash order, a credit buy, or a credit sell of one lot (its
    loan date) or of every lot (융자합)."""
    code, quantity, kind, venue = ticket.stock_code, ticket.quantity, ticket.trade_type, ticket.venue
    price = ticket.price if kind.needs_price else None
    stop = ticket.stop_price if kind is TradeType.STOP_LIMIT else None
    if not ticket.credit:
        return client.place_order(
            side=ticket.side,
            stock_code=code,
            quantity=quantity,
            trade_type=kind,
            price=price,
            venue=venue,
            stop_price=stop,
        )
    if ticket.side is Side.BUY:
        return client.credit_buy(
            stock_code=code, quantity=quantity, trade_type=kind, price=price, venue=venue, stop_price=stop
        )
    return client.credit_sell(
        stock_code=code,
        quantity=quantity,
        trade_type=kind,
        deal=CreditDeal.LOAN if ticket.loan_date else CreditDeal.LOAN_TOTAL,
        loan_date=ticket.loan_date,
        price=price,
        venue=venue,
        stop_price=stop,
    )


def modify_api_id(order: Order) -> str:
    return "kt10008" if order.on_credit else "kt10002"


def cancel_api_id(order: Order) -> str:
    return "kt10009" if order.on_credit else "kt10003"


def modify(client: KiwoomClient, order: Order, quantity: int, price: int) -> Awaitable[ModifyAck]:
    call = client.modify_credit_order if order.on_credit else client.modify_order
    return call(orig_order_no=order.order_no, stock_code=order.stock_code, quantity=quantity, price=price)


def cancel(client: KiwoomClient, order: Order) -> Awaitable[CancelAck]:
    call = client.cancel_credit_order if order.on_credit else client.cancel_order
    return call(orig_order_no=order.order_no, stock_code=order.stock_code)
