"""The collector's policy (kiwoom_desk/collector.py): full collections skip what survived the last one, and a
closed session's cycles are still freed when it closes."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from kiwoom_desk import collector


class Node:
    """A desk-shaped cycle: it points at itself, so only the collector can free it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def short_collections() -> Iterator[None]:
    collector.keep_collections_short()
    yield
    gc.callbacks.remove(collector._freeze_survivors)
    gc.unfreeze()


@pytest.mark.usefixtures("short_collections")
def test_a_cycle_that_survived_a_full_collection_waits_for_the_session_to_close() -> None:
    node = Node()
    alive = weakref.ref(node)
    gc.collect()  # it lives through a full collection: frozen with the others
    assert gc.get_freeze_count() > 0
    del node
    gc.collect()
    assert alive() is not None  # the collector no longer walks it: the price of short collections
    collector.collect_everything()
    assert alive() is None
    assert gc.get_freeze_count() > 0  # what lives is frozen again


@pytest.mark.usefixtures("short_collections")
def test_a_young_cycle_is_freed_as_before() -> None:
    node = Node()
    alive = weakref.ref(node)
    del node
    gc.collect(0)
    assert alive() is None


def test_keeping_collections_short_twice_installs_one_callback() -> None:
    try:
        collector.keep_collections_short()
        collector.keep_collections_short()
        assert gc.callbacks.count(collector._freeze_survivors) == 1
    finally:
        gc.callbacks.remove(collector._freeze_survivors)
        gc.unfreeze()
