"""Exports (issue 20): the largest landscape, Amsterdam's (GM0363), in every format, and the whole
catalogue, on the seeded scale-1 landscape. In-process (graph_api/uitwisseling/exporteren.py as
the routes call it: the reads and the writing of the file), split into reading the `Landschap`
and writing the file; and over HTTP against `graph-api serve`, as the gemeente's own
gebruik-raadpleger (the whole landscape, notes included) and, for the catalogue, the anonymous
bezoeker. Target: the largest landscape under 1 s in every format.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import replace

import httpx

from bench.api import WORK, mint_token, served
from bench.bezoeken import _up
from bench.harness import ensure_seeded, median_ms
from bench.results import write_section
from graph_api.runtime import open_runtime
from graph_api.settings import Settings
from graph_api.toegang import BEHEER
from graph_api.uitwisseling import exporteren, lezen
from graph_api.uitwisseling.formaten import FORMATEN

AMSTERDAM = "GM0363"
LANDSCHAP = [naam for naam, f in FORMATEN.items() if f.landschap]
TABELLEN = [naam for naam, f in FORMATEN.items() if f.tabellen]


async def _in_process(settings: Settings, rounds: int) -> tuple[list[tuple], dict[str, int]]:
    rows = []
    async with open_runtime(settings) as runtime:
        store = runtime.store
        gelezen = await lezen.lees_landschap(store, BEHEER, AMSTERDAM)
        omvang = {"gebruik": len(gelezen.gebruik), "koppelingen": len(gelezen.koppelingen)}
        omvang["pakketversies"] = len(await lezen.lees_catalogus(store, BEHEER))
        lees = await median_ms(lambda: lezen.lees_landschap(store, BEHEER, AMSTERDAM), rounds)
        for naam in LANDSCHAP:
            schrijver = FORMATEN[naam].landschap
            assert schrijver is not None
            schrijf = await median_ms(lambda s=schrijver: asyncio.to_thread(s, gelezen), rounds)
            heel = await median_ms(lambda n=naam: exporteren.landschap(store, BEHEER, AMSTERDAM, n), rounds)
            grootte = len((await exporteren.landschap(store, BEHEER, AMSTERDAM, naam)).bestand.inhoud)
            rows.append((f"landscape {AMSTERDAM}", naam, grootte, lees, schrijf, heel))
        lees_catalogus = await median_ms(lambda: lezen.lees_catalogus(store, BEHEER), max(3, rounds // 3))
        for naam in TABELLEN:
            heel = await median_ms(
                lambda n=naam: exporteren.catalogus(store, BEHEER, n), max(3, rounds // 3), warmup=1
            )
            grootte = len((await exporteren.catalogus(store, BEHEER, naam)).bestand.inhoud)
            rows.append(("catalogue", naam, grootte, lees_catalogus, heel - lees_catalogus, heel))
    return rows, omvang


async def _http(settings: Settings, rounds: int) -> dict[tuple[str, str], float]:
    env = {**os.environ, "GRAPH_API_DATA_DIR": str(settings.data_dir)}
    token = mint_token(env, AMSTERDAM, "gebruik-raadpleger")
    medians = {}
    async with served(env) as url, httpx.AsyncClient(base_url=url, timeout=120) as client:
        await _up(client)

        async def get(pad: str, formaat: str, headers: dict[str, str]) -> None:
            response = await client.get(pad, params={"formaat": formaat}, headers=headers)
            assert response.status_code == 200, response.text

        eigen = {"authorization": f"Bearer {token}"}
        for naam in LANDSCHAP:
            medians[(f"landscape {AMSTERDAM}", naam)] = await median_ms(
                lambda n=naam: get(f"/export/landschap/{AMSTERDAM}", n, eigen), rounds
            )
        for naam in TABELLEN:
            medians[("catalogue", naam)] = await median_ms(
                lambda n=naam: get("/export/catalogus", n, {}), max(3, rounds // 3), warmup=1
            )
    return medians


async def run(rounds: int) -> str:
    settings = replace(Settings(), data_dir=WORK / "api-scale-1")
    await ensure_seeded(settings)
    started = time.perf_counter()
    rows, omvang = await _in_process(settings, rounds)
    print(f"in-process done in {time.perf_counter() - started:.0f} s: {rows}", flush=True)
    http = await _http(settings, rounds)
    body = [
        "| export | format | file (bytes) | read (ms) | write the file (ms) | in-process, whole (ms) "
        "| over HTTP (ms) | target 1 s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *(
            f"| {wat} | {naam} | {grootte:,} | {lees:.1f} | {schrijf:.1f} | {heel:.1f} | {http[(wat, naam)]:.1f} "
            f"| {'met' if wat == 'catalogue' or http[(wat, naam)] < 1000 else 'MISSED'} |"
            for wat, naam, grootte, lees, schrijf, heel in rows
        ),
        "",
        f"Medians of {rounds} runs after 3 warm-up runs ({max(3, rounds // 3)} after 1 for the "
        f"catalogue), the embedded engine, the seeded scale-1 landscape (seed 1): Amsterdam's "
        f"landscape holds {omvang['gebruik']} Gebruik and {omvang['koppelingen']} koppelingen, the "
        f"catalogue {omvang['pakketversies']:,} rows (one per version). In-process reads as functioneel "
        "beheer; over HTTP (`graph-api serve` in a child process, client and server on the same 2 "
        "cores) as Amsterdam's gebruik-raadpleger and, for the catalogue, signed out. Read is the "
        "statements (cypher/export/) with the `Landschap` built from their rows; write is the format's "
        f"writer alone (load average then {os.getloadavg()[0]:.1f}).",
    ]
    return "\n".join(body)


def main(rounds: int) -> None:
    body = asyncio.run(run(rounds))
    write_section("Exports", f"python -m bench export --rounds {rounds}", body)
    print(body)
