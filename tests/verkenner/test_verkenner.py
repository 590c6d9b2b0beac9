"""The verkenner in a real browser: headless Chromium (Debian's `chromium`), driven by
playwright-core from npm (tests/verkenner/walk.mjs), against a real uvicorn server on the
session's seeded engine. The walk runs once; each test judges one part of what it saw, against
the seed files (which landscape Amsterdam has) or the API's own answers over HTTP (which
dependencies and which koppelingen a replacement breaks). Screenshots of every step are kept in
test-artefacts/verkenner/ (tests/verkenner/browser.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from tests.backends import Backend
from tests.conftest import run_cli
from tests.expected import Expected, global_id
from tests.verkenner.browser import served as serving
from tests.verkenner.browser import walk as run_walk

GEMEENTE = "GM0363"
ZOEKTERM = "Amsterdam"


@dataclass(frozen=True)
class Served:
    base: str
    token: str  # a gebruik-raadpleger of Amsterdam
    analist: str  # a vng-raadpleger

    def graphql(self, query: str, variables: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        body = httpx.post(
            f"{self.base}/graphql",
            json={"query": query, "variables": variables},
            headers={"authorization": f"Bearer {token or self.token}"},
            timeout=60,
        ).json()
        assert "errors" not in body, body
        return body["data"]


@pytest.fixture(scope="module")
def served(falkordb_backend: Backend) -> Iterator[Served]:
    made = run_cli(
        "dev-token", "--organisatie", GEMEENTE, "--rol", "gebruik-raadpleger", env=falkordb_backend.cli_env()
    )
    assert made.returncode == 0, made.stderr
    analist = run_cli(
        "dev-token",
        "--organisatie",
        "vng-realisatie",
        "--rol",
        "vng-raadpleger",
        env=falkordb_backend.cli_env(),
    )
    assert analist.returncode == 0, analist.stderr
    with serving(falkordb_backend.settings, falkordb_backend.engine) as base:
        yield Served(base, made.stdout.strip(), analist.stdout.strip())


@dataclass(frozen=True)
class Amsterdam:
    """Amsterdam's landscape as seeded, recomputed from the generator's rows."""

    gebruik: set[str]  # global ids
    koppelingen: set[str]
    voorzieningen: set[str]
    klik: str  # the Gebruik the walk clicks: the one with the most koppelingen
    naar: str  # the Gebruik it asks the shortest path to: the first two koppelingen away
    applicatie: str  # its application's name
    buren: set[str]  # the neighbouring gemeenten
    buur: str  # the one the walk compares with: the first by CBS code
    vergelijking: dict[str, tuple[set[str], set[str], set[str]]]  # component → shared, only here, only there
    leverancier: str  # the clicked application's leverancier
    klanten: dict[str, int]  # its applications → how many organisations use each (not phased out)
    component: str  # the analyst's: the first referentiecomponent the clicked Gebruik is for
    componenten: dict[str, set[str]]  # per Gebruik, the names of the referentiecomponenten it is for


def _in_gebruik(expected: Expected, gemeente: str) -> dict[str, set[str]]:
    """Per referentiecomponent, the names of the applications a gemeente uses for it (not
    phased out), from the generator's rows."""
    per: dict[str, set[str]] = {}
    for gebruik in expected.gebruik_of[gemeente]:
        if gebruik["status"] == "UITGEFASEERD":
            continue
        for component in expected.voor[gebruik["id"]]:
            per.setdefault(component, set()).add(expected.apps[gebruik["applicatie"]]["naam"])
    return per


