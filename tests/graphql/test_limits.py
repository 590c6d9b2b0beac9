"""Limits on what one request may ask: each refuses before the store is asked, with its own code.

Most tests run against an app with small limits, so that a query just under and just over
each limit is short enough to read; the expected depths, alias counts, token counts and costs
are worked out by hand from the rules in docs/operations.md ("Hardening").
"""

from __future__ import annotations

import csv
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app
from graph_api.graphql.limits import ANALYTICS_WEIGHTS
from graph_api.graphql.limits.cost import SCANS
from graph_api.schema_files import schema_files
from graph_api.settings import HardeningSettings
from tests.conftest import SEEDS, run_cli
from tests.expected import global_id
from tests.graphql.conftest import VNG, Api

TIGHT = HardeningSettings(
    max_depth=4, max_aliases=2, max_tokens=60, max_cost=1_000, list_size=5, introspection=False
)


@pytest.fixture(scope="module")
def tight_client(settings, engine, seeded) -> Iterator[TestClient]:
    with TestClient(create_app(replace(settings, hardening=TIGHT), engine=engine)) as client:
        yield client


@pytest.fixture(scope="module")
def tight(tight_client: TestClient) -> Api:
    """An anonymous client of an app with small limits and introspection off."""
    return Api(tight_client)


@pytest.fixture(scope="module")
def tight_as(tight_client: TestClient, token) -> Callable[[str | None, str | None], Api]:
    """A client of the same app with a role in an organisation (None, None: anonymous)."""
    return lambda organisatie, rol: Api(tight_client, organisatie and token(organisatie, rol))


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
    assert error["extensions"] == {"code": "TOO_MANY_TOKENS", "limit": 60}
    assert "more than 60 tokens" in error["message"]


# --- estimated cost ---

GEMEENTEN = "query($n: Int) { gemeenten(first: $n) { nodes { naam buren { naam } } } }"
# The engine reads every gemeente to order them: a root list counts that too (SCANS).
with (SEEDS / "gemeenten.csv").open(encoding="utf-8") as _rows:
    READ_GEMEENTEN = round(sum(1 for _ in csv.DictReader(_rows)) * SCANS["gemeenten"].weight)
GEMEENTEN_IN_FRAGMENTS = """query($n: Int) { gemeenten(first: $n) { nodes { ...G } } }
fragment G on Gemeente { naam ... on Gemeente { buren { naam } } }"""


@pytest.mark.parametrize("query", [GEMEENTEN, GEMEENTEN_IN_FRAGMENTS], ids=["fields", "fragments"])
def test_the_cost_multiplies_by_the_page_size(tight: Api, query: str) -> None:
    # gemeenten and nodes count once; each of n gemeenten its naam, buren and 5 buren's naam
    def cost(n: int) -> int:
        return 2 + READ_GEMEENTEN + n * (1 + 1 + 5)

    largest = (1_000 - 2 - READ_GEMEENTEN) // 7
    assert cost(largest) <= 1_000 < cost(largest + 1)
    passes(tight, query, {"n": largest})
    error = refused(tight, query, {"n": largest + 1})
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": cost(largest + 1), "limit": 1_000}
    assert f"about {cost(largest + 1)} objects" in error["message"] and "at most 1000" in error["message"]


def test_a_page_without_first_counts_the_default_page_size(tight: Api) -> None:
    passes(tight, GEMEENTEN, {})  # 2 + 50 * 7 = 352, and the gemeenten read
    deeper = "{ gemeenten { nodes { buren { naam buren { naam } } } } }"  # 2 + 50 * (1 + 5 * (1 + 1 + 5))
    assert refused(tight, deeper)["extensions"]["cost"] == 2 + READ_GEMEENTEN + 50 * (1 + 5 * 7)


