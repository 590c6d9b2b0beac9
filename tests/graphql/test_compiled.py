"""Compiled reads answer exactly as the resolvers do, for every role, and do it in fewer calls.

The resolvers are the reference: a second app on the same engine runs with compiled reads off
(GRAPH_API_COMPILED_READS=false), and every query goes to both. The queries are the fuzz
generator's (tests/graphql/test_fuzz.py) for the root fields the compiler covers, with their
arguments drawn from the seed's real ids, codes, cursors and made-up ones, so successes,
refusals and bad input are compared alike; plus the read API benchmark's five queries.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

import graphql
import pytest
from hypothesis import given, note

from graph_api.app import create_app
from graph_api.graphql.extensions import QueryStats
from graph_api.graphql.limits import QueryLimits
from tests.expected import Expected
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_fuzz import ROLLEN, _strategies, fuzzing, instrument, pools
from tests.graphql.test_toegang import Matrix
from tests.unit.test_compiled_fence import Geteld, fence_schema

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

# The root fields the compiler covers, and how many generated queries each gets (on Neo4j half
# as many: its statements are the same compiler's in the other dialect, and cost the suite more).
# Examples per root on the embedded engine, a quarter of them on Neo4j; each is sent by every
# role, to both APIs, and again (derandomized: every run sends the same). Halved from 80 for the
# suite's time on two cores: the generated test was its longest on both engines.
COMPILED: dict[tuple[str, ...], int] = {
    ("applicatie",): 40,
    ("gemeente",): 40,
    ("organisatie",): 40,
    ("gemmaElement",): 20,
    ("applicaties",): 40,
}
ROLES = {**ROLLEN, "functioneel-beheerder": (VNG, "FUNCTIONEEL_BEHEERDER")}

LANDSCHAP = """query($c: String!, $na: String) { gemeente(cbsCode: $c) { naam gebruik(first: 500, after: $na) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { id status startDatum hosting contractEinde notities
    applicatie { naam leverancier { naam } }
    referentiecomponenten { naam }
    uitgaandeKoppelingen { type richting naar { ... on Gebruik { id } ... on BuitengemeentelijkeVoorziening { naam } } }
  } } } }"""
COMPONENT = """query($i: String!) { gemmaElement(identificatie: $i) { ... on Referentiecomponent {
  applicaties(first: 500, orderBy: {field: GEBRUIK, direction: DESC}) { nodes { naam gebruik { totalCount } } } } } }"""
PAGINA = """{ applicaties(first: 50) { totalCount nodes {
  id naam beschrijving type licentietype cloudModellen status leverancier { naam } referentiecomponenten { naam } } } }"""


@pytest.fixture(scope="module")
def resolved(backend) -> Iterator[TestClient]:
    """The same API with compiled reads off: every field resolved on its own."""
    with TestClient(
        create_app(replace(backend.settings, compiled_reads=False), engine=backend.engine)
    ) as client:
        yield client


@pytest.fixture(scope="module")
def pair(client: TestClient, resolved: TestClient, token, bezoeker: Api):
    """Per role, the compiled and the resolved API with the same token."""

    def both(rol: str) -> tuple[Api, Api]:
        who = ROLES[rol]
        if who is None:
            return bezoeker, Api(resolved)
        return Api(client, token(*who)), Api(resolved, token(*who))

    return {rol: both(rol) for rol in ROLES}


@pytest.fixture(autouse=True)
def no_compiler_failures(caplog):
    """A compiled read that fails falls back to the resolvers and logs it: none may here."""
    yield
    failures = [
        r
        for r in caplog.records
        if r.name.startswith("graph_api.graphql.compiled") and r.levelname == "ERROR"
    ]
    assert not failures, failures[0].getMessage()


def _same(compiled: Api, reference: Api, query: str, variables: dict | None = None) -> tuple[dict, dict]:
    """Both answers, compared whole (data and errors); the compiled one and its statistics."""
    got, want = compiled.post(query, variables), reference.post(query, variables)
    assert got.status_code == want.status_code, (query, got.text, want.text)
    got_body, want_body = got.json(), want.json()
    stats = (got_body.pop("extensions", None) or {}).get("queryStats", {})
    want_body.pop("extensions", None)
    assert got_body == want_body, query
    return got_body, stats


def test_generated_queries_answer_as_the_resolvers(pair, expected: Expected, api: Api, backend) -> None:
    generated = _strategies(pools(expected, api), COMPILED)
    compiled: Counter = Counter()
    sent: Counter = Counter()

    def compare(fields: tuple[str, ...], examples: int) -> None:
        @fuzzing(examples)
        @given(document=generated[fields])
        def each(document: graphql.DocumentNode) -> None:
            query, _ = instrument(document)
            note(query)
            answers = []
            for fast, reference in pair.values():
                body, stats = _same(fast, reference, query)
                answers.append(body)
                sent[fields] += 1
                compiled[fields] += stats.get("compiledReads", 0) > 0
            # Sent again, a document is answered by what was kept of it: still each role's own.
            for (fast, _), body in zip(pair.values(), answers, strict=True):
                again = fast.post(query).json()
                again.pop("extensions", None)
                assert again == body, query

        each()

    for fields, examples in COMPILED.items():
        compare(fields, examples // 4 if backend.name == "neo4j" else examples)
    print({fields[0]: f"{compiled[fields]}/{sent[fields]} compiled" for fields in COMPILED})
    # The comparison is not vacuous: most answers came compiled (refused arguments do not).
    assert sum(compiled.values()) >= sum(sent.values()) // 2, (compiled, sent)
    for fields in COMPILED:
        assert compiled[fields] >= sent[fields] // 10, (fields, compiled[fields], sent[fields])


@pytest.mark.parametrize("rol", list(ROLES))
def test_the_benchmark_queries_answer_as_the_resolvers(pair, rol: str) -> None:
    fast, reference = pair[rol]
    cursor = None
    while True:  # Amsterdam's whole landscape, page by page
        body, stats = _same(fast, reference, LANDSCHAP, {"c": "GM0363", "na": cursor})
        # The first page inside the gemeente's statement; a later one (a cursor) beside it.
        assert stats["compiledReads"] == stats["storeCalls"] == (1 if cursor is None else 2)
        data = body["data"]["gemeente"]["gebruik"]
        if not data["pageInfo"]["hasNextPage"]:
            break
        cursor = data["pageInfo"]["endCursor"]
    zaakregistratie = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"
    assert _same(fast, reference, COMPONENT, {"i": zaakregistratie})[1]["compiledReads"] == 1
    assert _same(fast, reference, PAGINA)[1]["compiledReads"] == 2  # the page and its count, side by side


LOOKUP = "query($i: String!) { applicatie(identificatie: $i) { naam leverancier { naam } } }"
VERTROUWELIJK = """query($c: String!) { gemeente(cbsCode: $c) {
  gebruik(first: 50) { nodes { identificatie contractEinde applicatie { naam } } } } }"""


def test_a_document_sent_again_answers_for_its_own_variables_and_asker(
    pair, client: TestClient, resolved: TestClient, token, expected: Expected, caplog
) -> None:
    """What is kept of a document (graph_api/graphql/compiled/cache.py) is keyed by the asker's
    visibility flags, not by its variables: sent again with others, the answer is still its own."""
    fast, reference = pair["functioneel-beheerder"]
    apps = sorted(expected.apps)[:3]
    with caplog.at_level("DEBUG", logger="graph_api.graphql.compiled"):
        for app in [*apps, *apps]:
            body, _ = _same(fast, reference, LOOKUP, {"i": app})
            assert body["data"]["applicatie"]["naam"] == expected.apps[app]["naam"]
    kept = [r for r in caplog.records if r.getMessage().startswith("answered by kept compiled reads")]
    assert len(kept) == 2 * len(apps) - 1  # all but the first, each application never seen before

    # A gemeente's contract dates are for its own people and VNG's functioneel beheer. Raadplegers
    # of Amsterdam and of Groningen see the same Gebruik (the same visibility flags, so the same
    # kept reads), but only Amsterdam's sees Amsterdam's dates, whoever asked first; functioneel
    # beheer reads them without the check, and asking first it leaves none out for the others.
    beheer = (VNG, "FUNCTIONEEL_BEHEERDER")
    amsterdam, groningen = ("GM0363", "GEBRUIK_RAADPLEGER"), ("GM0014", "GEBRUIK_RAADPLEGER")
    askers = {
        who: (Api(client, token(*who)), Api(resolved, token(*who))) for who in (beheer, amsterdam, groningen)
    }
    rows = {g["id"]: g for g in expected.gebruik_of["GM0363"]}
    for who in [beheer, groningen, amsterdam, groningen, beheer]:
        body, _ = _same(*askers[who], VERTROUWELIJK, {"c": "GM0363"})
        nodes = body["data"]["gemeente"]["gebruik"]["nodes"]
        assert len(nodes) == 50
        seen = {n["identificatie"]: n["contractEinde"] for n in nodes}
        sees = who != groningen
        assert seen == {i: rows[i].get("contractEinde") if sees else None for i in seen}, who
        assert any(seen.values()) == sees


def test_the_landscape_page_comes_from_the_seed(api: Api, expected: Expected) -> None:
    """Independently of either path: Amsterdam's first page, against the generator's rows."""
    rows = list(expected.gebruik_of["GM0363"])
    apps = expected.apps
    rows.sort(key=lambda g: (apps[g["applicatie"]]["naam"].lower(), g["id"]))
    page = api.query(LANDSCHAP, {"c": "GM0363", "na": None})["gemeente"]["gebruik"]
    assert page["totalCount"] == len(rows)
    assert [n["applicatie"]["naam"] for n in page["nodes"]] == [
        apps[g["applicatie"]]["naam"] for g in rows[:500]
    ]
    assert page["pageInfo"]["hasNextPage"] == (len(rows) > 500)


def test_a_refused_page_size_is_refused_as_before(api: Api) -> None:
    error = api.error('{ gemeente(cbsCode: "GM0363") { gebruik(first: 501) { totalCount } } }')
    assert error["extensions"]["code"] == "PAGE_SIZE_TOO_LARGE"
    assert error["path"] == ["gemeente", "gebruik"]


def test_compiled_reads_can_be_switched_off(pair) -> None:
    fast, reference = pair["functioneel-beheerder"]
    query = '{ applicatie(identificatie: "app-00001") { naam leverancier { naam } } }'
    assert fast.stats(query)["compiledReads"] == 1
    assert reference.stats(query)["compiledReads"] == 0


@pytest.fixture(scope="module")
def fenced(backend) -> Iterator[TestClient]:
    """tests/unit/test_compiled_fence.py's schema, served like the real one, with an extension
    that does not say it may be skipped."""
    schema = fence_schema(extensions=[QueryLimits, QueryStats, Geteld])
    with TestClient(create_app(backend.settings, engine=backend.engine, schema=schema)) as client:
        yield client


def test_a_field_that_carries_more_than_its_property_is_answered_by_its_resolver(
    fenced: TestClient, api: Api, caplog
) -> None:
    asker = Api(fenced, api.token)
    query = "query($i: String!) {{ applicatie(identificatie: $i) {{ naam {} }} }}"
    app = "app-00001"
    real = api.query(query.format("type licentietype"), {"i": app})["applicatie"]
    assert asker.stats(query.format(""), {"i": app})["compiledReads"] == 1
    with caplog.at_level("DEBUG", logger="graph_api.graphql.compiled"):
        for field, answer in {
            "status": None,  # its permission refused it
            "type": f"[{real['type']}]",  # its extension bracketed it
            "licentietype": real["licentietype"],
            "herkomst": "de resolver",  # not a property: the object's own value
        }.items():
            body = asker.post(query.format(field), {"i": app}).json()
            assert body["data"]["applicatie"] == {"naam": real["naam"], field: answer}
            assert body["extensions"]["queryStats"]["compiledReads"] == 0, field
    reasons = [r.getMessage() for r in caplog.records if "resolving it field by field" in r.getMessage()]
    assert len(reasons) == 4 and all(reason.startswith("applicatie: ") for reason in reasons), reasons


def test_a_kept_request_runs_the_extensions_that_do_not_say_they_may_be_skipped(
    fenced: TestClient, api: Api, caplog
) -> None:
    asker = Api(fenced, api.token)
    query = '{ applicatie(identificatie: "app-00002") { naam } }'
    runs = Geteld.runs
    with caplog.at_level("DEBUG", logger="graph_api.graphql.compiled"):
        for _ in range(3):
            assert asker.stats(query)["compiledReads"] == 1
    assert Geteld.runs == runs + 3
    assert not [r for r in caplog.records if r.getMessage().startswith("answered by kept compiled reads")]


FILTERED_COUNT = """query($c: String!, $r: ID!, $s: GebruikStatus!) { gemeente(cbsCode: $c) {
  alle: gebruik(filter: {referentiecomponent: $r}) { totalCount }
  status: gebruik(filter: {referentiecomponent: $r, status: $s}) { totalCount } } }"""


@pytest.mark.parametrize("rol", list(ROLES))
def test_a_count_filtered_by_component_is_compiled_on_every_engine(
    pair, rol: str, expected: Expected
) -> None:
    """A count whose filter is a pattern (the Gebruik realising a component) is read in the
    gemeente's statement, where FalkorDB refuses that pattern inside a comprehension."""
    fast, reference = pair[rol]
    zaakregistratie = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"
    variables = {"c": "GM0363", "r": zaakregistratie, "s": "IN_PRODUCTIE"}
    body, stats = _same(fast, reference, FILTERED_COUNT, variables)
    assert stats["compiledReads"] == 1
    matrix = Matrix(expected)
    voor = [
        g
        for g in expected.gebruik_of["GM0363"]
        if zaakregistratie in expected.voor[g["id"]] and matrix.ziet_gebruik(rol, g)
    ]
    gemeente = body["data"]["gemeente"]
    assert gemeente["alle"]["totalCount"] == len(voor)
    assert voor or rol in ("bezoeker", "aanbod-beheerder")
    assert gemeente["status"]["totalCount"] == sum(g["status"] == "IN_PRODUCTIE" for g in voor)


