"""Every example of docs/graphql.md runs, and answers what the seed data says."""

from __future__ import annotations

import base64
import re
from collections import Counter, defaultdict

import networkx as nx
import pytest

from tests.conftest import REPO
from tests.expected import Expected, global_id, size_class
from tests.graphql.conftest import Api

GUIDE = (REPO / "docs" / "graphql.md").read_text(encoding="utf-8")
EXAMPLES = dict(re.findall(r"<!-- voorbeeld: ([\w-]+) -->\n```graphql\n(.*?)```", GUIDE, re.DOTALL))


def test_the_guide_has_examples_for_each_user() -> None:
    assert {name.split("-")[0] for name in EXAMPLES} == {"architect", "frontend", "analist"}
    assert len(EXAMPLES) >= 19


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_runs_without_errors(api: Api, name: str) -> None:
    api.query(EXAMPLES[name])


def test_architect_landschap(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["architect-landschap"])["gemeente"]
    rows = [g for g in expected.gebruik_of["GM0363"] if g["status"] == "IN_PRODUCTIE"]
    assert data["naam"] == "Amsterdam"
    assert data["gebruik"]["totalCount"] == len(rows)
    names = {expected.apps[g["applicatie"]]["naam"] for g in rows}
    assert {n["applicatie"]["naam"] for n in data["gebruik"]["nodes"]} <= names
    voorzieningen = {
        row["naam"] for row in expected.gemma.values() if row["soort"] == "buitengemeentelijke_voorzieningen"
    }
    for node in data["gebruik"]["nodes"]:
        for koppeling in node["uitgaandeKoppelingen"]:
            if koppeling["naar"]["__typename"] == "BuitengemeentelijkeVoorziening":
                assert koppeling["naar"]["naam"] in voorzieningen


def test_architect_component(api: Api, expected: Expected) -> None:
    component = expected.named("referentiecomponenten", "Zaakregistratiecomponent")
    data = api.query(EXAMPLES["architect-component"])["gemmaElement"]
    assert data["naam"] == "Zaakregistratiecomponent"
    realising = expected.apps_realising(component)
    assert data["applicaties"]["totalCount"] == len(realising)
    top = max(realising, key=lambda a: (expected.usage_count(a), a))
    assert data["applicaties"]["nodes"][0]["naam"] == expected.apps[top]["naam"]
    roles = Counter(s["rol"] for s in data["standaarden"])
    wanted = Counter(
        r["verbindingsrol"].upper()
        for r in expected.relaties
        if r["bron"] == component
        and r["archimate_type"] == "Realization"
        and expected.gemma[r["doel"]]["soort"] == "standaarden"
    )
    assert roles == wanted


def test_architect_digikoppeling(api: Api, expected: Expected) -> None:
    assert 'organisatie: "' + global_id("Gemeente", "GM0363") + '"' in EXAMPLES["architect-digikoppeling"]
    data = api.query(EXAMPLES["architect-digikoppeling"])["koppelingen"]
    mine = {g["id"] for g in expected.gebruik_of["GM0363"]}
    wanted = [k for k in expected.koppelingen if k["van"] in mine and k["type"] == "DIGIKOPPELING"]
    assert data["totalCount"] == len(wanted) == len(data["nodes"])


def test_frontend_pagina(api: Api, expected: Expected) -> None:
    utrecht = sorted(
        (r for r in expected.gemeenten.values() if r["provincie"] == "Utrecht"),
        key=lambda r: -int(r["inwoners"]),
    )
    first = api.query(EXAMPLES["frontend-pagina"])["gemeenten"]
    second = api.query(EXAMPLES["frontend-pagina"], {"na": first["pageInfo"]["endCursor"]})["gemeenten"]
    names = [e["node"]["naam"] for e in first["edges"] + second["edges"]]
    assert first["totalCount"] == len(utrecht)
    assert names == [r["naam"] for r in utrecht[:20]]
    assert all(e["node"]["grootteklasse"] == size_class(e["node"]["inwoners"]) for e in first["edges"])


def test_frontend_node(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["frontend-node"])["node"]
    assert data["__typename"] == "Applicatie" and data["naam"] == expected.apps["app-00001"]["naam"]
    versies = [r["eigenschappen"] for r in expected.rows["seed/versies"] if r["applicatie"] == "app-00001"]
    assert [v["versie"] for v in data["versies"]] == [
        v["versie"] for v in sorted(versies, key=lambda v: (v.get("releaseDatum", "9999"), v["id"]))
    ]


