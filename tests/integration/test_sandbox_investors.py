"""ka10059, ka10064 and ka90009 (투자자별매매): who bought and sold each share the Sandbox traded. Every share has a
buyer and a seller among the investor types, so each side adds up to the day's volume; the account trades as 개인;
the three TRs agree with each other, with ka10001's volume and with the daily chart."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from .conftest import FakeClock, Wire, pages, running

SAMSUNG = "005930"
KOSDAQ_STOCK = "247540"  # 에코프로비엠
WEDNESDAY_10AM = datetime(2026, 11, 25, 10, 0, 0, tzinfo=FakeClock().now.tzinfo)
TODAY = "20261125"
# Written from the spec (kiwoom-api-market.md §3.1), not imported from the Sandbox.
INSTITUTIONS = ("fnnc_invt", "insrnc", "invtrt", "etc_fnnc", "bank", "penfnd_etc", "samo_fund", "natn")
PARTITION = ("ind_invsr", "frgnr_invsr", *INSTITUTIONS, "etc_corp", "natfor")  # every investor once, 기관계 by parts
CHART_COLUMNS = ("frgnr_invsr", "orgn", "invtrt", "insrnc", "bank", "penfnd_etc", "etc_corp", "natn")
Row = dict[str, str]


def days(wire: Wire, code: str = SAMSUNG, trde_tp: str = "0", amt_qty_tp: str = "2", unit_tp: str = "1") -> list[Row]:
    body = {"dt": TODAY, "stk_cd": code, "amt_qty_tp": amt_qty_tp, "trde_tp": trde_tp, "unit_tp": unit_tp}
    return pages(wire, "ka10059", body, "stk_invsr_orgn")


def newest(wire: Wire, code: str = SAMSUNG, trde_tp: str = "0", amt_qty_tp: str = "2", unit_tp: str = "1") -> Row:
    """The first row of the first page: today's, when today has traded."""
    body = {"dt": TODAY, "stk_cd": code, "amt_qty_tp": amt_qty_tp, "trde_tp": trde_tp, "unit_tp": unit_tp}
    row: Row = wire.call("ka10059", body)["stk_invsr_orgn"][0]
    return row


def intraday(
    wire: Wire, code: str = SAMSUNG, trde_tp: str = "0", amt_qty_tp: str = "2", market: str = "000"
) -> list[Row]:
    body = {"mrkt_tp": market, "amt_qty_tp": amt_qty_tp, "trde_tp": trde_tp, "stk_cd": code}
    return pages(wire, "ka10064", body, "opmr_invsr_trde_chart")


def leaders(wire: Wire, amt_qty_tp: str = "2", market: str = "000", date: str = "", stex_tp: str = "1") -> list[Row]:
    body = {"mrkt_tp": market, "amt_qty_tp": amt_qty_tp, "qry_dt_tp": "1" if date else "0", "date": date}
    return pages(wire, "ka90009", {**body, "stex_tp": stex_tp}, "frgnr_orgn_trde_upper")


def trade_a_few_minutes(exchange: Any, clock: FakeClock, minutes: int = 4) -> None:
    for _ in range(minutes):
        exchange.advance(3)
        clock.advance(timedelta(minutes=1))


def partition_sum(row: Row) -> int:
    return sum(int(row[name]) for name in PARTITION)


