"""The API over HTTP, in-process, on the session's seeded engine."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app

GRAPHQL_RESPONSE = "application/graphql-response+json"


class Api:
    def __init__(self, client: TestClient):
        self.client = client

    def post(self, query: str, variables: dict | None = None, *, accept: str = GRAPHQL_RESPONSE):
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        return self.client.post("/graphql", json=body, headers={"accept": accept})

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
def api(settings, engine, seeded) -> Iterator[Api]:
    with TestClient(create_app(settings, engine=engine)) as client:
        yield Api(client)
