"""The API over HTTP, in-process, on the session's seeded engine."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app
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


@pytest.fixture(scope="session")
def client(settings, engine, seeded) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine=engine)) as client:
        yield client


@pytest.fixture(scope="session")
def token(settings, seeded) -> Callable[[str, str], str]:
    """A development token for a role in an organisation, minted by `graph-api dev-token`."""
    minted: dict[tuple[str, str], str] = {}

    def mint(organisatie: str, rol: str) -> str:
        if (organisatie, rol) not in minted:
            result = run_cli(
                "dev-token", "--organisatie", organisatie, "--rol", rol,
                env={"GRAPH_API_DATA_DIR": str(settings.data_dir)},
            )  # fmt: skip
            assert result.returncode == 0, result.stderr
            minted[(organisatie, rol)] = result.stdout.strip()
        return minted[(organisatie, rol)]

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
