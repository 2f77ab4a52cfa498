"""A single-price auction that would match beyond a VI band runs on as a VI (krx-rules.md §8): the opening auction
(static, ±10 % of the base price), the closing auction (dynamic ±2 % for a KOSPI 200 stock, tighter than continuous
trading's ±3 %) and a 10-minute after-hours match (dynamic ±3 %, 1h FID 9075 and ka10054 bf_mkrt_tp 2). Spoken by
hand over the wire; the simulated market adds no auction orders here (no `advance`), so the account's own orders
set the auction's price."""

from __future__ import annotations

from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect

from .conftest import Wire, price
from .test_sandbox_krx_day import SAMSUNG, book_levels, info, krx, order_fill, tick, unfilled
from .test_sandbox_vi import HYNIX, logged_in, real, vi_rows


def above(reference: int, percent: float) -> int:
    """The first price on the tick grid at least `percent` above the reference."""
    target = reference * (100 + percent) / 100
    candidate = reference
    while candidate < target:
        candidate += tick(candidate)
    return candidate


async def samsung_1h(ws: ClientConnection) -> dict[str, str]:
    """Samsung's next 1h (the seeded bursts of a day jumped through may interrupt other stocks first)."""
    while (values := await real(ws, "1h"))["9001"] != SAMSUNG:
        pass
    return values


def cross(wire: Wire, quantity: int, at: int, trade_type: str = "0") -> tuple[str, str]:
    """A sell and a buy of the account's own at one price: the auction's price is `at`."""
    sell = wire.sell(SAMSUNG, quantity, at, trade_type)
    buy = wire.buy(SAMSUNG, quantity, at, trade_type)
    assert sell["return_code"] == 0 and buy["return_code"] == 0, (sell, buy)
    return sell["ord_no"], buy["ord_no"]


async def test_a_closing_auction_beyond_its_dynamic_band_runs_on_as_a_vi_and_sets_the_close_at_its_release(
    tmp_path: Path,
) -> None:
    with krx(tmp_path, start="10:00") as (exchange, wire):
        assert wire.buy(SAMSUNG, 20, None, "3")["return_code"] == 0  # shares to sell in the auction
        async with connect(exchange.ws_url) as ws:
            await logged_in(ws, wire, {"item": [""], "type": ["1h"]})
            exchange.set_clock(time="15:20:00")
            last = price(info(wire)["cur_prc"])
            at = above(last, 2.5)  # beyond the closing auction's 2 %, inside continuous trading's 3 %
            _, bought = cross(wire, 10, at)

            exchange.set_clock(time="15:30:00")
            trigger = await samsung_1h(ws)
            assert (trigger["9001"], trigger["9068"], trigger["9075"], trigger["1225"]) == (SAMSUNG, "1", "1", "동적")
            assert (trigger["1221"], trigger["1237"], trigger["1223"]) == (str(at), str(last), "153000")
            assert "153200" <= trigger["1224"] <= "153230"
            assert price(info(wire)["cur_prc"]) == last  # no close yet
            assert unfilled(wire, bought) and wire.open_order(bought) is not None
            assert [row["stk_cd"] for row in vi_rows(wire, bf_mkrt_tp="1")] == [SAMSUNG]
            assert vi_rows(wire, bf_mkrt_tp="2") == []
            later = wire.buy(SAMSUNG, 2, at)  # the stock's closing call still takes orders
            assert later["return_code"] == 0, later
            refused = wire.buy(HYNIX, 1, price(info(wire, HYNIX)["cur_prc"]))
            assert refused["return_code"] != 0 and "08:30~15:30" in refused["return_msg"], refused

            exchange.set_clock(time="15:32:31")
            release = await samsung_1h(ws)
            assert (release["9068"], release["1224"]) == ("2", trigger["1224"])
            fill = order_fill(wire, bought)
            assert (int(fill["cntr_qty"]), int(fill["cntr_pric"])) == (10, at)
            assert price(info(wire)["cur_prc"]) == at  # the close is the VI auction's price
            assert wire.open_order(later["ord_no"]) is None  # a day order ends with its stock's close
            assert exchange.state()["vi"] == []

            exchange.set_clock(time="15:41:00")
            after = wire.sell(SAMSUNG, 5, None, "81")
            assert after["return_code"] == 0, after
            exchange.advance(1, [SAMSUNG])
            assert int(order_fill(wire, after["ord_no"])["cntr_pric"]) == at  # 장후 시간외종가 at that close


