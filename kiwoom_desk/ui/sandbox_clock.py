"""Settings › Sandbox clock (`sandboxClockDialog`): the Sandbox's market clock — continuous (any hour) or a
simulated KRX day — its speed (1–10×), the day's start time, and "start a new day now". The choice is kept in
QSettings and starts the embedded Sandbox; a running Sandbox (embedded, or one on this computer given by --rest-url)
is changed at once through the session controller. `SandboxClockFollower` reads the Sandbox's clock every few
seconds and after each phase change (0s), so that the status bar runs on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRegularExpression, QSettings, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..environments import Environment
from ..kiwoom.events import MarketPhase, VolatilityInterruption
from ..trading.session import SandboxClockChoice, SessionController
from ..trading.sessions import ORDER_ENDS, SANDBOX_NEXT_DAY
from . import dialogs, theme
from .bridge import DeskBridge
from .widgets import named

if TYPE_CHECKING:
    from ..kiwoom.sandbox_control import SandboxClock

FOLLOW_MS = 5_000  # the Sandbox's clock is read again this often (a loopback request), and after each 0s
AFTER_PHASE_MS = 300  # a jump of the clock sends its 0s in a burst: one read after it
EARLIEST_START, LATEST_START = QTime(8, 20), QTime(17, 50)
# Moments a trader wants to practise, offered in the start time's list (any HH:MM may be typed)
START_PRESETS = ("08:20", "08:30", "08:55", "09:00", "10:00", "13:00", "15:15", "15:25", "15:40", "16:00", "17:00")
NOW_TICK_MS = 500
ARRIVAL_SECONDS = 3  # a clock move reaches the Sandbox within this long (of the computer's time)


def load_choice(settings: QSettings) -> SandboxClockChoice:
    """The saved clock, each unreadable part at its default."""
    default = SandboxClockChoice()
    mode = str(settings.value("sandboxClock/mode", default.mode))
    try:
        speed = float(str(settings.value("sandboxClock/speed", default.speed)))
    except ValueError:
        speed = default.speed
    start = QTime.fromString(str(settings.value("sandboxClock/start", default.start)), "HH:mm")
    return SandboxClockChoice(
        mode if mode in ("continuous", "krx") else default.mode,
        min(max(speed, 1.0), 10.0),
        start.toString("HH:mm") if start.isValid() and EARLIEST_START <= start <= LATEST_START else default.start,
    )


def save_choice(settings: QSettings, choice: SandboxClockChoice) -> None:
    settings.setValue("sandboxClock/mode", choice.mode)
    settings.setValue("sandboxClock/speed", choice.speed)
    settings.setValue("sandboxClock/start", choice.start)


def _start_box() -> QComboBox:
    """The day's start (and the time to go to): a list of useful moments that also takes any HH:MM typed."""
    box = named(QComboBox(), "sandboxStartEdit")
    box.setEditable(True)
    box.addItems(START_PRESETS)
    box.setValidator(QRegularExpressionValidator(QRegularExpression(r"([01]\d|2[0-3]):[0-5]\d")))
    return box


def _speed_spin() -> QDoubleSpinBox:
    spin = named(QDoubleSpinBox(), "sandboxSpeedSpin")
    spin.setRange(1.0, 10.0)
    spin.setDecimals(0)
    spin.setSuffix("×")
    return spin


