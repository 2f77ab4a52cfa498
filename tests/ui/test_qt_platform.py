"""What the UI tests will rely on: Qt starts offscreen and can draw Korean labels (매수, 매도, 연습 ...)."""

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot


def test_a_korean_font_is_installed(qapp: QApplication) -> None:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    assert families, "no font covers Hangul: install fonts-nanum (the .ci/run script does)"


def test_hangul_labels_get_real_glyphs(qtbot: QtBot) -> None:
    label = QLabel("매수 매도 연습 모의투자 실전")
    qtbot.addWidget(label)
    family = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)[0]
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(character)) for character in "매수매도연습모의투자실전")
