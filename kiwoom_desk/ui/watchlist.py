"""The watchlist (`watchlistTable`, in a dock beside the chart): the trader's named lists of one environment, the
shown list's stocks with 현재가, 대비, 등락률, 거래량 and the day's range as a small bar, live from their trades
(the watchlist's own stream, at most one repaint per stock a frame). The ticket's stock is added with the button
or Insert, Delete removes, Alt+Up/Down reorders, a double click puts the stock in the ticket (and the chart)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..kiwoom import KiwoomError
from ..kiwoom.events import BookUpdate, Trade
from ..storage.watchlists import Watchlist
from ..trading.watchlist import Watchlists, WatchRow, row_after_trade, row_from_quote
from . import theme
from .bridge import DeskBridge
from .table import ROW_ROLE, Column, Index, KeyedTableModel, show_table, won
from .ticket_parts import EachFrame
from .widgets import named

if TYPE_CHECKING:
    from ..trading.session import SessionController


def _signed(value: object) -> str:
    return f"{value:+,}" if isinstance(value, int) else f"{value:+.2f}%"


def watch_columns() -> list[Column[WatchRow]]:
    translate = QCoreApplication.translate

    def colour(row: WatchRow) -> str | None:
        return theme.signed_colour(row.change) if row.change is not None else None

    return [
        Column(lambda: "#", lambda r: r.position + 1, str, numeric=True),  # the list's own order
        Column(lambda: translate("WatchlistPanel", "Name"), lambda r: r.name or r.code),
        Column(lambda: translate("WatchlistPanel", "Price"), lambda r: r.price, won, colour, True),
        Column(lambda: translate("WatchlistPanel", "Change"), lambda r: r.change, _signed, colour, True),
        Column(lambda: translate("WatchlistPanel", "Rate"), lambda r: r.rate, _signed, colour, True),
        Column(lambda: translate("WatchlistPanel", "Volume"), lambda r: r.volume, won, numeric=True),
        Column(lambda: translate("WatchlistPanel", "Day range"), lambda r: r.rate, lambda _v: ""),
    ]


class RangeBar(QStyledItemDelegate):
    """The day's low to high as a grey bar, the current price a tick in the change's colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        row = index.data(ROW_ROLE)
        if not isinstance(row, WatchRow) or None in (row.price, row.high, row.low):
            return
        assert row.price is not None and row.high is not None and row.low is not None
        area = QRectF(option.rect).adjusted(6, option.rect.height() / 2 - 2, -6, -(option.rect.height() / 2 - 2))
        painter.save()
        painter.fillRect(area, QColor("#cfd8dc"))
        span = max(row.high - row.low, 1)
        x = area.left() + (row.price - row.low) / span * area.width()
        painter.fillRect(
            QRectF(x - 1.5, area.top() - 4, 3, area.height() + 8), QColor(theme.signed_colour(row.change or 0))
        )
        painter.restore()


