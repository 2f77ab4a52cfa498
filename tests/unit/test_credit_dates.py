"""A loan date is read only where it means something: on a credit lot (a 33 sale is sent with it). On a cash row or
event the field is not read, so an odd value there (the real server's cash format is not documented) never fails
the whole balance or makes a fill's event unreadable."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from kiwoom_desk.kiwoom.events import OrderExecution, Unreadable
from kiwoom_desk.kiwoom.models import Holding
from kiwoom_desk.kiwoom.realtime import parse_real

ROW = {
    "stk_cd": "A005930",
    "stk_nm": "삼성전자",
    "rmnd_qty": "10",
    "trde_able_qty": "10",
    "pur_pric": "71000",
    "cur_prc": "71200",
    "pur_amt": "710000",
    "evlt_amt": "712000",
    "evltv_prft": "2000",
}
FILL: dict[str, Any] = {
    "type": "00",
    "item": "005930",
    "values": {"9203": "0000001", "913": "체결", "907": "2", "900": "10", "901": "71000", "902": "0", "911": "10"},
}


@pytest.mark.parametrize("odd", ["0", "00000000 ", "-", "2026-12-07"])
def test_a_cash_rows_odd_loan_date_is_not_read(odd: str) -> None:
    holding = Holding.model_validate({**ROW, "crd_tp": "00", "crd_loan_dt": odd})
    assert holding.loan_date == "" and not holding.on_credit
    event = parse_real({**FILL, "values": {**FILL["values"], "922": "00", "923": odd}})
    assert isinstance(event, OrderExecution) and event.loan_date == ""


def test_a_credit_lots_date_is_read_and_a_wrong_one_refused() -> None:
    lot = Holding.model_validate({**ROW, "crd_tp": "03", "crd_loan_dt": "20261207"})
    assert lot.on_credit and lot.loan_date == "20261207"
    with pytest.raises(pydantic.ValidationError):
        Holding.model_validate({**ROW, "crd_tp": "03", "crd_loan_dt": "2026-12-07"})
    event = parse_real({**FILL, "values": {**FILL["values"], "922": "03", "923": "2026-12-07"}})
    assert isinstance(event, Unreadable)  # a credit fill whose lot cannot be named is not guessed
