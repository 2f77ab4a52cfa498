"""Fixtures that run a real Sandbox on loopback and speak raw HTTP to it, as a hand-written client would."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.sandbox.clock import KST

from .client_support import CountingTransport

# Written from kiwoom-api.md, not imported from the Sandbox, so a wrong path there fails here.
PATHS = {
    "au10001": "/oauth2/token",
    "au10002": "/oauth2/revoke",
    "kt10000": "/api/dostk/ordr",
    "kt10001": "/api/dostk/ordr",
    "kt10002": "/api/dostk/ordr",
    "kt10003": "/api/dostk/ordr",
    "kt10006": "/api/dostk/crdordr",
    "kt10007": "/api/dostk/crdordr",
    "kt10008": "/api/dostk/crdordr",
    "kt10009": "/api/dostk/crdordr",
    "kt20016": "/api/dostk/stkinfo",
    "kt20017": "/api/dostk/stkinfo",
    "ka00001": "/api/dostk/acnt",
    "ka10075": "/api/dostk/acnt",
    "ka10076": "/api/dostk/acnt",
    "kt00007": "/api/dostk/acnt",
    "kt00018": "/api/dostk/acnt",
    "kt00001": "/api/dostk/acnt",
    "ka10170": "/api/dostk/acnt",
    "ka10077": "/api/dostk/acnt",
    "ka10001": "/api/dostk/stkinfo",
    "ka10095": "/api/dostk/stkinfo",
    "ka01300": "/api/dostk/watchlist",
    "ka01301": "/api/dostk/watchlist",
    "ka10099": "/api/dostk/stkinfo",
    "ka10004": "/api/dostk/mrkcond",
    "ka10080": "/api/dostk/chart",
    "ka10081": "/api/dostk/chart",
    "ka10030": "/api/dostk/rkinfo",
    "ka10032": "/api/dostk/rkinfo",
    "ka10027": "/api/dostk/rkinfo",
    "ka10023": "/api/dostk/rkinfo",
    "ka10059": "/api/dostk/stkinfo",
    "ka10064": "/api/dostk/chart",
    "ka90009": "/api/dostk/rkinfo",
    "ka10054": "/api/dostk/stkinfo",
}
JSON = "application/json;charset=UTF-8"
Answer = dict[str, Any]
CREDENTIALS = {"appkey": "sandbox-app-key", "secretkey": "sandbox-secret-key"}


def _answer(response: httpx.Response) -> Answer:
    answer: Answer = response.json()
    return answer


class Wire:
    """Raw HTTP to the Sandbox: headers and bodies exactly as written by the caller."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=10)
        self._token: str | None = None

    def close(self) -> None:
        self.http.close()

    def issue_token(self, **credentials: str) -> dict[str, Any]:
        body = {"grant_type": "client_credentials", **CREDENTIALS, **credentials}
        return _answer(self.http.post("/oauth2/token", json=body, headers={"api-id": "au10001", "Content-Type": JSON}))

    @property
    def token(self) -> str:
        if self._token is None:
            answer = self.issue_token()
            assert answer["return_code"] == 0, answer
            self._token = answer["token"]
        return self._token

    def post(
        self,
        api_id: str,
        body: Any,
        *,
        token: str | None = None,
        headers: dict[str, str] | None = None,
        path: str | None = None,
        timeout: float | None = None,
    ) -> httpx.Response:
        all_headers = {
            "Content-Type": JSON,
            "api-id": api_id,
            "authorization": f"Bearer {token if token is not None else self.token}",
            **(headers or {}),
        }
        return self.http.post(
            path or PATHS[api_id],
            json=body,
            headers=all_headers,
            timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
        )

    def call(self, api_id: str, body: Any, **kwargs: Any) -> dict[str, Any]:
        """The answer of a request that must succeed."""
        response = self.post(api_id, body, **kwargs)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        assert answer["return_code"] == 0, answer
        assert response.headers["api-id"] == api_id
        return answer

    def refused(self, api_id: str, body: Any, **kwargs: Any) -> dict[str, Any]:
        """The answer of a request that must be refused (any HTTP status)."""
        answer: dict[str, Any] = self.post(api_id, body, **kwargs).json()
        assert answer["return_code"] != 0, answer
        return answer

    # -- the requests the tests make most --

    def buy(self, code: str, qty: int, price: int | None = None, trade_type: str = "0", **extra: str) -> Answer:
        return _answer(self.post_order("kt10000", code, qty, price, trade_type, **extra))

    def sell(self, code: str, qty: int, price: int | None = None, trade_type: str = "0", **extra: str) -> Answer:
        return _answer(self.post_order("kt10001", code, qty, price, trade_type, **extra))

    def post_order(
        self, api_id: str, code: str, qty: int, price: int | None, trade_type: str, **extra: str
    ) -> httpx.Response:
        body = {
            "dmst_stex_tp": "KRX",
            "stk_cd": code,
            "ord_qty": str(qty),
            "ord_uv": "" if price is None else str(price),
            "trde_tp": trade_type,
            "cond_uv": "",
            **extra,
        }
        return self.post(api_id, body)

    def open_orders(self) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = self.call(
            "ka10075", {"all_stk_tp": "0", "trde_tp": "0", "stk_cd": "", "stex_tp": "0"}
        )["oso"]
        return rows

    def open_order(self, ord_no: str) -> dict[str, str] | None:
        return next((row for row in self.open_orders() if row["ord_no"] == ord_no), None)

    def deposit(self) -> dict[str, Any]:
        return self.call("kt00001", {"qry_tp": "3"})

    def balance(self) -> dict[str, Any]:
        return self.call("kt00018", {"qry_tp": "1", "dmst_stex_tp": "KRX"})

    def holding(self, code: str) -> dict[str, str] | None:
        rows = self.balance()["acnt_evlt_remn_indv_tot"]
        return next((row for row in rows if row["stk_cd"] == "A" + code), None)

    def history(self, qry_tp: str = "1") -> list[dict[str, str]]:
        rows: list[dict[str, str]] = self.call(
            "kt00007",
            {
                "ord_dt": "",
                "qry_tp": qry_tp,
                "stk_bond_tp": "0",
                "sell_tp": "0",
                "stk_cd": "",
                "fr_ord_no": "",
                "dmst_stex_tp": "%",
            },
        )["acnt_ord_cntr_prps_dtl"]
        return rows

    def book(self, code: str) -> dict[str, str]:
        return self.call("ka10004", {"stk_cd": code})