@pytest.fixture(scope="module")
def amsterdam(expected: Expected) -> Amsterdam:
    eigen = {row["id"] for row in expected.gebruik_of[GEMEENTE]}
    koppelingen = [k for k in expected.koppelingen if k["van"] in eigen]
    voorzieningen = {k["naar"] for k in koppelingen if k["naar"] not in expected.gebruik_by_id}
    per_gebruik = {g: sum(1 for k in koppelingen if g in (k["van"], k["naar"])) for g in eigen}
    klik = max(sorted(eigen), key=per_gebruik.__getitem__)
    # Two koppelingen away from it, either way, through the landscape's own Gebruik only.
    buren_van: dict[str, set[str]] = {}
    for k in koppelingen:
        if k["naar"] in eigen:
            buren_van.setdefault(k["van"], set()).add(k["naar"])
            buren_van.setdefault(k["naar"], set()).add(k["van"])
    een = buren_van.get(klik, set())
    naar = min({b for a in een for b in buren_van.get(a, set())} - een - {klik})
    buren = {r["naar"] for r in expected.rows["seed/grenst_aan"] if r["van"] == GEMEENTE} | {
        r["van"] for r in expected.rows["seed/grenst_aan"] if r["naar"] == GEMEENTE
    }
    buur = min(buren)
    leverancier = expected.leverancier_of[expected.gebruik_by_id[klik]["applicatie"]]
    hier, daar = _in_gebruik(expected, GEMEENTE), _in_gebruik(expected, buur)
    vergelijking = {
        global_id("Referentiecomponent", c): (
            hier.get(c, set()) & daar.get(c, set()),
            hier.get(c, set()) - daar.get(c, set()),
            daar.get(c, set()) - hier.get(c, set()),
        )
        for c in hier.keys() | daar.keys()
    }
    return Amsterdam(
        gebruik={global_id("Gebruik", g) for g in eigen},
        koppelingen={global_id("Koppeling", k["id"]) for k in koppelingen},
        voorzieningen={global_id("BuitengemeentelijkeVoorziening", v) for v in voorzieningen},
        klik=global_id("Gebruik", klik),
        naar=global_id("Gebruik", naar),
        applicatie=expected.apps[expected.gebruik_by_id[klik]["applicatie"]]["naam"],
        buren={global_id("Gemeente", b) for b in buren},
        buur=global_id("Gemeente", buur),
        vergelijking=vergelijking,
        leverancier=global_id("Leverancier", leverancier),
        klanten={
            global_id("Applicatie", app): len(
                {
                    g["organisatie"]
                    for g in expected.gebruik_by_id.values()
                    if g["applicatie"] == app and g["status"] != "UITGEFASEERD"
                }
            )
            for app, owner in expected.leverancier_of.items()
            if owner == leverancier
        },
        component=global_id("Referentiecomponent", min(expected.voor[klik])),
        componenten={
            global_id("Gebruik", g): {expected.gemma[c]["naam"] for c in expected.voor[g]} for g in eigen
        },
    )


@pytest.fixture(scope="module")
def walk(served: Served, amsterdam: Amsterdam) -> dict[str, Any]:
    """What the page showed at each step of tests/verkenner/walk.mjs."""
    return run_walk(
        "walk.mjs",
        {
            "base": served.base,
            "token": served.token,
            "organisatie": global_id("Gemeente", GEMEENTE),
            "zoekterm": ZOEKTERM,
            "gebruik": amsterdam.klik,
            "naar": amsterdam.naar,
            "buur": amsterdam.buur,
            "leverancier": amsterdam.leverancier,
            "analist": served.analist,
            "component": amsterdam.component,
        },
    )


def adres(fragment: str) -> dict[str, str]:
    """The view an address holds: its fragment's parameters."""
    return {key: values[0] for key, values in parse_qs(fragment.lstrip("#")).items()}


def test_the_page_asks_nothing_of_any_other_address_and_shows_no_errors(walk: dict[str, Any]) -> None:
    assert walk["buiten"] == []
    assert walk["fouten"] == []


def test_a_signed_out_visitor_sees_no_landscape_and_is_told_why(walk: dict[str, Any]) -> None:
    anoniem = walk["anoniem"]
    assert anoniem["gebruik"] == [] and anoniem["koppelingen"] == [] and anoniem["tabel"] == []
    assert "Meld u aan" in anoniem["melding"], anoniem["melding"]


