"""From a token's subject to the identity the API applies: Gebruikers registered with
`graph-api gebruiker`, seen through `ik` over HTTP with tokens of a real (local) issuer."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graph_api.store import open_store
from tests.auth.conftest import GEMEENTE, cli, organisation_name, serve, with_issuer
from tests.backends import graph_copy


@pytest.fixture(scope="module")
def api(auth_settings, auth_engine, issuer, registered):
    with serve(with_issuer(auth_settings, issuer.url), auth_engine) as client:
        yield client


def test_a_person_holds_roles_in_each_organisation(api, issuer) -> None:
    ik = api.ik(issuer.token("persoon-1"))
    expected = [
        {
            "identificatie": GEMEENTE,
            "soort": "Gemeente",
            "rollen": ["GEBRUIK_BEHEERDER", "ORGANISATIE_BEHEERDER"],
            "organisatie": {"naam": organisation_name(api, GEMEENTE)},
        },
        {
            "identificatie": "vng-realisatie",
            "soort": "Beheerorganisatie",
            "rollen": ["VNG_RAADPLEGER"],
            "organisatie": {"naam": organisation_name(api, "vng-realisatie")},
        },
    ]
    assert ik["lidmaatschappen"] == expected


def test_an_unknown_subject_is_a_bezoeker_under_its_own_subject(api, issuer) -> None:
    ik = api.ik(issuer.token("niemand-bekend"))
    assert ik == {
        "anoniem": False,
        "subject": "niemand-bekend",
        "gebruiker": None,
        "naam": None,
        "lidmaatschappen": [],
    }


def test_a_deactivated_gebruiker_is_a_bezoeker(api, issuer) -> None:
    ik = api.ik(issuer.token("gedeactiveerd-1"))
    assert ik["subject"] == "gedeactiveerd-1"
    assert ik["gebruiker"] is None and ik["naam"] is None and ik["lidmaatschappen"] == []


def test_registering_again_reactivates_and_replaces_the_roles(auth_settings, auth_engine, issuer) -> None:
    add = ("gebruiker", "add", "--subject", "wisselaar", "--naam", "Wim Wissel", "--email", "wim@example.nl")
    first = cli(auth_settings, *add, "--organisatie", GEMEENTE, "--rol", "gebruik-beheerder")
    assert first.returncode == 0, first.stderr
    assert cli(auth_settings, "gebruiker", "deactiveer", "--subject", "wisselaar").returncode == 0
    with serve(with_issuer(auth_settings, issuer.url), auth_engine) as api:
        assert api.ik(issuer.token("wisselaar"))["gebruiker"] is None
        again = cli(auth_settings, *add, "--organisatie", GEMEENTE, "--rol", "gebruik-raadpleger")
        assert again.returncode == 0, again.stderr
        ik = api.ik(issuer.token("wisselaar"))
    assert ik["gebruiker"] is not None
    assert [(lid["identificatie"], lid["rollen"]) for lid in ik["lidmaatschappen"]] == [
        (GEMEENTE, ["GEBRUIK_RAADPLEGER"])
    ]


def test_a_machine_client_belongs_to_one_organisation(auth_settings, api, issuer) -> None:
    ik = api.ik(issuer.token("client-cmdb", issuer.ec))
    assert [(lid["identificatie"], lid["soort"], lid["rollen"]) for lid in ik["lidmaatschappen"]] == [
        (GEMEENTE, "Gemeente", ["GEBRUIK_BEHEERDER"])
    ]
    second = cli(
        auth_settings,
        "gebruiker",
        "add",
        "--subject",
        "client-cmdb",
        "--naam",
        "CMDB-koppeling",
        "--email",
        "cmdb@example.nl",
        "--organisatie",
        "vng-realisatie",
        "--rol",
        "vng-raadpleger",
        "--machine",
    )
    assert second.returncode == 2
    assert "MACHINE_CLIENT_HAS_ONE_ORGANISATION" in second.stderr
    assert api.ik(issuer.token("client-cmdb", issuer.ec))["lidmaatschappen"] == ik["lidmaatschappen"]


def test_gebruiker_add_says_what_it_registered(auth_settings) -> None:
    added = cli(
        auth_settings,
        "gebruiker",
        "add",
        "--subject",
        "beheer-1",
        "--naam",
        "Bea Beheer",
        "--email",
        "bea@example.nl",
        "--organisatie",
        "vng-realisatie",
        "--rol",
        "functioneel-beheerder",
    )
    assert added.returncode == 0, added.stderr
    assert "beheer-1" in added.stdout and "functioneel-beheerder" in added.stdout
    assert "vng-realisatie" in added.stdout


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"--organisatie": "GM9999"}, "UNKNOWN_ORGANISATION"),
        ({"--rol": "baas"}, "UNKNOWN_ROLE"),
        ({"--rol": "aanbod-beheerder"}, "ROLE_NOT_FOR_ORGANISATION"),
        ({"--email": "geen-adres"}, "INVALID_EMAIL"),
        ({"--subject": f"dev:{GEMEENTE}:GEBRUIK_BEHEERDER"}, "INVALID_SUBJECT"),
    ],
)
def test_gebruiker_add_refuses_what_cannot_be(auth_settings, changes: dict[str, str], code: str) -> None:
    options = {
        "--subject": "fout-1",
        "--naam": "F. Out",
        "--email": "fout@example.nl",
        "--organisatie": GEMEENTE,
        "--rol": "gebruik-raadpleger",
        **changes,
    }
    added = cli(auth_settings, "gebruiker", "add", *[part for pair in options.items() for part in pair])
    assert added.returncode == 2, added.stderr
    assert code in added.stderr


def test_deactivating_an_unknown_subject_is_an_error(auth_settings) -> None:
    result = cli(auth_settings, "gebruiker", "deactiveer", "--subject", "nooit-geregistreerd")
    assert result.returncode == 2 and "UNKNOWN_GEBRUIKER" in result.stderr


async def test_roles_registered_after_the_first_token_count(
    falkordb_auth_settings, falkordb_own_template, engine, queries, issuer
) -> None:
    """On a graph without any Gebruiker yet, a first token's lookup must not leave later
    registrations without roles (FalkorDB keeps query plans made before a type existed, per
    graph: a copy starts with none; the fresh graph is one of the embedded engine's, as Neo4j
    Community holds one graph only)."""
    fresh = replace(falkordb_auth_settings, graph_name="auth_tests_fresh")
    store = open_store(fresh, queries)
    await store.drop_all()
    try:
        await graph_copy(falkordb_own_template.settings, fresh.graph_name)
        assert await store.read_text("test/gebruikers", "MATCH (g:Gebruiker) RETURN count(g) AS n") == [
            {"n": 0}
        ]
        with serve(with_issuer(fresh, issuer.url), engine) as api:
            assert api.ik(issuer.token("eerste-1"))["lidmaatschappen"] == []
            added = cli(
                fresh,
                "gebruiker",
                "add",
                "--subject",
                "eerste-1",
                "--naam",
                "Eerste",
                "--email",
                "eerste@example.nl",
                "--organisatie",
                GEMEENTE,
                "--rol",
                "gebruik-beheerder",
            )
            assert added.returncode == 0, added.stderr
            ik = api.ik(issuer.token("eerste-1"))
        assert [(lid["identificatie"], lid["rollen"]) for lid in ik["lidmaatschappen"]] == [
            (GEMEENTE, ["GEBRUIK_BEHEERDER"])
        ]
    finally:
        await store.drop_all()
        await store.close()
