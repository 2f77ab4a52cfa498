"""Single-price auctions (단일가매매): the one price an auction matches at, and who fills at it.

Pure functions over plain orders, used for the opening and closing auctions and each after-hours single-price
round (krx-rules.md §8):
- The price is the one that maximises the executed quantity, min(buys at or above it, sells at or below it);
  market orders count on their side at every price.
- Ties: the price closest to the reference price (the previous close for the opening auction, the last price for
  the closing auction, the close for after hours), then the higher of two equally close prices.
- No quantity at any price: no match.
- Who fills: price, then time priority on each side (market orders first, then the better limit, then the
  earlier order); the last order to fill may fill in part. KRX's pro-rata step at the last level is not modelled.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class AuctionOrder:
    buy: bool
    price: int  # the limit; 0 = a market order
    quantity: int
    seq: int  # time priority: lower is earlier; unique within one auction


def executable(orders: Iterable[AuctionOrder], price: int) -> int:
    """The quantity that would trade at `price`."""
    demand = supply = 0
    for order in orders:
        if order.buy and (order.price == 0 or order.price >= price):
            demand += order.quantity
        elif not order.buy and (order.price == 0 or order.price <= price):
            supply += order.quantity
    return min(demand, supply)


def clearing_price(orders: Sequence[AuctionOrder], reference: int) -> tuple[int, int] | None:
    """(price, quantity) of the auction, or None when nothing would trade. Only the orders' limits and the
    reference can win: between two limits the quantity is flat, so the point nearest the reference is one of them."""
    candidates = {order.price for order in orders if order.price} | {reference}
    best: tuple[int, int, int] | None = None  # (quantity, -distance, price): the largest wins
    for price in candidates:
        key = (executable(orders, price), -abs(price - reference), price)
        if best is None or key > best:
            best = key
    if best is None or best[0] == 0:
        return None
    return best[2], best[0]


def allocate(orders: Sequence[AuctionOrder], price: int, quantity: int) -> dict[int, int]:
    """seq -> the quantity each order fills when `quantity` trades at `price`, by price then time priority."""
    filled: dict[int, int] = {}
    for buy in (True, False):
        side = [
            order
            for order in orders
            if order.buy is buy and (order.price == 0 or (order.price >= price if buy else order.price <= price))
        ]
        side.sort(key=lambda o: (o.price != 0, -o.price if buy else o.price, o.seq))
        left = quantity
        for order in side:
            if left <= 0:
                break
            take = min(order.quantity, left)
            filled[order.seq] = take
            left -= take
    return filled
