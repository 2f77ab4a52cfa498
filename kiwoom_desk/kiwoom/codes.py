"""Wire codes as enums: the value is what goes on the wire, each member carries a Korean and an English label.

`TradeType("3")` is a market order, `Side.SELL` is sent as kt10001, `Venue.KRX` is "KRX" (kiwoom-api.md §3).
"""

from __future__ import annotations

from enum import StrEnum


class _Labelled(StrEnum):
    """A wire code with labels; subclasses fill `_LABELS` after the class body."""

    @property
    def label_ko(self) -> str:
        return _LABELS[type(self).__name__][self.value][0]

    @property
    def label_en(self) -> str:
        return _LABELS[type(self).__name__][self.value][1]

    def label(self, language: str = "ko") -> str:
        return self.label_en if language.startswith("en") else self.label_ko


class Side(_Labelled):
    """Buy or sell; values as in FID 907 and the ka10075 filter (1 = sell, 2 = buy)."""

    SELL = "1"
    BUY = "2"

    @property
    def api_id(self) -> str:
        return "kt10000" if self is Side.BUY else "kt10001"


class Venue(_Labelled):
    """Domestic exchange (dmst_stex_tp). Mock trading accepts KRX only."""

    KRX = "KRX"
    NXT = "NXT"
    SOR = "SOR"


class TradeType(_Labelled):
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

_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "Side": {"1": ("매도", "Sell"), "2": ("매수", "Buy")},
    "Venue": {
        "KRX": ("한국거래소", "Korea Exchange"),
        "NXT": ("넥스트트레이드", "Nextrade"),
        "SOR": ("최선주문집행", "Smart order routing"),
    },
    "TradeType": {
        "0": ("보통", "Limit"),
        "3": ("시장가", "Market"),
        "5": ("조건부지정가", "Conditional limit"),
        "6": ("최유리지정가", "Best limit"),
        "7": ("최우선지정가", "Priority limit"),
        "10": ("보통(IOC)", "Limit IOC"),
        "13": ("시장가(IOC)", "Market IOC"),
        "16": ("최유리(IOC)", "Best limit IOC"),
        "20": ("보통(FOK)", "Limit FOK"),
        "23": ("시장가(FOK)", "Market FOK"),
        "26": ("최유리(FOK)", "Best limit FOK"),
        "28": ("스톱지정가", "Stop limit"),
        "29": ("중간가", "Mid-price"),
        "30": ("중간가(IOC)", "Mid-price IOC"),
        "31": ("중간가(FOK)", "Mid-price FOK"),
        "61": ("장시작전시간외", "Pre-market closing price"),
        "62": ("시간외단일가", "After-hours single price"),
        "81": ("장마감후시간외", "Post-market closing price"),
    },
}
