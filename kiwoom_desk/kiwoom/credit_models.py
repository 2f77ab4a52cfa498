"""Wire models of the credit TRs (kiwoom-api-market.md §5.5): kt20016's eligible stocks. The credit columns of
kt00018 and the credit FIDs of 00/04 are read with their own models and events."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from ._numbers import WireNumberError, parse_decimal
from .models import OptPrice, StockCode, WireModel


def percent(value: Any) -> Decimal:
    """A rate written with its percent sign ("45%"), as a Decimal percent (45)."""
    if not isinstance(value, str):
        raise WireNumberError(f"expected a percentage, got {type(value).__name__}")
    return parse_decimal(value.strip().removesuffix("%"))


Percent = Annotated[Decimal, BeforeValidator(percent)]


class CreditStock(WireModel):
    """kt20016 `crd_loan_pos_stk` row: a stock eligible for a credit buy and its margin rate."""

    stock_code: StockCode = Field(alias="stk_cd", pattern=r"^[0-9A-Z]{6}$")
    stock_name: str = Field("", alias="stk_nm")
    margin_rate: Percent = Field(alias="crd_assr_rt")  # 신용보증금율, percent of the amount the trader puts up
    substitute_price: OptPrice = Field(None, alias="repl_pric")  # 대용가
    previous_close: OptPrice = Field(None, alias="pred_close_pric")
    over_limit_flag: str = Field("", alias="crd_limit_over_yn")
    over_limit_text: str = Field("", alias="crd_limit_over_txt")

    @property
    def over_limit(self) -> bool:
        """The broker's credit limit for the stock is used up (crd_limit_over_yn Y)."""
        return self.over_limit_flag.strip() == "Y"
