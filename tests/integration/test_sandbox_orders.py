"""Orders on /api/dostk/ordr: matching, modify, cancel and every rejection, seen through the account TRs."""

from __future__ import annotations

import pytest

from kiwoom_desk.sandbox import SandboxExchange

from .conftest import Wire, amount

SAMSUNG = "005930"  # base 71,200: ticks of 100, limits 49,900 .. 92,500
CASH = 10_000_000


def commission(value: int) -> int:
    return value * 15 // 100_000


def tax(value: int) -> int:
    return value * 20 // 10_000


@pytest.fixture
def market(sandbox: SandboxExchange) -> SandboxExchange:
    """Samsung at 71,200 with 100 shares on every level: asks 71,300 / 71,400 / ..., bids 71,200 / 71,100 / ..."""
    sandbox.set_price(SAMSUNG, 71_200, depth=100)
    return sandbox


def filled(wire: Wire, ord_no: str) -> dict[str, str]:
    rows = wire.call("ka10076", {"stk_cd": "", "qry_tp": "0", "sell_tp": "0", "ord_no": "", "stex_tp": "0"})["cntr"]
    return next(row for row in rows if row["ord_no"] == ord_no)


def history_row(wire: Wire, ord_no: str) -> dict[str, str]:
    return next(row for row in wire.history() if row["ord_no"] == ord_no)


def test_a_marketable_limit_buy_fills_at_the_book_price(market: SandboxExchange, wire: Wire) -> None:
    answer = wire.buy(SAMSUNG, 10, 71_500)
    assert answer["return_code"] == 0 and answer["return_msg"] == "매수주문이 완료되었습니다."
    assert len(answer["ord_no"]) == 7 and answer["ord_no"].isdigit() and answer["dmst_stex_tp"] == "KRX"
    assert wire.open_order(answer["ord_no"]) is None
    fill = filled(wire, answer["ord_no"])
    assert (fill["cntr_qty"], fill["cntr_pric"], fill["oso_qty"], fill["ord_stt"]) == ("10", "71300", "0", "체결")
    holding = wire.holding(SAMSUNG)
    assert holding is not None
    assert amount(holding["rmnd_qty"]) == 10 and amount(holding["pur_pric"]) == 71_300
    assert amount(wire.deposit()["entr"]) == CASH - 713_000 - commission(713_000)


def test_a_thin_book_gives_a_partial_fill_and_the_rest_fills_when_the_price_comes(
    sandbox: SandboxExchange, wire: Wire
) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=5)
    ord_no = wire.buy(SAMSUNG, 12, 71_300)["ord_no"]
    row = wire.open_order(ord_no)
    assert row is not None
    assert (row["ord_qty"], row["cntr_qty"], row["oso_qty"], row["ord_stt"]) == ("12", "5", "7", "체결")
    assert row["io_tp_nm"] == "+매수" and row["trde_tp"] == "보통" and row["stk_nm"] == "삼성전자"

    sandbox.set_price(SAMSUNG, 71_300, depth=100)  # the market trades at the order's price
    assert wire.open_order(ord_no) is None
    assert amount(wire.holding(SAMSUNG)["rmnd_qty"]) == 12  # type: ignore[index]


def test_a_resting_limit_fills_only_when_the_price_reaches_it(market: SandboxExchange, wire: Wire) -> None:
    ord_no = wire.buy(SAMSUNG, 3, 70_000)["ord_no"]
    market.set_price(SAMSUNG, 70_100)
    assert wire.open_order(ord_no) is not None
    market.set_price(SAMSUNG, 70_000)
    assert wire.open_order(ord_no) is None
    assert filled(wire, ord_no)["cntr_pric"] == "70000"


def test_a_market_buy_walks_the_book(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=4)
    ord_no = wire.buy(SAMSUNG, 10, None, trade_type="3")["ord_no"]
    cost = 4 * 71_300 + 4 * 71_400 + 2 * 71_500
    assert filled(wire, ord_no)["cntr_pric"] == str(round(cost / 10))
    fees = commission(4 * 71_300) + commission(4 * 71_400) + commission(2 * 71_500)
    assert amount(wire.deposit()["entr"]) == CASH - cost - fees


