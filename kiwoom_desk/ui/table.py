"""Declarative tables: one `Column` declares header, value, text, colour and alignment; `KeyedTableModel` keeps
rows by key and tells views only what changed (rows inserted or removed, `dataChanged` for one row).

Numbers sort by value through `SORT_ROLE`, never as text; a value the server left out (None) shows as "-".
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle

Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_UNKNOWN = float("-inf")  # how a number the server left out sorts
WIDEN_MS = 500
Index = QModelIndex | QPersistentModelIndex


def won(value: int) -> str:
    return f"{value:,}"


def signed(value: int) -> str:
    """A change in won with its sign: +1,200, -300, and 0 unsigned, as the HTS shows an unchanged price."""
    return f"{value:+,}" if value else "0"


def signed_rate(value: Any) -> str:
    """A rate in % with its sign: +1.25%, -0.40%, 0.00%."""
    return f"{value:+.2f}%" if value else "0.00%"


def clock(value: str) -> str:
    """An exchange time, HHMMSS, as HH:MM:SS (anything else as it came)."""
    return f"{value[0:2]}:{value[2:4]}:{value[4:6]}" if len(value) == 6 else value


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: Callable[[], str]  # called at paint time, so a language switch shows at once
    value: Callable[[Row], Any]  # what sorts
    text: Callable[[Any], str] = str
    colour: Callable[[Row], str | None] = lambda row: None
    numeric: bool = False


class KeyedTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], key: Callable[[Row], Hashable]) -> None:
        super().__init__()
        self.columns = list(columns)
        self._key = key
        self._rows: list[Row] = []
        self._index: dict[Hashable, int] = {}

    # -- reading --
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def row(self, position: int) -> Row:
        return self._rows[position]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def get(self, key: Hashable) -> Row | None:
        position = self._index.get(key)
        return None if position is None else self._rows[position]

    def headers_changed(self) -> None:
        """The headers' words again (another language)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            value = column.value(row)
            if value is None:  # the server did not say: shown as such, sorted first, never as a 0
                return ("-" if column.numeric else "") if role == Qt.ItemDataRole.DisplayRole else _UNKNOWN
            return column.text(value) if role == Qt.ItemDataRole.DisplayRole else value
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.colour(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- writing: only what changed --
    def set_rows(self, rows: Sequence[Row]) -> None:
        """A whole snapshot, applied as the few inserts, removals and row changes it differs by."""
        fresh = {self._key(row): row for row in rows}
        for key in [key for key in self._index if key not in fresh]:
            self.remove(key)
        for row in fresh.values():
            self.upsert(row)

    def upsert(self, row: Row) -> None:
        """One row in or changed: an insert, or a dataChanged for that row alone."""
        key = self._key(row)
        position = self._index.get(key)
        if position is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(row)
            self._index[key] = len(self._rows) - 1
            self.endInsertRows()
        elif self._rows[position] != row:
            self._rows[position] = row
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))

    def remove(self, key: Hashable) -> None:
        position = self._index.get(key)
        if position is None:
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        del self._index[key]
        for later in self._rows[position:]:  # only the rows after it move up
            self._index[self._key(later)] -= 1
        self.endRemoveRows()


def windows_sort_arrows(header: QHeaderView) -> None:
    """▲ over a column sorted ascending, ▼ descending, as Windows, Excel and the HTS show them. Qt's Windows styles
    already draw it so ("invert logic to follow Windows style guide"); Fusion and the others draw the opposite,
    so their headers get a proxy style that swaps the two."""
    base = header.style().name()
    if base.lower() in WINDOWS_STYLES:
        return
    if base not in _sort_arrows:
        _sort_arrows[base] = _swapped_sort_arrows(base)
    header.setStyle(_sort_arrows[base])


WINDOWS_STYLES = frozenset({"windows", "windowsvista", "windows11"})
_sort_arrows: dict[str, QStyle] = {}  # one per base style, shared by the headers and kept alive here (a widget does
# not own the style it is given)


def _swapped_sort_arrows(base: str) -> QStyle:
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader  # their enums load slowly

    class SwappedSortArrows(QProxyStyle):
        def drawPrimitive(
            self,
            element: QStyle.PrimitiveElement,
            option: QStyleOption,
            painter: QPainter,
            widget: QWidget | None = None,
        ) -> None:
            if element is QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
                flipped = QStyleOptionHeader(option)
                up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
                flipped.sortIndicator = {up: down, down: up}.get(option.sortIndicator, option.sortIndicator)
                option = flipped
            super().drawPrimitive(element, option, painter, widget)

    return SwappedSortArrows(base)  # by name: a proxy owns its base style


def show_table(
    view: QTableView,
    model: KeyedTableModel[Any],
    sort_column: int,
    order: Qt.SortOrder,
    widen: bool = False,
    caps: dict[int, int] | None = None,
) -> None:
    """The one way our tables look: sorted by value through a proxy, whole rows selected, the row numbers hidden,
    columns sized to their contents once filled and then left to the trader."""
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, order)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    windows_sort_arrows(view.horizontalHeader())
    fit_columns_when_filled(view, widen, caps or {})


def fit_columns_when_filled(view: QTableView, widen: bool = False, caps: dict[int, int] | None = None) -> None:
    """Sizes the columns to their contents the first time rows arrive; after that the trader's widths stay, except
    that with `widen` (a short table) a column grows when a new row or a changed value would be cut
    (SK하이닉스 after 삼성전자, a P/L from +0 to -1,200). `caps` (column -> pixels) keeps a column of long
    text (a name) from pushing the figures out of a narrow dock: its text is elided instead."""
    model = view.model()
    caps = caps or {}

    def fit(columns: range | None = None) -> None:
        if not view.property("fitted"):
            view.resizeColumnsToContents()
            view.setProperty("fitted", True)
        elif widen:
            for column in columns or range(model.columnCount() - 1):  # the last column stretches anyway
                view.setColumnWidth(column, max(view.columnWidth(column), view.sizeHintForColumn(column)))
        for column, cap in caps.items():
            view.setColumnWidth(column, min(view.columnWidth(column), cap))

    model.rowsInserted.connect(lambda *_: fit())
    if widen:  # a value that grows (a P/L from +0 to -1,200) is not cut either: looked at twice a second at most,
        grown: set[int] = set()  # since sizing a column reads every row (40 stocks trading would read them all)
        timer = QTimer(view)
        timer.setSingleShot(True)
        timer.setInterval(WIDEN_MS)

        def widen_grown() -> None:
            columns = sorted(grown)
            grown.clear()
            for column in columns:
                fit(range(column, column + 1))

        timer.timeout.connect(widen_grown)

        def changed(first: QModelIndex, last: QModelIndex, *_: object) -> None:
            grown.update(range(first.column(), last.column() + 1))
            if not timer.isActive():
                timer.start()

        model.dataChanged.connect(changed)


class HoldStill(QObject):
    """While the pointer is over a table whose rows come and go (a ranking read again, a live condition), its rows
    keep their places: the sort waits until the pointer leaves, so a double click loads the stock that was aimed
    at, not one pushed under the pointer meanwhile. `hovered` tells the table's reader to wait too."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self.hovered = False
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Enter, QEvent.Type.Leave):
            return False
        self.hovered = kind == QEvent.Type.Enter
        try:
            proxy = self._view.model()
        except RuntimeError:  # the view is being destroyed (its viewport still hears the pointer leave)
            return False
        if isinstance(proxy, QSortFilterProxyModel):
            proxy.setDynamicSortFilter(not self.hovered)
            if not self.hovered:
                proxy.invalidate()  # sorted again now that nothing is aimed at
        return False
