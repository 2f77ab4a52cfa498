"""What the rankings and the investor view share: one read of theirs at a time, and an automatic read every N
seconds while they are shown, when `trading/scanner.RefreshBudget` says one is due. A read the desk skipped (an
order might have waited behind it) is tried again at the next second's tick."""

from __future__ import annotations

import time
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..environments import Environment
from ..trading.scanner import RefreshBudget
from .bridge import DeskBridge
from .table import HoldStill

if TYPE_CHECKING:
    import asyncio

TICK_MS = 1000


class AutoRefresh(QObject):
    due = Signal()  # an automatic read is due: the owner reads (automatic=True)

    def __init__(self, owner: QWidget, bridge: DeskBridge, interval: float, hold: HoldStill | None = None) -> None:
        super().__init__(owner)
        self._owner, self._bridge, self._hold = owner, bridge, hold
        self.budget = RefreshBudget(Environment.SANDBOX, interval)
        self._task: asyncio.Task[None] | None = None
        self._retry = False  # a skipped read is tried again even with the automatic reads off
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def open_environment(self, environment: Environment) -> None:
        self.cancel()
        self._retry = False
        self.budget = RefreshBudget(environment, self.budget.interval)

    def set_interval(self, seconds: float) -> None:
        self.budget.interval = seconds

    def read(self, coroutine: Coroutine[Any, Any, None], automatic: bool) -> None:
        """Starts a read: an automatic one only when none is under way; the trader's replaces one under way."""
        if self.busy:
            if automatic:
                coroutine.close()
                return
            self.cancel()
        self.budget.spent()
        self._retry = False
        self._task = self._bridge.spawn(coroutine)

    def skipped(self) -> None:
        """The desk skipped the read: the next tick tries again."""
        self.budget.last = time.monotonic() - self.budget.period
        self._retry = True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _tick(self) -> None:
        wanted = self.budget.interval or self._retry
        aimed = self._hold is not None and self._hold.hovered  # the trader is pointing at a row: it stays
        if wanted and not aimed and self._owner.isVisible() and not self.busy and self.budget.due():
            self.due.emit()
