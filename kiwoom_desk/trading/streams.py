"""Which stocks the real-time session streams, by purpose: the ticket wants 0B and 0D for its stock, the positions
want 0B for every held stock (a watchlist will want its own). A code leaves a stream only when no purpose wants
it any more, so one view's changes never drop another's."""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

log = logging.getLogger(__name__)
KINDS = ("0B", "0D")  # trades, the 10-level book


class Registrar(Protocol):
    async def register(self, items: list[str], types: list[str]) -> None: ...

    async def unregister(self, items: list[str], types: list[str]) -> None: ...


class Streams:
    def __init__(self, registrar: Registrar | None) -> None:
        self._registrar = registrar
        self._wanted: dict[str, dict[str, frozenset[str]]] = {}  # purpose -> kind -> codes
        self.registered: dict[str, set[str]] = {kind: set() for kind in KINDS}
        self._lock = asyncio.Lock()  # one REG/REMOVE exchange at a time, in the order asked
        self._pending: asyncio.Task[None] | None = None

    def want(
        self,
        purpose: str,
        *,
        trades: set[str] | frozenset[str] = frozenset(),
        book: set[str] | frozenset[str] = frozenset(),
    ) -> None:
        """What `purpose` wants now: trades (0B) and books (0D) of these codes. Takes effect at the next sync."""
        self._wanted[purpose] = {"0B": frozenset(trades), "0D": frozenset(book)}

    def wanted(self) -> dict[str, set[str]]:
        merged: dict[str, set[str]] = {kind: set() for kind in KINDS}
        for kinds in self._wanted.values():
            for kind, codes in kinds.items():
                merged[kind] |= codes
        return merged

    async def sync(self) -> None:
        """Registers what is wanted and not registered, removes what nothing wants."""
        if self._registrar is None:
            return
        async with self._lock:
            wanted = self.wanted()
            for kind in KINDS:
                gone, new = self.registered[kind] - wanted[kind], wanted[kind] - self.registered[kind]
                if gone:
                    await self._registrar.unregister(sorted(gone), [kind])
                if new:
                    await self._registrar.register(sorted(new), [kind])
                self.registered[kind] = set(wanted[kind])

    def sync_soon(self) -> None:
        """From a callback: sync on the loop, once for any number of changes made meanwhile."""
        if self._registrar is not None and (self._pending is None or self._pending.done()):
            self._pending = asyncio.get_running_loop().create_task(self.sync())

    async def close(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            await asyncio.gather(self._pending, return_exceptions=True)