def test_amsterdams_whole_landscape_is_drawn_and_tabled(walk: dict[str, Any], amsterdam: Amsterdam) -> None:
    landschap = walk["landschap"]
    assert walk["wie"].startswith("Aangemeld") and "Amsterdam" in walk["wie"]
    assert set(landschap["gebruik"]) == amsterdam.gebruik
    assert len(landschap["gebruik"]) == len(amsterdam.gebruik)
    assert set(landschap["koppelingen"]) == amsterdam.koppelingen
    assert set(landschap["voorzieningen"]) == amsterdam.voorzieningen
    # The text alternative holds the same applications.
    assert sorted(landschap["tabel"]) == sorted(amsterdam.gebruik)
    assert f"{len(amsterdam.gebruik)} van {len(amsterdam.gebruik)} applicaties" in landschap["melding"]
    assert landschap["getekendMs"] > 0
    assert adres(landschap["adres"])["organisatie"] == global_id("Gemeente", GEMEENTE)


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]


def test_the_map_puts_each_application_in_a_tile_of_its_referentiecomponent(
    walk: dict[str, Any], amsterdam: Amsterdam
) -> None:
    kaart = walk["landschap"]
    assert kaart["opgemaakt"] == "kaart"
    tegels = [g for g in kaart["groepen"] if g["id"] != "groep:voorzieningen"]
    [voorzieningen] = [g for g in kaart["groepen"] if g["id"] == "groep:voorzieningen"]
    # Every Gebruik in exactly one tile, named after one of its referentiecomponenten (all of a
    # tile's after the same one), or in the tile of those without any.
    leden = [lid for tegel in tegels for lid in tegel["leden"]]
    assert sorted(leden) == sorted(amsterdam.gebruik)
    for tegel in tegels:
        for lid in tegel["leden"]:
            if amsterdam.componenten[lid]:
                assert tegel["label"] in amsterdam.componenten[lid], (tegel["label"], lid)
            else:
                assert tegel["label"] == "Zonder referentiecomponent"
    assert len({tegel["label"] for tegel in tegels}) == len(tegels)
    # The national facilities in a column at the right edge; the tiles apart; each node in its own.
    assert set(voorzieningen["leden"]) == amsterdam.voorzieningen
    assert voorzieningen["doos"]["x1"] > max(tegel["doos"]["x2"] for tegel in tegels)
    for i, tegel in enumerate(kaart["groepen"]):
        doos = tegel["doos"]
        assert not any(_overlap(doos, ander["doos"]) for ander in kaart["groepen"][i + 1 :]), tegel["label"]
        for lid in tegel["leden"]:
            x, y = kaart["posities"][lid]["x"], kaart["posities"][lid]["y"]
            assert doos["x1"] < x < doos["x2"] and doos["y1"] < y < doos["y2"], (lid, tegel["label"])


def test_the_other_layout_moves_the_same_graph_and_the_map_comes_back(walk: dict[str, Any]) -> None:
    kaart, krachten, weer = walk["landschap"], walk["krachten"], walk["kaartWeer"]
    assert krachten["opgemaakt"] == "krachten" and adres(krachten["adres"])["opmaak"] == "krachten"
    assert set(krachten["gebruik"]) == set(kaart["gebruik"])
    assert set(krachten["koppelingen"]) == set(kaart["koppelingen"])
    verplaatst = [n for n, plek in krachten["posities"].items() if plek != kaart["posities"][n]]
    assert len(verplaatst) > len(kaart["posities"]) / 2
    # The map is the default: back on it, the address no longer names a layout.
    assert weer["opgemaakt"] == "kaart" and "opmaak" not in adres(weer["adres"])
    assert weer["posities"] == kaart["posities"]