PAGED = """query($c: String!, $na: String) { gemeente(cbsCode: $c) { gebruik(first: 7, after: $na) {
  pageInfo { hasNextPage endCursor } nodes { identificatie contractEinde applicatie { naam } } } } }"""


def test_a_read_compiled_for_one_object_answers_for_others_and_for_other_askers(
    client: TestClient, resolved: TestClient, token, expected: Expected, caplog
) -> None:
    """A compiled read is kept without its variables' values (graph_api/graphql/compiled/cache.py):
    another gemeente, another page, a cursor never seen, each is answered for its own variables,
    and for its own asker: contract dates only where the asker may see the landscape."""
    beheer = (VNG, "FUNCTIONEEL_BEHEERDER")
    amsterdam, groningen = ("GM0363", "GEBRUIK_RAADPLEGER"), ("GM0014", "GEBRUIK_RAADPLEGER")
    askers = {
        who: (Api(client, token(*who)), Api(resolved, token(*who))) for who in (beheer, amsterdam, groningen)
    }
    apps = expected.apps
    with caplog.at_level("DEBUG", logger="graph_api.graphql.compiled"):
        for gemeente in ("GM0363", "GM0014", "GM0363"):
            rows = sorted(
                expected.gebruik_of[gemeente], key=lambda g: (apps[g["applicatie"]]["naam"].lower(), g["id"])
            )
            for who in (amsterdam, groningen, beheer):
                cursor, seen = None, 0
                for _ in range(3):  # the first page, then two after a cursor
                    body, stats = _same(*askers[who], PAGED, {"c": gemeente, "na": cursor})
                    assert stats["compiledReads"] >= 1
                    page = body["data"]["gemeente"]["gebruik"]
                    want = rows[seen : seen + 7]
                    sees = who == beheer or who[0] == gemeente
                    assert page["nodes"] == [
                        {
                            "identificatie": g["id"],
                            "contractEinde": g.get("contractEinde") if sees else None,
                            "applicatie": {"naam": apps[g["applicatie"]]["naam"]},
                        }
                        for g in want
                    ], (gemeente, who, seen)
                    seen += len(want)
                    assert page["pageInfo"]["hasNextPage"] == (seen < len(rows))
                    cursor = page["pageInfo"]["endCursor"]
    kept = [r for r in caplog.records if r.getMessage().startswith("answered by kept compiled reads")]
    assert len(kept) >= 20  # of 27: all but the first of each asker's visibility flags and page shape


