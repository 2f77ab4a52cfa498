"""au10001 / au10002 and the authorization header, over real HTTP."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiwoom_desk.sandbox.clock import KST

from .conftest import CREDENTIALS, JSON, FakeClock, Wire, running

BALANCE = {"qry_tp": "3"}


def test_token_is_issued_with_a_kst_expiry(wire: Wire) -> None:
    answer = wire.issue_token()
    assert answer["return_code"] == 0
    assert answer["token_type"] == "bearer"
    assert len(answer["token"]) >= 40
    expires = datetime.strptime(answer["expires_dt"], "%Y%m%d%H%M%S").replace(tzinfo=KST)
    assert timedelta(hours=23) < expires - datetime.now(KST) <= timedelta(hours=24)


def test_token_request_works_without_api_id_like_the_official_client(wire: Wire) -> None:
    body = {"grant_type": "client_credentials", **CREDENTIALS}
    answer = wire.http.post("/oauth2/token", json=body, headers={"Content-Type": JSON}).json()
    assert answer["return_code"] == 0 and answer["token"]


def test_a_token_works_until_revoked_then_gets_8005(wire: Wire) -> None:
    token = wire.issue_token()["token"]
    assert wire.call("kt00001", BALANCE, token=token)
    revoked = wire.http.post(
        "/oauth2/revoke", json={**CREDENTIALS, "token": token}, headers={"api-id": "au10002", "Content-Type": JSON}
    ).json()
    assert revoked == {"return_code": 0, "return_msg": "정상적으로 처리되었습니다"}
    answer = wire.refused("kt00001", BALANCE, token=token)
    assert answer["return_code"] == 3
    assert "[8005:" in answer["return_msg"]


@pytest.mark.parametrize("token", ["not-a-token", "x" * 86])
def test_unknown_tokens_get_8005(wire: Wire, token: str) -> None:
    assert "[8005:Token이 유효하지 않습니다]" in wire.refused("kt00001", BALANCE, token=token)["return_msg"]


@pytest.mark.parametrize(
    ("authorization", "code"),
    [(None, "1513"), ("eyJ0eXAi", "1514"), ("Basic abc", "1515"), ("Bearer", "1516")],
)
def test_malformed_authorization_headers(wire: Wire, authorization: str | None, code: str) -> None:
    headers = {"Content-Type": JSON, "api-id": "kt00001"}
    if authorization is not None:
        headers["authorization"] = authorization
    answer = wire.http.post("/api/dostk/acnt", json=BALANCE, headers=headers).json()
    assert f"[{code}:" in answer["return_msg"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"appkey": "a", "secretkey": "b"}, "8011"),
        ({"grant_type": "password", "appkey": "a", "secretkey": "b"}, "8012"),
        ({"grant_type": "client_credentials", "secretkey": "b"}, "8020"),
        ({"grant_type": "client_credentials", "appkey": "a", "secretkey": ""}, "8020"),
    ],
)
def test_token_requests_missing_parts_are_refused(wire: Wire, body: dict[str, str], code: str) -> None:
    answer = wire.http.post("/oauth2/token", json=body, headers={"api-id": "au10001", "Content-Type": JSON}).json()
    assert f"[{code}:" in answer["return_msg"]
    assert "token" not in answer


def test_configured_credentials_are_enforced(tmp_path: Path) -> None:
    with running(tmp_path, credentials=("right-key", "right-secret")) as (_exchange, wire):
        assert "[8001:" in wire.issue_token(appkey="wrong-key", secretkey="right-secret")["return_msg"]
        assert wire.issue_token(appkey="right-key", secretkey="right-secret")["return_code"] == 0


def test_a_token_expires_at_its_expires_dt(tmp_path: Path) -> None:
    clock = FakeClock()
    with running(tmp_path, clock=clock, token_lifetime=timedelta(hours=1)) as (_exchange, wire):
        answer = wire.issue_token()
        assert answer["expires_dt"] == "20261124110000"
        assert wire.call("kt00001", BALANCE, token=answer["token"])
        clock.advance(timedelta(hours=1))
        assert "[8005:" in wire.refused("kt00001", BALANCE, token=answer["token"])["return_msg"]


def test_tokens_are_not_reused(wire: Wire) -> None:
    tokens = {wire.issue_token()["token"] for _ in range(5)}
    assert len(tokens) == 5
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", token) for token in tokens)


def test_revoking_someone_elses_or_an_unknown_token_fails(wire: Wire) -> None:
    answer = wire.http.post(
        "/oauth2/revoke", json={**CREDENTIALS, "token": "nope"}, headers={"api-id": "au10002", "Content-Type": JSON}
    ).json()
    assert "[8005:" in answer["return_msg"]
    answer = wire.http.post(
        "/oauth2/revoke", json={**CREDENTIALS, "token": ""}, headers={"api-id": "au10002", "Content-Type": JSON}
    ).json()
    assert "[8016:" in answer["return_msg"]
