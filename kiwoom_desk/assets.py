"""Where the built assets are at run time: `kiwoom_desk/_assets`, written by the build from `resources/`
(see packaging/assets.py) into the wheel, an editable install's source folder or the frozen app alike."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)
ASSETS = Path(__file__).resolve().parent / "_assets"
TRANSLATIONS = ASSETS / "translations"
ICON = ASSETS / "icons" / "kiwoom-desk.png"
STYLE_SHEET = ASSETS / "styles" / "desk.qss"
SOUNDS = ASSETS / "sounds"  # <name>.wav: fill, partial, rejected, disconnected
MISSING_HINT = "the package was not built: reinstall it (pip install -e .) or run python packaging/assets.py"


def style_sheet_template() -> str:
    """The style sheet with its $colour names, or nothing (Qt's plain look) if the build did not run."""
    try:
        return STYLE_SHEET.read_text(encoding="utf-8")
    except OSError as error:
        log.warning("no style sheet (%s): %s", error, MISSING_HINT)
        return ""
