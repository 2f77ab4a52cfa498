"""The watchlist (`watchlistTable`, in a dock beside the chart): the trader's named lists of one environment, the
shown list's stocks with 현재가, 대비, 등락률, 거래량 and the day's range as a small bar, live from their trades
(the watchlist's own stream, at most one repaint per stock a frame). The ticket's stock is added with the button
or Insert, Delete removes, Alt+Up/Down reorders, a double click puts the stock in the ticket (and the chart)."""

from __future__ import annotations

import asyncio
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
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..environments import Environment
from ..kiwoom import KiwoomError
from ..kiwoom.events import BookUpdate, Trade
from ..storage.watchlists import DEFAULT_NAME, Watchlist, WatchlistStoreError
from ..trading.watchlist import Watchlists, WatchRow, row_after_trade, row_from_quote
from . import theme
from .bridge import DeskBridge
from .table import ROW_ROLE, Column, Index, show_table, signed, signed_rate, won
from .ticket_parts import EachFrame
from .vi_marks import MarkedModel
from .widgets import named, shrinkable

if TYPE_CHECKING:
    from ..trading.desk import TradingDesk
    from ..trading.session import SessionController


def _place_in_range(row: WatchRow) -> float | None:
    """Where the price stands in the day's range, 0 at the low and 1 at the high (what the bar shows)."""
    if row.price is None or row.low is None or row.high is None:
        return None
    return (row.price - row.low) / (row.high - row.low) if row.high > row.low else 0.5


