"""Every example of docs/graphql.md runs as the user it is written for, and answers what the
seed data says.

An example's marker names its role: `<!-- voorbeeld: NAME als: ROL@ORGANISATIE -->`, a
signed-out visitor where it names none. Each runs as that role, without errors and without
`extensions.beperkingen`: an example that the role's visibility would empty misleads its reader.
"""

from __future__ import annotations

import base64
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest

from tests.conftest import REPO
from tests.expected import Expected, global_id, size_class
from tests.graphql.conftest import Api

GUIDE = (REPO / "docs" / "graphql.md").read_text(encoding="utf-8")
MARKED = re.findall(r"<!-- voorbeeld: ([\w-]+)(?: als: (\w+)@([\w-]+))? -->\n```graphql\n(.*?)```", GUIDE, re.DOTALL)
EXAMPLES = {name: query for name, _, _, query in MARKED}
ROLES = {name: (organisatie, rol) if rol else None for name, rol, organisatie, _ in MARKED}
USERS = {"architect", "frontend", "analist", "gemeente", "leverancier"}
# Notes an example is expected to carry: they say what another landscape (or supplier) would
# lack, while the example reads the asker's own. Any other note means the example misleads.
EXPECTED_NOTES = {
    "leverancier-aanbod": {"Applicatie.gebruik"},  # an aanbod-beheerder sees its own products' Gebruik
    "architect-landschap": {"Gebruik.uitgaandeKoppelingen"},  # Amsterdam's own, seen whole
    "architect-digikoppeling": {"Query.koppelingen"},
}


@pytest.fixture(scope="module")
def ask(bezoeker: Api, api_as) -> Callable[..., dict[str, Any]]:
    """The data of an example, asked as the role its marker names."""

    def run(name: str, variables: dict | None = None) -> dict[str, Any]:
        role = ROLES[name]
        client = bezoeker if role is None else api_as(*role)
        body = client.post(EXAMPLES[name], variables).json()
        assert "errors" not in body, (name, body["errors"])
        notes = {note["veld"] for note in body["extensions"].get("beperkingen", [])}
        assert notes == EXPECTED_NOTES.get(name, set()), (name, body["extensions"]["beperkingen"])
        return body["data"]

    return run


def test_the_guide_has_examples_for_each_user() -> None:
    assert {name.split("-")[0] for name in EXAMPLES} == USERS
    assert len(EXAMPLES) >= 20
    assert GUIDE.count("```graphql") == len(EXAMPLES)  # every example carries a marker


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_runs_as_its_user(ask, name: str) -> None:
    ask(name)


def test_architect_landschap(ask, expected: Expected) -> None:
    data = ask("architect-landschap")["gemeente"]
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


def test_architect_component(ask, expected: Expected) -> None:
    component = expected.named("referentiecomponenten", "Zaakregistratiecomponent")
    data = ask("architect-component")["gemmaElement"]
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


def test_architect_digikoppeling(ask, expected: Expected) -> None:
    assert 'organisatie: "' + global_id("Gemeente", "GM0363") + '"' in EXAMPLES["architect-digikoppeling"]
    data = ask("architect-digikoppeling")["koppelingen"]
    mine = {g["id"] for g in expected.gebruik_of["GM0363"]}
    wanted = [k for k in expected.koppelingen if k["van"] in mine and k["type"] == "DIGIKOPPELING"]
    assert data["totalCount"] == len(wanted) == len(data["nodes"])


def test_frontend_pagina(ask, expected: Expected) -> None:
    utrecht = sorted(
        (r for r in expected.gemeenten.values() if r["provincie"] == "Utrecht"),
        key=lambda r: -int(r["inwoners"]),
    )
    first = ask("frontend-pagina")["gemeenten"]
    second = ask("frontend-pagina", {"na": first["pageInfo"]["endCursor"]})["gemeenten"]
    names = [e["node"]["naam"] for e in first["edges"] + second["edges"]]
    assert first["totalCount"] == len(utrecht)
    assert names == [r["naam"] for r in utrecht[:20]]
    assert all(e["node"]["grootteklasse"] == size_class(e["node"]["inwoners"]) for e in first["edges"])