class SandboxClockDialog(QDialog):
    newDayRequested = Signal(str)  # the start time, HH:MM:SS
    goRequested = Signal(str)  # a time today to go to (HH:MM:SS): later runs every phase between, earlier a new day

    def __init__(
        self,
        choice: SandboxClockChoice,
        state: SandboxClock,
        parent: QWidget,
        now: Callable[[], str] | None = None,
        address: str = "",
    ) -> None:
        """`now`: the Sandbox's time as the window reckons it between readings, for the ticking Now line;
        `address`: where the Sandbox answers (its control endpoint too), for scripts and other clients."""
        super().__init__(parent)
        theme.apply_style(self)
        self.setObjectName("sandboxClockDialog")
        self.setWindowTitle(self.tr("Sandbox clock"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        guide = QLabel(
            self.tr(
                "Continuous: one endless session at any hour. KRX day: a simulated trading day with the opening "
                "auction, continuous trading, the closing auction, after-hours sessions and VI, at any hour."
            )
        )
        guide.setWordWrap(True)
        layout.addWidget(guide)
        form = QFormLayout()
        self.modeCombo = named(QComboBox(), "sandboxModeCombo")
        self.modeCombo.addItem(self.tr("Continuous"), "continuous")
        self.modeCombo.addItem(self.tr("KRX day"), "krx")
        self.speedSpin = _speed_spin()
        self.startEdit = _start_box()
        self.nowLabel = named(QLabel(), "sandboxNowLabel")
        self.newDayButton = named(QPushButton(self.tr("Start a new day now")), "sandboxNewDayButton")
        self.newDayButton.setToolTip(self.tr("Ends today (its sessions run at once) and starts the next weekday"))
        self.newDayButton.clicked.connect(lambda: self.newDayRequested.emit(self.start() + ":00"))
        form.addRow(self.tr("Clock"), self.modeCombo)
        form.addRow(self.tr("Speed"), self.speedSpin)
        form.addRow(self.tr("Day starts at"), self.startEdit)
        form.addRow(self.tr("Now"), self.nowLabel)
        form.addRow("", self.newDayButton)
        form.addRow(self.tr("Go to"), self._go_row())
        self.addressLabel = named(QLabel(address), "sandboxAddressLabel")
        self.addressLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addressLabel.setToolTip(self.tr("REST, the control endpoint (/sandbox/...) and, on ws://, the WebSocket"))
        form.addRow(self.tr("Address"), self.addressLabel)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.modeCombo.setCurrentIndex(self.modeCombo.findData(state.mode))
        self.speedSpin.setValue(state.speed)
        self.startEdit.setCurrentText(choice.start)
        self.goEdit.setCurrentText(state.time.strftime("%H:%M") if state.krx else "09:00")
        self._state, self._now = state, now
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(lambda: self.show_state(self._state))
        self._ticker.start(NOW_TICK_MS)
        self.show_state(state)

    def _go_row(self) -> QHBoxLayout:
        """A time to go to, and the button that goes there."""
        self.goEdit = _start_box()
        self.goEdit.setObjectName("sandboxGoEdit")
        self.goButton = named(QPushButton(self.tr("Go to this time")), "sandboxGoButton")
        self.goButton.setToolTip(
            self.tr("A later time today runs every session in between at once; an earlier one starts the next day")
        )
        self.goButton.clicked.connect(lambda: self.goRequested.emit(self.goEdit.currentText() + ":00"))
        row = QHBoxLayout()
        row.addWidget(self.goEdit)
        row.addWidget(self.goButton, 1)
        return row

    def show_state(self, state: SandboxClock) -> None:
        """The Sandbox's clock, ticking between readings (a KRX day runs at its speed)."""
        self._state = state
        self.goButton.setEnabled(state.krx)
        if state.krx:
            time = self._now() if self._now is not None else state.time.strftime("%H:%M:%S")
            text = self.tr("KRX day {day} {time}, {speed}×").format(
                day=state.day.isoformat(), time=time, speed=f"{state.speed:g}"
            )
        else:
            text = self.tr("Continuous (the computer's clock)")
        self.nowLabel.setText(text)

    def start(self) -> str:
        """The start typed or picked, HH:MM, kept within the day (08:20–17:50)."""
        typed = QTime.fromString(self.startEdit.currentText(), "HH:mm")
        if not typed.isValid():
            return SandboxClockChoice().start
        return min(max(typed, EARLIEST_START), LATEST_START).toString("HH:mm")

    def choice(self) -> SandboxClockChoice:
        return SandboxClockChoice(str(self.modeCombo.currentData()), float(self.speedSpin.value()), self.start())


class SandboxClockSettings(QObject):
    """The dialog's flow, and the follower that keeps the status bar on the Sandbox's clock."""

    def __init__(
        self,
        session: SessionController,
        bridge: DeskBridge,
        settings: QSettings,
        say: Callable[[str], None],
        changed: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session, self.bridge, self.settings, self.say, self.changed = session, bridge, settings, say, changed
        self.window = parent
        session.sandbox_clock = load_choice(settings)  # before the embedded Sandbox starts
        self._reading = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.follow)
        self._timer.start(FOLLOW_MS)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.follow)
        bridge.marketStatusArrived.connect(self._market_status)

    @property
    def available(self) -> bool:
        session = self.session
        return session.environment is Environment.SANDBOX and session.desk is not None and session.can_drive_sandbox

    def _market_status(self, event: MarketPhase | VolatilityInterruption) -> None:
        if isinstance(event, MarketPhase) and not self._soon.isActive():
            self._soon.start(AFTER_PHASE_MS)

    def follow(self) -> None:
        """Reads the Sandbox's clock (one read at a time; never for Mock or Real)."""
        if self.available and not self._reading:
            self._reading = True
            self.bridge.spawn(self._read())

    async def _read(self) -> None:
        from ..kiwoom import KiwoomError

        try:
            await self.session.sandbox_state()
        except KiwoomError:
            return  # the next look tries again; the bar keeps the last reading
        finally:
            self._reading = False
        self.changed()

    async def edit(self) -> None:
        if not self.available:
            return
        state = await self.session.sandbox_state()
        address = (await self.session.endpoints(Environment.SANDBOX)).rest_url
        dialog = SandboxClockDialog(self.session.sandbox_clock, state, self.window, self._sandbox_time, address)
        dialog.newDayRequested.connect(lambda start: self.bridge.spawn(self._new_day(dialog, start)))
        dialog.goRequested.connect(lambda moment: self.bridge.spawn(self._go(dialog, moment)))
        if not await dialogs.ask(dialog):
            return
        chosen = dialog.choice()
        save_choice(self.settings, chosen)
        self.session.sandbox_clock = chosen
        state = await self.session.sandbox_state()
        mode = chosen.mode if chosen.mode != state.mode else None
        speed = chosen.speed if chosen.speed != state.speed else None
        at = chosen.start + ":00" if mode == "krx" else None
        if mode is not None or speed is not None:
            await self.session.set_sandbox_clock(mode, at, speed)
        self.say(self.tr("Sandbox clock saved."))
        self.changed()

    def _sandbox_time(self) -> str:
        desk = self.session.desk
        return desk.market_status.now().strftime("%H:%M:%S") if desk is not None else ""

    async def _orders_may_end(self, dialog: SandboxClockDialog, text: str) -> bool:
        """A move that ends the day takes the day's open orders with it: asked first when there are some."""
        desk = self.session.desk
        count = len(desk.open_orders()) if desk is not None else 0
        if not count:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Sandbox clock"), text.format(count=count), parent=dialog)
        box.setObjectName("sandboxClockQuestion")
        box.addButton(self.tr("Go on"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        return await dialogs.ask(box)

    def _orders_end_on_the_way(self, moment: str) -> bool:
        """Whether going to `moment` (HH:MM:SS) passes the end of a session's orders (08:40, 15:30, 16:00,
        18:00) or starts the next day (18:10 or later, or a time the Sandbox's clock reaches before the request
        arrives, a few seconds at its speed)."""
        desk = self.session.desk
        if desk is None:
            return True
        clock = desk.market_status
        speed = clock.sandbox.speed if clock.sandbox is not None else 1.0
        now = clock.now().strftime("%H:%M:%S")
        soon = (clock.now() + timedelta(seconds=ARRIVAL_SECONDS * speed)).strftime("%H:%M:%S")
        passes = any(now < f"{end:%H:%M:%S}" <= moment for end in ORDER_ENDS)
        return passes or moment >= f"{SANDBOX_NEXT_DAY:%H:%M:%S}" or moment <= soon

    async def _go(self, dialog: SandboxClockDialog, moment: str) -> None:
        if self._orders_end_on_the_way(moment) and not await self._orders_may_end(
            dialog, self.tr("On the way to that time a session ends: {count} open orders may expire. Go on?")
        ):
            return
        state = await self.session.set_sandbox_clock(at=moment)
        dialog.show_state(state)
        self.say(self.tr("The Sandbox went to {day} {time}").format(day=state.day, time=moment[:5]))
        self.changed()

    async def _new_day(self, dialog: SandboxClockDialog, start: str) -> None:
        if not await self._orders_may_end(
            dialog, self.tr("A new day ends today: {count} open orders expire with it. Go on?")
        ):
            return
        state = await self.session.new_sandbox_day(start)
        dialog.modeCombo.setCurrentIndex(dialog.modeCombo.findData("krx"))
        dialog.show_state(state)
        self.say(self.tr("A new Sandbox day started: {day} {time}").format(day=state.day, time=start[:5]))
        self.changed()
