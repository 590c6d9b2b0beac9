"""Gemeenten, samenwerkingen and communities created by functioneel beheer (F001) through HTTP, in
a graph of the test's own on each engine: what each write makes, every refusal of the role
matrix, invalid input (the CBS code, the province) and that every refusal leaves the graph as it
was. Expected answers come from the input sent and raw reads of the graph.
"""

from __future__ import annotations

from typing import Any

from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import data, fout, serve, tokens, wijzigingen
from tests.graphql.test_registraties import persoon, raw

GEMEENTE = "GM0014"

GEMEENTE_MAKEN = """
mutation($input: MaakGemeenteInput!) { maakGemeente(input: $input) {
  gemeente { identificatie naam status cbsCode provincie inwoners grootteklasse oppervlakteKm2 } } }"""
SAMENWERKING_MAKEN = """
mutation($input: MaakSamenwerkingInput!) { maakSamenwerking(input: $input) {
  samenwerking { identificatie naam status grondslag beschrijving website leden { identificatie } } } }"""
COMMUNITY_MAKEN = """
mutation($input: MaakCommunityInput!) { maakCommunity(input: $input) {
  community { identificatie naam status beschrijving website } } }"""

NIEUWE_GEMEENTE = {"naam": "Nieuwland", "cbsCode": "GM9901", "provincie": "Flevoland", "inwoners": 45_000}
SAMENWERKING = {"naam": "Samenwerking Nieuwland", "grondslag": "Gemeenschappelijke regeling"}
COMMUNITY = {"naam": "Community Open Source", "website": "https://community.example.org"}


