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

import pytest

from graph_api.domain.landschap.synchronisatie import normaal
from tests.backends import Backend
from tests.graafdump import stand, verschil
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
    koppelingen { index bronSleutel uitkomst koppeling velden code veld reden }
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


async def koppelingen(backend: Backend) -> dict[str, dict[str, Any]]:
    """The koppelingen a sync keeps in GM0014's landscape, by key, as the graph holds them: their
    ends, VOLGENS, the KOPPELT from and to the VAN end, and the standards GEMMA requires at
    either end (as cypher/koppeling/standaarden reads them) and those they follow."""
    rows = await raw(backend.store, "sync_koppelingen",
        "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n) "
        "WHERE k.bronSleutel IS NOT NULL "
        "RETURN k {.*} AS k, u.id AS van, n.id AS naar, [(k)-[:VOLGENS]->(sv) | sv.id] AS volgens, "
        "[(u)-[r1:KOPPELT]->(x) WHERE r1.koppelingId = k.id | x.id] AS uit, "
        "[(u)<-[r2:KOPPELT]-(y) WHERE r2.koppelingId = k.id | y.id] AS binnen, "
        "[(u)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id] + "
        "[(n)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id] + "
        "[(n)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] AS vereist, "
        "[(k)-[:VOLGENS]->()-[:VERSIE_VAN]->(s4) | s4.id] AS gevolgd", {"o": GEMEENTE})  # fmt: skip
    return {row["k"]["bronSleutel"].rsplit(":", 1)[1]: row for row in rows}


def vlaggen(row: dict[str, Any]) -> tuple[bool, bool]:
    """The standard flags koppeling/standaarden would set, from a raw row."""
    vereist = set(row["vereist"])
    return bool(vereist), bool(vereist & set(row["gevolgd"]))


async def koppelrecords(backend: Backend) -> int:
    [row] = await raw(backend.store, "sync_koppelrecords",
        "MATCH (w:Wijziging {organisatie: $o, objectLabel: 'Koppeling'}) RETURN count(w) AS n", {"o": GEMEENTE})  # fmt: skip
    return row["n"]


