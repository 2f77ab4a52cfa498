"""The Sandbox's market clock: `continuous` (the wall clock, one endless continuous session) or `krx` (a simulated
KST trading day following the KRX timetable, krx-rules.md §3, at 1×–10× speed from a chosen start time).

The clock only tells the time and the phase; `krx_day.KrxDay` runs what happens at each boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from .clock import KST, Clock

MODES = ("continuous", "krx")
MIN_SPEED, MAX_SPEED = 1.0, 10.0
DEFAULT_START = time(8, 30)
NEXT_DAY_START = time(8, 20)  # a new simulated day starts closed, ten minutes before the 08:30 pre-open
DAY_END = time(18, 10)  # ten simulated minutes after the last session, the next day starts


class Phase(StrEnum):
    CLOSED = "closed"
    PRE_OPEN = "pre_open"  # 08:30-09:00: the opening auction collects; 장전 시간외종가 08:30-08:40
    CONTINUOUS = "continuous"
    CLOSING_AUCTION = "closing_auction"  # 15:20-15:30
    AFTER_CLOSE = "after_close"  # 15:30-15:40: nothing trades
    AFTER_HOURS_CLOSE_PRICE = "after_hours_close_price"  # 15:40-16:00: 장후 시간외종가 (81)
    AFTER_HOURS_SINGLE = "after_hours_single"  # 16:00-18:00: 시간외 단일가 (62), a match every 10 minutes


AUCTION_PHASES = frozenset({Phase.PRE_OPEN, Phase.CLOSING_AUCTION, Phase.AFTER_HOURS_SINGLE})
OPEN = time(9, 0)
PRE_OPEN_CLOSE_PRICE_END = time(8, 40)  # 61 is taken until then
_PHASES: tuple[tuple[time, Phase], ...] = (  # each phase from its start until the next one's
    (time(0, 0), Phase.CLOSED),
    (time(8, 30), Phase.PRE_OPEN),
    (OPEN, Phase.CONTINUOUS),
    (time(15, 20), Phase.CLOSING_AUCTION),
    (time(15, 30), Phase.AFTER_CLOSE),
    (time(15, 40), Phase.AFTER_HOURS_CLOSE_PRICE),
    (time(16, 0), Phase.AFTER_HOURS_SINGLE),
    (time(18, 0), Phase.CLOSED),
)


def phase_at(moment: time) -> Phase:
    current = Phase.CLOSED
    for start, phase in _PHASES:
        if moment >= start:
            current = phase
    return current


def next_weekday(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def parse_time(text: str) -> time:
    """HH:MM or HH:MM:SS."""
    parts = text.split(":")
    if len(parts) not in (2, 3) or not all(part.isdigit() and len(part) == 2 for part in parts):
        raise ValueError(f"'{text}' is not HH:MM or HH:MM:SS")
    numbers = [int(part) for part in parts] + [0]
    return time(numbers[0], numbers[1], numbers[2])


@dataclass
class _Anchor:
    simulated: datetime
    wall: datetime


class MarketClock:
    """`now()` is the wall clock in `continuous` mode; in `krx` mode it is a simulated time that runs `speed` times
    as fast as the wall clock from where it was last set. `pin()` holds it at an event's time while the day runs
    the events it has caught up with, so that their fills carry their own time."""

    def __init__(self, wall: Clock, mode: str = "continuous", speed: float = 1.0, start: time = DEFAULT_START) -> None:
        if mode not in MODES:
            raise ValueError(f"clock mode must be one of {MODES}, not {mode!r}")
        if start >= DAY_END:
            raise ValueError(f"the day's start must be before {DAY_END:%H:%M}, not {start:%H:%M}")
        self.wall = wall
        self.mode = mode
        self.speed = check_speed(speed)
        self.start = start
        now = wall()
        self._anchor = _Anchor(datetime.combine(now.date(), start, KST), now)
        self._pinned: datetime | None = None
        self._ahead = timedelta(0)  # the continuous clock's lead over the calendar, after KRX days ran ahead of it

    @property
    def krx(self) -> bool:
        return self.mode == "krx"

    def now(self) -> datetime:
        if self._pinned is not None:
            return self._pinned
        if not self.krx:
            return self.wall() + self._ahead
        elapsed = (self.wall() - self._anchor.wall) * self.speed
        return self._anchor.simulated + elapsed

    def phase(self) -> Phase:
        return phase_at(self.now().time()) if self.krx else Phase.CONTINUOUS

    def set_time(self, moment: datetime) -> None:
        """The simulated clock reads `moment` now and runs on from there."""
        self._anchor = _Anchor(moment, self.wall())

    def set_speed(self, speed: float) -> None:
        now = self.now()
        self.speed = check_speed(speed)
        self.set_time(now)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"clock mode must be one of {MODES}, not {mode!r}")
        self.mode = mode

    def not_before(self, day: date) -> None:
        """The Sandbox's date never goes back (its kept days, fills and loans are dated): a KRX day that ran ahead
        of the calendar leaves both clocks on that date or later; the continuous one keeps the wall's time of day."""
        if self._anchor.simulated.date() < day:
            self._anchor = _Anchor(datetime.combine(day, self._anchor.simulated.time(), KST), self._anchor.wall)
        lead = day - self.wall().date()
        self._ahead = max(self._ahead, timedelta(days=lead.days))

    def pin(self, moment: datetime | None) -> None:
        self._pinned = moment


def check_speed(speed: float) -> float:
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(f"speed must be between {MIN_SPEED:g} and {MAX_SPEED:g}, not {speed:g}")
    return float(speed)
