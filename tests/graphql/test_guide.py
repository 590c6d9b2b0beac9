"""Every example of docs/graphql.md runs, and answers what the seed data says."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.conftest import REPO
from tests.expected import Expected, global_id, size_class
from tests.graphql.conftest import Api

GUIDE = (REPO / "docs" / "graphql.md").read_text(encoding="utf-8")
EXAMPLES = dict(re.findall(r"<!-- voorbeeld: ([\w-]+) -->\n```graphql\n(.*?)```", GUIDE, re.DOTALL))


def test_the_guide_has_examples_for_each_user() -> None:
    assert {name.split("-")[0] for name in EXAMPLES} == {"architect", "frontend", "analist"}
    assert len(EXAMPLES) >= 9


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_runs_without_errors(api: Api, name: str) -> None:
    api.query(EXAMPLES[name])


def test_architect_landschap(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["architect-landschap"])["gemeente"]
    rows = [g for g in expected.gebruik_of["GM0363"] if g["status"] == "IN_PRODUCTIE"]
    assert data["naam"] == "Amsterdam"
    assert data["gebruik"]["totalCount"] == len(rows)
    names = {expected.apps[g["applicatie"]]["naam"] for g in rows}
    assert {n["applicatie"]["naam"] for n in data["gebruik"]["nodes"]} <= names
    voorzieningen = {
        row["naam"] for row in expected.gemma.values() if row["soort"] == "buitengemeentelijke_voorzieningen"
    }
    for node in data["gebruik"]["nodes"]:
        for koppeling in node["uitgaandeKoppelingen"]:
            if koppeling["naar"]["__typename"] == "BuitengemeentelijkeVoorziening":
                assert koppeling["naar"]["naam"] in voorzieningen


def test_architect_component(api: Api, expected: Expected) -> None:
    component = expected.named("referentiecomponenten", "Zaakregistratiecomponent")
    data = api.query(EXAMPLES["architect-component"])["gemmaElement"]
    assert data["naam"] == "Zaakregistratiecomponent"
    realising = expected.apps_realising(component)
    assert data["applicaties"]["totalCount"] == len(realising)
    top = max(realising, key=lambda a: (expected.usage_count(a), a))
    assert data["applicaties"]["nodes"][0]["naam"] == expected.apps[top]["naam"]
    roles = Counter(s["rol"] for s in data["standaarden"])
    wanted = Counter(
        r["verbindingsrol"].upper()
        for r in expected.relaties
        if r["bron"] == component
        and r["archimate_type"] == "Realization"
        and expected.gemma[r["doel"]]["soort"] == "standaarden"
    )
    assert roles == wanted


def test_architect_digikoppeling(api: Api, expected: Expected) -> None:
    assert 'organisatie: "' + global_id("Gemeente", "GM0363") + '"' in EXAMPLES["architect-digikoppeling"]
    data = api.query(EXAMPLES["architect-digikoppeling"])["koppelingen"]
    mine = {g["id"] for g in expected.gebruik_of["GM0363"]}
    wanted = [k for k in expected.koppelingen if k["van"] in mine and k["type"] == "DIGIKOPPELING"]
    assert data["totalCount"] == len(wanted) == len(data["nodes"])


def test_frontend_pagina(api: Api, expected: Expected) -> None:
    utrecht = sorted(
        (r for r in expected.gemeenten.values() if r["provincie"] == "Utrecht"),
        key=lambda r: -int(r["inwoners"]),
    )
    first = api.query(EXAMPLES["frontend-pagina"])["gemeenten"]
    second = api.query(EXAMPLES["frontend-pagina"], {"na": first["pageInfo"]["endCursor"]})["gemeenten"]
    names = [e["node"]["naam"] for e in first["edges"] + second["edges"]]
    assert first["totalCount"] == len(utrecht)
    assert names == [r["naam"] for r in utrecht[:20]]
    assert all(e["node"]["grootteklasse"] == size_class(e["node"]["inwoners"]) for e in first["edges"])


def test_frontend_node(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["frontend-node"])["node"]
    assert data["__typename"] == "Applicatie" and data["naam"] == expected.apps["app-00001"]["naam"]
    versies = [r["eigenschappen"] for r in expected.rows["seed/versies"] if r["applicatie"] == "app-00001"]
    assert [v["versie"] for v in data["versies"]] == [
        v["versie"] for v in sorted(versies, key=lambda v: (v.get("releaseDatum", "9999"), v["id"]))
    ]


def test_frontend_zoeken(api: Api) -> None:
    data = api.query(EXAMPLES["frontend-zoeken"])["zoeken"]
    assert data["applicaties"]["totalCount"] == sum(f["aantal"] for f in data["facetten"]["licentietypen"])
    assert any("zaak" in n["naam"].lower() for n in data["referentiecomponenten"]["nodes"])


def test_analist_gebruik(api: Api, expected: Expected) -> None:
    component = expected.named("referentiecomponenten", "Burgerzakencomponent")
    nodes = api.query(EXAMPLES["analist-gebruik"])["gemmaElement"]["applicaties"]["nodes"]
    counts = [n["gebruik"]["totalCount"] for n in nodes]
    wanted = sorted((expected.usage_count(a) for a in expected.apps_realising(component)), reverse=True)
    assert counts == wanted[: len(counts)]


def test_analist_omvang(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["analist-omvang"])
    big = {r["naam"] for r in expected.gemeenten.values() if int(r["inwoners"]) >= 100_000}
    assert data["groot"]["totalCount"] == len(big) and {n["naam"] for n in data["groot"]["nodes"]} == big
    assert data["openSaas"]["totalCount"] == sum(
        a["licentietype"] == "OPEN_SOURCE" and "SAAS" in a["cloudModellen"] for a in expected.apps.values()
    )


def test_analist_leverancier(api: Api, expected: Expected) -> None:
    data = api.query(EXAMPLES["analist-leverancier"])["organisatie"]
    offered = [a for a, lev in expected.leverancier_of.items() if lev == "lev-0001"]
    assert data["aanbod"]["totalCount"] == len(offered)
    diensten = [d for d in expected.rows["seed/diensten"] if d["leverancier"] == "lev-0001"]
    assert len(data["diensten"]) == len(diensten)
