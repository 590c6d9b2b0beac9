"""Versions of an application and the standards they support (issue 18, F004) through HTTP, in
a graph of the test's own on each engine: register, change, the lifecycle forward only with its
dates, delete (not while a Gebruik runs it), and the standard versions supported with their
evidence; read back through the catalogue; every refusal with the whole graph as it was; a
concept's versions hidden as the concept is.

Expected answers come from raw reads of the graph and the seed (a leverancier whose version a
Gebruik of GM0014 runs, a standard version).
"""

from __future__ import annotations

import json
from typing import Any

from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_applicatie_mutaties import REGISTREER as REGISTREER_APPLICATIE
from tests.graphql.test_applicatie_mutaties import product, raw, refused, schrijf
from tests.graphql.test_gebruik_mutaties import _global, data, serve, tokens, wijzigingen

GEMEENTE = "GM0014"
NIEUW = "lev-zonder-trackrecord"  # raw: a leverancier offering nothing yet, so its products are concepts

VELDEN = """identificatie versie status releaseDatum eindeOndersteuning versienummer
  applicatie { identificatie } ondersteunt { bewijs standaardversie { identificatie } }"""
REGISTREER = f"""mutation($input: RegistreerVersieInput!) {{
  registreerVersie(input: $input) {{ versie {{ {VELDEN} }} }} }}"""
WIJZIG = (
    f"""mutation($input: WijzigVersieInput!) {{ wijzigVersie(input: $input) {{ versie {{ {VELDEN} }} }} }}"""
)
STATUS = f"""mutation($input: ZetVersieStatusInput!) {{ zetVersieStatus(input: $input) {{ versie {{ {VELDEN} }} }} }}"""
VERWIJDER = """mutation($input: VerwijderVersieInput!) { verwijderVersie(input: $input) { verwijderdId } }"""
TOEVOEGEN = f"""mutation($input: OndersteuningInput!) {{
  voegOndersteuningToe(input: $input) {{ versie {{ {VELDEN} }} }} }}"""
BEWIJS = f"""mutation($input: OndersteuningInput!) {{
  wijzigOndersteuning(input: $input) {{ versie {{ {VELDEN} }} }} }}"""
WEGHALEN = f"""mutation($input: VerwijderOndersteuningInput!) {{
  verwijderOndersteuning(input: $input) {{ versie {{ {VELDEN} }} }} }}"""
VERSIES = """query($id: String!) { applicatie(identificatie: $id) { versies { identificatie versie status
  releaseDatum eindeOndersteuning ondersteunt { bewijs standaardversie { identificatie } } } } }"""
NODE = "query($n: ID!) { node(id: $n) { ... on Versie { identificatie } } }"


