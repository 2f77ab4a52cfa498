"""Idle footprint per environment (#11): CPU and memory of Kiwoom Desk left alone after it has connected, and
whether anything of the Sandbox runs where it should not.

Each environment is a fresh process running the app's real start-up (`app.launch`, `app.run`) in a home folder of
its own, with keys in an in-memory keyring. Mock and Real point (`--rest-url`, `--ws-url`) at a Sandbox in this
process, whose market keeps ticking; its CPU is not the app's. With `--following`, 삼성전자 is in the ticket (its
trades and book stream in every second) and, in Mock and Real, two positions are held (their trades stream too).
Real's confirmation is accepted as a trader would.
After `--warm` seconds the process's CPU time is read over `--seconds` more, then its resident memory and its
threads.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/footprint.py [--warm 30] [--seconds 30]

With `--frozen DIR` it weighs a PyInstaller one-folder build instead (on any platform), with its 15 largest files.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, sys, threading, time
sys.path.insert(0, ROOT)
import keyring
from tests.memory_keyring import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from kiwoom_desk import app as desk_app
from kiwoom_desk.environments import Environment
from kiwoom_desk.storage.credentials import Credentials, CredentialStore

from PySide6.QtCore import QSettings
if FOLLOWING:
    QSettings("KiwoomDesk", "KiwoomDesk").setValue("stock", "005930")  # the ticket follows a stock: 0B, 0D stream
environment = Environment(ENVIRONMENT)
argv = ["--env", environment.value]
if environment is not Environment.SANDBOX:
    argv += ["--rest-url", REST_URL, "--ws-url", WS_URL]
    CredentialStore().save(environment, Credentials("bench-app-key", "bench-secret-key"))
launched = desk_app.launch(desk_app.parse_args(argv))
window = launched.window

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")

def measure(started):
    cpu = time.process_time() - started[1]
    wall = time.monotonic() - started[0]
    report = {
        "cpu_percent": 100 * cpu / wall,
        "rss_mb": rss_mb(),
        "threads": sorted(thread.name for thread in threading.enumerate()),
        "embedded_sandbox": window.session._sandbox is not None,
    }
    print(json.dumps(report), flush=True)
    window.close()

def wait_until_ready():
    from kiwoom_desk.ui.dialogs import RealModeDialog
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, RealModeDialog) and widget.isVisible():
            widget.enterButton.click()
    if window.desk is None or not window.ticket.stockCodeEdit.listings:
        return
    poll.stop()  # from here on nothing of the bench runs until the measurement
    QTimer.singleShot(int(WARM * 1000), lambda: start_measuring())

def start_measuring():
    started = (time.monotonic(), time.process_time())
    QTimer.singleShot(int(SECONDS * 1000), lambda: measure(started))

poll = QTimer()
poll.timeout.connect(wait_until_ready)
poll.start(100)
desk_app.run(launched, environment)
"""


def footprint(
    environment: str, rest_url: str, ws_url: str, warm: float, seconds: float, following: bool
) -> dict[str, object]:
    home = Path(tempfile.mkdtemp(prefix=f"kiwoom-desk-footprint-{environment}-"))
    script = CHILD
    for name, value in (
        ("ROOT", str(ROOT)),
        ("ENVIRONMENT", environment),
        ("REST_URL", rest_url),
        ("WS_URL", ws_url),
        ("WARM", warm),
        ("SECONDS", seconds),
        ("FOLLOWING", following),
    ):
        script = script.replace(name, repr(value))
    environ = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environ, timeout=warm + seconds + 120
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"{environment}: {result.stderr[-2000:]}")
    report: dict[str, object] = json.loads(lines[-1])
    return report


async def hold_positions(rest_url: str) -> None:
    from kiwoom_desk.kiwoom import KiwoomClient, Side, TradeType

    async with KiwoomClient(rest_url, "bench-app-key", "bench-secret-key") as client:
        for code in ("005930", "000660"):
            await client.place_order(side=Side.BUY, stock_code=code, quantity=10, trade_type=TradeType.MARKET)


def frozen_size(folder: Path) -> None:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    total = sum(path.stat().st_size for path in files)
    print(f"frozen one-folder build {folder}: {total / 2**20:.1f} MiB in {len(files)} files; the 15 largest:")
    for path in sorted(files, key=lambda path: path.stat().st_size, reverse=True)[:15]:
        print(f"  {path.stat().st_size / 2**20:7.1f} MiB  {path.relative_to(folder)}")


def main(warm: float, seconds: float, frozen: Path | None, following: bool) -> None:
    if frozen is not None:
        frozen_size(frozen)
        return
    sys.path.insert(0, str(ROOT))
    from kiwoom_desk.sandbox import SandboxExchange

    with tempfile.TemporaryDirectory() as folder:
        server = SandboxExchange(Path(folder) / "server", seed=1, tick_interval=1.0).start()
        if following:
            asyncio.run(hold_positions(server.rest_url))
        try:
            print(
                f"idle footprint after {warm:.0f} s connected, CPU over the next {seconds:.0f} s "
                f"(platform {os.environ['QT_QPA_PLATFORM']}; Mock and Real talk to a Sandbox in another process)"
                + ("; following 삼성전자 in the ticket and two positions" if following else "; following nothing")
            )
            print(f"{'environment':<12}{'CPU %':>7}{'RSS MiB':>9}  {'embedded Sandbox':<18}threads")
            for environment in ("sandbox", "mock", "real"):
                report = footprint(environment, server.rest_url, server.ws_url, warm, seconds, following)
                sandbox = "running" if report["embedded_sandbox"] else "not started"
                threads = ", ".join(str(name) for name in report["threads"])  # type: ignore[attr-defined]
                print(f"{environment:<12}{report['cpu_percent']:>7.2f}{report['rss_mb']:>9.0f}  {sandbox:<18}{threads}")
        finally:
            server.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Kiwoom Desk's idle CPU and memory per environment.")
    parser.add_argument("--warm", type=float, default=30)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--frozen", type=Path, help="a PyInstaller one-folder build to weigh")
    parser.add_argument("--following", action="store_true", help="a stock in the ticket and positions held")
    arguments = parser.parse_args()
    main(arguments.warm, arguments.seconds, arguments.frozen, arguments.following)
