"""Orders from the keyboard (#12): real key events on the shown window reach the same path as the buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QToolButton

from kiwoom_desk.kiwoom import Side
from kiwoom_desk.ui import dialogs
from kiwoom_desk.ui.hotkeys import DEFAULT_KEYS, load_keys
from kiwoom_desk.ui.hotkeys_dialog import HotkeysDialog
from tests.window_support import modal

from .conftest import Desk

SAMSUNG = "005930"
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def press(desk: Desk, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed and released where the keyboard focus is, as the trader's keyboard would."""
    target = desk.window.focusWidget() or desk.window
    desk.act(lambda: QTest.keyClick(target, key, modifiers))


def orders_sent(desk: Desk) -> int:
    return desk.sandbox.requests().get("kt10000", 0)


def ready(desk: Desk) -> None:
    desk.act(desk.window.activateWindow)
    desk.until(lambda: desk.window.isActiveWindow(), "the window never became active")


def test_the_ticket_is_driven_from_the_keyboard(desk: Desk) -> None:
    ready(desk)
    ticket = desk.ticket
    desk.fill(SAMSUNG, 71_200, 5)
    desk.act(ticket.quantitySpin.setFocus)
    sides = []
    for key in (Qt.Key.Key_F3, Qt.Key.Key_F2):
        press(desk, key)
        sides.append(ticket.side)
    assert sides == [Side.SELL, Side.BUY]
    press(desk, Qt.Key.Key_Up, CTRL)
    assert ticket.priceSpin.value() == 71_300  # one tick of the 50,000-200,000 band
    press(desk, Qt.Key.Key_Down, CTRL)
    press(desk, Qt.Key.Key_Down, CTRL)
    assert ticket.priceSpin.value() == 71_100
    desk.until(lambda: SAMSUNG in ticket.market.books, "no book for the ticket's stock")
    book = ticket.market.books[SAMSUNG]
    assert book.bids[0] is not None and book.asks[0] is not None
    press(desk, Qt.Key.Key_B, ALT)
    assert ticket.priceSpin.value() == book.bids[0].price
    press(desk, Qt.Key.Key_A, ALT)
    assert ticket.priceSpin.value() == book.asks[0].price
    press(desk, Qt.Key.Key_4, ALT)  # 100 % of what the cash buys
    desk.until(lambda: ticket.quantitySpin.value() > 100, "the quantity preset did nothing")
    press(desk, Qt.Key.Key_L, CTRL)
    assert ticket.stockCodeEdit.hasFocus() and ticket.stockCodeEdit.selectedText() == SAMSUNG
    assert orders_sent(desk) == 0  # none of these sends anything


def test_the_send_key_sends_one_order_and_a_held_key_still_one(desk: Desk) -> None:
    ready(desk)
    desk.fill(SAMSUNG, 70_000, 1)
    target = desk.ticket.quantitySpin
    desk.act(target.setFocus)

    def key(down: bool, repeat: bool = False) -> None:
        desk.act(lambda: QTest.simulateEvent(target, down, Qt.Key.Key_Return, CTRL, "", repeat))

    key(down=True)  # held down: the press, the order's answer, then the keyboard's repeats until the release
    desk.until(lambda: len(desk.open_order_numbers()) == 1 and not desk.ticket.busy, "the send key sent nothing")
    for _ in range(5):
        key(down=True, repeat=True)
        assert not desk.ticket.busy  # a repeat that sent would lock the ticket at once
    key(down=False)
    assert orders_sent(desk) == 1 and len(desk.exchange_open_orders()) == 1

    press(desk, Qt.Key.Key_Return, CTRL)  # the next press is the next order
    desk.until(lambda: len(desk.open_order_numbers()) == 2 and not desk.ticket.busy, "the second press sent nothing")
    assert orders_sent(desk) == 2 and len(desk.exchange_open_orders()) == 2


def test_the_send_key_on_an_incomplete_ticket_says_what_is_missing(desk: Desk) -> None:
    ready(desk)
    desk.fill(SAMSUNG, 70_000, 0)
    desk.act(desk.ticket.priceSpin.setFocus)
    assert not desk.ticket.quantityProblem.isVisible()
    press(desk, Qt.Key.Key_Return, CTRL)
    assert (
        desk.ticket.quantityProblem.isVisible() and desk.ticket.quantityProblem.text() == "수량을 1주 이상 입력하세요."
    )
    assert orders_sent(desk) == 0


def test_in_real_the_send_key_still_asks_first(desk: Desk) -> None:
    desk.enter_real()
    ready(desk)
    desk.fill(SAMSUNG, 70_000, 1)
    target = desk.ticket.quantitySpin
    desk.act(target.setFocus)
    desk.act(lambda: QTest.simulateEvent(target, True, Qt.Key.Key_Return, CTRL, "", False))  # held down
    dialog = desk.until(lambda: modal(dialogs.ConfirmOrderDialog, "confirmOrderDialog"), "Real sent without asking")
    focused = dialog.focusWidget() or dialog
    assert focused is dialog.sendButton  # where Enter would land
    for repeat in (True, True, True, False):  # the held key's repeats, then the send key pressed again
        desk.act(lambda repeat=repeat: QTest.simulateEvent(focused, True, Qt.Key.Key_Return, CTRL, "", repeat))
    desk.act(lambda: QTest.keyClick(focused, Qt.Key.Key_Space, CTRL))  # a send key set to Ctrl+Space, pressed again
    assert dialog.isVisible() and orders_sent(desk) == 0  # none of them answered the question
    desk.act(dialog.sendButton.click)
    desk.until(lambda: len(desk.open_order_numbers()) == 1, "the confirmed order was not sent")
    assert orders_sent(desk) == 1 and len(desk.exchange_open_orders()) == 1


