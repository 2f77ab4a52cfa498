"""ka10080 minute candles and ka10081 daily candles on /api/dostk/chart (kiwoom-api.md §5.5, §5.6), newest
first, from `history`: today's from the Sandbox's own trades, earlier ones synthesised to join up with them.
Prices carry their direction against the day's base price, as the spec's examples do."""

from __future__ import annotations

from datetime import date, datetime

from ..trading.ticks import Instrument, price_limits
from . import errors
from .api_common import OK_GENERIC, Answer, Handler, listing, ok
from .broker import Broker
from .history import INTRADAY_DAYS, Bar, daily_history, merge, minutes_of
from .numbers import price_sign_code, rate, signed, signed_price
from .traded import millions, traded_value

MINUTE_SCOPES = {"1", "3", "5", "10", "15", "30", "45", "60"}


def _days(broker: Broker, code: str) -> tuple[list[Bar], Bar]:
    """The earlier days, oldest first, and today's candle (the live price its close)."""
    quote = broker.market.quotes[code]
    today = broker.clock().date()
    kept = broker.days.get(code, [])
    earlier = daily_history(broker.market.seed, broker.market.listings[code], quote.base_price, today, kept)
    now = Bar(today.strftime("%Y%m%d"), quote.open, quote.high, quote.low, quote.price, quote.volume)
    return earlier, now


def _base_day(f: dict[str, str], today: date) -> str:
    value = f.get("base_dt", "")
    if not value:
        return today.strftime("%Y%m%d")
    try:
        datetime.strptime(value, "%Y%m%d")
    except ValueError:
        raise errors.malformed("base_dt", f"'{value}'은(는) 올바른 날짜가 아닙니다") from None
    return value


def _candle(bar: Bar, base: int, instrument: Instrument, signed_prices: bool) -> dict[str, str]:
    """A candle's shared fields. ka10080's prices carry their direction (부호가 포함된 숫자); ka10081's are plain
    won, as in the spec's example; the change and its sign code are signed in both."""
    limits = price_limits(base, instrument)
    shown = (lambda price: signed_price(price, base)) if signed_prices else str
    return {
        "cur_prc": shown(bar.close),
        "trde_qty": str(bar.volume),
        "open_pric": shown(bar.open),
        "high_pric": shown(bar.high),
        "low_pric": shown(bar.low),
        "pred_pre": signed(bar.close - base),
        "pred_pre_sig": price_sign_code(bar.close, base, limits.upper, limits.lower),
    }


def daily_candles(broker: Broker, f: dict[str, str]) -> Answer:
    stock = listing(broker, f["stk_cd"])
    earlier, today = _days(broker, stock.code)
    newest = _base_day(f, broker.clock().date())
    days = [*earlier, today]
    rows = []
    for index in range(len(days) - 1, -1, -1):
        bar = days[index]
        if bar.stamp > newest:
            continue
        base = days[index - 1].close if index else bar.open
        value = traded_value(broker, stock.code) if bar is today else bar.close * bar.volume  # won
        rows.append(
            {
                **_candle(bar, base, stock.instrument, signed_prices=False),
                "dt": bar.stamp,
                "trde_prica": str(millions(value)),  # millions of won, as the spec's example
                "trde_tern_rt": rate(bar.volume, stock.listed_shares),
            }
        )
    return ok(OK_GENERIC, stk_cd=stock.code, stk_dt_pole_chart_qry=rows)


def minute_candles(broker: Broker, f: dict[str, str]) -> Answer:
    if f["tic_scope"] not in MINUTE_SCOPES:
        raise errors.malformed("tic_scope", f"허용된 값: {', '.join(sorted(MINUTE_SCOPES, key=int))}")
    stock = listing(broker, f["stk_cd"])
    earlier, today = _days(broker, stock.code)
    instrument = stock.instrument
    minutes: list[Bar] = []
    bases: dict[str, int] = {}  # day -> its base price
    for index in range(len(earlier) - INTRADAY_DAYS, len(earlier)):
        day = earlier[index]
        minutes += minutes_of(broker.market.seed, stock.code, day, instrument)
        bases[day.stamp] = earlier[index - 1].close
    minutes += broker.tape.today(stock.code, today.stamp)
    bases[today.stamp] = broker.market.quotes[stock.code].base_price
    newest = _base_day(f, broker.clock().date())
    accumulated = dict.fromkeys(bases, 0)
    merged = merge(minutes, int(f["tic_scope"]))
    running: list[dict[str, str]] = []
    for bar in merged:  # oldest first: the day's volume so far
        stamp_day = bar.stamp[:8]
        accumulated[stamp_day] += bar.volume
        candle = _candle(bar, bases[stamp_day], instrument, signed_prices=True)
        row = {**candle, "cntr_tm": bar.stamp, "acc_trde_qty": str(accumulated[stamp_day])}
        running.append(row)
    rows = [row for row in reversed(running) if row["cntr_tm"][:8] <= newest]
    return ok(OK_GENERIC, stk_cd=stock.code, stk_min_pole_chart_qry=rows)


HANDLERS: dict[str, Handler] = {"ka10081": daily_candles, "ka10080": minute_candles}
