"""The market's status on the real-time socket (#16, kiwoom-api-market.md §6.1-6.2): `0s` and `1h` read from the
spec's own examples, and broken the ways a frame can be: unreadable, never invented."""

from __future__ import annotations

from typing import Any

import pytest

from kiwoom_desk.kiwoom.events import MarketPhase, Unreadable, VolatilityInterruption
from kiwoom_desk.kiwoom.realtime import parse_real

VI: dict[str, Any] = {  # the spec's 1h example (§6.1)
    "type": "1h",
    "name": "VI발동/해제",
    "item": "005930",
    "values": {
        "9001": "005930",
        "302": "삼성전자",
        "9068": "1",
        "9008": "101",
        "1221": "4125",
        "1223": "111454",
        "1224": "111703",
        "1225": "정적",
        "1236": "3750",
        "1238": "+10.00",
        "1490": "1",
        "9069": "1",
    },
}
PHASE: dict[str, Any] = {
    "type": "0s",
    "name": "장시작시간",
    "item": "",
    "values": {"215": "3", "20": "090000", "214": "000000"},
}


def test_the_spec_examples_read_as_the_spec_says() -> None:
    vi = parse_real(VI)
    assert isinstance(vi, VolatilityInterruption)
    assert (vi.stock_code, vi.triggered, vi.kind, vi.price, vi.static_reference) == ("005930", True, "정적", 4125, 3750)
    assert (vi.trigger_time, vi.release_time, vi.count, vi.rising, vi.dynamic_reference) == (
        "111454",
        "111703",
        1,
        True,
        None,  # 1237 not sent: not known, not 0
    )
    phase = parse_real(PHASE)
    assert phase == MarketPhase(code="3", time="090000", until_open="000000")


@pytest.mark.parametrize(
    ("entry", "fid", "value"),
    [
        (VI, "9068", "3"),  # neither triggered nor released
        (VI, "9068", ""),
        (VI, "9001", "삼성"),  # not a code (and no item to fall back on below)
        (PHASE, "215", "Z"),
        (PHASE, "215", ""),
    ],
)
def test_a_frame_that_does_not_say_what_happened_is_unreadable(entry: dict[str, Any], fid: str, value: str) -> None:
    broken = {**entry, "item": "", "values": {**entry["values"], fid: value}}
    assert isinstance(parse_real(broken), Unreadable)


@pytest.mark.parametrize("fid", ["1221", "1236", "1490"])
@pytest.mark.parametrize("value", ["", "abc", "--", None, "٣"])
def test_a_broken_vi_number_is_none_not_a_number(fid: str, value: object) -> None:
    vi = parse_real({**VI, "values": {**VI["values"], fid: value}})
    assert isinstance(vi, VolatilityInterruption)
    assert {"1221": vi.price, "1236": vi.static_reference, "1490": vi.count}[fid] is None