def test_frontend_node(ask, expected: Expected) -> None:
    data = ask("frontend-node")["node"]
    assert data["__typename"] == "Applicatie" and data["naam"] == expected.apps["app-00001"]["naam"]
    versies = [r["eigenschappen"] for r in expected.rows["seed/versies"] if r["applicatie"] == "app-00001"]
    assert [v["versie"] for v in data["versies"]] == [
        v["versie"] for v in sorted(versies, key=lambda v: (v.get("releaseDatum", "9999"), v["id"]))
    ]


def test_frontend_zoeken(ask) -> None:
    data = ask("frontend-zoeken")["zoeken"]
    assert data["applicaties"]["totalCount"] == sum(f["aantal"] for f in data["facetten"]["licentietypen"])
    assert any("zaak" in n["naam"].lower() for n in data["referentiecomponenten"]["nodes"])


def test_analist_gebruik(ask, expected: Expected) -> None:
    component = expected.named("referentiecomponenten", "Burgerzakencomponent")
    assert component in EXAMPLES["analist-gebruik"]
    using: dict[str, set[str]] = defaultdict(set)
    for g in expected.gebruik_by_id.values():
        if g["status"] != "UITGEFASEERD" and g["organisatie"] in expected.gemeenten and component in expected.voor[g["id"]]:
            using[g["applicatie"]].add(g["organisatie"])
    (nederland,) = ask("analist-gebruik")["adoptie"]["groepen"]
    shown = [(a["applicatie"]["naam"], a["gemeenten"]) for a in nederland["aandelen"]]
    assert shown and all(n >= 5 for _, n in shown)
    assert [n for _, n in shown] == sorted((n for _, n in shown), reverse=True)
    by_name = {expected.apps[a]["naam"]: len(g) for a, g in using.items()}
    assert all(by_name[naam] == n for naam, n in shown)
    assert shown[0][1] == max(by_name.values())  # the most used is shown: the floor hides small ones


def test_analist_omvang(ask, expected: Expected) -> None:
    data = ask("analist-omvang")
    big = {r["naam"] for r in expected.gemeenten.values() if int(r["inwoners"]) >= 100_000}
    assert data["groot"]["totalCount"] == len(big) and {n["naam"] for n in data["groot"]["nodes"]} == big
    assert data["openSaas"]["totalCount"] == sum(
        a["licentietype"] == "OPEN_SOURCE" and "SAAS" in a["cloudModellen"] for a in expected.apps.values()
    )


def test_leverancier_aanbod(ask, expected: Expected) -> None:
    data = ask("leverancier-aanbod")["organisatie"]
    offered = [a for a, lev in expected.leverancier_of.items() if lev == "lev-0001"]
    assert data["aanbod"]["totalCount"] == len(offered)
    diensten = [d for d in expected.rows["seed/diensten"] if d["leverancier"] == "lev-0001"]
    assert len(data["diensten"]) == len(diensten)


ZAAK = "geb-GM0363-0095"
ZAAKREGISTRATIE = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"


def _key(global_id_value: str) -> str:
    return base64.b64decode(global_id_value).decode().split(":", 1)[1]


def test_the_analytics_examples_use_the_ids_they_name(expected: Expected) -> None:
    zaak = expected.gebruik_by_id[ZAAK]
    assert zaak["organisatie"] == "GM0363" and ZAAKREGISTRATIE in expected.voor[ZAAK]
    assert global_id("Gebruik", ZAAK) in EXAMPLES["architect-afhankelijkheden"]
    assert expected.apps["app-01640"]["naam"] == "Route Suite 6"
    assert global_id("Applicatie", "app-01640") in EXAMPLES["architect-impact"]
    assert global_id("Referentiecomponent", ZAAKREGISTRATIE) in EXAMPLES["analist-adoptie"]


def test_architect_afhankelijkheden(ask, expected: Expected) -> None:
    data = ask("architect-afhankelijkheden")["afhankelijkheden"]
    # Where the data goes, two koppelingen deep, never on through a national facility.
    depth, frontier = {ZAAK: 0}, [ZAAK]
    for level in (1, 2):
        frontier = [
            there
            for k in expected.koppelingen
            for here, there in _flows(k)
            if here in frontier and here in expected.gebruik_by_id
        ]
        for node in frontier:
            depth.setdefault(node, level)
        frontier = [n for n in frontier if depth[n] == level]
    assert {_key(n["id"]): n["diepte"] for n in data["graaf"]["nodes"]} == depth
    assert data["start"]["applicatie"]["naam"] == expected.apps["app-01641"]["naam"]
    assert {_key(p["nodes"][-1]) for p in data["paden"]} == set(depth) - {ZAAK}


