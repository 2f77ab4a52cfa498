import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiwoom_desk.trading.ticks import (
    Instrument,
    is_on_tick,
    price_limits,
    round_down_to_tick,
    round_up_to_tick,
    tick_down,
    tick_size,
    tick_up,
)


@pytest.mark.parametrize(
    ("price", "tick"),
    [
        (1, 1),
        (1_999, 1),
        (2_000, 5),
        (4_995, 5),
        (5_000, 10),
        (19_990, 10),
        (20_000, 50),
        (49_950, 50),
        (50_000, 100),
        (199_900, 100),
        (200_000, 500),
        (499_500, 500),
        (500_000, 1_000),
        (1_250_000, 1_000),
    ],
)
def test_stock_tick_table(price: int, tick: int) -> None:
    assert tick_size(price) == tick


def test_etf_ticks_are_one_below_2000_and_five_above() -> None:
    assert tick_size(1_999, Instrument.ETF) == 1
    assert tick_size(2_000, Instrument.ETF) == 5
    assert tick_size(350_000, Instrument.ETF) == 5


@pytest.mark.parametrize(
    ("base", "upper", "lower"),
    [(9_980, 12_970, 6_990), (1_990, 2_585, 1_393), (239_000, 310_500, 167_500), (71_200, 92_500, 49_900)],
)
def test_price_limits_follow_the_krx_rounding_rule(base: int, upper: int, lower: int) -> None:
    limits = price_limits(base)
    assert (limits.upper, limits.lower) == (upper, lower)


def test_lower_limit_is_not_computed_symmetrically() -> None:
    # ceil(24,250 × 0.7) would give 16,980; the exchange printed 17,000.
    assert price_limits(24_250).lower == 17_000


def test_steps_across_band_edges() -> None:
    assert tick_down(2_000) == 1_999
    assert tick_down(5_000) == 4_995
    assert tick_up(1_999) == 2_000
    assert tick_up(4_995) == 5_000
    assert tick_up(199_900) == 200_000
    assert tick_down(200_000) == 199_900


@given(st.integers(min_value=1, max_value=5_000_000), st.sampled_from(list(Instrument)))
def test_rounding_lands_on_the_grid_and_brackets_the_price(price: int, instrument: Instrument) -> None:
    down = round_down_to_tick(price, instrument)
    up = round_up_to_tick(price, instrument)
    assert down <= price <= up
    assert is_on_tick(up, instrument)
    if down > 0:
        assert is_on_tick(down, instrument)
    assert (down == up) == is_on_tick(price, instrument)


@given(st.integers(min_value=2, max_value=5_000_000))
def test_tick_up_and_down_are_inverse_on_the_grid(raw: int) -> None:
    price = round_up_to_tick(raw)
    assert tick_down(tick_up(price)) == price
    assert tick_up(tick_down(price)) == price


@given(st.integers(min_value=1, max_value=3_000_000), st.sampled_from(list(Instrument)))
def test_limits_are_on_the_grid_and_within_thirty_percent(raw: int, instrument: Instrument) -> None:
    base = round_up_to_tick(raw, instrument)
    limits = price_limits(base, instrument)
    assert is_on_tick(limits.upper, instrument)
    assert is_on_tick(limits.lower, instrument)
    assert limits.lower <= base <= limits.upper
    assert limits.upper <= base * 1.3
    assert limits.lower >= base * 0.7 - 1e-9 or limits.lower == 1
