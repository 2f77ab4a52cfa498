"""The window's market status (#16): the phase from 0s while its slot of the timetable lasts, the countdown's next
change, the Sandbox's KRX day run on from its last reading at its speed, and the types a VI auction can't take."""

from __future__ import annotations

from datetime import date, datetime, time

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import TradeType as T
from kiwoom_desk.kiwoom.events import MarketPhase, VolatilityInterruption
from kiwoom_desk.kiwoom.sandbox_control import SandboxClock
from kiwoom_desk.trading.market_status import MarketStatus
from kiwoom_desk.trading.rules import Kind, type_problem
from kiwoom_desk.trading.sessions import KST, Phase, ViAuction, next_change, types_not_taken_now

WEDNESDAY = datetime(2026, 11, 25, 8, 59, 50, tzinfo=KST)


class Wall:
    def __init__(self, now: datetime) -> None:
        self.now, self.ticks = now, 0.0

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.ticks


def test_the_countdown_names_the_next_phase_and_skips_to_the_next_trading_day() -> None:
    change = next_change(WEDNESDAY)
    assert (change.at.time(), change.phase) == (time(9, 0), Phase.REGULAR)
    friday_night = datetime(2026, 11, 27, 19, 0, tzinfo=KST)
    change = next_change(friday_night)
    assert (change.at.date(), change.at.time(), change.phase) == (date(2026, 11, 30), time(8, 30), Phase.PRE_MARKET)
    sandbox_evening = next_change(datetime(2026, 11, 27, 18, 5, tzinfo=KST), sandbox_krx=True)
    assert (sandbox_evening.at.time(), sandbox_evening.phase) == (time(18, 10), None)  # the Sandbox's next day


def test_a_0s_phase_holds_until_the_timetable_moves_past_it() -> None:
    wall = Wall(WEDNESDAY)
    status = MarketStatus(Environment.MOCK, wall, wall.monotonic)
    assert status.phase() is Phase.PRE_MARKET
    status.apply(MarketPhase("3", "090000"))  # the open, heard a few seconds early by this computer's clock
    assert status.phase() is Phase.REGULAR
    wall.now = datetime(2026, 11, 25, 15, 20, 1, tzinfo=KST)  # no 2 came: the timetable's word again
    assert status.phase() is Phase.CLOSING_AUCTION
    status.apply(MarketPhase("e", "152001"))  # a derivatives code says nothing of the stock market
    assert status.phase() is Phase.CLOSING_AUCTION


def test_the_sandbox_krx_day_runs_on_at_its_speed_from_its_last_reading() -> None:
    wall = Wall(WEDNESDAY)
    status = MarketStatus(Environment.SANDBOX, wall, wall.monotonic)
    assert status.phase() is Phase.REGULAR and status.next_change() is None  # continuous until read
    status.set_sandbox(SandboxClock("krx", date(2026, 11, 24), time(15, 19), 10.0, "continuous", ()))
    wall.ticks += 12  # 12 s of the computer's, 120 s of the Sandbox's
    assert status.now().time() == time(15, 21)
    assert status.phase() is Phase.CLOSING_AUCTION
    change = status.next_change()
    assert change is not None and (change.at.time(), change.phase) == (time(15, 30), Phase.AFTER_CLOSE)


def test_a_vi_greys_the_continuous_only_types_with_its_release() -> None:
    status = MarketStatus(Environment.SANDBOX)
    vi = VolatilityInterruption("005930", True, "정적", 78_000, "101500", "101712", 71_000, None, 1, True)
    status.apply(vi)
    greyed = status.not_taken_for("005930")
    assert {T.BEST_LIMIT, T.PRIORITY_LIMIT, T.LIMIT_IOC, T.MARKET_FOK, T.STOP_LIMIT, T.MID_PRICE} <= set(greyed)
    assert T.LIMIT not in greyed and T.MARKET not in greyed and status.not_taken_for("000660") == {}
    problem = type_problem(greyed[T.BEST_LIMIT])
    assert (problem.kind, problem.params) == (Kind.TYPE_NOT_IN_VI, {"release": 101712})
    status.apply(VolatilityInterruption("005930", False, "정적", None, "", "101712", None, None, 1, None))
    assert status.vi_of("005930") is None
    assert ViAuction("101712") == greyed[T.LIMIT_IOC]


def test_the_sandbox_krx_day_keeps_krx_hours_to_the_letter() -> None:
    at = datetime(2026, 11, 28, 16, 30, tzinfo=KST)  # a Saturday of the computer's: the Sandbox's day is its own
    taken = set(T) - set(types_not_taken_now(Environment.SANDBOX, at, sandbox_krx=True))
    assert taken == {T.AFTER_HOURS_SINGLE}
    night = datetime(2026, 11, 25, 8, 20, tzinfo=KST)
    assert set(types_not_taken_now(Environment.SANDBOX, night, sandbox_krx=True)) == set(T)


