"""REST calls per order placed through the window, counted by the Sandbox, and how long the ticket stays locked.

A trader's click takes the app's whole path: ticket -> order actions -> desk -> client -> Sandbox, with the
real-time session up. Two kinds of order are placed, one at a time: a limit buy that rests on the book, and a
marketable buy that fills at once (its fills bring one cash refresh after the burst). Each count covers the
order's path and what follows it until the app is quiet again.

    QT_QPA_PLATFORM=offscreen python bench/rest_per_order.py [--orders 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ lives in the checkout

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import Side, TradeType
from kiwoom_desk.sandbox import SandboxExchange
from tests.window_support import act, complete, open_window, qt_loop, run_until

QUIET_SECONDS = 1.5  # longer than the desk's cash-refresh delay: what an order causes has happened by then
SAMSUNG = "005930"


def place(window: object, loop: asyncio.AbstractEventLoop, price: int) -> float:
    """One order through the loaded ticket; returns the seconds from the click to the ticket's unlock."""
    ticket = window.ticket  # type: ignore[attr-defined]
    act(loop, lambda: ticket.priceSpin.setValue(price))
    act(loop, lambda: ticket.quantitySpin.setValue(1))
    run_until(loop, lambda: ticket.submitButton.isEnabled(), "ticket not ready")
    started = time.perf_counter()
    run_until(loop, lambda: not ticket.busy, "no answer", action=ticket.submitButton.click)
    return time.perf_counter() - started


def settle(loop: asyncio.AbstractEventLoop) -> None:
    deadline = time.monotonic() + QUIET_SECONDS
    run_until(loop, lambda: time.monotonic() > deadline, "", within=QUIET_SECONDS + 5)


def run(loop: asyncio.AbstractEventLoop, orders: int) -> dict[str, tuple[Counter[str], list[float]]]:
    results: dict[str, tuple[Counter[str], list[float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        sandbox = SandboxExchange(Path(folder) / "sandbox", seed=1, tick_interval=None, initial_cash=10**10).start()
        sandbox.set_price(SAMSUNG, 71_200, depth=10_000)
        window = open_window(Path(folder), sandbox)
        window.confirmAction.setChecked(False)
        window.soundAction.setChecked(False)
        act(loop, window.show)
        complete(loop, window.start(Environment.SANDBOX))
        run_until(loop, lambda: window.status.realtime.text().endswith("연결됨"), "no real-time session")
        ticket = window.ticket
        act(loop, lambda: ticket.load(Side.BUY, SAMSUNG, TradeType.LIMIT, 70_000, 1))  # the quote: not counted
        run_until(loop, lambda: ticket.quote is not None and ticket.submitButton.isEnabled(), "ticket not ready")
        settle(loop)
        for kind, price in (("resting limit buy", 70_000), ("marketable limit buy", 71_500)):
            calls: Counter[str] = Counter()
            locked: list[float] = []
            for _ in range(orders):
                before = Counter(sandbox.requests())
                locked.append(place(window, loop, price))
                settle(loop)
                calls.update(Counter(sandbox.requests()) - before)
            results[kind] = (calls, locked)
        complete(loop, window.shutdown())
        window.session.journal.close()
        sandbox.stop()
    return results


def main(orders: int, runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"{orders} orders of each kind, one at a time, {runs} runs; REST calls counted by the Sandbox")
    per_kind: dict[str, list[tuple[float, float, Counter[str]]]] = {}
    loop = qt_loop()  # one loop for every run, as the app has one for its life
    for _ in range(runs):
        for kind, (calls, locked) in run(loop, orders).items():
            per_kind.setdefault(kind, []).append((calls.total() / orders, statistics.median(locked) * 1000, calls))
    print(f"{'order':<24}{'calls/order min/med/max':>26}{'locked ms min/med/max':>26}  calls by api-id (last run)")
    for kind, rows in per_kind.items():
        calls = sorted(row[0] for row in rows)
        locked = sorted(row[1] for row in rows)
        last = ", ".join(f"{api}×{count / orders:g}" for api, count in sorted(rows[-1][2].items()))
        figures = f"{calls[0]:.2f}/{statistics.median(calls):.2f}/{calls[-1]:.2f}"
        lock = f"{locked[0]:.1f}/{statistics.median(locked):.1f}/{locked[-1]:.1f}"
        print(f"{kind:<24}{figures:>26}{lock:>26}  {last}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="REST calls per order placed through the window.")
    parser.add_argument("--orders", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    main(arguments.orders, arguments.runs)
