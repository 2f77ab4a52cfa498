"""Between the desk and Qt: desk callbacks become signals, and slots start coroutines on the one qasync loop.

A coroutine started from a slot never blocks the loop; its failure is routed to `failed` (the status bar and,
for the unexpected, the exception dialog) instead of vanishing with the task.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..kiwoom.events import (
    BookUpdate,
    ConditionChange,
    ConditionSnapshot,
    MarketPhase,
    OrderExecution,
    RealtimeStatus,
    Trade,
    VolatilityInterruption,
)
from ..trading.fills import FillRow
from ..trading.orders import LedgerChange


class DeskBridge(QObject):
    ordersChanged = Signal(object)  # LedgerChange
    portfolioChanged = Signal()
    executionArrived = Signal(object)  # OrderExecution
    marketArrived = Signal(object)  # Trade | BookUpdate
    realtimeStatusChanged = Signal(object)  # RealtimeStatus
    fillsChanged = Signal(object)  # [FillRow]: the rows that changed
    conditionArrived = Signal(object)  # ConditionChange | ConditionSnapshot
    marketStatusArrived = Signal(object)  # MarketPhase | VolatilityInterruption
    failed = Signal(object)  # the exception

    def __init__(self) -> None:
        super().__init__()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._orders: set[asyncio.Task[Any]] = set()  # order actions: never cancelled, only waited for

    # DeskListener
    def orders_changed(self, change: LedgerChange) -> None:
        self.ordersChanged.emit(change)

    def portfolio_changed(self) -> None:
        self.portfolioChanged.emit()

    def execution(self, event: OrderExecution) -> None:
        self.executionArrived.emit(event)

    def market(self, event: Trade | BookUpdate) -> None:
        self.marketArrived.emit(event)

    def realtime_status(self, status: RealtimeStatus) -> None:
        self.realtimeStatusChanged.emit(status)

    def fills_changed(self, rows: list[FillRow]) -> None:
        self.fillsChanged.emit(rows)

    def condition(self, event: ConditionChange | ConditionSnapshot) -> None:
        self.conditionArrived.emit(event)

    def market_status(self, event: MarketPhase | VolatilityInterruption) -> None:
        self.marketStatusArrived.emit(event)

    def spawn(
        self, coroutine: Coroutine[Any, Any, Any], done: Callable[[Any], None] | None = None, *, order: bool = False
    ) -> asyncio.Task[Any]:
        """Runs `coroutine` on the loop; `done` gets its result, `failed` its exception. An `order` task may
        have a request on the wire: cancelling it could lose track of an order, so `cancel_all` leaves it."""
        task = asyncio.get_event_loop().create_task(coroutine)
        self._tasks.add(task)
        if order:
            self._orders.add(task)

        def finished(task: asyncio.Task[Any]) -> None:
            self._tasks.discard(task)
            self._orders.discard(task)
            if task.cancelled():
                return
            error = task.exception()
            if error is not None:
                self.failed.emit(error)
            elif done is not None:
                done(task.result())

        task.add_done_callback(finished)
        return task

    @property
    def orders_pending(self) -> bool:
        return bool(self._orders)

    async def cancel_all(self, keep: asyncio.Task[Any] | None = None) -> None:
        """Cancels queries and refreshes and waits until they have wound down; order actions are left to finish."""
        cancelled = [task for task in self._tasks - self._orders if task is not keep]
        for task in cancelled:
            task.cancel()
        if cancelled:
            await asyncio.gather(*cancelled, return_exceptions=True)

    async def settle_orders(self) -> None:
        """Waits for every order action in flight to get its answer (or its unknown state)."""
        pending = self._orders - {asyncio.current_task()}
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
