"""The market-information queries of `KiwoomClient` (kiwoom-api-market.md §2–3): rankings and investor flows.

A mixin so that client.py keeps to the order path and the account; these go through the same `_pages` (token,
rate limit, paging, errors) and never touch an order. Each TR's request is written out in full with the codes of
its own table: the same field name means different codes in different TRs.
"""

from __future__ import annotations

import re
from typing import TypeVar

import pydantic

from . import errors
from ._numbers import WireNumberError
from ._parts import ClientParts
from .market_codes import (
    AmountOrQuantity,
    ChangeSort,
    Exchange,
    FlowSide,
    Investor,
    RankMarket,
    SurgeBasis,
    SurgeSort,
    VolumeSort,
)
from .market_models import (
    FOREIGN_INSTITUTION_LISTS,
    INTRADAY_INVESTORS,
    MILLION,
    ChangeLeader,
    ForeignInstitutionRanking,
    InvestorDay,
    InvestorDayRow,
    InvestorMinute,
    InvestorMinuteRow,
    NetTradeLeader,
    ValueLeader,
    ViStock,
    VolumeLeader,
    VolumeSurge,
    flows,
    net_trade_leader,
)

_Model = TypeVar("_Model", bound=pydantic.BaseModel)
_DAY = re.compile(r"[0-9]{8}")
MAX_SURGE_MINUTES = 99  # ka10023 `tm` (the Sandbox refuses three digits; the spec gives no range)
RANKING_PAGES = 1  # a ranking is its top: one page (the server's page holds dozens)
MAX_VI_PAGES = 10  # every stock under a VI: a page holds dozens, and a whole market in VI is not a day that happens


