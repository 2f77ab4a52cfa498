"""Condition search (조건검색) on the Sandbox's WebSocket, spoken by hand (kiwoom-api-market.md §1): CNSRLST,
CNSRREQ (search_type 0 paged in the frame body, search_type 1 with REAL 02 pushes) and CNSRCLR.

The expected matches are worked out here from the Sandbox's own REST answers (ka10001), by the rules as the
README words them, not taken from the Sandbox's code."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from kiwoom_desk.trading.ticks import Instrument, price_limits, round_up_to_tick

from .conftest import FakeClock, Wire, running

Frame = dict[str, Any]
TIMEOUT = 10.0
RISING, SURGE, NEAR_UPPER, NEW_HIGH = "0", "1", "2", "3"  # the README's seqs


async def receive(ws: ClientConnection) -> Frame:
    data: Frame = json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))
    return data


async def answer_to(ws: ClientConnection, request: Frame, pushes: list[Frame] | None = None) -> Frame:
    """Sends `request` and returns its answer; the REAL 02 entries that arrive before it go to `pushes` (the
    socket keeps order, so a push caused before the request is seen here), PING and other REALs are skipped."""
    await ws.send(json.dumps(request))
    while True:
        frame = await receive(ws)
        if frame.get("trnm") == request["trnm"]:
            return frame
        if frame.get("trnm") == "REAL" and pushes is not None:
            pushes.extend(entry for entry in frame["data"] if entry["type"] == "02")


async def next_condition_push(ws: ClientConnection) -> Frame:
    while True:
        frame = await receive(ws)
        if frame.get("trnm") == "REAL" and frame["data"][0]["type"] == "02":
            entry: Frame = frame["data"][0]
            return entry


async def login(ws: ClientConnection, wire: Wire) -> None:
    assert (await answer_to(ws, {"trnm": "LOGIN", "token": wire.token}))["return_code"] == 0


def search(seq: str, search_type: str = "0", **extra: str) -> Frame:
    return {"trnm": "CNSRREQ", "seq": seq, "search_type": search_type, "stex_tp": "K", **extra}


def nine(value: int) -> str:
    """The ka10172 width: 9 characters, zero-padded, a minus inside the width ("-00000100")."""
    return f"{value:09d}"


def all_codes(wire: Wire) -> list[str]:
    codes: list[str] = []
    for market in ("0", "10", "8"):
        headers: dict[str, str] = {}
        while True:
            response = wire.post("ka10099", {"mrkt_tp": market}, headers=headers)
            codes += [row["code"] for row in response.json()["list"]]
            if response.headers["cont-yn"] != "Y":
                break
            headers = {"cont-yn": "Y", "next-key": response.headers["next-key"]}
    return sorted(codes)


def stock_infos(wire: Wire) -> dict[str, dict[str, str]]:
    return {code: wire.call("ka10001", {"stk_cd": code}) for code in all_codes(wire)}


def by_rule(seq: str, info: dict[str, str]) -> bool:
    """The README's rules on a ka10001 answer (prices there carry a direction sign)."""
    price, base = abs(int(info["cur_prc"])), int(info["base_pric"])
    if seq == RISING:
        return (price - base) * 100 >= 3 * base
    if seq == NEAR_UPPER:
        return price * 100 >= abs(int(info["upl_pric"])) * 95
    if seq == NEW_HIGH:
        return price == abs(int(info["high_pric"])) and price > abs(int(info["open_pric"]))
    raise AssertionError(seq)


def up_by(percent: Decimal, base: int) -> int:
    return round_up_to_tick(int(base * (1 + percent / 100)) + 1, Instrument.STOCK)


