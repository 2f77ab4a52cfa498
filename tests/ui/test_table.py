"""The declarative table: numbers sort by value, and an update touches only the row that changed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleFactory, QTableView
from pytestqt.qtbot import QtBot

from kiwoom_desk.ui.table import Column, KeyedTableModel, show_table, won

FUSION: dict[str, QStyle] = {}  # styles given to widgets must outlive them


@dataclass(frozen=True)
class Row:
    key: str
    price: int


def make(qtbot: QtBot, style: str = "") -> tuple[QTableView, KeyedTableModel[Row]]:
    model: KeyedTableModel[Row] = KeyedTableModel(
        [Column(lambda: "Key", lambda r: r.key), Column(lambda: "Price", lambda r: r.price, won, numeric=True)],
        key=lambda row: row.key,
    )
    view = QTableView()
    qtbot.addWidget(view)
    if style:  # the header's own, whatever the platform's default
        view.horizontalHeader().setStyle(FUSION.setdefault(style, QStyleFactory.create(style)))
    show_table(view, model, sort_column=1, order=Qt.SortOrder.AscendingOrder)
    return view, model


def shown(view: QTableView, column: int) -> list[str]:
    return [view.model().index(row, column).data() for row in range(view.model().rowCount())]


def test_numbers_sort_by_value_not_text(qtbot: QtBot) -> None:
    view, model = make(qtbot)
    model.set_rows([Row("a", 70_000), Row("b", 9_000), Row("c", 150_000)])
    assert shown(view, 1) == ["9,000", "70,000", "150,000"]  # as text it would be 150,000 / 70,000 / 9,000
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown(view, 0) == ["c", "a", "b"]


def test_an_update_changes_one_row_and_leaves_the_rest(qtbot: QtBot) -> None:
    _view, model = make(qtbot)
    model.set_rows([Row("a", 1), Row("b", 2), Row("c", 3)])
    changed: list[tuple[int, int]] = []
    inserted: list[int] = []
    removed: list[int] = []
    model.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))
    model.rowsRemoved.connect(lambda _parent, first, _last: removed.append(first))
    model.set_rows([Row("a", 1), Row("b", 20), Row("c", 3)])
    assert changed == [(1, 1)] and inserted == [] and removed == []
    model.set_rows([Row("a", 1), Row("c", 3), Row("d", 4)])
    assert removed == [1] and inserted == [2]
    assert sorted(row.key for row in model.rows()) == ["a", "c", "d"]


def arrow_points_up(view: QTableView, column: int) -> bool:
    """Reads the sort arrow off the painted header: the dark pixels right of the title, row by row; a ▲ widens
    downwards."""
    header = view.horizontalHeader()
    image = header.grab().toImage()
    left = header.sectionViewportPosition(column)
    title = str(view.model().headerData(column, Qt.Orientation.Horizontal))
    start = left + (header.sectionSize(column) + header.fontMetrics().horizontalAdvance(title)) // 2 + 2
    widths = []
    for y in range(image.height()):
        dark = sum(
            1 for x in range(start, left + header.sectionSize(column) - 1) if image.pixelColor(x, y).value() < 128
        )
        if dark:
            widths.append(dark)
    assert len(widths) >= 2, "no sort arrow drawn"
    return widths[-1] > widths[0]


def test_the_sort_arrow_points_up_for_ascending_as_on_windows(qtbot: QtBot) -> None:
    view, model = make(qtbot, style="Fusion")  # Linux's style, which draws Qt's own sense unless corrected
    model.set_rows([Row("a", 70_000), Row("b", 9_000)])
    view.resize(400, 200)
    view.setColumnWidth(1, 120)
    view.show()
    qtbot.waitExposed(view)
    assert arrow_points_up(view, 1)  # ascending: ▲, the smallest at the top
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert not arrow_points_up(view, 1)
