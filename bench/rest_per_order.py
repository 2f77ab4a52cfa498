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
from kiwoom_desk.trading.rules import RiskLimits
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


Result = tuple[Counter[str], Counter[str], list[float]]  # calls in all, calls while the ticket was locked, lock times


def run(loop: asyncio.AbstractEventLoop, orders: int) -> dict[str, Result]:
    results: dict[str, Result] = {}
    with tempfile.TemporaryDirectory() as folder:
        sandbox = SandboxExchange(Path(folder) / "sandbox", seed=1, tick_interval=None, initial_cash=10**10).start()
        sandbox.set_price(SAMSUNG, 71_200, depth=10_000)
        window = open_window(Path(folder), sandbox)
        window.menus.confirmAction.setChecked(False)
        window.session.set_limits(Environment.SANDBOX, RiskLimits())  # a bench's pace is not a trader's
        for sound in window.menus.soundActions.values():
            sound.setChecked(False)
        act(loop, window.show)
        complete(loop, window.start(Environment.SANDBOX))
        run_until(loop, lambda: window.status.realtime.text().endswith("연결됨"), "no real-time session")
        ticket = window.ticket
        act(loop, lambda: ticket.load(Side.BUY, SAMSUNG, TradeType.LIMIT, 70_000, 1))  # the quote: not counted
        run_until(loop, lambda: ticket.quote is not None and ticket.submitButton.isEnabled(), "ticket not ready")
        settle(loop)
        for kind, price, burst in (
            ("resting limit buy", 70_000, False),
            ("marketable limit buy", 71_500, False),
            ("burst of resting buys", 70_000, True),  # one after another, the account read once after them
        ):
            calls: Counter[str] = Counter()
            on_path: Counter[str] = Counter()
            locked: list[float] = []
            start = Counter(sandbox.requests())
            for _ in range(orders):
                before = Counter(sandbox.requests())
                locked.append(place(window, loop, price))
                on_path.update(Counter(sandbox.requests()) - before)
                if not burst:
                    settle(loop)
            settle(loop)
            calls.update(Counter(sandbox.requests()) - start)
            results[kind] = (calls, on_path, locked)
        complete(loop, window.shutdown())
        window.session.journal.close()
        sandbox.stop()
    return results


def main(orders: int, runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"{orders} orders of each kind, one at a time, {runs} runs; REST calls counted by the Sandbox")
    per_kind: dict[str, list[tuple[float, float, float, Counter[str]]]] = {}
    loop = qt_loop()  # one loop for every run, as the app has one for its life
    for _ in range(runs):
        for kind, (calls, on_path, locked) in run(loop, orders).items():
            row = (calls.total() / orders, on_path.total() / orders, statistics.median(locked) * 1000, calls)
            per_kind.setdefault(kind, []).append(row)

    def spread(values: list[float], digits: int) -> str:
        values = sorted(values)
        return f"{values[0]:.{digits}f}/{statistics.median(values):.{digits}f}/{values[-1]:.{digits}f}"

    print(f"{'order':<24}{'calls/order':>16}{'while locked':>16}{'locked ms':>18}  calls by api-id (last run)")
    print(f"{'':<24}{'min/med/max':>16}{'min/med/max':>16}{'min/med/max':>18}")
    for kind, rows in per_kind.items():
        last = ", ".join(f"{api}×{count / orders:g}" for api, count in sorted(rows[-1][3].items()))
        figures = spread([row[0] for row in rows], 2)
        path = spread([row[1] for row in rows], 2)
        print(f"{kind:<24}{figures:>16}{path:>16}{spread([row[2] for row in rows], 1):>18}  {last}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="REST calls per order placed through the window.")
    parser.add_argument("--orders", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    main(arguments.orders, arguments.runs)
