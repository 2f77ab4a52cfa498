"""ka10170 today's trade journal and ka10077 today's realized P/L by stock on /api/dostk/acnt (kiwoom-api.md §5.7,
§5.8), computed from the account's own fills with the Sandbox's fee rule (fees.py). One convention throughout: a
sale realizes its amount less the cost of the shares it sold, less the fees of both legs (the buy commission those
shares paid, the sale's commission and tax), so that a day that ends flat realizes exactly what its cash moved.

- ka10077: one row per sell fill of the stock today: its quantity and price, the average cost it sold
  (`buy_uv`, decimals as the spec's example), its commission (both legs) and tax, and what it realized.
- ka10170 `ottks_tp` 2 (all of the day's sells): per stock, the day's sells against the cost of the shares they
  sold; `ottks_tp` 1 (same-day round trips): per stock, the shares both bought and sold that day, at the day's
  average prices, with the matched share of the day's actual fees. Totals are the rows' sums; `tot_exct_amt`
  is what settles (sells less buys less fees and tax).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .api_common import OK_QUERY, Answer, Handler, listing, ok
from .broker import Broker
from .numbers import rate
from .state import Fill, Side


@dataclass
class _Day:
    """One stock's fills of one day, summed by side."""

    buy_qty: int = 0
    buy_amt: int = 0
    buy_fees: int = 0  # the buys' commission
    sell_qty: int = 0
    sell_amt: int = 0
    sell_fees: int = 0  # the sells' commission and tax
    sold_cost: int = 0  # what the shares sold had cost (their average purchase price)
    sold_cost_fees: int = 0  # and the buy commission they paid


def _days(broker: Broker, day: str) -> dict[str, _Day]:
    days: dict[str, _Day] = defaultdict(_Day)
    for fill in broker.fills:
        if fill.trade_date != day:
            continue
        summed = days[fill.code]
        if fill.side is Side.BUY:
            summed.buy_qty += fill.quantity
            summed.buy_amt += fill.price * fill.quantity
            summed.buy_fees += fill.commission
        else:
            summed.sell_qty += fill.quantity
            summed.sell_amt += fill.price * fill.quantity
            summed.sell_fees += fill.commission + fill.tax
            summed.sold_cost += fill.cost
            summed.sold_cost_fees += fill.cost_commission
    return days


def _average(amount: int, quantity: int) -> int:
    return round(amount / quantity) if quantity else 0


def _sells_row(day: _Day) -> tuple[int, int, int, int, int] | None:
    """ottks_tp 2: (quantity, buy amount, sell amount, fees and tax, P/L) of the day's sells."""
    if not day.sell_qty:
        return None
    charged = day.sold_cost_fees + day.sell_fees
    return day.sell_qty, day.sold_cost, day.sell_amt, charged, day.sell_amt - day.sold_cost - charged


def _round_trip_row(day: _Day) -> tuple[int, int, int, int, int] | None:
    """ottks_tp 1: (quantity, buy amount, sell amount, fees and tax, P/L) of the shares bought and sold today,
    each side's amount and fees in the matched share of the day's."""
    quantity = min(day.buy_qty, day.sell_qty)
    if not quantity:
        return None
    buy_amt = day.buy_amt * quantity // day.buy_qty
    sell_amt = day.sell_amt * quantity // day.sell_qty
    charged = day.buy_fees * quantity // day.buy_qty + day.sell_fees * quantity // day.sell_qty
    return quantity, buy_amt, sell_amt, charged, sell_amt - buy_amt - charged


def trade_journal(broker: Broker, f: dict[str, str]) -> Answer:
    day = f.get("base_dt") or broker.today()
    rows, totals = [], [0, 0, 0, 0]  # buys, sells, fees and tax, P/L
    if f["ch_crd_tp"] != "2":  # the Sandbox trades cash only: credit has nothing to show
        choose = _round_trip_row if f["ottks_tp"] == "1" else _sells_row
        for code, summed in sorted(_days(broker, day).items()):
            row = choose(summed)
            if row is None:
                continue
            quantity, buy_amt, sell_amt, charged, pl = row
            rows.append(
                {
                    "stk_nm": broker.market.listings[code].name,
                    "buy_avg_pric": str(_average(buy_amt, quantity)),
                    "buy_qty": str(quantity),
                    "sel_avg_pric": str(_average(sell_amt, quantity)),
                    "sell_qty": str(quantity),
                    "cmsn_alm_tax": str(charged),
                    "pl_amt": str(pl),
                    "sell_amt": str(sell_amt),
                    "buy_amt": str(buy_amt),
                    "prft_rt": rate(pl, buy_amt),  # signed as ka10077's pl_rt
                    "stk_cd": code,
                }
            )
            for index, value in enumerate((buy_amt, sell_amt, charged, pl)):
                totals[index] += value
    buys, sells, charged, pl = totals
    return ok(
        OK_QUERY,
        tot_sell_amt=str(sells),
        tot_buy_amt=str(buys),
        tot_cmsn_tax=str(charged),
        tot_exct_amt=str(sells - buys - charged),
        tot_pl_amt=str(pl),
        tot_prft_rt=rate(pl, buys),
        tdy_trde_diary=rows,
    )


def _realized(fill: Fill) -> int:
    return fill.price * fill.quantity - fill.cost - fill.cost_commission - fill.commission - fill.tax


def realized_by_stock(broker: Broker, f: dict[str, str]) -> Answer:
    stock = listing(broker, f["stk_cd"])
    today = broker.today()
    sells = [
        fill for fill in broker.fills if fill.code == stock.code and fill.side is Side.SELL and fill.trade_date == today
    ]
    rows = [
        {
            "stk_nm": stock.name,
            "cntr_qty": str(fill.quantity),
            "buy_uv": f"{fill.cost / fill.quantity:.7f}",
            "cntr_pric": str(fill.price),
            "tdy_sel_pl": str(_realized(fill)),
            "pl_rt": rate(_realized(fill), fill.cost),
            "tdy_trde_cmsn": str(fill.cost_commission + fill.commission),  # both legs of the shares sold
            "tdy_trde_tax": str(fill.tax),
            "stk_cd": "A" + stock.code,  # as the spec's example answers
        }
        for fill in sells
    ]
    return ok(OK_QUERY, tdy_rlzt_pl=str(sum(_realized(fill) for fill in sells)), tdy_rlzt_pl_dtl=rows)


HANDLERS: dict[str, Handler] = {"ka10170": trade_journal, "ka10077": realized_by_stock}
