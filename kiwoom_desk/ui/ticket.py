"""The order ticket (`orderTicket`, a dock): stock search, side, type, venue, price by tick, quantity, live
estimate and validation. It emits a finished `Ticket`; the main window confirms and sends it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDockWidget,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..environments import Environment
from ..kiwoom import BookLevel, OpenOrder, Side, StockListing, TradeType, Venue
from ..kiwoom.realtime import BookUpdate, Trade
from ..trading import rules
from ..trading.ticks import Instrument, round_down_to_tick, tick_down, tick_up
from . import theme
from .table import won
from .widgets import checkable, named

MAX_PRICE = 99_999_999
MAX_QUANTITY = 9_999_999
QUANTITY_SHARES = (10, 25, 50, 100)  # % buttons of the most the ticket can take


def trade_type_text(trade_type: TradeType) -> str:
    return {
        TradeType.LIMIT: QCoreApplication.translate("TradeType", "Limit"),
        TradeType.MARKET: QCoreApplication.translate("TradeType", "Market"),
        TradeType.CONDITIONAL_LIMIT: QCoreApplication.translate("TradeType", "Conditional limit"),
        TradeType.BEST_LIMIT: QCoreApplication.translate("TradeType", "Best limit"),
        TradeType.PRIORITY_LIMIT: QCoreApplication.translate("TradeType", "Priority limit"),
        TradeType.LIMIT_IOC: QCoreApplication.translate("TradeType", "Limit (IOC)"),
        TradeType.MARKET_IOC: QCoreApplication.translate("TradeType", "Market (IOC)"),
        TradeType.BEST_LIMIT_IOC: QCoreApplication.translate("TradeType", "Best limit (IOC)"),
        TradeType.LIMIT_FOK: QCoreApplication.translate("TradeType", "Limit (FOK)"),
        TradeType.MARKET_FOK: QCoreApplication.translate("TradeType", "Market (FOK)"),
        TradeType.BEST_LIMIT_FOK: QCoreApplication.translate("TradeType", "Best limit (FOK)"),
        TradeType.STOP_LIMIT: QCoreApplication.translate("TradeType", "Stop limit"),
        TradeType.MID_PRICE: QCoreApplication.translate("TradeType", "Mid-price"),
        TradeType.MID_PRICE_IOC: QCoreApplication.translate("TradeType", "Mid-price (IOC)"),
        TradeType.MID_PRICE_FOK: QCoreApplication.translate("TradeType", "Mid-price (FOK)"),
        TradeType.PRE_MARKET_CLOSE: QCoreApplication.translate("TradeType", "Pre-market closing price"),
        TradeType.AFTER_HOURS_SINGLE: QCoreApplication.translate("TradeType", "After-hours single price"),
        TradeType.POST_MARKET_CLOSE: QCoreApplication.translate("TradeType", "Post-market closing price"),
    }[trade_type]


def side_text(side: Side | None) -> str:
    if side is Side.BUY:
        return QCoreApplication.translate("Side", "Buy")
    if side is Side.SELL:
        return QCoreApplication.translate("Side", "Sell")
    return ""


def describe(problem: rules.Problem) -> str:
    """A problem in the trader's language, saying what is wrong and what would be right."""
    p = problem.params
    k = rules.Kind
    return {
        k.CODE_FORMAT: QCoreApplication.translate(
            "Problem", "Enter a 6-character stock code, such as 005930, or search by name."
        ),
        k.UNKNOWN_STOCK: QCoreApplication.translate("Problem", "No quote for this code yet; check the code."),
        k.QUANTITY_ZERO: QCoreApplication.translate("Problem", "Enter a quantity of at least 1 share."),
        k.PRICE_REQUIRED: QCoreApplication.translate("Problem", "This order type needs a price."),
        k.PRICE_OFF_TICK: QCoreApplication.translate(
            "Problem", "The price must be a multiple of {tick} won: {below} or {above}."
        ),
        k.PRICE_ABOVE_LIMIT: QCoreApplication.translate("Problem", "Above the upper limit of {upper} won."),
        k.PRICE_BELOW_LIMIT: QCoreApplication.translate("Problem", "Below the lower limit of {lower} won."),
        k.STOP_REQUIRED: QCoreApplication.translate("Problem", "A stop-limit order needs a stop price."),
        k.STOP_OFF_TICK: QCoreApplication.translate(
            "Problem", "The stop price must be a multiple of {tick} won: {below} or {above}."
        ),
        k.VENUE_NOT_ALLOWED: QCoreApplication.translate("Problem", "Only KRX can be traded in this environment."),
        k.CASH_SHORT: QCoreApplication.translate("Problem", "Needs {needed} won; orderable cash is {orderable} won."),
        k.SHARES_SHORT: QCoreApplication.translate("Problem", "You can sell at most {sellable} shares."),
    }[problem.kind].format(**{name: won(value) for name, value in p.items()})


