"""The installed commands answer --version; `python -m kiwoom_desk` is the same program as `kiwoom-desk`."""

import subprocess
import sys

from kiwoom_desk import __version__


def test_python_m_kiwoom_desk_reports_its_version() -> None:
    result = subprocess.run([sys.executable, "-m", "kiwoom_desk", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"kiwoom-desk {__version__}"


def test_the_sandbox_command_reports_its_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiwoom_desk.sandbox.cli", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"kiwoom-desk-sandbox {__version__}"
