"""The journal (#10): every execution event kept per environment and account, an older file migrated in place, and
nothing written lost when the app is killed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from kiwoom_desk.storage.journal import SCHEMA_VERSION, Journal

FILL = {
    "order_no": "0000003",
    "orig_order_no": "",
    "stock_code": "005930",
    "stock_name": "삼성전자",
    "side": "buy",
    "status": "체결",
    "quantity": 10,
    "price": 71_300,
    "unfilled": 6,
    "fill_price": 71_300,
    "fill_quantity": 4,
    "time": "093015",
    "venue": "KRX",
    "reject_reason": "",
}


def test_an_execution_is_kept_with_its_fill_and_the_accounts_last_digits_only(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    journal.record_execution("mock", "8012345611", FILL)
    journal.record_execution("sandbox", "5555000011", {**FILL, "order_no": "0000001"})
    (kept,) = journal.executions("mock")
    assert kept["account"] == "5611" and kept["fill_price"] == 71_300 and kept["fill_quantity"] == 4
    assert kept["commission"] is None and kept["at"].endswith("+09:00")  # fees are not in a 00 event; KST
    assert "8012345611" not in (tmp_path / "journal.sqlite3").read_bytes().decode("latin-1")
    assert journal.executions("mock", kept["at"][:10]) == [kept] and journal.executions("mock", "2000-01-01") == []
    assert journal.forget("sandbox") == 1 and journal.executions("sandbox") == [] and journal.executions("mock")
    journal.close()


def test_a_journal_of_the_previous_version_is_migrated_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT NOT NULL, environment TEXT NOT NULL,"
        " kind TEXT NOT NULL, api_id TEXT NOT NULL, order_no TEXT NOT NULL, detail TEXT NOT NULL)"
    )
    old.execute(
        "INSERT INTO events (at, environment, kind, api_id, order_no, detail)"
        " VALUES ('2026-11-24T09:00:00.000+09:00', 'mock', 'accepted', 'kt10000', '0000001', '{}')"
    )
    old.commit()
    old.close()
    journal = Journal(path)
    journal.record("mock", "sent", "kt10000", account="8012345611")
    assert [(e["kind"], e["account"]) for e in journal.events("mock")] == [("accepted", ""), ("sent", "5611")]
    journal.record_execution("mock", "8012345611", FILL)
    journal.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_killed_app_loses_nothing_it_had_written(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    child = (
        "import os; from pathlib import Path; from kiwoom_desk.storage.journal import Journal;"
        f"j = Journal(Path({str(path)!r})); j.record('mock', 'accepted', 'kt10000', '0000009');"
        f"j.record_execution('mock', '80123456', {FILL!r}); os._exit(3)"
    )
    killed = subprocess.run([sys.executable, "-c", child], capture_output=True)
    assert killed.returncode == 3  # gone at once, as when killed: no close, no checkpoint, no atexit (any OS)
    journal = Journal(path)
    assert [event["order_no"] for event in journal.events("mock")] == ["0000009"]
    assert [row["fill_quantity"] for row in journal.executions("mock")] == [4]
    journal.close()


def test_a_version_2_executions_table_gains_the_exchange_day_and_the_credit_lot(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    old = sqlite3.connect(path)
    old_fields = [name for name in FILL if name not in ("day", "credit", "loan_date")] + ["commission", "tax"]
    columns = ", ".join(f"{name} TEXT" for name in old_fields)
    old.execute(
        "CREATE TABLE executions (id INTEGER PRIMARY KEY, at TEXT NOT NULL, environment TEXT NOT NULL,"
        f" account TEXT NOT NULL, {columns})"
    )
    old.execute(
        "INSERT INTO executions (at, environment, account, order_no) VALUES ('2026-11-24T09:00', 'mock', '', '1')"
    )
    old.execute("PRAGMA user_version=2")
    old.commit()
    old.close()
    journal = Journal(path)
    journal.record_execution("mock", "8012345611", {**FILL, "day": "20261125", "credit": "33", "loan_date": "20261124"})
    before, after = journal.executions("mock")
    assert before["order_no"] == "1" and before["day"] is None  # kept, and read as before (the day it was written)
    assert (after["day"], after["credit"], after["loan_date"]) == ("20261125", "33", "20261124")
    journal.close()
