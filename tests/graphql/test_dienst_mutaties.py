"""Diensten (F005, issue 18) through HTTP, in a graph of the test's own on each engine: a
leverancier's aanbod-beheerder offers a dienst on its own and another leverancier's
application, changes it and retires it; a gemeente takes it, keeps it once retired and sees it
marked, while no new Gebruik may take it; every refusal of the role matrix and every invalid
input leaves the whole graph as it was. Expected answers come from raw reads of the graph.

Concepts no mutation of this part writes (a leverancier's own concept product, a registered
leverancier awaiting approval) are set up by raw writes: no dienst may be offered on them.
"""

from __future__ import annotations

import base64
import datetime
import json
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import REGISTREER, data, fout, serve, tokens

GEMEENTE = "GM0014"

DIENST = "identificatie naam type beschrijving status ingetrokkenOp versienummer"
BIED = f"""
mutation($input: BiedDienstAanInput!) {{ biedDienstAan(input: $input) {{
  dienst {{ {DIENST} leverancier {{ identificatie }} applicaties {{ identificatie }} }} }} }}"""
WIJZIG = f"""
mutation($input: WijzigDienstInput!) {{ wijzigDienst(input: $input) {{
  dienst {{ {DIENST} applicaties {{ identificatie }} }} }} }}"""
TREK = f"""
mutation($input: TrekDienstInInput!) {{ trekDienstIn(input: $input) {{ dienst {{ {DIENST} }} }} }}"""
WIJZIG_GEBRUIK = """
mutation($input: WijzigGebruikInput!) { wijzigGebruik(input: $input) {
  gebruik { identificatie versienummer diensten { identificatie status } } } }"""


def _global(kind: str, key: str) -> str:
    return base64.b64encode(f"{kind}:{key}".encode()).decode()


