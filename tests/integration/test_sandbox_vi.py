"""VI (변동성완화장치) in the Sandbox on the KRX clock, spoken by hand: POST /sandbox/vi, the static and dynamic
bands, 1h/0g pushes, ka10054, the VI auction and the resumption; the simulated market reaching a VI in a day; and
no VI on the continuous clock. The wall clock is a FakeClock: simulated time moves only when a test moves it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from .conftest import Wire, price, running
from .test_sandbox_krx_day import SAMSUNG, book_levels, brute_force, control, info, krx, order_fill, tick, unfilled
from .test_sandbox_websocket import frame

HYNIX = "000660"
VI_QUERY = {
    "mrkt_tp": "000",
    "bf_mkrt_tp": "0",
    "stk_cd": "",
    "motn_tp": "0",
    "skip_stk": "000000000",
    "trde_qty_tp": "0",
    "min_trde_qty": "",
    "max_trde_qty": "",
    "trde_prica_tp": "0",
    "min_trde_prica": "",
    "max_trde_prica": "",
    "motn_drc": "0",
    "stex_tp": "1",
}


def rate(value: int, reference: int) -> str:
    """The wire's signed percent with two decimals, written here."""
    text = f"{(value - reference) * 100 / reference:+.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text


def vi_rows(wire: Wire, **filters: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = wire.call("ka10054", {**VI_QUERY, **filters})["motn_stk"]
    return rows


async def logged_in(ws: ClientConnection, wire: Wire, *registrations: dict[str, Any]) -> None:
    await ws.send(json.dumps({"trnm": "LOGIN", "token": wire.token}))
    await frame(ws)
    await ws.send(json.dumps({"trnm": "REG", "grp_no": "1", "refresh": "1", "data": list(registrations)}))
    assert (await frame(ws))["return_code"] == 0


async def real(ws: ClientConnection, kind: str) -> dict[str, str]:
    """The values of the next REAL push of `kind`."""
    while True:
        data = await asyncio.wait_for(frame(ws), 10)
        if data.get("trnm") == "REAL" and data["data"][0]["type"] == kind:
            values: dict[str, str] = data["data"][0]["values"]
            return values


async def test_a_forced_vi_stops_one_stock_collects_an_auction_and_resumes(tmp_path: Path) -> None:
    with krx(tmp_path, start="10:00") as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await logged_in(ws, wire, {"item": [""], "type": ["1h"]}, {"item": [SAMSUNG], "type": ["0g"]})
            before = info(wire)
            last, opened, base = price(before["cur_prc"]), price(before["open_pric"]), int(before["base_pric"])
            forced = control(exchange, "POST", "/sandbox/vi", {"stk_cd": SAMSUNG, "kind": "static"}).json()
            assert forced["return_code"] == 0, forced
            trigger = await real(ws, "1h")
            assert {k: trigger[k] for k in ("9001", "302", "9068", "9008", "9075", "1221", "1223", "1225")} == {
                "9001": SAMSUNG,
                "302": "삼성전자",
                "9068": "1",
                "9008": "001",
                "9075": "1",
                "1221": str(last),
                "1223": "100000",
                "1225": "정적",
            }
            assert (trigger["1236"], trigger["1238"]) == (str(opened), rate(last, opened))  # before the open: base
            assert (trigger["1237"], trigger["1239"], trigger["1490"]) == ("0", "0.00", "1")
            assert trigger["1489"] == rate(last, base) and trigger["9069"] in ("1", "2")
            assert "100200" <= trigger["1224"] <= "100230"  # two minutes plus up to 30 s
            assert (await real(ws, "0g"))["297"] == "정적VI"

            assert exchange.state()["vi"] == [SAMSUNG]
            row = vi_rows(wire)[0]
            assert (row["stk_cd"], row["viaplc_tp"], row["motn_pric"], row["virelis_time"], row["vimotn_cnt"]) == (
                SAMSUNG,
                "정적",
                str(last),
                trigger["1224"],
                "1",
            )
            assert row["stex_tp"] == "KRX" and vi_rows(wire, motn_tp="2") == [] and vi_rows(wire, mrkt_tp="101") == []

            ask = price(wire.book(SAMSUNG)["sel_fpr_bid"])
            buy = wire.buy(SAMSUNG, 3, ask + 2 * tick(ask))  # would fill at once in continuous trading
            assert buy["return_code"] == 0, buy
            assert unfilled(wire, buy["ord_no"])
            ioc = wire.buy(SAMSUNG, 1, ask, "10")
            assert ioc["return_code"] != 0 and "VI" in ioc["return_msg"], ioc
            other_ask = price(wire.book(HYNIX)["sel_fpr_bid"])
            other = wire.buy(HYNIX, 1, other_ask)
            assert int(order_fill(wire, other["ord_no"])["cntr_qty"]) == 1  # other stocks keep trading

            buys, sells = book_levels(wire, SAMSUNG)
            assert buys[ask + 2 * tick(ask)] >= 3
            expected = brute_force(buys, sells, last)
            stock = info(wire)
            assert (price(stock["exp_cntr_pric"]), int(stock["exp_cntr_qty"])) == expected
            assert price(stock["cur_prc"]) == last  # nothing printed

            exchange.set_clock(time="10:02:31")  # past the auction
            release = await real(ws, "1h")
            assert (release["9068"], release["1224"], release["1225"]) == ("2", trigger["1224"], "정적")
            assert (await real(ws, "0g"))["297"] == ""
            fill = order_fill(wire, buy["ord_no"])
            assert (int(fill["cntr_qty"]), int(fill["cntr_pric"])) == (3, expected[0])
            assert price(info(wire)["cur_prc"]) == expected[0]
            assert vi_rows(wire) == [] and exchange.state()["vi"] == []
            again = price(wire.book(SAMSUNG)["sel_fpr_bid"])
            resumed = wire.buy(SAMSUNG, 1, again)
            assert int(order_fill(wire, resumed["ord_no"])["cntr_qty"]) == 1  # continuous trading again


async def test_a_trade_reaching_the_static_band_starts_a_static_vi_instead_of_printing(tmp_path: Path) -> None:
    """Driven by an order against the simulated book: set_price walks the price up in steps under the dynamic band
    (set_price runs the same check), then a market buy sweeps one-share levels into the static band."""
    with krx(tmp_path, start="10:00") as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await logged_in(ws, wire, {"item": [SAMSUNG], "type": ["1h"]})
            reference = price(info(wire)["open_pric"])  # no opening auction today: the base price
            step = tick(reference)
            for percent in (2.5, 5.0, 7.5, 9.5):
                target = int(reference * (100 + percent) / 100) // step * step
                exchange.set_price(SAMSUNG, target, depth=1)
                assert price(info(wire)["cur_prc"]) == target and exchange.state()["vi"] == []
            start = price(info(wire)["cur_prc"])
            band = start
            while (band - reference) * 100 < 10 * reference:
                band += tick(band)
            bought = wire.buy(SAMSUNG, 20, None, "3")
            assert bought["return_code"] == 0, bought
            trigger = await real(ws, "1h")
            assert (trigger["1225"], trigger["1221"], trigger["1236"]) == ("정적", str(band), str(reference))
            assert trigger["1238"] == rate(band, reference)
            last = price(info(wire)["cur_prc"])
            assert last < band  # the levels below the band printed, the one at it did not
            fills = [row for row in wire.history() if row.get("ord_no") == bought["ord_no"]]
            assert exchange.state()["vi"] == [SAMSUNG]
            assert wire.open_order(bought["ord_no"]) is not None, fills  # the rest waits for the VI auction


async def test_a_move_beyond_the_dynamic_band_starts_a_dynamic_vi(tmp_path: Path) -> None:
    with krx(tmp_path, start="10:00") as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await logged_in(ws, wire, {"item": [""], "type": ["1h"]})
            last = price(info(wire)["cur_prc"])
            inside = last + (last * 2 // 100) // tick(last) * tick(last)  # +2 %: under KOSPI 200's 3 %
            exchange.set_price(SAMSUNG, inside)
            assert price(info(wire)["cur_prc"]) == inside
            beyond = inside + -(-inside * 3 // 100 // tick(inside)) * tick(inside)  # +3 % or a little more
            exchange.set_price(SAMSUNG, beyond)
            trigger = await real(ws, "1h")
            assert (trigger["1225"], trigger["1221"], trigger["1237"]) == ("동적", str(beyond), str(inside))
            assert (trigger["1239"], trigger["9069"], trigger["1236"]) == (rate(beyond, inside), "1", "0")
            assert price(info(wire)["cur_prc"]) == inside  # the trade did not print
            assert [row["viaplc_tp"] for row in vi_rows(wire, motn_tp="2", motn_drc="1")] == ["동적"]
            assert vi_rows(wire, motn_drc="2") == []


async def test_the_simulated_market_reaches_a_vi_during_a_krx_day(tmp_path: Path) -> None:
    with krx(tmp_path) as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await logged_in(ws, wire, {"item": [""], "type": ["1h"]})
            exchange.set_clock(time="16:00:00")  # the whole regular session at once
            await ws.send(json.dumps({"trnm": "REG", "grp_no": "2", "data": [{"item": [""], "type": ["0s"]}]}))
            pushes = []
            while (data := await asyncio.wait_for(frame(ws), 10)).get("trnm") != "REG":
                if data.get("trnm") == "REAL" and data["data"][0]["type"] == "1h":
                    pushes.append(data["data"][0]["values"])
    triggers = [push for push in pushes if push["9068"] == "1"]
    releases = [push for push in pushes if push["9068"] == "2"]
    assert 1 <= len(triggers) <= 20  # now and then, not all day
    assert sorted(p["9001"] + p["1223"] for p in triggers) == sorted(p["9001"] + p["1223"] for p in releases)
    assert all("090000" <= push["1223"] < "152000" for push in triggers)


def test_the_continuous_clock_never_interrupts(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, wire):
        last = price(info(wire)["cur_prc"])
        jump = last + (last * 8 // 100) // tick(last) * tick(last)  # beyond both dynamic bands
        exchange.set_price(SAMSUNG, jump)
        assert price(info(wire)["cur_prc"]) == jump and exchange.state()["vi"] == []
        assert vi_rows(wire) == []
        refused = control(exchange, "POST", "/sandbox/vi", {"stk_cd": SAMSUNG, "kind": "dynamic"})
        assert refused.status_code == 400 and refused.json()["return_code"] == 2


async def test_a_fill_or_kill_that_would_reach_a_band_fills_nothing_and_the_vi_starts(tmp_path: Path) -> None:
    """All or nothing holds at a VI band too: the levels below the band are not taken, the order is cancelled
    whole, and the band's level starts the VI."""
    with krx(tmp_path, start="10:00") as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await logged_in(ws, wire, {"item": [SAMSUNG], "type": ["1h"]})
            reference = price(info(wire)["open_pric"])
            step = tick(reference)
            for percent in (2.5, 5.0, 7.5, 9.5):  # under the dynamic band each time, up to just under the static
                exchange.set_price(SAMSUNG, int(reference * (100 + percent) / 100) // step * step, depth=1)
            last = price(info(wire)["cur_prc"])
            ask = price(wire.book(SAMSUNG)["sel_fpr_bid"])
            fok = wire.buy(SAMSUNG, 8, ask + 10 * tick(ask), "20")  # 8 one-share levels: the band is among them
            assert fok["return_code"] == 0, fok
            assert (await real(ws, "1h"))["1225"] == "정적"
            assert unfilled(wire, fok["ord_no"]) and wire.open_order(fok["ord_no"]) is None
            assert price(info(wire)["cur_prc"]) == last  # nothing printed
