"""The installed commands answer --version; `python -m kiwoom_desk` is the same program as `kiwoom-desk`."""

import subprocess
import sys
from pathlib import Path

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


def test_log_lines_carry_kst_times_like_the_window(tmp_path: Path) -> None:
    import logging

    from kiwoom_desk.app import setup_logging

    path = setup_logging(tmp_path)
    handler = logging.getLogger().handlers[-1]
    try:
        record = logging.LogRecord("kiwoom_desk", logging.INFO, __file__, 1, "hello", None, None)
        record.created = 0.0  # 1970-01-01 00:00 UTC is 09:00 in Seoul
        record.msecs = 0.0
        assert handler.format(record).startswith("1970-01-01 09:00:00,000 KST INFO kiwoom_desk: hello")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert path.parent == tmp_path
