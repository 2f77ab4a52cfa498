"""정정 (`modifyDialog`): a new price (by tick) and quantity for an open order, held to the ticket's price rules and
the trader's limits, looked at again every second while it is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from ..trading import rules
from ..trading.limits import OrderGuard
from ..trading.orders import Order
from . import theme
from .labels import describe
from .problems import ProblemLabel
from .table import won
from .widgets import TickSpinBox, named

LOOK_AGAIN_MS = 1000


class ModifyDialog(QDialog):
    """New price (by tick) and quantity (0 = the whole remainder) for an open order, held to the ticket's price
    rules and the trader's limits."""

    def __init__(
        self,
        order: Order,
        quote: rules.Quote | None,
        parent: QWidget,
        guard: OrderGuard | None = None,
        live: Callable[[], tuple[rules.Quote | None, bool]] | None = None,
    ) -> None:
        """`live`: the stock's quote now and whether the order is still open, looked at every second while the
        dialog is open (the minute's count, the price band and a fill all change under it)."""
        super().__init__(parent)
        theme.apply_style(self)
        self.setObjectName("modifyDialog")
        self.setWindowTitle(self.tr("Modify order {number}").format(number=order.order_no))
        self.setMinimumWidth(380)  # the title and a whole price band fit
        layout = QFormLayout(self)
        layout.addRow(self.tr("Stock"), QLabel(f"{order.stock_code} {order.stock_name}"))
        layout.addRow(self.tr("Unfilled"), QLabel(won(order.unfilled)))
        self.priceSpin = TickSpinBox()
        self.priceSpin.setObjectName("modifyPriceSpin")
        if quote is not None:
            self.priceSpin.instrument = quote.instrument
            self.priceSpin.setRange(quote.limits.lower, quote.limits.upper)
        self.priceSpin.setValue(order.price)
        self.quantitySpin = named(QSpinBox(), "modifyQuantitySpin")
        self.quantitySpin.setRange(0, order.unfilled)
        self.quantitySpin.setValue(order.unfilled)
        self.quantitySpin.setSpecialValueText(self.tr("All unfilled"))
        self.priceProblem = ProblemLabel("modifyPriceProblem")  # a line of its own: the buttons never move
        self.limitsProblem = ProblemLabel("modifyLimitsProblem")
        layout.addRow(self.tr("New price"), self.priceSpin)
        layout.addRow("", self.priceProblem.slot)
        layout.addRow(self.tr("Quantity"), self.quantitySpin)
        layout.addRow("", self.limitsProblem.slot)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.okButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._order, self._quote, self._guard, self._live = order, quote, guard, live
        self.priceSpin.valueChanged.connect(lambda *_: self._check())
        self.quantitySpin.valueChanged.connect(lambda *_: self._check())
        timer = QTimer(self)
        timer.timeout.connect(self._check)
        timer.start(LOOK_AGAIN_MS)
        self._check()

    def _check(self) -> None:
        """The ticket's own price rules and the trader's limits: what breaks them is said, and cannot be sent; nor
        can a modify of an order that is no longer open."""
        still_open = True
        if self._live is not None:
            quote, still_open = self._live()
            self._quote = quote or self._quote
        problems = rules.price_problems(self.priceSpin.value(), self._quote)
        over: list[rules.Problem] = []
        if self._guard is not None:
            modified = rules.modify_ticket(self._order, self.quantitySpin.value(), self.priceSpin.value())
            over = rules.limit_problems(modified, self._quote, self._guard.limits, self._guard.now())
        priced = [problem for problem in problems + over if problem.field is rules.Field.PRICE]  # under the price
        self.priceProblem.say(" · ".join(describe(problem) for problem in priced), visible=True)
        rest = [problem for problem in over if problem.field is not rules.Field.PRICE]
        self.limitsProblem.say(" · ".join(describe(problem) for problem in rest), visible=True)
        if not still_open:
            self.limitsProblem.say(self.tr("This order is no longer open."), visible=True)
        self.okButton.setEnabled(not problems and not over and still_open)
