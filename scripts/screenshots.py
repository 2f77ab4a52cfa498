"""Writes PNGs of the main window (with its chart) in each environment, of the fills and the review tabs, of the
order confirmation, of a ticket over the trader's limits, of the Settings dialogs and of a KRX day in the Sandbox
with a VI, at 1366x768 and 1920x1080.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [out-folder]

Mock and Real point at the Sandbox here (nothing outside this machine is reachable), with keys in a memory
keyring; what differs on screen is exactly what differs for the trader: labels, colours, banner, confirmations.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import Side, TradeType
from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.storage.credentials import Credentials
from kiwoom_desk.trading.rules import RiskLimits
from kiwoom_desk.ui import dialogs
from kiwoom_desk.ui.hotkeys_dialog import HotkeysDialog
from kiwoom_desk.ui.main_window import MainWindow
from kiwoom_desk.ui.risk_limits import RiskLimitsDialog
from kiwoom_desk.ui.sandbox_clock import SandboxClockDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ lives in the checkout
from tests.window_support import act, complete, modal, open_window, qt_loop, run_until


def main(out: Path, language: str = "ko") -> None:
    out.mkdir(parents=True, exist_ok=True)
    loop = qt_loop()
    with tempfile.TemporaryDirectory() as folder:
        sandbox = SandboxExchange(Path(folder) / "sandbox", seed=3, tick_interval=None).start()
        window = open_window(Path(folder), sandbox, every_environment=True)
        if language != "ko":
            window.set_language(language)
        for environment in (Environment.MOCK, Environment.REAL):
            window.session.credentials.save(
                environment, Credentials(f"{environment}-key-1234", f"{environment}-secret")
            )
        window.menus.confirmAction.setChecked(False)
        sandbox.set_price("005930", 71_200, depth=300)
        act(loop, window.show)
        complete(loop, window.start(Environment.SANDBOX))
        ticket = window.ticket

        def order(side: Side, price: int, quantity: int) -> None:
            act(loop, lambda: ticket.load(side, "005930", TradeType.LIMIT, price, quantity))
            run_until(loop, lambda: ticket.quote is not None and ticket.submitButton.isEnabled(), "ticket not ready")

        order(Side.BUY, 71_300, 20)
        run_until(loop, lambda: window.positions.positions.rowCount() == 1, "no fill", action=ticket.submitButton.click)
        order(Side.SELL, 71_100, 8)  # a round trip for the review: 8 of the 20 sold at the bid
        sold = window.reviewPanel.review
        run_until(loop, lambda: window.fillsTable.fills.rowCount() == 2, "no sale", action=ticket.submitButton.click)
        run_until(loop, lambda: window.chart.series is not None, "the chart never loaded")
        order(Side.BUY, 70_000, 10)
        run_until(loop, lambda: window.openOrders.orders.rowCount() == 1, "no order", action=ticket.submitButton.click)
        order(Side.BUY, 71_000, 5)
        cash = window.positions.totalsLabel
        run_until(loop, lambda: "주문가능 10,000,000" not in cash.text(), "the cash the orders reserved was never read")
        run_until(loop, lambda: window.chart.plot.order_prices == [70_000], "the chart's order lines")
        for width, height in ((1366, 768), (1920, 1080)):
            act(loop, partial(window.resize, width, height))
            act(loop, lambda: None)  # the book re-centres once laid out
            window.grab().save(str(out / f"sandbox-{language}-{width}x{height}.png"))
        act(loop, lambda: window.resize(1366, 768))
        act(loop, lambda: window.orderTabs.setCurrentIndex(1))  # 체결: today's fills
        window.grab().save(str(out / f"fills-{language}-1366x768.png"))
        act(loop, window.watchlistDock.show)  # 관심종목, from 영웅문's groups (the Sandbox's stand-ins)
        complete(loop, window.watchlist.import_hts())
        run_until(loop, lambda: all(row.price for row in window.watchlist.rows.rows()), "the watchlist's quotes")
        act(loop, lambda: window.resize(1920, 1080))
        act(loop, lambda: window.resizeDocks([window.watchlistDock], [440], Qt.Orientation.Horizontal))  # as opened
        window.grab().save(str(out / f"watchlist-{language}-1920x1080.png"))
        scanner_shots(loop, window, sandbox, out, language)
        act(loop, window.watchlistDock.hide)
        act(loop, lambda: window.resize(1366, 768))
        act(loop, lambda: window.orderTabs.setCurrentWidget(window.reviewPanel))  # 매매일지: the day's review
        run_until(loop, lambda: window.reviewPanel.review is not sold, "the review never read the journal")
        for width, height in ((1366, 768), (1920, 1080)):
            act(loop, partial(window.resize, width, height))
            window.grab().save(str(out / f"review-{language}-{width}x{height}.png"))
        act(loop, lambda: window.resize(1366, 768))
        act(loop, lambda: window.orderTabs.setCurrentIndex(0))
        window.session.set_limits(Environment.SANDBOX, RiskLimits(max_quantity=50, max_distance_percent=10))
        act(loop, lambda: ticket.load(Side.BUY, "005930", TradeType.LIMIT, 71_300, 60))
        run_until(loop, lambda: ticket.limits.overrideCheck.isVisible(), "no limit problem")
        act(loop, ticket.tried_to_send)
        ticket.grab().save(str(out / f"ticket-over-limits-{language}.png"))
        credit_shots(loop, window, out, language)
        settings_dialogs(loop, window, out, language)
        for environment in (Environment.MOCK, Environment.REAL):
            task = loop.create_task(window.switch_to(environment))
            if environment is Environment.REAL:
                box = run_until(loop, lambda: modal(dialogs.RealModeDialog, "realModeDialog"), "no Real dialog")
                box.grab().save(str(out / f"real-switch-{language}.png"))
                act(loop, box.enterButton.click)
            run_until(loop, task.done, "the switch did not finish")
            order(Side.SELL, 71_500, 5)
            for width, height in ((1366, 768), (1920, 1080)):
                act(loop, partial(window.resize, width, height))
                act(loop, lambda: None)  # the book re-centres once laid out
                window.grab().save(str(out / f"{environment.value}-{language}-{width}x{height}.png"))
        act(loop, lambda: window.resize(1366, 768))
        act(loop, ticket.submitButton.click)
        dialog = run_until(loop, lambda: modal(dialogs.ConfirmOrderDialog, "confirmOrderDialog"), "no confirmation")
        dialog.grab().save(str(out / f"confirm-order-real-{language}.png"))
        act(loop, dialog.reject)
        act(loop, lambda: ticket.stockCodeEdit.setText("005930"))
        act(loop, lambda: ticket.priceSpin.setValue(71_550))
        ticket.grab().save(str(out / f"ticket-invalid-{language}.png"))
        act(loop, window.menus.aboutAction.trigger)
        about = run_until(loop, lambda: modal(dialogs.AboutDialog, "aboutDialog"), "no About dialog")
        about.grab().save(str(out / f"about-{language}.png"))
        act(loop, about.reject)
        complete(loop, window.shutdown())
        sandbox.stop()
    krx_day_shots(loop, out, language)
    print(f"screenshots in {out}")


def krx_day_shots(loop: asyncio.AbstractEventLoop, out: Path, language: str) -> None:
    """The Sandbox on the KRX clock at 10:00, 10x: the phase, its countdown and the Sandbox's clock in the status bar,
    a static VI on 삼성전자 marked in the ticket, the book, the watchlist and the open orders (the types its auction
    can't take greyed), and Settings › Sandbox clock."""
    with tempfile.TemporaryDirectory() as folder:
        sandbox = SandboxExchange(
            Path(folder) / "sandbox", seed=3, tick_interval=None, mode="krx", speed=10, start="10:00"
        ).start()
        window = open_window(Path(folder), sandbox, every_environment=True)
        if language != "ko":
            window.set_language(language)
        window.menus.confirmAction.setChecked(False)
        sandbox.set_price("005930", 71_200, depth=300)
        act(loop, window.show)
        complete(loop, window.start(Environment.SANDBOX))
        ticket = window.ticket
        act(loop, lambda: ticket.load(Side.BUY, "005930", TradeType.LIMIT, 70_000, 10))
        run_until(loop, lambda: ticket.quote is not None and ticket.submitButton.isEnabled(), "ticket not ready")
        run_until(loop, lambda: window.openOrders.orders.rowCount() == 1, "no order", action=ticket.submitButton.click)
        act(loop, window.watchlistDock.show)
        complete(loop, window.watchlist.import_hts())
        act(loop, window.watchlist.add_ticket_stock)
        run_until(loop, lambda: all(row.price for row in window.watchlist.rows.rows()), "the watchlist's quotes")
        sandbox.force_vi("005930", "static")
        run_until(loop, ticket.bookHeader.isVisible, "no VI on screen")
        run_until(loop, lambda: "×10" in window.status.clock.text(), "the Sandbox's clock never showed")
        act(loop, lambda: ticket.tradeTypeCombo.setCurrentIndex(ticket.tradeTypeCombo.findData(TradeType.BEST_LIMIT)))
        for width, height in ((1366, 768), (1920, 1080)):
            act(loop, partial(window.resize, width, height))
            act(loop, lambda: None)
            window.grab().save(str(out / f"krx-day-vi-{language}-{width}x{height}.png"))
        task = loop.create_task(window.menus.sandboxClock.edit())
        dialog = run_until(loop, lambda: modal(SandboxClockDialog, "sandboxClockDialog"), "no Sandbox clock dialog")
        dialog.grab().save(str(out / f"sandbox-clock-{language}.png"))
        act(loop, dialog.reject)
        run_until(loop, task.done, "the Sandbox clock dialog did not close")
        complete(loop, window.shutdown())
        sandbox.stop()


def scanner_shots(
    loop: asyncio.AbstractEventLoop, window: MainWindow, sandbox: SandboxExchange, out: Path, language: str
) -> None:
    """순위 (gainers), 조건검색 (a live condition with an entry and an exit) and 투자자, beside the chart."""
    scanner = window.scanner
    sandbox.advance(30)
    sandbox.set_price("000660", 240_000)  # SK하이닉스 near its upper limit: a gainer, and 상한가 근접
    for dock in (*scanner.docks, window.watchlistDock):
        act(loop, dock.show)
    act(loop, scanner.rankingDock.raise_)
    panel = scanner.rankings
    act(loop, lambda: panel.kindCombo.setCurrentIndex(panel.kindCombo.findData("risers")))
    act(loop, panel.refreshButton.click)
    run_until(
        loop,
        lambda: (
            (panel.rows.rowCount() > 5 and "000660" in panel.statusLabel.text())
            or (panel.rows.rowCount() > 5 and panel.rows.row(0).code == "000660")
        ),
        "no gainers",
    )
    for width, height in ((1366, 768), (1920, 1080)):
        act(loop, partial(window.resize, width, height))
        act(loop, lambda: None)
        window.grab().save(str(out / f"rankings-{language}-{width}x{height}.png"))
    act(loop, scanner.conditionDock.raise_)
    conditions = scanner.conditions
    run_until(loop, lambda: conditions.conditionCombo.count() == 4, "no conditions")
    act(loop, lambda: conditions.conditionCombo.setCurrentIndex(2))
    act(loop, conditions.liveButton.click)
    run_until(loop, lambda: conditions.rows.rowCount() == 1, "the live condition found nothing")
    sandbox.set_price("005930", 88_000)  # enters
    run_until(loop, lambda: conditions.rows.rowCount() == 2, "no entry")
    sandbox.set_price("000660", 200_000)  # leaves
    run_until(loop, lambda: conditions.rows.get("000660") is not None and conditions.rows.get("000660").left, "exit")
    sandbox.set_price("005930", 71_200)
    for width, height in ((1366, 768), (1920, 1080)):
        act(loop, partial(window.resize, width, height))
        act(loop, lambda: None)
        window.grab().save(str(out / f"conditions-{language}-{width}x{height}.png"))
    act(loop, conditions.liveButton.click)
    act(loop, scanner.flowDock.raise_)
    run_until(loop, lambda: scanner.flows.days.rowCount() == 20, "no investor flows")
    for width, height in ((1366, 768), (1920, 1080)):
        act(loop, partial(window.resize, width, height))
        act(loop, lambda: None)
        window.grab().save(str(out / f"investors-{language}-{width}x{height}.png"))
    for dock in scanner.docks:
        act(loop, dock.hide)
    act(loop, window.watchlistDock.raise_)


def credit_shots(loop: asyncio.AbstractEventLoop, window: MainWindow, out: Path, language: str) -> None:
    """신용: the ticket's credit buy with the stock's margin, its confirmation, the lot apart from the cash position
    with a resting credit order, a credit sell of the lot, and an ETF's greyed choice."""
    ticket, credit = window.ticket, window.ticket.credit
    positions = window.positions.positions

    def load(side: Side, code: str, kind: TradeType, price: int, quantity: int, loan: str | None = None) -> None:
        act(loop, lambda: ticket.load(side, code, kind, price, quantity, loan is not None, loan or ""))
        run_until(loop, lambda: ticket.quote is not None and ticket.quote.code == code, "no quote")

    load(Side.BUY, "005930", TradeType.MARKET, 0, 3, "")
    run_until(loop, lambda: credit.creditLabel.text() != "", "the margin was never shown")
    ticket.grab().save(str(out / f"ticket-credit-buy-{language}.png"))
    act(loop, lambda: window.menus.confirmAction.setChecked(True))
    act(loop, ticket.submitButton.click)
    dialog = run_until(loop, lambda: modal(dialogs.ConfirmOrderDialog, "confirmOrderDialog"), "no confirmation")
    dialog.grab().save(str(out / f"confirm-credit-buy-{language}.png"))
    act(loop, dialog.sendButton.click)
    act(loop, lambda: window.menus.confirmAction.setChecked(False))
    run_until(loop, lambda: any(p.on_credit and p.loan_amount for p in positions.rows()), "no credit lot")
    load(Side.BUY, "005930", TradeType.LIMIT, 69_000, 2, "")
    resting = lambda: [o for o in window.openOrders.orders.rows() if o.on_credit]  # noqa: E731
    run_until(loop, resting, "no resting credit order", action=ticket.submitButton.click)
    run_until(loop, lambda: window.desk is not None and bool(window.desk.portfolio.total_loan), "no loans (kt00018)")
    for width, height in ((1366, 768), (1920, 1080)):
        act(loop, partial(window.resize, width, height))
        act(loop, lambda: None)
        window.grab().save(str(out / f"credit-sandbox-{language}-{width}x{height}.png"))
    act(loop, lambda: window.resize(1366, 768))
    lot = next(p for p in positions.rows() if p.on_credit)
    act(loop, lambda: window.orderActions.prefill_sell(lot))
    run_until(loop, lambda: ticket.quote is not None and ticket.ticket().credit, "no credit sell")
    ticket.grab().save(str(out / f"ticket-credit-sell-{language}.png"))
    load(Side.BUY, "069500", TradeType.MARKET, 0, 1)
    run_until(loop, lambda: not credit.creditCombo.model().item(1).isEnabled(), "the ETF's credit is not greyed")  # type: ignore[attr-defined]
    ticket.grab().save(str(out / f"ticket-credit-ineligible-{language}.png"))
    act(loop, lambda: window.orderActions.cancel_orders(resting()))  # by kt10009; the later shots as they were
    run_until(loop, lambda: not resting(), "the credit order stays")


def settings_dialogs(loop: asyncio.AbstractEventLoop, window: MainWindow, out: Path, language: str) -> None:
    """Settings > Order limits, and Settings > Hotkeys with a refused key."""
    task = loop.create_task(window.menus.edit_limits())
    limits = run_until(loop, lambda: modal(RiskLimitsDialog, "riskLimitsDialog"), "no limits dialog")
    limits.grab().save(str(out / f"order-limits-{language}.png"))
    act(loop, limits.reject)
    run_until(loop, task.done, "the limits dialog did not close")
    task = loop.create_task(window.menus.edit_hotkeys())
    hotkeys = run_until(loop, lambda: modal(HotkeysDialog, "hotkeysDialog"), "no hotkeys dialog")
    act(loop, lambda: hotkeys.edits["sellSide"].setKeySequence(QKeySequence("F2")))  # refused: the buy side's
    hotkeys.grab().save(str(out / f"hotkeys-{language}.png"))
    act(loop, hotkeys.reject)
    run_until(loop, task.done, "the hotkeys dialog did not close")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots"), *sys.argv[2:3])
