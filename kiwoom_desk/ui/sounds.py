"""Order sounds: a fill, a partial fill, a rejection and a lost real-time connection each sound different, and
each can be turned off in Settings › Sounds (kept in QSettings).

On Windows the WAVs play through the standard library's `winsound`, asynchronously (the call returns at once):
distinct sounds at no cost to the package. QtMultimedia's QSoundEffect would need PySide6-Addons (a 168 MB wheel;
about 2.5 MB more in the installed program without its FFmpeg plugin) for the same four sounds. Elsewhere, where
nothing in the standard library plays a file, the system beep stands in for all four.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ..assets import SOUNDS

log = logging.getLogger(__name__)


class Sound(StrEnum):
    FILL = "fill"
    PARTIAL = "partial"
    REJECTED = "rejected"
    DISCONNECTED = "disconnected"

    @property
    def path(self) -> Path:
        return SOUNDS / f"{self.value}.wav"


def system_player() -> Callable[[Path], None]:
    """What plays a WAV here without blocking the event loop."""
    if sys.platform == "win32":
        import winsound

        flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT

        def play(path: Path) -> None:
            try:
                winsound.PlaySound(str(path), flags)
            except RuntimeError as error:  # no sound device: the beep is better than nothing
                log.info("sound %s did not play: %s", path.name, error)
                QApplication.beep()

        return play
    return lambda _path: QApplication.beep()


class Sounds:
    OLD_SWITCH = "soundOnFills"  # the single switch of earlier versions: off turns all four off

    def __init__(self, settings: QSettings, player: Callable[[Path], None] | None = None) -> None:
        self.settings = settings
        self.player = player or system_player()
        everything = bool(settings.value(self.OLD_SWITCH, True, type=bool))
        self.enabled = {sound: bool(settings.value(f"sounds/{sound.value}", everything, type=bool)) for sound in Sound}

    def set_enabled(self, sound: Sound, on: bool) -> None:
        self.enabled[sound] = on
        self.settings.setValue(f"sounds/{sound.value}", on)

    def play(self, sound: Sound) -> None:
        if self.enabled[sound]:
            self.player(sound.path)
