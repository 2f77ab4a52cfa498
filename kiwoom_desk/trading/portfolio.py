"""Holdings and cash: REST snapshots (kt00018, kt00001) and real-time 04 events merged, with the same staleness
guard as the order ledger: a snapshot requested before a 04 arrived does not undo that 04.

A position is one lot: the cash holding of a stock, or one credit (자기융자) lot of it by its loan date, as kt00018
lists them with qry_tp 2 and 04 reports them (one event per lot). A credit lot never stands in for the cash
holding of the same stock, nor one lot for another."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ..kiwoom import CreditType
from ..kiwoom.events import BalanceUpdate
from .freshness import keep_newer, newer_than

if TYPE_CHECKING:  # the wire models (pydantic) load with the client, after the window is shown
    from ..kiwoom import Balance, Deposit, Holding


def profit_rate(profit: int, purchase: int) -> Decimal | None:
    """수익률 in percent to two places, as the HTS shows it; None when nothing was paid."""
    return (Decimal(profit) * 100 / purchase).quantize(Decimal("0.01")) if purchase else None


LotKey = tuple[str, str, str]  # (stock code, credit type: "00" cash or "03" 자기융자, loan date YYYYMMDD or "")


def lot_key(code: str, credit: CreditType | None, loan_date: str) -> LotKey:
    """A holding's place: cash (the credit type absent or 00, no date) or a credit lot by its loan date."""
    if credit is None or not credit.is_credit:
        return (code, CreditType.CASH.value, "")
    return (code, CreditType.OWN_LOAN.value, loan_date)


@dataclass(frozen=True)
class Loan:
    """A credit lot's shares and what repaying all of it today costs (None: not known)."""

    quantity: int
    owed: int | None


def repayment(lots: list[tuple[str, int]], loans: dict[str, Loan], loan_date: str, quantity: int) -> int | None:
    """What a credit sell of `quantity` repays before the rest is paid out: per share, its lot's loan and interest
    in proportion (the Sandbox's rule; an estimate for another server), from the lot of `loan_date` or ("" =
    융자합) the lots oldest first. None when a lot it sells from does not say what it owes."""
    total, left = 0, quantity
    for day, sellable in lots:
        if left <= 0:
            break
        if loan_date and day != loan_date:
            continue
        taken = min(left, sellable)
        loan = loans.get(day)
        if taken <= 0:
            continue
        if loan is None or loan.owed is None or loan.quantity <= 0:
            return None
        total += loan.owed * taken // loan.quantity
        left -= taken
    return total if left <= 0 else None  # more than the lots hold (a repaid lot): nothing to say


@dataclass(frozen=True)
class Position:
    """One holding as the trader sees it: a stock's cash shares, or one of its credit lots."""

    stock_code: str
    stock_name: str
    quantity: int
    sellable: int
    average_price: int
    current_price: int
    purchase_amount: int
    evaluation: int
    profit: int
    profit_rate: Decimal | None  # None when the server left it out
    on_credit: bool = False  # a 자기융자 lot, bought on the broker's loan
    loan_date: str = ""  # the lot's loan date, YYYYMMDD ("" for cash)
    loan_amount: int | None = None  # what the lot owes (04 FID 957); None: not known (kt00018 does not say)
    loan_interest: int | None = None  # its interest if repaid today (04 FID 958)

    @property
    def key(self) -> LotKey:
        return (self.stock_code, (CreditType.OWN_LOAN if self.on_credit else CreditType.CASH).value, self.loan_date)

    @classmethod
    def from_holding(cls, holding: Holding) -> Position:
        return cls(
            stock_code=holding.stock_code,
            stock_name=holding.stock_name,
            quantity=holding.quantity,
            sellable=holding.sellable,
            average_price=holding.average_price,
            current_price=holding.current_price,
            purchase_amount=holding.purchase_amount,
            evaluation=holding.evaluation,
            profit=holding.profit,
            profit_rate=holding.profit_rate,
            on_credit=holding.on_credit,
            loan_date=holding.loan_date if holding.on_credit else "",
        )

    @classmethod
    def from_update(cls, update: BalanceUpdate) -> Position:
        evaluation = update.current_price * update.quantity
        return cls(
            stock_code=update.stock_code,
            stock_name=update.stock_name,
            quantity=update.quantity,
            sellable=update.sellable,
            average_price=update.average_price,
            current_price=update.current_price,
            purchase_amount=update.purchase_amount,
            evaluation=evaluation,
            profit=evaluation - update.purchase_amount,
            profit_rate=update.profit_rate,
            on_credit=update.on_credit,
            loan_date=update.loan_date if update.on_credit else "",
            loan_amount=update.loan_amount if update.on_credit else None,
            loan_interest=update.loan_interest if update.on_credit else None,
        )


@dataclass(frozen=True)
class Cash:
    """kt00001: cash and what can be ordered with it."""

    cash: int
    orderable: int

    @classmethod
    def from_deposit(cls, deposit: Deposit) -> Cash:
        return cls(cash=deposit.cash, orderable=deposit.orderable)


