"""The installed app's commands, run as a trader would run them."""

from __future__ import annotations

import os
import subprocess
import sys


def test_self_check_reports_and_does_a_sandbox_round_trip() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "kiwoom_desk", "--self-check"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = {line.split()[0] if line.strip() else "": line for line in result.stdout.splitlines()}
    assert "offscreen" in lines["Qt"]
    assert "Keyring backend" in result.stdout and "Data folder" in result.stdout and "Log folder" in result.stdout
    assert "placed and cancelled" in lines["Sandbox"]
    assert result.stdout.strip().endswith("self-check passed")
