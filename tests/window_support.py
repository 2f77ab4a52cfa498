"""What the UI tests, the screenshot script and the benchmarks share: an in-memory keyring and a window on a
Sandbox, driven by running the one qasync loop until a condition holds (no sleeps, no nested loops).

Kept under tests/, out of the shipped package; scripts/ and bench/ import it from the checkout."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from datetime import datetime
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from kiwoom_desk.environments import Endpoints, Environment
from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.storage.credentials import CredentialStore
from kiwoom_desk.storage.journal import Journal
from kiwoom_desk.storage.watchlists import WatchlistStore
from kiwoom_desk.trading.session import SessionConfig
from kiwoom_desk.trading.sessions import KST
from kiwoom_desk.ui.main_window import MainWindow

from .memory_keyring import MemoryKeyring  # re-exported for the UI tests

CONTINUOUS_TRADING = datetime(2026, 11, 25, 10, 0, tzinfo=KST)  # a Wednesday morning

__all__ = ["MemoryKeyring", "act", "complete", "modal", "open_window", "qt_loop", "run_until"]


def run_until(
    loop: asyncio.AbstractEventLoop,
    condition: Callable[[], Any],
    message: str,
    within: float = 15.0,
    action: Callable[[], object] | None = None,
) -> Any:
    """Runs the qasync loop (Qt events and asyncio together) until `condition()` is truthy; returns its value.

    `action` (a click, a key, a setText) runs inside the running loop first: a UI action taken while the loop
    is stopped could let Qt run an asyncio callback outside it, which the app itself never does.
    """

    async def wait() -> Any:
        try:
            if action is not None:
                action()
            deadline = time.monotonic() + within
            while not (value := condition()):
                if time.monotonic() > deadline:
                    raise AssertionError(f"{message}\n{_pending(loop)}")
                await asyncio.sleep(0.01)
            return value
        finally:
            loop.stop()

    # Not run_until_complete: qasync's version processes Qt events once more after the loop has stopped, which
    # would run pending asyncio callbacks outside a running loop.
    task = loop.create_task(wait())
    loop.run_forever()
    return task.result()


def complete(loop: asyncio.AbstractEventLoop, coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Runs `coroutine` to its end on the qasync loop (see run_until for why not run_until_complete)."""
    task = loop.create_task(coroutine)
    return run_until(loop, task.done, "the coroutine did not finish", within=60) and task.result()


def qt_loop() -> asyncio.AbstractEventLoop:
    """The QApplication and its one qasync loop, for scripts that drive the window (tests use a fixture)."""
    import sys

    import qasync  # type: ignore[import-untyped]

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


def open_window(
    folder: Path, sandbox: SandboxExchange, keyring: KeyringBackend | None = None, *, every_environment: bool = False
) -> MainWindow:
    """A window whose Sandbox is `sandbox`; with `every_environment`, Mock and Real lead there too, since nothing
    outside this machine is reachable."""
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    endpoints = Endpoints(sandbox.rest_url, sandbox.ws_url)
    environments = list(Environment) if every_environment else [Environment.SANDBOX]
    config = SessionConfig(
        credentials=CredentialStore(keyring or MemoryKeyring()),
        journal=Journal(folder / "journal.sqlite3"),
        watchlists=WatchlistStore(folder / "watchlists.json"),
        cache_dir=folder / "cache",
        overrides=dict.fromkeys(environments, endpoints),
    )
    window = MainWindow(config, settings)
    # Mock and Real grey the order types KRX's session can't take: these windows trade at a fixed moment of
    # continuous trading, not at whatever hour they run (a test of the sessions sets its own).
    window.ticket.sessionTypes.clock = lambda: CONTINUOUS_TRADING
    return window


def modal(kind: type[QWidget], object_name: str) -> QWidget | None:
    """The open dialog of that kind and name, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.objectName() == object_name and widget.isVisible():
            return widget
    return None


def act(loop: asyncio.AbstractEventLoop, action: Callable[[], object]) -> None:
    """Runs one UI action inside the running loop and lets the loop settle once."""
    run_until(loop, lambda: True, "", action=action)


def _pending(loop: asyncio.AbstractEventLoop) -> str:
    """What the loop is still waiting on, to make a timeout explain itself."""
    lines = []
    for task in asyncio.all_tasks(loop):
        if task is asyncio.current_task(loop):
            continue
        frames = task.get_stack(limit=3)
        where = " <- ".join(f"{frame.f_code.co_name}:{frame.f_lineno}" for frame in reversed(frames))
        lines.append(f"  pending {task.get_name()}: {where}")
    return "\n".join(lines) or "  (no pending tasks)"
