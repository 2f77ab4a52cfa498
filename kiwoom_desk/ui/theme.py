"""Colours Korean traders expect (buy and up in red, sell and down in blue) and the environment accents."""

from __future__ import annotations

BUY = UP = "#d32f2f"
SELL = DOWN = "#1565c0"
FLAT = "#424242"
PROBLEM = "#c62828"


def signed_colour(value: float) -> str:
    return UP if value > 0 else DOWN if value < 0 else FLAT


def side_button_style(colour: str) -> str:
    return (
        f"QPushButton {{ border: 1px solid {colour}; color: {colour}; padding: 6px; font-weight: bold; }}"
        f"QPushButton:checked {{ background: {colour}; color: white; }}"
    )


def submit_style(colour: str) -> str:
    return (
        f"QPushButton {{ background: {colour}; color: white; padding: 8px; font-weight: bold; font-size: 14px;"
        f" border: 1px solid {colour}; border-radius: 3px; }}"
        "QPushButton:disabled { background: #bdbdbd; border-color: #bdbdbd; color: #f5f5f5; }"
    )