async def feiten(backend: Backend) -> dict[str, Any]:
    """A leverancier, a version of its that a Gebruik of GM0014 runs and that version's
    application, two standard versions, and another leverancier."""
    store = backend.store
    [gebruikt] = await raw(store, "gebruikt", """
        MATCH (:Organisatie {id: $g})-[:GEBRUIKT]->(:Gebruik)-[:VERSIE]->(v:Versie)<-[:HEEFT_VERSIE]-(a:Applicatie)
              <-[:BIEDT_AAN]-(l:Leverancier)
        WHERE a.gemeldDoor IS NULL
        WITH l, a, v ORDER BY l.id, v.id
        RETURN l.id AS leverancier, collect(v.id)[0] AS versie, collect(a.id)[0] AS app LIMIT 1""",
                           {"g": GEMEENTE})  # fmt: skip
    standaarden = await raw(store, "sv", "MATCH (s:Standaardversie) RETURN s.id AS id ORDER BY s.id LIMIT 2")
    [ander] = await raw(store, "ander", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(:Applicatie) WHERE l.id <> $l
        RETURN l.id AS id ORDER BY l.id LIMIT 1""", {"l": gebruikt["leverancier"]})  # fmt: skip
    await schrijf(store, "nieuw", "CREATE (:Organisatie:Leverancier {id: $id, naam: 'Nieuwkomer BV', status: 'ACTIEF'})",
                  {"id": NIEUW})  # fmt: skip
    return {
        **gebruikt,
        "sv": [s["id"] for s in standaarden],
        "ander": ander["id"],
    }


async def test_every_refused_write_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(own_graph)
    lev = f["leverancier"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (lev, "AANBOD_BEHEERDER"),
            (lev, "ORGANISATIE_BEHEERDER"),
            (f["ander"], "AANBOD_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (VNG, "VNG_RAADPLEGER"),
            (NIEUW, "AANBOD_BEHEERDER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen = wie[(lev, "AANBOD_BEHEERDER")]
        concept = data(
            wie[(NIEUW, "AANBOD_BEHEERDER")].post(REGISTREER_APPLICATIE, {"input": product(NIEUW)})
        )
        concept_app = concept["registreerApplicatie"]["applicatie"]["identificatie"]
        concept_versie = data(wie[(NIEUW, "AANBOD_BEHEERDER")].post(
            REGISTREER, {"input": {"applicatie": concept_app, "nummer": "0.1"}}
        ))["registreerVersie"]["versie"]["identificatie"]  # fmt: skip
        [huidige] = await raw(store, "stand", """
            MATCH (v:Versie {id: $v}) RETURN v.status AS status, v.versie AS nummer,
                   [(v)-[:ONDERSTEUNT]->(s) | s.id] AS ondersteunt,
                   [(v)<-[:HEEFT_VERSIE]-()-[:HEEFT_VERSIE]->(x) WHERE x.id <> v.id | x.versie] AS andere""",
                            {"v": f["versie"]})  # fmt: skip
        before = await stand(store)

        versie = {"versie": f["versie"], "verwachteVersie": 1}
        steun = {**versie, "standaardversie": f["sv"][0], "bewijs": "https://bewijs.example.nl/1"}
        # The role matrix, for every mutation of versions.
        for query, input in (
            (REGISTREER, {"applicatie": f["app"], "nummer": "99.0"}),
            (WIJZIG, {**versie, "nummer": "99.1"}),
            (STATUS, {**versie, "status": "TERUGGETROKKEN"}),
            (VERWIJDER, versie),
            (TOEVOEGEN, steun),
            (BEWIJS, steun),
            (WEGHALEN, {**versie, "standaardversie": f["sv"][0]}),
        ):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            for rol in (
                (GEMEENTE, "GEBRUIK_BEHEERDER"),
                (GEMEENTE, "GEBRUIK_RAADPLEGER"),
                (VNG, "VNG_RAADPLEGER"),
                (lev, "ORGANISATIE_BEHEERDER"),
                (f["ander"], "AANBOD_BEHEERDER"),
            ):
                refused(wie[rol], query, input, "FORBIDDEN")
        # A concept's version is not found by who may not see the concept.
        refused(eigen, WIJZIG, {"versie": concept_versie, "verwachteVersie": 1, "nummer": "x"}, "NOT_FOUND",
                "input.versie")  # fmt: skip
        refused(
            eigen, REGISTREER, {"applicatie": concept_app, "nummer": "1.0"}, "NOT_FOUND", "input.applicatie"
        )

        # Invalid input, each naming its field.
        nieuw = {"applicatie": f["app"], "nummer": "99.0"}
        for input, code, argument in (
            ({**nieuw, "nummer": " "}, "INVALID_INPUT", "input.nummer"),
            ({**nieuw, "releaseDatum": "2026-13-01"}, "INVALID_INPUT", "input.releaseDatum"),
            ({**nieuw, "releaseDatum": "2026-05-01", "eindeOndersteuning": "2026-04-30"}, "INVALID_INPUT",
             "input.eindeOndersteuning"),
            ({**nieuw, "applicatie": "app-onbekend"}, "NOT_FOUND", "input.applicatie"),
            ({**nieuw, "nummer": huidige["andere"][0] if huidige["andere"] else huidige["nummer"]}, "DUPLICATE",
             "input.nummer"),
        ):  # fmt: skip
            refused(eigen, REGISTREER, input, code, argument)
        refused(eigen, WIJZIG, {**versie, "releaseDatum": "gisteren"}, "INVALID_INPUT", "input.releaseDatum")
        refused(eigen, WIJZIG, {**versie, "nummer": None}, "INVALID_INPUT", "input.nummer")
        refused(eigen, WIJZIG, {**versie, "releaseDatum": "2999-01-01", "eindeOndersteuning": "2000-01-01"},
                "INVALID_INPUT", "input.eindeOndersteuning")  # fmt: skip
        if huidige["andere"]:
            refused(eigen, WIJZIG, {**versie, "nummer": huidige["andere"][0]}, "DUPLICATE", "input.nummer")
        refused(eigen, WIJZIG, {**versie, "versie": "ver-onbekend"}, "NOT_FOUND", "input.versie")
        conflict = refused(eigen, WIJZIG, {**versie, "verwachteVersie": 3, "nummer": "x"}, "VERSION_CONFLICT",
                           "input.verwachteVersie")  # fmt: skip
        assert conflict["huidigeVersie"] == 1
        refused(
            eigen,
            STATUS,
            {**versie, "status": "TERUGGETROKKEN", "datum": "morgen"},
            "INVALID_INPUT",
            "input.datum",
        )
        # The lifecycle goes forward only: staying or going back is refused with what is allowed.
        lifecycle = ["IN_ONTWIKKELING", "IN_GEBRUIK", "EINDE_ONDERSTEUNING", "TERUGGETROKKEN"]
        huidig = lifecycle.index(huidige["status"])
        for terug in lifecycle[: huidig + 1]:
            extensions = refused(
                eigen, STATUS, {**versie, "status": terug}, "TRANSITION_NOT_ALLOWED", "input.status"
            )
            assert extensions["toegestaan"] == lifecycle[huidig + 1 :]
        # A Gebruik runs it: not deleted.
        refused(eigen, VERWIJDER, versie, "IN_USE", "input.versie")
        # Support: a standard version that exists, once, with an http(s) URL as evidence.
        refused(
            eigen,
            TOEVOEGEN,
            {**steun, "standaardversie": "sv-onbekend"},
            "NOT_FOUND",
            "input.standaardversie",
        )
        refused(eigen, TOEVOEGEN, {**steun, "bewijs": "javascript:alert(1)"}, "INVALID_INPUT", "input.bewijs")
        refused(eigen, TOEVOEGEN, {**steun, "standaardversie": _global("Standaard", "x")}, "INVALID_ID",
                "input.standaardversie")  # fmt: skip
        if huidige["ondersteunt"]:
            refused(eigen, TOEVOEGEN, {**steun, "standaardversie": huidige["ondersteunt"][0]}, "DUPLICATE",
                    "input.standaardversie")  # fmt: skip
        geen = next(s for s in f["sv"] if s not in huidige["ondersteunt"])
        refused(eigen, BEWIJS, {**steun, "standaardversie": geen}, "NOT_FOUND", "input.standaardversie")
        refused(eigen, WEGHALEN, {**versie, "standaardversie": geen}, "NOT_FOUND", "input.standaardversie")

        assert not await verschil(store, before)


async def test_versions_move_along_their_lifecycle_and_support_standards(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(own_graph)
    lev = f["leverancier"]
    with serve(own_graph) as client:
        minted = await tokens(own_graph, (lev, "AANBOD_BEHEERDER"), (NIEUW, "AANBOD_BEHEERDER"),
                              (VNG, "FUNCTIONEEL_BEHEERDER"))  # fmt: skip
        eigen = Api(client, minted[(lev, "AANBOD_BEHEERDER")])
        nieuwkomer = Api(client, minted[(NIEUW, "AANBOD_BEHEERDER")])
        beheer = Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")])
        bezoeker = Api(client)
        voor = await raw(store, "voor", "MATCH (:Applicatie {id: $a})-[:HEEFT_VERSIE]->(v) RETURN v.id AS id",
                         {"a": f["app"]})  # fmt: skip

        # Register: in development, no dates; read back through the application's versions.
        nieuw = data(eigen.post(REGISTREER, {"input": {"applicatie": f["app"], "nummer": "2026.1"}}))
        versie = nieuw["registreerVersie"]["versie"]
        key = versie["identificatie"]
        assert versie == {
            "identificatie": key, "versie": "2026.1", "status": "IN_ONTWIKKELING", "releaseDatum": None,
            "eindeOndersteuning": None, "versienummer": 1, "applicatie": {"identificatie": f["app"]},
            "ondersteunt": [],
        }  # fmt: skip
        versies = data(bezoeker.post(VERSIES, {"id": f["app"]}))["applicatie"]["versies"]
        assert sorted(v["identificatie"] for v in versies) == sorted([*(r["id"] for r in voor), key])
        [aangemaakt] = await wijzigingen(store, key)
        assert (
            aangemaakt["w"]["organisatie"] == lev and json.loads(aangemaakt["w"]["na"])["versie"] == "2026.1"
        )

        # Change its number; a second version registered straight into use, dated today.
        gewijzigd = data(
            eigen.post(WIJZIG, {"input": {"versie": key, "verwachteVersie": 1, "nummer": "2026.1.1"}})
        )
        assert gewijzigd["wijzigVersie"]["versie"]["versie"] == "2026.1.1"
        assert gewijzigd["wijzigVersie"]["versie"]["versienummer"] == 2
        tweede = data(eigen.post(REGISTREER, {"input": {"applicatie": f["app"], "nummer": "2026.2",
                                                         "status": "IN_GEBRUIK"}}))["registreerVersie"]["versie"]  # fmt: skip
        assert tweede["status"] == "IN_GEBRUIK" and tweede["releaseDatum"] is not None

        # The lifecycle: forward, skipping a step; each status with a date keeps its date.
        stap = data(eigen.post(STATUS, {"input": {"versie": key, "verwachteVersie": 2, "status": "IN_GEBRUIK",
                                                  "datum": "2026-02-01"}}))["zetVersieStatus"]["versie"]  # fmt: skip
        assert (stap["status"], stap["releaseDatum"], stap["versienummer"]) == ("IN_GEBRUIK", "2026-02-01", 3)
        # Support cannot end before the release.
        refused(eigen, STATUS, {"versie": key, "verwachteVersie": 3, "status": "EINDE_ONDERSTEUNING",
                                "datum": "2026-01-01"}, "INVALID_INPUT", "input.eindeOndersteuning")  # fmt: skip
        einde = data(
            eigen.post(STATUS, {"input": {"versie": key, "verwachteVersie": 3, "status": "TERUGGETROKKEN"}})
        )
        assert einde["zetVersieStatus"]["versie"]["status"] == "TERUGGETROKKEN"
        assert einde["zetVersieStatus"]["versie"]["eindeOndersteuning"] is None  # skipped: no date
        terug = refused(eigen, STATUS, {"versie": key, "verwachteVersie": 4, "status": "IN_GEBRUIK"},
                        "TRANSITION_NOT_ALLOWED", "input.status")  # fmt: skip
        assert terug["toegestaan"] == []
        record = (await wijzigingen(store, key))[-1]["w"]
        assert json.loads(record["voor"]) == {"status": "IN_GEBRUIK"}
        assert json.loads(record["na"]) == {"status": "TERUGGETROKKEN"}

        # Standards: added with evidence, the evidence changed, removed; each raises the versie.
        sv, sv2 = f["sv"]
        base = {"versie": tweede["identificatie"], "standaardversie": sv}
        een = data(eigen.post(TOEVOEGEN, {"input": {**base, "verwachteVersie": 1,
                                                     "bewijs": "https://bewijs.example.nl/a"}}))  # fmt: skip
        assert een["voegOndersteuningToe"]["versie"]["ondersteunt"] == [
            {"bewijs": "https://bewijs.example.nl/a", "standaardversie": {"identificatie": sv}}
        ]
        data(eigen.post(TOEVOEGEN, {"input": {**base, "standaardversie": sv2, "verwachteVersie": 2}}))
        bewijs = data(
            eigen.post(BEWIJS, {"input": {**base, "verwachteVersie": 3, "bewijs": "https://b.example.nl/b"}})
        )
        assert bewijs["wijzigOndersteuning"]["versie"]["versienummer"] == 4
        rijen = await raw(store, "steun", """
            MATCH (:Versie {id: $v})-[o:ONDERSTEUNT]->(s) RETURN s.id AS sv, o.bewijs AS bewijs ORDER BY s.id""",
                          {"v": tweede["identificatie"]})  # fmt: skip
        assert rijen == sorted([{"sv": sv, "bewijs": "https://b.example.nl/b"}, {"sv": sv2, "bewijs": None}],
                               key=lambda r: r["sv"])  # fmt: skip
        weg = data(eigen.post(WEGHALEN, {"input": {**base, "verwachteVersie": 4}}))["verwijderOndersteuning"][
            "versie"
        ]
        assert weg["ondersteunt"] == [{"bewijs": None, "standaardversie": {"identificatie": sv2}}]
        assert weg["versienummer"] == 5
        gelezen = data(bezoeker.post(VERSIES, {"id": f["app"]}))["applicatie"]["versies"]
        assert (
            next(v for v in gelezen if v["identificatie"] == tweede["identificatie"])["ondersteunt"]
            == weg["ondersteunt"]
        )

        # Delete: the version and what it supports go; the one a Gebruik runs stays (IN_USE).
        data(eigen.post(VERWIJDER, {"input": {"versie": tweede["identificatie"], "verwachteVersie": 5}}))
        assert (
            await raw(
                store, "weg", "MATCH (v:Versie {id: $v}) RETURN v.id AS id", {"v": tweede["identificatie"]}
            )
            == []
        )
        assert data(bezoeker.post(NODE, {"n": _global("Versie", tweede["identificatie"])}))["node"] is None
        data(beheer.post(VERWIJDER, {"input": {"versie": key, "verwachteVersie": 4}}))
        assert [r["w"]["operatie"] for r in await wijzigingen(store, key)][-1] == "VERWIJDERD"

        # A concept's version is hidden as its concept is, by id too; published, it shows.
        concept = data(
            nieuwkomer.post(REGISTREER_APPLICATIE, {"input": product(NIEUW, naam="Qwzrt Versies")})
        )
        app = concept["registreerApplicatie"]["applicatie"]["identificatie"]
        ver = data(nieuwkomer.post(REGISTREER, {"input": {"applicatie": app, "nummer": "1.0"}}))
        ver_key = ver["registreerVersie"]["versie"]["identificatie"]
        assert data(nieuwkomer.post(NODE, {"n": _global("Versie", ver_key)}))["node"] == {
            "identificatie": ver_key
        }
        assert data(bezoeker.post(NODE, {"n": _global("Versie", ver_key)}))["node"] is None
        assert data(eigen.post(NODE, {"n": _global("Versie", ver_key)}))["node"] is None
        data(beheer.post("mutation($i: PubliceerConceptInput!) { publiceerConcept(input: $i) { applicatie { status } } }",
                         {"i": {"concept": app}}))  # fmt: skip
        assert data(bezoeker.post(NODE, {"n": _global("Versie", ver_key)}))["node"] == {
            "identificatie": ver_key
        }
