"""The Sandbox's HTTP face: one aiohttp handler that checks a request the way the real server does, then hands
the parsed fields to the api-id's handler and pages its list.

Order of checks (each refusal is JSON with return_code/return_msg): path (404) and method (405); api-id present
(1501), known (1505) and served at this path (1504); Content-Type JSON (1512); authorization (1513–1516) and the
token (8005); body size (413) and JSON (400); injected faults; fields (1511/1517); paging headers (1517).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from typing import Any

from aiohttp import web

from . import (
    api_account,
    api_chart,
    api_credit,
    api_investors,
    api_journal,
    api_market,
    api_orders,
    api_rankings,
    api_vi,
    api_watchlist,
    errors,
    wire,
)
from .api_common import Answer, Handler, ok
from .broker import Broker, OrderRejected
from .control import SandboxControl
from .faults import FaultKind, Faults
from .realtime import RealtimeHub
from .tokens import TokenRegistry, parse_authorization

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
JSON_CONTENT_TYPE = "application/json;charset=UTF-8"
HANDLERS: dict[str, Handler] = {
    **api_orders.HANDLERS,
    **api_credit.HANDLERS,
    **api_account.HANDLERS,
    **api_journal.HANDLERS,
    **api_market.HANDLERS,
    **api_chart.HANDLERS,
    **api_watchlist.HANDLERS,
    **api_rankings.HANDLERS,
    **api_investors.HANDLERS,
    **api_vi.HANDLERS,
}
_DEFAULT_API_ID = {wire.PATH_TOKEN: "au10001", wire.PATH_REVOKE: "au10002"}  # the official client omits it


def _json(body: Answer, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(
        status=status,
        text=json.dumps(body, ensure_ascii=False),
        headers={"Content-Type": JSON_CONTENT_TYPE, **(headers or {})},
    )


class SandboxHttp:
    def __init__(
        self,
        broker: Broker,
        tokens: TokenRegistry,
        faults: Faults,
        page_size: int,
        hub: RealtimeHub,
        control: SandboxControl | None = None,
    ) -> None:
        self.broker = broker
        self.control = control  # /sandbox/...: the Sandbox's own routes, not Kiwoom api-ids
        self.tokens = tokens
        self.faults = faults
        self.page_size = page_size
        self.hub = hub
        self.received: Counter[str] = Counter()  # REST requests by api-id, refused ones included

    def application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY_BYTES)
        app.router.add_get(wire.PATH_WEBSOCKET, self.hub.handle)
        if self.control is not None:
            self.control.routes(app)
        app.router.add_route("*", "/{tail:.*}", self.handle)
        return app

    async def handle(self, request: web.Request) -> web.StreamResponse:
        api_id = request.headers.get("api-id", "")
        self.received[api_id or _DEFAULT_API_ID.get(request.path, "")] += 1
        try:
            return await self._handle(request)
        except errors.ApiError as error:
            return _json(error.body(), error.http_status, {"api-id": api_id})
        except Exception:  # a bug in the Sandbox must answer like a server error, not kill the connection
            log.exception("sandbox failed on %s %s", api_id, request.path)
            return _json(errors.documented(1999).body(), 500, {"api-id": api_id})

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.path not in wire.PATHS:
            raise errors.ApiError(errors.INPUT_RC, f"요청한 경로 {request.path}은(는) 존재하지 않습니다", 404)
        if request.method != "POST":
            raise errors.ApiError(errors.INPUT_RC, f"{request.method}는 지원하지 않습니다. POST로 요청하세요", 405)
        endpoint = self._endpoint(request)
        content_type = request.headers.get("Content-Type", "")
        if not content_type.lower().startswith("application/json"):
            raise errors.documented(1512, f"Content-Type은 {JSON_CONTENT_TYPE}이어야 합니다")
        if endpoint.needs_token:
            self.tokens.check(parse_authorization(request.headers.get("authorization")))

        body = await self._body(request)  # read first: a delayed request has fully reached the server
        await self._refuse_by_fault(endpoint.api_id)
        fields = endpoint.parse(body)
        key = self._page_key(request, endpoint)

        self.broker.roll_day()
        answer = self._answer(endpoint, fields)
        headers = {"api-id": endpoint.api_id, "cont-yn": "N", "next-key": ""}
        if endpoint.list_key is not None:
            rows = answer[endpoint.list_key]
            # A list that grows at its newest end (candles) counts its key from the oldest end: a minute that starts
            # between two pages adds a row in front, and the next page still starts where the last one stopped.
            start = (max(len(rows) - key, 0) if key is not None else 0) if endpoint.grows_in_front else (key or 0)
            end = start + self.page_size
            answer[endpoint.list_key] = rows[start:end]
            if end < len(rows):
                following = len(rows) - end if endpoint.grows_in_front else end
                headers["cont-yn"], headers["next-key"] = "Y", f"{endpoint.api_id}-{following:08d}"

        if endpoint.api_id in ("kt10000", "kt10001", "kt10006", "kt10007") and self.faults.take(
            FaultKind.REJECT_AFTER_ACCEPT, endpoint.api_id
        ):
            self.broker.reject(answer["ord_no"], "주문이 거부되었습니다 (연습 거래소 시험용 거부)")
        if self.faults.take(FaultKind.DROP_RESPONSE, endpoint.api_id) and request.transport is not None:
            log.info("fault: %s processed, answer dropped", endpoint.api_id)
            request.transport.abort()
        return _json(answer, headers=headers)

    def _endpoint(self, request: web.Request) -> wire.Endpoint:
        api_id = request.headers.get("api-id") or _DEFAULT_API_ID.get(request.path, "")
        if not api_id:
            raise errors.documented(1501)
        endpoint = wire.ENDPOINTS.get(api_id)
        if endpoint is None:
            raise errors.documented(1505, f"API ID={api_id} (연습 거래소가 제공하지 않는 API일 수 있습니다)")
        if endpoint.path != request.path:
            raise errors.documented(1504, f"API ID={api_id}, URI={request.path} (올바른 URI: {endpoint.path})")
        return endpoint

    async def _refuse_by_fault(self, api_id: str) -> None:
        latency = self.faults.take(FaultKind.LATENCY, api_id)
        if latency is not None:
            await asyncio.sleep(latency.delay)
        if self.faults.take(FaultKind.HTTP_500, api_id):
            raise errors.ApiError(
                errors.SERVER_RC, "일시적인 서버 오류입니다[1999:예기치 못한 에러가 발생했습니다]", 500
            )
        if self.faults.take(FaultKind.HTTP_429, api_id):
            raise errors.rate_limited(api_id, http_status=429)
        if self.faults.take(FaultKind.RATE_LIMIT, api_id):
            raise errors.rate_limited(api_id)
        injected = self.faults.take(FaultKind.ERROR_CODE, api_id)
        if injected is not None:
            raise errors.documented(injected.code, f"API ID={api_id}")

    @staticmethod
    async def _body(request: web.Request) -> dict[str, Any]:
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise errors.documented(1517, f"요청 본문이 {MAX_BODY_BYTES:,}바이트를 넘습니다", http_status=413) from None
        if not raw.strip():
            return {}
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise errors.documented(1517, "요청 본문이 UTF-8 JSON이 아닙니다", http_status=400) from None
        if not isinstance(body, dict):
            raise errors.documented(1517, "요청 본문은 JSON 객체여야 합니다", http_status=400)
        return body

    @staticmethod
    def _page_key(request: web.Request, endpoint: wire.Endpoint) -> int | None:
        """The number in a continuation key (rows before the page, or after it for a list that grows in front);
        None on a first request."""
        if request.headers.get("cont-yn", "N") != "Y" or endpoint.list_key is None:
            return None
        key = request.headers.get("next-key", "")
        prefix, _, number = key.rpartition("-")
        if prefix != endpoint.api_id or not number.isdigit():
            raise errors.malformed("next-key", f"'{key}'은(는) 이 API의 연속조회키가 아닙니다")
        return int(number)

    def _answer(self, endpoint: wire.Endpoint, fields: dict[str, str]) -> Answer:
        if endpoint.api_id == "au10001":
            token, expires_at = self.tokens.issue(fields["grant_type"], fields["appkey"], fields["secretkey"])
            return ok(
                "정상적으로 처리되었습니다",
                expires_dt=expires_at.strftime("%Y%m%d%H%M%S"),
                token_type="bearer",
                token=token,
            )
        if endpoint.api_id == "au10002":
            self.tokens.revoke(fields["appkey"], fields["secretkey"], fields["token"])
            return ok("정상적으로 처리되었습니다")
        try:
            return HANDLERS[endpoint.api_id](self.broker, fields)
        except OrderRejected as rejection:
            raise errors.rejected(str(rejection)) from None
