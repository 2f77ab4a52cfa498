"""The installed app's commands, run as a trader would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def self_check(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`kiwoom-desk --self-check`, as a trader runs it, in `environment`."""
    command = [sys.executable, "-m", "kiwoom_desk", "--self-check"]
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)


def test_self_check_reports_and_does_a_sandbox_round_trip() -> None:
    result = self_check({**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    lines = {line.split()[0] if line.strip() else "": line for line in result.stdout.splitlines()}
    assert "offscreen" in lines["Qt"]
    assert "Keyring backend" in result.stdout and "Data folder" in result.stdout and "Log folder" in result.stdout
    assert "placed and cancelled" in lines["Sandbox"]
    assert result.stdout.strip().endswith("self-check passed")


STARTS_AND_QUITS = """
import sys, time
from PySide6.QtCore import QTimer
from kiwoom_desk import app
launched = app.launch(app.parse_args(["--env", "sandbox"]))
window = launched.window
def ready():
    if window.desk is not None and window.ticket.stockCodeEdit.listings and not window.ticket.busy:
        print("ready:", window.status.rest.text(), len(window.ticket.stockCodeEdit.listings), flush=True)
        poll.stop()
        window.close()
poll = QTimer()
poll.timeout.connect(ready)
poll.start(20)
sys.exit(app.run(launched, None))
"""


def test_the_app_starts_connects_to_its_sandbox_and_quits(tmp_path: Path) -> None:
    """The start-up path `kiwoom-desk` takes (launch, then run), in a home of its own: it paints, starts the
    embedded Sandbox, connects, loads the stock list, and closing the window ends the process."""
    home = str(tmp_path)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home, "XDG_DATA_HOME": f"{home}/data"}
    environment |= {"XDG_CACHE_HOME": f"{home}/cache", "XDG_STATE_HOME": f"{home}/state"}
    environment |= {"XDG_CONFIG_HOME": f"{home}/config"}
    result = subprocess.run(
        [sys.executable, "-c", STARTS_AND_QUITS], capture_output=True, text=True, env=environment, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "ready: REST: 연결됨 78" in result.stdout  # connected, with the listed stocks


def test_self_check_without_a_display_checks_qt_offscreen_instead_of_aborting(tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.pop("QT_QPA_PLATFORM", None)
    environment["HOME"] = str(tmp_path)
    result = self_check(environment)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    linux = sys.platform.startswith("linux")  # elsewhere a desktop always has a display
    assert not linux or ("Display           none" in result.stdout and "offscreen" in result.stdout)
