"""Holdings and cash, from kt00018 and kt00001."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..kiwoom import Balance, Deposit, Holding
from ..kiwoom.realtime import BalanceUpdate


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

    def apply(self, update: BalanceUpdate) -> None:
        """One 04 event: the holding changes in place (or leaves at zero); totals follow from the holdings.
        Cash is not in 04: the desk refreshes it over REST after fills."""
        others = [holding for holding in self.balance.holdings if holding.stock_code != update.stock_code]
        holdings = others
        if update.quantity > 0:
            evaluation = update.current_price * update.quantity
            profit = evaluation - update.purchase_amount
            holding = Holding.model_validate(
                {
                    "stk_cd": update.stock_code,
                    "stk_nm": update.stock_name,
                    "rmnd_qty": str(update.quantity),
                    "trde_able_qty": str(update.sellable),
                    "pur_pric": str(update.average_price),
                    "cur_prc": str(update.current_price),
                    "pur_amt": str(update.purchase_amount),
                    "evlt_amt": str(evaluation),
                    "evltv_prft": str(profit),
                    "prft_rt": str(update.profit_rate),
                }
            )
            holdings = sorted([*others, holding], key=lambda h: h.stock_code)
        purchase = sum(h.purchase_amount for h in holdings)
        evaluation_total = sum(h.evaluation for h in holdings)
        rate = (evaluation_total - purchase) * 100 / purchase if purchase else 0.0
        self.balance = self.balance.model_copy(
            update={
                "holdings": holdings,
                "total_purchase": purchase,
                "total_evaluation": evaluation_total,
                "total_profit": evaluation_total - purchase,
                "total_profit_rate": Decimal(f"{rate:.2f}"),
            }
        )
