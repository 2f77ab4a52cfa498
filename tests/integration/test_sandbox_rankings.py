"""Rankings on /api/dostk/rkinfo (ka10030, ka10032, ka10027, ka10023): the order and the numbers a trader sees must
be the ones the Sandbox's own per-stock answers (ka10001, ka10004, ka10095, ka10081) give at the same moment."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from kiwoom_desk.sandbox import SandboxExchange

from .conftest import FakeClock, Wire, pages, running

WEDNESDAY_10AM = datetime(2026, 11, 25, 10, 0, 0, tzinfo=FakeClock().now.tzinfo)
LISTS = {
    "ka10030": "tdy_trde_qty_upper",
    "ka10032": "trde_prica_upper",
    "ka10027": "pred_pre_flu_rt_upper",
    "ka10023": "trde_qty_sdnin",
}
PREFERRED = "005935"  # 삼성전자우
ETFS = {"069500", "102110"}
UP_LIMIT, DOWN_LIMIT, FLAT = "035720", "000270", "005380"  # 카카오, 기아, 현대차
CHEAP = ["001510", "008350", "006340"]  # SK증권, 남선알미늄, 대원전선: big lots, quick volume
Row = dict[str, str]


def ka10030(**fields: str) -> dict[str, str]:
    defaults = {"mrkt_tp": "000", "sort_tp": "1", "mang_stk_incls": "0", "crd_tp": "0", "trde_qty_tp": "0"}
    return {**defaults, "pric_tp": "0", "trde_prica_tp": "0", "mrkt_open_tp": "0", "stex_tp": "1", **fields}


def ka10032(**fields: str) -> dict[str, str]:
    return {"mrkt_tp": "000", "mang_stk_incls": "1", "stex_tp": "1", **fields}


def ka10027(**fields: str) -> dict[str, str]:
    defaults = {"mrkt_tp": "000", "sort_tp": "1", "trde_qty_cnd": "0000", "stk_cnd": "0", "crd_cnd": "0"}
    return {**defaults, "updown_incls": "1", "pric_cnd": "0", "trde_prica_cnd": "0", "stex_tp": "3", **fields}


def ka10023(**fields: str) -> dict[str, str]:
    defaults = {"mrkt_tp": "000", "sort_tp": "1", "tm_tp": "2", "trde_qty_tp": "5", "tm": ""}
    return {**defaults, "stk_cnd": "0", "pric_tp": "0", "stex_tp": "1", **fields}


BODIES = {"ka10030": ka10030, "ka10032": ka10032, "ka10027": ka10027, "ka10023": ka10023}


def daily(wire: Wire, code: str, day: str) -> list[Row]:
    """ka10081's first page: the day asked for first, then the days before it."""
    rows: list[Row] = wire.call("ka10081", {"stk_cd": code, "base_dt": day, "upd_stkpc_tp": "1"})[
        "stk_dt_pole_chart_qry"
    ]
    return rows


def codes(rows: list[Row]) -> list[str]:
    return [row["stk_cd"] for row in rows]


@dataclass(frozen=True)
class Seen:
    """One stock as its own answers show it (ka10099, ka10001, ka10004, ka10095)."""

    code: str
    market: str
    listed: int
    price: int
    base: int
    upper: int
    lower: int
    volume: int
    value_millions: int
    asks: int
    bids: int
    info: Row

    @property
    def change(self) -> int:
        return self.price - self.base


def ranking(wire: Wire, api_id: str, body: dict[str, str]) -> list[Row]:
    """Every row of a ranking, following cont-yn/next-key to the last page."""
    return pages(wire, api_id, body, LISTS[api_id])


def signed_rate(numerator: int, denominator: int) -> str:
    """A wire rate: two decimals, a real sign, none on zero."""
    text = f"{numerator * 100 / denominator:+.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text


def survey(wire: Wire) -> dict[str, Seen]:
    listed = {
        row["code"]: row for market in ("0", "10", "8") for row in pages(wire, "ka10099", {"mrkt_tp": market}, "list")
    }
    watched = wire.call("ka10095", {"stk_cd": "|".join(listed)})["atn_stk_infr"]
    values = {row["stk_cd"]: int(row["trde_prica"]) for row in watched}
    seen = {}
    for code, row in listed.items():
        info = wire.call("ka10001", {"stk_cd": code})
        book = wire.book(code)
        seen[code] = Seen(
            code,
            row["marketCode"],
            int(row["listCount"]),
            abs(int(info["cur_prc"])),
            int(info["base_pric"]),
            abs(int(info["upl_pric"])),
            abs(int(info["lst_pric"])),
            int(info["trde_qty"]),
            values[code],
            int(book["tot_sel_req"]),
            int(book["tot_buy_req"]),
            info,
        )
    return seen


