"""VI (변동성완화장치) marks: a stock under VI says so wherever it shows — the ticket's quote line and book header,
its watchlist row and its open orders' rows (the name cell starts with VI, the row is tinted, the tooltip says which VI
and when it ends). `MarketMarks` follows the desk's 1h events (and the VIs running at connect) to all of them."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from ..kiwoom.events import MarketPhase, VolatilityInterruption
from .table import Column, Index, KeyedTableModel, clock

if TYPE_CHECKING:
    from ..trading.market_status import MarketStatus
    from .main_window import MainWindow

Row = TypeVar("Row")
VI_TINT = "#fff1d6"  # a warm row behind a stock whose trading is frozen into an auction
VI_MARK = "VI"


def vi_kind_text(kind: str) -> str:
    """1225 as the trader reads it: 정적 / 동적 / 동적+정적."""
    return {
        "정적": QCoreApplication.translate("ViMarks", "static"),
        "동적": QCoreApplication.translate("ViMarks", "dynamic"),
        "동적+정적": QCoreApplication.translate("ViMarks", "dynamic+static"),
    }.get(kind, kind)


def vi_text(vi: VolatilityInterruption) -> str:
    """VI 발동: 정적, 해제 예정 11:17:03."""
    if not vi.release_time:
        return QCoreApplication.translate("ViMarks", "VI: {kind}").format(kind=vi_kind_text(vi.kind))
    return QCoreApplication.translate("ViMarks", "VI: {kind}, release at {time}").format(
        kind=vi_kind_text(vi.kind), time=clock(vi.release_time)
    )


class MarkedModel(KeyedTableModel[Row], Generic[Row]):
    """A keyed table whose rows of stocks under VI are marked: "VI" before the name (an elided name keeps it in
    view), a tint, a tooltip."""

    def __init__(
        self, columns: Sequence[Column[Row]], key: Callable[[Row], Hashable], code: Callable[[Row], str], name: int
    ) -> None:
        super().__init__(columns, key)
        self._code, self._name = code, name
        self.vi: dict[str, str] = {}  # code -> what its VI is (the tooltip)

    def mark(self, code: str, text: str | None) -> None:
        """`text` None: no VI (any more). Only that stock's rows repaint."""
        if text is None:
            if self.vi.pop(code, None) is None:
                return
        else:
            self.vi[code] = text
        last = len(self.columns) - 1
        for position, row in enumerate(self.rows()):
            if self._code(row) == code:
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))

    def clear_marks(self) -> None:
        for code in list(self.vi):
            self.mark(code, None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if not index.isValid() or not self.vi:
            return value
        text = self.vi.get(self._code(self.row(index.row())))
        if text is None:
            return value
        if role == Qt.ItemDataRole.DisplayRole and index.column() == self._name:
            return f"{VI_MARK}\u00a0{value}"  # first: a narrow column elides the name's end, never the mark
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(VI_TINT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        return value


class MarketMarks(QObject):
    """Hands every VI change to the views that show its stock, as the session's market status says it (an event
    of a session being replaced marks nothing); the ticket also re-greys its order types, the bar its phase."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.market: Callable[[], MarketStatus | None] = lambda: window.desk.market_status if window.desk else None
        window.status.market = window.ticket.sessionTypes.market = self.market
        self.models: list[MarkedModel[Any]] = [
            window.openOrders.orders,
            window.watchlist.rows,
            window.positions.positions,
        ]
        window.bridge.marketStatusArrived.connect(self._arrived)
        window.status.environmentShown.connect(lambda *_: self.refresh())

    def _arrived(self, event: MarketPhase | VolatilityInterruption) -> None:
        market = self.market()
        if isinstance(event, VolatilityInterruption):
            vi = market.vi_of(event.stock_code) if market is not None else None
            for model in self.models:
                model.mark(event.stock_code, vi_text(vi) if vi is not None else None)
        self.show()

    def show(self) -> None:
        """The phase and the ticket's marks and order types, as the market status says now."""
        self.window.status.tick()
        self.window.ticket.market_changed()

    def refresh(self) -> None:
        """Every mark again: another session, or another language."""
        market = self.market()
        for model in self.models:
            model.clear_marks()
            for code, vi in (market.vi if market is not None else {}).items():
                model.mark(code, vi_text(vi))
        self.window.ticket.market_changed()
