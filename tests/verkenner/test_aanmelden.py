"""Signing in to the verkenner at the organisation's identity provider: the authorization-code
flow with PKCE, in headless Chromium (tests/verkenner/aanmelden.mjs), against a real issuer on
this machine (tests/auth/issuer.py) and the API configured to trust it. The person is registered
with `graph-api gebruiker add` in a graph of the test's own (GM0014's landscape); once signed in,
the page draws that landscape with the provider's access token.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from tests.auth.issuer import LocalIssuer
from tests.backends import Backend
from tests.conftest import run_cli
from tests.expected import global_id
from tests.verkenner.browser import served, walk

GEMEENTE = "GM0014"
PERSOON = "persoon-verkenner"


@pytest.fixture
def issuer() -> Iterator[LocalIssuer]:
    issuer = LocalIssuer().start()
    issuer.aanmelder = PERSOON
    yield issuer
    issuer.stop()


@pytest.fixture
def aanmelding(own_graph: Backend, issuer: LocalIssuer) -> Iterator[tuple[dict[str, Any], str]]:
    registered = run_cli(
        "gebruiker", "add", "--subject", PERSOON, "--naam", "Ria Verkenner", "--email", "ria@groningen.nl",
        "--organisatie", GEMEENTE, "--rol", "GEBRUIK_RAADPLEGER", env=own_graph.cli_env(),
    )  # fmt: skip
    assert registered.returncode == 0, registered.stderr
    settings = replace(own_graph.settings, identity=replace(own_graph.settings.identity, issuer=issuer.url))
    with served(settings, own_graph.engine) as base:
        yield (
            walk(
                "aanmelden.mjs",
                {
                    "base": base,
                    "issuer": issuer.url,
                    "organisatie": global_id("Gemeente", GEMEENTE),
                    "naam": "Groningen",
                },
            ),
            base,
        )


def test_signing_in_at_the_provider_with_pkce_shows_the_landscape(
    aanmelding: tuple[dict[str, Any], str], issuer: LocalIssuer, own_graph: Backend
) -> None:
    verslag, base = aanmelding
    assert verslag["buiten"] == [] and verslag["fouten"] == []

    # An answer no sign-in of this tab asked for: refused before any exchange, gone from the address.
    assert "hoort niet bij een aanmelding" in verslag["vreemd"]["wie"]
    assert verslag["vreemd"]["adres"] == "" and verslag["vreemd"]["token"] is None

    # Signed out: no landscape, and a way to sign in at the provider.
    assert "Meld u aan" in verslag["voor"]["melding"] and verslag["voor"]["knop"]

    # The provider was asked for a code with an S256 challenge, for this client and page.
    [gevraagd] = issuer.autorisaties
    assert gevraagd["code_challenge_method"] == "S256" and len(gevraagd["code_challenge"]) == 43
    assert gevraagd["client_id"] == "graph-api-verkenner"
    assert gevraagd["redirect_uri"] == f"{base}/verkenner"
    assert len(gevraagd["state"]) >= 16
    # The code was exchanged once, with the verifier that matches the challenge.
    assert issuer.uitwisselingen == [True]

    na = verslag["na"]
    assert na["wie"].startswith("Aangemeld als Ria Verkenner"), na["wie"]
    assert na["gebruik"] == own_graph.counts.labels["Gebruik"] > 0
    assert na["adres"].startswith("#organisatie=")  # the view came back; code and state are gone
    assert na["pkce"] is None and not na["knop"]
