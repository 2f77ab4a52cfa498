"""Investor flows (투자자별매매, kiwoom-api-market.md §3, §2.7): ka10059 a stock's days on /api/dostk/stkinfo,
ka10064 its minutes today on /api/dostk/chart, ka90009 the foreign and institutional leaders on
/api/dostk/rkinfo; all from `investors`, so that they agree with each other and with the charts."""

from __future__ import annotations

from ..trading.ticks import price_limits
from . import errors, investors
from .api_common import OK_GENERIC, Answer, Handler, listing, ok
from .broker import Broker
from .history import Bar
from .investors import Bucket, Flow
from .numbers import price_sign_code, signed, signed_price
from .rankings import MARKETS
from .traded import MILLION, millions, traded_value

TEN_MILLION = 10_000_000  # 천만원: ka90009
THOUSAND = 1_000  # 천주: ka90009, ka10059 with unit_tp 1000
CHART_COLUMNS = ("frgnr_invsr", "orgn", "invtrt", "insrnc", "bank", "penfnd_etc", "etc_corp", "natn")


def _implied_rate(change: int, base: int) -> str:
    """flu_rt with two implied decimals (ka10059: "+698" is +6.98 %), rounded half away from zero."""
    if not base or not change:
        return "0"
    hundredths = (abs(change) * 20_000 + base) // (2 * base)
    return signed(hundredths if change > 0 else -hundredths)


def investor_days(broker: Broker, f: dict[str, str]) -> Answer:
    """ka10059: one row per day the stock has a daily bar for, from `dt` back, newest first."""
    stock = listing(broker, f["stk_cd"])
    newest = investors.parse_day(f["dt"])
    if newest is None:
        raise errors.malformed("dt", f"'{f['dt']}'은(는) 올바른 날짜가 아닙니다")
    amount = f["amt_qty_tp"] == "1"
    unit = MILLION if amount else int(f["unit_tp"])
    rows = []
    for bar, base in reversed(investors.days(broker, stock.code)):
        if bar.stamp > f"{newest:%Y%m%d}":
            continue
        limits = price_limits(base, stock.instrument)
        flow = investors.flow_of_day(broker, stock.code, bar)
        shown = investors.columns(flow.side(f["trde_tp"], amount), unit)
        rows.append(
            {
                "dt": bar.stamp,
                "cur_prc": signed_price(bar.close, base),
                "pre_sig": price_sign_code(bar.close, base, limits.upper, limits.lower),
                "pred_pre": signed(bar.close - base),
                "flu_rt": _implied_rate(bar.close - base, base),
                "acc_trde_qty": str(bar.volume),
                "acc_trde_prica": str(millions(_value(broker, stock.code, bar))),  # as ka10081's trde_prica
                **{name: str(shown[name]) for name in _DAY_COLUMNS},
            }
        )
    return ok(OK_GENERIC, stk_invsr_orgn=rows)


def _value(broker: Broker, code: str, bar: Bar) -> int:
    """A day's traded value in won, as ka10081 and the rankings say it: today's from its prints."""
    return traded_value(broker, code) if bar.stamp == broker.today() else bar.close * bar.volume


_DAY_COLUMNS = ("ind_invsr", "frgnr_invsr", "orgn", *investors.LEAVES[2:])


def _in_market(broker: Broker, code: str, mrkt_tp: str) -> bool:
    return broker.market.listings[code].market in MARKETS[mrkt_tp]  # the rankings' (ETFs trade on KOSPI)


def intraday_investors(broker: Broker, f: dict[str, str]) -> Answer:
    """ka10064: today's flow from the open up to each minute that traded, oldest first (the spec's example). The
    day's shares not on the tape (a restart) count from the first row; with no minute on the tape they make one
    row at the current minute. A stock outside `mrkt_tp` has no rows."""
    stock = listing(broker, f["stk_cd"])
    if not _in_market(broker, stock.code, f["mrkt_tp"]):
        return ok(OK_GENERIC, opmr_invsr_trde_chart=[])
    amount = f["amt_qty_tp"] == "1"
    seed, day = broker.market.seed, broker.today()
    untaped, minutes = investors.today_buckets_of(broker, stock.code)
    running = investors.bucket_flow(seed, stock.code, day, untaped) if untaped else Flow.zero()
    stamped: list[tuple[str, Bucket | None]] = [(bucket.key[8:14], bucket) for bucket in minutes]
    if untaped and not minutes:
        stamped = [(broker.clock().strftime("%H%M00"), None)]
    rows = []
    for time, bucket in stamped:
        if bucket is not None:
            running = running + investors.bucket_flow(seed, stock.code, day, bucket)
        shown = investors.columns(running.side(f["trde_tp"], amount), MILLION if amount else 1)
        rows.append({"tm": time, **{name: str(shown[name]) for name in CHART_COLUMNS}})
    return ok(OK_GENERIC, opmr_invsr_trde_chart=rows)


