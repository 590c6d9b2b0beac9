"""Merging duplicate applications (voegApplicatiesSamen, F004) through HTTP, in a graph of the
test's own on each engine.

The merge is checked against the whole graph: every node and relationship before it, carried
through the merge's rules in plain Python here (written again from docs/access.md, "Merging
applications", not taken from the code), must be every node and relationship after it. So
nothing is lost, nothing counted twice, and nothing else touched. The applications are found
by raw Cypher: a duplicate the test's gemeente uses, with koppelingen, diensten and versions,
and an application of the same leverancier with a version of the same number. Through the API
first: the gemeente registers Gebruik of the application kept too (so it uses both), another
gemeente uses the duplicate only (at the version both have), and the leverancier proposes the
duplicate to a third.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from typing import Any

from graph_api.domain.aanbod.samenvoegen import VERPLAATST
from graph_api.model import describe
from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import dump, stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import REGISTREER, data, fout, serve, tokens

GEMEENTE = "GM0014"
AFGELEID = {"Wijziging", "Melding"}  # made beside the change: records of it, and who hears of it
SAMENVOEGEN = """
mutation($input: VoegApplicatiesSamenInput!) { voegApplicatiesSamen(input: $input) {
  applicatie { identificatie } verplaatsteGebruik gecombineerdeGebruik
} }"""
STEL_VOOR = "mutation($input: StelGebruikVoorInput!) { stelGebruikVoor(input: $input) { voorstel { identificatie } } }"
KOPPEL = "mutation($input: RegistreerKoppelingInput!) { registreerKoppeling(input: $input) { koppeling { identificatie } } }"
MELD = """mutation($input: MeldOntbrekendeSoftwareInput!) { meldOntbrekendeSoftware(input: $input) {
  applicatie { identificatie } } }"""
STATUSSEN = ["VERWERVING", "GEPLAND", "IN_PRODUCTIE", "UIT_TE_FASEREN", "UITGEFASEERD"]
DATUMS = ["verwervingDatum", "geplandDatum", "startDatum", "uitTeFaserenDatum", "eindDatum"]


def _global(kind: str, key: str) -> str:
    return base64.b64encode(f"{kind}:{key}".encode()).decode()


async def raw(store: Store, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await store.read_text(f"test/{name}", cypher, params or {})


async def schrijf(store: Store, name: str, cypher: str, params: dict[str, Any]) -> list[dict]:
    """A raw write of the test's own setup: what no mutation writes yet (the module says which)."""
    return await store._run(f"test/{name}", cypher, params, write=True, timeout_ms=60_000, unit=None)


# What the aanbod mutations (another part of issue 18) will write, set up raw: a module of the
# duplicate, standards its version and the kept one's of the same number support (one both,
# one the duplicate's only, each with evidence), and a component both realise.
AANBOD = """
MATCH (d:Applicatie {id: $d}), (k:Applicatie {id: $k}), (vd:Versie {id: $vd}), (m:Applicatie {id: $module})
MATCH (k)-[:HEEFT_VERSIE]->(vk:Versie {versie: vd.versie})
MATCH (k)-[:REALISEERT]->(c:Referentiecomponent)
WITH d, k, vd, m, vk, c ORDER BY c.id LIMIT 1
MATCH (s:Standaardversie)
WITH d, k, vd, m, vk, c, s ORDER BY s.id LIMIT 2
WITH d, k, vd, m, vk, c, collect(s) AS lijst
WITH d, k, vd, m, vk, c, lijst[0] AS beide, lijst[1] AS alleen
CREATE (m)-[:ONDERDEEL_VAN]->(d)
CREATE (d)-[:REALISEERT {id: 'id-test-realiseert'}]->(c)
CREATE (vd)-[:ONDERSTEUNT {bewijs: 'https://d.example/beide'}]->(beide)
CREATE (vd)-[:ONDERSTEUNT {bewijs: 'https://d.example/alleen'}]->(alleen)
CREATE (vk)-[:ONDERSTEUNT {bewijs: 'https://k.example/beide'}]->(beide)
RETURN vk.id AS vk
"""


