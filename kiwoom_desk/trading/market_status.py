"""The market's state as the window shows it, per session: the exchange's clock (KST for Mock and Real and the
Sandbox's continuous clock; the Sandbox's simulated KRX day, run at its speed from its last reading), the phase (the
last `0s` heard, while the timetable has not moved past it; before any, the timetable's), when the phase changes
next, and the stocks under VI (`1h`, seeded from ka10054). Pure Python: the desk keeps it, the window reads it."""

from __future__ import annotations

import time as monotonic_time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from ..environments import Environment
from ..kiwoom.events import MarketPhase, VolatilityInterruption
from .sessions import (
    AUCTION_PHASES,
    CLOSING_CALL_TYPES,
    KST,
    PHASE_CODES,
    NextChange,
    NotTaken,
    Phase,
    market_phase,
    next_change,
    types_not_taken_in_vi,
)

if TYPE_CHECKING:
    from ..kiwoom import TradeType
    from ..kiwoom.market_models import ViStock
    from ..kiwoom.sandbox_control import SandboxClock


VI_EXTENSION = timedelta(seconds=30)  # KRX's random extension of a VI auction, at most
VI_AUCTION = timedelta(minutes=2)  # a VI auction's planned length (krx-rules.md §8)


@dataclass(frozen=True)
class Heard:
    phase: Phase
    until: datetime  # the timetable's next change after it: a 0s that did not come then leaves the timetable's


def vi_from_row(row: ViStock) -> VolatilityInterruption:
    """A ka10054 row as the VI it says is running (what a 1h trigger would have said)."""
    return VolatilityInterruption(
        stock_code=row.code,
        triggered=True,
        kind=row.kind,
        price=row.price,
        trigger_time=row.trigger_time,
        release_time=row.release_time,
        static_reference=row.static_reference,
        dynamic_reference=row.dynamic_reference,
        count=row.count,
        rising=None,
    )


