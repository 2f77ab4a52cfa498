"""kt10000 buy, kt10001 sell, kt10002 modify, kt10003 cancel (kiwoom-api.md §3), and the same verbs for credit
orders (kt10006-kt10009, api_credit.py), which differ only in being on credit and, for a sale, in its lot.

The broker's `OrderRejected` becomes the business error in the HTTP layer, once for all of them.
"""

from __future__ import annotations

from typing import Any

from .api_common import Answer, Handler, listing, ok
from .broker import Broker
from .state import Side


def _int(text: str) -> int:
    return int(text) if text else 0


def place_order(broker: Broker, f: dict[str, str], side: Side, message: str, **credit: Any) -> Answer:
    """A new order from a kt10000/kt10001 (or, with `credit`, kt10006/kt10007) body."""
    listing(broker, f["stk_cd"])
    order = broker.place(
        side,
        f["stk_cd"],
        _int(f["ord_qty"]),
        f["trde_tp"],
        _int(f["ord_uv"]),
        _int(f["cond_uv"]),
        f["dmst_stex_tp"],
        **credit,
    )
    return ok(message, ord_no=order.ord_no, dmst_stex_tp=order.venue)


def _place(side: Side) -> Handler:
    def handle(broker: Broker, f: dict[str, str]) -> Answer:
        return place_order(broker, f, side, f"{side.korean}주문이 완료되었습니다.")

    return handle


def modify(broker: Broker, f: dict[str, str], on_credit: bool = False) -> Answer:
    listing(broker, f["stk_cd"])
    done = broker.modify(
        f["orig_ord_no"],
        f["stk_cd"],
        _int(f["mdfy_qty"]),
        _int(f["mdfy_uv"]),
        _int(f["mdfy_cond_uv"]),
        f["dmst_stex_tp"],
        on_credit=on_credit,
    )
    return ok(
        f"{done.order.side.korean}정정 주문입력이 완료되었습니다",
        ord_no=done.order.ord_no,
        base_orig_ord_no=done.root_ord_no,
        mdfy_qty=f"{done.order.quantity:012d}",
        dmst_stex_tp=done.order.venue,
    )


def cancel(broker: Broker, f: dict[str, str], on_credit: bool = False) -> Answer:
    listing(broker, f["stk_cd"])
    done = broker.cancel(f["orig_ord_no"], f["stk_cd"], _int(f["cncl_qty"]), f["dmst_stex_tp"], on_credit=on_credit)
    return ok(
        f"{done.order.side.korean}취소 주문입력이 완료되었습니다",
        ord_no=done.order.ord_no,
        base_orig_ord_no=done.root_ord_no,
        cncl_qty=f"{done.order.quantity:012d}",
    )


HANDLERS: dict[str, Handler] = {
    "kt10000": _place(Side.BUY),
    "kt10001": _place(Side.SELL),
    "kt10002": modify,
    "kt10003": cancel,
}
