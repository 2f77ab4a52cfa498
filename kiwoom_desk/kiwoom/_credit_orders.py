"""The credit (신용) orders and queries of `KiwoomClient` (kiwoom-api-market.md §5): kt10006 credit buy, kt10007
credit sell, kt10008/kt10009 their modify and cancel, kt20016 the stocks eligible for credit.

A mixin so that client.py keeps its size; the orders go through the client's one order path (`_order`: checked
before sending, sent at most once, never resent once they may have reached the server; errors.ORDER_API_IDS lists
them) with the bodies the cash orders use, plus kt10007's loan kind and date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import errors
from ._parts import ClientParts
from .codes import CreditDeal, TradeType, Venue
from .credit_models import CreditStock
from .models import CancelAck, ModifyAck, OrderAck

_DAY = re.compile(r"[0-9]{8}")
CREDIT_GRADES = ("A", "B", "C", "D", "E")  # kt20016 crd_stk_grde_tp
CREDIT_MARKETS = {"": "%", "KOSPI": "1", "KOSDAQ": "0"}  # kt20016 mrkt_deal_tp (1 KOSPI, 0 KOSDAQ)


class CreditOrders(ClientParts):
    if TYPE_CHECKING:  # provided by KiwoomClient (its cash orders' body checks)

        def _new_order_body(
            self,
            api_id: str,
            stock_code: str,
            quantity: int,
            trade_type: TradeType,
            price: int | None,
            venue: Venue,
            stop_price: int | None,
        ) -> dict[str, str]: ...

        def _modify_body(
            self,
            api_id: str,
            orig_order_no: str,
            stock_code: str,
            quantity: int,
            price: int,
            venue: Venue,
            stop_price: int | None,
        ) -> dict[str, str]: ...

        def _cancel_body(
            self, api_id: str, orig_order_no: str, stock_code: str, quantity: int, venue: Venue
        ) -> dict[str, str]: ...

    async def credit_buy(
        self,
        *,
        stock_code: str,
        quantity: int,
        trade_type: TradeType,
        price: int | None = None,
        venue: Venue = Venue.KRX,
        stop_price: int | None = None,
    ) -> OrderAck:
        """kt10006: a 자기융자 credit buy (the broker lends what the margin does not cover); kt10000's body."""
        api_id = "kt10006"
        body = self._new_order_body(api_id, stock_code, quantity, trade_type, price, venue, stop_price)
        return await self._order(api_id, body, OrderAck)

    async def credit_sell(
        self,
        *,
        stock_code: str,
        quantity: int,
        trade_type: TradeType,
        deal: CreditDeal,
        loan_date: str = "",
        price: int | None = None,
        venue: Venue = Venue.KRX,
        stop_price: int | None = None,
    ) -> OrderAck:
        """kt10007: sells shares bought on credit and repays their loan: `deal` LOAN the lot of `loan_date`
        (YYYYMMDD, required, as kt00018's `loan_date`), LOAN_TOTAL all the stock's lots (no date)."""
        api_id = "kt10007"
        try:
            deal = CreditDeal(str(deal))
        except ValueError:
            allowed = ", ".join(member.value for member in CreditDeal)
            raise errors.OrderValidationError(
                f"deal must be one of {allowed}; got {deal!r}", field="deal", api_id=api_id
            ) from None
        if deal is CreditDeal.LOAN and not (isinstance(loan_date, str) and _DAY.fullmatch(loan_date)):
            raise errors.OrderValidationError(
                f"a credit sell of one loan (33) needs its loan date as YYYYMMDD; got {loan_date!r}",
                field="loan_date",
                api_id=api_id,
            )
        if deal is CreditDeal.LOAN_TOTAL and loan_date:
            raise errors.OrderValidationError(
                f"a credit sell of all loans (99) takes no loan date; got {loan_date!r}",
                field="loan_date",
                api_id=api_id,
            )
        body = self._new_order_body(api_id, stock_code, quantity, trade_type, price, venue, stop_price)
        body["crd_deal_tp"] = deal.value
        body["crd_loan_dt"] = loan_date
        return await self._order(api_id, body, OrderAck)

    async def modify_credit_order(
        self,
        *,
        orig_order_no: str,
        stock_code: str,
        quantity: int,
        price: int,
        venue: Venue = Venue.KRX,
        stop_price: int | None = None,
    ) -> ModifyAck:
        """kt10008: modify_order for a credit order (0: the whole remainder)."""
        api_id = "kt10008"
        body = self._modify_body(api_id, orig_order_no, stock_code, quantity, price, venue, stop_price)
        return await self._order(api_id, body, ModifyAck)

    async def cancel_credit_order(
        self, *, orig_order_no: str, stock_code: str, quantity: int = 0, venue: Venue = Venue.KRX
    ) -> CancelAck:
        """kt10009: cancel_order for a credit order (0: the whole remainder)."""
        api_id = "kt10009"
        return await self._order(
            api_id, self._cancel_body(api_id, orig_order_no, stock_code, quantity, venue), CancelAck
        )

    async def credit_stocks(
        self, *, grade: str = "", market: str = "", stock_code: str | None = None
    ) -> list[CreditStock]:
        """kt20016, every page: the stocks eligible for a credit buy with their margin rate; `grade` A–E ("" all),
        `market` "KOSPI" / "KOSDAQ" ("" both), `stock_code` one stock."""
        api_id = "kt20016"
        if grade not in ("", *CREDIT_GRADES):
            raise errors.OrderValidationError(
                f"grade must be one of {', '.join(CREDIT_GRADES)} or empty; got {grade!r}", field="grade", api_id=api_id
            )
        if market not in CREDIT_MARKETS:
            raise errors.OrderValidationError(
                f"market must be KOSPI, KOSDAQ or empty; got {market!r}", field="market", api_id=api_id
            )
        if stock_code is not None:
            self._check_stock_code(stock_code, api_id)
        body = {"crd_stk_grde_tp": grade or "%", "mrkt_deal_tp": CREDIT_MARKETS[market], "stk_cd": stock_code or ""}
        _first, rows = await self._pages(api_id, body, "crd_loan_pos_stk")
        return [self._model(api_id, row, CreditStock) for row in rows]
