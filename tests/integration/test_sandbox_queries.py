"""Account and market-data TRs: shapes, number formats, filters and cont-yn / next-key paging."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.trading.ticks import Instrument, is_on_tick, price_limits

from .conftest import Wire, amount, price, running, wait_until

SAMSUNG, HYNIX = "005930", "000660"


def all_pages(wire: Wire, api_id: str, body: dict[str, str], list_key: str) -> tuple[list[dict[str, str]], int]:
    """Follows cont-yn / next-key from the response headers, as the spec says; returns rows and page count."""
    rows: list[dict[str, str]] = []
    headers: dict[str, str] = {}
    for pages in range(1, 100):
        response = wire.post(api_id, body, headers=headers)
        assert response.json()["return_code"] == 0, response.text
        rows += response.json()[list_key]
        if response.headers["cont-yn"] != "Y":
            assert response.headers["next-key"] == ""
            return rows, pages
        headers = {"cont-yn": "Y", "next-key": response.headers["next-key"]}
    raise AssertionError("paging never ended")


@pytest.fixture
def paged(tmp_path: Path) -> Iterator[Wire]:
    with running(tmp_path, page_size=7) as (exchange, wire):
        exchange.set_price(SAMSUNG, 71_200, depth=1000)
        yield wire


def test_account_number_is_ten_digits(wire: Wire) -> None:
    assert re.fullmatch(r"[0-9]{10}", wire.call("ka00001", {})["acctNo"])


def test_a_fresh_account_has_ten_million_won(wire: Wire) -> None:
    deposit = wire.deposit()
    for field in ("entr", "ord_alow_amt", "pymn_alow_amt", "d2_entra"):
        assert deposit[field] == "000000010000000"
    assert deposit["stk_entr_prst"] == []


def test_balance_rows_and_totals_are_zero_padded_and_signed(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=100)
    wire.buy(SAMSUNG, 10, 71_300)
    sandbox.set_price(SAMSUNG, 70_000)
    answer = wire.balance()
    (row,) = answer["acnt_evlt_remn_indv_tot"]
    assert row["stk_cd"] == "A005930" and row["stk_nm"] == "삼성전자"
    assert row["rmnd_qty"] == "000000000000010" and row["trde_able_qty"] == "000000000000010"
    assert row["pur_pric"] == "000000071300" and row["cur_prc"] == "000000070000"
    assert row["evltv_prft"] == "-00000000013000"
    assert row["prft_rt"] == "-1.82"
    assert answer["tot_pur_amt"] == "000000000713000"
    assert answer["tot_evlt_amt"] == "000000000700000"
    assert answer["tot_evlt_pl"] == "-00000000013000"
    assert amount(answer["prsm_dpst_aset_amt"]) == amount(wire.deposit()["entr"]) + 700_000


def test_nxt_balance_is_empty_in_a_krx_only_sandbox(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=100)
    wire.buy(SAMSUNG, 1, 71_300)
    answer = wire.call("kt00018", {"qry_tp": "1", "dmst_stex_tp": "NXT"})
    assert answer["acnt_evlt_remn_indv_tot"] == [] and amount(answer["tot_evlt_amt"]) == 0


def test_open_orders_filter_by_side_and_stock(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=100)
    wire.buy(SAMSUNG, 5, 71_300)
    buy = wire.buy(SAMSUNG, 1, 70_000)["ord_no"]
    sell = wire.sell(SAMSUNG, 2, 75_000)["ord_no"]
    other = wire.buy(HYNIX, 1, 180_000)["ord_no"]

    def numbers(trde_tp: str, all_stk_tp: str = "0", stk_cd: str = "") -> list[str]:
        rows = wire.call("ka10075", {"all_stk_tp": all_stk_tp, "trde_tp": trde_tp, "stk_cd": stk_cd, "stex_tp": "0"})[
            "oso"
        ]
        return [row["ord_no"] for row in rows]

    assert numbers("0") == [other, sell, buy]  # newest first
    assert numbers("1") == [sell]
    assert numbers("2") == [other, buy]
    assert numbers("0", "1", HYNIX) == [other]
    assert "[1511:" in wire.refused("ka10075", {"all_stk_tp": "1", "trde_tp": "0", "stex_tp": "0"})["return_msg"]
    row = wire.open_order(sell)
    assert row is not None and row["io_tp_nm"] == "-매도" and row["stex_tp_txt"] == "KRX"
    assert row["tm"].isdigit() and len(row["tm"]) == 6


def test_fills_query_uses_ord_no_as_a_cursor(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=100)
    first, second, third = (wire.buy(SAMSUNG, 1, 71_300)["ord_no"] for _ in range(3))
    body = {"stk_cd": "", "qry_tp": "0", "sell_tp": "0", "ord_no": "", "stex_tp": "0"}
    assert [row["ord_no"] for row in wire.call("ka10076", body)["cntr"]] == [third, second, first]
    older = wire.call("ka10076", {**body, "ord_no": third})["cntr"]
    assert [row["ord_no"] for row in older] == [second, first]


def test_order_history_lists_every_order_of_the_day(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=100)
    done = wire.buy(SAMSUNG, 2, 71_300)["ord_no"]
    resting = wire.buy(SAMSUNG, 3, 70_000)["ord_no"]
    cancel = wire.call("kt10003", {"dmst_stex_tp": "KRX", "orig_ord_no": resting, "stk_cd": SAMSUNG, "cncl_qty": "1"})[
        "ord_no"
    ]
    rows = wire.history("1")
    assert [row["ord_no"] for row in rows] == [done, resting, cancel]
    assert [row["ord_no"] for row in wire.history("2")] == [cancel, resting, done]
    assert [row["ord_no"] for row in wire.history("3")] == [resting]
    assert [row["ord_no"] for row in wire.history("4")] == [done]
    first = rows[0]
    assert first["stk_cd"] == "A005930" and first["io_tp_nm"] == "현금매수" and first["acpt_tp"] == "접수"
    assert first["ord_qty"] == "0000000002" and first["cntr_uv"] == "0000071300"
    assert re.fullmatch(r"\d\d:\d\d:\d\d", first["ord_tm"])
    assert rows[2]["io_tp_nm"] == "매수취소" and rows[2]["ori_ord"] == resting
    assert rows[1]["ord_remnq"] == "0000000002"
    by_code = wire.call(
        "kt00007", {"qry_tp": "1", "stk_bond_tp": "0", "sell_tp": "0", "stk_cd": "A000660", "dmst_stex_tp": "%"}
    )["acnt_ord_cntr_prps_dtl"]
    assert by_code == []


def test_stock_info_has_signed_prices_and_the_krx_limits(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 70_800)
    info = wire.call("ka10001", {"stk_cd": SAMSUNG})
    assert info["stk_nm"] == "삼성전자"
    assert (info["cur_prc"], info["pred_pre"], info["flu_rt"], info["pre_sig"]) == ("-70800", "-400", "-0.56", "5")
    assert (info["upl_pric"], info["lst_pric"], info["base_pric"]) == ("+92500", "-49900", "71200")
    sandbox.set_price(SAMSUNG, 92_500)
    info = wire.call("ka10001", {"stk_cd": SAMSUNG})
    assert (info["cur_prc"], info["pre_sig"], info["high_pric"]) == ("+92500", "1", "+92500")


def test_order_book_has_ten_levels_on_the_grid(wire: Wire) -> None:
    book = wire.book(SAMSUNG)
    asks = [price(book["sel_fpr_bid"])] + [price(book[f"sel_{n}th_pre_bid"]) for n in range(2, 11)]
    bids = [price(book["buy_fpr_bid"])] + [price(book[f"buy_{n}th_pre_bid"]) for n in range(2, 11)]
    assert asks == sorted(asks) and bids == sorted(bids, reverse=True)
    assert bids[0] < asks[0]
    assert all(is_on_tick(level) for level in asks + bids)
    quantities = [int(book["sel_fpr_req"])] + [int(book[f"sel_{n}th_pre_req"]) for n in range(2, 11)]
    assert all(quantity > 0 for quantity in quantities)
    assert int(book["tot_sel_req"]) == sum(quantities)
    assert re.fullmatch(r"\d{6}", book["bid_req_base_tm"])


def test_order_book_stops_at_the_upper_limit(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 92_300)
    book = wire.book(SAMSUNG)
    assert (book["sel_fpr_bid"], book["sel_2th_pre_bid"], book["sel_3th_pre_bid"]) == ("+92400", "+92500", "0")


def test_stock_list_pages_through_every_listing(paged: Wire) -> None:
    kospi, pages = all_pages(paged, "ka10099", {"mrkt_tp": "0"}, "list")
    kosdaq, _ = all_pages(paged, "ka10099", {"mrkt_tp": "10"}, "list")
    assert pages > 2
    codes = [row["code"] for row in kospi + kosdaq]
    assert len(codes) == len(set(codes)) >= 50
    samsung = next(row for row in kospi if row["code"] == SAMSUNG)
    assert (samsung["name"], samsung["marketName"], samsung["lastPrice"]) == ("삼성전자", "거래소", "00071200")
    assert samsung["listCount"] == "0000005969782550"
    assert all(row["marketCode"] == "10" for row in kosdaq)
    assert paged.call("ka10099", {"mrkt_tp": "30"})["list"] == []


def test_open_orders_and_history_page_too(paged: Wire) -> None:
    numbers = [paged.buy(SAMSUNG, 1, 70_000)["ord_no"] for _ in range(16)]
    rows, pages = all_pages(paged, "ka10075", {"all_stk_tp": "0", "trde_tp": "0", "stk_cd": "", "stex_tp": "0"}, "oso")
    assert pages == 3 and [row["ord_no"] for row in rows] == numbers[::-1]
    history, _ = all_pages(
        paged,
        "kt00007",
        {"qry_tp": "1", "stk_bond_tp": "0", "sell_tp": "0", "dmst_stex_tp": "%"},
        "acnt_ord_cntr_prps_dtl",
    )
    assert [row["ord_no"] for row in history] == numbers


def test_the_market_walks_on_the_grid_within_the_limits(sandbox: SandboxExchange) -> None:
    seen = set()
    for _ in range(40):
        sandbox.advance(5)
        for code, instrument in ((SAMSUNG, Instrument.STOCK), ("001510", Instrument.STOCK), ("069500", Instrument.ETF)):
            quote = sandbox.quote(code)
            limits = price_limits(quote.base_price, instrument)
            assert limits.lower <= quote.price <= limits.upper
            assert is_on_tick(quote.price, instrument)
            seen.add((code, quote.price))
    assert len(seen) > 10  # it does move


def _walk(tmp_path: Path, seed: int) -> list[int]:
    with SandboxExchange(tmp_path, seed=seed, tick_interval=None) as exchange:
        prices = []
        for _ in range(30):
            exchange.advance()
            prices.append(exchange.quote(SAMSUNG).price)
        return prices


def test_the_same_seed_gives_the_same_market(tmp_path: Path) -> None:
    assert _walk(tmp_path / "a", 42) == _walk(tmp_path / "b", 42)
    assert _walk(tmp_path / "c", 42) != _walk(tmp_path / "d", 43)


def test_the_market_moves_by_itself_when_ticking(tmp_path: Path) -> None:
    exchange = SandboxExchange(tmp_path, seed=3, tick_interval=0.01).start()
    try:
        start_step = exchange.quote(SAMSUNG).step
        wait_until(lambda: exchange.quote(SAMSUNG).step >= start_step + 5, "the market never stepped")
    finally:
        exchange.stop()
