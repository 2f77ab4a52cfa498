"""The Sandbox refuses what the real server refuses, with the documented codes, and never falls over."""

from __future__ import annotations

import pytest

from kiwoom_desk.sandbox import SandboxExchange

from .conftest import JSON, Wire

ORDER = {"dmst_stex_tp": "KRX", "stk_cd": "005930", "ord_qty": "1", "ord_uv": "71200", "trde_tp": "0", "cond_uv": ""}


def _headers(wire: Wire, api_id: str | None = "kt10000", content_type: str = JSON) -> dict[str, str]:
    headers = {"Content-Type": content_type, "authorization": f"Bearer {wire.token}"}
    if api_id is not None:
        headers["api-id"] = api_id
    return headers


def test_missing_api_id_is_1501(wire: Wire) -> None:
    answer = wire.http.post("/api/dostk/ordr", json=ORDER, headers=_headers(wire, None)).json()
    assert "[1501:" in answer["return_msg"]


def test_unknown_api_id_is_1505(wire: Wire) -> None:
    assert "[1505:" in wire.refused("kt99999", {}, path="/api/dostk/ordr")["return_msg"]


def test_api_id_at_the_wrong_path_is_1504(wire: Wire) -> None:
    # kt10002 is an order TR (modify), not an order query on the account path
    answer = wire.refused("kt10002", {}, path="/api/dostk/acnt")
    assert "[1504:" in answer["return_msg"]
    assert "/api/dostk/ordr" in answer["return_msg"]


def test_unknown_path_and_wrong_method(wire: Wire) -> None:
    response = wire.http.post("/api/dostk/nothing", json={}, headers=_headers(wire))
    assert response.status_code == 404 and response.json()["return_code"] != 0
    response = wire.http.get("/api/dostk/ordr", headers=_headers(wire))
    assert response.status_code == 405 and "POST" in response.json()["return_msg"]


def test_content_type_must_be_json(wire: Wire) -> None:
    response = wire.http.post("/api/dostk/ordr", data={"a": "b"}, headers=_headers(wire, content_type="text/plain"))
    assert "[1512:" in response.json()["return_msg"]


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'"text"', b"[" * 60_000])
def test_malformed_bodies_get_1517_and_the_server_survives(wire: Wire, raw: bytes) -> None:
    response = wire.http.post("/api/dostk/ordr", content=raw, headers=_headers(wire))
    assert response.status_code in (400, 413)
    assert "[1517:" in response.json()["return_msg"]
    assert wire.call("ka00001", {})["acctNo"]


def test_a_huge_body_is_refused_not_read(wire: Wire) -> None:
    huge = b'{"stk_cd": "' + b"9" * 5_000_000 + b'"}'
    response = wire.http.post("/api/dostk/ordr", content=huge, headers=_headers(wire))
    assert response.status_code == 413
    assert "[1517:" in response.json()["return_msg"]
    assert wire.call("ka00001", {})["acctNo"]


@pytest.mark.parametrize("field", ["dmst_stex_tp", "stk_cd", "ord_qty", "trde_tp"])
def test_each_required_order_field_is_named_when_missing(wire: Wire, field: str) -> None:
    body = {key: value for key, value in ORDER.items() if key != field}
    answer = wire.refused("kt10000", body)
    assert "[1511:" in answer["return_msg"]
    assert field in answer["return_msg"]
    assert wire.open_orders() == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ord_qty", "ten"),
        ("ord_qty", "-5"),
        ("ord_uv", "71,200"),
        ("trde_tp", "99"),
        ("dmst_stex_tp", "NYSE"),
        ("stk_cd", "5930"),
        ("stk_cd", "005930 "),
        ("ord_qty", "1" * 13),
        ("ord_qty", 10),
        ("cond_uv", None),
    ],
)
def test_malformed_values_get_1517_naming_the_field(wire: Wire, field: str, value: object) -> None:
    answer = wire.refused("kt10000", {**ORDER, field: value})
    assert "[1517:" in answer["return_msg"]
    assert field in answer["return_msg"]
    assert wire.open_orders() == []


def test_an_unknown_field_is_refused_rather_than_ignored(wire: Wire) -> None:
    # The seed document's wrong cancel body: kt10003 has no ord_no, it takes orig_ord_no.
    body = {"dmst_stex_tp": "KRX", "ord_no": "0000001", "stk_cd": "005930", "cncl_qty": "0", "orig_ord_no": "0000001"}
    answer = wire.refused("kt10003", body)
    assert "[1517:" in answer["return_msg"] and "ord_no" in answer["return_msg"]


def test_unknown_stock_is_1902(wire: Wire) -> None:
    assert "[1902:" in wire.refused("kt10000", {**ORDER, "stk_cd": "999999"})["return_msg"]
    assert "[1902:" in wire.refused("ka10001", {"stk_cd": "999999"})["return_msg"]


def test_other_venue_codes_are_refused_for_quotes(wire: Wire) -> None:
    assert "[1903:" in wire.refused("ka10001", {"stk_cd": "005930_NX"})["return_msg"]


def test_a_forged_next_key_is_refused(wire: Wire) -> None:
    answer = wire.refused("ka10099", {"mrkt_tp": "0"}, headers={"cont-yn": "Y", "next-key": "ka10075-00000001"})
    assert "[1517:" in answer["return_msg"] and "next-key" in answer["return_msg"]


def test_errors_are_korean_json_with_the_api_id_echoed(wire: Wire) -> None:
    response = wire.post("kt10000", {**ORDER, "ord_qty": "x"})
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["api-id"] == "kt10000"
    assert "입력 값 형식이 올바르지 않습니다" in response.json()["return_msg"]


def test_the_sandbox_survives_a_burst_of_garbage(sandbox: SandboxExchange, wire: Wire) -> None:
    payloads: list[bytes] = [b"", b"null", b"{}", b'{"stk_cd": {"nested": [1, 2]}}', bytes(range(256)), b"\x00" * 1000]
    for api_id in ("kt10000", "kt10002", "kt10003", "ka10075", "kt00018", "ka10004", "au10001"):
        for payload in payloads:
            response = wire.http.post("/api/dostk/ordr", content=payload, headers=_headers(wire, api_id))
            assert response.status_code < 500, (api_id, payload[:20], response.text)
    assert wire.open_orders() == []
    assert wire.call("ka00001", {})["acctNo"]
