"""Small parts of the ticket: the quick quantity buttons (+1/+10/+100, a share of the most it can take, Keep),
and the order types the environment's market takes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QPushButton, QSpinBox

from ..environments import Environment
from ..kiwoom import TradeType
from ..trading.sessions import types_never_taken
from .widgets import named

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


def offer_types(combo: QComboBox, environment: Environment) -> None:
    """Greys out the order types the market never takes, saying why, instead of offering them to be refused."""
    never = types_never_taken(environment)
    reason = QCoreApplication.translate("OrderTicket", "The Sandbox has no pre-market or after-hours session.")
    model = combo.model()
    for index in range(combo.count()):
        item = model.item(index)  # type: ignore[attr-defined]
        taken = combo.itemData(index) not in never
        item.setEnabled(taken)
        item.setToolTip("" if taken else reason)
    if combo.currentData() in never:
        combo.setCurrentIndex(combo.findData(TradeType.LIMIT))
