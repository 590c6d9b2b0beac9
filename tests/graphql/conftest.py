"""The API over HTTP, in-process, on the session's seeded engine (`backend`: tests/conftest.py)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app
from tests.backends import Backend
from tests.conftest import run_cli

GRAPHQL_RESPONSE = "application/graphql-response+json"
VNG = "vng-realisatie"


class Api:
    """GraphQL over HTTP as one identity: a bearer token, or none for the anonymous bezoeker."""

    def __init__(self, client: TestClient, token: str | None = None):
        self.client = client
        self.token = token

    def post(self, query: str, variables: dict | None = None, *, accept: str = GRAPHQL_RESPONSE):
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        headers = {"accept": accept}
        if self.token is not None:
            headers["authorization"] = f"Bearer {self.token}"
        return self.client.post("/graphql", json=body, headers=headers)

    def query(self, query: str, variables: dict | None = None) -> dict[str, Any]:
        """The data of a query that must succeed."""
        response = self.post(query, variables)
        body = response.json()
        assert response.status_code == 200, body
        assert "errors" not in body, body["errors"]
        return body["data"]

    def error(self, query: str, variables: dict | None = None) -> dict[str, Any]:
        """The first error of a query that must fail."""
        body = self.post(query, variables).json()
        assert body.get("errors"), body
        return body["errors"][0]

    def stats(self, query: str, variables: dict | None = None) -> dict[str, Any]:
        body = self.post(query, variables).json()
        assert "errors" not in body, body["errors"]
        return body["extensions"]["queryStats"]


def _serve(backend: Backend) -> Iterator[TestClient]:
    with TestClient(create_app(backend.settings, engine=backend.engine)) as client:
        yield client


@pytest.fixture(scope="session")
def falkordb_client(falkordb_backend: Backend) -> Iterator[TestClient]:
    yield from _serve(falkordb_backend)


@pytest.fixture(scope="session")
def neo4j_client(neo4j_backend: Backend) -> Iterator[TestClient]:
    yield from _serve(neo4j_backend)


@pytest.fixture(scope="session")
def client(backend: Backend, request: pytest.FixtureRequest) -> TestClient:
    return request.getfixturevalue(f"{backend.name}_client")


# Tokens minted per engine (each registers its dev Gebruiker there), kept for the whole run.
_MINTED: dict[tuple[str, str, str], str] = {}


@pytest.fixture(scope="session")
def token(backend: Backend) -> Callable[[str, str], str]:
    """A development token for a role in an organisation, minted by `graph-api dev-token`."""

    def mint(organisatie: str, rol: str) -> str:
        key = (backend.name, organisatie, rol)
        if key not in _MINTED:
            result = run_cli("dev-token", "--organisatie", organisatie, "--rol", rol, env=backend.cli_env())
            assert result.returncode == 0, result.stderr
            _MINTED[key] = result.stdout.strip()
        return _MINTED[key]

    return mint


@pytest.fixture(scope="session")
def api(client: TestClient, token) -> Api:
    """A functioneel beheerder of VNG Realisatie: sees everything, as the catalogue tests need."""
    return Api(client, token(VNG, "FUNCTIONEEL_BEHEERDER"))


@pytest.fixture(scope="session")
def bezoeker(client: TestClient) -> Api:
    return Api(client)


@pytest.fixture(scope="session")
def api_as(client: TestClient, token) -> Callable[[str, str], Api]:
    return lambda organisatie, rol: Api(client, token(organisatie, rol))
