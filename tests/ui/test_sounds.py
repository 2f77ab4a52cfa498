"""Order sounds (#12): a fill, a partial fill, a rejection and a lost connection each play their own sound, and
each can be turned off."""

from __future__ import annotations

import wave
from pathlib import Path

from PySide6.QtCore import QSettings

from kiwoom_desk.sandbox import FaultKind
from kiwoom_desk.ui.sounds import Sound, Sounds

from .conftest import Desk

SAMSUNG = "005930"


def test_the_four_sounds_are_short_distinct_wavs() -> None:
    heard = set()
    for sound in Sound:
        with wave.open(str(sound.path)) as played:
            seconds = played.getnframes() / played.getframerate()
            assert 0.05 <= seconds <= 0.6 and played.getnchannels() == 1
            heard.add(played.readframes(played.getnframes()))
    assert len(heard) == len(Sound)


def test_each_order_event_plays_its_sound_unless_turned_off(desk: Desk) -> None:
    played: list[Path] = []
    sounds = desk.window.menus.sounds
    sounds.player = played.append
    desk.until(lambda: desk.window.status.realtime.text() == "실시간: 연결됨", "real-time never connected")
    desk.fill(SAMSUNG, 70_000, 8)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.sandbox.set_price(SAMSUNG, 70_000, depth=5)  # 5 of 8 fill
    desk.until(lambda: played == [Sound.PARTIAL.path], "no partial-fill sound")
    desk.sandbox.set_price(SAMSUNG, 70_000, depth=5)  # the other 3: the order is filled
    desk.until(lambda: played == [Sound.PARTIAL.path, Sound.FILL.path], "no fill sound")
    desk.act(lambda: desk.window.menus.soundActions[Sound.FILL].setChecked(False))
    desk.fill(SAMSUNG, 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.sandbox.set_price(SAMSUNG, 70_000, depth=5)  # filled whole, with its sound off
    desk.until(lambda: desk.open_order_numbers() == [], "the order never filled")
    assert played == [Sound.PARTIAL.path, Sound.FILL.path]

    desk.sandbox.inject(FaultKind.REJECT_AFTER_ACCEPT, api_id="kt10000")
    desk.fill(SAMSUNG, 70_000, 1)
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: played[-1:] == [Sound.REJECTED.path], "no rejection sound")
    heard = len(played)
    desk.sandbox.inject(FaultKind.ERROR_CODE, api_id="kt10000", code=8030)  # refused by the server at once
    desk.fill(SAMSUNG, 70_000, 1)
    desk.act(desk.ticket.submitButton.click)
    desk.until(lambda: len(played) == heard + 1, "no sound for a refusal")
    assert played[-1] == Sound.REJECTED.path and desk.window.status.message.text().startswith("주문 거부")
    desk.sandbox.drop_websockets()
    desk.until(lambda: played[-1:] == [Sound.DISCONNECTED.path], "no sound for the lost connection")
    assert desk.window.status.message.text() == "실시간 연결이 끊겼습니다: 다시 연결하는 중..."

    again = Sounds(QSettings(desk.window.settings.fileName(), QSettings.Format.IniFormat), played.append)
    assert not again.enabled[Sound.FILL] and again.enabled[Sound.REJECTED]  # kept for the next start


def test_the_old_single_switch_off_turns_every_sound_off(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    settings.setValue("soundOnFills", False)
    assert not any(Sounds(settings, print).enabled.values())
