"""Dependencies, shortest paths, landscape graphs, impact and the koppelingen network, each
compared with a plain-Python (networkx) computation over the generator's rows."""

from __future__ import annotations

import base64
from collections import Counter, defaultdict

import networkx as nx
import pytest

from tests.expected import Expected, global_id
from tests.graphql.conftest import Api

AFHANKELIJKHEDEN = """
query($g: ID!, $r: Afhankelijkheidsrichting, $d: Int) {
  afhankelijkheden(gebruik: $g, richting: $r, diepte: $d) {
    graaf { nodes { id type label diepte } edges { id source target type richting koppeling { identificatie } } }
    paden { nodes edges }
    start { identificatie }
  }
}
"""


def _decode(value: str) -> str:
    return base64.b64decode(value).decode().split(":", 1)[1]


def _flows(k: dict) -> list[tuple[str, str]]:
    """The way a koppeling's data flows, from its richting: HEEN from VAN to NAAR, TERUG back, BEIDE both."""
    return {
        "HEEN": [(k["van"], k["naar"])],
        "TERUG": [(k["naar"], k["van"])],
        "BEIDE": [(k["van"], k["naar"]), (k["naar"], k["van"])],
    }[k["richting"]]


def _landscape_graph(expected: Expected, cbs: str) -> nx.MultiDiGraph:
    """One landscape's koppelingen as edges the way their data flows (keyed by koppeling)."""
    mine = {g["id"] for g in expected.gebruik_of[cbs]}
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(mine)
    for k in expected.koppelingen:
        if k["van"] in mine:
            for source, target in _flows(k):
                graph.add_edge(source, target, key=k["id"])
    return graph


def _recorded_graph(expected: Expected, cbs: str) -> nx.MultiDiGraph:
    """The same koppelingen in the order their ends were recorded: what a walk must not follow."""
    mine = {g["id"] for g in expected.gebruik_of[cbs]}
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(mine)
    for k in expected.koppelingen:
        if k["van"] in mine:
            graph.add_edge(k["van"], k["naar"], key=k["id"])
    return graph


def _walk(
    graph: nx.MultiDiGraph, start: str, richting: str, depth: int, expected: Expected
) -> dict[str, int]:
    """Breadth-first, never through a national facility (only Gebruik are expanded)."""
    seen = {start: 0}
    frontier = [start]
    for level in range(1, depth + 1):
        nxt = []
        for node in frontier:
            if node not in expected.gebruik_by_id:
                continue
            around = []
            if richting in ("STROOMAFWAARTS", "BEIDE"):
                around += list(graph.successors(node))
            if richting in ("STROOMOPWAARTS", "BEIDE"):
                around += list(graph.predecessors(node))
            for other in around:
                if other not in seen:
                    seen[other] = level
                    nxt.append(other)
        frontier = nxt
    return seen


def _hub(expected: Expected, cbs: str) -> str:
    degree = Counter()
    for k in expected.koppelingen:
        degree[k["van"]] += 1
        degree[k["naar"]] += 1
    return max((g["id"] for g in expected.gebruik_of[cbs]), key=lambda g: (degree[g], g))


@pytest.mark.parametrize("richting", ["STROOMAFWAARTS", "STROOMOPWAARTS", "BEIDE"])
@pytest.mark.parametrize("diepte", [1, 2, 6])
def test_dependencies_match_a_breadth_first_walk(
    api: Api, expected: Expected, richting: str, diepte: int
) -> None:
    graph = _landscape_graph(expected, "GM0014")
    start = _hub(expected, "GM0014")
    data = api.query(AFHANKELIJKHEDEN, {"g": global_id("Gebruik", start), "r": richting, "d": diepte})[
        "afhankelijkheden"
    ]
    wanted = _walk(graph, start, richting, diepte, expected)
    found = {_decode(n["id"]): n["diepte"] for n in data["graaf"]["nodes"]}
    assert found == wanted
    induced = {key for van, naar, key in graph.edges(keys=True) if van in wanted and naar in wanted}
    assert {_decode(e["id"]) for e in data["graaf"]["edges"]} == induced
    assert all(e["koppeling"]["identificatie"] == _decode(e["id"]) for e in data["graaf"]["edges"])
    edges = {e["id"]: (e["source"], e["target"]) for e in data["graaf"]["edges"]}
    assert len(data["paden"]) == len(wanted) - 1
    for path in data["paden"]:
        end = _decode(path["nodes"][-1])
        assert len(path["edges"]) == wanted[end]
        for (here, there), edge in zip(
            zip(path["nodes"], path["nodes"][1:], strict=False), path["edges"], strict=True
        ):
            assert {here, there} == set(edges[edge])
            a, b, key = _decode(here), _decode(there), _decode(edge)
            # Each step goes the way the data flows over that koppeling (or against it, upstream).
            if richting == "STROOMAFWAARTS":
                assert graph.has_edge(a, b, key)
            if richting == "STROOMOPWAARTS":
                assert graph.has_edge(b, a, key)


