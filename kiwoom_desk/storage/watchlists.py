"""The trader's watchlists, per environment, in a JSON file of the app's own (not QSettings: they are data, not
layout). Written whole to a temporary file, flushed to disk and moved into place, so a killed app or a power cut
leaves the old lists or the new, never half of one. A file that does not parse is set aside under a name of its
own (never overwritten); one that cannot be read right now (locked by a backup or a virus scanner) is an error,
and nothing is saved over it."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)
DEFAULT_NAME = "관심종목1"


class WatchlistStoreError(Exception):
    """The lists could not be read or written; the message says which file and why."""


@dataclass
class Watchlist:
    name: str
    codes: list[str] = field(default_factory=list)


class WatchlistStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, environment: str) -> list[Watchlist]:
        """`environment`'s lists, in the trader's order; one empty default list when there are none."""
        lists = []
        for entry in self._read().get(environment, []):
            codes = entry.get("codes") if isinstance(entry, dict) else None
            if isinstance(codes, list) and "name" in entry:
                lists.append(Watchlist(str(entry["name"]), [str(code) for code in codes]))
        return lists or [Watchlist(DEFAULT_NAME)]

    def save(self, environment: str, lists: list[Watchlist]) -> None:
        everything = self._read()  # the other environments' lists, as they are on disk
        everything[environment] = [{"name": item.name, "codes": list(item.codes)} for item in lists]
        temporary = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("w", encoding="utf-8") as file:
                json.dump(everything, file, ensure_ascii=False, indent=1)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            raise WatchlistStoreError(f"{self.path.name}: {error.strerror or error}") from error

    def _read(self) -> dict[str, list[dict[str, object]]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as error:  # locked for a moment: an error, not an empty file to save over
            raise WatchlistStoreError(f"{self.path.name}: {error.strerror or error}") from error
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not an object of environments")
        except ValueError as error:
            aside = self.path.with_name(f"{self.path.stem}-unreadable-{datetime.now():%Y%m%d-%H%M%S}.json")
            log.error("watchlists: %s does not parse (%s); kept as %s", self.path.name, error, aside.name)
            try:
                self.path.replace(aside)
            except OSError as moved:
                raise WatchlistStoreError(f"{self.path.name}: {moved.strerror or moved}") from moved
            return {}
        return data
