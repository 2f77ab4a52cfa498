"""Real-time load on the real window: 1,000 order events per second into an open-orders table of 10,000 rows, then
the same with the market moving the ticket's stock (200 trades and 200 book updates a second: the quote line,
the 20-level book, the held position's price and the chart follow them; the chart first loads the stock's
one-minute candles from the Sandbox, and its forming candle, fill marks and order lines then follow the events).

Events take the app's own path: TradingDesk._on_event -> ledger or portfolio -> bridge signal -> the window (one
row's dataChanged, the fill message and flash; the ticket's quote and book; the positions). A heartbeat coroutine
measures how late the event loop runs: its longest stall is what a trader would feel as a frozen window (one
frame at 60 Hz is 16.7 ms). The last phase pushes order events as fast as it can.

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
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from kiwoom_desk.collector import keep_collections_short
from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import BookLevel, KiwoomClient, OpenOrder, OrderStatus, Side
from kiwoom_desk.kiwoom.events import BookUpdate, OrderExecution, Trade
from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.storage.watchlists import Watchlist
from kiwoom_desk.trading.desk import TradingDesk
from kiwoom_desk.trading.rules import Quote
from kiwoom_desk.trading.sessions import KST
from kiwoom_desk.trading.ticks import PriceLimits, tick_size
from kiwoom_desk.trading.watchlist import Watchlists
from kiwoom_desk.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ lives in the checkout
from tests.window_support import act, complete, open_window, qt_loop, run_until


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
            datetime.now(KST).strftime("%H%M%S"),
            70_000 if fill else 0,
            fill,
            70_000,
        )


async def heartbeat(lateness: list[float], stop: asyncio.Event, period: float = 0.002) -> None:
    while not stop.is_set():
        expected = time.perf_counter() + period
        await asyncio.sleep(period)
        lateness.append(time.perf_counter() - expected)


class Market:
    """The ticket's stock trading: a random walk of trades, each with a fresh 10-level book around it, and after
    each a trade of another stock on the same feed (a held stock's: it must not hide the ticket's)."""

    def __init__(self, code: str) -> None:
        self.code, self.price, self.random = code, 70_000, random.Random(2)
        self.volume = 10_000_000  # the day's cumulative volume (FID 13), which the chart's volume bars count

    def events(self) -> tuple[Trade, BookUpdate, Trade]:
        self.price += self.random.choice((-100, 0, 100))
        self.volume += self.random.choice((1, 10, 100))
        now = datetime.now(KST).strftime("%H%M%S")  # the chart's forming candle is now's: a new one each minute
        trade = Trade(self.code, now, self.price, self.price - 70_000, None, 0, self.volume)
        asks = [BookLevel(price=self.price + 100 * (level + 1), quantity=300) for level in range(10)]
        bids = [BookLevel(price=self.price - 100 * level, quantity=300) for level in range(10)]
        other = Trade("000660", "090001", 188_000 + self.price % 1_000, 0, None, 0, 1)
        return trade, BookUpdate(self.code, "090001", list(asks), list(bids)), other


class Watched:
    """A watchlist's stocks trading: each call, the next stock in turn trades a tick away from its last price."""

    def __init__(self, codes: list[str], prices: dict[str, int]) -> None:
        self.codes, self.prices, self.turn, self.random = codes, dict(prices), 0, random.Random(3)
        self.volume = 1_000_000

    def events(self) -> list[Trade]:
        code = self.codes[self.turn % len(self.codes)]
        self.turn += 1
        self.prices[code] += self.random.choice((-1, 1)) * tick_size(self.prices[code])
        self.volume += 10
        now = datetime.now(KST).strftime("%H%M%S")
        return [Trade(code, now, self.prices[code], None, None, 0, self.volume)]


async def push(
    desk: TradingDesk,
    feed: Feed,
    rate: float | None,
    seconds: float,
    market: Market | None = None,
    watched: Watched | None = None,
) -> tuple[int, float, float]:
    """Order events for `seconds` at `rate` per second (None: as fast as possible), with 2 trades and 2 books of
    `market` and 2 trades of `watched` for every 10; returns the order events sent, the seconds taken and the
    longest stall."""
    lateness: list[float] = []
    stop = asyncio.Event()
    monitor = asyncio.get_running_loop().create_task(heartbeat(lateness, stop))
    started = time.perf_counter()
    sent = 0
    batch = 10
    while (elapsed := time.perf_counter() - started) < seconds:
        for _ in range(batch):
            desk._on_event(feed.event())  # the app's own entry point for a real-time event
        for source in (market, watched):
            for _ in range(2 if source is not None else 0):
                for event in source.events():  # type: ignore[union-attr]
                    desk._on_event(event)
        sent += batch
        if rate is not None:
            ahead = sent / rate - (time.perf_counter() - started)
            await asyncio.sleep(max(ahead, 0))
        else:
            await asyncio.sleep(0)
    stop.set()
    await monitor
    return sent, elapsed, max(lateness, default=0.0)


