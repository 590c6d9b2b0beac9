"""`synchroniseerLandschap` (issue 20, point 3: a CMDB keeps a landscape current) through HTTP, in
a graph of the test's own: one flow on FalkorDB (create, the same batch again, a changed batch,
rows missing kept, explicit phase-out, the gemeente's own fields untouched, an ambiguous match,
bad items with code and field path, the idempotency key), the role matrix with the graph
unchanged after every refusal, and one short flow on Neo4j that proves its statement there.

Expected outcomes are worked out here from the batch and the Gebruik read raw from the graph
before it, never from an answer.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from graph_api.domain.landschap.synchronisatie import normaal
from tests.backends import Backend
from tests.graafdump import dump
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_concepten import raw, schrijf
from tests.graphql.test_gebruik_mutaties import WIJZIG, data, fout, serve, tokens
from tests.graphql.test_uitnodigingen import persoon

GEMEENTE = "GM0014"
SYNC = """
mutation($input: SynchroniseerLandschapInput!) {
  synchroniseerLandschap(input: $input) {
    aangemaakt gewijzigd ongewijzigd overgeslagen mislukt uitgefaseerd proefrun
    regels { index bronSleutel uitkomst gebruik applicatie velden code veld reden }
  }
}"""
MACHINE = """
mutation($input: RegistreerMachineclientInput!) { registreerMachineclient(input: $input) { medewerker { identificatie } } }"""


async def gebruik(backend: Backend) -> dict[str, dict[str, Any]]:
    """GM0014's Gebruik as the graph holds them, by application id."""
    rows = await raw(backend.store, "sync_gebruik",
        "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie) "
        "RETURN a.id AS applicatie, g {.*} AS g", {"o": GEMEENTE})  # fmt: skip
    return {row["applicatie"]: row["g"] for row in rows}


async def wijzigingen(backend: Backend) -> int:
    [row] = await raw(backend.store, "sync_wijzigingen",
        "MATCH (w:Wijziging {organisatie: $o, objectLabel: 'Gebruik'}) RETURN count(w) AS n", {"o": GEMEENTE})  # fmt: skip
    return row["n"]


async def catalogus(backend: Backend) -> list[dict[str, Any]]:
    """Published applications with their leverancier's name, not retired, by id."""
    return await raw(backend.store, "sync_catalogus",
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) WHERE a.gemeldDoor IS NULL "
        "AND coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN' "
        "RETURN a.id AS id, a.naam AS naam, l.id AS lev, l.naam AS leverancier ORDER BY a.id")  # fmt: skip


def regels(api: Api, input: dict[str, Any]) -> dict[str, Any]:
    return data(api.post(SYNC, {"input": input}))["synchroniseerLandschap"]


def kort(antwoord: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(r["index"], r["bronSleutel"], r["uitkomst"], r["applicatie"], r["code"], r["veld"])
            for r in antwoord["regels"]]  # fmt: skip


