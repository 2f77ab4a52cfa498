"""An append-only SQLite log of every order sent, every answer, every reconciliation and every execution event
(00), per environment and account, so that a day can be reviewed offline and across days. No secrets: request
bodies carry none, and an account is kept by its last four digits only.

Each entry is its own transaction in WAL mode: a killed app loses nothing it had written (synchronous=NORMAL
gives up only what an operating-system crash or power cut would take, and keeps a write to microseconds on the
real-time path). A journal written by an earlier version is migrated in place, never dropped.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
SCHEMA_VERSION = 3  # 1: events; 2: events.account and the executions table; 3: executions.day, credit, loan_date
EXECUTION_FIELDS = (  # what a 00 event says, as the desk reads it (None where it said nothing)
    "order_no",
    "orig_order_no",
    "stock_code",
    "stock_name",
    "side",  # "buy", "sell" or ""
    "status",
    "quantity",
    "price",
    "unfilled",
    "fill_price",
    "fill_quantity",
    "commission",  # 938: the order's commission so far, when the event carries it
    "tax",  # 939: the order's tax so far
    "time",  # the exchange's HHMMSS
    "venue",
    "reject_reason",
    "day",  # the exchange's YYYYMMDD (the Sandbox's own on its KRX day): `at` is this computer's time of writing
    "credit",  # "" cash; else the 00 event's credit kind (922: 03 a credit buy, 33/99 a credit sell, other)
    "loan_date",  # 923: the lot a credit order buys into or sells from, YYYYMMDD
)
_INTEGERS = {"quantity", "price", "unfilled", "fill_price", "fill_quantity", "commission", "tax"}


class JournalError(Exception):
    """The journal could not be written (a locked or full disk): the caller decides what that stops."""


def account_tail(account_no: str) -> str:
    """What the journal keeps of an account number: its last four digits."""
    return account_no.strip()[-4:]


class Journal:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # A locked file waits a moment, not sqlite's 5 s: the journal is written on the event loop.
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=0.5)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path} was written by a newer Kiwoom Desk (schema {version})")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, at TEXT NOT NULL, environment TEXT NOT NULL,"
            " kind TEXT NOT NULL, api_id TEXT NOT NULL, order_no TEXT NOT NULL, detail TEXT NOT NULL)"
        )
        columns = {row[1] for row in self._conn.execute("PRAGMA table_info(events)")}
        if "account" not in columns:  # version 1: one account per environment was all it knew
            self._conn.execute("ALTER TABLE events ADD COLUMN account TEXT NOT NULL DEFAULT ''")
        typed = ", ".join(f"{name} {'INTEGER' if name in _INTEGERS else 'TEXT'}" for name in EXECUTION_FIELDS)
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS executions (id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
            f" environment TEXT NOT NULL, account TEXT NOT NULL, {typed})"
        )
        kept = {row[1] for row in self._conn.execute("PRAGMA table_info(executions)")}
        for name in EXECUTION_FIELDS:  # version 2 had no day, credit or loan date: those rows read None
            if name not in kept:
                self._conn.execute(f"ALTER TABLE executions ADD COLUMN {name} TEXT")
        self._conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def record(
        self,
        environment: str,
        kind: str,
        api_id: str,
        order_no: str = "",
        detail: Mapping[str, Any] | None = None,
        account: str = "",
    ) -> None:
        self._write(
            "INSERT INTO events (at, environment, kind, api_id, order_no, detail, account)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                _now(),
                environment,
                kind,
                api_id,
                order_no,
                json.dumps(dict(detail or {}), ensure_ascii=False),
                account_tail(account),
            ),
        )

    def record_execution(self, environment: str, account: str, execution: Mapping[str, Any]) -> None:
        """One 00 event: accepted, filled (with this fill's price and quantity), confirmed, cancelled, rejected."""
        names = ", ".join(EXECUTION_FIELDS)
        marks = ", ".join("?" for _ in EXECUTION_FIELDS)
        values = (_now(), environment, account_tail(account), *(execution.get(name) for name in EXECUTION_FIELDS))
        self._write(f"INSERT INTO executions (at, environment, account, {names}) VALUES (?, ?, ?, {marks})", values)

    def _write(self, statement: str, values: tuple[object, ...]) -> None:
        try:
            self._conn.execute(statement, values)
        except sqlite3.Error as error:
            raise JournalError(f"{self.path.name}: {error}") from error

    def events(self, environment: str | None = None) -> list[dict[str, Any]]:
        query = "SELECT at, environment, kind, api_id, order_no, detail, account FROM events"
        rows = self._conn.execute(
            query + (" WHERE environment = ?" if environment else "") + " ORDER BY id",
            (environment,) if environment else (),
        )
        return [
            {
                "at": at,
                "environment": env,
                "kind": kind,
                "api_id": api_id,
                "order_no": no,
                "detail": json.loads(d),
                "account": account,
            }
            for at, env, kind, api_id, no, d, account in rows
        ]

    def executions(self, environment: str, day: str = "", account: str = "") -> list[dict[str, Any]]:
        """The execution events of `environment`, oldest first; `day` (YYYY-MM-DD, KST) narrows them to one day,
        `account` (its number, or its last four digits) to one account."""
        query = "SELECT * FROM executions WHERE environment = ? AND at LIKE ?"
        values: tuple[str, ...] = (environment, f"{day}%")
        if account:
            query, values = query + " AND account = ?", (*values, account_tail(account))
        try:
            cursor = self._conn.execute(query + " ORDER BY id", values)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.Error as error:
            raise JournalError(f"{self.path.name}: {error}") from error

    def forget(self, environment: str) -> int:
        """Deletes one environment's entries (a Sandbox account reset); returns how many went."""
        events = self._conn.execute("DELETE FROM events WHERE environment = ?", (environment,)).rowcount
        return events + self._conn.execute("DELETE FROM executions WHERE environment = ?", (environment,)).rowcount

    def close(self) -> None:
        self._conn.close()


def _now() -> str:
    return datetime.now(KST).isoformat(timespec="milliseconds")