class MarketStatus:
    def __init__(
        self,
        environment: Environment,
        wall: Callable[[], datetime] = lambda: datetime.now(KST),
        monotonic: Callable[[], float] = monotonic_time.monotonic,
    ) -> None:
        self.environment = environment
        self._wall, self._monotonic = wall, monotonic
        self.sandbox: SandboxClock | None = None  # the Sandbox's clock as last read (GET /sandbox/state)
        self._read_at = 0.0
        self._heard: Heard | None = None
        self.vi: dict[str, VolatilityInterruption] = {}  # code -> the running VI's trigger
        self._heard_vi = 0  # 1h events applied so far
        self._vi_heard_at: dict[str, int] = {}  # code -> the count of its latest 1h: newer than a snapshot asked before
        self._ahead = timedelta(0)  # the Sandbox's continuous clock's lead over the calendar (its date never goes back)
        self._vi_seen: dict[str, datetime] = {}  # code -> when its running VI was first heard of (1h or ka10054)

    def mark(self) -> int:
        """Taken before reading ka10054: what 1h says after it is newer than the answer, and stands."""
        return self._heard_vi

    @property
    def sandbox_krx(self) -> bool:
        return self.environment is Environment.SANDBOX and self.sandbox is not None and self.sandbox.krx

    def set_sandbox(self, clock: SandboxClock) -> None:
        if self.sandbox is not None and self.sandbox.mode != clock.mode:
            self._heard = None  # another clock: what the last one said is no guide
        self.sandbox, self._read_at = clock, self._monotonic()
        lead = (clock.day - self._wall().date()).days  # KRX days played ahead of the calendar
        self._ahead = timedelta(days=max(lead, 0)) if not clock.krx else timedelta(0)

    def now(self) -> datetime:
        """The exchange's time: the Sandbox's KRX day runs on from its last reading at its speed."""
        if self.sandbox_krx:
            assert self.sandbox is not None
            elapsed = (self._monotonic() - self._read_at) * self.sandbox.speed
            return datetime.fromtimestamp(self.sandbox.moment.replace(tzinfo=KST).timestamp() + elapsed, KST)
        if self.environment is Environment.SANDBOX:
            return self._wall() + self._ahead
        return self._wall()

    def day(self) -> str:
        """The exchange's day, YYYYMMDD: the charts' today, the fills' day (the Sandbox's own on its KRX day)."""
        return self.now().strftime("%Y%m%d")

    def phase(self) -> Phase:
        now = self.now()
        if self._heard is not None and now < self._heard.until:
            return self._heard.phase
        return market_phase(self.environment, now, self.sandbox_krx)

    def next_change(self) -> NextChange | None:
        """None: the phase does not change (the Sandbox's continuous clock)."""
        if self.environment is Environment.SANDBOX and not self.sandbox_krx:
            return None
        return next_change(self.now(), self.sandbox_krx)

    def apply(self, event: MarketPhase | VolatilityInterruption) -> bool:
        """Whether the event changed anything shown."""
        if isinstance(event, VolatilityInterruption):
            self._heard_vi += 1
            self._vi_heard_at[event.stock_code] = self._heard_vi
            if event.triggered:
                self.vi[event.stock_code] = event
                self._vi_seen[event.stock_code] = self.now()
                return True
            return self.vi.pop(event.stock_code, None) is not None
        phase = PHASE_CODES.get(event.code)
        if phase is None:
            return False
        now = self.now()
        said = _at(now, event.time)
        self._heard = Heard(phase, next_change(max(said, now) if said else now, self.sandbox_krx).at)
        return True

    def seed_vi(self, running: Iterable[VolatilityInterruption], since: int = 0) -> list[VolatilityInterruption]:
        """The VIs running now (ka10054, asked at `since`): every other mark goes, except where a 1h heard after
        `since` said otherwise (a release or a trigger that came while the answer was on the wire stands). Returns
        what to tell the views: each running VI, and a release for each one that ended unheard."""
        fresh = {code for code, count in self._vi_heard_at.items() if count > since}
        before = self.vi
        self.vi = {event.stock_code: event for event in running if event.stock_code not in fresh}
        self.vi |= {code: event for code, event in before.items() if code in fresh}
        ended = [released(code) for code in before if code not in self.vi]
        now = self.now()
        self._vi_seen = {code: self._vi_seen.get(code, now) if code in before else now for code in self.vi}
        return [*self.vi.values(), *ended]

    def expire_vi(self) -> list[VolatilityInterruption]:
        """Marks whose release time is past by more than KRX's random extension (30 s) go, with a release for the
        views: a lost 1h release never leaves a stock marked (and its order types greyed) for the rest of the day."""
        now = self.now()
        over = [
            code for code, vi in self.vi.items() if now > _planned_end(now, vi, self._vi_seen.get(code)) + VI_EXTENSION
        ]
        for code in over:
            del self.vi[code]
        return [released(code) for code in over]

    def vi_of(self, code: str) -> VolatilityInterruption | None:
        return self.vi.get(code)

    def not_taken_for(self, code: str) -> dict[TradeType, NotTaken]:
        """The order types `code`'s VI auction can't take (none when it is not under VI)."""
        vi = self.vi.get(code)
        return types_not_taken_in_vi(vi.release_time) if vi is not None else {}

    def collecting(self, code: str) -> bool:
        """Whether `code`'s orders gather for a single-price auction now (an auction phase, or its VI): only then
        does an expected price (0D FID 23, exp_cntr_pric) say anything; a leftover one is not shown."""
        return self.phase() in AUCTION_PHASES or code in self.vi

    def taken_for(self, code: str) -> frozenset[TradeType]:
        """The order types `code` takes although the session's hours are over: a closing auction that a VI runs on
        past 15:30 still takes 보통 and 시장가 until its release (krx-rules.md §8)."""
        return CLOSING_CALL_TYPES if code in self.vi and self.phase() is Phase.AFTER_CLOSE else frozenset()


def released(code: str) -> VolatilityInterruption:
    """A release the views are told of when no 1h said it (the VI was gone at the next look)."""
    return VolatilityInterruption(code, False, "", None, "", "", None, None, None, None)


def _planned_end(now: datetime, vi: VolatilityInterruption, seen: datetime | None) -> datetime:
    """When the VI is due to end: its release time (1224, virelis_time), or when that is missing or not after the
    trigger (the spec leaves it unverified), two minutes after the trigger, or after it was first heard of."""
    release, trigger = _at(now, vi.release_time), _at(now, vi.trigger_time)
    if release is not None and (trigger is None or release > trigger):
        return release
    return (trigger or seen or now) + VI_AUCTION


def _at(now: datetime, hhmmss: str) -> datetime | None:
    """An event's HHMMSS on the exchange's day, or None when unreadable."""
    if len(hhmmss) != 6 or not hhmmss.isdigit():
        return None
    hour, minute, second = int(hhmmss[:2]), int(hhmmss[2:4]), int(hhmmss[4:])
    if hour > 23 or minute > 59 or second > 59:
        return None
    return datetime.combine(now.date(), time(hour, minute, second), now.tzinfo)
