"""Missing software (issue 17, item 6) through HTTP, in a graph of the test's own on each
engine: a gebruik-beheerder records it as a concept (with a concept leverancier); nobody but
that organisation and functioneel beheer sees the concept in the catalogue, search, a GEMMA
component's applications or the analytics; functioneel beheer publishes one and merges
another, its Gebruik and koppeling moving with it; every refusal leaves the graph as it was.

Expected answers come from raw reads of the graph. Two states no mutation writes yet are set up
by raw writes: a concept realising a referentiecomponent (an aanbod write path would), and a
koppeling of the concept's Gebruik (the koppeling mutations come with another item).
"""

from __future__ import annotations

import base64
import json
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import REGISTREER, data, fout, serve, tokens, wijzigingen

GEMEENTE = "GM0014"
NAAM = "Qwzrtplanner"  # a word no seeded name holds: search finds only the concept
LEVERANCIER_NAAM = "Qwzrt Software BV"

MELD = """
mutation($input: MeldOntbrekendeSoftwareInput!) { meldOntbrekendeSoftware(input: $input) {
  gebruik { identificatie status versienummer applicatie { identificatie } }
  applicatie { identificatie naam status leverancier { identificatie naam status } }
} }"""
PUBLICEER = """
mutation($input: PubliceerConceptInput!) { publiceerConcept(input: $input) {
  applicatie { identificatie status leverancier { identificatie status } } verplaatsteGebruik
} }"""
SAMENVOEGEN = """
mutation($input: VoegConceptSamenInput!) { voegConceptSamen(input: $input) {
  applicatie { identificatie status } verplaatsteGebruik
} }"""


def _global(kind: str, key: str) -> str:
    return base64.b64encode(f"{kind}:{key}".encode()).decode()


