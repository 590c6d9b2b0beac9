"""Bearer tokens of a real OpenID Connect issuer (one running on this machine), over HTTP."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest
from joserfc import jws, jwt

from tests.auth.conftest import GEMEENTE, cli, serve, with_issuer
from tests.auth.issuer import LocalIssuer, SilentServer, b64, ec_key, free_port, rsa_key, sign, unb64

pytestmark = pytest.mark.usefixtures("registered")


@pytest.fixture(scope="module")
def api(auth_settings, engine, issuer):
    """The API trusting the local issuer; refetching keys for an unknown kid at any time."""
    with serve(with_issuer(auth_settings, issuer.url, jwks_refetch_interval_s=0), engine) as client:
        yield client


def refused(response, code: str) -> str:
    """The message of a 401 refusal with this code, after checking its whole form."""
    assert response.status_code == 401, response.text
    body = response.json()
    assert set(body) == {"errors"}, body  # no data entry at all
    [error] = body["errors"]
    assert error["extensions"] == {"code": code}, body
    challenge = response.headers["www-authenticate"]
    expected_error = "invalid_request" if code == "MALFORMED_AUTHORIZATION" else "invalid_token"
    assert challenge.startswith("Bearer "), challenge
    assert f'error="{expected_error}"' in challenge, challenge
    assert 'error_description="' in challenge, challenge
    assert error["message"]
    return error["message"]


def test_an_rs256_token_is_the_gebruiker_it_names(api, issuer: LocalIssuer) -> None:
    ik = api.ik(issuer.token("persoon-1", issuer.rsa))
    assert ik["subject"] == "persoon-1" and ik["naam"] == "Petra Persoon" and not ik["anoniem"]
    assert ik["gebruiker"].startswith("gebruiker-")
    memberships = {
        lid["identificatie"]: (lid["soort"], sorted(lid["rollen"])) for lid in ik["lidmaatschappen"]
    }
    assert memberships == {
        GEMEENTE: ("Gemeente", ["GEBRUIK_BEHEERDER", "ORGANISATIE_BEHEERDER"]),
        "vng-realisatie": ("Beheerorganisatie", ["VNG_RAADPLEGER"]),
    }


def test_an_es256_token_is_the_gebruiker_it_names(api, issuer: LocalIssuer) -> None:
    ik = api.ik(issuer.token("client-cmdb", issuer.ec))
    assert ik["subject"] == "client-cmdb" and ik["naam"] == "CMDB-koppeling"
    assert [(lid["identificatie"], lid["rollen"]) for lid in ik["lidmaatschappen"]] == [
        (GEMEENTE, ["GEBRUIK_BEHEERDER"])
    ]


def test_without_a_token_the_asker_is_an_anonymous_bezoeker(api) -> None:
    ik = api.ik()
    assert ik == {"anoniem": True, "subject": None, "gebruiker": None, "naam": None, "lidmaatschappen": []}


def test_the_clock_may_be_off_by_the_leeway(api, issuer: LocalIssuer) -> None:
    now = int(time.time())
    ik = api.ik(issuer.token("persoon-1", exp=now - 10, nbf=now + 10, iat=now + 10))
    assert ik["subject"] == "persoon-1"


def test_an_audience_list_naming_this_api_is_accepted(api, issuer: LocalIssuer) -> None:
    assert api.ik(issuer.token("persoon-1", aud=["other-api", "graph-api"]))["subject"] == "persoon-1"


@pytest.mark.parametrize(
    "authorization",
    ["Basic cGV0cmE6Z2VoZWlt", "Bearer", "Bearer ", "", "bearer a b", "Bearer <token>", "Token abc.def.ghi"],
)
def test_a_malformed_authorization_header_is_refused(api, authorization: str) -> None:
    response = api.post(headers={"authorization": authorization})
    refused(response, "MALFORMED_AUTHORIZATION")


def test_alg_none_is_refused(api, issuer: LocalIssuer) -> None:
    token = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(issuer.claims('persoon-1'))}."
    message = refused(api.post(token=token), "UNSUPPORTED_ALGORITHM")
    assert "RS256" in message and "ES256" in message


def test_an_hmac_token_keyed_with_the_public_key_is_refused(api, issuer: LocalIssuer) -> None:
    public_pem = issuer.rsa.as_pem(private=False)
    signing_input = f"{b64({'alg': 'HS256', 'typ': 'JWT', 'kid': 'rsa-1'})}.{b64(issuer.claims('persoon-1'))}"
    signature = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    refused(api.post(token=f"{signing_input}.{b64(signature)}"), "UNSUPPORTED_ALGORITHM")


def test_a_tampered_payload_is_refused(api, issuer: LocalIssuer) -> None:
    header, payload, signature = issuer.token("client-cmdb").split(".")
    claims = unb64(payload)
    claims["sub"] = "persoon-1"
    refused(api.post(token=f"{header}.{b64(claims)}.{signature}"), "INVALID_TOKEN")


def test_a_signature_of_another_key_with_a_published_kid_is_refused(api, issuer: LocalIssuer) -> None:
    impostor = rsa_key("rsa-1")  # same kid, other key
    refused(api.post(token=sign(impostor, issuer.claims("persoon-1"))), "INVALID_TOKEN")


@pytest.mark.parametrize("token", ["garbage", "a.b.c", "a.b.c.d.e", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"])
def test_garbage_is_refused(api, token: str) -> None:
    refused(api.post(token=token), "INVALID_TOKEN")


def test_a_token_without_expiry_is_refused(api, issuer: LocalIssuer) -> None:
    message = refused(api.post(token=issuer.token("persoon-1", exp=None)), "INVALID_TOKEN")
    assert "exp" in message


def test_a_token_of_another_issuer_is_refused(api, issuer: LocalIssuer) -> None:
    refused(api.post(token=issuer.token("persoon-1", iss="https://login.elders.example")), "WRONG_ISSUER")


def test_a_token_for_another_audience_is_refused(api, issuer: LocalIssuer) -> None:
    refused(api.post(token=issuer.token("persoon-1", aud="other-api")), "WRONG_AUDIENCE")


def test_an_expired_token_is_refused(api, issuer: LocalIssuer) -> None:
    now = int(time.time())
    refused(api.post(token=issuer.token("persoon-1", iat=now - 600, exp=now - 60)), "TOKEN_EXPIRED")


def test_a_token_not_yet_valid_is_refused(api, issuer: LocalIssuer) -> None:
    now = int(time.time())
    refused(api.post(token=issuer.token("persoon-1", nbf=now + 120)), "TOKEN_NOT_YET_VALID")


def test_a_refusal_says_why_in_the_challenge_too(api, issuer: LocalIssuer) -> None:
    response = api.post(token=issuer.token("persoon-1", aud="other-api"))
    message = refused(response, "WRONG_AUDIENCE")
    assert f'error_description="{message}"' in response.headers["www-authenticate"]


def test_a_refusal_is_401_for_plain_json_clients_too(api) -> None:
    response = api.post(token="garbage", headers={"accept": "application/json"})
    assert response.status_code == 401 and response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_TOKEN"


def test_an_unknown_key_id_refetches_the_keys_once_then_refuses(api, issuer: LocalIssuer) -> None:
    api.ik(issuer.token("persoon-1"))  # keys held
    before = issuer.jwks_fetches
    stranger = ec_key("not-published")
    refused(api.post(token=sign(stranger, issuer.claims("persoon-1"))), "UNKNOWN_KEY")
    assert issuer.jwks_fetches == before + 1


def test_a_key_published_after_the_keys_were_fetched_is_found(auth_settings, engine) -> None:
    issuer = LocalIssuer().start()
    try:
        with serve(with_issuer(auth_settings, issuer.url, jwks_refetch_interval_s=0), engine) as api:
            assert api.ik(issuer.token("persoon-1"))["subject"] == "persoon-1"
            assert issuer.jwks_fetches == 1
            rotated = rsa_key("rsa-2")
            issuer.published = [rotated]
            assert api.ik(issuer.token("persoon-1", rotated))["subject"] == "persoon-1"
            assert issuer.jwks_fetches == 2
            refused(api.post(token=issuer.token("persoon-1", issuer.rsa)), "UNKNOWN_KEY")  # rotated out
    finally:
        issuer.stop()


def test_unknown_key_ids_do_not_make_the_api_hammer_the_issuer(auth_settings, engine) -> None:
    issuer = LocalIssuer().start()
    try:
        with serve(with_issuer(auth_settings, issuer.url, jwks_refetch_interval_s=600), engine) as api:
            assert api.ik(issuer.token("persoon-1"))["subject"] == "persoon-1"
            for n in range(5):
                refused(
                    api.post(token=sign(ec_key(f"forged-{n}"), issuer.claims("persoon-1"))), "UNKNOWN_KEY"
                )
            assert issuer.jwks_fetches == 1
    finally:
        issuer.stop()


def test_only_the_configured_algorithms_are_accepted(auth_settings, engine, issuer: LocalIssuer) -> None:
    settings = with_issuer(auth_settings, issuer.url, algorithms=("RS256",))
    with serve(settings, engine) as api:
        assert api.ik(issuer.token("persoon-1", issuer.rsa))["subject"] == "persoon-1"
        message = refused(api.post(token=issuer.token("persoon-1", issuer.ec)), "UNSUPPORTED_ALGORITHM")
        assert "ES256" in message


def test_a_key_of_the_wrong_type_for_the_algorithm_is_refused(api, issuer: LocalIssuer) -> None:
    claims = issuer.claims("persoon-1")
    forged = f"{b64({'alg': 'ES256', 'kid': 'rsa-1'})}.{b64(claims)}.{b64(b'x' * 64)}"
    refused(api.post(token=forged), "INVALID_TOKEN")


def test_an_unreachable_issuer_is_503_not_a_hang(auth_settings, engine, issuer: LocalIssuer) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    with serve(with_issuer(auth_settings, nowhere), engine) as api:
        token = sign(issuer.rsa, {**issuer.claims("persoon-1"), "iss": nowhere})
        response = api.post(token=token)
        assert response.status_code == 503, response.text
        assert response.json()["errors"][0]["extensions"]["code"] == "IDENTITY_PROVIDER_UNAVAILABLE"
        assert "data" not in response.json()
        assert api.ik()["anoniem"]  # requests without a token do not need the issuer


def test_an_issuer_that_never_answers_is_503_within_the_time_limit(auth_settings, engine, issuer) -> None:
    silent = SilentServer()
    try:
        with serve(with_issuer(auth_settings, silent.url, http_timeout_s=1.0), engine) as api:
            token = sign(issuer.rsa, {**issuer.claims("persoon-1"), "iss": silent.url})
            started = time.monotonic()
            response = api.post(token=token)
            took = time.monotonic() - started
            assert response.status_code == 503, response.text
            assert response.json()["errors"][0]["extensions"]["code"] == "IDENTITY_PROVIDER_UNAVAILABLE"
            assert took < 3, took
    finally:
        silent.close()


def test_a_dev_token_is_refused_when_an_issuer_is_configured(auth_settings, engine, issuer) -> None:
    made = cli(auth_settings, "dev-token", "--organisatie", GEMEENTE, "--rol", "gebruik-raadpleger")
    assert made.returncode == 0, made.stderr
    with serve(with_issuer(auth_settings, issuer.url), engine) as api:
        refused(api.post(token=made.stdout.strip()), "WRONG_ISSUER")


def test_a_dev_subject_from_a_real_issuer_gets_no_roles(auth_settings, engine, issuer) -> None:
    made = cli(
        auth_settings, "dev-token", "--organisatie", "vng-realisatie", "--rol", "FUNCTIONEEL_BEHEERDER"
    )
    assert made.returncode == 0, made.stderr
    subject = unb64(made.stdout.strip().split(".")[1])["sub"]
    with serve(with_issuer(auth_settings, issuer.url), engine) as api:
        ik = api.ik(issuer.token(subject))
    assert ik["subject"] == subject and ik["gebruiker"] is None and ik["lidmaatschappen"] == []


def test_a_refused_token_refuses_the_request_before_its_query_runs(api) -> None:
    refused(api.post(query="{ nonsense", token="garbage"), "INVALID_TOKEN")


# --- token hygiene ---


def test_a_token_without_kid_is_refused_when_the_issuer_publishes_several_keys(api, issuer: LocalIssuer) -> None:
    """Which of the issuer's keys signed it cannot be told; trying each would accept any of them."""
    assert len(issuer.published) > 1
    claims = issuer.claims("persoon-1")
    unnamed = jwt.encode({"alg": "RS256"}, claims, issuer.rsa, ["RS256"])
    assert "kid" not in unb64(unnamed.split(".")[0])
    message = refused(api.post(token=unnamed), "UNKNOWN_KEY")
    assert "names no key" in message and "several" in message
    # The same token naming its key is the Gebruiker it names.
    assert api.ik(jwt.encode({"alg": "RS256", "kid": "rsa-1"}, claims, issuer.rsa, ["RS256"]))["subject"] == "persoon-1"


