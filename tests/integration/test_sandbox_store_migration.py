"""A Sandbox file written before fills kept their cost basis opens, keeps its fills and gains the column (#10)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiwoom_desk.sandbox.state import Fill, Side
from kiwoom_desk.sandbox.store import FILE_NAME, SCHEMA_VERSION, Store


def test_a_schema_1_file_is_migrated_not_dropped(tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / FILE_NAME)
    old.execute(
        "CREATE TABLE fills (fill_no TEXT PRIMARY KEY, ord_no TEXT, trade_date TEXT, time TEXT, code TEXT,"
        " side TEXT, price INTEGER, quantity INTEGER, commission INTEGER, tax INTEGER)"
    )
    values = "'0000001', '0000001', '20261125', '090000', '005930', 'sell', 71000, 3, 31, 426"
    old.execute(f"INSERT INTO fills VALUES ({values})")
    old.execute("PRAGMA user_version=1")
    old.commit()
    old.close()
    store = Store(tmp_path)
    (fill,) = store.load().fills
    assert (fill.fill_no, fill.side, fill.quantity, fill.cost) == ("0000001", Side.SELL, 3, 0)
    store.save(Fill("0000002", "0000002", "20261125", "090100", "005930", Side.SELL, 71100, 1, 10, 142, 70000))
    assert [fill.cost for fill in store.load().fills] == [0, 70000]
    store.close()
    assert sqlite3.connect(tmp_path / FILE_NAME).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
