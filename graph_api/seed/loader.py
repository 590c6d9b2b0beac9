"""`graph-api seed`: load the reference data and a generated landscape, idempotently.

An empty graph on FalkorDB is written in one pass of the engine's bulk loader (seed/bulk.py),
whose cost grows linearly with the graph. Otherwise (a graph seeded before, or Neo4j) every
seed query upserts by id (MERGE), so a second run with the same seed and scale leaves the
same graph. A graph seeded with other settings, or holding data that no seed run wrote, is
refused unless `replace` clears it first; so is one seeded from other seed files or by another
version of the generator (`generator_vingerafdruk`), whose rows would mix with these. Upserts go
in batches through UNWIND; the next step's rows are generated in a thread while the current ones
are written.
"""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from graph_api.errors import SeedRefused
from graph_api.model import describe
from graph_api.seed import bulk, prevalentie, reference, settings
from graph_api.seed import generator as generator_module
from graph_api.seed.bulk import BulkFiles
from graph_api.seed.generator import LandscapeGenerator, Step
from graph_api.seed.reference import load_reference
from graph_api.seed.settings import LandscapeSettings
from graph_api.store import Store
from graph_api.toegang import BEHEER

BATCH_SIZE = 20_000  # bigger batches measured faster at every scale (bench/RESULTS.md)

ProgressCallback = Callable[[str, int, int], None]  # stage, landscapes done, landscapes total


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


def generator_vingerafdruk(seeds_dir: Path) -> str:
    """A digest of everything a landscape is generated from besides seed and scale: the seed
    files and the generator's code. The same seed and scale give another landscape when it
    differs, so a graph seeded under another one is not seeded again without --replace."""
    digest = hashlib.sha256()
    bestanden = sorted(p for p in seeds_dir.rglob("*") if p.is_file() and p.suffix in {".csv", ".toml"})
    code = [Path(m.__file__ or "") for m in (generator_module, prevalentie, reference, settings, bulk)]
    for pad in [*bestanden, *code]:
        naam = pad.relative_to(seeds_dir) if pad.is_relative_to(seeds_dir) else Path(pad.name)
        digest.update(str(naam).encode() + b"\0" + pad.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


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
    bulk: bool = True,
) -> SeedReport:
    """Seed the graph; `landscapes` limits usage and koppelingen to those CBS codes.

    An empty graph goes through the engine's bulk loader where it has one (`bulk`); a graph
    seeded before, and Neo4j, through the Cypher upserts.
    """
    if scale < 1:
        raise SeedRefused("scale must be at least 1")
    reference = load_reference(seeds_dir)
    unknown = (landscapes or frozenset()) - {g.cbs_code for g in reference.gemeenten}
    if unknown:
        raise SeedRefused(f"no gemeente with CBS code {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    if replace:
        await store.drop_all()
        fresh = True
    else:
        fresh = await _check_reseed(store, seed, scale, generator_vingerafdruk(seeds_dir))
    generator = LandscapeGenerator(
        reference,
        LandscapeSettings.load(seeds_dir / "landscape.toml"),
        seed=seed,
        scale=scale,
        landscapes=landscapes,
    )
    run = _Run(store, generator.steps(), seed, scale, generator_vingerafdruk(seeds_dir), progress, batch_size)
    rows = await (run.by_bulk_loader() if fresh and bulk and store.supports_bulk_insert else run.by_upserts())
    return SeedReport(seed, scale, time.perf_counter() - started, rows, await counts(store))


@dataclass
class _Run:
    store: Store
    steps: list[Step]
    seed: int
    scale: int
    generator: str
    progress: ProgressCallback | None
    batch_size: int

    def __post_init__(self) -> None:
        self.total = sum(step.gemeenten for step in self.steps)

    def _dataset(self) -> dict:
        return {"seed": self.seed, "scale": self.scale, "generator": self.generator}

    def _report(self, stage: str, done: int) -> None:
        if self.progress:
            self.progress(stage, done, self.total)

    async def _finish(self) -> None:
        geladen = datetime.now(UTC).isoformat(timespec="seconds")
        await self.store.write("seed/dataset", {"seed": self.seed, "scale": self.scale, "geladen": geladen})

    async def _write(self, query: str, rows: list[dict]) -> None:
        for start in range(0, len(rows), self.batch_size):
            await self.store.write(query, {"rows": rows[start : start + self.batch_size]})

    async def by_upserts(self) -> int:
        """Every step's rows through the Cypher upserts, the next step generated meanwhile."""
        store, steps = self.store, self.steps
        await store.install_schema(describe())
        await store.write("seed/dataset_begin", self._dataset())
        done = rows = 0
        async with store.bulk_load():
            pending = asyncio.create_task(_produce(steps[0]))
            try:
                for index, step in enumerate(steps):
                    batches = await pending
                    if index + 1 < len(steps):
                        pending = asyncio.create_task(_produce(steps[index + 1]))
                    for batch in batches:
                        await self._write(batch.query, batch.rows)
                        rows += len(batch.rows)
                    done += step.gemeenten
                    self._report(step.stage, done)
            finally:
                pending.cancel()
            await self._finish()
        return rows

    async def by_bulk_loader(self) -> int:
        """An empty graph in one pass of the bulk loader, then the schema and derived properties."""
        store = self.store
        # An empty graph may still exist (its indexes); the loader only creates new ones.
        await store.drop_all()
        done = rows = 0
        with tempfile.TemporaryDirectory(prefix="graph-api-seed-") as directory:
            files = BulkFiles(Path(directory))

            def spool(step: Step) -> int:
                batches = step.produce()
                for batch in batches:
                    files.add(batch.query, batch.rows)
                return sum(len(batch.rows) for batch in batches)

            for step in self.steps:
                rows += await asyncio.to_thread(spool, step)
                done += step.gemeenten
                self._report(step.stage, done)
            self._report("bulk load", done)
            nodes, edges = await asyncio.to_thread(files.write)
            async with store.bulk_load():
                try:
                    await store.bulk_insert(nodes, edges)
                except BaseException:
                    await store.drop_all()  # nothing half-loaded: the next run starts afresh
                    raise
                await store.write("seed/dataset_begin", self._dataset())
                self._report("indexes and derived properties", done)
                await store.install_schema(describe())
                for query, deferred in files.deferred.items():
                    await self._write(query, deferred)
                await self._finish()
        return rows


async def _produce(step: Step) -> list:
    return await asyncio.to_thread(step.produce)


async def _check_reseed(store: Store, seed: int, scale: int, generator: str) -> bool:
    """Whether the graph is empty; refuses one that another run or something else filled."""
    previous = await store.read("seed/dataset_lezen")
    if previous:
        earlier = previous[0]
        if (earlier["seed"], earlier["scale"]) != (seed, scale):
            raise SeedRefused(
                f"the graph was seeded with --seed {earlier['seed']} --scale {earlier['scale']}; "
                "seeding it with other settings would mix two landscapes (use --replace)"
            )
        if earlier["generator"] != generator:
            raise SeedRefused(
                "the graph was seeded from other seed files or by another version of the "
                "generator; seeding it again would mix two landscapes (use --replace)"
            )
        return False
    if (await store.read("stats/leeg"))[0]["gevuld"]:
        raise SeedRefused(
            "the graph holds data that no seed run wrote; refusing to mix a generated "
            "landscape into it (use --replace to clear it first)"
        )
    return True
