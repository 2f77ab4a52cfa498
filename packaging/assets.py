"""Builds what ships from the source assets in `resources/`: the `.ts` catalogues compiled to `.qm` with Qt's
lrelease, the icons, the style sheet and the sounds copied as they are. Used by the wheel build (setup.py), by editable
installs (into `kiwoom_desk/_assets`, which git ignores) and by the PyInstaller spec.

    python packaging/assets.py            ->  rebuilds kiwoom_desk/_assets after editing a .ts or the style sheet
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources"
PACKAGE_ASSETS = ROOT / "kiwoom_desk" / "_assets"
SHIPPED = {  # resources/<folder>: the files that the running app loads; installer images stay behind
    "icons": ("kiwoom-desk.png", "kiwoom-desk.svg", "kiwoom-desk.ico"),
    "styles": ("desk.qss",),
    "sounds": ("fill.wav", "partial.wav", "rejected.wav", "disconnected.wav"),
}


def lrelease() -> Path:
    """Qt's catalogue compiler, shipped inside PySide6 (a build requirement)."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease.exe", "lrelease"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"lrelease is not in {folder}: is PySide6-Essentials installed?")


def build(target: Path) -> list[Path]:
    """Writes the shipped assets under `target` (its own folder, replaced whole) and returns the files."""
    if target.exists():
        shutil.rmtree(target)
    written = []
    translations = target / "translations"
    translations.mkdir(parents=True)
    for source in sorted((SOURCES / "translations").glob("*.ts")):
        compiled = translations / source.with_suffix(".qm").name
        subprocess.run([str(lrelease()), "-silent", str(source), "-qm", str(compiled)], check=True)
        written.append(compiled)
    for folder, names in SHIPPED.items():
        (target / folder).mkdir()
        for name in names:
            written.append(Path(shutil.copy2(SOURCES / folder / name, target / folder / name)))
    return written


if __name__ == "__main__":
    files = build(PACKAGE_ASSETS)
    print(f"built {len(files)} files into {PACKAGE_ASSETS.relative_to(ROOT)}", file=sys.stderr)