def test_architect_kortste_pad(ask, expected: Expected) -> None:
    mine = {g["id"] for g in expected.gebruik_of["GM0363"]}
    graph = nx.DiGraph(
        flow for k in expected.koppelingen if k["van"] in mine and k["naar"] in mine for flow in _flows(k)
    )
    path = ask("architect-kortste-pad")["kortstePad"]
    assert len(path["edges"]) == nx.shortest_path_length(graph, ZAAK, "geb-GM0363-0158")
    assert [_key(path["nodes"][0]), _key(path["nodes"][-1])] == [ZAAK, "geb-GM0363-0158"]


def test_architect_impact(ask, expected: Expected) -> None:
    data = ask("architect-impact")["impactanalyse"]
    touching = [k for k in expected.koppelingen if ZAAK in (k["van"], k["naar"])]
    assert len(data["koppelingen"]) == len(touching)
    assert {k["gevolg"] for k in data["koppelingen"]} == {"OPNIEUW_BOUWEN"}
    assert data["vervanger"]["naam"] == "Route Suite 6"


def test_frontend_landschapsgraaf(ask, expected: Expected) -> None:
    data = ask("frontend-landschapsgraaf")["landschapsgraaf"]
    productie = sorted(g["id"] for g in expected.gebruik_of["GM0363"] if g["status"] == "IN_PRODUCTIE")
    assert data["totalCount"] == len(productie)
    assert data["pageInfo"]["hasNextPage"] == (len(productie) > 200)
    page = set(productie[:200])  # a page is the next Gebruik by id, with the far ends of its koppelingen
    assert page <= {_key(n["id"]) for n in data["nodes"] if n["type"] == "Gebruik"}
    assert {_key(e["id"]) for e in data["edges"]} == {
        k["id"]
        for k in expected.koppelingen
        if k["van"] in page and (k["naar"] not in expected.gebruik_by_id or k["naar"] in productie)
    }


def test_analist_netwerk(ask, expected: Expected) -> None:
    app_of = {g: row["applicatie"] for g, row in expected.gebruik_by_id.items()}
    realising = expected.apps_realising(ZAAKREGISTRATIE)
    gemeenten = defaultdict(set)
    for k in expected.koppelingen:
        organisatie = expected.gebruik_by_id[k["van"]]["organisatie"]
        a, b = app_of[k["van"]], app_of.get(k["naar"], k["naar"])
        if organisatie in expected.gemeenten and (a in realising or b in realising):
            gemeenten[(a, b)].add(organisatie)
    wanted = {pair: len(v) for pair, v in gemeenten.items() if len(v) >= 5}
    edges = ask("analist-netwerk")["koppelingsnetwerk"]["edges"]
    assert len(edges) == min(20, len(wanted))
    assert all(wanted[(_key(e["source"]), _key(e["target"]))] == e["aantal"] for e in edges)
    assert [e["aantal"] for e in edges] == sorted(wanted.values(), reverse=True)[: len(edges)]


def test_analist_adoptie(ask, expected: Expected) -> None:
    data = ask("analist-adoptie")["adoptie"]
    sizes = Counter(size_class(int(r["inwoners"])) for r in expected.gemeenten.values())
    assert {g["groep"]: g["gemeenten"] for g in data["groepen"]} == {k: n for k, n in sizes.items() if n >= 5}
    for groep in data["groepen"]:
        assert all(a["gemeenten"] >= 5 for a in groep["aandelen"])


def test_gemeente_buren(ask, expected: Expected) -> None:
    data = ask("gemeente-buren")["gluurBijDeBuren"]
    buren = expected.gemeenten["GM0363"]["buren"].split(";")
    assert {b["buur"]["naam"] for b in data} == {expected.gemeenten[c]["naam"] for c in buren}


