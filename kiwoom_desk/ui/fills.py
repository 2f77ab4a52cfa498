"""Today's fills (`fillsTable`), a tab beside the open orders: one row per order as ka10076 gives it, kept live by
00 events; newest first, numbers sorted by value, only the changed row repainted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableView, QWidget

from ..trading.fills import FillRow
from . import theme
from .labels import credit_side_text
from .table import Column, KeyedTableModel, clock, show_table, won


def _fees(value: int | None) -> str:
    return "-" if value is None else won(value)


def fill_columns() -> list[Column[FillRow]]:
    translate = QCoreApplication.translate
    return [
        # Sorted by time, then by order number: two fills in one second keep their order, newest first.
        Column(lambda: translate("FillsTable", "Time"), lambda r: r.time + r.order_no, lambda v: clock(v[:6])),
        Column(lambda: translate("FillsTable", "Code"), lambda r: r.stock_code),
        Column(lambda: translate("FillsTable", "Name"), lambda r: r.stock_name),
        Column(
            lambda: translate("FillsTable", "Side"),
            lambda r: credit_side_text(r.side, r.on_credit),
            str,
            lambda r: theme.side_colour(r.side),
        ),
        Column(lambda: translate("FillsTable", "Average price"), lambda r: r.price, won, numeric=True),
        Column(lambda: translate("FillsTable", "Filled"), lambda r: r.quantity, won, numeric=True),
        Column(lambda: translate("FillsTable", "Fees and tax"), lambda r: r.fees, _fees, numeric=True),
        Column(lambda: translate("FillsTable", "Order no."), lambda r: r.order_no),
    ]


class FillsTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fillsTable")
        self.fills: KeyedTableModel[FillRow] = KeyedTableModel(fill_columns(), key=lambda row: row.order_no)
        show_table(self, self.fills, sort_column=0, order=Qt.SortOrder.DescendingOrder)

    def apply(self, rows: list[FillRow]) -> None:
        for row in rows:
            self.fills.upsert(row)
