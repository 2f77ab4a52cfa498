"""Every visible string goes through the translation files, and the shipped catalogue is the built one."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from kiwoom_desk.assets import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "kiwoom_desk"
TS = ROOT / "resources" / "translations" / "kiwoom_desk_ko.ts"
QM = TRANSLATIONS / "kiwoom_desk_ko.qm"  # what the app loads: built from the .ts by the install


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    assert Path(found).exists(), f"{name} is installed with PySide6"
    return found


def _messages(path: Path) -> dict[tuple[str, str], str]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message.findtext("translation", "")
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation") is None or message.find("translation").get("type") != "vanished"  # type: ignore[union-attr]
    }


def test_every_string_has_a_korean_translation() -> None:
    root = ET.parse(TS).getroot()
    unfinished = [
        message.findtext("source")
        for message in root.iter("message")
        if (message.find("translation") is not None and message.find("translation").get("type") == "unfinished")  # type: ignore[union-attr]
    ]
    assert unfinished == []
    assert all(text for text in _messages(TS).values())


def test_the_source_has_no_string_missing_from_the_catalogue(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path) for path in (PACKAGE / "ui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(_messages(fresh)) <= set(_messages(TS))


def test_the_loaded_qm_says_what_the_ts_says() -> None:
    """Compared by meaning, not bytes: the build's lrelease may be another Qt version than this environment's."""
    from PySide6.QtCore import QTranslator

    loaded = QTranslator()
    assert loaded.load(str(QM))
    stale = [source for (context, source), text in _messages(TS).items() if loaded.translate(context, source) != text]
    assert stale == [], "the .ts changed since the install: run python packaging/assets.py"


def test_no_translation_call_hides_inside_an_f_string() -> None:
    """lupdate cannot see tr() inside f-string braces, so such a string would silently stay English."""
    import re

    hidden = re.compile(r"""f(["']).*\{[^}]*\b(tr|translate)\(""")
    offenders = [
        f"{path.name}:{number}"
        for path in (PACKAGE / "ui").glob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hidden.search(line)
    ]
    assert offenders == []


def test_switching_language_leaves_nothing_in_the_old_one_and_cuts_no_header(desk: Any) -> None:
    window = desk.window
    desk.fill("005930", 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.until(lambda: "주문 접수" in window.status.message.text(), "no answer")
    desk.act(lambda: window.set_language("en"))
    assert window.status.message.text() == "Language: English" and window.status.rest.text().startswith("REST")
    table = window.openOrders
    header = table.horizontalHeader()
    for column in range(table.model().columnCount()):
        title = str(table.model().headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title), title
    assert table.model().index(0, 10).data() == "Accepted"
    for column in range(table.model().columnCount()):  # the values, too (the time was cut to "20:43…")
        value = str(table.model().index(0, column).data())
        assert table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(value), value
    desk.act(lambda: window.set_language("ko"))
    assert window.status.message.text() == "언어: 한국어"


def test_a_count_of_shares_reads_right_in_both_languages(desk: Any) -> None:
    from kiwoom_desk.ui.labels import shares

    desk.act(lambda: desk.window.set_language("en"))
    assert (shares(1), shares(2), shares(1_000)) == ("1 share", "2 shares", "1,000 shares")
    desk.act(lambda: desk.window.set_language("ko"))
    assert (shares(1), shares(2), shares(1_000)) == ("1주", "2주", "1,000주")
