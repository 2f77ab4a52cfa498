"""Investor flows (`investorFlowView`) of the ticket's stock: today's net buying by 외국인 and 기관계 through the day
(ka10064) as a small plot, and the last 20 days by investor type (ka10059) as a table, in shares. Read when the
ticket's stock changes and the view is shown, on 조회, and every 30 s while shown (within the scanner's budget)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QTableView, QVBoxLayout, QWidget

from ..environments import Environment
from ..kiwoom import KiwoomError
from ..kiwoom.market_codes import Investor
from ..trading.scanner import InvestorFlows
from ..trading.sessions import KST
from . import theme
from .auto_refresh import AutoRefresh
from .bridge import DeskBridge
from .labels import explain
from .table import Column, KeyedTableModel, show_table, signed
from .widgets import ElidedLabel, StatusLine, named

if TYPE_CHECKING:
    from ..kiwoom.market_models import InvestorDay
    from ..trading.desk import TradingDesk
    from ..trading.session import SessionController

AUTO_SECONDS = 30.0
PLOTTED = ((Investor.FOREIGN, "#6a1b9a"), (Investor.INSTITUTIONS, "#ef6c00"))  # 외국인, 기관계: not buy/sell colours
DAY_COLUMNS = (Investor.INDIVIDUAL, Investor.FOREIGN, Investor.INSTITUTIONS)  # five columns fit the dock whole


def investor_name(investor: Investor) -> str:
    translate = QCoreApplication.translate
    return {
        Investor.INDIVIDUAL: translate("InvestorFlowView", "Individuals"),
        Investor.FOREIGN: translate("InvestorFlowView", "Foreigners"),
        Investor.INSTITUTIONS: translate("InvestorFlowView", "Institutions"),
    }.get(investor, investor.value)


def _day(value: str) -> str:
    return f"{value[4:6]}/{value[6:8]}" if len(value) == 8 else value


def day_columns() -> list[Column[InvestorDay]]:
    translate = QCoreApplication.translate

    def colour(day: InvestorDay) -> str | None:
        return theme.signed_colour(day.change) if day.change is not None else None

    def flow(investor: Investor) -> Column[InvestorDay]:
        return Column(
            lambda: investor_name(investor),
            lambda d: d.flows.get(investor),
            signed,
            lambda d: theme.signed_colour(d.flows.get(investor) or 0),
            True,
        )

    return [
        Column(
            lambda: translate("InvestorFlowView", "Date"), lambda d: d.day, _day, colour
        ),  # the day's close: red/blue
        *(flow(investor) for investor in DAY_COLUMNS),
    ]


class FlowPlot(QWidget):
    """Today's cumulative net buying of 외국인 and 기관계 (shares) against the time of day, with the zero line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("investorFlowPlot")
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.series: dict[Investor, list[tuple[str, int]]] = {}

    def show_flows(self, flows: InvestorFlows | None) -> None:
        self.series = {investor: flows.intraday_series(investor) for investor, _ in PLOTTED} if flows else {}
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(8, 18, -8, -16)
        points = [point for series in self.series.values() for point in series]
        painter.setPen(self.palette().color(self.foregroundRole()))
        if not points:
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.tr("No trading by investor type yet today"))
            return
        seconds = [_seconds(time) for time, _ in points]
        start, end = min(seconds), max(max(seconds), min(seconds) + 60)
        top = max(max(value for _, value in points), 0)
        bottom = min(min(value for _, value in points), 0)
        span = max(top - bottom, 1)

        def at(time: str, value: int) -> QPointF:
            x = area.left() + (_seconds(time) - start) / (end - start) * area.width()
            return QPointF(x, area.bottom() - (value - bottom) / span * area.height())

        zero = at(points[0][0], 0).y()
        painter.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left(), zero), QPointF(area.right(), zero))
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(QPointF(area.left(), area.bottom() + 13), f"{bottom:+,}" if bottom else "0")
        top_label = f"{top:+,}" if top else "0"
        painter.drawText(
            QPointF(area.right() - painter.fontMetrics().horizontalAdvance(top_label), area.top() - 4), top_label
        )
        legend_x = area.left()
        for investor, colour in PLOTTED:
            series = self.series.get(investor, [])
            painter.setBrush(Qt.BrushStyle.NoBrush)  # a line, never a filled shape
            if series:
                path = QPainterPath(at(*series[0]))
                for point in series[1:]:
                    path.lineTo(at(*point))
                painter.setPen(QPen(QColor(colour), 2))
                painter.drawPath(path)
                painter.setBrush(QColor(colour))
                painter.drawEllipse(at(*series[-1]), 2.5, 2.5)  # where it stands now (the day's first minute too)
            label = f"{investor_name(investor)} {series[-1][1]:+,}" if series else investor_name(investor)
            painter.setPen(QColor(colour))
            painter.drawText(QPointF(legend_x, area.top() - 4), label)
            legend_x += painter.fontMetrics().horizontalAdvance(label) + 12
        if points:
            painter.setPen(self.palette().color(self.foregroundRole()))
            last = max(time for time, _ in points)
            painter.drawText(QPointF(legend_x, area.top() - 4), f"({last[:2]}:{last[2:4]})")


