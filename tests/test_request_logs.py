"""The request id and the logs (graph_api/http/logs.py): every response names its request in
X-Request-Id (a sane incoming id kept, anything else replaced), and the access log line of that
request carries the id, the operation, the status, the duration, the client and the token's
subject, as one JSON object per line, and never the token or the request's body."""

from __future__ import annotations

import io
import json
import logging
import re
import warnings
from collections.abc import Iterator

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app
from graph_api.auth.dev import dev_subject, key_path, mint_token, signing_key
from graph_api.http import logs
from graph_api.settings import Settings

GRAPHQL_RESPONSE = "application/graphql-response+json"
VNG = "vng-realisatie"
NEW_ID = re.compile(r"[0-9a-f]{32}")
SECRET_NAME = "Zaaksysteem-geheim-7f3a"  # in a request's body only: must never reach a log line


@pytest.fixture(scope="module")
def client(settings: Settings, engine, seeded) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine=engine)) as client:
        yield client


@pytest.fixture
def lines() -> Iterator[io.StringIO]:
    """What the JSON handler of `graph-api serve` (GRAPH_API_LOG_FORMAT=json) writes meanwhile."""
    stream = io.StringIO()
    handler = logs.handler("json", stream)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def _records(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def post(client: TestClient, query: str, headers: dict[str, str] | None = None, **body):
    return client.post(
        "/graphql", json={"query": query, **body}, headers={"accept": GRAPHQL_RESPONSE, **(headers or {})}
    )


def test_every_response_carries_a_new_request_id(client: TestClient) -> None:
    first = post(client, "{ __typename }").headers["x-request-id"]
    second = client.get("/health").headers["x-request-id"]
    assert NEW_ID.fullmatch(first) and NEW_ID.fullmatch(second)
    assert first != second


@pytest.mark.parametrize(
    "incoming", ["0f8e2c1a-6b7d-4e5f-9a0b-1c2d3e4f5a6b", "req.42", "trace:abc/def+1==", "A" * 128]
)
def test_a_sane_incoming_request_id_is_kept(client: TestClient, incoming: str) -> None:
    response = post(client, "{ __typename }", {"x-request-id": incoming})
    assert response.headers["x-request-id"] == incoming


@pytest.mark.parametrize(
    "incoming", ["", "has space", "<script>alert(1)</script>", "A" * 129, "-leading", 'quote"d', "é"]
)
def test_a_malformed_incoming_request_id_is_replaced_not_echoed(client: TestClient, incoming: str) -> None:
    response = client.post(
        "/graphql",
        json={"query": "{ __typename }"},
        headers={"accept": GRAPHQL_RESPONSE, "x-request-id": incoming.encode("utf-8")},
    )
    returned = response.headers["x-request-id"]
    assert NEW_ID.fullmatch(returned)
    assert returned != incoming


def test_refusals_carry_the_request_id_too(client: TestClient) -> None:
    response = client.post("/graphql", content=b"not json", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert NEW_ID.fullmatch(response.headers["x-request-id"])
    assert client.get("/nergens").headers["x-request-id"]


def test_the_access_log_line_names_the_request(client: TestClient, settings: Settings, lines) -> None:
    token = mint_token(
        signing_key(key_path(settings)),
        subject=dev_subject(VNG, "FUNCTIONEEL_BEHEERDER"),
        audience="graph-api",
    )
    query = f'query Zoek {{ zoeken(tekst: "{SECRET_NAME}") {{ applicaties(first: 1) {{ totalCount }} }} }}'
    response = post(client, query, {"authorization": f"Bearer {token}", "x-request-id": "bench-1"})
    assert response.status_code == 200, response.text
    records = _records(lines)
    access = [r for r in records if r["logger"] == "graph_api.access"]
    assert len(access) == 1
    line = access[0]
    assert set(line) >= {"time", "level", "logger", "message", "request_id", "status", "duration_ms"}
    assert line["request_id"] == "bench-1"
    assert line["operation"] == "Zoek"
    assert line["status"] == 200
    assert line["method"] == "POST" and line["path"] == "/graphql"
    assert line["subject"] == dev_subject(VNG, "FUNCTIONEEL_BEHEERDER")
    assert line["client"] == "testclient"
    assert line["duration_ms"] >= 0
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")
    written = lines.getvalue()
    assert token not in written and token.split(".")[2] not in written
    assert SECRET_NAME not in written


def test_a_get_query_string_is_not_logged(client: TestClient, lines) -> None:
    response = client.get(
        "/graphql",
        params={
            "query": f'{{ zoeken(tekst: "{SECRET_NAME}") {{ facetten {{ hostingmodellen {{ waarde }} }} }} }}'
        },
    )
    assert response.status_code == 200
    (line,) = [r for r in _records(lines) if r["logger"] == "graph_api.access"]
    assert line["path"] == "/graphql"
    assert "operation" not in line  # an operation without a name
    # The server's lines: the test's own HTTP client (httpx) logs the address it asked for.
    server = [r for r in _records(lines) if r["logger"] != "httpx"]
    assert SECRET_NAME not in json.dumps(server)


def test_other_lines_of_a_request_carry_its_id(client: TestClient, lines) -> None:
    # A refused token is logged (graph_api/auth/identify.py) inside the request.
    response = post(
        client, "{ __typename }", {"authorization": "Bearer nope.nope.nope", "x-request-id": "r-7"}
    )
    assert response.status_code == 401
    by_logger = {r["logger"]: r for r in _records(lines)}
    assert by_logger["graph_api.auth.identify"]["request_id"] == "r-7"
    assert by_logger["graph_api.access"]["request_id"] == "r-7"
    assert "nope.nope.nope" not in lines.getvalue()


def test_text_lines_carry_the_request_id_too(client: TestClient) -> None:
    stream = io.StringIO()
    handler = logs.handler("text", stream)
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    try:
        post(client, "{ __typename }", {"x-request-id": "tekst-1"})
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    (line,) = [line for line in stream.getvalue().splitlines() if "graph_api.access" in line]
    assert "[tekst-1]" in line and "POST /graphql 200" in line
