"""The national analytics kept exact by the writes (issue 22, item 3): after each of a series of
writes through the GraphQL API, marktconcentratie (per application and per leverancier),
leveranciersprofiel and koppelingsnetwerk equal a full recount, worked out here in plain Python
from the raw rows of the graph (not from the maintained cells, nor from the statements' Cypher).
Asked by functioneel beheer at minimaleGroep 1, so the group floor hides nothing and every figure
is compared.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from graph_api.store import Store
from tests.backends import Backend
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import GEMEENTE, STATUS, _global, data, serve, tokens
from tests.graphql.test_gebruik_mutaties import REGISTREER as REGISTREER_GEBRUIK
from tests.graphql.test_gebruik_mutaties import VERWIJDER as VERWIJDER_GEBRUIK
from tests.graphql.test_gebruik_mutaties import WIJZIG as WIJZIG_GEBRUIK
from tests.graphql.test_koppeling_mutaties import REGISTREER as REGISTREER_KOPPELING
from tests.graphql.test_koppeling_mutaties import VERWIJDER as VERWIJDER_KOPPELING

MARKT = """query($per: Marktpartij!) { marktconcentratie(per: $per, minimaleGroep: 1, first: 500) {
  hhi aanbieders gemeenten referentiecomponent { identificatie } } }"""
PROFIEL = """query($l: ID!) { leveranciersprofiel(leverancier: $l, minimaleGroep: 1) {
  marktaandelen { gemeenten klanten referentiecomponent { identificatie } } } }"""
NETWERK = "{ koppelingsnetwerk(minimaleGroep: 1, first: 500) { edges { id aantal } } }"


async def _rows(store: Store, text: str) -> list[dict[str, Any]]:
    return await store.read_text("test/analyse", text)


async def ruw(store: Store) -> dict[str, list[dict[str, Any]]]:
    """The raw rows every figure is counted from."""
    return {
        "gebruik": await _rows(store, (
            "MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie) "
            "RETURN g.id AS id, o.id AS o, 'Gemeente' IN labels(o) AS gemeente, a.id AS a, g.status AS status")),
        "voor": await _rows(store, "MATCH (g:Gebruik)-[:VOOR]->(c:Referentiecomponent) RETURN g.id AS g, c.id AS c"),
        "levert": await _rows(store, "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) RETURN a.id AS a, l.id AS l"),
        "realiseert": await _rows(store, (
            "MATCH (a:Applicatie)-[:REALISEERT]->(c:Referentiecomponent) RETURN a.id AS a, c.id AS c")),
        "koppelingen": await _rows(store, (
            "MATCH (u:Gebruik)<-[:VAN]-(:Koppeling)-[:NAAR]->(n) "
            "RETURN u.id AS van, n.id AS naar, 'Gebruik' IN labels(n) AS naarGebruik")),
    }  # fmt: skip


def markten(rows: dict[str, list[dict[str, Any]]], per: str) -> tuple[dict, dict]:
    """Per component: each provider's gemeenten (an application, or a leverancier counting a
    gemeente once), and the gemeenten using anything for it; Gebruik not UITGEFASEERD."""
    voor, leverancier = defaultdict(set), defaultdict(set)
    for r in rows["voor"]:
        voor[r["g"]].add(r["c"])
    for r in rows["levert"]:
        leverancier[r["a"]].add(r["l"])
    using: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    users: dict[str, set[str]] = defaultdict(set)
    for g in rows["gebruik"]:
        if not g["gemeente"] or g["status"] == "UITGEFASEERD":
            continue
        for c in voor[g["id"]]:
            users[c].add(g["o"])
            # Counted where it has a leverancier: a component with no such application is no market.
            for provider in (
                ([g["a"]] if leverancier[g["a"]] else []) if per == "APPLICATIE" else leverancier[g["a"]]
            ):
                using[c][provider].add(g["o"])
    return using, users


def netwerk(rows: dict[str, list[dict[str, Any]]]) -> list[tuple[str, int]]:
    """Application pairs joined by koppelingen in a gemeente's landscape: in how many gemeenten."""
    gebruik = {g["id"]: g for g in rows["gebruik"]}
    pairs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for k in rows["koppelingen"]:
        van = gebruik[k["van"]]
        if not van["gemeente"]:
            continue
        naar = (
            (gebruik[k["naar"]]["a"], "Applicatie")
            if k["naarGebruik"]
            else (k["naar"], "BuitengemeentelijkeVoorziening")
        )
        pairs[(van["a"], *naar)].add(van["o"])
    ranked = sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0][0], kv[0][1]))[:500]
    return [(f"{_global('Applicatie', a)}>{_global(soort, b)}", len(o)) for (a, b, soort), o in ranked]


async def klopt(beheer: Api, store: Store, leverancier: str) -> None:
    """Every analytic kept by the writes equals the recount from the raw rows."""
    rows = await ruw(store)
    for per in ("APPLICATIE", "LEVERANCIER"):
        counts, users = markten(rows, per)
        answer = data(beheer.post(MARKT, {"per": per}))["marktconcentratie"]
        got = {r["referentiecomponent"]["identificatie"]: r for r in answer}
        assert set(got) == set(counts), per
        for c, providers in counts.items():
            n = {p: len(s) for p, s in providers.items()}
            assert (got[c]["gemeenten"], got[c]["aanbieders"]) == (len(users[c]), len(n)), (per, c)
            assert got[c]["hhi"] == pytest.approx(sum((100 * v / sum(n.values())) ** 2 for v in n.values()))
    counts, users = markten(rows, "LEVERANCIER")
    realised = {
        r["c"]
        for r in rows["realiseert"]
        if r["a"] in {x["a"] for x in rows["levert"] if x["l"] == leverancier}
    }
    profiel = data(beheer.post(PROFIEL, {"l": _global("Leverancier", leverancier)}))["leveranciersprofiel"]
    assert {
        s["referentiecomponent"]["identificatie"]: (s["gemeenten"], s["klanten"])
        for s in profiel["marktaandelen"]
    } == {c: (len(users[c]), len(counts[c].get(leverancier, ()))) for c in realised if c in counts}
    edges = data(beheer.post(NETWERK))["koppelingsnetwerk"]["edges"]
    assert [(e["id"], e["aantal"]) for e in edges] == netwerk(rows)