def test_frontend_zoeken(api: Api) -> None:
    data = api.query(EXAMPLES["frontend-zoeken"])["zoeken"]
    assert data["applicaties"]["totalCount"] == sum(f["aantal"] for f in data["facetten"]["licentietypen"])
    assert any("zaak" in n["naam"].lower() for n in data["referentiecomponenten"]["nodes"])


def test_analist_gebruik(api: Api, expected: Expected) -> None:
    component = expected.named("referentiecomponenten", "Burgerzakencomponent")
    nodes = api.query(EXAMPLES["analist-gebruik"])["gemmaElement"]["applicaties"]["nodes"]
    counts = [n["gebruik"]["totalCount"] for n in nodes]
    wanted = sorted((expected.usage_count(a) for a in expected.apps_realising(component)), reverse=True)
    assert counts == wanted[: len(counts)]


def test_analist_omvang(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["analist-omvang"])
    big = {r["naam"] for r in expected.gemeenten.values() if int(r["inwoners"]) >= 100_000}
    assert data["groot"]["totalCount"] == len(big) and {n["naam"] for n in data["groot"]["nodes"]} == big
    assert data["openSaas"]["totalCount"] == sum(
        a["licentietype"] == "OPEN_SOURCE" and "SAAS" in a["cloudModellen"] for a in expected.apps.values()
    )


def test_analist_leverancier(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["analist-leverancier"])["organisatie"]
    offered = [a for a, lev in expected.leverancier_of.items() if lev == "lev-0001"]
    assert data["aanbod"]["totalCount"] == len(offered)
    diensten = [d for d in expected.rows["seed/diensten"] if d["leverancier"] == "lev-0001"]
    assert len(data["diensten"]) == len(diensten)


ZAAK = "geb-GM0363-0074"
ZAAKREGISTRATIE = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"


def _key(global_id_value: str) -> str:
    return base64.b64decode(global_id_value).decode().split(":", 1)[1]


def test_the_analytics_examples_use_the_ids_they_name(expected: Expected) -> None:
    zaak = expected.gebruik_by_id[ZAAK]
    assert zaak["organisatie"] == "GM0363" and ZAAKREGISTRATIE in expected.voor[ZAAK]
    assert global_id("Gebruik", ZAAK) in EXAMPLES["architect-afhankelijkheden"]
    assert expected.apps["app-01728"]["naam"] == "Route Suite 6"
    assert global_id("Applicatie", "app-01728") in EXAMPLES["architect-impact"]
    assert global_id("Referentiecomponent", ZAAKREGISTRATIE) in EXAMPLES["analist-adoptie"]


def test_architect_afhankelijkheden(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["architect-afhankelijkheden"])["afhankelijkheden"]
    # Downstream two koppelingen deep, never on through a national facility.
    depth, frontier = {ZAAK: 0}, [ZAAK]
    for level in (1, 2):
        frontier = [
            k["naar"]
            for k in expected.koppelingen
            if k["van"] in frontier and k["van"] in expected.gebruik_by_id
        ]
        for node in frontier:
            depth.setdefault(node, level)
        frontier = [n for n in frontier if depth[n] == level]
    assert {_key(n["id"]): n["diepte"] for n in data["graaf"]["nodes"]} == depth
    assert data["start"]["applicatie"]["naam"] == expected.apps["app-02441"]["naam"]
    assert {_key(p["nodes"][-1]) for p in data["paden"]} == set(depth) - {ZAAK}


def test_architect_kortste_pad(api: Api, expected: Expected) -> None:
    mine = {g["id"] for g in expected.gebruik_of["GM0363"]}
    graph = nx.Graph(
        (k["van"], k["naar"]) for k in expected.koppelingen if k["van"] in mine and k["naar"] in mine
    )
    path = api.query(EXAMPLES["architect-kortste-pad"])["kortstePad"]
    assert len(path["edges"]) == nx.shortest_path_length(graph, ZAAK, "geb-GM0363-0275")
    assert [_key(path["nodes"][0]), _key(path["nodes"][-1])] == [ZAAK, "geb-GM0363-0275"]


