"""Holdings follow 04 events; a REST snapshot requested before a 04 does not undo it."""

from __future__ import annotations

from decimal import Decimal

from kiwoom_desk.kiwoom import Balance, CreditType, Deposit
from kiwoom_desk.kiwoom.events import BalanceUpdate
from kiwoom_desk.trading.portfolio import Loan, Portfolio, repayment


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


def lots(*rows: tuple[str, str, str, int]) -> Balance:
    """kt00018 with qry_tp 2: (code, crd_tp, crd_loan_dt, quantity) rows at 70,000, one per lot."""
    return Balance.model_validate(
        {
            "tot_crd_loan_amt": "385000",
            "acnt_evlt_remn_indv_tot": [
                {
                    "stk_cd": f"A{code}",
                    "stk_nm": code,
                    "rmnd_qty": str(quantity),
                    "trde_able_qty": str(quantity),
                    "pur_pric": "70000",
                    "cur_prc": "70000",
                    "pur_amt": str(70_000 * quantity),
                    "evlt_amt": str(70_000 * quantity),
                    "evltv_prft": "0",
                    "prft_rt": "0",
                    "crd_tp": credit,
                    "crd_tp_nm": "자기융자" if credit == "03" else "",
                    "crd_loan_dt": loan_date,
                }
                for code, credit, loan_date, quantity in rows
            ],
        }
    )


def lot_update(code: str, loan_date: str, quantity: int, loan: int | None = None) -> BalanceUpdate:
    return BalanceUpdate(
        code, code, 70_000, quantity, 70_000, 70_000 * quantity, quantity, Decimal(0),
        CreditType.OWN_LOAN, loan_date, loan, 12 if loan else None,
    )  # fmt: skip


def test_cash_and_each_credit_lot_of_a_stock_are_apart() -> None:
    portfolio = Portfolio()
    portfolio.replace(
        lots(("005930", "00", "", 10), ("005930", "03", "20250102", 5), ("005930", "03", "20250103", 3)), CASH
    )
    cash, first, second = portfolio.holdings()
    assert (cash.on_credit, cash.quantity) == (False, 10)
    assert (first.loan_date, first.quantity, second.loan_date, second.quantity) == ("20250102", 5, "20250103", 3)
    assert portfolio.sellable("005930") == 10 and portfolio.sellable_by_code() == {"005930": 10}  # a cash sell: cash
    assert portfolio.credit_sellable("005930", "20250103") == 3 and portfolio.credit_sellable("005930") == 8  # 융자합
    assert portfolio.lots_by_code() == {"005930": [("20250102", 5), ("20250103", 3)]}
    assert portfolio.total_purchase == 18 * 70_000 and portfolio.total_loan == 385_000
    assert portfolio.codes() == {"005930"}


def test_a_credit_lots_04_leaves_the_cash_holding_and_other_lots_alone() -> None:
    portfolio = Portfolio()
    portfolio.replace(lots(("005930", "00", "", 10), ("005930", "03", "20250102", 5)), CASH)
    since = portfolio.mark()
    portfolio.apply(lot_update("005930", "20250103", 4, loan=154_000))  # a new lot bought on credit today
    portfolio.apply(lot_update("005930", "20250102", 0))  # the old lot sold (repaid) in full
    portfolio.replace(lots(("005930", "00", "", 10), ("005930", "03", "20250102", 5)), CASH, since)  # stale
    cash, lot = portfolio.holdings()
    assert (cash.quantity, cash.on_credit) == (10, False)
    assert (lot.loan_date, lot.quantity, lot.loan_amount, lot.loan_interest) == ("20250103", 4, 154_000, 12)
    # a later snapshot keeps what only the 04 said (the loan), and a cash 04 touches the cash holding only
    portfolio.replace(lots(("005930", "00", "", 10), ("005930", "03", "20250103", 4)), CASH, portfolio.mark())
    portfolio.apply(update("005930", 7, 70_000))
    assert [(p.quantity, p.loan_amount) for p in portfolio.holdings()] == [(7, None), (4, 154_000)]
    assert portfolio.apply_price("005930", 71_000)
    assert [p.evaluation for p in portfolio.holdings()] == [7 * 71_000, 4 * 71_000]


def test_a_lot_of_a_credit_kind_the_app_does_not_name_is_never_cash() -> None:
    """The REST spec shows only 00; a real account may carry another kind (legacy 01 유통융자, say): it is a lot
    apart, never added to (or offered for sale as) the cash shares."""
    portfolio = Portfolio()
    portfolio.replace(lots(("005930", "00", "", 10), ("005930", "01", "20250102", 5)), CASH)
    cash, other = portfolio.holdings()
    assert (cash.on_credit, cash.quantity) == (False, 10)
    assert (other.on_credit, other.loan_date, other.quantity) == (True, "20250102", 5)
    assert portfolio.sellable("005930") == 10
    assert CreditType.parse("0") is CreditType.CASH and CreditType.parse(" ") is None
    assert CreditType.parse_holding("01") is CreditType.OTHER and CreditType.OTHER.is_credit
    assert CreditType.parse("01") is None  # an order's 922: an unknown code says nothing of how to modify it


def test_a_credit_sell_repays_its_lots_loan_and_interest_in_proportion_oldest_first() -> None:
    lots = [("20250102", 4), ("20250103", 2)]
    loans = {"20250102": Loan(4, 200_000 + 100), "20250103": Loan(2, 150_000 + 30)}
    assert repayment(lots, loans, "20250103", 1) == 75_015  # half of the lot's loan and interest
    assert repayment(lots, loans, "", 5) == 200_100 + 75_015  # 융자합: the older lot whole, then one share
    assert repayment(lots, {"20250102": Loan(4, None)}, "", 1) is None  # a lot that does not say what it owes
    assert repayment(lots, loans, "20250101", 1) is None and repayment(lots, loans, "", 7) is None  # not held
