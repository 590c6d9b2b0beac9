"""The leverancier's own view and the advice on being found (issue 18, item 6) through HTTP, in
a graph of the test's own on each engine: who may ask it, and what it answers to the
leverancier's aanbod-beheerder, its organisatie-beheerder and functioneel beheer, each compared
with a plain-Python recomputation from raw rows of the graph.

The leverancier's state is made through the mutations (a proposal, a dienst taken and one
retired, a concept reported by a gemeente); what no mutation writes yet is set up by raw writes:
a concept of the leverancier's own (18a writes those), and a standard claimed without evidence.
"""

from __future__ import annotations

import base64
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import data, fout, serve, tokens

GEMEENTE = "GM0014"
CONCEPT = "app-qwzrt-concept"

OVERZICHT = """
query($l: ID!) { leveranciersoverzicht(leverancier: $l) {
  leverancier { identificatie }
  gebruik { applicatie { identificatie } gebruik { identificatie status } }
  voorstellen { identificatie status }
  concepten { identificatie }
  diensten { dienst { identificatie status } afnemers }
  vindbaarheid {
    score
    applicaties { applicatie { identificatie } score suggesties { code } }
    suggesties { code applicatie { identificatie } versie { identificatie } standaardversie { identificatie } }
  }
} }"""


def data_of(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    return body["data"]


def _global(kind: str, key: str) -> str:
    return base64.b64encode(f"{kind}:{key}".encode()).decode()


async def raw(store: Store, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await store.read_text(f"test/{name}", cypher, params or {})


async def schrijf(store: Store, name: str, cypher: str, params: dict[str, Any]) -> list[dict]:
    """A raw write of the test's own setup (the module's docstring says which and why)."""
    return await store._run(f"test/{name}", cypher, params, write=True, timeout_ms=60_000, unit=None)


async def _leverancier(store: Store) -> dict[str, Any]:
    """A leverancier GM0014 uses an application of, with a version of one (to claim a standard
    on), a standard version, and a gemeente other than GM0014."""
    [row] = await raw(store, "lo_lev", """
        MATCH (:Gemeente {id: $g})-[:GEBRUIKT]->(u:Gebruik)-[:VAN]->(x:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
        WHERE x.gemeldDoor IS NULL AND l.gemeldDoor IS NULL
        RETURN l.id AS l, u.id AS gebruik, x.id AS x ORDER BY l.id, u.id LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    [versie] = await raw(store, "lo_versie", """
        MATCH (:Leverancier {id: $l})-[:BIEDT_AAN]->(:Applicatie)-[:HEEFT_VERSIE]->(v:Versie)
        RETURN v.id AS id ORDER BY v.id LIMIT 1""", {"l": row["l"]})  # fmt: skip
    [sv] = await raw(store, "lo_sv", "MATCH (s:Standaardversie) RETURN s.id AS id ORDER BY s.id LIMIT 1")
    [ander] = await raw(store, "lo_ander", """
        MATCH (o:Gemeente) WHERE o.id <> $g
        WITH o, [(o)-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(y) | y.id] AS gebruikt
        WHERE NOT $x IN gebruikt
        RETURN o.id AS id ORDER BY o.id LIMIT 1""", {"g": GEMEENTE, "x": row["x"]})  # fmt: skip
    return {**row, "versie": versie["id"], "standaardversie": sv["id"], "ander": ander["id"]}


async def _rauw(store: Store, leverancier: str) -> dict[str, Any]:
    """Everything the view reads, as raw rows: the leverancier's applications with their Gebruik
    (and organisation), versions, components and claims; its proposals; its diensten and takers."""
    apps = await raw(store, "lo_apps", """
        MATCH (l:Leverancier {id: $l})-[:BIEDT_AAN]->(a:Applicatie)
        RETURN a {.*} AS a,
               [(a)<-[:VAN]-(g)<-[:GEBRUIKT]-(o) | {id: g.id, status: g.status, org: o.id, naam: o.naam}] AS gebruik,
               [(a)-[:REALISEERT]->(r) | r.id] AS componenten,
               [(a)-[:HEEFT_VERSIE]->(v) | {id: v.id, status: v.status}] AS versies,
               [(a)-[:HEEFT_VERSIE]->(w)-[c:ONDERSTEUNT]->(s) | {versie: w.id, sv: s.id, bewijs: c.bewijs}] AS claims,
               [(a)<-[:TOONT]-(e) | e.id] AS etalage
        """, {"l": leverancier})  # fmt: skip
    voorstellen = await raw(store, "lo_voorstellen", """
        MATCH (:Leverancier {id: $l})<-[:DOOR]-(v:Gebruiksvoorstel)
        RETURN v.id AS id, v.status AS status, v.voorgesteldOp AS op""", {"l": leverancier})  # fmt: skip
    diensten = await raw(store, "lo_diensten", """
        MATCH (:Leverancier {id: $l})-[:LEVERT]->(d:Dienst)
        RETURN d.id AS id, d.naam AS naam, d.status AS status, [(d)<-[:NEEMT_AF]-(g) | g.id] AS takers
        """, {"l": leverancier})  # fmt: skip
    concepten = await raw(store, "lo_concepten", """
        MATCH (a:Applicatie) WHERE a.gemeldDoor = $l RETURN a.id AS id, a.naam AS naam""",
        {"l": leverancier})  # fmt: skip
    return {"apps": apps, "voorstellen": voorstellen, "diensten": diensten, "concepten": concepten}


def _naam(item: dict[str, Any]) -> tuple[str, str]:
    return (item["naam"].lower(), item["id"])


def verwacht(rauw: dict[str, Any], leverancier: str, *, rol: str) -> dict[str, Any]:
    """The answer of OVERZICHT for `rol` (aanbod, organisatie, beheer), worked out from the raw
    rows by the role matrix of docs/access.md, independently of the code."""
    zichtbaar = [
        a for a in rauw["apps"] if a["a"].get("gemeldDoor") in (None, leverancier) or rol == "beheer"
    ]
    zichtbaar.sort(key=lambda a: _naam(a["a"]))
    # Gebruik: all for functioneel beheer; of its own products for the aanbod-beheerder; none else.
    gebruik = [
        {
            "applicatie": {"identificatie": a["a"]["id"]},
            "gebruik": [
                {"identificatie": g["id"], "status": g["status"]}
                for g in sorted(a["gebruik"], key=lambda g: (g["naam"].lower(), g["org"]))
            ]
            if rol in ("aanbod", "beheer")
            else [],
        }
        for a in zichtbaar
    ]
    # Newest first, ties by id ascending (a stable sort on the time after one on the id).
    nieuwste = sorted(sorted(rauw["voorstellen"], key=lambda v: v["id"]), key=lambda v: v["op"], reverse=True)
    voorstellen = [{"identificatie": v["id"], "status": v["status"]} for v in nieuwste]
    checks = ("NO_REFERENTIECOMPONENT", "STANDARD_WITHOUT_EVIDENCE", "NO_CURRENT_VERSION", "NO_DESCRIPTION",
              "NO_WEBSITE", "NO_MATERIAL")  # fmt: skip
    per_app, suggesties, gehaald = [], [], 0
    for a in zichtbaar:
        app = a["a"]
        zonder = sorted((c["versie"], c["sv"]) for c in a["claims"] if not (c["bewijs"] or "").strip())
        gaten = {
            "NO_REFERENTIECOMPONENT": not a["componenten"],
            "STANDARD_WITHOUT_EVIDENCE": bool(zonder),
            "NO_CURRENT_VERSION": not any(v["status"] == "IN_GEBRUIK" for v in a["versies"]),
            "NO_DESCRIPTION": not (app.get("beschrijving") or "").strip(),
            "NO_WEBSITE": not (app.get("website") or "").strip(),
            "NO_MATERIAL": not a["etalage"],
        }
        eigen = []
        for code in checks:
            if not gaten[code]:
                continue
            for versie, sv in zonder if code == "STANDARD_WITHOUT_EVIDENCE" else [(None, None)]:
                eigen.append({
                    "code": code, "applicatie": {"identificatie": app["id"]},
                    "versie": None if versie is None else {"identificatie": versie},
                    "standaardversie": None if sv is None else {"identificatie": sv},
                })  # fmt: skip
        passed = sum(not g for g in gaten.values())
        gehaald += passed
        per_app.append({
            "applicatie": {"identificatie": app["id"]},
            "score": int(100 * passed / len(checks) + 0.5),
            "suggesties": [{"code": s["code"]} for s in eigen],
        })  # fmt: skip
        suggesties += eigen
    return {
        "leverancier": {"identificatie": leverancier},
        "gebruik": gebruik,
        "voorstellen": voorstellen if rol in ("aanbod", "beheer") else [],
        "concepten": [{"identificatie": c["id"]} for c in sorted(rauw["concepten"], key=_naam)],
        "diensten": [
            {"dienst": {"identificatie": d["id"], "status": d["status"] or "AANGEBODEN"}, "afnemers": len(d["takers"])}
            for d in sorted(rauw["diensten"], key=_naam)
        ],
        "vindbaarheid": {
            "score": int(100 * gehaald / (len(checks) * len(zichtbaar)) + 0.5) if zichtbaar else None,
            "applicaties": per_app,
            "suggesties": suggesties,
        },
    }


async def test_the_leverancier_sees_its_own_view_as_the_role_matrix_allows(own_graph: Backend) -> None:
    store = own_graph.store
    f = await _leverancier(store)
    lev = f["l"]
    minted = await tokens(
        own_graph,
        (lev, "AANBOD_BEHEERDER"),
        (lev, "ORGANISATIE_BEHEERDER"),
        (lev, "GEBRUIK_BEHEERDER"),
        (GEMEENTE, "GEBRUIK_BEHEERDER"),
        (GEMEENTE, "ORGANISATIE_BEHEERDER"),
        (VNG, "VNG_RAADPLEGER"),
        (VNG, "FUNCTIONEEL_BEHEERDER"),
    )
    # The raw setup no mutation writes yet: the leverancier's own concept, without website,
    # description, versions or components, and a standard version claimed without evidence.
    await schrijf(store, "lo_concept", """
        MATCH (l:Leverancier {id: $l})
        CREATE (l)-[:BIEDT_AAN]->(:Applicatie {id: $id, naam: 'Qwzrt concept', type: 'APPLICATIE',
                licentietype: 'CLOSED_SOURCE', status: 'CONCEPT', gemeldDoor: $l})""",
        {"l": lev, "id": CONCEPT})  # fmt: skip
    await schrijf(store, "lo_claim", """
        MATCH (v:Versie {id: $v}), (s:Standaardversie {id: $s}) CREATE (v)-[:ONDERSTEUNT]->(s)""",
        {"v": f["versie"], "s": f["standaardversie"]})  # fmt: skip
    with serve(own_graph) as client:
        wie = {key: Api(client, token) for key, token in minted.items()}
        aanbod, beheer = wie[(lev, "AANBOD_BEHEERDER")], wie[(VNG, "FUNCTIONEEL_BEHEERDER")]
        gemeente = wie[(GEMEENTE, "GEBRUIK_BEHEERDER")]
        # Its state, through the mutations: a proposal to another gemeente, a dienst on its
        # application that GM0014 takes, another it retired, and missing software GM0014
        # reported as the leverancier's (a concept only GM0014 and functioneel beheer see).
        data(aanbod.post(
            "mutation($i: StelGebruikVoorInput!) { stelGebruikVoor(input: $i) { voorstel { identificatie } } }",
            {"i": {"gemeente": f["ander"], "applicatie": f["x"], "toelichting": "Probeer het"}}))  # fmt: skip
        bied = "mutation($i: BiedDienstAanInput!) { biedDienstAan(input: $i) { dienst { identificatie } } }"
        genomen = data(aanbod.post(bied, {"i": {"leverancier": lev, "naam": "Qwzrt beheer",
                                                "type": "APPLICATIEBEHEER", "applicaties": [f["x"]]}}))  # fmt: skip
        d1 = genomen["biedDienstAan"]["dienst"]["identificatie"]
        weg = data(aanbod.post(bied, {"i": {"leverancier": lev, "naam": "Qwzrt opleiding", "type": "OPLEIDING",
                                            "applicaties": [f["x"]]}}))["biedDienstAan"]["dienst"]["identificatie"]  # fmt: skip
        data(aanbod.post("mutation($i: TrekDienstInInput!) { trekDienstIn(input: $i) { dienst { status } } }",
                         {"i": {"dienst": weg, "verwachteVersie": 1}}))  # fmt: skip
        [gebruik] = await raw(store, "lo_gebruik", "MATCH (g:Gebruik {id: $g}) RETURN coalesce(g.versie, 1) AS v",
                              {"g": f["gebruik"]})  # fmt: skip
        data(gemeente.post(
            "mutation($i: WijzigGebruikInput!) { wijzigGebruik(input: $i) { gebruik { identificatie } } }",
            {"i": {"gebruik": f["gebruik"], "verwachteVersie": gebruik["v"], "diensten": [d1]}}))  # fmt: skip
        data(gemeente.post(
            "mutation($i: MeldOntbrekendeSoftwareInput!) { meldOntbrekendeSoftware(input: $i) { applicatie { identificatie } } }",
            {"i": {"organisatie": GEMEENTE, "naam": "Qwzrt gemeld", "leverancier": lev}}))  # fmt: skip

        data(aanbod.post(
            "mutation($i: VoegEtalagelinkToeInput!) { voegEtalagelinkToe(input: $i) { etalageItem { identificatie } } }",
            {"i": {"applicatie": f["x"], "soort": "DEMO", "titel": "Qwzrt demo", "url": "https://example.org/demo"}}))  # fmt: skip
        rauw = await _rauw(store, lev)
        # The setup is what the checks need: every code, Gebruik, a proposal, a concept, a taker.
        assert any(a["gebruik"] for a in rauw["apps"]) and rauw["voorstellen"] and rauw["concepten"]
        assert any(d["takers"] for d in rauw["diensten"]) and any(a["a"].get("gemeldDoor") == GEMEENTE
                                                                  for a in rauw["apps"])  # fmt: skip

        # What each role is told its answer leaves out (docs/access.md, "Told, not silently empty").
        noten = {
            "aanbod": {"Productgebruik.gebruik"},  # its own products' Gebruik only, as everywhere
            "organisatie": {"Productgebruik.gebruik", "Leveranciersoverzicht.voorstellen"},
            "beheer": set(),
        }
        for rol, api in (("aanbod", aanbod), ("organisatie", wie[(lev, "ORGANISATIE_BEHEERDER")]), ("beheer", beheer)):
            body = api.post(OVERZICHT, {"l": lev}).json()
            antwoord = data_of(body)["leveranciersoverzicht"]
            assert {n["veld"] for n in body["extensions"].get("beperkingen", [])} == noten[rol], rol
            verwachting = verwacht(rauw, lev, rol=rol)
            for veld, waarde in verwachting.items():  # field by field, for a readable failure
                assert antwoord[veld] == waarde, (rol, veld)
        codes = {s["code"] for s in verwacht(rauw, lev, rol="aanbod")["vindbaarheid"]["suggesties"]}
        assert codes == {"NO_REFERENTIECOMPONENT", "STANDARD_WITHOUT_EVIDENCE", "NO_CURRENT_VERSION",
                         "NO_DESCRIPTION", "NO_WEBSITE", "NO_MATERIAL"}  # fmt: skip
        # An application with etalage material is not told to add some.
        assert any(a["etalage"] for a in rauw["apps"])
        # By its global id too.
        assert data(aanbod.post(OVERZICHT, {"l": _global("Leverancier", lev)}))["leveranciersoverzicht"][
            "leverancier"] == {"identificatie": lev}  # fmt: skip

        # Who may not: no token; the leverancier's gebruik role, a gemeente's roles, VNG's
        # raadpleger; a beheerder of another organisation; an unknown leverancier; a wrong kind.
        assert fout(Api(client).post(OVERZICHT, {"l": lev}))["code"] == "UNAUTHENTICATED"
        for rol in ((lev, "GEBRUIK_BEHEERDER"), (GEMEENTE, "GEBRUIK_BEHEERDER"), (GEMEENTE, "ORGANISATIE_BEHEERDER"),
                    (VNG, "VNG_RAADPLEGER")):  # fmt: skip
            extensions = fout(wie[rol].post(OVERZICHT, {"l": lev}))
            assert (extensions["code"], extensions.get("argument")) == ("FORBIDDEN", "leverancier"), rol
        assert fout(beheer.post(OVERZICHT, {"l": "lev-bestaat-niet"}))["code"] == "NOT_FOUND"
        assert fout(aanbod.post(OVERZICHT, {"l": _global("Gemeente", GEMEENTE)}))["code"] == "INVALID_ID"