async def test_the_national_analytics_stay_exact_through_a_series_of_writes(own_graph: Backend) -> None:
    store = own_graph.store
    with serve(own_graph) as client:
        minted = await tokens(own_graph, (VNG, "FUNCTIONEEL_BEHEERDER"))
        beheer = Api(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")])
        rows = await ruw(store)
        leverancier_van = {r["a"]: r["l"] for r in rows["levert"]}
        realiseert = defaultdict(list)
        for r in rows["realiseert"]:
            realiseert[r["a"]].append(r["c"])
        gemeenten = sorted(
            r["id"] for r in await _rows(store, "MATCH (g:Gemeente) RETURN g.id AS id") if r["id"] != GEMEENTE
        )
        eigen = [g for g in rows["gebruik"] if g["o"] == GEMEENTE]
        gebruikt = {g["a"] for g in eigen}
        # An application GM0014 does not use, with components and a leverancier: its market moves.
        app = sorted(a for a in realiseert if a not in gebruikt and a in leverancier_van)[0]
        leverancier = leverancier_van[app]
        await klopt(beheer, store, leverancier)

        def registreer(organisatie: str, applicatie: str) -> dict[str, Any]:
            input = {"organisatie": organisatie, "applicatie": applicatie,
                     "referentiecomponenten": realiseert[applicatie], "status": "IN_PRODUCTIE"}  # fmt: skip
            return data(beheer.post(REGISTREER_GEBRUIK, {"input": input}))["registreerGebruik"]["gebruik"]

        # New Gebruik in GM0014 and in two other gemeenten: a market grows, in new gemeenten.
        nieuw = registreer(GEMEENTE, app)
        elders = [registreer(g, app) for g in gemeenten[:2]]
        await klopt(beheer, store, leverancier)

        # Koppelingen: from the new Gebruik to one of GM0014's and to a national facility, and
        # in another gemeente's landscape to the same facility: a pair in two gemeenten.
        doel = next(g for g in eigen if g["status"] != "UITGEFASEERD")
        [voorziening] = await _rows(
            store, "MATCH (v:BuitengemeentelijkeVoorziening) RETURN v.id AS id ORDER BY id LIMIT 1"
        )
        koppeling = {"type": "API", "richting": "HEEN", "van": nieuw["identificatie"]}
        binnen = data(beheer.post(REGISTREER_KOPPELING, {"input": {**koppeling, "naar": doel["id"]}}))
        data(beheer.post(REGISTREER_KOPPELING, {"input": {**koppeling, "naar": voorziening["id"]}}))
        koppeling["van"] = elders[0]["identificatie"]
        data(beheer.post(REGISTREER_KOPPELING, {"input": {**koppeling, "naar": voorziening["id"]}}))
        await klopt(beheer, store, leverancier)

        # Phased out: no longer counted in the market; its koppelingen still in the network.
        data(beheer.post(STATUS, {"input": {"gebruik": elders[1]["identificatie"], "verwachteVersie": 1,
                                            "status": "UITGEFASEERD"}}))  # fmt: skip
        await klopt(beheer, store, leverancier)

        # Fewer components: the markets it leaves shrink.
        data(beheer.post(WIJZIG_GEBRUIK, {"input": {"gebruik": nieuw["identificatie"], "verwachteVersie": 1,
                                                    "referentiecomponenten": realiseert[app][:1]}}))  # fmt: skip
        await klopt(beheer, store, leverancier)

        # A koppeling deleted, then a Gebruik with its koppeling.
        key = binnen["registreerKoppeling"]["koppeling"]["identificatie"]
        data(beheer.post(VERWIJDER_KOPPELING, {"input": {"koppeling": key, "verwachteVersie": 1}}))
        await klopt(beheer, store, leverancier)
        data(beheer.post(VERWIJDER_GEBRUIK, {"input": {"gebruik": elders[0]["identificatie"], "verwachteVersie": 1,
                                                       "ookKoppelingen": True}}))  # fmt: skip
        await klopt(beheer, store, leverancier)

        # Counted afresh (`graph-api db analyse`'s work), the cells are what the writes left.
        before = await _rows(
            store, "MATCH (m:Marktcel) WHERE m.gemeenten > 0 RETURN m.id AS id, m.gemeenten AS n ORDER BY id"
        )
        before_netwerk = await _rows(
            store, "MATCH (n:Netwerkcel) RETURN n.id AS id, n.gemeenten AS n ORDER BY id"
        )
        from graph_api.domain.analyse import bijdragen

        await bijdragen.opnieuw(store)
        assert (
            await _rows(
                store,
                "MATCH (m:Marktcel) WHERE m.gemeenten > 0 RETURN m.id AS id, m.gemeenten AS n ORDER BY id",
            )
            == before
        )
        assert (
            await _rows(store, "MATCH (n:Netwerkcel) RETURN n.id AS id, n.gemeenten AS n ORDER BY id")
            == before_netwerk
        )