@pytest.mark.parametrize("richting", ["STROOMAFWAARTS", "STROOMOPWAARTS"])
def test_the_walk_follows_the_data_not_the_recorded_order(api: Api, expected: Expected, richting: str) -> None:
    """A third of the koppelingen flow back or both ways: walking the recorded order would differ."""
    koppelingen = [k for k in expected.koppelingen if k["van"] in {g["id"] for g in expected.gebruik_of["GM0014"]}]
    flowing_back = sum(k["richting"] != "HEEN" for k in koppelingen)
    assert flowing_back > len(koppelingen) / 5
    graph, recorded = _landscape_graph(expected, "GM0014"), _recorded_graph(expected, "GM0014")
    starts = sorted(g["id"] for g in expected.gebruik_of["GM0014"])
    start = next(
        g for g in starts if _walk(graph, g, richting, 3, expected) != _walk(recorded, g, richting, 3, expected)
    )
    data = api.query(AFHANKELIJKHEDEN, {"g": global_id("Gebruik", start), "r": richting, "d": 3})["afhankelijkheden"]
    found = {_decode(n["id"]): n["diepte"] for n in data["graaf"]["nodes"]}
    assert found == _walk(graph, start, richting, 3, expected)
    assert found != _walk(recorded, start, richting, 3, expected)


def test_national_facilities_end_the_walk(api: Api, expected: Expected) -> None:
    start = next(k["van"] for k in expected.koppelingen if not k["naar"].startswith("geb-"))
    data = api.query(AFHANKELIJKHEDEN, {"g": global_id("Gebruik", start), "r": "BEIDE", "d": 6})[
        "afhankelijkheden"
    ]
    organisatie = expected.gebruik_by_id[start]["organisatie"]
    gebruik = [_decode(n["id"]) for n in data["graaf"]["nodes"] if n["type"] == "Gebruik"]
    assert all(expected.gebruik_by_id[g]["organisatie"] == organisatie for g in gebruik)
    assert any(n["type"] == "BuitengemeentelijkeVoorziening" for n in data["graaf"]["nodes"])


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"d": 0}, "INVALID_DEPTH"),
        ({"d": 7}, "INVALID_DEPTH"),
        ({"g": global_id("Gebruik", "geb-onbekend")}, "NOT_FOUND"),
        ({"g": global_id("Applicatie", "app-00001")}, "INVALID_ID"),
    ],
)
def test_bad_dependency_arguments(api: Api, expected: Expected, variables: dict, code: str) -> None:
    start = global_id("Gebruik", expected.gebruik_of["GM0014"][0]["id"])
    error = api.error(AFHANKELIJKHEDEN, {"g": start, "r": "BEIDE", "d": 2, **variables})
    assert error["extensions"]["code"] == code


KORTSTE_PAD = "query($a: ID!, $b: ID!, $r: Afhankelijkheidsrichting) { kortstePad(van: $a, naar: $b, richting: $r) { nodes edges } }"


