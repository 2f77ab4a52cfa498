"""Condition search (`conditionPanel`, with `conditionCombo` and `conditionResultsTable`): the trader's saved
영웅문 conditions, run once (검색) or live (실시간: stocks enter and leave as they happen, with their time, and an
optional sound on each entry). Results keep their quotes moving on their own stream; a stock that left stays,
greyed, with the time it left. An empty list in Mock/Real says where conditions are made."""

from __future__ import annotations

from collections.abc import Coroutine, Iterable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..environments import Environment
from ..kiwoom import KiwoomError
from ..kiwoom.events import BookUpdate, ConditionChange, ConditionSnapshot, RealtimeState, RealtimeStatus, Trade
from ..trading.scanner import ConditionRow, row_from_match, row_with_quote
from . import theme
from .bridge import DeskBridge
from .labels import explain
from .table import ROW_ROLE, Column, HoldStill, KeyedTableModel, clock, show_table, signed_rate, won
from .ticket_parts import EachFrame
from .widgets import StatusLine, checkable, named, shrinkable

if TYPE_CHECKING:
    import asyncio

    from ..trading.desk import TradingDesk
    from ..trading.session import SessionController

LEFT_COLOUR = "#9e9e9e"
MAX_STREAMED = 100  # results whose trades are streamed (a condition may find hundreds; the first keep moving)


def moved_at(row: ConditionRow) -> str:
    """When the row last moved (what the table sorts by, newest first): its exit, or its entry."""
    return row.left or row.entered


def moved_text(row: ConditionRow) -> str:
    """편입 15:57:20 or 이탈 15:57:25: one column, so both fit a dock beside the chart."""
    translate = QCoreApplication.translate
    if row.left:
        return translate("ConditionPanel", "out {time}").format(time=clock(row.left))
    return translate("ConditionPanel", "in {time}").format(time=clock(row.entered)) if row.entered else ""


def condition_columns() -> list[Column[ConditionRow]]:
    translate = QCoreApplication.translate

    def colour(row: ConditionRow) -> str | None:
        if row.left:
            return LEFT_COLOUR
        return theme.signed_colour(row.change) if row.change is not None else None

    def grey(row: ConditionRow) -> str | None:
        return LEFT_COLOUR if row.left else None

    return [
        Column(lambda: translate("ConditionPanel", "Name"), lambda r: r.name or r.code, colour=grey),
        Column(lambda: translate("ConditionPanel", "Price"), lambda r: r.price, won, colour, True),
        Column(lambda: translate("ConditionPanel", "Rate"), lambda r: r.rate, signed_rate, colour, True),
        Column(
            lambda: translate("ConditionPanel", "In / out"),
            lambda r: (moved_at(r), moved_text(r)),  # sorted by the time, newest first
            lambda moved: str(moved[1]),
            grey,
        ),
    ]


NAME, NAME_WIDTH = 0, 96  # the name column: elided past this, so the figures stay in view


