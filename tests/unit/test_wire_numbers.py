"""The wire's number strings: every string either parses to the right value or raises WireNumberError."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiwoom_desk.kiwoom._numbers import (
    WireNumberError,
    direction,
    optional_decimal,
    optional_int,
    optional_price,
    parse_decimal,
    parse_int,
    parse_price,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("000000017534", 17534),
        ("-00000000995004", -995004),
        ("+400", 400),
        (" 12 ", 12),
        ("--6", -6),
        ("0", 0),
        ("-0", 0),
    ],
)
def test_known_forms(text: str, value: int) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize("text", ["-160400", "+169400", "169400", "000000071200"])
def test_prices_are_absolute(text: str) -> None:
    assert parse_price(text) == int(text.lstrip("+-"))


def test_direction_comes_from_the_sign() -> None:
    assert (direction("+169400"), direction("-160400"), direction("71200")) == (1, -1, 0)


@given(st.integers(min_value=-(10**15), max_value=10**15), st.integers(min_value=1, max_value=20), st.booleans())
def test_signed_zero_padded_integers_round_trip(value: int, width: int, plus: bool) -> None:
    digits = str(abs(value)).zfill(width)
    text = ("-" if value < 0 else "+" if plus else "") + digits
    assert parse_int(text) == value
    assert parse_price(text) == abs(value)


@given(st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False))
def test_rates_round_trip(value: Decimal) -> None:
    assert parse_decimal(f"{value:+.2f}") == value


@given(st.text(max_size=30))
def test_any_text_parses_or_raises_the_documented_error(text: str) -> None:
    for parser in (parse_int, parse_price, parse_decimal):
        with contextlib.suppress(WireNumberError):
            parser(text)


@given(st.one_of(st.none(), st.booleans(), st.lists(st.integers()), st.dictionaries(st.text(), st.text())))
def test_non_strings_raise_the_documented_error(value: object) -> None:
    with pytest.raises(WireNumberError):
        parse_int(value)


@pytest.mark.parametrize("text", ["12a", "1,000", "1.5", "abc", "+-", "٣"])
def test_garbage_integers_are_refused(text: str) -> None:
    with pytest.raises(WireNumberError):
        parse_int(text)


@pytest.mark.parametrize("text", ["", "   ", "abc", "--", "²", "٣", "9" * 5000, "1" * 21])
def test_a_required_number_is_never_invented(text: str) -> None:
    """Empty, garbage or absurdly long: a required number is an error, an optional one is None, never 0."""
    for parser in (parse_int, parse_price, parse_decimal):
        with pytest.raises(WireNumberError):
            parser(text)
    assert optional_int(text) is None and optional_price(text) is None and optional_decimal(text) is None
    assert optional_int(None) is None and optional_int("-00017") == -17
