"""Exchange time is Korean time; the clock is injectable so tests can move across days and expiries."""

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
Clock = Callable[[], datetime]


def kst_now() -> datetime:
    return datetime.now(KST)