AFHANKELIJKHEDEN = """query($g: ID!) { afhankelijkheden(gebruik: $g, richting: BEIDE, diepte: 3) {
  graaf { nodes { id } edges { id } } } }"""
IMPACT = "query($g: ID!) { impactanalyse(gebruik: $g) { koppelingen { koppeling { id } } } }"


def test_a_click_shows_the_application_and_highlights_the_dependencies_the_api_returns(
    walk: dict[str, Any], served: Served, amsterdam: Amsterdam
) -> None:
    klik = walk["klik"]
    assert amsterdam.applicatie in klik["details"], klik["details"]
    assert adres(klik["adres"])["selectie"] == amsterdam.klik
    graaf = served.graphql(AFHANKELIJKHEDEN, {"g": amsterdam.klik})["afhankelijkheden"]["graaf"]
    assert len(graaf["edges"]) > 0
    assert set(klik["afhankelijk"]["nodes"]) == {n["id"] for n in graaf["nodes"]}
    assert set(klik["afhankelijk"]["edges"]) == {e["id"] for e in graaf["edges"]}


PAD = "query($van: ID!, $naar: ID!) { kortstePad(van: $van, naar: $naar, richting: BEIDE) { nodes edges } }"


def test_the_shortest_path_is_the_one_the_api_returns(
    walk: dict[str, Any], served: Served, amsterdam: Amsterdam
) -> None:
    pad = served.graphql(PAD, {"van": amsterdam.klik, "naar": amsterdam.naar})["kortstePad"]
    assert len(pad["edges"]) == 2  # two koppelingen away, as the seed's rows say
    assert set(walk["pad"]["gemarkeerd"]["nodes"]) == set(pad["nodes"])
    assert set(walk["pad"]["gemarkeerd"]["edges"]) == set(pad["edges"])
    assert "Kortste pad (2 koppelingen)" in walk["pad"]["tekst"]


def test_replacing_shows_the_koppelingen_the_api_says_break(
    walk: dict[str, Any], served: Served, amsterdam: Amsterdam
) -> None:
    impact = served.graphql(IMPACT, {"g": amsterdam.klik})["impactanalyse"]
    geraakt = {k["koppeling"]["id"] for k in impact["koppelingen"]}
    assert geraakt
    assert set(walk["vervangen"]["geraakt"]["edges"]) == geraakt
    assert sorted(walk["vervangen"]["lijst"]) == sorted(geraakt)
    assert f"{len(geraakt)} koppelingen geraakt" in walk["vervangen"]["tekst"]


def _namen(cel: str) -> set[str]:
    """A comparison cell's names: "2: A, B" or "–" for none."""
    return set() if cel == "–" else set(cel.split(": ", 1)[1].split(", "))


def test_beside_a_neighbour_per_referentiecomponent_as_table_and_chart(
    walk: dict[str, Any], amsterdam: Amsterdam
) -> None:
    keuzes = {groep["label"]: groep["opties"] for groep in walk["vergelijkKeuzes"]}
    assert set(keuzes["Buurgemeenten"]) == amsterdam.buren
    assert len(keuzes["Vergelijkbare gemeenten"]) == 10
    assert walk["aanbevelingen"] and all("vergelijkbare gemeenten" in a for a in walk["aanbevelingen"])
    rijen = {
        rij["referentiecomponent"]: tuple(map(_namen, rij["cellen"])) for rij in walk["vergelijking"]["rijen"]
    }
    assert rijen == amsterdam.vergelijking
    # The chart shows the 20 components where the two differ most (ties cut anywhere differ
    # by the same number), its bars counting the table's names.
    _, hier, daar = walk["vergelijking"]["grafiek"]
    verschillen = sorted((len(h) + len(d) for _, h, d in amsterdam.vergelijking.values()), reverse=True)
    assert hier + daar == sum(verschillen[:20]) > 0
    assert adres(walk["vergelijking"]["adres"])["vergelijk"] == amsterdam.buur


