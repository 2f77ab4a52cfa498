"""Broken answers made from valid ones, served to the real client, with an oracle that does not trust the client.

A case is (method, mutation). The mutated answer is served by `httpx.MockTransport` (no server of ours sends
such shapes) to every request of the method's api-id; tokens are served normally. The oracle checks four
properties, written from the spec and the issue rather than from the client's code:

- escaped: anything but the client's own `KiwoomError` left the call;
- resent: an order was sent more than once although its answer was not a certain refusal;
- invented: a required number that was empty, missing or not a number came back as a value (the call should
  have failed), or an optional one came back as anything but None;
- unbounded: the client asked to wait longer than its bound, or retried more than its budget.

`bench/fuzz_client.py` runs the same cases in bulk; tests/fuzz/test_fuzz_client.py runs a short profile.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from kiwoom_desk.kiwoom import CreditDeal, KiwoomClient, KiwoomError, Side, TradeType
from kiwoom_desk.kiwoom.client import MAX_ORDER_RETRY_WAIT, MAX_RETRY_AFTER
from kiwoom_desk.kiwoom.events import Unreadable
from kiwoom_desk.kiwoom.realtime import RealtimeSession

from .record import SAMSUNG, Recorded

MAX_RETRIES = 3  # the client's default rate-limit budget
DROP = object()  # a mutation that removes the field
DEEP = object()  # a value nested far deeper than any answer
LONG_DIGITS = "9" * 5000
GARBAGE: list[object] = [DROP, "", "  ", "abc", "--5", "٣", "²", "1,000", LONG_DIGITS, None, DEEP, [], {}, True]
NUMBERS_AS_JSON: list[object] = [12345, -7, 0]  # numbers in place of number strings: faithful, not invented
CODES = ["8005", "8031", "8103", "1700", "1701", "1702"]
RETRY_AFTER = ["", "²", "٣", "3600", "-1", "abc", "2", "99999999999"]


@dataclass(frozen=True)
class Method:
    name: str
    api_id: str
    call: Callable[[KiwoomClient], Awaitable[Any]]
    list_key: str | None = None
    required: frozenset[str] = frozenset()  # numbers the app trades on (and identifiers): an error when broken
    optional: dict[str, str] = field(default_factory=dict)  # optional number -> the model attribute (None)
    is_order: bool = False
    rows_of: str = ""  # where the rows are in a result that is not a list of them


def _q(*names: str) -> frozenset[str]:
    return frozenset(names)


METHODS = [
    Method(
        "place_order(buy)",
        "kt10000",
        lambda c: c.place_order(
            side=Side.BUY, stock_code=SAMSUNG, quantity=1, trade_type=TradeType.LIMIT, price=70_000
        ),
        required=_q("ord_no"),
        is_order=True,
    ),
    Method(
        "place_order(sell)",
        "kt10001",
        lambda c: c.place_order(side=Side.SELL, stock_code=SAMSUNG, quantity=1, trade_type=TradeType.MARKET),
        required=_q("ord_no"),
        is_order=True,
    ),
    Method(
        "modify_order",
        "kt10002",
        lambda c: c.modify_order(orig_order_no="0000002", stock_code=SAMSUNG, quantity=0, price=70_100),
        required=_q("ord_no"),
        optional={"mdfy_qty": "quantity"},
        is_order=True,
    ),
    Method(
        "cancel_order",
        "kt10003",
        lambda c: c.cancel_order(orig_order_no="0000002", stock_code=SAMSUNG),
        required=_q("ord_no"),
        optional={"cncl_qty": "quantity"},
        is_order=True,
    ),
    Method(
        "credit_buy",
        "kt10006",
        lambda c: c.credit_buy(stock_code=SAMSUNG, quantity=1, trade_type=TradeType.LIMIT, price=70_000),
        required=_q("ord_no"),
        is_order=True,
    ),
    Method(
        "credit_sell",
        "kt10007",
        lambda c: c.credit_sell(
            stock_code=SAMSUNG, quantity=1, trade_type=TradeType.MARKET, deal=CreditDeal.LOAN, loan_date="20261125"
        ),
        required=_q("ord_no"),
        is_order=True,
    ),
    Method(
        "modify_credit_order",
        "kt10008",
        lambda c: c.modify_credit_order(orig_order_no="0000002", stock_code=SAMSUNG, quantity=0, price=70_100),
        required=_q("ord_no"),
        optional={"mdfy_qty": "quantity"},
        is_order=True,
    ),
    Method(
        "cancel_credit_order",
        "kt10009",
        lambda c: c.cancel_credit_order(orig_order_no="0000002", stock_code=SAMSUNG),
        required=_q("ord_no"),
        optional={"cncl_qty": "quantity"},
        is_order=True,
    ),
    Method(
        "credit_stocks",
        "kt20016",
        lambda c: c.credit_stocks(),
        list_key="crd_loan_pos_stk",
        required=_q("stk_cd", "crd_assr_rt"),
        optional={"repl_pric": "substitute_price", "pred_close_pric": "previous_close"},
    ),
    Method("account_number", "ka00001", lambda c: c.account_number(), required=_q("acctNo")),
    Method(
        "open_orders",
        "ka10075",
        lambda c: c.open_orders(),
        list_key="oso",
        required=_q("ord_no", "stk_cd", "ord_qty", "ord_pric", "oso_qty"),
        optional={"cntr_qty": "filled_quantity", "cntr_tot_amt": "filled_amount", "cur_prc": "current_price"},
    ),
    Method(
        "fills",
        "ka10076",
        lambda c: c.fills(),
        list_key="cntr",
        required=_q("ord_no", "stk_cd", "ord_qty", "ord_pric", "oso_qty", "cntr_pric"),
        optional={"tdy_trde_cmsn": "commission", "tdy_trde_tax": "tax", "cntr_qty": "filled_quantity"},
    ),
    Method(
        "order_history",
        "kt00007",
        lambda c: c.order_history(),
        list_key="acnt_ord_cntr_prps_dtl",
        required=_q("ord_no", "stk_cd", "ord_qty", "cntr_qty", "ord_remnq"),
        optional={"ord_uv": "price", "cntr_uv": "fill_price", "cnfm_qty": "confirmed_quantity"},
    ),
    Method(
        "balance",
        "kt00018",
        lambda c: c.balance(by_lot=True),
        list_key="acnt_evlt_remn_indv_tot",
        required=_q("stk_cd", "rmnd_qty", "trde_able_qty", "pur_pric", "cur_prc", "pur_amt", "evlt_amt", "evltv_prft"),
        optional={"prft_rt": "profit_rate", "tot_pur_amt": "total_purchase", "tot_evlt_amt": "total_evaluation"}
        | {"tot_crd_loan_amt": "total_credit_loan", "tot_loan_amt": "total_loan", "tot_crd_ls_amt": "total_stock_loan"},
    ),
    Method(
        "deposit",
        "kt00001",
        lambda c: c.deposit(),
        required=_q("entr", "ord_alow_amt"),
        optional={"pymn_alow_amt": "withdrawable", "d2_entra": "d2_cash"},
    ),
    Method(
        "stock_info",
        "ka10001",
        lambda c: c.stock_info(SAMSUNG),
        required=_q("stk_cd", "cur_prc", "upl_pric", "lst_pric", "base_pric"),
        optional={"pred_pre": "change", "flu_rt": "change_rate", "open_pric": "open", "trde_qty": "volume"},
    ),
    Method("order_book", "ka10004", lambda c: c.order_book(SAMSUNG)),
    Method("watchlist_groups", "ka01300", lambda c: c.watchlist_groups(), list_key="nofi", required=_q("gcod")),
    Method("watchlist_group", "ka01301", lambda c: c.watchlist_group("001"), list_key="nofj", required=_q("cod2")),
    Method(
        "watched_stocks",
        "ka10095",
        lambda c: c.watched_stocks([SAMSUNG, "000660"]),
        list_key="atn_stk_infr",
        required=_q("stk_cd", "cur_prc"),
        optional={"base_pric": "base_price", "pred_pre": "change", "flu_rt": "change_rate", "trde_qty": "volume"},
    ),
    Method(
        "minute_candles",
        "ka10080",
        lambda c: c.minute_candles(SAMSUNG, 1),
        list_key="stk_min_pole_chart_qry",
        required=_q("cntr_tm", "open_pric", "high_pric", "low_pric", "cur_prc", "trde_qty"),
        optional={"acc_trde_qty": "day_volume"},
    ),
    Method(
        "daily_candles",
        "ka10081",
        lambda c: c.daily_candles(SAMSUNG, "20261125"),
        list_key="stk_dt_pole_chart_qry",
        required=_q("dt", "open_pric", "high_pric", "low_pric", "cur_prc", "trde_qty"),
        optional={"trde_prica": "value_millions", "pred_pre": "change", "trde_tern_rt": "turnover"},
    ),
    Method(
        "trade_journal",
        "ka10170",
        lambda c: c.trade_journal(),
        list_key="tdy_trde_diary",
        required=_q("stk_cd", "buy_qty", "buy_avg_pric", "buy_amt", "sell_qty", "sel_avg_pric", "sell_amt", "pl_amt")
        | _q("cmsn_alm_tax", "tot_buy_amt", "tot_sell_amt", "tot_cmsn_tax", "tot_pl_amt"),
        optional={"prft_rt": "profit_rate", "tot_exct_amt": "total_settled", "tot_prft_rt": "total_profit_rate"},
    ),
    Method(
        "realized_profit",
        "ka10077",
        lambda c: c.realized_profit(SAMSUNG),
        list_key="tdy_rlzt_pl_dtl",
        required=_q("stk_cd", "cntr_qty", "cntr_pric", "buy_uv", "tdy_sel_pl", "tdy_rlzt_pl"),
        optional={"pl_rt": "profit_rate", "tdy_trde_cmsn": "commission", "tdy_trde_tax": "tax"},
    ),
    Method("stock_list", "ka10099", lambda c: c.stock_list("0"), list_key="list", required=_q("code")),
    *(
        Method(name, api_id, call, list_key=list_key, required=_q("stk_cd", "cur_prc"), optional=optional)
        for name, api_id, call, list_key, optional in (
            (
                "volume_leaders",
                "ka10030",
                lambda c: c.volume_leaders(),
                "tdy_trde_qty_upper",
                {"flu_rt": "change_rate", "trde_qty": "volume", "trde_amt": "value", "pred_pre": "change"},
            ),
            (
                "value_leaders",
                "ka10032",
                lambda c: c.value_leaders(),
                "trde_prica_upper",
                {"trde_prica": "value", "now_trde_qty": "volume", "now_rank": "rank", "sel_bid": "best_ask"},
            ),
            (
                "change_leaders",
                "ka10027",
                lambda c: c.change_leaders(),
                "pred_pre_flu_rt_upper",
                {"flu_rt": "change_rate", "now_trde_qty": "volume", "sel_req": "ask_quantity"},
            ),
            (
                "volume_surges",
                "ka10023",
                lambda c: c.volume_surges(),
                "trde_qty_sdnin",
                {"sdnin_qty": "surge", "sdnin_rt": "surge_rate", "prev_trde_qty": "previous_volume"},
            ),
        )
    ),
    Method(
        "foreign_institution_leaders",
        "ka90009",
        lambda c: c.foreign_institution_leaders(),
        list_key="frgnr_orgn_trde_upper",
        # A blank or absent code is "no stock at this rank" (the four lists differ in length): not an error, and
        # nothing of that list's entry is read; a code that is there must be a code (checked by the client).
        optional={"for_netprps_amt": "amount", "for_netprps_qty": "quantity"},
        rows_of="foreign_buys",
    ),
    Method(
        "investor_days",
        "ka10059",
        lambda c: c.investor_days(SAMSUNG, "20991231"),
        list_key="stk_invsr_orgn",
        required=_q("dt", "cur_prc"),
        optional={"acc_trde_qty": "volume", "flu_rt": "change_rate", "frgnr_invsr": "flows.foreign"}
        | {"orgn": "flows.institutions", "ind_invsr": "flows.individual", "natfor": "flows.domestic_foreigners"},
    ),
    Method(
        "investor_intraday",
        "ka10064",
        lambda c: c.investor_intraday(SAMSUNG),
        list_key="opmr_invsr_trde_chart",
        required=_q("tm"),
        optional={"frgnr_invsr": "flows.foreign", "orgn": "flows.institutions", "natn": "flows.state"},
    ),
    Method(
        "token",
        "au10001",
        lambda c: c.access_token(),
        required=_q("token", "expires_dt"),
    ),
    Method("raw request", "ka10001", lambda c: c.request("ka10001", {"stk_cd": SAMSUNG})),
]


@dataclass
class Mutation:
    """What was broken: a field of the answer (in row `row` of the list, or at the top), the return code or
    message, the HTTP status and headers, the body as a whole, or the paging headers."""

    kind: str
    name: str = ""
    row: int | None = None
    value: object = None
    status: int = 200
    headers: dict[bytes, bytes] = field(default_factory=dict)

    def describe(self) -> str:
        value = "DROP" if self.value is DROP else "DEEP" if self.value is DEEP else repr(self.value)[:30]
        where = f"{self.name}[{self.row}]" if self.row is not None else self.name
        return f"{self.kind} {where} = {value} HTTP {self.status} {self.headers}"


def random_mutation(rng: random.Random, method: Method, answer: Recorded) -> Mutation:
    """One mutation of a valid answer, drawn from every way the issue lists a server can break."""
    kind = rng.choices(["field", "return", "status", "body", "paging"], weights=[10, 3, 2, 2, 1])[0]
    body = answer.body
    if kind == "field":
        rows = body.get(method.list_key) if method.list_key else None
        if isinstance(rows, list) and rows and rng.random() < 0.8:
            row = rng.randrange(len(rows))
            name = rng.choice(sorted(rows[row]))
            return Mutation("field", name, row, rng.choice(GARBAGE + NUMBERS_AS_JSON))
        names = [name for name in sorted(body) if name not in ("return_code", "return_msg")]
        return Mutation("field", rng.choice(names or ["return_msg"]), None, rng.choice(GARBAGE + NUMBERS_AS_JSON))
    if kind == "return":
        if rng.random() < 0.5:  # a success carrying an error code in its message
            code = rng.choice(CODES)
            message = rng.choice([f"[{code}:토큰]", f"CODE={code}", f"처리 [{code}:유량] 완료"])
            return Mutation("return_msg", "return_msg", None, message)
        return Mutation("return_code", "return_code", None, rng.choice([*GARBAGE, "0", 0, 5, "1", 1, "5"]))
    if kind == "status":
        status = rng.choice([429, 500, 502, 503, 401, 404, 200])
        headers = {b"Retry-After": rng.choice(RETRY_AFTER).encode()}
        code = rng.choice([*CODES, "1999", "8001"])
        return Mutation(
            "status", "", None, {"return_code": rng.choice([5, 2, 0]), "return_msg": f"[{code}:x]"}, status, headers
        )
    if kind == "body":
        return Mutation("body", rng.choice(["not json", "truncated", "cp949", "empty", "array", "deep", "huge"]))
    key = rng.choice([b"", b"same-key", "\ud0a4".encode(), b"x" * 500])
    return Mutation("paging", "next-key", None, None, 200, {b"cont-yn": b"Y", b"next-key": key})


def _deep(depth: int = 2000) -> str:
    return "[" * depth + "]" * depth


def serve(answer: Recorded, mutation: Mutation, list_key: str | None) -> httpx.Response:
    """The mutated answer as a response."""
    body: dict[str, Any] = json.loads(json.dumps(answer.body))
    status, headers = answer.status, dict(mutation.headers)
    deep_at: str | None = None
    if mutation.kind in ("field", "return_code", "return_msg"):
        target = body
        if mutation.row is not None and list_key is not None:
            target = body[list_key][mutation.row]
        if mutation.value is DROP:
            target.pop(mutation.name, None)
        elif mutation.value is DEEP:
            target[mutation.name] = "@@DEEP@@"
            deep_at = "@@DEEP@@"
        else:
            target[mutation.name] = mutation.value
    elif mutation.kind == "status":
        status, body = mutation.status, dict(mutation.value)  # type: ignore[call-overload]
    elif mutation.kind == "body":
        text = json.dumps(body, ensure_ascii=False)
        raw = {
            "not json": b"<html>502 Bad Gateway</html>",
            "truncated": text.encode()[: max(1, len(text.encode()) // 2)],
            "cp949": text.encode("cp949", errors="replace"),
            "empty": b"",
            "array": b"[1, 2, 3]",
            "deep": _deep().encode(),
            "huge": b'{"return_code": 0, "pad": "' + b"x" * (9 * 1024 * 1024) + b'"}',
        }[mutation.name]
        return httpx.Response(status, content=raw, headers=headers)
    text = json.dumps(body, ensure_ascii=False)
    if deep_at:
        text = text.replace(f'"{deep_at}"', _deep())
    return httpx.Response(status, content=text.encode(), headers=headers)


TOKEN = {"token": "t" * 40, "token_type": "bearer", "expires_dt": "29991231235959", "return_code": 0, "return_msg": ""}


@dataclass
class Outcome:
    result: Any = None
    error: KiwoomError | None = None
    escaped: str = ""
    resent: str = ""
    invented: str = ""
    unbounded: str = ""

    @property
    def clean(self) -> bool:
        return not (self.escaped or self.resent or self.invented or self.unbounded)


def _certain_refusal(response: httpx.Response) -> bool:
    """Read without the client: HTTP 401/429, or an answer whose return_code is plainly a non-zero number."""
    if response.status_code in (401, 429):
        return True
    try:
        code = json.loads(response.content).get("return_code")
    except Exception:
        return False
    return (isinstance(code, int) and not isinstance(code, bool) and code != 0) or (
        isinstance(code, str) and code.isascii() and code.isdigit() and len(code) < 10 and int(code) != 0
    )


def _is_number(value: object) -> bool:
    """A faithful number: a JSON number, or a string the spec's number formats allow."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if not isinstance(value, str):
        return False
    text = value.strip().lstrip("+-")
    return text.isascii() and 0 < len(text.replace(".", "", 1)) <= 20 and text.replace(".", "", 1).isdigit()


