"""What meldingen add to a write: registreerVersie of the application the most organisations use,
each with a person who hears of it (issue 19, item 3).

The mutation runs in-process, as its leverancier's aanbod-beheerder, round by round; the store's
entry to the engine is timed per statement (bench/writes.py, Statements), so each round splits
into the derivation's statements (the rule's `ontvangers` read and the one write of every
Melding, cypher/melding/) and the rest: the mutation as it was before meldingen, near enough (the
derivation's Python, matching the records to the rules, is in the rest and is microseconds).

A graph of its own at scale 1 (bench/work/meldingen-scale-1), seeded by the first run; every
organisation using the application gets one gebruik-raadpleger (the seed has no people).
"""

from __future__ import annotations

import asyncio
import os
import statistics
from collections import Counter
from dataclasses import replace

from bench.api import BENCH_QUERIES, WORK
from bench.harness import SEED
from bench.results import write_section
from bench.writes import REGISTREER_VERSIE, WARMUP, InProcess, Statements, _aanbod_identity, _rows
from graph_api.domain.gebruikers import registreer_dev
from graph_api.runtime import open_runtime
from graph_api.seed.loader import seed_graph
from graph_api.settings import Settings
from graph_api.store import open_store
from graph_api.toegang import zicht_voor


async def run(rounds: int) -> str:
    data_dir = WORK / "meldingen-scale-1"
    settings = replace(Settings(), data_dir=data_dir)
    async with open_runtime(settings) as runtime:
        store = open_store(settings, BENCH_QUERIES)
        if not (await _rows(store, "MATCH (d:Dataset) RETURN count(d) AS n"))[0]["n"]:
            print("seeding scale 1 ...", flush=True)
            await seed_graph(runtime.store, settings.seeds_dir, seed=SEED, scale=1, replace=True)
        [doel] = await _rows(store, """
            MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(g:Gebruik)<-[:GEBRUIKT]-(o:Organisatie)
            WHERE a.gemeldDoor IS NULL AND a.status = 'ACTIEF' AND l.gemeldDoor IS NULL
              AND g.status <> 'UITGEFASEERD'
            WITH l, a, collect(DISTINCT o.id) AS organisaties
            RETURN l.id AS leverancier, a.id AS applicatie, organisaties
            ORDER BY size(organisaties) DESC, applicatie LIMIT 1""")  # fmt: skip
        for organisatie in doel["organisaties"]:
            await registreer_dev(runtime.store, organisatie_sleutel=organisatie, rol_waarde="gebruik-raadpleger")
        identiteit, _ = await _aanbod_identity(runtime, settings, doel["leverancier"])
        mutatie = InProcess(runtime, identiteit, await zicht_voor(identiteit, runtime.store))
        statements = Statements(runtime.store)
        samples: list[tuple[float, Counter[str]]] = []
        run_id = (await _rows(store, "MATCH (v:Versie) RETURN count(v) AS n"))[0]["n"]
        for ronde in range(rounds + WARMUP):
            invoer = {"applicatie": doel["applicatie"], "nummer": f"bench-{run_id}-{ronde}"}
            await statements.watch(lambda invoer=invoer: mutatie(REGISTREER_VERSIE, {"input": invoer}), samples)()
        meldingen = (await _rows(store, "MATCH (m:Melding {soort: 'NIEUWE_VERSIE'}) RETURN count(m) AS n"))[0]["n"]
        await store.close()
    gemeten = samples[WARMUP:]
    totaal = statistics.median(total for total, _ in gemeten)
    afleiding = [sum(ms for name, ms in s.items() if name.startswith("melding/")) for _, s in gemeten]
    zonder = statistics.median(total - a for (total, _), a in zip(gemeten, afleiding, strict=True))
    per_statement = ", ".join(
        f"{name} {statistics.median(s.get(name, 0.0) for _, s in gemeten):.2f} ms"
        for name in sorted({n for _, s in gemeten for n in s if n.startswith("melding/")})
    )
    ontvangers = len(doel["organisaties"])
    return "\n".join([
        f"registreerVersie of {doel['applicatie']}, used by {ontvangers} organisations, each with one "
        f"person who hears of it ({ontvangers} meldingen a round; {meldingen:,} NIEUWE_VERSIE meldingen in the "
        f"graph after the run), in-process as {doel['leverancier']}'s aanbod-beheerder, medians of {rounds} "
        f"rounds after {WARMUP} warm-up rounds (the embedded engine; load average "
        f"{os.getloadavg()[0]:.1f} on a shared machine):",
        "",
        "| | ms |",
        "| --- | --- |",
        f"| the mutation, with its meldingen | {totaal:.1f} |",
        f"| of which the derivation's statements | {statistics.median(afleiding):.1f} |",
        f"| the mutation without them | {zonder:.1f} |",
        "",
        f"The derivation's statements: {per_statement}. Meldingen add "
        f"{statistics.median(afleiding) / zonder:.0%} to this write.",
    ])  # fmt: skip


def main(rounds: int) -> None:
    body = asyncio.run(run(rounds))
    write_section("Meldingen", f"python -m bench meldingen --rounds {rounds}", body)
    print(body)
