"""The ticket's widgets and where they sit (as a Designer form would build them); `ticket.py` says what they do.
The signals are wired here to the ticket's methods, declared below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..kiwoom import Side, TradeType, Venue
from ..kiwoom.events import BookUpdate, Trade
from ..trading import rules
from ..trading.rules import Field
from . import theme
from .order_book import MyOrders, OrderBookView
from .problems import ProblemLabel, Touched, TriedToSend
from .quote_lines import quote_labels
from .stock_search import StockSearchEdit
from .ticket_credit import CreditChoice
from .ticket_limits import TicketLimits
from .ticket_parts import MarketFeed, SessionTypes, quantity_buttons
from .widgets import TickSpinBox, checkable, named

MAX_QUANTITY = 9_999_999


class TicketLayout(QDockWidget):
    quote: rules.Quote | None
    _touched: Touched

    # ---- layout ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._build_stock(form)
        layout.addLayout(self._build_sides())
        self._build_type(form)
        self._build_price(form)
        self._build_quantity(form)
        layout.addLayout(form)
        self.orderBook = OrderBookView()
        self.orderBook.pricePicked.connect(self.set_price)
        self.myOrders = MyOrders(self.orderBook)
        self.market = MarketFeed(self.show_market, self)  # the real-time feed goes here, the ticket shows it
        self.bookHeader = named(QLabel(), "orderBookHeader")  # the stock's VI, the auction's expected price
        self.bookHeader.setWordWrap(True)
        self.bookHeader.setStyleSheet("color: #b45309; font-weight: bold;")  # the VI badge's amber
        self.bookHeader.hide()  # shown, it takes a line from the book: nothing else moves
        layout.addWidget(self.bookHeader)
        layout.addWidget(self.orderBook, 1)  # the book takes what the window can spare: nothing else moves
        self.estimateLabel = named(QLabel(), "estimateLabel")
        self.availableLabel = named(QLabel(), "availableLabel")
        self.limits = TicketLimits(self.revalidate, self.ticket, self)
        layout.addWidget(self.estimateLabel)
        available = QHBoxLayout()  # the override, when offered, takes room beside the cash: nothing moves
        available.addWidget(self.availableLabel, 1)
        available.addWidget(self.limits.overrideCheck)
        self.limits.overrideCheck.setMaximumHeight(self.availableLabel.sizeHint().height())  # a line, no taller
        layout.addLayout(available)
        self.submitButton = named(QPushButton(), "submitButton")
        theme.apply_style(self.submitButton)
        self.submitButton.clicked.connect(self._submit)
        layout.addWidget(self.submitButton)
        TriedToSend(self.submitButton, self.tried_to_send)
        self.stockCodeEdit.editingFinished.connect(lambda: self._touch(Field.STOCK))  # a field speaks
        for spin, field in (  # once the trader changed it; values the ticket sets itself touch nothing
            (self.priceSpin, Field.PRICE),
            (self.stopPriceSpin, Field.STOP_PRICE),
            (self.quantitySpin, Field.QUANTITY),
        ):
            spin.valueChanged.connect(lambda *_, field=field: self._touch(field))
            spin.editingFinished.connect(lambda field=field: self._touch(field))  # 0 typed over 0 is a touch too
        self.venueCombo.currentIndexChanged.connect(lambda *_: self._touch(Field.VENUE))
        self._problem_places = {  # which line under the fields says what
            self.stockProblem: {Field.STOCK},
            self.priceProblem: {Field.PRICE},
            self.stopProblem: {Field.STOP_PRICE},
            self.quantityProblem: {Field.QUANTITY},
            self.venueProblem: {Field.TRADE_TYPE, Field.VENUE, Field.ORDER},
        }
        self.setWidget(body)

    def _build_stock(self, form: QFormLayout) -> None:

        self.stockCodeEdit = StockSearchEdit()
        self.stockCodeEdit.codeEntered.connect(self._code_entered)
        self.stockCodeEdit.codeLeft.connect(self._code_left)
        self.stockLabel, self.limitsLabel = quote_labels()
        self.stockProblem = ProblemLabel("stockProblem")
        self._stock_row = QLabel()
        form.addRow(self._stock_row, self.stockCodeEdit)
        form.addRow("", self.stockLabel)
        form.addRow("", self.limitsLabel)
        form.addRow("", self.stockProblem.slot)

    def _build_sides(self) -> QHBoxLayout:
        sides = QHBoxLayout()
        self.sideBuyButton = checkable(named(QPushButton(), "sideBuyButton"))
        self.sideSellButton = checkable(named(QPushButton(), "sideSellButton"))
        self._sides = QButtonGroup(self)
        self._sides.setExclusive(True)
        theme.apply_style(self.sideBuyButton, self.sideSellButton)
        for button in (self.sideBuyButton, self.sideSellButton):
            self._sides.addButton(button)
            sides.addWidget(button)
        self.sideBuyButton.setChecked(True)
        self._sides.buttonToggled.connect(lambda *_: self.revalidate())
        return sides

    def _build_type(self, form: QFormLayout) -> None:
        self.tradeTypeCombo = named(QComboBox(), "tradeTypeCombo")
        for trade_type in TradeType:
            self.tradeTypeCombo.addItem("", trade_type)
        self.tradeTypeCombo.currentIndexChanged.connect(lambda *_: self._type_changed())
        self.venueCombo = named(QComboBox(), "venueCombo")
        for venue in Venue:
            self.venueCombo.addItem(venue.value, venue)
        self.venueCombo.currentIndexChanged.connect(lambda *_: self.revalidate())
        self.sessionTypes = SessionTypes(self.tradeTypeCombo, self.venueCombo, self)
        self.sessionTypes.changed.connect(self.revalidate)
        self.venueProblem = ProblemLabel("venueProblem")  # why the order can't go now: type, venue, the minute's count
        self._type_row, self._venue_row = QLabel(), QLabel()
        form.addRow(self._type_row, self.tradeTypeCombo)
        self.credit = CreditChoice(self)  # 현금 / 신용 and a credit sell's lot, beside the venue: no taller ticket
        self.credit.changed.connect(self.revalidate)
        self._sides.buttonToggled.connect(lambda *_: self.credit.set_side(self._chosen_side()))
        self.creditCombo = self.credit.creditCombo
        venue_and_credit = QHBoxLayout()
        venue_and_credit.addWidget(self.venueCombo)
        venue_and_credit.addWidget(self.credit.row, 1)
        form.addRow(self._venue_row, venue_and_credit)
        form.addRow("", self.venueProblem.slot)

    def _build_price(self, form: QFormLayout) -> None:
        self.priceSpin = TickSpinBox()
        self.priceSpin.setObjectName("priceSpin")
        self.priceSpin.valueChanged.connect(lambda *_: self.revalidate())
        price_buttons = QHBoxLayout()
        self.currentPriceButton = named(QPushButton(), "currentPriceButton")
        self.upperLimitButton = named(QPushButton(), "upperLimitButton")
        self.lowerLimitButton = named(QPushButton(), "lowerLimitButton")
        self.currentPriceButton.clicked.connect(lambda: self.set_price(self.quote.current if self.quote else 0))
        self.upperLimitButton.clicked.connect(lambda: self.set_price(self._order_limits()[1]))
        self.lowerLimitButton.clicked.connect(lambda: self.set_price(self._order_limits()[0]))
        for button in (self.currentPriceButton, self.upperLimitButton, self.lowerLimitButton):
            price_buttons.addWidget(button)
        self.priceProblem = ProblemLabel("priceProblem")
        self.stopPriceSpin = TickSpinBox()
        self.stopPriceSpin.setObjectName("stopPriceSpin")
        self.stopPriceSpin.valueChanged.connect(lambda *_: self.revalidate())
        self.stopProblem = ProblemLabel("stopProblem")
        self._price_row, self._stop_row = QLabel(), QLabel()
        form.addRow(self._price_row, self.priceSpin)
        form.addRow("", price_buttons)
        form.addRow("", self.priceProblem.slot)
        form.addRow(self._stop_row, self.stopPriceSpin)
        form.addRow("", self.stopProblem.slot)

    def _build_quantity(self, form: QFormLayout) -> None:
        self.quantitySpin = named(QSpinBox(), "quantitySpin")
        self.quantitySpin.setRange(0, MAX_QUANTITY)
        self.quantitySpin.setGroupSeparatorShown(True)
        self.quantitySpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.quantitySpin.valueChanged.connect(lambda *_: self.revalidate())
        quick, self.keepQuantityCheck = quantity_buttons(self.quantitySpin, self._take_share)
        self.quantityProblem = ProblemLabel("quantityProblem")
        self._quantity_row = QLabel()
        form.addRow(self._quantity_row, self.quantitySpin)
        form.addRow("", quick)
        form.addRow("", self.quantityProblem.slot)

    def _chosen_side(self) -> Side:
        return Side.SELL if self.sideSellButton.isChecked() else Side.BUY

    # ---- what the ticket does (ticket.py) -----------------------------------------------------------------

    def revalidate(self) -> None:
        raise NotImplementedError

    def ticket(self) -> rules.Ticket:
        raise NotImplementedError

    def tried_to_send(self) -> None:
        raise NotImplementedError

    def show_market(self, event: Trade | BookUpdate) -> None:
        raise NotImplementedError

    def _touch(self, field: Field) -> None:
        raise NotImplementedError

    def _type_changed(self) -> None:
        raise NotImplementedError

    def set_price(self, price: int) -> None:
        raise NotImplementedError

    def _order_limits(self) -> tuple[int, int]:
        """What 하한가/상한가 set: the day's limits, or 시간외 단일가's band around the close."""
        if self.quote is None:
            return 0, 0
        return rules.order_limits(TradeType(self.tradeTypeCombo.currentData()), self.quote)

    def _take_share(self, share: int) -> None:
        raise NotImplementedError

    def _code_entered(self, code: str) -> None:
        raise NotImplementedError

    def _code_left(self) -> None:
        raise NotImplementedError

    def _submit(self) -> None:
        raise NotImplementedError
