"""The main window: environment toggle, order ticket, open orders, positions and cash, status bar, menus.

The session controller (`trading/session.py`) owns the environment and its desk; the window asks it to switch
and shows what the desk tells the bridge. Real needs an explicit confirmation, shows a red banner and title, and
confirms every order. Order verbs live in `order_actions.py`, the keys dialog's in `keys.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from .. import __version__
from ..collector import collect_everything
from ..environments import SANDBOX_KEYS, Environment
from ..kiwoom import KiwoomError
from ..storage.credentials import Credentials, CredentialStoreError
from ..trading import rules
from ..trading.portfolio import Portfolio
from ..trading.session import SessionConfig, SessionController
from . import dialogs, theme
from .bridge import DeskBridge
from .chart import ChartPane
from .environment_toggle import EnvironmentToggle
from .fills import FillsTable
from .keys import KeysEditor
from .labels import environment_text, explain
from .language import install_language
from .menus import WindowMenus
from .open_orders import OpenOrdersPane
from .order_actions import OrderActions
from .positions import PositionsPanel
from .review import ReviewPanel
from .scanner import ScannerDocks
from .status_bar import StatusBar
from .ticket import OrderTicket
from .vi_marks import MarketMarks
from .watchlist import WatchlistPanel
from .widgets import named
from .window_layout import LayoutPart, layout_parts, restore_layout, save_layout

if TYPE_CHECKING:  # the live session (client, websockets) loads when one is opened
    from ..trading.desk import TradingDesk

log = logging.getLogger(__name__)
FIRST_PAINT_WAIT_SECONDS = 0.5
WATCHLIST_SHOWN_FROM = 1600  # screen width (px) from which the watchlist opens beside the chart the first time


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, config: SessionConfig, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.bridge = DeskBridge()
        self.session = SessionController(config, self.bridge)
        self.bridge.portfolioChanged.connect(self._portfolio_changed)
        self.bridge.failed.connect(self._failed)
        self._switching = False
        self._painted = asyncio.Event()
        self.language = str(self.settings.value("language", "ko"))
        self._translators = install_language(self.language, self)
        self._build()
        theme.apply_style(self.environmentToggle, self.realBanner, self.accentBar, self.status)
        self.orderActions = OrderActions(self.session, self.bridge, self.ticket, self.openOrders, self.status, self)
        self.keys = KeysEditor(self.session, self.bridge, self.status, self)
        self.bridge.executionArrived.connect(self.orderActions.announce)
        self._wire_actions()
        self.menus = WindowMenus(self)
        self.orderActions.sounds = self.menus.sounds
        self._default_state = self.saveState()
        self._default_splitter = self.splitter.saveState()
        self._restore_layout()
        self.retranslate()
        self._show_locale()

    # ---- layout ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setObjectName("mainWindow")
        self.resize(1366, 768)
        toolbar = self.addToolBar("environment")
        toolbar.setObjectName("environmentToolbar")
        toolbar.setMovable(False)
        self.environmentToggle = EnvironmentToggle()
        self.environmentToggle.requested.connect(self.request_environment)
        toolbar.addWidget(self.environmentToggle)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        self.realBanner = named(QLabel(), "realBanner")
        self.realBanner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.realBanner.hide()
        layout.addWidget(self.realBanner)
        self.accentBar = named(QLabel(), "accentBar")
        self.accentBar.setFixedHeight(4)
        layout.addWidget(self.accentBar)
        self.openOrdersPane = OpenOrdersPane()
        self.openOrders, self.cancelOrderButton = self.openOrdersPane.table, self.openOrdersPane.cancelButton
        self.positionsTitle = QLabel()
        self.positions = PositionsPanel()
        self.fillsTable = FillsTable()
        self.orderTabs = named(QTabWidget(), "orderTabs")  # 미체결 | 체결, as the HTS pairs them
        self.openOrdersPane.title.hide()  # the tab says it
        self.orderTabs.addTab(self.openOrdersPane, "")
        self.orderTabs.addTab(self.fillsTable, "")
        self.reviewPanel = ReviewPanel(self.session, self.bridge)
        self.orderTabs.addTab(self.reviewPanel, "")
        self.chart = ChartPane(self.bridge, lambda: self.session.desk)
        self.splitter = named(QSplitter(Qt.Orientation.Vertical), "mainSplitter")
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.orderTabs)
        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.addWidget(self.positionsTitle)
        pane_layout.addWidget(self.positions)
        self.splitter.addWidget(pane)
        self.splitter.setSizes([300, 180, 180])  # the chart first, as the window opens
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)

        self.ticket = OrderTicket(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.ticket)
        self._build_watchlist()
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.bridge.realtimeStatusChanged.connect(self.status.set_realtime)
        self.bridge.ordersChanged.connect(self.openOrders.apply_change)
        self.bridge.fillsChanged.connect(self.fillsTable.apply)
        self.bridge.ordersChanged.connect(self.ticket.myOrders.follow)
        self.ticket.myOrders.all_orders = self.openOrders.orders.rows
        self.bridge.marketArrived.connect(self.ticket.market.push)
        self.ticket.quoteChanged.connect(self.chart.show_quote)
        self.chart.priceChosen.connect(self.ticket.take_price)
        self.watchlist.stockChosen.connect(self.ticket.stockCodeEdit.choose)
        self.reviewPanel.saved.connect(lambda text: self.status.show_message(text, important=True))

    def _build_watchlist(self) -> None:
        """관심종목 in a dock on the right, which the trader may close (보기 > 관심종목) or move."""
        self.watchlist = WatchlistPanel(self.session, self.bridge, self._ticket_code)
        self.watchlistDock = named(QDockWidget(), "watchlistDock")
        self.watchlistDock.setWidget(self.watchlist)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.watchlistDock)
        choose = self.ticket.stockCodeEdit.choose
        self.scanner = ScannerDocks(self, self.watchlistDock, self.session, self.bridge, choose, self.settings)
        self.ticket.quoteChanged.connect(lambda quote: self.scanner.flows.show_stock(quote.code if quote else ""))

    def _ticket_code(self) -> str:
        quote = self.ticket.quote
        return quote.code if quote is not None else ""

    def _wire_actions(self) -> None:
        self.marketMarks = MarketMarks(self)  # the phase, the clock and the VIs, wherever they show
        self.watchlist.said.connect(lambda text: self.status.show_message(text, important=True))
        self.openOrders.cancelRequested.connect(self.orderActions.cancel_orders)
        self.openOrders.modifyRequested.connect(self.orderActions.modify)
        self.openOrders.orderActivated.connect(self.ticket.load_order)
        self.positions.sellRequested.connect(self.orderActions.prefill_sell)
        self.ticket.submitted.connect(self.orderActions.submit)
        self.ticket.stockRequested.connect(self.orderActions.request_quote)

    def retranslate(self) -> None:
        self.environmentToggle.retranslate()
        self.realBanner.setText(self.tr("REAL TRADING: orders use real money"))
        self.openOrdersPane.retranslate()
        self.chart.retranslate()
        self.watchlist.retranslate()
        self.watchlistDock.setWindowTitle(self.tr("Watchlist"))
        self.scanner.retranslate()
        self.orderTabs.setTabText(0, self.tr("Open orders"))
        self.orderTabs.setTabText(1, self.tr("Fills"))
        self.orderTabs.setTabText(2, self.tr("Review"))
        self.reviewPanel.retranslate()
        self.positionsTitle.setText("<b>" + self.tr("Positions and cash") + "</b>")
        self.menus.retranslate()
        self.ticket.retranslate()
        self.status.retranslate()
        for model in (self.openOrders.orders, self.positions.positions, self.fillsTable.fills):
            model.headers_changed()
        self.positions.show_portfolio(self.portfolio)
        self._show_environment()

    # ---- what the session holds --------------------------------------------------------------------------

    @property
    def environment(self) -> Environment:
        return self.session.environment

    @property
    def desk(self) -> TradingDesk | None:
        return self.session.desk

    @property
    def portfolio(self) -> Portfolio:
        return self.desk.portfolio if self.desk is not None else Portfolio()

    def set_language(self, language: str) -> None:
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self.language = language
        self.settings.setValue("language", language)
        self._translators = install_language(language, self)
        self.retranslate()
        for table in (self.openOrders, self.positions.table, self.fillsTable, self.reviewPanel.table):
            table.resizeColumnsToContents()  # the new words, and the values under them, whole
        self._show_locale()
        self.status.show_message(self.tr("Language: English"), important=True)  # no message left in the old one

    def _show_locale(self) -> None:
        """Month and day names (the review's calendar) in the window's language."""
        korean = self.language == "ko"
        self.reviewPanel.set_locale(QLocale(QLocale.Language.Korean if korean else QLocale.Language.English))

    def _show_environment(self) -> None:
        environment = self.environment
        self.realBanner.setVisible(environment is Environment.REAL)
        theme.restyle(self.accentBar, "environment", environment.value)
        title = f"Kiwoom Desk {__version__} — {environment_text(environment)}"
        real = self.tr("REAL MONEY")
        self.setWindowTitle(f"[{real}] {title}" if environment is Environment.REAL else title)
        self.status.set_environment(environment)
        self.environmentToggle.show_environment(environment)

    def _layout_parts(self) -> list[LayoutPart]:
        orders, positions = self.openOrders.horizontalHeader(), self.positions.table.horizontalHeader()
        return layout_parts(self, self.splitter, orders, positions)

    def _restore_layout(self) -> None:
        first_time = self.settings.value("windowState") is None
        restore_layout(self, self.settings, self._layout_parts())
        screen = self.screen()
        if first_time and screen is not None and screen.availableSize().width() < WATCHLIST_SHOWN_FROM:
            self.watchlistDock.hide()  # 1366 wide: the ticket, the chart and the orders first (보기 > 관심종목)
            self.scanner.hide()
        elif first_time:
            self.resizeDocks([self.watchlistDock], [440], Qt.Orientation.Horizontal)  # its columns whole

    def save_layout(self) -> None:
        save_layout(self.settings, self._layout_parts())
        self.settings.setValue("environment", self.environment.value)
        self.settings.setValue("stock", self.ticket.stockCodeEdit.text())

    def restore_default_layout(self) -> None:
        self.restoreState(self._default_state)
        self.splitter.restoreState(self._default_splitter)
        self.ticket.show()
        for header in (self.openOrders.horizontalHeader(), self.positions.table.horizontalHeader()):
            header.resizeSections(header.ResizeMode.ResizeToContents)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
        self.closed.emit()

    async def shutdown(self) -> None:
        """After the window closed: pending work stops, the token is revoked, the embedded Sandbox stops."""
        await self._close_desk()
        await self.session.shutdown()

    # ---- environments ------------------------------------------------------------------------------------

    def request_environment(self, environment: Environment) -> None:
        """The toggle was pressed: guard, then switch (or put the toggle back)."""
        if self._switching or self.bridge.orders_pending:
            self.environmentToggle.show_environment(self.environment)
            if self.bridge.orders_pending:
                self.status.show_message(self.tr("Wait for the order's answer before switching."), important=True)
            return
        self.bridge.spawn(self.switch_to(environment))

    async def switch_to(self, environment: Environment) -> bool:
        previous = self.environment
        self._switching = True
        try:
            credentials = await self.keys.credentials_for(environment)  # no keys, no question about real money
            entering_real = environment is Environment.REAL and previous is not Environment.REAL
            if credentials is None or (entering_real and not await dialogs.ask(dialogs.RealModeDialog(self))):
                self.environmentToggle.show_environment(previous)
                return False
            return await self._open_desk(environment, credentials)
        finally:
            self._switching = False

    async def _close_desk(self) -> None:
        await self.bridge.cancel_all(keep=asyncio.current_task())  # a quote or refresh must not outlive its desk
        await self.bridge.settle_orders()  # but an order on the wire gets its answer first
        self.status.token_expires_at = None
        await self.session.close()  # revokes the token and closes its connections
        collect_everything()  # the closed session's cycles are freed now, not left frozen
        self.openOrders.orders.set_rows([])
        self.fillsTable.fills.set_rows([])
        self.chart.clear()
        self.watchlist.clear()
        self.scanner.clear()
        self.positions.show_portfolio(Portfolio())
        self.ticket.set_account(rules.Account(), {})

    async def _open_desk(self, environment: Environment, credentials: Credentials) -> bool:
        """Connects beside the current session, which stays (toggle, window and all) until the new one is up."""
        name = environment_text(environment)
        self.status.show_message(self.tr("Connecting to {environment}...").format(environment=name), important=True)
        self.ticket.set_busy(True)  # no order may go to the old environment while the trader expects the new
        cached = self.session.cached_listings(environment) if self.session.desk is None else None
        if cached is not None:  # the first session: the day's cached stock list serves the search at once
            self.ticket.stockCodeEdit.set_listings(cached)
        try:
            desk = await self.session.connect(environment, credentials)
        except KiwoomError as error:
            self.environmentToggle.show_environment(self.environment)
            self.status.show_message(explain(error), important=True)
            if self.session.desk is None:
                self.status.set_rest_state("error")  # nothing to fall back on: say so, not "connecting"
            return False
        finally:
            self.ticket.set_busy(False)
        await self._close_desk()
        await self.session.activate(desk)
        self._show_environment()
        if self.reviewPanel.isVisible():  # the other environment's journal
            self.reviewPanel.refresh()
        self.watchlist.open_environment(environment)  # its own lists, streamed on this session
        self.scanner.open_environment(environment)
        self.ticket.set_environment(environment, self.session.guards[environment])
        self.status.set_rest_state("connected")
        self.status.token_expires_at = desk.token_expires_at
        self.status.show_message(self.tr("Connected. Loading the stock list..."))
        listings = await desk.listings(cached or None)
        if self.session.desk is desk:
            self.ticket.stockCodeEdit.set_listings(listings)
            self.status.show_message(self.tr("Ready: {count} stocks").format(count=len(listings)), important=True)
            code = self.ticket.stockCodeEdit.text().strip()
            if code:
                self.orderActions.request_quote(code)
        return True

    async def reset_sandbox(self) -> None:
        """Settings > 연습 계좌 초기화: after a confirmation, the Sandbox starts again from its first cash."""
        if self._switching or self.bridge.orders_pending or not await dialogs.ask(dialogs.ResetSandboxDialog(self)):
            return
        on_sandbox = self.environment is Environment.SANDBOX
        if on_sandbox:
            await self._close_desk()
        await self.session.reset_sandbox()
        if on_sandbox:
            await self._open_desk(Environment.SANDBOX, Credentials(*SANDBOX_KEYS))
        self.status.show_message(self.tr("The Sandbox account was reset."), important=True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._painted.set()

    async def start(self, environment: Environment | None = None) -> None:
        """The first connection: the given environment, else the last one used, else Sandbox when no Mock keys.
        Real is entered only through its confirmation; declined, the app opens on Sandbox. A shown window paints
        first: the protocol stack and the Sandbox load after that."""
        self.status.set_rest_state("connecting")
        if self.isVisible():  # a minimized or hidden window may never paint: it waits a moment, not for ever
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._painted.wait(), FIRST_PAINT_WAIT_SECONDS)
        if environment is None:
            environment = Environment(str(self.settings.value("environment", Environment.SANDBOX.value)))
            try:
                if self.session.stored_credentials(environment) is None:
                    environment = Environment.SANDBOX
            except CredentialStoreError:
                environment = Environment.SANDBOX
        stock = str(self.settings.value("stock", ""))
        if stock:
            self.ticket.stockCodeEdit.setText(stock)
        if not await self.switch_to(environment) and environment is not Environment.SANDBOX:
            await self.switch_to(Environment.SANDBOX)

    # ---- desk events -------------------------------------------------------------------------------------

    def _portfolio_changed(self) -> None:
        portfolio = self.portfolio
        self.positions.show_portfolio(portfolio)
        self.ticket.set_account(rules.Account(orderable_cash=portfolio.orderable_cash), portfolio.sellable_by_code())
        self.ticket.credit.set_lots(portfolio.lots_by_code(), portfolio.loans_by_code())
        if self.desk is not None:
            self.status.token_expires_at = self.desk.token_expires_at

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KiwoomError):
            self.status.show_message(explain(error), important=True)
            return
        log.error("unexpected error", exc_info=error)
        dialogs.ErrorDialog(error, self).open()