def test_what_a_market_order_cannot_fill_is_cancelled(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=1)
    ord_no = wire.buy(SAMSUNG, 15, None, trade_type="3")["ord_no"]
    row = history_row(wire, ord_no)
    assert (amount(row["cntr_qty"]), amount(row["ord_remnq"])) == (10, 0)
    assert wire.open_orders() == []
    deposit = wire.deposit()
    assert amount(deposit["ord_alow_amt"]) == amount(deposit["entr"])  # nothing left reserved


def test_selling_pays_commission_and_tax(market: SandboxExchange, wire: Wire) -> None:
    wire.buy(SAMSUNG, 10, 71_300)
    cash = amount(wire.deposit()["entr"])
    ord_no = wire.sell(SAMSUNG, 4, 71_200)["ord_no"]
    assert filled(wire, ord_no)["io_tp_nm"] == "-매도"
    assert amount(wire.deposit()["entr"]) == cash + 284_800 - commission(284_800) - tax(284_800)
    holding = wire.holding(SAMSUNG)
    assert holding is not None and amount(holding["rmnd_qty"]) == 6 and amount(holding["trde_able_qty"]) == 6


def test_modify_moves_the_whole_remainder_to_a_new_order_number(market: SandboxExchange, wire: Wire) -> None:
    original = wire.buy(SAMSUNG, 10, 70_000)["ord_no"]
    answer = wire.call(
        "kt10002",
        {
            "dmst_stex_tp": "KRX",
            "orig_ord_no": original,
            "stk_cd": SAMSUNG,
            "mdfy_qty": "0",
            "mdfy_uv": "69900",
            "mdfy_cond_uv": "",
        },
    )
    assert answer["ord_no"] > original
    assert answer["base_orig_ord_no"] == original
    assert answer["mdfy_qty"] == "000000000010"
    assert answer["return_msg"] == "매수정정 주문입력이 완료되었습니다"
    assert wire.open_order(original) is None
    row = wire.open_order(answer["ord_no"])
    assert row is not None and (row["orig_ord_no"], row["ord_pric"], row["oso_qty"]) == (original, "69900", "10")
    assert history_row(wire, answer["ord_no"])["mdfy_cncl"] == "정정"


def test_a_partial_modify_splits_the_order(market: SandboxExchange, wire: Wire) -> None:
    original = wire.buy(SAMSUNG, 10, 70_000)["ord_no"]
    new = wire.call(
        "kt10002",
        {"dmst_stex_tp": "KRX", "orig_ord_no": original, "stk_cd": SAMSUNG, "mdfy_qty": "4", "mdfy_uv": "69900"},
    )["ord_no"]
    assert wire.open_order(original)["oso_qty"] == "6"  # type: ignore[index]
    assert wire.open_order(new)["oso_qty"] == "4"  # type: ignore[index]


def test_a_modify_to_a_marketable_price_fills(market: SandboxExchange, wire: Wire) -> None:
    original = wire.buy(SAMSUNG, 5, 70_000)["ord_no"]
    new = wire.call(
        "kt10002",
        {"dmst_stex_tp": "KRX", "orig_ord_no": original, "stk_cd": SAMSUNG, "mdfy_qty": "0", "mdfy_uv": "71300"},
    )["ord_no"]
    assert wire.open_orders() == []
    assert filled(wire, new)["cntr_qty"] == "5"


def test_cancel_zero_cancels_the_unfilled_remainder(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=3)
    original = wire.buy(SAMSUNG, 10, 71_300)["ord_no"]
    answer = wire.call("kt10003", {"dmst_stex_tp": "KRX", "orig_ord_no": original, "stk_cd": SAMSUNG, "cncl_qty": "0"})
    assert answer["cncl_qty"] == "000000000007"
    assert answer["base_orig_ord_no"] == original
    assert "dmst_stex_tp" not in answer
    assert answer["return_msg"] == "매수취소 주문입력이 완료되었습니다"
    assert wire.open_orders() == []
    assert amount(wire.holding(SAMSUNG)["rmnd_qty"]) == 3  # type: ignore[index]
    assert history_row(wire, answer["ord_no"])["mdfy_cncl"] == "취소"
    assert amount(history_row(wire, original)["ord_remnq"]) == 0
    deposit = wire.deposit()
    assert amount(deposit["ord_alow_amt"]) == amount(deposit["entr"])


