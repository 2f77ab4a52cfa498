"""The review tab (#10, `reviewPanel`) on a real Sandbox: a day's realized P/L per stock and its totals agree with
Kiwoom's own trade journal (ka10170), the curve ends at the day's total, an earlier day reads from the journal
alone, and Export CSV (`exportCsvButton`) writes what Excel opens: UTF-8 with a BOM, Korean headers, plain numbers."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QLineEdit

from tests.window_support import modal

from .conftest import Desk

SAMSUNG = "005930"


def round_trip(desk: Desk, buy: int, sell: int, quantity: int) -> None:
    """Buys at `buy` and sells at `sell`, each filled by the market moving there."""
    for price, selling in ((buy, False), (sell, True)):
        desk.sandbox.set_price(SAMSUNG, price, depth=1_000)
        desk.fill(SAMSUNG, 0, quantity, trade_type="3", sell=selling)  # at the market: fills at once
        desk.until(lambda: not desk.ticket.busy, "no answer", action=desk.ticket.submitButton.click)
        desk.until(lambda: desk.open_order_numbers() == [], "the order did not fill")


def review_of(desk: Desk) -> Any:
    return review_of_in(desk, "매매일지")


def review_of_in(desk: Desk, tab: str) -> Any:
    panel = desk.window.reviewPanel
    desk.act(lambda: desk.window.orderTabs.setCurrentWidget(panel))
    assert desk.window.orderTabs.tabText(desk.window.orderTabs.currentIndex()) == tab
    return panel


def test_the_days_review_agrees_with_kiwooms_trade_journal(desk: Desk) -> None:
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    round_trip(desk, 71_000, 71_500, 10)  # a win before fees
    round_trip(desk, 71_500, 70_000, 4)  # a loss
    assert desk.window.desk is not None
    server = desk.complete(desk.window.desk.client.trade_journal())
    panel = review_of(desk)
    desk.until(lambda: panel.review.round_trips == 2, "the review never counted both round trips")
    assert panel.objectName() == "reviewPanel"
    assert panel.review.realized == server.total_profit and panel.review.fees == server.total_fees_and_tax
    model = panel.table.model()
    row = [str(model.index(0, column).data()) for column in range(model.columnCount())]
    assert row == [
        SAMSUNG,
        "삼성전자",
        "14",
        "14",
        f"{server.total_profit:+,}",
        f"{server.total_fees_and_tax:,}",
        "2",
        "1",
    ]
    assert f"{server.total_profit:+,}" in panel.totalsLabel.text() and "왕복 2회 · 승률 50%" in panel.totalsLabel.text()
    desk.until(lambda: f"손익 {server.total_profit:+,}" in panel.serverLabel.text(), "Kiwoom's figures not shown")
    desk.until(lambda: len(panel.curve.values) == 3, "no curve of the day")
    assert panel.curve.values[0] == 0 and panel.curve.values[-1] == server.total_profit

    desk.act(lambda: panel.dateEdit.setDate(panel.dateEdit.date().addDays(-1)))  # yesterday: nothing traded
    assert panel.table.model().rowCount() == 0 and panel.serverLabel.text() == "" and panel.curve.values == []
    desk.act(lambda: panel.dateEdit.setDate(panel.dateEdit.date().addDays(1)))
    assert panel.table.model().rowCount() == 1
    assert panel.dateEdit.maximumDate() == panel.dateEdit.date()  # no review of tomorrow


def test_a_fill_while_the_review_is_open_updates_it(desk: Desk) -> None:
    panel = review_of(desk)
    assert panel.review.realized == 0 and "실현손익 <b style='color:#424242'>0</b>" in panel.totalsLabel.text()
    round_trip(desk, 71_000, 72_000, 3)
    desk.until(lambda: panel.review.round_trips == 1 and panel.review.realized > 0, "the open review did not follow")


def test_export_csv_writes_the_days_fills_and_summary_for_excel(desk: Desk, tmp_path: Path) -> None:
    round_trip(desk, 71_000, 71_500, 10)
    panel = review_of(desk)
    desk.until(lambda: panel.review.round_trips == 1, "no round trip in the review")
    button = panel.exportCsvButton
    assert button.objectName() == "exportCsvButton" and button.text() == "CSV 내보내기..."
    dialog = desk.until(lambda: modal(QFileDialog, "exportCsvDialog"), "no save dialog", action=button.click)
    assert dialog.selectedFiles()[0].endswith(f"kiwoom-desk-sandbox-{panel.day}.csv")
    target = tmp_path / "review.csv"
    name = dialog.findChild(QLineEdit, "fileNameEdit")  # typed as the trader would; the suffix is added
    desk.act(lambda: name.setText(str(tmp_path / "review")))
    desk.act(dialog.accept)
    desk.until(target.exists, "nothing written")
    assert desk.window.status.message.toolTip() == f"저장했습니다: {target}" or f"저장했습니다: {target}" in (
        desk.window.status.message.text()
    )
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read Korean text as UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == [
        "체결시각(KST)",
        "주문번호",
        "종목코드",
        "종목명",
        "구분",
        "체결가",
        "체결수량",
        "수수료·세금",
        "실현손익",
    ]
    buy, sell = rows[1], rows[2]
    bought, sold = panel.review.fills
    code, number, other = f'="{SAMSUNG}"', f'="{bought.order_no}"', f'="{sold.order_no}"'  # kept as text
    assert buy[1:8] == [number, code, "삼성전자", "매수", str(bought.price), "10", str(bought.fees)]
    assert sell[1:8] == [other, code, "삼성전자", "매도", str(sold.price), "10", str(sold.fees)]
    assert buy[8] == "" and 71_000 <= bought.price < sold.price
    assert re.fullmatch(rf"{panel.day} \d\d:\d\d:\d\d", buy[0])  # KST, as Excel reads a date and time
    assert rows[3] == []  # one blank row between the fills and the summary
    summary = rows[4:]
    assert summary[0][:3] == ["종목코드", "종목명", "매수수량"]
    total = summary[-1]
    assert total[0] == "합계" and int(total[4]) == panel.review.realized == int(sell[8])
    assert all("," not in value for row in rows for value in row[5:])  # no thousands separators


def test_in_english_the_csv_speaks_english(desk: Desk, tmp_path: Path) -> None:
    round_trip(desk, 71_000, 71_500, 2)
    desk.act(lambda: desk.window.set_language("en"))
    panel = review_of_in(desk, "Review")
    desk.until(lambda: panel.review.round_trips == 1, "no round trip in the review")
    panel.export(tmp_path / "review-en.csv")
    rows = list(csv.reader((tmp_path / "review-en.csv").read_bytes().decode("utf-8-sig").splitlines()))
    assert rows[0][:5] == ["Time (KST)", "Order no.", "Code", "Name", "Side"] and rows[1][4] == "Buy"
    assert rows[-1][0] == "Total" and panel.exportCsvButton.text() == "Export CSV..."
    desk.act(lambda: desk.window.set_language("ko"))
