"""What a wheel ships: built from the repository the way pip builds it, installed into a fresh virtual environment,
it must find its icon, its Korean catalogue and its style sheet without the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNBUILT = (
    ".git",
    ".venv",
    ".build-venv",
    "build",
    "dist",
    "_assets",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    "screenshots",
)


@pytest.mark.slow
def test_an_installed_wheel_loads_its_icon_and_korean_catalogue(tmp_path: Path) -> None:
    # A copy of the sources without anything built (no build/ folder to reuse, no _assets of an editable install),
    # made into a source distribution and the wheel built from that, as an installer from PyPI would: so a file the
    # build needs and MANIFEST.in forgets fails here. The builds run in this environment (it has PySide6's lrelease
    # and setuptools) rather than an isolated one, so that the test needs no download.
    sources = tmp_path / "sources"
    shutil.copytree(ROOT, sources, ignore=shutil.ignore_patterns(*UNBUILT))
    build = [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(tmp_path), str(sources)]
    subprocess.run(build, check=True, capture_output=True, cwd=tmp_path)
    (sdist,) = tmp_path.glob("kiwoom_desk-*.tar.gz")
    wheel_build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)]
    subprocess.run([*wheel_build, str(sdist)], check=True, capture_output=True, cwd=tmp_path)
    (wheel,) = tmp_path.glob("kiwoom_desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kiwoom_desk/_assets/translations/kiwoom_desk_ko.qm" in names
    assert not any(name.endswith(".ts") or name.startswith("resources/") for name in names)  # sources stay home

    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    python = fresh / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    # The dependencies come from this environment's site-packages, appended after the fresh one's: the package
    # itself can only come from the wheel (this environment's editable install is not a path entry).
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    dependencies = next(path for path in sys.path if path.endswith("site-packages") and Path(path, "PySide6").is_dir())
    Path(purelib, "test-dependencies.pth").write_text(dependencies + "\n", encoding="utf-8")

    check = subprocess.run(
        [
            str(python),
            "-I",
            "-c",
            "import kiwoom_desk, sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]);"
            " from kiwoom_desk.app import check_assets; print(kiwoom_desk.__file__); print(check_assets())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert check.returncode == 0, check.stderr[-2000:]
    location, loaded = check.stdout.strip().splitlines()
    assert Path(location).is_relative_to(fresh)
    assert "Korean catalogue (Buy order = 매수 주문)" in loaded
