"""Malformed input of every kind answers a clear 4xx with a code, never a masked 500.

Each case here once answered `INTERNAL_SERVER_ERROR` (an outside probe found them): the body
nested a thousand levels deep, lone UTF-16 surrogates, a cursor holding a number JSON cannot
hold, a global id naming an interface. tests/graphql/test_fuzz.py sends generated variants.
"""

from __future__ import annotations

import base64
import json

import pytest

from tests.expected import global_id
from tests.graphql.conftest import GRAPHQL_RESPONSE, Api

JSON = "application/json"


def post_raw(api: Api, body: str, accept: str = GRAPHQL_RESPONSE):
    return api.client.post("/graphql", content=body.encode(), headers={"content-type": JSON, "accept": accept})


def code_of(response) -> str:
    return response.json()["errors"][0]["extensions"]["code"]


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
@pytest.mark.parametrize("levels", [40, 1_000, 100_000])
def test_json_nested_deeply_is_a_bad_request(bezoeker: Api, accept: str, levels: int) -> None:
    nested = "[" * levels + "]" * levels
    response = post_raw(bezoeker, f'{{"query": "{{ __typename }}", "variables": {{"v": {nested}}}}}', accept)
    assert response.status_code == 400
    assert code_of(response) == "BAD_REQUEST"
    assert "nests" in response.json()["errors"][0]["message"]


def test_json_nested_within_reason_is_fine(bezoeker: Api) -> None:
    nested = "[" * 30 + "]" * 30
    response = post_raw(bezoeker, f'{{"query": "{{ __typename }}", "variables": {{"v": {nested}}}}}')
    assert response.status_code == 200 and response.json()["data"] == {"__typename": "Query"}


SURROGATES = {
    "query": '{"query": "{ gemeente(cbsCode: \\"\\ud800\\") { naam } }"}',
    "operationName": '{"query": "query A { __typename }", "operationName": "A\\ud800"}',
    "variables": '{"query": "query($c: String!) { gemeente(cbsCode: $c) { naam } }", "variables": {"c": "\\udfff"}}',
    "a variable's name": '{"query": "{ __typename }", "variables": {"\\ud800": 1}}',
    "extensions": '{"query": "{ __typename }", "extensions": {"x": "\\ud83d"}}',
}


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
@pytest.mark.parametrize("where", list(SURROGATES))
def test_lone_surrogates_are_refused_as_text(bezoeker: Api, where: str, accept: str) -> None:
    response = post_raw(bezoeker, SURROGATES[where], accept)
    assert response.status_code == 400
    assert code_of(response) == "INVALID_TEXT"
    assert "surrogate" in response.json()["errors"][0]["message"]


def test_a_surrogate_pair_is_text(bezoeker: Api) -> None:
    body = '{"query": "query($c: String!) { gemeente(cbsCode: $c) { naam } }", "variables": {"c": "\\ud83d\\ude00"}}'
    response = post_raw(bezoeker, body)
    assert response.status_code == 200 and response.json()["data"] == {"gemeente": None}


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "raw",
    ['["NAAM:ASC",1e309,"x"]', '["NAAM:ASC",-1e309,"x"]', '["NAAM:ASC",NaN,"x"]',
     f'["NAAM:ASC",{2**64},"x"]', '["NAAM:ASC",true,"x"]', '["NAAM:ASC",[1],"x"]', '["NAAM:ASC",{},"x"]',
     "[" * 300 + "]" * 300],
)  # fmt: skip
def test_a_cursor_holding_no_sortable_key_is_no_cursor(bezoeker: Api, raw: str) -> None:
    body = bezoeker.post("query($a: String) { applicaties(first: 2, after: $a) { totalCount } }", {"a": _cursor(raw)})
    assert body.status_code == 200
    (error,) = body.json()["errors"]
    assert error["extensions"] == {"code": "INVALID_CURSOR", "argument": "after"}


@pytest.mark.parametrize("type_name", ["Node", "Organisatie", "GemmaElement", "Query", "PageInfo", "Nope", ""])
def test_a_global_id_of_no_node_type_is_an_invalid_id(bezoeker: Api, type_name: str) -> None:
    body = bezoeker.post(
        "query($i: ID!) { node(id: $i) { id } nodes(ids: [$i]) { id } }", {"i": global_id(type_name, "x")}
    ).json()
    codes = {(e["path"][0], e["extensions"]["code"], e["extensions"].get("argument")) for e in body["errors"]}
    assert codes == {("node", "INVALID_ID", "id"), ("nodes", "INVALID_ID", "ids")}


def test_a_global_id_names_the_object_type_it_was_given_for(bezoeker: Api) -> None:
    """Ids are handed out per object type (Gemeente); the interface's name (Organisatie) is none."""
    query = "query($i: ID!) { node(id: $i) { ... on Gemeente { cbsCode } } }"
    assert bezoeker.query(query, {"i": global_id("Gemeente", "GM0363")}) == {"node": {"cbsCode": "GM0363"}}
    error = bezoeker.error(query, {"i": global_id("Organisatie", "GM0363")})
    assert error["extensions"] == {"code": "INVALID_ID", "argument": "id"}


def test_nothing_here_is_a_server_error(bezoeker: Api) -> None:
    """The whole set once more, as application/json: every answer a 4xx or a 200 with errors."""
    bodies = [*SURROGATES.values(), json.dumps({"query": "{ __typename }", "variables": {"v": [[[[[]]]]]}})]
    for body in bodies:
        assert post_raw(bezoeker, body, JSON).status_code < 500