def test_architect_impact(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["architect-impact"])["impactanalyse"]
    touching = [k for k in expected.koppelingen if ZAAK in (k["van"], k["naar"])]
    assert len(data["koppelingen"]) == len(touching)
    assert {k["gevolg"] for k in data["koppelingen"]} == {"OPNIEUW_BOUWEN"}
    assert data["vervanger"]["naam"] == "Route Suite 6"


def test_frontend_landschapsgraaf(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["frontend-landschapsgraaf"])["landschapsgraaf"]
    productie = sorted(g["id"] for g in expected.gebruik_of["GM0363"] if g["status"] == "IN_PRODUCTIE")
    assert data["totalCount"] == len(productie)
    assert data["pageInfo"]["hasNextPage"] == (len(productie) > 200)
    page = set(productie[:200])  # a page is the next Gebruik by id, with the far ends of its koppelingen
    assert page <= {_key(n["id"]) for n in data["nodes"] if n["type"] == "Gebruik"}
    assert {_key(e["id"]) for e in data["edges"]} == {
        k["id"] for k in expected.koppelingen if k["van"] in page
    }


def test_architect_netwerk(api: Api, expected: Expected) -> None:
    app_of = {g: row["applicatie"] for g, row in expected.gebruik_by_id.items()}
    realising = expected.apps_realising(ZAAKREGISTRATIE)
    gemeenten = defaultdict(set)
    for k in expected.koppelingen:
        organisatie = expected.gebruik_by_id[k["van"]]["organisatie"]
        a, b = app_of[k["van"]], app_of.get(k["naar"], k["naar"])
        if organisatie in expected.gemeenten and (a in realising or b in realising):
            gemeenten[(a, b)].add(organisatie)
    wanted = {pair: len(v) for pair, v in gemeenten.items() if len(v) >= 5}
    edges = api.query(EXAMPLES["architect-netwerk"])["koppelingsnetwerk"]["edges"]
    assert len(edges) == min(20, len(wanted))
    assert all(wanted[(_key(e["source"]), _key(e["target"]))] == e["aantal"] for e in edges)
    assert [e["aantal"] for e in edges] == sorted(wanted.values(), reverse=True)[: len(edges)]


def test_analist_adoptie(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["analist-adoptie"])["adoptie"]
    sizes = Counter(size_class(int(r["inwoners"])) for r in expected.gemeenten.values())
    assert {g["groep"]: g["gemeenten"] for g in data["groepen"]} == {k: n for k, n in sizes.items() if n >= 5}
    for groep in data["groepen"]:
        assert all(a["gemeenten"] >= 5 for a in groep["aandelen"])


def test_analist_buren(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["analist-buren"])["gluurBijDeBuren"]
    buren = expected.gemeenten["GM0363"]["buren"].split(";")
    assert {b["buur"]["naam"] for b in data} == {expected.gemeenten[c]["naam"] for c in buren}


def test_analist_vergelijkbaar(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["analist-vergelijkbaar"])
    sets = expected.app_sets()
    mine = sets["GM0363"]
    scores = sorted(
        (len(mine & apps) / len(mine | apps) for c, apps in sets.items() if c != "GM0363"), reverse=True
    )
    assert [v["jaccard"] for v in data["vergelijkbareGemeenten"]] == pytest.approx(scores[:5])
    for aanbeveling in data["aanbevelingen"]:
        assert aanbeveling["aantal"] == len(aanbeveling["gebruiktDoor"]) >= 1


def test_analist_standaarden(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["analist-standaarden"])
    mine = {g["id"] for g in expected.gebruik_of["GM0363"]}
    assert data["standaardendekking"]["koppelingen"] == sum(k["van"] in mine for k in expected.koppelingen)
    provinces = Counter(r["provincie"] for r in expected.gemeenten.values())
    assert {g["groep"]: g["gemeenten"] for g in data["standaardendekkingOverzicht"]} == dict(provinces)


def test_analist_markt(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["analist-markt"])
    assert all(0 < m["hhi"] <= 10_000 for m in data["marktconcentratie"])
    assert [m["hhi"] for m in data["marktconcentratie"]] == sorted(
        (m["hhi"] for m in data["marktconcentratie"]), reverse=True
    )
    offered = {a for a, lev in expected.leverancier_of.items() if lev == "lev-0001"}
    customers = {
        g["organisatie"]
        for g in expected.gebruik_by_id.values()
        if g["applicatie"] in offered and g["status"] != "UITGEFASEERD"
    }
    klanten = data["leveranciersprofiel"]["klanten"]
    assert len(klanten) == len(customers)
