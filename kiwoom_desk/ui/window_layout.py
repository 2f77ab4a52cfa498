"""The window's layout in QSettings("KiwoomDesk", "KiwoomDesk"): geometry, docks, splitter and column widths.
The saved layout wins; the first time, a large screen or one too small for 1366×768 and a title bar is used whole,
and one in between gets 1366×768."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

LayoutPart = tuple[str, Callable[[], QByteArray], Callable[[QByteArray], object]]  # key, save, restore


def layout_parts(window: QMainWindow, splitter: QSplitter, *headers: QHeaderView) -> list[LayoutPart]:
    """What persists: each part under its key, with how to save and restore it."""
    parts: list[LayoutPart] = [
        ("geometry", window.saveGeometry, window.restoreGeometry),
        ("windowState", window.saveState, window.restoreState),
        ("chartSplitter", splitter.saveState, splitter.restoreState),  # "splitter" had no chart: not restored
    ]
    for key, header in zip(("ordersHeader", "positionsHeader"), headers, strict=True):
        parts.append((key, header.saveState, header.restoreState))
    return parts


def restore_layout(window: QMainWindow, settings: QSettings, parts: list[LayoutPart]) -> None:
    for key, _save, restore in parts:
        value = settings.value(key)
        if isinstance(value, QByteArray):
            restore(value)
    screen = window.screen()
    if settings.value("geometry") is None and screen is not None and opens_maximized(screen.availableSize()):
        window.setGeometry(screen.availableGeometry())  # without a window manager, maximized means nothing
        window.setWindowState(Qt.WindowState.WindowMaximized)


def save_layout(settings: QSettings, parts: list[LayoutPart]) -> None:
    for key, save, _restore in parts:
        settings.setValue(key, save())


FRAME_ALLOWANCE = QSize(16, 40)  # a title bar and borders around the 1366×768 inside


def opens_maximized(available: QSize) -> bool:
    """A screen with room to spare beyond the 1366×768 the window is laid out for, or one too small to hold it
    with its title bar (a 1366×768 laptop, whose taskbar leaves 728): maximized, the window fits the screen."""
    large = available.width() >= 1600 and available.height() >= 900
    small = available.width() < 1366 + FRAME_ALLOWANCE.width() or available.height() < 768 + FRAME_ALLOWANCE.height()
    return large or small