async def test_the_list_comes_as_arrays_of_seq_and_name(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await login(ws, wire)
            answer = await answer_to(ws, {"trnm": "CNSRLST"})
    assert (answer["return_code"], answer["return_msg"]) == (0, "")
    rows = answer["data"]
    assert all(isinstance(row, list) and len(row) == 2 and all(isinstance(x, str) and x for x in row) for row in rows)
    names = dict(rows)
    assert {RISING, SURGE, NEAR_UPPER, NEW_HIGH} <= set(names)
    assert "3%" in names[RISING] and "거래량" in names[SURGE] and "상한가" in names[NEAR_UPPER]


async def test_a_search_needs_the_list_first_in_every_connection_and_says_what_is_wrong(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await login(ws, wire)
            early = await answer_to(ws, search(RISING, "1"))
            assert early["return_code"] != 0 and "CNSRLST" in early["return_msg"]
            await answer_to(ws, {"trnm": "CNSRLST"})
            assert (await answer_to(ws, search(RISING, "1")))["return_code"] == 0
            unknown = await answer_to(ws, search("77"))
            assert unknown["return_code"] != 0 and "77" in unknown["return_msg"]
            nxt = await answer_to(ws, {**search(RISING), "stex_tp": "N"})
            assert nxt["return_code"] != 0 and "stex_tp" in nxt["return_msg"] and "K" in nxt["return_msg"]
            no_type = await answer_to(ws, {"trnm": "CNSRREQ", "seq": RISING, "stex_tp": "K"})
            assert no_type["return_code"] != 0 and "search_type" in no_type["return_msg"]
            not_live = await answer_to(ws, {"trnm": "CNSRCLR", "seq": NEW_HIGH})
            assert not_live["return_code"] != 0 and not_live["seq"] == NEW_HIGH
        async with connect(exchange.ws_url) as again:  # a reconnect starts with nothing
            await login(again, wire)
            assert "CNSRLST" in (await answer_to(again, search(RISING)))["return_msg"]
            assert (await answer_to(again, {"trnm": "CNSRCLR", "seq": RISING}))["return_code"] != 0


async def test_a_one_off_search_lists_what_the_rules_say_in_the_nine_character_formats(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, wire):
        flat = "017670"  # falls a tick and comes back: at its high, but not above its open
        exchange.advance(30, [code for code in all_codes(wire) if code != flat])
        for code in ("005930", "000660"):  # risers
            exchange.set_price(code, up_by(Decimal(3), exchange.quote(code).base_price))
        assert price_limits(215_500).upper == 280_000 and price_limits(75_400).upper == 98_000
        exchange.set_price("005380", 266_000)  # exactly 95 % of its upper limit: near it
        exchange.set_price("003550", 93_000)  # a tick below 95 % of 98,000: not near it
        exchange.set_price("035420", round_up_to_tick(price_limits(192_800).upper * 95 // 100))
        exchange.set_price("051910", round_up_to_tick(exchange.quote("051910").base_price * 9 // 10))  # falling
        base = exchange.quote(flat).base_price
        exchange.set_price(flat, base - 100)
        exchange.set_price(flat, base)
        infos = stock_infos(wire)
        async with connect(exchange.ws_url) as ws:
            await login(ws, wire)
            await answer_to(ws, {"trnm": "CNSRLST"})
            answers = {
                seq: await answer_to(ws, search(seq, cont_yn="N", next_key=""))
                for seq in (RISING, NEAR_UPPER, NEW_HIGH)
            }
    for seq, answer in answers.items():
        assert (answer["return_code"], answer["cont_yn"], answer["next_key"]) == (0, "N", "")
        assert answer["seq"].strip() == seq
        expected = sorted(code for code, info in infos.items() if by_rule(seq, info))
        assert [row["9001"] for row in answer["data"]] == ["A" + code for code in expected], seq
        assert expected, seq
    found = {seq: {row["9001"][1:] for row in answer["data"]} for seq, answer in answers.items()}
    assert {"005930", "000660", "005380", "035420", "003550"} <= found[RISING]
    assert {"005380", "035420"} <= found[NEAR_UPPER] and "003550" not in found[NEAR_UPPER]
    assert "051910" not in found[RISING] | found[NEW_HIGH] and flat not in found[NEW_HIGH]
    for answer in answers.values():
        for row in answer["data"]:
            info = infos[row["9001"][1:]]
            assert row == {
                "9001": "A" + info["stk_cd"],
                "302": info["stk_nm"],
                "10": nine(abs(int(info["cur_prc"]))),
                "25": info["pre_sig"],
                "11": nine(int(info["pred_pre"])),
                "12": nine(int(Decimal(info["flu_rt"]) * 1000)),
                "13": nine(int(info["trde_qty"])),
                "16": nine(abs(int(info["open_pric"]))),
                "17": nine(abs(int(info["high_pric"]))),
                "18": nine(abs(int(info["low_pric"]))),
            }


async def test_a_long_result_comes_in_pages_chained_by_next_key(tmp_path: Path) -> None:
    risers = ["005930", "000660", "005380", "035420", "051910"]
    with running(tmp_path, page_size=2) as (exchange, wire):
        for code in risers:
            exchange.set_price(code, up_by(Decimal(4), exchange.quote(code).base_price))
        expected = sorted(code for code, info in stock_infos(wire).items() if by_rule(RISING, info))
        async with connect(exchange.ws_url) as ws:
            await login(ws, wire)
            await answer_to(ws, {"trnm": "CNSRLST"})
            pages = [await answer_to(ws, search(RISING))]
            while pages[-1]["cont_yn"] == "Y":
                assert pages[-1]["next_key"] and len(pages) < 10
                pages.append(await answer_to(ws, search(RISING, cont_yn="Y", next_key=pages[-1]["next_key"])))
            wrong = await answer_to(ws, search(NEW_HIGH, cont_yn="Y", next_key=pages[0]["next_key"]))
    assert set(risers) <= set(expected)
    assert [len(page["data"]) for page in pages] == [2, 2, len(expected) - 4]
    assert [row["9001"] for page in pages for row in page["data"]] == ["A" + code for code in expected]
    assert pages[-1]["next_key"] == "" and all(page["return_code"] == 0 for page in pages)
    assert wrong["return_code"] != 0 and "next_key" in wrong["return_msg"]


async def test_a_live_search_pushes_a_stock_in_and_out_until_cleared(tmp_path: Path) -> None:
    clock = FakeClock()
    with running(tmp_path, clock=clock) as (exchange, wire):
        samsung = exchange.quote("005930").base_price
        exchange.set_price("000660", up_by(Decimal(5), exchange.quote("000660").base_price))
        async with connect(exchange.ws_url) as ws:
            await login(ws, wire)
            await answer_to(ws, {"trnm": "CNSRLST"})
            first = await answer_to(ws, search(RISING, "1"))
            assert first == {
                "trnm": "CNSRREQ",
                "seq": RISING,
                "return_code": 0,
                "return_msg": "",
                "data": [{"jmcode": "A000660"}],
            }

            exchange.set_price("005930", up_by(Decimal(3), samsung))
            entered = await next_condition_push(ws)
            assert entered == {
                "type": "02",
                "name": "조건검색",
                "item": "005930",
                "values": {"841": RISING, "9001": "005930", "843": "I", "20": "100000", "907": "2"},
            }
            clock.advance(timedelta(seconds=61))
            exchange.set_price("005930", samsung)
            left = await next_condition_push(ws)
            assert (left["item"], left["values"]["843"], left["values"]["20"]) == ("005930", "D", "100101")

            cleared = await answer_to(ws, {"trnm": "CNSRCLR", "seq": RISING})
            assert cleared == {"trnm": "CNSRCLR", "seq": RISING, "return_code": 0, "return_msg": ""}
            exchange.set_price("005930", up_by(Decimal(3), samsung))
            pushes: list[Frame] = []
            await answer_to(ws, {"trnm": "CNSRLST"}, pushes)
    assert pushes == []


async def test_a_session_hears_only_its_own_conditions(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, wire):
        async with connect(exchange.ws_url) as first, connect(exchange.ws_url) as second:
            for ws in (first, second):
                await login(ws, wire)
                await answer_to(ws, {"trnm": "CNSRLST"})
            await answer_to(first, search(RISING, "1"))
            await answer_to(second, search(NEAR_UPPER, "1"))  # live too, but 005930 at +3 % is not near its limit
            exchange.set_price("005930", up_by(Decimal(3), exchange.quote("005930").base_price))
            assert (await next_condition_push(first))["values"]["843"] == "I"
            heard: list[Frame] = []
            await answer_to(second, {"trnm": "CNSRLST"}, heard)
    assert heard == []


async def test_seed_7_moves_a_condition_within_a_minute_of_trading(tmp_path: Path) -> None:
    """60 market steps under seed 7 change at least one built-in result set, and the pushes keep a client's sets
    exact: the first answers plus I minus D are what a fresh search finds."""
    with running(tmp_path, seed=7) as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await login(ws, wire)
            seqs = [seq for seq, _name in (await answer_to(ws, {"trnm": "CNSRLST"}))["data"]]
            held = {}
            for seq in seqs:
                answer = await answer_to(ws, search(seq, "1"))
                held[seq] = {row["jmcode"][1:] for row in answer["data"]}
            exchange.advance(60)
            pushes: list[Frame] = []
            await answer_to(ws, {"trnm": "CNSRLST"}, pushes)
            for push in pushes:
                values = push["values"]
                codes = held[values["841"]]
                assert (values["9001"] in codes) == (values["843"] == "D"), push
                (codes.add if values["843"] == "I" else codes.discard)(values["9001"])
            fresh = {}
            for seq in seqs:
                fresh[seq] = {row["9001"][1:] for row in (await answer_to(ws, search(seq)))["data"]}
    assert pushes, "no condition gained or lost a stock in 60 steps"
    assert held == fresh


async def test_a_volume_surge_is_five_minutes_trading_twice_the_five_before(tmp_path: Path) -> None:
    """거래량 급증: this minute and the four before it trade at least twice the five minutes before them (which
    traded at all) and at least 1,000 shares. Volumes come from ka10001's day volume, read minute by minute."""
    clock = FakeClock()  # 10:00:00
    with running(tmp_path, clock=clock) as (exchange, wire):

        def volume() -> int:
            return int(wire.call("ka10001", {"stk_cd": "005930"})["trde_qty"])

        exchange.advance(3, ["005930"])
        baseline = volume()  # all of it at 10:00
        async with connect(exchange.ws_url) as ws:
            await login(ws, wire)
            await answer_to(ws, {"trnm": "CNSRLST"})
            first = await answer_to(ws, search(SURGE, "1"))
            assert {"jmcode": "A005930"} not in first["data"]  # no five minutes before to compare with

            clock.advance(timedelta(minutes=5))  # 10:05: the window before is 09:56-10:00
            for _ in range(200):
                exchange.advance(1, ["005930"])
                recent = volume() - baseline
                pushes: list[Frame] = []
                await answer_to(ws, {"trnm": "CNSRLST"}, pushes)
                if recent >= 2 * baseline and recent >= 1_000:
                    assert [(p["item"], p["values"]["843"]) for p in pushes] == [("005930", "I")]
                    break
                assert pushes == [], (recent, baseline)
            else:
                raise AssertionError("005930 never traded twice its baseline")

            clock.advance(timedelta(minutes=5))  # 10:10: the surge is now the window before
            exchange.advance(1, ["005930"])
            assert volume() - baseline - recent < 2 * recent
            left = await next_condition_push(ws)
            assert (left["item"], left["values"]["843"], left["values"]["20"]) == ("005930", "D", "101000")