def test_edges_count_like_nodes_and_counts_cost_nothing_per_item(tight: Api) -> None:
    edges = "query($n: Int) { gemeenten(first: $n) { edges { cursor node { naam } } } }"  # 2 + 3n
    largest = (1_000 - 2 - READ_GEMEENTEN) // 3
    passes(tight, edges, {"n": largest})
    assert refused(tight, edges, {"n": largest + 1})["extensions"]["cost"] == 2 + READ_GEMEENTEN + 3 * (largest + 1)
    passes(tight, "{ gemeenten(first: 500) { totalCount pageInfo { hasNextPage } } }")


def test_an_analytic_counts_its_weight(tight: Api) -> None:
    a, b = global_id("Gebruik", "geb-GM0363-0095"), global_id("Gebruik", "geb-GM0363-0158")
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
    expected = 2 + READ_GEMEENTEN + 500 * (2 + 500)
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": expected, "limit": 100_000}


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


# --- the shape of the expansion: each fragment measured once, however often it is spread ---


def fan_out(levels: int, body: str = "__typename", on: str = "Query") -> str:
    """Each fragment spreads the next one twice: the expansion doubles per level."""
    fragments = [f"fragment F{i} on {on} {{ {body} ...F{i + 1} ...F{i + 1} }}" for i in range(levels)]
    return "\n".join(["{ ...F0 }" if on == "Query" else "", *fragments, f"fragment F{levels} on {on} {{ {body} }}"])


@pytest.mark.parametrize("levels", [20, 40, 80])
def test_a_fragment_fan_out_is_refused_by_its_expansion(bezoeker: Api, levels: int) -> None:
    """2**(levels + 1) - 1 fields: walking them one by one would never end (80 levels: 2.4e24)."""
    error = refused(bezoeker, fan_out(levels))
    fields = 2 ** (levels + 1) - 1
    assert error["extensions"] == {"code": "QUERY_TOO_LARGE", "fields": fields, "limit": 5_000}


def test_a_fan_out_of_aliases_is_counted_in_full(bezoeker: Api) -> None:
    error = refused(bezoeker, fan_out(40, body="a: __typename"))
    assert error["extensions"] == {"code": "TOO_MANY_ALIASES", "aliases": 2**41 - 1, "limit": 30}


def test_a_fan_out_inside_fields_is_counted_in_full(tight: Api) -> None:
    """Depth and size through fragments spread below fields, as graphql-core would execute them."""
    query = (
        "{ gemeenten(first: 1) { nodes { ...G0 } } }\n"
        "fragment G0 on Gemeente { buren { ...G1 } b: buren { ...G1 } }\n"
        "fragment G1 on Gemeente { c: naam }"
    )
    # gemeenten, nodes, buren: 3 levels; b and two c's (one under each buren): 3 aliases
    assert refused(tight, query)["extensions"] == {"code": "TOO_MANY_ALIASES", "aliases": 3, "limit": 2}
    # gemeenten, nodes, buren, buren, buren: 5 levels
    error = refused(tight, query.replace("{ c: naam }", "{ buren { buren { naam } } }"))
    assert error["extensions"] == {"code": "QUERY_TOO_DEEP", "depth": 5, "limit": 4}


def test_a_document_within_the_limits_expands_fully(tight: Api) -> None:
    """Three fields after expansion: runs, and answers every spread."""
    query = "{ ...A } fragment A on Query { ...B ...B __typename } fragment B on Query { __typename }"
    assert passes(tight, query)["data"] == {"__typename": "Query"}


def test_the_size_limit_is_a_setting(settings, engine, seeded) -> None:
    small = replace(TIGHT, max_fields=6, max_tokens=500)
    with TestClient(create_app(replace(settings, hardening=small), engine=engine)) as client:
        api = Api(client)
        passes(api, fan_out(1))  # 3 fields
        passes(api, fan_out(1, body="__typename __typename"))  # 6 fields
        error = refused(api, fan_out(2))  # 7 fields
        assert error["extensions"] == {"code": "QUERY_TOO_LARGE", "fields": 7, "limit": 6}


# --- lengths: every string argument has a maximum that fits its meaning ---