# The applications: D, used by GEMEENTE with koppelingen at its Gebruik, with diensten and
# versions; K, of the same leverancier, not used by GEMEENTE, with diensten and a version whose
# number D has too; and gemeenten without a landscape.
FEITEN = """
MATCH (:Gemeente {id: $g})-[:GEBRUIKT]->(gd:Gebruik)-[:VAN]->(d:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
WITH gd, d, l, size([(gd)<-[:VAN]-(k1:Koppeling) | k1]) AS uit, size([(gd)<-[:NAAR]-(k2:Koppeling) | k2]) AS inkomend,
     size([(d)<-[:BIJ]-(s1:Dienst) | s1]) AS diensten
WHERE uit > 0 AND inkomend > 0 AND diensten > 0
MATCH (l)-[:BIEDT_AAN]->(k:Applicatie)-[:HEEFT_VERSIE]->(vk:Versie)
WHERE k.id <> d.id
WITH d, l, k, vk, size([(k)<-[:BIJ]-(s2:Dienst) | s2]) AS dienstenK,
     size([(k)<-[:VAN]-(g3:Gebruik)<-[:GEBRUIKT]-(o3:Gemeente) WHERE o3.id = $g | g3]) AS gebruikt
WHERE dienstenK > 0 AND gebruikt = 0
MATCH (d)-[:HEEFT_VERSIE]->(vd:Versie)
WHERE vd.versie = vk.versie
WITH d, k, vd, l ORDER BY d.id, k.id, vd.id LIMIT 1
RETURN d.id AS d, k.id AS k, vd.id AS vd, l.id AS lev, d.naam AS naam,
       [(d)<-[:BIJ]-(s4:Dienst) | s4.id] AS dienstenD, [(k)<-[:BIJ]-(s5:Dienst) | s5.id] AS dienstenK
"""
ANDERE_GEMEENTEN = (
    "MATCH (o:Gemeente) WHERE o.id <> $g AND NOT (o)-[:GEBRUIKT]->() "
    "WITH o ORDER BY o.id LIMIT 3 RETURN collect(o.id) AS ids"
)


# --- the whole graph, and the merge carried through it in plain Python ---


class Graaf:
    """A dump (tests/graafdump.py) as nodes by id and a multiset of relationships."""

    def __init__(self, gedumpt: tuple[list[str], list[str]]):
        self.nodes: dict[str, tuple[list[str], dict[str, Any]]] = {}
        for tekst in gedumpt[0]:
            labels, props = json.loads(tekst)
            self.nodes[props["id"]] = (labels, props)
        self.rels: list[tuple[str, str, dict[str, Any], str]] = [tuple(json.loads(t)) for t in gedumpt[1]]

    def uit(self, a: str, type_: str) -> list[str]:
        return [b for x, t, _, b in self.rels if x == a and t == type_]

    def naar(self, b: str, type_: str) -> list[str]:
        return [a for a, t, _, y in self.rels if y == b and t == type_]

    def zonder_wijzigingen(self) -> tuple[dict, Counter]:
        # The change records and the meldingen they cause are the write's own tests' subject.
        nodes = {i: n for i, n in self.nodes.items() if not AFGELEID & set(n[0])}
        return nodes, Counter(json.dumps(r, sort_keys=True) for r in self.rels)


