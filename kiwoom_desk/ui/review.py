"""The day's review (`reviewPanel`), a tab beside the fills: realized P/L per stock with totals, win rate, round
trips, fees and tax, and the day's cumulative realized P/L over time, all from the local journal (so earlier days
review offline); for today, Kiwoom's own trade journal (ka10170) beside it as a check. Export CSV writes the day's
fills and the per-stock summary for Excel (UTF-8 with a BOM)."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..kiwoom import KiwoomError
from ..storage.journal import JournalError
from ..trading.review import CsvLabels, DayReview, StockReview, review_csv
from ..trading.sessions import KST
from . import theme
from .bridge import DeskBridge
from .labels import explain
from .review_curve import CurvePlot
from .table import Column, KeyedTableModel, show_table, signed, won
from .widgets import ElidedLabel, named

if TYPE_CHECKING:
    from ..trading.desk import TradingDesk
    from ..trading.session import SessionController

REFRESH_MS = 500  # fills come in bursts: the review is rebuilt at most twice a second
SERVER_EVERY_SECONDS = 30.0  # Kiwoom's own figures (ka10170) are asked at most this often
ServerFigures = tuple[str, int, int] | KiwoomError  # (KST time read, P/L, fees and tax), or why they are missing


def review_columns() -> list[Column[StockReview]]:
    translate = QCoreApplication.translate

    def realized(row: StockReview) -> str | None:
        return theme.signed_colour(row.realized)

    return [
        Column(lambda: translate("ReviewPanel", "Code"), lambda r: r.stock_code),
        Column(lambda: translate("ReviewPanel", "Name"), lambda r: r.stock_name),
        Column(lambda: translate("ReviewPanel", "Bought"), lambda r: r.bought, won, numeric=True),
        Column(lambda: translate("ReviewPanel", "Sold"), lambda r: r.sold, won, numeric=True),
        Column(lambda: translate("ReviewPanel", "Realized P/L"), lambda r: r.realized, signed, realized, True),
        Column(lambda: translate("ReviewPanel", "Fees and tax"), lambda r: r.fees, won, numeric=True),
        Column(lambda: translate("ReviewPanel", "Trips"), lambda r: r.round_trips, won, numeric=True),
        Column(lambda: translate("ReviewPanel", "Wins"), lambda r: r.wins, won, numeric=True),
    ]


class ReviewPanel(QWidget):
    saved = Signal(str)  # what the status bar says after an export (or why it failed)

    def __init__(self, session: SessionController, bridge: DeskBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.session, self.bridge = session, bridge
        self._last_today = self._today()
        self.review = DayReview(self._last_today.toString("yyyy-MM-dd"))
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self._server_desk: TradingDesk | None = None  # whose figures `_server_text` are
        self._server: ServerFigures | None = None  # Kiwoom's figures as last read (or why they were not)
        self._server_at = -SERVER_EVERY_SECONDS  # monotonic time of the last ka10170 asked
        self._server_task: asyncio.Task[None] | None = None
        self._server_timer = QTimer(self)
        self._server_timer.setSingleShot(True)
        self._server_timer.timeout.connect(self._ask_server)
        self._build()
        bridge.fillsChanged.connect(lambda _rows: self._refresh_if_today())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.dateLabel = QLabel()
        self.dateEdit = named(QDateEdit(self._today()), "reviewDateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat("yyyy-MM-dd")
        self.dateEdit.setMaximumDate(self._today())
        self.dateEdit.dateChanged.connect(lambda _date: self.refresh())
        self.totalsLabel = named(QLabel(), "reviewTotalsLabel")
        self.totalsLabel.setWordWrap(True)  # two lines rather than a window wider than a 1366 screen (in English)
        self.exportCsvButton = named(QPushButton(), "exportCsvButton")
        self.exportCsvButton.clicked.connect(self.ask_export)
        for widget in (self.dateLabel, self.dateEdit):
            header.addWidget(widget)
        header.addWidget(self.totalsLabel, 1)
        header.addWidget(self.exportCsvButton)
        layout.addLayout(header)
        self.serverLabel = named(ElidedLabel(), "reviewServerLabel")  # Kiwoom's own figures for today
        layout.addWidget(self.serverLabel)
        self.body = named(QSplitter(), "reviewSplitter")
        self.table = named(QTableView(), "reviewTable")
        self.stocks: KeyedTableModel[StockReview] = KeyedTableModel(review_columns(), key=lambda r: r.stock_code)
        show_table(self.table, self.stocks, sort_column=4, order=Qt.SortOrder.DescendingOrder)
        self.body.addWidget(self.table)
        self.curve = CurvePlot()
        self.body.addWidget(self.curve)
        self.body.setStretchFactor(0, 0)  # the table keeps its eight columns whole, in either language;
        self.body.setStretchFactor(1, 1)  # a wider window gives the curve the room
        self.body.setSizes([650, 250])
        layout.addWidget(self.body, 1)

    def retranslate(self) -> None:
        self.dateLabel.setText(self.tr("Day"))
        self.exportCsvButton.setText(self.tr("Export CSV..."))
        self.exportCsvButton.setToolTip(self.tr("The day's fills and the summary per stock, for Excel"))
        self.stocks.headers_changed()
        self._show_totals()
        if self._is_today():
            self.serverLabel.setText(self._server_text())

    def set_locale(self, locale: QLocale) -> None:
        """The calendar's month and day names in the window's language."""
        self.dateEdit.setLocale(locale)
        self.dateEdit.calendarWidget().setLocale(locale)

    def _today(self) -> QDate:
        """The exchange's today: the Sandbox's own day on its KRX day, else the calendar's in Seoul."""
        desk = self.session.desk
        day = desk.exchange_day() if desk is not None else datetime.now(KST).strftime("%Y%m%d")
        return QDate(int(day[:4]), int(day[4:6]), int(day[6:]))

    @property
    def day(self) -> str:
        return self.dateEdit.date().toString("yyyy-MM-dd")

    # ---- what it shows -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        today = self._today()
        following = self.dateEdit.date() == self._last_today  # the trader was looking at today: still is
        self.dateEdit.setMaximumDate(today)  # the app may have been open since yesterday (or a Sandbox day)
        if following:
            self.dateEdit.setDate(today)
        self._last_today = today
        self.refresh()

    def _refresh_if_today(self) -> None:
        """A fill: today's review is rebuilt once the burst settles (at most twice a second)."""
        if self.isVisible() and self._is_today() and not self._refresh.isActive():
            self._refresh.start()

    def _is_today(self) -> bool:
        return self.day == self._today().toString("yyyy-MM-dd")

    def refresh(self) -> None:
        """The day picked, again from the journal; for today, Kiwoom's figures beside it."""
        problem = ""
        try:
            self.review = self.session.review(self.day)
        except JournalError as error:
            self.review = DayReview(self.day)
            problem = self.tr("The journal could not be read: {why}").format(why=error)
        self.stocks.set_rows(list(self.review.stocks.values()))
        self.curve.show_curve(self.review.curve, self.review.fills[0].at if self.review.fills else "")
        self._show_totals()
        if self._server_desk is not self.session.desk:  # another session: its figures are not these
            self._server_desk, self._server, self._server_at = self.session.desk, None, -SERVER_EVERY_SECONDS
        self.serverLabel.setText(problem or (self._server_text() if self._is_today() else ""))
        if self._is_today():
            self._ask_server_soon()

    def _ask_server_soon(self) -> None:
        """ka10170 at most every SERVER_EVERY_SECONDS: it shares the request budget with the orders."""
        wait = self._server_at + SERVER_EVERY_SECONDS - time.monotonic()
        if wait <= 0 and (self._server_task is None or self._server_task.done()):
            self._ask_server()
        elif not self._server_timer.isActive():
            self._server_timer.start(max(int(wait * 1000), 0))

    def _ask_server(self) -> None:
        desk = self.session.desk
        if desk is not None and self._is_today() and self.isVisible():
            self._server_at = time.monotonic()
            self._server_task = self.bridge.spawn(self._server_figures(desk))

    async def _server_figures(self, desk: TradingDesk) -> None:
        try:
            journal = await desk.trade_journal()
        except KiwoomError as error:
            figures: ServerFigures = error
        else:
            read_at = desk.market_status.now().strftime("%H:%M:%S")  # the exchange's clock, as the fills' times
            figures = (read_at, journal.total_profit, journal.total_fees_and_tax)
        if self.session.desk is not desk or desk is not self._server_desk:
            return  # the session changed while it was asked
        self._server = figures
        if self._is_today():  # the trader may have picked another day meanwhile
            self.serverLabel.setText(self._server_text())

    def _server_text(self) -> str:
        """Kiwoom's figures as last read, in the window's language."""
        figures = self._server
        if figures is None:
            return ""
        if isinstance(figures, KiwoomError):
            return self.tr("Kiwoom's trade journal: {why}").format(why=explain(figures))
        when, profit, fees = figures
        return self.tr("Kiwoom's trade journal (ka10170, {time}): P/L {profit}, fees and tax {fees}").format(
            time=when, profit=signed(profit), fees=won(fees)
        )

    def _show_totals(self) -> None:
        review = self.review
        rate = "-" if review.win_rate is None else f"{review.win_rate:.0%}"
        colour = theme.signed_colour(review.realized)
        text = self.tr("Realized {realized} · fees and tax {fees} · round trips {trips} · won {rate}").format(
            realized=f"<b style='color:{colour}'>{signed(review.realized)}</b>",
            fees=won(review.fees),
            trips=review.round_trips,
            rate=rate,
        )
        if any(stock.unknown_cost for stock in review.stocks.values()):
            text += " · " + self.tr("some sales of shares bought before the journal began are not counted")
        self.totalsLabel.setText(text)

    # ---- export ------------------------------------------------------------------------------------------

    def ask_export(self) -> None:
        """Where to write the CSV: a save dialog, opened without blocking the loop."""
        dialog = named(QFileDialog(self, self.tr("Export the day's review")), "exportCsvDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        folder = documents if documents.is_dir() else Path.home()
        dialog.selectFile(str(folder / f"kiwoom-desk-{self.session.environment.value}-{self.day}.csv"))
        dialog.fileSelected.connect(lambda path: self.export(Path(path)))
        dialog.open()

    def export(self, path: Path) -> None:
        try:
            path.write_bytes(review_csv(self.review, self.csv_labels()))
        except OSError as error:
            self.saved.emit(self.tr("The CSV was not written: {why}").format(why=error.strerror or error))
            return
        self.saved.emit(self.tr("Saved {path}").format(path=path))

    def csv_labels(self) -> CsvLabels:
        code, name, fees, realized = self.tr("Code"), self.tr("Name"), self.tr("Fees and tax"), self.tr("Realized P/L")
        when, number, price, quantity = (
            self.tr("Time (KST)"),
            self.tr("Order no."),
            self.tr("Price"),
            self.tr("Quantity"),
        )
        bought, sold, trips, won_ = self.tr("Bought"), self.tr("Sold"), self.tr("Round trips"), self.tr("Won")
        return CsvLabels(
            fills=(when, number, code, name, self.tr("Side"), price, quantity, fees, realized),
            stocks=(code, name, bought, sold, realized, fees, trips, won_),
            buy=self.tr("Buy"),
            sell=self.tr("Sell"),
            total=self.tr("Total"),
        )
