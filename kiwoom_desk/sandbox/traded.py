"""What a stock has traded: today's traded value, its volume up to a past minute, and the day before.

One definition of today's traded value (거래대금) for every answer that shows it (ka10095, ka10081's today row and
the rankings): the sum of each print's size × its price, from the tape, plus any of today's volume the tape does
not hold (traded before a restart: the tape lives in memory) at the current price.
"""

from __future__ import annotations

from datetime import timedelta

from .broker import Broker
from .history import Bar, daily_history

MILLION = 1_000_000


def traded_value(broker: Broker, code: str) -> int:
    """Today's traded value in won."""
    quote = broker.market.quotes[code]
    printed_volume, printed_value = broker.tape.totals(code, broker.today())
    return printed_value + max(quote.volume - printed_volume, 0) * quote.price


def millions(won: int) -> int:
    """백만원, rounded down (the spec's unit for trde_prica / trde_amt)."""
    return won // MILLION


def volume_minutes_ago(broker: Broker, code: str, minutes: int) -> int:
    """Today's volume up to `minutes` minutes before the current one: the volume outside the last `minutes`
    one-minute bars (the current, unfinished one counted as one). Volume the tape does not hold is older."""
    quote = broker.market.quotes[code]
    now = broker.clock()
    day = now.strftime("%Y%m%d")
    bars = broker.tape.today(code, day)
    cutoff = (now.replace(second=0, microsecond=0) - timedelta(minutes=minutes)).strftime("%Y%m%d%H%M00")
    printed = sum(bar.volume for bar in bars)
    recent = sum(bar.volume for bar in bars if bar.stamp > cutoff)
    return max(quote.volume - printed, 0) + printed - recent


def previous_day(broker: Broker, code: str) -> Bar:
    """The trading day before today as ka10081 shows it: as the Sandbox traded it, or synthesised."""
    quote = broker.market.quotes[code]
    listing = broker.market.listings[code]
    kept = broker.days.get(code, [])
    return daily_history(broker.market.seed, listing, quote.base_price, broker.clock().date(), kept)[-1]
