"""A samenwerking's gebruik-beheerder writing Gebruik for its member gemeenten (issue 17, item 4),
through HTTP on each engine, in a graph of the test's own: it registers in a member's landscape
and changes what it registered there; the member sees it marked as registered by the
samenwerking and keeps full rights; everything else is refused and leaves the graph as it was.

The membership and the registrations the tests start from are written with the seeder's own
statements (seed/deelnemer_van, seed/registreert), as `graph-api seed` would.
"""

from __future__ import annotations

import json
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import (
    REGISTREER,
    STATUS,
    VERWIJDER,
    WIJZIG,
    _global,
    data,
    fout,
    serve,
    tokens,
    wijzigingen,
)

LID = "GM0014"  # the gemeente with a landscape in a graph of a test's own

GELEZEN = """
query($id: ID!) { node(id: $id) { ... on Gebruik { identificatie versienummer status
  organisatie { identificatie } geregistreerdDoor { identificatie } } } }"""


async def rij(store: Store, text: str, **params: Any) -> list[dict[str, Any]]:
    return await store.read_text("test/samenwerking", text, params)


async def opzet(store: Store) -> dict[str, Any]:
    """The samenwerking S the tests write as (LID its member, joined here), another samenwerking
    T that LID is not a member of, a gemeente that is a member of neither, an application LID
    does not use, and LID's Gebruik: one koppelingen use and one they do not."""
    samenwerkingen = [r["id"] for r in await rij(store, "MATCH (s:Samenwerking) RETURN s.id AS id ORDER BY id")]
    s, t = samenwerkingen[0], samenwerkingen[1]
    await store.write("seed/deelnemer_van", {"rows": [{"van": LID, "naar": s, "sinds": "2020-01-01"}]})
    leden_t = {r["id"] for r in await rij(
        store, "MATCH (g:Gemeente)-[:DEELNEMER_VAN]->(:Samenwerking {id: $t}) RETURN g.id AS id", t=t
    )}  # fmt: skip
    assert LID not in leden_t, "pick another T: LID is a member of it"
    leden_s = {r["id"] for r in await rij(
        store, "MATCH (g:Gemeente)-[:DEELNEMER_VAN]->(:Samenwerking {id: $s}) RETURN g.id AS id", s=s
    )}  # fmt: skip
    gemeenten = [r["id"] for r in await rij(store, "MATCH (g:Gemeente) RETURN g.id AS id ORDER BY id")]
    buiten = next(g for g in gemeenten if g not in leden_s and g != LID)
    gebruik = await rij(
        store,
        "MATCH (:Gemeente {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie) "
        "RETURN g.id AS id, a.id AS app, size([(g)<-[:VAN|NAAR|VIA]-(k) | k]) AS koppelingen ORDER BY id",
        o=LID,
    )
    gebruikt = {r["app"] for r in gebruik}
    apps = [r["id"] for r in await rij(store, "MATCH (a:Applicatie) RETURN a.id AS id ORDER BY id")]
    return {
        "s": s,
        "t": t,
        "buiten": buiten,
        "app": next(a for a in apps if a not in gebruikt),
        "gekoppeld": next(r["id"] for r in gebruik if r["koppelingen"]),
        "los": [r["id"] for r in gebruik if not r["koppelingen"]],
    }


