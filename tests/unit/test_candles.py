"""The chart's candles (#10): a trade moves the forming candle, a new span starts a new one, a late print never
rewrites a closed candle, volume counts the day's cumulative volume once; and a click's price snaps to a tick."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiwoom_desk.kiwoom import DailyCandle, MinuteCandle
from kiwoom_desk.trading.candles import DAILY, INTERVALS, Candle, CandleSeries, load_candles, span_start
from kiwoom_desk.trading.ticks import is_on_tick, nearest_tick, round_down_to_tick, tick_up

DAY = "20261125"


def minute(hhmm: str, price: int, volume: int = 100) -> Candle:
    return Candle(f"{DAY}{hhmm}00", price, price, price, price, volume)


def test_a_candle_starts_where_its_span_starts_counted_from_midnight() -> None:
    assert span_start(DAY, "090000", 1) == f"{DAY}090000"
    assert span_start(DAY, "090259", 3) == f"{DAY}090000"
    assert span_start(DAY, "090300", 3) == f"{DAY}090300"
    assert span_start(DAY, "101459", 15) == f"{DAY}100000"
    assert span_start(DAY, "152959", 60) == f"{DAY}150000"
    assert span_start(DAY, "152959", DAILY) == f"{DAY}000000"


def test_a_trade_moves_the_forming_candle_and_the_next_minute_starts_a_new_one() -> None:
    series = CandleSeries("005930", 1, [minute("0900", 70_000), minute("0901", 70_100)], day_volume=1_000)
    moved = series.apply(DAY, "090130", 70_300, 1_050)
    assert moved is not None and not moved.started
    last = series.candles[-1]
    assert (last.open, last.high, last.low, last.close, last.volume) == (70_100, 70_300, 70_100, 70_300, 150)
    moved = series.apply(DAY, "090145", 69_900, 1_060)
    assert moved is not None and not moved.started
    assert (series.candles[-1].low, series.candles[-1].close, series.candles[-1].volume) == (69_900, 69_900, 160)
    moved = series.apply(DAY, "090200", 70_000, 1_100)
    assert moved is not None and moved.started
    assert series.candles[-1] == Candle(f"{DAY}090200", 70_000, 70_000, 70_000, 70_000, 40)
    assert len(series.candles) == 3


def test_a_late_print_or_a_zero_price_changes_nothing() -> None:
    series = CandleSeries("005930", 1, [minute("0900", 70_000), minute("0901", 70_100)])
    before = list(series.candles)
    assert series.apply(DAY, "090059", 75_000, None) is None  # a closed candle is not rewritten
    assert series.apply(DAY, "090130", 0, None) is None
    assert series.apply(DAY, "", 70_000, None) is None
    assert series.candles == before


def test_the_first_trade_after_the_history_adds_no_volume_it_cannot_account_for() -> None:
    series = CandleSeries("005930", 5, [minute("0900", 70_000, 500)])  # the history did not say its count
    series.apply(DAY, "090100", 70_100, 9_999)
    assert series.candles[-1].volume == 500
    series.apply(DAY, "090200", 70_100, 10_099)
    assert series.candles[-1].volume == 600


def test_the_opening_auction_counts_whole_when_the_history_has_no_candle_of_today() -> None:
    yesterday = Candle("20261124152900", 70_000, 70_000, 70_000, 70_000, 300)
    series = CandleSeries("005930", 1, [yesterday], day_volume=0, day=DAY)  # opened before 09:00
    series.apply(DAY, "090000", 70_500, 250_000)  # the auction's one print: the day's biggest bar
    assert series.candles[-1] == Candle(f"{DAY}090000", 70_500, 70_500, 70_500, 70_500, 250_000)


def test_a_new_day_counts_its_volume_from_nothing() -> None:
    series = CandleSeries("005930", 1, [minute("1529", 70_000, 100)], day_volume=9_000_000, day=DAY)
    series.apply("20261126", "090000", 70_100, 180_000)  # left open overnight: a new day's count
    assert series.candles[-1].volume == 180_000
    series.apply("20261126", "090010", 70_200, 180_500)
    assert series.candles[-1].volume == 180_500


def test_a_late_print_adds_its_shares_to_the_forming_candle() -> None:
    series = CandleSeries("005930", 1, [minute("0900", 70_000, 100), minute("0901", 70_100, 100)], 200, DAY)
    assert series.apply(DAY, "090059", 75_000, 230) is None  # its price rewrites nothing closed
    assert series.candles[-1] == minute("0901", 70_100, 130)


def test_a_daily_chart_moves_todays_candle_and_starts_one_on_a_new_day() -> None:
    yesterday = Candle("20261124000000", 69_000, 70_500, 68_800, 70_000, 5_000_000)
    series = CandleSeries("005930", DAILY, [yesterday])
    moved = series.apply(DAY, "090000", 70_200, 10)
    assert moved is not None and moved.started and series.candles[-1].start == f"{DAY}000000"
    series.apply(DAY, "100000", 71_000, 30)
    assert series.candles[-1] == Candle(f"{DAY}000000", 70_200, 71_000, 70_200, 71_000, 20)


def test_an_interval_the_chart_does_not_offer_is_refused() -> None:
    with pytest.raises(ValueError, match="interval"):
        CandleSeries("005930", 2)


@given(
    interval=st.sampled_from(INTERVALS),
    trades=st.lists(
        st.tuples(st.integers(9 * 3600, 15 * 3600 + 1800), st.integers(1, 200_000), st.integers(0, 500)),
        min_size=1,
        max_size=60,
    ),
)
def test_candles_hold_every_trade_and_invent_no_price(interval: int, trades: list[tuple[int, int, int]]) -> None:
    series = CandleSeries("005930", interval, day_volume=0, day=DAY)  # no candle of today yet
    day_volume, prices = 0, []
    for second, price, quantity in sorted(trades):
        day_volume += quantity
        series.apply(DAY, f"{second // 3600:02d}{second // 60 % 60:02d}{second % 60:02d}", price, day_volume)
        prices.append(price)
    assert sum(candle.volume for candle in series.candles) == day_volume  # every share, once
    assert series.candles[-1].close == prices[-1] and series.candles[0].open == prices[0]
    for candle in series.candles:
        assert {candle.open, candle.close} <= set(prices)
        assert candle.low <= min(candle.open, candle.close) <= max(candle.open, candle.close) <= candle.high
    assert [c.start for c in series.candles] == sorted({c.start for c in series.candles})


@given(st.floats(1, 3_000_000, allow_nan=False))
def test_a_click_snaps_to_the_nearest_valid_price(point: float) -> None:
    price = nearest_tick(point)
    below = round_down_to_tick(int(point))  # the valid prices either side of the point
    above = tick_up(below)
    assert is_on_tick(price) and price in (below, above)
    assert abs(price - point) <= min(point - below, above - point) + 1e-9  # the nearer of the two


class History:
    """One page of what ka10080/ka10081 answer, newest first, as the client's models."""

    def __init__(self, minutes: list[MinuteCandle], days: list[DailyCandle]) -> None:
        self.minutes, self.days = minutes, days

    async def minute_candles(
        self, stock_code: str, minutes: int = 1, until: str = "", max_pages: int = 1
    ) -> list[MinuteCandle]:
        return self.minutes

    async def daily_candles(self, stock_code: str, until: str, max_pages: int = 1) -> list[DailyCandle]:
        return self.days