def test_the_cancel_key_works_in_the_open_orders_and_nowhere_else(desk: Desk) -> None:
    ready(desk)
    desk.fill(SAMSUNG, 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    table = desk.window.openOrders
    desk.act(lambda: table.selectRow(0))
    desk.act(desk.window.positions.table.setFocus)
    press(desk, Qt.Key.Key_Delete)  # the positions have the focus: no order is cancelled from there
    assert len(desk.exchange_open_orders()) == 1
    desk.act(table.setFocus)
    press(desk, Qt.Key.Key_Delete)
    desk.until(lambda: desk.open_order_numbers() == [], "Delete in the open orders cancelled nothing")
    assert desk.exchange_open_orders() == []


def test_the_hotkeys_dialog_refuses_conflicts_and_typing_keys_and_saves(desk: Desk) -> None:
    window = desk.window
    task = desk.loop.create_task(window.menus.edit_hotkeys())
    dialog = desk.until(lambda: modal(HotkeysDialog, "hotkeysDialog"), "no hotkeys dialog")
    edits = dialog.edits
    listed = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"주문 전송", "가격 한 호가 올림", "미체결 전체 취소 (먼저 확인)"} <= listed
    assert edits["send"].keySequence() == QKeySequence(DEFAULT_KEYS["send"])

    def type_key(edit: str, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """The trader clicks the box and presses the keys as a hand does: Ctrl or Alt first, on its own."""
        box = edits[edit]
        desk.act(box.setFocus)
        held = {CTRL: Qt.Key.Key_Control, ALT: Qt.Key.Key_Alt}.get(modifiers)
        if held is not None:
            desk.act(lambda: QTest.keyPress(box, held, modifiers))
        desk.act(lambda: QTest.keyClick(box, key, modifiers))
        if held is not None:
            desk.act(lambda: QTest.keyRelease(box, held))
        desk.act(box.editingFinished.emit)  # the box's own pause after a key, without waiting for it

    type_key("sellSide", Qt.Key.Key_F2)  # the buy side's key
    assert edits["sellSide"].keySequence() == QKeySequence("F3")  # refused: the box keeps its key
    assert dialog.problem.text() == "F2: 이미 “매수 선택”에 쓰입니다."
    plain, typing = Qt.KeyboardModifier.NoModifier, "입력에 쓰는 키입니다. Ctrl이나 Alt와 함께 지정하세요."
    refused = [
        (Qt.Key.Key_S, plain, f"S: {typing}"),
        (Qt.Key.Key_F, ALT, "Alt+F: “파일” 메뉴를 여는 키입니다."),  # the menu would win: the hotkey never fires
        (Qt.Key.Key_C, CTRL, "Ctrl+C: 글자 편집에 쓰는 키입니다."),
        (Qt.Key.Key_Insert, plain, f"Ins: {typing}"),
    ]
    for key, modifiers, reason in refused:
        type_key("send", key, modifiers)
        assert edits["send"].keySequence() == QKeySequence("Ctrl+Return") and dialog.problem.text() == reason
    type_key("send", Qt.Key.Key_F12)
    assert edits["send"].keySequence() == QKeySequence("F12") and dialog.problem.text() == ""
    assert edits["buySide"].keySequence() == QKeySequence("F2")  # untouched by all of that
    desk.act(lambda: dialog.findChild(QToolButton, "clearHotkey_refresh").click())
    assert edits["refresh"].keySequence().isEmpty()
    defaults = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Ctrl+Return", "Alt+B", "F5"} <= defaults  # the defaults stay listed beside the keys
    desk.act(dialog.accept)
    desk.until(task.done, "the dialog never closed")

    assert load_keys(window.settings)["send"] == QKeySequence("F12") and load_keys(window.settings)["refresh"].isEmpty()
    assert load_keys(window.settings)["buySide"] == QKeySequence("F2")
    assert load_keys(QSettings(window.settings.fileName(), QSettings.Format.IniFormat))["send"] == QKeySequence("F12")
    ready(desk)
    desk.fill(SAMSUNG, 70_000, 1)
    desk.act(desk.ticket.quantitySpin.setFocus)
    press(desk, Qt.Key.Key_Return, CTRL)  # the old key does nothing now
    assert not desk.ticket.busy and orders_sent(desk) == 0
    press(desk, Qt.Key.Key_F12)
    desk.until(lambda: orders_sent(desk) == 1, "the new key sent nothing")


def test_saved_keys_that_clash_or_are_unreadable_fall_back_to_their_defaults(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "edited.ini"), QSettings.Format.IniFormat)
    settings.setValue("hotkeys/sellSide", "F2")  # the buy side's default: the first command keeps it
    settings.setValue("hotkeys/send", "Ctrl+C")  # an editing key: never fires in a field
    settings.setValue("hotkeys/refresh", "")  # cleared on purpose: stays cleared
    settings.setValue("hotkeys/bestBid", "Alt+O")  # the Orders menu's key
    keys = load_keys(settings, {"Alt+O": "주문"})
    assert keys["buySide"] == QKeySequence("F2") and keys["sellSide"] == QKeySequence("F3")
    assert keys["send"] == QKeySequence("Ctrl+Return") and keys["refresh"].isEmpty()
    assert keys["bestBid"] == QKeySequence("Alt+B")
