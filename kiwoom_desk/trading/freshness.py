"""The staleness guard the ledger and the portfolio share: a REST snapshot requested before a real-time event
does not undo that event."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def newer_than(touched: dict[K, int], since: int | None) -> Iterable[K]:
    """The keys a real-time event touched after `since` (a sequence number taken before the snapshot)."""
    return () if since is None else [key for key, sequence in touched.items() if sequence > since]


def keep_newer(snapshot: dict[K, V], current: dict[K, V], keys: Iterable[K]) -> dict[K, V]:
    """The snapshot, except that each of `keys` keeps its current value, or stays gone if it is gone now."""
    merged = dict(snapshot)
    for key in keys:
        if key in current:
            merged[key] = current[key]
        else:
            merged.pop(key, None)
    return merged