class ConditionPanel(QWidget):
    stockChosen = Signal(str)

    def __init__(self, session: SessionController, bridge: DeskBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conditionPanel")
        self.setMinimumWidth(320)  # as the watchlist: the docks tabbed together fit a 1366-wide screen
        self.session, self.bridge = session, bridge
        self.environment = Environment.SANDBOX
        self.live_seq = ""  # the condition searched live now, if any
        self._task: asyncio.Task[None] | None = None
        self._listed = False
        self._build()
        self._each_frame: EachFrame[Trade] = EachFrame(self._show_trade, self)
        bridge.marketArrived.connect(self._market)
        bridge.conditionArrived.connect(self._condition_event)
        bridge.realtimeStatusChanged.connect(self._realtime)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        header = QHBoxLayout()
        self.conditionCombo = shrinkable(named(QComboBox(), "conditionCombo"))
        self.searchButton = named(QPushButton(), "conditionSearchButton")
        self.searchButton.clicked.connect(self.search_once)
        self.liveButton = checkable(named(QPushButton(), "conditionLiveButton"))
        self.liveButton.clicked.connect(self._live_clicked)
        header.addWidget(self.conditionCombo, 1)
        header.addWidget(self.searchButton)
        header.addWidget(self.liveButton)
        layout.addLayout(header)
        self.hintLabel = named(QLabel(), "conditionHint")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.hide()
        layout.addWidget(self.hintLabel)
        self.table = named(QTableView(), "conditionResultsTable")
        self.rows: KeyedTableModel[ConditionRow] = KeyedTableModel(condition_columns(), key=lambda row: row.code)
        show_table(
            self.table,
            self.rows,
            sort_column=3,
            order=Qt.SortOrder.DescendingOrder,
            widen=True,
            caps={NAME: NAME_WIDTH},
        )
        self.table.doubleClicked.connect(self._chosen)
        self.hold = HoldStill(self.table)  # entries wait for the pointer to leave before they re-sort
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        self.soundBox = named(QCheckBox(), "conditionSoundBox")
        self.statusLabel = named(StatusLine(), "conditionStatus")
        self.clearButton = named(QPushButton(), "conditionClearButton")
        self.clearButton.clicked.connect(self.clear_exits)
        footer.addWidget(self.statusLabel, 1)
        footer.addWidget(self.clearButton)
        footer.addWidget(self.soundBox)
        layout.addLayout(footer)

    def retranslate(self) -> None:
        self.searchButton.setText(self.tr("Search"))
        self.searchButton.setToolTip(self.tr("Find the stocks that match now"))
        self.liveButton.setText(self.tr("Live"))
        self.liveButton.setToolTip(self.tr("Watch the condition: stocks enter and leave as it happens"))
        self.soundBox.setText(self.tr("Sound on entry"))
        self.clearButton.setText(self.tr("Clear exits"))
        self.clearButton.setToolTip(self.tr("Remove the stocks that left the condition"))
        self.hintLabel.setText(
            self.tr(
                "No saved conditions. Conditions are made and saved in 영웅문4 (HTS, screen [0150] 조건검색); "
                "they appear here once saved."
            )
        )
        self.rows.headers_changed()
        self.statusLabel.retranslate()

    # ---- the list of conditions --------------------------------------------------------------------------

    def open_environment(self, environment: Environment) -> None:
        self.environment = environment
        self.clear()
        if self.isVisible():
            self.load_conditions()

    def clear(self) -> None:
        """The session closed: its live search ended with it."""
        if self._task is not None:
            self._task.cancel()
        self.live_seq = ""
        self._listed = False
        self.liveButton.setChecked(False)
        self.conditionCombo.clear()
        self.hintLabel.hide()
        for widget in (self.searchButton, self.liveButton, self.conditionCombo):
            widget.setEnabled(True)
        self.rows.set_rows([])
        self.statusLabel.say("")

    def _realtime(self, status: RealtimeStatus) -> None:
        """Condition search runs on the real-time connection: the list comes once it is up (a panel shown at the
        start asks before), and again after a failure to read it."""
        if status.state is RealtimeState.CONNECTED and not self._listed and self.isVisible():
            self.load_conditions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._listed and self.session.desk is not None:
            self.load_conditions()

    def load_conditions(self) -> None:
        desk = self.session.desk
        if desk is not None:
            self._run(self._load_conditions(desk))

    async def _load_conditions(self, desk: TradingDesk) -> None:
        conditions = await desk.condition_list()
        if self.session.desk is not desk:
            return
        self._listed = True
        chosen = self.conditionCombo.currentData()
        self.conditionCombo.clear()
        for condition in conditions:
            self.conditionCombo.addItem(f"{condition.seq}  {condition.name}", condition.seq)
        self.conditionCombo.setCurrentIndex(max(self.conditionCombo.findData(chosen), 0))
        empty = not conditions
        self.hintLabel.setVisible(empty and self.environment is not Environment.SANDBOX)
        for widget in (self.searchButton, self.liveButton, self.conditionCombo):
            widget.setEnabled(not empty)
        self.statusLabel.say(lambda: self.tr("{count} conditions").format(count=len(conditions)))

    def seq(self) -> str:
        data = self.conditionCombo.currentData()
        return data if isinstance(data, str) else ""

    # ---- searching ---------------------------------------------------------------------------------------

    def search_once(self) -> None:
        desk, seq = self.session.desk, self.seq()
        if desk is not None and seq:
            self._run(self._search_once(desk, seq))

    async def _search_once(self, desk: TradingDesk, seq: str) -> None:
        await self._stop_live(desk)
        matches = await desk.run_condition(seq)
        if self.session.desk is not desk:
            return
        self.rows.set_rows([row_from_match(match) for match in matches])
        await desk.follow_found([match.code for match in matches][:MAX_STREAMED], [])  # their trades move them
        name = self.conditionCombo.currentText()
        self.statusLabel.say(lambda: self.tr("{name}: {count} stocks").format(name=name, count=len(matches)))

    def _live_clicked(self, checked: bool) -> None:
        desk, seq = self.session.desk, self.seq()
        if desk is None or not seq:
            self.liveButton.setChecked(False)
            return
        self._run(self._start_live(desk, seq) if checked else self._stop_live(desk))

    async def _start_live(self, desk: TradingDesk, seq: str) -> None:
        await self._stop_live(desk)
        codes = await desk.watch_condition(seq)
        if self.session.desk is not desk:
            return
        self.live_seq = seq
        self.liveButton.setChecked(True)
        self._replace(codes)
        name = self.conditionCombo.currentText()
        self.statusLabel.say(lambda: self.tr("Live: {name}").format(name=name))

    async def _stop_live(self, desk: TradingDesk) -> None:
        seq, self.live_seq = self.live_seq, ""
        self.liveButton.setChecked(False)
        if seq:
            await desk.follow_found([], [])  # its results stop streaming: they stay as they were when it stopped
            await desk.stop_condition(seq)

    def _replace(self, codes: Iterable[str]) -> None:
        """The live result set as the server gives it whole (at the start, after a reconnect)."""
        codes = list(dict.fromkeys(codes))
        rows = [replace(self.rows.get(code) or ConditionRow(code, self._name(code)), left="") for code in codes]
        self.rows.set_rows(rows)
        self._quote(codes)

    def _quote(self, new: list[str]) -> None:
        desk = self.session.desk
        if desk is None:
            return
        shown = [row.code for row in self.rows.rows()][:MAX_STREAMED]  # a greyed exit keeps its price current too
        self.bridge.spawn(self._fill_quotes(desk, shown, new[:MAX_STREAMED]))

    async def _fill_quotes(self, desk: TradingDesk, codes: list[str], new: list[str]) -> None:
        try:
            quotes = await desk.follow_found(codes, new)
        except KiwoomError as error:
            self.statusLabel.say(partial(explain, error))
            return
        if self.session.desk is desk:
            for quote in quotes:
                row = self.rows.get(quote.code)
                if row is not None:
                    self.rows.upsert(row_with_quote(row, quote))

    def _condition_event(self, event: ConditionChange | ConditionSnapshot) -> None:
        if event.seq != self.live_seq:
            return
        if isinstance(event, ConditionSnapshot):
            if event.failure:  # it could not be started again after a reconnect: it is not live any more
                self.live_seq = ""
                self.liveButton.setChecked(False)
                why = event.failure
                self.statusLabel.say(lambda: self.tr("The live condition stopped: {why}").format(why=why))
                return
            self._replace(event.codes)
            return
        row = self.rows.get(event.stock_code) or ConditionRow(event.stock_code, self._name(event.stock_code))
        if event.entered:
            self.rows.upsert(replace(row, entered=event.time, left=""))
            self._quote([event.stock_code])
            if self.soundBox.isChecked():
                QApplication.beep()
        else:
            self.rows.upsert(replace(row, left=event.time))
        entered, at, name = event.entered, clock(event.time), row.name or event.stock_code

        def said() -> str:
            verb = self.tr("in") if entered else self.tr("out")
            return f"{at} {verb}: {name}"

        self.statusLabel.say(said)

    def clear_exits(self) -> None:
        """The greyed rows go: what is left is what the condition finds now."""
        for row in [row for row in self.rows.rows() if row.left]:
            self.rows.remove(row.code)
        self._quote([])  # their trades stop streaming

    def _market(self, event: Trade | BookUpdate) -> None:
        if isinstance(event, Trade) and self.rows.get(event.stock_code) is not None:
            self._each_frame.push(event.stock_code, event)

    def _show_trade(self, trade: Trade) -> None:
        row = self.rows.get(trade.stock_code)
        if row is not None:
            change = trade.change if trade.change is not None else row.change
            rate = trade.change_rate if trade.change_rate is not None else row.rate
            volume = trade.volume if trade.volume is not None else row.volume
            self.rows.upsert(replace(row, price=trade.price, change=change, rate=rate, volume=volume))

    # ---- plumbing ----------------------------------------------------------------------------------------

    def _run(self, coroutine: Coroutine[Any, Any, None]) -> None:
        """One action at a time; its failure said under the list (a query, never an order)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = self.bridge.spawn(self._guarded(coroutine))

    async def _guarded(self, coroutine: Coroutine[Any, Any, None]) -> None:
        try:
            await coroutine
        except KiwoomError as error:
            self.statusLabel.say(partial(explain, error))

    def _name(self, code: str) -> str:
        desk = self.session.desk
        return desk.stock_name(code) if desk is not None else ""

    def _chosen(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, ConditionRow):
            self.stockChosen.emit(row.code)