async def test_an_after_hours_match_beyond_its_dynamic_band_waits_for_the_vi(tmp_path: Path) -> None:
    with krx(tmp_path, start="10:00") as (exchange, wire):
        assert wire.buy(SAMSUNG, 20, None, "3")["return_code"] == 0
        async with connect(exchange.ws_url) as ws:
            await logged_in(ws, wire, {"item": [""], "type": ["1h"]})
            exchange.set_clock(time="16:00:30")
            close = price(info(wire)["cur_prc"])
            inside = above(close, 2)
            cross(wire, 3, inside, "62")
            exchange.set_clock(time="16:10:00")  # within ±3 %: matches on time, and is the next reference
            assert exchange.state()["vi"] == []
            at = above(inside, 3.5)
            _, bought = cross(wire, 4, at, "62")

            exchange.set_clock(time="16:20:00")
            trigger = await samsung_1h(ws)
            assert (trigger["9075"], trigger["1225"], trigger["1237"], trigger["1221"]) == (
                "2",
                "동적",
                str(inside),
                str(at),
            )
            assert unfilled(wire, bought)
            assert [row["stk_cd"] for row in vi_rows(wire, bf_mkrt_tp="2")] == [SAMSUNG]
            assert vi_rows(wire, bf_mkrt_tp="1") == []

            exchange.set_clock(time="16:22:31")
            assert (await samsung_1h(ws))["9068"] == "2"
            fill = order_fill(wire, bought)
            assert (int(fill["cntr_qty"]), int(fill["cntr_pric"])) == (4, at)
            assert price(info(wire)["cur_prc"]) == close  # after-hours trades leave the close


async def test_an_opening_auction_beyond_the_static_band_opens_at_the_vi_release(tmp_path: Path) -> None:
    with krx(tmp_path, start="10:00") as (exchange, wire):
        assert wire.buy(SAMSUNG, 20, None, "3")["return_code"] == 0
        async with connect(exchange.ws_url) as ws:
            exchange.set_clock(time="08:30:00")  # the next day
            await logged_in(ws, wire, {"item": [""], "type": ["1h"]})
            base = int(info(wire)["base_pric"])
            at = above(base, 11)
            _, bought = cross(wire, 5, at)

            exchange.set_clock(time="09:00:00")
            trigger = await samsung_1h(ws)
            assert (trigger["1225"], trigger["1236"], trigger["1221"]) == ("정적", str(base), str(at))
            assert unfilled(wire, bought)
            ioc = wire.buy(SAMSUNG, 1, at, "10")
            assert ioc["return_code"] != 0 and "VI" in ioc["return_msg"]  # no continuous trading until it opens

            exchange.set_clock(time="09:02:31")
            assert (await samsung_1h(ws))["9068"] == "2"
            fill = order_fill(wire, bought)
            assert (int(fill["cntr_qty"]), int(fill["cntr_pric"])) == (5, at)
            opened = info(wire)
            assert price(opened["open_pric"]) == price(opened["cur_prc"]) == at


def test_a_resting_best_priority_order_joins_the_closing_auction_at_its_limit(tmp_path: Path) -> None:
    with krx(tmp_path, start="15:00") as (exchange, wire):
        bid = price(wire.book(SAMSUNG)["buy_fpr_bid"])
        priority = wire.buy(SAMSUNG, 7, None, "7")  # 최우선지정가: rests at the best bid
        assert priority["return_code"] == 0, priority
        assert wire.open_order(priority["ord_no"]) is not None
        exchange.set_clock(time="15:25:00")
        buys, _ = book_levels(wire)
        assert buys.get(bid, 0) >= 7  # the closing auction's book has it
