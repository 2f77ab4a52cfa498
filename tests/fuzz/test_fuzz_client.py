"""Garbage in, nothing lost: every REST method and real-time frame type against broken answers (issue #17).

A short profile runs here; `bench/fuzz_client.py` runs the long one (10,000 answers per parser or more)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .harness import METHODS, Method, random_frame_mutation, random_mutation, run_case, run_frame
from .record import Recorded, record

EXAMPLES = 60  # per parser; the bench runs thousands


@pytest.fixture(scope="module")
def recorded() -> tuple[dict[str, Recorded], dict[str, dict[str, Any]]]:
    return record()


@pytest.mark.parametrize("method", METHODS, ids=[method.name for method in METHODS])
def test_a_broken_answer_never_escapes_resends_invents_or_waits_unbounded(
    method: Method, recorded: tuple[dict[str, Recorded], dict[str, dict[str, Any]]]
) -> None:
    import asyncio

    answers, _frames = recorded

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.randoms(use_true_random=False))
    def check(rng: random.Random) -> None:
        mutation = random_mutation(rng, method, answers[method.api_id])
        outcome = asyncio.run(run_case(method, answers[method.api_id], mutation))
        assert outcome.clean, (mutation.describe(), outcome)

    check()


@pytest.mark.parametrize("kind", ["00", "04", "0B", "0D"])
def test_a_broken_frame_never_ends_the_session_nor_invents_a_number(
    kind: str, recorded: tuple[dict[str, Recorded], dict[str, dict[str, Any]]]
) -> None:
    import asyncio

    _answers, frames = recorded

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.randoms(use_true_random=False))
    def check(rng: random.Random) -> None:
        mutation = random_frame_mutation(rng, frames[kind])
        outcome = asyncio.run(run_frame(frames[kind], mutation))
        assert outcome.clean, (mutation.describe(), outcome)

    check()
