"""kt10000 buy, kt10001 sell, kt10002 modify, kt10003 cancel (kiwoom-api.md §3).

The broker's `OrderRejected` becomes the business error in the HTTP layer, once for all four.
"""

from __future__ import annotations

from .api_common import Answer, Handler, listing, ok
from .broker import Broker
from .state import Side


def _int(text: str) -> int:
    return int(text) if text else 0


def _place(side: Side) -> Handler:
    def handle(broker: Broker, f: dict[str, str]) -> Answer:
        listing(broker, f["stk_cd"])
        order = broker.place(
            side,
            f["stk_cd"],
            _int(f["ord_qty"]),
            f["trde_tp"],
            _int(f["ord_uv"]),
            _int(f["cond_uv"]),
            f["dmst_stex_tp"],
        )
        return ok(f"{side.korean}주문이 완료되었습니다.", ord_no=order.ord_no, dmst_stex_tp=order.venue)

    return handle


def modify(broker: Broker, f: dict[str, str]) -> Answer:
    listing(broker, f["stk_cd"])
    done = broker.modify(
        f["orig_ord_no"],
        f["stk_cd"],
        _int(f["mdfy_qty"]),
        _int(f["mdfy_uv"]),
        _int(f["mdfy_cond_uv"]),
        f["dmst_stex_tp"],
    )
    return ok(
        f"{done.order.side.korean}정정 주문입력이 완료되었습니다",
        ord_no=done.order.ord_no,
        base_orig_ord_no=done.root_ord_no,
        mdfy_qty=f"{done.order.quantity:012d}",
        dmst_stex_tp=done.order.venue,
    )


def cancel(broker: Broker, f: dict[str, str]) -> Answer:
    listing(broker, f["stk_cd"])
    done = broker.cancel(f["orig_ord_no"], f["stk_cd"], _int(f["cncl_qty"]), f["dmst_stex_tp"])
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
