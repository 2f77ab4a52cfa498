"""The trader's watchlists, per environment, in a JSON file of the app's own (not QSettings: they are data, not
layout). Written whole to a temporary file and moved into place, so a killed app leaves the old lists or the new,
never half of one; a file that cannot be read gives the default list and is kept aside, not overwritten."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)
DEFAULT_NAME = "관심종목1"


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
        everything = self._read()
        everything[environment] = [{"name": item.name, "codes": list(item.codes)} for item in lists]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(everything, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)

    def _read(self) -> dict[str, list[dict[str, object]]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.error("watchlists: %s unreadable (%s); kept aside", self.path.name, error)
            self.path.replace(self.path.with_suffix(".unreadable"))
            return {}
        return data if isinstance(data, dict) else {}
