"""The landscape report over HTTP (GET /verkenner/rapport/{organisatie}), on the session's seeded
engine: what it holds for each role that may have it, recomputed from the seed's rows, and every
refusal of the role matrix. The verkenner opening it in Chromium is in test_verkenner.py."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

from graph_api.app import create_app
from tests.backends import Backend
from tests.conftest import run_cli
from tests.expected import Expected

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

GEMEENTE = "GM0363"
LEVERANCIER = "lev-0001"
ROLLEN = (
    (GEMEENTE, "GEBRUIK_RAADPLEGER"),
    (GEMEENTE, "ORGANISATIE_BEHEERDER"),
    ("vng-realisatie", "VNG_RAADPLEGER"),
    ("vng-realisatie", "FUNCTIONEEL_BEHEERDER"),
    (LEVERANCIER, "AANBOD_BEHEERDER"),
)


@pytest.fixture(scope="module")
def tokens(falkordb_backend: Backend) -> dict[tuple[str, str], str]:
    def mint(rol: tuple[str, str]) -> str:
        made = run_cli("dev-token", "--organisatie", rol[0], "--rol", rol[1], env=falkordb_backend.cli_env())
        assert made.returncode == 0, made.stderr
        return made.stdout.strip()

    with ThreadPoolExecutor(len(ROLLEN)) as pool:
        return dict(zip(ROLLEN, pool.map(mint, ROLLEN), strict=True))


@pytest.fixture(scope="module")
def client(falkordb_backend: Backend) -> Iterator[TestClient]:
    with TestClient(create_app(falkordb_backend.settings, engine=falkordb_backend.engine)) as client:
        yield client


def rapport(client: TestClient, token: str | None, organisatie: str = GEMEENTE):
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return client.get(f"/verkenner/rapport/{organisatie}", headers=headers)


def cijfers(page: str) -> dict[str, int]:
    return {name: int(value) for name, value in re.findall(r'data-cijfer="([a-z-]+)">(\d+)<', page)}


def _in_gebruik(expected: Expected, apps: set[str] | None = None) -> list[dict]:
    return [
        g
        for g in expected.gebruik_of[GEMEENTE]
        if g["status"] != "UITGEFASEERD" and (apps is None or g["applicatie"] in apps)
    ]


def test_a_gebruik_raadpleger_gets_the_landscape_s_figures(client, tokens, expected: Expected) -> None:
    response = rapport(client, tokens[(GEMEENTE, "GEBRUIK_RAADPLEGER")])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "private, no-store"
    page = response.text
    assert "<h1>Applicatielandschap van Amsterdam</h1>" in page
    in_gebruik = _in_gebruik(expected)
    eigen = {g["id"] for g in expected.gebruik_of[GEMEENTE]}
    koppelingen = [k for k in expected.koppelingen if k["van"] in eigen]
    assert cijfers(page)["in-gebruik"] == len(in_gebruik)
    assert cijfers(page)["leveranciers"] == len(
        {expected.leverancier_of[g["applicatie"]] for g in in_gebruik}
    )
    assert cijfers(page)["koppelingen"] == len(koppelingen)
    assert cijfers(page)["met-standaard"] > 0
    vandaag = date.today()
    tot = vandaag + timedelta(days=round(12 * 30.44))
    aflopend = [
        g
        for g in in_gebruik
        if g.get("contractEinde") and vandaag <= date.fromisoformat(g["contractEinde"]) <= tot
    ]
    assert page.count("<tr data-contract>") == len(aflopend)
    assert page.count("<tr data-vergelijkbaar>") == 5
    assert '<figure id="graaf-plaat"><!-- graaf-plaat --></figure>' in page and "<svg" in page
    assert "<script" not in page and "style=" not in page  # the API's policy holds for it too


def test_a_leverancier_sees_only_its_own_products_in_the_report(client, tokens, expected: Expected) -> None:
    response = rapport(client, tokens[(LEVERANCIER, "AANBOD_BEHEERDER")])
    assert response.status_code == 200, response.text
    eigen = {app for app, owner in expected.leverancier_of.items() if owner == LEVERANCIER}
    assert cijfers(response.text)["in-gebruik"] == len(_in_gebruik(expected, eigen))
    assert cijfers(response.text)["koppelingen"] == 0  # not its to see


def test_functioneel_beheer_gets_every_report(client, tokens, expected: Expected) -> None:
    response = rapport(client, tokens[("vng-realisatie", "FUNCTIONEEL_BEHEERDER")], "GM0014")
    assert response.status_code == 200, response.text
    assert "Applicatielandschap van Groningen" in response.text
    assert cijfers(response.text)["in-gebruik"] == len(
        [g for g in expected.gebruik_of["GM0014"] if g["status"] != "UITGEFASEERD"]
    )


@pytest.mark.parametrize(
    ("rol", "token", "organisatie", "status", "code"),
    [
        (None, None, GEMEENTE, 401, "UNAUTHENTICATED"),
        (None, "geen.echt.token", GEMEENTE, 401, "INVALID_TOKEN"),
        ((GEMEENTE, "ORGANISATIE_BEHEERDER"), None, GEMEENTE, 403, "FORBIDDEN"),
        (("vng-realisatie", "VNG_RAADPLEGER"), None, GEMEENTE, 403, "FORBIDDEN"),
        ((GEMEENTE, "GEBRUIK_RAADPLEGER"), None, "GM9999", 404, "NOT_FOUND"),
    ],
)
def test_the_report_is_refused_as_the_role_matrix_says(
    client, tokens, rol, token, organisatie, status, code
) -> None:
    response = rapport(client, tokens[rol] if rol else token, organisatie)
    assert response.status_code == status, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == code
    assert response.headers["cache-control"] == "no-store"
    if status == 401:  # the Bearer challenge; an error in it only where a token was sent
        challenge = response.headers["www-authenticate"]
        assert challenge.startswith("Bearer ") and ('error="invalid_token"' in challenge) == (token is not None)