def _string_arguments() -> dict[str, str]:
    """Every String or ID argument and input field of the schema, by name: its type's name."""
    from graphql import GraphQLInputObjectType, GraphQLScalarType, get_named_type

    from graph_api.graphql.schema import build_schema

    schema = build_schema()._schema
    found: dict[str, str] = {}

    def walk(name: str, type_: object, seen: frozenset[str]) -> None:
        named = get_named_type(type_)
        if isinstance(named, GraphQLInputObjectType) and named.name not in seen:
            for field_name, field in named.fields.items():
                walk(field_name, field.type, seen | {named.name})
        elif isinstance(named, GraphQLScalarType) and named.name in ("String", "ID"):
            found[name] = named.name

    for type_name, type_ in schema.type_map.items():
        if not type_name.startswith("__") and not isinstance(type_, GraphQLInputObjectType):
            for field in getattr(type_, "fields", {}).values():
                for argument_name, argument in field.args.items():
                    walk(argument_name, argument.type, frozenset())
    return found


def test_every_string_argument_has_a_maximum_on_purpose() -> None:
    from graph_api.graphql.limits.lengths import MAX_LENGTHS

    arguments = _string_arguments()
    assert {"tekst", "after", "cbsCode", "id", "ids"} <= set(arguments)  # the walk finds them
    unlisted = sorted(name for name, kind in arguments.items() if kind == "String" and name not in MAX_LENGTHS)
    assert unlisted == [], f"give these string arguments a maximum in MAX_LENGTHS: {unlisted}"


LONG_CASES = [
    # (query with $v, where the value goes, the argument named in the refusal, its maximum)
    ('query($v: String!) { zoeken(tekst: $v) { applicaties(first: 1) { totalCount } } }', "tekst", 200),
    ("query($v: String) { applicaties(filter: {tekst: $v}) { totalCount } }", "filter.tekst", 200),
    ("query($v: ApplicatieFilter) { applicaties(filter: $v) { totalCount } }", "filter.tekst", 200),
    ("query($v: String) { gemeenten(filter: {provincie: $v}) { totalCount } }", "filter.provincie", 50),
    ("query($v: String!) { gemeente(cbsCode: $v) { naam } }", "cbsCode", 10),
    ("query($v: String!) { applicatie(identificatie: $v) { naam } }", "identificatie", 100),
    ("query($v: String) { applicaties(first: 1, after: $v) { totalCount } }", "after", 1_000),
    ("query($v: ID!) { node(id: $v) { id } }", "id", 300),
    ("query($v: ID) { applicaties(filter: {leverancier: $v}) { totalCount } }", "filter.leverancier", 300),
]


@pytest.mark.parametrize(("query", "argument", "limit"), LONG_CASES, ids=[c[1] for c in LONG_CASES])
def test_a_string_over_its_maximum_is_refused_by_name(bezoeker: Api, query: str, argument: str, limit: int) -> None:
    def value(length: int):
        text = "a" * length
        return {"tekst": text} if "ApplicatieFilter" in query else text

    over = refused(bezoeker, query, {"v": value(limit + 1)})
    assert over["extensions"] == {"code": "INVALID_INPUT", "argument": argument, "length": limit + 1, "limit": limit}
    assert argument in over["message"] and f"at most {limit}" in over["message"]
    # At its maximum the argument passes the check (and may fail further on as a bad id or cursor).
    at_limit = bezoeker.post(query, {"v": value(limit)}).json()
    assert all(e["extensions"]["code"] != "INVALID_INPUT" for e in at_limit.get("errors", [])), at_limit


def test_a_long_literal_is_refused_like_a_variable(bezoeker: Api) -> None:
    error = refused(bezoeker, '{ zoeken(tekst: "%s") { applicaties(first: 1) { totalCount } } }' % ("z" * 201))
    assert error["extensions"] == {"code": "INVALID_INPUT", "argument": "tekst", "length": 201, "limit": 200}