async def run_case(method: Method, answer: Recorded, mutation: Mutation) -> Outcome:
    response = serve(answer, mutation, method.list_key)
    sent: Counter[str] = Counter()
    waits: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        api_id = request.headers.get("api-id", "")
        sent[api_id] += 1
        if api_id == method.api_id:
            return response
        if api_id == "au10001":
            return httpx.Response(200, json=TOKEN)
        return httpx.Response(200, json={"return_code": 0, "return_msg": ""})

    async def recorded_sleep(seconds: float) -> None:
        waits.append(seconds)

    outcome = Outcome()
    client = KiwoomClient("http://kiwoom.test", "key", "secret", transport=httpx.MockTransport(handler))
    client.sleep = recorded_sleep
    try:
        async with asyncio.timeout(30):
            outcome.result = await method.call(client)
    except KiwoomError as error:
        outcome.error = error
    except BaseException as error:  # the property under test: nothing else may escape
        outcome.escaped = f"{type(error).__name__}: {str(error)[:100]}"
    finally:
        try:
            await client.aclose()
        except BaseException as error:
            outcome.escaped = outcome.escaped or f"on close: {type(error).__name__}"
    _judge(method, mutation, response, sent, waits, outcome)
    return outcome


IDENTIFIERS = frozenset({"stk_cd", "acctNo", "code", "token", "dt", "tm"}) | frozenset(
    f"{side}_stk_cd" for side in ("for_netprps", "for_netslmt", "orgn_netprps", "orgn_netslmt")
)  # required text; order numbers are digits


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _judge(
    method: Method,
    mutation: Mutation,
    response: httpx.Response,
    sent: Counter[str],
    waits: list[float],
    outcome: Outcome,
) -> None:
    if method.is_order and sent[method.api_id] > 1 and not _certain_refusal(response):
        outcome.resent = f"{method.api_id} sent {sent[method.api_id]} times after {mutation.describe()}"
    bound = MAX_ORDER_RETRY_WAIT if method.is_order else MAX_RETRY_AFTER
    if any(wait > bound for wait in waits) or len(waits) > MAX_RETRIES:
        outcome.unbounded = f"waits {waits[:5]} after {mutation.describe()}"
    if outcome.error is not None or outcome.escaped or mutation.kind != "field":
        return
    value, name = mutation.value, mutation.name
    if name in method.required:
        faithful = _is_text(value) if name in IDENTIFIERS else _is_number(value)
        if not faithful:
            outcome.invented = f"required {mutation.describe()} gave {str(outcome.result)[:80]}"
    elif name in method.optional and not _is_number(value):
        got = _attribute(_row(outcome.result, mutation.row, method.rows_of), method.optional[name])
        if got is not None:
            outcome.invented = f"optional {mutation.describe()} read as {got!r}"
    elif method.api_id == "ka10004" and not _is_number(value):
        _judge_rest_book(outcome, mutation)


