"""Python's garbage collector, kept from stalling the event loop.

A full collection walks every tracked object: with a busy account (10,000 orders and the day's fills) that
stalled the loop for 35-50 ms, once or twice a minute, exactly when the market is busiest (bench/realtime_ui.py).
So once connected, what exists is frozen (the collector stops walking it), and after each full collection its
survivors are frozen too: the next one walks only what came since.

The price: a cycle among frozen objects that later becomes garbage stays until everything is unfrozen and
collected. A closed session is such a cycle (the desk and its real-time session point at each other), so closing
one collects everything once (`collect_everything`): the switch of environment, the Sandbox reset.
"""

from __future__ import annotations

import gc
from typing import Any


def _freeze_survivors(phase: str, info: dict[str, Any]) -> None:
    if phase == "stop" and info.get("generation") == 2:
        gc.freeze()


def keep_collections_short() -> None:
    """Once connected: collect, freeze what lives, and freeze each full collection's survivors from now on."""
    gc.collect()
    gc.freeze()
    if _freeze_survivors not in gc.callbacks:
        gc.callbacks.append(_freeze_survivors)


def collect_everything() -> None:
    """A session closed: everything is walked once more, so its cycles are freed (the survivors are frozen again
    when the app keeps collections short)."""
    gc.unfreeze()
    gc.collect()
