"""A trader's session in the real window against the Sandbox: buy, sell, modify, cancel, bad input."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox

from kiwoom_desk.kiwoom import Side
from kiwoom_desk.ui.modify_dialog import ModifyDialog
from tests.window_support import modal

from .conftest import Desk

SAMSUNG = "005930"


def test_a_limit_buy_rests_in_open_orders(desk: Desk) -> None:
    desk.fill(SAMSUNG, 70_000, 10)
    desk.until(lambda: desk.open_order_numbers(), "the order never showed", action=desk.ticket.submitButton.click)
    desk.until(lambda: "주문 접수" in desk.window.status.message.text(), "the answer was not shown")
    (order,) = desk.window.openOrders.orders.rows()
    assert (order.side, order.price, order.unfilled, order.stock_name) == (Side.BUY, 70_000, 10, "삼성전자")
    assert "주문 접수" in desk.window.status.message.text() and order.order_no in desk.window.status.message.text()
    assert desk.ticket.submitButton.isEnabled()  # free again once the answer came


def test_a_market_buy_fills_into_positions_and_cash(desk: Desk) -> None:
    desk.fill(SAMSUNG, 0, 10, trade_type="3")
    assert not desk.ticket.priceSpin.isEnabled()
    desk.until(
        lambda: desk.window.positions.positions.rowCount() == 1, "no position", action=desk.ticket.submitButton.click
    )
    (holding,) = desk.window.positions.positions.rows()
    assert (holding.stock_code, holding.quantity, holding.average_price) == (SAMSUNG, 10, 71_300)
    desk.until(lambda: "예수금 9,286,894" in desk.window.positions.totalsLabel.text(), "cash did not follow the fill")
    assert desk.open_order_numbers() == []


def test_selling_a_position_by_double_click(desk: Desk) -> None:
    desk.fill(SAMSUNG, 0, 10, trade_type="3")
    desk.until(
        lambda: desk.window.positions.positions.rowCount() == 1, "no position", action=desk.ticket.submitButton.click
    )
    desk.until(lambda: not desk.ticket.busy, "the buy never got its answer")
    desk.act(lambda: desk.window.orderActions.prefill_sell(desk.window.positions.positions.row(0)))
    desk.until(lambda: desk.ticket.quote is not None, "no quote")
    assert desk.ticket.side is Side.SELL and desk.ticket.quantitySpin.value() == 10
    desk.act(lambda: desk.ticket.priceSpin.setValue(71_200))
    desk.act(lambda: desk.ticket.quantitySpin.setValue(4))
    desk.until(
        lambda: (
            desk.window.positions.positions.rowCount() == 1 and desk.window.positions.positions.row(0).quantity == 6
        ),
        "the sell did not fill",
        action=desk.ticket.submitButton.click,
    )
    desk.fill(SAMSUNG, 0, 6, trade_type="3", sell=True)
    desk.until(
        lambda: desk.window.positions.positions.rowCount() == 0, "market sell", action=desk.ticket.submitButton.click
    )


def test_modify_through_the_dialog(desk: Desk) -> None:
    desk.fill(SAMSUNG, 70_000, 10)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    original = desk.open_order_numbers()[0]
    desk.act(lambda: desk.window.openOrders.selectRow(0))
    dialog = desk.until(
        lambda: modal(ModifyDialog, "modifyDialog"),
        "no modify dialog",
        action=desk.window.orderActions.modify_selected,
    )
    desk.act(lambda: dialog.priceSpin.stepBy(-2))  # two ticks down
    assert dialog.priceSpin.value() == 69_800
    desk.until(
        lambda: len(desk.open_order_numbers()) == 1 and desk.open_order_numbers() != [original],
        "not modified",
        action=dialog.accept,
    )
    (order,) = desk.window.openOrders.orders.rows()
    assert (order.orig_order_no, order.price, order.unfilled) == (original, 69_800, 10)


def test_cancel_one_with_the_delete_key_and_all_with_confirmation(desk: Desk) -> None:
    for price in (70_000, 69_900, 69_800):
        desk.fill(SAMSUNG, price, 1)
        count = len(desk.open_order_numbers())
        desk.until(
            lambda count=count: len(desk.open_order_numbers()) == count + 1,
            "no order",
            action=desk.ticket.submitButton.click,
        )
    table = desk.window.openOrders
    desk.act(lambda: table.selectRow(0))
    desk.act(table.setFocus)
    desk.until(
        lambda: len(desk.open_order_numbers()) == 2,
        "Delete did not cancel",
        action=lambda: QTest.keyClick(table, Qt.Key.Key_Delete),
    )
    box = desk.until(
        lambda: modal(QMessageBox, "cancelAllDialog"), "no confirmation", action=desk.window.orderActions.cancel_all
    )
    assert "2" in box.text()
    desk.until(
        lambda: desk.open_order_numbers() == [],
        "not all cancelled",
        action=lambda: box.button(QMessageBox.StandardButton.Yes).click(),
    )
    assert desk.exchange_open_orders() == []


def test_bad_input_blocks_submit_with_the_right_message(desk: Desk) -> None:
    ticket = desk.ticket
    desk.fill(SAMSUNG, 71_250, 1)
    assert not ticket.submitButton.isEnabled()
    assert ticket.priceProblem.isVisible()
    assert ticket.priceProblem.text() == "호가단위(100원)에 맞지 않습니다: 71,200원 또는 71,300원"
    desk.act(lambda: ticket.priceSpin.setValue(95_000))
    assert ticket.priceProblem.text() == "상한가 92,500원을 넘습니다."
    desk.act(lambda: ticket.priceSpin.setValue(71_200))
    desk.act(lambda: ticket.quantitySpin.setValue(0))
    assert ticket.quantityProblem.text() == "수량을 1주 이상 입력하세요." and not ticket.submitButton.isEnabled()
    desk.act(lambda: ticket.quantitySpin.setValue(200))
    assert ticket.quantityProblem.text().startswith("주문가능금액이 부족합니다")
    desk.act(lambda: ticket.quantitySpin.setValue(1))
    assert ticket.submitButton.isEnabled() and not ticket.priceProblem.isVisible()
    desk.act(lambda: ticket.stockCodeEdit.setText("5930"))
    desk.act(ticket.revalidate)
    assert ticket.stockProblem.text().startswith("종목코드 6자리") and not ticket.submitButton.isEnabled()
    desk.fill(SAMSUNG, 71_200, 1, sell=True)
    assert ticket.quantityProblem.text() == "매도가능수량은 0주입니다." and not ticket.submitButton.isEnabled()
    assert desk.exchange_open_orders() == []


def test_the_price_steps_by_tick_and_the_buttons_set_limits(desk: Desk) -> None:
    ticket = desk.ticket
    desk.fill(SAMSUNG, 49_950, 1)
    desk.act(lambda: ticket.priceSpin.stepBy(1))
    assert ticket.priceSpin.value() == 50_000  # 49,900 band (tick 50) to the 50,000 band (tick 100)
    desk.act(lambda: ticket.priceSpin.stepBy(1))
    assert ticket.priceSpin.value() == 50_100
    desk.act(ticket.upperLimitButton.click)
    assert ticket.priceSpin.value() == 92_500
    desk.act(ticket.lowerLimitButton.click)
    assert ticket.priceSpin.value() == 49_900
    desk.act(ticket.currentPriceButton.click)
    assert ticket.priceSpin.value() == 71_200


def test_one_click_sends_one_order(desk: Desk) -> None:
    desk.fill(SAMSUNG, 70_000, 1)

    def double_click() -> None:
        desk.ticket.submitButton.click()
        desk.ticket.submitButton.click()  # the second lands on a disabled button

    desk.until(lambda: desk.open_order_numbers(), "no order", action=double_click)
    desk.until(lambda: desk.ticket.submitButton.isEnabled(), "button never came back")
    assert len(desk.exchange_open_orders()) == 1
    sent = [event for event in desk.window.session.journal.events() if event["kind"] == "sent"]
    assert len(sent) == 1


def test_double_clicking_an_open_order_loads_it_into_the_ticket(desk: Desk) -> None:
    desk.fill(SAMSUNG, 69_500, 7)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.act(lambda: desk.ticket.quantitySpin.setValue(1))
    table = desk.window.openOrders
    index = table.model().index(0, 3)
    desk.act(lambda: table.doubleClicked.emit(index))
    assert (desk.ticket.priceSpin.value(), desk.ticket.quantitySpin.value(), desk.ticket.side) == (69_500, 7, Side.BUY)
    assert desk.ticket.stockCodeEdit.text() == SAMSUNG


def test_a_modify_to_an_off_tick_price_is_said_and_cannot_be_sent(desk: Desk) -> None:
    desk.fill(SAMSUNG, 70_000, 10)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.act(lambda: desk.window.openOrders.selectRow(0))
    dialog = desk.until(
        lambda: modal(ModifyDialog, "modifyDialog"),
        "no modify dialog",
        action=desk.window.orderActions.modify_selected,
    )
    ok_at, height = dialog.okButton.mapTo(dialog, dialog.okButton.rect().topLeft()), dialog.height()
    desk.act(lambda: dialog.priceSpin.setValue(70_050))  # typed: between two 100-won ticks
    assert not dialog.okButton.isEnabled()
    assert dialog.priceProblem.isVisible() and "70,000" in dialog.priceProblem.text()
    assert dialog.okButton.mapTo(dialog, dialog.okButton.rect().topLeft()) == ok_at and dialog.height() == height
    desk.act(lambda: dialog.priceSpin.setValue(70_100))
    assert dialog.okButton.isEnabled() and not dialog.priceProblem.isVisible()
    assert dialog.okButton.mapTo(dialog, dialog.okButton.rect().topLeft()) == ok_at  # nothing moved under the pointer
    desk.act(dialog.reject)


def test_a_new_stock_takes_its_own_price_and_no_shares_unless_kept(desk: Desk) -> None:
    kakao = desk.complete(desk.window.desk.quote("035720"))  # type: ignore[union-attr]
    desk.fill(SAMSUNG, 71_000, 5)
    desk.act(lambda: desk.ticket.stockCodeEdit.clear())
    desk.act(lambda: QTest.keyClicks(desk.ticket.stockCodeEdit, "035720"))
    desk.until(lambda: desk.ticket.quote is not None and desk.ticket.quote.code == "035720", "no quote for 카카오")
    assert (desk.ticket.priceSpin.value(), desk.ticket.quantitySpin.value()) == (kakao.current, 0)
    desk.act(lambda: desk.ticket.quantitySpin.setValue(7))
    desk.act(lambda: desk.ticket.keepQuantityCheck.setChecked(True))
    desk.act(lambda: desk.ticket.stockCodeEdit.clear())
    desk.act(lambda: QTest.keyClicks(desk.ticket.stockCodeEdit, SAMSUNG))
    desk.until(lambda: desk.ticket.quote is not None and desk.ticket.quote.code == SAMSUNG, "no quote for 삼성전자")
    assert (desk.ticket.priceSpin.value(), desk.ticket.quantitySpin.value()) == (71_200, 7)


def test_the_stop_price_is_off_until_a_stop_order_is_chosen(desk: Desk) -> None:
    assert not desk.ticket.stopPriceSpin.isEnabled()
    desk.act(lambda: desk.ticket.tradeTypeCombo.setCurrentIndex(desk.ticket.tradeTypeCombo.findData("28")))
    assert desk.ticket.stopPriceSpin.isEnabled()


def test_the_cancel_button_and_the_right_click_menu_cancel_and_say_what(desk: Desk) -> None:
    from PySide6.QtWidgets import QMenu

    desk.fill(SAMSUNG, 70_000, 10)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    button = desk.window.cancelOrderButton
    assert button.objectName() == "cancelOrderButton" and not button.isEnabled()  # nothing selected yet
    desk.act(lambda: desk.window.openOrders.selectRow(0))
    assert button.isEnabled()
    desk.until(lambda: desk.open_order_numbers() == [], "the button did not cancel", action=button.click)
    desk.until(lambda: "삼성전자 매수 10주" in desk.window.status.message.text(), "the message does not say what")
    assert desk.exchange_open_orders() == []

    desk.fill(SAMSUNG, 69_000, 2)
    desk.until(lambda: desk.open_order_numbers(), "no second order", action=desk.ticket.submitButton.click)
    table = desk.window.openOrders
    desk.act(lambda: table.selectRow(0))
    desk.act(lambda: table.customContextMenuRequested.emit(table.visualRect(table.model().index(0, 0)).center()))
    menu = desk.until(lambda: table.findChild(QMenu, "openOrderMenu"), "no menu")
    modify, cancel = menu.actions()
    assert (modify.text(), cancel.text()) == ("정정...", "취소") and modify.isEnabled()
    desk.until(lambda: desk.open_order_numbers() == [], "the menu did not cancel", action=cancel.trigger)
    desk.act(menu.close)


def test_a_single_cancel_can_be_made_to_ask_first(desk: Desk) -> None:
    desk.act(lambda: desk.window.menus.confirmCancelAction.setChecked(True))
    desk.fill(SAMSUNG, 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.act(lambda: desk.window.openOrders.selectRow(0))
    box = desk.until(
        lambda: modal(QMessageBox, "cancelOrderDialog"), "no question", action=desk.window.cancelOrderButton.click
    )
    assert "삼성전자 매수 1주" in box.text()
    desk.act(lambda: box.button(QMessageBox.StandardButton.No).click())
    assert len(desk.open_order_numbers()) == 1 and len(desk.exchange_open_orders()) == 1


def test_a_quote_the_server_could_not_give_says_so_and_is_asked_again(desk: Desk) -> None:
    from kiwoom_desk.sandbox import FaultKind

    from .conftest import _type

    desk.sandbox.inject(FaultKind.HTTP_500, api_id="ka10001", times=1)
    ticket = desk.ticket
    desk.act(lambda: ticket.stockCodeEdit.clear())
    desk.act(lambda: _type(ticket.stockCodeEdit, "035720"))
    desk.until(lambda: "다시 시도" in ticket.stockProblem.text(), "the failure was not said")
    assert ticket.stockProblem.isVisible() and "코드" not in ticket.stockProblem.text()  # not the code's fault
    desk.until(lambda: ticket.quote is not None and ticket.quote.code == "035720", "the quote was not asked again")
    assert not ticket.stockProblem.isVisible()


def test_an_unknown_code_carries_no_price_or_problem_from_the_last_stock(desk: Desk) -> None:
    from .conftest import _type

    desk.fill(SAMSUNG, 71_250, 3)  # an off-tick price for 삼성전자
    assert desk.ticket.priceProblem.isVisible()
    desk.act(lambda: desk.ticket.stockCodeEdit.clear())
    desk.act(lambda: _type(desk.ticket.stockCodeEdit, "999999"))
    desk.until(lambda: desk.ticket.quote is None and desk.ticket.stockCodeEdit.text() == "999999", "no new code")
    assert (desk.ticket.priceSpin.value(), desk.ticket.quantitySpin.value()) == (0, 0)
    assert not desk.ticket.priceProblem.isVisible() and not desk.ticket.submitButton.isEnabled()


def test_a_good_code_takes_back_the_last_codes_problem_from_the_status_bar(desk: Desk) -> None:
    from .conftest import _type

    desk.window.status._held_until = 0.0  # as if "ready" had been read: the bar takes lesser messages again
    desk.act(lambda: desk.ticket.stockCodeEdit.clear())
    desk.act(lambda: _type(desk.ticket.stockCodeEdit, "99999X"))
    desk.until(lambda: "99999X" in desk.window.status.message.text(), "the unknown code was not said")
    desk.act(lambda: desk.ticket.stockCodeEdit.clear())
    desk.act(lambda: _type(desk.ticket.stockCodeEdit, SAMSUNG))
    desk.until(lambda: desk.ticket.quote is not None and desk.ticket.quote.code == SAMSUNG, "no quote")
    assert "99999X" not in desk.window.status.message.text()


def test_a_longer_name_bought_later_is_not_cut_in_the_positions(desk: Desk) -> None:
    table = desk.window.positions.table
    for code, name in ((SAMSUNG, "삼성전자"), ("000660", "SK하이닉스")):
        desk.fill(code, 0, 1, trade_type="3")
        desk.until(lambda: not desk.ticket.busy, "no answer", action=desk.ticket.submitButton.click)
        desk.until(lambda name=name: any(p.stock_name == name for p in desk.window.positions.positions.rows()), name)
    needed = table.fontMetrics().horizontalAdvance("SK하이닉스")
    assert table.columnWidth(1) > needed  # the name column grew for the second stock


def test_a_market_buys_estimate_says_it_is_at_the_upper_limit(desk: Desk) -> None:
    """Two newcomers read 925,138원 for 10 shares at about 71,500 as a wrong price: it is the cash held."""
    desk.fill("005930", 0, 10, trade_type="3")
    quote = desk.ticket.quote
    assert quote is not None
    texts = " ".join(label.text() for label in desk.ticket.findChildren(QLabel))
    assert (
        f"예상 주문금액(상한가 기준): {quote.limits.upper * 10 + quote.limits.upper * 10 * 15 // 100_000:,}원" in texts
    )
