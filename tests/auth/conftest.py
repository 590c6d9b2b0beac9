"""Identity tests run on a graph of their own (one landscape, all reference data), so the
Gebruikers they register never reach the session's seeded graph."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from graph_api.app import create_app
from graph_api.engine import EmbeddedEngine
from graph_api.settings import IdentitySettings, Settings
from graph_api.store import QueryCatalog, open_store
from tests import backends
from tests.auth.issuer import LocalIssuer
from tests.backends import Backend, graph_copy
from tests.conftest import run_cli

GRAPH = "auth_tests"
GEMEENTE = "GM0363"
IK = "{ ik { anoniem subject gebruiker naam lidmaatschappen { identificatie soort rollen organisatie { naam } } } }"


@pytest.fixture(scope="session")
async def falkordb_auth_settings(
    falkordb_own_template: Backend,
    queries: QueryCatalog,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Settings]:
    """Settings of the identity tests' graph (a copy of the own graphs' template: no Gebruiker
    yet); no issuer, a dev key file of their own."""
    own = replace(
        falkordb_own_template.settings,
        graph_name=GRAPH,
        identity=IdentitySettings(dev_key_file=tmp_path_factory.mktemp("devkey") / "dev.jwk"),
    )
    store = open_store(own, queries)
    await store.drop_all()
    await graph_copy(falkordb_own_template.settings, GRAPH)
    yield own
    await store.drop_all()
    await store.close()


@pytest.fixture(scope="session")
def neo4j_auth_settings(
    neo4j_settings: Settings, neo4j_counts, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """Neo4j Community holds one graph: the identity tests register their Gebruikers in the
    seeded one, beside the dev Gebruikers (the other tests allow for people of their own)."""
    return replace(
        neo4j_settings, identity=IdentitySettings(dev_key_file=tmp_path_factory.mktemp("devkey") / "dev.jwk")
    )


@pytest.fixture(scope="session")
def auth_settings(backend: Backend, request: pytest.FixtureRequest) -> Settings:
    return request.getfixturevalue(f"{backend.name}_auth_settings")


@pytest.fixture(scope="session")
def auth_engine(backend: Backend) -> EmbeddedEngine | None:
    return backend.engine


def cli_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment that makes `graph-api` use these settings' engine, graph and dev key."""
    return backends.cli_env(settings, **extra)


def with_issuer(settings: Settings, issuer: str, **identity: Any) -> Settings:
    return replace(settings, identity=replace(settings.identity, issuer=issuer, **identity))


class Client:
    def __init__(self, client: TestClient):
        self.client = client

    def post(self, query: str = IK, token: str | None = None, headers: dict[str, str] | None = None):
        sent = {"accept": "application/graphql-response+json", **(headers or {})}
        if token is not None:
            sent["authorization"] = f"Bearer {token}"
        return self.client.post("/graphql", json={"query": query}, headers=sent)

    def ik(self, token: str | None = None) -> dict[str, Any]:
        response = self.post(token=token)
        body = response.json()
        assert response.status_code == 200, body
        assert "errors" not in body, body
        return body["data"]["ik"]


@contextlib.contextmanager
def serve(settings: Settings, engine: EmbeddedEngine | None) -> Iterator[Client]:
    with TestClient(create_app(settings, engine=engine)) as client:
        yield Client(client)


@pytest.fixture(scope="module")
def issuer() -> Iterator[LocalIssuer]:
    issuer = LocalIssuer().start()
    yield issuer
    issuer.stop()


def cli(settings: Settings, *args: str, **env: str):
    return run_cli(*args, env=cli_env(settings, **env), timeout=120)


def cli_all(settings: Settings, *commands: tuple[str, ...]) -> list:
    """Several `graph-api` commands at once, each its own process; each must succeed."""
    with ThreadPoolExecutor(len(commands)) as pool:
        results = list(pool.map(lambda args: cli(settings, *args), commands))
    for args, result in zip(commands, results, strict=True):
        assert result.returncode == 0, (args, result.stderr)
    return results


@pytest.fixture(scope="session")
def registered(auth_settings: Settings) -> dict[str, str]:
    """Gebruikers registered through `graph-api gebruiker`: subject → what it is."""
    add = ("gebruiker", "add", "--naam")
    cli_all(
        auth_settings,
        (
            *add,
            "Petra Persoon",
            "--subject",
            "persoon-1",
            "--email",
            "petra@example.nl",
            "--organisatie",
            GEMEENTE,
            "--rol",
            "gebruik-beheerder",
            "--rol",
            "ORGANISATIE_BEHEERDER",
        ),
        (
            *add,
            "CMDB-koppeling",
            "--subject",
            "client-cmdb",
            "--email",
            "cmdb@example.nl",
            "--organisatie",
            GEMEENTE.lower(),
            "--rol",
            "GEBRUIK_BEHEERDER",
            "--machine",
        ),
        (
            *add,
            "Oud Collega",
            "--subject",
            "gedeactiveerd-1",
            "--email",
            "oud@example.nl",
            "--organisatie",
            GEMEENTE,
            "--rol",
            "gebruik-raadpleger",
        ),
    )
    cli_all(
        auth_settings,
        (
            *add,
            "Petra Persoon",
            "--subject",
            "persoon-1",
            "--email",
            "petra@example.nl",
            "--organisatie",
            "vng-realisatie",
            "--rol",
            "vng-raadpleger",
        ),
        ("gebruiker", "deactiveer", "--subject", "gedeactiveerd-1"),
    )
    return {
        "persoon-1": "a person in a gemeente and in VNG Realisatie",
        "client-cmdb": "a machine client of the gemeente",
        "gedeactiveerd-1": "a deactivated Gebruiker",
    }


def organisation_name(client: Client, identificatie: str) -> str:
    body = client.post(f'{{ organisatie(identificatie: "{identificatie}") {{ naam }} }}').json()
    return body["data"]["organisatie"]["naam"]


def key_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777
