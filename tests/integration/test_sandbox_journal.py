"""ka10170 and ka10077 (#10): the day's trade journal and realized P/L, computed from the account's fills with the
Sandbox's fee rule, in the spec's fields and number formats, and agreeing with the cash the account moved."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiwoom_desk.trading.ticks import tick_down, tick_up

from .conftest import Wire, running

SAMSUNG, HYNIX = "005930", "000660"
JOURNAL = {"base_dt": "", "ottks_tp": "2", "ch_crd_tp": "0"}


def market_order(wire: Wire, side: str, code: str, quantity: int) -> None:
    answer = (wire.buy if side == "buy" else wire.sell)(code, quantity, trade_type="3")
    assert answer["return_code"] == 0, answer


def test_a_round_trip_in_the_spec_s_fields(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, wire):
        exchange.set_price(SAMSUNG, 70_000, depth=1_000)
        market_order(wire, "buy", SAMSUNG, 10)  # fills at the best ask, 70,100
        exchange.set_price(SAMSUNG, 71_000, depth=1_000)
        market_order(wire, "sell", SAMSUNG, 4)  # fills at the best bid, 71,000
        journal = wire.call("ka10170", JOURNAL)
        (row,) = journal["tdy_trde_diary"]
        sell_amt, cost = 4 * 71_000, 4 * 70_100
        bought_commission = 10 * 70_100 * 15 // 100_000 * 4 // 10  # the buy commission of the 4 shares sold
        fees = bought_commission + sell_amt * 15 // 100_000 + sell_amt * 20 // 10_000  # commission 0.015 %, tax 0.20 %
        assert row == {
            "stk_nm": "삼성전자",
            "buy_avg_pric": "70100",
            "buy_qty": "4",
            "sel_avg_pric": "71000",
            "sell_qty": "4",
            "cmsn_alm_tax": str(fees),
            "pl_amt": str(sell_amt - cost - fees),
            "sell_amt": str(sell_amt),
            "buy_amt": str(cost),
            "prft_rt": f"{(sell_amt - cost - fees) * 100 / cost:+.2f}",  # signed, as ka10077's pl_rt
            "stk_cd": SAMSUNG,
        }
        assert journal["tot_pl_amt"] == row["pl_amt"] and journal["tot_exct_amt"] == row["pl_amt"]
        realized = wire.call("ka10077", {"stk_cd": SAMSUNG})
        (sale,) = realized["tdy_rlzt_pl_dtl"]
        assert sale["stk_cd"] == "A005930" and sale["buy_uv"] == "70100.0000000" and sale["cntr_pric"] == "71000"
        assert realized["tdy_rlzt_pl"] == sale["tdy_sel_pl"] == row["pl_amt"]
        assert sale["pl_rt"].startswith("+") and int(sale["tdy_trde_tax"]) == sell_amt * 20 // 10_000
        assert int(sale["tdy_trde_cmsn"]) == bought_commission + sell_amt * 15 // 100_000  # both legs
        round_trips = wire.call("ka10170", {**JOURNAL, "ottks_tp": "1"})["tdy_trde_diary"]
        assert [(r["buy_qty"], r["sell_qty"]) for r in round_trips] == [("4", "4")]
        assert wire.call("ka10170", {**JOURNAL, "ch_crd_tp": "2"})["tdy_trde_diary"] == []  # no credit here
        assert wire.refused("ka10170", {**JOURNAL, "ottks_tp": "3"})["return_msg"]


trips = st.lists(
    st.tuples(
        st.sampled_from([SAMSUNG, HYNIX]),
        st.integers(1, 30),  # shares bought
        st.integers(-30, 30),  # ticks the market moves before the sale
        st.integers(1, 100),  # percent of the holding sold then
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=12, deadline=None)
@given(session=trips)
def test_the_days_realized_pl_is_the_cash_the_round_trips_made(session: list[tuple[str, int, int, int]]) -> None:
    """Random days that start and end flat: the journal's P/L, for all the day's sells and for the same-day round
    trips alike, is exactly what the cash moved (the fills less their fees and tax); ka10077 summed over the stocks
    says the same; every row's P/L is its sells less their cost, fees and tax."""
    with tempfile.TemporaryDirectory() as folder, running(Path(folder), initial_cash=10**9) as (exchange, wire):
        start = int(wire.deposit()["entr"])
        for code, bought, moves, share in session:
            price = exchange.quote(code).price
            exchange.set_price(code, price, depth=1_000)
            market_order(wire, "buy", code, bought)
            for _ in range(abs(moves)):
                price = tick_up(price) if moves > 0 else tick_down(price)
            exchange.set_price(code, price, depth=1_000)
            holding = wire.holding(code)
            held = int(holding["rmnd_qty"]) if holding else 0
            if held * share // 100:
                market_order(wire, "sell", code, held * share // 100)
        for code in (SAMSUNG, HYNIX):  # the day ends flat
            holding = wire.holding(code)
            if holding:
                market_order(wire, "sell", code, int(holding["rmnd_qty"]))
        journal = wire.call("ka10170", JOURNAL)
        round_trips = wire.call("ka10170", {**JOURNAL, "ottks_tp": "1"})
        moved = int(wire.deposit()["entr"]) - start
        assert moved == int(journal["tot_pl_amt"]) == int(round_trips["tot_pl_amt"])
        realized = sum(int(wire.call("ka10077", {"stk_cd": code})["tdy_rlzt_pl"]) for code in (SAMSUNG, HYNIX))
        assert realized == int(journal["tot_pl_amt"])
        for row in journal["tdy_trde_diary"]:
            pl = int(row["sell_amt"]) - int(row["buy_amt"]) - int(row["cmsn_alm_tax"])
            assert int(row["pl_amt"]) == pl