def _seconds(time: str) -> int:
    return int(time[0:2]) * 3600 + int(time[2:4]) * 60 + int(time[4:6]) if time.isdigit() and len(time) == 6 else 0


class InvestorFlowView(QWidget):
    def __init__(self, session: SessionController, bridge: DeskBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("investorFlowView")
        self.setMinimumWidth(320)  # as the watchlist: the docks tabbed together fit a 1366-wide screen
        self.session, self.bridge = session, bridge
        self.code = ""
        self.flows: InvestorFlows | None = None
        self._read_at = ""  # KST, HH:MM:SS
        self.auto = AutoRefresh(self, bridge, AUTO_SECONDS)
        self.auto.due.connect(lambda: self.refresh(automatic=True))
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        header = QHBoxLayout()
        self.titleLabel = named(ElidedLabel(), "investorFlowTitle")  # a long name never widens the dock
        bold = self.titleLabel.font()
        bold.setBold(True)
        self.titleLabel.setFont(bold)
        self.refreshButton = named(QPushButton(), "investorFlowRefreshButton")
        self.refreshButton.clicked.connect(lambda: self.refresh())
        header.addWidget(self.titleLabel, 1)
        header.addWidget(self.refreshButton)
        layout.addLayout(header)
        self.plot = FlowPlot(self)
        layout.addWidget(self.plot)
        self.table = named(QTableView(), "investorFlowTable")
        self.days: KeyedTableModel[InvestorDay] = KeyedTableModel(day_columns(), key=lambda day: day.day)
        show_table(self.table, self.days, sort_column=0, order=Qt.SortOrder.DescendingOrder, widen=True)
        layout.addWidget(self.table, 1)
        self.statusLabel = named(StatusLine(), "investorFlowStatus")
        layout.addWidget(self.statusLabel)

    def retranslate(self) -> None:
        self.refreshButton.setText(self.tr("Refresh"))
        self._show_title()
        self._say_read()
        self.days.headers_changed()
        self.plot.update()

    def _show_title(self) -> None:
        desk = self.session.desk
        name = (desk.stock_name(self.code) if desk is not None else "") or self.code
        title = self.tr("{name}: net buying by investor type (shares)").format(name=name) if self.code else ""
        self.titleLabel.setText(title or self.tr("Put a stock in the ticket"))
        self.titleLabel.setToolTip(title)

    # ---- reading -----------------------------------------------------------------------------------------

    def open_environment(self, environment: Environment) -> None:
        self.auto.open_environment(environment)
        self.clear()
        if self.code and self.isVisible():
            self.refresh(automatic=True)

    def clear(self) -> None:
        self.auto.cancel()
        self.flows = None
        self.days.set_rows([])
        self.plot.show_flows(None)
        self.statusLabel.say("")

    def show_stock(self, code: str) -> None:
        """The ticket's stock: its flows when shown (a hidden view spends no query), within the budget: the
        trader is about to send an order for it, and the order goes first."""
        if code == self.code:
            return
        self.code = code
        self.clear()
        self._show_title()
        if self.isVisible():
            self.refresh(automatic=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.code and (self.flows is None or self.flows.code != self.code):
            self.refresh(automatic=True)

    def refresh(self, automatic: bool = False) -> None:
        desk = self.session.desk
        if desk is not None and self.code:
            self.auto.read(self._load(desk, self.code, automatic), automatic)

    async def _load(self, desk: TradingDesk, code: str, automatic: bool) -> None:
        try:
            flows = await desk.investor_flows(code, automatic)
        except KiwoomError as error:
            if self.session.desk is desk:
                self.statusLabel.say(partial(explain, error))
            return
        if self.session.desk is not desk or code != self.code:
            return
        if flows is None:  # skipped (orders first): the next second's tick tries again
            self.auto.skipped()
            return
        self.flows = flows
        self.days.set_rows(flows.days)
        self.plot.show_flows(flows)
        self._show_title()
        self._read_at = datetime.now(KST).strftime("%H:%M:%S")
        self._say_read()

    def _say_read(self) -> None:
        """When the flows were read, in the window's language (said again on a language switch)."""
        if self.flows is not None:
            text = self.tr("{days} days · {points} intraday points · read {time}")  # lupdate reads it here
            days, points, at = len(self.flows.days), len(self.flows.intraday), self._read_at
            self.statusLabel.say(lambda: text.format(days=days, points=points, time=at))
