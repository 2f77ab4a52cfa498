"""The window's layout in QSettings("KiwoomDesk", "KiwoomDesk"): geometry, docks, splitter and column widths.
The saved layout wins; the first time, a large screen is used whole and a small one gets 1366×768."""

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
        ("splitter", splitter.saveState, splitter.restoreState),
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


def opens_maximized(available: QSize) -> bool:
    """A screen with room to spare beyond the 1366×768 the window is laid out for."""
    return available.width() >= 1600 and available.height() >= 900
