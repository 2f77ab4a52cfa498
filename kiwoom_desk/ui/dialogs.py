"""Dialogs: order confirmation, entering Real, credentials, and the error dialog with a Copy button (modify has
its own module).

They open non-modally-blocking (`open()`), and coroutines await their answer through `ask`, so the event loop
never nests or blocks.
"""

from __future__ import annotations

import asyncio
import traceback

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..environments import Environment
from ..kiwoom import Side
from ..storage.credentials import Credentials
from ..trading import rules
from . import theme
from .labels import credit_side_text, environment_text, shares, trade_type_text
from .table import won
from .ticket_credit import loan_day
from .widgets import named

_YES_ROLES = (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole)


async def ask(dialog: QDialog) -> bool:
    """Opens `dialog` window-modal and waits, without blocking the loop, for a yes (True) or a no."""
    future: asyncio.Future[bool] = asyncio.get_event_loop().create_future()

    def finished(result: int) -> None:
        if isinstance(dialog, QMessageBox):
            clicked = dialog.clickedButton()
            answer = clicked is not None and dialog.buttonRole(clicked) in _YES_ROLES
        else:
            answer = result == QDialog.DialogCode.Accepted
        if not future.done():
            future.set_result(answer)

    dialog.finished.connect(finished)
    dialog.open()
    return await future


class FreshKeysOnly(QObject):
    """A question is answered by a key pressed for it: a held key's repeats, or a hotkey pressed again (any key
    with Ctrl, Alt or Meta: the send key may be Ctrl+Enter or Ctrl+Space), would otherwise press the focused
    button and answer it without a look. Plain Enter, Space, Escape and the mouse still answer."""

    COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
    KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        for widget in (dialog, *dialog.findChildren(QWidget)):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        held_or_hotkey = isinstance(event, QKeyEvent) and (event.isAutoRepeat() or event.modifiers() & self.COMMAND)
        if event.type() in self.KEYS and held_or_hotkey:
            return True
        return super().eventFilter(watched, event)


