"""The desk's credit (신용) orders against a real Sandbox: cash and each credit lot of one stock kept apart in the
portfolio (as kt00018 lists them by lot), a credit sell of one lot, a credit order cancelled only by kt10009,
the journal's entries, and kt20016's terms read once a day."""

from __future__ import annotations

from pathlib import Path

from kiwoom_desk.environments import Environment
from kiwoom_desk.kiwoom import KiwoomClient, Side, TradeType, Venue
from kiwoom_desk.sandbox import SandboxExchange
from kiwoom_desk.storage.journal import Journal
from kiwoom_desk.trading.credit import Ineligible
from kiwoom_desk.trading.desk import TradingDesk
from kiwoom_desk.trading.rules import Ticket

from .test_desk import until

SAMSUNG = "005930"


def lots(desk: TradingDesk) -> list[tuple[bool, str, int]]:
    return [(p.on_credit, p.loan_date, p.quantity) for p in desk.portfolio.holdings() if p.stock_code == SAMSUNG]


async def test_cash_and_a_credit_lot_stay_apart_and_a_credit_sell_repays_that_lot(
    sandbox: SandboxExchange, tmp_path: Path
) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=200)
    journal = Journal(tmp_path / "journal.sqlite3")
    client = KiwoomClient(sandbox.rest_url, "key", "secret")
    desk = TradingDesk(Environment.SANDBOX, client, journal, ws_url=sandbox.ws_url)
    await desk.connect()
    await until(lambda: desk.realtime_connected, "no real-time session")
    await desk.place(Ticket(Side.BUY, SAMSUNG, TradeType.MARKET, Venue.KRX, 0, 5))
    await desk.place(Ticket(Side.BUY, SAMSUNG, TradeType.MARKET, Venue.KRX, 0, 3, credit=True))
    await until(lambda: len(lots(desk)) == 2 and lots(desk)[1][2] == 3, f"no credit lot apart: {lots(desk)}")
    (cash, lot) = lots(desk)
    await until(lambda: desk.portfolio.total_loan, "the loan owed (kt00018) never came")
    assert cash == (False, "", 5) and lot[0] and len(lot[1]) == 8
    by_lot = await client.balance(by_lot=True)  # the desk agrees with kt00018
    assert sorted((h.on_credit, h.loan_date, h.quantity) for h in by_lot.holdings) == lots(desk)
    assert desk.portfolio.holding(SAMSUNG) is not None and desk.portfolio.sellable(SAMSUNG) == 5  # cash only
    await until(lambda: desk.portfolio.credit_sellable(SAMSUNG, lot[1]) == 3, "the lot's shares are not sellable")

    await desk.place(Ticket(Side.SELL, SAMSUNG, TradeType.MARKET, Venue.KRX, 0, 3, credit=True, loan_date=lot[1]))
    await until(lambda: lots(desk) == [(False, "", 5)], f"the lot was not repaid: {lots(desk)}")
    await until(lambda: desk.portfolio.total_loan == 0, "kt00018 still counts a loan")
    assert [(h.on_credit, h.quantity) for h in (await client.balance(by_lot=True)).holdings] == [(False, 5)]

    sent = [event for event in journal.events("sandbox") if event["kind"] == "sent"]
    assert [event["api_id"] for event in sent] == ["kt10000", "kt10006", "kt10007"]
    assert [event["detail"].get("credit", False) for event in sent] == [False, True, True]
    assert sent[2]["detail"]["loan_date"] == lot[1]
    await desk.close()
    journal.close()


async def test_a_resting_credit_order_is_cancelled_by_kt10009_and_terms_are_read_once_a_day(
    sandbox: SandboxExchange, tmp_path: Path
) -> None:
    sandbox.set_price(SAMSUNG, 71_200, depth=200)
    journal = Journal(tmp_path / "journal.sqlite3")
    desk = TradingDesk(Environment.SANDBOX, KiwoomClient(sandbox.rest_url, "key", "secret"), journal)
    await desk.connect()
    terms = await desk.credit_terms(SAMSUNG)
    assert terms.eligible and terms.margin_percent is not None and 40 <= terms.margin_percent <= 60
    assert (await desk.credit_terms(SAMSUNG)) == terms and sandbox.requests()["kt20016"] == 1  # cached
    assert (await desk.credit_terms("069500")).ineligible is Ineligible.NOT_LISTED  # an ETF: no credit
    ack = await desk.place(Ticket(Side.BUY, SAMSUNG, TradeType.LIMIT, Venue.KRX, 60_000, 2, credit=True))
    await until(lambda: any(o.order_no == ack.order_no for o in desk.open_orders()), "the order is not listed")
    (order,) = [o for o in desk.open_orders() if o.order_no == ack.order_no]
    assert order.on_credit
    cancelled, failures = await desk.cancel([order])
    assert cancelled == [order] and not failures
    requests = sandbox.requests()
    assert requests.get("kt10009") == 1 and "kt10003" not in requests and "kt10000" not in requests
    await until(lambda: not desk.open_orders(), "the cancelled order stays open")
    await desk.close()
    journal.close()