class MarketQueries(ClientParts):
    async def _ranked(
        self, api_id: str, body: dict[str, str], list_key: str, model: type[_Model], max_pages: int
    ) -> list[_Model]:
        _first, rows = await self._pages(api_id, body, list_key, max_pages)
        return [self._model(api_id, row, model) for row in rows]

    async def volume_leaders(
        self,
        market: RankMarket = RankMarket.ALL,
        sort: VolumeSort = VolumeSort.VOLUME,
        exchange: Exchange = Exchange.KRX,
        max_pages: int = RANKING_PAGES,
    ) -> list[VolumeLeader]:
        """ka10030 당일거래량상위: every stock, 관리종목 included, no thresholds."""
        body = {
            "mrkt_tp": RankMarket(market).value,
            "sort_tp": VolumeSort(sort).value,
            "mang_stk_incls": "0",  # 0 = 관리종목 included here (ka10032 has it the other way round)
            "crd_tp": "0",
            "trde_qty_tp": "0",
            "pric_tp": "0",
            "trde_prica_tp": "0",
            "mrkt_open_tp": "0",
            "stex_tp": Exchange(exchange).value,
        }
        return await self._ranked("ka10030", body, "tdy_trde_qty_upper", VolumeLeader, max_pages)

    async def value_leaders(
        self, market: RankMarket = RankMarket.ALL, exchange: Exchange = Exchange.KRX, max_pages: int = RANKING_PAGES
    ) -> list[ValueLeader]:
        """ka10032 거래대금상위, 관리종목 included."""
        body = {
            "mrkt_tp": RankMarket(market).value,
            "mang_stk_incls": "1",  # 1 = 관리종목 included in this TR (kiwoom-api-market.md §2.2)
            "stex_tp": Exchange(exchange).value,
        }
        return await self._ranked("ka10032", body, "trde_prica_upper", ValueLeader, max_pages)

    async def change_leaders(
        self,
        market: RankMarket = RankMarket.ALL,
        sort: ChangeSort = ChangeSort.RISE_RATE,
        exchange: Exchange = Exchange.KRX,
        max_pages: int = RANKING_PAGES,
    ) -> list[ChangeLeader]:
        """ka10027 전일대비등락률상위: every stock, upper/lower-limit stocks included, no thresholds."""
        body = {
            "mrkt_tp": RankMarket(market).value,
            "sort_tp": ChangeSort(sort).value,
            "trde_qty_cnd": "0000",
            "stk_cnd": "0",
            "crd_cnd": "0",
            "updown_incls": "1",
            "pric_cnd": "0",
            "trde_prica_cnd": "0",
            "stex_tp": Exchange(exchange).value,
        }
        return await self._ranked("ka10027", body, "pred_pre_flu_rt_upper", ChangeLeader, max_pages)

    async def volume_surges(
        self,
        market: RankMarket = RankMarket.ALL,
        sort: SurgeSort = SurgeSort.SURGE_RATE,
        basis: SurgeBasis = SurgeBasis.PREVIOUS_DAY,
        minutes: int | None = None,
        exchange: Exchange = Exchange.KRX,
        max_pages: int = RANKING_PAGES,
    ) -> list[VolumeSurge]:
        """ka10023 거래량급증: against the previous day, or against `minutes` minutes ago (5천주 at least: the
        spec's lowest threshold)."""
        basis = SurgeBasis(basis)
        if basis is SurgeBasis.MINUTES and (
            not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= MAX_SURGE_MINUTES
        ):
            raise errors.OrderValidationError(
                f"minutes must be a whole number from 1 to {MAX_SURGE_MINUTES}, got {minutes!r}",
                field="tm",
                api_id="ka10023",
            )
        body = {
            "mrkt_tp": RankMarket(market).value,
            "sort_tp": SurgeSort(sort).value,
            "tm_tp": basis.value,
            "trde_qty_tp": "5",
            "tm": str(minutes) if basis is SurgeBasis.MINUTES else "",
            "stk_cnd": "0",
            "pric_tp": "0",
            "stex_tp": Exchange(exchange).value,
        }
        return await self._ranked("ka10023", body, "trde_qty_sdnin", VolumeSurge, max_pages)

    async def foreign_institution_leaders(
        self,
        market: RankMarket = RankMarket.ALL,
        by: AmountOrQuantity = AmountOrQuantity.AMOUNT,
        date: str = "",
        exchange: Exchange = Exchange.KRX,
        max_pages: int = RANKING_PAGES,
    ) -> ForeignInstitutionRanking:
        """ka90009 외국인기관매매상위 (today, or `date` YYYYMMDD): amounts in won, quantities in shares."""
        self._check_query_day(date, "ka90009", allow_empty=True)
        body = {
            "mrkt_tp": RankMarket(market).value,
            "amt_qty_tp": AmountOrQuantity(by).value,
            "qry_dt_tp": "1" if date else "0",
            "date": date,
            "stex_tp": Exchange(exchange).value,
        }
        _first, rows = await self._pages("ka90009", body, "frgnr_orgn_trde_upper", max_pages)
        lists: list[list[NetTradeLeader]] = [[] for _ in FOREIGN_INSTITUTION_LISTS]
        for row in rows:
            if not isinstance(row, dict):
                raise errors.ResponseFormatError("ka90009: a row is not an object", api_id="ka90009")
            for entries, prefix in zip(lists, FOREIGN_INSTITUTION_LISTS, strict=True):
                try:
                    entry = net_trade_leader(row, prefix)
                except WireNumberError as error:
                    raise errors.ResponseFormatError(f"ka90009: {error}", api_id="ka90009") from None
                if entry is not None:
                    entries.append(entry)
        return ForeignInstitutionRanking(*lists)

    async def investor_days(
        self,
        stock_code: str,
        until: str,
        by: AmountOrQuantity = AmountOrQuantity.QUANTITY,
        side: FlowSide = FlowSide.NET,
        max_pages: int = 1,
    ) -> list[InvestorDay]:
        """ka10059: `stock_code`'s trading by investor type per day, newest first from `until` (YYYYMMDD), in won
        (amounts) or single shares (quantities)."""
        self._check_stock_code(stock_code, "ka10059")
        self._check_query_day(until, "ka10059")
        body = {
            "dt": until,
            "stk_cd": stock_code,
            "amt_qty_tp": AmountOrQuantity(by).value,
            "trde_tp": FlowSide(side).value,
            "unit_tp": "1",  # 단주: exact shares (1000 would round them to 천주)
        }
        _first, rows = await self._pages("ka10059", body, "stk_invsr_orgn", max_pages)
        unit = MILLION if by is AmountOrQuantity.AMOUNT else 1
        days = []
        for row in rows:
            head = self._model("ka10059", row, InvestorDayRow)
            columns = flows(row, list(Investor), unit)
            days.append(
                InvestorDay(head.day, head.close, head.change, head.change_rate, head.volume, head.value, columns)
            )
        return days

    async def investor_intraday(
        self,
        stock_code: str,
        by: AmountOrQuantity = AmountOrQuantity.QUANTITY,
        side: FlowSide = FlowSide.NET,
        market: RankMarket = RankMarket.ALL,
    ) -> list[InvestorMinute]:
        """ka10064: today's trading of `stock_code` by investor type through the day, oldest first, in won or
        shares. The TR has no 개인 column."""
        self._check_stock_code(stock_code, "ka10064")
        body = {
            "mrkt_tp": RankMarket(market).value,
            "amt_qty_tp": AmountOrQuantity(by).value,
            "trde_tp": FlowSide(side).value,
            "stk_cd": stock_code,
        }
        _first, rows = await self._pages("ka10064", body, "opmr_invsr_trde_chart")
        unit = MILLION if by is AmountOrQuantity.AMOUNT else 1
        minutes = [
            InvestorMinute(self._model("ka10064", row, InvestorMinuteRow).time, flows(row, INTRADAY_INVESTORS, unit))
            for row in rows
        ]
        return sorted(minutes, key=lambda minute: minute.time)

    async def vi_stocks(
        self, market: RankMarket = RankMarket.ALL, exchange: Exchange = Exchange.KRX, stock_code: str = ""
    ) -> list[ViStock]:
        """ka10054: the stocks under a VI now (static or dynamic, either direction, no filters), or `stock_code`'s."""
        if stock_code:
            self._check_stock_code(stock_code, "ka10054")
        body = {
            "mrkt_tp": RankMarket(market).value,
            "bf_mkrt_tp": "0",  # regular and after-hours single price
            "stk_cd": stock_code,
            "motn_tp": "0",  # static and dynamic
            "skip_stk": "000000000",  # no kind of stock left out
            "trde_qty_tp": "0",
            "min_trde_qty": "",
            "max_trde_qty": "",
            "trde_prica_tp": "0",
            "min_trde_prica": "",
            "max_trde_prica": "",
            "motn_drc": "0",
            "stex_tp": Exchange(exchange).value,
        }
        return await self._ranked("ka10054", body, "motn_stk", ViStock, MAX_VI_PAGES)

    @staticmethod
    def _check_query_day(day: str, api_id: str, allow_empty: bool = False) -> None:
        if (day or not allow_empty) and not (isinstance(day, str) and _DAY.fullmatch(day)):
            raise errors.OrderValidationError(f"day must be YYYYMMDD, got {day!r}", field="dt", api_id=api_id)
