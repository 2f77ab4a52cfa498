"""ka01300 watchlist groups and ka01301 a group's stocks on /api/dostk/watchlist (kiwoom-api-market.md §4.1-4.2).
The real server reads the trader's 영웅문 groups; the Sandbox has two stand-ins, of stocks it lists."""

from __future__ import annotations

from .api_common import OK_GENERIC, Answer, Handler, ok
from .broker import Broker

GROUPS = {  # gcod -> (name, codes): the HTS groups a practice account might have
    "001": ("관심종목1", ("005930", "000660", "035420", "005380", "051910")),
    "002": ("2차전지", ("373220", "247540", "086520")),
}


def watchlist_groups(broker: Broker, f: dict[str, str]) -> Answer:
    return ok(OK_GENERIC, rtcd="S", nofi=[{"gcod": code, "name": name} for code, (name, _codes) in GROUPS.items()])


def watchlist_group(broker: Broker, f: dict[str, str]) -> Answer:
    """A group's stocks; a group that does not exist answers `rtcd` F with none (the spec's failure flag)."""
    group = GROUPS.get(f["arn_grp_id"])
    if group is None:
        return ok(OK_GENERIC, rtcd="F", nofj=[])
    codes = [code for code in group[1] if code in broker.market.listings]
    return ok(OK_GENERIC, rtcd="S", nofj=[{"cod2": code, "bgb": "0", "bgb_clr": ""} for code in codes])


HANDLERS: dict[str, Handler] = {"ka01300": watchlist_groups, "ka01301": watchlist_group}