def _row(result: Any, row: int | None, rows_of: str = "") -> Any:
    """The model a row of the answer became: list methods return the rows, kt00018 keeps them in holdings."""
    if row is None:
        return result
    if rows_of:
        rows = getattr(result, rows_of)
    else:
        rows = result if isinstance(result, list) else getattr(result, "holdings", None) or getattr(result, "rows", [])
    return rows[row] if row < len(rows) else None


def _attribute(model: Any, path: str) -> Any:
    """`volume`, or `flows.foreign` for a column kept in a dict by investor type."""
    name, _, key = path.partition(".")
    value = getattr(model, name, None)
    return value.get(key) if key and isinstance(value, dict) else value


def _judge_rest_book(outcome: Outcome, mutation: Mutation) -> None:
    """ka10004: a broken price empties that level alone; a broken quantity leaves the level without one."""
    name = mutation.name
    if len(outcome.result.asks) != 10 or len(outcome.result.bids) != 10:
        outcome.invented = f"ka10004 {mutation.describe()} lost the book's shape"
        return
    for prefix, levels in (("sel", outcome.result.asks), ("buy", outcome.result.bids)):
        for level in range(1, 11):
            middle = "fpr" if level == 1 else f"{level}th_pre"
            if name == f"{prefix}_{middle}_bid" and levels[level - 1] is not None:
                outcome.invented = f"ka10004 {mutation.describe()} kept level {levels[level - 1]}"
            if name == f"{prefix}_{middle}_req":
                kept = levels[level - 1]
                if kept is not None and kept.quantity is not None:
                    outcome.invented = f"ka10004 {mutation.describe()} read quantity {kept.quantity}"


