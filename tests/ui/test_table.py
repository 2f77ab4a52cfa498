"""The declarative table: numbers sort by value, and an update touches only the row that changed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from kiwoom_desk.ui.table import Column, KeyedTableModel, show_table, won


@dataclass(frozen=True)
class Row:
    key: str
    price: int


def make(qtbot: QtBot) -> tuple[QTableView, KeyedTableModel[Row]]:
    model: KeyedTableModel[Row] = KeyedTableModel(
        [Column(lambda: "Key", lambda r: r.key), Column(lambda: "Price", lambda r: r.price, won, numeric=True)],
        key=lambda row: row.key,
    )
    view = QTableView()
    qtbot.addWidget(view)
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
