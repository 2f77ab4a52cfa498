"""#16 through the client against the Sandbox's KRX day: the market's phases arrive as MarketPhase (0s), a VI as
VolatilityInterruption (1h) on trigger and release, and ka10054 lists the stocks under VI while it runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiwoom_desk.kiwoom.events import Event, MarketPhase, RealtimeState, Unreadable, VolatilityInterruption
from kiwoom_desk.kiwoom.realtime import RealtimeSession
from kiwoom_desk.sandbox import SandboxExchange

from .client_support import CountingTransport, client_for, eventually
from .conftest import FakeClock, start_sandbox
from .test_sandbox_krx_day import TUESDAY

SAMSUNG = "005930"


@pytest.fixture
def krx_day(tmp_path: Path) -> Iterator[SandboxExchange]:
    exchange = start_sandbox(tmp_path, clock=FakeClock(TUESDAY), mode="krx", start="08:50")
    yield exchange
    exchange.stop()


async def _true(value: bool) -> bool:
    return value


def _released(heard: list[Event | Unreadable]) -> list[VolatilityInterruption]:
    return [event for event in heard if isinstance(event, VolatilityInterruption) and not event.triggered]


async def test_phases_and_a_vi_reach_the_client_as_the_spec_says(krx_day: SandboxExchange) -> None:
    heard: list[Event | Unreadable] = []
    async with client_for(krx_day, CountingTransport()) as client:
        session = RealtimeSession(krx_day.ws_url, client, heard.append, backoff_base=0.05)
        session.start()
        try:
            await eventually(lambda: _true(session.status.state is RealtimeState.CONNECTED), "never connected")
            await session.register([""], ["0s", "1h"])
            krx_day.set_clock(time="10:00:00")  # through the 09:00 open
            await eventually(lambda: _true(any(isinstance(e, MarketPhase) and e.code == "3" for e in heard)), "0s")
            opened = next(e for e in heard if isinstance(e, MarketPhase) and e.code == "3")
            assert opened.time == "090000"
            assert not any(isinstance(event, Unreadable) for event in heard)

            krx_day.force_vi(SAMSUNG, "static")
            await eventually(lambda: _true(any(isinstance(e, VolatilityInterruption) for e in heard)), "no 1h")
            started = next(e for e in heard if isinstance(e, VolatilityInterruption))
            assert (started.stock_code, started.triggered, started.kind) == (SAMSUNG, True, "정적")
            assert started.trigger_time == "100000" and started.release_time > "100200"  # 2 minutes and more
            listed = await client.vi_stocks()
            assert [row.code for row in listed] == [SAMSUNG] and listed[0].kind == "정적"
            assert listed[0].price == (await client.stock_info(SAMSUNG)).current_price

            krx_day.set_clock(time="10:03:00")  # past the auction and its longest extension
            await eventually(lambda: _true(bool(_released(heard))), "no release")
            assert _released(heard)[0].release_time <= "103000" and await client.vi_stocks() == []
        finally:
            await session.close()
