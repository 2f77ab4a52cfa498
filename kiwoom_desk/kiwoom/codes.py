"""Wire codes as enums: the value is what goes on the wire (kiwoom-api.md §3, §6.2).

`TradeType("3")` is a market order, `Side.SELL` is sent as kt10001, `Venue.KRX` is "KRX", `OrderStatus("체결")`
is a fill. Display labels live in the UI's catalogue (`ui/labels.py`, translated through Qt), not here.
"""

from __future__ import annotations

from enum import StrEnum


class Side(StrEnum):
    """Buy or sell; values as in FID 907 and the ka10075 filter (1 = sell, 2 = buy)."""

    SELL = "1"
    BUY = "2"

    @property
    def api_id(self) -> str:
        return "kt10000" if self is Side.BUY else "kt10001"


class Venue(StrEnum):
    """Domestic exchange (dmst_stex_tp). Mock trading accepts KRX only."""

    KRX = "KRX"
    NXT = "NXT"
    SOR = "SOR"


class OrderStatus(StrEnum):
    """주문상태: FID 913 of a 00 event, and `ord_stt` of ka10075/ka10076 rows (kiwoom-api.md §6.2)."""

    ACCEPTED = "접수"
    FILLED = "체결"
    CONFIRMED = "확인"  # a modify or cancel was acknowledged by the exchange
    CANCELLED = "취소"
    REJECTED = "거부"

    @classmethod
    def parse(cls, text: object) -> OrderStatus | None:
        """The status a wire text names, or None for one the spec does not list."""
        try:
            return cls(str(text).strip())
        except ValueError:
            return None


class TradeType(StrEnum):
    """매매구분 (trde_tp): the 18 codes of the spec (kiwoom-api.md §3.2)."""

    LIMIT = "0"
    MARKET = "3"
    CONDITIONAL_LIMIT = "5"
    BEST_LIMIT = "6"
    PRIORITY_LIMIT = "7"
    LIMIT_IOC = "10"
    MARKET_IOC = "13"
    BEST_LIMIT_IOC = "16"
    LIMIT_FOK = "20"
    MARKET_FOK = "23"
    BEST_LIMIT_FOK = "26"
    STOP_LIMIT = "28"
    MID_PRICE = "29"
    MID_PRICE_IOC = "30"
    MID_PRICE_FOK = "31"
    PRE_MARKET_CLOSE = "61"
    AFTER_HOURS_SINGLE = "62"
    POST_MARKET_CLOSE = "81"

    @property
    def needs_price(self) -> bool:
        """Whether `ord_uv` must carry a price (krx-rules.md §3); the others send it empty."""
        return self in _PRICED

    @property
    def needs_stop_price(self) -> bool:
        return self is TradeType.STOP_LIMIT


_PRICED = frozenset(
    {
        TradeType.LIMIT,
        TradeType.CONDITIONAL_LIMIT,
        TradeType.LIMIT_IOC,
        TradeType.LIMIT_FOK,
        TradeType.STOP_LIMIT,
        TradeType.AFTER_HOURS_SINGLE,
    }
)
