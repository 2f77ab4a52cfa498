"""Credit (신용) orders through the client against a running Sandbox (kiwoom-api-market.md §5): margin, lots with
their loan date, repayment with interest by the days held, the 신용 columns of kt00018, kt20016, the credit FIDs
of 00/04, and the send-once rule for credit orders. Expectations are recomputed here from the README's rules."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from pathlib import Path

import pytest

from kiwoom_desk.kiwoom import (
    CreditDeal,
    CreditType,
    KiwoomClient,
    OrderRejectedError,
    OrderStateUnknownError,
    OrderValidationError,
    TradeType,
)
from kiwoom_desk.kiwoom.events import BalanceUpdate, OrderExecution, RealtimeState
from kiwoom_desk.kiwoom.realtime import RealtimeSession
from kiwoom_desk.sandbox import FaultKind, SandboxExchange

from .client_support import CountingTransport, client_for, eventually
from .conftest import FakeClock, Wire, running

SAMSUNG = "005930"  # eligible (a large cap)
KODEX = "069500"  # an ETF: not eligible
INTEREST_PER_YEAR = Decimal("0.085")  # the README's rate
COMMISSION = Decimal("0.00015")
SELL_TAX = Decimal("0.002")


def floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def ceil(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


@pytest.fixture
async def client(sandbox: SandboxExchange, transport: CountingTransport) -> AsyncIterator[KiwoomClient]:
    sandbox.set_price(SAMSUNG, 71_200, depth=100)
    async with client_for(sandbox, transport) as client:
        yield client


async def test_a_credit_buy_held_five_days_then_sold_repays_loan_and_interest(tmp_path: Path) -> None:
    clock = FakeClock()
    with running(tmp_path, clock=clock, token_lifetime=timedelta(days=60)) as (exchange, _wire):
        exchange.set_price(SAMSUNG, 71_200, depth=100)
        async with client_for(exchange, CountingTransport(), clock=clock) as client:
            (stock,) = await client.credit_stocks(stock_code=SAMSUNG)
            rate = stock.margin_rate / 100
            cash_before = (await client.deposit()).cash
            bought = await client.credit_buy(stock_code=SAMSUNG, quantity=10, trade_type=TradeType.MARKET)
            (fill,) = [f for f in await client.fills() if f.order_no == bought.order_no]
            amount = fill.fill_price * 10
            margin = ceil(amount * rate)
            loan = amount - margin
            deposit = await client.deposit()
            assert cash_before - deposit.cash == margin + floor(amount * COMMISSION)  # only the margin is paid

            balance = await client.balance(by_lot=True)
            (lot,) = [h for h in balance.holdings if h.on_credit]
            today = clock.now.strftime("%Y%m%d")
            assert (lot.credit_type, lot.credit_type_name, lot.loan_date) == (CreditType.OWN_LOAN, "자기융자", today)
            assert (lot.quantity, lot.sellable, lot.purchase_amount) == (10, 10, amount)
            assert balance.total_credit_loan == loan and balance.total_loan == loan and balance.total_stock_loan == 0
            assert not [h for h in balance.holdings if not h.on_credit]  # no cash shares came of it
            assert bought.order_no not in {o.order_no for o in await client.open_orders()}  # filled whole

            clock.advance(timedelta(days=5))
            cash_held = (await client.deposit()).cash  # the first request of the day rolls it
            exchange.set_price(SAMSUNG, 72_000, depth=100)
            sold = await client.credit_sell(
                stock_code=SAMSUNG, quantity=10, trade_type=TradeType.MARKET, deal=CreditDeal.LOAN, loan_date=today
            )
            (sale,) = [f for f in await client.fills() if f.order_no == sold.order_no]
            proceeds = sale.fill_price * 10
            interest = floor(loan * INTEREST_PER_YEAR * 5 / 365)
            fees = floor(proceeds * COMMISSION) + floor(proceeds * SELL_TAX)
            assert interest > 0
            assert (await client.deposit()).cash - cash_held == proceeds - fees - loan - interest
            after = await client.balance(by_lot=True)
            assert after.holdings == [] and after.total_credit_loan == 0


async def test_loans_sold_together_go_oldest_first(tmp_path: Path) -> None:
    clock = FakeClock()
    with running(tmp_path, clock=clock, token_lifetime=timedelta(days=60)) as (exchange, _wire):
        exchange.set_price(SAMSUNG, 71_200, depth=100)
        async with client_for(exchange, CountingTransport(), clock=clock) as client:
            first_day = clock.now.strftime("%Y%m%d")
            await client.credit_buy(stock_code=SAMSUNG, quantity=3, trade_type=TradeType.MARKET)
            clock.advance(timedelta(days=1))
            await client.deposit()
            exchange.set_price(SAMSUNG, 71_200, depth=100)
            second_day = clock.now.strftime("%Y%m%d")
            await client.credit_buy(stock_code=SAMSUNG, quantity=4, trade_type=TradeType.MARKET)
            lots = {h.loan_date: h.quantity for h in (await client.balance(by_lot=True)).holdings}
            assert lots == {first_day: 3, second_day: 4}
            (summed,) = (await client.balance()).holdings  # 합산: one credit row for the stock
            assert (summed.quantity, summed.credit_type, summed.loan_date) == (7, CreditType.OWN_LOAN, "")

            await client.credit_sell(stock_code=SAMSUNG, quantity=5, trade_type=TradeType.MARKET, deal=CreditDeal("99"))
            lots = {h.loan_date: h.quantity for h in (await client.balance(by_lot=True)).holdings}
            assert lots == {second_day: 2}
            with pytest.raises(OrderRejectedError):  # that lot is gone
                await client.credit_sell(
                    stock_code=SAMSUNG,
                    quantity=1,
                    trade_type=TradeType.MARKET,
                    deal=CreditDeal.LOAN,
                    loan_date=first_day,
                )


async def test_a_loan_sell_without_its_date_is_refused_before_sending(
    client: KiwoomClient, transport: CountingTransport
) -> None:
    for loan_date in ("", "2026-11-24", "2026112"):
        with pytest.raises(OrderValidationError) as caught:
            await client.credit_sell(
                stock_code=SAMSUNG, quantity=1, trade_type=TradeType.MARKET, deal=CreditDeal.LOAN, loan_date=loan_date
            )
        assert caught.value.field == "loan_date"
    with pytest.raises(OrderValidationError):
        await client.credit_sell(stock_code=SAMSUNG, quantity=1, trade_type=TradeType.MARKET, deal="11")  # type: ignore[arg-type]
    assert transport.sent["kt10007"] == 0


def _credit_sell_body(**fields: str) -> dict[str, str]:
    body = {"dmst_stex_tp": "KRX", "stk_cd": SAMSUNG, "ord_qty": "1", "ord_uv": "", "trde_tp": "3", "cond_uv": ""}
    return {**body, **fields}


def test_the_sandbox_refuses_a_loan_sell_without_a_date_and_an_unknown_credit_kind(wire: Wire) -> None:
    wire.call("kt10006", _credit_sell_body())  # a lot to sell
    no_date = wire.refused("kt10007", _credit_sell_body(crd_deal_tp="33", crd_loan_dt=""))
    assert no_date["return_code"] == 2 and "[1517:" in no_date["return_msg"] and "crd_loan_dt" in no_date["return_msg"]
    unknown = wire.refused("kt10007", _credit_sell_body(crd_deal_tp="11"))
    assert "[1517:" in unknown["return_msg"] and "crd_deal_tp" in unknown["return_msg"]
    missing = wire.refused("kt10007", _credit_sell_body())
    assert "crd_deal_tp" in missing["return_msg"]
    cash_sell = wire.refused("kt10001", _credit_sell_body())  # credit shares are not cash shares
    assert "매도가능수량" in cash_sell["return_msg"]
    wire.call("kt10007", _credit_sell_body(crd_deal_tp="99", crd_loan_dt=""))


async def test_an_ineligible_stock_is_refused_on_credit(client: KiwoomClient) -> None:
    with pytest.raises(OrderRejectedError) as caught:
        await client.credit_buy(stock_code=KODEX, quantity=1, trade_type=TradeType.MARKET)
    assert "신용융자 가능종목이 아닙니다" in caught.value.return_msg
    assert await client.credit_stocks(stock_code=KODEX) == []
    assert await client.open_orders() == []


async def test_kt20016_lists_the_eligible_stocks_by_market_and_grade(client: KiwoomClient, wire: Wire) -> None:
    every = await client.credit_stocks()
    codes = {stock.stock_code for stock in every}
    kospi = {listing.code for listing in await client.stock_list("0")}
    kosdaq = {listing.code for listing in await client.stock_list("10")}
    etfs = {listing.code for listing in await client.stock_list("8")}
    assert SAMSUNG in codes and not codes & etfs and len(codes) < len(kospi | kosdaq)
    assert all(len(stock.stock_code) == 6 and 0 < stock.margin_rate <= 100 for stock in every)
    assert {stock.stock_code for stock in await client.credit_stocks(market="KOSPI")} == codes & kospi
    assert {stock.stock_code for stock in await client.credit_stocks(market="KOSDAQ")} == codes & kosdaq
    by_grade = [{s.stock_code for s in await client.credit_stocks(grade=grade)} for grade in "ABCDE"]
    assert set().union(*by_grade) == codes and sum(map(len, by_grade)) == len(codes)  # each stock in one grade
    raw = wire.call("kt20016", {"crd_stk_grde_tp": "%", "mrkt_deal_tp": "%", "stk_cd": SAMSUNG})
    (row,) = raw["crd_loan_pos_stk"]
    assert row["stk_cd"] == "A" + SAMSUNG and row["crd_assr_rt"].endswith("%") and row["crd_limit_over_yn"] == "N"
    assert set(row) == {
        "stk_cd",
        "stk_nm",
        "crd_assr_rt",
        "repl_pric",
        "pred_close_pric",
        "crd_limit_over_yn",
        "crd_limit_over_txt",
    }


async def test_credit_orders_are_modified_and_cancelled_only_as_credit_orders(client: KiwoomClient) -> None:
    resting = await client.credit_buy(stock_code=SAMSUNG, quantity=2, trade_type=TradeType.LIMIT, price=70_000)
    (order,) = await client.open_orders()
    assert order.side_text == "+매수신용" and order.on_credit
    held = (await client.deposit()).orderable
    with pytest.raises(OrderRejectedError):
        await client.cancel_order(orig_order_no=resting.order_no, stock_code=SAMSUNG)
    modified = await client.modify_credit_order(
        orig_order_no=resting.order_no, stock_code=SAMSUNG, quantity=0, price=69_000
    )
    assert (await client.deposit()).orderable > held  # a lower price holds less margin
    await client.cancel_credit_order(orig_order_no=modified.order_no, stock_code=SAMSUNG)
    assert await client.open_orders() == []


async def test_a_dropped_credit_order_answer_is_unknown_never_resent(
    sandbox: SandboxExchange, client: KiwoomClient, transport: CountingTransport
) -> None:
    sandbox.inject(FaultKind.DROP_RESPONSE, api_id="kt10006")
    with pytest.raises(OrderStateUnknownError) as caught:
        await client.credit_buy(stock_code=SAMSUNG, quantity=3, trade_type=TradeType.LIMIT, price=70_000)
    assert caught.value.request["ord_qty"] == "3" and transport.sent["kt10006"] == 1
    (order,) = await client.open_orders()
    assert order.quantity == 3 and order.on_credit
    sandbox.inject(FaultKind.HTTP_500, api_id="kt10009")
    with pytest.raises(OrderStateUnknownError):
        await client.cancel_credit_order(orig_order_no=order.order_no, stock_code=SAMSUNG)
    assert transport.sent["kt10009"] == 1


async def test_credit_fills_carry_the_credit_fids_of_00_and_04(client: KiwoomClient, sandbox: SandboxExchange) -> None:
    events: list[object] = []
    session = RealtimeSession(sandbox.ws_url, client, events.append, lambda _status: None, backoff_base=0.05)
    session.start()
    try:

        async def connected() -> bool:
            return session.status.state is RealtimeState.CONNECTED

        await eventually(connected, "never connected")
        await session.register([SAMSUNG], ["00", "04"])
        ack = await client.credit_buy(stock_code=SAMSUNG, quantity=5, trade_type=TradeType.MARKET)

        async def filled() -> bool:
            return any(isinstance(e, BalanceUpdate) and e.on_credit for e in events)

        await eventually(filled, "no credit 04")
        today = (await client.balance(by_lot=True)).holdings[0].loan_date
        executions = [e for e in events if isinstance(e, OrderExecution) and e.order_no == ack.order_no]
        assert executions and all((e.credit_type, e.loan_date) == (CreditType.OWN_LOAN, today) for e in executions)
        (update,) = [e for e in events if isinstance(e, BalanceUpdate) and e.on_credit]
        balance = await client.balance(by_lot=True)
        assert (update.quantity, update.loan_date) == (5, today)
        assert update.loan_amount == balance.total_credit_loan and update.loan_interest is not None
        assert update.loan_interest == floor(Decimal(update.loan_amount or 0) * INTEREST_PER_YEAR / 365)  # a day
    finally:
        await session.close()
