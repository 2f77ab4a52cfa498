"""The Sandbox's investor-flow arithmetic (sandbox/investors.py): shares split by weights and figures rounded to a
wire unit must add up exactly, never go negative where they were not, and keep 기관계 equal to its parts."""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from kiwoom_desk.sandbox.investors import (
    INSTITUTIONS,
    LEAVES,
    Bucket,
    Flow,
    TodayTotals,
    apportion,
    bucket_flow,
    columns,
    split,
)

weights = st.lists(st.integers(1, 1 << 24), min_size=1, max_size=12)


@given(st.integers(0, 10**12), weights)
def test_a_split_adds_up_to_the_total_in_near_proportional_whole_shares(total: int, shares: list[int]) -> None:
    parts = split(total, shares)
    assert sum(parts) == total and all(part >= 0 for part in parts)
    for part, weight in zip(parts, shares, strict=True):
        assert abs(part - Fraction(total * weight, sum(shares))) < 1


@given(st.lists(st.integers(-(10**13), 10**13), min_size=1, max_size=12), st.sampled_from([1, 1000, 10**6, 10**7]))
def test_rounding_to_a_unit_keeps_the_rounded_sum_and_every_sign(values: list[int], unit: int) -> None:
    rounded = apportion(values, unit)
    total = Fraction(sum(values), unit)
    assert sum(rounded) == math.floor(total + Fraction(1, 2))  # the sum rounded half up
    for value, shown in zip(values, rounded, strict=True):
        assert abs(shown - Fraction(value, unit)) < 1
        assert (shown >= 0 if value >= 0 else shown <= 0) and (value != 0 or shown == 0)


@given(st.lists(st.integers(0, 10**9), min_size=len(LEAVES), max_size=len(LEAVES)), st.data())
def test_a_net_column_set_sums_to_zero_and_orgn_is_its_parts(buys: list[int], data: st.DataObject) -> None:
    sells = data.draw(st.permutations(buys))  # the same total on both sides, as every trade has two
    net = [buy - sell for buy, sell in zip(buys, sells, strict=True)]
    for unit in (1, 1000, 10**6):
        shown = columns(net, unit)
        assert sum(shown[name] for name in LEAVES) == 0
        assert shown["orgn"] == sum(shown[name] for name in INSTITUTIONS)


@given(st.lists(st.tuples(st.integers(0, 5_000), st.integers(1, 200_000), st.integers(0, 50)), max_size=30), st.data())
def test_todays_kept_sums_equal_a_fresh_sum_as_the_tape_grows(
    minutes: list[tuple[int, int, int]], data: st.DataObject
) -> None:
    buckets = [
        Bucket(f"20261125{10 + i // 60:02d}{i % 60:02d}00", v, p, min(own, v)) for i, (v, p, own) in enumerate(minutes)
    ]
    totals = TodayTotals()
    for end in range(len(buckets) + 1):
        shown = buckets[:end]
        grown: bool = data.draw(st.booleans())
        if shown and grown:  # the minute still trading has traded more since
            last = shown[-1]
            shown = [*shown[:-1], Bucket(last.key, last.volume + 7, last.price, last.own_buy)]
        fresh = sum((bucket_flow(7, "005930", "20261125", bucket) for bucket in shown), Flow.zero())
        assert totals.total(7, "005930", "20261125", shown) == fresh
