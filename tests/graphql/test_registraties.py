"""A leverancier registers itself (F001) through HTTP, in a graph of the test's own on each
engine: a person unknown here registers it and becomes its organisatie- and aanbod-beheerder;
the leverancier stays hidden from everyone but its own people and functioneel beheer until it
is approved (by id, in the lists and in search); functioneel beheer approves one and rejects
another; every refusal of the role matrix and every invalid input leaves the graph as it was.

Expected answers come from raw reads of the graph and from what the test sent.
"""

from __future__ import annotations

from typing import Any

from graph_api.auth.dev import key_path, mint_token, signing_key
from graph_api.domain.gebruikers import deactiveer, registreer_extern
from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import data, fout, serve, tokens, wijzigingen

GEMEENTE = "GM0014"
NAAM = "Zyqxwv Software BV"  # a word no seeded name holds: search finds only this leverancier
KVK = "87654321"

REGISTREER = """
mutation($input: RegistreerLeverancierInput!) { registreerLeverancier(input: $input) {
  registratie { identificatie status versienummer reden indiener indienerEmail
                leverancier { identificatie naam status kvkNummer website } }
} }"""
GOED = """
mutation($input: KeurRegistratieGoedInput!) { keurRegistratieGoed(input: $input) {
  registratie { identificatie status versienummer beoordeeldOp leverancier { identificatie status } }
} }"""
AF = """
mutation($input: WijsRegistratieAfInput!) { wijsRegistratieAf(input: $input) {
  registratie { identificatie status versienummer reden }
} }"""
MIJN = "{ mijnRegistraties { identificatie status reden versienummer leverancier { identificatie } } }"
LIJST = """
query($s: RegistratieStatus) { registraties(status: $s, first: 50) {
  totalCount nodes { identificatie status indiener indienerEmail leverancier { identificatie } } } }"""


def persoon(
    backend: Backend, subject: str, naam: str | None, email: str | None, geverifieerd: bool = True
) -> str:
    """A token of a person the identity provider knows and the graph may not."""
    return mint_token(
        signing_key(key_path(backend.settings)),
        subject=subject,
        audience=backend.settings.identity.audience,
        naam=naam,
        email=email,
        email_geverifieerd=geverifieerd,
    )


def invoer(**velden: Any) -> dict[str, Any]:
    return {
        "naam": NAAM,
        "kvkNummer": KVK,
        "website": "https://www.zyqxwv.nl",
        "email": "info@zyqxwv.nl",
        "telefoon": "+31 20 123 45 67",
        **velden,
    }


