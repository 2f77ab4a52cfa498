"""The order ticket (`orderTicket`, a dock): stock search, side, type, venue, price by tick, quantity, live
estimate and validation, the trader's limits. It emits a finished `Ticket`; the main window confirms and sends it.
Its widgets are built in `ticket_layout.py`."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from ..environments import Environment
from ..kiwoom import Side, TradeType, Venue
from ..kiwoom.events import BookUpdate, Trade
from ..trading import rules
from ..trading.limits import OrderGuard
from ..trading.orders import Order
from ..trading.rules import Field
from ..trading.ticks import Instrument
from . import theme
from .labels import describe, submit_text, trade_type_text
from .problems import Touched, show_problems
from .quote_lines import estimate_lines, expected_line, limits_line, quote_line
from .ticket_layout import TicketLayout
from .vi_marks import vi_text


class OrderTicket(TicketLayout):
    submitted = Signal(object)  # rules.Ticket
    quoteChanged = Signal(object)  # rules.Quote | None: another stock, or its quote read again
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
        self._busy = self._sending = False
        self._unavailable = ""  # why there is no quote when the server is the reason
        self._touched = Touched()
        self._priced_code: str | None = None  # the stock the price and quantity were set for
        self._loaded_code: str | None = None  # a stock `load` filled the ticket for, until its quote comes
        self._build()
        self.retranslate()
        self._type_changed()  # the stop price and the price buttons start as the default type wants them

    # ---- what the fields do ----------------------------------------------------------------------------

    def _touch(self, field: rules.Field) -> None:
        self._touched.mark(field)
        self.revalidate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Order ticket"))
        self._stock_row.setText(self.tr("Stock"))
        self.stockCodeEdit.setPlaceholderText(self.tr("Code or name, e.g. 005930 or 삼성전자"))
        self.sideBuyButton.setText(self.tr("Buy"))
        self.sideSellButton.setText(self.tr("Sell"))
        self._type_row.setText(self.tr("Order type"))
        self._venue_row.setText(self.tr("Venue"))
        self.credit.retranslate()
        self._price_row.setText(self.tr("Price"))
        self._stop_row.setText(self.tr("Stop price"))
        self._quantity_row.setText(self.tr("Quantity"))
        self.currentPriceButton.setText(self.tr("Current"))
        self.keepQuantityCheck.setText(self.tr("Keep"))
        self.keepQuantityCheck.setToolTip(self.tr("Keep the quantity when the stock changes"))
        self.upperLimitButton.setText(self.tr("Upper limit"))
        self.lowerLimitButton.setText(self.tr("Lower limit"))
        for index in range(self.tradeTypeCombo.count()):
            self.tradeTypeCombo.setItemText(index, trade_type_text(self.tradeTypeCombo.itemData(index)))
        self.orderBook.retranslate()
        self.limits.retranslate()
        self.sessionTypes.follow(again=True)  # the greyed types' reasons, in the new language
        self._show_quote()
        self.revalidate()

    # ---- state from outside ------------------------------------------------------------------------------

    def set_environment(self, environment: Environment, guard: OrderGuard | None = None) -> None:
        """`guard`: the environment's limits and the minute's orders, which the ticket's rules include."""
        self.environment = environment
        self.limits.set_guard(guard)
        self.market.books.clear()  # another environment, another market
        for index in range(self.venueCombo.count()):
            item = self.venueCombo.model().item(index)  # type: ignore[attr-defined]
            item.setEnabled(self.venueCombo.itemData(index) in environment.allowed_venues)
        self.sessionTypes.set_environment(environment)
        self.credit.set_environment(environment)
        self._priced_code = None  # another market: the next quote sets the price again
        with self._touched.automatic():
            self.venueCombo.setCurrentIndex(self.venueCombo.findData(Venue.KRX))
        self.set_quote(None)
        self.revalidate()

    def set_quote(self, quote: rules.Quote | None, unavailable: str = "") -> None:
        """The stock's quote, or none: `unavailable` says why when the server, not the code, is the reason."""
        self._unavailable = unavailable if quote is None else ""
        if quote is None or (self.quote is not None and quote.code != self.quote.code):
            self.orderBook.show_book(None, 0)
        self.quote = quote
        instrument = quote.instrument if quote else Instrument.STOCK
        self.priceSpin.instrument = self.stopPriceSpin.instrument = instrument
        if quote is not None and quote.code != self._priced_code:
            self._new_stock(quote)
        elif quote is not None and self.priceSpin.value() == 0 and self.trade_type.needs_price:
            with self._touched.automatic():
                self.priceSpin.setValue(quote.current)
        self._show_close()
        self.sessionTypes.code = quote.code if quote else ""
        self.sessionTypes.follow()
        self._show_quote()
        self.myOrders.show_stock(quote.code if quote else None)
        if quote is not None and quote.code in self.market.books:
            self.orderBook.show_book(self.market.books[quote.code], quote.limits.base)
        self.revalidate()
        self.quoteChanged.emit(quote)
        self.credit.show_stock(quote.code if quote else None)

    def _new_stock(self, quote: rules.Quote) -> None:
        """Another stock (영웅문's rule): its current price, no shares unless kept; what `load` filled in stays."""
        self._priced_code = quote.code
        self._touched.clear()  # a new ticket: nothing said about the last stock's fields carries over
        if self._loaded_code == quote.code:
            self._loaded_code = None
            return
        self._clear_fields(quote.current)

    def _clear_fields(self, price: int) -> None:
        """A new stock's ticket: this price, no stop price, and no shares unless the trader keeps the quantity."""
        with self._touched.automatic():
            self.priceSpin.setValue(price)
            self.stopPriceSpin.setValue(0)
            self.quantitySpin.setValue(self.quantitySpin.value() if self.keepQuantityCheck.isChecked() else 0)

    def show_market(self, event: Trade | BookUpdate) -> None:
        """0B moves the ticket's price, 0D its book (at most once a frame each: see MarketFeed)."""
        if self.quote is None or event.stock_code != self.quote.code:
            return
        if isinstance(event, Trade):
            self.quote = replace(self.quote, current=event.price)
            self._show_quote()
            if self.limits.moved(self.ticket(), self.quote):  # a limit price's distance, a market order's amount
                self.revalidate()
        else:
            self.orderBook.show_book(event, self.quote.limits.base)
            self._show_book_header()

    def set_account(self, account: rules.Account, sellable_by_code: dict[str, int]) -> None:
        if account == self.account and sellable_by_code == self.sellable_by_code:
            return  # a held stock's price moved: nothing the ticket checks changed
        self.account = account
        self.sellable_by_code = sellable_by_code
        self.revalidate()

    @property
    def busy(self) -> bool:  # from the click until the order's answer (or failure)
        return self._busy

    def set_busy(self, busy: bool, sending: bool = False) -> None:
        """Locked from the click to the answer; it says 'sending' only once the order is really going out."""
        self._busy, self._sending = busy, busy and sending
        self.revalidate()

    def load(
        self,
        side: Side,
        code: str,
        trade_type: TradeType,
        price: int,
        quantity: int,
        credit: bool = False,
        loan: str = "",
    ) -> None:
        """Fills the ticket (from an open order or a position: a credit lot's sell is a credit sell of that lot)
        and asks for the stock's quote."""
        (self.sideBuyButton if side is Side.BUY else self.sideSellButton).setChecked(True)
        self.tradeTypeCombo.setCurrentIndex(self.tradeTypeCombo.findData(trade_type))
        self.stockCodeEdit.setText(code)
        self.priceSpin.setValue(price)
        self.quantitySpin.setValue(quantity)
        self._loaded_code = code  # this price and quantity were chosen for this stock: its quote keeps them
        self.credit.show_stock(code)
        self.credit.choose(credit, loan)
        self.stockRequested.emit(code)

    def load_order(self, order: Order) -> None:
        side = order.side or Side.BUY
        loan = order.loan_date if side is Side.SELL else ""
        self.load(side, order.stock_code, TradeType.LIMIT, order.price, order.unfilled, order.on_credit, loan)

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
            credit=self.credit.credit,
            loan_date=self.credit.loan_date,
        )

    def account_for(self, ticket: rules.Ticket) -> rules.Account:
        """Cash and what this order may sell: a cash sell the cash shares, a credit sell its lot's (or all lots')."""
        code, cash = ticket.stock_code, self.account.orderable_cash
        held = self.credit.sellable(code, ticket.loan_date) if ticket.credit else self.sellable_by_code.get(code, 0)
        sellable = held if cash is not None else None
        repaid = self.credit.repayment(code, ticket.loan_date, ticket.quantity) if ticket.credit else None
        return rules.Account(cash, sellable, self.credit.margin_percent, repaid)

    def problems(self) -> list[rules.Problem]:
        ticket = self.ticket()
        account = self.account_for(ticket)
        not_taken, limits = self.sessionTypes.not_taken, self.limits.limits
        return rules.validate(ticket, self.quote, self.environment, account, not_taken, limits, self.limits.pace())

    def revalidate(self) -> None:
        ticket = self.ticket()
        problems = self.problems()
        # A field speaks once touched; a quote the server can't give, a type the session can't take and the
        # trader's limits (the minute's count of orders among them) always do.
        speaking = self._touched.fields | {Field.TRADE_TYPE} | ({Field.STOCK} if self._unavailable else set())
        speaking |= {problem.field for problem in problems if problem.kind in rules.LIMIT_KINDS}
        self.limits.follow(problems, ticket)  # first: an order that changed is held to its limits again
        shown = self.limits.blocking(problems)  # the limits the trader chose to go over are not in the way
        show_problems(self._problem_places, shown, speaking, self._describe)
        self.submitButton.setEnabled(not self.limits.blocking(problems) and not self._busy)
        theme.restyle(self.submitButton, "side", theme.side_key(ticket.side))
        self.submitButton.setText(self.tr("Sending...") if self._sending else submit_text(ticket))
        self._show_estimate(ticket)

    def _describe(self, problem: rules.Problem) -> str:
        if problem.kind is rules.Kind.UNKNOWN_STOCK and self._unavailable:
            return self._unavailable  # not the code's fault: the server's, and the ticket is trying again
        return describe(problem)

    def _show_estimate(self, ticket: rules.Ticket) -> None:
        estimate, available = estimate_lines(ticket, self.quote, self.account_for(ticket))
        self.estimateLabel.setText(estimate)
        self.availableLabel.setText(available)

    def _show_quote(self) -> None:
        market = self.sessionTypes.market()
        vi = market.vi_of(self.quote.code) if market is not None and self.quote is not None else None
        self.stockLabel.setText(quote_line(self.quote, vi is not None))
        self.stockLabel.setToolTip(vi_text(vi) if vi is not None else "")
        self.limitsLabel.setText(limits_line(self.quote))
        self._show_book_header()

    def _show_book_header(self) -> None:
        """Over the book: the stock's VI, and while an auction collects its expected price and quantity."""
        parts = [self.stockLabel.toolTip()] if self.stockLabel.toolTip() else []
        book = self.market.books.get(self.quote.code) if self.quote is not None else None
        market = self.sessionTypes.market()
        collecting = market is not None and self.quote is not None and market.collecting(self.quote.code)
        expected = (book.expected_price, book.expected_quantity) if book is not None else None
        if book is None and self.quote is not None:
            expected = self.quote.expected  # as read with the quote, until the book's first 0D says
        if expected is not None and expected[0] and collecting:
            parts.append(expected_line(expected[0], expected[1]))
        header = " · ".join(parts)
        self.bookHeader.setText(header)
        self.bookHeader.setVisible(bool(header))

    def market_changed(self) -> None:
        """A VI started or ended, or the phase changed: the marks and the order types the market takes now."""
        self.sessionTypes.follow()
        self._show_quote()

    def _type_changed(self) -> None:
        trade_type = self.trade_type
        self.priceSpin.setEnabled(trade_type.needs_price)
        for button in (self.currentPriceButton, self.upperLimitButton, self.lowerLimitButton):
            button.setEnabled(trade_type.needs_price)
        self.stopPriceSpin.setEnabled(trade_type.needs_stop_price)
        if trade_type.needs_price and self.priceSpin.value() == 0 and self.quote:
            with self._touched.automatic():
                self.priceSpin.setValue(self.quote.current)
        self._show_close()
        self.revalidate()

    def _show_close(self) -> None:
        """61/81 trade at a close: their greyed price box says which, not the last limit typed."""
        close = rules.close_price(self.trade_type, self.quote)
        if close is not None:
            with self._touched.automatic():
                self.priceSpin.setValue(close)

    def set_price(self, price: int) -> None:
        self.priceSpin.setValue(price or self.priceSpin.value())  # 0: nothing to set it to

    def take_price(self, price: int) -> None:
        """A price chosen on the chart: a limit order at it (a market order has no price to take)."""
        if not self.trade_type.needs_price:
            self.tradeTypeCombo.setCurrentIndex(self.tradeTypeCombo.findData(TradeType.LIMIT))
        self.set_price(price)

    def _take_share(self, share: int) -> None:
        ticket = self.ticket()
        most = rules.max_quantity(ticket, self.quote, self.account_for(ticket), self.limits.limits)
        self.quantitySpin.setValue(most * share // 100)

    def _code_entered(self, code: str) -> None:
        if code != self._priced_code:  # nothing typed for the last stock stays while this one's quote comes
            self._priced_code = None
            self._touched.clear()
            self._clear_fields(0)
        self.stockRequested.emit(code)
        self.revalidate()

    def _code_left(self) -> None:
        self.set_quote(None)  # revalidates

    def _submit(self) -> None:
        self.sessionTypes.follow()  # the session may have changed since the last look, a few seconds ago
        if self.limits.blocking(self.problems()) or self._busy:
            return
        self.submitted.emit(self.ticket())

    def tried_to_send(self) -> None:
        """A send that can't go (a greyed button pressed, its hotkey): every field says what it lacks."""
        self._touched.all()
        self.revalidate()
