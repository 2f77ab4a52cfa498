"""The window's menu bar, and the Settings it keeps: confirmations, sounds, order limits and hotkeys, all saved
in QSettings. The verbs are the window's and its helpers'; this module names them and keeps their switches."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from .. import __version__
from ..environments import Environment
from . import dialogs
from .hotkeys import Hotkeys
from .hotkeys_dialog import HotkeysDialog
from .risk_limits import RiskLimitsDialog, load_limits, save_limits
from .sandbox_clock import SandboxClockSettings
from .scanner import shown_in_front
from .sounds import Sound, Sounds
from .widgets import action

if TYPE_CHECKING:
    from .main_window import MainWindow


class WindowMenus(QObject):
    refreshAction: QAction
    cancelSelectedAction: QAction
    cancelAllAction: QAction
    watchlistAddAction: QAction

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.sounds = Sounds(window.settings)
        window.status.realtimeLost.connect(lambda: self.sounds.play(Sound.DISCONNECTED))
        for environment, limits in load_limits(window.settings).items():
            window.session.set_limits(environment, limits)
        say = lambda text: window.status.show_message(text, important=True)  # noqa: E731
        self.sandboxClock = SandboxClockSettings(
            window.session, window.bridge, window.settings, say, window.marketMarks.show, window
        )
        window.status.environmentShown.connect(lambda *_: self._sandbox_shown())
        self._build()
        self._scope_cancel_to_the_table()
        commands = {"cancelSelected": self.cancelSelectedAction, "cancelAll": self.cancelAllAction}
        commands["refresh"] = self.refreshAction
        commands["addToWatchlist"] = self.watchlistAddAction
        self.hotkeys = Hotkeys(window, window.ticket, commands, window.settings, self.menu_keys)
        self.ticketMenu.addActions(self.hotkeys.ticket_actions())
        self.retranslate()
        self.hotkeys.load()

    def _sandbox_shown(self) -> None:
        """Settings › Sandbox clock only on the Sandbox; its clock is read at once when it opens."""
        if hasattr(self, "sandboxClockAction"):
            self.sandboxClockAction.setEnabled(self.sandboxClock.available)
        self.sandboxClock.follow()

    def _scope_cancel_to_the_table(self) -> None:
        """ "Cancel selected" acts on the open orders' selection: its key works there, as Delete always has."""
        self.window.openOrders.addAction(self.cancelSelectedAction)
        self.cancelSelectedAction.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def menu_keys(self) -> dict[str, str]:
        """The menus' Alt+letter keys (portable text), and the menu each opens."""
        keys = {}
        for item in self.window.menuBar().actions():
            mnemonic = QKeySequence.mnemonic(item.text())
            if not mnemonic.isEmpty():
                title = re.sub(r"\(&.\)|&", "", item.text())  # 파일(&F), &File: 파일, File
                keys[mnemonic.toString(QKeySequence.SequenceFormat.PortableText)] = title
        return keys

    def _build(self) -> None:
        window, orders = self.window, self.window.orderActions
        bar = window.menuBar()
        self.fileMenu = bar.addMenu("")
        self.mockKeysAction = action(self, lambda: window.keys.open(Environment.MOCK))
        self.realKeysAction = action(self, lambda: window.keys.open(Environment.REAL))
        self.quitAction = action(self, window.close)
        self.fileMenu.addActions([self.mockKeysAction, self.realKeysAction, self.quitAction])
        self.ordersMenu = bar.addMenu("")
        self.refreshAction = action(self, orders.refresh)
        self.cancelSelectedAction = action(self, orders.cancel_selected)
        self.cancelAllAction = action(self, orders.cancel_all)
        self.modifyAction = action(self, orders.modify_selected)
        self.ordersMenu.addActions([self.refreshAction, self.modifyAction, self.cancelSelectedAction])
        self.ordersMenu.addAction(self.cancelAllAction)
        self.ticketMenu: QMenu = self.ordersMenu.addMenu("")
        self.settingsMenu = bar.addMenu("")
        self.confirmAction = self._switch("confirmPractice", lambda on: setattr(orders, "confirm_practice", on))
        self.confirmCancelAction = self._switch(
            "confirmCancel", lambda on: setattr(orders, "confirm_cancel", on), default=False
        )
        self.soundsMenu = self.settingsMenu.addMenu("")
        self.soundActions = {sound: self._sound_switch(sound) for sound in Sound}
        self.settingsMenu.addSeparator()
        self.limitsAction = action(self, lambda: window.bridge.spawn(self.edit_limits()))
        self.hotkeysAction = action(self, lambda: window.bridge.spawn(self.edit_hotkeys()))
        self.settingsMenu.addActions([self.limitsAction, self.hotkeysAction])
        self.settingsMenu.addSeparator()
        self.sandboxClockAction = action(self, lambda: window.bridge.spawn(self.sandboxClock.edit()))
        self.sandboxClockAction.setObjectName("sandboxClockAction")
        self.sandboxClockAction.setEnabled(False)  # on the Sandbox only
        self.resetSandboxAction = action(self, lambda: window.bridge.spawn(window.reset_sandbox()))
        self.resetSandboxAction.setEnabled(window.session.can_reset_sandbox)
        self.settingsMenu.addActions([self.sandboxClockAction, self.resetSandboxAction])
        self.viewMenu = bar.addMenu("")
        self.restoreLayoutAction = action(self, window.restore_default_layout)
        self.viewMenu.addAction(self.restoreLayoutAction)
        self.watchlistAction = shown_in_front(window.watchlistDock)  # 관심종목: shown (in front) or closed
        self.viewMenu.addAction(self.watchlistAction)
        self.viewMenu.addActions(window.scanner.toggle_actions())  # 순위, 조건검색, 투자자
        self.watchlistAddAction = action(self, window.watchlist.add_ticket_stock)
        self.viewMenu.addAction(self.watchlistAddAction)
        self._build_languages()
        self.helpMenu = bar.addMenu("")
        self.aboutAction = action(self, lambda: dialogs.AboutDialog(__version__, window).open())
        self.helpMenu.addAction(self.aboutAction)

    def _build_languages(self) -> None:
        window = self.window
        self.languageMenu = self.viewMenu.addMenu("")
        group = QActionGroup(self)
        self.koreanAction = action(self, lambda: window.set_language("ko"), check=True)
        self.koreanAction.setText("한국어")
        self.englishAction = action(self, lambda: window.set_language("en"), check=True)
        self.englishAction.setText("English")
        for item in (self.koreanAction, self.englishAction):
            group.addAction(item)
            self.languageMenu.addAction(item)
        (self.englishAction if window.language.startswith("en") else self.koreanAction).setChecked(True)

    def _switch(self, key: str, follow: Callable[[bool], object], default: bool = True) -> QAction:
        """A Settings switch, kept in QSettings and followed by `follow(on)` from the start."""
        item = action(self, lambda: None, check=True)
        item.setChecked(bool(self.settings.value(key, default, type=bool)))
        item.toggled.connect(lambda on: self.settings.setValue(key, on))
        item.toggled.connect(follow)
        follow(item.isChecked())
        self.settingsMenu.addAction(item)
        return item

    def _sound_switch(self, sound: Sound) -> QAction:
        item = action(self, lambda: None, check=True)
        item.setObjectName(f"{sound.value}SoundAction")
        item.setChecked(self.sounds.enabled[sound])
        item.toggled.connect(lambda on: self.sounds.set_enabled(sound, on))
        self.soundsMenu.addAction(item)
        return item

    async def edit_limits(self) -> None:
        session = self.window.session
        dialog = RiskLimitsDialog({env: guard.limits for env, guard in session.guards.items()}, self.window)
        if not await dialogs.ask(dialog):
            return
        chosen = dialog.limits()
        save_limits(self.settings, chosen)
        for environment, limits in chosen.items():
            session.set_limits(environment, limits)
        self.window.ticket.revalidate()  # the ticket says at once what the new limits allow
        self.window.status.show_message(self.tr("Order limits saved."), important=True)

    async def edit_hotkeys(self) -> None:
        dialog = HotkeysDialog(self.hotkeys.keys, self.menu_keys(), self.window)
        if await dialogs.ask(dialog):
            self.hotkeys.set_keys(dialog.keys())
            self.window.status.show_message(self.tr("Hotkeys saved."), important=True)

    def retranslate(self) -> None:
        self.fileMenu.setTitle(self.tr("&File"))
        self.mockKeysAction.setText(self.tr("Mock keys..."))
        self.realKeysAction.setText(self.tr("Real keys..."))
        self.quitAction.setText(self.tr("Quit"))
        self.ordersMenu.setTitle(self.tr("&Orders"))
        self.refreshAction.setText(self.tr("Refresh"))
        self.watchlistAddAction.setText(self.tr("Add the ticket's stock to the watchlist"))
        self.modifyAction.setText(self.tr("Modify selected..."))
        self.cancelSelectedAction.setText(self.tr("Cancel selected"))
        self.cancelAllAction.setText(self.tr("Cancel all..."))
        self.ticketMenu.setTitle(self.tr("Ticket"))
        self.settingsMenu.setTitle(self.tr("&Settings"))
        self.confirmAction.setText(self.tr("Confirm every order in Sandbox and Mock"))
        self.confirmCancelAction.setText(self.tr("Confirm before cancelling one order"))
        self.soundsMenu.setTitle(self.tr("Sounds"))
        sound_texts = {
            Sound.FILL: self.tr("Fill"),
            Sound.PARTIAL: self.tr("Partial fill"),
            Sound.REJECTED: self.tr("Rejection"),
            Sound.DISCONNECTED: self.tr("Real-time connection lost"),
        }
        for sound, item in self.soundActions.items():
            item.setText(sound_texts[sound])
        self.limitsAction.setText(self.tr("Order limits..."))
        self.hotkeysAction.setText(self.tr("Hotkeys..."))
        self.sandboxClockAction.setText(self.tr("Sandbox clock..."))
        self.resetSandboxAction.setText(self.tr("Reset the Sandbox account..."))
        self.viewMenu.setTitle(self.tr("&View"))
        self.restoreLayoutAction.setText(self.tr("Restore default layout"))
        self.languageMenu.setTitle(self.tr("Language"))
        self.helpMenu.setTitle(self.tr("&Help"))
        self.aboutAction.setText(self.tr("About Kiwoom Desk"))
        self.hotkeys.retranslate()
