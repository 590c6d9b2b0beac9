"""GET /metrics (graph_api/http/metrics.py): who may read it, and what it counts, read the way
Prometheus reads it (its text format, parsed by prometheus-client's own parser). In-process
through starlette's TestClient on the session's seeded engine; the client's address is chosen
per client (TestClient's `client`), as a scraper on loopback or elsewhere would have it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import replace

import pytest
from prometheus_client.parser import text_string_to_metric_families

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app
from graph_api.http.metrics import MAX_OPERATIONS, Metrics
from graph_api.settings import ConfigurationError, ObservabilitySettings, Settings

GRAPHQL_RESPONSE = "application/graphql-response+json"
TOKEN = "scrape-me-please-0123456789"
LOOPBACK = ("127.0.0.1", 40000)
ELSEWHERE = ("192.0.2.10", 40000)  # TEST-NET-1: no machine has it


@pytest.fixture(scope="module")
def app(settings: Settings, engine, seeded) -> Iterator:
    observability = ObservabilitySettings(metrics_token=TOKEN, metrics_from=("127.0.0.1", "10.1.0.0/16"))
    yield create_app(replace(settings, observability=observability), engine=engine)


@pytest.fixture(scope="module")
def local(app) -> Iterator[TestClient]:
    with TestClient(app, client=LOOPBACK) as client:
        yield client


def _client(app, address: tuple[str, int]) -> TestClient:
    return TestClient(app, client=address)


def samples(client: TestClient) -> dict[tuple[str, frozenset], float]:
    response = client.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=")
    found = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, frozenset(labels.items())), 0.0)


def post(client: TestClient, query: str, **body):
    return client.post("/graphql", json={"query": query, **body}, headers={"accept": GRAPHQL_RESPONSE})


def test_a_scraper_on_loopback_reads_without_a_token(local: TestClient) -> None:
    found = samples(local)
    assert value(found, "graph_api_workers") == 1
    assert any(name == "process_resident_memory_bytes" for name, _ in found)


def test_a_configured_network_reads_without_a_token(app) -> None:
    with _client(app, ("10.1.200.3", 5000)) as client:
        assert client.get("/metrics").status_code == 200


def test_elsewhere_without_the_token_is_refused(app) -> None:
    with _client(app, ELSEWHERE) as client:
        response = client.get("/metrics")
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "graph_api" not in response.text.replace("GRAPH_API_", "")


def test_a_client_without_an_ip_address_is_refused(app) -> None:
    with TestClient(app) as client:  # TestClient's own address is "testclient"
        assert client.get("/metrics").status_code == 403


def test_elsewhere_with_the_token_reads(app) -> None:
    with _client(app, ELSEWHERE) as client:
        response = client.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert "graph_api_graphql_request_seconds" in response.text


@pytest.mark.parametrize("authorization", [f"Bearer {TOKEN}x", "Bearer", f"Basic {TOKEN}", "Bearer nope"])
def test_a_wrong_token_is_refused_even_from_loopback(local: TestClient, authorization: str) -> None:
    response = local.get("/metrics", headers={"authorization": authorization})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_TOKEN"


def test_without_a_token_configured_a_token_is_refused(settings: Settings, engine, seeded) -> None:
    with _client(create_app(settings, engine=engine), LOOPBACK) as client:
        assert client.get("/metrics").status_code == 200
        assert client.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 401


def test_metrics_can_be_switched_off(settings: Settings, engine, seeded) -> None:
    off = replace(settings, observability=ObservabilitySettings(metrics=False))
    with _client(create_app(off, engine=engine), LOOPBACK) as client:
        assert client.get("/metrics").status_code == 404


def test_requests_are_counted_by_operation_and_outcome(local: TestClient) -> None:
    before = samples(local)
    lookup = 'query Opzoeken { applicatie(identificatie: "app-00001") { naam } }'
    for _ in range(3):
        assert post(local, lookup).status_code == 200
    assert post(local, "{ applicatie(identificatie: 1 }").status_code == 400  # does not parse
    assert post(local, "query Fout { bestaatNiet }").status_code == 400
    after = samples(local)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    count = "graph_api_graphql_request_seconds_count"
    assert grew(count, operation="Opzoeken", outcome="ok") == 3
    assert grew(count, operation="anonymous", outcome="GRAPHQL_PARSE_FAILED") == 1
    assert grew(count, operation="Fout", outcome="GRAPHQL_VALIDATION_FAILED") == 1
    assert grew("graph_api_errors_total", code="GRAPHQL_PARSE_FAILED") == 1
    assert grew("graph_api_errors_total", code="GRAPHQL_VALIDATION_FAILED") == 1
    assert (
        grew("graph_api_graphql_request_seconds_bucket", operation="Opzoeken", outcome="ok", le="+Inf") == 3
    )
    # The same document three times: parsed once at most, then kept.
    assert grew("graph_api_cache_lookups_total", cache="parsed_documents", result="hit") >= 2


def test_engine_statements_are_counted_per_engine_and_kind(local: TestClient, settings: Settings) -> None:
    query = '{ gemeente(cbsCode: "GM0363") { naam gebruik(first: 5) { nodes { id } } } }'
    post(local, query)  # anything read once a minute (label sizes) is read now
    before = samples(local)
    body = post(local, query).json()
    after = samples(local)
    calls = body["extensions"]["queryStats"]["storeCalls"]
    engine = settings.engine
    grown = value(after, "graph_api_engine_statement_seconds_count", engine=engine, kind="read") - value(
        before, "graph_api_engine_statement_seconds_count", engine=engine, kind="read"
    )
    # The request's own statements, and the token-less visibility needs none: exactly its calls.
    assert calls >= 1
    assert grown == calls
    assert value(after, "graph_api_engine_statement_seconds_sum", engine=engine, kind="read") > 0


def test_a_kept_request_is_counted_as_a_hit(local: TestClient) -> None:
    query = '{ applicatie(identificatie: "app-00002") { naam status } }'
    post(local, query)
    before = samples(local)
    post(local, query)
    after = samples(local)
    hit = ("graph_api_cache_lookups_total", frozenset({("cache", "kept_requests"), ("result", "hit")}))
    assert after.get(hit, 0) - before.get(hit, 0) == 1


def test_operation_names_are_bounded() -> None:
    metrics = Metrics()
    names = [f"Naam{i}" for i in range(MAX_OPERATIONS + 5)]
    labels = [metrics.operation_label(name) for name in names]
    assert labels[:MAX_OPERATIONS] == names[:MAX_OPERATIONS]
    assert set(labels[MAX_OPERATIONS:]) == {"other"}
    assert metrics.operation_label(names[0]) == names[0]  # a name seen before keeps its label
    assert metrics.operation_label(None) == "anonymous"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"GRAPH_API_METRICS_FROM": "everywhere"}, "GRAPH_API_METRICS_FROM"),
        ({"GRAPH_API_METRICS_TOKEN": "short"}, "at least 16"),
        ({"GRAPH_API_LOG_FORMAT": "xml"}, "text or json"),
    ],
)
def test_bad_settings_are_refused(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        Settings.from_env(env)


def test_the_defaults_allow_loopback_only() -> None:
    observability = Settings.from_env({}).observability
    assert observability.metrics and observability.metrics_token is None
    assert observability.metrics_from == ("127.0.0.0/8", "::1/128")
