"""The HTTP hardening: security headers, CORS, body size, request timeout, GraphiQL off, masking.

In-process through starlette's TestClient, and (for bodies without Content-Length) through a
real uvicorn server, on the session's seeded engine; anonymous requests unless a token is the point.
"""

from __future__ import annotations

import re
import socket
import time
import warnings
from collections.abc import Iterator
from dataclasses import replace

import pytest
from graphql import GraphQLError

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app
from graph_api.auth.dev import dev_subject, key_path, mint_token, signing_key
from graph_api.graphql.endpoint import format_error
from graph_api.settings import ConfigurationError, HardeningSettings, Neo4jSettings, Settings
from tests.uvicorn_server import serving

GRAPHQL_RESPONSE = "application/graphql-response+json"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ORIGIN = "https://architectuur.example.nl"
VNG = "vng-realisatie"
SLOW = "{ applicaties(first: 500, orderBy: {field: GEBRUIK}) { nodes { naam gebruik { totalCount } } } }"


@pytest.fixture(scope="module")
def app_with(settings: Settings, engine, seeded):
    """Clients of apps on the session's engine with other hardening settings, closed at the end."""
    clients: list[TestClient] = []

    def make(*, compiled_reads: bool = True, **hardening) -> TestClient:
        own = replace(settings, compiled_reads=compiled_reads, hardening=HardeningSettings(**hardening))
        app = create_app(own, engine=engine)
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture(scope="module")
def default(app_with) -> TestClient:
    return app_with()


def post(client: TestClient, query: str, accept: str = GRAPHQL_RESPONSE, **kwargs):
    return client.post("/graphql", json={"query": query}, headers={"accept": accept, **kwargs})


# --- security headers ---


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("GET", "/graphql", {"accept": BROWSER}),  # GraphiQL
        ("GET", "/graphql/assets/graphiql.min.js", {}),
        ("GET", "/graphql/assets/init.js", {}),
        ("GET", "/verkenner", {}),
        ("GET", "/verkenner/static/verkenner.js", {}),
        ("GET", "/verkenner/assets/cytoscape.min.js", {}),
        ("POST", "/graphql", {"accept": GRAPHQL_RESPONSE}),  # a query
        ("POST", "/graphql", {"accept": "text/plain"}),  # 406
        ("GET", "/graphql?query={nope}", {}),  # a request error
        ("GET", "/health", {}),
        ("GET", "/nowhere", {}),  # 404
        ("DELETE", "/graphql", {}),  # 405
    ],
)
def test_every_response_carries_the_security_headers(default: TestClient, method, path, headers) -> None:
    response = default.request(method, path, headers=headers, json={"query": "{ __typename }"})
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    policy = dict(
        [*directive.split(" ", 1), ""][:2]
        for directive in response.headers["content-security-policy"].split("; ")
    )
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == policy["connect-src"] == "'self'"
    assert "unsafe" not in response.headers["content-security-policy"]


def test_graphiql_loads_only_what_the_policy_allows(default: TestClient) -> None:
    page = default.get("/graphql", headers={"accept": BROWSER})
    assert page.headers["content-type"].startswith("text/html")
    assert "<script>" not in page.text and "style=" not in page.text and "<style" not in page.text
    init = default.get("/graphql/assets/init.js").text
    assert "eval(" not in init and "Function(" not in init


def test_the_verkenner_loads_only_what_the_policy_allows(default: TestClient) -> None:
    page = default.get("/verkenner")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script>" not in page.text and "style=" not in page.text and "<style" not in page.text
    sources = [s for s in re.findall(r'(?:src|href)="([^"]+)"', page.text) if not s.startswith("#")]
    assert len(sources) == 8  # its stylesheet, six npm scripts, its own script
    for source in sources:
        assert source.startswith(("/verkenner/static/", "/verkenner/assets/")), source
        assert default.get(source).status_code == 200, source
    script = default.get("/verkenner/static/verkenner.js").text
    assert "eval(" not in script and "Function(" not in script and "innerHTML" not in script


# --- CORS ---


