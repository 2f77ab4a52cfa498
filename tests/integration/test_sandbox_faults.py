"""Fault injection: each mode does what a test needs it to, once, and only where it was aimed."""

from __future__ import annotations

import httpx
import pytest

from kiwoom_desk.sandbox import FaultKind, SandboxExchange

from .conftest import Wire, wait_until

SAMSUNG = "005930"
ORDER = {"dmst_stex_tp": "KRX", "stk_cd": SAMSUNG, "ord_qty": "1", "ord_uv": "70000", "trde_tp": "0", "cond_uv": ""}


def test_latency_delays_but_still_processes(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.inject(FaultKind.LATENCY, api_id="kt10000", delay=1.0)
    with pytest.raises(httpx.ReadTimeout):
        wire.post("kt10000", ORDER, timeout=0.2)
    wait_until(lambda: len(wire.open_orders()) == 1, "the delayed order never arrived")
    assert len(wire.history()) == 1


def test_http_500_refuses_without_processing(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.inject(FaultKind.HTTP_500, api_id="kt10000")
    response = wire.post("kt10000", ORDER)
    assert response.status_code == 500 and response.json()["return_code"] != 0
    assert wire.history() == []
    assert wire.post("kt10000", ORDER).json()["return_code"] == 0  # one use only


def test_http_429_carries_the_1700_message(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.inject(FaultKind.HTTP_429, api_id="kt10000")
    response = wire.post("kt10000", ORDER)
    assert response.status_code == 429
    answer = response.json()
    assert answer["return_code"] == 5 and "[1700:" in answer["return_msg"] and "API ID=kt10000" in answer["return_msg"]
    assert wire.history() == []


def test_rate_limit_as_return_code_5_with_http_200(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.inject(FaultKind.RATE_LIMIT, api_id="ka10075", times=2)
    for _ in range(2):
        response = wire.post("ka10075", {"all_stk_tp": "0", "trde_tp": "0", "stex_tp": "0"})
        assert response.status_code == 200
        assert response.json()["return_code"] == 5 and "[1700:" in response.json()["return_msg"]
    assert wire.open_orders() == []


def test_a_dropped_answer_still_leaves_exactly_one_order(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.inject(FaultKind.DROP_RESPONSE, api_id="kt10000")
    with pytest.raises(httpx.RemoteProtocolError):
        wire.post("kt10000", ORDER)
    assert len(wire.open_orders()) == 1
    assert len(wire.history()) == 1
    assert wire.post("kt10000", ORDER).json()["return_code"] == 0


def test_expired_tokens_get_8005_and_a_new_token_works(sandbox: SandboxExchange, wire: Wire) -> None:
    token = wire.token
    sandbox.expire_tokens()
    assert "[8005:" in wire.refused("ka00001", {}, token=token)["return_msg"]
    assert wire.call("ka00001", {}, token=wire.issue_token()["token"])["acctNo"]


def test_faults_hit_only_their_api_id_and_can_be_cleared(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.inject(FaultKind.HTTP_500, api_id="kt10000", times=None)
    assert wire.call("ka00001", {})["acctNo"]
    assert wire.post("kt10000", ORDER).status_code == 500
    assert wire.post("kt10000", ORDER).status_code == 500
    sandbox.clear_faults()
    assert wire.post("kt10000", ORDER).json()["return_code"] == 0


def test_faults_are_not_reachable_over_http(wire: Wire) -> None:
    for path in ("/faults", "/admin", "/api/dostk/faults"):
        assert wire.http.post(path, json={"kind": "http_500"}).status_code == 404


@pytest.mark.parametrize(("code", "return_code"), [(8030, 3), (8031, 3), (8010, 3), (8103, 3), (1701, 5), (1999, 99)])
def test_any_documented_error_can_be_injected(
    sandbox: SandboxExchange, wire: Wire, code: int, return_code: int
) -> None:
    sandbox.inject(FaultKind.ERROR_CODE, api_id="kt10000", code=code)
    answer = wire.refused("kt10000", ORDER)
    assert answer["return_code"] == return_code and f"[{code}:" in answer["return_msg"]
    assert wire.history() == []
    assert wire.post("kt10000", ORDER).json()["return_code"] == 0


def test_only_documented_codes_can_be_injected(sandbox: SandboxExchange) -> None:
    with pytest.raises(ValueError, match="no documented error 4242"):
        sandbox.inject(FaultKind.ERROR_CODE, code=4242)
