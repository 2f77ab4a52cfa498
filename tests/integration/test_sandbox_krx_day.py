"""The Sandbox on the KRX clock, spoken by hand: the day's phases and their 0s codes, the single-price auctions,
the session order types, and the /sandbox control endpoint. The wall clock is a FakeClock, so simulated time moves
only when a test moves it (POST /sandbox/clock or `exchange.set_clock`)."""

from __future__ import annotations

import json
import socket
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect

from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.sandbox.clock import KST

from .conftest import FakeClock, Wire, price, running
from .test_sandbox_websocket import frame

SAMSUNG = "005930"
TUESDAY = datetime(2026, 11, 24, 7, 0, tzinfo=KST)


def krx(tmp_path: Path, start: str = "08:20", **options: Any) -> Any:
    return running(tmp_path, clock=FakeClock(TUESDAY), mode="krx", start=start, **options)


def control(exchange: SandboxExchange, method: str, path: str, body: Any = None) -> httpx.Response:
    """A control request as the README says: a POST's body is JSON (`{}` when it has nothing to say)."""
    return httpx.request(
        method, exchange.rest_url + path, json=body if body is not None or method == "GET" else {}, timeout=10
    )


def info(wire: Wire, code: str = SAMSUNG) -> dict[str, str]:
    return wire.call("ka10001", {"stk_cd": code})


def order_fill(wire: Wire, ord_no: str) -> dict[str, str]:
    """The order's row in ka10076 (filled orders only)."""
    rows = wire.call("ka10076", {"stk_cd": "", "qry_tp": "0", "sell_tp": "0", "ord_no": "", "stex_tp": "0"})["cntr"]
    return next(row for row in rows if row["ord_no"] == ord_no)


def unfilled(wire: Wire, ord_no: str) -> bool:
    rows = wire.call("ka10076", {"stk_cd": "", "qry_tp": "0", "sell_tp": "0", "ord_no": "", "stex_tp": "0"})["cntr"]
    return all(row["ord_no"] != ord_no or int(row["cntr_qty"] or 0) == 0 for row in rows)


def tick(won: int) -> int:
    """KOSPI tick sizes (krx-rules.md §1), written here rather than imported."""
    for bound, size in ((2_000, 1), (5_000, 5), (20_000, 10), (50_000, 50), (200_000, 100), (500_000, 500)):
        if won < bound:
            return size
    return 1_000


def book_levels(wire: Wire, code: str = SAMSUNG) -> tuple[dict[int, int], dict[int, int]]:
    """The book's ten levels a side as {price: quantity}: buys, sells."""
    book = wire.book(code)
    buys: dict[int, int] = {}
    sells: dict[int, int] = {}
    for level in ["fpr", *(f"{n}th_pre" for n in range(2, 11))]:
        for side, levels in (("buy", buys), ("sel", sells)):
            if price(book[f"{side}_{level}_bid"]):
                levels[price(book[f"{side}_{level}_bid"])] = int(book[f"{side}_{level}_req"])
    return buys, sells


def brute_force(buys: dict[int, int], sells: dict[int, int], reference: int) -> tuple[int, int]:
    """The price with the most quantity over every price from the lowest to the highest order, then the nearest to
    the reference, then the higher."""
    prices = [*buys, *sells, reference]
    best = (0, 0, 0)
    for candidate in range(min(prices), max(prices) + 1):
        volume = min(
            sum(q for p, q in buys.items() if p >= candidate), sum(q for p, q in sells.items() if p <= candidate)
        )
        best = max(best, (volume, -abs(candidate - reference), candidate))
    return best[2], best[0]


async def test_a_day_runs_every_phase_in_order_with_its_0s_code(tmp_path: Path) -> None:
    with krx(tmp_path) as (exchange, wire):
        assert exchange.state()["phase"] == "closed"
        async with connect(exchange.ws_url) as ws:
            await ws.send(json.dumps({"trnm": "LOGIN", "token": wire.token}))
            await frame(ws)
            await ws.send(json.dumps({"trnm": "REG", "grp_no": "1", "data": [{"item": [""], "type": ["0s"]}]}))
            assert (await frame(ws))["return_code"] == 0
            state = exchange.set_clock(time="18:05:00")  # the whole day at once
            assert (state["date"], state["time"], state["phase"]) == ("20261124", "18:05:00", "closed")
            pushes = [await frame(ws) for _ in range(11)]
    values = [push["data"][0]["values"] for push in pushes]
    assert all(push["trnm"] == "REAL" and push["data"][0]["type"] == "0s" for push in pushes)
    assert all(push["data"][0]["item"] == "" for push in pushes)
    assert [(v["215"], v["20"]) for v in values] == [
        ("0", "083000"),
        ("0", "084000"),
        ("3", "090000"),
        ("2", "152000"),
        ("4", "153000"),
        ("8", "153000"),
        ("a", "154000"),
        ("b", "160000"),
        ("c", "160000"),
        ("d", "180000"),
        ("9", "180000"),
    ]
    assert [v["214"] for v in values[:3]] == ["003000", "002000", "000000"]  # time left until 09:00


