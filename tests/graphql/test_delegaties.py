"""Delegation (issue 18, item 7) through HTTP, in a graph of the test's own on each engine: a
gemeente lets a leverancier keep its landscape, a leverancier lets a reseller keep its aanbod;
who sees a delegation; that a withdrawn, expired or future one gives nothing; every refusal and
invalid input, each leaving the whole graph as it was (a dump of every node and relationship).

The organisations and applications used, and the change records, are read from the graph
itself, not through the API under test; today is computed here, in Europe/Amsterdam.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import REGISTREER, data, fout, serve, tokens, wijzigingen
from tests.graphql.test_voorstellen import STEL_VOOR

GEMEENTE = "GM0014"
DELEGATIE = """
  delegatie { identificatie rol startDatum eindDatum toelichting status versienummer verleendOp ingetrokkenOp
              verlener { identificatie } ontvanger { identificatie } }
"""
VERLEEN = "mutation($input: VerleenDelegatieInput!) { verleenDelegatie(input: $input) {" + DELEGATIE + "} }"
TREK_IN = "mutation($input: TrekDelegatieInInput!) { trekDelegatieIn(input: $input) {" + DELEGATIE + "} }"
LIJST = """
query($o: ID, $s: DelegatieStatus) {
  delegaties(organisatie: $o, status: $s, first: 50) {
    totalCount nodes { identificatie status verlener { identificatie } ontvanger { identificatie } }
  }
}"""
WIJZIGINGEN = """
query($o: ID!) {
  wijzigingen(organisatie: $o, first: 50) {
    totalCount nodes { object objectLabel organisatie { identificatie } namens { identificatie } }
  }
}"""


def vandaag() -> date:
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def dag(dagen: int) -> str:
    return (vandaag() + timedelta(days=dagen)).isoformat()


async def raw(store: Store, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await store.read_text(f"test/{name}", cypher, params or {})


async def raw_write(store: Store, name: str, cypher: str, params: dict[str, Any]) -> list[dict]:
    return await store._run(f"test/{name}", cypher, params, write=True, timeout_ms=60_000, unit=None)


async def feiten(store: Store) -> dict[str, Any]:
    """Two leveranciers with applications GM0014 does not use (the first offers the most),
    another gemeente and a community: read from the graph itself."""
    rows = await raw(
        store,
        "delegatie_aanbod",
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) "
        "OPTIONAL MATCH (o:Gemeente {id: $g})-[:GEBRUIKT]->(x:Gebruik)-[:VAN]->(a) "
        "WITH l, a, count(x) AS n WHERE n = 0 "
        "RETURN l.id AS leverancier, collect(a.id) AS apps ORDER BY size(apps) DESC, leverancier",
        {"g": GEMEENTE},
    )
    eigen, ander = rows[0], rows[1]
    assert len(eigen["apps"]) >= 3
    [gemeente] = await raw(
        store, "delegatie_gemeente", "MATCH (o:Gemeente) WHERE o.id <> $g RETURN o.id AS id ORDER BY id LIMIT 1",
        {"g": GEMEENTE},
    )  # fmt: skip
    [community] = await raw(
        store, "delegatie_community", "MATCH (c:Community) RETURN c.id AS id ORDER BY id LIMIT 1"
    )
    apps = sorted(eigen["apps"])
    return {
        "lev": eigen["leverancier"],
        "apps": apps,
        "andere_lev": ander["leverancier"],
        "andere_gemeente": gemeente["id"],
        "community": community["id"],
    }


async def delegaties(store: Store, organisatie: str) -> list[str]:
    """The ids of the delegations an organisation granted or received, as the graph holds them."""
    rows = await raw(
        store,
        "delegatie_lijst",
        "MATCH (v:Organisatie)-[:VERLEENT]->(d:Delegatie)-[:GEDELEGEERD_AAN]->(o:Organisatie) "
        "WHERE v.id = $o OR o.id = $o RETURN d.id AS id ORDER BY d.verleendOp, d.id",
        {"o": organisatie},
    )
    return [row["id"] for row in rows]


async def records(store: Store, object_id: str) -> list[dict[str, Any]]:
    """The change records of an object, oldest first."""
    return [row["w"] for row in await wijzigingen(store, object_id)]


def zichtbaar(api: Api, organisatie: str | None = None, status: str | None = None) -> list[dict]:
    page = data(api.post(LIJST, {"o": organisatie, "s": status}))["delegaties"]
    assert page["totalCount"] == len(page["nodes"])
    return page["nodes"]


def refused(api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None) -> None:
    extensions = fout(api.post(query, {"input": input}))
    assert extensions["code"] == code, (input, extensions)
    if argument is not None:
        assert extensions.get("argument") == argument, (input, extensions)


async def test_a_gemeente_lets_a_leverancier_keep_its_landscape(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    lev = f["andere_lev"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (lev, "GEBRUIK_BEHEERDER"),
            (lev, "GEBRUIK_RAADPLEGER"),
            (lev, "AANBOD_BEHEERDER"),
            (f["andere_gemeente"], "ORGANISATIE_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        gemeente, beheerder, raadpleger, aanbod, ander, beheer = (Api(client, t) for t in minted.values())
        bezoeker = Api(client)
        app_a, app_b = f["apps"][0], f["apps"][1]

        # Without a delegation the leverancier's people have nothing in the gemeente's landscape.
        refused(beheerder, REGISTREER, {"organisatie": GEMEENTE, "applicatie": app_a}, "FORBIDDEN")
        assert data(raadpleger.post(WIJZIGINGEN, {"o": GEMEENTE}))["wijzigingen"]["totalCount"] == 0

        tot = dag(30)
        input = {"organisatie": GEMEENTE, "aan": lev, "rol": "GEBRUIK_BEHEERDER", "eindDatum": tot,
                 "toelichting": "Contract beheer 2026"}  # fmt: skip
        verleend = data(gemeente.post(VERLEEN, {"input": input}))["verleenDelegatie"]["delegatie"]
        key = verleend["identificatie"]
        assert verleend == {
            "identificatie": key, "rol": "GEBRUIK_BEHEERDER", "startDatum": vandaag().isoformat(), "eindDatum": tot,
            "toelichting": "Contract beheer 2026", "status": "ACTIEF", "versienummer": 1,
            "verleendOp": verleend["verleendOp"], "ingetrokkenOp": None,
            "verlener": {"identificatie": GEMEENTE}, "ontvanger": {"identificatie": lev},
        }  # fmt: skip
        assert await delegaties(store, GEMEENTE) == [key]
        [record] = await records(store, key)
        assert (record["organisatie"], record["actorOrganisatie"], record["operatie"]) == (
            GEMEENTE, GEMEENTE, "AANGEMAAKT"
        )

        # Visible to the people of both organisations and functioneel beheer, nobody else.
        for api in (gemeente, beheerder, raadpleger, aanbod, beheer):
            assert [d["identificatie"] for d in zichtbaar(api)] == [key]
            assert [d["identificatie"] for d in zichtbaar(api, GEMEENTE, "ACTIEF")] == [key]
        assert zichtbaar(ander) == [] and zichtbaar(bezoeker) == []
        assert zichtbaar(gemeente, status="INGETROKKEN") == []

        # The leverancier's gebruik-beheerder registers a Gebruik in the gemeente's landscape;
        # the change record names both organisations and the delegation.
        gebruik = data(beheerder.post(REGISTREER, {"input": {"organisatie": GEMEENTE, "applicatie": app_a}}))
        gebruik_id = gebruik["registreerGebruik"]["gebruik"]["identificatie"]
        [record] = await records(store, gebruik_id)
        assert (record["organisatie"], record["actorOrganisatie"], record["delegatie"]) == (GEMEENTE, lev, key)
        seen = data(raadpleger.post(WIJZIGINGEN, {"o": GEMEENTE}))["wijzigingen"]["nodes"]
        assert {
            "object": gebruik_id, "objectLabel": "Gebruik",
            "organisatie": {"identificatie": GEMEENTE}, "namens": {"identificatie": lev},
        } in seen  # fmt: skip

        # A gebruik-raadpleger of the leverancier now reads the landscape but changes nothing; its
        # aanbod-beheerder holds no gebruik role at home, so it has nothing there.
        refused(raadpleger, REGISTREER, {"organisatie": GEMEENTE, "applicatie": app_b}, "FORBIDDEN")
        refused(aanbod, REGISTREER, {"organisatie": GEMEENTE, "applicatie": app_b}, "FORBIDDEN")
        assert data(aanbod.post(WIJZIGINGEN, {"o": GEMEENTE}))["wijzigingen"]["totalCount"] == 0

        # Withdrawn: from the next request on it gives nothing.
        ingetrokken = data(gemeente.post(TREK_IN, {"input": {"delegatie": key, "verwachteVersie": 1}}))
        ingetrokken = ingetrokken["trekDelegatieIn"]["delegatie"]
        assert (ingetrokken["status"], ingetrokken["versienummer"]) == ("INGETROKKEN", 2)
        assert ingetrokken["ingetrokkenOp"] is not None
        refused(beheerder, REGISTREER, {"organisatie": GEMEENTE, "applicatie": app_b}, "FORBIDDEN")
        assert data(raadpleger.post(WIJZIGINGEN, {"o": GEMEENTE}))["wijzigingen"]["totalCount"] == 0
        refused(gemeente, TREK_IN, {"delegatie": key, "verwachteVersie": 2}, "TRANSITION_NOT_ALLOWED")
        assert [d["identificatie"] for d in zichtbaar(beheerder, status="INGETROKKEN")] == [key]

        # Expired: a delegation whose dates lie in the past (moved there by a raw statement).
        tweede = data(gemeente.post(VERLEEN, {"input": {**input, "toelichting": None}}))
        tweede_id = tweede["verleenDelegatie"]["delegatie"]["identificatie"]
        data(beheerder.post(REGISTREER, {"input": {"organisatie": GEMEENTE, "applicatie": app_b}}))
        await raw_write(
            store, "delegatie_verlopen", "MATCH (d:Delegatie {id: $id}) SET d.startDatum = $van, d.eindDatum = $tot",
            {"id": tweede_id, "van": dag(-40), "tot": dag(-1)},
        )  # fmt: skip
        refused(beheerder, REGISTREER, {"organisatie": GEMEENTE, "applicatie": f["apps"][2]}, "FORBIDDEN")
        assert [d["identificatie"] for d in zichtbaar(beheerder, status="VERLOPEN")] == [tweede_id]
        refused(gemeente, TREK_IN, {"delegatie": tweede_id, "verwachteVersie": 1}, "TRANSITION_NOT_ALLOWED")

        # Yet to start: granted, visible, but nothing until its first day.
        toekomst = data(gemeente.post(VERLEEN, {"input": {**input, "startDatum": dag(1), "eindDatum": dag(10)}}))
        toekomst = toekomst["verleenDelegatie"]["delegatie"]
        assert (toekomst["status"], toekomst["startDatum"]) == ("TOEKOMSTIG", dag(1))
        refused(beheerder, REGISTREER, {"organisatie": GEMEENTE, "applicatie": f["apps"][2]}, "FORBIDDEN")
        assert await delegaties(store, lev) == [key, tweede_id, toekomst["identificatie"]]


async def test_a_leverancier_lets_a_reseller_keep_its_aanbod(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    lev, reseller = f["lev"], f["andere_lev"]
    with serve(own_graph) as client:
        minted = await tokens(own_graph, (lev, "ORGANISATIE_BEHEERDER"), (reseller, "AANBOD_BEHEERDER"))
        eigenaar, verkoper = (Api(client, t) for t in minted.values())
        voorstel = {"gemeente": GEMEENTE, "applicatie": f["apps"][0]}

        refused(verkoper, STEL_VOOR, voorstel, "FORBIDDEN", "input.applicatie")
        input = {"organisatie": lev, "aan": reseller, "rol": "AANBOD_BEHEERDER", "eindDatum": dag(100),
                 "idempotencyKey": "dlg-1"}  # fmt: skip
        key = data(eigenaar.post(VERLEEN, {"input": input}))["verleenDelegatie"]["delegatie"]["identificatie"]
        # Sent again with the same key: the same delegation, not a second one (nor DUPLICATE).
        herhaald = data(eigenaar.post(VERLEEN, {"input": input}))["verleenDelegatie"]["delegatie"]
        assert herhaald["identificatie"] == key
        assert await delegaties(store, lev) == [key]

        # The reseller proposes the leverancier's application: the proposal is the leverancier's,
        # its record names the gemeente, the reseller and the delegation.
        gedaan = data(verkoper.post(STEL_VOOR, {"input": voorstel}))["stelGebruikVoor"]["voorstel"]
        assert gedaan["leverancier"] == {"identificatie": lev}
        [record] = await records(store, gedaan["identificatie"])
        assert (record["organisatie"], record["actorOrganisatie"], record["delegatie"]) == (
            GEMEENTE, reseller, key
        )
        [door] = await raw(
            store, "delegatie_voorstel", "MATCH (:Gebruiksvoorstel {id: $id})-[:DOOR]->(l) RETURN l.id AS id",
            {"id": gedaan["identificatie"]},
        )  # fmt: skip
        assert door["id"] == lev

        data(eigenaar.post(TREK_IN, {"input": {"delegatie": key, "verwachteVersie": 1}}))
        refused(verkoper, STEL_VOOR, {**voorstel, "applicatie": f["apps"][1]}, "FORBIDDEN", "input.applicatie")


async def test_every_refused_delegation_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    lev = f["andere_lev"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (lev, "ORGANISATIE_BEHEERDER"),
            (lev, "GEBRUIK_BEHEERDER"),
            (f["andere_gemeente"], "ORGANISATIE_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        gemeente, gb, gr, lev_ob, lev_gb, ander, vng, beheer = (Api(client, t) for t in minted.values())
        bezoeker = Api(client)
        input = {"organisatie": GEMEENTE, "aan": lev, "rol": "GEBRUIK_BEHEERDER", "eindDatum": dag(30)}

        # Functioneel beheer grants for any organisation; its record says so.
        door_beheer = data(beheer.post(VERLEEN, {"input": {**input, "organisatie": f["andere_gemeente"]}}))
        door_beheer = door_beheer["verleenDelegatie"]["delegatie"]["identificatie"]
        [record] = await records(store, door_beheer)
        assert (record["organisatie"], record["actorOrganisatie"]) == (f["andere_gemeente"], VNG)
        key = data(gemeente.post(VERLEEN, {"input": input}))["verleenDelegatie"]["delegatie"]["identificatie"]

        voor = await stand(store)
        # Who may not grant.
        refused(bezoeker, VERLEEN, input, "UNAUTHENTICATED")
        for api in (gb, gr, vng, lev_gb):
            refused(api, VERLEEN, input, "FORBIDDEN")
        refused(lev_ob, VERLEEN, input, "FORBIDDEN", "input.organisatie")
        refused(ander, VERLEEN, input, "FORBIDDEN", "input.organisatie")
        # What may not be granted.
        refused(gemeente, VERLEEN, {**input, "aan": GEMEENTE}, "DELEGATION_TO_SELF", "input.aan")
        refused(gemeente, VERLEEN, {**input, "rol": "AANBOD_BEHEERDER"}, "ROLE_NOT_FOR_ORGANISATION", "input.rol")
        refused(gemeente, VERLEEN, {**input, "aan": f["community"]}, "ROLE_NOT_FOR_ORGANISATION", "input.rol")
        refused(gemeente, VERLEEN, {**input, "startDatum": dag(5), "eindDatum": dag(4)}, "INVALID_PERIOD", "input.eindDatum")
        refused(gemeente, VERLEEN, {**input, "startDatum": dag(-1)}, "INVALID_PERIOD", "input.startDatum")
        refused(gemeente, VERLEEN, {**input, "eindDatum": dag(367)}, "PERIOD_TOO_LONG", "input.eindDatum")
        refused(gemeente, VERLEEN, {**input, "eindDatum": "2026-13-01"}, "INVALID_INPUT", "input.eindDatum")
        refused(gemeente, VERLEEN, {**input, "startDatum": "morgen"}, "INVALID_INPUT", "input.startDatum")
        refused(gemeente, VERLEEN, {**input, "toelichting": "x" * 10_001}, "INVALID_INPUT", "input.toelichting")
        refused(gemeente, VERLEEN, {**input, "aan": "lev-bestaat-niet"}, "NOT_FOUND", "input.aan")
        refused(gemeente, VERLEEN, input, "DUPLICATE", "input.aan")
        # Who may not withdraw it, and how not.
        intrekken = {"delegatie": key, "verwachteVersie": 1}
        refused(bezoeker, TREK_IN, intrekken, "UNAUTHENTICATED")
        for api in (gb, gr, lev_gb):
            refused(api, TREK_IN, intrekken, "FORBIDDEN")
        refused(lev_ob, TREK_IN, intrekken, "FORBIDDEN", "input.delegatie")  # the receiving organisation
        refused(ander, TREK_IN, intrekken, "NOT_FOUND", "input.delegatie")  # a third: not its to see
        refused(gemeente, TREK_IN, {**intrekken, "delegatie": door_beheer}, "NOT_FOUND", "input.delegatie")
        refused(gemeente, TREK_IN, {**intrekken, "verwachteVersie": 3}, "VERSION_CONFLICT", "input.verwachteVersie")
        assert not await verschil(store, voor)


async def test_the_change_records_name_the_delegation_for_whoever_sees_them(own_graph: Backend) -> None:
    """`wijzigingen` shows, with a record, the delegation it was made under (null for one made
    without): to the people of both organisations, to functioneel beheer, and to a samenwerking
    that sees the gemeente's landscape as a member's, though it is neither party to the
    delegation. Expected from the records' raw rows."""
    store = own_graph.store
    f = await feiten(store)
    lev = f["andere_lev"]
    samenwerkingen = await raw(store, "delegatie_samenwerking", """
        MATCH (:Gemeente {id: $g})-[:DEELNEMER_VAN]->(s:Samenwerking) RETURN s.id AS id ORDER BY id LIMIT 1""",
        {"g": GEMEENTE})  # fmt: skip
    if samenwerkingen:
        samenwerking = samenwerkingen[0]["id"]
    else:  # the test's own setup: GM0014 a member of a samenwerking
        samenwerking = "sw-delegatie-records"
        await raw_write(store, "delegatie_samenwerking_maken", """
            MATCH (g:Gemeente {id: $g})
            CREATE (g)-[:DEELNEMER_VAN]->(:Organisatie:Samenwerking {id: $s, naam: 'Qwzrt Samen', status: 'ACTIEF'})""",
            {"g": GEMEENTE, "s": samenwerking})  # fmt: skip
    lijst = """query($o: ID!) { wijzigingen(organisatie: $o, first: 100) { nodes {
      identificatie object delegatie { identificatie verlener { identificatie } ontvanger { identificatie } } } } }"""
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (lev, "GEBRUIK_BEHEERDER"),
            (samenwerking, "GEBRUIK_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        gemeente, raadpleger, beheerder, samen, beheer = (Api(client, t) for t in minted.values())
        input = {"organisatie": GEMEENTE, "aan": lev, "rol": "GEBRUIK_BEHEERDER", "eindDatum": dag(30)}
        key = data(gemeente.post(VERLEEN, {"input": input}))["verleenDelegatie"]["delegatie"]["identificatie"]
        gebruik = data(beheerder.post(REGISTREER, {"input": {"organisatie": GEMEENTE, "applicatie": f["apps"][0]}}))
        gebruik_id = gebruik["registreerGebruik"]["gebruik"]["identificatie"]
        rows = await raw(store, "delegatie_records",
                         "MATCH (w:Wijziging {organisatie: $g}) RETURN w.id AS id, w.delegatie AS delegatie",
                         {"g": GEMEENTE})  # fmt: skip
        onder = {row["id"]: row["delegatie"] for row in rows}
        assert list(onder.values()).count(key) == 1
        verwacht = {"identificatie": key, "verlener": {"identificatie": GEMEENTE}, "ontvanger": {"identificatie": lev}}

        for api in (raadpleger, beheerder, samen, beheer):
            nodes = data(api.post(lijst, {"o": GEMEENTE}))["wijzigingen"]["nodes"]
            [made] = [n for n in nodes if n["object"] == gebruik_id]
            assert made["delegatie"] == verwacht, made
            for node in nodes:
                assert (node["delegatie"] or {}).get("identificatie") == onder[node["identificatie"]], node
