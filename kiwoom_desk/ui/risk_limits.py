"""Settings › Order limits (`riskLimitsDialog`): the trader's fat-finger limits per environment, kept in QSettings.
One grid, an environment per column, so that Real's stricter limits stand beside the practice ones."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ..environments import Environment
from ..trading.limits import DEFAULT_LIMITS
from ..trading.rules import RiskLimits
from . import theme
from .labels import environment_text
from .widgets import named, settings_buttons

_RANGES = {  # the largest value each limit takes, and the arrow keys' step
    "max_quantity": (9_999_999, 10),
    "max_amount": (2_000_000_000, 1_000_000),
    "max_distance_percent": (30, 1),  # KRX's own daily limit is ±30 %
    "max_orders_per_minute": (600, 1),
}


def load_limits(settings: QSettings) -> dict[Environment, RiskLimits]:
    """The saved limits, each missing, unreadable or out-of-range one at its default."""
    loaded = {}
    for environment in Environment:
        limits = DEFAULT_LIMITS[environment]
        for name, (highest, _step) in _RANGES.items():
            try:
                number = int(str(settings.value(f"limits/{environment.value}/{name}", getattr(limits, name))))
            except ValueError:
                continue
            if _lowest(environment) <= number <= highest:
                limits = replace(limits, **{name: number})
        loaded[environment] = limits
    return loaded


def save_limits(settings: QSettings, limits: dict[Environment, RiskLimits]) -> None:
    for environment, chosen in limits.items():
        for name in _RANGES:
            settings.setValue(f"limits/{environment.value}/{name}", getattr(chosen, name))


def _lowest(environment: Environment) -> int:
    """0 switches a limit off, in practice only: real money always has every limit."""
    return 1 if environment is Environment.REAL else 0


class RiskLimitsDialog(QDialog):
    def __init__(self, limits: dict[Environment, RiskLimits], parent: QWidget) -> None:
        super().__init__(parent)
        theme.apply_style(self)
        self.setObjectName("riskLimitsDialog")
        self.setWindowTitle(self.tr("Order limits"))
        layout = QVBoxLayout(self)
        guide = QLabel(
            self.tr(
                "An order over a limit is not sent: the ticket says why. In Sandbox and Mock the ticket can let one "
                "order go over them; in Real only this dialog changes them. 0 = no limit (not in Real)."
            )
        )
        guide.setWordWrap(True)
        layout.addWidget(guide)
        grid = QGridLayout()
        rows = {
            "max_quantity": self.tr("Most shares an order"),
            "max_amount": self.tr("Largest amount an order (won)"),
            "max_distance_percent": self.tr("Furthest a limit price from the current price (%)"),
            "max_orders_per_minute": self.tr("Most orders a minute (new and modified)"),
        }
        self.spins: dict[tuple[Environment, str], QSpinBox] = {}
        for column, environment in enumerate(Environment, start=1):
            header = QLabel(f"<b>{environment_text(environment)}</b>")
            grid.addWidget(header, 0, column, Qt.AlignmentFlag.AlignCenter)
            for row, (name, text) in enumerate(rows.items(), start=1):
                grid.addWidget(QLabel(text), row, 0)
                spin = named(QSpinBox(), f"{environment.value}_{name}")
                highest, step = _RANGES[name]
                spin.setRange(_lowest(environment), highest)
                spin.setSingleStep(step)
                spin.setGroupSeparatorShown(True)
                spin.setAlignment(Qt.AlignmentFlag.AlignRight)
                if environment is not Environment.REAL:
                    spin.setSpecialValueText(self.tr("No limit"))
                spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("2,000,000,000") + 40)
                self.spins[environment, name] = spin
                grid.addWidget(spin, row, column)
        layout.addLayout(grid)
        buttons = settings_buttons(self, lambda: self.show_limits(DEFAULT_LIMITS), "restoreLimitsButton")
        layout.addWidget(buttons)
        self.show_limits(limits)

    def show_limits(self, limits: dict[Environment, RiskLimits]) -> None:
        for (environment, name), spin in self.spins.items():
            spin.setValue(getattr(limits[environment], name))

    def limits(self) -> dict[Environment, RiskLimits]:
        """What the dialog shows, per environment."""
        return {
            environment: RiskLimits(
                **{field.name: self.spins[environment, field.name].value() for field in fields(RiskLimits)}
            )
            for environment in Environment
        }