def test_a_cancel_reports_the_root_of_a_modify_chain(market: SandboxExchange, wire: Wire) -> None:
    root = wire.buy(SAMSUNG, 10, 70_000)["ord_no"]
    modified = wire.call(
        "kt10002", {"dmst_stex_tp": "KRX", "orig_ord_no": root, "stk_cd": SAMSUNG, "mdfy_qty": "0", "mdfy_uv": "69800"}
    )["ord_no"]
    answer = wire.call("kt10003", {"dmst_stex_tp": "KRX", "orig_ord_no": modified, "stk_cd": SAMSUNG, "cncl_qty": "4"})
    assert answer["base_orig_ord_no"] == root
    assert wire.open_order(modified)["oso_qty"] == "6"  # type: ignore[index]


@pytest.mark.parametrize(
    ("order", "reason"),
    [
        ({"ord_uv": "71250"}, "호가단위(100원)에 맞지 않습니다. 가까운 가격: 71,200원 또는 71,300원"),
        ({"ord_uv": "92600"}, "가격제한폭을 벗어났습니다 (상한가 92,500원, 하한가 49,900원)"),
        ({"ord_uv": "49800"}, "가격제한폭"),
        ({"ord_qty": "0"}, "1주 이상"),
        ({"trde_tp": "3"}, "주문단가를 비워야"),
        ({"ord_uv": ""}, "주문단가를 입력해야"),
        ({"dmst_stex_tp": "NXT"}, "KRX 주문만"),
        ({"dmst_stex_tp": "SOR"}, "KRX 주문만"),
        ({"trde_tp": "62"}, "정규시장"),
        ({"cond_uv": "71000"}, "스톱지정가(28) 주문에만"),
        ({"trde_tp": "28"}, "조건단가(스톱가격)를 입력"),
        ({"ord_qty": "200"}, "주문가능금액이 부족합니다"),
    ],
)
def test_a_bad_buy_is_rejected_with_a_reason_and_nothing_changes(
    market: SandboxExchange, wire: Wire, order: dict[str, str], reason: str
) -> None:
    body = {
        "dmst_stex_tp": "KRX",
        "stk_cd": SAMSUNG,
        "ord_qty": "1",
        "ord_uv": "71200",
        "trde_tp": "0",
        "cond_uv": "",
        **order,
    }
    answer = wire.refused("kt10000", body)
    assert answer["return_code"] == 20
    assert reason in answer["return_msg"]
    assert wire.open_orders() == [] and wire.history() == []
    assert amount(wire.deposit()["ord_alow_amt"]) == CASH


def test_no_short_selling(market: SandboxExchange, wire: Wire) -> None:
    answer = wire.sell(SAMSUNG, 1, 71_200)
    assert answer["return_code"] == 20 and "공매도" in answer["return_msg"]


def test_shares_in_an_open_sell_cannot_be_sold_twice(market: SandboxExchange, wire: Wire) -> None:
    wire.buy(SAMSUNG, 5, 71_300)
    assert wire.sell(SAMSUNG, 6, 75_000)["return_code"] == 20
    assert wire.sell(SAMSUNG, 5, 75_000)["return_code"] == 0
    answer = wire.sell(SAMSUNG, 1, 75_000)
    assert answer["return_code"] == 20 and "매도가능수량 0주" in answer["return_msg"]
    assert amount(wire.holding(SAMSUNG)["trde_able_qty"]) == 0  # type: ignore[index]


def test_resting_buys_hold_cash_and_market_buys_are_checked_at_the_upper_limit(
    market: SandboxExchange, wire: Wire
) -> None:
    wire.buy(SAMSUNG, 10, 70_000)
    deposit = wire.deposit()
    assert amount(deposit["entr"]) == CASH
    assert amount(deposit["ord_alow_amt"]) == CASH - 700_000 - commission(700_000)
    # 101 × 92,500 (upper limit) does not fit in the 9,299,895 left, though 101 × 71,300 would
    answer = wire.buy(SAMSUNG, 101, None, trade_type="3")
    assert answer["return_code"] == 20 and "주문가능금액" in answer["return_msg"]


def test_ioc_cancels_what_does_not_fill_at_once(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=5)
    ord_no = wire.buy(SAMSUNG, 8, 71_300, trade_type="10")["ord_no"]
    row = history_row(wire, ord_no)
    assert (amount(row["cntr_qty"]), amount(row["ord_remnq"]), row["trde_tp"]) == (5, 0, "보통(IOC)")