class Portfolio:
    def __init__(self) -> None:
        self.positions: dict[LotKey, Position] = {}
        self.cash: Cash | None = None
        self.total_loan: int | None = None  # kt00018 tot_crd_loan_amt: what the credit lots owe
        self._sequence = 0  # counts 04 events
        self._touched: dict[LotKey, int] = {}  # lot -> sequence of its latest 04

    # ---- reading -------------------------------------------------------------------------------------------

    def holdings(self) -> list[Position]:
        """Every lot, by stock, its cash holding first and then its credit lots oldest first."""
        return [self.positions[key] for key in sorted(self.positions)]

    def codes(self) -> frozenset[str]:
        """The stocks held, in cash or on credit."""
        return frozenset(code for code, _credit, _date in self.positions)

    def holding(self, code: str) -> Position | None:
        """The cash holding of `code` (its credit lots are `lots`)."""
        return self.positions.get(lot_key(code, None, ""))

    def lots(self, code: str) -> list[Position]:
        """The credit lots of `code`, oldest loan first."""
        return [position for position in self.holdings() if position.stock_code == code and position.on_credit]

    def sellable(self, code: str) -> int:
        """What a cash sell of `code` may sell: its cash holding's sellable shares (never a credit lot's)."""
        position = self.holding(code)
        return position.sellable if position else 0

    def credit_sellable(self, code: str, loan_date: str = "") -> int:
        """What a credit sell may sell: the lot of `loan_date`, or every lot of the stock ("": 융자합)."""
        return sum(lot.sellable for lot in self.lots(code) if not loan_date or lot.loan_date == loan_date)

    def sellable_by_code(self) -> dict[str, int]:
        """Cash sellable shares by stock (what a cash sell checks)."""
        return {key[0]: position.sellable for key, position in self.positions.items() if not position.on_credit}

    def lots_by_code(self) -> dict[str, list[tuple[str, int]]]:
        """Each stock's credit lots as (loan date, sellable shares), oldest first: what a credit sell picks from."""
        lots: dict[str, list[tuple[str, int]]] = {}
        for position in self.holdings():
            if position.on_credit:
                lots.setdefault(position.stock_code, []).append((position.loan_date, position.sellable))
        return lots

    def loans_by_code(self) -> dict[str, dict[str, Loan]]:
        """Each stock's credit lots by loan date: the lot's shares and what it owes if repaid today (loan and
        interest, 04 FID 957/958; None while only kt00018 has spoken, which does not say)."""
        loans: dict[str, dict[str, Loan]] = {}
        for position in self.holdings():
            if position.on_credit:
                owed = None
                if position.loan_amount is not None and position.loan_interest is not None:
                    owed = position.loan_amount + position.loan_interest
                loans.setdefault(position.stock_code, {})[position.loan_date] = Loan(position.quantity, owed)
        return loans

    @property
    def orderable_cash(self) -> int | None:
        return self.cash.orderable if self.cash else None

    @property
    def total_purchase(self) -> int:
        return sum(position.purchase_amount for position in self.positions.values())

    @property
    def total_evaluation(self) -> int:
        return sum(position.evaluation for position in self.positions.values())

    @property
    def total_profit(self) -> int:
        return sum(position.profit for position in self.positions.values())

    @property
    def total_profit_rate(self) -> Decimal:
        return profit_rate(self.total_profit, self.total_purchase) or Decimal(0)

    # ---- changing ------------------------------------------------------------------------------------------

    def mark(self) -> int:
        """Taken before a REST snapshot is requested: 04 events after it are newer than the snapshot."""
        return self._sequence

    def replace(self, balance: Balance, deposit: Deposit, since: int | None = None) -> None:
        """A REST snapshot of holdings and cash."""
        self.replace_holdings(balance, since)
        self.replace_cash(deposit)

    def replace_holdings(self, balance: Balance, since: int | None = None) -> None:
        """kt00018 (one row per lot: qry_tp 2). A lot a 04 touched after `since` keeps what the 04 said; a lot's
        loan and interest, which kt00018 does not list, stay as its last 04 said."""
        fresh: dict[LotKey, Position] = {}
        for holding in balance.holdings:
            position = Position.from_holding(holding)
            if position.quantity <= 0:
                continue
            known = self.positions.get(position.key)
            if known is not None and position.on_credit:
                position = replace(position, loan_amount=known.loan_amount, loan_interest=known.loan_interest)
            fresh[position.key] = position
        self.positions = keep_newer(fresh, self.positions, newer_than(self._touched, since))
        self.total_loan = balance.total_credit_loan

    def replace_cash(self, deposit: Deposit) -> None:
        """kt00001: nothing real-time carries cash, so the latest answer is the truth."""
        self.cash = Cash.from_deposit(deposit)

    def apply_price(self, code: str, price: int) -> bool:
        """A trade print of a held stock (0B): the value and P/L of its every lot follow the market. True if
        anything changed."""
        changed = False
        for key, position in list(self.positions.items()):
            if key[0] != code or price <= 0 or price == position.current_price:
                continue
            evaluation = price * position.quantity
            profit = evaluation - position.purchase_amount
            rate = profit_rate(profit, position.purchase_amount)
            self.positions[key] = replace(
                position, current_price=price, evaluation=evaluation, profit=profit, profit_rate=rate
            )
            changed = True
        return changed

    def apply(self, update: BalanceUpdate) -> None:
        """One 04 event: the lot changes in place, or leaves at zero. Cash is not in 04: the desk refreshes it
        over REST after fills."""
        self._sequence += 1
        key = lot_key(update.stock_code, update.credit_type, update.loan_date)
        self._touched[key] = self._sequence
        if update.quantity > 0:
            self.positions[key] = Position.from_update(update)
        else:
            self.positions.pop(key, None)
