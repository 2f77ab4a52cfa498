"""One catalogue for every label: error explanations, order types and states, in Korean and in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from kiwoom_desk.kiwoom import OrderStatus, Side, TradeType, errors
from kiwoom_desk.trading.orders import Order, OrderState
from kiwoom_desk.ui import labels
from kiwoom_desk.ui.language import install_language


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    owner = QObject()
    translators = install_language("ko", owner)
    assert translators, "the Korean catalogue did not load"
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


EVERY_CLASS = [cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.KiwoomError)]
SPECIAL: dict[type[errors.KiwoomError], errors.KiwoomError] = {
    errors.OrderValidationError: errors.OrderValidationError("x", field="price"),
    errors.OrderStateUnknownError: errors.OrderStateUnknownError("x", api_id="kt10000", request={}),
}


def error(cls: type[errors.KiwoomError], return_msg: str = "") -> errors.KiwoomError:
    return cls("test", api_id="ka10001", return_code=2 if return_msg else None, return_msg=return_msg)


def test_errors_explain_themselves_in_english(qapp: QApplication) -> None:
    assert labels.explanation(error(errors.InputError)) == "The request does not match the server's format."
    assert labels.explanation(error(errors.ModeMismatchError, "[8030:모의투자 앱키]")) == (
        "This app key belongs to the other environment (real vs mock); enter the key for this one."
    )
    assert labels.explain(error(errors.ServerError, "[1999:예기치 못한 에러]")).endswith("([1999:예기치 못한 에러])")
    base = labels.explanation(error(errors.KiwoomError))
    for cls in EVERY_CLASS:
        text = labels.explanation(SPECIAL.get(cls) or error(cls))
        assert text.isascii() and text.endswith("."), cls.__name__
        assert cls is errors.KiwoomError or text != base, f"{cls.__name__} has no explanation of its own"


def test_errors_explain_themselves_in_korean(korean: None) -> None:
    assert "종목코드" in labels.explanation(error(errors.SymbolNotFoundError))
    assert "다른 투자구분" in labels.explanation(error(errors.ModeMismatchError, "[8030:모의투자 앱키]"))
    assert labels.explanation(error(errors.OrderRejectedError)) == "주문이 거부되었습니다. 서버의 사유를 확인하세요."
    every_class = [
        cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.KiwoomError)
    ]
    special: dict[type[errors.KiwoomError], errors.KiwoomError] = {
        errors.OrderValidationError: errors.OrderValidationError("x", field="price"),
        errors.OrderStateUnknownError: errors.OrderStateUnknownError("x", api_id="kt10000", request={}),
    }
    for cls in every_class:
        text = labels.explanation(special.get(cls) or error(cls))
        assert text and any("가" <= character <= "힣" for character in text), cls.__name__


def test_order_types_and_states_have_labels_in_both_languages(qapp: QApplication) -> None:
    english = {labels.trade_type_text(trade_type) for trade_type in TradeType}
    assert len(english) == 18 and labels.trade_type_text(TradeType.MARKET) == "Market"
    owner = QObject()
    translators = install_language("ko", owner)
    try:
        korean = {trade_type: labels.trade_type_text(trade_type) for trade_type in TradeType}
        assert korean[TradeType.MARKET] == "시장가" and korean[TradeType.LIMIT] == "보통"
        assert len(set(korean.values())) == 18
        ours = Order("0000001", "005930", "삼성전자", Side.BUY, "", OrderStatus.ACCEPTED, 1, 70_000, 1)
        assert labels.order_type_text(ours) == "" and labels.order_state_text(ours) == "접수"
        theirs = Order(
            "0000002", "005930", "삼성전자", Side.BUY, "보통", None, 1, 70_000, 1, trade_type=TradeType.LIMIT
        )
        assert labels.order_type_text(theirs) == "보통"
        doubtful = Order("0000003", "005930", "삼성전자", Side.BUY, "보통", None, 1, 1, 1, state=OrderState.UNKNOWN)
        assert labels.order_state_text(doubtful) == "확인 중"
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
