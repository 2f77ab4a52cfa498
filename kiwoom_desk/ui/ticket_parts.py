"""Small parts of the ticket: the quick quantity buttons (+1/+10/+100, a share of the most it can take, Keep),
and the order types the environment's market takes at this moment."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QPushButton, QSpinBox

from ..environments import Environment
from ..kiwoom import TradeType, Venue
from ..kiwoom.events import BookUpdate, Trade
from ..trading import rules
from ..trading.sessions import KST, NotTaken, types_not_taken_now
from .labels import describe
from .widgets import named

if TYPE_CHECKING:
    from ..trading.market_status import MarketStatus

QUANTITY_SHARES = (10, 25, 50, 100)  # % buttons of the most the ticket can take


def quantity_buttons(spin: QSpinBox, take_share: Callable[[int], None]) -> tuple[QGridLayout, QCheckBox]:
    """The grid under the quantity, and its Keep box (off: a new stock starts at 0 shares)."""
    grid = QGridLayout()
    for column, amount in enumerate((1, 10, 100)):
        button = QPushButton(f"+{amount}")
        button.clicked.connect(lambda _=False, amount=amount: spin.setValue(spin.value() + amount))
        grid.addWidget(button, 0, column)
    keep = named(QCheckBox(), "keepQuantityCheck")
    grid.addWidget(keep, 0, 3)
    for column, share in enumerate(QUANTITY_SHARES):
        button = QPushButton(f"{share}%")
        button.setObjectName(f"quantity{share}Button")
        button.clicked.connect(lambda _=False, share=share: take_share(share))
        grid.addWidget(button, 1, column)
    return grid, keep


def offer_types(combo: QComboBox, not_taken: Mapping[TradeType, NotTaken]) -> None:
    """Greys out the order types the market can't take now, saying why and when it does, instead of offering them
    to be refused. A type this environment never takes is not left chosen; one whose session has just ended stays
    chosen with its problem shown, rather than changing under the trader's hand."""
    model = combo.model()
    for index in range(combo.count()):
        item = model.item(index)  # type: ignore[attr-defined]
        kind = combo.itemData(index)
        item.setEnabled(kind not in not_taken)
        item.setToolTip(describe(rules.type_problem(not_taken[kind])) if kind in not_taken else "")
    if combo.currentData() in not_taken and not_taken[combo.currentData()] is None:
        combo.setCurrentIndex(combo.findData(TradeType.LIMIT))


class SessionTypes(QObject):
    """Follows the clock: which order types the environment's market takes now (on the Sandbox's KRX day, by its
    own clock), and those the ticket's stock's VI auction can't take, re-offered when that changes."""

    changed = Signal()
    FOLLOW_MS = 5_000  # sessions change on the minute; a few seconds late is fine for greying

    def __init__(self, combo: QComboBox, venues: QComboBox, parent: QObject) -> None:
        """`combo`: the order types, greyed here; `venues`: KRX's hours apply to KRX orders only."""
        super().__init__(parent)
        self.combo = combo
        venues.currentIndexChanged.connect(lambda *_: self.set_venue(Venue(venues.currentData())))
        self.environment = Environment.SANDBOX
        self.venue = Venue.KRX
        self.not_taken: dict[TradeType, NotTaken] = {}
        self.clock: Callable[[], datetime] = lambda: datetime.now(KST)  # tests set a moment of the KRX day
        self.market: Callable[[], MarketStatus | None] = lambda: None  # the session's phase, clock and VIs
        self.code = ""  # the ticket's stock
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.follow)
        self._timer.start(self.FOLLOW_MS)

    def set_environment(self, environment: Environment) -> None:
        self.environment = environment
        self.follow(again=True)

    def set_venue(self, venue: Venue) -> None:
        self.venue = venue
        self.follow()

    def follow(self, again: bool = False) -> None:
        """`again`: re-offer even if nothing changed (another environment, another language)."""
        market = self.market()
        sandbox_krx = market is not None and market.sandbox_krx
        now = market.now() if market is not None and sandbox_krx else self.clock()
        not_taken: dict[TradeType, NotTaken] = {}
        not_taken |= types_not_taken_now(self.environment, now, self.venue, sandbox_krx)
        if market is not None and self.code:
            not_taken = market.not_taken_for(self.code) | not_taken  # the session's hours say more than the VI
            not_taken = {kind: why for kind, why in not_taken.items() if kind not in market.taken_for(self.code)}
        if not_taken == self.not_taken and not again:
            return
        self.not_taken = not_taken
        offer_types(self.combo, not_taken)
        self.changed.emit()


Shown = TypeVar("Shown")


class EachFrame(QObject, Generic[Shown]):
    """The newest value per key, handed on at most once a frame: a stock that trades 200 times a second repaints
    its quote and book 60 times. Only for what is shown; the ledger and the portfolio see every event."""

    FRAME_MS = 16

    def __init__(self, show: Callable[[Shown], None], parent: QObject) -> None:
        super().__init__(parent)
        self._show = show
        self._waiting: dict[Hashable, Shown] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    def push(self, key: Hashable, value: Shown) -> None:
        self._waiting[key] = value
        if not self._timer.isActive():
            self._timer.start(self.FRAME_MS)

    def _flush(self) -> None:
        waiting, self._waiting = self._waiting, {}
        for value in waiting.values():
            self._show(value)


class MarketFeed(QObject):
    """The market as the ticket shows it: every 0D book kept per stock (the first can come before the stock's
    quote), and the newest trade and book of each stock handed to `show` once a frame (held stocks trade on the
    same feed: one stock's trade must not stand in for another's)."""

    def __init__(self, show: Callable[[Trade | BookUpdate], None], parent: QObject) -> None:
        super().__init__(parent)
        self.books: dict[str, BookUpdate] = {}
        self._each_frame: EachFrame[Trade | BookUpdate] = EachFrame(show, self)

    def push(self, event: Trade | BookUpdate) -> None:
        if isinstance(event, BookUpdate):
            self.books[event.stock_code] = event
        self._each_frame.push((type(event).__name__, event.stock_code), event)
