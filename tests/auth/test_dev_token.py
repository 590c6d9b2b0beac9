"""`graph-api dev-token`: the development identity provider, from the command to the API."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from joserfc import jwt
from joserfc.jwk import ECKey

from graph_api.settings import IdentitySettings
from tests.auth.conftest import GEMEENTE, cli, key_mode, organisation_name, serve
from tests.auth.issuer import ec_key, sign, unb64

JWT = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


def claims_of(token: str) -> dict:
    return unb64(token.split(".")[1])


def test_dev_token_prints_only_a_token_for_the_role(auth_settings) -> None:
    made = cli(
        auth_settings, "dev-token", "--organisatie", GEMEENTE, "--rol", "gebruik-raadpleger", "--minuten", "5"
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.endswith("\n") and made.stdout.count("\n") == 1
    token = made.stdout.strip()
    assert JWT.fullmatch(token), made.stdout
    header, claims = unb64(token.split(".")[0]), claims_of(token)
    assert header["alg"] == "ES256" and header["kid"]
    assert claims["iss"] == "urn:graph-api:dev" and claims["aud"] == "graph-api"
    assert claims["sub"] == f"dev:{GEMEENTE}:GEBRUIK_RAADPLEGER"
    assert claims["exp"] - claims["iat"] == 5 * 60


def test_a_dev_token_is_the_gebruiker_it_was_made_for(auth_settings, engine) -> None:
    made = cli(
        auth_settings,
        "dev-token",
        "--organisatie",
        "gm0363",
        "--rol",
        "GEBRUIK_BEHEERDER",
        "--naam",
        "Dirk Dev",
    )
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    with serve(auth_settings, engine) as api:
        ik = api.ik(token)
        naam = organisation_name(api, GEMEENTE)
    assert ik["subject"] == f"dev:{GEMEENTE}:GEBRUIK_BEHEERDER" and ik["naam"] == "Dirk Dev"
    assert ik["lidmaatschappen"] == [
        {
            "identificatie": GEMEENTE,
            "soort": "Gemeente",
            "rollen": ["GEBRUIK_BEHEERDER"],
            "organisatie": {"naam": naam},
        }
    ]


def test_dev_token_is_idempotent(auth_settings, engine) -> None:
    args = ("dev-token", "--organisatie", "vng-realisatie", "--rol", "functioneel-beheerder")
    first, second = cli(auth_settings, *args), cli(auth_settings, *args)
    assert first.returncode == 0 and second.returncode == 0, (first.stderr, second.stderr)
    with serve(auth_settings, engine) as api:
        one, other = api.ik(first.stdout.strip()), api.ik(second.stdout.strip())
    assert one["gebruiker"] == other["gebruiker"] is not None
    assert [lid["rollen"] for lid in other["lidmaatschappen"]] == [["FUNCTIONEEL_BEHEERDER"]]


def test_the_dev_key_is_made_on_first_use_readable_by_its_owner_only(auth_settings, tmp_path: Path) -> None:
    key_file = tmp_path / "keys" / "dev.jwk"
    own = replace(auth_settings, identity=IdentitySettings(dev_key_file=key_file))
    assert not key_file.exists()
    made = cli(own, "dev-token", "--organisatie", GEMEENTE, "--rol", "gebruik-raadpleger")
    assert made.returncode == 0, made.stderr
    assert key_mode(key_file) == 0o600
    again = cli(own, "dev-token", "--organisatie", GEMEENTE, "--rol", "gebruik-raadpleger")
    header = unb64(made.stdout.split(".")[0])
    assert unb64(again.stdout.split(".")[0])["kid"] == header["kid"]  # the same key, kept


def test_a_dev_key_made_after_the_server_started_is_found(auth_settings, engine, tmp_path: Path) -> None:
    own = replace(auth_settings, identity=IdentitySettings(dev_key_file=tmp_path / "dev.jwk"))
    with serve(own, engine) as api:
        stranger = ec_key("stranger")
        forged = sign(
            stranger,
            {
                "iss": "urn:graph-api:dev",
                "sub": f"dev:{GEMEENTE}:GEBRUIK_BEHEERDER",
                "aud": "graph-api",
                "exp": 4_000_000_000,
            },
        )
        assert api.post(token=forged).json()["errors"][0]["extensions"]["code"] == "UNKNOWN_KEY"
        made = cli(own, "dev-token", "--organisatie", GEMEENTE, "--rol", "gebruik-beheerder")
        assert made.returncode == 0, made.stderr
        assert api.ik(made.stdout.strip())["subject"] == f"dev:{GEMEENTE}:GEBRUIK_BEHEERDER"


def test_an_expired_dev_token_is_refused(auth_settings, engine) -> None:
    """A token signed with the dev key, but expired: signed right, refused for its time."""
    made = cli(auth_settings, "dev-token", "--organisatie", GEMEENTE, "--rol", "gebruik-raadpleger")
    assert made.returncode == 0, made.stderr
    key = ECKey.import_key(json.loads(auth_settings.identity.dev_key_file.read_text()))
    claims = {"iss": "urn:graph-api:dev", "sub": "dev:x:y", "aud": "graph-api", "iat": 1_000, "exp": 2_000}
    token = jwt.encode({"alg": "ES256", "kid": key.kid}, claims, key, ["ES256"])
    with serve(auth_settings, engine) as api:
        response = api.post(token=token)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "TOKEN_EXPIRED"


def test_without_an_issuer_only_dev_tokens_are_trusted(auth_settings, engine, issuer) -> None:
    with serve(auth_settings, engine) as api:
        response = api.post(token=issuer.token("persoon-1"))
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "WRONG_ISSUER"


def test_dev_token_refuses_when_an_issuer_is_configured(auth_settings) -> None:
    made = cli(
        auth_settings,
        "dev-token",
        "--organisatie",
        GEMEENTE,
        "--rol",
        "gebruik-raadpleger",
        GRAPH_API_OIDC_ISSUER="https://login.gemeente.example",
    )
    assert made.returncode == 2
    assert made.stdout == ""
    assert "ISSUER_CONFIGURED" in made.stderr and "https://login.gemeente.example" in made.stderr


def test_dev_token_refuses_a_lifetime_the_api_would_refuse(auth_settings) -> None:
    args = ("dev-token", "--organisatie", GEMEENTE, "--rol", "gebruik-raadpleger", "--minuten", "61")
    made = cli(auth_settings, *args, GRAPH_API_OIDC_MAX_LIFETIME_S="3600")
    assert made.returncode == 2 and made.stdout == ""
    assert "TOKEN_LIFETIME_TOO_LONG" in made.stderr and "3600 s" in made.stderr
    assert cli(auth_settings, *args[:-1], "60", GRAPH_API_OIDC_MAX_LIFETIME_S="3600").returncode == 0


@pytest.mark.parametrize(
    ("organisatie", "rol", "code"),
    [
        ("GM9999", "gebruik-raadpleger", "UNKNOWN_ORGANISATION"),
        ("bestaat-niet", "gebruik-raadpleger", "UNKNOWN_ORGANISATION"),
        (GEMEENTE, "koffiezetter", "UNKNOWN_ROLE"),
        (GEMEENTE, "functioneel-beheerder", "ROLE_NOT_FOR_ORGANISATION"),
        (GEMEENTE, "VNG_RAADPLEGER", "ROLE_NOT_FOR_ORGANISATION"),
        (GEMEENTE, "aanbod-beheerder", "ROLE_NOT_FOR_ORGANISATION"),
        ("vng-realisatie", "aanbod-beheerder", "ROLE_NOT_FOR_ORGANISATION"),
    ],
)
def test_dev_token_refuses_what_cannot_be(auth_settings, organisatie: str, rol: str, code: str) -> None:
    made = cli(auth_settings, "dev-token", "--organisatie", organisatie, "--rol", rol)
    assert made.returncode == 2, made.stderr
    assert made.stdout == ""
    assert code in made.stderr


def test_gebruik_roles_mean_nothing_in_a_community(auth_settings, engine) -> None:
    with serve(auth_settings, engine) as api:
        body = api.post("{ communities(first: 1) { nodes { identificatie } } }").json()
    community = body["data"]["communities"]["nodes"][0]["identificatie"]
    refused = cli(auth_settings, "dev-token", "--organisatie", community, "--rol", "gebruik-raadpleger")
    assert refused.returncode == 2 and "ROLE_NOT_FOR_ORGANISATION" in refused.stderr
    allowed = cli(auth_settings, "dev-token", "--organisatie", community, "--rol", "organisatie-beheerder")
    assert allowed.returncode == 0, allowed.stderr


def test_an_aanbod_beheerder_belongs_to_a_leverancier(auth_settings, engine) -> None:
    with serve(auth_settings, engine) as api:
        body = api.post("{ leveranciers(first: 1) { nodes { identificatie } } }").json()
        leverancier = body["data"]["leveranciers"]["nodes"][0]["identificatie"]
        made = cli(auth_settings, "dev-token", "--organisatie", leverancier, "--rol", "aanbod-beheerder")
        assert made.returncode == 0, made.stderr
        ik = api.ik(made.stdout.strip())
    assert [(lid["identificatie"], lid["soort"], lid["rollen"]) for lid in ik["lidmaatschappen"]] == [
        (leverancier, "Leverancier", ["AANBOD_BEHEERDER"])
    ]
