"""ka10080 and ka10081 (#10): candles that agree with the Sandbox's market: today's from the trades it printed,
ending at the live price; earlier ones deterministic under the seed and joining today's base price, no gap."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiwoom_desk.trading.ticks import is_on_tick

from .conftest import FakeClock, Wire, running

SAMSUNG = "005930"
WEDNESDAY_10AM = datetime(2026, 11, 25, 10, 0, 0, tzinfo=FakeClock().now.tzinfo)


def price(text: str) -> int:
    return abs(int(text))


def daily(wire: Wire, base_dt: str = "20261125") -> list[dict[str, str]]:
    rows: list[dict[str, str]] = wire.call("ka10081", {"stk_cd": SAMSUNG, "base_dt": base_dt, "upd_stkpc_tp": "1"})[
        "stk_dt_pole_chart_qry"
    ]
    return rows


def minutes(wire: Wire, scope: str) -> list[dict[str, str]]:
    body = {"stk_cd": SAMSUNG, "tic_scope": scope, "upd_stkpc_tp": "1", "base_dt": ""}
    rows: list[dict[str, str]] = wire.call("ka10080", body)["stk_min_pole_chart_qry"]
    return rows


def test_daily_candles_reach_a_year_back_and_join_the_live_price(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path / "a", page_size=1_000, clock=clock) as (exchange, wire):
        exchange.set_price(SAMSUNG, 71_500, depth=100)
        rows = daily(wire)
        base = exchange.quote(SAMSUNG).base_price
        again = daily(wire)
    assert len(rows) >= 251 and rows == again  # today and 250 trading days before it, the same each time
    today, yesterday = rows[0], rows[1]
    assert today["dt"] == "20261125" and today["cur_prc"] == "71500"  # plain won: ka10081's prices carry no sign
    assert price(yesterday["cur_prc"]) == base  # yesterday closed where today's limits are drawn from
    assert int(today["pred_pre"]) == 71_500 - base
    days = [row["dt"] for row in rows]
    assert days == sorted(days, reverse=True) and all(datetime.strptime(d, "%Y%m%d").weekday() < 5 for d in days)
    for row in rows:
        o, h, lo, c = (price(row[key]) for key in ("open_pric", "high_pric", "low_pric", "cur_prc"))
        assert lo <= min(o, c) <= max(o, c) <= h and all(is_on_tick(p) for p in (o, h, lo, c)), row
    with running(tmp_path / "b", page_size=1_000, clock=clock) as (other, other_wire):  # the same seed, the same past
        other.set_price(SAMSUNG, 71_500, depth=100)
        assert daily(other_wire)[1:] == rows[1:]
        assert [row["dt"] for row in daily(other_wire, "20261120")][:2] == ["20261120", "20261119"]


def test_todays_minutes_are_the_trades_printed_and_earlier_days_join_up(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, page_size=5_000, clock=clock) as (exchange, wire):
        base = exchange.quote(SAMSUNG).base_price
        for seconds, moved_to in ((5, 71_300), (20, 71_600), (50, 71_100), (70, 71_400), (190, 71_200)):
            clock.now = WEDNESDAY_10AM + timedelta(seconds=seconds)
            exchange.set_price(SAMSUNG, moved_to, depth=100)
        one = minutes(wire, "1")
        three = minutes(wire, "3")
        with pytest.raises(AssertionError):
            minutes(wire, "2")  # not a scope the spec lists
    today = [row for row in one if row["cntr_tm"].startswith("20261125")]
    assert [row["cntr_tm"] for row in today] == ["20261125100300", "20261125100100", "20261125100000"]
    newest, first = today[0], today[-1]
    assert price(newest["cur_prc"]) == 71_200  # the live price
    assert [price(first[k]) for k in ("open_pric", "high_pric", "low_pric", "cur_prc")] == [
        71_300,
        71_600,
        71_100,
        71_100,
    ]
    three_today = [row for row in three if row["cntr_tm"].startswith("20261125")]
    assert [row["cntr_tm"] for row in three_today] == ["20261125100300", "20261125100000"]  # 10:00-10:02 in one
    assert [price(three_today[1][k]) for k in ("open_pric", "high_pric", "low_pric", "cur_prc")] == [
        71_300,
        71_600,
        71_100,
        71_400,
    ]
    yesterday = [row for row in one if row["cntr_tm"].startswith("20261124")]
    assert yesterday[0]["cntr_tm"] == "20261124152900" and price(yesterday[0]["cur_prc"]) == base  # no gap
    assert len(yesterday) == 390 and all(row["cntr_tm"][8:12] >= "0900" for row in yesterday)
    stamps = [row["cntr_tm"] for row in one]
    assert stamps == sorted(stamps, reverse=True)


def test_trades_before_nine_get_candles_of_their_own_and_yesterdays_tape_is_not_today(tmp_path: Path) -> None:
    """The Sandbox trades around the clock: a 03:00 trade is a 03:00 candle, not part of a future 09:00 one; and
    after midnight, before any new trade, yesterday's minutes do not stand in for today's."""
    clock = FakeClock(WEDNESDAY_10AM.replace(hour=3))
    with running(tmp_path, page_size=5_000, clock=clock) as (exchange, wire):
        exchange.set_price(SAMSUNG, 71_300, depth=100)
        clock.now = clock.now.replace(hour=4, minute=50)
        exchange.set_price(SAMSUNG, 71_400, depth=100)
        stamps = [row["cntr_tm"] for row in minutes(wire, "60") if row["cntr_tm"].startswith("20261125")]
        assert stamps == ["20261125040000", "20261125030000"]
        clock.now = clock.now.replace(hour=0, minute=10) + timedelta(days=1)  # Thursday 00:10: no trade yet today
        thursday = [row for row in minutes(wire, "1") if row["cntr_tm"].startswith("20261126")]
        wednesday = [row for row in minutes(wire, "1") if row["cntr_tm"].startswith("20261125")]
    assert thursday == [] and len(wednesday) == 390  # Wednesday is now a past day of the synthesised kind


def test_minute_pages_do_not_repeat_a_row_when_a_minute_starts_between_them(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, page_size=10, clock=clock) as (exchange, wire):
        exchange.set_price(SAMSUNG, 71_300, depth=100)
        body = {"stk_cd": SAMSUNG, "tic_scope": "1", "upd_stkpc_tp": "1", "base_dt": ""}
        first = wire.post("ka10080", body)
        clock.now += timedelta(minutes=1, seconds=15)  # a new minute, and a new candle in front
        exchange.set_price(SAMSUNG, 71_400, depth=100)
        headers = {"cont-yn": "Y", "next-key": first.headers["next-key"]}
        second = wire.post("ka10080", body, headers=headers)
    seen = [row["cntr_tm"] for row in first.json()["stk_min_pole_chart_qry"]]
    more = [row["cntr_tm"] for row in second.json()["stk_min_pole_chart_qry"]]
    assert len(seen) == len(more) == 10 and not set(seen) & set(more) and more[0] < seen[-1]


def test_a_finished_day_is_kept_as_traded_and_the_past_never_changes(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, page_size=1_000, clock=clock) as (exchange, wire):
        exchange.set_price(SAMSUNG, 71_300, depth=100)
        exchange.set_price(SAMSUNG, 70_000, depth=100)
        wednesday = daily(wire)
        clock.now = clock.now.replace(hour=0, minute=10) + timedelta(days=1)  # Thursday, the day rolled
        thursday = daily(wire, "20261126")
    with running(tmp_path, page_size=1_000, clock=clock) as (_again, again_wire):  # a restart keeps it
        restarted = daily(again_wire, "20261126")
    kept = thursday[1]
    assert kept["dt"] == "20261125" and [kept[k] for k in ("high_pric", "low_pric", "cur_prc")] == [
        "71300",
        "70000",
        "70000",
    ]
    assert thursday[2:-1] == wednesday[1:-2]  # every earlier day as it was (the oldest has no day before it)
    assert restarted == thursday


def test_a_past_days_minutes_add_up_to_its_daily_volume(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, page_size=5_000, clock=clock) as (_exchange, wire):
        days = {row["dt"]: int(row["trde_qty"]) for row in daily(wire)}
        by_day: dict[str, int] = {}
        for row in minutes(wire, "1"):
            by_day[row["cntr_tm"][:8]] = by_day.get(row["cntr_tm"][:8], 0) + int(row["trde_qty"])
    past = [day for day in by_day if day < "20261125"]
    assert len(past) == 5 and all(by_day[day] == days[day] for day in past)
