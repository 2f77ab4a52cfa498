"""The ticket's quick quantity buttons: +1/+10/+100, a share of the most it can take, and Keep."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGridLayout, QPushButton, QSpinBox

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
