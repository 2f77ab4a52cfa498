"""The day's stock listings, cached per environment in the user cache folder: paging them costs several seconds
under the real server's rate limits, and they change once a day."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

from ..environments import Environment
from ..kiwoom import StockListing

log = logging.getLogger(__name__)


class ListingsCache:
    def __init__(self, folder: Path | None, environment: Environment) -> None:
        self.folder, self.environment = folder, environment

    def _path(self, day: date) -> Path | None:
        return self.folder / f"listings-{self.environment}-{day:%Y%m%d}.json" if self.folder else None

    def load(self, day: date) -> list[StockListing] | None:
        path = self._path(day)
        if path is None or not path.is_file():
            return None
        try:
            return [StockListing.model_validate(row) for row in json.loads(path.read_text(encoding="utf-8"))]
        except (OSError, ValueError) as error:  # a damaged cache is refetched, not trusted
            log.warning("ignoring the listings cache %s: %s", path.name, error)
            return None

    def save(self, day: date, listings: list[StockListing]) -> None:
        path = self._path(day)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob(f"listings-{self.environment}-*.json"):
                old.unlink()
            rows = [listing.model_dump(by_alias=True) for listing in listings]
            path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        except OSError as error:
            log.warning("could not cache the listings: %s", error)