def minute_row(stamp: str, price: int, volume: int, day_volume: int) -> MinuteCandle:
    fields = {"open_pric": price, "high_pric": price, "low_pric": price, "cur_prc": price}
    return MinuteCandle.model_validate(
        {"cntr_tm": stamp, **{k: str(v) for k, v in fields.items()}, "trde_qty": str(volume),
         "acc_trde_qty": str(day_volume)}
    )  # fmt: skip


def test_a_loaded_history_counts_todays_volume_from_where_it_stands() -> None:
    today = [minute_row(f"{DAY}090100", 70_100, 40, 140), minute_row(f"{DAY}090000", 70_000, 100, 100)]
    series = asyncio.run(load_candles(History(today, []), "005930", 1, DAY))
    assert [candle.start for candle in series.candles] == [f"{DAY}090000", f"{DAY}090100"]  # oldest first
    series.apply(DAY, "090130", 70_200, 150)
    assert series.candles[-1].volume == 50  # 40 in the history, 10 since

    yesterday = [minute_row("20261124152900", 69_900, 500, 9_000_000)]
    series = asyncio.run(load_candles(History(yesterday, []), "005930", 1, DAY))  # opened before 09:00
    series.apply(DAY, "090000", 70_000, 300_000)
    assert series.candles[-1].volume == 300_000  # the auction, whole