class TickSpinBox(QSpinBox):
    """A price box whose arrows and PageUp/PageDown step by the KRX tick of the current band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = Instrument.STOCK
        self.setRange(0, MAX_PRICE)
        self.setGroupSeparatorShown(True)
        self.setAccelerated(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def stepBy(self, steps: int) -> None:
        price = self.value()
        if price <= 0:
            return
        price = round_down_to_tick(price, self.instrument)
        for _ in range(abs(steps)):
            price = tick_up(price, self.instrument) if steps > 0 else tick_down(price, self.instrument)
        self.setValue(min(max(price, self.minimum()), self.maximum()))


class OrderBookView(QTableWidget):
    """The 10-level book (`orderBookTable`): asks above, bids below, as in the HTS; a click sets the price."""

    pricePicked = Signal(int)
    LEVELS = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.LEVELS * 2, 3, parent)
        self.setObjectName("orderBookTable")
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setDefaultSectionSize(18)
        self.setMinimumHeight(18 * 12)
        self.cellClicked.connect(self._clicked)
        self._prices: list[int] = [0] * (self.LEVELS * 2)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Ask qty"), self.tr("Price"), self.tr("Bid qty")])

    def show_book(self, book: BookUpdate | None, base: int) -> None:
        top: list[BookLevel] = list(reversed(book.asks[: self.LEVELS])) if book else []
        below: list[BookLevel] = list(book.bids[: self.LEVELS]) if book else []
        asks: list[BookLevel | None] = [None] * (self.LEVELS - len(top)) + list(top)
        bids: list[BookLevel | None] = list(below) + [None] * (self.LEVELS - len(below))
        for row, level in enumerate(asks + bids):
            is_ask = row < self.LEVELS
            price = level.price if level else 0
            self._prices[row] = price
            quantity = won(level.quantity) if level else ""
            cells = [quantity if is_ask else "", won(price) if price else "", "" if is_ask else quantity]
            for column, text in enumerate(cells):
                item = self.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(row, column, item)
                item.setText(text)
                alignment = Qt.AlignmentFlag.AlignCenter if column == 1 else Qt.AlignmentFlag.AlignRight
                item.setTextAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
                item.setBackground(QColor("#e8f0fe" if is_ask else "#fdecea"))
                if column == 1 and price:
                    item.setForeground(QColor(theme.signed_colour(price - base)))

        spread = self.item(self.LEVELS, 1)
        if spread is not None:  # the best ask and bid stay in sight however small the window
            self.scrollToItem(spread, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _clicked(self, row: int, _column: int) -> None:
        if self._prices[row]:
            self.pricePicked.emit(self._prices[row])


class OrderTicket(QDockWidget):
    submitted = Signal(object)  # rules.Ticket
    stockRequested = Signal(str)  # a code to quote

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderTicket")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.environment = Environment.SANDBOX
        self.quote: rules.Quote | None = None
        self.account = rules.Account()
        self.sellable_by_code: dict[str, int] = {}
        self._busy = False
        self._listings: dict[str, StockListing] = {}
        self._books: dict[str, BookUpdate] = {}
        self._build()
        self.retranslate()
        self.revalidate()

    # ---- layout ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.stockCodeEdit = named(QLineEdit(), "stockCodeEdit")
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._picked)
        self.stockCodeEdit.setCompleter(completer)
        self.stockCodeEdit.textEdited.connect(self._code_edited)
        self.stockCodeEdit.returnPressed.connect(self._code_confirmed)
        self.stockLabel = named(QLabel(), "stockLabel")
        self.stockLabel.setTextFormat(Qt.TextFormat.RichText)
        self.limitsLabel = named(QLabel(), "limitsLabel")
        self.stockProblem = self._problem_label("stockProblem")
        self._stock_row = QLabel()
        form.addRow(self._stock_row, self.stockCodeEdit)
        form.addRow("", self.stockLabel)
        form.addRow("", self.limitsLabel)
        form.addRow("", self.stockProblem)

        sides = QHBoxLayout()
        self.sideBuyButton = checkable(named(QPushButton(), "sideBuyButton"))
        self.sideSellButton = checkable(named(QPushButton(), "sideSellButton"))
        self.sideBuyButton.setStyleSheet(theme.side_button_style(theme.BUY))
        self.sideSellButton.setStyleSheet(theme.side_button_style(theme.SELL))
        self._sides = QButtonGroup(self)
        self._sides.setExclusive(True)
        for button in (self.sideBuyButton, self.sideSellButton):
            self._sides.addButton(button)
            sides.addWidget(button)
        self.sideBuyButton.setChecked(True)
        self._sides.buttonToggled.connect(lambda *_: self.revalidate())
        layout.addLayout(sides)

        self.tradeTypeCombo = named(QComboBox(), "tradeTypeCombo")
        for trade_type in TradeType:
            self.tradeTypeCombo.addItem("", trade_type)
        self.tradeTypeCombo.currentIndexChanged.connect(lambda *_: self._type_changed())
        self.venueCombo = named(QComboBox(), "venueCombo")
        for venue in Venue:
            self.venueCombo.addItem(venue.value, venue)
        self.venueCombo.currentIndexChanged.connect(lambda *_: self.revalidate())
        self.venueProblem = self._problem_label("venueProblem")
        self._type_row, self._venue_row = QLabel(), QLabel()
        form.addRow(self._type_row, self.tradeTypeCombo)
        form.addRow(self._venue_row, self.venueCombo)
        form.addRow("", self.venueProblem)

        self.priceSpin = TickSpinBox()
        self.priceSpin.setObjectName("priceSpin")
        self.priceSpin.valueChanged.connect(lambda *_: self.revalidate())
        price_buttons = QHBoxLayout()
        self.currentPriceButton = named(QPushButton(), "currentPriceButton")
        self.upperLimitButton = named(QPushButton(), "upperLimitButton")
        self.lowerLimitButton = named(QPushButton(), "lowerLimitButton")
        self.currentPriceButton.clicked.connect(lambda: self._set_price(self.quote.current if self.quote else 0))
        self.upperLimitButton.clicked.connect(lambda: self._set_price(self.quote.limits.upper if self.quote else 0))
        self.lowerLimitButton.clicked.connect(lambda: self._set_price(self.quote.limits.lower if self.quote else 0))
        for button in (self.currentPriceButton, self.upperLimitButton, self.lowerLimitButton):
            price_buttons.addWidget(button)
        self.priceProblem = self._problem_label("priceProblem")
        self.stopPriceSpin = TickSpinBox()
        self.stopPriceSpin.setObjectName("stopPriceSpin")
        self.stopPriceSpin.valueChanged.connect(lambda *_: self.revalidate())
        self.stopProblem = self._problem_label("stopProblem")
        self._price_row, self._stop_row = QLabel(), QLabel()
        form.addRow(self._price_row, self.priceSpin)
        form.addRow("", price_buttons)
        form.addRow("", self.priceProblem)
        form.addRow(self._stop_row, self.stopPriceSpin)
        form.addRow("", self.stopProblem)

        self.quantitySpin = named(QSpinBox(), "quantitySpin")
        self.quantitySpin.setRange(0, MAX_QUANTITY)
        self.quantitySpin.setGroupSeparatorShown(True)
        self.quantitySpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.quantitySpin.valueChanged.connect(lambda *_: self.revalidate())
        quick = QGridLayout()
        for column, amount in enumerate((1, 10, 100)):
            button = QPushButton(f"+{amount}")
            button.clicked.connect(
                lambda _=False, amount=amount: self.quantitySpin.setValue(self.quantitySpin.value() + amount)
            )
            quick.addWidget(button, 0, column)
        self._share_buttons: list[tuple[QPushButton, int]] = []
        for column, share in enumerate(QUANTITY_SHARES):
            button = QPushButton(f"{share}%")
            button.setObjectName(f"quantity{share}Button")
            button.clicked.connect(lambda _=False, share=share: self._take_share(share))
            self._share_buttons.append((button, share))
            quick.addWidget(button, 1, column)
        self.quantityProblem = self._problem_label("quantityProblem")
        self._quantity_row = QLabel()
        form.addRow(self._quantity_row, self.quantitySpin)
        form.addRow("", quick)
        form.addRow("", self.quantityProblem)
        layout.addLayout(form)

        self.orderBook = OrderBookView()
        self.orderBook.pricePicked.connect(self._set_price)
        layout.addWidget(self.orderBook)
        self.estimateLabel = named(QLabel(), "estimateLabel")
        self.availableLabel = named(QLabel(), "availableLabel")
        layout.addWidget(self.estimateLabel)
        layout.addWidget(self.availableLabel)
        self.submitButton = named(QPushButton(), "submitButton")
        self.submitButton.clicked.connect(self._submit)
        layout.addWidget(self.submitButton)
        layout.addStretch(1)
        self.setWidget(body)

    @staticmethod
    def _problem_label(name: str) -> QLabel:
        label = named(QLabel(), name)
        label.setStyleSheet(f"color: {theme.PROBLEM};")
        label.setWordWrap(True)
        label.hide()
        return label

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Order ticket"))
        self._stock_row.setText(self.tr("Stock"))
        self.stockCodeEdit.setPlaceholderText(self.tr("Code or name, e.g. 005930 or 삼성전자"))
        self.sideBuyButton.setText(self.tr("Buy"))
        self.sideSellButton.setText(self.tr("Sell"))
        self._type_row.setText(self.tr("Order type"))
        self._venue_row.setText(self.tr("Venue"))
        self._price_row.setText(self.tr("Price"))
        self._stop_row.setText(self.tr("Stop price"))
        self._quantity_row.setText(self.tr("Quantity"))
        self.currentPriceButton.setText(self.tr("Current"))
        self.upperLimitButton.setText(self.tr("Upper limit"))
        self.lowerLimitButton.setText(self.tr("Lower limit"))
        for index in range(self.tradeTypeCombo.count()):
            self.tradeTypeCombo.setItemText(index, trade_type_text(self.tradeTypeCombo.itemData(index)))
        self.orderBook.retranslate()
        self._show_quote()
        self.revalidate()

    # ---- state from outside ------------------------------------------------------------------------------

    def set_environment(self, environment: Environment) -> None:
        self.environment = environment
        self._books.clear()  # another environment, another market
        for index in range(self.venueCombo.count()):
            item = self.venueCombo.model().item(index)  # type: ignore[attr-defined]
            item.setEnabled(self.venueCombo.itemData(index) in environment.allowed_venues)
        self.venueCombo.setCurrentIndex(self.venueCombo.findData(Venue.KRX))
        self.set_quote(None)
        self.revalidate()

    def set_listings(self, listings: list[StockListing]) -> None:
        self._listings = {listing.code: listing for listing in listings}
        self._completions.setStringList([f"{listing.code} {listing.name}" for listing in listings])

    def set_quote(self, quote: rules.Quote | None) -> None:
        if quote is None or (self.quote is not None and quote.code != self.quote.code):
            self.orderBook.show_book(None, 0)
        self.quote = quote
        instrument = quote.instrument if quote else Instrument.STOCK
        self.priceSpin.instrument = self.stopPriceSpin.instrument = instrument
        if quote is not None and self.priceSpin.value() == 0 and self.trade_type.needs_price:
            self.priceSpin.setValue(quote.current)
        self._show_quote()
        if quote is not None and quote.code in self._books:
            self.orderBook.show_book(self._books[quote.code], quote.limits.base)
        self.revalidate()

    def show_trade(self, trade: Trade) -> None:
        """0B for the ticket's stock: the last price and change follow the market."""
        if self.quote is not None and trade.stock_code == self.quote.code:
            self.quote = replace(self.quote, current=trade.price)
            self._show_quote()

    def show_book(self, book: BookUpdate) -> None:
        """0D: kept per stock, since the first push can arrive before the quote it belongs with."""
        self._books[book.stock_code] = book
        if self.quote is not None and book.stock_code == self.quote.code:
            self.orderBook.show_book(book, self.quote.limits.base)

    def set_account(self, account: rules.Account, sellable_by_code: dict[str, int]) -> None:
        self.account = account
        self.sellable_by_code = sellable_by_code
        self.revalidate()

    @property
    def busy(self) -> bool:
        """True from the click until the order's answer (or failure) arrives."""
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.revalidate()

    def load(self, side: Side, code: str, trade_type: TradeType, price: int, quantity: int) -> None:
        """Fills the ticket (from an open order or a position) and asks for the stock's quote."""
        (self.sideBuyButton if side is Side.BUY else self.sideSellButton).setChecked(True)
        self.tradeTypeCombo.setCurrentIndex(self.tradeTypeCombo.findData(trade_type))
        self.stockCodeEdit.setText(code)
        self.priceSpin.setValue(price)
        self.quantitySpin.setValue(quantity)
        self.stockRequested.emit(code)

    def load_order(self, order: OpenOrder) -> None:
        self.load(order.side or Side.BUY, order.stock_code, TradeType.LIMIT, order.price, order.unfilled)

    # ---- reading and checking ----------------------------------------------------------------------------

    @property
    def side(self) -> Side:
        return Side.SELL if self.sideSellButton.isChecked() else Side.BUY

    @property
    def trade_type(self) -> TradeType:
        return TradeType(self.tradeTypeCombo.currentData())

    def ticket(self) -> rules.Ticket:
        return rules.Ticket(
            side=self.side,
            stock_code=self.stockCodeEdit.text().strip().upper()[:6],
            trade_type=self.trade_type,
            venue=Venue(self.venueCombo.currentData()),
            price=self.priceSpin.value() if self.trade_type.needs_price else 0,
            quantity=self.quantitySpin.value(),
            stop_price=self.stopPriceSpin.value() if self.trade_type.needs_stop_price else 0,
        )

    def _account_for(self, ticket: rules.Ticket) -> rules.Account:
        sellable = self.sellable_by_code.get(ticket.stock_code, 0) if self.account.orderable_cash is not None else None
        return rules.Account(orderable_cash=self.account.orderable_cash, sellable=sellable)

    def problems(self) -> list[rules.Problem]:
        ticket = self.ticket()
        return rules.validate(ticket, self.quote, self.environment, self._account_for(ticket))

    def revalidate(self) -> None:
        ticket = self.ticket()
        problems = self.problems()
        labels = {
            rules.Field.STOCK: self.stockProblem,
            rules.Field.PRICE: self.priceProblem,
            rules.Field.STOP_PRICE: self.stopProblem,
            rules.Field.QUANTITY: self.quantityProblem,
            rules.Field.VENUE: self.venueProblem,
        }
        touched = bool(self.stockCodeEdit.text())
        for field, label in labels.items():
            found = [describe(problem) for problem in problems if problem.field is field]
            # an empty ticket is not an error yet: only speak once the trader has started
            label.setText("\n".join(found))
            label.setVisible(bool(found) and touched)
        self.submitButton.setEnabled(not problems and not self._busy)
        colour = theme.BUY if ticket.side is Side.BUY else theme.SELL
        self.submitButton.setStyleSheet(theme.submit_style(colour))
        self.submitButton.setText(
            self.tr("Sending...")
            if self._busy
            else (self.tr("Buy order") if ticket.side is Side.BUY else self.tr("Sell order"))
        )
        self._show_estimate(ticket)

    def _show_estimate(self, ticket: rules.Ticket) -> None:
        amount = rules.estimated_cost(ticket, self.quote) if ticket.side is Side.BUY else ticket.price * ticket.quantity
        self.estimateLabel.setText(self.tr("Estimated amount: {amount} won").format(amount=won(amount)))
        account = self._account_for(ticket)
        if ticket.side is Side.BUY:
            orderable = account.orderable_cash
            text = self.tr("Orderable cash: {cash} won").format(cash=won(orderable) if orderable is not None else "-")
        else:
            text = self.tr("Sellable: {shares} shares").format(shares=won(account.sellable or 0))
        self.availableLabel.setText(text)

    def _show_quote(self) -> None:
        quote = self.quote
        if quote is None:
            self.stockLabel.setText("")
            self.limitsLabel.setText("")
            return
        change = quote.current - quote.limits.base
        rate = change * 100 / quote.limits.base if quote.limits.base else 0.0
        colour = theme.signed_colour(change)
        arrow = "▲" if change > 0 else "▼" if change < 0 else ""
        self.stockLabel.setText(
            f"<b>{quote.name}</b> &nbsp; <span style='color:{colour}; font-weight:bold'>{won(quote.current)}</span>"
            f" <span style='color:{colour}'>{arrow}{won(abs(change))} ({rate:+.2f}%)</span>"
        )
        self.limitsLabel.setText(
            self.tr("Upper {upper} · Lower {lower}").format(
                upper=won(quote.limits.upper), lower=won(quote.limits.lower)
            )
        )

    # ---- reactions ---------------------------------------------------------------------------------------

    def _type_changed(self) -> None:
        trade_type = self.trade_type
        self.priceSpin.setEnabled(trade_type.needs_price)
        for button in (self.currentPriceButton, self.upperLimitButton, self.lowerLimitButton):
            button.setEnabled(trade_type.needs_price)
        self.stopPriceSpin.setEnabled(trade_type.needs_stop_price)
        if trade_type.needs_price and self.priceSpin.value() == 0 and self.quote:
            self.priceSpin.setValue(self.quote.current)
        self.revalidate()

    def _set_price(self, price: int) -> None:
        if price:
            self.priceSpin.setValue(price)

    def _take_share(self, share: int) -> None:
        ticket = self.ticket()
        most = rules.max_quantity(ticket, self.quote, self._account_for(ticket))
        self.quantitySpin.setValue(most * share // 100)

    def _code_edited(self, text: str) -> None:
        code = text.strip().upper()
        if len(code) == 6 and code.isalnum():
            self.stockRequested.emit(code)
        elif self.quote is not None:
            self.set_quote(None)
        self.revalidate()

    def _code_confirmed(self) -> None:
        """Enter on a name: take the first listing whose name contains it."""
        text = self.stockCodeEdit.text().strip()
        if len(text) == 6 and text.upper() in self._listings:
            return
        match = next((listing for listing in self._listings.values() if text and text in listing.name), None)
        if match is not None:
            self._picked(f"{match.code} {match.name}")

    def _picked(self, completion: str) -> None:
        code = completion.split(" ", 1)[0]
        self.stockCodeEdit.setText(code)
        self.stockRequested.emit(code)

    def _submit(self) -> None:
        if self.problems() or self._busy:
            return
        self.submitted.emit(self.ticket())
