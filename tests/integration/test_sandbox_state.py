"""The account lives in SQLite: it survives restarts, resets on request, and turns over at the KST day."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.sandbox.store import FILE_NAME

from .conftest import FakeClock, Wire, amount, running

SAMSUNG = "005930"


def account_view(exchange: SandboxExchange, wire: Wire) -> dict[str, Any]:
    """Everything a trader could see of the account, and the market price."""
    return {
        "account": wire.call("ka00001", {})["acctNo"],
        "deposit": wire.deposit(),
        "orders": wire.open_orders(),
        "history": wire.history(),
        "holding": wire.holding(SAMSUNG),
        "price": exchange.quote(SAMSUNG).price,
    }


def test_the_account_survives_a_restart(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, wire):
        exchange.set_price(SAMSUNG, 71_200, depth=100)
        wire.buy(SAMSUNG, 10, 71_300)
        resting = wire.buy(SAMSUNG, 3, 70_000)["ord_no"]
        exchange.advance(3)
        before = account_view(exchange, wire)
        old_token = wire.token
    assert (tmp_path / FILE_NAME).is_file()

    with running(tmp_path) as (exchange, wire):
        assert "[8005:" in wire.refused("ka00001", {}, token=old_token)["return_msg"]  # tokens are not kept
        after = account_view(exchange, wire)
        assert after == before
        assert [row["ord_no"] for row in after["orders"]] == [resting]
        assert int(wire.buy(SAMSUNG, 1, 70_000)["ord_no"]) == int(resting) + 1


def test_reset_starts_a_fresh_account_with_the_configured_cash(tmp_path: Path) -> None:
    with running(tmp_path) as (_exchange, wire):
        assert wire.buy(SAMSUNG, 1, 70_000)["return_code"] == 0

    with running(tmp_path, reset=True, initial_cash=5_000_000) as (_exchange, wire):
        assert wire.open_orders() == [] and wire.history() == []
        assert amount(wire.deposit()["entr"]) == 5_000_000
        assert wire.balance()["acnt_evlt_remn_indv_tot"] == []


def test_a_new_day_expires_open_orders_and_rebases_prices(tmp_path: Path) -> None:
    clock = FakeClock()
    with running(tmp_path, clock=clock, token_lifetime=timedelta(days=3)) as (exchange, wire):
        exchange.set_price(SAMSUNG, 71_200, depth=100)
        wire.buy(SAMSUNG, 2, 71_300)
        resting = wire.buy(SAMSUNG, 1, 70_000)["ord_no"]
        exchange.set_price(SAMSUNG, 72_000)
        clock.advance(timedelta(days=1))

        assert wire.open_orders() == []
        yesterday = wire.call(
            "kt00007", {"ord_dt": "20261124", "qry_tp": "1", "stk_bond_tp": "0", "sell_tp": "0", "dmst_stex_tp": "%"}
        )["acnt_ord_cntr_prps_dtl"]
        assert [row["ord_no"] for row in yesterday][-1] == resting
        assert amount(yesterday[-1]["ord_remnq"]) == 0
        assert wire.history() == []  # today has no orders yet
        info = wire.call("ka10001", {"stk_cd": SAMSUNG})
        assert (info["base_pric"], info["cur_prc"], info["upl_pric"]) == ("72000", "72000", "+93600")
        deposit = wire.deposit()
        assert amount(deposit["ord_alow_amt"]) == amount(deposit["entr"])  # the expired buy holds no cash
        holding = wire.holding(SAMSUNG)
        assert holding is not None and amount(holding["rmnd_qty"]) == 2 and amount(holding["tdy_buyq"]) == 0
