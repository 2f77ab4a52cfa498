"""Request codes of the market-information TRs (kiwoom-api-market.md §2–3), one enum per TR where the spec gives
each TR its own table: the same field name means different codes in different TRs (§8), so none is shared by
accident. Values are the wire codes; names say what they mean."""

from __future__ import annotations

from enum import StrEnum


class RankMarket(StrEnum):
    """`mrkt_tp` of the rankings and investor TRs."""

    ALL = "000"
    KOSPI = "001"
    KOSDAQ = "101"


class VolumeSort(StrEnum):
    """ka10030 `sort_tp`."""

    VOLUME = "1"
    TURNOVER = "2"  # 거래회전율
    VALUE = "3"  # 거래대금


class ChangeSort(StrEnum):
    """ka10027 `sort_tp` (not ka10029's, where 3 means flat)."""

    RISE_RATE = "1"
    RISE_WON = "2"
    FALL_RATE = "3"
    FALL_WON = "4"
    FLAT = "5"


class SurgeSort(StrEnum):
    """ka10023 `sort_tp`."""

    SURGE_QUANTITY = "1"
    SURGE_RATE = "2"
    DROP_QUANTITY = "3"
    DROP_RATE = "4"


class SurgeBasis(StrEnum):
    """ka10023 `tm_tp`: against the volume N minutes ago, or against the previous day's."""

    MINUTES = "1"
    PREVIOUS_DAY = "2"


class AmountOrQuantity(StrEnum):
    """`amt_qty_tp` of ka10059, ka10064 and ka90009 (ka10131 uses 0/1 instead: not this enum)."""

    AMOUNT = "1"
    QUANTITY = "2"


class FlowSide(StrEnum):
    """`trde_tp` of ka10059 and ka10064: net buying, buys, or sells."""

    NET = "0"
    BUY = "1"
    SELL = "2"


class Exchange(StrEnum):
    """`stex_tp` of the rankings (kiwoom-api-market.md §0; not ka10075's 0/1/2 nor condition search's K)."""

    KRX = "1"
    NXT = "2"
    COMBINED = "3"


class Investor(StrEnum):
    """The investor types of the flow TRs (ka10059's columns). 기관계 is the sum of the institutions below it."""

    INDIVIDUAL = "individual"  # 개인
    FOREIGN = "foreign"  # 외국인
    INSTITUTIONS = "institutions"  # 기관계
    FINANCIAL_INVESTMENT = "financial_investment"  # 금융투자
    INSURANCE = "insurance"  # 보험
    TRUSTS = "trusts"  # 투신
    OTHER_FINANCE = "other_finance"  # 기타금융
    BANKS = "banks"  # 은행
    PENSION_FUNDS = "pension_funds"  # 연기금등
    PRIVATE_FUNDS = "private_funds"  # 사모펀드
    STATE = "state"  # 국가
    OTHER_CORPORATIONS = "other_corporations"  # 기타법인
    DOMESTIC_FOREIGNERS = "domestic_foreigners"  # 내외국인
