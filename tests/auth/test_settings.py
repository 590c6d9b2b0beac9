"""The identity settings: defaults, and clear refusals of values that cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_api.settings import ConfigurationError, IdentitySettings, Settings
from tests.auth.conftest import serve
from tests.conftest import run_cli


def test_defaults_trust_dev_tokens_for_graph_api() -> None:
    identity = Settings.from_env({}).identity
    assert identity == IdentitySettings()
    assert identity.issuer is None and identity.audience == "graph-api"
    assert identity.algorithms == ("RS256", "ES256") and identity.leeway_s == 30


def test_every_identity_variable_is_read() -> None:
    identity = Settings.from_env(
        {
            "GRAPH_API_OIDC_ISSUER": "https://login.gemeente.example/realms/catalogus",
            "GRAPH_API_OIDC_AUDIENCE": "catalogus-api",
            "GRAPH_API_OIDC_ALGORITHMS": "ES256",
            "GRAPH_API_OIDC_LEEWAY_S": "0",
            "GRAPH_API_OIDC_MAX_LIFETIME_S": "900",
            "GRAPH_API_OIDC_JWKS_TTL_S": "600",
            "GRAPH_API_OIDC_TIMEOUT_S": "2",
            "GRAPH_API_DEV_KEY_FILE": "/tmp/key.jwk",
            "GRAPH_API_OIDC_CLIENT_ID": "catalogus-verkenner",
        }
    ).identity
    assert identity.issuer == "https://login.gemeente.example/realms/catalogus"
    assert identity.audience == "catalogus-api" and identity.algorithms == ("ES256",)
    assert identity.leeway_s == 0 and identity.jwks_ttl_s == 600 and identity.http_timeout_s == 2
    assert identity.max_lifetime_s == 900
    assert identity.dev_key_file == Path("/tmp/key.jwk")
    assert identity.client_id == "catalogus-verkenner"


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("GRAPH_API_OIDC_ALGORITHMS", "HS256", "HS256"),
        ("GRAPH_API_OIDC_ALGORITHMS", "RS256,none", "none"),
        ("GRAPH_API_OIDC_LEEWAY_S", "-1", "at least 0"),
        ("GRAPH_API_OIDC_LEEWAY_S", "3600", "at most 300"),
        ("GRAPH_API_OIDC_LEEWAY_S", "soon", "whole number"),
        ("GRAPH_API_OIDC_JWKS_TTL_S", "0", "positive"),
        ("GRAPH_API_OIDC_MAX_LIFETIME_S", "30", "at least 60"),
        ("GRAPH_API_OIDC_TIMEOUT_S", "600", "at most 60"),
        ("GRAPH_API_OIDC_ISSUER", "login.gemeente.example", "https"),
        ("GRAPH_API_OIDC_ISSUER", "http://login.gemeente.example", "https"),
        ("GRAPH_API_OIDC_ISSUER", "https://login.gemeente.example/?realm=x", "https"),
    ],
)
def test_unusable_values_are_named(name: str, value: str, said: str) -> None:
    with pytest.raises(ConfigurationError) as raised:
        Settings.from_env({name: value})
    assert name in str(raised.value) and said in str(raised.value)


def test_plain_http_is_allowed_for_an_issuer_on_this_machine() -> None:
    assert Settings.from_env({"GRAPH_API_OIDC_ISSUER": "http://127.0.0.1:8080"}).identity.issuer


def test_the_command_names_a_bad_identity_setting(tmp_path: Path) -> None:
    result = run_cli(
        "dev-token",
        "--organisatie",
        "GM0363",
        "--rol",
        "gebruik-raadpleger",
        env={"GRAPH_API_DATA_DIR": str(tmp_path), "GRAPH_API_OIDC_ALGORITHMS": "HS256"},
    )
    assert result.returncode == 2
    assert "CONFIGURATION" in result.stderr and "GRAPH_API_OIDC_ALGORITHMS" in result.stderr
    assert result.stdout == ""


def test_the_commands_are_listed() -> None:
    result = run_cli("--help")
    assert result.returncode == 0 and "dev-token" in result.stdout and "gebruiker" in result.stdout


def test_graphiql_has_a_headers_editor_that_keeps_no_tokens(auth_settings, engine) -> None:
    with serve(auth_settings, engine) as api:
        script = api.client.get("/graphql/assets/init.js").text
    assert "isHeadersEditorEnabled: true" in script
    assert "shouldPersistHeaders: false" in script
    assert "Bearer <token>" in script
