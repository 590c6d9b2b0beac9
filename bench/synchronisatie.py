"""A CMDB keeps a landscape current: `synchroniseerLandschap` with a batch the size of the
largest landscape at scale 1.

In a graph of its own (the writes change it), functioneel beheer creates an empty gemeente
(`maakGemeente`, a new CBS code per run) and syncs into it a batch holding the applications of
the largest seeded landscape, by id: the first sync creates every Gebruik in one statement;
the same batch again (an unchanged resync, the nightly case) plans, finds nothing to change
and writes nothing; a batch changing the status of every tenth item writes those only.
Each through GraphQL in-process, and the plan's two reads (the store alone) beside it.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import replace
from statistics import median

from bench.api import BENCH_QUERIES, WORK
from bench.harness import ensure_seeded
from bench.results import write_section
from bench.writes import InProcess, _rows
from graph_api.auth.identify import identiteit_voor
from graph_api.domain.gebruikers import registreer_dev
from graph_api.runtime import open_runtime
from graph_api.settings import Settings
from graph_api.store import open_store
from graph_api.toegang import zicht_voor

VNG = "vng-realisatie"
MAX_LIJST = 500  # the most items an input list takes (graph_api/graphql/limits/lengths.py)
SYNC = """mutation($input: SynchroniseerLandschapInput!) {
  synchroniseerLandschap(input: $input) { aangemaakt gewijzigd ongewijzigd mislukt
    regels { uitkomst gebruik } } }"""
MAAK = (
    """mutation($input: MaakGemeenteInput!) { maakGemeente(input: $input) { gemeente { identificatie } } }"""
)
GROOTSTE = """MATCH (o:Gemeente)-[:GEBRUIKT]->(g:Gebruik)
WITH o, count(g) AS n ORDER BY n DESC, o.id LIMIT 1
MATCH (o)-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(a:Applicatie)
WHERE coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN' AND a.gemeldDoor IS NULL
RETURN o.id AS organisatie, collect(a.id) AS apps"""
CODES = "MATCH (o:Gemeente) RETURN collect(o.cbsCode) AS codes"


async def run(rounds: int) -> str:
    settings = replace(Settings(), data_dir=WORK / "synchronisatie-scale-1")
    await ensure_seeded(settings)
    async with open_runtime(settings) as runtime:
        store = open_store(settings, BENCH_QUERIES)
        try:
            [grootste] = await _rows(store, GROOTSTE)
            [codes] = await _rows(store, CODES)
            registratie = await registreer_dev(
                runtime.store, organisatie_sleutel=VNG, rol_waarde="FUNCTIONEEL_BEHEERDER"
            )
            identiteit = await identiteit_voor(runtime.store, registratie.subject)
            zicht = await zicht_voor(identiteit, runtime.store)
            send = InProcess(runtime, identiteit, zicht)
            cbs = next(f"GM{n}" for n in range(9999, 9000, -1) if f"GM{n}" not in set(codes["codes"]))
            antwoord = await send(
                MAAK, {"input": {"naam": f"Benchgemeente {cbs}", "cbsCode": cbs, "provincie": "Utrecht",
                                 "inwoners": 50_000}})  # fmt: skip
            doel = antwoord["maakGemeente"]["gemeente"]["identificatie"]
            apps = grootste["apps"]
            items = [{"bronSleutel": f"APP-{i:05d}", "applicatie": a, "status": "IN_PRODUCTIE",
                      "hostingmodel": "SAAS"} for i, a in enumerate(apps)]  # fmt: skip
            batch = {"organisatie": doel, "bron": "topdesk", "items": items}

            async def gemeten(invoer: dict) -> tuple[float, dict]:
                """The whole landscape, in batches of at most MAX_LIJST items (a list's limit)."""
                start, totaal = (
                    time.perf_counter(),
                    dict.fromkeys(("aangemaakt", "gewijzigd", "ongewijzigd"), 0),
                )
                for i in range(0, len(invoer["items"]), MAX_LIJST):
                    deel = {**invoer, "items": invoer["items"][i : i + MAX_LIJST]}
                    result = (await send(SYNC, {"input": deel}))["synchroniseerLandschap"]
                    totaal = {k: n + result[k] for k, n in totaal.items()}
                return (time.perf_counter() - start) * 1000, totaal

            eerste_ms, eerste = await gemeten(batch)
            assert eerste["aangemaakt"] == len(apps), eerste

            for _ in range(3):
                await gemeten(batch)
            herhaald = [await gemeten(batch) for _ in range(rounds)]
            assert all(r["ongewijzigd"] == len(apps) for _, r in herhaald)
            params = {"organisatie": doel, **zicht.params()}
            namen = {"ids": apps, "namen": [], **zicht.params()}
            lezen = []
            for _ in range(rounds):
                start = time.perf_counter()
                await runtime.store.read("synchronisatie/stand", params)
                await runtime.store.read("synchronisatie/applicaties", namen)
                lezen.append((time.perf_counter() - start) * 1000)
            gewijzigd = {**batch, "items": [
                {**item, "status": "UIT_TE_FASEREN"} if i % 10 == 0 else item for i, item in enumerate(items)]}  # fmt: skip
            wijzig_ms, wijzig = await gemeten(gewijzigd)
            assert wijzig["gewijzigd"] == len(items[::10]), wijzig
        finally:
            await store.close()
    rijen = [
        (f"first sync: {len(apps)} Gebruik created", 1, eerste_ms),
        (f"unchanged resync: {len(apps)} items, nothing written", rounds, median(ms for ms, _ in herhaald)),
        ("the plan's two reads alone (synchronisatie/stand, applicaties)", rounds, median(lezen)),
        (f"changed batch: {len(items[::10])} of {len(apps)} items one status on", 1, wijzig_ms),
    ]
    body = [
        "| batch | runs | median (ms) |",
        "| --- | --- | --- |",
        *(f"| {naam} | {n} | {ms:.1f} |" for naam, n, ms in rijen),
        "",
        f"The largest landscape at scale 1 (seed 1) is {grootste['organisatie']}'s, {len(apps)} Gebruik; "
        "its applications, by id, synced as functioneel beheer through GraphQL in-process into a gemeente "
        "created empty for the run, in a graph of the bench's own. The resync is timed after 3 warm-up "
        f"runs (load average then {os.getloadavg()[0]:.1f}). A batch holds at most {MAX_LIJST} items (the "
        f"limit of an input list), so the landscape goes in {-(-len(apps) // MAX_LIJST)} batches, timed "
        "together. Every write is one statement (cypher/synchronisatie/schrijven) with a change record per Gebruik.",
    ]
    return "\n".join(body)


def main(rounds: int) -> None:
    body = asyncio.run(run(rounds))
    write_section(
        "A CMDB keeps a landscape current", f"python -m bench synchronisatie --rounds {rounds}", body
    )
    print(body)
