"""The Kiwoom protocol: asyncio, httpx, pydantic. Never imports Qt.

from kiwoom_desk.kiwoom import KiwoomClient, Side, TradeType, Venue

The names load on first use (PEP 562): the codes and errors cost nothing, while the client and its wire models
(httpx, pydantic: about 0.2 s) wait until a session is opened, after the window's first paint.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import KiwoomClient, mask_account
    from .codes import OrderStatus, Side, TradeType, Venue
    from .errors import (
        ApiError,
        CredentialsError,
        DeviceAuthError,
        InputError,
        KiwoomError,
        ModeMismatchError,
        OrderRejectedError,
        OrderStateUnknownError,
        OrderValidationError,
        RateLimitError,
        ResponseFormatError,
        ServerError,
        SymbolNotFoundError,
        TokenError,
        TransportError,
    )
    from .models import (
        Balance,
        BookLevel,
        CancelAck,
        DailyCandle,
        Deposit,
        Direction,
        FilledOrder,
        Holding,
        MinuteCandle,
        ModifyAck,
        OpenOrder,
        OrderAck,
        OrderBook,
        OrderHistoryEntry,
        RealizedProfit,
        RealizedSale,
        StockInfo,
        StockListing,
        TradeJournal,
        TradeJournalRow,
        WatchedStock,
        WatchGroup,
        WatchGroupStock,
    )
    from .ratelimit import MOCK_LIMITS, REAL_LIMITS, UNLIMITED, RateLimits

_HOMES = {  # name -> the submodule that defines it
    "ApiError": "errors",
    "Balance": "models",
    "BookLevel": "models",
    "CancelAck": "models",
    "CredentialsError": "errors",
    "DailyCandle": "models",
    "Deposit": "models",
    "DeviceAuthError": "errors",
    "Direction": "models",
    "FilledOrder": "models",
    "Holding": "models",
    "InputError": "errors",
    "KiwoomClient": "client",
    "KiwoomError": "errors",
    "MOCK_LIMITS": "ratelimit",
    "MinuteCandle": "models",
    "ModeMismatchError": "errors",
    "ModifyAck": "models",
    "OpenOrder": "models",
    "OrderAck": "models",
    "OrderBook": "models",
    "OrderHistoryEntry": "models",
    "OrderRejectedError": "errors",
    "OrderStateUnknownError": "errors",
    "OrderStatus": "codes",
    "OrderValidationError": "errors",
    "REAL_LIMITS": "ratelimit",
    "RealizedProfit": "models",
    "RealizedSale": "models",
    "RateLimitError": "errors",
    "RateLimits": "ratelimit",
    "ResponseFormatError": "errors",
    "ServerError": "errors",
    "Side": "codes",
    "StockInfo": "models",
    "StockListing": "models",
    "SymbolNotFoundError": "errors",
    "TokenError": "errors",
    "TradeJournal": "models",
    "TradeJournalRow": "models",
    "TradeType": "codes",
    "TransportError": "errors",
    "UNLIMITED": "ratelimit",
    "Venue": "codes",
    "WatchGroup": "models",
    "WatchGroupStock": "models",
    "WatchedStock": "models",
    "mask_account": "client",
}


if not TYPE_CHECKING:  # for mypy the names above are ordinary imports, so a misspelt one is still an error

    def __getattr__(name: str) -> Any:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{home}", __name__), name)
        globals()[name] = value  # the next lookup is an ordinary one
        return value


__all__ = [
    "MOCK_LIMITS",
    "REAL_LIMITS",
    "UNLIMITED",
    "ApiError",
    "Balance",
    "BookLevel",
    "CancelAck",
    "CredentialsError",
    "DailyCandle",
    "Deposit",
    "DeviceAuthError",
    "Direction",
    "FilledOrder",
    "Holding",
    "InputError",
    "KiwoomClient",
    "KiwoomError",
    "MinuteCandle",
    "ModeMismatchError",
    "ModifyAck",
    "OpenOrder",
    "OrderAck",
    "OrderBook",
    "OrderHistoryEntry",
    "OrderRejectedError",
    "OrderStateUnknownError",
    "OrderStatus",
    "OrderValidationError",
    "RateLimitError",
    "RateLimits",
    "RealizedProfit",
    "RealizedSale",
    "ResponseFormatError",
    "ServerError",
    "Side",
    "StockInfo",
    "StockListing",
    "SymbolNotFoundError",
    "TokenError",
    "TradeJournal",
    "TradeJournalRow",
    "TradeType",
    "TransportError",
    "Venue",
    "WatchGroup",
    "WatchGroupStock",
    "WatchedStock",
    "mask_account",
]