def test_gemeente_vergelijkbaar(ask, expected: Expected) -> None:
    data = ask("gemeente-vergelijkbaar")
    sets = expected.app_sets()
    mine = sets["GM0363"]
    scores = sorted(
        (len(mine & apps) / len(mine | apps) for c, apps in sets.items() if c != "GM0363"), reverse=True
    )
    assert [v["jaccard"] for v in data["vergelijkbareGemeenten"]] == pytest.approx(scores[:5])
    for aanbeveling in data["aanbevelingen"]:
        assert aanbeveling["aantal"] == len(aanbeveling["gebruiktDoor"]) >= 1


def test_gemeente_standaarden(ask, expected: Expected) -> None:
    data = ask("gemeente-standaarden")
    mine = {g["id"] for g in expected.gebruik_of["GM0363"]}
    assert data["standaardendekking"]["koppelingen"] == sum(k["van"] in mine for k in expected.koppelingen)


def test_analist_standaarden(ask, expected: Expected) -> None:
    data = ask("analist-standaarden")["standaardendekkingOverzicht"]
    with_koppelingen = {expected.gebruik_by_id[k["van"]]["organisatie"] for k in expected.koppelingen}
    provinces = Counter(r["provincie"] for c, r in expected.gemeenten.items() if c in with_koppelingen)
    # Every province shown holds as many gemeenten with koppelingen as the seed says.
    assert data and all(provinces[g["groep"]] == g["gemeenten"] for g in data)


def test_analist_markt(ask, expected: Expected) -> None:
    data = ask("analist-markt")
    hhis = [m["hhi"] for m in data["marktconcentratie"] if m["hhi"] is not None]
    assert hhis and all(0 < h <= 10_000 for h in hhis) and hhis == sorted(hhis, reverse=True)
    for market in data["marktconcentratie"]:
        if market["grootste"] is not None:
            assert market["grootste"]["gemeenten"] >= 5
    offered = {a for a, lev in expected.leverancier_of.items() if lev == "lev-0001"}
    realised = {r["naar"] for r in expected.rows["seed/applicatie_realiseert"] if r["van"] in offered}
    shares = data["leveranciersprofiel"]["marktaandelen"]
    assert {s["referentiecomponent"]["naam"] for s in shares} <= {expected.gemma[c]["naam"] for c in realised}
    assert all(s["klanten"] is None or s["klanten"] == 0 or s["klanten"] >= 5 for s in shares)


def _flows(k: dict) -> list[tuple[str, str]]:
    return {
        "HEEN": [(k["van"], k["naar"])],
        "TERUG": [(k["naar"], k["van"])],
        "BEIDE": [(k["van"], k["naar"]), (k["naar"], k["van"])],
    }[k["richting"]]


# --- every other GraphQL example of the README and docs/: inline and in curl commands ----------

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def _parses(text: str) -> bool:
    import graphql

    try:
        graphql.parse(text)
    except graphql.GraphQLError:
        return False
    return True


def _loose_examples() -> list[tuple[str, str, tuple[str, str] | None]]:
    """(where, query, role) for inline `{ ... }` documents and the queries curl sends; a curl
    command runs as the role of the `graph-api dev-token` in its block, anything else signed out."""
    import json

    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for span in re.findall(r"`(\{[^`]*\})`", text):
            if _parses(span):
                found.append((f"{doc.name}: {span[:40]}", span, None))
        for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
            for body in re.findall(r"-d '(\{.*?\})'", block, re.DOTALL):
                token = re.search(r"dev-token --organisatie (\S+) --rol (\S+?)\)", block)
                role = (token.group(1), token.group(2).upper().replace("-", "_")) if token else None
                found.append((f"{doc.name}: curl", json.loads(body)["query"], role))
    return found


LOOSE = _loose_examples()


def test_the_loose_examples_are_found() -> None:
    assert len([w for w, _, _ in LOOSE if "curl" in w]) >= 3
    assert any("ik" in q for _, q, _ in LOOSE)


@pytest.mark.parametrize(("where", "query", "role"), LOOSE, ids=[w for w, _, _ in LOOSE])
def test_every_other_example_runs_as_its_user(bezoeker: Api, api_as, where: str, query: str, role) -> None:
    client = bezoeker if role is None else api_as(*role)
    body = client.post(query).json()
    assert "errors" not in body, (where, body["errors"])
    assert not body["extensions"].get("beperkingen"), (where, body["extensions"]["beperkingen"])
