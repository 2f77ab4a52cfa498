"""Renders the SVG app icon to PNGs and packs them into a Windows .ico (PNG-compressed entries, which Windows
has read since Vista), so that no image library beyond Qt is needed.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "kiwoom_desk" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "kiwoom-desk.svg"))
    images = [(size, png(renderer, size)) for size in SIZES]
    (ICONS / "kiwoom-desk.ico").write_bytes(ico(images))
    (ICONS / "kiwoom-desk.png").write_bytes(images[-1][1])
    print(f"wrote {ICONS / 'kiwoom-desk.ico'} ({len(SIZES)} sizes) and kiwoom-desk.png")
    del app


if __name__ == "__main__":
    main()