def verwacht(voor: Graaf, d: str, k: str, tijdstip: str, door: str) -> tuple[dict, Counter]:
    """The graph after merging d into k, by the rules of docs/access.md, "Merging applications"."""
    nodes = {
        i: (list(labels), dict(props))
        for i, (labels, props) in voor.nodes.items()
        if not AFGELEID & set(labels)
    }
    rels = [list(r) for r in voor.rels]
    org = {g: o for o, t, _, g in voor.rels if t == "GEBRUIKT"}
    gebruik_d = voor.naar(d, "VAN")
    gebruik_k = {org[g]: g for g in voor.naar(k, "VAN")}
    versies_k = {nodes[v][1]["versie"]: v for v in voor.uit(k, "HEEFT_VERSIE")}
    versiepaar = {
        v: versies_k[nodes[v][1]["versie"]]
        for v in voor.uit(d, "HEEFT_VERSIE")
        if nodes[v][1]["versie"] in versies_k
    }

    def gewijzigd(g: str) -> None:
        props = nodes[g][1]
        props.update(versie=(props.get("versie") or 1) + 1, gewijzigdOp=tijdstip, gewijzigdDoor=door)

    paren = {}
    for g in gebruik_d:
        gewijzigd(g)
        if org[g] in gebruik_k:
            paren[g] = gebruik_k[org[g]]
    for gd, gk in paren.items():
        a, b = nodes[gk][1], nodes[gd][1]
        a["status"] = max(a["status"], b["status"], key=STATUSSEN.index)
        for veld in DATUMS:
            waarden = sorted(x for x in (a.get(veld), b.get(veld)) if x)
            a.pop(veld, None)
            if waarden:
                a[veld] = waarden[0]
        for veld in ("hosting", "contractEinde"):
            if not a.get(veld) and b.get(veld):
                a[veld] = b[veld]
        if b.get("notities") and b.get("notities") != a.get("notities"):
            a["notities"] = f"{a['notities']}\n\n{b['notities']}" if a.get("notities") else b["notities"]
        gewijzigd(gk)
        heeft_versie = bool(voor.uit(gk, "VERSIE"))
        for r in rels:
            if (r[3] == gd and r[1] in ("GEBRUIKT",)) or (r[0] == gd and r[1] == "VAN"):
                r[1] = None
            elif r[0] == gd and r[1] == "VERSIE":
                r[0] = gk
                if heeft_versie:
                    r[1] = None
            elif r[0] == gd:
                r[0] = gk
            elif r[3] == gd:
                r[3] = gk
        del nodes[gd]
    for r in rels:
        if r[1] == "VAN" and r[3] == d and r[0] not in paren:
            r[3] = k
        elif r[1] == "VERSIE" and r[3] in versiepaar:
            r[3] = versiepaar[r[3]]
        elif r[1] == "ONDERSTEUNT" and r[0] in versiepaar:
            r[0] = versiepaar[r[0]]
        elif r[1] == "HEEFT_VERSIE" and r[0] == d:
            r[0] = k if r[3] not in versiepaar else None
            if r[0] is None:
                r[1] = None
        elif r[1] == "BIEDT_AAN" and r[3] == d:
            r[1] = None
        elif r[1] == "ONDERDEEL_VAN" and r[0] == d:
            r[0] = k
            if voor.uit(k, "ONDERDEEL_VAN") or r[3] == k:
                r[1] = None
        elif r[3] == d:
            r[3] = k
            if r[0] == k:
                r[1] = None
        elif r[0] == d:
            r[0] = k
    for v in versiepaar:
        del nodes[v]
    for labels, props in nodes.values():
        if "SamengevoegdeApplicatie" in labels and props["samengevoegdMet"] == d:
            props["samengevoegdMet"] = k

    # Each relationship once where the merge gives it once: the relationships a node has to one
    # other node of one type (the koppelingen's KOPPELT differ by their koppelingId).
    def sleutel(r: list) -> str:
        return json.dumps([r[0], r[1], r[3], r[2] if r[1] == "KOPPELT" else None])

    gebleven = [
        r for r, oud in zip(rels, voor.rels, strict=True) if r[1] is not None and tuple(r) == tuple(oud)
    ]
    gezien, samen = {sleutel(r) for r in gebleven}, list(gebleven)
    for r, oud in zip(rels, voor.rels, strict=True):
        if r[1] is None or tuple(r) == tuple(oud) or sleutel(r) in gezien:
            continue
        gezien.add(sleutel(r))
        samen.append(r)
    # ONDERSTEUNT and REALISEERT keep the kept one's properties: it came first in the dump order?
    # No: those of the one kept win, so drop the moved ones where the kept one had one.
    eerst = {(r[0], r[1], r[3]): r for r in voor.rels if r[0] in (k, *versiepaar.values())}
    samen = [
        list(eerst.get((r[0], r[1], r[3]), r)) if r[1] in ("ONDERSTEUNT", "REALISEERT") else r for r in samen
    ]
    nodes[d] = (["SamengevoegdeApplicatie"], {"id": d, "naam": voor.nodes[d][1]["naam"], "samengevoegdMet": k,
                                               "samengevoegdOp": tijdstip})  # fmt: skip
    vlaggen(nodes, samen, set(paren.values()))
    return nodes, Counter(json.dumps(r, sort_keys=True) for r in samen)


