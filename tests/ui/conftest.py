"""A real main window on a real Sandbox, offscreen, driven through the one qasync loop."""

from __future__ import annotations

import asyncio
from asyncio.events import _get_running_loop, _set_running_loop
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import pytestqt.plugin
import qasync  # type: ignore[import-untyped]
from PySide6.QtWidgets import QApplication

from kiwoom_desk.environments import Environment
from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.ui.main_window import MainWindow
from tests.window_support import MemoryKeyring, act, complete, open_window, run_until


class Desk:
    """The window, its loop and its exchange, with the few verbs the tests need."""

    def __init__(self, window: MainWindow, loop: asyncio.AbstractEventLoop, sandbox: SandboxExchange) -> None:
        self.window, self.loop, self.sandbox = window, loop, sandbox
        self.ticket = window.ticket

    def act(self, action: Any) -> None:
        act(self.loop, action)

    def until(self, condition: Any, message: str, action: Any = None, within: float = 15.0) -> Any:
        return run_until(self.loop, condition, message, within=within, action=action)

    def complete(self, coroutine: Any) -> Any:
        return complete(self.loop, coroutine)

    def fill(self, code: str, price: int, quantity: int, trade_type: str = "0", sell: bool = False) -> None:
        """Types a ticket the way a trader would (once the previous order has its answer) and waits for the quote."""
        ticket = self.ticket
        self.until(lambda: not ticket.busy, "the previous order never got its answer")
        button = ticket.sideSellButton if sell else ticket.sideBuyButton
        self.act(button.click)
        self.act(lambda: ticket.tradeTypeCombo.setCurrentIndex(ticket.tradeTypeCombo.findData(trade_type)))
        self.act(lambda: ticket.stockCodeEdit.clear())
        self.act(lambda: _type(ticket.stockCodeEdit, code))
        self.until(lambda: ticket.quote is not None and ticket.quote.code == code, f"no quote for {code}")
        if price:
            self.act(lambda: ticket.priceSpin.setValue(price))
        self.act(lambda: ticket.quantitySpin.setValue(quantity))

    def enter_real(self) -> None:
        """Real keys saved, the switch asked for and its confirmation accepted, as the trader would."""
        from kiwoom_desk.storage.credentials import Credentials
        from kiwoom_desk.ui import dialogs
        from tests.window_support import modal

        self.window.session.credentials.save(Environment.REAL, Credentials("real-app-key", "real-secret-key"))
        task = self.loop.create_task(self.window.switch_to(Environment.REAL))
        box = self.until(lambda: modal(dialogs.RealModeDialog, "realModeDialog"), "no Real confirmation")
        self.act(box.enterButton.click)
        self.until(task.done, "the switch never ended")
        assert self.window.environment is Environment.REAL

    def open_order_numbers(self) -> list[str]:
        return [row.order_no for row in self.window.openOrders.orders.rows()]

    def exchange_open_orders(self) -> list[Any]:
        """What the exchange itself says is open, asked over a separate client."""
        assert self.window.desk is not None
        orders: list[Any] = self.complete(self.window.desk.client.open_orders())
        return orders


def _type(edit: Any, text: str) -> None:
    from PySide6.QtTest import QTest

    edit.setFocus()
    QTest.keyClicks(edit, text)


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture(scope="session")
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """One qasync loop for every UI test, as the app has one for its whole life: loops made and closed per
    test leave Qt timers and socket notifiers behind that a later test's event processing would trip over."""
    loop = qasync.QEventLoop(qapp)
    yield loop
    loop.close()


@pytest.fixture(autouse=True)
def qt_events_on_the_loop(qloop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-qt calls processEvents() between a test's phases, outside qasync's run_forever. With live sockets
    that would run asyncio callbacks with no running loop, which the app (always inside its loop) never does;
    so those calls run as the qasync loop, which is what they are: its thread and its dispatcher."""
    original: Callable[[], None] = pytestqt.plugin._process_events

    def on_the_loop() -> None:
        if _get_running_loop() is not None:
            original()
            return
        _set_running_loop(qloop)
        try:
            original()
        finally:
            _set_running_loop(None)

    monkeypatch.setattr(pytestqt.plugin, "_process_events", on_the_loop)


@pytest.fixture
def desk(qloop: asyncio.AbstractEventLoop, tmp_path: Path, keyring: MemoryKeyring) -> Iterator[Desk]:
    sandbox = SandboxExchange(tmp_path / "sandbox", seed=5, tick_interval=None).start()
    with desk_on(qloop, tmp_path, keyring, sandbox) as opened:
        yield opened


KRX_TUESDAY = datetime(2026, 11, 24, 7, 0, tzinfo=ZoneInfo("Asia/Seoul"))  # the wall clock of the KRX-day desk


@pytest.fixture
def krx_desk(qloop: asyncio.AbstractEventLoop, tmp_path: Path, keyring: MemoryKeyring) -> Iterator[Desk]:
    """The window on a Sandbox on the KRX clock at 10:00 of a Tuesday, in continuous trading. Its wall clock stands
    still, so the simulated day moves only when a test moves it (`desk.sandbox.set_clock`, the dialog)."""
    sandbox = SandboxExchange(
        tmp_path / "sandbox", seed=5, tick_interval=None, clock=lambda: KRX_TUESDAY, mode="krx", start="10:00"
    ).start()
    with desk_on(qloop, tmp_path, keyring, sandbox) as opened:
        yield opened


@contextmanager
def desk_on(
    loop: asyncio.AbstractEventLoop, tmp_path: Path, keyring: MemoryKeyring, sandbox: SandboxExchange
) -> Iterator[Desk]:
    asyncio.set_event_loop(loop)
    sandbox.set_price("005930", 71_200, depth=200)
    window = open_window(tmp_path, sandbox, keyring, every_environment=True)
    window.menus.confirmAction.setChecked(False)
    act(loop, window.show)
    complete(loop, window.start(Environment.SANDBOX))
    run_until(loop, lambda: window.ticket.stockCodeEdit.listings, "the stock list never loaded")
    try:
        yield Desk(window, loop, sandbox)
    finally:
        for widget in QApplication.topLevelWidgets():  # dialogs a failed test may have left open
            if widget is not window and widget.isVisible():
                act(loop, widget.close)
        complete(loop, window.shutdown())
        act(loop, window.close)
        act(loop, window.deleteLater)
        act(loop, lambda: None)  # the deferred delete happens inside the running loop
        window.session.journal.close()
        sandbox.stop()
        asyncio.set_event_loop(None)
