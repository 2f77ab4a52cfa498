"""Draws the order sounds into `resources/sounds` (small 16-bit mono WAVs, a few kilobytes each): a fill rings
two rising notes, a partial fill one short note, a rejection a low falling buzz, a disconnect three low pulses.
Distinct by pitch and rhythm, so that a trader knows which without looking.

    python packaging/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 16_000
FOLDER = Path(__file__).resolve().parent.parent / "resources" / "sounds"
Note = tuple[float, float, float]  # frequency (Hz, 0 = silence), seconds, how square the wave is (0 = sine)

SOUNDS: dict[str, list[Note]] = {
    "fill": [(1046.5, 0.09, 0.0), (0, 0.02, 0.0), (1568.0, 0.16, 0.0)],  # C6 then G6: done
    "partial": [(1046.5, 0.08, 0.0)],  # one short C6: some of it
    "rejected": [(311.1, 0.12, 0.6), (233.1, 0.22, 0.6)],  # a low falling buzz: no
    "disconnected": [(392.0, 0.08, 0.3), (0, 0.06, 0.0), (392.0, 0.08, 0.3), (0, 0.06, 0.0), (261.6, 0.16, 0.3)],
}


def samples(notes: list[Note]) -> list[int]:
    out: list[int] = []
    for frequency, seconds, square in notes:
        count = int(RATE * seconds)
        fade = max(1, int(RATE * 0.008))  # 8 ms in and out: no click
        for index in range(count):
            envelope = min(1.0, index / fade, (count - index) / fade)
            if frequency <= 0:
                out.append(0)
                continue
            wave_value = math.sin(2 * math.pi * frequency * index / RATE)
            shaped = (1 - square) * wave_value + square * math.copysign(1.0, wave_value)
            out.append(int(0.45 * 32767 * envelope * shaped))
    return out


def write(name: str, notes: list[Note]) -> Path:
    path = FOLDER / f"{name}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", value) for value in samples(notes)))
    return path


if __name__ == "__main__":
    FOLDER.mkdir(parents=True, exist_ok=True)
    for sound, notes in SOUNDS.items():
        print(write(sound, notes))