class FakeClock:
    """A KST wall clock the test moves by hand (token expiry, the next trading day)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@contextmanager
def running(data_dir: Path, **options: Any) -> Iterator[tuple[SandboxExchange, Wire]]:
    """A Sandbox with options of the test's own, and a wire to it; both closed afterwards."""
    exchange = start_sandbox(data_dir, **options)
    wire = Wire(exchange.rest_url)
    try:
        yield exchange, wire
    finally:
        wire.close()
        exchange.stop()


def start_sandbox(data_dir: Path, **options: Any) -> SandboxExchange:
    options.setdefault("seed", 7)
    options.setdefault("tick_interval", None)  # the tests move the market themselves
    return SandboxExchange(data_dir, **options).start()


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxExchange]:
    exchange = start_sandbox(tmp_path / "sandbox")
    yield exchange
    exchange.stop()


@pytest.fixture
def transport() -> CountingTransport:
    """A real httpx transport that counts what the client sends, per api-id."""
    return CountingTransport()


@pytest.fixture
def wire(sandbox: SandboxExchange) -> Iterator[Wire]:
    client = Wire(sandbox.rest_url)
    yield client
    client.close()


def amount(text: str) -> int:
    """A zero-padded, possibly signed wire number."""
    return int(text)


def price(text: str) -> int:
    """A signed wire price: the sign is the direction, not the value."""
    return abs(int(text))


def wait_until(condition: Callable[[], bool], message: str, timeout: float = 10.0) -> None:
    """Polls `condition` until it holds; fails with `message` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        pause.wait(0.005)


def pages(wire: Wire, api_id: str, body: dict[str, str], list_key: str) -> list[dict[str, str]]:
    """Every row of a paged list, following the cont-yn/next-key response headers to the last page."""
    rows: list[dict[str, str]] = []
    headers: dict[str, str] = {}
    while True:
        response = wire.post(api_id, body, headers=headers)
        answer: Answer = response.json()
        assert response.status_code == 200 and answer["return_code"] == 0, answer
        rows += answer[list_key]
        if response.headers["cont-yn"] != "Y":
            return rows
        headers = {"cont-yn": "Y", "next-key": response.headers["next-key"]}
