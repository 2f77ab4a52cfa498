"""Pieces of the client that need no server: codes, error classification, rate limiting, defaults by host."""

from __future__ import annotations

import pytest

from kiwoom_desk.environments import Endpoints, Environment
from kiwoom_desk.kiwoom import (
    MOCK_LIMITS,
    REAL_LIMITS,
    UNLIMITED,
    CredentialsError,
    DeviceAuthError,
    InputError,
    ModeMismatchError,
    OrderRejectedError,
    OrderStatus,
    RateLimitError,
    ServerError,
    Side,
    SymbolNotFoundError,
    TokenError,
    TradeType,
    Venue,
    mask_account,
)
from kiwoom_desk.kiwoom.errors import ApiError, documented_code, error_for
from kiwoom_desk.kiwoom.ratelimit import RateLimiter, TokenBucket


def test_enum_values_are_wire_codes() -> None:
    assert TradeType("3") is TradeType.MARKET
    assert Side.SELL.api_id == "kt10001" and Side.BUY.api_id == "kt10000"
    assert Venue.KRX == "KRX" and Venue("NXT") is Venue.NXT
    assert len(TradeType) == 18
    assert OrderStatus("체결") is OrderStatus.FILLED and len(OrderStatus) == 5
    assert {t.value for t in TradeType if t.needs_price} == {"0", "5", "10", "20", "28", "62"}


@pytest.mark.parametrize(
    ("return_code", "message", "code"),
    [
        (3, "인증에 실패했습니다[8005:Token이 유효하지 않습니다]", 8005),
        (5, "허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. API ID=ka10081]", 1700),
        (8030, "", 8030),
        (1, "CODE=8031 mode", 8031),
        (20, "[2000](RC4058:모의투자 장종료)", None),
        (0, "ok", None),
    ],
)
def test_documented_codes_are_found_in_either_place(return_code: int, message: str, code: int | None) -> None:
    assert documented_code(return_code, message) == code


@pytest.mark.parametrize(
    ("api_id", "return_code", "message", "status", "cls"),
    [
        ("ka10001", 2, "[1517:bad]", 200, InputError),
        ("ka10001", 5, "[1700:x]", 200, RateLimitError),
        ("ka10001", 5, "over", 200, RateLimitError),
        ("ka10001", None, "", 429, RateLimitError),
        ("ka10001", 2, "[1902:x]", 200, SymbolNotFoundError),
        ("au10001", 3, "[8001:x]", 200, CredentialsError),
        ("kt00001", 3, "[8005:x]", 200, TokenError),
        ("au10001", 3, "[8030:x]", 200, ModeMismatchError),
        ("kt00001", 3, "[8103:x]", 200, DeviceAuthError),
        ("kt00001", 99, "[1999:x]", 500, ServerError),
        ("kt10000", 20, "[2000](RC4000:주문가능금액이 부족합니다)", 200, OrderRejectedError),
        ("ka10001", 20, "something else", 200, ApiError),
    ],
)
def test_errors_are_classified(api_id: str, return_code: int | None, message: str, status: int, cls: type) -> None:
    error = error_for(api_id, return_code, message, status)
    assert type(error) is cls
    assert error.api_id == api_id and error.return_msg == message


def test_error_text_carries_context_but_explains_plainly() -> None:
    error = error_for("kt10000", 20, "[2000](RC4000:주문가능금액이 부족합니다)", 200)
    assert "api-id kt10000" in str(error) and "return_code 20" in str(error)
    assert isinstance(error, OrderRejectedError) and error.return_msg.endswith("부족합니다)")


def test_a_bucket_allows_its_burst_then_spaces_requests() -> None:
    now = [0.0]
    bucket = TokenBucket(rate=2.0, burst=2, clock=lambda: now[0])
    assert [bucket.reserve(), bucket.reserve()] == [0.0, 0.0]
    assert bucket.reserve() == pytest.approx(0.5)
    assert bucket.reserve() == pytest.approx(1.0)  # queued behind the previous caller
    now[0] = 10.0
    assert bucket.reserve() == 0.0


def test_api_ids_have_their_own_buckets_under_a_global_one() -> None:
    now = [0.0]
    limiter = RateLimiter(MOCK_LIMITS, clock=lambda: now[0])
    assert limiter.reserve("ka10001") == 0.0
    assert limiter.reserve("ka10001") == pytest.approx(1.0)  # mock: 1/s per api-id
    assert limiter.reserve("ka10004") == 0.0  # another api-id is not held back
    unlimited = RateLimiter(UNLIMITED, clock=lambda: now[0])
    assert all(unlimited.reserve("ka10001") == 0.0 for _ in range(100))


def test_chart_api_ids_get_no_burst_on_the_real_server() -> None:
    """#10: the chart TRs answer 유량=1 to a second call within a second, where others take a burst of two."""
    now = [0.0]
    limiter = RateLimiter(REAL_LIMITS, clock=lambda: now[0])
    assert [limiter.reserve("ka10001"), limiter.reserve("ka10001")] == [0.0, 0.0]
    now[0] = 10.0
    assert limiter.reserve("ka10081") == 0.0 and limiter.reserve("ka10081") == pytest.approx(1.0)
    assert limiter.reserve("ka10080") == 0.0  # a bucket of its own


def test_each_environment_carries_its_policy() -> None:
    """One home for endpoints, rate limits and venues: the environment, not the client's guess from a host."""
    assert Environment.MOCK.endpoints().rest_url == "https://mockapi.kiwoom.com"
    assert Environment.REAL.endpoints().ws_url == "wss://api.kiwoom.com:10000/api/dostk/websocket"
    assert Environment.MOCK.rate_limits is MOCK_LIMITS and Environment.MOCK.allowed_venues == {Venue.KRX}
    assert Environment.REAL.rate_limits is REAL_LIMITS and Environment.REAL.allowed_venues == set(Venue)
    assert Environment.SANDBOX.rate_limits is UNLIMITED and Environment.SANDBOX.allowed_venues == {Venue.KRX}
    sandbox = Endpoints.from_rest_url("http://127.0.0.1:18700/")
    assert sandbox == Endpoints("http://127.0.0.1:18700", "ws://127.0.0.1:18700/api/dostk/websocket")
    assert Environment.SANDBOX.endpoints(sandbox=sandbox) is sandbox
    proxy = Endpoints.from_rest_url("https://proxy.example:8443")
    assert proxy.ws_url == "wss://proxy.example:8443/api/dostk/websocket"
    assert Environment.MOCK.endpoints({Environment.MOCK: proxy}) is proxy
    with pytest.raises(LookupError):
        Environment.SANDBOX.endpoints()


def test_account_numbers_are_masked_to_the_last_four() -> None:
    assert mask_account("1234567890") == "******7890"
