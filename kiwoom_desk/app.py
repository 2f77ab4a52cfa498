"""Composition root of the desktop app: arguments, logging, QApplication with one qasync loop, main window.

The trading window is built by the desktop-app issue. Until then the command knows its version and points a
trader to the Sandbox exchange, which already runs on its own.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiwoom-desk", description="Kiwoom Desk: manual trading practice.")
    parser.add_argument("--version", action="version", version=f"kiwoom-desk {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    parse_args(argv)
    print(
        f"Kiwoom Desk {__version__}: the trading window is not built yet. "
        "The practice exchange runs on its own: kiwoom-desk-sandbox",
        file=sys.stderr,
    )
    return 2
