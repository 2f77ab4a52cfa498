"""The Sandbox's WebSocket spoken by hand: LOGIN, PING, REG/REMOVE answers, and 거부 with its reason."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from kiwoom_desk.sandbox import FaultKind

from .conftest import Wire, running


async def frame(ws: ClientConnection) -> dict[str, Any]:
    """The next frame that is not a PING."""
    while True:
        data: dict[str, Any] = json.loads(await ws.recv())
        if data.get("trnm") != "PING":
            return data


async def test_login_with_a_bad_token_gets_8005(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, _wire):
        async with connect(exchange.ws_url) as ws:
            await ws.send(json.dumps({"trnm": "LOGIN", "token": "not-a-token"}))
            answer = await frame(ws)
    assert answer["trnm"] == "LOGIN" and "[8005:" in answer["return_msg"]


async def test_nothing_before_login(tmp_path: Path) -> None:
    with running(tmp_path) as (exchange, _wire):
        async with connect(exchange.ws_url) as ws:
            await ws.send(json.dumps({"trnm": "REG", "grp_no": "1", "data": [{"item": ["005930"], "type": ["0B"]}]}))
            answer = await frame(ws)
    assert answer["trnm"] == "LOGIN" and answer["return_code"] != 0


async def test_ping_registration_answers_and_a_rejection_with_its_reason(tmp_path: Path) -> None:
    with running(tmp_path, ping_interval=0.1) as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await ws.send(json.dumps({"trnm": "LOGIN", "token": wire.token}))
            assert (await frame(ws)) == {"trnm": "LOGIN", "return_code": 0, "return_msg": ""}
            ping = json.loads(await ws.recv())
            assert ping == {"trnm": "PING"}
            await ws.send(json.dumps(ping))  # echoed unchanged
            await ws.send(json.dumps({"trnm": "REG", "grp_no": "1", "data": [{"item": ["005930"], "type": ["ZZ"]}]}))
            refused = await frame(ws)
            assert refused["trnm"] == "REG" and refused["return_code"] != 0 and "ZZ" in refused["return_msg"]
            await ws.send(json.dumps({"trnm": "REG", "grp_no": "1", "data": [{"item": ["999999"], "type": ["0B"]}]}))
            assert "[1902:" in (await frame(ws))["return_msg"]
            await ws.send(
                json.dumps({"trnm": "REG", "grp_no": "1", "refresh": "1", "data": [{"item": [""], "type": ["00"]}]})
            )
            assert (await frame(ws)) == {"trnm": "REG", "return_code": 0, "return_msg": ""}

            exchange.inject(FaultKind.REJECT_AFTER_ACCEPT, api_id="kt10000")
            ord_no = Wire.buy(wire, "005930", 1, 70_000)["ord_no"]
            statuses = []
            while "거부" not in statuses:
                real = await frame(ws)
                values = real["data"][0]["values"]
                if values["9203"] == ord_no:
                    statuses.append(values["913"])
            assert statuses == ["접수", "거부"]
            assert values["919"] and values["902"] == "0"
        assert wire.open_orders() == []


async def test_reg_is_answered_before_its_snapshot_and_leaves_out_what_the_sandbox_does_not_stream(
    tmp_path: Path,
) -> None:
    """The spec's order (#10): the REG answer, then the REAL picture. 0A and 0C are real types the Sandbox does not
    stream: they are named and left out, and 0B and 0D are registered all the same."""
    with running(tmp_path) as (exchange, wire):
        async with connect(exchange.ws_url) as ws:
            await ws.send(json.dumps({"trnm": "LOGIN", "token": wire.token}))
            await frame(ws)
            data = [{"item": ["005930"], "type": ["0A", "0B", "0D", "0C"]}]
            await ws.send(json.dumps({"trnm": "REG", "grp_no": "1", "refresh": "1", "data": data}))
            answer = await frame(ws)
            assert answer["trnm"] == "REG" and answer["return_code"] == 0
            assert "0A" in answer["return_msg"] and "0C" in answer["return_msg"] and "0B" not in answer["return_msg"]
            snapshot = [await frame(ws), await frame(ws)]
    assert all(real["trnm"] == "REAL" for real in snapshot)
    assert sorted(real["data"][0]["type"] for real in snapshot) == ["0B", "0D"]


async def test_a_trade_print_says_its_size_and_side(tmp_path: Path) -> None:
    """0B's FID 15 is the last print's size, + when the buyer took the offer and - when the seller hit the bid;
    FID 13 counts the day's volume with it (the spec's 체결 FIDs)."""
    with running(tmp_path) as (exchange, wire):
        exchange.set_price("005930", 71_200, depth=100)
        async with connect(exchange.ws_url) as ws:
            await ws.send(json.dumps({"trnm": "LOGIN", "token": wire.token}))
            await frame(ws)
            await ws.send(json.dumps({"trnm": "REG", "grp_no": "1", "data": [{"item": ["005930"], "type": ["0B"]}]}))
            await frame(ws)  # the acknowledgement

            async def trade() -> dict[str, str]:
                """The next 0B (the account's own 00 and 04 come on the same socket)."""
                while True:
                    entry = (await frame(ws))["data"][0]
                    if entry["type"] == "0B":
                        values: dict[str, str] = entry["values"]
                        return values

            start = int((await trade())["13"])  # the REG's snapshot

            async def next_print() -> dict[str, str]:
                while True:
                    values = await trade()
                    if int(values["13"]) != start:
                        return values

            Wire.buy(wire, "005930", 7, trade_type="3")  # at the market: takes the offer at 71,300
            bought = await next_print()
            assert (bought["15"], int(bought["13"]) - start, bought["10"]) == ("+7", 7, "+71300")
            start = int(bought["13"])
            Wire.sell(wire, "005930", 3, trade_type="3")  # hits the bid at 71,200: a down-tick
            sold = await next_print()
            assert (sold["15"], int(sold["13"]) - start) == ("-3", 3)
