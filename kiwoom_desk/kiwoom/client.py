"""`KiwoomClient`: every request the app sends to Kiwoom (kiwoom-api.md), async, typed, and safe with orders.

The one rule that shapes this module: an order that may have reached the server is never sent again. Once the
request could have been written (a read timeout, a dropped connection, HTTP 5xx, an unreadable answer), the
client raises `OrderStateUnknownError` carrying the request, and the caller reconciles with `open_orders()` or
`order_history()`. Only what the server certainly refused is retried: a rate limit (1700 / HTTP 429 /
return_code 5), a rejected token (HTTP 401, 8005/8031/8103: one new token, one retry), a connection that never
opened.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx
import pydantic

from . import errors
from ._credit_orders import CreditOrders
from ._market_queries import MarketQueries
from .auth import AccessToken, Clock, TokenManager, kst_now, parse_expiry
from .codes import Side, TradeType, Venue
from .models import (
    Balance,
    CancelAck,
    DailyCandle,
    Deposit,
    FilledOrder,
    MinuteCandle,
    ModifyAck,
    OpenOrder,
    OrderAck,
    OrderBook,
    OrderHistoryEntry,
    RealizedProfit,
    StockInfo,
    StockListing,
    Token,
    TradeJournal,
    WatchedStock,
    WatchGroup,
    WatchGroupStock,
)
from .ratelimit import UNLIMITED, RateLimiter, RateLimits

log = logging.getLogger(__name__)

JSON_CONTENT_TYPE = "application/json;charset=UTF-8"
MAX_PAGES = 100  # a list longer than this is a server repeating itself, not a trader's account
MAX_BODY_BYTES = 8 * 1024 * 1024  # an answer larger than this is not read
MAX_DEPTH = 32  # nesting deeper than this is not a Kiwoom answer
MAX_RETRY_AFTER = 5.0  # seconds a query waits for a rate limit at most, whatever Retry-After says
MAX_ORDER_RETRY_WAIT = 1.0  # an order is not kept waiting: after short retries it is reported as not sent
_NEXT_KEY = re.compile(r"[\x21-\x7e]{1,200}")  # printable ASCII: what can go back in a header
_RETURN_CODE = re.compile(r"-?[0-9]{1,9}")
_RETRY_AFTER = re.compile(r"[0-9]{1,6}")

# Which path serves which api-id (kiwoom-api.md §1.2).
PATHS: dict[str, str] = {
    "au10001": "/oauth2/token",
    "au10002": "/oauth2/revoke",
    **dict.fromkeys(("kt10000", "kt10001", "kt10002", "kt10003"), "/api/dostk/ordr"),
    **dict.fromkeys(("kt10006", "kt10007", "kt10008", "kt10009"), "/api/dostk/crdordr"),
    **dict.fromkeys(
        ("ka00001", "ka10075", "ka10076", "kt00007", "kt00018", "kt00001", "ka10170", "ka10077"), "/api/dostk/acnt"
    ),
    **dict.fromkeys(("ka10001", "ka10095", "ka10099", "ka10059", "ka10054", "kt20016"), "/api/dostk/stkinfo"),
    **dict.fromkeys(("ka01300", "ka01301"), "/api/dostk/watchlist"),
    "ka10004": "/api/dostk/mrkcond",
    **dict.fromkeys(("ka10080", "ka10081", "ka10064"), "/api/dostk/chart"),
    **dict.fromkeys(("ka10030", "ka10032", "ka10027", "ka10023", "ka90009"), "/api/dostk/rkinfo"),
}
MINUTE_SCOPES = (1, 3, 5, 10, 15, 30, 45, 60)  # ka10080 tic_scope
WATCH_BATCH = 20  # codes per ka10095 request (the spec states no maximum)

_STOCK_CODE = re.compile(r"[0-9A-Z]{6}")  # KRX short codes; new listings may carry letters (e.g. 0126Z0)
_ORDER_NO = re.compile(r"[0-9]{7}")
_Model = TypeVar("_Model", bound=pydantic.BaseModel)


def mask_account(account_no: str) -> str:
    """For logs: only the last 4 digits of an account number."""
    return "*" * max(len(account_no) - 4, 0) + account_no[-4:]


class KiwoomClient(MarketQueries, CreditOrders):
    """Async client for Kiwoom's REST API.

    >>> async with KiwoomClient(base_url, appkey, secretkey) as client:
    ...     ack = await client.place_order(side=Side.BUY, stock_code="005930", quantity=10,
    ...                                    trade_type=TradeType.LIMIT, price=70000, venue=Venue.KRX)

    Leaving the `async with` revokes the token. `rate_limits` and `allowed_venues` are the server's policy,
    which the caller knows and the client does not guess: the app passes its environment's own
    (`kiwoom_desk.environments.Environment`; the mock server is KRX-only and stricter). Without them the client
    paces nothing and checks no venue, and the server's own refusals (1700, a venue error) still apply.
    """

    def __init__(
        self,
        base_url: str,
        appkey: str,
        secretkey: str,
        *,
        timeout: float | httpx.Timeout = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
        rate_limits: RateLimits | None = None,
        allowed_venues: frozenset[Venue] | None = None,
        retry_backoff: float = 1.0,
        max_rate_limit_retries: int = 3,
        clock: Clock = kst_now,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._appkey = appkey
        self._secretkey = secretkey
        self._http = httpx.AsyncClient(base_url=self.base_url, timeout=timeout, transport=transport)
        self._limiter = RateLimiter(rate_limits or UNLIMITED)
        self.allowed_venues = allowed_venues if allowed_venues is not None else frozenset(Venue)
        self._retry_backoff = retry_backoff
        self._max_rate_limit_retries = max_rate_limit_retries
        self._tokens = TokenManager(self._issue_token, self._revoke_token, clock)
        self.sleep: Callable[[float], Awaitable[None]] = asyncio.sleep  # every wait of the client goes through here

    def __repr__(self) -> str:  # no keys here, ever
        return f"KiwoomClient({self.base_url!r})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Revokes the token (au10002) if one was issued, then closes the connections."""
        try:
            await self._tokens.revoke()
        except errors.KiwoomError as error:
            log.warning("token revoke failed: %s", error)
        finally:
            await self._http.aclose()

    async def access_token(self) -> str:
        """The current token (issued if needed), for the WebSocket LOGIN. Never log it."""
        return (await self._tokens.get()).value

    def token_refused(self, token: str) -> None:
        """The WebSocket login refused `token`: the next request issues a new one."""
        current = self._tokens.current
        if current is not None and current.value == token:
            self._tokens.invalidate(current)

    def can_spare(self, *api_ids: str) -> bool:
        """Whether a background read of these api-ids may go now without making an order wait for the rate limit."""
        return self._limiter.spare(api_ids)

    @property
    def token_expires_at(self) -> datetime | None:
        """When the current token expires (KST), or None before the first request."""
        token = self._tokens.current
        return token.expires_at if token else None

    # ---- orders -----------------------------------------------------------------------------------------

    async def place_order(
        self,
        *,
        side: Side,
        stock_code: str,
        quantity: int,
        trade_type: TradeType,
        price: int | None = None,
        venue: Venue = Venue.KRX,
        stop_price: int | None = None,
    ) -> OrderAck:
        """kt10000 (buy) / kt10001 (sell). Checked before sending; sent at most once."""
        side = _member(Side, side, "side", "kt10000")
        api_id = side.api_id
        body = self._new_order_body(api_id, stock_code, quantity, trade_type, price, venue, stop_price)
        return await self._order(api_id, body, OrderAck)

    def _new_order_body(
        self,
        api_id: str,
        stock_code: str,
        quantity: int,
        trade_type: TradeType,
        price: int | None,
        venue: Venue,
        stop_price: int | None,
    ) -> dict[str, str]:
        """The checked body of a new order (kt10000/kt10001, and the credit kt10006/kt10007 share it)."""
        trade_type = _member(TradeType, trade_type, "trade_type", api_id)
        venue = _member(Venue, venue, "venue", api_id)
        self._check_stock_code(stock_code, api_id)
        self._check_venue(venue, api_id)
        self._check_count(quantity, "quantity", api_id, allow_zero=False)
        if trade_type.needs_price:
            self._check_count(price, "price", api_id, allow_zero=False)
        elif price:
            raise errors.OrderValidationError(
                f"{trade_type.name} orders carry no price (got {price})", field="price", api_id=api_id
            )
        if trade_type.needs_stop_price:
            self._check_count(stop_price, "stop_price", api_id, allow_zero=False)
        elif stop_price:
            raise errors.OrderValidationError(
                "stop_price is only for stop-limit orders (28)", field="stop_price", api_id=api_id
            )
        body = {
            "dmst_stex_tp": venue.value,
            "stk_cd": stock_code,
            "ord_qty": str(quantity),
            "ord_uv": str(price) if trade_type.needs_price else "",
            "trde_tp": trade_type.value,
            "cond_uv": str(stop_price) if trade_type.needs_stop_price else "",
        }
        return body

    async def modify_order(
        self,
        *,
        orig_order_no: str,
        stock_code: str,
        quantity: int,
        price: int,
        venue: Venue = Venue.KRX,
        stop_price: int | None = None,
    ) -> ModifyAck:
        """kt10002: a new order number takes over `quantity` (0: the whole remainder) at `price`."""
        api_id = "kt10002"
        body = self._modify_body(api_id, orig_order_no, stock_code, quantity, price, venue, stop_price)
        return await self._order(api_id, body, ModifyAck)

    def _modify_body(
        self,
        api_id: str,
        orig_order_no: str,
        stock_code: str,
        quantity: int,
        price: int,
        venue: Venue,
        stop_price: int | None,
    ) -> dict[str, str]:
        """The checked body of a modify (kt10002, and the credit kt10008 shares it)."""
        venue = self._check_amendment(api_id, orig_order_no, stock_code, quantity, venue)
        self._check_count(price, "price", api_id, allow_zero=False)
        if stop_price is not None:
            self._check_count(stop_price, "stop_price", api_id, allow_zero=False)
        body = {
            "dmst_stex_tp": venue.value,
            "orig_ord_no": orig_order_no,
            "stk_cd": stock_code,
            "mdfy_qty": str(quantity),
            "mdfy_uv": str(price),
            "mdfy_cond_uv": str(stop_price) if stop_price else "",
        }
        return body

    async def cancel_order(
        self, *, orig_order_no: str, stock_code: str, quantity: int = 0, venue: Venue = Venue.KRX
    ) -> CancelAck:
        """kt10003: cancels `quantity` shares of the order; 0 cancels the whole unfilled remainder."""
        api_id = "kt10003"
        return await self._order(
            api_id, self._cancel_body(api_id, orig_order_no, stock_code, quantity, venue), CancelAck
        )

    def _cancel_body(
        self, api_id: str, orig_order_no: str, stock_code: str, quantity: int, venue: Venue
    ) -> dict[str, str]:
        """The checked body of a cancel (kt10003, and the credit kt10009 shares it)."""
        venue = self._check_amendment(api_id, orig_order_no, stock_code, quantity, venue)
        return {
            "dmst_stex_tp": venue.value,
            "orig_ord_no": orig_order_no,
            "stk_cd": stock_code,
            "cncl_qty": str(quantity),
        }

    # ---- account ----------------------------------------------------------------------------------------

    async def account_number(self) -> str:
        """ka00001: the account the token belongs to (orders carry no account number)."""
        data = await self.request("ka00001", {})
        account_no = data.get("acctNo")
        if not isinstance(account_no, str) or not account_no.strip():
            raise errors.ResponseFormatError("ka00001: field acctNo is missing", api_id="ka00001")
        log.info("account %s", mask_account(account_no.strip()))
        return account_no.strip()

    async def open_orders(self, stock_code: str | None = None, side: Side | None = None) -> list[OpenOrder]:
        """ka10075, every page: orders with an unfilled remainder."""
        if stock_code is not None:
            self._check_stock_code(stock_code, "ka10075")
        body = {
            "all_stk_tp": "1" if stock_code else "0",
            "trde_tp": Side(side).value if side else "0",
            "stk_cd": stock_code or "",
            "stex_tp": "0",
        }
        return await self._rows("ka10075", body, "oso", OpenOrder)

    async def fills(self, stock_code: str | None = None, side: Side | None = None) -> list[FilledOrder]:
        """ka10076, every page: today's orders with fills, newest first."""
        if stock_code is not None:
            self._check_stock_code(stock_code, "ka10076")
        body = {
            "stk_cd": stock_code or "",
            "qry_tp": "1" if stock_code else "0",
            "sell_tp": Side(side).value if side else "0",
            "ord_no": "",
            "stex_tp": "0",
        }
        return await self._rows("ka10076", body, "cntr", FilledOrder)

    async def order_history(self, date: str = "", stock_code: str | None = None) -> list[OrderHistoryEntry]:
        """kt00007, every page: all orders of `date` (YYYYMMDD; "" is today) in order-number order."""
        if date and not re.fullmatch(r"\d{8}", date):
            raise errors.OrderValidationError(f"date must be YYYYMMDD, got {date!r}", field="date", api_id="kt00007")
        if stock_code is not None:
            self._check_stock_code(stock_code, "kt00007")
        body = {
            "ord_dt": date,
            "qry_tp": "1",
            "stk_bond_tp": "0",
            "sell_tp": "0",
            "stk_cd": stock_code or "",
            "fr_ord_no": "",
            "dmst_stex_tp": "%",
        }
        return await self._rows("kt00007", body, "acnt_ord_cntr_prps_dtl", OrderHistoryEntry)

    async def balance(self, venue: Venue = Venue.KRX, *, by_lot: bool = False) -> Balance:
        """kt00018, every page: totals and holdings. Cash and credit holdings are separate rows (`credit_type`);
        `by_lot` (qry_tp 2, 개별) gives a credit holding one row per loan date, else (1, 합산) one per stock."""
        body = {"qry_tp": "2" if by_lot else "1", "dmst_stex_tp": Venue(venue).value}
        pages = await self._pages("kt00018", body, "acnt_evlt_remn_indv_tot")
        first, rows = pages
        return self._model("kt00018", {**first, "acnt_evlt_remn_indv_tot": rows}, Balance)

    async def deposit(self) -> Deposit:
        """kt00001: cash and orderable amount (estimated, qry_tp 3)."""
        return self._model("kt00001", await self.request("kt00001", {"qry_tp": "3"}), Deposit)

    async def trade_journal(self, date: str = "", round_trips_only: bool = False) -> TradeJournal:
        """ka10170, every page: the day's trades per stock with realized P/L, fees and tax (`date` YYYYMMDD, ""
        today; the server keeps two months). `round_trips_only`: only today's buys sold today."""
        if date and not re.fullmatch(r"\d{8}", date):
            raise errors.OrderValidationError(f"date must be YYYYMMDD, got {date!r}", field="date", api_id="ka10170")
        body = {"base_dt": date, "ottks_tp": "1" if round_trips_only else "2", "ch_crd_tp": "0"}
        first, rows = await self._pages("ka10170", body, "tdy_trde_diary")
        return self._model("ka10170", {**first, "tdy_trde_diary": rows}, TradeJournal)

    async def realized_profit(self, stock_code: str) -> RealizedProfit:
        """ka10077, every page: `stock_code`'s sales today and what each realized."""
        self._check_stock_code(stock_code, "ka10077")
        first, rows = await self._pages("ka10077", {"stk_cd": stock_code}, "tdy_rlzt_pl_dtl")
        return self._model("ka10077", {**first, "tdy_rlzt_pl_dtl": rows}, RealizedProfit)

    # ---- market data ------------------------------------------------------------------------------------

    async def stock_info(self, stock_code: str) -> StockInfo:
        """ka10001: name, price, direction, upper and lower limit, base price."""
        self._check_stock_code(stock_code, "ka10001")
        return self._model("ka10001", await self.request("ka10001", {"stk_cd": stock_code}), StockInfo)

    async def order_book(self, stock_code: str) -> OrderBook:
        """ka10004: 10 levels each side, best first."""
        self._check_stock_code(stock_code, "ka10004")
        return self._model("ka10004", await self.request("ka10004", {"stk_cd": stock_code}), OrderBook)

    async def stock_list(self, market: str = "0") -> list[StockListing]:
        """ka10099, every page: the listings of a market ("0" KOSPI, "10" KOSDAQ, "8" ETF ...)."""
        return await self._rows("ka10099", {"mrkt_tp": market}, "list", StockListing)

    async def watched_stocks(self, stock_codes: Sequence[str]) -> list[WatchedStock]:
        """ka10095: the quotes of several stocks (a watchlist's snapshot), in the order given, WATCH_BATCH codes to
        a request: the spec joins them with `|` but gives the field 20 characters and no maximum, so the batches
        stay small. A code the server does not list comes back without a row."""
        for code in stock_codes:
            self._check_stock_code(code, "ka10095")
        quotes: list[WatchedStock] = []
        for first in range(0, len(stock_codes), WATCH_BATCH):
            body = {"stk_cd": "|".join(stock_codes[first : first + WATCH_BATCH])}
            _first, rows = await self._pages("ka10095", body, "atn_stk_infr")
            quotes += [self._model("ka10095", row, WatchedStock) for row in rows]
        return quotes

    async def watchlist_groups(self) -> list[WatchGroup]:
        """ka01300: the trader's 영웅문 watchlist groups (read-only: the API cannot write them)."""
        first, rows = await self._pages("ka01300", {}, "nofi")
        self._check_rtcd("ka01300", first)
        return [self._model("ka01300", row, WatchGroup) for row in rows]

    async def watchlist_group(self, group_code: str) -> list[str]:
        """ka01301: the stock codes of one group (its `code` from ka01300), in the group's order."""
        if not re.fullmatch(r"[0-9]{3}", group_code):
            raise errors.OrderValidationError(
                f"a group is three digits, got {group_code!r}", field="arn_grp_id", api_id="ka01301"
            )
        first, rows = await self._pages("ka01301", {"arn_grp_id": group_code}, "nofj")
        self._check_rtcd("ka01301", first)
        return [self._model("ka01301", row, WatchGroupStock).code for row in rows]

    @staticmethod
    def _check_rtcd(api_id: str, answer: Mapping[str, Any]) -> None:
        """The watchlist TRs say failure in `rtcd` ("F") beside a return_code of 0."""
        if answer.get("rtcd", "S") != "S":
            raise errors.ApiError(
                f"{api_id} failed (rtcd {answer.get('rtcd')!r})",
                api_id=api_id,
                return_msg=str(answer.get("return_msg", "")),
            )

    async def minute_candles(
        self, stock_code: str, minutes: int = 1, until: str = "", max_pages: int = 1
    ) -> list[MinuteCandle]:
        """ka10080: `minutes`-minute candles (1, 3, 5, 10, 15, 30, 45, 60), newest first, up to the end of `until`
        (YYYYMMDD; "" now), `max_pages` pages of them. Chart TRs take about one call a second."""
        self._check_stock_code(stock_code, "ka10080")
        if minutes not in MINUTE_SCOPES:
            raise errors.OrderValidationError(
                f"minutes must be one of {MINUTE_SCOPES}, got {minutes}", field="tic_scope", api_id="ka10080"
            )
        self._check_day(until, "ka10080")
        body = {"stk_cd": stock_code, "tic_scope": str(minutes), "upd_stkpc_tp": "1", "base_dt": until}
        _first, rows = await self._pages("ka10080", body, "stk_min_pole_chart_qry", max_pages)
        return [self._model("ka10080", row, MinuteCandle) for row in rows]

    async def daily_candles(self, stock_code: str, until: str, max_pages: int = 1) -> list[DailyCandle]:
        """ka10081: daily candles, newest first, from `until` (YYYYMMDD) back, `max_pages` pages of them."""
        self._check_stock_code(stock_code, "ka10081")
        if not until:
            raise errors.OrderValidationError("until (YYYYMMDD) is required", field="base_dt", api_id="ka10081")
        self._check_day(until, "ka10081")
        body = {"stk_cd": stock_code, "base_dt": until, "upd_stkpc_tp": "1"}
        _first, rows = await self._pages("ka10081", body, "stk_dt_pole_chart_qry", max_pages)
        return [self._model("ka10081", row, DailyCandle) for row in rows]

    @staticmethod
    def _check_day(day: str, api_id: str) -> None:
        if day and not re.fullmatch(r"\d{8}", day):
            raise errors.OrderValidationError(f"day must be YYYYMMDD, got {day!r}", field="base_dt", api_id=api_id)

    # ---- the request pipeline ---------------------------------------------------------------------------

    async def request(self, api_id: str, body: Mapping[str, str]) -> dict[str, Any]:
        """One page of a query api-id as raw JSON, through the same token, rate-limit and error handling.
        Orders are refused here: they go through the checked methods above."""
        if api_id in errors.ORDER_API_IDS:
            raise errors.OrderValidationError(
                f"{api_id} is an order: use its checked method (place_order, credit_buy ...)",
                field="api_id",
                api_id=api_id,
            )
        data, _headers = await self._send(api_id, dict(body), None)
        return data

    async def _order(self, api_id: str, body: dict[str, str], model: type[_Model]) -> _Model:
        data, _headers = await self._send(api_id, body, None)
        try:
            return model.model_validate(data)
        except pydantic.ValidationError as error:
            # return_code was 0: the exchange took the order, but we cannot read its number
            raise errors.OrderStateUnknownError(
                f"{api_id}: accepted, but the answer is unreadable ({_first_problem(error)})",
                api_id=api_id,
                request=body,
            ) from None

    async def _pages(
        self, api_id: str, body: dict[str, str], list_key: str, max_pages: int | None = None
    ) -> tuple[dict[str, Any], list[Any]]:
        """Follows cont-yn / next-key until the server says there is no more, or `max_pages` pages were read (a
        chart's history goes back years); the first page and all rows."""
        first: dict[str, Any] | None = None
        rows: list[Any] = []
        next_key: str | None = None
        seen: set[str] = set()
        for page in range(MAX_PAGES):
            if max_pages is not None and page == max_pages:
                return first or {}, rows
            data, headers = await self._send(api_id, body, next_key)
            page_rows = data.get(list_key, [])
            if not isinstance(page_rows, list):
                raise errors.ResponseFormatError(f"{api_id}: field {list_key} is not a list", api_id=api_id)
            rows += page_rows
            first = first or data
            if headers.get("cont-yn") != "Y":
                return first, rows
            next_key = headers.get("next-key", "")
            if not _NEXT_KEY.fullmatch(next_key):
                raise errors.ResponseFormatError(
                    f"{api_id}: cont-yn is Y but next-key is empty or unusable ({next_key[:20]!r})", api_id=api_id
                )
            if next_key in seen:
                raise errors.ResponseFormatError(f"{api_id}: next-key {next_key[:20]!r} came twice", api_id=api_id)
            seen.add(next_key)
        raise errors.ResponseFormatError(f"{api_id}: more than {MAX_PAGES} pages", api_id=api_id)

    async def _rows(self, api_id: str, body: dict[str, str], list_key: str, model: type[_Model]) -> list[_Model]:
        _first, rows = await self._pages(api_id, body, list_key)
        return [self._model(api_id, row, model) for row in rows]

    @staticmethod
    def _model(api_id: str, data: Any, model: type[_Model]) -> _Model:
        try:
            return model.model_validate(data)
        except pydantic.ValidationError as error:
            raise errors.ResponseFormatError(f"{api_id}: {_first_problem(error)}", api_id=api_id) from None

    async def _send(
        self, api_id: str, body: dict[str, str], next_key: str | None
    ) -> tuple[dict[str, Any], httpx.Headers]:
        """Sends once, or again only when the server certainly did not process the request."""
        is_order = api_id in errors.ORDER_API_IDS
        path = PATHS.get(api_id)
        if path is None:
            raise errors.OrderValidationError(f"unknown api-id {api_id}", field="api_id", api_id=api_id)
        reissued = False
        rate_limited = 0
        while True:
            token = await self._tokens.get()
            await self._limiter.acquire(api_id)
            headers = {"Content-Type": JSON_CONTENT_TYPE, "api-id": api_id, "authorization": f"Bearer {token.value}"}
            if next_key:
                headers.update({"cont-yn": "Y", "next-key": next_key})
            started = time.perf_counter()
            response = await self._post(api_id, path, body, headers, is_order)
            data = _json_object(response)
            return_code = _return_code(data)
            return_msg = str(data.get("return_msg", "")) if data is not None else ""
            code = errors.documented_code(return_code, return_msg)
            log.debug(
                "%s HTTP %s return_code %s in %.0f ms",
                api_id,
                response.status_code,
                return_code,
                (time.perf_counter() - started) * 1000,
            )

            # Only a certain refusal may be sent again: HTTP 401 or 429, or a readable non-zero return_code below
            # HTTP 500 naming a token or rate-limit code. A success (return_code 0) refuses nothing whatever its
            # message says, and an HTTP 5xx may have been processed: acting on a code in either would send an
            # accepted order again.
            refused = response.status_code < 500 and return_code is not None and return_code != 0
            if response.status_code == 401 or (refused and code in errors.REISSUE_CODES):
                if not reissued:  # the token was refused before anything was processed: one new token, one retry
                    log.info("%s: token refused (%s); issuing a new one", api_id, code or 401)
                    self._tokens.invalidate(token)
                    reissued = True
                    continue
                raise errors.error_for(api_id, return_code, return_msg or "token refused", response.status_code)

            limited = code in errors.RATE_LIMIT_CODES or (return_code == 5 and code is None)
            if response.status_code == 429 or (refused and limited):
                if rate_limited < self._max_rate_limit_retries:  # refused before processing: safe to send again
                    delay = self._backoff(rate_limited, response, is_order)
                    rate_limited += 1
                    log.info("%s: rate limited; retry %d in %.2f s", api_id, rate_limited, delay)
                    await self.sleep(delay)
                    continue
                raise errors.error_for(api_id, return_code or 5, return_msg, response.status_code)

            if response.status_code >= 500 or return_code is None:
                problem = "server error" if data is not None else f"unreadable answer, HTTP {response.status_code}"
                if is_order:
                    raise errors.OrderStateUnknownError(
                        f"{api_id}: {problem}; the order may have reached the exchange",
                        api_id=api_id,
                        request=body,
                        http_status=response.status_code,
                        return_code=return_code,
                        return_msg=return_msg,
                    )
                if data is None or return_code is None:
                    raise errors.ResponseFormatError(
                        f"{api_id}: the answer is not a JSON object with a return_code (HTTP {response.status_code})",
                        api_id=api_id,
                        http_status=response.status_code,
                    )
                raise errors.error_for(api_id, return_code, return_msg, response.status_code)

            if response.status_code >= 400 or return_code != 0:
                raise errors.error_for(api_id, return_code, return_msg, response.status_code)
            assert data is not None
            return data, response.headers

    async def _post(
        self, api_id: str, path: str, body: dict[str, str], headers: dict[str, str], is_order: bool
    ) -> httpx.Response:
        try:
            return await self._http.post(path, content=json.dumps(body, ensure_ascii=False), headers=headers)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
            # No connection was ever had for this request, so nothing was sent; the caller may try again.
            raise errors.TransportError(
                f"{api_id}: could not connect to {self.base_url} ({error})", api_id=api_id
            ) from None
        except httpx.HTTPError as error:
            if is_order:
                raise errors.OrderStateUnknownError(
                    f"{api_id}: {type(error).__name__} after sending; the order may have reached the exchange",
                    api_id=api_id,
                    request=body,
                ) from None
            raise errors.TransportError(f"{api_id}: {type(error).__name__}: {error}", api_id=api_id) from None

    def _backoff(self, attempt: int, response: httpx.Response, is_order: bool = False) -> float:
        """Exponential with jitter, at least what Retry-After asks (whole ASCII seconds), within the bound: a query
        waits a few seconds at most, an order less, since the trader is waiting for its answer."""
        delay: float = self._retry_backoff * (2**attempt) * (1 + random.uniform(0, 0.25))  # jitter spreads retries
        retry_after = response.headers.get("Retry-After", "").strip()
        if _RETRY_AFTER.fullmatch(retry_after):
            delay = max(delay, float(retry_after))
        return min(delay, MAX_ORDER_RETRY_WAIT if is_order else MAX_RETRY_AFTER)

    # ---- tokens -----------------------------------------------------------------------------------------

    async def _issue_token(self) -> AccessToken:
        body = {"grant_type": "client_credentials", "appkey": self._appkey, "secretkey": self._secretkey}
        data = await self._auth_call("au10001", body)
        token = self._model("au10001", data, Token)
        try:
            expires_at = parse_expiry(token.expires_dt)
        except ValueError:
            raise errors.ResponseFormatError(
                f"au10001: expires_dt {token.expires_dt!r} is not a date", api_id="au10001"
            ) from None
        log.info("token issued, expires %s KST", expires_at.strftime("%Y-%m-%d %H:%M:%S"))
        return AccessToken(token.token, expires_at)

    async def _revoke_token(self, token: AccessToken) -> None:
        await self._auth_call("au10002", {"appkey": self._appkey, "secretkey": self._secretkey, "token": token.value})
        log.info("token revoked")

    async def _auth_call(self, api_id: str, body: dict[str, str]) -> dict[str, Any]:
        headers = {"Content-Type": JSON_CONTENT_TYPE, "api-id": api_id}
        try:
            response = await self._http.post(PATHS[api_id], content=json.dumps(body), headers=headers)
        except httpx.HTTPError as error:
            raise errors.TransportError(f"{api_id}: {type(error).__name__}: {error}", api_id=api_id) from None
        data = _json_object(response)
        if data is None:
            raise errors.ResponseFormatError(
                f"{api_id}: the answer is not a JSON object (HTTP {response.status_code})",
                api_id=api_id,
                http_status=response.status_code,
            )
        return_code = _return_code(data)
        if response.status_code >= 400 or return_code != 0:
            raise errors.error_for(api_id, return_code, str(data.get("return_msg", "")), response.status_code)
        return data

    # ---- checks before sending --------------------------------------------------------------------------

    def _check_amendment(self, api_id: str, orig_order_no: str, stock_code: str, quantity: int, venue: object) -> Venue:
        """What modify and cancel both check; quantity 0 means the whole remainder."""
        checked = _member(Venue, venue, "venue", api_id)
        self._check_order_no(orig_order_no, api_id)
        self._check_stock_code(stock_code, api_id)
        self._check_venue(checked, api_id)
        self._check_count(quantity, "quantity", api_id, allow_zero=True)
        return checked

    def _check_venue(self, venue: Venue, api_id: str) -> None:
        if venue not in self.allowed_venues:
            allowed = ", ".join(sorted(v.value for v in self.allowed_venues))
            raise errors.OrderValidationError(
                f"{venue.value} is not available here (only {allowed})", field="venue", api_id=api_id
            )

    @staticmethod
    def _check_stock_code(stock_code: str, api_id: str) -> None:
        if not isinstance(stock_code, str) or not _STOCK_CODE.fullmatch(stock_code):
            raise errors.OrderValidationError(
                f"stock code must be 6 characters such as 005930, got {stock_code!r}", field="stock_code", api_id=api_id
            )

    @staticmethod
    def _check_order_no(order_no: str, api_id: str) -> None:
        if not isinstance(order_no, str) or not _ORDER_NO.fullmatch(order_no):
            raise errors.OrderValidationError(
                f"order number must be 7 digits such as 0000123, got {order_no!r}", field="orig_order_no", api_id=api_id
            )

    @staticmethod
    def _check_count(value: object, field: str, api_id: str, *, allow_zero: bool) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0 or (value == 0 and not allow_zero):
            least = "0 or more" if allow_zero else "at least 1"
            raise errors.OrderValidationError(
                f"{field} must be a whole number, {least}; got {value!r}", field=field, api_id=api_id
            )


