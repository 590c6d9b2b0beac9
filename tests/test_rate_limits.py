"""Per-client rate limits by estimated cost (graph_api/http/ratelimit.py): a client over its limit
is answered 429 with Retry-After and the code RATE_LIMITED, whatever it accepts; clients are told
apart by their token's subject, else by their address; a request is charged what the query limits
estimate for it, and one refused before it runs is charged nothing.

The limits here are made so that time cannot blur them: a client earns 1 unit a second, and the
query costs well over a hundred, so the seconds a test takes never refill a request's worth. The
query's cost is read from the API itself (an app whose cost limit is 1 says what it would cost)."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from dataclasses import replace

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app
from graph_api.auth.dev import DEV_SUBJECT_PREFIX, key_path, mint_token, signing_key
from graph_api.errors import RateLimited
from graph_api.http.ratelimit import RateLimits
from graph_api.settings import ConfigurationError, HardeningSettings, Settings

GRAPHQL_RESPONSE = "application/graphql-response+json"
QUERY = '{ gemeente(cbsCode: "GM0363") { naam gebruik(first: 100) { nodes { id status } } } }'
CHEAP = "{ __typename }"


def post(client: TestClient, query: str, token: str | None = None, accept: str = GRAPHQL_RESPONSE):
    headers = {"accept": accept}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    return client.post("/graphql", json={"query": query}, headers=headers)


@pytest.fixture(scope="module")
def cost(settings: Settings, engine, seeded) -> int:
    """What the API estimates QUERY to cost, as an app with a cost limit of 1 tells it."""
    probe = replace(settings, hardening=HardeningSettings(max_cost=1))
    with TestClient(create_app(probe, engine=engine)) as client:
        error = post(client, QUERY).json()["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["cost"] >= 100, "the query must cost far more than a test's seconds earn"
    return error["extensions"]["cost"]


@pytest.fixture(scope="module")
def app(settings: Settings, engine, seeded, cost: int) -> Iterator:
    # A full bucket holds one and a half QUERY: the first passes, the second right after does not.
    limits = HardeningSettings(rate_limit=True, rate_per_s=1, max_cost=cost, rate_burst=cost + cost // 2)
    yield create_app(replace(settings, hardening=limits), engine=engine)


def _at(app, address: str) -> TestClient:
    return TestClient(app, client=(address, 41000))


def _token(settings: Settings, name: str) -> str:
    return mint_token(
        signing_key(key_path(settings)), subject=f"{DEV_SUBJECT_PREFIX}ratelimit:{name}", audience="graph-api"
    )


def _refused(response, cost: int) -> int:
    assert response.status_code == 429, response.text
    retry_after = int(response.headers["retry-after"])
    # Half a QUERY is left: the rest arrives at 1 unit a second (less what the test's seconds earned).
    assert 1 <= retry_after <= math.ceil(cost / 2)
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": retry_after}
    return retry_after


def test_a_client_over_its_limit_is_answered_429(app, cost: int) -> None:
    with _at(app, "192.0.2.1") as client:
        assert post(client, QUERY).status_code == 200
        _refused(post(client, QUERY), cost)
        # A client that accepts plain JSON is told 429 too: it is HTTP's concern, not the document's.
        _refused(post(client, QUERY, accept="application/json"), cost)
        # A request that costs little still fits in what is left.
        assert post(client, CHEAP).status_code == 200
    with _at(app, "192.0.2.2") as other:
        assert post(other, QUERY).status_code == 200
    with _at(app, "127.0.0.1") as local:
        assert "graph_api_rate_limited_total 2.0" in local.get("/metrics").text


def test_signed_in_clients_are_limited_per_subject(app, settings: Settings, cost: int) -> None:
    first, second = _token(settings, "een"), _token(settings, "twee")
    with _at(app, "192.0.2.3") as client:
        assert post(client, QUERY, first).status_code == 200
        _refused(post(client, QUERY, first), cost)
        # Another subject from the same address, and the address itself without a token, have
        # buckets of their own.
        assert post(client, QUERY, second).status_code == 200
        assert post(client, QUERY).status_code == 200


def test_a_request_refused_before_it_runs_costs_nothing(app, cost: int) -> None:
    too_costly = '{ a: gemeente(cbsCode: "GM0363") { gebruik(first: 100) { nodes { id } } } b: gemeente(cbsCode: "GM0014") { gebruik(first: 100) { nodes { id } } } }'
    with _at(app, "192.0.2.4") as client:
        for _ in range(3):
            error = post(client, too_costly).json()["errors"][0]
            assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
        assert post(client, "{ bestaatNiet }").status_code == 400
        assert post(client, QUERY).status_code == 200


def test_a_bucket_refills_at_its_rate() -> None:
    now = [0.0]
    limits = RateLimits(per_s=10, burst=100, clock=lambda: now[0])
    limits.take("a", 100)
    with pytest.raises(RateLimited) as refused:
        limits.take("a", 35)
    assert refused.value.retry_after_s == 4  # 35 units at 10 a second, rounded up
    now[0] = 3.0
    with pytest.raises(RateLimited) as refused:
        limits.take("a", 35)  # a refused request took nothing: 30 are there, 5 missing
    assert refused.value.retry_after_s == 1
    now[0] = 3.5
    limits.take("a", 35)
    now[0] = 1000.0
    limits.take("a", 100)  # full again, never fuller than the burst
    with pytest.raises(RateLimited):
        limits.take("a", 1)


def test_the_least_recently_seen_clients_are_forgotten_first() -> None:
    limits = RateLimits(per_s=1, burst=10, max_clients=2, clock=lambda: 0.0)
    limits.take("a", 10)
    limits.take("b", 10)
    limits.take("c", 10)  # "a" is forgotten: it comes back with a full bucket
    limits.take("a", 10)
    with pytest.raises(RateLimited):
        limits.take("c", 1)


def test_the_served_api_limits_and_code_made_settings_do_not() -> None:
    assert Settings.from_env({}).hardening.rate_limit
    assert not Settings.from_env({"GRAPH_API_RATE_LIMIT": "false"}).hardening.rate_limit
    assert not HardeningSettings().rate_limit
    tuned = Settings.from_env({"GRAPH_API_RATE_PER_S": "500", "GRAPH_API_RATE_BURST": "150000"}).hardening
    assert (tuned.rate_per_s, tuned.rate_burst) == (500, 150_000)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"GRAPH_API_RATE_BURST": "99999"}, "at least GRAPH_API_MAX_COST"),
        ({"GRAPH_API_RATE_PER_S": "0"}, "GRAPH_API_RATE_PER_S must be positive"),
        ({"GRAPH_API_RATE_BURST": "veel"}, "whole number"),
    ],
)
def test_bad_rate_settings_are_refused(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        Settings.from_env(env)