@pytest.mark.parametrize("richting", [None, "STROOMAFWAARTS", "BEIDE"])
def test_the_shortest_path_between_two_applications(api: Api, expected: Expected, richting: str | None) -> None:
    """By default along the data: from `van` to `naar` the way the data flows, never through a facility."""
    graph = _landscape_graph(expected, "GM0363")
    start = _hub(expected, "GM0363")
    reached = _walk(graph, start, richting or "STROOMAFWAARTS", 6, expected)
    checked = 0
    for end in sorted(g for g, depth in reached.items() if depth >= 2 and g in expected.gebruik_by_id)[:5]:
        variables = {"a": global_id("Gebruik", start), "b": global_id("Gebruik", end)}
        if richting is not None:  # left out: the argument's default
            variables["r"] = richting
        path = api.query(KORTSTE_PAD, variables)["kortstePad"]
        assert len(path["edges"]) == reached[end]
        assert _decode(path["nodes"][0]) == start and _decode(path["nodes"][-1]) == end
        assert all(_decode(n) in expected.gebruik_by_id for n in path["nodes"])  # no facility passed
        checked += 1
    assert checked


def test_no_path_against_the_data(api: Api, expected: Expected) -> None:
    """A Gebruik that only sends data to the start is reached either way, not downstream."""
    graph = _landscape_graph(expected, "GM0363")
    start = _hub(expected, "GM0363")
    downstream = _walk(graph, start, "STROOMAFWAARTS", 6, expected)
    either = _walk(graph, start, "BEIDE", 6, expected)
    end = min(g for g in either if g in expected.gebruik_by_id and g not in downstream)
    variables = {"a": global_id("Gebruik", start), "b": global_id("Gebruik", end)}
    assert api.query(KORTSTE_PAD, variables)["kortstePad"] is None
    assert len(api.query(KORTSTE_PAD, {**variables, "r": "BEIDE"})["kortstePad"]["edges"]) == either[end]


def test_no_path_across_landscapes(api: Api, expected: Expected) -> None:
    error = api.error(
        "query($a: ID!, $b: ID!) { kortstePad(van: $a, naar: $b) { nodes } }",
        {
            "a": global_id("Gebruik", expected.gebruik_of["GM0363"][0]["id"]),
            "b": global_id("Gebruik", expected.gebruik_of["GM0014"][0]["id"]),
        },
    )
    assert error["extensions"]["code"] == "NOT_SAME_LANDSCAPE"


def test_a_landscape_graph_pages_through_the_whole_landscape(api: Api, expected: Expected) -> None:
    query = """query($o: ID!, $na: String) {
      landschapsgraaf(organisatie: $o, first: 200, after: $na, filter: {status: IN_PRODUCTIE}) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id type label } edges { id source target }
      } }"""
    nodes, edges, cursor = {}, set(), None
    while True:
        page = api.query(query, {"o": global_id("Gemeente", "GM0363"), "na": cursor})["landschapsgraaf"]
        nodes.update({n["id"]: n for n in page["nodes"]})
        edges |= {(e["id"], e["source"], e["target"]) for e in page["edges"]}
        if not page["pageInfo"]["hasNextPage"]:
            break
        cursor = page["pageInfo"]["endCursor"]
    productie = {g["id"] for g in expected.gebruik_of["GM0363"] if g["status"] == "IN_PRODUCTIE"}
    assert page["totalCount"] == len(productie)
    assert {_decode(i) for i, n in nodes.items() if n["type"] == "Gebruik"} >= productie
    # A far Gebruik of another status stays out, with its koppeling; facilities have no status.
    wanted = {
        k["id"]
        for k in expected.koppelingen
        if k["van"] in productie and (k["naar"] in productie or k["naar"] not in expected.gebruik_by_id)
    }
    assert {_decode(e[0]) for e in edges} == wanted
    assert all(e[2] in nodes for e in edges)