def _nearest(value: int, unit: int) -> int:
    """`value` in `unit`s, rounded half away from zero."""
    return (1 if value >= 0 else -1) * ((abs(value) * 2 + unit) // (2 * unit))


_GROUPS = ("for_netslmt", "for_netprps", "orgn_netslmt", "orgn_netprps")


def foreign_institution_leaders(broker: Broker, f: dict[str, str]) -> Answer:
    """ka90009: four rankings side by side on one day's net buying: foreign net sellers (most sold first),
    foreign net buyers, institutional (기관계) net sellers and buyers. Amounts in 천만원, quantities in 천주, signed
    (a net sale is negative); ranked by `amt_qty_tp`'s measure as shown, ties by the exact figure, then the code.
    The Sandbox trades on KRX only: stex_tp 1 and 3 are the same, 2 (NXT) has no rows."""
    if f["qry_dt_tp"] == "1":
        if not f["date"]:
            raise errors.missing("date")
        day = investors.parse_day(f["date"])
        if day is None:
            raise errors.malformed("date", f"'{f['date']}'은(는) 올바른 날짜가 아닙니다")
        stamp = f"{day:%Y%m%d}"
    else:
        stamp = broker.today()
    if f["stex_tp"] == "2":
        return ok(OK_GENERIC, frgnr_orgn_trde_upper=[])
    by_amount = f["amt_qty_tp"] == "1"
    ranked: dict[str, list[tuple[tuple[int, int, str], dict[str, str]]]] = {group: [] for group in _GROUPS}
    for code in sorted(broker.market.listings):
        if not _in_market(broker, code, f["mrkt_tp"]):
            continue
        bar = investors.bar_on(broker, code, stamp)
        if bar is None:
            continue
        flow = investors.flow_of_day(broker, code, bar)
        quantities, amounts = flow.side("0", False), flow.side("0", True)
        name = broker.market.listings[code].name
        for prefix, leaves in (("for", slice(1, 2)), ("orgn", slice(2, 10))):  # 외국인; 기관계 = its eight parts
            # Each figure rounded from its own exact sum (not from columns apportioned to net to zero): a stock's
            # ka90009 figure is its ka10059 net to the nearest unit, and one that rounds to 0 is not listed.
            amount, quantity = sum(amounts[leaves]), sum(quantities[leaves])
            shown_amount, shown_quantity = _nearest(amount, TEN_MILLION), _nearest(quantity, THOUSAND)
            exact, shown = (amount, shown_amount) if by_amount else (quantity, shown_quantity)
            if not shown:
                continue
            group = f"{prefix}_netslmt" if exact < 0 else f"{prefix}_netprps"
            key = (shown, exact, code) if exact < 0 else (-shown, -exact, code)
            fields = {"stk_cd": code, "stk_nm": name, "amt": signed(shown_amount), "qty": signed(shown_quantity)}
            ranked[group].append((key, fields))
    lists = {group: [fields for _key, fields in sorted(entries)] for group, entries in ranked.items()}
    rows = []
    for rank in range(max(len(entries) for entries in lists.values())):
        row: dict[str, str] = {}
        for group, entries in lists.items():
            fields = entries[rank] if rank < len(entries) else dict.fromkeys(("stk_cd", "stk_nm", "amt", "qty"), "")
            row.update({f"{group}_{name}": value for name, value in fields.items()})
        rows.append(row)
    return ok(OK_GENERIC, frgnr_orgn_trde_upper=rows)


HANDLERS: dict[str, Handler] = {
    "ka10059": investor_days,
    "ka10064": intraday_investors,
    "ka90009": foreign_institution_leaders,
}
