"""The ticket's side of the trader's fat-finger limits: the environment's limits and the minute's count of orders
go into the ticket's rules (the count's problem shows on the venue's line: why the order can't go now), and in
Sandbox and Mock a box beside the orderable cash lets one order over the limits go (never in Real, where only
Settings change them). The desk checks every order again, whoever built it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QCheckBox, QWidget

from ..trading import rules
from ..trading.limits import OrderGuard
from .widgets import named


class TicketLimits(QObject):
    def __init__(self, recheck: Callable[[], None], ticket: Callable[[], rules.Ticket], parent: QWidget) -> None:
        """`recheck`: the ticket's revalidate; `ticket`: the order the ticket shows now."""
        super().__init__(parent)
        self.guard: OrderGuard | None = None  # the environment's limits and pace, from the session
        self._ticket = ticket
        self._ticked_for: rules.Ticket | None = None  # the order the override was ticked for, and only that one
        self._by_price: list[rules.Problem] = []  # the limits the last trade price left broken
        self.overrideCheck = named(QCheckBox(), "overrideLimitsCheck")
        policy = self.overrideCheck.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # its place is kept while it is hidden: nothing moves when it shows
        self.overrideCheck.setSizePolicy(policy)
        self.overrideCheck.hide()
        self.overrideCheck.toggled.connect(self._ticked)
        self.overrideCheck.toggled.connect(lambda *_: recheck())
        self.recheckTimer = QTimer(self)  # an order leaving the minute's count frees the button by itself
        self.recheckTimer.setSingleShot(True)
        self.recheckTimer.timeout.connect(recheck)

    def retranslate(self) -> None:
        self.overrideCheck.setText(self.tr("Over limits, once"))
        self.overrideCheck.setToolTip(
            self.tr(
                "Send this one order over the limits it breaks now, after a confirmation. Sandbox and Mock only; "
                "Settings › Order limits changes the limits."
            )
        )

    def set_guard(self, guard: OrderGuard | None) -> None:
        self.guard = guard
        self.overrideCheck.setChecked(False)

    @property
    def limits(self) -> rules.RiskLimits | None:
        return self.guard.limits if self.guard is not None else None

    def pace(self) -> rules.Pace:
        return self.guard.now() if self.guard is not None else rules.Pace()

    def _ticked(self, on: bool) -> None:
        self._ticked_for = self._ticket() if on else None

    def moved(self, ticket: rules.Ticket, quote: rules.Quote) -> bool:
        """Whether the new trade price changes what the limits say (a price too far, a market order's amount):
        the ticket then checks again; otherwise a tick costs no re-check."""
        if self.guard is None:
            return False
        now = rules.limit_problems(ticket, quote, self.guard.limits, self.guard.now())
        changed, self._by_price = now != self._by_price, now
        return changed

    @property
    def overriding(self) -> bool:
        """The trader chose to send this order over the limits (shown only where that is allowed)."""
        return not self.overrideCheck.isHidden() and self.overrideCheck.isChecked()

    def blocking(self, problems: list[rules.Problem]) -> list[rules.Problem]:
        """The problems that keep the button off: all of them, less the limits when the trader overrides."""
        if not self.overriding:
            return problems
        return [problem for problem in problems if problem.kind not in rules.LIMIT_KINDS]

    def follow(self, problems: list[rules.Problem], ticket: rules.Ticket) -> None:
        """Offers the override while only the limits are in the way (practice only), for the order it was ticked
        for, and re-checks the minute's count every second while it holds the button."""
        over = [problem for problem in problems if problem.kind in rules.LIMIT_KINDS]
        only_limits = len(over) == len(problems)  # with anything else wrong, going over them would not send it
        offer = bool(over) and only_limits and self.guard is not None and self.guard.can_override
        if not offer or (self._ticked_for is not None and ticket != self._ticked_for):
            self.overrideCheck.blockSignals(True)  # the next order over a limit asks again
            self.overrideCheck.setChecked(False)
            self.overrideCheck.blockSignals(False)
            self._ticked_for = None
        self.overrideCheck.setVisible(offer)
        waiting = any(problem.kind is rules.Kind.TOO_MANY_ORDERS for problem in over)
        if waiting and not self.recheckTimer.isActive():
            self.recheckTimer.start(1000)  # the seconds count down on screen, and the button comes back on time

    def overridden(self, problems: list[rules.Problem]) -> frozenset[rules.Kind]:
        """The limits the trader chose to send this order over: the desk lets those through, and no other."""
        if not self.overriding:
            return frozenset()
        return frozenset(problem.kind for problem in problems if problem.kind in rules.LIMIT_KINDS)

    def sent(self) -> None:
        """One order went with the override: the next one is held to the limits again."""
        self.overrideCheck.setChecked(False)
