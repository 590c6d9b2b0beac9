"""The two engines side by side, in one run: seeding at scale 1 and the read API's five queries.

The embedded engine (FalkorDB, its bulk loader for a fresh graph) and Neo4j 5.26 Community
(the test suite's server, tests/neo4j/server.py, through the routing driver; the seeder's
Cypher upserts), each seeded by `graph-api seed` into an empty graph, then the five queries of
`bench api` on each: the raw query through the store and GraphQL in-process, interleaved round
by round as there, so each engine's ratio compares the same moments.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from bench.api import BENCH_QUERIES, CASES, InProcess, _post
from bench.harness import interleaved_medians
from bench.results import write_section
from graph_api.runtime import embedded_engine, open_runtime
from graph_api.seed.loader import Counts, counts
from graph_api.settings import Neo4jSettings, Settings
from graph_api.store import open_store
from tests.neo4j.server import Neo4jServer

WORK = Path(__file__).parent / "work"
ENGINES = {"falkordb": "embedded (FalkorDB)", "neo4j": "Neo4j 5.26 Community"}


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRAPH_API_", "NEO4J_"))}
    env |= {"GRAPH_API_DATA_DIR": str(settings.data_dir), "COLUMNS": "200"}
    if settings.neo4j is not None:
        env["NEO4J_URI"] = settings.neo4j.uri
    return env


def seed(settings: Settings) -> tuple[float, Counts]:
    """Wall time of `graph-api seed` at scale 1 into an empty graph, and what it wrote."""
    command = [sys.executable, "-m", "graph_api.cli", "seed", "--seed", "1", "--scale", "1"]
    started = time.perf_counter()
    result = subprocess.run(command, env=_env(settings), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"seeding {settings.engine} failed:\n{result.stderr}")

    engine = embedded_engine(settings) if settings.embedded else None
    if engine is not None:
        engine.start()
    try:
        found = asyncio.run(_counts(settings, engine))
    finally:
        if engine is not None:
            engine.stop()
    return seconds, found


async def _counts(settings: Settings, engine) -> Counts:
    async with open_runtime(settings, engine) as runtime:
        return await counts(runtime.store)


async def read_api(settings: Settings, rounds: int) -> dict[str, tuple[float, float]]:
    """Per query: the medians of the raw query and of GraphQL in-process, interleaved."""
    medians = {}
    store = open_store(settings, BENCH_QUERIES)
    try:
        async with open_runtime(settings) as runtime:
            direct = InProcess(runtime)
            await _post(direct, "{ __typename }")
            for case in CASES:
                found = await interleaved_medians(
                    {
                        "graphql": lambda case=case: case.graphql(direct),
                        "raw": lambda case=case: case.raw(store),
                    },
                    rounds,
                )
                medians[case.name] = (found["raw"], found["graphql"])
                print(
                    f"{settings.engine}: {case.name}: raw {found['raw']:.1f} ms, GraphQL {found['graphql']:.1f} ms"
                )
    finally:
        await store.close()
    return medians


def run(rounds: int) -> str:
    shutil.rmtree(WORK / "engines", ignore_errors=True)
    falkordb = replace(Settings(), data_dir=WORK / "engines" / "falkordb")
    server = Neo4jServer.start(WORK / "engines" / "neo4j")
    try:
        neo4j = replace(
            falkordb, data_dir=WORK / "engines" / "neo4j-api", neo4j=Neo4jSettings(server.routing_uri())
        )
        seeding = {}
        for settings in (falkordb, neo4j):
            seeding[settings.engine] = seed(settings)
            print(f"{settings.engine}: seeded in {seeding[settings.engine][0]:.1f} s")
        if seeding["falkordb"][1] != seeding["neo4j"][1]:
            raise SystemExit("the engines hold different graphs after seeding")
        reads = {}
        for settings in (falkordb, neo4j):
            engine = embedded_engine(settings) if settings.embedded else None
            if engine is not None:
                engine.start()
            try:
                reads[settings.engine] = asyncio.run(read_api(settings, rounds))
            finally:
                if engine is not None:
                    engine.stop()
    finally:
        server.stop()
        shutil.rmtree(WORK / "engines", ignore_errors=True)

    found = seeding["falkordb"][1]
    elements = sum(found.labels.values()) + sum(found.relationships.values())
    lines = [
        f"| | {ENGINES['falkordb']} | {ENGINES['neo4j']} | Neo4j / embedded |",
        "| --- | --- | --- | --- |",
        f"| `graph-api seed` at scale 1, empty graph (s) | {seeding['falkordb'][0]:.1f} "
        f"| {seeding['neo4j'][0]:.1f} | {seeding['neo4j'][0] / seeding['falkordb'][0]:.2f} |",
    ]
    for case in CASES:
        (f_raw, f_gql), (n_raw, n_gql) = reads["falkordb"][case.name], reads["neo4j"][case.name]
        lines.append(f"| {case.name}: raw query (ms) | {f_raw:.2f} | {n_raw:.2f} | {n_raw / f_raw:.2f} |")
        lines.append(
            f"| {case.name}: GraphQL in-process (ms), ratio to raw | {f_gql:.2f} ({f_gql / f_raw:.2f}) "
            f"| {n_gql:.2f} ({n_gql / n_raw:.2f}) | {n_gql / f_gql:.2f} |"
        )
    notes = (
        f"Both engines seeded by `graph-api seed --seed 1 --scale 1` into an empty graph in this run "
        f"({elements:,} nodes and relationships, the same counts per label and type on both): the "
        "embedded engine through its bulk loader, Neo4j through the seeder's batched Cypher upserts "
        "(UNWIND ... MERGE, 20,000 rows a statement), each time including the process's start and "
        "the schema. Neo4j is the test suite's server (tests/neo4j/launcher: the 5.26 harness, "
        "Community edition, 2 GiB heap, 512 MiB page cache) on the same machine, reached through the "
        "routing driver (`neo4j://`), reads as read transactions. The queries are `bench api`'s five "
        f"(bench/cypher/ holds the raw ones; the search has a Neo4j text of its own): medians of {rounds} "
        "rounds after 3 warm-up rounds, the raw query and GraphQL in-process (a functioneel "
        "beheerder's visibility, compiled reads on) measured in turns; the ratio in brackets is "
        "GraphQL against raw on the same engine, the measure `bench api` judges at 1.5x."
    )
    return "\n".join(lines) + "\n\n" + notes


def main(rounds: int) -> None:
    body = run(rounds)
    write_section("Engines side by side", f"python -m bench engines --rounds {rounds}", body)
    print(body)
