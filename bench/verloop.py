"""The landscape over time: `landschapsverschil` against its raw read statement.

On the seeded scale-1 landscape (a graph of its own: the writes change it), a series of writes
through the mutations in Amsterdam's landscape (Gebruik registered, changed, changed back and
deleted; koppelingen registered, changed and deleted), then the difference over the whole
series and over an empty window, asked through GraphQL in-process as the gebruik-beheerder who
wrote, against `verloop/wijzigingen` (the records of the window) run through the store.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace

from bench.api import BENCH_QUERIES, WORK
from bench.harness import ensure_seeded, interleaved_medians
from bench.results import write_section
from bench.writes import InProcess, _identity, _rows
from graph_api.domain.wijzigen import nu
from graph_api.runtime import open_runtime
from graph_api.settings import Settings
from graph_api.store import open_store
from graph_api.toegang import zicht_voor

AMSTERDAM = "GM0363"
GEBRUIK = 40  # registered; half changed, a quarter changed back, a quarter deleted
REGISTREER = """mutation($input: RegistreerGebruikInput!) {
  registreerGebruik(input: $input) { gebruik { identificatie } } }"""
WIJZIG = (
    """mutation($input: WijzigGebruikInput!) { wijzigGebruik(input: $input) { gebruik { identificatie } } }"""
)
VERWIJDER = (
    """mutation($input: VerwijderGebruikInput!) { verwijderGebruik(input: $input) { verwijderdId } }"""
)
KOPPEL = """mutation($input: RegistreerKoppelingInput!) {
  registreerKoppeling(input: $input) { koppeling { identificatie } } }"""
WIJZIG_KOPPELING = """mutation($input: WijzigKoppelingInput!) {
  wijzigKoppeling(input: $input) { koppeling { identificatie } } }"""
ONTKOPPEL = (
    """mutation($input: VerwijderKoppelingInput!) { verwijderKoppeling(input: $input) { verwijderdId } }"""
)
VERSCHIL = """query($o: ID!, $van: String!, $tot: String) {
  landschapsverschil(organisatie: $o, van: $van, tot: $tot) {
    gebruik { identificatie soort applicatie { identificatie naam } velden { veld van tot } }
    koppelingen { identificatie soort van { identificatie naam } naar { identificatie naam }
                  velden { veld van tot } } } }"""
FREE = """MATCH (a:Applicatie) WHERE a.status = 'ACTIEF' AND a.gemeldDoor IS NULL
  AND NOT (:Organisatie {id: $o})-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(a)
RETURN a.id AS id ORDER BY id LIMIT $n"""


async def run(rounds: int) -> str:
    settings = replace(Settings(), data_dir=WORK / "verloop-scale-1")
    await ensure_seeded(settings)
    async with open_runtime(settings) as runtime:
        store = open_store(settings, BENCH_QUERIES)
        try:
            identiteit, _ = await _identity(runtime, settings, AMSTERDAM)
            zicht = await zicht_voor(identiteit, runtime.store)
            schrijf = InProcess(runtime, identiteit, zicht)
            apps = [row["id"] for row in await _rows(store, FREE, {"o": AMSTERDAM, "n": GEBRUIK})]
            begin = nu()
            await asyncio.sleep(0.01)
            gebruik = []
            for app in apps:
                answer = await schrijf(REGISTREER, {"input": {"organisatie": AMSTERDAM, "applicatie": app}})
                gebruik.append(answer["registreerGebruik"]["gebruik"]["identificatie"])
            koppelingen = []
            for van, naar in zip(gebruik[: GEBRUIK // 2], gebruik[GEBRUIK // 2 :], strict=True):
                answer = await schrijf(
                    KOPPEL, {"input": {"van": van, "naar": naar, "type": "API", "richting": "HEEN"}}
                )
                koppelingen.append(answer["registreerKoppeling"]["koppeling"]["identificatie"])
            for i, g in enumerate(gebruik[: GEBRUIK // 2]):
                await schrijf(
                    WIJZIG, {"input": {"gebruik": g, "verwachteVersie": 1, "notities": "gewijzigd"}}
                )
                if i % 2:  # and back
                    await schrijf(WIJZIG, {"input": {"gebruik": g, "verwachteVersie": 2, "notities": None}})
            for k in koppelingen[::2]:
                await schrijf(
                    WIJZIG_KOPPELING, {"input": {"koppeling": k, "verwachteVersie": 1, "beschrijving": "x"}}
                )
            for k, g in zip(koppelingen[1::2], gebruik[GEBRUIK // 2 :][1::2], strict=True):
                await schrijf(ONTKOPPEL, {"input": {"koppeling": k, "verwachteVersie": 1}})
                await schrijf(VERWIJDER, {"input": {"gebruik": g, "verwachteVersie": 1}})
            await asyncio.sleep(0.01)
            einde = nu()
            records = len(await runtime.store.read("verloop/wijzigingen", {
                "organisatie": AMSTERDAM, "van": begin, "tot": einde, **zicht.params()}))  # fmt: skip
            lees = InProcess(runtime, identiteit, zicht)
            rows = []
            for name, van, tot in (
                (f"the series ({records} change records, {len(apps)} Gebruik, {len(koppelingen)} koppelingen)",
                 begin, einde),
                ("an empty window (after the series)", einde, nu()),
            ):  # fmt: skip
                verschil = await lees(VERSCHIL, {"o": AMSTERDAM, "van": van, "tot": tot})
                lines = len(verschil["landschapsverschil"]["gebruik"]) + len(
                    verschil["landschapsverschil"]["koppelingen"]
                )
                params = {"organisatie": AMSTERDAM, "van": van, "tot": tot, **zicht.params()}
                medians = await interleaved_medians(
                    {
                        "graphql": lambda van=van, tot=tot: lees(
                            VERSCHIL, {"o": AMSTERDAM, "van": van, "tot": tot}
                        ),
                        "raw": lambda params=params: runtime.store.read("verloop/wijzigingen", params),
                    },
                    rounds,
                )
                rows.append((name, lines, medians["raw"], medians["graphql"]))
                print(
                    f"{name}: {lines} lines, raw {medians['raw']:.2f} ms, GraphQL {medians['graphql']:.2f} ms"
                )
        finally:
            await store.close()
    body = [
        "| window | lines | raw read statement (ms) | `landschapsverschil` in-process (ms) | ratio |",
        "| --- | --- | --- | --- | --- |",
        *(
            f"| {name} | {lines} | {raw:.2f} | {gql:.2f} | {gql / raw:.2f} |"
            for name, lines, raw, gql in rows
        ),
        "",
        f"Medians of {rounds} interleaved rounds after 3 warm-up rounds, on the seeded scale-1 landscape "
        "(seed 1) in a graph of the bench's own, after the writes above through the mutations in "
        f"Amsterdam's landscape (load average then {os.getloadavg()[0]:.1f}). The raw column is "
        "cypher/verloop/wijzigingen alone: the window's records, as the query starts; the query adds "
        "netting them in Python and naming the lines as they were (verloop/einden, "
        "verloop/applicatienamen: the records after `van` of the Gebruik and applications named), and "
        "GraphQL, as the gebruik-beheerder who wrote.",
    ]
    return "\n".join(body)


def main(rounds: int) -> None:
    body = asyncio.run(run(rounds))
    write_section("Landscape over time", f"python -m bench verloop --rounds {rounds}", body)
    print(body)