def test_no_cors_headers_without_configured_origins(default: TestClient) -> None:
    response = post(default, "{ __typename }", origin=ORIGIN)
    assert response.status_code == 200
    assert not [name for name in response.headers if name.startswith("access-control-")]
    preflight = default.options(
        "/graphql", headers={"origin": ORIGIN, "access-control-request-method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_configured_origins_may_call_with_a_bearer_token(app_with) -> None:
    client = app_with(cors_origins=(ORIGIN,))
    preflight = client.options(
        "/graphql",
        headers={
            "origin": ORIGIN,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert {"authorization", "content-type"} <= {
        h.strip().lower() for h in preflight.headers["access-control-allow-headers"].split(",")
    }
    assert {"GET", "POST"} <= {
        m.strip() for m in preflight.headers["access-control-allow-methods"].split(",")
    }
    assert "access-control-allow-credentials" not in preflight.headers
    assert preflight.headers["content-security-policy"]  # the headers reach preflights too
    response = post(client, "{ __typename }", origin=ORIGIN)
    assert response.headers["access-control-allow-origin"] == ORIGIN


def test_a_refused_token_tells_the_calling_page_why(app_with) -> None:
    client = app_with(cors_origins=(ORIGIN,))
    response = client.post(
        "/graphql",
        json={"query": "{ __typename }"},
        headers={"origin": ORIGIN, "authorization": "Bearer nonsense"},
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    exposed = {h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")}
    assert "www-authenticate" in exposed


def test_other_origins_get_no_cors_answer(app_with) -> None:
    client = app_with(cors_origins=(ORIGIN,))
    preflight = client.options(
        "/graphql", headers={"origin": "https://elders.example.com", "access-control-request-method": "POST"}
    )
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers
    response = post(client, "{ __typename }", origin="https://elders.example.com")
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize(
    "origins", ["*", "https://a.example.nl,*", "a.example.nl", "https://a.example.nl/pad"]
)
def test_wildcard_and_malformed_origins_are_refused(origins: str) -> None:
    with pytest.raises(ConfigurationError, match="GRAPH_API_CORS_ORIGINS"):
        Settings.from_env({"GRAPH_API_CORS_ORIGINS": origins})


# --- settings ---


def test_hardening_settings_from_the_environment() -> None:
    hardening = Settings.from_env(
        {
            "GRAPH_API_MAX_DEPTH": "7",
            "GRAPH_API_MAX_ALIASES": "5",
            "GRAPH_API_MAX_TOKENS": "500",
            "GRAPH_API_MAX_FIELDS": "800",
            "GRAPH_API_MAX_COST": "20000",
            "GRAPH_API_COST_LIST_SIZE": "8",
            "GRAPH_API_REQUEST_ENGINE_MS": "4000",
            "GRAPH_API_INTROSPECTION": "false",
            "GRAPH_API_GRAPHIQL": "off",
            "GRAPH_API_VERKENNER": "off",
            "GRAPH_API_REQUEST_TIMEOUT_S": "2.5",
            "GRAPH_API_MAX_BODY_BYTES": "65536",
            "GRAPH_API_CORS_ORIGINS": f"{ORIGIN}, http://localhost:5173,{ORIGIN}",
            "GRAPH_API_RATE_LIMIT": "false",
            "GRAPH_API_RATE_PER_S": "300",
            "GRAPH_API_RATE_BURST": "30000",
        }
    ).hardening
    assert hardening == HardeningSettings(
        max_depth=7,
        max_aliases=5,
        max_tokens=500,
        max_fields=800,
        max_cost=20_000,
        list_size=8,
        request_engine_ms=4_000,
        introspection=False,
        graphiql=False,
        verkenner=False,
        request_timeout_s=2.5,
        max_body_bytes=65_536,
        cors_origins=(ORIGIN, "http://localhost:5173"),
        rate_limit=False,
        rate_per_s=300,
        rate_burst=30_000,
    )
    # The rate limits are on for the served API, off where settings are made in code (tests).
    assert Settings.from_env({}).hardening == HardeningSettings(rate_limit=True)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("GRAPH_API_MAX_DEPTH", "0"),
        ("GRAPH_API_MAX_COST", "veel"),
        ("GRAPH_API_MAX_FIELDS", "0"),
        ("GRAPH_API_REQUEST_ENGINE_MS", "-5"),
        ("GRAPH_API_MAX_BODY_BYTES", "-1"),
        ("GRAPH_API_INTROSPECTION", "misschien"),
        ("GRAPH_API_REQUEST_TIMEOUT_S", "0"),
        ("GRAPH_API_REQUEST_TIMEOUT_S", "lang"),
    ],
)
def test_invalid_hardening_settings_are_refused(variable: str, value: str) -> None:
    with pytest.raises(ConfigurationError, match=variable):
        Settings.from_env({variable: value})


# --- GraphiQL off ---


def test_graphiql_can_be_switched_off(app_with) -> None:
    client = app_with(graphiql=False)
    response = client.get("/graphql", headers={"accept": BROWSER})
    assert response.headers["content-type"].startswith("application/json")
    assert "<html" not in response.text
    for asset in ("graphiql.min.js", "graphiql.min.css", "init.js", "graphiql.css"):
        assert client.get(f"/graphql/assets/{asset}").status_code == 404
    assert post(client, "{ __typename }").json()["data"] == {"__typename": "Query"}


def test_with_an_issuer_the_pages_may_reach_that_issuer_and_nothing_else(settings: Settings, engine, seeded) -> None:
    identity = replace(settings.identity, issuer="https://login.example.nl/realms/gemma")
    with TestClient(create_app(replace(settings, identity=identity), engine=engine)) as client:
        response = client.get("/verkenner")
    policy = response.headers["content-security-policy"]
    assert "connect-src 'self' https://login.example.nl;" in policy
    assert 'data-issuer="https://login.example.nl/realms/gemma"' in response.text
    assert 'data-client-id="graph-api-verkenner"' in response.text


def test_the_verkenner_can_be_switched_off(app_with) -> None:
    client = app_with(verkenner=False)
    for path in ("/verkenner", "/verkenner/static/verkenner.js", "/verkenner/assets/cytoscape.min.js"):
        assert client.get(path).status_code == 404, path
    assert client.get("/graphql", headers={"accept": BROWSER}).status_code == 200  # GraphiQL stays


# --- batching ---


def test_batches_are_refused_before_anything_runs(default: TestClient) -> None:
    response = default.post(
        "/graphql",
        json=[{"query": "{ gemeenten { totalCount } }"}] * 2,
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 400
    body = response.json()
    assert body == {
        "errors": [
            {"message": "send one operation per request", "extensions": {"code": "BATCHING_NOT_SUPPORTED"}}
        ]
    }


# --- body size ---


def _body_of(size: int) -> bytes:
    body = b'{"query": "{ __typename }"}'
    return body[:-1] + b" " * (size - len(body)) + b"}"


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, "application/json"])
def test_a_body_over_the_limit_is_413(app_with, accept: str) -> None:
    client = app_with(max_body_bytes=300)
    headers = {"content-type": "application/json", "accept": accept}
    assert client.post("/graphql", content=_body_of(300), headers=headers).status_code == 200
    response = client.post("/graphql", content=_body_of(301), headers=headers)
    assert response.status_code == 413
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert "301 bytes" in error["message"] and "at most 300" in error["message"]


def test_a_body_without_content_length_is_limited_too(app_with) -> None:
    client = app_with(max_body_bytes=300)
    headers = {"content-type": "application/json"}
    response = client.post(
        "/graphql", content=iter([_body_of(301)[:150], _body_of(301)[150:]]), headers=headers
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


@pytest.fixture(scope="module")
def live(settings: Settings, engine, seeded) -> Iterator[int]:
    """A real uvicorn server with a 1 KiB body limit and a 1 s time limit, on a free port."""
    hardening = HardeningSettings(max_body_bytes=1024, request_timeout_s=1.0)
    with serving(create_app(replace(settings, hardening=hardening), engine=engine)) as port:
        yield port


def _chunked(port: int, chunks: list[bytes]) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Accept: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        )
        try:
            for chunk in chunks:
                connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            connection.sendall(b"0\r\n\r\n")
        except OSError:  # the server may answer and close before it has read everything
            pass
        answer = b""
        try:
            while data := connection.recv(65536):
                answer += data
        except ConnectionResetError:  # closed with part of the body unread: the answer came first
            pass
    return answer


def test_a_chunked_body_is_refused_once_it_outgrows_the_limit(live: int) -> None:
    small = _chunked(live, [b'{"query": ', b'"{ __typename }"}'])
    assert small.startswith(b"HTTP/1.1 200") and b'"__typename":"Query"' in small
    large = _chunked(live, [b'{"query": "{ __typename }", "x": "', *[b"x" * 512] * 4, b'"}'])
    assert large.startswith(b"HTTP/1.1 413"), large[:200]
    assert b"REQUEST_TOO_LARGE" in large and b"more than 1024 bytes" in large


def test_a_body_trickling_in_is_cut_off_at_the_time_limit(live: int) -> None:
    body = b'{"query": "{ __typename }"}'
    with socket.create_connection(("127.0.0.1", live), timeout=30) as connection:
        connection.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Accept: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body)
        )
        connection.sendall(body[:5])  # and nothing more: a slow client, or one that means harm
        answer = b""
        while data := connection.recv(65536):
            answer += data
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"BODY_TOO_SLOW" in answer and b"within 1 s" in answer


# --- request timeout ---


def test_a_request_over_its_time_limit_is_stopped(app_with) -> None:
    # Resolved field by field: compiled into one projection, SLOW fitted 0.05 s on a fast machine.
    client = app_with(request_timeout_s=0.05, compiled_reads=False)
    response = post(client, SLOW)
    assert response.status_code == 504
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"
    assert "0.05 s" in body["errors"][0]["message"]
    as_json = post(client, SLOW, accept="application/json")
    assert as_json.status_code == 200
    assert as_json.json()["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"
    # The engine finishes what was cut off (under each query's own time limit) and then serves
    # the next requests, none of them handed a late answer meant for a cut-off call. A simple
    # lookup fits 0.05 s, but not during a slow spell of a shared machine: it gets half a minute.
    deadline = time.monotonic() + 30
    while post(client, '{ gemeente(cbsCode: "GM0363") { naam } }').status_code == 504:
        assert time.monotonic() < deadline, "the store did not recover from the cut-off calls"
        time.sleep(0.2)
    for cbs, naam in [("GM0014", "Groningen"), ("GM0363", "Amsterdam"), ("GM0014", "Groningen")]:
        answer = post(client, f'{{ gemeente(cbsCode: "{cbs}") {{ naam }} }}')
        assert answer.json()["data"] == {"gemeente": {"naam": naam}}


def test_the_default_time_limit_lets_slow_queries_finish(default: TestClient) -> None:
    response = post(default, SLOW)
    assert response.status_code == 200 and "errors" not in response.json()


# --- masking ---


def test_engine_failures_reach_the_client_as_a_code_without_details(settings: Settings) -> None:
    unreachable = replace(
        settings, neo4j=Neo4jSettings(uri="bolt://127.0.0.1:9", password="geheim-wachtwoord")
    )
    with TestClient(create_app(unreachable)) as client:
        response = post(client, '{ gemeente(cbsCode: "GM0363") { naam } }')
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "ENGINE_UNAVAILABLE"
    assert body["errors"][0]["message"] == "the graph engine does not answer; try again shortly"
    # The engine away while the request ran: the whole request is to be retried shortly.
    assert response.status_code == 503 and response.headers["retry-after"] == "2"
    for secret in ("127.0.0.1", "bolt", "geheim", "Neo4j", "Traceback"):
        assert secret not in response.text


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, "application/json"])
def test_an_engine_failure_while_identifying_the_asker_is_503(settings: Settings, accept: str) -> None:
    unreachable = replace(settings, neo4j=Neo4jSettings(uri="bolt://127.0.0.1:9", password="geheim"))
    token = mint_token(
        signing_key(key_path(settings)),
        subject=dev_subject(VNG, "FUNCTIONEEL_BEHEERDER"),
        audience="graph-api",
    )
    with TestClient(create_app(unreachable)) as client:
        response = post(client, "{ __typename }", accept=accept, authorization=f"Bearer {token}")
    assert response.status_code == 503 and response.headers["retry-after"] == "2"
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "ENGINE_UNAVAILABLE"
    assert error["message"] == "the graph engine does not answer; try again shortly"
    assert "data" not in response.json()
    for secret in ("127.0.0.1", "bolt", "geheim", "Traceback"):
        assert secret not in response.text


def test_unexpected_exceptions_are_masked() -> None:
    """No public request raises an unexpected exception on purpose, so the masking is tested directly."""
    error = GraphQLError("boom", path=["gemeente"], original_error=KeyError("geheim: /data/falkordb.sock"))
    assert format_error(error) == {
        "message": "internal server error",
        "locations": None,
        "path": ["gemeente"],
        "extensions": {"code": "INTERNAL_SERVER_ERROR"},
    }