def vlaggen(nodes: dict, rels: list, gebruik: set[str]) -> None:
    """The standard flags of the koppelingen at these Gebruik, by koppeling/standaarden's rule."""

    def uit(a: str, t: str) -> list[tuple[str, dict]]:
        return [(r[3], r[2]) for r in rels if r[0] == a and r[1] == t]

    def vereist(x: str) -> set[str]:
        via_componenten = {
            s for c, _ in uit(x, "VOOR") for s, p in uit(c, "VEREIST") if p.get("rol") == "VERPLICHT"
        }
        return via_componenten | {s for s, p in uit(x, "VEREIST") if p.get("rol") == "VERPLICHT"}

    for kk, (labels, props) in nodes.items():
        if "Koppeling" not in labels:
            continue
        [van] = [b for b, _ in uit(kk, "VAN")]
        [naar] = [b for b, _ in uit(kk, "NAAR")]
        if not {van, naar} & gebruik:
            continue
        nodig = vereist(van) | vereist(naar)
        gevolgd = {s for v, _ in uit(kk, "VOLGENS") for s, _ in uit(v, "VERSIE_VAN")}
        props["heeftVereisteStandaard"] = bool(nodig)
        props["volgtVereisteStandaard"] = bool(nodig & gevolgd)


def gezocht(api: Api, tekst: str) -> set[str]:
    """The applications search finds for this text (its first 50)."""
    vraag = "query($t: String!) { zoeken(tekst: $t) { applicaties(first: 50) { nodes { identificatie } } } }"
    nodes = data(api.post(vraag, {"t": tekst}))["zoeken"]["applicaties"]["nodes"]
    return {n["identificatie"] for n in nodes}


# --- the tests ---


def test_the_merge_carries_over_every_relationship_the_model_has_at_what_it_merges() -> None:
    model = describe()
    for label, verplaatst in VERPLAATST.items():
        aan = {
            (spec.type, richting)
            for spec in model.relationships.values()
            for van, naar in spec.endpoints
            for richting, kant in (("uit", van), ("in", naar))
            if kant == label
        }
        assert aan == verplaatst, label


