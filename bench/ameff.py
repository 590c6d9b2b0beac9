"""AMEFF (issue 20): the largest landscape, Amsterdam's (GM0363), exported as an ArchiMate exchange
file and imported from one into gemeenten without a landscape.

A graph of its own, seeded at scale 1 with only Amsterdam's landscape (as bench/invoer.py does).
Export: reading the `Landschap` (cypher/export/), writing the file (schrijven.py), and both as
the route runs them (graph_api/uitwisseling/exporteren.py), as functioneel beheer. Import: the
file the export wrote (without the Gebruik another gemeente cannot take over: of retired
applications and concepts) into another empty gemeente each round, in process as its
gebruik-beheerder: the dry run (parse and plan), applying it, and the same file again.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from dataclasses import replace

from bench.api import WORK
from bench.harness import SEED, median_ms
from bench.results import write_section
from graph_api.auth.identify import identiteit_voor
from graph_api.domain.gebruikers import registreer_dev
from graph_api.domain.wijzigen import Schrijver
from graph_api.runtime import open_runtime
from graph_api.seed.loader import seed_graph
from graph_api.settings import Settings
from graph_api.toegang import BEHEER, zicht_voor
from graph_api.uitwisseling import exporteren, lezen
from graph_api.uitwisseling.ameff.lezen import lees
from graph_api.uitwisseling.ameff.schrijven import schrijf
from graph_api.uitwisseling.invoer.invoeren import MetZicht, importeer, mag_importeren
from graph_api.uitwisseling.landschap import Landschap

BRON = "GM0363"  # Amsterdam: the largest landscape
DOELEN = ("GM0034", "GM0037", "GM0047", "GM0050", "GM0059")
NIET_OVERDRAAGBAAR = """
MATCH (o:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WHERE a.status = 'TERUGGETROKKEN' OR a.gemeldDoor IS NOT NULL
RETURN g.id AS id
"""


def overdraagbaar(landschap: Landschap, weg: set[str]) -> Landschap:
    return replace(
        landschap,
        gebruik=tuple(g for g in landschap.gebruik if g.gebruik_id not in weg),
        koppelingen=tuple(k for k in landschap.koppelingen if not {k.van, k.naar, k.via} & weg),
    )


async def run(rounds: int) -> str:
    settings = replace(Settings(), data_dir=WORK / "ameff-scale-1")
    doelen = DOELEN[: max(1, min(rounds, len(DOELEN)))]
    invoer: dict[str, list[float]] = {"plan": [], "apply": [], "again": []}
    async with open_runtime(settings) as runtime:
        store = runtime.store
        print("seeding scale 1 with Amsterdam's landscape ...", flush=True)
        await seed_graph(
            store, settings.seeds_dir, seed=SEED, scale=1, landscapes=frozenset({BRON}), replace=True
        )
        gelezen = await lezen.lees_landschap(store, BEHEER, BRON)
        lees_ms = await median_ms(lambda: lezen.lees_landschap(store, BEHEER, BRON), rounds)
        schrijf_ms = await median_ms(lambda: asyncio.to_thread(schrijf, gelezen), rounds)
        heel_ms = await median_ms(lambda: exporteren.landschap(store, BEHEER, BRON, "ameff"), rounds)
        weg = {r["id"] for r in await store.read_text("bench/ameff_weg", NIET_OVERDRAAGBAAR, {"o": BRON})}
        inhoud = schrijf(overdraagbaar(gelezen, weg))
        parse_ms = await median_ms(lambda: asyncio.to_thread(lees, inhoud), rounds)
        aantallen = {}
        for doel in doelen:
            registratie = await registreer_dev(
                store, organisatie_sleutel=doel, rol_waarde="GEBRUIK_BEHEERDER"
            )
            identiteit = await identiteit_voor(store, registratie.subject)
            zicht = await zicht_voor(identiteit, store)
            met_zicht, schrijver = MetZicht(store, zicht), Schrijver(identiteit, zicht)
            org = await mag_importeren(met_zicht, schrijver, doel)
            for soort, proefrun in (("plan", True), ("apply", False), ("again", False)):
                started = time.perf_counter()
                resultaat = await importeer(
                    met_zicht, schrijver, org, "ameff", inhoud, proefrun=proefrun, grenzen=settings.invoer
                )
                invoer[soort].append((time.perf_counter() - started) * 1000)
                assert resultaat.plan.toepasbaar, resultaat.plan.fouten[:3]
                aantallen[soort] = resultaat.plan.aantallen
            print(doel, {k: round(v[-1], 1) for k, v in invoer.items()}, flush=True)
    g, k = aantallen["plan"]["gebruik"], aantallen["plan"]["koppelingen"]
    body = [
        "| step | what it does | median (ms) |",
        "| --- | --- | --- |",
        f"| export: read | the `Landschap` of {BRON}: {len(gelezen.gebruik)} Gebruik, "
        f"{len(gelezen.koppelingen)} koppelingen | {lees_ms:.0f} |",
        f"| export: write | the AMEFF file ({len(schrijf(gelezen)) // 1024} kB), view included | {schrijf_ms:.0f} |",
        f"| export: whole | as the route runs it (read, write in a worker thread) | {heel_ms:.0f} |",
        f"| import: parse | the file read back ({len(inhoud) // 1024} kB, defusedxml) | {parse_ms:.0f} |",
        f"| import: dry run | parse, read the landscape, catalogue and GEMMA, plan: {g['AANMAKEN']} Gebruik and "
        f"{k['AANMAKEN']} koppelingen AANMAKEN | {statistics.median(invoer['plan']):.0f} |",
        f"| import: apply | the same, then one statement writing them | {statistics.median(invoer['apply']):.0f} |",
        f"| import: the same file again | every element ONGEWIJZIGD, nothing written | "
        f"{statistics.median(invoer['again']):.0f} |",
        "",
        f"Export and parse: medians of {rounds} runs after 3 warm-up runs; import: {len(doelen)} rounds, each "
        f"into another gemeente without a landscape. One graph seeded at scale 1 (seed {SEED}) with only "
        f"Amsterdam's landscape, embedded engine, in process; load average then {os.getloadavg()[0]:.1f}.",
    ]
    return "\n".join(body)


def main(rounds: int) -> None:
    body = asyncio.run(run(rounds))
    write_section("AMEFF", f"python -m bench ameff --rounds {rounds}", body)
    print(body)
