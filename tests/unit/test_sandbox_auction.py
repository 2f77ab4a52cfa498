"""The single-price auction's price and allocation, against a brute force over every price on random books."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiwoom_desk.sandbox.auction import AuctionOrder, allocate, clearing_price


@st.composite
def books(draw: st.DrawFn) -> tuple[list[AuctionOrder], int]:
    count = draw(st.integers(0, 12))
    orders = [
        AuctionOrder(
            buy=draw(st.booleans()),
            price=draw(st.one_of(st.just(0), st.integers(90, 110))),  # 0: a market order
            quantity=draw(st.integers(1, 50)),
            seq=seq,
        )
        for seq in range(count)
    ]
    return orders, draw(st.integers(90, 110))


def brute_force(orders: list[AuctionOrder], reference: int) -> tuple[int, int] | None:
    """Every whole price in reach, the quantity at each counted from scratch; the most quantity, then the
    nearest to the reference, then the higher price."""
    best: tuple[int, int, int] | None = None
    for price in range(80, 121):
        buys = sum(o.quantity for o in orders if o.buy and (o.price == 0 or o.price >= price))
        sells = sum(o.quantity for o in orders if not o.buy and (o.price == 0 or o.price <= price))
        key = (min(buys, sells), -abs(price - reference), price)
        if best is None or key > best:
            best = key
    assert best is not None
    return None if best[0] == 0 else (best[2], best[0])


@given(books())
def test_the_auction_price_maximises_the_quantity_with_the_stated_tie_break(
    book: tuple[list[AuctionOrder], int],
) -> None:
    orders, reference = book
    assert clearing_price(orders, reference) == brute_force(orders, reference)


@given(books())
def test_fills_follow_price_then_time_priority(book: tuple[list[AuctionOrder], int]) -> None:
    orders, reference = book
    result = clearing_price(orders, reference)
    if result is None:
        return
    price, quantity = result
    filled = allocate(orders, price, quantity)
    by_seq = {o.seq: o for o in orders}
    for buy in (True, False):
        side = [o for o in orders if o.buy is buy]
        assert sum(filled.get(o.seq, 0) for o in side) == quantity  # both sides trade the auction's quantity
        for order in side:
            got = filled.get(order.seq, 0)
            assert got <= order.quantity
            if got:  # nobody fills at a price worse than their limit
                assert order.price == 0 or (order.price >= price if buy else order.price <= price)

        def rank(o: AuctionOrder, buy: bool = buy) -> tuple[bool, int, int]:
            return (o.price != 0, -o.price if buy else o.price, o.seq)

        for order in side:  # an order left short means every order behind it got nothing
            if 0 < filled.get(order.seq, 0) < order.quantity or (
                order.seq not in filled
                and (order.price == 0 or (order.price >= price if buy else order.price <= price))
            ):
                behind = [o for o in side if rank(o) > rank(order)]
                assert all(filled.get(o.seq, 0) == 0 for o in behind), (by_seq, filled)


def test_a_tie_goes_to_the_price_nearest_the_reference_then_the_higher() -> None:
    # buy 10 @105, sell 10 @95: 10 trade anywhere from 95 to 105
    orders = [AuctionOrder(True, 105, 10, 1), AuctionOrder(False, 95, 10, 2)]
    assert clearing_price(orders, 100) == (100, 10)
    assert clearing_price(orders, 120) == (105, 10)
    assert clearing_price(orders, 90) == (95, 10)
    # the reference itself wins when it lies among the tied prices
    even = [AuctionOrder(True, 0, 5, 1), AuctionOrder(False, 98, 5, 2), AuctionOrder(False, 0, 1, 3)]
    assert clearing_price(even, 100)[0] == 100  # type: ignore[index]
    assert clearing_price([AuctionOrder(True, 90, 1, 1), AuctionOrder(False, 95, 1, 2)], 100) is None
