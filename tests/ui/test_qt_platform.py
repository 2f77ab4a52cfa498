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


def test_emitting_signals_does_not_corrupt_python(qapp: QApplication) -> None:
    """PySide6 6.12.0 drops a reference to True or False on every Python-side emit(): a few hundred real-time
    events later the app dies with "bool_dealloc". The pin in pyproject.toml excludes it; this keeps it out."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        happened = Signal(object)

    emitter = Emitter()
    received: list[int] = []
    emitter.happened.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for number in range(200):
        emitter.happened.emit(number)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
    assert len(received) == 200
