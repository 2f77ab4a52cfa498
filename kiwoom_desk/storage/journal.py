"""An append-only SQLite log of every order sent, every answer and every reconciliation (no secrets: request
bodies carry none, and account numbers never enter it)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")


class Journal:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, at TEXT NOT NULL, environment TEXT NOT NULL,"
            " kind TEXT NOT NULL, api_id TEXT NOT NULL, order_no TEXT NOT NULL, detail TEXT NOT NULL)"
        )

    def record(
        self, environment: str, kind: str, api_id: str, order_no: str = "", detail: Mapping[str, Any] | None = None
    ) -> None:
        self._conn.execute(
            "INSERT INTO events (at, environment, kind, api_id, order_no, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (
                datetime.now(KST).isoformat(timespec="milliseconds"),
                environment,
                kind,
                api_id,
                order_no,
                json.dumps(dict(detail or {}), ensure_ascii=False),
            ),
        )

    def events(self, environment: str | None = None) -> list[dict[str, Any]]:
        query = "SELECT at, environment, kind, api_id, order_no, detail FROM events"
        rows = self._conn.execute(
            query + (" WHERE environment = ?" if environment else "") + " ORDER BY id",
            (environment,) if environment else (),
        )
        return [
            {"at": at, "environment": env, "kind": kind, "api_id": api_id, "order_no": no, "detail": json.loads(d)}
            for at, env, kind, api_id, no, d in rows
        ]

    def forget(self, environment: str) -> int:
        """Deletes one environment's entries (a Sandbox account reset); returns how many went."""
        return self._conn.execute("DELETE FROM events WHERE environment = ?", (environment,)).rowcount

    def close(self) -> None:
        self._conn.close()
