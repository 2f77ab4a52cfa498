"""What the trader does with orders: send the ticket, cancel, modify, prefill a sell, and the announcements of
fills and rejections. It asks the session's desk and shows the answers; it keeps no order state of its own."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ..environments import Environment
from ..kiwoom import KiwoomError, OrderStateUnknownError, OrderStatus, Side, SymbolNotFoundError
from ..kiwoom.events import MarketPhase, OrderExecution, VolatilityInterruption
from ..trading import credit, rules
from ..trading.credit import CreditTerms
from ..trading.limits import LimitExceededError
from ..trading.orders import Order, OrderState, credit_event
from ..trading.portfolio import Position
from ..trading.session import SessionController
from . import dialogs, theme
from .bridge import DeskBridge
from .labels import credit_side_text, describe, environment_text, explain, explanation, shares
from .modify_dialog import ModifyDialog
from .open_orders import OpenOrdersTable
from .sounds import Sound, Sounds
from .status_bar import StatusBar
from .table import won
from .ticket import OrderTicket

if TYPE_CHECKING:  # the live session (client, websockets) loads when one is opened
    from ..trading.desk import TradingDesk

QUOTE_RETRY_SECONDS = 2  # a quote the server could not give is asked for again after 2, 4, 8 ... seconds
QUOTE_RETRY_MAX_SECONDS = 30


class OrderActions(QObject):
    def __init__(
        self,
        session: SessionController,
        bridge: DeskBridge,
        ticket: OrderTicket,
        table: OpenOrdersTable,
        status: StatusBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session, self.bridge, self.ticket, self.table, self.status = session, bridge, ticket, table, status
        self.window = parent
        bridge.marketStatusArrived.connect(self._market_status)
        self.confirm_practice = True  # Settings > Confirm every order (Real always confirms)
        self.sounds: Sounds | None = None  # Settings > Sounds
        self.confirm_cancel = False  # Settings > Confirm before cancelling one order (cancel-all always asks)
        self._quote_problem = ""  # the last "no such code" or "no quote" said in the status bar
        self._cancelling: set[str] = set()  # orders whose cancel is asked about or on the wire
        self._asking_cancel_all = False

    # ---- sending -----------------------------------------------------------------------------------------

    def submit(self, ticket: rules.Ticket) -> None:
        # One click, one order: the ticket locks here, synchronously, before anything is scheduled, so that a
        # second click queued behind the first finds it busy. It unlocks when the answer (or failure) arrives.
        # Over the limits, in practice, only if the trader said so on the ticket, for this order, with a question.
        problems = self.ticket.problems()
        overridden = self.ticket.limits.overridden(problems)
        overriding = [problem for problem in problems if problem.kind in overridden]
        self.ticket.set_busy(True)
        self.bridge.spawn(self._send(ticket, overriding), order=True)

    async def _send(self, ticket: rules.Ticket, overriding: list[rules.Problem]) -> None:
        """`overriding`: the limits the trader chose to send this order over (always asked about); the desk lets
        those kinds through and refuses any other that has appeared since."""
        desk = self.session.desk
        try:
            if desk is None:
                self.status.show_message(self.tr("Not connected."), important=True)
                return
            name = self.ticket.quote.name if self.ticket.quote else ""
            asks = desk.environment.always_confirm or self.confirm_practice or bool(overriding)
            if asks and not await self._confirmed(desk, ticket, name, overriding):
                self.status.show_message(self.tr("Order not sent."), important=True)
                return
            self.ticket.set_busy(True, sending=True)
            overridden = frozenset(problem.kind for problem in overriding)
            ack = await desk.place(ticket, name, override_limits=overridden)
            self.ticket.limits.sent()
            if desk.order_state(ack.order_no) in (OrderState.WORKING, None):  # its fill or rejection came first
                self.status.show_message(
                    self.tr("Order accepted: no. {number}").format(number=ack.order_no), important=True
                )
        except LimitExceededError as error:
            self.status.show_message(self._over_limits_text(error), True)
        except OrderStateUnknownError:
            self.status.show_message(self._unknown_text(), True)
        except KiwoomError as error:
            if ticket.credit and desk is not None and credit.not_offered(error, desk.environment):
                self._no_credit(desk.environment, error)
                return
            self.status.show_message(self.tr("Order refused: {reason}").format(reason=explain(error)), True)
            if self.sounds is not None:
                self.sounds.play(Sound.REJECTED)  # refused at once is as much a no as rejected later
        finally:
            self.ticket.set_busy(False)

    def _over_limits_text(self, error: LimitExceededError) -> str:
        reasons = " · ".join(describe(problem) for problem in error.problems)
        return self.tr("Not sent, over your limits: {reasons}").format(reasons=reasons)

    def _unknown_text(self) -> str:
        return self.tr("No answer from the server. Open orders were refreshed: check them before ordering again.")

    async def _confirmed(
        self, desk: TradingDesk, ticket: rules.Ticket, name: str, overriding: list[rules.Problem]
    ) -> bool:
        warnings = [describe(problem) for problem in overriding]
        account = self.ticket.account_for(ticket)
        dialog = dialogs.ConfirmOrderDialog(
            desk.environment, ticket, name, self.ticket.quote, self.window, warnings, account
        )
        return await dialogs.ask(dialog)

    def _no_credit(self, environment: Environment, error: KiwoomError) -> None:
        """The server offers no credit here (Kiwoom's mock server): said plainly, and the choice hidden there."""
        self.ticket.credit.refuse(environment)
        text = self.tr(
            "{environment} does not offer credit trading; the server said: {reason}. The ticket offers cash "
            "orders only in {environment} from now on."
        ).format(environment=environment_text(environment), reason=error.return_msg or error)
        self.status.show_message(text, important=True)

    # ---- a stock's credit terms --------------------------------------------------------------------------

    async def _terms(self, desk: TradingDesk, code: str) -> CreditTerms | None:
        """kt20016's word on `code` (read with its quote, once a day), or None: not asked for, or not known (신용
        stays offered, and an order will say what is wrong)."""
        if not self.ticket.credit.wants_terms(code):
            return None
        try:
            return await desk.credit_terms(code)
        except KiwoomError as error:
            if credit.not_offered(error, desk.environment):
                self._no_credit(desk.environment, error)
            return None

    # ---- the ticket's stock ------------------------------------------------------------------------------

    def _market_status(self, event: MarketPhase | VolatilityInterruption) -> None:
        """A new phase (a new day among them): the ticket's quote, limits and close are read again."""
        if isinstance(event, MarketPhase) and self.ticket.quote is not None:
            self.request_quote(self.ticket.quote.code)

    def request_quote(self, code: str) -> None:
        desk = self.session.desk
        if desk is not None:
            self.bridge.spawn(self._quote(desk, code))

    async def _quote(self, desk: TradingDesk, code: str, attempt: int = 0) -> None:
        try:
            quote, terms = await asyncio.gather(desk.quote(code), self._terms(desk, code))
        except SymbolNotFoundError as error:  # the one case where the code itself is wrong
            if self.ticket.ticket().stock_code == code:
                self.ticket.set_quote(None)
                self._quote_problem = explain(error)
                self.status.show_message(self._quote_problem)
            return
        except KiwoomError as error:  # the server did not answer as it should: say so, and try again
            if self.session.desk is desk and self.ticket.ticket().stock_code == code:
                await self._retry_quote(desk, code, attempt, error)
            return
        if self.session.desk is desk and self.ticket.ticket().stock_code == code:
            if terms is not None:
                self.ticket.credit.set_terms(terms)
            self.ticket.set_quote(quote)
            self.status.withdraw(self._quote_problem)  # the last stock's problem is not this one's
            await desk.watch(code)

    async def _retry_quote(self, desk: TradingDesk, code: str, attempt: int, error: KiwoomError) -> None:
        delay = min(QUOTE_RETRY_SECONDS * 2**attempt, QUOTE_RETRY_MAX_SECONDS)
        text = self.tr("No quote: {reason} Trying again in {seconds} s.").format(
            reason=explanation(error), seconds=delay
        )
        self.ticket.set_quote(None, unavailable=text)
        self._quote_problem = text
        self.status.show_message(text)
        await asyncio.sleep(delay)
        if self.session.desk is desk and self.ticket.ticket().stock_code == code and self.ticket.quote is None:
            await self._quote(desk, code, attempt + 1)

    def prefill_sell(self, position: Position) -> None:
        """A sell of the whole position at its current price, in the order type the trader has chosen; a credit
        lot's is a credit sell of that lot."""
        code, price, kind = position.stock_code, position.current_price, self.ticket.trade_type
        self.ticket.load(Side.SELL, code, kind, price, position.sellable, position.on_credit, position.loan_date)

    # ---- working orders ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.session.desk is not None:
            self.bridge.spawn(self.session.desk.refresh())

    def cancel_selected(self) -> None:
        self.cancel_orders(self.table.selected_orders())

    def cancel_orders(self, orders: list[Order]) -> None:
        orders = [order for order in orders if order.order_no not in self._cancelling]  # a second press: no more
        if self.session.desk is not None and orders:
            self.bridge.spawn(self._cancel(self.session.desk, orders), order=True)

    def cancel_all(self) -> None:
        if self.session.desk is not None and not self._asking_cancel_all:  # one question at a time
            self._asking_cancel_all = True
            self.bridge.spawn(self._cancel_all(self.session.desk), order=True)

    async def _cancel_all(self, desk: TradingDesk) -> None:
        try:
            orders = [order for order in desk.open_orders() if order.order_no not in self._cancelling]
            if not orders:
                self.status.show_message(self.tr("No open orders."))
                return
            text = self.tr("Cancel all {count} open orders?").format(count=len(orders))
            if not await dialogs.ask(dialogs.question(self.window, "cancelAllDialog", self.tr("Cancel all"), text)):
                return
        finally:
            self._asking_cancel_all = False
        await self._cancel(desk, orders)

    async def _cancel(self, desk: TradingDesk, orders: list[Order]) -> None:
        numbers = {order.order_no for order in orders}
        self._cancelling |= numbers
        try:
            await self._cancel_now(desk, orders)
        finally:
            self._cancelling -= numbers

    async def _cancel_now(self, desk: TradingDesk, orders: list[Order]) -> None:
        if self.confirm_cancel and len(orders) == 1 and not await self._cancel_confirmed(orders[0]):
            return
        cancelled, failures = await desk.cancel(orders)
        text = self.tr("Cancelled {done} of {total}.").format(done=len(cancelled), total=len(orders))
        if cancelled:
            text += " " + ", ".join(self._describe(order) for order in cancelled[:3])
        if failures:
            text += " " + "; ".join(failures)
        self.status.show_message(text, important=True)

    def _describe(self, order: Order) -> str:
        """삼성전자 매수 10주 (0000001): what a cancelled order was, in the status bar's words."""
        return self.tr("{name} {side} {quantity} ({number})").format(
            name=order.stock_name or order.stock_code,
            side=credit_side_text(order.side, order.on_credit),
            quantity=shares(order.unfilled),
            number=order.order_no,
        )

    async def _cancel_confirmed(self, order: Order) -> bool:
        text = self.tr("Cancel {order}?").format(order=self._describe(order))
        return await dialogs.ask(dialogs.question(self.window, "cancelOrderDialog", self.tr("Cancel order"), text))

    def modify_selected(self) -> None:
        orders = self.table.selected_orders()
        if len(orders) == 1:
            self.modify(orders[0])

    def modify(self, order: Order) -> None:
        if self.session.desk is not None:
            self.bridge.spawn(self._modify(self.session.desk, order), order=True)

    async def _modify(self, desk: TradingDesk, order: Order) -> None:
        try:
            quote = await desk.quote(order.stock_code)
        except KiwoomError:
            quote = None

        def live() -> tuple[rules.Quote | None, bool]:
            return desk.known_quote(order.stock_code), desk.order_state(order.order_no) is OrderState.WORKING

        dialog = ModifyDialog(order, quote, self.window, desk.guard, live)
        if not await dialogs.ask(dialog):
            return
        try:
            ack = await desk.modify(order, dialog.quantitySpin.value(), dialog.priceSpin.value())
        except LimitExceededError as error:
            self.status.show_message(self._over_limits_text(error), True)
            return
        except OrderStateUnknownError:
            self.status.show_message(self._unknown_text(), True)
            return
        except KiwoomError as error:
            self.status.show_message(self.tr("Modify refused: {reason}").format(reason=explain(error)), True)
            return
        self.status.show_message(self.tr("Modified: new order no. {number}").format(number=ack.order_no), True)

    # ---- announcements -----------------------------------------------------------------------------------

    def announce(self, event: OrderExecution) -> None:
        """Fills and rejections are announced: a message, a flash in the side's colour, and a sound if wanted."""
        side = credit_side_text(event.side, credit_event(event))  # 신용매수 said as such
        sound = Sound.REJECTED
        if event.status is OrderStatus.REJECTED:
            text = self.tr("Rejected: {name} {side} {quantity}: {reason}").format(
                name=event.stock_name, side=side, quantity=shares(event.quantity), reason=event.reject_reason or "-"
            )
            flash = "problem"
        elif event.fill_quantity:
            text = self.tr("Filled: {name} {side} {quantity} at {price} won ({unfilled} unfilled)").format(
                name=event.stock_name,
                side=side,
                quantity=shares(event.fill_quantity),
                price=won(event.fill_price) if event.fill_price is not None else "-",
                unfilled=shares(event.unfilled),
            )
            flash = theme.side_key(event.side)
            sound = Sound.PARTIAL if event.unfilled else Sound.FILL
        else:
            return
        self.status.show_message(text, important=True)
        self.status.flash(flash)
        if self.sounds is not None:
            self.sounds.play(sound)
