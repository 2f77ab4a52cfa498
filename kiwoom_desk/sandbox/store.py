"""SQLite persistence of the Sandbox's state, so that an account survives a restart.

Every dataclass of `state` and `market.Quote` maps to one table, column for field. The broker groups the writes
of one request in `transaction()`, so a crash never leaves an order without its fills or cash.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from .market import DayBar, Quote
from .state import Account, CreditLot, Fill, Holding, Kind, Order, Side

SCHEMA_VERSION = 5  # 2: fills.cost; 3: their buy commission (the day's realized P/L); 4: days (finished days);
# 5: credit (orders and fills gain their credit fields, lots hold the credit positions)
FILE_NAME = "sandbox.sqlite3"

_T = TypeVar("_T")
_TABLES: dict[type[Any], tuple[str, str]] = {  # class -> (table, primary key)
    Account: ("account", "account_no"),
    Order: ("orders", "ord_no"),
    Fill: ("fills", "fill_no"),
    Holding: ("holdings", "code"),
    Quote: ("quotes", "code"),
    DayBar: ("days", "key"),
    CreditLot: ("lots", "key"),
}
_DECODE: dict[str, Callable[[Any], Any]] = {"side": Side, "kind": Kind, "triggered": bool, "credit": bool}


def _sql_type(field: dataclasses.Field[Any]) -> str:
    return "INTEGER" if field.type in ("int", "bool") else "TEXT"


def _encode(value: Any) -> Any:
    if isinstance(value, Side | Kind):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


@dataclasses.dataclass
class Snapshot:
    account: Account | None
    orders: list[Order]
    fills: list[Fill]
    holdings: list[Holding]
    quotes: list[Quote]
    days: list[DayBar] = dataclasses.field(default_factory=list)
    lots: list[CreditLot] = dataclasses.field(default_factory=list)


class Store:
    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / FILE_NAME
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._in_transaction = False
        self._create()

    def _create(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path} has schema {version}; this Sandbox knows {SCHEMA_VERSION}. "
                "Start it with --reset to begin a fresh account."
            )
        for cls, (table, key) in _TABLES.items():
            columns = ", ".join(
                f"{f.name} {_sql_type(f)}{' PRIMARY KEY' if f.name == key else ''}" for f in dataclasses.fields(cls)
            )
            self._conn.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
            self._add_missing_columns(cls, table)
        self._conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _add_missing_columns(self, cls: type[Any], table: str) -> None:
        """An older file gains the fields added since, at their defaults: migrated, not dropped."""
        present = {row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")}
        for field in dataclasses.fields(cls):
            if field.name not in present:
                default = field.default if field.default is not dataclasses.MISSING else None
                self._conn.execute(f"ALTER TABLE {table} ADD COLUMN {field.name} {_sql_type(field)}")
                if default is not None:
                    self._conn.execute(f"UPDATE {table} SET {field.name} = ?", (_encode(default),))

    def reset(self) -> None:
        with self.transaction():
            for table, _key in _TABLES.values():
                self._conn.execute(f"DELETE FROM {table}")

    def load(self) -> Snapshot:
        accounts = self._load(Account)
        return Snapshot(
            account=accounts[0] if accounts else None,
            orders=sorted(self._load(Order), key=lambda order: order.ord_no),
            fills=sorted(self._load(Fill), key=lambda fill: fill.fill_no),
            holdings=self._load(Holding),
            quotes=self._load(Quote),
            days=sorted(self._load(DayBar), key=lambda bar: bar.day),
            lots=sorted(self._load(CreditLot), key=lambda lot: (lot.code, lot.loan_date)),
        )

    def _load(self, cls: type[_T]) -> list[_T]:
        table, _key = _TABLES[cls]
        cursor = self._conn.execute(f"SELECT * FROM {table}")
        names = [column[0] for column in cursor.description]
        rows = []
        for values in cursor.fetchall():
            row = {
                name: _DECODE[name](value) if name in _DECODE else value
                for name, value in zip(names, values, strict=True)
            }
            rows.append(cls(**row))
        return rows

    def save(self, *objects: Any) -> None:
        for obj in objects:
            table, _key = _TABLES[type(obj)]
            names = [f.name for f in dataclasses.fields(obj)]
            placeholders = ", ".join("?" for _ in names)
            self._conn.execute(
                f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) VALUES ({placeholders})",
                [_encode(getattr(obj, name)) for name in names],
            )

    def clear_account_records(self) -> None:
        """Orders, fills, holdings and credit lots gone (the Sandbox's account reset); the account row and the
        market stay."""
        for cls in (Order, Fill, Holding, CreditLot):
            self._conn.execute(f"DELETE FROM {_TABLES[cls][0]}")

    def delete_holding(self, code: str) -> None:
        self._conn.execute("DELETE FROM holdings WHERE code = ?", (code,))

    def delete_lot(self, key: str) -> None:
        self._conn.execute("DELETE FROM lots WHERE key = ?", (key,))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:  # nested: the outer one commits
            yield
            return
        self._in_transaction = True
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._in_transaction = False

    def close(self) -> None:
        self._conn.close()