class ConfirmOrderDialog(QDialog):
    """The order as it will be sent, with the figure the ticket showed: a buy's cost with commission, a sell's
    proceeds after commission and tax (a market sell at the current price, as the ticket estimates it)."""

    def __init__(
        self,
        environment: Environment,
        ticket: rules.Ticket,
        name: str,
        quote: rules.Quote | None,
        parent: QWidget,
        warnings: list[str] | None = None,
        account: rules.Account | None = None,
    ) -> None:
        """`warnings`: the limits the trader chose to go over, said again in red above the buttons; `account`:
        a credit buy's margin rate (its estimate is the margin), a credit sell's repayment, when known."""
        super().__init__(parent)
        self.margin_percent = account.margin_percent if account is not None else None
        self.repayment = account.repayment if account is not None else None
        theme.apply_style(self)
        self.setObjectName("confirmOrderDialog")
        self.setWindowTitle(self.tr("Confirm order"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        banner = QLabel(
            self.tr("{environment}: {side} order").format(
                environment=environment_text(environment), side=credit_side_text(ticket.side, ticket.credit)
            )
        )
        banner.setObjectName("confirmBanner")
        banner.setProperty("environment", environment.value)
        layout.addWidget(banner)
        form = QFormLayout()
        for label, value in self._rows(environment, ticket, name, quote):
            text = QLabel(value)
            text.setTextFormat(Qt.TextFormat.RichText)
            form.addRow(label, text)
        layout.addLayout(form)
        if warnings:
            over = named(QLabel(self.tr("Over your limits:") + " " + " · ".join(warnings)), "overLimitsWarning")
            over.setProperty("problem", True)
            over.setWordWrap(True)
            layout.addWidget(over)
        buttons = QDialogButtonBox()
        self.sendButton = buttons.addButton(self.tr("Send order"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sendButton.setObjectName("sendOrderButton")
        self.sendButton.setProperty("side", theme.side_key(ticket.side))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        FreshKeysOnly(self)

    def _rows(
        self, environment: Environment, ticket: rules.Ticket, name: str, quote: rules.Quote | None
    ) -> list[tuple[str, str]]:
        money = self.tr("{amount} won")
        price = money.format(amount=won(ticket.price)) if ticket.trade_type.needs_price else self.tr("at market")
        close = rules.close_price(ticket.trade_type, quote)
        if close is not None:  # 61/81 trade at a close, not at market
            price = self.tr("At the close, {amount} won").format(amount=won(close))
        colour = theme.side_colour(ticket.side)
        rows = [
            (self.tr("Environment"), environment_text(environment)),
            (self.tr("Side"), f"<b style='color:{colour}'>{credit_side_text(ticket.side, ticket.credit)}</b>"),
            (self.tr("Stock"), f"{ticket.stock_code} {name}"),
            (self.tr("Order type"), trade_type_text(ticket.trade_type)),
            (self.tr("Venue"), ticket.venue.value),
            (self.tr("Price"), price),
            (self.tr("Quantity"), shares(ticket.quantity)),
        ]
        if ticket.credit:
            rows.insert(2, (self.tr("Credit"), self._credit_text(ticket)))
        if ticket.side is Side.BUY and ticket.credit and self.margin_percent is not None:
            margin = rules.estimated_cost(ticket, quote, self.margin_percent)
            estimate = (self.tr("Estimated margin and commission"), margin)
        elif ticket.side is Side.BUY and not ticket.trade_type.needs_price and close is None:  # at the upper limit
            estimate = (self.tr("Estimated amount (at the upper limit)"), rules.estimated_cost(ticket, quote))
        elif ticket.side is Side.BUY:
            estimate = (self.tr("Estimated amount"), rules.estimated_cost(ticket, quote))
        elif ticket.credit and self.repayment is not None:
            cash = rules.estimated_proceeds(ticket, quote, self.repayment)
            estimate = (self.tr("Estimated cash after loan, interest and fees"), cash)
        elif ticket.credit:
            estimate = (
                self.tr("Estimated proceeds before the loan is repaid"),
                rules.estimated_proceeds(ticket, quote),
            )
        else:
            estimate = (self.tr("Estimated proceeds after fees and tax"), rules.estimated_proceeds(ticket, quote))
        rows.append((estimate[0], f"<b>{money.format(amount=won(estimate[1]))}</b>"))
        if ticket.trade_type.needs_stop_price:
            rows.insert(7 if ticket.credit else 6, (self.tr("Stop price"), money.format(amount=won(ticket.stop_price))))
        return rows

    def _credit_text(self, ticket: rules.Ticket) -> str:
        """신용 (자기융자): a buy's margin rate, a sell's lot or 융자합."""
        if ticket.side is Side.BUY:
            rate = f"{self.margin_percent.normalize():f}" if self.margin_percent is not None else "-"
            return self.tr("Credit (own loan), margin {rate}%").format(rate=rate)
        if ticket.loan_date:
            return self.tr("Credit, repays the loan of {day}").format(day=loan_day(ticket.loan_date))
        return self.tr("Credit, repays all loans (oldest first)")


class RealModeDialog(QMessageBox):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("realModeDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Real trading"))
        self.setText(self.tr("Orders in Real mode use real money on Kiwoom's real server."))
        self.setInformativeText(self.tr("Every order will ask for confirmation. Switch to Real?"))
        self.enterButton = self.addButton(self.tr("Switch to Real"), QMessageBox.ButtonRole.AcceptRole)
        self.enterButton.setObjectName("enterRealButton")
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)


def question(parent: QWidget, name: str, title: str, text: str) -> QMessageBox:
    """A yes/no question whose safe answer, No, is the default (Enter does nothing harmful)."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    FreshKeysOnly(box)  # a held "cancel all" key does not answer its own question
    return box


class ResetSandboxDialog(QMessageBox):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("resetSandboxDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Reset the Sandbox account"))
        self.setText(
            self.tr(
                "Start the Sandbox account again from its first cash? Its orders, positions and journal are "
                "deleted. Mock and Real are not touched."
            )
        )
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        self.setDefaultButton(QMessageBox.StandardButton.No)


class CredentialsDialog(QDialog):
    """Enter, test, save or delete the keys of one environment. Keys are masked; nothing is written but the keyring."""

    testRequested = Signal(object)  # Credentials
    saveRequested = Signal(object)  # Credentials
    deleteRequested = Signal()

    def __init__(self, environment: Environment, stored: Credentials | None, parent: QWidget) -> None:
        super().__init__(parent)
        theme.apply_style(self)
        self.setObjectName("credentialsDialog")
        self.environment = environment
        self.setWindowTitle(self.tr("{environment} keys").format(environment=environment_text(environment)))
        layout = QVBoxLayout(self)
        guide = named(
            QLabel(
                self.tr(
                    "Keys come from Kiwoom's REST API site: one app key and secret key per environment (Mock and Real "
                    "differ), for the IP address of this PC, which must be registered there."
                )
            ),
            "keysGuide",
        )
        guide.setWordWrap(True)
        layout.addWidget(guide)
        form = QFormLayout()
        self.appkeyEdit = named(QLineEdit(), "appkeyEdit")
        self.secretkeyEdit = named(QLineEdit(), "secretkeyEdit")
        for edit in (self.appkeyEdit, self.secretkeyEdit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMinimumWidth(320)
        if stored is not None:
            self.appkeyEdit.setText(stored.appkey)
            self.secretkeyEdit.setText(stored.secretkey)
        self.showKeys = named(QCheckBox(self.tr("Show keys")), "showKeysCheck")
        self.showKeys.toggled.connect(self._show)
        form.addRow(self.tr("App key"), self.appkeyEdit)
        form.addRow(self.tr("Secret key"), self.secretkeyEdit)
        form.addRow("", self.showKeys)
        layout.addLayout(form)
        self.resultLabel = named(QLabel(), "credentialsResult")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setMinimumHeight(3 * self.resultLabel.fontMetrics().lineSpacing())  # room for a refusal
        self.resultLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)  # never squashes
        layout.addWidget(self.resultLabel)
        buttons = QHBoxLayout()
        self.testButton = named(QPushButton(self.tr("Test")), "testKeysButton")
        self.saveButton = named(QPushButton(self.tr("Save")), "saveKeysButton")
        self.deleteButton = named(QPushButton(self.tr("Delete")), "deleteKeysButton")
        close = named(QPushButton(self.tr("Close")), "closeKeysButton")
        self.testButton.clicked.connect(lambda: self.testRequested.emit(self.credentials()))
        self.saveButton.clicked.connect(lambda: self.saveRequested.emit(self.credentials()))
        self.deleteButton.clicked.connect(self.deleteRequested.emit)
        close.clicked.connect(self.accept)
        for button in (self.testButton, self.saveButton, self.deleteButton, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def credentials(self) -> Credentials:
        return Credentials(self.appkeyEdit.text().strip(), self.secretkeyEdit.text().strip())

    def show_result(self, text: str, ok: bool) -> None:
        theme.restyle(self.resultLabel, "ok", ok)
        self.resultLabel.setText(text)

    def _show(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.appkeyEdit.setEchoMode(mode)
        self.secretkeyEdit.setEchoMode(mode)


class ErrorDialog(QDialog):
    """For the unexpected: the error, its trace, and a Copy button. The app keeps running."""

    def __init__(self, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Something went wrong. The app keeps running; the details are in the log.")))
        self.details = QPlainTextEdit("".join(traceback.format_exception(error)), readOnly=True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("copyErrorButton")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.details.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)


LICENCES = [  # (component, licence): what the installed program contains
    ("Qt / Qt for Python (PySide6)", "LGPL-3.0"),
    ("qasync", "BSD-2-Clause"),
    ("httpx, httpcore", "BSD-3-Clause"),
    ("websockets", "BSD-3-Clause"),
    ("pydantic", "MIT"),
    ("keyring", "MIT"),
    ("aiohttp", "Apache-2.0"),
    ("platformdirs", "MIT"),
    ("tzdata", "Apache-2.0"),
    ("certifi", "MPL-2.0"),
]


class AboutDialog(QDialog):
    """Version, the licences of what ships inside, and the notice the Qt LGPL asks for."""

    def __init__(self, version: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Kiwoom Desk"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>Kiwoom Desk {version}</h2>")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Manual trading practice on Kiwoom Securities' REST API.")))
        rows = "".join(f"<tr><td>{name}</td><td>&nbsp;&nbsp;{licence}</td></tr>" for name, licence in LICENCES)
        heading = self.tr("Components and licences")
        licences = QLabel(f"<b>{heading}</b><table>{rows}</table>")
        licences.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(licences)
        notice = QLabel(
            self.tr(
                "This program uses Qt for Python (PySide6) under the GNU Lesser General Public License v3. The Qt "
                "libraries are separate files in the installation folder: you may replace them with your own "
                "build of the same version. Qt's source is available from qt.io. Qt is a trademark of The Qt Company."
            )
        )
        notice.setWordWrap(True)
        notice.setObjectName("lgplNotice")
        layout.addWidget(notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
