"""Colours Korean traders expect (buy and up in red, sell and down in blue), the environment accents, and the
style sheet (resources/styles/desk.qss) filled with them."""

from __future__ import annotations

from functools import cache
from string import Template

from PySide6.QtWidgets import QWidget

from ..assets import style_sheet_template
from ..environments import Environment
from ..kiwoom.codes import Side

BUY = UP = "#d32f2f"
SELL = DOWN = "#1565c0"
FLAT = "#424242"
PROBLEM = "#c62828"
OK = "#2e7d32"


def side_key(side: Side | None) -> str:
    """The name the style sheet selects a side's colour by ([side="buy"], [flash="sell"])."""
    return "sell" if side is Side.SELL else "buy"


def side_colour(side: Side | None) -> str | None:
    """A side's text colour in the tables and dialogs: buy red, sell blue, neither none."""
    return BUY if side is Side.BUY else SELL if side is Side.SELL else None


def signed_colour(value: float) -> str:
    return UP if value > 0 else DOWN if value < 0 else FLAT


@cache
def style_sheet() -> str:
    colours = {"buy": BUY, "sell": SELL, "problem": PROBLEM, "ok": OK}
    colours |= {environment.value: environment.accent for environment in Environment}
    return Template(style_sheet_template()).substitute(colours)


def apply_style(*widgets: QWidget) -> None:
    """The style sheet goes on the widgets it styles (and their children), never on the whole window: a table
    under a style sheet paints every cell through Qt's slower style-sheet style (about 7 % fewer real-time
    updates per second in bench/realtime_ui.py)."""
    for widget in widgets:
        widget.setStyleSheet(style_sheet())


def restyle(widget: QWidget, name: str, value: object) -> None:
    """Sets a dynamic property the style sheet selects on, and re-polishes only when it changed (a re-polish costs
    as much as a new style sheet)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
