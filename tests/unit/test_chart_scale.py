"""The chart's time axis and opening view: names never crowd each other, a day's start is named, and a short
history fills the chart instead of sitting in its right half."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from kiwoom_desk.trading.candles import DAILY, INTERVALS, Candle
from kiwoom_desk.ui.chart_scale import DEFAULT_COUNT, MIN_COUNT, View, label_every, labelled, price_steps, time_label


def trading_days(days: int, interval: int) -> list[Candle]:
    """`days` sessions of 09:00-15:30 candles of `interval` minutes."""
    candles = []
    for day in range(days):
        for minute in range(9 * 60, 15 * 60 + 30, interval):
            stamp = f"202611{20 + day:02d}{minute // 60:02d}{minute % 60:02d}00"
            candles.append(Candle(stamp, 1, 1, 1, 1, 1))
    return candles


@given(st.sampled_from([i for i in INTERVALS if i != DAILY]), st.integers(1, 5), st.floats(3, 40))
def test_time_names_stand_apart_and_each_named_day_start_says_its_date(interval: int, days: int, px: float) -> None:
    candles = trading_days(days, interval)
    every = label_every(px, interval)
    chosen = labelled(candles, range(len(candles)), every, interval)
    assert all(b - a >= every for a, b in itertools.pairwise(chosen))  # nothing drawn over another
    starts = [i for i in range(1, len(candles)) if candles[i].day != candles[i - 1].day]
    if starts and every <= len(candles) // days:  # room for a name per day: every day's start is named
        assert set(starts) <= set(chosen)
        assert all("/" in time_label(candles, i, interval) for i in starts)


def test_a_five_day_hourly_chart_names_its_days() -> None:
    candles = trading_days(5, 60)  # 7 candles a day
    chosen = labelled(candles, range(len(candles)), label_every(25, 60), 60)
    assert [time_label(candles, i, 60) for i in chosen] == ["11/20", "11/21", "11/22", "11/23", "11/24", "15:00"]


def test_a_short_history_opens_filling_the_chart() -> None:
    assert View.opening(35).count == 36 and View.opening(35).first == 0
    assert View.opening(500).count == DEFAULT_COUNT
    assert View.opening(3).count == MIN_COUNT


def test_price_steps_are_round_and_inside() -> None:
    assert price_steps(70_040, 71_960, 200) == [70_500, 71_000, 71_500]  # about 40 px apart: 500 won
    assert price_steps(70_040, 70_460, 200) == [70_100, 70_200, 70_300, 70_400]
    assert price_steps(70_000, 70_000, 200) == []
