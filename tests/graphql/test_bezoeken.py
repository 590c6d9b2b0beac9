"""Views, searches and market shares in the leverancier's view (issue 19, item 5) through HTTP.

Views and searches are counted in a graph of the test's own, by API processes whose clock
(`telmoment`) stands in two ISO weeks of two months: several organisations view applications
through `applicatie`, `node` and `nodes`, some more than once, the leverancier itself and a
bezoeker too; gemeenten and others search. The counts are computed here from who did what, the
floor (5) applied; no answer and no node of the graph names a viewing organisation.

The market shares are read on the shared seeded graph and recomputed from raw rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from graph_api.app import create_app
from graph_api.auth.dev import key_path, mint_token, signing_key
from graph_api.domain.gebruikers import registreer_dev
from graph_api.store import Store
from tests.backends import Backend
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_applicatie_mutaties import raw
from tests.graphql.test_gebruik_mutaties import TestClient, _global, data

WEEK_1 = "2026-11-25T12:00:00+01:00"  # 2026-W48, November
WEEK_2 = "2026-12-02T12:00:00+01:00"  # 2026-W49, December

APPLICATIE = "query($a: String!) { applicatie(identificatie: $a) { identificatie naam } }"
NODE = "query($id: ID!) { node(id: $id) { id } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
ZOEK = """query($t: String!, $f: ZoekFilter) { zoeken(tekst: $t, filter: $f) {
  applicaties(first: 1) { totalCount } } }"""
AANDACHT = """query($l: ID!, $w: Int!, $m: Int!) { leveranciersoverzicht(leverancier: $l) {
  bezoeken(weken: $w) { drempel weken bezoeken { applicatie { identificatie } week aantal } }
  zoekvragen(maanden: $m) { drempel maanden termen { maand term gemeenten }
    referentiecomponenten { maand referentiecomponent { identificatie } gemeenten } }
} }"""
MARKT = """query($l: ID!) { leveranciersoverzicht(leverancier: $l) {
  marktaandelen { referentiecomponent { identificatie } gemeenten klanten overig aandeel } } }"""


@contextmanager
def serve_op(backend: Backend, moment: str) -> Iterator[TestClient]:
    """An API process counting views, its clock at `moment`; its counts written when it stops."""
    settings = replace(backend.settings, tellen=True, telsleutel="test-sleutel", telmoment=moment)
    with TestClient(create_app(settings, engine=backend.engine)) as client:
        yield client


async def _tokens(backend: Backend, rollen: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    key = signing_key(key_path(backend.settings))
    result = {}
    for organisatie, rol in rollen:
        r = await registreer_dev(backend.store, organisatie_sleutel=organisatie, rol_waarde=rol)
        result[(organisatie, rol)] = mint_token(
            key, subject=r.subject, audience=backend.settings.identity.audience
        )
    return result


async def _feiten(store: Store) -> dict[str, Any]:
    """A published leverancier with two published applications realising two components, another
    leverancier, and seven gemeenten (ids and names)."""
    [lev] = await raw(store, "bz_lev", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)-[:REALISEERT]->(c:Referentiecomponent)
        WHERE l.gemeldDoor IS NULL AND a.gemeldDoor IS NULL
        WITH l, collect(DISTINCT a.id) AS apps, collect(DISTINCT c.id) AS rcs
        WHERE size(apps) >= 2 AND size(rcs) >= 2
        RETURN l.id AS l, apps, rcs ORDER BY l.id LIMIT 1""")  # fmt: skip
    [ander] = await raw(store, "bz_ander", """
        MATCH (l:Leverancier) WHERE l.id <> $l AND l.gemeldDoor IS NULL
        RETURN l.id AS l, l.naam AS naam ORDER BY l.id LIMIT 1""", {"l": lev["l"]})  # fmt: skip
    gemeenten = await raw(
        store, "bz_gem", "MATCH (g:Gemeente) RETURN g.id AS id, g.naam AS naam ORDER BY g.id LIMIT 7"
    )
    apps = sorted(lev["apps"])[:2]
    return {"l": lev["l"], "a": apps[0], "b": apps[1], "rcs": sorted(lev["rcs"])[:2], "ander": ander,
            "gemeenten": gemeenten}  # fmt: skip


