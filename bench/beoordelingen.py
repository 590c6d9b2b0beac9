"""schrijfBeoordeling against the least raw statement that makes the same change.

A gebruik-beheerder of GM0363 reviews the applications its landscape uses, one new review per
application (a review is one per organisation per object): the median latency of the mutation
executed in-process (its identity and visibility made once, as a request's would be) and of
bench/cypher/schrijven/beoordeling_schrijven, measured interleaved round by round, their ratio,
and where the mutation's time goes (the engine time of each statement it ran, and the rest).
Seeds scale 1 into a data directory of its own unless it holds it already; each run writes
reviews of applications not reviewed yet, so a graph holds `applications used / 2` runs' worth.
"""

from __future__ import annotations

import asyncio
import statistics
from collections import Counter
from dataclasses import replace

from bench.api import BENCH_QUERIES, WORK
from bench.harness import ensure_seeded, interleaved_medians
from bench.results import write_section
from bench.writes import WARMUP, InProcess, Statements, _identity, _write
from graph_api.domain.wijzigen import nieuw_id, nu
from graph_api.runtime import open_runtime
from graph_api.settings import Settings
from graph_api.store import open_store
from graph_api.toegang import zicht_voor

GEMEENTE = "GM0363"
SCHRIJF = """mutation($input: SchrijfBeoordelingInput!) { schrijfBeoordeling(input: $input) {
  beoordeling { id identificatie status versienummer } } }"""


async def run(rounds: int) -> str:
    settings = replace(Settings(), data_dir=WORK / "beoordelingen-scale-1")
    await ensure_seeded(settings)
    needed = 2 * (rounds + WARMUP)
    async with open_runtime(settings) as runtime:
        store = open_store(settings, BENCH_QUERIES)
        try:
            vrij = [row["id"] for row in await store.read_text("bench/beoordelingen", """
                MATCH (o:Gemeente {id: $g})-[:GEBRUIKT]->(u:Gebruik)-[:VAN]->(x:Applicatie)
                WHERE u.status <> 'UITGEFASEERD' AND x.gemeldDoor IS NULL
                  AND coalesce(x.status, 'ACTIEF') = 'ACTIEF'
                OPTIONAL MATCH (o)-[:SCHREEF]->(b:Beoordeling)-[:OVER]->(x)
                WITH x, b WHERE b IS NULL
                RETURN DISTINCT x.id AS id ORDER BY id""", {"g": GEMEENTE})]  # fmt: skip
            if len(vrij) < needed:
                raise SystemExit(f"{GEMEENTE} has {len(vrij)} applications not reviewed, {needed} needed: "
                                 "remove bench/work/beoordelingen-scale-1 to seed anew")  # fmt: skip
            gql_apps, raw_apps = iter(vrij[0::2]), iter(vrij[1::2])
            identiteit, _ = await _identity(runtime, settings, GEMEENTE)
            zicht = await zicht_voor(identiteit, runtime.store)
            direct = InProcess(runtime, identiteit, zicht)
            statements = Statements(runtime.store)
            samples: list[tuple[float, Counter[str]]] = []

            async def graphql() -> None:
                await direct(SCHRIJF, {"input": {"organisatie": GEMEENTE, "object": next(gql_apps), "score": 4,
                                                 "toelichting": "Doet wat het belooft."}})  # fmt: skip

            async def raw() -> None:
                tijdstip, beoordeling = nu(), nieuw_id("bdl")
                await _write(store, "schrijven/beoordeling_schrijven", {
                    "organisatie": GEMEENTE, "object": next(raw_apps),
                    "beoordeling": {"id": beoordeling, "score": 4, "tekst": "Doet wat het belooft.",
                                    "status": "INGEDIEND", "versie": 1, "geschrevenOp": tijdstip,
                                    "gewijzigdOp": tijdstip, "gewijzigdDoor": identiteit.gebruiker},
                    "wijziging": {"id": nieuw_id("wij"), "actor": identiteit.gebruiker,
                                  "actorOrganisatie": GEMEENTE, "organisatie": GEMEENTE, "tijdstip": tijdstip,
                                  "object": beoordeling, "objectLabel": "Beoordeling", "operatie": "AANGEMAAKT"},
                })  # fmt: skip

            medians = await interleaved_medians(
                {"graphql": statements.watch(graphql, samples), "raw": raw}, rounds, warmup=WARMUP
            )
        finally:
            await store.close()
    names = sorted({name for _, counted in samples for name in counted})
    per = {name: statistics.median(c.get(name, 0.0) for _, c in samples[WARMUP:]) for name in names}
    rest = statistics.median(total - sum(c.values()) for total, c in samples[WARMUP:])
    return "\n".join([
        "| mutation | GraphQL in-process (ms) | raw statement (ms) | ratio |",
        "| --- | --- | --- | --- |",
        f"| schrijfBeoordeling (a first review) | {medians['graphql']:.1f} | {medians['raw']:.1f} "
        f"| {medians['graphql'] / medians['raw']:.1f} |",
        "",
        "Where the mutation's time goes (medians, ms): "
        + ", ".join(f"{name} {ms:.2f}" for name, ms in per.items())
        + f"; outside the engine {rest:.2f}.",
    ])  # fmt: skip


def main(rounds: int) -> None:
    body = asyncio.run(run(rounds))
    print(body)
    write_section("Reviews", f"python -m bench beoordelingen --rounds {rounds}", body)
