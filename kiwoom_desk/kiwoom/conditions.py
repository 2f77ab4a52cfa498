"""Condition search (조건검색) on the real-time WebSocket (kiwoom-api-market.md §1): the trader's saved 영웅문
conditions listed (CNSRLST), run once (CNSRREQ search_type 0, paged in the frame body) or live (search_type 1,
then REAL type 02 as stocks enter and leave), and stopped (CNSRCLR).

The list must be asked for on each connection before a search (the spec's overview; the real server is reported
to stay silent otherwise), so every search asks for it first when this connection has not. Live conditions are
kept and started again after a reconnect (LOGIN → CNSRLST → CNSRREQ), each answering a `ConditionSnapshot` that
replaces what the changes had built. Codes are normalised to 6 characters; the FID numbers of §1.3 are parsed
here (9 characters, the sign inside the width, the price unsigned, the rate ×1000).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import errors
from ._numbers import WireNumberError, optional_int, parse_int
from .events import ConditionSnapshot, Event, Unreadable
from .models import short_code

if TYPE_CHECKING:
    from .realtime import RealtimeSession

log = logging.getLogger(__name__)
_SEQ = re.compile(r"[0-9]{1,3}")
MAX_SEARCH_PAGES = 20  # a one-off search longer than this is a server repeating itself
RISING_SIGNS = frozenset({"1", "2"})  # FID 25: upper limit, up
FALLING_SIGNS = frozenset({"4", "5"})  # lower limit, down


@dataclass(frozen=True)
class Condition:
    """A saved condition: its sequence number (what the searches name) and its name in 영웅문."""

    seq: str
    name: str


@dataclass(frozen=True)
class ConditionMatch:
    """A stock a one-off search found, with the quote the answer carries (None where it says nothing)."""

    code: str
    name: str
    price: int | None
    change: int | None  # signed, won
    change_rate: Decimal | None  # %
    volume: int | None


def parse_conditions(frame: dict[str, Any]) -> list[Condition]:
    """CNSRLST's rows, as arrays `[seq, name]` (what the server sends) or objects `{seq, name}` (the spec's
    table); a row that is neither is an error."""
    data = frame.get("data") or []
    if not isinstance(data, list):
        raise errors.ResponseFormatError("CNSRLST: data is not a list", api_id="ka10171")
    found = []
    for row in data:
        seq, name = (row[0], row[1]) if isinstance(row, list) and len(row) == 2 else _pair(row)
        if not isinstance(seq, str) or not _SEQ.fullmatch(seq.strip()) or not isinstance(name, str):
            raise errors.ResponseFormatError(f"CNSRLST: unreadable row {str(row)[:40]}", api_id="ka10171")
        found.append(Condition(seq.strip(), name.strip()))
    return found


def _pair(row: Any) -> tuple[Any, Any]:
    return (row.get("seq"), row.get("name")) if isinstance(row, dict) else (None, None)


def parse_matches(frame: dict[str, Any]) -> list[ConditionMatch]:
    """CNSRREQ search_type 0 rows, keyed by FID. The price carries no sign: the direction is FID 25's."""
    data = frame.get("data") or []
    if not isinstance(data, list):
        raise errors.ResponseFormatError("CNSRREQ: data is not a list", api_id="ka10172")
    matches = []
    for row in data:
        try:
            if not isinstance(row, dict):
                raise WireNumberError("a row is not an object")
            matches.append(_match(row))
        except WireNumberError as error:
            raise errors.ResponseFormatError(f"CNSRREQ: {error}", api_id="ka10172") from None
    return matches


def _match(row: dict[str, Any]) -> ConditionMatch:
    sign = str(row.get("25", "")).strip()
    price = optional_int(row.get("10"))
    change = optional_int(row.get("11"))
    rate = optional_int(row.get("12"))
    if sign in FALLING_SIGNS:  # the numbers' own sign, where they have one, agrees; where they have none, 25 says
        change = -abs(change) if change is not None else None
        rate = -abs(rate) if rate is not None else None
    name = row.get("302")
    return ConditionMatch(
        code=short_code(row.get("9001")),
        name=name.strip() if isinstance(name, str) else "",
        price=abs(price) if price is not None else None,
        change=change,
        change_rate=Decimal(rate) / 1000 if rate is not None else None,  # ×1000 on the wire: 000001500 = 1.50 %
        volume=optional_int(row.get("13")),
    )


def parse_live_codes(frame: dict[str, Any]) -> list[str]:
    """CNSRREQ search_type 1's first answer: `[{"jmcode": "A005930"}, ...]`."""
    data = frame.get("data") or []
    if not isinstance(data, list):
        raise errors.ResponseFormatError("CNSRREQ: data is not a list", api_id="ka10173")
    try:
        return [short_code(row.get("jmcode") if isinstance(row, dict) else None) for row in data]
    except WireNumberError as error:
        raise errors.ResponseFormatError(f"CNSRREQ: {error}", api_id="ka10173") from None


def check_answer(frame: dict[str, Any], api_id: str) -> None:
    """A non-zero return_code is the server's refusal, with its message."""
    code = frame.get("return_code")
    try:
        number = parse_int(code) if code not in (None, "") else None
    except WireNumberError:
        raise errors.ResponseFormatError(f"{api_id}: return_code {str(code)[:20]!r}", api_id=api_id) from None
    if number is None:
        raise errors.ResponseFormatError(f"{api_id}: no return_code", api_id=api_id)
    if number != 0:
        message = str(frame.get("return_msg", ""))[:300]
        raise errors.error_for(api_id, number, message or f"{api_id} refused")


