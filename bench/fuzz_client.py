"""The long fuzz run of issue #17: broken answers for every REST method and real-time frame type, printed per
parser as escaped exceptions, resends, invented numbers and unbounded waits (all four must be 0).

The cases are those of tests/fuzz (answers recorded from a real Sandbox, mutated every way the issue lists),
drawn from a seeded generator so that a run can be repeated.

    python bench/fuzz_client.py [--cases 10000] [--seed 17]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ lives in the checkout

from kiwoom_desk.kiwoom.events import Unreadable
from tests.fuzz.harness import METHODS, Outcome, random_frame_mutation, random_mutation, run_case, run_frame
from tests.fuzz.record import record

FAULTS = ("escaped", "resent", "invented", "unbounded")


def tally(counts: Counter[str], outcome: Outcome, examples: dict[str, str], frame: bool = False) -> None:
    """`read`: the parser gave a value (an event, for frames); `refused`: it said the answer was not usable."""
    counts["answers"] += 1
    if frame:
        read = bool(outcome.result) and not any(isinstance(event, Unreadable) for event in outcome.result)
    else:
        read = outcome.error is None and not outcome.escaped
    counts["read" if read else "refused"] += 1
    for fault in FAULTS:
        if getattr(outcome, fault):
            counts[fault] += 1
            examples.setdefault(fault, getattr(outcome, fault))


async def run(cases: int, seed: int) -> bool:
    answers, frames = await asyncio.to_thread(record)  # the recording runs its own loop
    print(f"{cases:,} broken answers per parser, seed {seed}")
    print(
        f"{'parser':<22}{'answers':>9}{'read':>7}{'refused':>9}"
        + "".join(f"{fault:>11}" for fault in FAULTS)
        + f"{'s':>7}"
    )
    clean = True
    parsers: list[tuple[str, object]] = [(method.name, method) for method in METHODS]
    parsers += [(f"real-time {kind}", kind) for kind in ("00", "04", "0B", "0D", "02")]
    for name, parser in parsers:
        rng = random.Random(f"{seed}:{name}")
        counts: Counter[str] = Counter()
        examples: dict[str, str] = {}
        started = time.perf_counter()
        for _ in range(cases):
            if isinstance(parser, str):
                outcome = await run_frame(frames[parser], random_frame_mutation(rng, frames[parser]))
            else:
                answer = answers[parser.api_id]  # type: ignore[attr-defined]
                outcome = await run_case(parser, answer, random_mutation(rng, parser, answer))  # type: ignore[arg-type]
            tally(counts, outcome, examples, frame=isinstance(parser, str))
        seconds = time.perf_counter() - started
        figures = "".join(f"{counts[fault]:>11,}" for fault in FAULTS)
        print(f"{name:<22}{counts['answers']:>9,}{counts['read']:>7,}{counts['refused']:>9,}{figures}{seconds:>7.1f}")
        for fault, example in examples.items():
            print(f"    first {fault}: {example}")
            clean = False
    print("all clean" if clean else "FAULTS FOUND")
    return clean


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Fuzz every parser of the client with broken answers.")
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=17)
    arguments = parser.parse_args()
    logging.disable(logging.CRITICAL)  # the client logs every refusal; here they are the point
    raise SystemExit(0 if asyncio.run(run(arguments.cases, arguments.seed)) else 1)
