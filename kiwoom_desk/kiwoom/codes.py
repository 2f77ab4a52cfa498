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

    @classmethod
    def from_name(cls, text: object) -> TradeType | None:
        """The type an order row names in Korean (ka10075/ka10076/kt00007 `trde_tp`, FID 906), or None."""
        return _BY_NAME.get(str(text).strip())


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

# The Korean names the order queries and 00 events use for each trde_tp (kiwoom-api.md §3.2): wire data.
_BY_NAME: dict[str, TradeType] = {
    "보통": TradeType.LIMIT,
    "시장가": TradeType.MARKET,
    "조건부지정가": TradeType.CONDITIONAL_LIMIT,
    "최유리지정가": TradeType.BEST_LIMIT,
    "최우선지정가": TradeType.PRIORITY_LIMIT,
    "보통(IOC)": TradeType.LIMIT_IOC,
    "시장가(IOC)": TradeType.MARKET_IOC,
    "최유리(IOC)": TradeType.BEST_LIMIT_IOC,
    "보통(FOK)": TradeType.LIMIT_FOK,
    "시장가(FOK)": TradeType.MARKET_FOK,
    "최유리(FOK)": TradeType.BEST_LIMIT_FOK,
    "스톱지정가": TradeType.STOP_LIMIT,
    "중간가": TradeType.MID_PRICE,
    "중간가(IOC)": TradeType.MID_PRICE_IOC,
    "중간가(FOK)": TradeType.MID_PRICE_FOK,
    "장시작전시간외": TradeType.PRE_MARKET_CLOSE,
    "시간외단일가": TradeType.AFTER_HOURS_SINGLE,
    "장마감후시간외": TradeType.POST_MARKET_CLOSE,
}


class CreditDeal(StrEnum):
    """kt10007 crd_deal_tp: which loans a credit sell repays (kiwoom-api-market.md §5.2)."""

    LOAN = "33"  # 융자: the lot of one loan date (crd_loan_dt required)
    LOAN_TOTAL = "99"  # 융자합: all the stock's loans


class CreditType(StrEnum):
    """신용구분: kt00018 `crd_tp`, FID 922 of 00 and 917 of 04 (as the legacy OpenAPI+ codes: the REST spec
    shows only 00)."""

    CASH = "00"  # 보통 (not on credit)
    OWN_LOAN = "03"  # 자기융자: bought with the broker's own loan
    OWN_LOAN_REPAY = "33"  # a credit sell of one loan (00 events)
    OWN_LOAN_REPAY_ALL = "99"  # a credit sell of all loans (00 events)
    OTHER = "other"  # a credit kind not listed here (유통융자, 대주, ...): credit all the same, never cash

    @property
    def is_credit(self) -> bool:
        return self is not CreditType.CASH

    @classmethod
    def parse(cls, text: object) -> CreditType | None:
        """The type a wire code names; None when absent ("") or not listed here (an order's 922: an unknown
        code says nothing of how the order is modified or cancelled)."""
        code = str(text).strip()
        if code.isdigit() and int(code) == 0:
            return cls.CASH
        try:
            return cls(code) if code else None
        except ValueError:
            return None

    @classmethod
    def parse_holding(cls, text: object) -> CreditType | None:
        """A holding's kind (kt00018 crd_tp, 04 FID 917): as `parse`, but a code not listed here is OTHER, since
        a lot of an unknown credit kind must never be counted (and offered for sale) as cash shares."""
        kind = cls.parse(text)
        return cls.OTHER if kind is None and str(text).strip() else kind
