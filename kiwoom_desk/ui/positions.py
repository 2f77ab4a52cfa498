"""Positions and cash (`positionsTable`): kt00018 holdings by lot (a stock's cash shares and each of its credit
lots on their own row, with the lot's loan and interest when 04 said them), P/L in red and blue, totals from
kt00018 and kt00001. Double-click a position to prefill a sell (of a credit lot: a credit sell of that lot)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from ..trading.portfolio import Portfolio, Position
from . import theme
from .table import ROW_ROLE, Column, show_table, signed, signed_rate, won
from .ticket_credit import loan_day
from .vi_marks import MarkedModel
from .widgets import named


def _rate(value: Decimal | None) -> str:
    return "-" if value is None else signed_rate(value)


def position_columns(widget: QWidget) -> list[Column[Position]]:
    pl = lambda h: theme.signed_colour(h.profit)  # noqa: E731 - one colour rule for two columns
    return [
        Column(lambda: QCoreApplication.translate("PositionsPanel", "Code"), lambda h: h.stock_code),
        Column(lambda: QCoreApplication.translate("PositionsPanel", "Name"), lambda h: h.stock_name),
        Column(
            lambda: QCoreApplication.translate("PositionsPanel", "Credit"),
            lambda h: h.loan_date if h.on_credit else "",
            credit_text,
        ),
        Column(
            lambda: QCoreApplication.translate("PositionsPanel", "Quantity"), lambda h: h.quantity, won, numeric=True
        ),
        Column(
            lambda: QCoreApplication.translate("PositionsPanel", "Sellable"), lambda h: h.sellable, won, numeric=True
        ),
        Column(
            lambda: QCoreApplication.translate("PositionsPanel", "Avg. price"),
            lambda h: h.average_price,
            won,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("PositionsPanel", "Current"),
            lambda h: h.current_price,
            won,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("PositionsPanel", "P/L"),
            lambda h: h.profit,
            signed,
            pl,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("PositionsPanel", "P/L %"),
            lambda h: h.profit_rate,
            _rate,
            pl,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("PositionsPanel", "Loan"),
            lambda h: h.loan_amount if h.on_credit else 0,
            _blank_zero,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("PositionsPanel", "Interest"),
            lambda h: h.loan_interest if h.on_credit else 0,
            _blank_zero,
            numeric=True,
        ),
    ]


def credit_text(loan_date: str) -> str:
    """현금, or 신용 with the lot's loan date."""
    if not loan_date:
        return QCoreApplication.translate("PositionsPanel", "Cash")
    return QCoreApplication.translate("PositionsPanel", "Credit {day}").format(day=loan_day(loan_date))


def _blank_zero(value: int) -> str:
    """A cash row has no loan: nothing shown (a credit lot's unknown loan shows as -)."""
    return won(value) if value else ""


class PositionsPanel(QWidget):
    sellRequested = Signal(object)  # Position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = named(QTableView(), "positionsTable")
        self.positions: MarkedModel[Position] = MarkedModel(  # a held stock under VI is marked as elsewhere
            position_columns(self), key=lambda holding: holding.key, code=lambda holding: holding.stock_code, name=1
        )
        show_table(self.table, self.positions, sort_column=0, order=Qt.SortOrder.AscendingOrder, widen=True)
        self.table.doubleClicked.connect(lambda index: self.sellRequested.emit(index.data(ROW_ROLE)))
        self.totalsLabel = named(QLabel(), "totalsLabel")
        self.totalsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.totalsLabel.setWordWrap(True)  # two lines rather than a window wider than a 1366 screen (a dock open)
        layout.addWidget(self.table)
        layout.addWidget(self.totalsLabel)
        self.show_portfolio(Portfolio())

    def show_portfolio(self, portfolio: Portfolio) -> None:
        self.positions.set_rows(portfolio.holdings())
        balance, deposit = portfolio, portfolio.cash
        colour = theme.signed_colour(balance.total_profit)
        cash = won(deposit.cash) if deposit else "-"
        orderable = won(deposit.orderable) if deposit else "-"
        text = self.tr(
            "Cash {cash} · Orderable {orderable} · Purchase {purchase} · Evaluation {evaluation} · P/L {pl}"
        ).format(
            cash=cash,
            orderable=orderable,
            purchase=won(balance.total_purchase),
            evaluation=won(balance.total_evaluation),
            pl=f"<span style='color:{colour}'>{signed(balance.total_profit)} "
            f"({signed_rate(balance.total_profit_rate)})</span>",
        )
        if portfolio.total_loan:
            text += " · " + self.tr("Loans {amount}").format(amount=won(portfolio.total_loan))
        self.totalsLabel.setText(text)