async def test_views_and_searches_counted_per_week_and_month_without_naming_anyone(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    f = await _feiten(store)
    lev, a, b, (rc, rc2) = f["l"], f["a"], f["b"], f["rcs"]
    g = [row["id"] for row in f["gemeenten"]]
    rollen = [(x, "GEBRUIK_RAADPLEGER") for x in g] + [
        (lev, "AANBOD_BEHEERDER"), (f["ander"]["l"], "AANBOD_BEHEERDER"), (VNG, "FUNCTIONEEL_BEHEERDER"),
    ]  # fmt: skip
    t = await _tokens(own_graph, rollen)
    voor = await raw(store, "bz_voor", "MATCH (n) WHERE n:Bezoek OR n:Zoekvraag RETURN count(n) AS n")
    assert voor == [{"n": 0}]

    # Week 48 (November): two gemeenten view A, one searches.
    with serve_op(own_graph, WEEK_1) as client:
        api = {key: Api(client, token) for key, token in t.items()}
        for x in g[:2]:
            assert data(api[(x, "GEBRUIK_RAADPLEGER")].post(APPLICATIE, {"a": a}))["applicatie"]
        data(api[(g[0], "GEBRUIK_RAADPLEGER")].post(ZOEK, {"t": "zaak systeem"}))

    # Week 49 (December): A by five organisations (one thrice, by every lookup; another
    # leverancier's aanbod-beheerder is one of them), its own leverancier and a bezoeker not
    # counted; B by one; an unknown id by all.
    with serve_op(own_graph, WEEK_2) as client:
        api = {key: Api(client, token) for key, token in t.items()}
        eerste = api[(g[0], "GEBRUIK_RAADPLEGER")]
        assert data(eerste.post(APPLICATIE, {"a": a}))["applicatie"]["identificatie"] == a
        assert data(eerste.post(APPLICATIE, {"a": a}))["applicatie"]["identificatie"] == a  # kept answer
        assert data(eerste.post(NODE, {"id": _global("Applicatie", a)}))["node"]
        assert data(api[(g[1], "GEBRUIK_RAADPLEGER")].post(NODE, {"id": _global("Applicatie", a)}))["node"]
        ids = [_global("Applicatie", a), _global("Applicatie", b), _global("Applicatie", "app-bestaat-niet")]
        assert [n is not None for n in data(api[(g[2], "GEBRUIK_RAADPLEGER")].post(NODES, {"ids": ids}))["nodes"]] == [
            True, True, False,
        ]  # fmt: skip
        alias = "query($a: String!) { x: applicatie(identificatie: $a) { naam } }"
        assert data(api[(g[3], "GEBRUIK_RAADPLEGER")].post(alias, {"a": a}))["x"]
        assert data(api[(f["ander"]["l"], "AANBOD_BEHEERDER")].post(APPLICATIE, {"a": a}))["applicatie"]
        assert data(api[(lev, "AANBOD_BEHEERDER")].post(APPLICATIE, {"a": a}))["applicatie"]
        assert data(Api(client).post(APPLICATIE, {"a": a}))["applicatie"]
        for key in t:
            assert data(api[key].post(APPLICATIE, {"a": "app-bestaat-niet"}))["applicatie"] is None

        # Searches in December: five gemeenten the same words (written differently) filtered on
        # rc, one of them twice; a sixth rare words, filtered on rc2; leveranciers not counted.
        for x in g[:5]:
            data(
                api[(x, "GEBRUIK_RAADPLEGER")].post(
                    ZOEK, {"t": "Zaak-SYSTEEM", "f": {"referentiecomponent": rc}}
                )
            )
        data(eerste.post(ZOEK, {"t": " zaak systeem!", "f": {"referentiecomponent": rc}}))
        data(
            api[(g[5], "GEBRUIK_RAADPLEGER")].post(
                ZOEK, {"t": "Zeldzaam woord", "f": {"referentiecomponent": rc2}}
            )
        )
        for key in (
            (lev, "AANBOD_BEHEERDER"),
            (f["ander"]["l"], "AANBOD_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        ):
            data(api[key].post(ZOEK, {"t": "zaak systeem", "f": {"referentiecomponent": rc2}}))
        data(Api(client).post(ZOEK, {"t": "zaak systeem"}))

        variabelen = {"l": lev, "w": 3, "m": 2}
        leverancier = data(api[(lev, "AANBOD_BEHEERDER")].post(AANDACHT, variabelen))["leveranciersoverzicht"]
        beheer = data(api[(VNG, "FUNCTIONEEL_BEHEERDER")].post(AANDACHT, variabelen))["leveranciersoverzicht"]

    # Expected, from who did what: A in W49 by g0..g3 and the other leverancier (5), in W48 by
    # g0, g1 (2); B in W49 by g2 (1). Sorted by application name, newest week first.
    namen = {row["id"]: row["naam"] for row in await raw(store, "bz_namen", """
        MATCH (x:Applicatie) WHERE x.id IN [$a, $b] RETURN x.id AS id, x.naam AS naam""", {"a": a, "b": b})}  # fmt: skip
    volgorde = sorted([a, b], key=lambda x: (namen[x].lower(), x))
    tellingen = {a: [("2026-W49", 5), ("2026-W48", 2)], b: [("2026-W49", 1)]}

    def bezoeken(m: int) -> list[dict[str, Any]]:
        return [
            {"applicatie": {"identificatie": x}, "week": week, "aantal": n if n >= m else None}
            for x in volgorde
            for week, n in tellingen[x]
        ]

    assert leverancier["bezoeken"] == {
        "drempel": 5, "weken": ["2026-W49", "2026-W48", "2026-W47"], "bezoeken": bezoeken(5),
    }  # fmt: skip
    assert beheer["bezoeken"]["drempel"] == 1 and beheer["bezoeken"]["bezoeken"] == bezoeken(1)
    # Searches: "zaak systeem" by five gemeenten in December (one in November: under the floor,
    # left out); the rare words left out; rc by five, rc2 by one gemeente (hidden, it is the
    # leverancier's own component).
    assert leverancier["zoekvragen"] == {
        "drempel": 5,
        "maanden": ["2026-12", "2026-11"],
        "termen": [{"maand": "2026-12", "term": "zaak systeem", "gemeenten": 5}],
        "referentiecomponenten": [
            {"maand": "2026-12", "referentiecomponent": {"identificatie": rc}, "gemeenten": 5},
            {"maand": "2026-12", "referentiecomponent": {"identificatie": rc2}, "gemeenten": None},
        ],
    }
    assert sorted((t["maand"], t["term"], t["gemeenten"]) for t in beheer["zoekvragen"]["termen"]) == [
        ("2026-11", "zaak systeem", 1), ("2026-12", "zaak systeem", 5), ("2026-12", "zeldzaam woord", 1),
    ]  # fmt: skip

    # Nobody named: not in the answers, not in the graph.
    kijkers = [*g, f["ander"]["l"], *(row["naam"] for row in f["gemeenten"]), f["ander"]["naam"]]
    tekst = json.dumps([leverancier, beheer])
    assert not [x for x in kijkers if x in tekst]
    knopen = await raw(store, "bz_knopen", """
        MATCH (n) WHERE n:Bezoek OR n:Zoekvraag RETURN labels(n)[0] AS label, n {.*} AS n""")  # fmt: skip
    assert sum(k["label"] == "Bezoek" for k in knopen) == 8
    assert sum(k["label"] == "Zoekvraag" for k in knopen) == 1 + 5 + 5 + 1 + 1  # Nov; Dec term, rc; rare; rc2
    opgeslagen = json.dumps(knopen)
    assert not [x for x in [*g, f["ander"]["l"], lev] if x in opgeslagen]


async def test_market_share_per_component_recomputed_from_raw_rows(
    backend: Backend, api_as: Callable[[str, str], Api]
) -> None:
    """The leverancier with the most gemeenten as customers; per component its applications
    realise: gemeenten using anything for it (Gebruik not phased out) and those using its own."""
    store = backend.store
    [lev] = await raw(store, "bz_grootste", """
        MATCH (g:Gemeente)-[:GEBRUIKT]->(u:Gebruik)-[:VAN]->(:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
        WHERE u.status <> 'UITGEFASEERD'
        RETURN l.id AS l, count(DISTINCT g) AS n ORDER BY n DESC, l LIMIT 1""")  # fmt: skip
    rows = await raw(store, "bz_markt", """
        MATCH (:Leverancier {id: $l})-[:BIEDT_AAN]->(:Applicatie)-[:REALISEERT]->(c:Referentiecomponent)
        WITH DISTINCT c
        MATCH (c)<-[:VOOR]-(u:Gebruik)<-[:GEBRUIKT]-(g:Gemeente)
        WHERE u.status <> 'UITGEFASEERD'
        MATCH (u)-[:VAN]->(:Applicatie)<-[:BIEDT_AAN]-(x:Leverancier)
        RETURN c.id AS c, g.id AS g, x.id AS x""", {"l": lev["l"]})  # fmt: skip
    gemeenten: dict[str, set[str]] = {}
    klanten: dict[str, set[str]] = {}
    anderen: set[str] = set()
    for row in rows:
        gemeenten.setdefault(row["c"], set()).add(row["g"])
        if row["x"] == lev["l"]:
            klanten.setdefault(row["c"], set()).add(row["g"])
        else:
            anderen.add(row["x"])
    answer = api_as(lev["l"], "AANBOD_BEHEERDER").query(MARKT, {"l": lev["l"]})["leveranciersoverzicht"]
    shares = answer["marktaandelen"]
    assert shares and {s["referentiecomponent"]["identificatie"] for s in shares} <= {
        c for c, n in gemeenten.items() if len(n) >= 5
    }
    for s in shares:
        c = s["referentiecomponent"]["identificatie"]
        n, k = len(gemeenten[c]), len(klanten.get(c, ()))
        assert s["gemeenten"] == n
        if 0 < k < 5:
            assert s["klanten"] is None and s["aandeel"] is None and s["overig"] is None
        if s["klanten"] is not None:
            assert (s["klanten"], s["overig"]) == (k, n - k) and abs(s["aandeel"] - k / n) < 1e-9
    assert any(s["klanten"] for s in shares)
    keys = [(s["aandeel"] is None, -(s["aandeel"] or 0)) for s in shares]
    assert keys == sorted(keys)
    assert not [x for x in anderen if x in json.dumps(answer)]  # no other leverancier named
