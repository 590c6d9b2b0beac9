"""Requests for access (F001) through HTTP, in a graph of the test's own on each engine: a person
unknown here asks a gemeente for roles; the gemeente's organisatie-beheerder grants one (the
person becomes a Gebruiker with those roles there, and its token now carries them) and
functioneel beheer refuses another; the person sees where its requests stand; every refusal of
the role matrix and every invalid input leaves the graph as it was.
"""

from __future__ import annotations

from typing import Any

from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import data, fout, serve, tokens, wijzigingen
from tests.graphql.test_registraties import persoon, raw

GEMEENTE = "GM0014"

VRAAG = """
mutation($input: VraagToegangAanInput!) { vraagToegangAan(input: $input) {
  toegangsverzoek { identificatie status naam email rollen toelichting versienummer organisatie { identificatie } }
} }"""
KEN_TOE = """
mutation($input: KenToegangToeInput!) { kenToegangToe(input: $input) {
  toegangsverzoek { identificatie status rollen versienummer beoordeeldOp }
} }"""
WEIGER = """
mutation($input: WeigerToegangInput!) { weigerToegang(input: $input) {
  toegangsverzoek { identificatie status reden versienummer }
} }"""
MIJN = "{ mijnToegangsverzoeken { identificatie status reden rollen organisatie { identificatie } } }"
LIJST = """
query($o: ID, $s: ToegangsverzoekStatus) { toegangsverzoeken(organisatie: $o, status: $s, first: 50) {
  totalCount nodes { identificatie status naam email } } }"""
IK = "{ ik { gebruiker lidmaatschappen { identificatie rollen } } }"


