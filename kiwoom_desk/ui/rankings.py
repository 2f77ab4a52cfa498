"""Rankings (`rankingTable`, with `rankingKindCombo`): 거래대금, 거래량, 상승률, 하락률, 거래량 급증, 외국인/기관
순매수 for KOSPI, KOSDAQ or both; read on demand (조회) and every N seconds while shown, within the budget of
`trading/scanner.py` (an automatic refresh that an order might wait behind is skipped, and says so). A double
click puts the stock in the ticket and the chart."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from ..environments import Environment
from ..kiwoom import KiwoomError
from ..kiwoom.market_codes import RankMarket
from ..trading.scanner import RankingKind, RankRow
from ..trading.sessions import KST
from . import theme
from .auto_refresh import AutoRefresh
from .bridge import DeskBridge
from .labels import explain
from .table import ROW_ROLE, Column, HoldStill, KeyedTableModel, show_table, signed, signed_rate, won
from .widgets import StatusLine, named, shrinkable

if TYPE_CHECKING:
    from ..trading.desk import TradingDesk
    from ..trading.session import SessionController

AUTO_SECONDS = (0, 5, 10, 30, 60)  # 0: off
DEFAULT_AUTO = 10


def millions(value: int) -> str:
    """Won as the HTS shows traded value and net buying: in 백만원 (signed for net buying)."""
    return f"{value // 1_000_000:,}"


def kind_name(kind: RankingKind) -> str:
    translate = QCoreApplication.translate
    return {
        RankingKind.VALUE: translate("RankingPanel", "Traded value"),
        RankingKind.VOLUME: translate("RankingPanel", "Volume"),
        RankingKind.RISERS: translate("RankingPanel", "Top gainers"),
        RankingKind.FALLERS: translate("RankingPanel", "Top losers"),
        RankingKind.SURGE: translate("RankingPanel", "Volume surge"),
        RankingKind.FOREIGN: translate("RankingPanel", "Foreign net buying"),
        RankingKind.INSTITUTIONS: translate("RankingPanel", "Institutional net buying"),
    }[kind]


def market_name(market: RankMarket) -> str:
    translate = QCoreApplication.translate
    return {
        RankMarket.ALL: translate("RankingPanel", "All"),
        RankMarket.KOSPI: translate("RankingPanel", "KOSPI"),
        RankMarket.KOSDAQ: translate("RankingPanel", "KOSDAQ"),
    }[market]


def measure(kind: RankingKind, row: RankRow) -> int | Decimal | None:
    """The figure a ranking is ranked by, in its last column."""
    if kind is RankingKind.VALUE:
        return row.value
    if kind is RankingKind.SURGE or kind.net_buying:
        return row.extra
    return row.volume


def measure_header(kind: RankingKind) -> str:
    translate = QCoreApplication.translate
    if kind is RankingKind.VALUE:
        return translate("RankingPanel", "Value (M)")
    if kind is RankingKind.SURGE:
        return translate("RankingPanel", "Surge")
    return translate("RankingPanel", "Net buy (M)") if kind.net_buying else translate("RankingPanel", "Volume")


def measure_text(kind: RankingKind, value: Any) -> str:
    if kind is RankingKind.SURGE:
        return signed_rate(value)
    if kind.net_buying:
        return signed(int(value / 1_000_000))
    return millions(value) if kind is RankingKind.VALUE else won(value)


def rank_columns(kind: Callable[[], RankingKind]) -> list[Column[RankRow]]:
    """순위, 종목명, 현재가, 등락률 and the ranking's own figure: five columns a dock beside the chart holds whole.
    `kind` is the ranking the rows are (not the combo's choice while the next is read)."""
    translate = QCoreApplication.translate

    def colour(row: RankRow) -> str | None:
        return theme.signed_colour(row.change) if row.change is not None else None

    def measure_colour(row: RankRow) -> str | None:
        signed_figure = kind() is RankingKind.SURGE or kind().net_buying
        return theme.signed_colour(float(row.extra)) if signed_figure and row.extra is not None else None

    return [
        Column(lambda: translate("RankingPanel", "Rank"), lambda r: r.rank, str, numeric=True),
        Column(lambda: translate("RankingPanel", "Name"), lambda r: r.name or r.code),
        Column(lambda: translate("RankingPanel", "Price"), lambda r: r.price, won, colour, True),
        Column(lambda: translate("RankingPanel", "Rate"), lambda r: r.rate, signed_rate, colour, True),
        Column(
            lambda: measure_header(kind()),
            lambda r: measure(kind(), r),
            lambda v: measure_text(kind(), v),
            measure_colour,
            True,
        ),
    ]


RANK, NAME, NAME_WIDTH = 0, 1, 88  # the name column is elided past this, so the figures stay in view


class RankingPanel(QWidget):
    stockChosen = Signal(str)

    def __init__(
        self,
        session: SessionController,
        bridge: DeskBridge,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rankingPanel")
        self.session, self.bridge, self._settings = session, bridge, settings
        self.shown_kind = RankingKind.VALUE  # what the rows are (the combo may already say another)
        self._shown: tuple[RankingKind, RankMarket] | None = None
        self._summary: Callable[[], str] = str  # what the rows are and when they were read
        self._build()
        self.auto = AutoRefresh(self, bridge, DEFAULT_AUTO, HoldStill(self.table))
        self.auto.due.connect(lambda: self.refresh(automatic=True))

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        header = QHBoxLayout()
        self.kindCombo = named(QComboBox(), "rankingKindCombo")
        self.marketCombo = named(QComboBox(), "rankingMarketCombo")
        self.autoCombo = named(QComboBox(), "rankingAutoCombo")
        self.refreshButton = named(QPushButton(), "rankingRefreshButton")
        self.refreshButton.clicked.connect(lambda: self.refresh())
        for combo in (self.kindCombo, self.marketCombo):
            combo.activated.connect(lambda _index: self._chosen_list())
        self.autoCombo.activated.connect(self._auto_chosen)
        for combo in (self.kindCombo, self.marketCombo, self.autoCombo):
            shrinkable(combo)
        header.addWidget(self.kindCombo, 1)
        header.addWidget(self.marketCombo)
        header.addWidget(self.autoCombo)
        header.addWidget(self.refreshButton)
        layout.addLayout(header)
        self.table = named(QTableView(), "rankingTable")
        self.rows: KeyedTableModel[RankRow] = KeyedTableModel(
            rank_columns(lambda: self.shown_kind), key=lambda row: row.code
        )
        show_table(
            self.table, self.rows, sort_column=0, order=Qt.SortOrder.AscendingOrder, widen=True, caps={NAME: NAME_WIDTH}
        )
        self.table.doubleClicked.connect(self._chosen)
        layout.addWidget(self.table, 1)
        self.statusLabel = named(StatusLine(), "rankingStatus")
        layout.addWidget(self.statusLabel)

    def retranslate(self) -> None:
        kinds = [(kind_name(kind), kind.value) for kind in RankingKind]  # plain str: Qt cannot find an enum's data
        self._fill(self.kindCombo, kinds, self._kept("kind", RankingKind.VALUE.value))
        markets = [(market_name(market), market.value) for market in RankMarket]
        self._fill(self.marketCombo, markets, self._kept("market", RankMarket.ALL.value))
        auto = [(self.tr("Auto off") if s == 0 else self.tr("Every {n} s").format(n=s), s) for s in AUTO_SECONDS]
        kept = str(self._kept("auto", DEFAULT_AUTO))
        self._fill(self.autoCombo, auto, int(kept) if kept.isdigit() else DEFAULT_AUTO)
        self.auto.set_interval(float(self.autoCombo.currentData() or 0))
        self.refreshButton.setText(self.tr("Refresh"))
        self.refreshButton.setToolTip(self.tr("Read this ranking now"))
        self.rows.headers_changed()
        self.statusLabel.retranslate()

    @staticmethod
    def _fill(combo: QComboBox, items: Sequence[tuple[str, object]], default: object = None) -> None:
        """The items in the current language, the choice kept."""
        chosen = combo.currentData() if combo.count() else default
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def kind(self) -> RankingKind:
        data = self.kindCombo.currentData()
        return RankingKind(data) if data in set(RankingKind) else RankingKind.VALUE

    def market(self) -> RankMarket:
        data = self.marketCombo.currentData()
        return RankMarket(data) if data in set(RankMarket) else RankMarket.ALL

    def _auto_chosen(self, _index: int) -> None:
        self.auto.set_interval(float(self.autoCombo.currentData() or 0))
        self._keep("auto", self.autoCombo.currentData())

    def _chosen_list(self) -> None:
        self._keep("kind", self.kind().value)
        self._keep("market", self.market().value)
        self.refresh()

    def _kept(self, key: str, default: object) -> object:
        """The trader's last choice (QSettings), so the panel opens as it was left."""
        return self._settings.value(f"rankings/{key}", default) if self._settings is not None else default

    def _keep(self, key: str, value: object) -> None:
        if self._settings is not None:
            self._settings.setValue(f"rankings/{key}", value)

    # ---- reading -----------------------------------------------------------------------------------------

    def open_environment(self, environment: Environment) -> None:
        self.auto.open_environment(environment)
        self.clear()
        if self.isVisible():
            self.refresh(automatic=True)

    def clear(self) -> None:
        self.auto.cancel()
        self.rows.set_rows([])
        self._shown, self._summary = None, str
        self.statusLabel.say("")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.session.desk is not None and not self.rows.rowCount():
            self.refresh(automatic=True)  # not asked for by name: within the budget, or at the next tick

    def refresh(self, automatic: bool = False) -> None:
        desk = self.session.desk
        if desk is None:
            return
        chosen = (self.kind(), self.market())
        if chosen != self._shown and self.rows.rowCount():  # another list: the old one's rows go at once
            self.rows.set_rows([])
            self._shown, self._summary = None, str
            self.statusLabel.say(lambda: self.tr("Reading {kind}...").format(kind=kind_name(chosen[0])))
        self.auto.read(self._load(desk, *chosen, automatic), automatic)

    async def _load(self, desk: TradingDesk, kind: RankingKind, market: RankMarket, automatic: bool) -> None:
        try:
            rows = await desk.ranking(kind, market, automatic)
        except KiwoomError as error:
            if self.session.desk is desk:
                self.statusLabel.say(partial(explain, error))
            return
        if self.session.desk is not desk or (kind, market) != (self.kind(), self.market()):
            return
        if rows is None:  # skipped: another read was under way, or the rate limit kept its requests for orders
            self.auto.skipped()
            summary = self._summary
            self.statusLabel.say(
                lambda: " · ".join(filter(None, (summary(), self.tr("automatic read skipped: orders first"))))
            )
            return
        if (kind, market) != self._shown:
            self.rows.set_rows([])  # another list: its rows in their own order, not kept in the old one's
        self.shown_kind, self._shown = kind, (kind, market)
        self.rows.set_rows(rows)
        self.rows.headers_changed()
        stamp = datetime.now(KST).strftime("%H:%M:%S")  # the exchange's time, whatever the computer's zone
        self._summary = lambda: self.tr("{kind} · {market} · {count} stocks · {time}").format(
            kind=kind_name(kind), market=market_name(market), count=len(rows), time=stamp
        )
        self.statusLabel.say(self._summary)

    def _chosen(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, RankRow):
            self.stockChosen.emit(row.code)