class WatchlistPanel(QWidget):
    stockChosen = Signal(str)  # a double click: this stock in the ticket

    def __init__(
        self,
        session: SessionController,
        bridge: DeskBridge,
        ticket_code: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("watchlistPanel")
        self.session, self.bridge, self._ticket_code = session, bridge, ticket_code
        self.watchlists = Watchlists([Watchlist("")])
        self._environment = ""
        self._build()
        self._each_frame: EachFrame[Trade] = EachFrame(self._show_trade, self)
        bridge.marketArrived.connect(self._market)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        header = QHBoxLayout()
        self.listCombo = named(QComboBox(), "watchlistCombo")
        self.listCombo.activated.connect(self._show_list)
        self.addButton = named(QPushButton(), "watchlistAddButton")
        self.addButton.clicked.connect(self.add_ticket_stock)
        self.listsButton = named(QToolButton(), "watchlistListsButton")  # the lists themselves, in a menu
        self.listsButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.listsButton)
        self.newListAction = menu.addAction("", self._ask_new_list)
        self.deleteListAction = menu.addAction("", self._delete_list)
        menu.addSeparator()
        self.importAction = menu.addAction("", lambda: self.bridge.spawn(self.import_hts()))
        self.listsButton.setMenu(menu)
        header.addWidget(self.listCombo, 1)
        header.addWidget(self.addButton)
        header.addWidget(self.listsButton)
        layout.addLayout(header)
        self.table = WatchTable(self)
        self.rows: KeyedTableModel[WatchRow] = KeyedTableModel(watch_columns(), key=lambda row: row.code)
        show_table(self.table, self.rows, sort_column=0, order=Qt.SortOrder.AscendingOrder, widen=True)
        self.table.setItemDelegateForColumn(6, RangeBar(self.table))
        self.table.doubleClicked.connect(self._chosen)
        layout.addWidget(self.table, 1)
        self.hintLabel = named(QLabel(), "watchlistHint")  # what to do with an empty list
        self.hintLabel.setWordWrap(True)
        layout.addWidget(self.hintLabel)

    def retranslate(self) -> None:
        self.addButton.setText(self.tr("+ Add"))
        self.addButton.setToolTip(self.tr("Add the ticket's stock to this list (Insert)"))
        self.listsButton.setText(self.tr("Lists"))
        self.newListAction.setText(self.tr("New list..."))
        self.deleteListAction.setText(self.tr("Delete this list"))
        self.importAction.setText(self.tr("Import from 영웅문 (HTS groups)"))
        self.hintLabel.setText(self.tr("Put a stock in the ticket, then + Add (or Insert) to watch it here."))
        self.rows.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.rows.columnCount() - 1)

    # ---- the lists ---------------------------------------------------------------------------------------

    def open_environment(self, environment: str) -> None:
        """Another session: its environment's lists, and the shown one's quotes."""
        store = self.session.config.watchlists
        self._environment = environment
        self.watchlists = Watchlists(store.load(environment) if store is not None else [Watchlist("1")])
        self._refill_combo()
        self.reload()

    def _refill_combo(self) -> None:
        self.listCombo.clear()
        self.listCombo.addItems([watchlist.name for watchlist in self.watchlists.lists])
        self.listCombo.setCurrentIndex(self.watchlists.current)

    def _save(self) -> None:
        store = self.session.config.watchlists
        if store is not None and self._environment:
            try:
                store.save(self._environment, self.watchlists.lists)
            except OSError as error:
                self.bridge.failed.emit(error)

    def _show_list(self, index: int) -> None:
        self.watchlists.current = index
        self.reload()

    def _ask_new_list(self) -> None:
        dialog = named(QInputDialog(self), "watchlistNameDialog")
        dialog.setLabelText(self.tr("Name of the new list"))
        dialog.setTextValue(self.tr("Watchlist {number}").format(number=len(self.watchlists.lists) + 1))
        dialog.textValueSelected.connect(self.new_list)
        dialog.open()

    def new_list(self, name: str) -> None:
        self.watchlists.new(name.strip() or str(len(self.watchlists.lists) + 1))
        self._save()
        self._refill_combo()
        self.reload()

    async def import_hts(self) -> int:
        """The 영웅문 groups become lists of the same names (merged into a list that has the name); returns how
        many stocks were new."""
        desk = self.session.desk
        if desk is None:
            return 0
        before = sum(len(watchlist.codes) for watchlist in self.watchlists.lists)
        try:
            groups = await desk.hts_watchlists()
        except KiwoomError as error:
            self.bridge.failed.emit(error)
            return 0
        if self.session.desk is not desk:
            return 0
        for name, codes in groups:
            self.watchlists.merge(name, codes)
        self._save()
        self._refill_combo()
        self.reload()
        return sum(len(watchlist.codes) for watchlist in self.watchlists.lists) - before

    def _delete_list(self) -> None:
        self.watchlists.delete_shown()
        self._save()
        self._refill_combo()
        self.reload()

    # ---- the stocks --------------------------------------------------------------------------------------

    def add_ticket_stock(self) -> None:
        code = self._ticket_code()
        if code and self.watchlists.add(code):
            self._save()
            self.reload()

    def remove(self, code: str) -> None:
        if self.watchlists.remove(code):
            self._save()
            self.rows.remove(code)
            self._renumber()
            self.hintLabel.setVisible(not self.watchlists.shown.codes)
            self._follow()

    def move_stock(self, code: str, offset: int) -> None:
        if self.watchlists.move(code, offset):
            self._save()
            self._renumber()

    def _renumber(self) -> None:
        """Each row's place in the list again (after a move or a removal): the changed rows repaint and resort."""
        known = {row.code: row for row in self.rows.rows()}
        for position, code in enumerate(self.watchlists.shown.codes):
            row = known.get(code) or WatchRow(code, self._name(code))
            self.rows.upsert(replace(row, position=position))

    def _name(self, code: str) -> str:
        desk = self.session.desk
        return desk.stock_name(code) if desk is not None else ""

    def reload(self) -> None:
        """The shown list again: its rows at once (names from the day's listings), its quotes as they come."""
        codes = self.watchlists.shown.codes
        self.rows.set_rows([WatchRow(code, self._name(code), position=at) for at, code in enumerate(codes)])
        self.hintLabel.setVisible(not codes)
        self._follow()

    def _follow(self) -> None:
        desk = self.session.desk
        if desk is not None:
            self.bridge.spawn(self._load(desk, list(self.watchlists.shown.codes)))

    async def _load(self, desk: object, codes: list[str]) -> None:
        from ..trading.desk import TradingDesk  # loaded with the session

        assert isinstance(desk, TradingDesk)
        try:
            quotes = await desk.watch_list(codes)
        except KiwoomError as error:
            self.bridge.failed.emit(error)
            return
        if self.session.desk is desk and codes == self.watchlists.shown.codes:
            for quote in quotes:
                self.rows.upsert(row_from_quote(quote, codes.index(quote.code)))

    def _market(self, event: Trade | BookUpdate) -> None:
        if isinstance(event, Trade) and event.stock_code in self.watchlists.shown.codes:
            self._each_frame.push(event.stock_code, event)

    def _show_trade(self, trade: Trade) -> None:
        row = next((row for row in self.rows.rows() if row.code == trade.stock_code), None)
        if row is not None:
            self.rows.upsert(row_after_trade(row, trade))

    def _chosen(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, WatchRow):
            self.stockChosen.emit(row.code)


class WatchTable(QTableView):
    """Delete removes the selected stock, Alt+Up/Down moves it (Ctrl+Up/Down step the ticket's price), Insert adds
    the ticket's stock."""

    def __init__(self, panel: WatchlistPanel) -> None:
        super().__init__(panel)
        self.setObjectName("watchlistTable")
        self._panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        row = self.currentIndex().data(ROW_ROLE)
        code = row.code if isinstance(row, WatchRow) else ""
        if key == Qt.Key.Key_Insert:
            self._panel.add_ticket_stock()
        elif key == Qt.Key.Key_Delete and code:
            self._panel.remove(code)
        elif alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and code:
            self._panel.move_stock(code, -1 if key == Qt.Key.Key_Up else 1)
            self._select(code)
        else:
            super().keyPressEvent(event)

    def _select(self, code: str) -> None:
        model = self.model()
        for position in range(model.rowCount()):
            row = model.index(position, 0).data(ROW_ROLE)
            if isinstance(row, WatchRow) and row.code == code:
                self.selectRow(position)
                return