async def test_a_cmdb_keeps_the_landscape_current(own_graph: Backend) -> None:
    backend = own_graph
    voor = await gebruik(backend)
    apps = await catalogus(backend)
    namen = Counter(normaal(a["naam"]) for a in apps)
    uniek = [a for a in apps if namen[normaal(a["naam"])] == 1]
    nieuw = [a for a in uniek if a["id"] not in voor]
    a_id, b_naam = nieuw[0], nieuw[1]
    hand = next(a for a in uniek if a["id"] in voor and voor[a["id"]]["status"] != "UITGEFASEERD")
    # Two applications of one name from two leveranciers: the test's own setup, written raw.
    dubbel = nieuw[2]
    ander_lev = next(a for a in apps if a["lev"] != dubbel["lev"])
    await schrijf(backend.store, "sync_dubbel",
        "MATCH (l:Leverancier {id: $l}) CREATE (l)-[:BIEDT_AAN]->(:Applicatie {id: 'app-sync-dubbel', "
        "naam: $naam, status: 'ACTIEF'})", {"l": ander_lev["lev"], "naam": dubbel["naam"]})  # fmt: skip

    [rij] = await raw(backend.store, "sync_ander", "MATCH (g:Gemeente) WHERE g.id <> $o RETURN g.id AS id LIMIT 1",
                      {"o": GEMEENTE})  # fmt: skip
    andere_gemeente = rij["id"]
    with serve(backend) as client:
        minted = await tokens(
            backend,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (andere_gemeente, "GEBRUIK_BEHEERDER"),
            (a_id["lev"], "AANBOD_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        org_beheer, beheerder, raadpleger, ander, leverancier, fb = (Api(client, t) for t in minted.values())
        data(org_beheer.post(MACHINE, {"input": {"organisatie": GEMEENTE, "clientId": "cmdb-gm0014",
                                                 "naam": "TOPdesk", "rol": "GEBRUIK_BEHEERDER"}}))  # fmt: skip
        machine = Api(client, persoon(backend, "cmdb-gm0014", None))

        items = [
            {"bronSleutel": "A-1", "applicatie": a_id["id"], "status": "IN_PRODUCTIE", "hostingmodel": "SAAS",
             "notities": "uit de CMDB", "contractEinde": "2030-01-01"},
            {"bronSleutel": "A-2", "applicatieNaam": f"  {b_naam['naam'].upper()} ",
             "leverancier": b_naam["leverancier"] + " B.V."},
            {"bronSleutel": "A-3", "applicatieNaam": hand["naam"], "hostingmodel": "IAAS"},
            {"bronSleutel": "A-4", "applicatieNaam": dubbel["naam"]},
            {"bronSleutel": "A-5", "applicatieNaam": "Bestaat Nergens 3000"},
            {"bronSleutel": "A-6", "applicatieNaam": dubbel["naam"], "leverancier": dubbel["leverancier"],
             "contractEinde": "2026-13-45"},
            {"bronSleutel": " ", "applicatie": nieuw[3]["id"]},
            {"bronSleutel": "A-1", "applicatie": nieuw[4]["id"]},
        ]  # fmt: skip
        batch = {"organisatie": GEMEENTE, "bron": "topdesk", "items": items}

        # Refused as a whole, the graph as it was: the role matrix and a bad batch.
        before = await dump(backend.store)
        for api, code in (
            (Api(client), "UNAUTHENTICATED"),
            (raadpleger, "FORBIDDEN"),
            (leverancier, "FORBIDDEN"),
        ):
            assert fout(api.post(SYNC, {"input": batch}))["code"] == code
        fouten = fout(ander.post(SYNC, {"input": batch}))
        assert (fouten["code"], fouten["argument"]) == ("FORBIDDEN", "input.organisatie")
        fouten = fout(machine.post(SYNC, {"input": {**batch, "bron": "Top Desk"}}))
        assert fouten["code"] == "INVALID_INPUT" and "input.bron" in str(fouten), fouten
        # A dry run by the gebruik-beheerder, and a batch whose every item fails, write nothing.
        droog = regels(beheerder, {**batch, "proefrun": True})
        assert (droog["proefrun"], droog["aangemaakt"], droog["gewijzigd"]) == (True, 2, 1)
        alleen_fout = regels(machine, {**batch, "items": items[3:7]})
        assert (alleen_fout["mislukt"], alleen_fout["overgeslagen"]) == (3, 1)
        assert await dump(backend.store) == before

        # The first sync, by the gemeente's machine client.
        eerste = regels(machine, batch)
        verwacht = [
            (0, "A-1", "AANGEMAAKT", a_id["id"], None, None),
            (1, "A-2", "AANGEMAAKT", b_naam["id"], None, None),
            (2, "A-3", "GEWIJZIGD", hand["id"], None, None),
            (3, "A-4", "MISLUKT", None, "AMBIGUOUS", "input.items[3].applicatieNaam"),
            (4, "A-5", "OVERGESLAGEN", None, "NOT_IN_CATALOGUE", None),
            (5, "A-6", "MISLUKT", None, "INVALID_TYPE", "input.items[5].contractEinde"),
            (6, " ", "MISLUKT", None, "REQUIRED", "input.items[6].bronSleutel"),
            (7, "A-1", "MISLUKT", None, "DUPLICATE", "input.items[7].bronSleutel"),
        ]
        assert kort(eerste) == verwacht, eerste
        na = await gebruik(backend)
        assert set(na) - set(voor) == {a_id["id"], b_naam["id"]}
        g1, g2, g3 = na[a_id["id"]], na[b_naam["id"]], na[hand["id"]]
        assert (g1["bronSleutel"], g1["status"], g1["hosting"], g1["notities"], g1["contractEinde"], g1["versie"]) == (
            "topdesk:GM0014:A-1", "IN_PRODUCTIE", "SAAS", "uit de CMDB", "2030-01-01", 1)  # fmt: skip
        assert (g2["status"], g2["bron"], g2["versie"]) == ("IN_PRODUCTIE", "topdesk", 1)
        assert (g3["bronSleutel"], g3["hosting"], g3["versie"]) == (
            "topdesk:GM0014:A-3",
            "IAAS",
            (voor[hand["id"]].get("versie") or 1) + 1,
        )
        assert {k: v for k, v in g3.items() if k not in ("bron", "bronSleutel", "hosting", "versie",
                                                          "gewijzigdOp", "gewijzigdDoor")} == {
            k: v for k, v in voor[hand["id"]].items() if k not in ("hosting", "versie", "gewijzigdOp", "gewijzigdDoor")
        }  # fmt: skip
        records = await wijzigingen(backend)

        # The same batch again: nothing changes, not even a record.
        before = await dump(backend.store)
        tweede = regels(machine, batch)
        assert [r[2] for r in kort(tweede)[:3]] == ["ONGEWIJZIGD"] * 3
        assert [r[2:] for r in kort(tweede)[3:]] == [r[2:] for r in kort(eerste)[3:]]
        assert await dump(backend.store) == before

        # The gemeente edits its own fields; a changed batch leaves them, and rows missing are kept.
        data(beheerder.post(WIJZIG, {"input": {"gebruik": g1["id"], "verwachteVersie": 1,
                                               "notities": "eigen notitie", "contractEinde": "2031-06-30"}}))  # fmt: skip
        derde = regels(machine, {**batch, "items": [
            {**items[0], "status": "UIT_TE_FASEREN", "notities": "overschreven?", "contractEinde": "2040-01-01"}]})  # fmt: skip
        assert [(r["uitkomst"], r["velden"]) for r in derde["regels"]] == [
            ("GEWIJZIGD", ["status", "uitTeFaserenDatum"])
        ]
        na = await gebruik(backend)
        g1 = na[a_id["id"]]
        assert (g1["status"], g1["notities"], g1["contractEinde"], g1["versie"]) == (
            "UIT_TE_FASEREN",
            "eigen notitie",
            "2031-06-30",
            3,
        )
        assert na[b_naam["id"]] == g2 and na[hand["id"]] == g3
        # Back along the lifecycle: failed, with the field.
        terug = regels(machine, {**batch, "items": [{**items[0], "status": "GEPLAND"}]})
        assert kort(terug) == [
            (0, "A-1", "MISLUKT", a_id["id"], "TRANSITION_NOT_ALLOWED", "input.items[0].status")
        ]

        # Phase-out asked for: the Gebruik of this bron the batch lacks, none of another.
        laatste = regels(
            machine, {**batch, "items": [{**items[0], "status": None}], "verwijderOntbrekende": True}
        )
        assert sorted((r["bronSleutel"], r["uitkomst"], r["applicatie"]) for r in laatste["regels"]) == [
            ("A-1", "ONGEWIJZIGD", a_id["id"]), ("A-2", "UITGEFASEERD", b_naam["id"]),
            ("A-3", "UITGEFASEERD", hand["id"])]  # fmt: skip
        na = await gebruik(backend)
        assert {na[x]["status"] for x in (b_naam["id"], hand["id"])} == {"UITGEFASEERD"}
        assert all(na[x]["eindDatum"] for x in (b_naam["id"], hand["id"]))
        assert {k: na[k] for k in voor if k != hand["id"]} == {
            k: v for k, v in voor.items() if k != hand["id"]
        }
        # One record per change: A-1..A-3 created or adopted, A-1 changed twice (once by hand).
        assert await wijzigingen(backend) == records + 1 + 1 + 2

        # The idempotency key: a repeat writes nothing, other input under it is refused.
        sleutel = {**batch, "items": [{**items[1], "hostingmodel": "PAAS"}], "idempotencyKey": "sync-1"}
        assert regels(fb, sleutel)["gewijzigd"] == 1
        before = await dump(backend.store)
        assert regels(fb, sleutel)["regels"][0]["uitkomst"] == "ONGEWIJZIGD"
        assert fout(fb.post(SYNC, {"input": {**sleutel, "bron": "cmdb"}}))["code"] == "IDEMPOTENCY_KEY_REUSED"
        assert await dump(backend.store) == before


async def test_the_sync_statement_on_neo4j(neo4j_own_graph: Backend) -> None:
    backend = neo4j_own_graph
    voor = await gebruik(backend)
    nieuw = [a for a in await catalogus(backend) if a["id"] not in voor][:2]
    with serve(backend) as client:
        [token] = (await tokens(backend, (GEMEENTE, "GEBRUIK_BEHEERDER"))).values()
        api = Api(client, token)
        batch = {"organisatie": GEMEENTE, "bron": "cmdb", "items": [
            {"bronSleutel": str(i), "applicatie": a["id"], "status": "GEPLAND"} for i, a in enumerate(nieuw)]}  # fmt: skip
        assert regels(api, batch)["aangemaakt"] == 2
        before = await dump(backend.store)
        assert regels(api, batch)["ongewijzigd"] == 2
        assert await dump(backend.store) == before
        batch["items"][0]["status"] = "IN_PRODUCTIE"
        assert [r["uitkomst"] for r in regels(api, batch)["regels"]] == ["GEWIJZIGD", "ONGEWIJZIGD"]
        na = await gebruik(backend)
        assert (na[nieuw[0]["id"]]["status"], na[nieuw[0]["id"]]["versie"], na[nieuw[1]["id"]]["versie"]) == (
            "IN_PRODUCTIE",
            2,
            1,
        )