def _vi(code: str, triggered: bool = True, release: str = "100210") -> VolatilityInterruption:
    return VolatilityInterruption(code, triggered, "정적", 78_000, "100000", release, 71_000, None, 1, True)


def test_a_1h_heard_while_ka10054_is_on_the_wire_outlives_its_older_answer() -> None:
    """A reconnect reads ka10054 while the socket already delivers 1h: the answer was taken before them."""
    wall = Wall(datetime(2026, 11, 25, 10, 0, 30, tzinfo=KST))
    status = MarketStatus(Environment.REAL, wall, wall.monotonic)
    status.apply(_vi("005930"))
    since = status.mark()  # ka10054 asked here...
    status.apply(_vi("005930", triggered=False))  # ...005930 released meanwhile
    status.apply(_vi("000660"))  # ...and 000660 triggered meanwhile
    told = status.seed_vi([_vi("005930"), _vi("035720")], since)  # the answer, as it was when asked
    assert set(status.vi) == {"000660", "035720"}  # the release and the new trigger stand; the rest is the answer
    assert {(event.stock_code, event.triggered) for event in told} == {("000660", True), ("035720", True)}


def test_a_mark_whose_release_is_long_past_goes_with_a_release() -> None:
    wall = Wall(datetime(2026, 11, 25, 10, 2, 30, tzinfo=KST))
    status = MarketStatus(Environment.REAL, wall, wall.monotonic)
    status.apply(_vi("005930", release="100210"))
    assert status.expire_vi() == []  # 20 s past: the random extension may still run
    wall.now = datetime(2026, 11, 25, 10, 2, 41, tzinfo=KST)
    (released,) = status.expire_vi()  # 31 s past: the 1h release was lost
    assert (released.stock_code, released.triggered, status.vi) == ("005930", False, {})
    assert status.not_taken_for("005930") == {}  # its order types are offered again


def test_a_closing_auction_run_on_by_a_vi_still_takes_limit_and_market_orders_for_its_stock() -> None:
    wall = Wall(datetime(2026, 11, 25, 15, 30, 40, tzinfo=KST))
    status = MarketStatus(Environment.REAL, wall, wall.monotonic)
    status.apply(MarketPhase("4", "153000"))
    status.apply(_vi("005930", release="153212"))
    assert status.taken_for("005930") == {T.LIMIT, T.MARKET}
    assert status.taken_for("000660") == frozenset()  # every other stock's regular session is over
    status.apply(_vi("005930", triggered=False))
    assert status.taken_for("005930") == frozenset()
    wall.now = datetime(2026, 11, 26, 11, 0, tzinfo=KST)  # the next day
    status.apply(_vi("005930", release="110212"))
    assert status.taken_for("005930") == frozenset()  # in continuous trading nothing is over


def test_a_mark_without_a_readable_release_time_still_goes_after_its_auction() -> None:
    wall = Wall(datetime(2026, 11, 25, 10, 0, 5, tzinfo=KST))
    status = MarketStatus(Environment.REAL, wall, wall.monotonic)
    status.apply(_vi("005930", release=""))  # 1224 blank: two minutes from the trigger (10:00:00)
    status.apply(_vi("000660", release="000000"))  # not after the trigger: the same
    no_times = VolatilityInterruption("035720", True, "정적", 78_000, "", "", 71_000, None, 1, True)
    status.apply(no_times)  # neither: two minutes from when it was heard (10:00:05)
    wall.now = datetime(2026, 11, 25, 10, 2, 25, tzinfo=KST)
    assert status.expire_vi() == []  # inside the auction and its extension
    wall.now = datetime(2026, 11, 25, 10, 2, 31, tzinfo=KST)
    assert {event.stock_code for event in status.expire_vi()} == {"005930", "000660"}
    wall.now = datetime(2026, 11, 25, 10, 2, 36, tzinfo=KST)
    assert [event.stock_code for event in status.expire_vi()] == ["035720"] and status.vi == {}


def test_an_expected_price_means_something_only_while_orders_gather_for_an_auction() -> None:
    wall = Wall(datetime(2026, 11, 25, 8, 45, tzinfo=KST))
    status = MarketStatus(Environment.REAL, wall, wall.monotonic)
    assert status.collecting("005930")  # the opening auction
    wall.now = datetime(2026, 11, 25, 10, 0, tzinfo=KST)
    assert not status.collecting("005930")  # continuous trading: a leftover FID 23 is not shown
    status.apply(_vi("005930", release="100210"))
    assert status.collecting("005930") and not status.collecting("000660")  # its VI auction
    wall.now = datetime(2026, 11, 25, 15, 25, tzinfo=KST)
    assert status.collecting("000660")  # the closing auction
