"""Limits on what one request may ask: each refuses before the store is asked, with its own code.

Most tests run against an app with small limits, so that a query just under and just over
each limit is short enough to read; the expected depths, alias counts, token counts and costs
are worked out by hand from the rules in docs/operations.md ("Hardening").
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app
from graph_api.graphql.limits import ANALYTICS_WEIGHTS
from graph_api.schema_files import schema_files
from graph_api.settings import HardeningSettings
from tests.conftest import run_cli
from tests.expected import global_id
from tests.graphql.conftest import Api

TIGHT = HardeningSettings(
    max_depth=4, max_aliases=2, max_tokens=60, max_cost=1_000, list_size=5, introspection=False
)


@pytest.fixture(scope="module")
def tight(settings, engine, seeded) -> Iterator[Api]:
    """An anonymous client of an app with small limits and introspection off."""
    with TestClient(create_app(replace(settings, hardening=TIGHT), engine=engine)) as client:
        yield Api(client)


def passes(api: Api, query: str, variables: dict | None = None) -> dict:
    response = api.post(query, variables)
    body = response.json()
    assert response.status_code == 200, body
    assert "errors" not in body, body["errors"]
    return body


def refused(api: Api, query: str, variables: dict | None = None) -> dict:
    """The one error of a request refused before execution: 400, no data, no store call."""
    response = api.post(query, variables)
    body = response.json()
    assert response.status_code == 400, body
    assert "data" not in body
    assert body.get("extensions", {}).get("queryStats", {}).get("storeCalls", 0) == 0
    (error,) = body["errors"]
    return error


# --- depth: fields with selections, nested (strawberry's QueryDepthLimiter) ---


def test_a_query_as_deep_as_the_limit_runs(tight: Api) -> None:
    body = passes(tight, "{ gemeenten(first: 2) { nodes { buren { buren { naam } } } } }")  # depth 4
    assert body["extensions"]["queryStats"]["storeCalls"] > 0


@pytest.mark.parametrize(
    "query",
    [
        "{ gemeenten(first: 2) { nodes { buren { buren { buren { naam } } } } } }",
        "{ gemeenten(first: 2) { nodes { ...B } } } fragment B on Gemeente { buren { ... on Gemeente { buren { buren { naam } } } } }",
    ],
    ids=["fields", "through fragments"],
)
def test_one_level_deeper_is_refused(tight: Api, query: str) -> None:
    error = refused(tight, query)
    assert error["extensions"] == {"code": "QUERY_TOO_DEEP", "depth": 5, "limit": 4}
    assert "5 levels" in error["message"] and "at most 4" in error["message"]


def test_introspection_fields_add_no_depth(tight: Api) -> None:
    passes(tight, "{ gemeenten(first: 1) { nodes { buren { buren { __typename naam } } } } }")


def test_the_default_depth_limit(bezoeker: Api) -> None:
    def chain(levels: int) -> str:
        # applicatie → leverancier → aanbod → nodes → leverancier → ...: one more level per field
        inner = "naam"
        for field in reversed((["leverancier", "aanbod(first: 1)", "nodes"] * 4)[: levels - 1]):
            inner = f"{field} {{ {inner} }}"
        return f'{{ applicatie(identificatie: "app-00001") {{ {inner} }} }}'

    assert chain(10).count("{") - 1 == 10
    passes(bezoeker, chain(10))
    assert refused(bezoeker, chain(11))["extensions"] == {"code": "QUERY_TOO_DEEP", "depth": 11, "limit": 10}


# --- aliases (strawberry's MaxAliasesLimiter) ---


def test_aliases_up_to_the_limit_run(tight: Api) -> None:
    passes(tight, "{ a: gemeenten(first: 1) { totalCount } b: gemeenten(first: 1) { totalCount } }")


@pytest.mark.parametrize(
    "query",
    [
        "{ a: gemeenten(first: 1) { totalCount } b: gemeenten(first: 1) { totalCount } c: __typename }",
        "{ a: __typename ...F } fragment F on Query { b: __typename c: __typename }",
    ],
    ids=["fields", "in a fragment"],
)
def test_one_alias_more_is_refused(tight: Api, query: str) -> None:
    error = refused(tight, query)
    assert error["extensions"] == {"code": "TOO_MANY_ALIASES", "aliases": 3, "limit": 2}
    assert "3 aliases" in error["message"] and "at most 2" in error["message"]


# --- tokens (graphql-core's parser limit, as MaxTokensLimiter sets it) ---


def test_tokens_up_to_the_limit_run(tight: Api) -> None:
    passes(tight, "{ " + "__typename " * 58 + "}")  # 60 tokens: the braces and 58 names


def test_one_token_more_is_refused(tight: Api) -> None:
    error = refused(tight, "{ " + "__typename " * 59 + "}")
    assert error["extensions"] == {"code": "TOO_MANY_TOKENS"}
    assert "more than 60 tokens" in error["message"]


# --- estimated cost ---

GEMEENTEN = "query($n: Int) { gemeenten(first: $n) { nodes { naam buren { naam } } } }"
GEMEENTEN_IN_FRAGMENTS = """query($n: Int) { gemeenten(first: $n) { nodes { ...G } } }
fragment G on Gemeente { naam ... on Gemeente { buren { naam } } }"""


@pytest.mark.parametrize("query", [GEMEENTEN, GEMEENTEN_IN_FRAGMENTS], ids=["fields", "fragments"])
def test_the_cost_multiplies_by_the_page_size(tight: Api, query: str) -> None:
    # gemeenten and nodes count once; each of n gemeenten its naam, buren and 5 buren's naam
    def cost(n: int) -> int:
        return 2 + n * (1 + 1 + 5)

    assert cost(142) <= 1_000 < cost(143)
    passes(tight, query, {"n": 142})
    error = refused(tight, query, {"n": 143})
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": cost(143), "limit": 1_000}
    assert f"about {cost(143)} objects" in error["message"] and "at most 1000" in error["message"]


def test_a_page_without_first_counts_the_default_page_size(tight: Api) -> None:
    passes(tight, GEMEENTEN, {})  # 2 + 50 * 7 = 352
    deeper = "{ gemeenten { nodes { buren { naam buren { naam } } } } }"  # 2 + 50 * (1 + 5 * (1 + 1 + 5))
    assert refused(tight, deeper)["extensions"]["cost"] == 2 + 50 * (1 + 5 * 7)


def test_edges_count_like_nodes_and_counts_cost_nothing_per_item(tight: Api) -> None:
    edges = "query($n: Int) { gemeenten(first: $n) { edges { cursor node { naam } } } }"  # 2 + 3n
    passes(tight, edges, {"n": 332})
    assert refused(tight, edges, {"n": 333})["extensions"]["cost"] == 2 + 3 * 333
    passes(tight, "{ gemeenten(first: 500) { totalCount pageInfo { hasNextPage } } }")


def test_an_analytic_counts_its_weight(tight: Api) -> None:
    a, b = global_id("Gebruik", "geb-GM0363-0074"), global_id("Gebruik", "geb-GM0363-0275")
    error = refused(tight, f'{{ kortstePad(van: "{a}", naar: "{b}") {{ nodes }} }}')
    assert error["extensions"]["cost"] == ANALYTICS_WEIGHTS["kortstePad"] + 1


def test_the_limits_do_not_hide_the_other_errors(tight: Api) -> None:
    # A page over the maximum is estimated at the maximum and refused by the field itself.
    response = tight.post("{ gemeenten(first: 100000) { nodes { naam } } }")
    assert response.json()["errors"][0]["extensions"]["code"] == "PAGE_SIZE_TOO_LARGE"
    response = tight.post(GEMEENTEN, {"n": "veel"})
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_the_default_cost_limit_refuses_nested_full_pages(bezoeker: Api) -> None:
    nested = "{ gemeenten(first: 500) { nodes { gebruik(first: 500) { nodes { status } } } } }"
    error = refused(bezoeker, nested)
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 2 + 500 * (2 + 500), "limit": 100_000}


def test_refusals_answer_200_to_json_clients(tight: Api) -> None:
    for query, code in [
        ("{ gemeenten(first: 500) { nodes { naam buren { naam } } } }", "QUERY_TOO_COSTLY"),
        ("{ gemeenten { nodes { buren { buren { buren { naam } } } } } }", "QUERY_TOO_DEEP"),
        ("{ a: __typename b: __typename c: __typename }", "TOO_MANY_ALIASES"),
        ("{ " + "__typename " * 59 + "}", "TOO_MANY_TOKENS"),
        ("{ __schema { queryType { name } } }", "INTROSPECTION_DISABLED"),
    ]:
        response = tight.post(query, accept="application/json")
        body = response.json()
        assert response.status_code == 200, query
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == code, query


# --- introspection ---


@pytest.mark.parametrize(
    "query", ["{ __schema { queryType { name } } }", '{ __type(name: "Gemeente") { name } }']
)
def test_introspection_can_be_switched_off(tight: Api, bezoeker: Api, query: str) -> None:
    error = refused(tight, query)
    assert error["extensions"] == {"code": "INTROSPECTION_DISABLED"}
    assert passes(bezoeker, query)["data"]  # on by default


def test_typename_is_no_introspection(tight: Api) -> None:
    assert passes(tight, "{ __typename }")["data"] == {"__typename": "Query"}


def test_the_schema_is_exported_with_introspection_off(tmp_path: Path) -> None:
    result = run_cli("export-schema", "--directory", str(tmp_path), env={"GRAPH_API_INTROSPECTION": "false"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "schema.graphql").read_text() == schema_files()["schema.graphql"]


def test_a_nul_character_is_refused_before_the_engine(bezoeker: Api) -> None:
    """FalkorDB's query text ends at a NUL: text holding one is refused, in a literal or a variable."""
    literal = bezoeker.post('{ gemeente(cbsCode: "GM\\u0000363") { naam } }')
    assert literal.status_code == 400
    assert [e["extensions"]["code"] for e in literal.json()["errors"]] == ["INVALID_TEXT"]
    variable = bezoeker.post("query($c: String!) { gemeente(cbsCode: $c) { naam } }", {"c": "GM\x00363"})
    assert variable.status_code == 400
    assert variable.json()["errors"][0]["extensions"]["code"] == "INVALID_TEXT"
    nested = bezoeker.post(
        "query($f: ApplicatieFilter) { applicaties(filter: $f) { totalCount } }", {"f": {"tekst": "\x00"}}
    )
    assert nested.json()["errors"][0]["extensions"]["code"] == "INVALID_TEXT"
    # Other control characters reach the engine as parameters and simply find nothing.
    assert bezoeker.query('{ gemeente(cbsCode: "GM\\u0001") { naam } }') == {"gemeente": None}
