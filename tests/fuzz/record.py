"""Valid, spec-shaped answers and frames to break: recorded from a real Sandbox over loopback, once."""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import websockets

from kiwoom_desk.kiwoom import CreditDeal, KiwoomClient, Side, TradeType
from kiwoom_desk.sandbox import SandboxExchange

SAMSUNG = "005930"


@dataclass(frozen=True)
class Recorded:
    status: int
    body: dict[str, Any]


class RecordingTransport(httpx.AsyncBaseTransport):
    """httpx's real transport, keeping the last answer of each api-id."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.answers: dict[str, Recorded] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        content = await response.aread()
        api_id = request.headers.get("api-id", "")
        self.answers[api_id] = Recorded(response.status_code, json.loads(content))
        return httpx.Response(response.status_code, headers=response.headers, content=content)

    async def aclose(self) -> None:
        await self._inner.aclose()


async def _record(exchange: SandboxExchange) -> tuple[dict[str, Recorded], dict[str, dict[str, Any]]]:
    transport = RecordingTransport()
    frames: dict[str, dict[str, Any]] = {}
    async with KiwoomClient(exchange.rest_url, "fuzz-key", "fuzz-secret", transport=transport) as client:
        token = await client.access_token()
        async with websockets.connect(exchange.ws_url) as ws:
            await ws.send(json.dumps({"trnm": "LOGIN", "token": token}))
            await ws.send(
                json.dumps(
                    {"trnm": "REG", "grp_no": "1", "refresh": "1", "data": [{"item": [SAMSUNG], "type": ["0B", "0D"]}]}
                )
            )
            await client.place_order(side=Side.BUY, stock_code=SAMSUNG, quantity=5, trade_type=TradeType.MARKET)
            await client.place_order(side=Side.SELL, stock_code=SAMSUNG, quantity=2, trade_type=TradeType.MARKET)
            resting = await client.place_order(
                side=Side.BUY, stock_code=SAMSUNG, quantity=3, trade_type=TradeType.LIMIT, price=70_000
            )
            await client.place_order(
                side=Side.SELL, stock_code=SAMSUNG, quantity=1, trade_type=TradeType.LIMIT, price=72_000
            )
            modified = await client.modify_order(
                orig_order_no=resting.order_no, stock_code=SAMSUNG, quantity=0, price=70_100
            )
            await client.place_order(
                side=Side.BUY, stock_code=SAMSUNG, quantity=2, trade_type=TradeType.LIMIT, price=69_000
            )
            await client.cancel_order(orig_order_no=modified.order_no, stock_code=SAMSUNG)
            await client.credit_buy(stock_code=SAMSUNG, quantity=4, trade_type=TradeType.MARKET)
            await client.credit_sell(
                stock_code=SAMSUNG, quantity=1, trade_type=TradeType.MARKET, deal=CreditDeal.LOAN_TOTAL
            )
            credit_resting = await client.credit_buy(
                stock_code=SAMSUNG, quantity=2, trade_type=TradeType.LIMIT, price=69_000
            )
            credit_modified = await client.modify_credit_order(
                orig_order_no=credit_resting.order_no, stock_code=SAMSUNG, quantity=0, price=69_100
            )
            await client.cancel_credit_order(orig_order_no=credit_modified.order_no, stock_code=SAMSUNG)
            exchange.set_price(SAMSUNG, 71_300)  # a trade print for 0B and a fresh book for 0D
            for request in ({"trnm": "CNSRLST"}, {"trnm": "CNSRREQ", "seq": "2", "search_type": "1", "stex_tp": "K"}):
                await ws.send(json.dumps(request))
            await _read(ws, frames, lambda frame: frame.get("trnm") == "CNSRREQ")  # the condition is live
            exchange.set_price(SAMSUNG, 88_000)  # 상한가 근접 (seq 2): a REAL 02 as it enters
            await _read(ws, frames, lambda _frame: {"00", "04", "0B", "0D", "02"} <= frames.keys())
        await client.account_number()
        await client.open_orders()
        await client.fills()
        await client.order_history()
        await client.balance(by_lot=True)  # a cash row and a credit lot
        await client.credit_stocks()
        await client.deposit()
        await client.stock_info(SAMSUNG)
        await client.order_book(SAMSUNG)
        await client.watched_stocks([SAMSUNG, "000660"])
        await client.watchlist_groups()
        await client.watchlist_group("001")
        await client.stock_list("0")
        await client.minute_candles(SAMSUNG, 1)
        await client.daily_candles(SAMSUNG, "20261125")
        await client.trade_journal()
        await client.realized_profit(SAMSUNG)
        exchange.advance(3)
        await client.volume_leaders()
        await client.value_leaders()
        await client.change_leaders()
        await client.volume_surges()
        await client.foreign_institution_leaders()
        await client.investor_days(SAMSUNG, "20991231")
        await client.investor_intraday(SAMSUNG)
    return transport.answers, frames


async def _read(
    ws: websockets.ClientConnection, frames: dict[str, dict[str, Any]], until: Callable[[dict[str, Any]], bool]
) -> None:
    """Reads frames (echoing PING, keeping the first REAL entry of each type) until one satisfies `until`."""
    async with asyncio.timeout(10):
        while True:
            frame = json.loads(await ws.recv())
            if frame.get("trnm") == "PING":
                await ws.send(json.dumps(frame))
            for entry in frame.get("data", []) if frame.get("trnm") == "REAL" else []:
                frames.setdefault(entry["type"], entry)
            if until(frame):
                return


def record() -> tuple[dict[str, Recorded], dict[str, dict[str, Any]]]:
    """Every api-id's answer and one entry of each real-time type, from a Sandbox with orders, fills and holdings."""
    with tempfile.TemporaryDirectory() as folder:
        exchange = SandboxExchange(Path(folder), seed=7, tick_interval=None, page_size=1000).start()
        try:
            exchange.set_price(SAMSUNG, 71_200, depth=100)
            return asyncio.run(_record(exchange))
        finally:
            exchange.stop()