def test_documents_with_their_arguments_written_in_answer_each_for_their_own(
    pair, expected: Expected
) -> None:
    fast, reference = pair["gebruik-raadpleger"]
    for app in [*sorted(expected.apps)[5:9], *sorted(expected.apps)[5:9]]:
        query = f'{{ applicatie(identificatie: "{app}") {{ identificatie naam }} }}'
        body, stats = _same(fast, reference, query)
        assert stats["compiledReads"] == 1
        assert body["data"]["applicatie"] == {"identificatie": app, "naam": expected.apps[app]["naam"]}


def test_a_kept_document_with_other_variables_passes_the_limits_again(pair) -> None:
    """Sent again with variables it was not kept for, a request is coerced and measured again:
    refused where the first one would have been."""
    fast, reference = pair["functioneel-beheerder"]
    for _ in range(2):
        _same(fast, reference, LOOKUP, {"i": "app-00001"})
    for variables, code in (
        ({"i": 5}, None),  # graphql-core's own refusal
        ({"i": None}, None),
        ({}, None),
        ({"i": "app-" + "0" * 300}, "INVALID_INPUT"),
    ):
        body, stats = _same(fast, reference, LOOKUP, variables)
        assert body["errors"] and stats.get("compiledReads", 0) == 0, variables
        if code is not None:
            assert body["errors"][0]["extensions"]["code"] == code


SWITCHED = """query($i: String!, $l: Boolean!) { applicatie(identificatie: $i) {
  naam leverancier @include(if: $l) { naam } } }"""


def test_a_kept_read_is_not_bound_to_variables_that_switch_its_selection(pair, expected: Expected) -> None:
    """@include/@skip change what the statement selects: variables that switch them otherwise are
    compiled for (CompiledRead.switches), never answered by the read kept for the others."""
    fast, reference = pair["functioneel-beheerder"]
    for index, app in enumerate(sorted(expected.apps)[10:16]):
        leverancier = index % 3 == 0
        body, stats = _same(fast, reference, SWITCHED, {"i": app, "l": leverancier})
        assert stats["compiledReads"] == 1
        assert body["data"]["applicatie"]["naam"] == expected.apps[app]["naam"]
        assert ("leverancier" in body["data"]["applicatie"]) == leverancier
