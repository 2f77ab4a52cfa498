"""The Windows program's build, repeated on Linux: the same spec, frozen, must pass its own --self-check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_frozen_app_passes_its_self_check_with_a_sandbox_round_trip(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "packaging" / "kiwoom_desk.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    folder = tmp_path / "dist" / "KiwoomDesk"
    program = folder / ("KiwoomDesk.exe" if sys.platform == "win32" else "KiwoomDesk")
    assert program.is_file()
    internal = folder / "_internal"
    assert (internal / "kiwoom_desk" / "_assets" / "translations" / "kiwoom_desk_ko.qm").is_file()
    assert (internal / "kiwoom_desk" / "sandbox" / "data" / "stocks.csv").is_file()
    assert not list(internal.rglob("*Qt6Qml*")) and not (internal / "mypy").exists()  # left out on purpose
    assert not list(internal.rglob("*Qt6Network*")) and not list(internal.rglob("*gtk*"))  # and what only they used

    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")}
    check = subprocess.run([str(program), "--self-check"], capture_output=True, text=True, env=environment, timeout=180)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "offscreen" in check.stdout and "CA certificates loaded" in check.stdout
    assert "Korean catalogue (Buy order = 매수 주문)" in check.stdout
    assert "placed and cancelled" in check.stdout
    assert check.stdout.strip().endswith("self-check passed")
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    assert size <= 120_000_000, f"the frozen folder weighs {size / 1e6:.0f} MB (#11: at most 120 MB)"
    icu_data = [path for path in internal.rglob("libicudata.so.*") if not path.is_symlink()]
    assert icu_data and all(path.stat().st_size < 8 * 2**20 for path in icu_data)  # trimmed (packaging/icu.py)


def test_the_windows_workflow_is_a_valid_github_workflow() -> None:
    workflow = ROOT / ".github" / "workflows" / "windows.yml"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
