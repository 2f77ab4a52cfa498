"""Holdings follow 04 events; a REST snapshot requested before a 04 does not undo it."""

from __future__ import annotations

from decimal import Decimal

from kiwoom_desk.kiwoom import Balance, Deposit
from kiwoom_desk.kiwoom.events import BalanceUpdate
from kiwoom_desk.trading.portfolio import Portfolio


def snapshot(*holdings: tuple[str, int, int]) -> Balance:
    """(code, quantity, current price) rows of a kt00018 answer, bought at 70,000."""
    return Balance.model_validate(
        {
            "acnt_evlt_remn_indv_tot": [
                {
                    "stk_cd": f"A{code}",
                    "stk_nm": code,
                    "rmnd_qty": str(quantity),
                    "trde_able_qty": str(quantity),
                    "pur_pric": "70000",
                    "cur_prc": str(price),
                    "pur_amt": str(70_000 * quantity),
                    "evlt_amt": str(price * quantity),
                    "evltv_prft": str((price - 70_000) * quantity),
                    "prft_rt": "0",
                }
                for code, quantity, price in holdings
            ]
        }
    )


CASH = Deposit.model_validate({"entr": "1000000", "ord_alow_amt": "900000"})


def update(code: str, quantity: int, price: int) -> BalanceUpdate:
    return BalanceUpdate(code, code, price, quantity, 70_000, 70_000 * quantity, quantity, Decimal(0))


def test_an_older_snapshot_arriving_after_a_04_does_not_undo_it() -> None:
    portfolio = Portfolio()
    portfolio.replace(snapshot(("005930", 10, 70_000), ("000660", 5, 70_000)), CASH)
    since = portfolio.mark()  # a refresh is requested...
    portfolio.apply(update("005930", 15, 71_000))  # ...a fill's 04 arrives...
    portfolio.apply(update("000660", 0, 71_000))  # ...and another position is sold out...
    portfolio.replace(snapshot(("005930", 10, 70_000), ("000660", 5, 70_000)), CASH, since)  # ...then the snapshot
    assert portfolio.sellable("005930") == 15 and portfolio.holding("000660") is None
    assert portfolio.total_evaluation == 15 * 71_000 and portfolio.total_profit == 15 * 1_000
    assert portfolio.orderable_cash == 900_000  # cash is not in 04: the snapshot's cash stands

    portfolio.replace(snapshot(("005930", 20, 72_000)), CASH, portfolio.mark())  # a later snapshot is believed
    assert portfolio.sellable("005930") == 20 and portfolio.total_profit_rate == Decimal("2.86")


def test_a_04_moves_one_holding_and_the_totals() -> None:
    portfolio = Portfolio()
    portfolio.replace(snapshot(("005930", 10, 70_000)), CASH)
    portfolio.apply(update("005930", 10, 69_000))
    (position,) = portfolio.holdings()
    assert (position.current_price, position.evaluation, position.profit) == (69_000, 690_000, -10_000)
    assert portfolio.total_profit == -10_000 and portfolio.total_purchase == 700_000