@contextmanager
def moved_market(tmp_path: Path, **options: Any) -> Iterator[tuple[SandboxExchange, Wire, FakeClock]]:
    """A Sandbox whose stocks have traded a while, one at its upper limit, one at its lower limit, one flat."""
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, clock=clock, **options) as (exchange, wire):
        exchange.advance(25)
        for code, limit in ((UP_LIMIT, "upl_pric"), (DOWN_LIMIT, "lst_pric")):
            exchange.set_price(code, abs(int(wire.call("ka10001", {"stk_cd": code})[limit])))
        exchange.set_price(FLAT, exchange.quote(FLAT).base_price)
        yield exchange, wire, clock


def test_volume_leaders_rank_each_stocks_own_volume_turnover_and_value(tmp_path: Path) -> None:
    with moved_market(tmp_path) as (_exchange, wire, _clock):
        seen = survey(wire)
        by_volume = ranking(wire, "ka10030", ka10030())
        by_turnover = ranking(wire, "ka10030", ka10030(sort_tp="2"))
        by_value = ranking(wire, "ka10030", ka10030(sort_tp="3"))
    traded = [stock for stock in seen.values() if stock.volume > 0]
    assert codes(by_volume) == [s.code for s in sorted(traded, key=lambda s: (-s.volume, s.code))]
    assert codes(by_turnover) == [s.code for s in sorted(traded, key=lambda s: (-Fraction(s.volume, s.listed), s.code))]
    values = [int(row["trde_amt"]) for row in by_value]
    assert values == sorted(values, reverse=True) and set(codes(by_value)) == set(codes(by_volume))
    for row in by_volume:
        stock = seen[row["stk_cd"]]
        for field in ("cur_prc", "pred_pre", "flu_rt", "trde_qty", "stk_nm"):
            assert row[field] == stock.info[field], (field, row)
        assert row["pred_pre_sig"] == stock.info["pre_sig"]
        assert int(row["trde_amt"]) == stock.value_millions  # 백만원, as ka10095's trde_prica
        assert row["trde_tern_rt"] == signed_rate(stock.volume, stock.listed)
        # the continuous session is 장중: all of the day's volume is there, none before or after the market
        assert [row[f"opmr_{k}"] for k in ("trde_qty", "trde_amt")] == [row["trde_qty"], row["trde_amt"]]
        assert row["af_mkrt_trde_qty"] == row["bf_mkrt_trde_qty"] == "0"
    assert seen[UP_LIMIT].info["pre_sig"] == "1" and seen[DOWN_LIMIT].info["pre_sig"] == "4"


def test_market_and_threshold_filters_keep_exactly_the_stocks_that_pass(tmp_path: Path) -> None:
    with moved_market(tmp_path) as (_exchange, wire, _clock):
        seen = survey(wire)
        kospi = ranking(wire, "ka10030", ka10030(mrkt_tp="001"))
        kosdaq = ranking(wire, "ka10027", ka10027(mrkt_tp="101", sort_tp="1"))
        many = ranking(wire, "ka10030", ka10030(trde_qty_tp="100"))  # ≥ 10만주
        dear = ranking(wire, "ka10030", ka10030(pric_tp="9"))  # ≥ 10만원
        mid = ranking(wire, "ka10027", ka10027(pric_cnd="4", sort_tp="3"))  # 5천원 ≤ price < 1만원, falling
        valuable = ranking(wire, "ka10030", ka10030(trde_prica_tp="100"))  # ≥ 10억원
        big_volume = ranking(wire, "ka10027", ka10027(trde_qty_cnd="0010", sort_tp="1"))  # ≥ 1만주, rising
    assert set(codes(kospi)) == {c for c, s in seen.items() if s.market in ("0", "8") and s.volume}  # ETFs count
    assert set(codes(kosdaq)) == {c for c, s in seen.items() if s.market == "10" and s.change > 0}
    assert set(codes(many)) == {c for c, s in seen.items() if s.volume >= 100_000}
    assert set(codes(dear)) == {c for c, s in seen.items() if s.price >= 100_000 and s.volume}
    assert set(codes(mid)) == {c for c, s in seen.items() if 5_000 <= s.price < 10_000 and s.change < 0}
    assert set(codes(valuable)) == {c for c, s in seen.items() if s.value_millions >= 1_000}
    assert set(codes(big_volume)) == {c for c, s in seen.items() if s.volume >= 10_000 and s.change > 0}
    assert 0 < len(many) < len(seen) and 0 < len(dear) < len(seen) and 0 < len(valuable) < len(seen)


