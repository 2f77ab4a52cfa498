"""Real-time load on the real window: 1,000 order events per second into an open-orders table of 10,000 rows.

Events take the app's own path: TradingDesk._on_event -> ledger -> bridge signal -> MainWindow (one row's
dataChanged, the fill message and flash). A heartbeat coroutine measures how late the event loop runs: its
longest stall is what a trader would feel as a frozen window. A second phase pushes as fast as it can.

    QT_QPA_PLATFORM=offscreen python bench/realtime_ui.py [--rows 10000] [--rate 1000] [--seconds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import KiwoomClient, OpenOrder, OrderStatus, Side
from kiwoom_desk.kiwoom.events import OrderExecution
from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.trading.desk import TradingDesk

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ lives in the checkout
from tests.window_support import act, complete, open_window, qt_loop


def opening_rows(count: int) -> list[OpenOrder]:
    return [
        OpenOrder.model_validate(
            {
                "ord_no": f"{number:07d}",
                "stk_cd": "005930",
                "stk_nm": "삼성전자",
                "io_tp_nm": "+매수",
                "trde_tp": "보통",
                "ord_stt": "접수",
                "ord_qty": "100",
                "ord_pric": "70000",
                "oso_qty": "100",
                "tm": "090000",
                "stex_tp_txt": "KRX",
            }
        )
        for number in range(1, count + 1)
    ]


class Feed:
    """Partial fills on random open orders; a finished order is replaced by a new one, so the table stays full."""

    def __init__(self, rows: int) -> None:
        self.numbers = [f"{number:07d}" for number in range(1, rows + 1)]  # open orders, for a cheap random pick
        self.unfilled = dict.fromkeys(self.numbers, 100)
        self.next_number = rows + 1
        self.random = random.Random(1)

    def event(self) -> OrderExecution:
        position = self.random.randrange(len(self.numbers))
        number = self.numbers[position]
        if self.random.random() >= 0.98:  # now and then a new order arrives
            number = f"{self.next_number:07d}"
            self.next_number += 1
            self.numbers.append(number)
            self.unfilled[number] = 100
            return self._make(number, OrderStatus.ACCEPTED, 100, 0)
        fill = min(self.unfilled[number], self.random.choice((1, 5, 10, 25)))
        self.unfilled[number] -= fill
        if not self.unfilled[number]:  # finished: it leaves the table
            del self.unfilled[number]
            self.numbers[position] = self.numbers[-1]
            self.numbers.pop()
        return self._make(number, OrderStatus.FILLED, self.unfilled.get(number, 0), fill)

    @staticmethod
    def _make(number: str, status: OrderStatus, unfilled: int, fill: int) -> OrderExecution:
        return OrderExecution(
            number,
            "0000000",
            "005930",
            "삼성전자",
            status,
            Side.BUY,
            "+매수",
            "보통",
            100,
            70_000,
            unfilled,
            (100 - unfilled) * 70_000,
            100 - unfilled,
            "090001",
            70_000 if fill else 0,
            fill,
            70_000,
        )


async def heartbeat(lateness: list[float], stop: asyncio.Event, period: float = 0.002) -> None:
    while not stop.is_set():
        expected = time.perf_counter() + period
        await asyncio.sleep(period)
        lateness.append(time.perf_counter() - expected)


async def push(desk: TradingDesk, feed: Feed, rate: float | None, seconds: float) -> tuple[int, float, float]:
    """Events for `seconds` at `rate` per second (None: as fast as possible); returns count, seconds, stall."""
    lateness: list[float] = []
    stop = asyncio.Event()
    monitor = asyncio.get_running_loop().create_task(heartbeat(lateness, stop))
    started = time.perf_counter()
    sent = 0
    batch = 10
    while (elapsed := time.perf_counter() - started) < seconds:
        for _ in range(batch):
            desk._on_event(feed.event())  # the app's own entry point for a real-time event
        sent += batch
        if rate is not None:
            ahead = sent / rate - (time.perf_counter() - started)
            await asyncio.sleep(max(ahead, 0))
        else:
            await asyncio.sleep(0)
    stop.set()
    await monitor
    return sent, elapsed, max(lateness, default=0.0)


def main(rows: int, rate: float, seconds: float) -> None:
    loop = qt_loop()
    with tempfile.TemporaryDirectory() as folder:
        sandbox = SandboxExchange(Path(folder) / "sandbox", seed=1, tick_interval=None).start()
        window = open_window(Path(folder), sandbox)
        window.soundAction.setChecked(False)
        act(loop, window.show)
        client = KiwoomClient(sandbox.rest_url, "bench", "bench")
        desk = TradingDesk(Environment.SANDBOX, client, window.session.journal)
        desk.subscribe(window.bridge)
        window.session.desk = desk
        act(loop, lambda: window.openOrders.apply_change(desk.ledger.replace(opening_rows(rows))))
        assert window.openOrders.orders.rowCount() == rows
        feed = Feed(rows)
        print(f"{rows:,} rows in a shown open-orders table (platform {os.environ['QT_QPA_PLATFORM']})")
        print(f"{'phase':<22}{'events':>9}{'events/s':>11}{'longest stall ms':>18}")
        for label, target in ((f"paced at {rate:,.0f}/s", rate), ("as fast as possible", None)):
            sent, elapsed, stall = complete(loop, push(desk, feed, target, seconds))
            print(f"{label:<22}{sent:>9,}{sent / elapsed:>11,.0f}{stall * 1000:>18.1f}")
        print(f"rows at the end: {window.openOrders.orders.rowCount():,}")
        window.session.desk = None
        complete(loop, client.aclose())
        sandbox.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Real-time events into a large open-orders table.")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=1_000)
    parser.add_argument("--seconds", type=float, default=5)
    arguments = parser.parse_args()
    main(arguments.rows, arguments.rate, arguments.seconds)