async def raw(store: Store, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await store.read_text(f"test/{name}", cypher, params or {})


async def feiten(store: Store) -> dict[str, Any]:
    """From raw rows: a Gebruik of GM0014 (its application `x` of leverancier `l2`), and another
    leverancier `l` with an application of its own and a seeded dienst; another gemeente that
    does not use `x`."""
    [gebruik] = await raw(store, "dienst_gebruik", """
        MATCH (:Gemeente {id: $g})-[:GEBRUIKT]->(u:Gebruik)-[:VAN]->(x:Applicatie)<-[:BIEDT_AAN]-(l2:Leverancier)
        WHERE x.gemeldDoor IS NULL
        RETURN u.id AS gebruik, coalesce(u.versie, 1) AS versie, x.id AS x, l2.id AS l2
        ORDER BY u.id LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    [lev] = await raw(store, "dienst_leverancier", """
        MATCH (d:Dienst)<-[:LEVERT]-(l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)
        WHERE l.id <> $l2 AND a.gemeldDoor IS NULL AND l.gemeldDoor IS NULL
        RETURN l.id AS l, min(a.id) AS a, min(d.id) AS d ORDER BY l.id LIMIT 1""",
        {"l2": gebruik["l2"]})  # fmt: skip
    [ander] = await raw(store, "dienst_ander", """
        MATCH (o:Gemeente) WHERE o.id <> $g
        WITH o, [(o)-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(y) | y.id] AS gebruikt
        WHERE NOT $x IN gebruikt
        RETURN o.id AS id ORDER BY o.id LIMIT 1""", {"g": GEMEENTE, "x": gebruik["x"]})  # fmt: skip
    return {**gebruik, **lev, "ander": ander["id"]}


async def schrijf(store: Store, name: str, cypher: str, params: dict[str, Any]) -> list[dict]:
    """A raw write of the test's own setup (the module's docstring says which and why)."""
    return await store._run(f"test/{name}", cypher, params, write=True, timeout_ms=60_000, unit=None)


async def dienst_rauw(store: Store, dienst: str) -> dict[str, Any]:
    [row] = await raw(store, "dienst_rauw", """
        MATCH (l:Leverancier)-[:LEVERT]->(d:Dienst {id: $d})
        RETURN d {.*} AS d, l.id AS leverancier, [(d)-[:BIJ]->(a) | a.id] AS applicaties,
               [(d)<-[:NEEMT_AF]-(g) | g.id] AS afnemers""", {"d": dienst})  # fmt: skip
    return row


async def records(store: Store, object_id: str) -> list[dict[str, Any]]:
    rows = await raw(store, "dienst_records",
                     "MATCH (w:Wijziging) WHERE w.object = $id RETURN w {.*} AS w ORDER BY w.tijdstip, w.id",
                     {"id": object_id})  # fmt: skip
    return [row["w"] for row in rows]


def refused(api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None) -> dict:
    extensions = fout(api.post(query, {"input": input}))
    assert extensions["code"] == code, (input, extensions)
    if argument is not None:
        assert extensions.get("argument") == argument, (input, extensions)
    return extensions


async def test_every_refused_or_invalid_dienst_write_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    minted = await tokens(
        own_graph,
        (f["l"], "AANBOD_BEHEERDER"),
        (f["l"], "ORGANISATIE_BEHEERDER"),
        (f["l"], "GEBRUIK_BEHEERDER"),
        (f["l2"], "AANBOD_BEHEERDER"),
        (GEMEENTE, "GEBRUIK_BEHEERDER"),
        (GEMEENTE, "GEBRUIK_RAADPLEGER"),
        (VNG, "VNG_RAADPLEGER"),
        (VNG, "FUNCTIONEEL_BEHEERDER"),
    )
    with serve(own_graph) as client:
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen, beheer = wie[(f["l"], "AANBOD_BEHEERDER")], wie[(VNG, "FUNCTIONEEL_BEHEERDER")]
        aanbod = {"leverancier": f["l"], "naam": "Hosting", "type": "HOSTING", "applicaties": [f["a"], f["x"]]}
        bestaand = {"dienst": f["d"], "verwachteVersie": 1}
        await schrijf(store, "dienst_concepten", """
            MATCH (l:Leverancier {id: $l})
            CREATE (l)-[:BIEDT_AAN]->(:Applicatie {id: 'app-qwzrt-eigen', naam: 'Qwzrt', type: 'APPLICATIE',
                    licentietype: 'CLOSED_SOURCE', status: 'CONCEPT', gemeldDoor: $l})
            CREATE (:Applicatie {id: 'app-qwzrt-gemeld', naam: 'Qwzrt gemeld', type: 'APPLICATIE',
                    licentietype: 'CLOSED_SOURCE', status: 'CONCEPT', gemeldDoor: $g})
            CREATE (:Organisatie:Leverancier {id: 'lev-qwzrt', naam: 'Qwzrt BV', status: 'CONCEPT',
                    gemeldDoor: 'lev-qwzrt'})""", {"l": f["l"], "g": GEMEENTE})  # fmt: skip
        before = await stand(store)

        # The role matrix: signed in, and aanbod-beheerder of this leverancier (or functioneel
        # beheer). The leverancier's other roles, a gemeente's, VNG's raadpleger: FORBIDDEN before
        # any statement; another leverancier's aanbod-beheerder: FORBIDDEN on the field naming it.
        for query, input, argument in (
            (BIED, aanbod, "input.leverancier"),
            (WIJZIG, {**bestaand, "naam": "x"}, "input.dienst"),
            (TREK, bestaand, "input.dienst"),
        ):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            for rol in (
                (f["l"], "ORGANISATIE_BEHEERDER"),
                (f["l"], "GEBRUIK_BEHEERDER"),
                (GEMEENTE, "GEBRUIK_BEHEERDER"),
                (GEMEENTE, "GEBRUIK_RAADPLEGER"),
                (VNG, "VNG_RAADPLEGER"),
            ):
                refused(wie[rol], query, input, "FORBIDDEN")
            refused(wie[(f["l2"], "AANBOD_BEHEERDER")], query, input, "FORBIDDEN", argument)

        # Invalid input, each naming its field.
        for input, code, argument in (
            ({**aanbod, "naam": ""}, "INVALID_INPUT", "input.naam"),
            ({**aanbod, "naam": "   "}, "INVALID_INPUT", "input.naam"),
            ({**aanbod, "applicaties": []}, "INVALID_INPUT", "input.applicaties"),
            ({**aanbod, "beschrijving": "x" * 10_001}, "INVALID_INPUT", "input.beschrijving"),
            ({**aanbod, "applicaties": [f["a"], "app-bestaat-niet"]}, "NOT_FOUND", "input.applicaties"),
            ({**aanbod, "applicaties": [_global("Dienst", f["d"])]}, "INVALID_ID", "input.applicaties"),
            ({**aanbod, "leverancier": _global("Gemeente", GEMEENTE)}, "INVALID_ID", "input.leverancier"),
        ):
            refused(eigen, BIED, input, code, argument)
        refused(beheer, BIED, {**aanbod, "leverancier": "lev-bestaat-niet"}, "NOT_FOUND", "input.leverancier")
        # A dienst is public, so never on a concept: its own (seen) is refused as such, one another
        # organisation reported (not seen) is not found; a leverancier awaiting approval offers none.
        refused(eigen, BIED, {**aanbod, "applicaties": ["app-qwzrt-eigen"]}, "INVALID_ARGUMENT", "input.applicaties")
        refused(eigen, BIED, {**aanbod, "applicaties": ["app-qwzrt-gemeld"]}, "NOT_FOUND", "input.applicaties")
        refused(eigen, WIJZIG, {**bestaand, "applicaties": ["app-qwzrt-eigen"]}, "INVALID_ARGUMENT",
                "input.applicaties")  # fmt: skip
        refused(beheer, BIED, {**aanbod, "leverancier": "lev-qwzrt"}, "INVALID_ARGUMENT", "input.leverancier")
        assert fout(eigen.post(BIED, {"input": {**aanbod, "type": "SCHOONMAAK"}}))["code"] == "BAD_USER_INPUT"
        assert fout(eigen.post(BIED, {"input": {**aanbod, "naam": "x" * 201}}))["code"] == "INVALID_INPUT"

        refused(eigen, WIJZIG, {**bestaand, "dienst": "dst-bestaat-niet"}, "NOT_FOUND", "input.dienst")
        conflict = refused(eigen, WIJZIG, {**bestaand, "verwachteVersie": 4, "naam": "x"}, "VERSION_CONFLICT",
                           "input.verwachteVersie")  # fmt: skip
        assert conflict["huidigeVersie"] == 1
        refused(eigen, WIJZIG, {**bestaand, "naam": None}, "INVALID_INPUT", "input.naam")
        refused(eigen, WIJZIG, {**bestaand, "applicaties": []}, "INVALID_INPUT", "input.applicaties")
        refused(eigen, WIJZIG, {**bestaand, "applicaties": ["app-bestaat-niet"]}, "NOT_FOUND", "input.applicaties")
        refused(eigen, TREK, {**bestaand, "verwachteVersie": 2}, "VERSION_CONFLICT", "input.verwachteVersie")
        refused(eigen, TREK, {**bestaand, "dienst": "dst-bestaat-niet"}, "NOT_FOUND", "input.dienst")

        assert not await verschil(store, before)


async def test_a_leverancier_offers_changes_and_retires_a_dienst_its_takers_keep(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    minted = await tokens(
        own_graph,
        (f["l"], "AANBOD_BEHEERDER"),
        (GEMEENTE, "GEBRUIK_BEHEERDER"),
        (f["ander"], "GEBRUIK_BEHEERDER"),
        (VNG, "FUNCTIONEEL_BEHEERDER"),
    )
    with serve(own_graph) as client:
        eigen, gemeente, ander, beheer = (Api(client, token) for token in minted.values())
        bezoeker = Api(client)

        # Offered on its own application and on another leverancier's (BIJ), at versie 1.
        input = {"leverancier": f["l"], "naam": "Qwzrt hosting", "type": "HOSTING",
                 "beschrijving": "Hosting in NL", "applicaties": [f["a"], f["x"], f["a"]],
                 "idempotencyKey": "bied-1"}  # fmt: skip
        dienst = data(eigen.post(BIED, {"input": input}))["biedDienstAan"]["dienst"]
        d = dienst["identificatie"]
        rauw = await dienst_rauw(store, d)
        assert rauw["leverancier"] == f["l"] and sorted(rauw["applicaties"]) == sorted({f["a"], f["x"]})
        assert rauw["d"]["naam"] == "Qwzrt hosting" and rauw["d"]["type"] == "HOSTING"
        assert rauw["d"]["status"] == "AANGEBODEN" and rauw["d"]["versie"] == 1
        assert dienst == {
            "identificatie": d, "naam": "Qwzrt hosting", "type": "HOSTING", "beschrijving": "Hosting in NL",
            "status": "AANGEBODEN", "ingetrokkenOp": None, "versienummer": 1,
            "leverancier": {"identificatie": f["l"]},
            "applicaties": [{"identificatie": i} for i in _op_naam(await _namen(store, rauw["applicaties"]))],
        }  # fmt: skip
        [record] = await records(store, d)
        assert record["operatie"] == "AANGEMAAKT" and record["organisatie"] == f["l"]
        assert json.loads(record["na"])["applicaties"] == [f["a"], f["x"]]
        # Sent again with its key: the same dienst, nothing written.
        again = data(eigen.post(BIED, {"input": input}))["biedDienstAan"]["dienst"]
        assert again["identificatie"] == d and len(await records(store, d)) == 1
        assert len(await raw(store, "dienst_naam", "MATCH (x:Dienst {naam: 'Qwzrt hosting'}) RETURN x.id AS id")) == 1

        # The gemeente takes it with its Gebruik of x.
        genomen = data(gemeente.post(WIJZIG_GEBRUIK, {"input": {
            "gebruik": f["gebruik"], "verwachteVersie": f["versie"], "diensten": [d]}}))["wijzigGebruik"]["gebruik"]
        assert genomen["diensten"] == [{"identificatie": d, "status": "AANGEBODEN"}]
        gebruik_versie = genomen["versienummer"]
        assert (await dienst_rauw(store, d))["afnemers"] == [f["gebruik"]]

        # Changed: name and description; then no longer offered on x, whose Gebruik takes it: IN_USE.
        gewijzigd = data(eigen.post(WIJZIG, {"input": {
            "dienst": d, "verwachteVersie": 1, "naam": "Qwzrt cloud", "beschrijving": None}}))["wijzigDienst"]["dienst"]
        assert (gewijzigd["naam"], gewijzigd["beschrijving"], gewijzigd["versienummer"]) == ("Qwzrt cloud", None, 2)
        rauw = await dienst_rauw(store, d)
        assert "beschrijving" not in rauw["d"] or rauw["d"]["beschrijving"] is None
        assert rauw["d"]["naam"] == "Qwzrt cloud" and rauw["d"]["versie"] == 2
        before = await stand(store)
        refused(eigen, WIJZIG, {"dienst": d, "verwachteVersie": 2, "applicaties": [f["a"]]}, "IN_USE",
                "input.applicaties")  # fmt: skip
        refused(eigen, WIJZIG, {"dienst": d, "verwachteVersie": 1, "naam": "y"}, "VERSION_CONFLICT")
        assert not await verschil(store, before)
        # Functioneel beheer may change it too: offered on x only now.
        alleen_x = data(beheer.post(WIJZIG, {"input": {"dienst": d, "verwachteVersie": 2, "applicaties": [f["x"]]}}))
        assert alleen_x["wijzigDienst"]["dienst"]["applicaties"] == [{"identificatie": f["x"]}]
        assert (await dienst_rauw(store, d))["applicaties"] == [f["x"]]
        gewijzigd_records = await records(store, d)
        assert [r["operatie"] for r in gewijzigd_records] == ["AANGEMAAKT", "GEWIJZIGD", "GEWIJZIGD"]
        assert json.loads(gewijzigd_records[2]["voor"]) == {"applicaties": sorted([f["a"], f["x"]])}
        assert gewijzigd_records[2]["actorOrganisatie"] == VNG

        # Retired: marked, dated today, versie 4; the Gebruik keeps taking it.
        ingetrokken = data(eigen.post(TREK, {"input": {"dienst": d, "verwachteVersie": 3}}))["trekDienstIn"]["dienst"]
        vandaag = datetime.datetime.now(datetime.UTC).date().isoformat()
        assert (ingetrokken["status"], ingetrokken["versienummer"]) == ("INGETROKKEN", 4)
        assert ingetrokken["ingetrokkenOp"] in {vandaag, (await dienst_rauw(store, d))["d"]["ingetrokkenOp"]}
        rauw = await dienst_rauw(store, d)
        assert rauw["d"]["status"] == "INGETROKKEN" and rauw["afnemers"] == [f["gebruik"]]

        # Seen by the gemeente that takes it, marked; by id for everyone, marked; gone from the
        # catalogue's list of diensten on offer, unless the retired ones are asked for.
        zien = "query($g: ID!) { node(id: $g) { ... on Gebruik { diensten { identificatie status } } } }"
        assert data(gemeente.post(zien, {"g": _global("Gebruik", f["gebruik"])}))["node"]["diensten"] == [
            {"identificatie": d, "status": "INGETROKKEN"}
        ]
        # Another gemeente sees that GM0014 uses x, not what it takes with it (docs/access.md).
        assert data(ander.post(zien, {"g": _global("Gebruik", f["gebruik"])}))["node"]["diensten"] == []
        lijst = ("query($l: ID!, $s: DienstStatus) { diensten(filter: {leverancier: $l, status: $s}, first: 100) "
                 "{ totalCount nodes { identificatie status } } }")  # fmt: skip
        for api in (bezoeker, gemeente, eigen):
            node = data(api.post("query($id: ID!) { node(id: $id) { ... on Dienst { status ingetrokkenOp } } }",
                                 {"id": _global("Dienst", d)}))["node"]  # fmt: skip
            assert node["status"] == "INGETROKKEN" and node["ingetrokkenOp"] == rauw["d"]["ingetrokkenOp"]
            aangeboden = data(api.post(lijst, {"l": f["l"], "s": None}))["diensten"]
            assert d not in {n["identificatie"] for n in aangeboden["nodes"]}
            assert aangeboden["totalCount"] == await _aantal(store, f["l"], "AANGEBODEN")
            retired = data(api.post(lijst, {"l": f["l"], "s": "INGETROKKEN"}))["diensten"]
            assert retired["nodes"] == [{"identificatie": d, "status": "INGETROKKEN"}]
            assert retired["totalCount"] == 1

        # No new Gebruik takes it; the Gebruik that takes it may keep it, not take it again.
        before = await stand(store)
        refused(ander, REGISTREER, {"organisatie": f["ander"], "applicatie": f["x"], "diensten": [d]}, "RETIRED",
                "input.diensten")  # fmt: skip
        refused(eigen, WIJZIG, {"dienst": d, "verwachteVersie": 4, "naam": "z"}, "TRANSITION_NOT_ALLOWED",
                "input.dienst")  # fmt: skip
        refused(eigen, TREK, {"dienst": d, "verwachteVersie": 4}, "TRANSITION_NOT_ALLOWED", "input.dienst")
        assert not await verschil(store, before)
        gehouden = data(gemeente.post(WIJZIG_GEBRUIK, {"input": {
            "gebruik": f["gebruik"], "verwachteVersie": gebruik_versie, "diensten": [d], "notities": "houden"}}))
        gebruik_versie = gehouden["wijzigGebruik"]["gebruik"]["versienummer"]
        zonder = data(gemeente.post(WIJZIG_GEBRUIK, {"input": {
            "gebruik": f["gebruik"], "verwachteVersie": gebruik_versie, "diensten": []}}))
        assert zonder["wijzigGebruik"]["gebruik"]["diensten"] == []
        gebruik_versie = zonder["wijzigGebruik"]["gebruik"]["versienummer"]
        before = await stand(store)
        refused(gemeente, WIJZIG_GEBRUIK, {"gebruik": f["gebruik"], "verwachteVersie": gebruik_versie,
                                           "diensten": [d]}, "RETIRED", "input.diensten")  # fmt: skip
        assert not await verschil(store, before)


async def _namen(store: Store, ids: list[str]) -> list[tuple[str, str]]:
    rows = await raw(store, "dienst_namen", "MATCH (a:Applicatie) WHERE a.id IN $ids RETURN a.naam AS naam, a.id AS id",
                     {"ids": ids})  # fmt: skip
    return [(row["naam"], row["id"]) for row in rows]


def _op_naam(namen: list[tuple[str, str]]) -> list[str]:
    return [i for _, i in sorted(namen, key=lambda pair: (pair[0].lower(), pair[1]))]


async def _aantal(store: Store, leverancier: str, status: str) -> int:
    rows = await raw(store, "dienst_aantal", "MATCH (:Leverancier {id: $l})-[:LEVERT]->(d:Dienst) RETURN d.status AS s",
                     {"l": leverancier})  # fmt: skip
    return sum((row["s"] or "AANGEBODEN") == status for row in rows)


async def test_a_retired_dienst_on_the_replacement_carries_nothing_in_the_impact(own_graph: Backend) -> None:
    """impactanalyse of replacing x by another application `a`: a dienst the Gebruik takes that
    is offered on `a` too is carried over while offered, and lapses once retired (it takes no
    Gebruik anew). The expected list is recomputed from raw rows each time."""
    store = own_graph.store
    f = await feiten(store)
    minted = await tokens(own_graph, (f["l"], "AANBOD_BEHEERDER"), (GEMEENTE, "GEBRUIK_BEHEERDER"))
    impact = """query($g: ID!, $y: ID) { impactanalyse(gebruik: $g, vervangenDoor: $y) {
      vervallendeDiensten { identificatie } } }"""

    async def vervallend_rauw() -> set[str]:
        """The diensten the Gebruik takes that no offered dienst on `a` carries: from raw rows."""
        rows = await raw(store, "dienst_impact", """
            MATCH (u:Gebruik {id: $u})-[:NEEMT_AF]->(d:Dienst)
            RETURN d.id AS id, [(d)-[:BIJ]->(y:Applicatie {id: $a}) | coalesce(d.status, 'AANGEBODEN')] AS op_a""",
            {"u": f["gebruik"], "a": f["a"]})  # fmt: skip
        return {row["id"] for row in rows if "AANGEBODEN" not in row["op_a"]}

    with serve(own_graph) as client:
        eigen, gemeente = (Api(client, token) for token in minted.values())
        input = {"leverancier": f["l"], "naam": "Qwzrt beheer", "type": "APPLICATIEBEHEER",
                 "applicaties": [f["x"], f["a"]]}  # fmt: skip
        d = data(eigen.post(BIED, {"input": input}))["biedDienstAan"]["dienst"]["identificatie"]
        data(gemeente.post(WIJZIG_GEBRUIK, {"input": {
            "gebruik": f["gebruik"], "verwachteVersie": f["versie"], "diensten": [d]}}))  # fmt: skip
        variables = {"g": _global("Gebruik", f["gebruik"]), "y": _global("Applicatie", f["a"])}

        def vervallend() -> set[str]:
            antwoord = data(gemeente.post(impact, variables))["impactanalyse"]["vervallendeDiensten"]
            return {n["identificatie"] for n in antwoord}

        # Offered on a: carried over.
        assert d not in await vervallend_rauw()
        assert vervallend() == await vervallend_rauw()
        # Retired: it lapses, though still offered (BIJ) on a.
        data(eigen.post(TREK, {"input": {"dienst": d, "verwachteVersie": 1}}))
        assert d in await vervallend_rauw()
        assert vervallend() == await vervallend_rauw()
