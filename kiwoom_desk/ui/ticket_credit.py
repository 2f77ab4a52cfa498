"""The ticket's 현금 / 신용 choice (`creditCombo`): a credit buy on the stock's terms (kt20016: its margin rate, or
greyed with the reason when the stock is not eligible), a credit sell of one lot by its loan date or of every lot
(융자합, `loanCombo`). An environment whose server refuses credit outright (Kiwoom's mock server) has the choice
hidden after its first refusal, for the rest of the run: the app does not guess before."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from ..environments import Environment
from ..kiwoom import Side
from ..trading.credit import CreditTerms, Ineligible
from ..trading.portfolio import Loan, repayment
from . import theme
from .table import won
from .widgets import ElidedLabel, named

CASH, CREDIT = 0, 1  # creditCombo's items


def loan_day(loan_date: str) -> str:
    """20250102 -> 2025-01-02."""
    return f"{loan_date[:4]}-{loan_date[4:6]}-{loan_date[6:]}" if len(loan_date) == 8 else loan_date


def terms_text(terms: CreditTerms | None) -> str:
    """증거금 45%, or why the stock can't be bought on credit; nothing while the terms are not known."""
    if terms is None:
        return ""
    if terms.ineligible is Ineligible.NOT_LISTED:
        return QCoreApplication.translate("CreditChoice", "No credit: not a credit stock")
    if terms.ineligible is Ineligible.OVER_LIMIT:
        return QCoreApplication.translate("CreditChoice", "No credit: the broker's credit limit is used up")
    rate = f"{terms.margin_percent.normalize():f}" if terms.margin_percent is not None else "-"
    return QCoreApplication.translate("CreditChoice", "Margin {rate}%").format(rate=rate)