async def raw(store: Store, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await store.read_text(f"test/{name}", cypher, params or {})


def zicht(api: Api, lev: str) -> dict[str, Any]:
    """Where the leverancier `lev` shows for this asker: by id, in both lists, in search."""
    found = data(api.post(
        "query($l: String!, $t: String!) { organisatie(identificatie: $l) { identificatie }"
        " organisaties(filter: {tekst: $t}) { totalCount nodes { identificatie } }"
        " leveranciers(filter: {tekst: $t}) { totalCount }"
        " zoeken(tekst: $t) { organisaties(first: 5) { totalCount } } }",
        {"l": lev, "t": "zyqxwv"},
    ))  # fmt: skip
    return {
        "per_id": found["organisatie"] is not None,
        "organisaties": [n["identificatie"] for n in found["organisaties"]["nodes"]],
        "leveranciers": found["leveranciers"]["totalCount"],
        "zoeken": found["zoeken"]["organisaties"]["totalCount"],
    }


async def test_a_person_registers_a_leverancier_hidden_until_approved(own_graph: Backend) -> None:
    store = own_graph.store
    [ander] = await raw(store, "ander_lev", "MATCH (l:Leverancier) RETURN l.id AS id ORDER BY l.id LIMIT 1")
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (ander["id"], "AANBOD_BEHEERDER"),
        )
        beheer, gemeente, leverancier = (Api(client, t) for t in minted.values())
        bezoeker = Api(client)
        registrant = Api(client, persoon(own_graph, "idp|zyqxwv-1", "Zora Qwerty", "Zora@Zyqxwv.nl"))

        antwoord = data(registrant.post(REGISTREER, {"input": invoer(idempotencyKey="reg-1")}))
        registratie = antwoord["registreerLeverancier"]["registratie"]
        lev = registratie["leverancier"]["identificatie"]
        assert registratie == {
            "identificatie": registratie["identificatie"], "status": "INGEDIEND", "versienummer": 1,
            "reden": None, "indiener": "Zora Qwerty", "indienerEmail": "zora@zyqxwv.nl",
            "leverancier": {"identificatie": lev, "naam": NAAM, "status": "CONCEPT", "kvkNummer": KVK,
                            "website": "https://www.zyqxwv.nl"},
        }  # fmt: skip

        # What the graph holds: the concept leverancier with its contact details, the person as
        # its first Gebruiker with both roles, the registration, and a record of each.
        [rij] = await raw(store, "registratie",
            "MATCH (r:Registratie)-[:BETREFT]->(l:Leverancier {id: $l})<-[m:LID_VAN]-(u:Gebruiker) "
            "RETURN r {.*} AS r, l {.*} AS l, u {.*} AS u, m.rollen AS rollen", {"l": lev})  # fmt: skip
        assert rij["l"]["gemeldDoor"] == lev and rij["l"]["status"] == "CONCEPT"
        assert (rij["l"]["email"], rij["l"]["telefoon"]) == ("info@zyqxwv.nl", "+31 20 123 45 67")
        assert {k: rij["u"][k] for k in ("subject", "naam", "email", "status")} == {
            "subject": "idp|zyqxwv-1", "naam": "Zora Qwerty", "email": "zora@zyqxwv.nl", "status": "ACTIEF",
        }  # fmt: skip
        assert sorted(rij["rollen"]) == ["AANBOD_BEHEERDER", "ORGANISATIE_BEHEERDER"]
        assert rij["r"]["ingediendDoor"] == rij["u"]["id"] and rij["r"]["id"] == registratie["identificatie"]
        assert [w["w"]["operatie"] for w in await wijzigingen(store, lev)] == ["AANGEMAAKT"]
        assert [w["w"]["actor"] for w in await wijzigingen(store, rij["u"]["id"])] == [rij["u"]["id"]]

        # The identity lookup gives the person its roles in the concept leverancier at once.
        ik = data(registrant.post("{ ik { gebruiker lidmaatschappen { identificatie soort rollen } } }"))[
            "ik"
        ]
        assert ik == {"gebruiker": rij["u"]["id"], "lidmaatschappen": [
            {"identificatie": lev, "soort": "Leverancier", "rollen": ["AANBOD_BEHEERDER", "ORGANISATIE_BEHEERDER"]}
        ]}  # fmt: skip

        # Sent again with its key: the same answer, nothing written twice.
        leveranciers = "MATCH (l:Leverancier) RETURN count(l) AS n"
        voor = (await raw(store, "aantal_lev", leveranciers))[0]["n"]
        herhaald = data(registrant.post(REGISTREER, {"input": invoer(idempotencyKey="reg-1")}))
        assert herhaald["registreerLeverancier"]["registratie"] == registratie
        assert (await raw(store, "aantal_lev", leveranciers))[0]["n"] == voor
        # Without the key, the person is known now: a second registration is refused.
        assert fout(registrant.post(REGISTREER, {"input": invoer(kvkNummer="11112222")}))["code"] == (
            "ALREADY_REGISTERED"
        )

        verborgen = {"per_id": False, "organisaties": [], "leveranciers": 0, "zoeken": 0}
        zichtbaar = {"per_id": True, "organisaties": [lev], "leveranciers": 1, "zoeken": 1}
        for api in (bezoeker, gemeente, leverancier):
            assert zicht(api, lev) == verborgen
        for api in (registrant, beheer):
            assert zicht(api, lev) == zichtbaar

        # Where it stands: the registrant's own; the list is functioneel beheer's only.
        assert data(registrant.post(MIJN))["mijnRegistraties"] == [{
            "identificatie": registratie["identificatie"], "status": "INGEDIEND", "reden": None,
            "versienummer": 1, "leverancier": {"identificatie": lev},
        }]  # fmt: skip
        for api in (bezoeker, gemeente, leverancier):
            assert data(api.post(MIJN))["mijnRegistraties"] == []
            assert data(api.post(LIJST, {"s": "INGEDIEND"}))["registraties"] == {"totalCount": 0, "nodes": []}
        lijst = data(beheer.post(LIJST, {"s": "INGEDIEND"}))["registraties"]
        assert lijst == {"totalCount": 1, "nodes": [{
            "identificatie": registratie["identificatie"], "status": "INGEDIEND", "indiener": "Zora Qwerty",
            "indienerEmail": "zora@zyqxwv.nl", "leverancier": {"identificatie": lev},
        }]}  # fmt: skip

        # Approved: the leverancier is ACTIEF, its marker gone, and everyone sees it.
        goed = data(
            beheer.post(GOED, {"input": {"registratie": registratie["identificatie"], "verwachteVersie": 1}})
        )
        assert goed["keurRegistratieGoed"]["registratie"]["status"] == "GOEDGEKEURD"
        assert goed["keurRegistratieGoed"]["registratie"]["versienummer"] == 2
        assert goed["keurRegistratieGoed"]["registratie"]["leverancier"] == {
            "identificatie": lev,
            "status": "ACTIEF",
        }
        [na] = await raw(store, "na", "MATCH (l:Leverancier {id: $l}) RETURN l {.*} AS l", {"l": lev})
        assert na["l"]["status"] == "ACTIEF" and na["l"].get("gemeldDoor") is None
        for api in (bezoeker, gemeente, leverancier, registrant, beheer):
            assert zicht(api, lev) == zichtbaar
        assert [r["status"] for r in data(registrant.post(MIJN))["mijnRegistraties"]] == ["GOEDGEKEURD"]
        assert data(beheer.post(LIJST, {"s": "INGEDIEND"}))["registraties"]["totalCount"] == 0
        records = await wijzigingen(store, registratie["identificatie"])
        assert [(r["w"]["operatie"], r["w"]["actorOrganisatie"]) for r in records] == [
            ("STATUS_GEWIJZIGD", VNG)
        ]


