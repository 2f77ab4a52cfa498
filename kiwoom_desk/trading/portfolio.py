"""Holdings and cash: REST snapshots (kt00018, kt00001) and real-time 04 events merged, with the same staleness
guard as the order ledger: a snapshot requested before a 04 arrived does not undo that 04."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ..kiwoom.events import BalanceUpdate
from .freshness import keep_newer, newer_than

if TYPE_CHECKING:  # the wire models (pydantic) load with the client, after the window is shown
    from ..kiwoom import Balance, Deposit, Holding


def profit_rate(profit: int, purchase: int) -> Decimal | None:
    """수익률 in percent to two places, as the HTS shows it; None when nothing was paid."""
    return (Decimal(profit) * 100 / purchase).quantize(Decimal("0.01")) if purchase else None


@dataclass(frozen=True)
class Position:
    """One holding as the trader sees it."""

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
        self.positions: dict[str, Position] = {}
        self.cash: Cash | None = None
        self._sequence = 0  # counts 04 events
        self._touched: dict[str, int] = {}  # stock code -> sequence of its latest 04

    # ---- reading -------------------------------------------------------------------------------------------

    def holdings(self) -> list[Position]:
        return [self.positions[code] for code in sorted(self.positions)]

    def holding(self, code: str) -> Position | None:
        return self.positions.get(code)

    def sellable(self, code: str) -> int:
        position = self.positions.get(code)
        return position.sellable if position else 0

    def sellable_by_code(self) -> dict[str, int]:
        return {code: position.sellable for code, position in self.positions.items()}

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
        """kt00018. A holding a 04 touched after `since` keeps what the 04 said."""
        fresh = {holding.stock_code: Position.from_holding(holding) for holding in balance.holdings}
        fresh = {code: position for code, position in fresh.items() if position.quantity > 0}
        self.positions = keep_newer(fresh, self.positions, newer_than(self._touched, since))

    def replace_cash(self, deposit: Deposit) -> None:
        """kt00001: nothing real-time carries cash, so the latest answer is the truth."""
        self.cash = Cash.from_deposit(deposit)

    def apply_price(self, code: str, price: int) -> bool:
        """A trade print of a held stock (0B): its value and P/L follow the market. True if anything changed."""
        position = self.positions.get(code)
        if position is None or price <= 0 or price == position.current_price:
            return False
        evaluation = price * position.quantity
        profit = evaluation - position.purchase_amount
        rate = profit_rate(profit, position.purchase_amount)
        self.positions[code] = replace(
            position, current_price=price, evaluation=evaluation, profit=profit, profit_rate=rate
        )
        return True

    def apply(self, update: BalanceUpdate) -> None:
        """One 04 event: the holding changes in place, or leaves at zero. Cash is not in 04: the desk refreshes
        it over REST after fills."""
        self._sequence += 1
        self._touched[update.stock_code] = self._sequence
        if update.quantity > 0:
            self.positions[update.stock_code] = Position.from_update(update)
        else:
            self.positions.pop(update.stock_code, None)
