"""Parsers for the wire's number strings (kiwoom-api.md §5.4).

Values come as strings: zero-padded ("000000017534"), signed ("-00000000995004", "+400"), empty for nothing, and
now and then odd ("--6" in an official example). Prices carry the direction against yesterday as a sign, so a
price is its absolute value. Digits are ASCII and bounded (no KRX number has 20), so no answer can make Python
parse thousands of digits.

A required number that is empty or not a number raises `WireNumberError` (a ValueError, so pydantic reports the
field); the `optional` variants give None instead. Neither ever invents a 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

_INTEGER = re.compile(r"([+-]{0,2})\s*([0-9]{1,20})")
_DECIMAL = re.compile(r"([+-]{0,2})\s*([0-9]{1,20}(?:\.[0-9]{1,10})?|\.[0-9]{1,10})")
_T = TypeVar("_T")


class WireNumberError(ValueError):
    pass


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise WireNumberError(f"expected a number string, got {type(value).__name__}")
    return str(value).strip()


def _negative(signs: str) -> bool:
    return "-" in signs


def parse_int(value: Any) -> int:
    """A signed, possibly zero-padded integer."""
    text = _text(value)
    if text == "":
        raise WireNumberError("empty where a number is required")
    match = _INTEGER.fullmatch(text)
    if match is None:
        raise WireNumberError(f"not an integer: {text[:40]!r}")
    number = int(match.group(2))
    return -number if _negative(match.group(1)) else number


def parse_price(value: Any) -> int:
    """A price: the sign is a direction, so the value is the absolute number of won."""
    return abs(parse_int(value))


def parse_decimal(value: Any) -> Decimal:
    """A signed decimal such as a rate ("+1.23", "-0.56", "1.71")."""
    text = _text(value)
    if text == "":
        raise WireNumberError("empty where a number is required")
    match = _DECIMAL.fullmatch(text)
    if match is None:
        raise WireNumberError(f"not a decimal: {text[:40]!r}")
    try:
        number = Decimal(match.group(2))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only valid literals
        raise WireNumberError(f"not a decimal: {text[:40]!r}") from error
    return -number if _negative(match.group(1)) else number


def direction(value: Any) -> int:
    """The direction a signed price string shows: +1 up, -1 down, 0 unchanged."""
    text = _text(value)
    if text.startswith("-"):
        return -1
    return 1 if text.startswith("+") else 0


def optional(parse: Callable[[Any], _T]) -> Callable[[Any], _T | None]:
    """The same parser for a field that may be absent: empty, null or not a number gives None."""

    def parse_optional(value: Any) -> _T | None:
        try:
            return None if value is None else parse(value)
        except WireNumberError:
            return None

    return parse_optional


optional_int = optional(parse_int)
optional_price = optional(parse_price)
optional_decimal = optional(parse_decimal)