async def test_a_person_asks_a_gemeente_for_access_and_is_granted_or_refused(own_graph: Backend) -> None:
    store = own_graph.store
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
        )
        beheerder, beheer, gebruik = (Api(client, t) for t in minted.values())
        anna = Api(client, persoon(own_graph, "idp|anna", "Anna de Vries", "anna@groningen.example"))
        bert = Api(client, persoon(own_graph, "idp|bert", "Bert", "bert@groningen.example"))

        gevraagd = data(anna.post(VRAAG, {"input": {
            "organisatie": GEMEENTE, "rollen": ["GEBRUIK_BEHEERDER", "GEBRUIK_RAADPLEGER", "GEBRUIK_BEHEERDER"],
            "toelichting": "Nieuw bij informatiebeheer", "idempotencyKey": "anna-1",
        }}))["vraagToegangAan"]["toegangsverzoek"]  # fmt: skip
        verzoek = gevraagd["identificatie"]
        assert gevraagd == {
            "identificatie": verzoek, "status": "INGEDIEND", "naam": "Anna de Vries",
            "email": "anna@groningen.example", "rollen": ["GEBRUIK_BEHEERDER", "GEBRUIK_RAADPLEGER"],
            "toelichting": "Nieuw bij informatiebeheer", "versienummer": 1, "organisatie": {"identificatie": GEMEENTE},
        }  # fmt: skip
        # Sent again with its key: the same answer; without it, a second open request is refused.
        assert data(anna.post(VRAAG, {"input": {
            "organisatie": GEMEENTE, "rollen": ["GEBRUIK_BEHEERDER", "GEBRUIK_RAADPLEGER", "GEBRUIK_BEHEERDER"],
            "toelichting": "Nieuw bij informatiebeheer", "idempotencyKey": "anna-1",
        }}))["vraagToegangAan"]["toegangsverzoek"] == gevraagd  # fmt: skip
        tweede = fout(
            anna.post(VRAAG, {"input": {"organisatie": GEMEENTE, "rollen": ["GEBRUIK_RAADPLEGER"]}})
        )
        assert (tweede["code"], tweede["argument"]) == ("DUPLICATE", "input.organisatie")
        bij_bert = data(
            bert.post(VRAAG, {"input": {"organisatie": GEMEENTE, "rollen": ["GEBRUIK_RAADPLEGER"]}})
        )
        van_bert = bij_bert["vraagToegangAan"]["toegangsverzoek"]["identificatie"]
        [rij] = await raw(store, "verzoek", "MATCH (t:Toegangsverzoek {id: $t})-[:AAN]->(o) RETURN t {.*} AS t, o.id AS o",
                          {"t": verzoek})  # fmt: skip
        assert (rij["t"]["subject"], rij["o"]) == ("idp|anna", GEMEENTE)
        [record] = await wijzigingen(store, verzoek)
        assert (record["w"]["actor"], record["w"]["organisatie"]) == ("subject:idp|anna", GEMEENTE)

        # Who sees them: the gemeente's organisatie-beheerder and functioneel beheer; the person its own.
        for api in (beheerder, beheer):
            lijst = data(api.post(LIJST, {"o": GEMEENTE, "s": "INGEDIEND"}))["toegangsverzoeken"]
            assert lijst["totalCount"] == 2
            assert sorted(n["identificatie"] for n in lijst["nodes"]) == sorted([verzoek, van_bert])
        for api in (gebruik, Api(client), anna):
            assert data(api.post(LIJST, {"o": None, "s": None}))["toegangsverzoeken"] == {
                "totalCount": 0,
                "nodes": [],
            }
        assert [v["identificatie"] for v in data(anna.post(MIJN))["mijnToegangsverzoeken"]] == [verzoek]
        assert data(Api(client).post(MIJN))["mijnToegangsverzoeken"] == []

        # Granted with one of the roles asked: Anna is a Gebruiker of the gemeente with it.
        toe = data(beheerder.post(KEN_TOE, {"input": {"toegangsverzoek": verzoek, "verwachteVersie": 1,
                                                      "rollen": ["GEBRUIK_RAADPLEGER"]}}))  # fmt: skip
        assert toe["kenToegangToe"]["toegangsverzoek"] | {"beoordeeldOp": None} == {
            "identificatie": verzoek, "status": "TOEGEKEND", "rollen": ["GEBRUIK_BEHEERDER", "GEBRUIK_RAADPLEGER"],
            "versienummer": 2, "beoordeeldOp": None,
        }  # fmt: skip
        [lid] = await raw(store, "lid",
            "MATCH (t:Toegangsverzoek {id: $t})-[:WERD]->(u:Gebruiker)-[m:LID_VAN]->(o:Organisatie) "
            "RETURN u {.*} AS u, m.rollen AS rollen, o.id AS o", {"t": verzoek})  # fmt: skip
        assert {k: lid["u"][k] for k in ("subject", "naam", "email", "status")} == {
            "subject": "idp|anna", "naam": "Anna de Vries", "email": "anna@groningen.example", "status": "ACTIEF",
        }  # fmt: skip
        assert (lid["rollen"], lid["o"]) == (["GEBRUIK_RAADPLEGER"], GEMEENTE)
        assert data(anna.post(IK))["ik"] == {
            "gebruiker": lid["u"]["id"], "lidmaatschappen": [{"identificatie": GEMEENTE, "rollen": ["GEBRUIK_RAADPLEGER"]}]
        }  # fmt: skip
        assert [v["status"] for v in data(anna.post(MIJN))["mijnToegangsverzoeken"]] == ["TOEGEKEND"]

        # Refused by functioneel beheer with a reason Bert reads.
        weiger = data(beheer.post(WEIGER, {"input": {"toegangsverzoek": van_bert, "verwachteVersie": 1,
                                                     "reden": "Onbekend bij ons"}}))  # fmt: skip
        assert weiger["weigerToegang"]["toegangsverzoek"] == {
            "identificatie": van_bert,
            "status": "GEWEIGERD",
            "reden": "Onbekend bij ons",
            "versienummer": 2,
        }
        assert [(v["status"], v["reden"]) for v in data(bert.post(MIJN))["mijnToegangsverzoeken"]] == [
            ("GEWEIGERD", "Onbekend bij ons")
        ]
        assert data(bert.post(IK))["ik"]["gebruiker"] is None
        # Refused, Bert may ask again.
        opnieuw = data(
            bert.post(VRAAG, {"input": {"organisatie": GEMEENTE, "rollen": ["GEBRUIK_RAADPLEGER"]}})
        )
        assert opnieuw["vraagToegangAan"]["toegangsverzoek"]["status"] == "INGEDIEND"


