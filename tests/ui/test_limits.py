"""The trader's fat-finger limits on screen (#12): each blocks the ticket with its message, practice can let one
order over them with a question, Real can't, a modify is held to them, and the Settings dialog keeps them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from kiwoom_desk.environments import Environment
from kiwoom_desk.trading.limits import DEFAULT_LIMITS, OrderPace
from kiwoom_desk.trading.rules import RiskLimits
from kiwoom_desk.ui import dialogs
from kiwoom_desk.ui.modify_dialog import ModifyDialog
from kiwoom_desk.ui.risk_limits import RiskLimitsDialog, load_limits
from tests.window_support import modal

from .conftest import Desk

SAMSUNG = "005930"  # at 71,200 in the fixture's Sandbox
LIMITS = RiskLimits(max_quantity=100, max_amount=5_000_000, max_distance_percent=10, max_orders_per_minute=2)


def use_limits(desk: Desk, limits: RiskLimits = LIMITS) -> None:
    desk.window.session.set_limits(desk.window.environment, limits)
    desk.act(desk.ticket.revalidate)


def blocked_with(desk: Desk, label: QLabel, text: str) -> None:
    assert not desk.ticket.submitButton.isEnabled(), "the button stayed on"
    assert label.isVisible() and label.text() == text, label.text()


def test_each_limit_blocks_the_ticket_with_its_message(desk: Desk) -> None:
    use_limits(desk)
    ticket = desk.ticket
    desk.fill(SAMSUNG, 60_000, 101)
    blocked_with(desk, ticket.quantityProblem, "주문당 한도 100주 초과 · 주문당 한도 5,000,000원 초과")
    desk.act(lambda: ticket.quantitySpin.setValue(100))  # 6,000,000 won
    blocked_with(desk, ticket.quantityProblem, "주문당 한도 5,000,000원 초과")
    assert ticket.priceProblem.text() == "현재가 ±10% 밖: 64,100~78,300원"
    desk.act(lambda: ticket.quantitySpin.setValue(10))
    desk.act(lambda: ticket.priceSpin.setValue(64_100))
    assert ticket.submitButton.isEnabled() and not ticket.priceProblem.isVisible()
    desk.act(lambda: ticket.tradeTypeCombo.setCurrentIndex(ticket.tradeTypeCombo.findData("3")))  # market: at 71,200
    desk.act(lambda: ticket.quantitySpin.setValue(71))
    blocked_with(desk, ticket.quantityProblem, "주문당 한도 5,000,000원 초과")  # 71 x 71,200 = 5,055,200 won


def test_the_orders_of_the_last_minute_block_the_next_until_one_leaves(desk: Desk) -> None:
    now = [0.0]
    guard = desk.window.session.guards[Environment.SANDBOX]
    guard.pace = OrderPace(lambda: now[0])
    use_limits(desk)
    for price in (70_000, 69_900):
        desk.fill(SAMSUNG, price, 1)
        count = len(desk.open_order_numbers())
        desk.until(lambda count=count: len(desk.open_order_numbers()) == count + 1, "no order",
                   action=desk.ticket.submitButton.click)  # fmt: skip
        desk.until(lambda: not desk.ticket.busy, "no answer")
        now[0] += 10
    desk.act(desk.ticket.revalidate)  # at 20 s: the first order leaves the minute at 60 s
    blocked_with(desk, desk.ticket.venueProblem, "1분 2건 한도: 40초 뒤 가능")
    assert desk.ticket.limits.recheckTimer.isActive()  # the ticket looks again when the first order leaves the minute
    now[0] = 60.0
    desk.act(desk.ticket.limits.recheckTimer.timeout.emit)
    assert desk.ticket.submitButton.isEnabled() and not desk.ticket.venueProblem.isVisible()
    assert desk.sandbox.requests()["kt10000"] == 2


def test_practice_can_send_one_order_over_the_limits_after_a_question(desk: Desk) -> None:
    use_limits(desk)
    ticket = desk.ticket
    desk.fill(SAMSUNG, 70_000, 101)
    box = ticket.limits.overrideCheck
    assert box.isVisible() and not ticket.submitButton.isEnabled()
    desk.act(lambda: box.setChecked(True))
    assert ticket.submitButton.isEnabled()
    dialog = desk.until(lambda: modal(dialogs.ConfirmOrderDialog, "confirmOrderDialog"), "no question",
                        action=ticket.submitButton.click)  # fmt: skip
    warning = dialog.findChild(QLabel, "overLimitsWarning")
    assert warning is not None and "한도 100주" in warning.text()
    desk.act(dialog.sendButton.click)
    desk.until(lambda: desk.open_order_numbers(), "the order over the limits was not sent")
    desk.until(lambda: not ticket.busy, "no answer")
    assert not box.isChecked() and not ticket.submitButton.isEnabled()  # the next one is held to them again
    (sent,) = [event for event in desk.window.session.journal.events() if event["kind"] == "sent"]
    assert sent["detail"]["over_limits"] == ["over_max_quantity", "over_max_amount"]  # went over them by choice


def test_real_limits_can_not_be_overridden_from_the_ticket(desk: Desk) -> None:
    window = desk.window
    desk.enter_real()
    assert window.session.guards[Environment.REAL].limits == DEFAULT_LIMITS[Environment.REAL]
    use_limits(desk, RiskLimits(max_quantity=10))  # the Sandbox's 10,000,000 won would run out before 1,000 shares
    desk.fill(SAMSUNG, 71_200, 11)
    blocked_with(desk, desk.ticket.quantityProblem, "주문당 한도 10주 초과")
    assert not desk.ticket.limits.overrideCheck.isVisible()
    desk.act(lambda: desk.ticket.limits.overrideCheck.setChecked(True))  # even if something ticked the hidden box
    assert not desk.ticket.submitButton.isEnabled()


def test_a_modify_over_the_limits_can_not_be_sent(desk: Desk) -> None:
    use_limits(desk, RiskLimits(max_distance_percent=10))
    desk.fill(SAMSUNG, 70_000, 5)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    (order,) = desk.window.openOrders.orders.rows()
    desk.act(lambda: desk.window.orderActions.modify(order))  # 정정 from the open orders' menu
    dialog = desk.until(lambda: modal(ModifyDialog, "modifyDialog"), "no modify dialog")
    desk.act(lambda: dialog.priceSpin.setValue(60_000))
    assert not dialog.okButton.isEnabled() and dialog.priceProblem.text() == "현재가 ±10% 밖: 64,100~78,300원"
    desk.act(lambda: dialog.priceSpin.setValue(69_000))
    assert dialog.okButton.isEnabled() and not dialog.limitsProblem.isVisible()
    desk.act(dialog.reject)
    desk.until(lambda: not desk.window.bridge.orders_pending, "the modify never ended")


def test_the_limits_dialog_saves_per_environment_and_the_ticket_follows(desk: Desk) -> None:
    window = desk.window
    task = desk.loop.create_task(window.menus.edit_limits())
    dialog = desk.until(lambda: modal(RiskLimitsDialog, "riskLimitsDialog"), "no limits dialog")
    spins = dialog.spins
    assert spins[Environment.REAL, "max_distance_percent"].value() == 10
    assert spins[Environment.REAL, "max_quantity"].minimum() == 1  # real money always has its limits
    assert spins[Environment.SANDBOX, "max_quantity"].minimum() == 0
    desk.act(lambda: spins[Environment.SANDBOX, "max_quantity"].setValue(3))
    desk.act(dialog.accept)
    desk.until(task.done, "the dialog never closed")
    saved = load_limits(QSettings(window.settings.fileName(), QSettings.Format.IniFormat))
    assert saved[Environment.SANDBOX].max_quantity == 3 and saved[Environment.REAL] == DEFAULT_LIMITS[Environment.REAL]
    desk.fill(SAMSUNG, 71_200, 4)
    blocked_with(desk, desk.ticket.quantityProblem, "주문당 한도 3주 초과")


def test_a_price_that_the_market_leaves_too_far_behind_blocks_without_an_edit(desk: Desk) -> None:
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    use_limits(desk, RiskLimits(max_distance_percent=10))
    ticket = desk.ticket
    desk.fill(SAMSUNG, 64_100, 1)  # the lowest price 10 % allows at 71,200
    assert ticket.submitButton.isEnabled()
    desk.sandbox.set_price(SAMSUNG, 72_000, depth=200)  # the market moves up: 64,100 is now too far below
    desk.until(lambda: not ticket.submitButton.isEnabled(), "the ticket did not see the price leave its order behind")
    assert ticket.priceProblem.text() == "현재가 ±10% 밖: 64,800~79,200원"


def test_the_override_is_for_the_order_it_was_ticked_for(desk: Desk) -> None:
    use_limits(desk)
    ticket = desk.ticket
    desk.fill(SAMSUNG, 70_000, 101)
    desk.act(lambda: ticket.limits.overrideCheck.setChecked(True))
    assert ticket.submitButton.isEnabled()
    desk.act(lambda: ticket.quantitySpin.setValue(150))  # another order: the box asks again
    assert not ticket.limits.overrideCheck.isChecked() and not ticket.submitButton.isEnabled()


def test_cancel_all_asks_once_however_often_it_is_pressed(desk: Desk) -> None:
    desk.fill(SAMSUNG, 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    for _ in range(3):
        desk.act(desk.window.orderActions.cancel_all)
    box = desk.until(lambda: modal(QMessageBox, "cancelAllDialog"), "no question")
    questions = [widget for widget in QApplication.topLevelWidgets() if widget.objectName() == "cancelAllDialog"]
    assert [widget.isVisible() for widget in questions] == [True]
    desk.act(lambda: box.button(QMessageBox.StandardButton.Yes).click())
    desk.until(lambda: desk.open_order_numbers() == [], "not cancelled")


def test_the_override_box_takes_room_beside_the_button_and_nothing_moves(desk: Desk) -> None:
    use_limits(desk)
    ticket = desk.ticket
    desk.fill(SAMSUNG, 70_000, 1)
    book, button = ticket.orderBook.height(), ticket.submitButton.mapTo(desk.window, QPoint()).y()
    desk.act(lambda: ticket.quantitySpin.setValue(101))
    desk.act(lambda: None)  # laid out
    assert ticket.limits.overrideCheck.isVisible()
    assert ticket.orderBook.height() == book and ticket.submitButton.mapTo(desk.window, QPoint()).y() == button


def test_the_quantity_presets_stay_inside_the_limits(desk: Desk) -> None:
    use_limits(desk, RiskLimits(max_quantity=5))
    desk.fill(SAMSUNG, 70_000, 0)
    desk.act(lambda: desk.ticket.findChild(QPushButton, "quantity100Button").click())  # type: ignore[union-attr]
    assert desk.ticket.quantitySpin.value() == 5 and desk.ticket.submitButton.isEnabled()
    use_limits(desk, RiskLimits(max_amount=1_000_000))
    desk.act(lambda: desk.ticket.findChild(QPushButton, "quantity100Button").click())  # type: ignore[union-attr]
    assert desk.ticket.quantitySpin.value() == 14  # 14 x 70,000 = 980,000 won


def test_the_modify_dialog_sees_its_order_fill_while_it_is_open(desk: Desk) -> None:
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    desk.fill(SAMSUNG, 70_000, 5)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    (order,) = desk.window.openOrders.orders.rows()
    desk.act(lambda: desk.window.orderActions.modify(order))
    dialog = desk.until(lambda: modal(ModifyDialog, "modifyDialog"), "no modify dialog")
    assert dialog.okButton.isEnabled()
    desk.sandbox.set_price(SAMSUNG, 70_000, depth=50)  # the market fills the order under the open dialog
    desk.until(lambda: not dialog.okButton.isEnabled(), "the dialog still offers to modify a filled order")
    assert dialog.limitsProblem.text() == "이 주문은 더 이상 미체결이 아닙니다."
    desk.act(dialog.reject)
