"""The wire's number formats (kiwoom-api.md §5.4): everything is a string.

- Prices carry the direction against the base price as a sign: "+71300" above, "-70500" below, "71200" equal.
- Account amounts are zero-padded to a width, a minus taking the first place: "000000000012000", "-00000000995004".
- Rates have two decimals and a real sign.
"""

from __future__ import annotations


def signed_price(price: int, base: int) -> str:
    if price == 0:
        return "0"
    return f"+{price}" if price > base else f"-{price}" if price < base else str(price)


def signed(value: int) -> str:
    """A real sign: "+400", "-400", "0"."""
    return f"{value:+d}" if value else "0"


def padded(value: int, width: int) -> str:
    return "-" + str(-value).zfill(width - 1) if value < 0 else str(value).zfill(width)


def rate(numerator: int, denominator: int, *, plus: bool = True) -> str:
    value = numerator * 100 / denominator if denominator else 0.0
    text = f"{value:+.2f}" if plus else f"{value:.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text


def price_sign_code(price: int, base: int, upper: int, lower: int) -> str:
    """pre_sig / FID 25: 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down."""
    if price >= upper:
        return "1"
    if price <= lower:
        return "4"
    return "2" if price > base else "5" if price < base else "3"


def hhmmss(time: str) -> str:
    """HHMMSS -> HH:MM:SS (kt00007 uses the colon form)."""
    return f"{time[0:2]}:{time[2:4]}:{time[4:6]}"
