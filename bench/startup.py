"""Time to a shown, interactive Kiwoom Desk window against a bare PySide6 window, side by side in one run.

"Interactive" for Kiwoom Desk means what a trader waits for: the window shown, connected to the embedded
Sandbox, the stock list loaded and the ticket ready to take an order. Each figure is a fresh process (imports
included), measured from process start to that moment; the best and the median of the runs are printed.

    QT_QPA_PLATFORM=offscreen python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
from PySide6.QtCore import QTimer
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.setCentralWidget(QLabel("hello")); window.show()
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
app.exec()
"""

DESK = """
import asyncio, sys, tempfile, time
from pathlib import Path
import qasync
from PySide6.QtWidgets import QApplication
from kiwoom_desk.environments import Environment
from kiwoom_desk.sandbox import SandboxExchange
sys.path.insert(0, REPO_ROOT)  # tests/ lives in the checkout
from tests.window_support import complete, open_window, run_until
app = QApplication(sys.argv[:1])
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)
folder = Path(tempfile.mkdtemp())
sandbox = SandboxExchange(folder / "sandbox", seed=1, tick_interval=None).start()
window = open_window(folder, sandbox)
window.show()
complete(loop, window.start(Environment.SANDBOX))
ready = lambda: window.ticket.stockCodeEdit.listings and window.status.rest.text().endswith("연결됨")
run_until(loop, ready, "not ready")
print(time.time())
complete(loop, window.shutdown())
sandbox.stop()
"""


def once(script: str) -> float:
    script = script.replace("REPO_ROOT", repr(str(Path(__file__).resolve().parents[1])))
    started = time.time()
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return float(output.strip().splitlines()[-1]) - started


def main(runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    bare, desk = [], []
    for _ in range(runs):  # interleaved, so that both see the same machine
        bare.append(once(BARE))
        desk.append(once(DESK))
    print(
        f"time to a shown, interactive window, {runs} fresh processes each (platform {os.environ['QT_QPA_PLATFORM']})"
    )
    print(f"{'':<28}{'best s':>8}{'median s':>10}")
    print(f"{'bare PySide6 window':<28}{min(bare):>8.2f}{statistics.median(bare):>10.2f}")
    print(f"{'Kiwoom Desk, Sandbox ready':<28}{min(desk):>8.2f}{statistics.median(desk):>10.2f}")
    print(f"{'ratio':<28}{min(desk) / min(bare):>8.2f}{statistics.median(desk) / statistics.median(bare):>10.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Kiwoom Desk start-up against a bare PySide6 window.")
    parser.add_argument("--runs", type=int, default=5)
    main(parser.parse_args().runs)