def test_management_code_is_inverted_in_ka10032_and_only_ka10030_takes_the_others(tmp_path: Path) -> None:
    with moved_market(tmp_path) as (_exchange, wire, _clock):
        everything = codes(ranking(wire, "ka10030", ka10030()))
        # no Sandbox stock is 관리종목: including them (ka10030 0, ka10032 1) or not (ka10030 1, ka10032 0) is the same
        assert codes(ranking(wire, "ka10030", ka10030(mang_stk_incls="1"))) == everything
        included = ranking(wire, "ka10032", ka10032(mang_stk_incls="1"))
        assert ranking(wire, "ka10032", ka10032(mang_stk_incls="0")) == included
        assert set(codes(included)) == set(everything)
        without_preferred = codes(ranking(wire, "ka10030", ka10030(mang_stk_incls="3")))
        refused = wire.refused("ka10032", ka10032(mang_stk_incls="3"))
    assert without_preferred == [code for code in everything if code != PREFERRED]
    assert "[1517:" in refused["return_msg"] and "mang_stk_incls" in refused["return_msg"]


def test_stock_conditions_drop_preferred_shares_and_etfs_and_know_every_stock_is_margin_20(tmp_path: Path) -> None:
    with moved_market(tmp_path) as (_exchange, wire, _clock):
        every = set(codes(ranking(wire, "ka10030", ka10030())))
        assert {PREFERRED} | ETFS <= every

        def kept(api_id: str, **fields: str) -> set[str]:
            return set(codes(ranking(wire, api_id, BODIES[api_id](**fields))))

        assert kept("ka10030", mang_stk_incls="4") == every - {PREFERRED}
        assert kept("ka10030", mang_stk_incls="14") == kept("ka10030", mang_stk_incls="16") == every - ETFS
        assert kept("ka10030", mang_stk_incls="9") == kept("ka10030", mang_stk_incls="5") == every  # all 증20
        assert kept("ka10030", mang_stk_incls="6") == kept("ka10030", mang_stk_incls="13") == set()
        assert kept("ka10030", crd_tp="9") == kept("ka10027", crd_cnd="1") == set()  # none credit-eligible
        rising = kept("ka10027")
        assert kept("ka10027", stk_cnd="3") == rising - {PREFERRED}
        shrinking = kept("ka10023", sort_tp="3")
        assert PREFERRED in shrinking and kept("ka10023", sort_tp="3", stk_cnd="3") == shrinking - {PREFERRED}
        assert kept("ka10023", sort_tp="3", stk_cnd="20") == shrinking - ETFS
        # no stock trades on NXT, nothing outside the continuous session
        assert kept("ka10030", stex_tp="2") == kept("ka10027", stex_tp="2") == set()
        assert kept("ka10030", stex_tp="3") == every and kept("ka10030", mrkt_open_tp="1") == every
        assert kept("ka10030", mrkt_open_tp="2") == kept("ka10030", mrkt_open_tp="3") == set()


def test_change_leaders_rise_fall_and_flat_in_order(tmp_path: Path) -> None:
    with moved_market(tmp_path) as (_exchange, wire, _clock):
        seen = survey(wire)
        results = {sort: ranking(wire, "ka10027", ka10027(sort_tp=sort)) for sort in "12345"}
        no_limits = ranking(wire, "ka10027", ka10027(sort_tp="1", updown_incls="0"))
        no_lower = ranking(wire, "ka10027", ka10027(sort_tp="3", updown_incls="0"))

    def order(stocks: list[Seen], key: Any) -> list[str]:
        return [s.code for s in sorted(stocks, key=lambda s: (key(s), s.code))]

    rising = [s for s in seen.values() if s.change > 0]
    falling = [s for s in seen.values() if s.change < 0]
    flat = [s for s in seen.values() if s.change == 0]
    assert codes(results["1"]) == order(rising, lambda s: -Fraction(s.change, s.base))
    assert codes(results["2"]) == order(rising, lambda s: -s.change)
    assert codes(results["3"]) == order(falling, lambda s: Fraction(s.change, s.base))
    assert codes(results["4"]) == order(falling, lambda s: s.change)
    assert codes(results["5"]) == order(flat, lambda s: -s.volume) and FLAT in codes(results["5"])
    assert codes(results["1"])[0] == UP_LIMIT and codes(results["3"])[0] == DOWN_LIMIT  # +30% and -30% lead
    assert codes(no_limits) == [c for c in codes(results["1"]) if c != UP_LIMIT]
    assert codes(no_lower) == [c for c in codes(results["3"]) if c != DOWN_LIMIT]
    for row in [row for rows in results.values() for row in rows]:
        stock = seen[row["stk_cd"]]
        assert (row["cur_prc"], row["flu_rt"], row["pred_pre"]) == (
            stock.info["cur_prc"],
            stock.info["flu_rt"],
            stock.info["pred_pre"],
        )
        assert (int(row["sel_req"]), int(row["buy_req"])) == (stock.asks, stock.bids)  # the book's totals
        assert int(row["now_trde_qty"]) == stock.volume and row["cntr_str"] == row["cnt"] == ""