def kortk(antwoord: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(r["index"], r["bronSleutel"], r["uitkomst"], r["code"], r["veld"]) for r in antwoord["koppelingen"]]


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
        # Koppelingen between the batch's Gebruik and to a national facility, by GEMMA Object ID.
        [vz] = await raw(backend.store, "sync_vz", "MATCH (v:BuitengemeentelijkeVoorziening) "
                         "WHERE v.gemmaId IS NOT NULL RETURN v.id AS id, v.gemmaId AS gemmaId ORDER BY v.id LIMIT 1")  # fmt: skip
        [sv] = await raw(backend.store, "sync_sv", "MATCH (s:Standaardversie) "
                         "WHERE s.gemmaId IS NOT NULL RETURN s.id AS id, s.gemmaId AS gemmaId ORDER BY s.id LIMIT 1")  # fmt: skip
        kitems = [
            {"bronSleutel": "K-1", "van": "A-1", "naar": "A-2", "type": "API", "richting": "HEEN",
             "standaarden": [sv["gemmaId"]]},
            {"bronSleutel": "K-2", "van": "A-3", "naarVoorziening": vz["gemmaId"], "type": "DIGIKOPPELING",
             "richting": "TERUG", "status": "IN_GEBRUIK"},
            {"bronSleutel": "K-3", "van": "A-1", "naar": "A-99", "type": "API", "richting": "HEEN"},
            {"bronSleutel": "K-4", "van": "A-4", "naar": "A-1", "type": "API", "richting": "HEEN"},
            {"bronSleutel": "K-5", "van": "A-1", "naar": "A-2"},
        ]  # fmt: skip
        metk = {**batch, "koppelingen": kitems}

        # Refused as a whole, the graph as it was: the role matrix and a bad batch.
        before = await stand(backend.store)
        for api, code in (
            (Api(client), "UNAUTHENTICATED"),
            (raadpleger, "FORBIDDEN"),
            (leverancier, "FORBIDDEN"),
        ):
            assert fout(api.post(SYNC, {"input": metk}))["code"] == code
        fouten = fout(ander.post(SYNC, {"input": metk}))
        assert (fouten["code"], fouten["argument"]) == ("FORBIDDEN", "input.organisatie")
        fouten = fout(machine.post(SYNC, {"input": {**batch, "bron": "Top Desk"}}))
        assert fouten["code"] == "INVALID_INPUT" and "input.bron" in str(fouten), fouten
        # A dry run by the gebruik-beheerder, and a batch whose every item fails, write nothing.
        droog = regels(beheerder, {**metk, "proefrun": True})
        assert (droog["proefrun"], droog["aangemaakt"], droog["gewijzigd"]) == (True, 2, 1)
        assert [r[2] for r in kortk(droog)] == ["AANGEMAAKT"] * 2 + ["MISLUKT"] * 3
        alleen_fout = regels(machine, {**metk, "items": items[3:7]})
        assert (alleen_fout["mislukt"], alleen_fout["overgeslagen"]) == (3, 1)
        assert {r[2] for r in kortk(alleen_fout)} == {"MISLUKT"}
        assert not await verschil(backend.store, before)

        # The first sync, by the gemeente's machine client.
        eerste = regels(machine, metk)
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
        # The koppelingen: two written, as registreerKoppeling writes them; ends that name no
        # Gebruik of this bron (unknown, or an item that failed) and a new one without a type fail.
        assert kortk(eerste) == [
            (0, "K-1", "AANGEMAAKT", None, None),
            (1, "K-2", "AANGEMAAKT", None, None),
            (2, "K-3", "MISLUKT", "NOT_FOUND", "input.koppelingen[2].naar"),
            (3, "K-4", "MISLUKT", "NOT_FOUND", "input.koppelingen[3].van"),
            (4, "K-5", "MISLUKT", "REQUIRED", "input.koppelingen[4].type"),
        ], eerste["koppelingen"]
        ks = await koppelingen(backend)
        assert set(ks) == {"K-1", "K-2"}
        k1, k2 = ks["K-1"], ks["K-2"]
        assert [r["koppeling"] for r in eerste["koppelingen"][:2]] == [k1["k"]["id"], k2["k"]["id"]]
        assert (k1["van"], k1["naar"], k1["volgens"], k1["uit"], k1["binnen"]) == (g1["id"], g2["id"], [sv["id"]], [g2["id"]], [])
        assert {x: k1["k"][x] for x in ("type", "richting", "status", "versie", "bron", "bronSleutel")} == {
            "type": "API", "richting": "HEEN", "status": "IN_ONTWIKKELING", "versie": 1, "bron": "topdesk",
            "bronSleutel": "topdesk:GM0014:K-1"}  # fmt: skip
        assert (k2["van"], k2["naar"], k2["volgens"], k2["uit"], k2["binnen"]) == (g3["id"], vz["id"], [], [], [vz["id"]])
        assert (k2["k"]["type"], k2["k"]["richting"], k2["k"]["status"]) == ("DIGIKOPPELING", "TERUG", "IN_GEBRUIK")
        for row in (k1, k2):
            assert (row["k"]["heeftVereisteStandaard"], row["k"]["volgtVereisteStandaard"]) == vlaggen(row)
        assert await koppelrecords(backend) == 2

        # The same batch again: nothing changes, not even a record.
        before = await stand(backend.store)
        tweede = regels(machine, metk)
        assert [r[2] for r in kort(tweede)[:3]] == ["ONGEWIJZIGD"] * 3
        assert [r[2:] for r in kort(tweede)[3:]] == [r[2:] for r in kort(eerste)[3:]]
        assert [r[2] for r in kortk(tweede)[:2]] == ["ONGEWIJZIGD"] * 2
        assert kortk(tweede)[2:] == kortk(eerste)[2:]
        assert not await verschil(backend.store, before)

        # The gemeente edits its own fields; a changed batch leaves them, and rows missing are kept.
        data(beheerder.post(WIJZIG, {"input": {"gebruik": g1["id"], "verwachteVersie": 1,
                                               "notities": "eigen notitie", "contractEinde": "2031-06-30"}}))  # fmt: skip
        # A changed koppeling, its other end synced before: both ways now, in use, no standard.
        derde = regels(machine, {**batch, "items": [
            {**items[0], "status": "UIT_TE_FASEREN", "notities": "overschreven?", "contractEinde": "2040-01-01"}],
            "koppelingen": [{**kitems[0], "richting": "BEIDE", "status": "IN_GEBRUIK", "standaarden": []}]})  # fmt: skip
        assert [(r["uitkomst"], r["velden"]) for r in derde["regels"]] == [
            ("GEWIJZIGD", ["status", "uitTeFaserenDatum"])
        ]
        assert [(r["uitkomst"], r["koppeling"], r["velden"]) for r in derde["koppelingen"]] == [
            ("GEWIJZIGD", k1["k"]["id"], ["richting", "standaardversies", "status"])
        ]
        ks = await koppelingen(backend)
        k1 = ks["K-1"]
        assert (k1["k"]["richting"], k1["k"]["status"], k1["k"]["versie"], k1["volgens"]) == ("BEIDE", "IN_GEBRUIK", 2, [])
        assert (k1["uit"], k1["binnen"], ks["K-2"]) == ([g2["id"]], [g2["id"]], k2)
        assert (k1["k"]["heeftVereisteStandaard"], k1["k"]["volgtVereisteStandaard"]) == vlaggen(k1)
        assert await koppelrecords(backend) == 3
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
        # And koppelingen that cannot be: back along theirs, another end, unknown GEMMA Object IDs.
        before = await stand(backend.store)
        terug = regels(machine, {**batch, "items": [{**items[0], "status": "GEPLAND"}], "koppelingen": [
            {**kitems[0], "status": "IN_ONTWIKKELING"},
            {**kitems[1], "van": "A-1"},
            {**kitems[0], "bronSleutel": "K-6", "standaarden": ["gemma-bestaat-niet"]},
            {**kitems[1], "bronSleutel": "K-7", "naarVoorziening": "gemma-bestaat-niet"}]})  # fmt: skip
        assert not await verschil(backend.store, before)
        assert kort(terug) == [
            (0, "A-1", "MISLUKT", a_id["id"], "TRANSITION_NOT_ALLOWED", "input.items[0].status")
        ]
        assert kortk(terug) == [
            (0, "K-1", "MISLUKT", "TRANSITION_NOT_ALLOWED", "input.koppelingen[0].status"),
            (1, "K-2", "MISLUKT", "CONFLICT", "input.koppelingen[1].van"),
            (2, "K-6", "MISLUKT", "NOT_FOUND", "input.koppelingen[2].standaarden"),
            (3, "K-7", "MISLUKT", "NOT_FOUND", "input.koppelingen[3].naarVoorziening"),
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
        # And the koppelingen of this bron it lacks are withdrawn, kept with their history.
        assert sorted((r["bronSleutel"], r["uitkomst"], r["index"]) for r in laatste["koppelingen"]) == [
            ("K-1", "TERUGGETROKKEN", None), ("K-2", "TERUGGETROKKEN", None)]  # fmt: skip
        ks = await koppelingen(backend)
        assert [(ks[x]["k"]["status"], ks[x]["k"]["versie"]) for x in ("K-1", "K-2")] == [
            ("TERUGGETROKKEN", 3), ("TERUGGETROKKEN", 2)]  # fmt: skip
        assert await koppelrecords(backend) == 5
        # One record per change: A-1..A-3 created or adopted, A-1 changed twice (once by hand).
        assert await wijzigingen(backend) == records + 1 + 1 + 2

        # The idempotency key: a repeat writes nothing, other input under it is refused.
        sleutel = {**batch, "items": [{**items[1], "hostingmodel": "PAAS"}], "idempotencyKey": "sync-1"}
        assert regels(fb, sleutel)["gewijzigd"] == 1
        before = await stand(backend.store)
        assert regels(fb, sleutel)["regels"][0]["uitkomst"] == "ONGEWIJZIGD"
        assert fout(fb.post(SYNC, {"input": {**sleutel, "bron": "cmdb"}}))["code"] == "IDEMPOTENCY_KEY_REUSED"
        assert not await verschil(backend.store, before)


@pytest.mark.parametrize("engine_name", ["neo4j"], indirect=True, scope="session")
async def test_the_sync_statement_on_neo4j(own_graph: Backend) -> None:
    backend = own_graph
    voor = await gebruik(backend)
    nieuw = [a for a in await catalogus(backend) if a["id"] not in voor][:2]
    with serve(backend) as client:
        [token] = (await tokens(backend, (GEMEENTE, "GEBRUIK_BEHEERDER"))).values()
        api = Api(client, token)
        batch = {"organisatie": GEMEENTE, "bron": "cmdb", "items": [
            {"bronSleutel": str(i), "applicatie": a["id"], "status": "GEPLAND"} for i, a in enumerate(nieuw)],
            "koppelingen": [{"bronSleutel": "k", "van": "0", "naar": "1", "type": "API", "richting": "BEIDE"}]}  # fmt: skip
        eerste = regels(api, batch)
        assert (eerste["aangemaakt"], [r["uitkomst"] for r in eerste["koppelingen"]]) == (2, ["AANGEMAAKT"])
        na = await gebruik(backend)
        ks = await koppelingen(backend)
        [k] = ks.values()
        g0, g1 = na[nieuw[0]["id"]]["id"], na[nieuw[1]["id"]]["id"]
        assert (k["k"]["id"], k["van"], k["naar"], k["uit"], k["binnen"]) == (
            eerste["koppelingen"][0]["koppeling"], g0, g1, [g1], [g1])
        assert (k["k"]["richting"], k["k"]["status"], k["k"]["bronSleutel"]) == ("BEIDE", "IN_ONTWIKKELING", "cmdb:GM0014:k")
        assert (k["k"]["heeftVereisteStandaard"], k["k"]["volgtVereisteStandaard"]) == vlaggen(k)
        before = await stand(backend.store)
        tweede = regels(api, batch)
        assert (tweede["ongewijzigd"], tweede["koppelingen"][0]["uitkomst"]) == (2, "ONGEWIJZIGD")
        assert not await verschil(backend.store, before)
        batch["items"][0]["status"] = "IN_PRODUCTIE"
        assert [r["uitkomst"] for r in regels(api, batch)["regels"]] == ["GEWIJZIGD", "ONGEWIJZIGD"]
        na = await gebruik(backend)
        assert (na[nieuw[0]["id"]]["status"], na[nieuw[0]["id"]]["versie"], na[nieuw[1]["id"]]["versie"]) == (
            "IN_PRODUCTIE",
            2,
            1,
        )
