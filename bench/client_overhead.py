"""What KiwoomClient costs over raw httpx, against the Sandbox on loopback, in one run.

Both sides post the same ka10001 JSON with the same headers to the same server; the client adds its token
handling, rate limiter (unlimited for the Sandbox), error classification and pydantic parsing. The Sandbox runs
in its own process (the kiwoom-desk-sandbox command) so that it does not share this process's GIL, and each
figure is the best of three interleaved runs.

    python bench/client_overhead.py [--calls 400] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from kiwoom_desk.kiwoom import KiwoomClient

CODES = ["005930", "000660", "035420", "005380", "068270"]
JSON_TYPE = "application/json;charset=UTF-8"


@contextmanager
def sandbox_process() -> Iterator[str]:
    """The Sandbox command on a free port; yields its REST URL."""
    command = Path(sys.executable).with_name("kiwoom-desk-sandbox")
    with tempfile.TemporaryDirectory() as folder:
        process = subprocess.Popen(
            [str(command), "--port", "0", "--seed", "1", "--tick-interval", "0", "--data-dir", folder],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert process.stdout is not None
            lines = [process.stdout.readline() for _ in range(2)]
            yield lines[1].split()[-1]
        finally:
            process.terminate()
            process.wait(timeout=30)


async def timed(calls: int, concurrency: int, one: Callable[[int], Awaitable[object]]) -> float:
    """Seconds for `calls` calls of `one`, at most `concurrency` at a time."""
    gate = asyncio.Semaphore(concurrency)

    async def guarded(index: int) -> None:
        async with gate:
            await one(index)

    started = time.perf_counter()
    await asyncio.gather(*(guarded(index) for index in range(calls)))
    return time.perf_counter() - started


async def main(calls: int, concurrency: int) -> None:
    with sandbox_process() as rest_url:
        async with (
            KiwoomClient(rest_url, "bench-key", "bench-secret") as client,
            httpx.AsyncClient(base_url=rest_url, timeout=15) as raw,
        ):
            await client.stock_info(CODES[0])  # warm: token issued, connection open
            issued = await raw.post(
                "/oauth2/token",
                json={"grant_type": "client_credentials", "appkey": "k", "secretkey": "s"},
                headers={"api-id": "au10001", "Content-Type": JSON_TYPE},
            )
            headers = {
                "api-id": "ka10001",
                "authorization": f"Bearer {issued.json()['token']}",
                "Content-Type": JSON_TYPE,
            }

            async def via_client(index: int) -> object:
                return await client.stock_info(CODES[index % len(CODES)])

            async def via_raw(index: int) -> object:
                body = json.dumps({"stk_cd": CODES[index % len(CODES)]})
                data = (await raw.post("/api/dostk/stkinfo", content=body, headers=headers)).json()
                assert data["return_code"] == 0
                return data

            await timed(20, 1, via_raw)
            print(f"KiwoomClient vs raw httpx: ka10001 on a Sandbox process over loopback, {calls} calls, best of 3")
            print(f"{'mode':<18}{'client ms/call':>16}{'raw ms/call':>14}{'client/s':>10}{'raw/s':>8}{'ratio':>8}")
            for label, width in (("sequential", 1), (f"concurrent x{concurrency}", concurrency)):
                client_runs, raw_runs = [], []
                for _ in range(3):
                    client_runs.append(await timed(calls, width, via_client))
                    raw_runs.append(await timed(calls, width, via_raw))
                client_s, raw_s = min(client_runs), min(raw_runs)
                print(
                    f"{label:<18}{client_s / calls * 1000:>16.2f}{raw_s / calls * 1000:>14.2f}"
                    f"{calls / client_s:>10.0f}{calls / raw_s:>8.0f}{client_s / raw_s:>8.2f}"
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="KiwoomClient overhead over raw httpx, against the Sandbox.")
    parser.add_argument("--calls", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=20)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.calls, arguments.concurrency))
