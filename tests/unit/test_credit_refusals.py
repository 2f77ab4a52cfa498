"""When a refusal means "this environment has no credit service" (and the ticket hides 신용), and when it is only
this order's refusal: a bare return code 20 is Mock's word alone, never a reason to take credit from Real."""

from __future__ import annotations

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import OrderRejectedError
from kiwoom_desk.trading.credit import not_offered


def test_only_mock_reads_a_bare_code_20_as_no_credit_service() -> None:
    bare = OrderRejectedError("refused", api_id="kt10006", return_code=20, return_msg="주문가능금액이 부족합니다")
    assert not_offered(bare, Environment.MOCK)
    assert not not_offered(bare, Environment.REAL)  # an ordinary refusal on Real: credit stays offered
    said = OrderRejectedError(
        "refused", api_id="kt10006", return_code=20, return_msg="모의투자에서는 해당업무가 제공되지 않습니다"
    )
    assert not_offered(said, Environment.REAL) and not_offered(said, Environment.MOCK)  # the words say it anywhere
