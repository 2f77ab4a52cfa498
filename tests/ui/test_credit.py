"""Credit (신용) orders in the real window against the Sandbox: the ticket's 현금 / 신용 choice with the stock's
margin, a credit buy confirmed as 신용 that fills into a lot apart from the cash position, a credit sell of that
lot, a credit order cancelled by kt10009, and Mock's refusal that hides the choice for the rest of the run."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLabel

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import Side
from kiwoom_desk.sandbox import FaultKind
from kiwoom_desk.storage.credentials import Credentials
from kiwoom_desk.trading import rules
from kiwoom_desk.trading.desk import TradingDesk
from kiwoom_desk.trading.rules import Kind
from kiwoom_desk.ui import dialogs
from kiwoom_desk.ui.ticket_credit import CASH, CREDIT
from tests.window_support import modal

from .conftest import Desk

SAMSUNG = "005930"
KODEX = "069500"  # an ETF: not a credit stock


def choose_credit(desk: Desk, loan_date: str | None = None) -> None:
    credit = desk.ticket.credit
    desk.act(lambda: credit.creditCombo.setCurrentIndex(CREDIT))
    if loan_date is not None:
        desk.act(lambda: credit.loanCombo.setCurrentIndex(credit.loanCombo.findData(loan_date)))


def rows(desk: Desk) -> list[tuple[bool, str, int]]:
    return [(p.on_credit, p.loan_date, p.quantity) for p in desk.window.positions.positions.rows()]


def send_confirmed(desk: Desk) -> dialogs.ConfirmOrderDialog:
    """The ticket sent with confirmation on: the dialog as the trader reads it, then accepted."""
    desk.act(lambda: desk.window.menus.confirmAction.setChecked(True))
    desk.act(desk.ticket.submitButton.click)
    dialog = desk.until(lambda: modal(dialogs.ConfirmOrderDialog, "confirmOrderDialog"), "no confirmation")
    assert isinstance(dialog, dialogs.ConfirmOrderDialog)
    return dialog


def live(desk: Desk) -> TradingDesk:
    assert desk.window.desk is not None
    return desk.window.desk


def cash_of(desk: TradingDesk) -> int | None:
    return desk.portfolio.cash.cash if desk.portfolio.cash is not None else None


def test_a_credit_buy_fills_into_a_lot_apart_and_a_credit_sell_repays_it(desk: Desk) -> None:
    desk.fill(SAMSUNG, 0, 5, trade_type="3")  # cash first
    desk.until(lambda: rows(desk) == [(False, "", 5)], "no cash position", action=desk.ticket.submitButton.click)

    desk.fill(SAMSUNG, 0, 3, trade_type="3")
    credit = desk.ticket.credit
    desk.until(lambda: "증거금" in credit.creditLabel.text(), "the stock's margin was not shown")
    choose_credit(desk)
    assert desk.ticket.submitButton.text() == "신용매수 주문"
    dialog = send_confirmed(desk)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "신용매수" in texts and "증거금" in texts
    desk.act(dialog.sendButton.click)
    desk.until(lambda: len(rows(desk)) == 2, f"no credit lot apart: {rows(desk)}")
    desk.until(lambda: "신용매수" in desk.window.status.message.text(), "the fill was not said as a credit buy")
    fills = desk.window.fillsTable.model()
    desk.until(lambda: any(fills.index(row, 3).data() == "신용매수" for row in range(fills.rowCount())), "체결 tab")
    desk.act(lambda: desk.window.menus.confirmAction.setChecked(False))
    (cash, lot) = rows(desk)
    assert cash == (False, "", 5) and lot[0] and lot[2] == 3
    table = desk.window.positions.positions
    assert table.data(table.index(1, 2)).startswith("신용 ") and table.data(table.index(0, 2)) == "현금"
    loan, interest = table.columnCount() - 2, table.columnCount() - 1
    desk.until(lambda: table.row(1).loan_amount, "the lot's loan (04 FID 957) is not shown")
    assert table.data(table.index(1, loan)) not in ("", "-") and table.data(table.index(0, loan)) == ""
    assert table.data(table.index(1, interest)) not in ("", "-")
    desk.until(lambda: "융자 " in desk.window.positions.totalsLabel.text(), "the loans owed are not in the totals")

    balance = desk.complete(live(desk).client.balance(by_lot=True))  # the window agrees with kt00018
    assert sorted((h.on_credit, h.loan_date, h.quantity) for h in balance.holdings) == rows(desk)

    # a double-click on the lot prefills a credit sell of that lot
    desk.until(lambda: not desk.ticket.busy, "the buy never got its answer")
    desk.act(lambda: desk.window.orderActions.prefill_sell(table.row(1)))
    desk.until(lambda: desk.ticket.quote is not None, "no quote")
    ticket = desk.ticket.ticket()
    assert (ticket.side, ticket.credit, ticket.loan_date, ticket.quantity) == (Side.SELL, True, lot[1], 3)
    # the estimate is what the sale leaves once the lot's loan and interest are repaid, as the Sandbox books it
    held = table.row(1)
    assert held.loan_amount is not None and held.loan_interest is not None
    owed = held.loan_amount + held.loan_interest
    gross = rules.estimated_proceeds(ticket, desk.ticket.quote)
    assert f"{gross - owed:,}" in desk.ticket.estimateLabel.text() and "융자" in desk.ticket.estimateLabel.text()
    desk.act(lambda: desk.ticket.tradeTypeCombo.setCurrentIndex(desk.ticket.tradeTypeCombo.findData("3")))
    desk.until(lambda: desk.ticket.submitButton.isEnabled(), "the credit sell can't be sent")
    desk.until(lambda: rows(desk) == [(False, "", 5)], "the lot was not repaid", action=desk.ticket.submitButton.click)
    desk.until(lambda: "융자" not in desk.window.positions.totalsLabel.text(), "a loan is still shown")
    # the repaid lot stays chosen, as gone, rather than turning into a sell of every loan unseen
    assert desk.ticket.credit.credit and desk.ticket.ticket().loan_date == lot[1]
    assert "상환" in desk.ticket.credit.loanCombo.currentText()
    desk.until(lambda: not desk.ticket.submitButton.isEnabled(), "a sell of a repaid lot could be sent")
    assert [(p.kind, p.params) for p in desk.ticket.problems()] == [(Kind.SHARES_SHORT, {"sellable": 0})]
    after = desk.complete(live(desk).client.balance(by_lot=True))
    assert [(h.on_credit, h.quantity) for h in after.holdings] == [(False, 5)] and not after.total_credit_loan
    deposit = desk.complete(live(desk).client.deposit())
    desk.until(lambda: live(desk).portfolio.orderable_cash is not None, "no cash")
    desk.until(lambda: cash_of(live(desk)) == deposit.cash, "the cash shown disagrees with kt00001")
    assert desk.sandbox.requests().get("kt10006") == 1 and desk.sandbox.requests().get("kt10007") == 1


def test_a_resting_credit_order_shows_credit_and_cancels_by_kt10009(desk: Desk) -> None:
    desk.fill(SAMSUNG, 65_000, 2)
    choose_credit(desk)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    (order,) = desk.window.openOrders.orders.rows()
    assert order.on_credit
    model = desk.window.openOrders.orders
    assert model.data(model.index(0, 4)) == "신용매수"  # type: ignore[no-untyped-call]
    desk.act(lambda: desk.window.openOrders.selectRow(0))
    desk.act(desk.window.openOrdersPane.cancelButton.click)
    desk.until(lambda: not desk.open_order_numbers(), "the credit order was not cancelled")
    requests = desk.sandbox.requests()
    assert requests.get("kt10009") == 1 and "kt10003" not in requests


def test_a_resting_credit_sell_of_one_lot_loads_into_the_ticket_with_its_lot(desk: Desk) -> None:
    desk.fill(SAMSUNG, 0, 4, trade_type="3")
    desk.until(lambda: "증거금" in desk.ticket.credit.creditLabel.text(), "the stock's margin was not shown")
    choose_credit(desk)
    desk.until(lambda: len(rows(desk)) == 1, "no credit lot", action=desk.ticket.submitButton.click)
    ((_, day, _),) = rows(desk)
    quote = desk.ticket.quote
    assert quote is not None
    desk.fill(SAMSUNG, quote.current * 115 // 100 // 100 * 100, 4, sell=True)  # far above the market: it rests
    choose_credit(desk, day)
    desk.until(lambda: desk.open_order_numbers(), "no resting sell", action=desk.ticket.submitButton.click)
    (order,) = desk.window.openOrders.orders.rows()
    assert (order.on_credit, order.loan_date) == (True, day)
    desk.fill(SAMSUNG, 0, 1, trade_type="3")  # the ticket moves on to a cash buy
    desk.act(lambda: desk.ticket.credit.creditCombo.setCurrentIndex(CASH))
    desk.act(lambda: desk.window.openOrders.orderActivated.emit(order))  # a double click on the order
    ticket = desk.ticket.ticket()
    assert (ticket.side, ticket.credit, ticket.loan_date, ticket.quantity) == (Side.SELL, True, day, 4)


def test_an_ineligible_stock_greys_credit_with_the_reason(desk: Desk) -> None:
    desk.fill(KODEX, 0, 1, trade_type="3")
    credit = desk.ticket.credit
    desk.until(lambda: "신용" in credit.creditLabel.text(), "no reason shown")
    combo_items = credit.creditCombo.model()
    assert isinstance(combo_items, QStandardItemModel)
    item = combo_items.item(CREDIT)
    assert not item.isEnabled() and item.toolTip() == credit.creditLabel.text()
    assert credit.creditCombo.currentIndex() == CASH


def test_mock_refuses_credit_and_the_choice_is_hidden_there_for_the_run(desk: Desk) -> None:
    window = desk.window
    window.session.credentials.save(Environment.MOCK, Credentials("mock-app-key", "mock-secret-key"))
    assert desk.complete(window.switch_to(Environment.MOCK)) is True
    credit = desk.ticket.credit
    assert credit.row.isVisibleTo(desk.ticket)  # not guessed before the server says so
    desk.sandbox.inject(FaultKind.ERROR_CODE, code=8104, api_id="kt10006")
    desk.fill(SAMSUNG, 0, 1, trade_type="3")
    choose_credit(desk)
    desk.act(lambda: window.menus.confirmAction.setChecked(False))
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: "신용" in window.status.message.text(), "the refusal was not explained")
    assert "모의투자" in window.status.message.text()
    assert not credit.row.isVisibleTo(desk.ticket) and not desk.ticket.ticket().credit
    assert not desk.open_order_numbers() and desk.sandbox.requests().get("kt10006") == 1
    desk.complete(window.switch_to(Environment.SANDBOX))  # the Sandbox runs credit: offered there
    assert credit.row.isVisibleTo(desk.ticket)
    assert desk.complete(window.switch_to(Environment.MOCK)) is True
    assert not credit.row.isVisibleTo(desk.ticket)  # still hidden in Mock, this run
