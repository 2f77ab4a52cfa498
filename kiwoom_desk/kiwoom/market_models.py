"""Wire models of the market-information TRs (kiwoom-api-market.md §2–3): rankings and investor flows. Kept apart
from `models.py` (orders and the account) so each file stays readable; the same rules hold: wire names only as
aliases, a required number missing is an error, an optional one None, never a silent 0.

Units are converted here, at the edge: 백만원 and 천만원 become won, 천주 becomes shares, ×100 rates become percent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from ._numbers import optional_decimal, optional_int
from .market_codes import Investor
from .models import OptInt, OptPrice, OptRate, Price, StockCode, WireModel, short_code

CODE = r"^[0-9A-Z]{6}$"
MILLION = 1_000_000  # 백만원
TEN_MILLION = 10_000_000  # 천만원 (ka90009)
THOUSAND = 1_000  # 천주 (ka90009)


def _scaled(unit: int) -> Callable[[Any], int | None]:
    def parse(value: Any) -> int | None:
        number = optional_int(value)
        return None if number is None else number * unit

    return parse


def _hundredths(value: Any) -> Decimal | None:
    """ka10059's `flu_rt` has two implied decimals ("+698" is +6.98 %); a value with a point is taken as written."""
    if isinstance(value, str) and "." in value:
        return optional_decimal(value)
    number = optional_int(value)
    return None if number is None else Decimal(number) / 100


OptMillions = Annotated[int | None, BeforeValidator(_scaled(MILLION))]
OptTenMillions = Annotated[int | None, BeforeValidator(_scaled(TEN_MILLION))]
OptThousands = Annotated[int | None, BeforeValidator(_scaled(THOUSAND))]
OptHundredths = Annotated[Decimal | None, BeforeValidator(_hundredths)]


class RankedStock(WireModel):
    """What every ranking row has: the stock, its price (absolute: the wire's sign is a direction) and change."""

    code: StockCode = Field(alias="stk_cd", pattern=CODE)
    name: str = Field("", alias="stk_nm")
    price: Price = Field(alias="cur_prc")
    change: OptInt = Field(None, alias="pred_pre")
    change_rate: OptRate = Field(None, alias="flu_rt")


class VolumeLeader(RankedStock):
    """ka10030 `tdy_trde_qty_upper` row."""

    volume: OptInt = Field(None, alias="trde_qty")
    volume_vs_yesterday: OptRate = Field(None, alias="pred_rt")  # % of yesterday's volume
    turnover: OptRate = Field(None, alias="trde_tern_rt")  # %
    value: OptMillions = Field(None, alias="trde_amt")  # won


class ValueLeader(RankedStock):
    """ka10032 `trde_prica_upper` row."""

    rank: OptInt = Field(None, alias="now_rank")
    previous_rank: OptInt = Field(None, alias="pred_rank")
    best_ask: OptPrice = Field(None, alias="sel_bid")
    best_bid: OptPrice = Field(None, alias="buy_bid")
    volume: OptInt = Field(None, alias="now_trde_qty")
    previous_volume: OptInt = Field(None, alias="pred_trde_qty")
    value: OptMillions = Field(None, alias="trde_prica")  # won


class ChangeLeader(RankedStock):
    """ka10027 `pred_pre_flu_rt_upper` row."""

    ask_quantity: OptInt = Field(None, alias="sel_req")
    bid_quantity: OptInt = Field(None, alias="buy_req")
    volume: OptInt = Field(None, alias="now_trde_qty")
    strength: OptRate = Field(None, alias="cntr_str")  # 체결강도 %


class VolumeSurge(RankedStock):
    """ka10023 `trde_qty_sdnin` row."""

    previous_volume: OptInt = Field(None, alias="prev_trde_qty")
    volume: OptInt = Field(None, alias="now_trde_qty")
    surge: OptInt = Field(None, alias="sdnin_qty")  # shares, signed
    surge_rate: OptRate = Field(None, alias="sdnin_rt")  # %, signed


@dataclass(frozen=True)
class NetTradeLeader:
    """One stock of a ka90009 list: its net trading in won and shares (signed as the server sends them)."""

    code: str
    name: str
    amount: int | None
    quantity: int | None


@dataclass(frozen=True)
class ForeignInstitutionRanking:
    """ka90009: four lists ranked side by side on the wire, apart here."""

    foreign_sells: list[NetTradeLeader]
    foreign_buys: list[NetTradeLeader]
    institution_sells: list[NetTradeLeader]
    institution_buys: list[NetTradeLeader]