async def test_a_samenwerking_registers_and_maintains_gebruik_for_its_member(own_graph: Backend) -> None:
    store = own_graph.store
    f = await opzet(store)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (f["s"], "GEBRUIK_BEHEERDER"),
            (LID, "GEBRUIK_BEHEERDER"),
            (LID, "GEBRUIK_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        samenwerking, eigen, lezer, beheer = (Api(client, token) for token in minted.values())

        # Registered in the member's landscape; the samenwerking REGISTREERT it.
        nieuw = data(samenwerking.post(REGISTREER, {"input": {
            "organisatie": LID, "applicatie": f["app"], "notities": "Namens de samenwerking",
        }}))["registreerGebruik"]["gebruik"]  # fmt: skip
        key = nieuw["identificatie"]
        assert nieuw["status"] == "VERWERVING" and nieuw["versienummer"] == 1
        assert await rij(
            store,
            "MATCH (s:Samenwerking)-[:REGISTREERT]->(g:Gebruik {id: $g})<-[:GEBRUIKT]-(o) "
            "RETURN s.id AS s, o.id AS o",
            g=key,
        ) == [{"s": f["s"], "o": LID}]
        [record] = await wijzigingen(store, key)
        assert record["w"]["actorOrganisatie"] == f["s"] and record["w"]["organisatie"] == LID
        assert json.loads(record["w"]["na"])["geregistreerdDoor"] == f["s"]

        # The member sees it in its landscape, marked as registered by the samenwerking.
        gezien = data(lezer.post(GELEZEN, {"id": _global("Gebruik", key)}))["node"]
        assert gezien["geregistreerdDoor"] == {"identificatie": f["s"]}
        assert gezien["organisatie"] == {"identificatie": LID}
        landschap = data(lezer.post(
            "query($o: ID!, $a: ID!) { gebruik(organisatie: $o, filter: {applicatie: $a}, first: 100) { nodes { "
            "identificatie geregistreerdDoor { identificatie } } } }", {"o": LID, "a": f["app"]}
        ))["gebruik"]["nodes"]  # fmt: skip
        assert {"identificatie": key, "geregistreerdDoor": {"identificatie": f["s"]}} in landschap

        # The samenwerking changes and moves along what it registered, recorded as acting for it.
        data(samenwerking.post(WIJZIG, {"input": {"gebruik": key, "verwachteVersie": 1, "hostingmodel": "SAAS"}}))
        stap = data(samenwerking.post(STATUS, {"input": {
            "gebruik": key, "verwachteVersie": 2, "status": "IN_PRODUCTIE", "datum": "2026-05-01",
        }}))["zetGebruikStatus"]["gebruik"]  # fmt: skip
        assert stap["status"] == "IN_PRODUCTIE" and stap["startDatum"] == "2026-05-01"
        assert [r["w"]["actorOrganisatie"] for r in await wijzigingen(store, key)] == [f["s"]] * 3

        # The member's own gebruik-beheerder keeps full rights: its change is its own, and the
        # Gebruik stays marked as the samenwerking's registration.
        data(eigen.post(WIJZIG, {"input": {"gebruik": key, "verwachteVersie": 3, "notities": "Overgenomen"}}))
        assert (await wijzigingen(store, key))[-1]["w"]["actorOrganisatie"] == LID
        gezien = data(lezer.post(GELEZEN, {"id": _global("Gebruik", key)}))["node"]
        assert gezien["versienummer"] == 4 and gezien["geregistreerdDoor"] == {"identificatie": f["s"]}

        # And the samenwerking deletes what it registered.
        weg = data(samenwerking.post(VERWIJDER, {"input": {"gebruik": key, "verwachteVersie": 4}}))
        assert weg["verwijderGebruik"] == {"verwijderdId": key, "verwijderdeKoppelingen": 0}
        assert await rij(store, "MATCH (g:Gebruik {id: $g}) RETURN g.id AS id", g=key) == []
        laatste = (await wijzigingen(store, key))[-1]["w"]
        assert laatste["operatie"] == "VERWIJDERD" and laatste["actorOrganisatie"] == f["s"]
        assert data(beheer.post(GELEZEN, {"id": _global("Gebruik", key)}))["node"] is None


async def test_a_samenwerking_changes_nothing_else(own_graph: Backend) -> None:
    store = own_graph.store
    f = await opzet(store)
    # The samenwerking registered LID's gekoppelde Gebruik; T registered one of LID's others,
    # as if LID had left T since: a registration gives no rights without the membership.
    los, van_t = f["los"][0], f["los"][1]
    await store.write("seed/registreert", {"rows": [{"van": f["s"], "naar": f["gekoppeld"]}]})
    await store.write("seed/registreert", {"rows": [{"van": f["t"], "naar": van_t}]})
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (f["s"], "GEBRUIK_BEHEERDER"),
            (f["s"], "GEBRUIK_RAADPLEGER"),
            (f["t"], "GEBRUIK_BEHEERDER"),
            (f["buiten"], "GEBRUIK_BEHEERDER"),
        )
        samenwerking, raadpleger, ander, buiten = (Api(client, token) for token in minted.values())
        before = await stand(store)

        def refused(api: Api, query: str, input: dict[str, Any], code: str, argument: str | None) -> None:
            extensions = fout(api.post(query, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            assert extensions.get("argument") == argument, (input, extensions)

        registratie = {"organisatie": LID, "applicatie": f["app"]}
        # Not for a gemeente that is no member; not as a raadpleger of the samenwerking; not as
        # T, of which LID is no member.
        refused(samenwerking, REGISTREER, {**registratie, "organisatie": f["buiten"]}, "FORBIDDEN",
                "input.organisatie")  # fmt: skip
        refused(raadpleger, REGISTREER, registratie, "FORBIDDEN", None)
        refused(ander, REGISTREER, registratie, "FORBIDDEN", "input.organisatie")
        # Not the member's Gebruik it did not register; not the one T registered; nor may a
        # gebruik-beheerder of a gemeente outside change what the samenwerking registered.
        for gebruik, api in ((los, samenwerking), (van_t, ander), (f["gekoppeld"], buiten), (los, raadpleger)):
            bestaand = {"gebruik": gebruik, "verwachteVersie": 1}
            argument = None if api is raadpleger else "input.gebruik"
            refused(api, WIJZIG, {**bestaand, "notities": "x"}, "FORBIDDEN", argument)
            refused(api, STATUS, {**bestaand, "status": "UITGEFASEERD"}, "FORBIDDEN", argument)
            refused(api, VERWIJDER, bestaand, "FORBIDDEN", argument)
        # The koppelingen that use its Gebruik are the member's own: the samenwerking is told
        # IN_USE, and FORBIDDEN when it asks to delete them along.
        gekoppeld = {"gebruik": f["gekoppeld"], "verwachteVersie": 1}
        refused(samenwerking, VERWIJDER, gekoppeld, "IN_USE", "input.ookKoppelingen")
        refused(samenwerking, VERWIJDER, {**gekoppeld, "ookKoppelingen": True}, "FORBIDDEN",
                "input.ookKoppelingen")  # fmt: skip
        # Its own writes are held to the same input rules as anyone's.
        refused(samenwerking, REGISTREER, {**registratie, "organisatie": "GM9999"}, "NOT_FOUND",
                "input.organisatie")  # fmt: skip
        refused(samenwerking, WIJZIG, {**gekoppeld, "notities": "x" * 10_001}, "INVALID_INPUT", "input.notities")
        refused(samenwerking, WIJZIG, {**gekoppeld, "verwachteVersie": 3, "notities": "x"}, "VERSION_CONFLICT",
                "input.verwachteVersie")  # fmt: skip

        assert not await verschil(store, before)