def watch_columns() -> list[Column[WatchRow]]:
    translate = QCoreApplication.translate

    def colour(row: WatchRow) -> str | None:
        return theme.signed_colour(row.change) if row.change is not None else None

    return [
        Column(lambda: "#", lambda r: r.position + 1, str, numeric=True),  # the list's own order
        Column(lambda: translate("WatchlistPanel", "Name"), lambda r: r.name or r.code),
        Column(lambda: translate("WatchlistPanel", "Price"), lambda r: r.price, won, colour, True),
        Column(lambda: translate("WatchlistPanel", "Change"), lambda r: r.change, signed, colour, True),
        Column(lambda: translate("WatchlistPanel", "Rate"), lambda r: r.rate, signed_rate, colour, True),
        Column(lambda: translate("WatchlistPanel", "Volume"), lambda r: r.volume, won, numeric=True),
        Column(lambda: translate("WatchlistPanel", "Day range"), _place_in_range, lambda _v: "", numeric=True),
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
    said = Signal(str)  # what the status bar should say (an import's count, a file that cannot be read)

    def __init__(
        self,
        session: SessionController,
        bridge: DeskBridge,
        ticket_code: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("watchlistPanel")
        self.setMinimumWidth(320)  # its list, + 추가 and 목록 whole
        self.session, self.bridge, self._ticket_code = session, bridge, ticket_code
        self.watchlists = Watchlists([Watchlist(DEFAULT_NAME)])
        self._environment: Environment | None = None
        self._savable = True  # False when the file could not be read: nothing is saved over it
        self._loading: asyncio.Task[None] | None = None
        self._unquoted: set[str] = set()  # codes whose quotes the read under way was to bring
        self._ranges: dict[str, tuple[int, int]] = {}  # code -> the trades' low and high since the last repaint
        self._build()
        self._each_frame: EachFrame[Trade] = EachFrame(self._show_trade, self)
        bridge.marketArrived.connect(self._market)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        header = QHBoxLayout()
        self.listCombo = shrinkable(named(QComboBox(), "watchlistCombo"))
        self.listCombo.activated.connect(self._show_list)
        self.addButton = named(QPushButton(), "watchlistAddButton")
        self.addButton.clicked.connect(self.add_ticket_stock)
        self.listsButton = named(QToolButton(), "watchlistListsButton")  # the lists themselves, in a menu
        self.listsButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.listsButton)
        self.newListAction = menu.addAction("", self._ask_new_list)
        self.deleteListAction = menu.addAction("", self._ask_delete_list)
        menu.addSeparator()
        self.importAction = menu.addAction("", lambda: self.bridge.spawn(self.import_hts()))
        self.listsButton.setMenu(menu)
        header.addWidget(self.listCombo, 1)
        header.addWidget(self.addButton)
        header.addWidget(self.listsButton)
        layout.addLayout(header)
        self.table = WatchTable(self)
        self.rows: MarkedModel[WatchRow] = MarkedModel(watch_columns(), lambda row: row.code, lambda row: row.code, 1)
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
        self.rows.headers_changed()

    # ---- the lists ---------------------------------------------------------------------------------------

    def open_environment(self, environment: Environment) -> None:
        """Another session: its environment's lists, and the shown one's quotes. A file that cannot be read now
        leaves the lists for this run only (nothing is saved over it) and says so."""
        self._environment, self._savable = environment, True
        try:
            lists = self.session.watchlists(environment)
        except WatchlistStoreError as error:
            self._savable = False
            self.said.emit(self.tr("The watchlists could not be read: {why}").format(why=error))
            lists = [Watchlist(DEFAULT_NAME)]
        self.watchlists = Watchlists(lists)
        self._refill_combo()
        self.reload()

    def clear(self) -> None:
        """The session closed: no quote of it stays on screen (the lists come back with the next one)."""
        if self._loading is not None:
            self._loading.cancel()
        self.rows.set_rows([])

    def _refill_combo(self) -> None:
        self.listCombo.clear()
        self.listCombo.addItems([watchlist.name for watchlist in self.watchlists.lists])
        self.listCombo.setCurrentIndex(self.watchlists.current)

    def _save(self) -> None:
        if self._environment is None or not self._savable:
            return
        try:
            self.session.save_watchlists(self._environment, self.watchlists.lists)
        except WatchlistStoreError as error:
            self.said.emit(self.tr("The watchlists could not be saved: {why}").format(why=error))

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
        self._lists_changed()

    def _lists_changed(self) -> None:
        self._save()
        self._refill_combo()
        self.reload()

    async def import_hts(self) -> int:
        """The 영웅문 groups become lists of the same names (merged into a list that has the name); says and
        returns how many stocks were new."""
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
        self._lists_changed()
        added = sum(len(watchlist.codes) for watchlist in self.watchlists.lists) - before
        self.said.emit(self.tr("영웅문: {groups} groups, {added} new stocks").format(groups=len(groups), added=added))
        return added

    def _ask_delete_list(self) -> None:
        question = named(QMessageBox(self), "watchlistDeleteDialog")
        question.setIcon(QMessageBox.Icon.Question)
        question.setText(
            self.tr("Delete the list {name} and its {count} stocks?").format(
                name=self.watchlists.shown.name, count=len(self.watchlists.shown.codes)
            )
        )
        question.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        question.setDefaultButton(QMessageBox.StandardButton.No)
        question.accepted.connect(self.delete_list)
        question.open()

    def delete_list(self) -> None:
        self.watchlists.delete_shown()
        self._lists_changed()

    # ---- the stocks --------------------------------------------------------------------------------------

    def add_ticket_stock(self) -> None:
        code = self._ticket_code()
        if code and self.watchlists.add(code):
            self._save()
            self.hintLabel.hide()
            self.rows.upsert(WatchRow(code, self._name(code), position=len(self.watchlists.shown.codes) - 1))
            self._follow([code])  # the new stock's quote only

    def remove(self, code: str) -> None:
        if self.watchlists.remove(code):
            self._save()
            self.rows.remove(code)
            self._renumber()
            self.hintLabel.setVisible(not self.watchlists.shown.codes)
            self._follow([])  # its stream only (the ticket's and the positions' keep theirs)

    def move_stock(self, code: str, offset: int) -> None:
        if self.watchlists.move(code, offset):
            self._save()
            self._renumber()

    def _renumber(self) -> None:
        """Each row's place in the list again (after a move or a removal): the changed rows repaint and resort."""
        for position, code in enumerate(self.watchlists.shown.codes):
            row = self.rows.get(code) or WatchRow(code, self._name(code))
            self.rows.upsert(replace(row, position=position))

    def _name(self, code: str) -> str:
        desk = self.session.desk
        return desk.stock_name(code) if desk is not None else ""

    def reload(self) -> None:
        """The shown list again: its rows at once (what is known of them kept while the quotes come)."""
        codes = self.watchlists.shown.codes
        rows = [replace(self.rows.get(c) or WatchRow(c, self._name(c)), position=at) for at, c in enumerate(codes)]
        self.rows.set_rows(rows)
        self.hintLabel.setVisible(not codes)
        self._follow([row.code for row in rows if row.price is None])

    def _follow(self, quote: list[str]) -> None:
        """Streams the shown list and reads the quotes of `quote`; a read still under way for an older list is
        dropped (a query, never an order), so edits never pile requests up ahead of an order."""
        desk = self.session.desk
        if desk is None:
            return
        if self._loading is not None and not self._loading.done():
            self._loading.cancel()
            quote = sorted(set(quote) | self._unquoted)
        self._unquoted = set(quote)
        self._loading = self.bridge.spawn(self._load(desk, list(self.watchlists.shown.codes), quote))

    async def _load(self, desk: TradingDesk, codes: list[str], quote: list[str]) -> None:
        try:
            quotes = await desk.watch_list(codes, quote)
        except KiwoomError as error:
            self.bridge.failed.emit(error)
            return
        self._unquoted = set()
        if self.session.desk is not desk:
            return
        shown = self.watchlists.shown.codes
        for found in quotes:
            if found.code in shown:  # a code not asked for (or no longer shown) has no row to fill
                self.rows.upsert(row_from_quote(found, shown.index(found.code)))

    def _market(self, event: Trade | BookUpdate) -> None:
        """Every trade widens its row's day range; the row repaints at most once a frame."""
        if isinstance(event, Trade) and event.stock_code in self.watchlists.shown.codes:
            low, high = self._ranges.get(event.stock_code, (event.price, event.price))
            self._ranges[event.stock_code] = (min(low, event.price), max(high, event.price))
            self._each_frame.push(event.stock_code, event)

    def _show_trade(self, trade: Trade) -> None:
        row = self.rows.get(trade.stock_code)
        low, high = self._ranges.pop(trade.stock_code, (trade.price, trade.price))
        if row is not None:
            moved = row_after_trade(row, trade)
            self.rows.upsert(replace(moved, low=min(moved.low or low, low), high=max(moved.high or high, high)))

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