async def test_every_refused_registration_or_decision_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    [feit] = await raw(store, "feiten",
        "MATCH (l:Leverancier) WHERE l.kvkNummer IS NOT NULL WITH l ORDER BY l.id LIMIT 1 "
        "RETURN l.id AS lev, l.kvkNummer AS kvk")  # fmt: skip
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (feit["lev"], "AANBOD_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
        )
        beheer, raadpleger, gemeente, leverancier, gemeente_raadpleger = (
            Api(client, t) for t in minted.values()
        )
        [bekend_email] = await raw(
            store, "email", "MATCH (u:Gebruiker) RETURN u.email AS e ORDER BY u.id LIMIT 1"
        )
        await registreer_extern(store, subject="idp|weg", naam="Weg", email="weg@example.org",
                                organisatie_sleutel=GEMEENTE, rollen=["GEBRUIK_RAADPLEGER"])  # fmt: skip
        await deactiveer(store, "idp|weg")
        # A registration waiting for a decision, by a registrant who then holds its roles.
        registrant = Api(client, persoon(own_graph, "idp|zyqxwv-2", "Rik", "rik@zyqxwv.nl"))
        open_ = data(registrant.post(REGISTREER, {"input": invoer()}))["registreerLeverancier"]["registratie"]
        reg = open_["identificatie"]
        before = await stand(store)

        def refused(
            api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None
        ) -> None:
            extensions = fout(api.post(query, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            if argument is not None:
                assert extensions.get("argument") == argument, (input, extensions)

        nieuw = Api(client, persoon(own_graph, "idp|nieuw", "Nina", "nina@zyqxwv.nl"))
        # Who may register: a person signed in, unknown here, with a verified e-mail.
        refused(Api(client), REGISTREER, invoer(kvkNummer="22223333"), "UNAUTHENTICATED")
        for api in (beheer, gemeente, leverancier, registrant):
            refused(api, REGISTREER, invoer(kvkNummer="22223333"), "ALREADY_REGISTERED")
        ongeverifieerd = Api(client, persoon(own_graph, "idp|x", "X", "x@zyqxwv.nl", geverifieerd=False))
        zonder = Api(client, persoon(own_graph, "idp|y", "Y", None))
        for api in (ongeverifieerd, zonder):
            refused(api, REGISTREER, invoer(kvkNummer="22223333"), "EMAIL_NOT_VERIFIED")
        weg = Api(client, persoon(own_graph, "idp|weg", "Weg", "weg2@example.org"))
        refused(weg, REGISTREER, invoer(kvkNummer="22223333"), "ALREADY_REGISTERED")
        dubbel = Api(client, persoon(own_graph, "idp|dubbel", "D", bekend_email["e"]))
        refused(dubbel, REGISTREER, invoer(kvkNummer="22223333"), "EMAIL_IN_USE")
        # Invalid input, each naming its field; a KvK number an organisation has.
        for velden, argument in (
            ({"kvkNummer": "1234567"}, "input.kvkNummer"),
            ({"kvkNummer": "1234567a"}, "input.kvkNummer"),
            ({"naam": "  "}, "input.naam"),
            ({"naam": "x" * 201}, "input.naam"),
            ({"website": "ftp://zyqxwv.nl"}, "input.website"),
            ({"website": "https://"}, "input.website"),
            ({"email": "geen-adres"}, "input.email"),
            ({"telefoon": "bel me"}, "input.telefoon"),
        ):
            refused(nieuw, REGISTREER, invoer(**velden), "INVALID_INPUT", argument)
        refused(nieuw, REGISTREER, invoer(kvkNummer=feit["kvk"]), "DUPLICATE", "input.kvkNummer")
        refused(nieuw, REGISTREER, invoer(kvkNummer=KVK), "DUPLICATE", "input.kvkNummer")

        # Who may decide: functioneel beheer only.
        besluit = {"registratie": reg, "verwachteVersie": 1}
        for query, input in ((GOED, besluit), (AF, {**besluit, "reden": "onbekend bij de KvK"})):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            for api in (raadpleger, gemeente, gemeente_raadpleger, leverancier, registrant):
                refused(api, query, input, "FORBIDDEN")
            refused(
                beheer, query, {**input, "registratie": "reg-bestaat-niet"}, "NOT_FOUND", "input.registratie"
            )
            refused(
                beheer, query, {**input, "verwachteVersie": 2}, "VERSION_CONFLICT", "input.verwachteVersie"
            )
        refused(beheer, AF, {**besluit, "reden": " "}, "INVALID_INPUT", "input.reden")
        assert not await verschil(store, before)

        # Rejected with a reason: the registrant reads it; the leverancier stays hidden.
        af = data(beheer.post(AF, {"input": {**besluit, "reden": "Onbekend bij de KvK"}}))[
            "wijsRegistratieAf"
        ]
        assert af["registratie"] == {"identificatie": reg, "status": "AFGEWEZEN", "versienummer": 2,
                                     "reden": "Onbekend bij de KvK"}  # fmt: skip
        assert data(registrant.post(MIJN))["mijnRegistraties"][0]["reden"] == "Onbekend bij de KvK"
        lev = open_["leverancier"]["identificatie"]
        assert zicht(Api(client), lev)["per_id"] is False
        [rij] = await raw(
            store, "afgewezen", "MATCH (l:Leverancier {id: $l}) RETURN l.gemeldDoor AS g", {"l": lev}
        )
        assert rij["g"] == lev
        before = await stand(store)
        refused(
            beheer, GOED, {**besluit, "verwachteVersie": 2}, "TRANSITION_NOT_ALLOWED", "input.registratie"
        )
        assert not await verschil(store, before)