FOREIGN_INSTITUTION_LISTS = ("for_netslmt", "for_netprps", "orgn_netslmt", "orgn_netprps")  # ranking order above


def net_trade_leader(row: dict[str, Any], prefix: str) -> NetTradeLeader | None:
    """One list's entry in a ka90009 row; None where that list has no stock at this rank. A code that is there
    but not a code is an error (the row is not what the spec says)."""
    raw = row.get(f"{prefix}_stk_cd")
    if raw in (None, ""):
        return None
    code = short_code(raw)
    name = row.get(f"{prefix}_stk_nm")
    return NetTradeLeader(
        code,
        name if isinstance(name, str) else "",
        _scaled(TEN_MILLION)(row.get(f"{prefix}_amt")),
        _scaled(THOUSAND)(row.get(f"{prefix}_qty")),
    )


INVESTOR_FIELDS: dict[Investor, str] = {
    Investor.INDIVIDUAL: "ind_invsr",
    Investor.FOREIGN: "frgnr_invsr",
    Investor.INSTITUTIONS: "orgn",
    Investor.FINANCIAL_INVESTMENT: "fnnc_invt",
    Investor.INSURANCE: "insrnc",
    Investor.TRUSTS: "invtrt",
    Investor.OTHER_FINANCE: "etc_fnnc",
    Investor.BANKS: "bank",
    Investor.PENSION_FUNDS: "penfnd_etc",
    Investor.PRIVATE_FUNDS: "samo_fund",
    Investor.STATE: "natn",
    Investor.OTHER_CORPORATIONS: "etc_corp",
    Investor.DOMESTIC_FOREIGNERS: "natfor",
}
INTRADAY_INVESTORS = (  # ka10064 has no 개인 and fewer institution columns (kiwoom-api-market.md §3.3)
    Investor.FOREIGN,
    Investor.INSTITUTIONS,
    Investor.TRUSTS,
    Investor.INSURANCE,
    Investor.BANKS,
    Investor.PENSION_FUNDS,
    Investor.OTHER_CORPORATIONS,
    Investor.STATE,
)


def flows(row: dict[str, Any], investors: Sequence[Investor], unit: int) -> dict[Investor, int | None]:
    """The investor columns of a row in won or shares (`unit`: what one wire unit is worth); None where absent."""
    return {investor: _scaled(unit)(row.get(INVESTOR_FIELDS[investor])) for investor in investors}


class InvestorDayRow(WireModel):
    """ka10059 `stk_invsr_orgn` row, without its investor columns (read by `flows`, in the request's unit)."""

    day: str = Field(alias="dt", pattern=r"^[0-9]{8}$")
    close: Price = Field(alias="cur_prc")
    change: OptInt = Field(None, alias="pred_pre")
    change_rate: OptHundredths = Field(None, alias="flu_rt")
    volume: OptInt = Field(None, alias="acc_trde_qty")
    value: OptMillions = Field(None, alias="acc_trde_prica")


class InvestorMinuteRow(WireModel):
    """ka10064 `opmr_invsr_trde_chart` row's time (its columns are read by `flows`)."""

    time: str = Field(alias="tm", pattern=r"^[0-9]{6}$")


@dataclass(frozen=True)
class InvestorDay:
    """One day of a stock's trading by investor type (ka10059), in won or shares."""

    day: str  # YYYYMMDD
    close: int
    change: int | None
    change_rate: Decimal | None
    volume: int | None
    value: int | None  # won
    flows: dict[Investor, int | None]


@dataclass(frozen=True)
class InvestorMinute:
    """Today's trading by investor type up to `time` (ka10064), in won or shares; no 개인 column."""

    time: str  # HHMMSS
    flows: dict[Investor, int | None]


class ViStock(WireModel):
    """ka10054 `motn_stk` row: a stock under a volatility interruption now (kiwoom-api-market.md §6.4)."""

    code: StockCode = Field(alias="stk_cd", pattern=CODE)
    name: str = Field("", alias="stk_nm")
    volume: OptInt = Field(None, alias="acc_trde_qty")
    price: OptPrice = Field(None, alias="motn_pric")  # the price that triggered it
    kind: str = Field("", alias="viaplc_tp")  # 정적 / 동적 / 동적+정적
    trigger_time: str = Field("", alias="trde_cntr_proc_time")  # HHMMSS
    release_time: str = Field("", alias="virelis_time")  # HHMMSS
    static_reference: OptPrice = Field(None, alias="static_stdpc")
    dynamic_reference: OptPrice = Field(None, alias="dynm_stdpc")
    count: OptInt = Field(None, alias="vimotn_cnt")
    venue: str = Field("", alias="stex_tp")
