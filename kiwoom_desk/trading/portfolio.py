"""Holdings and cash, from kt00018 and kt00001."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kiwoom import Balance, Deposit, Holding


@dataclass
class Portfolio:
    balance: Balance = field(default_factory=lambda: Balance.model_validate({}))
    deposit: Deposit | None = None

    def holding(self, code: str) -> Holding | None:
        return next((holding for holding in self.balance.holdings if holding.stock_code == code), None)

    def sellable(self, code: str) -> int:
        holding = self.holding(code)
        return holding.sellable if holding else 0

    @property
    def orderable_cash(self) -> int | None:
        return self.deposit.orderable if self.deposit else None
