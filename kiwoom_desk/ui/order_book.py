"""The ticket's 10-level order book (`orderBookTable`): asks above, bids below, as in the HTS."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..kiwoom.events import BookUpdate
from ..trading.orders import LedgerChange, Order
from . import theme
from .table import won

if TYPE_CHECKING:  # the wire models (pydantic) load with the client, after the window is shown
    from ..kiwoom import BookLevel


class OrderBookView(QTableWidget):
    """The 10-level book (`orderBookTable`): asks above, bids below, as in the HTS; a click sets the price."""

    pricePicked = Signal(int)
    LEVELS = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.LEVELS * 2, 4, parent)
        self.setObjectName("orderBookTable")
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setDefaultSectionSize(18)
        self.setMinimumHeight(18 * 3)  # the levels around the spread on a small screen; all 20 on a large one
        self.cellClicked.connect(self._clicked)
        self._prices: list[int] = [0] * (self.LEVELS * 2)
        self._mine: dict[int, int] = {}  # price -> the trader's resting quantity there (내 주문)
        self._shown = False  # whether a book of the current stock is on screen

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Ask qty"), self.tr("Price"), self.tr("Bid qty"), self.tr("Mine")])

    def show_mine(self, resting: dict[int, int]) -> None:
        """The trader's own resting orders of this stock, by price: shown in 내 주문 beside their level. Only the
        cells whose figure changed are set (each set repaints)."""
        self._mine = dict(resting)
        for row, price in enumerate(self._prices):
            text = won(self._mine[price]) if price in self._mine else ""
            item = self._cell(row, 3)
            if item.text() != text:
                item.setText(text)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        """A cell's item, made once with what never changes: its alignment and the ask or bid background."""
        item = self.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            alignment = Qt.AlignmentFlag.AlignCenter if column == 1 else Qt.AlignmentFlag.AlignRight
            item.setTextAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
            item.setBackground(QColor("#e8f0fe" if row < self.LEVELS else "#fdecea"))
            self.setItem(row, column, item)
        return item

    def show_book(self, book: BookUpdate | None, base: int) -> None:
        top: list[BookLevel | None] = list(reversed(book.asks[: self.LEVELS])) if book else []
        below: list[BookLevel | None] = list(book.bids[: self.LEVELS]) if book else []
        asks: list[BookLevel | None] = [*([None] * (self.LEVELS - len(top))), *top]
        bids: list[BookLevel | None] = [*below, *([None] * (self.LEVELS - len(below)))]
        for row, level in enumerate(asks + bids):
            is_ask = row < self.LEVELS
            price = level.price if level else 0
            self._prices[row] = price
            quantity = won(level.quantity) if level and level.quantity is not None else ""
            mine = won(self._mine[price]) if price in self._mine else ""
            cells = [quantity if is_ask else "", won(price) if price else "", "" if is_ask else quantity, mine]
            for column, text in enumerate(cells):  # only what changed is set: each set repaints its cell
                item = self._cell(row, column)
                if item.text() != text:
                    item.setText(text)
                if column == 1 and price:
                    colour = QColor(theme.signed_colour(price - base))
                    if item.foreground().color() != colour:
                        item.setForeground(colour)

        if book is None or not self._shown:  # a new stock's first book is centred; later ones keep the scroll
            QTimer.singleShot(0, self, self._centre)  # dropped if the book is gone
        self._shown = book is not None

    def _centre(self) -> None:
        """The best ask and bid stay in the middle, however many levels the window has room for."""
        visible = self.viewport().height() / max(self.rowHeight(0), 1)  # rows that fit, a part-row counted
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.verticalScrollBar().setValue(max(self.LEVELS - round(visible / 2), 0))  # the first row shown

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._centre)  # once the new height is laid out (dropped if the book is gone)

    def _clicked(self, row: int, _column: int) -> None:
        if self._prices[row]:
            self.pricePicked.emit(self._prices[row])


def resting_by_price(orders: list[Order], code: str | None) -> dict[int, int]:
    """The unfilled shares of the working orders of `code`, summed by price (market orders have none)."""
    resting: dict[int, int] = {}
    for order in orders:
        if order.stock_code == code and order.price > 0:
            resting[order.price] = resting.get(order.price, 0) + order.unfilled
    return resting


class MyOrders:
    """내 주문 for the book: the working orders of the ticket's stock and their unfilled shares by price, kept up to
    date one change at a time (a real-time event touches one order; re-summing thousands of open orders for each
    would stall the window)."""

    def __init__(self, book: OrderBookView) -> None:
        self._book = book
        self.all_orders: Callable[[], list[Order]] = list  # every working order, read when the stock changes
        self._code: str | None = None
        self._mine: dict[str, Order] = {}
        self._resting: dict[int, int] = {}  # price -> unfilled shares of self._mine

    def show_stock(self, code: str | None) -> None:
        if code != self._code:
            self._code = code
            self._mine = {order.order_no: order for order in self.all_orders() if order.stock_code == code}
            self._resting = resting_by_price(list(self._mine.values()), code)
        self._book.show_mine(self._resting)

    def follow(self, change: LedgerChange) -> None:
        touched = False
        for order in change.upserted:
            before = self._mine.pop(order.order_no, None)
            if before is not None:
                self._count(before, -1)
                touched = True
            if order.stock_code == self._code:
                self._mine[order.order_no] = order
                self._count(order, +1)
                touched = True
        for number in change.removed:
            before = self._mine.pop(number, None)
            if before is not None:
                self._count(before, -1)
                touched = True
        if touched:
            self._book.show_mine(self._resting)

    def _count(self, order: Order, sign: int) -> None:
        if order.price <= 0:  # a market order rests at no price
            return
        shares = self._resting.get(order.price, 0) + sign * order.unfilled
        if shares:
            self._resting[order.price] = shares
        else:
            self._resting.pop(order.price, None)