def test_a_leverancier_page_lists_its_applications_and_who_uses_them(
    walk: dict[str, Any], amsterdam: Amsterdam
) -> None:
    rijen = walk["leverancier"]["rijen"]
    assert not walk["leverancier"]["landschapZichtbaar"]
    gezien = {rij["applicatie"]: 0 if rij["cel"] == "–" else int(rij["cel"].split(":")[0]) for rij in rijen}
    assert gezien == amsterdam.klanten
    assert max(gezien.values()) > 0


ADOPTIE = """query($c: ID!) { adoptie(referentiecomponent: $c, per: APPLICATIE, splitsing: PROVINCIE) {
  minimaleGroep groepen { groep gemeenten gemeentenMetComponent onderdrukt } } }"""


def test_the_analysts_page_shows_adoption_as_the_api_answers_with_the_floor_visible(
    walk: dict[str, Any], served: Served, amsterdam: Amsterdam, expected: Expected
) -> None:
    adoptie = served.graphql(ADOPTIE, {"c": amsterdam.component}, token=served.analist)["adoptie"]
    rijen = {rij["groep"]: rij["cellen"] for rij in walk["analyse"]["rijen"]}
    assert list(rijen) == [g["groep"] for g in adoptie["groepen"]] == walk["analyse"]["grafiekGroepen"]
    assert set(rijen) <= {g["provincie"] for g in expected.gemeenten.values()}
    for groep in adoptie["groepen"]:
        gemeenten, met, _, verborgen = rijen[groep["groep"]]
        assert gemeenten == str(groep["gemeenten"])
        assert met == (
            "verborgen" if groep["gemeentenMetComponent"] is None else str(groep["gemeentenMetComponent"])
        )
        assert verborgen == (f"{groep['onderdrukt']} onder de drempel" if groep["onderdrukt"] else "–")
    assert f"Groepsdrempel: {adoptie['minimaleGroep']} gemeenten" in walk["analyse"]["melding"]
    assert walk["analyse"]["concentratie"].startswith("Marktconcentratie")


def test_every_control_has_a_name_and_the_table_works_by_keyboard(walk: dict[str, Any]) -> None:
    assert walk["naamloos"] == []
    rij = walk["toetsenbord"]["rij"]
    assert rij is not None, "Tab from the table's summary reached no application"
    assert adres(walk["toetsenbord"]["adres"])["selectie"] == rij


def test_the_address_brings_back_the_same_view(walk: dict[str, Any], amsterdam: Amsterdam) -> None:
    opnieuw = walk["opnieuw"]
    assert set(opnieuw["gebruik"]) == amsterdam.gebruik
    assert opnieuw["gekozen"]["nodes"] == [walk["toetsenbord"]["rij"]]
    assert opnieuw["diepte"] == "3"
    assert opnieuw["vergelijkMet"] == amsterdam.buur


def test_the_report_opens_with_the_graph_as_drawn_and_the_key_figures(
    walk: dict[str, Any], amsterdam: Amsterdam
) -> None:
    rapport = walk["rapport"]
    assert rapport["titel"] == "Applicatielandschap van Amsterdam"
    assert rapport["plaat"] == "data:image/png;base64,:breed"
    assert rapport["cijfers"]["koppelingen"] == str(len(amsterdam.koppelingen))


def test_the_picture_downloads_as_png_and_svg_and_the_data_as_the_api_s_export(walk: dict[str, Any]) -> None:
    assert walk["png"]["naam"] == "landschap-amsterdam.png"
    assert walk["png"]["begin"].startswith("\x89PNG") and walk["png"]["bytes"] > 10_000
    assert walk["svg"]["naam"] == "landschap-amsterdam.svg"
    assert "<svg" in walk["svg"]["begin"] and walk["svg"]["bytes"] > 10_000
    assert walk["excel"]["naam"].endswith(".xlsx") and walk["excel"]["begin"].startswith("PK")
