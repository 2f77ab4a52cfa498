"""The day's review from the journal (#10): realized P/L by the average cost with both legs' fees, fees from the
orders' running totals, round trips and wins, the cumulative curve, and a CSV Excel reads as Korean."""

from __future__ import annotations

import csv
import io
from typing import Any

from kiwoom_desk.trading.review import review_csv, review_day

DAY = "2026-11-25"


def event(
    at: str, order_no: str, side: str, price: int, quantity: int, commission: int, tax: int = 0
) -> dict[str, Any]:
    return {
        "at": f"{at}+09:00",
        "time": at[11:19].replace(":", ""),
        "order_no": order_no,
        "stock_code": "005930",
        "stock_name": "삼성전자",
        "side": side,
        "status": "체결",
        "fill_price": price,
        "fill_quantity": quantity,
        "commission": commission,
        "tax": tax,
    }


def test_a_day_of_round_trips_is_reviewed_by_average_cost_and_both_legs_fees() -> None:
    executions = [
        event("2026-11-24T15:00:00.000", "0000001", "buy", 99, 5, 1),  # yesterday: carried into today at cost
        {**event("2026-11-25T09:00:00.000", "0000002", "buy", 0, 0, 0), "status": "접수"},  # not a fill
        event("2026-11-25T09:00:01.000", "0000002", "buy", 100, 4, 1),  # the order's fees so far: 1
        event("2026-11-25T09:00:02.000", "0000002", "buy", 101, 6, 2),  # now 2: this fill paid 1
        event("2026-11-25T10:00:00.000", "0000003", "sell", 110, 15, 2, 3),  # the whole position: flat
        event("2026-11-25T11:00:00.000", "0000004", "buy", 120, 2, 0),
        event("2026-11-25T11:30:00.000", "0000005", "sell", 110, 2, 0, 0),  # a losing round trip
    ]
    review = review_day(executions, DAY)
    cost = 5 * 99 + 1 + 4 * 100 + 1 + 6 * 101 + 1
    first = 15 * 110 - cost - 5
    assert [fill.realized for fill in review.fills] == [None, None, first, None, 2 * 110 - 240]
    assert [fill.fees for fill in review.fills] == [1, 1, 5, 0, 0]
    (stock,) = review.stocks.values()
    assert (stock.bought, stock.sold, stock.round_trips, stock.wins) == (12, 17, 2, 1)
    assert review.realized == first - 20 and review.fees == 7 and review.win_rate == 0.5
    assert [value for _at, value in review.curve] == [first, first - 20]


def test_a_sale_of_shares_from_before_the_journal_invents_no_profit() -> None:
    review = review_day([event("2026-11-25T09:00:00.000", "0000007", "sell", 110, 3, 0, 1)], DAY)
    (stock,) = review.stocks.values()
    assert stock.unknown_cost and review.realized == 0 and review.fills[0].realized is None
    assert review.round_trips == 0 and review.win_rate is None


def test_the_csv_opens_in_excel_with_korean_headers_and_plain_numbers() -> None:
    executions = [
        event("2026-11-25T09:00:01.000", "0000002", "buy", 71_300, 1_000, 10_695),
        event("2026-11-25T10:00:00.000", "0000003", "sell", 72_000, 1_000, 10_800, 144_000),
    ]
    data = review_csv(review_day(executions, DAY))
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["체결시각(KST)", "주문번호", "종목코드"] and rows[2][4] == "매도"
    assert rows[2][:3] == ["2026-11-25 10:00:00", '="0000003"', '="005930"']  # Excel's date; codes keep their 0s
    assert rows[2][5] == "72000"  # no separators
    total = rows[-1]
    assert total[0] == "합계" and int(total[4]) == 72_000_000 - 71_300_000 - 10_695 - 10_800 - 144_000
    assert total[6:] == ["1", "1"]  # one round trip, and it won


def test_credit_lots_are_apart_from_cash_and_the_exchanges_day_files_each_fill() -> None:
    """The Sandbox's KRX day runs days of its own: entries written on one computer day carry the exchange's day.
    A credit sale repays its lot, whose cost is not the cash shares' (the newcomer saw a blended cost)."""
    cash_buy = {**event("2026-12-07T17:00:00.000", "0000001", "buy", 71_000, 10, 0), "day": "20261208"}
    credit_buy = {
        **event("2026-12-07T17:01:00.000", "0000002", "buy", 72_100, 3, 0),
        "day": "20261208",
        "credit": "03",
        "loan_date": "20261208",
    }
    credit_sell = {
        **event("2026-12-07T17:05:00.000", "0000003", "sell", 73_000, 3, 0),
        "day": "20261209",
        "time": "091500",
        "credit": "33",
        "loan_date": "20261208",
    }
    review = review_day([cash_buy, credit_buy, credit_sell], "2026-12-09")
    assert review.realized == (73_000 - 72_100) * 3  # the lot's own cost, not the blend with the cash shares
    assert [fill.at for fill in review.fills] == ["2026-12-09T09:15:00"]  # the exchange's day and time
    assert review_day([cash_buy, credit_buy, credit_sell], "2026-12-07").fills == []  # the computer's day: none
    oldest_first = {**credit_sell, "credit": "99", "loan_date": ""}
    assert review_day([cash_buy, credit_buy, oldest_first], "2026-12-09").realized == (73_000 - 72_100) * 3