def test_value_leaders_rank_today_and_yesterday_by_traded_value(tmp_path: Path) -> None:
    with moved_market(tmp_path) as (_exchange, wire, _clock):
        seen = survey(wire)
        rows = ranking(wire, "ka10032", ka10032())
        yesterday = {}
        for code in seen:
            yesterday[code] = daily(wire, code, "20261125")[1]
        books = {row["stk_cd"]: wire.book(row["stk_cd"]) for row in rows}
    assert [row["now_rank"] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    values = [int(row["trde_prica"]) for row in rows]
    assert values == sorted(values, reverse=True)
    by_yesterday = sorted(seen, key=lambda c: (-int(yesterday[c]["cur_prc"]) * int(yesterday[c]["trde_qty"]), c))
    for row in rows:
        stock = seen[row["stk_cd"]]
        assert int(row["trde_prica"]) == stock.value_millions and int(row["now_trde_qty"]) == stock.volume
        assert row["pred_trde_qty"] == yesterday[stock.code]["trde_qty"]
        assert int(row["pred_rank"]) == by_yesterday.index(stock.code) + 1
        book = books[stock.code]
        offered = [book[key] if book[key] != "0" else "" for key in ("sel_fpr_bid", "buy_fpr_bid")]  # "0": none
        assert [row["sel_bid"], row["buy_bid"]] == offered
    assert (
        next(row for row in rows if row["stk_cd"] == UP_LIMIT)["sel_bid"] == ""
    )  # nothing is offered above the upper limit


def test_traded_value_is_one_number_in_millions_everywhere(tmp_path: Path) -> None:
    with moved_market(tmp_path) as (exchange, wire, _clock):
        wire.buy(CHEAP[0], 300, trade_type="3")  # a fill at the book's prices adds to the day's value too
        exchange.advance(3, CHEAP)
        seen = survey(wire)
        leaders = {row["stk_cd"]: row for row in ranking(wire, "ka10032", ka10032())}
        volume = {row["stk_cd"]: row for row in ranking(wire, "ka10030", ka10030())}
        today = daily(wire, CHEAP[0], "20261125")[0]
    for code, stock in seen.items():
        info = stock.info
        low, high = abs(int(info["low_pric"])), abs(int(info["high_pric"]))
        # every print is between the day's low and high: the value in 백만원 lies between those bounds
        assert low * stock.volume // 1_000_000 <= stock.value_millions <= high * stock.volume // 1_000_000
        assert int(leaders[code]["trde_prica"]) == int(volume[code]["trde_amt"]) == stock.value_millions
    assert int(today["trde_prica"]) == seen[CHEAP[0]].value_millions > 0  # ka10081's today row


def test_pages_give_each_stock_once(tmp_path: Path) -> None:
    with moved_market(tmp_path, page_size=10) as (_exchange, wire, _clock):
        seen = survey(wire)
        volume = ranking(wire, "ka10030", ka10030())
        value = ranking(wire, "ka10032", ka10032())
        first = wire.post("ka10032", ka10032())
    assert first.headers["cont-yn"] == "Y" and len(first.json()["trde_prica_upper"]) == 10
    assert sorted(codes(volume)) == sorted(codes(value)) == sorted(c for c, s in seen.items() if s.volume)
    assert len(volume) == len(set(codes(volume))) > 10
    assert [int(row["now_rank"]) for row in value] == list(range(1, len(value) + 1))  # ranks run on across pages


def test_surge_against_the_previous_day(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, clock=clock) as (exchange, wire):
        exchange.advance(10)
        clock.advance(timedelta(days=1))  # Thursday: Wednesday's volume is now yesterday's
        wire.call("ka00001", {})  # the first request of the day rolls it
        exchange.advance(30, CHEAP)  # three stocks trade more than yesterday, the rest less
        exchange.advance(3)
        seen = survey(wire)
        yesterday = {code: int(daily(wire, code, "20261126")[1]["trde_qty"]) for code in seen}
        results = {sort: ranking(wire, "ka10023", ka10023(sort_tp=sort, trde_qty_tp="5")) for sort in "1234"}
        floor = ranking(wire, "ka10023", ka10023(sort_tp="3", trde_qty_tp="50"))
        dear = ranking(wire, "ka10023", ka10023(sort_tp="3", pric_tp="9"))
    assert all(yesterday[c] > 0 for c in seen)

    def rate(s: Seen) -> Fraction:
        return Fraction(s.volume - yesterday[s.code], yesterday[s.code])

    active = [s for s in seen.values() if s.volume >= 5_000]
    grew = [s for s in active if s.volume > yesterday[s.code]]
    shrank = [s for s in active if s.volume < yesterday[s.code]]
    assert {s.code for s in grew} == set(CHEAP)
    assert codes(results["1"]) == [s.code for s in sorted(grew, key=lambda s: (yesterday[s.code] - s.volume, s.code))]
    assert codes(results["2"]) == [s.code for s in sorted(grew, key=lambda s: (-rate(s), s.code))]
    assert codes(results["3"]) == [s.code for s in sorted(shrank, key=lambda s: (s.volume - yesterday[s.code], s.code))]
    assert codes(results["4"]) == [s.code for s in sorted(shrank, key=lambda s: (rate(s), s.code))]
    assert set(codes(floor)) == {s.code for s in shrank if s.volume >= 50_000}
    assert set(codes(dear)) == {s.code for s in shrank if s.price >= 100_000}
    for row in [row for rows in results.values() for row in rows]:
        stock = seen[row["stk_cd"]]
        before = yesterday[stock.code]
        assert (int(row["prev_trde_qty"]), int(row["now_trde_qty"])) == (before, stock.volume)
        assert int(row["sdnin_qty"]) == stock.volume - before and row["sdnin_qty"][0] in "+-"
        assert row["sdnin_rt"] == signed_rate(stock.volume - before, before)
        assert row["cur_prc"] == stock.info["cur_prc"] and row["flu_rt"] == stock.info["flu_rt"]


def test_surge_against_minutes_ago(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, clock=clock) as (exchange, wire):
        exchange.advance(20)
        at_ten = {code: stock.volume for code, stock in survey(wire).items()}
        clock.advance(timedelta(minutes=5))
        exchange.advance(20, CHEAP)
        seen = survey(wire)
        last_three = ranking(wire, "ka10023", ka10023(tm_tp="1", tm="3"))
        by_rate = ranking(wire, "ka10023", ka10023(tm_tp="1", tm="03", sort_tp="2"))
        last_ten = ranking(wire, "ka10023", ka10023(tm_tp="1", tm="10"))
        drops = ranking(wire, "ka10023", ka10023(tm_tp="1", tm="3", sort_tp="3"))
        missing = wire.refused("ka10023", ka10023(tm_tp="1", tm=""))
        zero = wire.refused("ka10023", ka10023(tm_tp="1", tm="0"))
    # 3 minutes back is before 10:05 and after 10:00: the surge is what the three stocks traded at 10:05
    surged = sorted(CHEAP, key=lambda c: (at_ten[c] - seen[c].volume, c))
    assert codes(last_three) == surged
    for row in last_three:
        code = row["stk_cd"]
        assert (int(row["prev_trde_qty"]), int(row["now_trde_qty"])) == (at_ten[code], seen[code].volume)
        assert row["sdnin_qty"] == f"+{seen[code].volume - at_ten[code]}"
        assert row["sdnin_rt"] == f"+{(seen[code].volume - at_ten[code]) * 100 / at_ten[code]:.2f}"
    rate = {c: Fraction(seen[c].volume - at_ten[c], at_ten[c]) for c in CHEAP}
    assert codes(by_rate) == sorted(CHEAP, key=lambda c: (-rate[c], c))
    # 10 minutes back is before any trade: every traded stock surged from nothing, a rate that has no number
    assert set(codes(last_ten)) == {c for c, s in seen.items() if s.volume >= 5_000}
    assert all(row["prev_trde_qty"] == "0" and row["sdnin_rt"] == "" for row in last_ten)
    assert drops == []  # the day's volume never shrinks
    assert "[1511:" in missing["return_msg"] and "[1517:" in zero["return_msg"]


# The codes of each request field, written from the spec (kiwoom-api-market.md §2), not from the Sandbox.
SPEC_CODES = {
    "ka10030": {
        "mrkt_tp": "000 001 101",
        "sort_tp": "1 2 3",
        "mang_stk_incls": "0 1 3 4 5 6 7 8 9 11 12 13 14 15 16",
        "crd_tp": "0 1 2 3 4 8 9",
        "trde_qty_tp": "0 5 10 50 100 200 300 500 1000",
        "pric_tp": "0 1 2 3 4 5 6 7 8 9 10",
        "trde_prica_tp": "0 1 3 4 10 30 50 100 300 500 1000 3000 5000",
        "mrkt_open_tp": "0 1 2 3",
        "stex_tp": "1 2 3",
    },
    "ka10032": {"mrkt_tp": "000 001 101", "mang_stk_incls": "0 1", "stex_tp": "1 2 3"},
    "ka10027": {
        "mrkt_tp": "000 001 101",
        "sort_tp": "1 2 3 4 5",
        "trde_qty_cnd": "0000 0010 0050 0100 0150 0200 0300 0500 1000",
        "stk_cnd": "0 1 3 4 5 6 7 8 9 11 12 13 14 15 16",
        "crd_cnd": "0 1 2 3 4 7 9",
        "updown_incls": "0 1",
        "pric_cnd": "0 1 2 3 4 5 8 10",
        "trde_prica_cnd": "0 3 5 10 30 50 100 300 500 1000 3000 5000",
        "stex_tp": "1 2 3",
    },
    "ka10023": {
        "mrkt_tp": "000 001 101",
        "sort_tp": "1 2 3 4",
        "tm_tp": "1 2",
        "trde_qty_tp": "5 10 50 100 200 300 500 1000",
        "stk_cnd": "0 1 3 4 5 6 7 8 9 11 12 13 14 15 17 18 20",
        "pric_tp": "0 2 5 6 8 9",
        "stex_tp": "1 2 3",
    },
}
NOT_CODES = {  # a code of a neighbouring TR or field, or the wrong padding: refused
    "ka10030": {"mrkt_tp": "002", "pric_tp": "11", "trde_prica_tp": "5", "trde_qty_tp": "0010", "crd_tp": "7"},
    "ka10032": {"mang_stk_incls": "3", "stex_tp": "0"},
    "ka10027": {"trde_qty_cnd": "10", "stk_cnd": "17", "pric_cnd": "6", "trde_prica_cnd": "1", "crd_cnd": "8"},
    "ka10023": {"trde_qty_tp": "0", "stk_cnd": "16", "pric_tp": "1", "tm_tp": "3", "tm": "1a"},
}


def test_every_code_of_the_spec_is_answered_and_others_refused(tmp_path: Path) -> None:
    with moved_market(tmp_path) as (_exchange, wire, _clock):
        for api_id, fields in SPEC_CODES.items():
            for field, values in fields.items():
                for value in values.split():
                    extra = {"tm": "5"} if api_id == "ka10023" else {}
                    wire.call(api_id, BODIES[api_id](**{**extra, field: value}), path="/api/dostk/rkinfo")
            for field, value in NOT_CODES[api_id].items():
                answer = wire.refused(api_id, BODIES[api_id](**{field: value}))
                assert "[1517:" in answer["return_msg"] and field in answer["return_msg"], (api_id, field, answer)
            body = BODIES[api_id]()
            del body["mrkt_tp"]
            assert "[1511:" in wire.refused(api_id, body)["return_msg"]
            assert "[1517:" in wire.refused(api_id, BODIES[api_id](qry_tp="1"))["return_msg"]  # not its field


@pytest.mark.parametrize("api_id", sorted(LISTS))
def test_the_rankings_live_at_rkinfo_only(tmp_path: Path, api_id: str) -> None:
    with running(tmp_path) as (_exchange, wire):
        answer = wire.refused(api_id, BODIES[api_id](), path="/api/dostk/stkinfo")
    assert "[1504:" in answer["return_msg"]