# ---- real-time frames ----------------------------------------------------------------------------------------

FRAME_REQUIRED = {
    "02": set(),  # codes and flags, no numbers: a broken one makes the entry Unreadable (checked below)
    "00": {"9203", "913", "900", "901", "902", "911"},
    "04": {"10", "930", "931", "932", "933"},
    "0B": {"10"},
    "0D": set(),
}
FRAME_OPTIONAL: dict[str, dict[str, str]] = {
    "02": {},
    "00": {"903": "filled_amount", "914": "fill_price", "915": "fill_quantity", "10": "current_price"},
    "04": {"8019": "profit_rate", "957": "loan_amount", "958": "loan_interest"},
    "0B": {"11": "change", "12": "change_rate", "13": "volume"},
    "0D": {},
}


@dataclass
class FrameMutation:
    kind: str  # "value" or "raw"
    fid: str = ""
    value: object = None
    raw: str = ""

    def describe(self) -> str:
        value = "DROP" if self.value is DROP else "DEEP" if self.value is DEEP else repr(self.value)[:30]
        return f"{self.kind} {self.fid} = {value} {self.raw[:30]!r}"


def random_frame_mutation(rng: random.Random, entry: dict[str, Any]) -> FrameMutation:
    if rng.random() < 0.8:
        fid = rng.choice(sorted(entry["values"]))
        return FrameMutation("value", fid, rng.choice(GARBAGE + NUMBERS_AS_JSON))
    text = json.dumps({"trnm": "REAL", "data": [entry]}, ensure_ascii=False)
    raw = rng.choice(
        [
            "not json",
            text[: len(text) // 2],
            _deep(),
            json.dumps({"trnm": "REAL", "data": "x"}),
            json.dumps({"trnm": "REAL", "data": [1, None, "x"]}),
            json.dumps({"trnm": "REAL", "data": [{**entry, "values": []}]}),
            json.dumps({"trnm": "REAL", "data": [{**entry, "type": ["00"]}]}),
            '{"trnm": "REAL", "data": [{"type": "00", "values": {"900": ' + LONG_DIGITS + "}}]}",
        ]
    )
    return FrameMutation("raw", raw=raw)


class _Socket:
    async def send(self, raw: str | bytes) -> None:
        pass


class _NoTokens:
    async def access_token(self) -> str:
        return "token"

    def token_refused(self, token: str) -> None:
        pass


async def run_frame(entry: dict[str, Any], mutation: FrameMutation) -> Outcome:
    """One frame through the session's own reader (`_handle`): what it delivers, and whether anything escaped."""
    delivered: list[Any] = []
    session = RealtimeSession("ws://unused", _NoTokens(), delivered.append)
    outcome = Outcome()
    if mutation.kind == "raw":
        raw = mutation.raw
    else:
        values = dict(entry["values"])
        if mutation.value is DROP:
            values.pop(mutation.fid, None)
        else:
            values[mutation.fid] = "@@DEEP@@" if mutation.value is DEEP else mutation.value
        raw = json.dumps({"trnm": "REAL", "data": [{**entry, "values": values}]}, ensure_ascii=False)
        raw = raw.replace('"@@DEEP@@"', _deep())
    try:
        await session._handle(_Socket(), raw)  # type: ignore[arg-type]
    except BaseException as error:
        outcome.escaped = f"{type(error).__name__}: {str(error)[:100]}"
        return outcome
    outcome.result = delivered
    kind = entry["type"]
    if mutation.kind != "value" or not delivered:
        return outcome
    (event,) = delivered
    if isinstance(event, Unreadable):
        return outcome
    if mutation.fid in FRAME_REQUIRED[kind] and not _is_number(mutation.value) and mutation.fid != "913":
        outcome.invented = f"{kind} {mutation.describe()} gave {event}"
    elif mutation.fid in FRAME_OPTIONAL[kind] and not _is_number(mutation.value):
        got = getattr(event, FRAME_OPTIONAL[kind][mutation.fid])
        if got is not None:
            outcome.invented = f"{kind} optional {mutation.describe()} read as {got!r}"
    elif kind == "0D" and mutation.fid.isdigit() and not _is_number(mutation.value):
        _judge_book(event, int(mutation.fid), outcome, mutation)
    elif (
        kind == "02"
        and mutation.fid in ("843", "841")
        and mutation.value not in ("I", "D")
        and not (mutation.fid == "841" and _is_number(mutation.value))
    ):
        outcome.invented = f"02 {mutation.describe()} was read as {event}"
    return outcome


def _judge_book(event: Any, fid: int, outcome: Outcome, mutation: FrameMutation) -> None:
    """A broken price empties that level alone; a broken quantity leaves the level with no quantity."""
    for first_price, first_quantity, levels in ((41, 61, event.asks), (51, 71, event.bids)):
        if first_price <= fid < first_price + 10 and levels[fid - first_price] is not None:
            outcome.invented = f"0D {mutation.describe()} kept level {levels[fid - first_price]}"
        if first_quantity <= fid < first_quantity + 10:
            level = levels[fid - first_quantity]
            if level is not None and level.quantity is not None:
                outcome.invented = f"0D {mutation.describe()} read quantity {level.quantity}"