def test_impact_of_replacing_an_application(api: Api, expected: Expected) -> None:
    rows = expected.rows
    neemt_af = defaultdict(set)
    for row in rows["seed/gebruik_neemt_af"]:
        neemt_af[row["van"]].add(row["naar"])
    gebruik = next(
        g
        for g in expected.gebruik_of["GM0363"]
        if neemt_af[g["id"]] and any(k["van"] == g["id"] for k in expected.koppelingen)
    )
    vervanger = "app-00002" if gebruik["applicatie"] != "app-00002" else "app-00003"
    data = api.query(
        """query($g: ID!, $y: ID) { impactanalyse(gebruik: $g, vervangenDoor: $y) {
          gebruik { identificatie } vervanger { identificatie }
          koppelingen { gevolg kant stroom koppeling { identificatie } anderEind { ... on Gebruik { identificatie }
                        ... on BuitengemeentelijkeVoorziening { identificatie } } }
          ontbrekendeStandaarden { koppeling { identificatie } standaardversie { identificatie } }
          onbediendeReferentiecomponenten { identificatie }
          vervallendeDiensten { identificatie } } }""",
        {"g": global_id("Gebruik", gebruik["id"]), "y": global_id("Applicatie", vervanger)},
    )["impactanalyse"]
    mine = {k["id"]: k for k in expected.koppelingen if gebruik["id"] in (k["van"], k["naar"])}
    assert {k["koppeling"]["identificatie"] for k in data["koppelingen"]} == set(mine)
    assert all(k["gevolg"] == "OPNIEUW_BOUWEN" for k in data["koppelingen"])
    for k in data["koppelingen"]:
        row = mine[k["koppeling"]["identificatie"]]
        assert k["kant"] == ("VAN" if row["van"] == gebruik["id"] else "NAAR")
        assert k["anderEind"]["identificatie"] == (row["naar"] if k["kant"] == "VAN" else row["van"])
        sends = (gebruik["id"], k["anderEind"]["identificatie"]) in _flows(row)
        receives = (k["anderEind"]["identificatie"], gebruik["id"]) in _flows(row)
        assert k["stroom"] == {(True, True): "BEIDE", (True, False): "UITGAAND", (False, True): "INKOMEND"}[(sends, receives)]
    versions = {r["eigenschappen"]["id"] for r in rows["seed/versies"] if r["applicatie"] == vervanger}
    supported = {r["naar"] for r in rows["seed/ondersteunt"] if r["van"] in versions}
    volgens = [(r["van"], r["naar"]) for r in rows["seed/koppeling_volgens"] if r["van"] in mine]
    assert {
        (m["koppeling"]["identificatie"], m["standaardversie"]["identificatie"])
        for m in data["ontbrekendeStandaarden"]
    } == {pair for pair in volgens if pair[1] not in supported}
    realised = {r["naar"] for r in rows["seed/applicatie_realiseert"] if r["van"] == vervanger}
    others = [
        g for g in expected.gebruik_of["GM0363"] if g["id"] != gebruik["id"] and g["status"] != "UITGEFASEERD"
    ]
    covered = {c for g in others for c in expected.voor[g["id"]]}
    assert {c["identificatie"] for c in data["onbediendeReferentiecomponenten"]} == (
        expected.voor[gebruik["id"]] - covered - realised
    )
    on_y = {r["van"] for r in rows["seed/dienst_bij"] if r["naar"] == vervanger}
    assert {d["identificatie"] for d in data["vervallendeDiensten"]} == neemt_af[gebruik["id"]] - on_y


def test_impact_of_removing_an_application(api: Api, expected: Expected) -> None:
    gebruik = expected.gebruik_of["GM0014"][0]
    data = api.query(
        "query($g: ID!) { impactanalyse(gebruik: $g) { vervanger { naam } koppelingen { gevolg } ontbrekendeStandaarden { kant: koppeling { id } } } }",
        {"g": global_id("Gebruik", gebruik["id"])},
    )["impactanalyse"]
    assert data["vervanger"] is None and data["ontbrekendeStandaarden"] == []
    assert all(k["gevolg"] == "BREEKT" for k in data["koppelingen"])
    error = api.error(
        "query($g: ID!, $y: ID) { impactanalyse(gebruik: $g, vervangenDoor: $y) { koppelingen { gevolg } } }",
        {"g": global_id("Gebruik", gebruik["id"]), "y": global_id("Applicatie", "app-99999")},
    )
    assert error["extensions"] == {"code": "NOT_FOUND", "argument": "vervangenDoor"}


