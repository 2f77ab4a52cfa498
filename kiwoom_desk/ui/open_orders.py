"""Open orders (`openOrdersTable`): the ledger's working orders, numbers sorted by value, only changed rows
repainted; a credit order's side says 신용. Delete (Settings › Hotkeys) cancels the selection; double-click loads an
order into the ticket."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QTableView, QVBoxLayout, QWidget

from ..trading.orders import LedgerChange, Order
from . import theme
from .labels import credit_side_text, order_state_text, order_type_text
from .table import ROW_ROLE, Column, clock, show_table, won
from .vi_marks import MarkedModel

SIDE_COLUMN = 4


def order_columns(table: QWidget) -> list[Column[Order]]:
    return [
        Column(lambda: QCoreApplication.translate("OpenOrdersTable", "Time"), lambda o: o.time, clock),
        Column(lambda: QCoreApplication.translate("OpenOrdersTable", "Order no."), lambda o: o.order_no),
        Column(lambda: QCoreApplication.translate("OpenOrdersTable", "Code"), lambda o: o.stock_code),
        Column(lambda: QCoreApplication.translate("OpenOrdersTable", "Name"), lambda o: o.stock_name),
        Column(
            lambda: QCoreApplication.translate("OpenOrdersTable", "Side"),
            lambda o: o.side.value if o.side else "",
            lambda _v: "",
            lambda o: theme.side_colour(o.side),
        ),
        Column(lambda: QCoreApplication.translate("OpenOrdersTable", "Type"), order_type_text),
        Column(lambda: QCoreApplication.translate("OpenOrdersTable", "Price"), lambda o: o.price, won, numeric=True),
        Column(
            lambda: QCoreApplication.translate("OpenOrdersTable", "Quantity"), lambda o: o.quantity, won, numeric=True
        ),
        Column(
            lambda: QCoreApplication.translate("OpenOrdersTable", "Filled"),
            lambda o: o.filled_quantity,
            won,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("OpenOrdersTable", "Unfilled"), lambda o: o.unfilled, won, numeric=True
        ),
        Column(lambda: QCoreApplication.translate("OpenOrdersTable", "Status"), order_state_text),
        Column(lambda: QCoreApplication.translate("OpenOrdersTable", "Venue"), lambda o: o.venue),
    ]


class OpenOrdersModel(MarkedModel[Order]):
    def __init__(self, columns: list[Column[Order]]) -> None:
        super().__init__(columns, key=lambda order: order.order_no, code=lambda order: order.stock_code, name=3)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        value = super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == SIDE_COLUMN:
            order = self.row(index.row())
            return credit_side_text(order.side, order.on_credit)  # 신용매수 / 신용매도 for a credit order
        return value


class OpenOrdersTable(QTableView):
    cancelRequested = Signal(list)  # [Order]
    modifyRequested = Signal(object)  # Order
    orderActivated = Signal(object)  # Order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openOrdersTable")
        self.orders = OpenOrdersModel(order_columns(self))
        show_table(self, self.orders, sort_column=1, order=Qt.SortOrder.DescendingOrder)
        self.orders.rowsInserted.connect(lambda *_: self._fit_side())  # 신용매수 after 매수: the side is not cut
        self.doubleClicked.connect(lambda index: self.orderActivated.emit(index.data(ROW_ROLE)))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def _fit_side(self) -> None:
        self.setColumnWidth(SIDE_COLUMN, max(self.columnWidth(SIDE_COLUMN), self.sizeHintForColumn(SIDE_COLUMN)))

    def _menu(self, point: QPoint) -> None:
        """Right-click on an order: 정정 (one order) and 취소 (the selection), as in the HTS."""
        orders = self.selected_orders()
        if not orders:
            return
        menu = QMenu(self)
        menu.setObjectName("openOrderMenu")
        modify = menu.addAction(QCoreApplication.translate("OpenOrdersTable", "Modify..."))
        modify.setEnabled(len(orders) == 1)
        modify.triggered.connect(lambda: self.modifyRequested.emit(orders[0]))
        cancel = menu.addAction(QCoreApplication.translate("OpenOrdersTable", "Cancel"))
        cancel.triggered.connect(lambda: self.cancelRequested.emit(orders))
        menu.popup(self.viewport().mapToGlobal(point))

    def apply_change(self, change: LedgerChange) -> None:
        """Only what changed: a real-time event touches one row, a REST snapshot the few that differ."""
        for number in change.removed:
            self.orders.remove(number)
        for order in change.upserted:
            self.orders.upsert(order)

    def selected_orders(self) -> list[Order]:
        return [index.data(ROW_ROLE) for index in self.selectionModel().selectedRows()]

    def _cancel_selected(self) -> None:
        orders = self.selected_orders()
        if orders:
            self.cancelRequested.emit(orders)


class OpenOrdersPane(QWidget):
    """The open orders with their title and a button that cancels the selection (`cancelOrderButton`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.table = OpenOrdersTable()
        self.cancelButton = QPushButton()
        self.cancelButton.setObjectName("cancelOrderButton")
        self.cancelButton.setEnabled(False)
        self.cancelButton.clicked.connect(self.table._cancel_selected)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.cancelButton.setEnabled(bool(self.table.selected_orders()))
        )
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)  # the button stays at the right, with its title shown or (in a tab) not
        header.addWidget(self.cancelButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.table)

    def retranslate(self) -> None:
        self.title.setText("<b>" + QCoreApplication.translate("OpenOrdersTable", "Open orders") + "</b>")
        self.cancelButton.setText(QCoreApplication.translate("OpenOrdersTable", "Cancel selected"))
