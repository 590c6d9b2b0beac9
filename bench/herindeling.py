"""A herindeling of three scale-1 gemeenten: the dry run (`herindelingsplan`) and applying it
(`voerHerindelingUit`, one statement) as functioneel beheer, executed in-process, on a fresh
graph every round (applying dissolves the gemeenten, so a round cannot be repeated on its graph).

The graph is the scale-1 seed with only these three landscapes (as the tests' graphs of their
own): the landscapes of the other gemeenten are no part of the work, and seeding all of them
every round would make the run take an hour.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import replace

from bench.api import WORK
from bench.harness import SEED
from bench.results import write_section
from bench.writes import InProcess
from graph_api.auth.identify import identiteit_voor
from graph_api.domain.gebruikers import registreer_dev
from graph_api.runtime import open_runtime
from graph_api.seed.loader import seed_graph
from graph_api.settings import Settings
from graph_api.toegang import zicht_voor

GEMEENTEN = ("GM0014", "GM1952", "GM1730")  # Groningen and two of its neighbours
INVOER = {
    "gemeenten": list(GEMEENTEN),
    "nieuweGemeente": {"naam": "Bench", "cbsCode": "GM9901", "provincie": "Groningen"},
    "datum": "2027-01-01",
}
PLAN = """query($input: HerindelingInput!) { herindelingsplan(input: $input) {
  gemeente verplaatstGebruik { gebruik } gecombineerdGebruik { behouden samengevoegd }
  koppelingen { koppeling uitkomst } medewerkers { gebruiker } } }"""
UITVOEREN = """mutation($input: HerindelingInput!) { voerHerindelingUit(input: $input) {
  gemeente { identificatie inwoners } } }"""


async def _ronde(settings: Settings) -> tuple[float, float, dict]:
    async with open_runtime(settings) as runtime:
        await seed_graph(
            runtime.store,
            settings.seeds_dir,
            seed=SEED,
            scale=1,
            landscapes=frozenset(GEMEENTEN),
            replace=True,
        )
        registratie = await registreer_dev(
            runtime.store, organisatie_sleutel="vng-realisatie", rol_waarde="FUNCTIONEEL_BEHEERDER"
        )
        identiteit = await identiteit_voor(runtime.store, registratie.subject)
        send = InProcess(runtime, identiteit, await zicht_voor(identiteit, runtime.store))
        [gebruik] = await runtime.store.read_text(
            "bench/gebruik",
            "MATCH (o:Gemeente)-[:GEBRUIKT]->(g:Gebruik) WHERE o.id IN $ids RETURN count(g) AS n",
            {"ids": list(GEMEENTEN)},
        )
        started = time.perf_counter()
        plan = (await send(PLAN, {"input": INVOER}))["herindelingsplan"]
        plan_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        await send(UITVOEREN, {"input": INVOER})
        apply_ms = (time.perf_counter() - started) * 1000
        uitkomsten: dict[str, int] = {}
        for k in plan["koppelingen"]:
            uitkomsten[k["uitkomst"]] = uitkomsten.get(k["uitkomst"], 0) + 1
        figures = {
            "gebruik": gebruik["n"],
            "verplaatst": len(plan["verplaatstGebruik"]),
            "gecombineerd": len(plan["gecombineerdGebruik"]),
            "koppelingen": uitkomsten,
            "medewerkers": len(plan["medewerkers"]),
        }
        return plan_ms, apply_ms, figures


async def run(rounds: int) -> str:
    settings = replace(Settings(), data_dir=WORK / "herindeling-scale-1")
    plans, applies = [], []
    figures: dict = {}
    for _ in range(rounds):
        plan_ms, apply_ms, figures = await _ronde(settings)
        plans.append(plan_ms)
        applies.append(apply_ms)
    koppelingen = ", ".join(f"{n} {uitkomst}" for uitkomst, n in sorted(figures["koppelingen"].items()))
    return (
        f"Three scale-1 gemeenten ({', '.join(GEMEENTEN)}) into a new one, as functioneel beheer, "
        f"in-process on the embedded engine (FalkorDB), a freshly seeded graph (those three landscapes only) per round, {rounds} rounds.\n\n"
        f"| | median ms | min ms | max ms |\n| --- | --- | --- | --- |\n"
        f"| `herindelingsplan` (five reads, the plan in Python) | {statistics.median(plans):.0f} | "
        f"{min(plans):.0f} | {max(plans):.0f} |\n"
        f"| `voerHerindelingUit` (the same reads and one write statement) | {statistics.median(applies):.0f} | "
        f"{min(applies):.0f} | {max(applies):.0f} |\n\n"
        f"Per round: {figures['gebruik']} Gebruik, of which {figures['verplaatst']} kept (one per "
        f"application) and {figures['gecombineerd']} applications used by more than one; "
        f"koppelingen changed: {koppelingen}; {figures['medewerkers']} people."
    )


def main(rounds: int) -> None:
    body = asyncio.run(run(rounds))
    write_section("Herindeling", f"python -m bench herindeling --rounds {rounds}", body)
    print(body)
