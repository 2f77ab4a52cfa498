"""The status bar (`statusBar`): environment badge, REST state, real-time state, token countdown, the last
message (kept readable for a while, never replaced by a lesser one too soon), the market phase (the last 0s heard,
else KRX's timetable) with a countdown to its next change, and the exchange's clock: KST, or the Sandbox's own on its
KRX day, with its speed. One repaint a second at most."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from ..environments import Environment
from ..kiwoom.events import RealtimeState, RealtimeStatus
from ..trading.sessions import KST, NextChange, Phase, market_phase, next_change
from . import theme
from .labels import environment_text, phase_text
from .widgets import ElidedLabel, named

if TYPE_CHECKING:
    from ..trading.market_status import MarketStatus

MESSAGE_HOLD_SECONDS = 8.0  # an answer stays readable at least this long before an info message replaces it


class StatusBar(QStatusBar):
    realtimeLost = Signal()  # a live real-time connection dropped (not one closed on purpose)
    environmentShown = Signal(object)  # Environment: the bar speaks of this session now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.badge = named(QLabel(), "environmentBadge")
        self.rest = named(QLabel(), "restState")
        self.realtime = named(QLabel(), "realtimeState")
        self.token = named(QLabel(), "tokenExpiry")
        self.message = named(ElidedLabel(), "lastMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        self.clock = named(QLabel(), "kstClock")
        self.phase = named(QLabel(), "marketPhase")
        self.countdown = named(QLabel(), "phaseCountdown")
        self.market: Callable[[], MarketStatus | None] = lambda: None  # the session's phase, VIs and clock
        self.addWidget(self.badge)
        self.addWidget(self.message, 1)
        for label in (self.rest, self.realtime, self.token, self.phase, self.countdown, self.clock):
            self.addPermanentWidget(label)
        self.token_expires_at: datetime | None = None
        self._held_until = 0.0
        self._rest_state = "offline"
        self._realtime: RealtimeStatus | None = None
        self._unflash = QTimer(self)
        self._unflash.setSingleShot(True)
        self._unflash.timeout.connect(lambda: theme.restyle(self.message, "flash", ""))
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.set_environment(Environment.SANDBOX)
        self.tick()

    def set_environment(self, environment: Environment) -> None:
        self.environment = environment
        self.badge.setText(f" {environment_text(environment)} ")
        theme.restyle(self.badge, "environment", environment.value)
        self.environmentShown.emit(environment)

    def set_rest_state(self, state: str) -> None:
        """ "offline", "connecting", "connected" or "error"."""
        self._rest_state = state
        self.retranslate()

    def show_message(self, text: str, important: bool = False) -> None:
        """Important messages (order answers, errors) hold the bar; others wait their turn."""
        now = time.monotonic()
        if not important and now < self._held_until:
            return
        self.message.setText(text)
        self.message.setToolTip(text)
        if important:
            self._held_until = now + MESSAGE_HOLD_SECONDS

    def withdraw(self, text: str) -> None:
        """Takes a message back once it no longer holds (a quote problem, when the next quote came)."""
        if text and self.message.text() == text:
            self.message.clear()
            self.message.setToolTip("")

    def retranslate(self) -> None:
        self.set_environment(self.environment)
        states = {
            "offline": self.tr("REST: offline"),
            "connecting": self.tr("REST: connecting..."),
            "connected": self.tr("REST: connected"),
            "error": self.tr("REST: error"),
        }
        self.rest.setText(states[self._rest_state])
        self.set_realtime(self._realtime)
        self.tick()

    def set_realtime(self, status: RealtimeStatus | None) -> None:
        was = self._realtime.state if self._realtime else RealtimeState.CLOSED
        self._realtime = status
        state = status.state if status else RealtimeState.CLOSED
        if was is RealtimeState.CONNECTED and state is RealtimeState.RECONNECTING:
            self.show_message(self.tr("Real-time connection lost: reconnecting..."), important=True)
            self.flash("problem")
            self.realtimeLost.emit()
        if state is RealtimeState.CONNECTED:
            text = self.tr("Real-time: connected")
        elif state is RealtimeState.CONNECTING:
            text = self.tr("Real-time: connecting...")
        elif state is RealtimeState.RECONNECTING and status is not None:
            text = self.tr("Real-time: reconnecting (attempt {n}, next in {s:.0f} s)").format(
                n=status.attempt, s=status.retry_in
            )
        else:
            text = self.tr("Real-time: -")
        self.realtime.setText(text)
        tips = [status.reason] if status and status.reason else []
        if status and status.unreadable:
            tips.append(self.tr("Unreadable real-time messages skipped: {count}").format(count=status.unreadable))
        self.realtime.setToolTip("\n".join(tips))

    def flash(self, kind: str, milliseconds: int = 1500) -> None:
        """A fill ("buy", "sell") or a rejection ("problem"): the message lights up for a moment, so that it is
        seen. A burst of fills keeps one flash alight (re-styling a widget is costly) and only extends it."""
        theme.restyle(self.message, "flash", kind)
        self._unflash.start(milliseconds)

    def tick(self) -> None:
        now = datetime.now(KST)
        self._show_market(now)
        if self.token_expires_at is None:
            self.token.setText(self.tr("Token: -"))
        else:
            seconds = max(int((self.token_expires_at - now).total_seconds()), 0)
            self.token.setText(self.tr("Token: {h}h {m:02d}m").format(h=seconds // 3600, m=seconds % 3600 // 60))

    def _show_market(self, wall: datetime) -> None:
        """The phase, the countdown to its next change and the exchange's clock (the Sandbox's, on its KRX day)."""
        market = self.market()
        if market is not None and market.environment is not self.environment:
            market = None  # the session is switching: the bar already speaks of the next one
        if market is not None and market.sandbox_krx and market.sandbox is not None:
            now = market.now()
            speed = f"{market.sandbox.speed:g}"
            self.clock.setText(self.tr("Sandbox {time} ×{speed}").format(time=now.strftime("%H:%M:%S"), speed=speed))
            self.clock.setToolTip(self.tr("The Sandbox's KRX day: {day}").format(day=now.strftime("%Y-%m-%d")))
        else:
            now = wall
            self.clock.setText(wall.strftime("%H:%M:%S KST"))
            self.clock.setToolTip("")
        if market is not None:
            phase, change = market.phase(), market.next_change()
        else:
            phase = market_phase(self.environment, wall)
            change = None if self.environment is Environment.SANDBOX else next_change(wall)
        self.phase.setText(phase_text(phase))
        self.countdown.setText(self._countdown(change, now))
        pace = market.sandbox.speed if market is not None and market.sandbox_krx and market.sandbox else 1.0
        self.countdown.setToolTip(self._real_time(change, now, pace))

    def _countdown(self, change: NextChange | None, now: datetime) -> str:
        """How long until the phase changes, in words that cannot be read as a time of day (17분 50초)."""
        if change is None:
            return ""
        left = self._duration(max(int((change.at - now).total_seconds()), 0))
        if change.phase is None:
            return self.tr("Next day in {time}").format(time=left)
        if change.phase is Phase.CLOSED:  # "Market closed in …" would read as done
            return self.tr("Market closes in {time}").format(time=left)
        return self.tr("{phase} in {time}").format(phase=phase_text(change.phase), time=left)

    def _real_time(self, change: NextChange | None, now: datetime, speed: float) -> str:
        """On a Sandbox day run faster than life, how long the countdown takes by the trader's own clock."""
        if change is None or speed <= 1:
            return ""
        seconds = max(int((change.at - now).total_seconds() / speed), 0)
        return self.tr("At ×{speed} that is {time} of real time").format(
            speed=f"{speed:g}", time=self._duration(seconds)
        )

    def _duration(self, seconds: int) -> str:
        hours, rest = divmod(seconds, 3600)
        if hours:
            return self.tr("{h} h {m:02d} min").format(h=hours, m=rest // 60)
        if rest >= 60:
            return self.tr("{m} min {s:02d} s").format(m=rest // 60, s=rest % 60)
        return self.tr("{s} s").format(s=rest)