async def test_merging_two_applications_moves_everything_and_old_ids_resolve(own_graph: Backend) -> None:
    store = own_graph.store
    [feit] = await raw(store, "samenvoegen_feiten", FEITEN, {"g": GEMEENTE})
    [anderen] = await raw(store, "samenvoegen_gemeenten", ANDERE_GEMEENTEN, {"g": GEMEENTE})
    tweede, derde, _ = anderen["ids"]
    d, k = feit["d"], feit["k"]
    with serve(own_graph) as client:
        minted = await tokens(own_graph, (VNG, "FUNCTIONEEL_BEHEERDER"), (feit["lev"], "AANBOD_BEHEERDER"))
        beheer, aanbod = (Api(client, t) for t in minted.values())
        bezoeker = Api(client)
        # GEMMA's components for the kept Gebruik: one the duplicate's Gebruik has too, if any.
        componenten = [r["id"] for r in await raw(store, "samenvoegen_voor",
            "MATCH (:Gemeente {id: $g})-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(:Applicatie {id: $d}) "
            "MATCH (c:Referentiecomponent) WITH c ORDER BY c.id LIMIT 2 RETURN c.id AS id", {"g": GEMEENTE, "d": d})]  # fmt: skip
        data(beheer.post(REGISTREER, {"input": {
            "organisatie": GEMEENTE, "applicatie": k, "status": "GEPLAND", "notities": "Ook als K geregistreerd",
            "diensten": feit["dienstenK"][:1], "referentiecomponenten": componenten,
        }}))  # fmt: skip
        data(beheer.post(REGISTREER, {"input": {
            "organisatie": tweede, "applicatie": d, "versie": feit["vd"], "diensten": feit["dienstenD"][:1],
            "status": "IN_PRODUCTIE",
        }}))  # fmt: skip
        data(aanbod.post(STEL_VOOR, {"input": {"gemeente": derde, "applicatie": d}}))
        # Two applications of the leverancier no one uses: one is a module of the duplicate,
        # the other was merged into it before (its marker must follow to the one kept).
        [vrij] = await raw(store, "samenvoegen_vrij",
            "MATCH (:Leverancier {id: $l})-[:BIEDT_AAN]->(a:Applicatie) WHERE NOT a.id IN [$d, $k] "
            "AND NOT (a)<-[:VAN]-() AND NOT (a)-[:ONDERDEEL_VAN]->() "
            "WITH a ORDER BY a.id LIMIT 2 RETURN collect(a.id) AS ids", {"l": feit["lev"], "d": d, "k": k})  # fmt: skip
        module, eerder = vrij["ids"]
        assert await schrijf(
            store, "samenvoegen_aanbod", AANBOD, {"d": d, "k": k, "vd": feit["vd"], "module": module}
        )
        data(beheer.post(SAMENVOEGEN, {"input": {"duplicaat": eerder, "behouden": d}}))
        alle = "{ applicaties(first: 1) { totalCount } }"
        catalogus = data(bezoeker.post(alle))["applicaties"]["totalCount"]
        assert d in gezocht(bezoeker, feit["naam"])
        voor = Graaf(await dump(store))

        antwoord = data(
            beheer.post(SAMENVOEGEN, {"input": {"duplicaat": d, "behouden": k, "idempotencyKey": "m1"}})
        )
        assert antwoord["voegApplicatiesSamen"] == {
            "applicatie": {"identificatie": k},
            "verplaatsteGebruik": 1,
            "gecombineerdeGebruik": 1,
        }
        na = Graaf(await dump(store))
        gedumpt = await stand(store)
        marker = na.nodes[d][1]
        gk = next(g for g in voor.naar(k, "VAN") if GEMEENTE in voor.naar(g, "GEBRUIKT"))
        nodes, rels = verwacht(voor, d, k, marker["samengevoegdOp"], na.nodes[gk][1]["gewijzigdDoor"])
        gevonden_nodes, gevonden_rels = na.zonder_wijzigingen()
        assert {i: n for i, n in gevonden_nodes.items() if n != nodes.get(i)} == {}
        assert gevonden_nodes.keys() == nodes.keys()
        assert gevonden_rels - rels == Counter() and rels - gevonden_rels == Counter()
        # The change records: one per Gebruik moved, two per pair combined, one naming both.
        nieuw = [n[1] for i, n in na.nodes.items() if "Wijziging" in n[0] and i not in voor.nodes]
        eigen = {g: GEMEENTE in voor.naar(g, "GEBRUIKT") for g in voor.naar(d, "VAN")}
        assert sorted((w["object"], w["operatie"]) for w in nieuw) == sorted(
            [(g, "SAMENGEVOEGD" if paar else "GEWIJZIGD") for g, paar in eigen.items()]
            + [(gk, "GEWIJZIGD"), (d, "SAMENGEVOEGD")]
        )
        [record] = [w for w in nieuw if w["object"] == d]
        assert json.loads(record["na"])["samengevoegdMet"] == k and json.loads(record["voor"])["id"] == d

        # The old id answers with the one kept: by id, as a node, among nodes.
        vraag = ("query($a: String!, $n: ID!) { applicatie(identificatie: $a) { identificatie naam }"
                 " node(id: $n) { ... on Applicatie { identificatie } }"
                 " nodes(ids: [$n]) { ... on Applicatie { identificatie } } }")  # fmt: skip
        for api, oud in ((bezoeker, d), (beheer, d), (bezoeker, eerder)):
            assert data(api.post(vraag, {"a": oud, "n": _global("Applicatie", oud)})) == {
                "applicatie": {"identificatie": k, "naam": voor.nodes[k][1]["naam"]},
                "node": {"identificatie": k},
                "nodes": [{"identificatie": k}],
            }
        # The catalogue counts one application fewer; search finds the duplicate no more.
        assert data(bezoeker.post(alle))["applicaties"]["totalCount"] == catalogus - 1
        assert d not in gezocht(bezoeker, feit["naam"])

        # Sent again with its key, it answers as the first time and writes nothing.
        herhaald = data(
            beheer.post(SAMENVOEGEN, {"input": {"duplicaat": d, "behouden": k, "idempotencyKey": "m1"}})
        )
        assert herhaald == antwoord
        assert not await verschil(store, gedumpt)


