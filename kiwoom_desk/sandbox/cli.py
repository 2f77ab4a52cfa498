"""`kiwoom-desk-sandbox`: run the Sandbox exchange on its own until Ctrl+C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path

from .. import __version__
from .exchange import DEFAULT_CASH, SandboxServer, default_data_dir
from .market_clock import DAY_END, check_speed, parse_time


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kiwoom-desk-sandbox",
        description="A local exchange that speaks Kiwoom's REST protocol: no keys, any hour, offline.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=18700, help="port; 0 picks a free one (default: %(default)s)")
    parser.add_argument("--seed", type=int, help="random-walk seed; the same seed gives the same market")
    parser.add_argument("--reset", action="store_true", help="start a fresh account (deletes orders and holdings)")
    parser.add_argument(
        "--cash", type=int, default=DEFAULT_CASH, help="cash of a fresh account in KRW (default: %(default)s)"
    )
    parser.add_argument("--data-dir", type=Path, default=None, help=f"state folder (default: {default_data_dir()})")
    parser.add_argument(
        "--tick-interval",
        type=float,
        default=1.0,
        help="seconds between market steps; 0 freezes prices (default: %(default)s)",
    )
    parser.add_argument(
        "--clock",
        choices=("continuous", "krx"),
        default="continuous",
        help="continuous: one endless session at any hour; krx: a simulated KRX day (default: %(default)s)",
    )
    parser.add_argument("--speed", type=float, default=1.0, help="the krx clock's speed, 1 to 10 (default: 1)")
    parser.add_argument("--start", default="08:30", help="the krx clock's first day starts at HH:MM (default: 08:30)")
    parser.add_argument("--version", action="version", version=f"kiwoom-desk-sandbox {__version__}")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    server = SandboxServer(
        args.data_dir,
        seed=args.seed,
        host=args.host,
        port=args.port,
        reset=args.reset,
        initial_cash=args.cash,
        tick_interval=args.tick_interval or None,
        mode=args.clock,
        speed=args.speed,
        start=args.start,
    )
    await server.start()
    try:
        account = server.broker.account
        print(f"Kiwoom Desk Sandbox {__version__}", flush=True)
        print(f"  REST       {server.rest_url}", flush=True)
        print(f"  WebSocket  {server.ws_url}", flush=True)
        print(f"  account    {account.account_no}  cash {account.cash:,} KRW  seed {account.seed}", flush=True)
        print(f"  data       {server.data_dir}", flush=True)
        if args.clock == "krx":
            print(f"  clock      KRX day from {args.start}, {args.speed:g}x", flush=True)
        print("Press Ctrl+C to stop.", flush=True)
        stop = asyncio.Event()
        if sys.platform != "win32":  # a service manager's SIGTERM gets the same clean shutdown as Ctrl+C, and Ctrl+C
            for stop_signal in (signal.SIGTERM, signal.SIGINT):  # works even where a shell started us ignoring it
                asyncio.get_running_loop().add_signal_handler(stop_signal, stop.set)
        await stop.wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.cash <= 0:
        raise SystemExit("--cash must be a positive number of won")
    try:
        check_speed(args.speed)
        if parse_time(args.start) >= DAY_END:
            raise ValueError(f"--start must be before {DAY_END:%H:%M}")
    except ValueError as error:
        raise SystemExit(str(error)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args))
    print("Sandbox stopped.", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
