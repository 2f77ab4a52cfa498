"""The Sandbox's own table of Kiwoom endpoints and their request fields (kiwoom-api.md §2–5).

Written independently of `kiwoom_desk.kiwoom` on purpose: if the client and the Sandbox shared one table, a
mistake in it would pass every test. Validation is strict where the real server's leniency is unknown: unknown
fields, non-string values and values longer than the documented length are refused with 1517, so that a typo
in a field name cannot be silently ignored here and then misbehave on the real server.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from . import errors

PATH_TOKEN = "/oauth2/token"
PATH_REVOKE = "/oauth2/revoke"
PATH_ORDER = "/api/dostk/ordr"
PATH_CREDIT_ORDER = "/api/dostk/crdordr"
PATH_ACCOUNT = "/api/dostk/acnt"
PATH_STOCK_INFO = "/api/dostk/stkinfo"
PATH_MARKET = "/api/dostk/mrkcond"
PATH_CHART = "/api/dostk/chart"
PATH_WATCHLIST = "/api/dostk/watchlist"
PATH_RANKING = "/api/dostk/rkinfo"
PATH_WEBSOCKET = "/api/dostk/websocket"

TRADE_TYPES = frozenset(
    {"0", "3", "5", "6", "7", "10", "13", "16", "20", "23", "26", "28", "29", "30", "31", "61", "62", "81"}
)
MARKET_CODES = frozenset({"0", "10", "30", "50", "60", "70", "80", "90", "2", "3", "4", "5", "6", "7", "8", "9"})

_DIGITS = r"[0-9]+"
_DIGITS_OR_EMPTY = r"[0-9]*"
_CODE = r"[0-9A-Z]{6}"


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    max_len: int
    pattern: str | None = None  # full-match regex for a non-empty value
    choices: frozenset[str] | None = None
    missing_code: int = 1511  # auth endpoints report missing credentials with their own codes

    def check(self, value: Any) -> str:
        """Returns the value, or raises the error the real server would give."""
        if not isinstance(value, str):
            raise errors.malformed(self.name, "문자열(String)이어야 합니다")
        if value == "":
            if self.required:
                raise self._missing()
            return value
        if len(value) > self.max_len:
            raise errors.malformed(self.name, f"최대 길이 {self.max_len}자를 초과했습니다")
        if self.choices is not None and value not in self.choices:
            raise errors.malformed(self.name, f"허용된 값: {', '.join(sorted(self.choices, key=_natural))}")
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            raise errors.malformed(self.name, f"'{value}'은(는) 올바른 형식이 아닙니다")
        return value

    def _missing(self) -> errors.ApiError:
        return errors.missing(self.name) if self.missing_code == 1511 else errors.documented(self.missing_code)


def _natural(value: str) -> tuple[int, str]:
    return (int(value), value) if value.isdigit() else (1 << 30, value)


@dataclass(frozen=True)
class Endpoint:
    api_id: str
    path: str
    fields: tuple[Field, ...] = ()
    list_key: str | None = None  # the paged list in the answer, if any
    grows_in_front: bool = False  # newest first, and new rows arrive while it is paged (candles)
    needs_token: bool = True

    def parse(self, body: Mapping[str, Any]) -> dict[str, str]:
        """Checks a request body against the table; absent optional fields come back as ""."""
        known = {field.name for field in self.fields}
        for name in body:
            if name not in known:
                raise errors.malformed(name, f"{self.api_id}에 정의되지 않은 입력 항목입니다")
        values: dict[str, str] = {}
        for field in self.fields:
            if field.name not in body:
                if field.required:
                    raise field._missing()
                values[field.name] = ""
            else:
                values[field.name] = field.check(body[field.name])
        return values


def _field(
    required: bool, name: str, max_len: int, pattern: str | None = None, choices: set[str] | None = None
) -> Field:
    return Field(name, required, max_len, pattern, frozenset(choices) if choices else None)


_req = partial(_field, True)
_opt = partial(_field, False)


_VENUE = _req("dmst_stex_tp", 3, choices={"KRX", "NXT", "SOR"})
_STOCK = _req("stk_cd", 12, _CODE)
_ORIG = _req("orig_ord_no", 7, r"[0-9]{7}")
_STEX = _req("stex_tp", 1, choices={"0", "1", "2"})
_SIDE_FILTER = {"0", "1", "2"}
# Rankings (kiwoom-api-market.md §2): the same field name takes different codes in each TR, so each has its own.
_RANK_MARKET = _req("mrkt_tp", 3, choices={"000", "001", "101"})
_RANK_STEX = _req("stex_tp", 1, choices={"1", "2", "3"})
_STOCK_CONDITIONS = {"0", "1", "3", "4", "5", "6", "7", "8", "9", "11", "12", "13", "14", "15", "16"}
_RANKING_FIELDS = {
    "ka10030": (
        _RANK_MARKET,
        _req("sort_tp", 1, choices={"1", "2", "3"}),
        _req("mang_stk_incls", 2, choices=_STOCK_CONDITIONS),
        _req("crd_tp", 1, choices={"0", "1", "2", "3", "4", "8", "9"}),
        _req("trde_qty_tp", 4, choices={"0", "5", "10", "50", "100", "200", "300", "500", "1000"}),
        _req("pric_tp", 2, choices={"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}),
        _req(
            "trde_prica_tp",
            4,
            choices={"0", "1", "3", "4", "10", "30", "50", "100", "300", "500", "1000", "3000", "5000"},
        ),
        _req("mrkt_open_tp", 1, choices={"0", "1", "2", "3"}),
        _RANK_STEX,
    ),
    "ka10032": (_RANK_MARKET, _req("mang_stk_incls", 1, choices={"0", "1"}), _RANK_STEX),
    "ka10027": (
        _RANK_MARKET,
        _req("sort_tp", 1, choices={"1", "2", "3", "4", "5"}),
        _req("trde_qty_cnd", 4, choices={"0000", "0010", "0050", "0100", "0150", "0200", "0300", "0500", "1000"}),
        _req("stk_cnd", 2, choices=_STOCK_CONDITIONS),
        _req("crd_cnd", 1, choices={"0", "1", "2", "3", "4", "7", "9"}),
        _req("updown_incls", 1, choices={"0", "1"}),
        _req("pric_cnd", 2, choices={"0", "1", "2", "3", "4", "5", "8", "10"}),
        _req(
            "trde_prica_cnd", 4, choices={"0", "3", "5", "10", "30", "50", "100", "300", "500", "1000", "3000", "5000"}
        ),
        _RANK_STEX,
    ),
    "ka10023": (
        _RANK_MARKET,
        _req("sort_tp", 1, choices={"1", "2", "3", "4"}),
        _req("tm_tp", 1, choices={"1", "2"}),
        _req("trde_qty_tp", 4, choices={"5", "10", "50", "100", "200", "300", "500", "1000"}),
        _opt("tm", 2, r"0?[1-9]|[1-9][0-9]"),  # minutes, 1-99 (needed when tm_tp is 1)
        _req("stk_cnd", 2, choices=(_STOCK_CONDITIONS - {"16"}) | {"17", "18", "20"}),
        _req("pric_tp", 1, choices={"0", "2", "5", "6", "8", "9"}),
        _RANK_STEX,
    ),
}
RANKING_LISTS = {
    "ka10030": "tdy_trde_qty_upper",
    "ka10032": "trde_prica_upper",
    "ka10027": "pred_pre_flu_rt_upper",
    "ka10023": "trde_qty_sdnin",
}

_INVESTOR_MARKET = _req("mrkt_tp", 3, choices={"000", "001", "101"})
_AMOUNT_OR_QUANTITY = _req("amt_qty_tp", 1, choices={"1", "2"})
_NET_BUY_SELL = _req("trde_tp", 1, choices={"0", "1", "2"})  # 0 net buying, 1 buys, 2 sells
_PLACE_FIELDS = (
    _VENUE,
    _STOCK,
    _req("ord_qty", 12, _DIGITS),
    _opt("ord_uv", 12, _DIGITS_OR_EMPTY),
    _req("trde_tp", 2, choices=set(TRADE_TYPES)),
    _opt("cond_uv", 12, _DIGITS_OR_EMPTY),
)
_MODIFY_FIELDS = (
    _VENUE,
    _ORIG,
    _STOCK,
    _req("mdfy_qty", 12, _DIGITS),
    _req("mdfy_uv", 12, _DIGITS),
    _opt("mdfy_cond_uv", 12, _DIGITS_OR_EMPTY),
)
_CANCEL_FIELDS = (_VENUE, _ORIG, _STOCK, _req("cncl_qty", 12, _DIGITS))

ENDPOINTS: dict[str, Endpoint] = {
    endpoint.api_id: endpoint
    for endpoint in (
        Endpoint(
            "au10001",
            PATH_TOKEN,
            (
                Field("grant_type", True, 20, missing_code=8011),
                Field("appkey", True, 200, missing_code=8020),
                Field("secretkey", True, 200, missing_code=8020),
            ),
            needs_token=False,
        ),
        Endpoint(
            "au10002",
            PATH_REVOKE,
            (
                Field("appkey", True, 200, missing_code=8020),
                Field("secretkey", True, 200, missing_code=8020),
                Field("token", True, 1000, missing_code=8016),
            ),
            needs_token=False,
        ),
        Endpoint("kt10000", PATH_ORDER, _PLACE_FIELDS),
        Endpoint("kt10001", PATH_ORDER, _PLACE_FIELDS),
        Endpoint("kt10002", PATH_ORDER, _MODIFY_FIELDS),
        Endpoint("kt10003", PATH_ORDER, _CANCEL_FIELDS),
        # Credit orders (kiwoom-api-market.md §5): kt10006 is kt10000's body, kt10007 adds the loan kind and date
        # (the date is required for 33; the handler checks that), kt10008/kt10009 are kt10002/kt10003's bodies.
        Endpoint("kt10006", PATH_CREDIT_ORDER, _PLACE_FIELDS),
        Endpoint(
            "kt10007",
            PATH_CREDIT_ORDER,
            (
                *_PLACE_FIELDS,
                _req("crd_deal_tp", 2, choices={"33", "99"}),
                _opt("crd_loan_dt", 8, r"[0-9]{8}"),
            ),
        ),
        Endpoint("kt10008", PATH_CREDIT_ORDER, _MODIFY_FIELDS),
        Endpoint("kt10009", PATH_CREDIT_ORDER, _CANCEL_FIELDS),
        Endpoint(
            "kt20016",
            PATH_STOCK_INFO,
            (
                _opt("crd_stk_grde_tp", 1, choices={"%", "A", "B", "C", "D", "E"}),
                _req("mrkt_deal_tp", 1, choices={"%", "1", "0"}),
                _opt("stk_cd", 12, "A?" + _CODE),
            ),
            list_key="crd_loan_pos_stk",
        ),
        Endpoint("kt20017", PATH_STOCK_INFO, (_req("stk_cd", 12, "A?" + _CODE),)),
        Endpoint("ka00001", PATH_ACCOUNT),
        Endpoint(
            "ka10075",
            PATH_ACCOUNT,
            (
                _req("all_stk_tp", 1, choices={"0", "1"}),
                _req("trde_tp", 1, choices=_SIDE_FILTER),
                _opt("stk_cd", 6, _CODE),
                _STEX,
            ),
            list_key="oso",
        ),
        Endpoint(
            "ka10076",
            PATH_ACCOUNT,
            (
                _opt("stk_cd", 6, _CODE),
                _req("qry_tp", 1, choices={"0", "1"}),
                _req("sell_tp", 1, choices=_SIDE_FILTER),
                _opt("ord_no", 10, _DIGITS),
                _STEX,
            ),
            list_key="cntr",
        ),
        Endpoint(
            "kt00007",
            PATH_ACCOUNT,
            (
                _opt("ord_dt", 8, r"[0-9]{8}"),
                _req("qry_tp", 1, choices={"1", "2", "3", "4"}),
                _req("stk_bond_tp", 1, choices={"0", "1", "2"}),
                _req("sell_tp", 1, choices=_SIDE_FILTER),
                _opt("stk_cd", 12, "A?" + _CODE),
                _opt("fr_ord_no", 7, r"[0-9]{1,7}"),
                _req("dmst_stex_tp", 6, choices={"%", "KRX", "NXT", "SOR"}),
            ),
            list_key="acnt_ord_cntr_prps_dtl",
        ),
        Endpoint(
            "kt00018",
            PATH_ACCOUNT,
            (
                _req("qry_tp", 1, choices={"1", "2"}),
                _req("dmst_stex_tp", 6, choices={"KRX", "NXT"}),
            ),
            list_key="acnt_evlt_remn_indv_tot",
        ),
        Endpoint("kt00001", PATH_ACCOUNT, (_req("qry_tp", 1, choices={"2", "3"}),)),
        Endpoint(
            "ka10170",
            PATH_ACCOUNT,
            (
                _opt("base_dt", 8, r"[0-9]{8}"),
                _req("ottks_tp", 1, choices={"1", "2"}),
                _req("ch_crd_tp", 1, choices={"0", "1", "2"}),
            ),
            list_key="tdy_trde_diary",
        ),
        Endpoint("ka10077", PATH_ACCOUNT, (_req("stk_cd", 6, _CODE),), list_key="tdy_rlzt_pl_dtl"),
        Endpoint("ka10001", PATH_STOCK_INFO, (_req("stk_cd", 20, _CODE + "(_NX|_AL)?"),)),
        Endpoint(  # several codes joined by |: the spec's length of 20 is not what the server holds to
            "ka10095", PATH_STOCK_INFO, (_req("stk_cd", 10 * 100, rf"{_CODE}(_NX|_AL)?(\|{_CODE}(_NX|_AL)?)*"),)
        ),
        Endpoint(  # the volume/value bounds are "required" yet "공백허용" in the spec: they may be blank or absent
            "ka10054",
            PATH_STOCK_INFO,
            (
                _req("mrkt_tp", 3, choices={"000", "001", "101"}),
                _req("bf_mkrt_tp", 1, choices={"0", "1", "2"}),
                _opt("stk_cd", 20, _CODE + "(_NX|_AL)?"),
                _req("motn_tp", 1, choices={"0", "1", "2", "3"}),
                _req("skip_stk", 9, r"[01]{9}"),
                _req("trde_qty_tp", 1, choices={"0", "1"}),
                _opt("min_trde_qty", 12, _DIGITS_OR_EMPTY),
                _opt("max_trde_qty", 12, _DIGITS_OR_EMPTY),
                _req("trde_prica_tp", 1, choices={"0", "1"}),
                _opt("min_trde_prica", 10, _DIGITS_OR_EMPTY),
                _opt("max_trde_prica", 10, _DIGITS_OR_EMPTY),
                _req("motn_drc", 1, choices={"0", "1", "2"}),
                _RANK_STEX,
            ),
            list_key="motn_stk",
        ),
        Endpoint("ka01300", PATH_WATCHLIST, (), list_key="nofi"),
        Endpoint("ka01301", PATH_WATCHLIST, (_req("arn_grp_id", 3, r"[0-9]{3}"),), list_key="nofj"),
        Endpoint("ka10099", PATH_STOCK_INFO, (_req("mrkt_tp", 2, choices=set(MARKET_CODES)),), list_key="list"),
        Endpoint("ka10004", PATH_MARKET, (_req("stk_cd", 20, _CODE + "(_NX|_AL)?"),)),
        Endpoint(
            "ka10080",
            PATH_CHART,
            (
                _req("stk_cd", 20, _CODE + "(_NX|_AL)?"),
                _req("tic_scope", 2, choices={"1", "3", "5", "10", "15", "30", "45", "60"}),
                _req("upd_stkpc_tp", 1, choices={"0", "1"}),
                _opt("base_dt", 8, r"[0-9]{8}"),
            ),
            list_key="stk_min_pole_chart_qry",
            grows_in_front=True,
        ),
        Endpoint(
            "ka10081",
            PATH_CHART,
            (
                _req("stk_cd", 20, _CODE + "(_NX|_AL)?"),
                _req("base_dt", 8, r"[0-9]{8}"),
                _req("upd_stkpc_tp", 1, choices={"0", "1"}),
            ),
            list_key="stk_dt_pole_chart_qry",
            grows_in_front=True,
        ),
        *(
            Endpoint(api_id, PATH_RANKING, _RANKING_FIELDS[api_id], list_key=list_key)
            for api_id, list_key in RANKING_LISTS.items()
        ),
        Endpoint(  # newest day first, like ka10081, and today's row can start between two pages
            "ka10059",
            PATH_STOCK_INFO,
            (
                _req("dt", 8, r"[0-9]{8}"),
                _req("stk_cd", 20, _CODE + "(_NX|_AL)?"),
                _AMOUNT_OR_QUANTITY,
                _NET_BUY_SELL,
                _req("unit_tp", 4, choices={"1000", "1"}),
            ),
            list_key="stk_invsr_orgn",
            grows_in_front=True,
        ),
        Endpoint(  # oldest minute first, as the spec's example: new minutes join at the end
            "ka10064",
            PATH_CHART,
            (_INVESTOR_MARKET, _AMOUNT_OR_QUANTITY, _NET_BUY_SELL, _req("stk_cd", 20, _CODE + "(_NX|_AL)?")),
            list_key="opmr_invsr_trde_chart",
        ),
        Endpoint(
            "ka90009",
            PATH_RANKING,
            (
                _INVESTOR_MARKET,
                _AMOUNT_OR_QUANTITY,
                _req("qry_dt_tp", 1, choices={"0", "1"}),
                _opt("date", 8, r"[0-9]{8}"),
                _req("stex_tp", 1, choices={"1", "2", "3"}),
            ),
            list_key="frgnr_orgn_trde_upper",
        ),
    )
}

PATHS = frozenset(endpoint.path for endpoint in ENDPOINTS.values())