class ConditionSearch:
    """The condition services of one real-time session. `on_event` hears each restarted live condition."""

    def __init__(self, session: RealtimeSession, on_event: Callable[[Event | Unreadable], None]) -> None:
        self._session = session
        self._on_event = on_event
        self.live: set[str] = set()  # seqs searched live, started again after each reconnect
        self._listed_on = 0  # the connection (session.connections) on which CNSRLST was last answered
        self._cleanups: set[asyncio.Task[None]] = set()
        session.on_reconnect(self._restart_live)

    async def conditions(self) -> list[Condition]:
        """CNSRLST: the trader's saved conditions (made in 영웅문4; the API cannot make them)."""
        frame = await self._ask({"trnm": "CNSRLST"}, "ka10171")
        self._listed_on = self._session.connections
        return parse_conditions(frame)

    async def search(self, seq: str) -> list[ConditionMatch]:
        """CNSRREQ search_type 0: every stock the condition finds now, all pages."""
        self._check_seq(seq)
        await self._listed()
        matches: list[ConditionMatch] = []
        next_key = ""
        for _page in range(MAX_SEARCH_PAGES):
            request = {"trnm": "CNSRREQ", "seq": seq, "search_type": "0", "stex_tp": "K"}
            request.update({"cont_yn": "Y" if next_key else "N", "next_key": next_key})
            frame = await self._ask(request, "ka10172")
            matches += parse_matches(frame)
            key = frame.get("next_key")
            if frame.get("cont_yn") != "Y":
                return matches
            if not isinstance(key, str) or not key.strip() or key == next_key:
                raise errors.ResponseFormatError("CNSRREQ: cont_yn is Y without a new next_key", api_id="ka10172")
            next_key = key
        raise errors.ResponseFormatError(f"CNSRREQ: more than {MAX_SEARCH_PAGES} pages", api_id="ka10172")

    async def watch(self, seq: str) -> list[str]:
        """CNSRREQ search_type 1: the codes the condition finds now; from then on REAL 02 says who enters and
        leaves. Kept live across reconnects until `stop`. Cancelled once the request may be on the wire, it is
        stopped on the server (CNSRCLR), so no condition runs there that nothing here follows."""
        self._check_seq(seq)
        await self._listed()
        self.live.add(seq)  # before sending: a stop or a reconnect meanwhile knows of it
        try:
            return await self._start(seq)
        except BaseException:
            self.live.discard(seq)
            self._stop_soon(seq)
            raise

    async def stop(self, seq: str) -> None:
        """CNSRCLR: no more REAL 02 for `seq`. Forgotten here first, so a reconnect never starts it again."""
        self._check_seq(seq)
        self.live.discard(seq)
        await self._ask({"trnm": "CNSRCLR", "seq": seq}, "ka10174")

    async def _start(self, seq: str) -> list[str]:
        request = {"trnm": "CNSRREQ", "seq": seq, "search_type": "1", "stex_tp": "K"}
        return parse_live_codes(await self._ask(request, "ka10173"))

    def _stop_soon(self, seq: str) -> None:
        """CNSRCLR in the background (a cancelled start's clean-up must not wait on its caller); a refusal (the
        server had not started it) is only logged."""

        async def clear() -> None:
            try:
                await self._ask({"trnm": "CNSRCLR", "seq": seq}, "ka10174")
            except errors.KiwoomError as error:
                log.info("condition %s: clearing after a cancelled start: %s", seq, error)

        task = asyncio.get_running_loop().create_task(clear())
        self._cleanups.add(task)
        task.add_done_callback(self._cleanups.discard)

    async def _listed(self) -> None:
        if self._listed_on != self._session.connections:
            await self.conditions()

    async def _restart_live(self) -> None:
        """After a reconnect: LOGIN is done; CNSRLST, then each live condition again, its result set anew. One
        stopped meanwhile is cleared again; one that cannot start is said (the view stops showing it as live)."""
        for seq in sorted(self.live):
            if seq not in self.live:
                continue
            try:
                await self._listed()
                codes = await self._start(seq)
            except errors.KiwoomError as error:
                log.warning("condition %s could not be restarted: %s", seq, error)
                self.live.discard(seq)
                self._on_event(ConditionSnapshot(seq, (), failure=str(error)))
                continue
            if seq not in self.live:  # stopped while it was restarting
                self._stop_soon(seq)
                continue
            self._on_event(ConditionSnapshot(seq, tuple(codes)))

    async def _ask(self, request: dict[str, str], api_id: str) -> dict[str, Any]:
        try:
            frame = await self._session.ask(request)
        except ConnectionError as error:
            raise errors.TransportError(f"{api_id}: {error}", api_id=api_id) from None
        except TimeoutError:
            raise errors.TransportError(f"{api_id}: no answer from the server", api_id=api_id) from None
        check_answer(frame, api_id)
        return frame

    @staticmethod
    def _check_seq(seq: str) -> None:
        if not isinstance(seq, str) or not _SEQ.fullmatch(seq):
            raise errors.OrderValidationError(
                f"a condition's seq is 1 to 3 digits, got {seq!r}", field="seq", api_id="ka10172"
            )
