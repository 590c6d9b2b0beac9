"""Full-text search (F011): ranked results per kind, facets that match the filters."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from tests.expected import Expected, global_id, size_class
from tests.graphql.conftest import Api

ZOEKEN = """
query($tekst: String!, $filter: ZoekFilter, $na: String) {
  zoeken(tekst: $tekst, filter: $filter) {
    applicaties(first: 10, after: $na) {
      totalCount pageInfo { hasNextPage endCursor } edges { score cursor node { identificatie naam } }
    }
    organisaties(first: 5) { totalCount nodes { identificatie naam } }
    referentiecomponenten { totalCount nodes { naam } }
    facetten {
      referentiecomponenten { waarde label aantal }
      hostingmodellen { waarde aantal }
      licentietypen { waarde aantal }
      leveranciers { waarde label aantal }
      grootteklassen { waarde aantal }
    }
  }
}
"""


def test_an_application_is_found_by_its_name(api: Api, expected: Expected) -> None:
    app = expected.apps["app-00001"]
    data = api.query(ZOEKEN, {"tekst": app["naam"]})["zoeken"]
    found = [e["node"]["identificatie"] for e in data["applicaties"]["edges"]]
    assert "app-00001" in found
    scores = [e["score"] for e in data["applicaties"]["edges"]]
    assert scores == sorted(scores, reverse=True)


def test_prefixes_match_and_every_word_must_match(api: Api, expected: Expected) -> None:
    data = api.query(ZOEKEN, {"tekst": "gronin"})["zoeken"]
    assert "GM0014" in {n["identificatie"] for n in data["organisaties"]["nodes"]}
    both = api.query(ZOEKEN, {"tekst": "groningen zzzzqqq"})["zoeken"]
    assert both["organisaties"]["totalCount"] == 0


def test_reference_components_are_found(api: Api, expected: Expected) -> None:
    data = api.query(ZOEKEN, {"tekst": "zaakregistratie"})["zoeken"]
    assert "Zaakregistratiecomponent" in [n["naam"] for n in data["referentiecomponenten"]["nodes"]]


def test_facets_count_the_results_under_the_filter(api: Api) -> None:
    data = api.query(ZOEKEN, {"tekst": "toepassing"})["zoeken"]
    total = data["applicaties"]["totalCount"]
    facets = data["facetten"]
    assert total > 100
    assert sum(f["aantal"] for f in facets["licentietypen"]) == total
    assert sum(f["aantal"] for f in facets["leveranciers"]) == total
    open_source = next(f for f in facets["licentietypen"] if f["waarde"] == "OPEN_SOURCE")
    narrowed = api.query(ZOEKEN, {"tekst": "toepassing", "filter": {"licentietype": "OPEN_SOURCE"}})["zoeken"]
    assert narrowed["applicaties"]["totalCount"] == open_source["aantal"]
    component = facets["referentiecomponenten"][0]
    by_component = api.query(
        ZOEKEN,
        {
            "tekst": "toepassing",
            "filter": {"referentiecomponent": global_id("Referentiecomponent", component["waarde"])},
        },
    )["zoeken"]
    assert by_component["applicaties"]["totalCount"] == component["aantal"]
    saas = next(f for f in facets["hostingmodellen"] if f["waarde"] == "SAAS")
    by_saas = api.query(ZOEKEN, {"tekst": "toepassing", "filter": {"hostingmodel": "SAAS"}})["zoeken"]
    assert by_saas["applicaties"]["totalCount"] == saas["aantal"]


def test_size_class_facets_of_gemeenten(api: Api, expected: Expected) -> None:
    data = api.query(ZOEKEN, {"tekst": "gemeente"})["zoeken"]
    counts = {f["waarde"]: f["aantal"] for f in data["facetten"]["grootteklassen"]}
    assert sum(counts.values()) == 342  # every gemeente's description says "Gemeente ..."
    narrowed = api.query(ZOEKEN, {"tekst": "gemeente", "filter": {"grootteklasse": "ZEER_GROOT"}})["zoeken"]
    assert narrowed["organisaties"]["totalCount"] == counts["ZEER_GROOT"]


FACETTEN = """
query($filter: ZoekFilter) {
  zoeken(tekst: "zaak", filter: $filter) {
    applicaties(first: 500) { totalCount nodes { identificatie } }
    facetten {
      referentiecomponenten { waarde label aantal }
      hostingmodellen { waarde label aantal }
      licentietypen { waarde label aantal }
      leveranciers { waarde label aantal }
    }
  }
}
"""


def _facet_values(expected: Expected) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """Per application, the (waarde, label) pairs each facet counts it under."""
    componenten = defaultdict(list)
    for row in expected.rows["seed/applicatie_realiseert"]:
        componenten[row["van"]].append((row["naar"], expected.gemma[row["naar"]]["naam"]))
    leveranciers = {row["id"]: row["naam"] for row in expected.rows["seed/leveranciers"]}
    return {
        app: {
            "referentiecomponenten": componenten[app],
            "hostingmodellen": [(m, m) for m in props.get("cloudModellen", [])],
            "licentietypen": [(props["licentietype"], props["licentietype"])],
            "leveranciers": [(expected.leverancier_of[app], leveranciers[expected.leverancier_of[app]])],
        }
        for app, props in expected.apps.items()
    }


@pytest.mark.parametrize(
    "facet", [None, "licentietypen", "hostingmodellen", "referentiecomponenten", "leveranciers", "twee"]
)
def test_counts_and_facets_under_a_filter_match_the_seed_data(api: Api, expected: Expected, facet) -> None:
    """The engine's analyser decides what matches; what is counted over the matches is
    recomputed here from the seed data, for each filter."""
    found = api.query(FACETTEN)["zoeken"]["applicaties"]
    assert 0 < found["totalCount"] <= 500
    matches = [node["identificatie"] for node in found["nodes"]]
    values = _facet_values(expected)

    def most_common(name: str) -> tuple[str, str]:
        return Counter(v for app in matches for v in values[app][name]).most_common(1)[0][0][0]

    wanted: dict[str, str] = {}  # facet → waarde
    if facet == "twee":
        wanted = {"licentietypen": "CLOSED_SOURCE", "hostingmodellen": most_common("hostingmodellen")}
    elif facet is not None:
        wanted = {facet: most_common(facet)}
    names = {
        "referentiecomponenten": ("referentiecomponent", "Referentiecomponent"),
        "hostingmodellen": ("hostingmodel", None),
        "licentietypen": ("licentietype", None),
        "leveranciers": ("leverancier", "Leverancier"),
    }
    filter = {
        names[name][0]: global_id(names[name][1], waarde) if names[name][1] else waarde
        for name, waarde in wanted.items()
    }
    passing = [
        app
        for app in matches
        if all(waarde in [w for w, _ in values[app][name]] for name, waarde in wanted.items())
    ]
    assert passing and (not wanted or len(passing) < len(matches))

    data = api.query(FACETTEN, {"filter": filter})["zoeken"]
    assert data["applicaties"]["totalCount"] == len(passing)
    assert sorted(n["identificatie"] for n in data["applicaties"]["nodes"]) == sorted(passing)
    for name, facets in data["facetten"].items():
        counts = Counter(v for app in passing for v in values[app][name])
        assert sorted((f["waarde"], f["label"], f["aantal"]) for f in facets) == sorted(
            (waarde, label, aantal) for (waarde, label), aantal in counts.items()
        ), name
        order = [(-f["aantal"], f["label"]) for f in facets]
        assert order == sorted(order), name
    # Without the facets, the count is read on its own: the same.
    alone = api.query(
        'query($filter: ZoekFilter) { zoeken(tekst: "zaak", filter: $filter) { applicaties { totalCount } } }',
        {"filter": filter},
    )
    assert alone["zoeken"]["applicaties"]["totalCount"] == len(passing)


def test_facets_asked_for_through_fragments(api: Api, expected: Expected) -> None:
    data = api.query(
        """fragment Klassen on Facetten { grootteklassen { waarde aantal } }
        { zoeken(tekst: "gemeente") { facetten { ... on Facetten { ...Klassen } } } }"""
    )
    counts = Counter(size_class(int(row["inwoners"])) for row in expected.gemeenten.values())
    assert {f["waarde"]: f["aantal"] for f in data["zoeken"]["facetten"]["grootteklassen"]} == counts


def test_results_page_on_with_cursors(api: Api) -> None:
    first = api.query(ZOEKEN, {"tekst": "toepassing"})["zoeken"]["applicaties"]
    second = api.query(ZOEKEN, {"tekst": "toepassing", "na": first["pageInfo"]["endCursor"]})["zoeken"][
        "applicaties"
    ]
    ids_first = {e["node"]["identificatie"] for e in first["edges"]}
    ids_second = {e["node"]["identificatie"] for e in second["edges"]}
    assert len(ids_second) == 10 and not ids_first & ids_second
    assert second["edges"][0]["score"] <= first["edges"][-1]["score"]


@pytest.mark.parametrize("tekst", ["", "   ", "*?!", "@:| - ()"])
def test_a_search_without_words_is_refused(api: Api, tekst: str) -> None:
    error = api.error("query($t: String!) { zoeken(tekst: $t) { applicaties { totalCount } } }", {"t": tekst})
    assert error["extensions"]["code"] == "INVALID_SEARCH"


def test_query_syntax_in_the_text_is_only_words(api: Api) -> None:
    data = api.query(ZOEKEN, {"tekst": "(groningen) | @:(*"})["zoeken"]
    assert "GM0014" in {n["identificatie"] for n in data["organisaties"]["nodes"]}


def test_every_facet_value_goes_straight_back_into_the_filter(api: Api) -> None:
    """A facet's `waarde` as it is (no global id to build) narrows to exactly its count."""
    facets = api.query(ZOEKEN, {"tekst": "toepassing"})["zoeken"]["facetten"]
    for name, field in (("referentiecomponenten", "referentiecomponent"), ("leveranciers", "leverancier"),
                        ("hostingmodellen", "hostingmodel"), ("licentietypen", "licentietype")):  # fmt: skip
        facet = facets[name][0]
        narrowed = api.query(ZOEKEN, {"tekst": "toepassing", "filter": {field: facet["waarde"]}})["zoeken"]
        assert narrowed["applicaties"]["totalCount"] == facet["aantal"], (name, facet)
