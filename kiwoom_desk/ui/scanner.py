"""Finding what to trade, beside the chart: 순위 (rankings), 조건검색 (condition search) and 투자자 (investor flows of
the ticket's stock), each a dock tabbed with the watchlist's on the right, so the trader reads one at a time and
closes or moves any (보기 menu). A double click on any row puts the stock in the ticket and the chart."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from ..environments import Environment
from .bridge import DeskBridge
from .conditions import ConditionPanel
from .investor_flow import InvestorFlowView
from .rankings import RankingPanel
from .widgets import named

if TYPE_CHECKING:
    from ..trading.session import SessionController


OPENED_WIDTH = 440  # px a panel opened from 보기 gets, when it was narrower: its columns whole


def shown_in_front(dock: QDockWidget) -> QAction:
    """The dock's 보기 action: ticked, the dock is shown with its tab in front (not behind the watchlist's) and at
    least OPENED_WIDTH wide where the window has room (a width the trader dragged wider is kept)."""
    toggle = dock.toggleViewAction()

    def shown(checked: bool) -> None:
        if not checked:
            return
        dock.raise_()
        window = dock.parentWidget()
        if isinstance(window, QMainWindow) and dock.width() < OPENED_WIDTH:
            window.resizeDocks([dock], [OPENED_WIDTH], Qt.Orientation.Horizontal)

    toggle.triggered.connect(shown)
    return toggle


class ScannerDocks:
    def __init__(
        self,
        window: QMainWindow,
        beside: QDockWidget,
        session: SessionController,
        bridge: DeskBridge,
        choose: Callable[[str], None],
        settings: QSettings | None = None,
    ) -> None:
        self.rankings = RankingPanel(session, bridge, settings)
        self.conditions = ConditionPanel(session, bridge)
        self.flows = InvestorFlowView(session, bridge)
        self.rankingDock = self._dock(window, beside, self.rankings, "rankingDock")
        self.conditionDock = self._dock(window, beside, self.conditions, "conditionDock")
        self.flowDock = self._dock(window, beside, self.flows, "investorFlowDock")
        beside.raise_()  # the watchlist's tab in front, as before
        for panel in (self.rankings, self.conditions):
            panel.stockChosen.connect(choose)

    @staticmethod
    def _dock(window: QMainWindow, beside: QDockWidget, panel: QWidget, name: str) -> QDockWidget:
        dock = named(QDockWidget(), name)
        dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.tabifyDockWidget(beside, dock)
        return dock

    @property
    def docks(self) -> list[QDockWidget]:
        return [self.rankingDock, self.conditionDock, self.flowDock]

    def toggle_actions(self) -> list[QAction]:
        """보기 menu: each panel shown or closed; shown, its tab comes to the front."""
        return [shown_in_front(dock) for dock in self.docks]

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.rankingDock.setWindowTitle(translate("ScannerDocks", "Rankings"))
        self.conditionDock.setWindowTitle(translate("ScannerDocks", "Conditions"))
        self.flowDock.setWindowTitle(translate("ScannerDocks", "Investors"))
        for panel in (self.rankings, self.conditions, self.flows):
            panel.retranslate()

    def open_environment(self, environment: Environment) -> None:
        self.rankings.open_environment(environment)
        self.conditions.open_environment(environment)
        self.flows.open_environment(environment)

    def clear(self) -> None:
        self.rankings.clear()
        self.conditions.clear()
        self.flows.clear()

    def hide(self) -> None:
        for dock in self.docks:
            dock.hide()
