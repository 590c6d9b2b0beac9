"""Nothing silently empty: what a role leaves out of an answer is named in `extensions.beperkingen`.

Expected notes follow from the role matrix (docs/access.md) and the landscapes each asker may
see, recomputed here from the seed (tests/expected.py), never from another answer.
"""

from __future__ import annotations

import json
import re

from graph_api.graphiql import INIT_SCRIPT
from tests.expected import Expected, global_id
from tests.graphql.conftest import Api

AMSTERDAM, GRONINGEN, LEVERANCIER = "GM0363", "GM0014", "lev-0105"


def notes(api: Api, query: str, variables: dict | None = None) -> tuple[dict, dict[str, dict]]:
    body = api.post(query, variables).json()
    assert "errors" not in body, body["errors"]
    return body["data"], {note["veld"]: note for note in body["extensions"].get("beperkingen", [])}


def test_graphiql_default_query_answers_a_signed_out_visitor(bezoeker: Api) -> None:
    """The query GraphiQL opens with runs as who opens it first: nobody signed in."""
    script = INIT_SCRIPT.read_text(encoding="utf-8")
    start = script.index("defaultQuery:")
    literals = script[start : script.index("\n    })", start)]
    # The query is JavaScript string literals joined by +; each is valid JSON text.
    query = "".join(json.loads(literal) for literal in re.findall(r'"(?:[^"\\]|\\.)*"', literals))
    assert "gemeente" in query
    data, found = notes(bezoeker, query)
    assert found == {}
    assert data["gemeente"]["naam"] == "Amsterdam"
    assert data["applicaties"]["totalCount"] > 0 and data["applicaties"]["nodes"]


def test_a_visitor_is_told_why_a_landscape_reads_empty(bezoeker: Api, expected: Expected) -> None:
    data, found = notes(bezoeker, '{ gemeente(cbsCode: "GM0363") { gebruik { totalCount } } }')
    assert expected.gebruik_of[AMSTERDAM]  # there is a landscape: the zero is visibility
    assert data["gemeente"]["gebruik"]["totalCount"] == 0
    assert set(found) == {"Gemeente.gebruik"}
    assert "not visible to your role" in found["Gemeente.gebruik"]["reden"]
    assert "dev-token" in found["Gemeente.gebruik"]["reden"]


def test_notes_name_each_limited_field_asked_and_only_those(api_as) -> None:
    raadpleger = api_as(AMSTERDAM, "GEBRUIK_RAADPLEGER")
    query = '{ gemeente(cbsCode: "GM0014") { gebruik(first: 1) { nodes { status notities contractEinde } } } }'
    _, found = notes(raadpleger, query)
    # Every Gebruik may be seen; notes and contracts only in Amsterdam's own landscape.
    assert set(found) == {"Gebruik.notities", "Gebruik.contractEinde"}
    assert "GM0363" in found["Gebruik.notities"]["reden"]
    _, none = notes(raadpleger, '{ gemeente(cbsCode: "GM0014") { gebruik(first: 1) { nodes { status } } } }')
    assert none == {}


def test_a_supplier_is_told_it_sees_its_own_products_only(api_as) -> None:
    _, found = notes(api_as(LEVERANCIER, "AANBOD_BEHEERDER"), "{ gebruik(first: 1) { totalCount } }")
    assert "own products" in found["Query.gebruik"]["reden"]


def test_functioneel_beheer_is_never_told_of_limits(api: Api, expected: Expected) -> None:
    start = global_id("Gebruik", expected.gebruik_of[GRONINGEN][0]["id"])
    _, found = notes(
        api,
        """query($g: ID!) { aantallen { naam } gebruik(first: 1) { nodes { notities } }
           afhankelijkheden(gebruik: $g) { diepte } impactanalyse(gebruik: $g) { koppelingen { kant } } }""",
        {"g": start},
    )
    assert found == {}


def _linked(expected: Expected, cbs: str) -> str:
    mine = {g["id"] for g in expected.gebruik_of[cbs]}
    return min(k["van"] for k in expected.koppelingen if k["van"] in mine and k["naar"] in mine)


def test_an_analytic_over_another_landscape_says_it_was_limited(api_as, expected: Expected) -> None:
    raadpleger = api_as(AMSTERDAM, "GEBRUIK_RAADPLEGER")
    query = """query($g: ID!, $o: ID!) {
      afhankelijkheden(gebruik: $g, diepte: 2) { graaf { nodes { id } } }
      impactanalyse(gebruik: $g) { koppelingen { kant } }
      landschapsgraaf(organisatie: $o, first: 5) { edges { id } } }"""
    groningen = _linked(expected, GRONINGEN)
    data, found = notes(raadpleger, query, {"g": global_id("Gebruik", groningen), "o": global_id("Gemeente", GRONINGEN)})
    # Groningen's Gebruik has koppelingen, but the answer may not show them: it says so.
    assert data["afhankelijkheden"]["graaf"]["nodes"] == [{"id": global_id("Gebruik", groningen)}]
    assert data["impactanalyse"]["koppelingen"] == [] and data["landschapsgraaf"]["edges"] == []
    assert {"afhankelijkheden", "impactanalyse", "landschapsgraaf"} <= set(found)
    assert all("GM0014" in found[v]["reden"] for v in ("afhankelijkheden", "impactanalyse", "landschapsgraaf"))
    amsterdam = _linked(expected, AMSTERDAM)
    data, own = notes(raadpleger, query, {"g": global_id("Gebruik", amsterdam), "o": global_id("Gemeente", AMSTERDAM)})
    assert len(data["afhankelijkheden"]["graaf"]["nodes"]) > 1
    assert not {"afhankelijkheden", "impactanalyse", "landschapsgraaf"} & set(own)


def test_a_path_that_may_not_be_seen_is_null_with_a_note(api_as, expected: Expected) -> None:
    k = next(k for k in expected.koppelingen if k["van"] in {g["id"] for g in expected.gebruik_of[GRONINGEN]} and k["naar"].startswith("geb-"))
    query = "query($a: ID!, $b: ID!) { kortstePad(van: $a, naar: $b, richting: BEIDE) { edges } }"
    variables = {"a": global_id("Gebruik", k["van"]), "b": global_id("Gebruik", k["naar"])}
    data, found = notes(api_as(AMSTERDAM, "GEBRUIK_RAADPLEGER"), query, variables)
    assert data == {"kortstePad": None} and "kortstePad" in found
    data, own = notes(api_as(GRONINGEN, "GEBRUIK_RAADPLEGER"), query, variables)
    assert data["kortstePad"]["edges"] == [global_id("Koppeling", k["id"])] and own == {}


def test_a_kept_answer_carries_its_notes_too(bezoeker: Api) -> None:
    """The second time a lookup is answered by its kept reads (compiled/cache.py), still with notes."""
    query = '{ applicatie(identificatie: "app-00001") { naam gebruik { totalCount } } }'
    first = notes(bezoeker, query)[1]
    second = notes(bezoeker, query)[1]
    assert first == second and "Applicatie.gebruik" in first