async def test_every_refused_merge_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    [feit] = await raw(store, "samenvoegen_feiten2", FEITEN, {"g": GEMEENTE})
    d, k = feit["d"], feit["k"]
    [ander] = await raw(store, "samenvoegen_ander",
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) WHERE l.id <> $l "
        "WITH a ORDER BY a.id LIMIT 1 RETURN a.id AS id", {"l": feit["lev"]})  # fmt: skip
    [eerder] = await raw(store, "samenvoegen_eerder",
        "MATCH (:Leverancier {id: $l})-[:BIEDT_AAN]->(a:Applicatie) WHERE NOT a.id IN [$d, $k] "
        "AND NOT (a)<-[:VAN]-() WITH a ORDER BY a.id LIMIT 2 RETURN collect(a.id) AS ids",
        {"l": feit["lev"], "d": d, "k": k})  # fmt: skip
    weg, blijft = eerder["ids"]
    [gd] = await raw(store, "samenvoegen_gd",
        "MATCH (:Gemeente {id: $g})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(:Applicatie {id: $d}) RETURN g.id AS id",
        {"g": GEMEENTE, "d": d})  # fmt: skip
    with serve(own_graph) as client:
        rollen = [
            (GEMEENTE, "GEBRUIK_BEHEERDER"), (GEMEENTE, "GEBRUIK_RAADPLEGER"), (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (feit["lev"], "AANBOD_BEHEERDER"), (feit["lev"], "ORGANISATIE_BEHEERDER"), (VNG, "VNG_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        ]  # fmt: skip
        minted = await tokens(own_graph, *rollen)
        wie = {rol: Api(client, minted[rol]) for rol in rollen}
        beheer = wie[(VNG, "FUNCTIONEEL_BEHEERDER")]
        # An application merged already, a concept, and GM0014's Gebruik of both D and K with a
        # koppeling between them.
        data(beheer.post(SAMENVOEGEN, {"input": {"duplicaat": weg, "behouden": blijft}}))
        concept = data(wie[(GEMEENTE, "GEBRUIK_BEHEERDER")].post(MELD, {"input": {
            "organisatie": GEMEENTE, "naam": "Qwzrt Dubbel", "leverancier": feit["lev"]}}))  # fmt: skip
        c = concept["meldOntbrekendeSoftware"]["applicatie"]["identificatie"]
        gk = data(beheer.post(REGISTREER, {"input": {"organisatie": GEMEENTE, "applicatie": k}}))
        gk_id = gk["registreerGebruik"]["gebruik"]["identificatie"]
        before = await stand(store)

        def refused(api: Api, input: dict[str, Any], code: str, argument: str | None = None) -> dict:
            extensions = fout(api.post(SAMENVOEGEN, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            if argument is not None:
                assert extensions.get("argument") == argument, (input, extensions)
            return extensions

        samen = {"duplicaat": d, "behouden": k}
        refused(Api(client), samen, "UNAUTHENTICATED")
        for rol in rollen[:-1]:
            refused(wie[rol], samen, "FORBIDDEN")
        refused(beheer, {"duplicaat": d, "behouden": d}, "INVALID_ARGUMENT", "input.behouden")
        refused(beheer, {**samen, "duplicaat": "app-bestaat-niet"}, "NOT_FOUND", "input.duplicaat")
        refused(beheer, {**samen, "behouden": "app-bestaat-niet"}, "NOT_FOUND", "input.behouden")
        for veld in ("duplicaat", "behouden"):
            merged = refused(beheer, {**samen, veld: weg}, "MERGED", f"input.{veld}")
            assert merged["samengevoegdMet"] == blijft
            refused(beheer, {**samen, veld: c}, "INVALID_ARGUMENT", f"input.{veld}")
        refused(beheer, {**samen, "behouden": ander["id"]}, "INVALID_ARGUMENT", "input.behouden")
        refused(beheer, {**samen, "behouden": _global("Gemeente", GEMEENTE)}, "INVALID_ID", "input.behouden")
        # Nothing of it was written by these.
        assert not await verschil(store, before)
        # A koppeling between the two Gebruik of one organisation: that organisation removes it.
        data(
            beheer.post(
                KOPPEL, {"input": {"van": gk_id, "naar": gd["id"], "type": "API", "richting": "HEEN"}}
            )
        )
        tussen = await stand(store)
        refused(beheer, samen, "IN_USE", "input.duplicaat")
        assert not await verschil(store, tussen)