def test_every_day_has_a_buyer_and_a_seller_for_each_share(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, clock=clock, page_size=1_000) as (exchange, wire):
        trade_a_few_minutes(exchange, clock)
        assert wire.buy(SAMSUNG, 7, trade_type="3")["return_code"] == 0  # a market buy by the account
        buys, sells, nets = (days(wire, trde_tp=side) for side in "120")
        volume = int(wire.call("ka10001", {"stk_cd": SAMSUNG})["trde_qty"])
        chart = wire.call("ka10081", {"stk_cd": SAMSUNG, "base_dt": TODAY, "upd_stkpc_tp": "1"})[
            "stk_dt_pole_chart_qry"
        ]
    assert len(buys) == len(chart) >= 251 and buys[0]["dt"] == TODAY
    assert int(buys[0]["acc_trde_qty"]) == volume > 7  # today: all of ka10001's volume, the account's 7 included
    for buy, sell, net, candle in zip(buys, sells, nets, chart, strict=True):
        assert buy["dt"] == sell["dt"] == net["dt"] == candle["dt"]
        day_volume = int(candle["trde_qty"])
        assert int(buy["acc_trde_qty"]) == day_volume  # the same day's volume as the daily chart
        assert partition_sum(buy) == day_volume == -partition_sum(sell), buy["dt"]  # sells come negative
        assert partition_sum(net) == 0
        for row in (buy, sell, net):
            assert int(row["orgn"]) == sum(int(row[name]) for name in INSTITUTIONS)  # 기관계 is its parts
        assert all(int(net[name]) == int(buy[name]) + int(sell[name]) for name in PARTITION)
        assert all(int(buy[name]) >= 0 >= int(sell[name]) for name in PARTITION)
    past = buys[1:40]
    assert sum(int(row["ind_invsr"]) > int(row["frgnr_invsr"]) for row in past) > 34  # 개인 usually lead
    assert len({row["frgnr_invsr"] for row in nets[1:40]}) > 30  # net flows vary from day to day


def test_the_days_price_fields_follow_the_daily_chart(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, clock=clock, page_size=1_000) as (exchange, wire):
        trade_a_few_minutes(exchange, clock, 2)
        rows = days(wire, amt_qty_tp="1")
        chart = wire.call("ka10081", {"stk_cd": SAMSUNG, "base_dt": TODAY, "upd_stkpc_tp": "1"})[
            "stk_dt_pole_chart_qry"
        ]
    for row, candle, before in zip(rows, chart, chart[1:], strict=False):
        close, previous = int(candle["cur_prc"]), int(before["cur_prc"])
        assert abs(int(row["cur_prc"])) == close and int(row["pred_pre"]) == close - previous
        sign = "+" if close > previous else "-" if close < previous else ""
        assert row["cur_prc"] == f"{sign}{close}"
        hundredths = (abs(close - previous) * 20_000 + previous) // (2 * previous)  # half away from zero
        assert row["flu_rt"] == (f"{sign}{hundredths}" if hundredths else "0")  # "+698" is +6.98 %
        assert row["acc_trde_prica"] == candle["trde_prica"]
        assert row["pre_sig"] in (("1", "2") if close > previous else ("4", "5") if close < previous else ("3",))