async def test_every_refused_request_or_decision_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    [feit] = await raw(store, "feiten",
        "MATCH (o:Gemeente) WHERE o.id <> $g WITH o ORDER BY o.id LIMIT 1 "
        "MATCH (l:Leverancier) WITH o, l ORDER BY l.id LIMIT 1 "
        "MATCH (c:Community) WITH o, l, c ORDER BY c.id LIMIT 1 "
        "RETURN o.id AS andere, l.id AS lev, c.id AS community", {"g": GEMEENTE})  # fmt: skip
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (VNG, "VNG_RAADPLEGER"),
            (feit["lev"], "AANBOD_BEHEERDER"),
            (feit["andere"], "ORGANISATIE_BEHEERDER"),
        )
        beheerder, beheer, *zonder_recht, andere_beheerder = (Api(client, t) for t in minted.values())
        [bekend] = await raw(store, "email", "MATCH (u:Gebruiker) RETURN u.email AS e ORDER BY u.id LIMIT 1")
        carla = Api(client, persoon(own_graph, "idp|carla", "Carla", "carla@groningen.example"))
        open_ = data(
            carla.post(VRAAG, {"input": {"organisatie": GEMEENTE, "rollen": ["GEBRUIK_RAADPLEGER"]}})
        )
        verzoek = open_["vraagToegangAan"]["toegangsverzoek"]["identificatie"]
        before = await stand(store)

        def refused(
            api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None
        ) -> None:
            extensions = fout(api.post(query, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            if argument is not None:
                assert extensions.get("argument") == argument, (input, extensions)

        # Who may ask: a person signed in, unknown here, with a verified e-mail.
        vraag = {"organisatie": GEMEENTE, "rollen": ["GEBRUIK_RAADPLEGER"]}
        dirk = Api(client, persoon(own_graph, "idp|dirk", "Dirk", "dirk@groningen.example"))
        refused(Api(client), VRAAG, vraag, "UNAUTHENTICATED")
        for api in (beheerder, beheer, *zonder_recht):
            refused(api, VRAAG, vraag, "ALREADY_REGISTERED")
        refused(Api(client, persoon(own_graph, "idp|e", "E", "e@x.example", geverifieerd=False)), VRAAG, vraag,
                "EMAIL_NOT_VERIFIED")  # fmt: skip
        refused(Api(client, persoon(own_graph, "idp|f", "F", bekend["e"])), VRAAG, vraag, "EMAIL_IN_USE")
        refused(carla, VRAAG, vraag, "DUPLICATE", "input.organisatie")
        # What may be asked: roles that mean something there, of an organisation with a landscape.
        refused(
            dirk,
            VRAAG,
            {**vraag, "rollen": ["AANBOD_BEHEERDER"]},
            "ROLE_NOT_FOR_ORGANISATION",
            "input.rollen",
        )
        refused(dirk, VRAAG, {**vraag, "rollen": ["FUNCTIONEEL_BEHEERDER"]}, "ROLE_NOT_FOR_ORGANISATION",
                "input.rollen")  # fmt: skip
        refused(dirk, VRAAG, {**vraag, "rollen": []}, "INVALID_INPUT", "input.rollen")
        refused(dirk, VRAAG, {**vraag, "organisatie": "GM0000"}, "NOT_FOUND", "input.organisatie")
        refused(
            dirk, VRAAG, {**vraag, "organisatie": feit["community"]}, "INVALID_ARGUMENT", "input.organisatie"
        )
        refused(dirk, VRAAG, {**vraag, "toelichting": "x" * 10_001}, "INVALID_INPUT", "input.toelichting")

        # Who may decide: the gemeente's organisatie-beheerder and functioneel beheer; for a
        # beheerder of another organisation the request does not exist.
        besluit = {"toegangsverzoek": verzoek, "verwachteVersie": 1}
        for query, input in ((KEN_TOE, besluit), (WEIGER, {**besluit, "reden": "nee"})):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            refused(carla, query, input, "UNAUTHENTICATED")
            for api in zonder_recht:
                refused(api, query, input, "FORBIDDEN")
            refused(andere_beheerder, query, input, "NOT_FOUND", "input.toegangsverzoek")
            refused(beheerder, query, {**input, "toegangsverzoek": "tgv-onbekend"}, "NOT_FOUND")
            refused(
                beheerder, query, {**input, "verwachteVersie": 3}, "VERSION_CONFLICT", "input.verwachteVersie"
            )
        refused(beheerder, KEN_TOE, {**besluit, "rollen": ["VNG_RAADPLEGER"]}, "ROLE_NOT_FOR_ORGANISATION",
                "input.rollen")  # fmt: skip
        refused(beheerder, KEN_TOE, {**besluit, "rollen": []}, "INVALID_INPUT", "input.rollen")
        refused(beheerder, WEIGER, {**besluit, "reden": ""}, "INVALID_INPUT", "input.reden")
        assert not await verschil(store, before)

        data(beheerder.post(WEIGER, {"input": {**besluit, "reden": "nee"}}))
        before = await stand(store)
        refused(
            beheer,
            KEN_TOE,
            {**besluit, "verwachteVersie": 2},
            "TRANSITION_NOT_ALLOWED",
            "input.toegangsverzoek",
        )
        assert not await verschil(store, before)
