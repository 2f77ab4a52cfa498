"""The main window: environment toggle, order ticket, open orders, positions and cash, status bar.

It owns one `TradingDesk` at a time. Switching environments closes the old desk (token revoked, sockets
closed, pending work cancelled), clears the views, then connects the new one. Real needs an explicit
confirmation, shows a red banner and title, and confirms every order.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QLibraryInfo, QObject, QSettings, Qt, QTranslator, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..environments import KIWOOM_ENDPOINTS, SANDBOX_KEYS, Endpoints, Environment
from ..kiwoom import Holding, KiwoomClient, KiwoomError, OpenOrder, OrderStateUnknownError, Side, TradeType
from ..kiwoom.realtime import BookUpdate, OrderExecution, Trade
from ..storage.credentials import Credentials, CredentialStore, CredentialStoreError
from ..storage.journal import Journal
from ..trading import rules
from ..trading.desk import TradingDesk
from ..trading.orders import LedgerChange
from ..trading.portfolio import Portfolio
from . import dialogs, theme
from .bridge import DeskBridge
from .open_orders import OpenOrdersTable
from .positions import PositionsPanel
from .status_bar import StatusBar, environment_text
from .table import won
from .ticket import OrderTicket, side_text
from .widgets import action, checkable, named

log = logging.getLogger(__name__)
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"  # package data


@dataclass
class Services:
    """What the window needs from the outside world; tests pass their own."""

    credentials: CredentialStore
    journal: Journal
    sandbox_url: str
    settings: QSettings
    overrides: dict[Environment, Endpoints] = field(default_factory=dict)
    cache_dir: Path | None = None  # the daily stock-list cache


def install_language(language: str, owner: QObject) -> list[QTranslator]:
    """Korean is the default; English is the source language and needs no translator. Qt's own strings (the
    standard Cancel, Yes, No buttons) come from the qtbase catalogue that ships with Qt."""
    if language.startswith("en"):
        return []
    installed = []
    for folder, name in (
        (TRANSLATIONS, "kiwoom_desk_ko"),
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_ko"),
    ):
        translator = QTranslator(owner)  # removed from the application when its owner goes
        if translator.load(name, str(folder)):
            QCoreApplication.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return installed


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.settings = services.settings
        self.environment = Environment.SANDBOX
        self.desk: TradingDesk | None = None
        self.portfolio = Portfolio()
        self.bridge = DeskBridge()
        self.bridge.ordersChanged.connect(self._orders_changed)
        self.bridge.portfolioChanged.connect(self._portfolio_changed)
        self.bridge.executionArrived.connect(self._execution)
        self.bridge.marketArrived.connect(self._market)
        self.bridge.failed.connect(self._failed)
        self._switching = False
        self.language = str(self.settings.value("language", "ko"))
        self._translators = install_language(self.language, self)
        self._build()
        self._default_state = self.saveState()
        self._default_splitter = self.splitter.saveState()
        self._restore_layout()
        self.retranslate()

    # ---- layout ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setObjectName("mainWindow")
        self.resize(1366, 768)
        toolbar = self.addToolBar("environment")
        toolbar.setObjectName("environmentToolbar")
        toolbar.setMovable(False)
        self.environmentToggle = named(QWidget(), "environmentToggle")
        row = QHBoxLayout(self.environmentToggle)
        row.setContentsMargins(4, 2, 4, 2)
        self._environment_buttons: dict[Environment, QToolButton] = {}
        self._environment_group = QButtonGroup(self)
        for environment in Environment:
            button = checkable(named(QToolButton(), f"{environment.value}Button"))
            colour = environment.accent
            button.setStyleSheet(
                f"QToolButton {{ padding: 4px 14px; border: 1px solid {colour}; color: {colour}; font-weight: bold; }}"
                f" QToolButton:checked {{ background: {colour}; color: white; }}"
            )
            button.clicked.connect(lambda _=False, environment=environment: self.request_environment(environment))
            self._environment_group.addButton(button)
            self._environment_buttons[environment] = button
            row.addWidget(button)
        self._environment_buttons[Environment.SANDBOX].setChecked(True)
        toolbar.addWidget(self.environmentToggle)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        self.realBanner = named(QLabel(), "realBanner")
        self.realBanner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.realBanner.setStyleSheet(
            f"background: {Environment.REAL.accent}; color: white; font-weight: bold; padding: 6px;"
        )
        self.realBanner.hide()
        layout.addWidget(self.realBanner)
        self.accentBar = named(QLabel(), "accentBar")
        self.accentBar.setFixedHeight(4)
        layout.addWidget(self.accentBar)
        self.openOrdersTitle = QLabel()
        self.openOrders = OpenOrdersTable()
        self.openOrders.cancelRequested.connect(self.cancel_orders)
        self.positionsTitle = QLabel()
        self.positions = PositionsPanel()
        self.positions.sellRequested.connect(self.prefill_sell)
        self.splitter = named(QSplitter(Qt.Orientation.Vertical), "mainSplitter")
        for title, widget in ((self.openOrdersTitle, self.openOrders), (self.positionsTitle, self.positions)):
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            pane_layout.addWidget(title)
            pane_layout.addWidget(widget)
            self.splitter.addWidget(pane)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)

        self.ticket = OrderTicket(self)
        self.openOrders.orderActivated.connect(self.ticket.load_order)
        self.ticket.submitted.connect(self.submit)
        self.ticket.stockRequested.connect(self.request_quote)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.ticket)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.bridge.realtimeStatusChanged.connect(self.status.set_realtime)
        self._build_menus()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.fileMenu = bar.addMenu("")
        self.mockKeysAction = action(self, lambda: self._open_credentials(Environment.MOCK))
        self.realKeysAction = action(self, lambda: self._open_credentials(Environment.REAL))
        self.quitAction = action(self, self.close)
        for item in (self.mockKeysAction, self.realKeysAction, self.quitAction):
            self.fileMenu.addAction(item)
        self.ordersMenu = bar.addMenu("")
        self.refreshAction = action(self, self.refresh, shortcut="F5")
        self.cancelSelectedAction = action(self, lambda: self.cancel_orders(self.openOrders.selected_orders()))
        self.cancelAllAction = action(self, self.cancel_all)
        self.modifyAction = action(self, self.modify_selected)
        for item in (self.refreshAction, self.modifyAction, self.cancelSelectedAction, self.cancelAllAction):
            self.ordersMenu.addAction(item)
        self.settingsMenu = bar.addMenu("")
        self.confirmAction = action(self, lambda: None, check=True)
        self.confirmAction.setChecked(bool(self.settings.value("confirmPractice", True, type=bool)))
        self.confirmAction.toggled.connect(lambda on: self.settings.setValue("confirmPractice", on))
        self.settingsMenu.addAction(self.confirmAction)
        self.soundAction = action(self, lambda: None, check=True)
        self.soundAction.setChecked(bool(self.settings.value("soundOnFills", True, type=bool)))
        self.soundAction.toggled.connect(lambda on: self.settings.setValue("soundOnFills", on))
        self.settingsMenu.addAction(self.soundAction)
        self.viewMenu = bar.addMenu("")
        self.restoreLayoutAction = action(self, self.restore_default_layout)
        self.viewMenu.addAction(self.restoreLayoutAction)
        self.languageMenu = self.viewMenu.addMenu("")
        group = QActionGroup(self)
        self.koreanAction = action(self, lambda: self.set_language("ko"), check=True)
        self.koreanAction.setText("한국어")
        self.englishAction = action(self, lambda: self.set_language("en"), check=True)
        self.englishAction.setText("English")
        for item in (self.koreanAction, self.englishAction):
            group.addAction(item)
            self.languageMenu.addAction(item)
        (self.englishAction if self.language.startswith("en") else self.koreanAction).setChecked(True)
        self.helpMenu = bar.addMenu("")
        self.aboutAction = action(self, lambda: dialogs.AboutDialog(__version__, self).open())
        self.helpMenu.addAction(self.aboutAction)

    def retranslate(self) -> None:
        for environment, button in self._environment_buttons.items():
            button.setText(environment_text(environment))
        self.realBanner.setText(self.tr("REAL TRADING: orders use real money"))
        open_orders, positions = self.tr("Open orders"), self.tr("Positions and cash")
        self.openOrdersTitle.setText(f"<b>{open_orders}</b>")
        self.positionsTitle.setText(f"<b>{positions}</b>")
        self.fileMenu.setTitle(self.tr("&File"))
        self.mockKeysAction.setText(self.tr("Mock keys..."))
        self.realKeysAction.setText(self.tr("Real keys..."))
        self.quitAction.setText(self.tr("Quit"))
        self.ordersMenu.setTitle(self.tr("&Orders"))
        self.refreshAction.setText(self.tr("Refresh"))
        self.modifyAction.setText(self.tr("Modify selected..."))
        self.cancelSelectedAction.setText(self.tr("Cancel selected (Delete)"))
        self.cancelAllAction.setText(self.tr("Cancel all..."))
        self.settingsMenu.setTitle(self.tr("&Settings"))
        self.confirmAction.setText(self.tr("Confirm every order in Sandbox and Mock"))
        self.soundAction.setText(self.tr("Sound on fills and rejections"))
        self.viewMenu.setTitle(self.tr("&View"))
        self.restoreLayoutAction.setText(self.tr("Restore default layout"))
        self.languageMenu.setTitle(self.tr("Language"))
        self.helpMenu.setTitle(self.tr("&Help"))
        self.aboutAction.setText(self.tr("About Kiwoom Desk"))
        self.ticket.retranslate()
        self.status.retranslate()
        for model in (self.openOrders.orders, self.positions.positions):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self.positions.show_portfolio(self.portfolio)
        self._show_environment()

    def set_language(self, language: str) -> None:
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self.language = language
        self.settings.setValue("language", language)
        self._translators = install_language(language, self)
        self.retranslate()

    def _show_environment(self) -> None:
        environment = self.environment
        self.realBanner.setVisible(environment is Environment.REAL)
        self.accentBar.setStyleSheet(f"background: {environment.accent};")
        title = f"Kiwoom Desk {__version__} — {environment_text(environment)}"
        real = self.tr("REAL MONEY")
        self.setWindowTitle(f"[{real}] {title}" if environment is Environment.REAL else title)
        self.status.set_environment(environment)
        self._environment_buttons[environment].setChecked(True)

    # ---- layout persistence ------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for key, restore in (
            ("windowState", self.restoreState),
            ("splitter", self.splitter.restoreState),
            ("ordersHeader", self.openOrders.horizontalHeader().restoreState),
            ("positionsHeader", self.positions.table.horizontalHeader().restoreState),
        ):
            value = self.settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)

    def save_layout(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("ordersHeader", self.openOrders.horizontalHeader().saveState())
        self.settings.setValue("positionsHeader", self.positions.table.horizontalHeader().saveState())
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
        """After the window closed: stop pending work, revoke the token, close the connections."""
        await self._close_desk()

    # ---- environments ------------------------------------------------------------------------------------

    def endpoints(self, environment: Environment) -> Endpoints:
        if environment in self.services.overrides:
            return self.services.overrides[environment]
        if environment is Environment.SANDBOX:
            rest = self.services.sandbox_url
            return Endpoints(rest, rest.replace("http://", "ws://") + "/api/dostk/websocket")
        return KIWOOM_ENDPOINTS[environment]

    def request_environment(self, environment: Environment) -> None:
        """The toggle was pressed: guard, then switch (or put the toggle back)."""
        if self._switching or self.bridge.orders_pending:
            self._environment_buttons[self.environment].setChecked(True)
            if self.bridge.orders_pending:
                self.status.show_message(self.tr("Wait for the order's answer before switching."), important=True)
            return
        self.bridge.spawn(self.switch_to(environment))

    async def switch_to(self, environment: Environment) -> bool:
        previous = self.environment
        self._switching = True
        try:
            entering_real = environment is Environment.REAL and previous is not Environment.REAL
            if entering_real and not await dialogs.ask(dialogs.RealModeDialog(self)):
                self._environment_buttons[previous].setChecked(True)
                return False
            credentials = await self._credentials_for(environment)
            if credentials is None:
                self._environment_buttons[previous].setChecked(True)
                return False
            await self._close_desk()
            self.environment = environment
            self._show_environment()
            self.ticket.set_environment(environment)
            await self._open_desk(environment, credentials)
            return True
        finally:
            self._switching = False

    async def _credentials_for(self, environment: Environment) -> Credentials | None:
        if not environment.needs_credentials:
            return Credentials(*SANDBOX_KEYS)
        try:
            stored = self.services.credentials.load(environment)
        except CredentialStoreError as error:
            self.status.show_message(str(error), important=True)
            return None
        if stored is None:
            self.status.show_message(
                self.tr("Enter {environment} keys first.").format(environment=environment_text(environment)), True
            )
            await self._edit_credentials(environment)
            try:
                stored = self.services.credentials.load(environment)
            except CredentialStoreError:
                return None
        return stored

    async def _close_desk(self) -> None:
        await self.bridge.cancel_all(
            keep=asyncio.current_task()
        )  # a quote or refresh of the old desk must not outlive it
        await self.bridge.settle_orders()  # but an order on the wire gets its answer first
        desk, self.desk = self.desk, None
        self.status.token_expires_at = None
        if desk is not None:
            await desk.close()  # revokes the token and closes its connections
        self.openOrders.orders.set_rows([])
        self.portfolio = Portfolio()
        self.positions.show_portfolio(self.portfolio)
        self.ticket.set_account(rules.Account(), {})

    async def _open_desk(self, environment: Environment, credentials: Credentials) -> None:
        endpoints = self.endpoints(environment)
        client = KiwoomClient(
            endpoints.rest_url,
            credentials.appkey,
            credentials.secretkey,
            rate_limits=environment.rate_limits,
            allowed_venues=environment.allowed_venues,
        )
        desk = TradingDesk(environment, client, self.services.journal, self.services.cache_dir, endpoints.ws_url)
        desk.subscribe(self.bridge)
        self.desk = desk  # before connecting, so that its first snapshot is shown
        self.status.set_rest_state("connecting")
        name = environment_text(environment)
        self.status.show_message(self.tr("Connecting to {environment}...").format(environment=name), important=True)
        try:
            await desk.connect()
        except KiwoomError as error:
            self.desk = None
            await client.aclose()
            self.status.set_rest_state("error")
            self.status.show_message(self._explain(error), important=True)
            return
        self.status.set_rest_state("connected")
        self.status.token_expires_at = client.token_expires_at
        self.status.show_message(self.tr("Connected. Loading the stock list..."))
        listings = await desk.listings()
        if self.desk is desk:
            self.ticket.set_listings(listings)
            self.status.show_message(self.tr("Ready: {count} stocks").format(count=len(listings)), important=True)
            code = self.ticket.stockCodeEdit.text().strip()
            if code:
                self.request_quote(code)

    async def start(self, environment: Environment | None = None) -> None:
        """The first connection: the given environment, else the last one used, else Sandbox when no Mock keys.
        Real is entered only through its confirmation; declined, the app opens on Sandbox."""
        if environment is None:
            environment = Environment(str(self.settings.value("environment", Environment.SANDBOX.value)))
            try:
                if environment.needs_credentials and self.services.credentials.load(environment) is None:
                    environment = Environment.SANDBOX
            except CredentialStoreError:
                environment = Environment.SANDBOX
        stock = str(self.settings.value("stock", ""))
        if stock:
            self.ticket.stockCodeEdit.setText(stock)
        if not await self.switch_to(environment) and environment is not Environment.SANDBOX:
            await self.switch_to(Environment.SANDBOX)

    # ---- credentials -------------------------------------------------------------------------------------

    def _open_credentials(self, environment: Environment) -> None:
        self.bridge.spawn(self._edit_credentials(environment))

    async def _edit_credentials(self, environment: Environment) -> None:
        try:
            stored = self.services.credentials.load(environment)
        except CredentialStoreError as error:
            self.status.show_message(str(error), important=True)
            stored = None
        dialog = dialogs.CredentialsDialog(environment, stored, self)
        dialog.testRequested.connect(lambda credentials: self.bridge.spawn(self._test_credentials(dialog, credentials)))
        dialog.saveRequested.connect(lambda credentials: self._save_credentials(dialog, credentials))
        dialog.deleteRequested.connect(lambda: self._delete_credentials(dialog))
        await dialogs.ask(dialog)

    async def _test_credentials(self, dialog: dialogs.CredentialsDialog, credentials: Credentials) -> None:
        if not (credentials.appkey and credentials.secretkey):
            dialog.show_result(self.tr("Enter both keys."), ok=False)
            return
        dialog.show_result(self.tr("Testing..."), ok=True)
        endpoints = self.endpoints(dialog.environment)
        async with KiwoomClient(endpoints.rest_url, credentials.appkey, credentials.secretkey) as client:
            try:
                account = await client.account_number()
            except KiwoomError as error:
                dialog.show_result(self.tr("Not accepted: {reason}").format(reason=self._explain(error)), ok=False)
                return
        dialog.show_result(self.tr("Keys work: account ending {last4}.").format(last4=account[-4:]), ok=True)

    def _save_credentials(self, dialog: dialogs.CredentialsDialog, credentials: Credentials) -> None:
        if not (credentials.appkey and credentials.secretkey):
            dialog.show_result(self.tr("Enter both keys."), ok=False)
            return
        try:
            self.services.credentials.save(dialog.environment, credentials)
        except CredentialStoreError as error:
            dialog.show_result(str(error), ok=False)
            return
        dialog.show_result(self.tr("Saved in the system keyring."), ok=True)

    def _delete_credentials(self, dialog: dialogs.CredentialsDialog) -> None:
        try:
            self.services.credentials.delete(dialog.environment)
        except CredentialStoreError as error:
            dialog.show_result(str(error), ok=False)
            return
        dialog.appkeyEdit.clear()
        dialog.secretkeyEdit.clear()
        dialog.show_result(self.tr("Deleted from the system keyring."), ok=True)

    # ---- orders ------------------------------------------------------------------------------------------

    def submit(self, ticket: rules.Ticket) -> None:
        # One click, one order: the ticket locks here, synchronously, before anything is scheduled, so that a
        # second click queued behind the first finds it busy. It unlocks when the answer (or failure) arrives.
        self.ticket.set_busy(True)
        self.bridge.spawn(self._send(ticket), order=True)

    async def _send(self, ticket: rules.Ticket) -> None:
        desk = self.desk
        try:
            if desk is None:
                self.status.show_message(self.tr("Not connected."), important=True)
                return
            if desk.environment.always_confirm or self.confirmAction.isChecked():
                name = self.ticket.quote.name if self.ticket.quote else ""
                amount = (
                    rules.estimated_cost(ticket, self.ticket.quote)
                    if ticket.side is Side.BUY
                    else ticket.price * ticket.quantity
                )
                if not await dialogs.ask(dialogs.ConfirmOrderDialog(desk.environment, ticket, name, amount, self)):
                    self.status.show_message(self.tr("Order not sent."), important=True)
                    return
            ack = await desk.place(ticket)
            self.status.show_message(
                self.tr("Order accepted: no. {number}").format(number=ack.order_no), important=True
            )
        except OrderStateUnknownError:
            self.status.show_message(
                self.tr("No answer from the server. Open orders were refreshed: check them before ordering again."),
                True,
            )
        except KiwoomError as error:
            self.status.show_message(self.tr("Order refused: {reason}").format(reason=self._explain(error)), True)
        finally:
            self.ticket.set_busy(False)

    def request_quote(self, code: str) -> None:
        desk = self.desk
        if desk is None:
            return
        self.bridge.spawn(self._quote(desk, code))

    async def _quote(self, desk: TradingDesk, code: str) -> None:
        try:
            quote = await desk.quote(code)
        except KiwoomError as error:
            if self.ticket.ticket().stock_code == code:
                self.ticket.set_quote(None)
                self.status.show_message(self._explain(error))
            return
        if self.desk is desk and self.ticket.ticket().stock_code == code:
            self.ticket.set_quote(quote)
            await desk.watch(code)

    def refresh(self) -> None:
        if self.desk is not None:
            self.bridge.spawn(self.desk.refresh())

    def cancel_orders(self, orders: list[OpenOrder]) -> None:
        if self.desk is not None and orders:
            self.bridge.spawn(self._cancel(self.desk, orders), order=True)

    def cancel_all(self) -> None:
        if self.desk is not None:
            self.bridge.spawn(self._cancel_all(self.desk), order=True)

    async def _cancel_all(self, desk: TradingDesk) -> None:
        orders = list(desk.ledger.orders.values())
        if not orders:
            self.status.show_message(self.tr("No open orders."))
            return
        question = QMessageBox(self)
        question.setObjectName("cancelAllDialog")
        question.setWindowTitle(self.tr("Cancel all"))
        question.setText(self.tr("Cancel all {count} open orders?").format(count=len(orders)))
        question.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        question.setDefaultButton(QMessageBox.StandardButton.No)
        if await dialogs.ask(question):
            await self._cancel(desk, orders)

    async def _cancel(self, desk: TradingDesk, orders: list[OpenOrder]) -> None:
        done, failures = await desk.cancel(orders)
        text = self.tr("Cancelled {done} of {total}.").format(done=done, total=len(orders))
        if failures:
            text += " " + "; ".join(failures)
        self.status.show_message(text, important=True)

    def modify_selected(self) -> None:
        orders = self.openOrders.selected_orders()
        if self.desk is not None and len(orders) == 1:
            self.bridge.spawn(self._modify(self.desk, orders[0]), order=True)

    async def _modify(self, desk: TradingDesk, order: OpenOrder) -> None:
        try:
            quote = await desk.quote(order.stock_code)
        except KiwoomError:
            quote = None
        dialog = dialogs.ModifyDialog(order, quote, self)
        if not await dialogs.ask(dialog):
            return
        try:
            ack = await desk.modify(order, dialog.quantitySpin.value(), dialog.priceSpin.value())
        except KiwoomError as error:
            self.status.show_message(self.tr("Modify refused: {reason}").format(reason=self._explain(error)), True)
            return
        self.status.show_message(self.tr("Modified: new order no. {number}").format(number=ack.order_no), True)

    def prefill_sell(self, holding: Holding) -> None:
        self.ticket.load(Side.SELL, holding.stock_code, TradeType.LIMIT, holding.current_price, holding.sellable)

    # ---- desk events -------------------------------------------------------------------------------------

    def _orders_changed(self, change: LedgerChange) -> None:
        """Only what changed: a real-time event touches one row, a REST snapshot the few that differ."""
        desk = self.desk
        model = self.openOrders.orders
        if desk is None:
            model.set_rows([])
            return
        for number in change.removed:
            model.remove(number)
        for number in (*change.added, *change.changed):
            model.upsert(desk.ledger.orders[number])

    def _execution(self, event: OrderExecution) -> None:
        """Fills and rejections are announced: a message, a flash in the side's colour, and a sound if wanted."""
        side = side_text(event.side)
        if event.status == "거부":
            text = self.tr("Rejected: {name} {side} {quantity} shares: {reason}").format(
                name=event.stock_name, side=side, quantity=won(event.quantity), reason=event.reject_reason or "-"
            )
            colour = theme.PROBLEM
        elif event.fill_quantity:
            text = self.tr("Filled: {name} {side} {quantity} shares at {price} won ({unfilled} unfilled)").format(
                name=event.stock_name,
                side=side,
                quantity=won(event.fill_quantity),
                price=won(event.fill_price),
                unfilled=won(event.unfilled),
            )
            colour = theme.BUY if event.side is Side.BUY else theme.SELL
        else:
            return
        self.status.show_message(text, important=True)
        self.status.flash(colour)
        if self.soundAction.isChecked():
            QApplication.beep()

    def _market(self, event: Trade | BookUpdate) -> None:
        if isinstance(event, Trade):
            self.ticket.show_trade(event)
        else:
            self.ticket.show_book(event)

    def _portfolio_changed(self) -> None:
        desk = self.desk
        self.portfolio = desk.portfolio if desk else Portfolio()
        self.positions.show_portfolio(self.portfolio)
        sellable = {holding.stock_code: holding.sellable for holding in self.portfolio.balance.holdings}
        self.ticket.set_account(rules.Account(orderable_cash=self.portfolio.orderable_cash), sellable)
        if desk is not None:
            self.status.token_expires_at = desk.client.token_expires_at

    def _explain(self, error: KiwoomError) -> str:
        language = "en" if self.language.startswith("en") else "ko"
        reason = error.return_msg or str(error)
        return f"{error.explanation(language)} ({reason})"

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KiwoomError):
            self.status.show_message(self._explain(error), important=True)
            return
        log.error("unexpected error", exc_info=error)
        dialogs.ErrorDialog(error, self).open()
