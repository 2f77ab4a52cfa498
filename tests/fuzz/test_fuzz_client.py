"""Garbage in, nothing lost: every REST method and real-time frame type against broken answers (issue #17).

A short profile runs here; `bench/fuzz_client.py` runs the long one (10,000 answers per parser or more)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .harness import METHODS, Method, Outcome, random_frame_mutation, random_mutation, run_case, run_frame
from .record import Recorded, record

EXAMPLES = 60  # per parser; the bench runs thousands
Recording = tuple[dict[str, Recorded], dict[str, dict[str, Any]]]


@pytest.fixture(scope="module")
def recorded() -> Recording:
    return record()


def holds_for_random_cases(case: Callable[[random.Random], tuple[str, Outcome]]) -> None:
    """Runs `case` on Hypothesis-drawn randomness; every outcome must be clean (the message says which case)."""

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.randoms(use_true_random=False))
    def check(rng: random.Random) -> None:
        description, outcome = case(rng)
        assert outcome.clean, (description, outcome)

    check()


@pytest.mark.parametrize("method", METHODS, ids=[method.name for method in METHODS])
def test_a_broken_answer_never_escapes_resends_invents_or_waits_unbounded(method: Method, recorded: Recording) -> None:
    answer = recorded[0][method.api_id]

    def case(rng: random.Random) -> tuple[str, Outcome]:
        mutation = random_mutation(rng, method, answer)
        return mutation.describe(), asyncio.run(run_case(method, answer, mutation))

    holds_for_random_cases(case)


@pytest.mark.parametrize("kind", ["00", "04", "0B", "0D", "02"])
def test_a_broken_frame_never_ends_the_session_nor_invents_a_number(kind: str, recorded: Recording) -> None:
    entry = recorded[1][kind]

    def case(rng: random.Random) -> tuple[str, Outcome]:
        mutation = random_frame_mutation(rng, entry)
        return mutation.describe(), asyncio.run(run_frame(entry, mutation))

    holds_for_random_cases(case)
