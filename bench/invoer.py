"""Importing the largest landscape (Amsterdam's) from CSV into gemeenten without one: reading
and planning (the dry run), applying (one statement), and the same file again (nothing to do).

A graph of its own, seeded at scale 1 with only Amsterdam's landscape (as the tests' graphs of
their own): the file is written here from raw rows of that landscape in the columns of
graph_api/uitwisseling/landschap.py, and each round imports it into another empty gemeente, in
process, as that gemeente's gebruik-beheerder (graph_api/uitwisseling/invoer/invoeren.py).
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import statistics
import time
import zipfile
from dataclasses import replace
from typing import Any

from bench.api import WORK
from bench.harness import SEED
from bench.results import write_section
from graph_api.auth.identify import identiteit_voor
from graph_api.domain.gebruikers import registreer_dev
from graph_api.domain.wijzigen import Schrijver
from graph_api.model import keuzes
from graph_api.runtime import open_runtime
from graph_api.seed.loader import seed_graph
from graph_api.settings import Settings
from graph_api.toegang import zicht_voor
from graph_api.uitwisseling import landschap as lv
from graph_api.uitwisseling.invoer.invoeren import MetZicht, importeer, mag_importeren

BRON = "GM0363"  # Amsterdam: the largest landscape
DOELEN = ("GM0034", "GM0037", "GM0047", "GM0050", "GM0059")
GEBRUIK = """
MATCH (o:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WHERE coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN' AND a.gemeldDoor IS NULL
RETURN properties(g) AS g, a.id AS app, a.naam AS naam, [(l)-[:BIEDT_AAN]->(a) | l.naam] AS lev,
       [(g)-[:VERSIE]->(v) | v.versie] AS versies, [(g)-[:VOOR]->(r) | r.gemmaId] AS comps
"""
KOPPELINGEN = """
MATCH (o:Organisatie {id: $o})-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
RETURN properties(k) AS k, u.id AS van, n.id AS naar, 'Gebruik' IN labels(n) AS naarGebruik,
       n.gemmaId AS naarGemma, [(k)-[:VIA]->(x) | x.id] AS via, [(k)-[:VOLGENS]->(s) | s.gemmaId] AS std
"""
DATUMS = ("verwervingDatum", "geplandDatum", "startDatum", "uitTeFaserenDatum", "eindDatum")


def _csv(kop: tuple[str, ...], rijen: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(kop)
    schrijver.writerows(rijen)
    return ("\ufeff" + buffer.getvalue()).encode()


def bestand(gebruik: list[dict[str, Any]], koppelingen: list[dict[str, Any]]) -> bytes:
    """The landscape as the CSV export's zip: pakketoverzicht.csv and koppelingen.csv."""
    label = lv.label
    pakket = [
        [r["g"]["id"], r["app"], r["naam"], "", (r["lev"] or [""])[0], (r["versies"] or [""])[0],
         label(keuzes.GEBRUIK_STATUS, r["g"]["status"]), *(r["g"].get(d) or "" for d in DATUMS),
         label(keuzes.HOSTINGMODEL, r["g"].get("hosting")), r["g"].get("contractEinde") or "",
         ", ".join(r["comps"]), "", r["g"].get("notities") or ""]
        for r in gebruik
    ]  # fmt: skip
    ids = {r["g"]["id"] for r in gebruik}
    koppel = [
        [r["k"]["id"], r["van"], "", r["naar"] if r["naarGebruik"] else "", "",
         "" if r["naarGebruik"] else r["naarGemma"], "", label(keuzes.KOPPELING_TYPE, r["k"]["type"]),
         label(keuzes.KOPPELING_RICHTING, r["k"]["richting"]), label(keuzes.KOPPELING_STATUS, r["k"]["status"]),
         ", ".join(r["std"]), "", (r["via"] or [""])[0], r["k"].get("beschrijving") or ""]
        for r in koppelingen
        if r["van"] in ids and (not r["naarGebruik"] or r["naar"] in ids) and all(v in ids for v in r["via"])
    ]  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("pakketoverzicht.csv", _csv(lv.PAKKETOVERZICHT, pakket))
        archief.writestr("koppelingen.csv", _csv(lv.KOPPELINGEN, koppel))
    return buffer.getvalue()


async def run(rounds: int) -> str:
    settings = replace(Settings(), data_dir=WORK / "invoer-scale-1")
    doelen = DOELEN[:rounds]
    metingen: dict[str, list[float]] = {"plan": [], "apply": [], "again": []}
    async with open_runtime(settings) as runtime:
        print("seeding scale 1 with Amsterdam's landscape ...", flush=True)
        await seed_graph(
            runtime.store, settings.seeds_dir, seed=SEED, scale=1, landscapes=frozenset({BRON}), replace=True
        )
        gebruik = await runtime.store.read_text("bench/invoer_gebruik", GEBRUIK, {"o": BRON})
        koppelingen = await runtime.store.read_text("bench/invoer_koppelingen", KOPPELINGEN, {"o": BRON})
        inhoud = bestand(gebruik, koppelingen)
        aantallen: dict[str, Any] = {}
        for doel in doelen:
            registratie = await registreer_dev(
                runtime.store, organisatie_sleutel=doel, rol_waarde="GEBRUIK_BEHEERDER"
            )
            identiteit = await identiteit_voor(runtime.store, registratie.subject)
            zicht = await zicht_voor(identiteit, runtime.store)
            store, schrijver = MetZicht(runtime.store, zicht), Schrijver(identiteit, zicht)
            org = await mag_importeren(store, schrijver, doel)

            for soort, proefrun in (("plan", True), ("apply", False), ("again", False)):
                started = time.perf_counter()
                resultaat = await importeer(
                    store, schrijver, org, "csv", inhoud, proefrun=proefrun, grenzen=settings.invoer
                )
                metingen[soort].append((time.perf_counter() - started) * 1000)
                assert resultaat.plan.toepasbaar, resultaat.plan.fouten[:3]
                aantallen[soort] = resultaat.plan.aantallen
            print(doel, {k: round(v[-1], 1) for k, v in metingen.items()}, flush=True)
    g, k = aantallen["plan"]["gebruik"], aantallen["plan"]["koppelingen"]
    body = [
        "| step | what it does | median (ms) | min (ms) |",
        "| --- | --- | --- | --- |",
        f"| dry run | read the zip ({len(inhoud) // 1024} kB), read the landscape, catalogue and GEMMA, plan: "
        f"{g['AANMAKEN']} Gebruik and {k['AANMAKEN']} koppelingen AANMAKEN | "
        f"{statistics.median(metingen['plan']):.0f} | {min(metingen['plan']):.0f} |",
        f"| apply | the same, then one statement writing all of them and their change records | "
        f"{statistics.median(metingen['apply']):.0f} | {min(metingen['apply']):.0f} |",
        f"| the same file again | read and plan: every row ONGEWIJZIGD, nothing written | "
        f"{statistics.median(metingen['again']):.0f} | {min(metingen['again']):.0f} |",
        "",
        f"{len(doelen)} rounds, each into another gemeente without a landscape, in one graph seeded at scale 1 "
        f"(seed {SEED}) with only Amsterdam's landscape, in process as the gemeente's gebruik-beheerder "
        f"(graph_api/uitwisseling/invoer/invoeren.py), embedded engine; load average then "
        f"{os.getloadavg()[0]:.1f}. The file holds Amsterdam's Gebruik of applications that are neither "
        "retired nor concepts, and the koppelingen between them.",
    ]
    return "\n".join(body)


def main(rounds: int) -> None:
    body = asyncio.run(run(rounds))
    write_section("Importing a landscape", f"python -m bench import --rounds {rounds}", body)
    print(body)