async def test_functioneel_beheer_creates_a_gemeente_a_samenwerking_and_a_community(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    with serve(own_graph) as client:
        beheer = Api(
            client, (await tokens(own_graph, (VNG, "FUNCTIONEEL_BEHEERDER")))[(VNG, "FUNCTIONEEL_BEHEERDER")]
        )
        bezoeker = Api(client)

        gemeente = data(beheer.post(GEMEENTE_MAKEN, {"input": {**NIEUWE_GEMEENTE, "cbsCode": "gm9901 ",
                                                                "oppervlakteKm2": 12.5}}))  # fmt: skip
        assert gemeente["maakGemeente"]["gemeente"] == {
            "identificatie": "GM9901", "naam": "Nieuwland", "status": "ACTIEF", "cbsCode": "GM9901",
            "provincie": "Flevoland", "inwoners": 45_000, "grootteklasse": "MIDDEL", "oppervlakteKm2": 12.5,
        }  # fmt: skip
        # Everyone finds it, by its CBS code too.
        assert data(bezoeker.post('{ gemeente(cbsCode: "GM9901") { identificatie } }'))["gemeente"] == {
            "identificatie": "GM9901"
        }
        [rij] = await raw(
            store, "gemeente", "MATCH (o:Organisatie:Gemeente {id: 'GM9901'}) RETURN o {.*} AS o"
        )
        assert rij["o"]["aangemaakt"] and rij["o"]["cbsCode"] == "GM9901"
        records = await wijzigingen(store, "GM9901")
        assert [(r["w"]["operatie"], r["w"]["objectLabel"], r["w"]["actorOrganisatie"]) for r in records] == [
            ("AANGEMAAKT", "Gemeente", VNG)
        ]

        samenwerking = data(beheer.post(SAMENWERKING_MAKEN, {"input": SAMENWERKING}))["maakSamenwerking"][
            "samenwerking"
        ]
        assert samenwerking == {
            "identificatie": samenwerking["identificatie"], "naam": SAMENWERKING["naam"], "status": "ACTIEF",
            "grondslag": SAMENWERKING["grondslag"], "beschrijving": None, "website": None, "leden": [],
        }  # fmt: skip
        assert samenwerking["identificatie"].startswith("sam-")
        community = data(beheer.post(COMMUNITY_MAKEN, {"input": COMMUNITY}))["maakCommunity"]["community"]
        assert community == {
            "identificatie": community["identificatie"], "naam": COMMUNITY["naam"], "status": "ACTIEF",
            "beschrijving": None, "website": COMMUNITY["website"],
        }  # fmt: skip
        labels = await raw(store, "labels",
            "MATCH (o:Organisatie) WHERE o.id IN $ids RETURN o.id AS id, labels(o) AS labels ORDER BY o.id",
            {"ids": [samenwerking["identificatie"], community["identificatie"]]})  # fmt: skip
        assert {r["id"]: sorted(r["labels"]) for r in labels} == {
            samenwerking["identificatie"]: ["Organisatie", "Samenwerking"],
            community["identificatie"]: ["Community", "Organisatie"],
        }

        # Sent again with its key: the same gemeente, nothing written twice.
        sleutel = {**NIEUWE_GEMEENTE, "cbsCode": "GM9902", "idempotencyKey": "gem-2"}
        eerst = data(beheer.post(GEMEENTE_MAKEN, {"input": sleutel}))
        assert data(beheer.post(GEMEENTE_MAKEN, {"input": sleutel})) == eerst
        assert len(await wijzigingen(store, "GM9902")) == 1


async def test_every_refused_creation_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    [lev] = await raw(store, "lev", "MATCH (l:Leverancier) RETURN l.id AS id ORDER BY l.id LIMIT 1")
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (lev["id"], "AANBOD_BEHEERDER"),
            (VNG, "ORGANISATIE_BEHEERDER"),
        )
        beheer, *anderen = (Api(client, t) for t in minted.values())
        nieuwkomer = Api(client, persoon(own_graph, "idp|nieuwkomer", "N", "n@example.org"))
        before = await stand(store)

        def refused(
            api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None
        ) -> None:
            extensions = fout(api.post(query, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            if argument is not None:
                assert extensions.get("argument") == argument, (input, extensions)

        for query, input in (
            (GEMEENTE_MAKEN, NIEUWE_GEMEENTE),
            (SAMENWERKING_MAKEN, SAMENWERKING),
            (COMMUNITY_MAKEN, COMMUNITY),
        ):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            refused(nieuwkomer, query, input, "UNAUTHENTICATED")
            for api in anderen:  # every role but functioneel beheer, VNG's organisatie-beheerder too
                refused(api, query, input, "FORBIDDEN")
        for velden, argument in (
            ({"cbsCode": "GM123"}, "input.cbsCode"),
            ({"cbsCode": "XX1234"}, "input.cbsCode"),
            ({"provincie": "Brabant"}, "input.provincie"),
            ({"inwoners": -1}, "input.inwoners"),
            ({"naam": ""}, "input.naam"),
        ):
            refused(beheer, GEMEENTE_MAKEN, {**NIEUWE_GEMEENTE, **velden}, "INVALID_INPUT", argument)
        [bestaand] = await raw(
            store, "bestaand", "MATCH (g:Gemeente) RETURN g.cbsCode AS c ORDER BY g.id LIMIT 1"
        )
        refused(
            beheer,
            GEMEENTE_MAKEN,
            {**NIEUWE_GEMEENTE, "cbsCode": bestaand["c"]},
            "DUPLICATE",
            "input.cbsCode",
        )
        refused(
            beheer,
            SAMENWERKING_MAKEN,
            {**SAMENWERKING, "website": "geen url"},
            "INVALID_INPUT",
            "input.website",
        )
        refused(beheer, SAMENWERKING_MAKEN, {**SAMENWERKING, "naam": " "}, "INVALID_INPUT", "input.naam")
        refused(beheer, COMMUNITY_MAKEN, {**COMMUNITY, "beschrijving": "x" * 10_001}, "INVALID_INPUT",
                "input.beschrijving")  # fmt: skip
        assert not await verschil(store, before)