def test_the_phases_follow_the_timetable_and_an_earlier_time_starts_the_next_day(tmp_path: Path) -> None:
    with krx(tmp_path) as (exchange, wire):
        seen = []
        for moment in (
            "08:29:59",
            "08:30:00",
            "08:59:59",
            "09:00:00",
            "15:19:59",
            "15:20:00",
            "15:30:00",
            "15:40:00",
            "16:00:00",
            "17:59:59",
            "18:00:00",
        ):
            answer = control(exchange, "POST", "/sandbox/clock", {"time": moment}).json()
            assert answer["return_code"] == 0 and answer["time"] == moment
            seen.append(answer["phase"])
        assert seen == [
            "closed",
            "pre_open",
            "pre_open",
            "continuous",
            "continuous",
            "closing_auction",
            "after_close",
            "after_hours_close_price",
            "after_hours_single",
            "after_hours_single",
            "closed",
        ]
        close = price(info(wire)["cur_prc"])
        answer = control(exchange, "POST", "/sandbox/clock", {"time": "10:00:00"}).json()
        assert (answer["date"], answer["time"], answer["phase"]) == ("20261125", "10:00:00", "continuous")
        assert int(info(wire)["base_pric"]) == close  # the next day starts from today's close
        days = wire.call("ka10081", {"stk_cd": SAMSUNG, "base_dt": "20261125", "upd_stkpc_tp": "1"})[
            "stk_dt_pole_chart_qry"
        ]
        kept = next(row for row in days if row["dt"] == "20261124")
        assert price(kept["cur_prc"]) == close  # the day is kept in the daily history
        friday = control(exchange, "POST", "/sandbox/clock", {"time": "23:00:00"}).json()  # after 18:10: next day
        assert (friday["date"], friday["time"], friday["phase"]) == ("20261126", "08:20:00", "closed")


def test_the_opening_auction_matches_at_the_volume_maximising_price(tmp_path: Path) -> None:
    with krx(tmp_path, start="10:00") as (exchange, wire):
        bought = wire.buy(SAMSUNG, 5, None, "3")  # shares to sell tomorrow, bought in continuous trading
        assert bought["return_code"] == 0, bought
        exchange.set_clock(time="08:30:00")  # the next day's pre-open
        base = int(info(wire)["base_pric"])
        step = tick(base)
        buy = wire.buy(SAMSUNG, 10, base + 10 * step)  # better than any price the market offers: fills whole
        sell = wire.sell(SAMSUNG, 5, base + 12 * step)  # above every buyer: stays resting
        assert buy["return_code"] == 0 and sell["return_code"] == 0, (buy, sell)
        assert unfilled(wire, buy["ord_no"])  # nothing matches before 09:00
        exchange.advance(30)  # the simulated market's orders gather on both sides
        exchange.set_clock(time="08:59:00")
        buys, sells = book_levels(wire)
        assert buys[base + 10 * step] == 10 and sells[base + 12 * step] == 5  # the book shows what collects
        expected = brute_force(buys, sells, base)
        stock = info(wire)
        assert (price(stock["exp_cntr_pric"]), int(stock["exp_cntr_qty"])) == expected
        watched = wire.call("ka10095", {"stk_cd": SAMSUNG})["atn_stk_infr"][0]
        assert (price(watched["exp_cntr_pric"]), int(watched["exp_cntr_qty"])) == expected

        exchange.set_clock(time="09:00:01")
        fill = order_fill(wire, buy["ord_no"])
        assert (int(fill["cntr_qty"]), int(fill["cntr_pric"])) == (10, expected[0])
        assert wire.open_order(sell["ord_no"]) is not None  # unmatched: resting into continuous trading
        opened = info(wire)
        assert price(opened["open_pric"]) == price(opened["cur_prc"]) == expected[0]
        assert (opened["exp_cntr_pric"], opened["exp_cntr_qty"]) == ("0", "0")  # no auction now