_Enum = TypeVar("_Enum", Side, TradeType, Venue)


def _member(cls: type[_Enum], value: object, field: str, api_id: str) -> _Enum:
    """The member whose wire code is `value` (a member is its own code), or a validation error naming the field."""
    try:
        return cls(str(value))
    except ValueError:
        allowed = ", ".join(member.value for member in cls)
        raise errors.OrderValidationError(
            f"{field} must be one of {allowed}; got {value!r}", field=field, api_id=api_id
        ) from None


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    """The answer as a JSON object, or None when it is not one: too large, not UTF-8 JSON, nested too deep, or
    with numbers beyond what Python reads (every way of failing is caught here, at the edge)."""
    if len(response.content) > MAX_BODY_BYTES:
        return None
    try:
        data = json.loads(response.content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return data if isinstance(data, dict) and _shallow(data) else None


def _shallow(data: Any) -> bool:
    """Whether no container sits deeper than MAX_DEPTH (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        items = value.values() if isinstance(value, dict) else value
        stack.extend((item, depth + 1) for item in items if isinstance(item, dict | list))  # leaves: nothing to see
    return True


def _return_code(data: dict[str, Any] | None) -> int | None:
    """return_code as documented (an integer, or its digits as a string); anything else is unreadable (None)."""
    if data is None:
        return None
    value = data.get("return_code")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < 10**9 else None
    if isinstance(value, str) and _RETURN_CODE.fullmatch(value.strip()):
        return int(value.strip())
    return None


def _first_problem(error: pydantic.ValidationError) -> str:
    problem = error.errors()[0]
    field = ".".join(str(part) for part in problem["loc"]) or "answer"
    kind = "is missing" if problem["type"] == "missing" else f"is invalid ({problem['msg']})"
    return f"field {field} {kind}"