def test_a_list_argument_holds_at_most_one_page(bezoeker: Api) -> None:
    ids = [global_id("Applicatie", f"app-{i:05d}") for i in range(501)]
    error = refused(bezoeker, "query($v: [ID!]!) { nodes(ids: $v) { id } }", {"v": ids})
    assert error["extensions"] == {"code": "INVALID_INPUT", "argument": "ids", "length": 501, "limit": 500}
    assert len(passes(bezoeker, "query($v: [ID!]!) { nodes(ids: $v) { id } }", {"v": ids[:500]})["data"]["nodes"]) == 500


def test_a_900_kb_text_reused_in_aliases_never_reaches_the_engine(bezoeker: Api) -> None:
    """The probe's request: one long string, eight aliases. Refused before any statement runs."""
    aliases = " ".join(f"a{i}: applicaties(filter: {{tekst: $t}}) {{ totalCount }}" for i in range(8))
    error = refused(bezoeker, f"query($t: String) {{ {aliases} }}", {"t": "x" * 900_000})
    assert error["extensions"]["code"] == "INVALID_INPUT" and error["extensions"]["argument"] == "filter.tekst"


# --- what a filter makes the engine do ---


def test_a_filter_that_follows_relations_counts_every_node_it_is_tested_on(
    tight: Api, expected
) -> None:
    """`applicaties` with a leverancier filter reads every application and looks at its offerer."""
    scan = SCANS["applicaties"]
    applications = len(expected.rows["seed/applicaties"])
    plain = refused(tight, "{ applicaties(first: 500) { nodes { naam leverancier { naam } } } }")
    assert plain["extensions"]["cost"] == 2 + round(applications * scan.weight) + 500 * 3
    leverancier = global_id("Leverancier", "lev-0001")
    query = f'{{ applicaties(first: 500, filter: {{leverancier: "{leverancier}"}}) {{ nodes {{ naam leverancier {{ naam }} }} }} }}'
    filtered = refused(tight, query)
    weight = scan.weight + scan.filters["leverancier"]
    assert filtered["extensions"]["cost"] == 2 + round(applications * weight) + 500 * 3


def test_an_estimate_kept_for_a_document_follows_what_its_variables_change(tight: Api, expected) -> None:
    """The estimate is kept per document and what of the variables it reads: another leverancier
    costs what the first did, none at all less, a smaller page less again."""
    scan = SCANS["applicaties"]
    applications = len(expected.rows["seed/applicaties"])
    query = """query($l: ID, $n: Int) {
      applicaties(first: $n, filter: {leverancier: $l}) { nodes { naam leverancier { naam } } } }"""

    def cost(n: int, weight: float) -> int:
        return 2 + round(applications * weight) + n * 3

    filtered = scan.weight + scan.filters["leverancier"]
    for leverancier in ("lev-0001", "lev-0002", "lev-0001"):
        error = refused(tight, query, {"l": global_id("Leverancier", leverancier), "n": 500})
        assert error["extensions"]["cost"] == cost(500, filtered)
    assert refused(tight, query, {"l": None, "n": 500})["extensions"]["cost"] == cost(500, scan.weight)
    assert refused(tight, query, {"n": 400})["extensions"]["cost"] == cost(400, scan.weight)
    assert refused(tight, query, {"l": global_id("Leverancier", "lev-0003"), "n": 400})["extensions"][
        "cost"
    ] == cost(400, filtered)


def test_a_landscape_list_counts_its_reading_only_for_who_reads_it_all(tight_as, expected) -> None:
    """Every Gebruik is read to order them for a gebruik-raadpleger; a bezoeker's read stops at once."""
    query = "{ gebruik(first: 1) { totalCount } }"
    usage = len(expected.gebruik_by_id)
    raadpleger = refused(tight_as("GM0363", "GEBRUIK_RAADPLEGER"), query)
    assert raadpleger["extensions"]["cost"] == 2 + round(usage * SCANS["gebruik"].weight)
    assert passes(tight_as(None, None), query)["data"] == {"gebruik": {"totalCount": 0}}


# --- the engine time of a request, bounded as a whole ---


