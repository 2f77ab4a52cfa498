"""ka10054 변동성완화장치발동종목요청 on /api/dostk/stkinfo, list `motn_stk` (kiwoom-api-market.md §6.4): the stocks
under VI now, one row each, dropped on release. Filters the Sandbox can know are honoured; it has no 관리, 투자경고,
투자주의, 환기, 단기과열, 증거금100% or ETN listings, so those flags exclude nothing. KRX only: stex_tp 2 (NXT)
lists nothing; bf_mkrt_tp 1 lists the regular session's VIs (an opening or closing auction that runs on as a VI
among them) and 2 those of the after-hours single-price session."""

from __future__ import annotations

from .api_common import OK_GENERIC, Answer, Handler, listing, ok
from .broker import Broker
from .krx_day import KrxDay
from .listings import Listing
from .traded import millions, traded_value
from .vi import AFTER_HOURS, BOTH, DYNAMIC, STATIC, Interruption, row_10054

_KINDS = {"0": {STATIC, DYNAMIC, BOTH}, "1": {STATIC}, "2": {DYNAMIC}, "3": {BOTH}}
_MARKETS = {"000": {"0", "8", "10"}, "001": {"0", "8"}, "101": {"10"}}  # ETFs are listed on KOSPI


def _skipped(stock: Listing, flags: str) -> bool:
    """skip_stk: 9 flags, 1 = leave out: 우선주, 관리, 투자경고/위험, 투자주의, 환기, 단기과열, 증거금100%, ETF, ETN."""
    preferred = stock.instrument == "stock" and stock.name.endswith(("우", "우B"))
    return (flags[0] == "1" and preferred) or (flags[7] == "1" and stock.market == "8")


def _within(value: int, used: str, low: str, high: str) -> bool:
    if used != "1":
        return True
    return (not low or value >= int(low)) and (not high or value <= int(high))


def vi_stocks(broker: Broker, f: dict[str, str]) -> Answer:
    only = listing(broker, f["stk_cd"]).code if f["stk_cd"] else None
    day = broker.session
    running: dict[str, Interruption] = day.board.running if isinstance(day, KrxDay) else {}
    value = {code: millions(traded_value(broker, code)) for code in running}
    rows = []
    for code, vi in sorted(running.items(), key=lambda item: item[1].triggered):
        stock = broker.market.listings[code]
        quote = broker.market.quotes[code]
        if (
            (only is not None and code != only)
            or f["stex_tp"] == "2"
            or (f["bf_mkrt_tp"] == "1" and vi.session == AFTER_HOURS)
            or (f["bf_mkrt_tp"] == "2" and vi.session != AFTER_HOURS)
            or stock.market not in _MARKETS[f["mrkt_tp"]]
            or vi.kind not in _KINDS[f["motn_tp"]]
            or (f["motn_drc"] == "1" and not vi.up)
            or (f["motn_drc"] == "2" and vi.up)
            or _skipped(stock, f["skip_stk"])
            or not _within(quote.volume, f["trde_qty_tp"], f["min_trde_qty"], f["max_trde_qty"])
            or not _within(value[code], f["trde_prica_tp"], f["min_trde_prica"], f["max_trde_prica"])
        ):
            continue
        rows.append(row_10054(vi, stock, quote.open, quote.volume))
    return ok(OK_GENERIC, motn_stk=rows)


HANDLERS: dict[str, Handler] = {"ka10054": vi_stocks}
