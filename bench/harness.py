"""What every benchmark needs: a graph seeded at a known scale, and medians of repeated calls."""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable

from graph_api.runtime import open_runtime
from graph_api.seed.loader import generator_vingerafdruk, seed_graph
from graph_api.settings import Settings

SEED = 1
# Growth counts as linear up to 10% over the data's growth: noise stays under that, and
# n log n over ten times the data is already 20% over.
LINEAR_MARGIN = 1.1


async def ensure_seeded(settings: Settings, scale: int = 1) -> None:
    """Seed the settings' graph with seed 1 at `scale`, unless it already holds exactly that
    (from these seed files, by this generator)."""
    async with open_runtime(settings) as runtime:
        dataset = await runtime.store.read("seed/dataset_lezen")
        if (
            not dataset
            or dataset[0]["geladen"] is None
            or (dataset[0]["seed"], dataset[0]["scale"]) != (SEED, scale)
            or dataset[0]["generator"] != generator_vingerafdruk(settings.seeds_dir)
        ):
            print(f"seeding scale {scale} ...", flush=True)
            await seed_graph(runtime.store, settings.seeds_dir, seed=SEED, scale=scale, replace=True)


async def median_ms(call: Callable[[], Awaitable[object]], rounds: int, *, warmup: int = 3) -> float:
    for _ in range(warmup):
        await call()
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


async def interleaved_medians(
    calls: dict[str, Callable[[], Awaitable[object]]], rounds: int, *, warmup: int = 3
) -> dict[str, float]:
    """Medians of calls measured round by round, in turns: a ratio of two of them compares the
    same moments of a machine whose speed drifts, not one minute against the next."""
    names = list(calls)
    for _ in range(warmup):
        for name in names:
            await calls[name]()
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            started = time.perf_counter()
            await calls[name]()
            samples[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}