def test_the_statements_of_a_request_share_one_engine_budget(settings, engine, seeded, token) -> None:
    """Slow statements side by side, each well under its own time limit, cannot together
    hold the engine longer than the request's budget: what does not fit is refused.

    Each statement here needs more engine time than the whole budget: the first one gets all of
    it and is stopped at its limit; after it, nothing is left for the others. With a large
    budget the same request runs whole, for many times the small budget.
    """
    budget_ms = 300
    lenient = replace(TIGHT, max_cost=10_000_000, max_aliases=10, max_tokens=2_000, request_engine_ms=budget_ms)
    # Every koppeling of the country, tested on its standard: seconds of engine time each.
    standaard = global_id("Standaard", "id-00e5e5a29a48461d9218b1113d7186c5")
    slow = " ".join(
        f'a{i}: koppelingen(first: 1, filter: {{standaard: "{standaard}"}}) {{ totalCount }}' for i in range(4)
    )
    beheer = token(VNG, "FUNCTIONEEL_BEHEERDER")
    roomy = replace(lenient, request_engine_ms=600_000)
    with TestClient(create_app(replace(settings, hardening=roomy), engine=engine)) as client:
        alone = Api(client, beheer).post(f"{{ {slow} }}").json()  # with a large budget they all run
    with TestClient(create_app(replace(settings, hardening=lenient), engine=engine)) as client:
        body = Api(client, beheer).post(f"{{ {slow} }}").json()
    assert "errors" not in alone and alone["extensions"]["queryStats"]["storeMs"] > 8 * budget_ms, alone
    # `applicaties` cannot be null: the first failure ends the request, and the rest never run.
    assert body["data"] is None, body
    (first_error, *_) = body["errors"]
    assert first_error["extensions"]["code"] in ("QUERY_TIMEOUT", "ENGINE_BUDGET_EXHAUSTED")
    assert first_error["path"][0].startswith("a")  # a field's error, as a resolver's would be
    # storeMs: the time statements ran holding their share (the engine stops each at its limit,
    # measured here with the round trip); waiting for a share is not in it.
    assert body["extensions"]["queryStats"]["storeMs"] < 2 * budget_ms, body["extensions"]


# --- the event loop stays free while a document is checked ---


def test_a_lookup_is_answered_while_large_documents_are_validated(bezoeker: Api) -> None:
    """graphql-core's own validation of 220 fragments spread side by side takes about half a
    second. It runs off the event loop: another client's lookups are answered meanwhile,
    several within each such document, instead of waiting behind it."""

    def heavy(i: int) -> str:  # each one new, so none is answered from the validation cache
        spreads = " ".join(f"...F{j}" for j in range(220))
        fragments = " ".join(f"fragment F{j} on Applicatie {{ naam }}" for j in range(220))
        return f'{{ applicaties(first: 1, filter: {{tekst: "k{i}"}}) {{ nodes {{ {spreads} }} }} }} {fragments}'

    lookup = '{ gemeente(cbsCode: "GM0363") { naam } }'
    heavy_spans: list[tuple[float, float]] = []
    lookup_spans: list[tuple[float, float]] = []
    done = threading.Event()

    def send_heavy() -> None:
        try:
            for i in range(4):
                started = time.perf_counter()
                assert "errors" not in bezoeker.post(heavy(i)).json()
                heavy_spans.append((started, time.perf_counter()))
        finally:
            done.set()

    sender = threading.Thread(target=send_heavy)
    sender.start()
    while not done.is_set():
        started = time.perf_counter()
        assert bezoeker.query(lookup) == {"gemeente": {"naam": "Amsterdam"}}
        lookup_spans.append((started, time.perf_counter()))
    sender.join()
    assert len(heavy_spans) == 4
    # Waiting behind a validation, a lookup sent during one is answered only after it: at
    # most two lookups begin and end within one large document. Off the loop, many do.
    within = [
        sum(begin <= sent and answered <= end for sent, answered in lookup_spans) for begin, end in heavy_spans
    ]
    assert sum(within) >= 3 * len(heavy_spans), (within, heavy_spans, lookup_spans)
