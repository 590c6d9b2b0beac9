"""The engine alone: does the cost of writing a row grow with the graph it is written into?

Seeding at scale 10 takes more time per element than at scale 1 (section "Seeding"). This
benchmark takes graph_api out of the question: straight against an embedded engine, without
the store, the generator or the model, it writes rows shaped like the seeder's in fixed-size
batches and times each batch. Every step adds Gebruik rows linked to a fixed set of
applications, koppelingen between that step's Gebruik, and koppelingen to a few national
facilities, each batch the same size, so a per-row cost that rises from step to step can only
come from the size of the graph. It runs once with MERGE (what the seeder writes, so that
seeding twice changes nothing) and once with CREATE (no existence checks at all).
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from falkordb import FalkorDB

from bench.results import write_section
from graph_api.engine.embedded import EmbeddedEngine

GEBRUIK_PER_STEP = 20_000
KOPPELINGEN_PER_STEP = 10_000
VOORZIENING_KOPPELINGEN_PER_STEP = 5_000
APPLICATIES = 3_500
VOORZIENINGEN = 30

SCHEMA = [
    "CREATE INDEX FOR (n:Applicatie) ON (n.id)",
    "CREATE INDEX FOR (n:Gebruik) ON (n.id)",
    "CREATE INDEX FOR (n:Koppeling) ON (n.id)",
    "CREATE INDEX FOR (n:Voorziening) ON (n.id)",
    f"UNWIND range(0, {APPLICATIES - 1}) AS i CREATE (:Applicatie {{id: 'a' + toString(i)}})",
    f"UNWIND range(0, {VOORZIENINGEN - 1}) AS i CREATE (:Voorziening {{id: 'v' + toString(i)}})",
]


def _queries(write: str) -> dict[str, str]:
    """The three row shapes, relationships written with `write` (MERGE or CREATE)."""
    koppeling = (
        "UNWIND $rows AS row MATCH (van:Gebruik {id: row.van}) MATCH (naar:{end} {id: row.naar}) "
        "MERGE (k:Koppeling {id: row.id}) SET k.type = row.type "
        f"{write} (k)-[:VAN]->(van) {write} (k)-[:NAAR]->(naar) {write} (van)-[:KOPPELT]->(naar)"
    )
    return {
        "gebruik": "UNWIND $rows AS row MATCH (a:Applicatie {id: row.applicatie}) "
        f"MERGE (g:Gebruik {{id: row.id}}) SET g.status = row.status {write} (g)-[:VAN]->(a)",
        "koppelingen": koppeling.replace("{end}", "Gebruik"),
        "koppelingen_voorziening": koppeling.replace("{end}", "Voorziening"),
    }


def _steps(count: int) -> Iterator[dict[str, list[dict]]]:
    rng = random.Random(1)
    koppeling = 0
    for step in range(count):
        first = step * GEBRUIK_PER_STEP

        def gebruik(first: int = first) -> str:
            return f"g{first + rng.randrange(GEBRUIK_PER_STEP)}"

        # Market leaders and a long tail of applications, as in the generated landscapes.
        leaders = [min(APPLICATIES - 1, int(rng.paretovariate(1.2))) for _ in range(GEBRUIK_PER_STEP)]
        rows: dict[str, list[dict]] = {
            "gebruik": [
                {"id": f"g{first + i}", "applicatie": f"a{app}", "status": "IN_GEBRUIK"}
                for i, app in enumerate(leaders)
            ],
            "koppelingen": [],
            "koppelingen_voorziening": [],
        }
        for _ in range(KOPPELINGEN_PER_STEP):
            rows["koppelingen"].append(
                {"id": f"k{koppeling}", "van": gebruik(), "naar": gebruik(), "type": "API"}
            )
            koppeling += 1
        for _ in range(VOORZIENING_KOPPELINGEN_PER_STEP):
            naar = f"v{rng.randrange(VOORZIENINGEN)}"
            rows["koppelingen_voorziening"].append(
                {"id": f"k{koppeling}", "van": gebruik(), "naar": naar, "type": "API"}
            )
            koppeling += 1
        yield rows


def measure(write: str, steps: int) -> dict[str, list[float]]:
    """Per query, the cost per row (µs) of each step's batch."""
    data_dir = Path(tempfile.mkdtemp(prefix="engine-growth-"))
    engine = EmbeddedEngine(data_dir, start_timeout_s=60)
    engine.start()
    costs: dict[str, list[float]] = {}
    try:
        # redis-py 8 waits 5 s for a reply unless told: a grown graph's statements take longer.
        graph = FalkorDB(unix_socket_path=str(engine.socket_path), socket_timeout=600).select_graph("groei")
        for statement in SCHEMA:
            graph.query(statement)
        queries = _queries(write)
        for step, rows in enumerate(_steps(steps)):
            for name, batch in rows.items():
                started = time.perf_counter()
                graph.query(queries[name], {"rows": batch})
                costs.setdefault(name, []).append((time.perf_counter() - started) / len(batch) * 1e6)
            if step % 10 == 9:
                print(f"  {write} step {step + 1}/{steps}", flush=True)
    finally:
        engine.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    return costs


def _tenth(values: list[float], last: bool) -> float:
    size = max(1, len(values) // 10)
    part = values[-size:] if last else values[:size]
    return sum(part) / len(part)


def main(steps: int) -> None:
    lines = [
        "| relationships written with | query | first tenth (µs/row) | last tenth (µs/row) | growth |",
        "| --- | --- | --- | --- | --- |",
    ]
    for write in ("MERGE", "CREATE"):
        for name, values in measure(write, steps).items():
            first, last = _tenth(values, last=False), _tenth(values, last=True)
            lines.append(f"| {write} | {name} | {first:.1f} | {last:.1f} | {last / first:.2f}x |")
    nodes = steps * (GEBRUIK_PER_STEP + KOPPELINGEN_PER_STEP + VOORZIENING_KOPPELINGEN_PER_STEP)
    body = "\n".join(lines) + (
        f"\n\n{steps} steps of equal batches ({GEBRUIK_PER_STEP:,} Gebruik, {KOPPELINGEN_PER_STEP:,} "
        f"koppelingen, {VOORZIENING_KOPPELINGEN_PER_STEP:,} koppelingen to {VOORZIENINGEN} facilities) into one "
        f"graph that ends with {nodes:,} nodes, straight against the embedded engine (no graph_api "
        "code in the loop). Each row's work is the same at every step; a growth above 1x is the "
        "engine's cost per written row rising with the size of the graph."
    )
    write_section("Engine write growth", f"python -m bench engine-growth --steps {steps}", body)
    print(body)