def test_the_accounts_buy_is_individuals_buying_and_the_past_is_the_seeds(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with (
        running(tmp_path / "a", clock=clock, page_size=1_000) as (with_buy, wire),
        running(tmp_path / "b", clock=clock, page_size=1_000) as (without, other),
    ):
        trade_a_few_minutes(with_buy, clock)
        clock.advance(timedelta(minutes=-4))
        trade_a_few_minutes(without, clock)
        assert with_buy.quote(SAMSUNG) == without.quote(SAMSUNG)  # the same market so far
        assert wire.buy(SAMSUNG, 25, trade_type="3")["return_code"] == 0
        bought, bought_net = days(wire, trde_tp="1"), days(wire)
        not_bought, not_bought_net = days(other, trde_tp="1"), days(other)
    with running(tmp_path / "c", clock=clock, page_size=1_000, seed=8) as (_exchange, third):
        other_seed = days(third)
    assert int(bought[0]["acc_trde_qty"]) == int(not_bought[0]["acc_trde_qty"]) + 25
    assert int(bought[0]["ind_invsr"]) == int(not_bought[0]["ind_invsr"]) + 25  # the account is 개인
    assert all(bought[0][name] == not_bought[0][name] for name in PARTITION[1:])  # nobody else bought more
    assert bought[1:] == not_bought[1:] and bought_net[1:] == not_bought_net[1:]  # the same seed, the same past
    assert [row[name] for row in other_seed[1:] for name in PARTITION] != [
        row[name] for row in bought_net[1:] for name in PARTITION
    ]


def test_intraday_rows_add_up_to_the_days_net(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, clock=clock, page_size=3) as (exchange, wire):
        trade_a_few_minutes(exchange, clock, 5)
        wire.buy(SAMSUNG, 3, trade_type="3")
        rows = {(side, unit): intraday(wire, trde_tp=side, amt_qty_tp=unit) for side in "012" for unit in "12"}
        day = {(side, unit): newest(wire, trde_tp=side, amt_qty_tp=unit) for side in "012" for unit in "12"}
        kosdaq_in_kospi = intraday(wire, KOSDAQ_STOCK, market="001")
        kosdaq = intraday(wire, KOSDAQ_STOCK, market="101")
    net = rows["0", "2"]
    assert [row["tm"] for row in net] == ["100000", "100100", "100200", "100300", "100400", "100500"]  # oldest first
    for key, chart in rows.items():
        assert len(chart) == 6 and {name for name in chart[-1]} == {"tm", *CHART_COLUMNS}  # no 개인, as the spec
        assert all(chart[-1][name] == day[key][name] for name in CHART_COLUMNS), key  # the latest is the day so far
        for row in chart:  # 기관계 holds the institutions shown and the ones ka10064 leaves out
            shown = sum(int(row[name]) for name in ("invtrt", "insrnc", "bank", "penfnd_etc", "natn"))
            assert int(row["orgn"]) >= shown if key[0] == "1" else int(row["orgn"]) <= shown if key[0] == "2" else True
    for earlier, later in zip(rows["1", "2"], rows["1", "2"][1:], strict=False):
        assert all(int(later[name]) >= int(earlier[name]) for name in CHART_COLUMNS)  # cumulative buys only grow
    for earlier, later in zip(rows["2", "2"], rows["2", "2"][1:], strict=False):
        assert all(int(later[name]) <= int(earlier[name]) for name in CHART_COLUMNS)  # sells, negative, only fall
    assert kosdaq_in_kospi == [] and len(kosdaq) == 5  # it traded in five minutes (the account's buy was Samsung)


def test_a_restart_keeps_the_days_volume_without_its_minutes(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, clock=clock, page_size=1_000) as (exchange, wire):
        trade_a_few_minutes(exchange, clock, 3)
        wire.buy(SAMSUNG, 4, trade_type="3")
        before = days(wire, trde_tp="1")[0]
    with running(tmp_path, clock=clock, page_size=1_000) as (exchange, wire):
        only_volume, net_then = newest(wire, trde_tp="1"), newest(wire)
        chart_then = intraday(wire)
        clock.advance(timedelta(minutes=1))
        exchange.advance(2)
        volume = int(wire.call("ka10001", {"stk_cd": SAMSUNG})["trde_qty"])
        buys, net = newest(wire, trde_tp="1"), newest(wire)
        chart = intraday(wire)
    assert partition_sum(only_volume) == int(only_volume["acc_trde_qty"]) == int(before["acc_trde_qty"])
    assert int(only_volume["ind_invsr"]) >= 4  # the account's fills still count as 개인
    assert [row["tm"] for row in chart_then] == ["100300"]  # no minute on the tape: the day so far, now
    assert all(chart_then[0][name] == net_then[name] for name in CHART_COLUMNS)
    assert partition_sum(buys) == volume == int(buys["acc_trde_qty"]) > int(before["acc_trde_qty"])
    assert [row["tm"] for row in chart] == ["100400"]  # the minutes before the restart are counted in it
    assert all(chart[-1][name] == net[name] for name in CHART_COLUMNS)


def test_units_and_rounding(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, clock=clock, page_size=1_000) as (_exchange, wire):
        shares = days(wire, trde_tp="1")
        thousands = days(wire, trde_tp="1", unit_tp="1000")
        net_thousands = days(wire, unit_tp="1000")
        millions = days(wire, trde_tp="1", amt_qty_tp="1")
        net_millions = days(wire, amt_qty_tp="1", unit_tp="1000")
        chart = wire.call("ka10081", {"stk_cd": SAMSUNG, "base_dt": TODAY, "upd_stkpc_tp": "1"})[
            "stk_dt_pole_chart_qry"
        ]
    assert shares[0]["dt"] == chart[1]["dt"]  # nothing traded today: no row for it (the daily chart has one)
    chart = chart[1:]
    for exact, rounded, net, amount, net_amount, candle in zip(
        shares, thousands, net_thousands, millions, net_millions, chart, strict=False
    ):
        volume, close = int(exact["acc_trde_qty"]), int(candle["cur_prc"])
        assert all(abs(int(rounded[name]) * 1_000 - int(exact[name])) < 1_000 for name in PARTITION)
        assert partition_sum(rounded) == (2 * volume + 1_000) // 2_000  # 천주, the rounding apportioned
        assert partition_sum(net) == 0 and partition_sum(net_amount) == 0
        # a past day's shares are valued at its close: 백만원, apportioned the same way
        assert partition_sum(amount) == (2 * volume * close + 1_000_000) // 2_000_000
        assert all(abs(int(amount[name]) * 1_000_000 - int(exact[name]) * close) < 1_000_000 for name in PARTITION)


def _lists(rows: list[Row]) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for group in ("for_netslmt", "for_netprps", "orgn_netslmt", "orgn_netprps"):
        entries = [{key: row[f"{group}_{key}"] for key in ("stk_cd", "stk_nm", "amt", "qty")} for row in rows]
        found[group] = [entry for entry in entries if entry["stk_cd"]]
        assert all(entry["stk_cd"] for entry in entries[: len(found[group])])  # blanks only after the last
    return found


def test_leaders_rank_each_stocks_net_for_the_day(tmp_path: Path) -> None:
    clock = FakeClock(WEDNESDAY_10AM)
    with running(tmp_path, clock=clock, page_size=7) as (exchange, wire):
        for _ in range(3):
            exchange.advance(40)
            clock.advance(timedelta(minutes=1))
        by_quantity, by_amount = _lists(leaders(wire, "2")), _lists(leaders(wire, "1"))
        combined, nxt = leaders(wire, stex_tp="3"), leaders(wire, stex_tp="2")
        assert combined == leaders(wire)
        kospi, kosdaq = _lists(leaders(wire, market="001")), _lists(leaders(wire, market="101"))
        kosdaq_codes = {row["code"] for row in pages(wire, "ka10099", {"mrkt_tp": "10"}, "list")}
        codes = {entry["stk_cd"] for entries in by_quantity.values() for entry in entries[:6]}  # the top of each
        nets = {code: newest(wire, code, unit_tp="1000") for code in codes}
        exact = {code: newest(wire, code) for code in codes}
        amounts = {code: newest(wire, code, amt_qty_tp="1") for code in codes}
        past = _lists(leaders(wire, date="20261120"))
        past_net = {
            entry["stk_cd"]: days_on(wire, entry["stk_cd"], "20261120", unit_tp="1")
            for entry in past["for_netprps"][:6]
        }
    assert nxt == [] and len(combined) > 7  # paged; the Sandbox trades KRX only
    assert (
        sum(len(entries) for entries in by_quantity.values()) > 70
    )  # a traded stock is in a foreign and an institutional list
    for group, entries in by_quantity.items():
        column = "frgnr_invsr" if group.startswith("for") else "orgn"
        quantities = [int(entry["qty"]) for entry in entries]
        selling = "netslmt" in group
        assert quantities == sorted(quantities, reverse=not selling), group  # the most sold (bought) first
        for entry in entries[:6]:
            code = entry["stk_cd"]
            shares = int(exact[code][column])
            assert int(entry["qty"]) == _thousands(shares)  # 천주: the day's net shares to the nearest 1,000
            assert abs(int(entry["qty"]) - int(nets[code][column])) <= 1  # ka10059's 천주 nets to zero by type
            assert shares < 0 if selling else shares > 0
            assert abs(int(entry["amt"]) * 10 - int(amounts[code][column])) < 90  # 천만원 against 백만원
    for group, entries in by_amount.items():
        amounts_shown = [int(entry["amt"]) for entry in entries]
        assert amounts_shown == sorted(amounts_shown, reverse="netprps" in group)
    assert all(entry["stk_cd"] in kosdaq_codes for entries in kosdaq.values() for entry in entries)
    assert not any(entry["stk_cd"] in kosdaq_codes for entries in kospi.values() for entry in entries)
    assert kosdaq["for_netslmt"] and kospi["for_netslmt"]
    assert len(past["for_netprps"]) > 10  # every listed stock traded that past day
    for entry in past["for_netprps"][:6]:
        shares = int(past_net[entry["stk_cd"]]["frgnr_invsr"])
        assert int(entry["qty"]) == _thousands(shares) > 0  # a net that rounds to 0 천주 is not listed


def _thousands(shares: int) -> int:
    """Shares in 천주, to the nearest (half away from zero), as an independent reference."""
    return int((Decimal(shares) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def days_on(wire: Wire, code: str, day: str, unit_tp: str = "1000") -> Row:
    body = {"dt": day, "stk_cd": code, "amt_qty_tp": "2", "trde_tp": "0", "unit_tp": unit_tp}
    row: Row = wire.call("ka10059", body)["stk_invsr_orgn"][0]
    assert row["dt"] == day
    return row


def test_bad_fields_are_refused(wire: Wire) -> None:
    good = {"dt": TODAY, "stk_cd": SAMSUNG, "amt_qty_tp": "1", "trde_tp": "0", "unit_tp": "1000"}
    for field, value in (
        ("unit_tp", "10"),
        ("trde_tp", "3"),
        ("amt_qty_tp", "0"),
        ("dt", "2026112"),
        ("dt", "20261399"),
        ("stk_cd", "5930"),
        ("extra", "1"),
    ):
        assert "[1517:" in wire.refused("ka10059", {**good, field: value})["return_msg"], (field, value)
    assert "[1903:" in wire.refused("ka10059", {**good, "stk_cd": "005930_NX"})["return_msg"]
    assert "[1511:" in wire.refused("ka10059", {k: v for k, v in good.items() if k != "unit_tp"})["return_msg"]
    chart = {"mrkt_tp": "000", "amt_qty_tp": "1", "trde_tp": "0", "stk_cd": SAMSUNG}
    assert "[1517:" in wire.refused("ka10064", {**chart, "mrkt_tp": "002"})["return_msg"]
    assert "[1903:" in wire.refused("ka10064", {**chart, "stk_cd": "005930_AL"})["return_msg"]
    ranking = {"mrkt_tp": "000", "amt_qty_tp": "1", "qry_dt_tp": "1", "date": "20261120", "stex_tp": "1"}
    for field, value in (("stex_tp", "0"), ("qry_dt_tp", "2"), ("date", "2026-11-20"), ("date", "20260230")):
        assert "[1517:" in wire.refused("ka90009", {**ranking, field: value})["return_msg"], (field, value)
    assert "[1511:" in wire.refused("ka90009", {**ranking, "date": ""})["return_msg"]  # qry_dt_tp 1 needs one
    assert "[1504:" in wire.refused("ka90009", ranking, path="/api/dostk/stkinfo")["return_msg"]
