"""Condition-search answers (kiwoom-api-market.md §1) broken every way a frame can be: only the client's own
`KiwoomError` escapes, and no number is invented (a broken price, change, rate or volume reads as None)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiwoom_desk.kiwoom import KiwoomError
from kiwoom_desk.kiwoom.conditions import parse_conditions, parse_live_codes, parse_matches

from .harness import GARBAGE, NUMBERS_AS_JSON

# Spec-shaped answers (the spec's examples, §1.2-1.4).
LIST = {"trnm": "CNSRLST", "return_code": 0, "return_msg": "", "data": [["0", "거래대금급증"], ["1", "돌파매매"]]}
MATCHES = {
    "trnm": "CNSRREQ",
    "seq": "1  ",
    "cont_yn": "N",
    "next_key": "",
    "return_code": 0,
    "data": [
        {"9001": "A005930", "302": "삼성전자", "10": "000075000", "25": "5", "11": "-00000100", "12": "-00000130"}
        | {"13": "010386116", "16": "000075100", "17": "000075600", "18": "000074700"},
        {"9001": "A000660", "302": "SK하이닉스", "10": "000189500", "25": "2", "11": "000001500", "12": "000000800"}
        | {"13": "000012000", "16": "000188000", "17": "000190000", "18": "000187500"},
    ],
}
LIVE = {"trnm": "CNSRREQ", "seq": "4", "return_code": 0, "data": [{"jmcode": "A005930"}, {"jmcode": "A000660"}]}
NUMBERS = {"10": "price", "11": "change", "12": "change_rate", "13": "volume"}
VALUES = st.sampled_from([value for value in GARBAGE if isinstance(value, str | int | list | dict | type(None))])


def _is_number(value: object) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.strip().lstrip("+-").isdigit() and value.strip().isascii()
    )


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.data())
def test_a_broken_condition_answer_is_our_error_or_read_without_inventing(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["list", "matches", "live"]))
    frame: dict[str, Any] = copy.deepcopy({"list": LIST, "matches": MATCHES, "live": LIVE}[kind])
    value = data.draw(st.one_of(VALUES, st.sampled_from(NUMBERS_AS_JSON)))
    row, key = 0, ""
    if data.draw(st.booleans()) or not frame["data"]:
        frame["data"] = value  # the list itself broken
    else:
        row = data.draw(st.integers(0, len(frame["data"]) - 1))
        entry = frame["data"][row]
        if isinstance(entry, list):
            entry[data.draw(st.integers(0, 1))] = value
        else:
            key = data.draw(st.sampled_from(sorted(entry)))
            entry[key] = value
    parsers: dict[str, Callable[[dict[str, Any]], Sequence[object]]] = {
        "list": parse_conditions,
        "matches": parse_matches,
        "live": parse_live_codes,
    }
    parse = parsers[kind]
    try:
        result = parse(frame)
    except KiwoomError:
        return
    if kind == "matches" and key in NUMBERS and not _is_number(value):
        got = getattr(result[row], NUMBERS[key])
        assert got is None, f"{key}={value!r} read as {got!r}"


def test_the_spec_examples_read_as_the_spec_says() -> None:
    samsung, hynix = parse_matches(MATCHES)
    assert (samsung.code, samsung.price, samsung.change) == ("005930", 75_000, -100)
    assert str(samsung.change_rate) == "-0.13" and samsung.volume == 10_386_116  # ×1000 on the wire
    assert (hynix.price, hynix.change, str(hynix.change_rate)) == (189_500, 1_500, "0.8")
    assert [c.seq for c in parse_conditions(LIST)] == ["0", "1"] and parse_live_codes(LIVE) == ["005930", "000660"]
