"""Start-up against a bare PySide6 window, side by side in one run (#11).

Each figure is a fresh process, measured from its start (imports included):
- first paint: the window has painted with its layout, the status bar saying it is connecting;
- interactive: what a trader waits for: connected, the stock list loaded, the ticket able to send.

Kiwoom Desk runs its real start-up (`app.launch` and `app.run`, the path `main()` takes) in a home folder of its
own. The first launch of a day fills the stock-list cache; it is shown apart, and the runs after it start as a
trader's second launch does. Interactive is on the embedded Sandbox, which starts on first use.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
from PySide6.QtCore import QTimer, QObject, QEvent
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.setCentralWidget(QLabel("hello"))
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("paint", time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
painted = Painted(); window.installEventFilter(painted)
window.show()
app.exec()
"""

DESK = """
import time, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from kiwoom_desk import app as desk_app
from kiwoom_desk.environments import Environment
launched = desk_app.launch(desk_app.parse_args(["--env", "sandbox"]))
window = launched.window
class Painted(QObject):
    done = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print("paint", time.time(), window.status.rest.text(), flush=True)
        return False
painted = Painted(); window.installEventFilter(painted)
def ready():
    ticket = window.ticket
    if ticket.stockCodeEdit.listings and window.desk is not None and not ticket.busy:
        print("interactive", time.time(), flush=True)
        poll.stop()
        window.close()
poll = QTimer(); poll.timeout.connect(ready); poll.start(2)
desk_app.run(launched, Environment.SANDBOX)
"""


def once(script: str, home: Path | None = None) -> dict[str, float]:
    environment = {**os.environ}
    if home is not None:
        environment |= {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
    started = time.time()
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=environment
    ).stdout
    marks = {}
    for line in output.splitlines():
        name, moment, *rest = line.split(maxsplit=2)
        marks[name] = float(moment) - started
        if name == "paint" and rest:
            assert "connecting" in rest[0] or "연결 중" in rest[0], f"first paint shows {rest[0]!r}, not connecting"
    return marks


def row(name: str, values: list[float], bare: list[float] | None = None) -> str:
    figures = f"{name:<34}{min(values):>7.2f}{statistics.median(values):>8.2f}{max(values):>7.2f}"
    if bare:
        figures += f"{min(values) / min(bare):>8.1f}x{statistics.median(values) / statistics.median(bare):>7.1f}x"
    return figures


def main(runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="kiwoom-desk-startup-"))
    first = once(DESK, home)  # the day's first launch: no stock-list cache, a new Sandbox account
    bare, paint, interactive = [], [], []
    for _ in range(runs):  # interleaved, so that both see the same machine
        bare.append(once(BARE)["paint"])
        marks = once(DESK, home)
        paint.append(marks["paint"])
        interactive.append(marks["interactive"])
    print(
        f"start-up, {runs} fresh processes each (platform {os.environ['QT_QPA_PLATFORM']}), seconds from process start"
    )
    print(f"{'':<34}{'min':>7}{'median':>8}{'max':>7}{'ratio to bare (min, median)':>30}")
    print(row("bare PySide6 window, first paint", bare))
    print(row("Kiwoom Desk first paint", paint, bare))
    print(row("Kiwoom Desk interactive (Sandbox)", interactive, bare))
    paint_s, interactive_s = first["paint"], first["interactive"]
    print(f"first launch of the day (no cache): first paint {paint_s:.2f} s, interactive {interactive_s:.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Kiwoom Desk start-up against a bare PySide6 window.")
    parser.add_argument("--runs", type=int, default=5)
    main(parser.parse_args().runs)