class CreditChoice(QObject):
    changed = Signal()  # the choice, the lots or the terms changed: the ticket checks again

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.creditCombo = named(QComboBox(), "creditCombo")
        self.creditCombo.addItems(["", ""])
        self.creditCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # Credit as 신용
        self.loanCombo = named(QComboBox(), "loanCombo")
        self.creditLabel = named(ElidedLabel(), "creditLabel")  # a long reason ends in "…" (whole in the tooltip)
        theme.apply_style(self.creditLabel)  # red when it says why 신용 is greyed
        self.creditLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never wider
        self.loanCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.loanCombo.setMinimumContentsLength(14)
        self.row = QWidget()
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.creditCombo)
        layout.addWidget(self.loanCombo, 1)
        layout.addWidget(self.creditLabel, 1)
        self.environment = Environment.SANDBOX
        self.refused: set[Environment] = set()  # environments that said they offer no credit, this run
        self.terms: dict[str, CreditTerms] = {}
        self.lots: dict[str, list[tuple[str, int]]] = {}
        self.loans: dict[str, dict[str, Loan]] = {}
        self.code: str | None = None
        self._lots_code: str | None = None  # the stock whose lots loanCombo lists
        self.side = Side.BUY
        self.creditCombo.currentIndexChanged.connect(lambda *_: self._update())
        self.loanCombo.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.retranslate()

    # ---- what the ticket reads ---------------------------------------------------------------------------

    @property
    def offered(self) -> bool:
        return self.environment not in self.refused

    @property
    def credit(self) -> bool:
        return self.offered and self.creditCombo.currentIndex() == CREDIT

    @property
    def loan_date(self) -> str:
        """A credit sell's lot ("" for 융자합); nothing for a buy or a cash order."""
        return str(self.loanCombo.currentData() or "") if self.credit and self.side is Side.SELL else ""

    @property
    def margin_percent(self) -> Decimal | None:
        terms = self.terms.get(self.code or "")
        return terms.margin_percent if terms is not None and self.credit and self.side is Side.BUY else None

    def repayment(self, code: str, loan_date: str, quantity: int) -> int | None:
        """What a credit sell of `quantity` repays first (loan and interest), None when a lot does not say."""
        return repayment(self.lots.get(code, []), self.loans.get(code, {}), loan_date, quantity)

    def sellable(self, code: str, loan_date: str) -> int:
        """A credit sell's shares: the lot's, or every lot's (융자합)."""
        return sum(shares for day, shares in self.lots.get(code, []) if not loan_date or day == loan_date)

    # ---- state from the ticket and the window ------------------------------------------------------------

    def retranslate(self) -> None:
        self.creditCombo.setItemText(CASH, QCoreApplication.translate("CreditChoice", "Cash"))
        self.creditCombo.setItemText(CREDIT, QCoreApplication.translate("CreditChoice", "Credit"))
        self._fill_lots()
        self._update()

    def set_environment(self, environment: Environment) -> None:
        self.environment = environment
        self.terms.clear()  # another broker's terms
        self.lots = {}  # another account's lots (the window hands them over as they come)
        self.choose(False)

    def refuse(self, environment: Environment) -> None:
        """The server said this environment offers no credit: cash only there from now on."""
        self.refused.add(environment)
        if environment is self.environment:
            self.choose(False)

    def wants_terms(self, code: str) -> bool:
        """Whether `code`'s terms should be read with its quote: credit is offered here and they are not known."""
        return self.offered and code not in self.terms

    def show_stock(self, code: str | None) -> None:
        self.code = code
        self._fill_lots()
        self._update()

    def set_terms(self, terms: CreditTerms) -> None:
        self.terms[terms.code] = terms
        if terms.code == self.code:
            self._update()

    def set_side(self, side: Side) -> None:
        self.side = side
        self._update()

    def set_lots(self, lots: dict[str, list[tuple[str, int]]], loans: dict[str, dict[str, Loan]]) -> None:
        if lots != self.lots or loans != self.loans:
            self.lots, self.loans = lots, loans
            self._fill_lots()
            self.changed.emit()

    def choose(self, credit: bool, loan_date: str = "") -> None:
        """Cash, or credit (a sell: the lot of `loan_date`, "" for every lot)."""
        self.creditCombo.setCurrentIndex(CREDIT if credit and self.offered else CASH)
        self._fill_lots(loan_date)
        self._update()

    # ---- showing -----------------------------------------------------------------------------------------

    def _fill_lots(self, chosen: str | None = None) -> None:
        """융자합 and the stock's lots, oldest first, keeping the one chosen (`chosen`, else the current one). A
        chosen lot of this stock that is no longer held stays, as gone (nothing to sell), rather than turning into
        융자합 unseen: a sell of every loan is not the order the trader set up."""
        if chosen is None:
            chosen = str(self.loanCombo.currentData() or "") if self._lots_code == self.code else ""
        self._lots_code = self.code
        lots = self.lots.get(self.code or "", [])
        self.loanCombo.blockSignals(True)
        self.loanCombo.clear()
        self.loanCombo.addItem(QCoreApplication.translate("CreditChoice", "All loans"), "")
        for day, shares in lots:
            text = QCoreApplication.translate("CreditChoice", "{day} · {shares} sh.")
            self.loanCombo.addItem(text.format(day=loan_day(day), shares=won(shares)), day)
        if chosen and all(day != chosen for day, _ in lots):
            gone = QCoreApplication.translate("CreditChoice", "{day} · repaid (none held)")
            self.loanCombo.addItem(gone.format(day=loan_day(chosen)), chosen)
        self.loanCombo.setCurrentIndex(max(self.loanCombo.findData(chosen), 0))
        self.loanCombo.blockSignals(False)

    def _update(self) -> None:
        """Greys 신용 when it can't be had (an ineligible stock's buy, a sell with no lots) and says why."""
        self.row.setVisible(self.offered)
        terms = self.terms.get(self.code or "")
        if self.side is Side.BUY:
            why = terms_text(terms) if terms is not None and not terms.eligible else ""
            shown = terms_text(terms)
        else:
            has_lots = bool(self.lots.get(self.code or ""))
            lot_chosen = self.creditCombo.currentIndex() == CREDIT and bool(self.loanCombo.currentData())
            why = "" if has_lots or lot_chosen or self.code is None else self._no_lots()  # a gone lot stays
            shown = ""  # said on the greyed item only: most sells are of cash shares
        item = self.creditCombo.model().item(CREDIT)  # type: ignore[attr-defined]
        item.setEnabled(not why)
        item.setToolTip(why)
        if why and self.creditCombo.currentIndex() == CREDIT:
            self.creditCombo.setCurrentIndex(CASH)  # signals back here once
        self.loanCombo.setVisible(self.credit and self.side is Side.SELL)
        self.creditLabel.setText(shown)
        theme.restyle(self.creditLabel, "problem", bool(why))
        self.creditLabel.setToolTip(" ".join(filter(None, (shown, terms.detail if terms is not None else ""))))
        self.changed.emit()

    @staticmethod
    def _no_lots() -> str:
        return QCoreApplication.translate("CreditChoice", "No credit lots of this stock")