def test_the_koppelingen_network_over_all_landscapes(api: Api, expected: Expected) -> None:
    app_of = {g: row["applicatie"] for g, row in expected.gebruik_by_id.items()}
    gemeenten = defaultdict(set)
    for k in expected.koppelingen:
        organisatie = expected.gebruik_by_id[k["van"]]["organisatie"]
        if organisatie not in expected.gemeenten:
            continue
        gemeenten[(app_of[k["van"]], app_of.get(k["naar"], k["naar"]))].add(organisatie)
    wanted = sorted(
        ((len(v), a, b) for (a, b), v in gemeenten.items() if len(v) >= 5), key=lambda t: (-t[0], t[1], t[2])
    )
    data = api.query("{ koppelingsnetwerk(first: 25) { nodes { id type } edges { source target aantal } } }")
    got = [
        (e["aantal"], _decode(e["source"]), _decode(e["target"])) for e in data["koppelingsnetwerk"]["edges"]
    ]
    assert got == wanted[:25]
    ids = {n["id"] for n in data["koppelingsnetwerk"]["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["koppelingsnetwerk"]["edges"])
    error = api.error("{ koppelingsnetwerk(minimaleGroep: 0) { nodes { id } } }")
    assert error["extensions"]["code"] == "INVALID_GROUP_SIZE"


def test_a_landscape_graph_with_a_status_shows_far_ends_of_that_status(api: Api, expected: Expected) -> None:
    query = """query($o: ID!) { landschapsgraaf(organisatie: $o, filter: {status: IN_PRODUCTIE}) {
        nodes { id type } edges { id target } } }"""
    page = api.query(query, {"o": "GM0363"})["landschapsgraaf"]
    productie = {g["id"] for g in expected.gebruik_of["GM0363"] if g["status"] == "IN_PRODUCTIE"}
    far = {_decode(n["id"]) for n in page["nodes"] if n["type"] == "Gebruik"}
    assert far <= productie
    # Without `first`, a page holds 50 Gebruik, as every list (with their far ends besides).
    assert len({_decode(e["id"]) for e in page["edges"]}) >= 1
    pages = api.query("query($o: ID!) { landschapsgraaf(organisatie: $o) { totalCount pageInfo { hasNextPage } nodes { id } edges { source } } }", {"o": "GM0363"})["landschapsgraaf"]
    assert len({e["source"] for e in pages["edges"]}) <= 50 and pages["pageInfo"]["hasNextPage"]


def test_impact_says_when_the_replacement_is_already_in_use(api: Api, expected: Expected) -> None:
    apps = defaultdict(list)
    for g in expected.gebruik_of["GM0363"]:
        apps[g["applicatie"]].append(g["id"])
    gebruik = expected.gebruik_of["GM0363"][0]
    vervanger = next(a for a in sorted(apps) if a != gebruik["applicatie"])
    data = api.query(
        "query($g: ID!, $y: ID) { impactanalyse(gebruik: $g, vervangenDoor: $y) { vervangerInGebruik { identificatie } } }",
        {"g": gebruik["id"], "y": vervanger},
    )["impactanalyse"]
    assert {g["identificatie"] for g in data["vervangerInGebruik"]} == set(apps[vervanger])
    unused = next(a for a in sorted(expected.apps) if a not in apps)
    data = api.query(
        "query($g: ID!, $y: ID) { impactanalyse(gebruik: $g, vervangenDoor: $y) { vervangerInGebruik { identificatie } } }",
        {"g": gebruik["id"], "y": unused},
    )["impactanalyse"]
    assert data["vervangerInGebruik"] == []


def test_a_path_comes_with_labels_for_a_frontend(api: Api, expected: Expected) -> None:
    graph = _landscape_graph(expected, "GM0363")
    start = _hub(expected, "GM0363")
    reached = _walk(graph, start, "STROOMAFWAARTS", 6, expected)
    end = min(g for g, depth in reached.items() if depth == 2 and g in expected.gebruik_by_id)
    path = api.query(
        "query($a: ID!, $b: ID!) { kortstePad(van: $a, naar: $b) { nodes edges graaf { nodes { id type label } edges { id type } } } }",
        {"a": start, "b": end},
    )["kortstePad"]
    assert [n["id"] for n in path["graaf"]["nodes"]] == path["nodes"]
    assert [e["id"] for e in path["graaf"]["edges"]] == path["edges"]
    for node in path["graaf"]["nodes"]:
        gebruik = expected.gebruik_by_id[_decode(node["id"])]
        assert node["label"] == expected.apps[gebruik["applicatie"]]["naam"] and node["type"] == "Gebruik"
