"""Renders the SVG app icon (resources/icons) to PNGs and packs them into a Windows .ico (PNG-compressed entries,
which Windows has read since Vista), and draws the installer's wizard images (resources/installer, BMP as Inno
Setup wants them, at 100 % and 200 % scale), so that no image library beyond Qt is needed.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICONS = RESOURCES / "icons"
INSTALLER = RESOURCES / "installer"
SIZES = (16, 24, 32, 48, 64, 128, 256)
WIZARD = {"wizard": (164, 314), "wizard-small": (55, 55)}  # Inno Setup's sizes at 100 %


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


def wizard_image(renderer: QSvgRenderer, width: int, height: int, with_name: bool) -> QImage:
    """The icon on white, and on the tall one the name under it."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = min(width, height) * (0.6 if with_name else 0.8)
    top = height * 0.3 if with_name else (height - side) / 2
    renderer.render(painter, QRectF((width - side) / 2, top, side, side))
    if with_name:
        font = QFont("Sans Serif")
        font.setPixelSize(max(12, width // 9))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#212121"))
        painter.drawText(
            QRectF(0, top + side + width * 0.08, width, width * 0.3), Qt.AlignmentFlag.AlignHCenter, "Kiwoom Desk"
        )
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "kiwoom-desk.svg"))
    images = [(size, png(renderer, size)) for size in SIZES]
    (ICONS / "kiwoom-desk.ico").write_bytes(ico(images))
    (ICONS / "kiwoom-desk.png").write_bytes(images[-1][1])
    print(f"wrote {ICONS / 'kiwoom-desk.ico'} ({len(SIZES)} sizes) and kiwoom-desk.png")
    INSTALLER.mkdir(exist_ok=True)
    for name, (width, height) in WIZARD.items():
        for scale in (1, 2):
            path = INSTALLER / f"{name}{'' if scale == 1 else f'-{scale}00'}.bmp"
            wizard_image(renderer, width * scale, height * scale, name == "wizard").save(str(path), "BMP")
            print(f"wrote {path}")
    del app


if __name__ == "__main__":
    main()
