"""`graph-api seed`: load the reference data and a generated landscape, idempotently.

Every seed query upserts by id (MERGE), so a second run with the same seed and scale leaves
the same graph. A graph seeded with other settings, or holding data that no seed run wrote,
is refused unless `replace` clears it first. Rows go in batches through UNWIND; the next
step's rows are generated in a thread while the current ones are written.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from graph_api.model import describe
from graph_api.seed.generator import LandscapeGenerator, Step
from graph_api.seed.reference import load_reference
from graph_api.seed.settings import LandscapeSettings
from graph_api.store import Store, StoreError
from graph_api.toegang import BEHEER

BATCH_SIZE = 20_000  # bigger batches measured faster at every scale (bench/RESULTS.md)

ProgressCallback = Callable[[str, int, int], None]  # stage, landscapes done, landscapes total


class SeedRefused(StoreError):
    code = "SEED_REFUSED"


@dataclass(frozen=True)
class Counts:
    labels: dict[str, int]
    relationships: dict[str, int]


@dataclass(frozen=True)
class SeedReport:
    seed: int
    scale: int
    seconds: float
    rows: int
    counts: Counts


async def counts(store: Store) -> Counts:
    labels = await store.read("stats/labels", BEHEER.params(), timeout_ms=store.write_timeout_ms)
    types = await store.read("stats/relatietypes", timeout_ms=store.write_timeout_ms)
    return Counts(
        labels={row["label"]: row["aantal"] for row in labels},
        relationships={row["type"]: row["aantal"] for row in types},
    )


async def seed_graph(
    store: Store,
    seeds_dir: Path,
    *,
    seed: int = 1,
    scale: int = 1,
    replace: bool = False,
    landscapes: frozenset[str] | None = None,
    progress: ProgressCallback | None = None,
    batch_size: int = BATCH_SIZE,
) -> SeedReport:
    """Seed the graph; `landscapes` limits usage and koppelingen to those CBS codes."""
    if scale < 1:
        raise SeedRefused("scale must be at least 1")
    reference = load_reference(seeds_dir)
    unknown = (landscapes or frozenset()) - {g.cbs_code for g in reference.gemeenten}
    if unknown:
        raise SeedRefused(f"no gemeente with CBS code {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    if replace:
        await store.drop_all()
    else:
        await _check_reseed(store, seed, scale)
    await store.install_schema(describe())
    await store.write("seed/dataset_begin", {"seed": seed, "scale": scale})

    generator = LandscapeGenerator(
        reference,
        LandscapeSettings.load(seeds_dir / "landscape.toml"),
        seed=seed,
        scale=scale,
        landscapes=landscapes,
    )
    steps = generator.steps()
    total = sum(step.gemeenten for step in steps)
    done = rows = 0
    async with store.bulk_load():
        pending = asyncio.create_task(_produce(steps[0]))
        try:
            for index, step in enumerate(steps):
                batches = await pending
                if index + 1 < len(steps):
                    pending = asyncio.create_task(_produce(steps[index + 1]))
                for batch in batches:
                    for start in range(0, len(batch.rows), batch_size):
                        chunk = batch.rows[start : start + batch_size]
                        await store.write(batch.query, {"rows": chunk})
                        rows += len(chunk)
                done += step.gemeenten
                if progress:
                    progress(step.stage, done, total)
        finally:
            pending.cancel()
        await store.write(
            "seed/dataset",
            {"seed": seed, "scale": scale, "geladen": datetime.now(UTC).isoformat(timespec="seconds")},
        )
    return SeedReport(seed, scale, time.perf_counter() - started, rows, await counts(store))


async def _produce(step: Step) -> list:
    return await asyncio.to_thread(step.produce)


async def _check_reseed(store: Store, seed: int, scale: int) -> None:
    previous = await store.read("seed/dataset_lezen")
    if previous:
        earlier = previous[0]
        if (earlier["seed"], earlier["scale"]) != (seed, scale):
            raise SeedRefused(
                f"the graph was seeded with --seed {earlier['seed']} --scale {earlier['scale']}; "
                "seeding it with other settings would mix two landscapes (use --replace)"
            )
        return
    if (await store.read("stats/leeg"))[0]["gevuld"]:
        raise SeedRefused(
            "the graph holds data that no seed run wrote; refusing to mix a generated "
            "landscape into it (use --replace to clear it first)"
        )