def test_fok_fills_whole_or_not_at_all(sandbox: SandboxExchange, wire: Wire) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=5)
    killed = wire.buy(SAMSUNG, 8, 71_300, trade_type="20")["ord_no"]
    assert amount(history_row(wire, killed)["cntr_qty"]) == 0
    assert wire.holding(SAMSUNG) is None
    whole = wire.buy(SAMSUNG, 5, 71_300, trade_type="20")["ord_no"]
    assert amount(history_row(wire, whole)["cntr_qty"]) == 5


def test_a_stop_limit_waits_for_its_stop_price(market: SandboxExchange, wire: Wire) -> None:
    ord_no = wire.buy(SAMSUNG, 2, 71_600, trade_type="28", cond_uv="71500")["ord_no"]
    row = wire.open_order(ord_no)
    assert row is not None and row["stop_pric"] == "71500" and row["trde_tp"] == "스톱지정가"
    market.set_price(SAMSUNG, 71_400)
    assert wire.open_order(ord_no) is not None
    market.set_price(SAMSUNG, 71_500)
    assert wire.open_order(ord_no) is None
    assert filled(wire, ord_no)["cntr_pric"] == "71600"


def test_best_limit_takes_the_best_ask(market: SandboxExchange, wire: Wire) -> None:
    ord_no = wire.buy(SAMSUNG, 3, None, trade_type="6")["ord_no"]
    assert filled(wire, ord_no)["cntr_pric"] == "71300"


@pytest.mark.parametrize(
    ("api_id", "body", "reason"),
    [
        ("kt10003", {"orig_ord_no": "0999999", "cncl_qty": "0"}, "원주문번호 0999999"),
        ("kt10002", {"orig_ord_no": "0999999", "mdfy_qty": "0", "mdfy_uv": "70000"}, "원주문번호 0999999"),
        ("kt10003", {"cncl_qty": "11"}, "취소가능수량(10주)을 초과"),
        ("kt10002", {"mdfy_qty": "11", "mdfy_uv": "70000"}, "정정가능수량(10주)을 초과"),
        ("kt10002", {"mdfy_qty": "0", "mdfy_uv": "70050"}, "호가단위"),
        ("kt10003", {"cncl_qty": "0", "stk_cd": "000660"}, "원주문의 종목코드 005930"),
    ],
)
def test_bad_modifies_and_cancels_are_rejected(
    market: SandboxExchange, wire: Wire, api_id: str, body: dict[str, str], reason: str
) -> None:
    original = wire.buy(SAMSUNG, 10, 70_000)["ord_no"]
    answer = wire.refused(api_id, {"dmst_stex_tp": "KRX", "orig_ord_no": original, "stk_cd": SAMSUNG, **body})
    assert answer["return_code"] == 20 and reason in answer["return_msg"]
    assert [row["ord_no"] for row in wire.open_orders()] == [original]


def test_a_filled_order_cannot_be_cancelled(market: SandboxExchange, wire: Wire) -> None:
    ord_no = wire.buy(SAMSUNG, 1, 71_300)["ord_no"]
    answer = wire.refused("kt10003", {"dmst_stex_tp": "KRX", "orig_ord_no": ord_no, "stk_cd": SAMSUNG, "cncl_qty": "0"})
    assert "취소가능수량이 없습니다" in answer["return_msg"] and "체결" in answer["return_msg"]


def test_order_numbers_are_seven_digits_and_increase(market: SandboxExchange, wire: Wire) -> None:
    numbers = [wire.buy(SAMSUNG, 1, 70_000)["ord_no"] for _ in range(3)]
    assert numbers == sorted(numbers) and len(set(numbers)) == 3
    assert all(len(number) == 7 for number in numbers)


def test_a_mid_price_order_rests_between_the_best_quotes(market: SandboxExchange, wire: Wire) -> None:
    ord_no = wire.buy(SAMSUNG, 2, None, trade_type="29")["ord_no"]
    row = wire.open_order(ord_no)
    assert row is not None and row["trde_tp"] == "중간가" and row["oso_qty"] == "2"
    market.set_price(SAMSUNG, 71_200)  # trades at 71,200, below the 71,250 mid: the resting buy fills there
    assert wire.open_order(ord_no) is None
    assert filled(wire, ord_no)["cntr_pric"] == "71250"
