"""GraphQL over HTTP: media types, status codes, request errors with codes, GraphiQL."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from graph_api import graphiql
from graph_api.errors import NpmAssetsError
from graph_api.npm import NpmPackage
from tests.graphql.conftest import GRAPHQL_RESPONSE, Api

OK_QUERY = "{ gezondheid { engine ok } }"


def test_post_json_answers_json(api: Api) -> None:
    response = api.post(OK_QUERY, accept="application/json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["data"]["gezondheid"] == {"engine": "falkordb", "ok": True}


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        ("application/json", "application/json"),
        ("*/*", "application/json"),
        (f"application/json;q=0.5, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, application/json, multipart/mixed", GRAPHQL_RESPONSE),
    ],
)
def test_the_response_matches_the_accepted_media_type(api: Api, accept: str, media: str) -> None:
    response = api.post(OK_QUERY, accept=accept)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


def test_no_accept_header_means_json(api: Api) -> None:
    response = api.client.post("/graphql", json={"query": OK_QUERY})
    assert response.headers["content-type"].startswith("application/json")


def test_an_unservable_accept_header_is_406(api: Api) -> None:
    assert api.post(OK_QUERY, accept="text/plain").status_code == 406


def test_queries_run_over_get(api: Api) -> None:
    response = api.client.get("/graphql", params={"query": OK_QUERY}, headers={"accept": GRAPHQL_RESPONSE})
    assert response.status_code == 200
    assert response.json()["data"]["gezondheid"]["ok"] is True


def test_get_takes_variables_as_json(api: Api) -> None:
    query = "query($c: String!) { gemeente(cbsCode: $c) { naam } }"
    response = api.client.get("/graphql", params={"query": query, "variables": '{"c": "GM0014"}'})
    assert response.json()["data"]["gemeente"]["naam"] == "Groningen"


def test_mutations_are_refused_over_get(api: Api) -> None:
    response = api.client.get(
        "/graphql", params={"query": "mutation { x }"}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


def test_post_needs_json(api: Api) -> None:
    response = api.client.post("/graphql", content=OK_QUERY, headers={"content-type": "application/graphql"})
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


@pytest.mark.parametrize(
    "body",
    ["{not json", "[]", '"query"', '{"query": 1}', '{"query": ""}', '{"query": "{ a }", "variables": "x"}',
     '{"query": "{ a }", "operationName": 7}', '{"query": "{ a }", "extensions": [1]}', ""],
)  # fmt: skip
def test_malformed_requests_are_400_without_data(api: Api, body: str) -> None:
    headers = {"content-type": "application/json", "accept": GRAPHQL_RESPONSE}
    response = api.client.post("/graphql", content=body, headers=headers)
    assert response.status_code == 400
    payload = response.json()
    assert "data" not in payload
    assert payload["errors"][0]["extensions"]["code"] in ("BAD_REQUEST", "BATCHING_NOT_SUPPORTED")


def test_malformed_requests_answer_400_to_json_clients_too(api: Api) -> None:
    """GraphQL over HTTP: a body that is no GraphQL-over-HTTP request is 400 whatever the client
    accepts; only errors of a well-formed request (validation, say) answer 200 to JSON clients."""
    headers = {"content-type": "application/json", "accept": "application/json"}
    for body in ("{not json", "[]", '{"query": 1}', '{"query": "{ a }", "variables": "x"}'):
        response = api.client.post("/graphql", content=body, headers=headers)
        assert response.status_code == 400, body
        assert response.headers["content-type"].startswith("application/json")
        assert response.json()["errors"][0]["extensions"]["code"] in ("BAD_REQUEST", "BATCHING_NOT_SUPPORTED")


def test_batches_are_refused(api: Api) -> None:
    response = api.client.post("/graphql", json=[{"query": OK_QUERY}, {"query": OK_QUERY}])
    assert response.json()["errors"][0]["extensions"]["code"] == "BATCHING_NOT_SUPPORTED"


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        ("{ gemeente(cbsCode: ", "GRAPHQL_PARSE_FAILED", "Syntax Error"),
        ("{ gemeenten { edges { node { naam kleur } } } }", "GRAPHQL_VALIDATION_FAILED", "kleur"),
        (
            '{ applicaties(first: "tien") { totalCount } }',
            "GRAPHQL_VALIDATION_FAILED",
            "Int cannot represent",
        ),
        ("{ gemeente { naam } }", "GRAPHQL_VALIDATION_FAILED", "cbsCode"),
    ],
)
def test_invalid_queries_are_400_with_a_code(api: Api, query: str, code: str, message: str) -> None:
    response = api.post(query)
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == code
    assert message in body["errors"][0]["message"]


def test_invalid_queries_answer_200_to_json_clients(api: Api) -> None:
    response = api.post("{ gemeenten { nope } }", accept="application/json")
    assert response.status_code == 200
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_variables_of_the_wrong_type_are_bad_user_input(api: Api) -> None:
    response = api.post("query($n: Int!) { applicaties(first: $n) { totalCount } }", {"n": "tien"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize(
    ("arguments", "code", "argument"),
    [
        ("first: 501", "PAGE_SIZE_TOO_LARGE", "first"),
        ("last: 10000", "PAGE_SIZE_TOO_LARGE", "last"),
        ("first: -1", "INVALID_PAGE_SIZE", "first"),
        ("first: 5, last: 5", "INVALID_PAGINATION", None),
        ('after: "bm90IGEgY3Vyc29y"', "INVALID_CURSOR", "after"),
        ('after: "%%%"', "INVALID_CURSOR", "after"),
        ('last: 2, before: "WzEsMiwzXQ"', "INVALID_CURSOR", "before"),
    ],
)
def test_bad_paging_is_a_field_error_with_a_code(
    api: Api, arguments: str, code: str, argument: str | None
) -> None:
    response = api.post(f"{{ applicaties({arguments}) {{ totalCount }} }}")
    assert response.status_code == 200  # a field error: the request itself was valid
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == code
    assert error["path"] == ["applicaties"]
    if argument:
        assert error["extensions"]["argument"] == argument


def test_a_cursor_of_another_ordering_is_refused(api: Api) -> None:
    cursor = api.query("{ applicaties(first: 1) { pageInfo { endCursor } } }")["applicaties"]["pageInfo"][
        "endCursor"
    ]
    error = api.error(
        "query($c: String) { applicaties(first: 1, after: $c, orderBy: {field: GEBRUIK}) { totalCount } }",
        {"c": cursor},
    )
    assert error["extensions"]["code"] == "INVALID_CURSOR"
    assert "another ordering" in error["message"]


@pytest.mark.parametrize("value", ["not-base64!", base64.b64encode(b"no colon").decode()])
def test_malformed_global_ids_are_invalid_id(api: Api, value: str) -> None:
    error = api.error("query($id: ID!) { node(id: $id) { id } }", {"id": value})
    assert error["extensions"]["code"] == "INVALID_ID"


def test_a_filter_id_of_the_wrong_kind_is_invalid_id(api: Api) -> None:
    gemeente = base64.b64encode(b"Gemeente:GM0363").decode()
    error = api.error(
        "query($l: ID) { applicaties(filter: {leverancier: $l}) { totalCount } }", {"l": gemeente}
    )
    assert error["extensions"] == {"code": "INVALID_ID", "argument": "filter.leverancier"}


def test_every_answer_reports_its_store_calls(api: Api) -> None:
    resolved = api.stats("{ gemeenten(first: 3) { nodes { naam buren { naam } } } }")
    assert resolved["storeCalls"] == 2 and resolved["compiledReads"] == 0 and resolved["storeMs"] >= 0
    # A root field the compiler covers is one compiled read, its relations included.
    compiled = api.stats('{ gemeente(cbsCode: "GM0014") { naam buren { naam } } }')
    assert compiled["storeCalls"] == compiled["compiledReads"] == 1


def test_health_names_the_engine(api: Api) -> None:
    response = api.client.get("/health")
    assert response.status_code == 200
    assert response.json()["engine"] == "falkordb" and response.json()["ok"] is True


def test_graphiql_is_served_without_any_cdn(api: Api) -> None:
    page = api.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script>" not in page.text  # no inline script: a strict CSP keeps working
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(source.startswith("/graphql/assets/") for source in sources)
    for source in sources:
        asset = api.client.get(source)
        assert asset.status_code == 200, source
        assert len(asset.content) > 40, source
    assert b"createFetcher" in api.client.get("/graphql/assets/graphiql.min.js").content


def test_graphiql_assets_are_the_published_packages() -> None:
    assert graphiql.BUNDLE.is_installed()
    for package in graphiql.BUNDLE.packages:
        for served in package.files.values():
            assert (graphiql.BUNDLE.directory() / served).stat().st_size > 1000


def test_a_tampered_package_is_refused() -> None:
    package = graphiql.BUNDLE.packages[0]
    with pytest.raises(NpmAssetsError, match="integrity"):
        package.verify(b"not the real tarball")
    digest = base64.b64encode(hashlib.sha512(b"x").digest()).decode()
    NpmPackage("x", "1", f"sha512-{digest}", {}).verify(b"x")


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_methods_answer_json_405(api: Api, method: str) -> None:
    response = api.client.request(method, "/graphql", headers={"accept": "application/json"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"