def test_a_token_valid_longer_than_the_maximum_is_refused(auth_settings, engine, issuer: LocalIssuer) -> None:
    now = int(time.time())
    settings = with_issuer(auth_settings, issuer.url, max_lifetime_s=3_600)
    with serve(settings, engine) as client:
        assert client.ik(issuer.token("persoon-1", iat=now, exp=now + 3_600))["subject"] == "persoon-1"
        message = refused(client.post(token=issuer.token("persoon-1", iat=now, exp=now + 3_700)), "TOKEN_LIFETIME_TOO_LONG")
        assert "3700 s" in message and "at most 3600 s" in message
        # Without iat (or nbf) the lifetime counts from now.
        no_iat = issuer.token("persoon-1", iat=None, exp=now + 7_200)
        refused(client.post(token=no_iat), "TOKEN_LIFETIME_TOO_LONG")


def test_the_default_maximum_lifetime_accepts_a_day_of_dev_tokens(api, issuer: LocalIssuer) -> None:
    now = int(time.time())
    assert api.ik(issuer.token("persoon-1", iat=now, exp=now + 86_400))["subject"] == "persoon-1"
    refused(api.post(token=issuer.token("persoon-1", iat=now, exp=now + 86_400 + 120)), "TOKEN_LIFETIME_TOO_LONG")


@pytest.mark.parametrize("subject", ["persoon\x00-1", "", "\ud800", "a\nb", "x" * 256, 42, ["persoon-1"], None])
def test_a_token_whose_subject_is_no_subject_is_refused(api, issuer: LocalIssuer, subject) -> None:
    """A NUL in `sub` once reached the engine as a parameter and answered 500."""
    claims = {**issuer.claims("placeholder"), "sub": subject}
    if subject is None:
        del claims["sub"]
    # JSON escapes keep a lone surrogate encodable, as a forger would send it.
    token = jws.serialize_compact({"alg": "RS256", "kid": "rsa-1"}, json.dumps(claims).encode(), issuer.rsa)
    message = refused(api.post(token=token), "INVALID_TOKEN")
    assert "sub" in message