def watch_forty(loop: asyncio.AbstractEventLoop, window: MainWindow) -> Watched:
    """A watchlist of 40 of the Sandbox's stocks, shown with their ka10095 quotes, ready to trade."""
    window.watchlistDock.show()
    listed = complete(loop, window.session.desk.client.stock_list("0"))  # type: ignore[union-attr]
    listed += complete(loop, window.session.desk.client.stock_list("10"))  # type: ignore[union-attr]
    codes = [listing.code for listing in listed if listing.code not in ("005930", "000660")][:40]  # not the market's
    window.watchlist.watchlists = Watchlists([Watchlist("bench", codes)])
    act(loop, window.watchlist.reload)
    run_until(loop, lambda: all(row.price for row in window.watchlist.rows.rows()), "the watchlist's quotes")
    return Watched(codes, {row.code: row.price or 0 for row in window.watchlist.rows.rows()})


def chart_stall(loop: asyncio.AbstractEventLoop, window: MainWindow, quote: Quote) -> float:
    """The ticket takes `quote`'s stock; waits for the chart to load the stock's candles (ka10080 from the
    Sandbox) and returns the longest stall meanwhile."""

    async def loaded() -> float:
        lateness: list[float] = []
        stop = asyncio.Event()
        monitor = asyncio.get_running_loop().create_task(heartbeat(lateness, stop))
        await asyncio.sleep(0.05)
        window.ticket.set_quote(quote)
        while window.chart.series is None:  # noqa: ASYNC110 - the chart has no event to wait on
            await asyncio.sleep(0.01)
        stop.set()
        await monitor
        return max(lateness, default=0.0)

    return float(complete(loop, loaded()))


def main(rows: int, rate: float, seconds: float) -> None:
    loop = qt_loop()
    with tempfile.TemporaryDirectory() as folder:
        sandbox = SandboxExchange(Path(folder) / "sandbox", seed=1, tick_interval=None).start()
        window = open_window(Path(folder), sandbox)
        for sound in window.menus.soundActions.values():
            sound.setChecked(False)
        act(loop, window.show)
        client = KiwoomClient(sandbox.rest_url, "bench", "bench")
        desk = TradingDesk(Environment.SANDBOX, client, window.session.journal)
        desk.subscribe(window.bridge)
        window.session.desk = desk
        keep_collections_short()  # as the app does once connected, before the orders arrive
        act(loop, lambda: window.openOrders.apply_change(desk.ledger.replace(opening_rows(rows))))
        assert window.openOrders.orders.rowCount() == rows
        feed, market = Feed(rows), Market("005930")
        quote = Quote("005930", "삼성전자", 70_000, PriceLimits(70_000, 91_000, 49_000))
        print(f"{rows:,} rows in a shown open-orders table (platform {os.environ['QT_QPA_PLATFORM']})")
        print(f"{'phase':<40}{'order events':>13}{'events/s':>10}{'longest stall ms':>18}")
        phases = (  # the ticket then sits on the stock of every order: its book's 내 주문 follows them too
            (f"orders paced at {rate:,.0f}/s", rate, None),
            ("orders as fast as possible", None, None),
            (f"paced, + ticket's stock {rate / 5:,.0f} trades/s", rate, market),
        )
        for label, target, moving in phases:
            if moving is not None:
                stall = chart_stall(loop, window, quote)
                print(f"{'the chart loads its candles (ka10080)':<40}{'':>13}{'':>10}{stall * 1000:>18.1f}")
            sent, elapsed, stall = complete(loop, push(desk, feed, target, seconds, moving))
            print(f"{label:<40}{sent:>13,}{sent / elapsed:>10,.0f}{stall * 1000:>18.1f}")
        watched = watch_forty(loop, window)
        sent, elapsed, stall = complete(loop, push(desk, feed, rate, seconds, market, watched))
        label = f"  + a {len(watched.codes)}-stock watchlist, {rate / 5:,.0f} trades/s"
        print(f"{label:<40}{sent:>13,}{sent / elapsed:>10,.0f}{stall * 1000:>18.1f}")
        run_until(loop, lambda: {r.code: r.price for r in window.watchlist.rows.rows()} == watched.prices, "rows")
        print(f"watchlist: {window.watchlist.rows.rowCount()} rows, each at its stock's last trade")
        run_until(loop, lambda: f"{market.price:,}" in window.ticket.stockLabel.text(), "the last frame never came")
        chart = window.chart
        assert chart.series is not None
        assert chart.plot.candles[-1].close == market.price, "the chart did not follow the market"
        print(f"chart: {len(chart.series.candles)} one-minute candles, the last at {market.price:,}")
        shown = window.ticket.stockLabel.text()
        assert f"{market.price:,}" in shown, f"the quote line did not follow the market: {shown}"
        table = {order.order_no: order.unfilled for order in window.openOrders.orders.rows()}
        assert table == feed.unfilled, "the table lost or reordered an order event"  # nothing dropped for the ledger
        print(f"rows at the end: {window.openOrders.orders.rowCount():,}, each as the events left it")
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