async def raw(store: Store, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await store.read_text(f"test/{name}", cypher, params or {})


async def schrijf(store: Store, name: str, cypher: str, params: dict[str, Any]) -> list[dict]:
    """A raw write of the test's own setup (the module's docstring says which and why)."""
    return await store._run(f"test/{name}", cypher, params, write=True, timeout_ms=60_000, unit=None)


def zicht(api: Api, app: str, lev: str, rc: str) -> dict[str, Any]:
    """Where the concept application `app` and leverancier `lev` show for this asker."""
    catalogus = data(api.post(
        "query($a: String!, $r: String!) { applicaties(filter: {tekst: $a}, first: 5) { totalCount nodes { identificatie } }"
        " alle: applicaties(first: 1) { totalCount }"
        " leveranciers(filter: {tekst: $a}) { totalCount }"
        " gemmaElement(identificatie: $r) { ... on Referentiecomponent {"
        "   applicaties(first: 100) { totalCount nodes { identificatie } } } } }",
        {"a": NAAM.lower()[:5], "r": rc},
    ))  # fmt: skip
    zoeken = data(api.post(
        "query($t: String!) { zoeken(tekst: $t) { applicaties(first: 5) { totalCount nodes { identificatie } }"
        " organisaties(first: 5) { totalCount } facetten { leveranciers { waarde } } } }", {"t": NAAM[:5]}
    ))["zoeken"]  # fmt: skip
    per_id = data(api.post(
        "query($a: String!, $n: ID!, $l: String!) { applicatie(identificatie: $a) { identificatie }"
        " node(id: $n) { id } organisatie(identificatie: $l) { identificatie } }",
        {"a": app, "n": _global("Applicatie", app), "l": lev},
    ))  # fmt: skip
    profiel = api.post("query($l: ID!) { leveranciersprofiel(leverancier: $l) { leverancier { identificatie } } }",
                       {"l": lev}).json()  # fmt: skip
    component = catalogus["gemmaElement"]["applicaties"]
    return {
        "applicaties": [n["identificatie"] for n in catalogus["applicaties"]["nodes"]],
        "alle": catalogus["alle"]["totalCount"],
        "leveranciers": catalogus["leveranciers"]["totalCount"],
        "component": app in [n["identificatie"] for n in component["nodes"]],
        "component_aantal": component["totalCount"],
        "zoeken": [n["identificatie"] for n in zoeken["applicaties"]["nodes"]],
        "zoeken_organisaties": zoeken["organisaties"]["totalCount"],
        "facet": lev in [f["waarde"] for f in zoeken["facetten"]["leveranciers"]],
        "per_id": [per_id["applicatie"], per_id["node"], per_id["organisatie"]],
        "profiel": (profiel.get("data") or {}).get("leveranciersprofiel"),
    }


async def test_a_concept_is_seen_by_its_gemeente_only_until_published_or_merged(own_graph: Backend) -> None:
    store = own_graph.store
    [feit] = await raw(store, "concept_feiten",
        "MATCH (c:Referentiecomponent) WITH c ORDER BY c.id LIMIT 1 "
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) WHERE NOT (:Gemeente {id: $g})-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(a) "
        "WITH c, l, a ORDER BY a.id LIMIT 1 "
        "MATCH (:Gemeente {id: $g})-[:GEBRUIKT]->(x:Gebruik) WITH c, l, a, x ORDER BY x.id LIMIT 1 "
        "MATCH (o:Gemeente) WHERE o.id <> $g WITH c, l, a, x, o ORDER BY o.id LIMIT 1 "
        "RETURN c.id AS rc, l.id AS lev, a.id AS doel, x.id AS ander_gebruik, o.id AS andere_gemeente",
        {"g": GEMEENTE})  # fmt: skip
    catalogus = (await raw(store, "concept_catalogus", "MATCH (a:Applicatie) RETURN count(a) AS n"))[0]["n"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (feit["andere_gemeente"], "GEBRUIK_BEHEERDER"),
            (feit["lev"], "AANBOD_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        gemeente, raadpleger, anders, aanbod, vng, beheer = (Api(client, t) for t in minted.values())
        bezoeker = Api(client)

        # Recorded: a concept application with a concept leverancier, and the Gebruik of it.
        gemeld = data(gemeente.post(MELD, {"input": {
            "organisatie": GEMEENTE, "naam": NAAM, "leverancierNaam": LEVERANCIER_NAAM, "status": "IN_PRODUCTIE",
        }}))["meldOntbrekendeSoftware"]  # fmt: skip
        app, gebruik = gemeld["applicatie"], gemeld["gebruik"]
        lev = app["leverancier"]["identificatie"]
        assert app == {"identificatie": app["identificatie"], "naam": NAAM, "status": "CONCEPT",
                       "leverancier": {"identificatie": lev, "naam": LEVERANCIER_NAAM, "status": "CONCEPT"}}  # fmt: skip
        assert gebruik["status"] == "IN_PRODUCTIE" and gebruik["versienummer"] == 1
        assert gebruik["applicatie"] == {"identificatie": app["identificatie"]}
        a = app["identificatie"]
        assert sorted(r["w"]["objectLabel"] for r in await wijzigingen(store, a)) == ["Applicatie"]
        assert [r["w"]["operatie"] for r in await wijzigingen(store, gebruik["identificatie"])] == [
            "AANGEMAAKT"
        ]
        assert [r["w"]["operatie"] for r in await wijzigingen(store, lev)] == ["AANGEMAAKT"]
        await schrijf(store, "concept_realiseert", "MATCH (a:Applicatie {id: $a}), (c:Referentiecomponent {id: $c}) "
                  "CREATE (a)-[:REALISEERT]->(c) RETURN a.id AS id", {"a": a, "c": feit["rc"]})  # fmt: skip
        realiserend = (await raw(store, "concept_rc", "MATCH (:Referentiecomponent {id: $c})<-[:REALISEERT]-(x) "
                                 "WHERE x.gemeldDoor IS NULL RETURN count(x) AS n", {"c": feit["rc"]}))[0]["n"]  # fmt: skip

        # Nobody else sees the concept: not in the catalogue, search, the component, the analytics.
        verborgen = {
            "applicaties": [], "alle": catalogus, "leveranciers": 0, "component": False,
            "component_aantal": realiserend, "zoeken": [], "zoeken_organisaties": 0, "facet": False,
            "per_id": [None, None, None], "profiel": None,
        }  # fmt: skip
        for api in (bezoeker, anders, aanbod, vng):
            assert zicht(api, a, lev, feit["rc"]) == verborgen
        # Nor can another gemeente record usage of it by its id: an application it cannot see.
        voor = await stand(store)
        geweigerd = anders.post(REGISTREER, {"input": {"organisatie": feit["andere_gemeente"], "applicatie": a}})
        assert (fout(geweigerd)["code"], fout(geweigerd)["argument"]) == ("NOT_FOUND", "input.applicatie")
        assert not await verschil(store, voor)
        # Its own gemeente sees it everywhere, and its Gebruik of it in its landscape.
        eigen = zicht(raadpleger, a, lev, feit["rc"])
        assert eigen["applicaties"] == eigen["zoeken"] == [a] and eigen["component"] and eigen["facet"]
        assert eigen["alle"] == catalogus + 1 and eigen["per_id"][0] == {"identificatie": a}
        landschap = data(raadpleger.post(
            "query($o: ID!, $a: ID!) { gebruik(organisatie: $o, filter: {applicatie: $a}) { totalCount"
            " nodes { identificatie applicatie { naam status } } } }", {"o": GEMEENTE, "a": a}))["gebruik"]  # fmt: skip
        assert landschap == {"totalCount": 1, "nodes": [
            {"identificatie": gebruik["identificatie"], "applicatie": {"naam": NAAM, "status": "CONCEPT"}}]}  # fmt: skip
        # Functioneel beheer lists the concepts; for anyone else the list is empty.
        concepten = (await raw(store, "concept_lijst", "MATCH (x:Applicatie) WHERE x.gemeldDoor IS NOT NULL "
                               "RETURN x.id AS id ORDER BY toLower(x.naam), x.id"))  # fmt: skip
        lijst = "{ concepten(first: 100) { totalCount nodes { identificatie status } } }"
        assert data(beheer.post(lijst))["concepten"] == {
            "totalCount": len(concepten), "nodes": [{"identificatie": r["id"], "status": "CONCEPT"} for r in concepten]
        }  # fmt: skip
        for api in (bezoeker, gemeente, anders, aanbod, vng):
            assert data(api.post(lijst))["concepten"] == {"totalCount": 0, "nodes": []}

        # Published: everyone sees it and its leverancier.
        gepubliceerd = data(beheer.post(PUBLICEER, {"input": {"concept": a}}))["publiceerConcept"]
        assert gepubliceerd["applicatie"] == {"identificatie": a, "status": "ACTIEF",
                                              "leverancier": {"identificatie": lev, "status": "ACTIEF"}}  # fmt: skip
        open_ = zicht(bezoeker, a, lev, feit["rc"])
        assert open_["applicaties"] == open_["zoeken"] == [a] and open_["alle"] == catalogus + 1
        assert (
            open_["leveranciers"] == 1 and open_["component"] and open_["per_id"][2] == {"identificatie": lev}
        )
        assert data(beheer.post(lijst))["concepten"]["totalCount"] == len(concepten) - 1

        # Merged: a second concept, of a leverancier in the catalogue, with a koppeling.
        tweede = data(gemeente.post(MELD, {"input": {"organisatie": GEMEENTE, "naam": "Qwzrt Portaal",
                                                     "leverancier": feit["lev"]}}))["meldOntbrekendeSoftware"]  # fmt: skip
        c, g2 = tweede["applicatie"]["identificatie"], tweede["gebruik"]["identificatie"]
        assert tweede["applicatie"]["leverancier"]["identificatie"] == feit["lev"]
        await schrijf(store, "concept_koppeling",
            "MATCH (v:Gebruik {id: $van}), (n:Gebruik {id: $naar}) "
            "CREATE (k:Koppeling {id: 'kop-concept-test', type: 'API', richting: 'HEEN', status: 'IN_GEBRUIK'})"
            "-[:VAN]->(v) CREATE (k)-[:NAAR]->(n) CREATE (v)-[:KOPPELT {koppelingId: 'kop-concept-test'}]->(n) "
            "RETURN k.id AS id", {"van": g2, "naar": feit["ander_gebruik"]})  # fmt: skip
        samengevoegd = data(beheer.post(SAMENVOEGEN, {"input": {"concept": c, "doel": feit["doel"]}}))
        assert samengevoegd["voegConceptSamen"] == {
            "applicatie": {"identificatie": feit["doel"], "status": "ACTIEF"}, "verplaatsteGebruik": 1
        }  # fmt: skip
        verplaatst = data(gemeente.post(
            "query($id: ID!) { node(id: $id) { ... on Gebruik { versienummer applicatie { identificatie }"
            " uitgaandeKoppelingen { identificatie } } } }", {"id": _global("Gebruik", g2)}))["node"]  # fmt: skip
        assert verplaatst == {"versienummer": 2, "applicatie": {"identificatie": feit["doel"]},
                              "uitgaandeKoppelingen": [{"identificatie": "kop-concept-test"}]}  # fmt: skip
        assert (
            await raw(store, "concept_weg", "MATCH (x:Applicatie {id: $c}) RETURN x.id AS id", {"c": c}) == []
        )
        assert (await raw(store, "concept_lev", "MATCH (l:Leverancier {id: $l}) RETURN l.status AS s",
                          {"l": feit["lev"]})) == [{"s": "ACTIEF"}]  # the leverancier in the catalogue stays  # fmt: skip
        records = await wijzigingen(store, c)
        assert [r["w"]["operatie"] for r in records] == ["AANGEMAAKT", "SAMENGEVOEGD"]
        samen = records[-1]
        assert (
            samen["w"]["operatie"] == "SAMENGEVOEGD"
            and json.loads(samen["w"]["na"])["samengevoegdMet"] == feit["doel"]
        )
        assert json.loads((await wijzigingen(store, g2))[-1]["w"]["na"]) == {"applicatie": feit["doel"]}


async def test_every_refused_concept_write_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    [feit] = await raw(store, "concept_feiten2",
        "MATCH (:Gemeente {id: $g})-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(a:Applicatie) WITH a ORDER BY a.id LIMIT 1 "
        "MATCH (l:Leverancier) WITH a, l ORDER BY l.id LIMIT 1 "
        "MATCH (o:Gemeente) WHERE o.id <> $g WITH a, l, o ORDER BY o.id LIMIT 1 "
        "RETURN a.id AS gebruikt, l.id AS lev, o.id AS andere_gemeente", {"g": GEMEENTE})  # fmt: skip
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (feit["andere_gemeente"], "GEBRUIK_BEHEERDER"),
            (feit["lev"], "AANBOD_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        gemeente, raadpleger, anders, aanbod, vng, beheer = (Api(client, t) for t in minted.values())
        bezoeker = Api(client)
        eerste = data(gemeente.post(MELD, {"input": {"organisatie": GEMEENTE, "naam": "Qwzrt Een",
                                                     "leverancierNaam": "Qwzrt Een BV"}}))  # fmt: skip
        c1 = eerste["meldOntbrekendeSoftware"]["applicatie"]["identificatie"]
        tweede = data(gemeente.post(MELD, {"input": {"organisatie": GEMEENTE, "naam": "Qwzrt Twee"}}))
        c2 = tweede["meldOntbrekendeSoftware"]["applicatie"]["identificatie"]
        before = await stand(store)

        def refused(
            api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None
        ) -> None:
            extensions = fout(api.post(query, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            if argument is not None:
                assert extensions.get("argument") == argument, (input, extensions)

        melding = {"organisatie": GEMEENTE, "naam": "Qwzrt Drie"}
        refused(bezoeker, MELD, melding, "UNAUTHENTICATED")
        for api in (raadpleger, aanbod, vng):
            refused(api, MELD, melding, "FORBIDDEN")
        refused(anders, MELD, melding, "FORBIDDEN", "input.organisatie")
        refused(
            gemeente,
            MELD,
            {**melding, "organisatie": feit["andere_gemeente"]},
            "FORBIDDEN",
            "input.organisatie",
        )
        refused(gemeente, MELD, {**melding, "naam": " "}, "INVALID_INPUT", "input.naam")
        refused(gemeente, MELD, {**melding, "naam": "x" * 201}, "INVALID_INPUT", "input.naam")
        refused(
            gemeente,
            MELD,
            {**melding, "leverancierNaam": "y" * 201},
            "INVALID_INPUT",
            "input.leverancierNaam",
        )
        refused(gemeente, MELD, {**melding, "notities": "z" * 10_001}, "INVALID_INPUT", "input.notities")
        refused(gemeente, MELD, {**melding, "naam": "met\x00nul"}, "INVALID_TEXT")
        refused(
            gemeente, MELD, {**melding, "leverancier": "lev-bestaat-niet"}, "NOT_FOUND", "input.leverancier"
        )
        refused(gemeente, MELD, {**melding, "leverancier": feit["lev"], "leverancierNaam": "Beide BV"},
                "INVALID_INPUT", "input.leverancierNaam")  # fmt: skip
        refused(gemeente, MELD, {**melding, "leverancier": _global("Gemeente", GEMEENTE)}, "INVALID_ID",
                "input.leverancier")  # fmt: skip
        assert fout(gemeente.post(MELD, {"input": {"organisatie": GEMEENTE}}))["code"] == "BAD_USER_INPUT"
        assert (
            fout(gemeente.post(MELD, {"input": {**melding, "status": "KAPOT"}}))["code"] == "BAD_USER_INPUT"
        )

        for query, input in (
            (PUBLICEER, {"concept": c1}),
            (SAMENVOEGEN, {"concept": c1, "doel": feit["gebruikt"]}),
        ):
            refused(bezoeker, query, input, "UNAUTHENTICATED")
            for api in (gemeente, raadpleger, anders, aanbod, vng):
                refused(api, query, input, "FORBIDDEN")
            refused(beheer, query, {**input, "concept": "app-bestaat-niet"}, "NOT_FOUND", "input.concept")
            # A published application is no concept: there is nothing to publish or merge.
            refused(beheer, query, {**input, "concept": feit["gebruikt"]}, "NOT_FOUND", "input.concept")
        refused(beheer, SAMENVOEGEN, {"concept": c1, "doel": "app-bestaat-niet"}, "NOT_FOUND", "input.doel")
        refused(beheer, SAMENVOEGEN, {"concept": c1, "doel": c2}, "INVALID_ARGUMENT", "input.doel")
        # GM0014 uses the target already: which of its two Gebruik stays is its own decision.
        refused(beheer, SAMENVOEGEN, {"concept": c1, "doel": feit["gebruikt"]}, "DUPLICATE", "input.doel")

        assert not await verschil(store, before)