def test_closing_price_and_after_hours_orders_fill_only_in_their_sessions(tmp_path: Path) -> None:
    with krx(tmp_path, start="10:00") as (exchange, wire):
        assert wire.buy(SAMSUNG, 20, None, "3")["return_code"] == 0
        for trade_type, session in (("61", "08:30~08:40"), ("81", "15:40~16:00"), ("62", "16:00~18:00")):
            refused = wire.buy(SAMSUNG, 1, None if trade_type != "62" else int(info(wire)["base_pric"]), trade_type)
            assert refused["return_code"] != 0 and session in refused["return_msg"], refused

        exchange.set_clock(time="15:45:00")
        close = price(info(wire)["cur_prc"])
        assert book_levels(wire) == ({}, {})  # no continuous levels after the close: 81 trades at the close
        ioc = wire.buy(SAMSUNG, 1, close, "10")
        assert ioc["return_code"] != 0 and "09:00~15:20" in ioc["return_msg"]  # IOC: continuous trading only
        after = wire.sell(SAMSUNG, 5, None, "81")
        assert after["return_code"] == 0, after
        exchange.advance(1, [SAMSUNG])  # the simulated market takes the other side
        assert (
            int(order_fill(wire, after["ord_no"])["cntr_qty"]),
            int(order_fill(wire, after["ord_no"])["cntr_pric"]),
        ) == (5, close)

        exchange.set_clock(time="16:01:00")
        late = wire.sell(SAMSUNG, 1, None, "81")
        assert late["return_code"] != 0 and "15:40~16:00" in late["return_msg"]
        step = tick(close)
        upper = (close * 11 // 10) // step * step
        outside = wire.buy(SAMSUNG, 1, upper + step, "62")
        assert outside["return_code"] != 0 and "±10%" in outside["return_msg"], outside
        single = wire.buy(SAMSUNG, 3, upper, "62")
        assert single["return_code"] == 0, single
        exchange.advance(5, [SAMSUNG])
        assert unfilled(wire, single["ord_no"])  # waits for the 10-minute match
        buys, sells = book_levels(wire)
        assert buys[upper] >= 3  # the collected orders show in the book
        expected = brute_force(buys, sells, close)
        exchange.set_clock(time="16:10:00")
        fill = order_fill(wire, single["ord_no"])
        assert (int(fill["cntr_qty"]), int(fill["cntr_pric"])) == (3, expected[0])
        assert price(info(wire)["cur_prc"]) == close  # after-hours trades leave the close

        exchange.set_clock(time="08:31:00")  # the next day: 61 at the previous close
        assert int(info(wire)["base_pric"]) == close
        pre = wire.buy(SAMSUNG, 2, None, "61")
        assert pre["return_code"] == 0, pre
        exchange.advance(1, [SAMSUNG])
        assert (
            int(order_fill(wire, pre["ord_no"])["cntr_qty"]),
            int(order_fill(wire, pre["ord_no"])["cntr_pric"]),
        ) == (2, close)
        exchange.set_clock(time="08:41:00")
        assert "08:30~08:40" in wire.buy(SAMSUNG, 1, None, "61")["return_msg"]


def test_a_conditional_limit_becomes_a_market_order_in_the_closing_auction(tmp_path: Path) -> None:
    with krx(tmp_path, start="15:00") as (exchange, wire):
        lowest = price(info(wire)["lst_pric"])
        conditional = wire.buy(SAMSUNG, 4, lowest, "5")  # far below the market: never fills as a limit
        plain = wire.buy(SAMSUNG, 4, lowest, "0")
        assert conditional["return_code"] == 0 and plain["return_code"] == 0
        exchange.set_clock(time="15:20:00")
        refused = wire.buy(SAMSUNG, 1, lowest, "5")
        assert refused["return_code"] != 0 and "15:20" in refused["return_msg"]
        exchange.advance(10)
        exchange.set_clock(time="15:30:00")
        close = price(info(wire)["cur_prc"])
        fill = order_fill(wire, conditional["ord_no"])
        assert (int(fill["cntr_qty"]), int(fill["cntr_pric"])) == (4, close) and close > lowest
        assert unfilled(wire, plain["ord_no"])
        assert wire.open_order(plain["ord_no"]) is None  # regular orders end at 15:30


def test_the_control_endpoint_answers_and_checks_its_input(tmp_path: Path) -> None:
    with running(tmp_path, clock=FakeClock(TUESDAY.replace(hour=11))) as (exchange, _wire):
        state = control(exchange, "GET", "/sandbox/state").json()
        assert state == {
            "return_code": 0,
            "return_msg": "",
            "mode": "continuous",
            "date": "20261124",
            "time": "11:00:00",
            "speed": 1.0,
            "phase": "continuous",
            "vi": [],
        }
        bad = control(exchange, "POST", "/sandbox/clock", {"speed": 11})
        assert bad.status_code == 400 and bad.json()["return_code"] == 2
        assert (
            control(exchange, "POST", "/sandbox/clock", {"time": "9 o'clock", "mode": "krx"}).json()["return_code"] == 2
        )
        assert control(exchange, "POST", "/sandbox/clock", {"clock": "krx"}).json()["return_code"] == 2
        forced = control(exchange, "POST", "/sandbox/vi", {"stk_cd": SAMSUNG, "kind": "static"}).json()
        assert forced["return_code"] == 2 and "krx" in forced["return_msg"]  # no VI on the continuous clock
        switched = control(exchange, "POST", "/sandbox/clock", {"mode": "krx", "time": "15:25:00", "speed": 10}).json()
        assert (switched["mode"], switched["time"], switched["speed"], switched["phase"]) == (
            "krx",
            "15:25:00",
            10.0,
            "closing_auction",
        )
        back = control(exchange, "POST", "/sandbox/clock", {"mode": "continuous"}).json()
        assert (back["mode"], back["time"], back["phase"]) == ("continuous", "11:00:00", "continuous")


def _outward_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
        except OSError:
            return None
        address: str = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_the_control_endpoint_answers_only_over_loopback(tmp_path: Path) -> None:
    address = _outward_address()
    if address is None:
        pytest.skip("no network interface besides loopback")
    with running(tmp_path, host="0.0.0.0") as (exchange, _wire):
        port = exchange.rest_url.rsplit(":", 1)[1]
        refused = httpx.get(f"http://{address}:{port}/sandbox/state", timeout=10)
        assert refused.status_code == 403 and refused.json()["return_code"] == 3
        reset = httpx.post(f"http://{address}:{port}/sandbox/reset", timeout=10)
        assert reset.status_code == 403
        assert httpx.get(f"http://127.0.0.1:{port}/sandbox/state", timeout=10).json()["return_code"] == 0


def test_a_control_post_that_is_not_json_is_refused(tmp_path: Path) -> None:
    """A web page in the trader's browser can POST a form or text/plain to loopback without asking first: such a
    request must not reset the account or move the clock."""
    with running(tmp_path) as (exchange, wire):
        assert wire.buy(SAMSUNG, 1, None, "3")["return_code"] == 0
        for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
            headers = {"Content-Type": content_type} if content_type else {}
            answer = httpx.post(exchange.rest_url + "/sandbox/reset", content=b"{}", headers=headers, timeout=10)
            assert answer.status_code == 415 and answer.json()["return_code"] != 0, content_type
        assert wire.holding(SAMSUNG) is not None  # nothing was reset
        assert control(exchange, "POST", "/sandbox/reset").json()["return_code"] == 0


def test_reset_gives_a_fresh_account_while_the_market_keeps_going(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, wire):
        initial = int(wire.deposit()["entr"])
        assert wire.buy(SAMSUNG, 3, None, "3")["return_code"] == 0
        credit = {"dmst_stex_tp": "KRX", "stk_cd": SAMSUNG, "ord_qty": "2", "ord_uv": "", "trde_tp": "3", "cond_uv": ""}
        assert wire.call("kt10006", credit)["return_code"] == 0  # a credit lot, with its loan
        assert int(wire.balance()["tot_crd_loan_amt"] or 0) > 0
        base = int(info(wire)["base_pric"])
        resting = wire.buy(SAMSUNG, 1, price(info(wire)["lst_pric"]))
        assert wire.open_order(resting["ord_no"]) is not None and wire.holding(SAMSUNG) is not None
        exchange.advance(3)
        before = exchange.quote(SAMSUNG)
        answer = control(exchange, "POST", "/sandbox/reset").json()
        assert answer["return_code"] == 0
        assert int(wire.deposit()["entr"]) == initial
        assert wire.holding(SAMSUNG) is None and wire.open_orders() == []
        by_lot = wire.call("kt00018", {"qry_tp": "2", "dmst_stex_tp": "KRX"})
        assert by_lot["acnt_evlt_remn_indv_tot"] == [] and int(by_lot["tot_crd_loan_amt"] or 0) == 0  # no loan left
        assert wire.history() == []
        after = exchange.quote(SAMSUNG)
        assert (after.price, after.volume, after.step, after.base_price) == (
            before.price,
            before.volume,
            before.step,
            base,
        )
        assert wire.buy(SAMSUNG, 1, None, "3")["return_code"] == 0  # and trading goes on


def test_the_sandbox_date_never_goes_back_after_krx_days_ran_ahead_of_the_calendar(tmp_path: Path) -> None:
    """Three simulated days on a Tuesday's wall clock; then the continuous clock stays on the last simulated day,
    and the KRX clock started again (or a restart) begins a fresh day after it: no kept day is rewritten, no day's
    prints run backwards in time, no loan is dated ahead."""
    with krx(tmp_path, start="10:00") as (exchange, wire):
        for _ in range(3):
            exchange.set_clock(time="10:00:00")  # an earlier time: the next trading day
        assert exchange.state()["date"] == "20261127"
        assert wire.buy(SAMSUNG, 1, None, "3")["return_code"] == 0
        assert len(wire.history()) == 1
        continuous = control(exchange, "POST", "/sandbox/clock", {"mode": "continuous"}).json()
        # the wall says the 24th at 07:00: the Sandbox goes on, to the weekday after its own 27th
        assert (continuous["date"], continuous["time"][:5]) == ("20261130", "07:00")
        assert wire.history() == [] and wire.buy(SAMSUNG, 1, None, "3")["return_code"] == 0
        back = control(exchange, "POST", "/sandbox/clock", {"mode": "krx", "time": "09:30:00"}).json()
        assert (back["date"], back["phase"]) == ("20261201", "continuous")  # the 30th traded: a fresh day
        assert wire.history() == []  # a new day's orders
        assert wire.buy(SAMSUNG, 1, None, "3")["return_code"] == 0  # the 1st trades too
    with krx(tmp_path, start="10:30") as (exchange, wire):  # the app started again on the same wall day
        assert exchange.state()["date"] == "20261202"  # the 1st traded: the next day
        days = wire.call("ka10081", {"stk_cd": SAMSUNG, "base_dt": "20261202", "upd_stkpc_tp": "1"})[
            "stk_dt_pole_chart_qry"
        ]
        dates = [row["dt"] for row in days]
        assert {"20261124", "20261125", "20261126", "20261127", "20261130", "20261201"} <= set(dates)
        assert dates == sorted(dates, reverse=True)


def test_a_krx_day_started_on_a_day_that_traded_on_the_continuous_clock_is_the_next_day(tmp_path: Path) -> None:
    """A trader who switches to the KRX day after the continuous clock has traded today (at 10:00 by the wall)
    gets a fresh day: its 08:30 prints never land before the day's later ones."""
    with running(tmp_path, clock=FakeClock(TUESDAY.replace(hour=10))) as (exchange, wire):
        assert wire.buy(SAMSUNG, 1, None, "3")["return_code"] == 0
        answer = control(exchange, "POST", "/sandbox/clock", {"mode": "krx", "time": "08:30:00"}).json()
        assert (answer["date"], answer["time"], answer["phase"]) == ("20261125", "08:30:00", "pre_open")


def test_leaving_the_krx_day_for_the_continuous_clock_never_goes_back_within_the_day(tmp_path: Path) -> None:
    """A KRX day at 15:00 on a wall clock that reads 07:00: the continuous clock takes the wall's time of day, so
    it goes on to the next weekday rather than to 07:00 of a day already traded to 15:00."""
    with krx(tmp_path, start="10:00") as (exchange, wire):
        exchange.set_clock(time="15:00:00")
        assert wire.buy(SAMSUNG, 1, None, "3")["return_code"] == 0
        answer = control(exchange, "POST", "/sandbox/clock", {"mode": "continuous"}).json()
        assert (answer["date"], answer["time"][:5]) == ("20261125", "07:00")  # the wall's time, the next day
        assert wire.history() == []  # the 24th's orders stay the 24th's
