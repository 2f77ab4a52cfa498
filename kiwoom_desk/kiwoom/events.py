"""What the real-time session hands on (kiwoom-api.md §6): its state, and one typed event per REAL entry. Kept apart
from the session so that the window can name them without loading websockets or the wire models."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from .codes import CreditType, OrderStatus, Side

if TYPE_CHECKING:
    from .models import Levels


class RealtimeState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    CLOSED = "closed"


@dataclass(frozen=True)
class RealtimeStatus:
    state: RealtimeState
    attempt: int = 0  # reconnection attempts since the last good connection
    retry_in: float = 0.0  # seconds until the next attempt
    reason: str = ""
    unreadable: int = 0  # frames or entries skipped as unreadable since the session started


@dataclass(frozen=True)
class OrderExecution:
    """Type 00: an order was accepted, filled, confirmed, cancelled or rejected."""

    order_no: str
    orig_order_no: str
    stock_code: str
    stock_name: str
    status: OrderStatus
    side: Side | None
    side_text: str
    trade_type_name: str
    quantity: int
    price: int
    unfilled: int
    filled_amount: int | None
    filled_quantity: int
    time: str
    fill_price: int | None = None  # this fill (914); None on events that are not fills
    fill_quantity: int | None = None  # this fill (915)
    current_price: int | None = None
    reject_reason: str = ""
    venue: str = ""  # 2135: KRX, NXT
    order_commission: int | None = None  # 938: the order's commission today so far (not this fill's alone)
    order_tax: int | None = None  # 939: the order's tax today so far
    credit_type: CreditType | None = None  # 922: 00 cash, 03 a credit buy, 33/99 a credit sell; None if absent
    loan_date: str = ""  # 923: the loan (lot) a credit order buys into or sells from, YYYYMMDD


@dataclass(frozen=True)
class BalanceUpdate:
    """Type 04: a holding changed."""

    stock_code: str
    stock_name: str
    current_price: int
    quantity: int
    average_price: int
    purchase_amount: int
    sellable: int
    profit_rate: Decimal | None
    credit_type: CreditType | None = None  # 917: 00 a cash holding, 03 a credit lot (one 04 per lot)
    loan_date: str = ""  # 916: the lot's loan date, YYYYMMDD
    loan_amount: int | None = None  # 957: what the lot still owes
    loan_interest: int | None = None  # 958: its interest so far

    @property
    def on_credit(self) -> bool:
        return self.credit_type is not None and self.credit_type.is_credit


@dataclass(frozen=True)
class Trade:
    """Type 0B: the stock traded."""

    stock_code: str
    time: str
    price: int
    change: int | None
    change_rate: Decimal | None
    direction: int  # +1 up, -1 down, 0 unchanged against the base price
    volume: int | None


@dataclass(frozen=True)
class BookUpdate:
    """Type 0D: the 10-level book, best first on each side."""

    stock_code: str
    time: str
    asks: Levels = field(default_factory=list)  # None where a level is missing or unreadable
    bids: Levels = field(default_factory=list)
    expected_price: int | None = None  # FID 23, while an auction collects orders (None otherwise, or 0)
    expected_quantity: int | None = None  # FID 24


@dataclass(frozen=True)
class ConditionChange:
    """Type 02: a stock entered (`entered`) or left the results of a live condition search (seq)."""

    seq: str
    stock_code: str
    entered: bool
    time: str  # HHMMSS


@dataclass(frozen=True)
class ConditionSnapshot:
    """A live condition's whole result set, as (re)started: after a reconnect it replaces what the changes built."""

    seq: str
    codes: tuple[str, ...]
    failure: str = ""  # set when it could not be started again: it is no longer live


@dataclass(frozen=True)
class MarketPhase:
    """Type 0s: the market's operation moved on (kiwoom-api-market.md §6.2). `code` is FID 215 as sent (`3` open,
    `2` closing-auction notice, `4` close, `a`-`d` the after-hours sessions, ...)."""

    code: str
    time: str  # HHMMSS (FID 20)
    until_open: str = ""  # HHMMSS left until the open (FID 214), where it says


@dataclass(frozen=True)
class VolatilityInterruption:
    """Type 1h: a VI started (`triggered`) or was released for a stock (kiwoom-api-market.md §6.1)."""

    stock_code: str
    triggered: bool  # 9068: 1 triggered, 2 released
    kind: str  # 1225: 정적, 동적, 동적+정적
    price: int | None  # 1221: the price that triggered it
    trigger_time: str  # 1223, HHMMSS
    release_time: str  # 1224, HHMMSS (when it ends, or ended)
    static_reference: int | None  # 1236
    dynamic_reference: int | None  # 1237
    count: int | None  # 1490: VIs of the stock today
    rising: bool | None  # 9069: 1 up, 2 down


@dataclass(frozen=True)
class Unreadable:
    """A REAL entry of a known type that could not be read: not applied, only reported (an unread 00 means the
    account's orders may have changed, so the desk reconciles over REST)."""

    kind: str
    item: str
    reason: str


Event = (
    OrderExecution
    | BalanceUpdate
    | Trade
    | BookUpdate
    | ConditionChange
    | ConditionSnapshot
    | MarketPhase
    | VolatilityInterruption
)
