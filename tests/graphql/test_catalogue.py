"""The catalogue through GraphQL: organisations, applications, GEMMA, diensten, lookups."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.expected import Expected, global_id, size_class
from tests.graphql.conftest import Api


def test_a_gemeente_is_as_published(api: Api, expected: Expected) -> None:
    row = expected.gemeenten["GM0363"]
    data = api.query(
        '{ gemeente(cbsCode: "gm0363") { id identificatie naam provincie inwoners grootteklasse oppervlakteKm2 '
        "cbsCode buren { cbsCode } } }"
    )["gemeente"]
    assert data["id"] == global_id("Gemeente", "GM0363")
    assert (data["naam"], data["provincie"], data["inwoners"]) == (
        row["naam"],
        row["provincie"],
        int(row["inwoners"]),
    )
    assert data["grootteklasse"] == size_class(int(row["inwoners"]))
    assert data["oppervlakteKm2"] == pytest.approx(float(row["oppervlakte_km2"]))
    assert sorted(b["cbsCode"] for b in data["buren"]) == sorted(row["buren"].split(";"))


def test_an_unknown_gemeente_is_null(api: Api) -> None:
    assert api.query('{ gemeente(cbsCode: "GM9999") { naam } }')["gemeente"] is None


@pytest.mark.parametrize("provincie", ["Utrecht", "Zeeland", "Friesland"])
def test_gemeenten_by_provincie(api: Api, expected: Expected, provincie: str) -> None:
    data = api.query(
        "query($p: String) { gemeenten(first: 100, filter: {provincie: $p}) { totalCount nodes { cbsCode } } }",
        {"p": provincie},
    )["gemeenten"]
    wanted = {code for code, row in expected.gemeenten.items() if row["provincie"] == provincie}
    assert data["totalCount"] == len(wanted)
    assert {n["cbsCode"] for n in data["nodes"]} == wanted


@pytest.mark.parametrize("klasse", ["KLEIN", "MIDDEL", "GROOT", "ZEER_GROOT"])
def test_gemeenten_by_size_class(api: Api, expected: Expected, klasse: str) -> None:
    data = api.query(
        f"{{ gemeenten(first: 500, filter: {{grootteklasse: {klasse}}}) {{ totalCount nodes {{ inwoners }} }} }}"
    )["gemeenten"]
    wanted = [r for r in expected.gemeenten.values() if size_class(int(r["inwoners"])) == klasse]
    assert data["totalCount"] == len(wanted) == len(data["nodes"])
    assert all(size_class(n["inwoners"]) == klasse for n in data["nodes"])


def test_gemeenten_ordered_by_inhabitants(api: Api, expected: Expected) -> None:
    data = api.query(
        "{ gemeenten(first: 5, orderBy: {field: INWONERS, direction: DESC}) { nodes { cbsCode } } }"
    )
    biggest = sorted(expected.gemeenten.values(), key=lambda r: -int(r["inwoners"]))[:5]
    assert [n["cbsCode"] for n in data["gemeenten"]["nodes"]] == [r["cbs_code"] for r in biggest]


def test_organisations_of_every_kind(api: Api, expected: Expected) -> None:
    data = api.query(
        "{ organisaties(first: 1) { totalCount } leveranciers(first: 1) { totalCount } "
        "samenwerkingen(first: 1) { totalCount } communities(first: 1) { totalCount } "
        "gemeenten(first: 1) { totalCount } }"
    )
    assert data["gemeenten"]["totalCount"] == len(expected.gemeenten)
    assert data["leveranciers"]["totalCount"] == len(expected.rows["seed/leveranciers"])
    assert data["samenwerkingen"]["totalCount"] == len(expected.rows["seed/samenwerkingen"])
    assert data["communities"]["totalCount"] == len(expected.rows["seed/communities"])
    total = sum(data[k]["totalCount"] for k in ("gemeenten", "leveranciers", "samenwerkingen", "communities"))
    assert data["organisaties"]["totalCount"] == total + 1  # and VNG Realisatie


def test_a_samenwerking_and_its_members(api: Api, expected: Expected) -> None:
    sam = expected.rows["seed/samenwerkingen"][0]
    members = {r["van"] for r in expected.rows["seed/deelnemer_van"] if r["naar"] == sam["id"]}
    data = api.query(
        "query($i: String!) { organisatie(identificatie: $i) { __typename naam "
        "... on Samenwerking { grondslag leden { identificatie deelnames { identificatie } } } } }",
        {"i": sam["id"]},
    )["organisatie"]
    assert data["__typename"] == "Samenwerking" and data["naam"] == sam["naam"]
    assert data["grondslag"] == sam["grondslag"]
    assert {m["identificatie"] for m in data["leden"]} == members
    assert all(sam["id"] in {d["identificatie"] for d in m["deelnames"]} for m in data["leden"])


def test_an_application_and_its_relations(api: Api, expected: Expected) -> None:
    module = next(r for r in expected.rows["seed/onderdeel_van"])
    app_id, product_id = module["van"], module["naar"]
    app = expected.apps[app_id]
    data = api.query(
        "query($i: String!) { applicatie(identificatie: $i) { naam type licentietype cloudModellen status "
        "leverancier { identificatie } onderdeelVan { identificatie modules { identificatie } } "
        "versies { identificatie status } referentiecomponenten { identificatie } diensten { identificatie } } }",
        {"i": app_id},
    )["applicatie"]
    assert (data["naam"], data["type"], data["licentietype"], data["status"]) == (
        app["naam"],
        app["type"],
        app["licentietype"],
        app["status"],
    )
    assert data["cloudModellen"] == app["cloudModellen"]
    assert data["leverancier"]["identificatie"] == expected.leverancier_of[app_id]
    assert data["onderdeelVan"]["identificatie"] == product_id
    siblings = {r["van"] for r in expected.rows["seed/onderdeel_van"] if r["naar"] == product_id}
    assert {m["identificatie"] for m in data["onderdeelVan"]["modules"]} == siblings
    versies = [r["eigenschappen"] for r in expected.rows["seed/versies"] if r["applicatie"] == app_id]
    assert {v["identificatie"]: v["status"] for v in data["versies"]} == {
        v["id"]: v["status"] for v in versies
    }
    comps = {r["naar"] for r in expected.rows["seed/applicatie_realiseert"] if r["van"] == app_id}
    assert {c["identificatie"] for c in data["referentiecomponenten"]} == comps
    diensten = {r["van"] for r in expected.rows["seed/dienst_bij"] if r["naar"] == app_id}
    assert {d["identificatie"] for d in data["diensten"]} == diensten


def _count_apps(api: Api, filter_: str, variables: dict | None = None) -> int:
    declared = ", ".join(f"${name}: ID" for name in variables or {})
    query = (
        f"query{f'({declared})' if declared else ''} {{ applicaties(filter: {filter_}) {{ totalCount }} }}"
    )
    return api.query(query, variables or {})["applicaties"]["totalCount"]


def test_application_filters(api: Api, expected: Expected) -> None:
    apps = expected.apps.values()
    assert _count_apps(api, "{hostingmodel: SAAS}") == sum("SAAS" in a["cloudModellen"] for a in apps)
    assert _count_apps(api, "{licentietype: OPEN_SOURCE}") == sum(
        a["licentietype"] == "OPEN_SOURCE" for a in apps
    )
    assert _count_apps(api, "{type: SYSTEEMSOFTWARE}") == sum(a["type"] == "SYSTEEMSOFTWARE" for a in apps)
    assert _count_apps(api, "{status: CONCEPT}") == sum(a["status"] == "CONCEPT" for a in apps)
    assert _count_apps(api, '{tekst: "CLOUD"}') == sum("cloud" in a["naam"].lower() for a in apps)
    leverancier = Counter(expected.leverancier_of.values()).most_common(1)[0][0]
    assert _count_apps(api, "{leverancier: $l}", {"l": global_id("Leverancier", leverancier)}) == sum(
        1 for v in expected.leverancier_of.values() if v == leverancier
    )
    component = expected.named("referentiecomponenten", "Zaakregistratiecomponent")
    assert _count_apps(
        api, "{referentiecomponent: $c}", {"c": global_id("Referentiecomponent", component)}
    ) == len(expected.apps_realising(component))


def test_applications_supporting_a_standard(api: Api, expected: Expected) -> None:
    version_of = {
        row["identifier"]: row["standaard"]
        for row in expected.gemma.values()
        if row["soort"] == "standaardversies"
    }
    app_of_version = {r["eigenschappen"]["id"]: r["applicatie"] for r in expected.rows["seed/versies"]}
    supporting: dict[str, set[str]] = {}
    for row in expected.rows["seed/ondersteunt"]:
        supporting.setdefault(version_of[row["naar"]], set()).add(app_of_version[row["van"]])
    standaard, apps = max(supporting.items(), key=lambda kv: len(kv[1]))
    assert _count_apps(api, "{standaard: $s}", {"s": global_id("Standaard", standaard)}) == len(apps)


def test_a_reference_component_as_gemma_has_it(api: Api, expected: Expected) -> None:
    component = expected.named("referentiecomponenten", "Zaakregistratiecomponent")
    row = expected.gemma[component]
    data = api.query(
        "query($i: String!) { gemmaElement(identificatie: $i) { __typename naam gemmaId "
        "... on Referentiecomponent { status bbn standaarden { rol standaard { identificatie } } "
        "stroomtNaar { identificatie } ontvangtVan { identificatie } applicaties(first: 1) { totalCount } } } }",
        {"i": component},
    )["gemmaElement"]
    assert (data["__typename"], data["naam"], data["gemmaId"]) == (
        "Referentiecomponent",
        row["naam"],
        row["object_id"],
    )
    assert data["bbn"] == row["bbn"] and data["status"] == "IN_GEBRUIK"
    vereist = {
        (r["doel"], r["verbindingsrol"].upper() or None)
        for r in expected.relaties
        if r["bron"] == component
        and r["archimate_type"] == "Realization"
        and expected.gemma[r["doel"]]["soort"] == "standaarden"
    }
    assert {(s["standaard"]["identificatie"], s["rol"]) for s in data["standaarden"]} == vereist
    flows = [r for r in expected.relaties if r["archimate_type"] == "Flow"]
    assert {n["identificatie"] for n in data["stroomtNaar"]} == {
        r["doel"] for r in flows if r["bron"] == component
    }
    assert {n["identificatie"] for n in data["ontvangtVan"]} == {
        r["bron"] for r in flows if r["doel"] == component
    }
    assert data["applicaties"]["totalCount"] == len(expected.apps_realising(component))


def test_gemma_lookups_by_either_identifier(api: Api, expected: Expected) -> None:
    component = expected.named("referentiecomponenten", "Burgerzakencomponent")
    object_id = expected.gemma[component]["object_id"]
    by_gemma_id = api.query(f'{{ gemmaElement(gemmaId: "{object_id}") {{ identificatie }} }}')["gemmaElement"]
    assert by_gemma_id["identificatie"] == component
    error = api.error("{ gemmaElement { naam } }")
    assert error["extensions"]["code"] == "INVALID_ARGUMENTS"


def test_gemma_lists(api: Api, expected: Expected) -> None:
    data = api.query(
        "{ referentiecomponenten(first: 1) { totalCount } standaarden(first: 1) { totalCount } "
        "applicatieservices(first: 1) { totalCount } bedrijfsfuncties(first: 1) { totalCount } "
        "buitengemeentelijkeVoorzieningen(first: 1) { totalCount } "
        'zaak: referentiecomponenten(first: 50, filter: {tekst: "zaak"}) { nodes { naam } } }'
    )
    kinds = Counter(row["soort"] for row in expected.gemma.values())
    assert data["referentiecomponenten"]["totalCount"] == kinds["referentiecomponenten"]
    assert data["standaarden"]["totalCount"] == kinds["standaarden"]
    assert data["applicatieservices"]["totalCount"] == kinds["applicatieservices"]
    assert data["bedrijfsfuncties"]["totalCount"] == kinds["bedrijfsfuncties"]
    assert (
        data["buitengemeentelijkeVoorzieningen"]["totalCount"] == kinds["buitengemeentelijke_voorzieningen"]
    )
    wanted = sorted(
        (
            r["naam"]
            for r in expected.gemma.values()
            if r["soort"] == "referentiecomponenten" and "zaak" in r["naam"].lower()
        ),
        key=str.lower,
    )
    assert [n["naam"] for n in data["zaak"]["nodes"]] == wanted


def test_a_standard_with_its_versions(api: Api, expected: Expected) -> None:
    versions: dict[str, list[str]] = {}
    for row in expected.gemma.values():
        if row["soort"] == "standaardversies" and row["standaard"]:
            versions.setdefault(row["standaard"], []).append(row["identifier"])
    standaard, wanted = max(versions.items(), key=lambda kv: len(kv[1]))
    data = api.query(
        f'{{ gemmaElement(identificatie: "{standaard}") {{ ... on Standaard {{ versies {{ identificatie standaard {{ identificatie }} }} }} }} }}'
    )["gemmaElement"]
    assert sorted(v["identificatie"] for v in data["versies"]) == sorted(wanted)
    assert {v["standaard"]["identificatie"] for v in data["versies"]} == {standaard}


def test_diensten_of_a_type(api: Api, expected: Expected) -> None:
    data = api.query(
        "{ diensten(first: 500, filter: {type: HOSTING}) { totalCount nodes { type leverancier { __typename } applicaties { identificatie } } } }"
    )["diensten"]
    wanted = [
        d["eigenschappen"] for d in expected.rows["seed/diensten"] if d["eigenschappen"]["type"] == "HOSTING"
    ]
    assert data["totalCount"] == len(wanted)
    assert all(
        d["type"] == "HOSTING" and d["leverancier"]["__typename"] == "Leverancier" for d in data["nodes"]
    )


def test_node_and_nodes_resolve_every_kind(api: Api, expected: Expected) -> None:
    gebruik = next(iter(expected.gebruik_by_id))
    koppeling = expected.koppelingen[0]["id"]
    component = expected.named("referentiecomponenten", "Zaakregistratiecomponent")
    ids = [
        global_id("Gemeente", "GM0014"),
        global_id("Leverancier", "lev-0001"),
        global_id("Applicatie", "app-00001"),
        global_id("Versie", "app-00001-v1"),
        global_id("Referentiecomponent", component),
        global_id("Gebruik", gebruik),
        global_id("Koppeling", koppeling),
        global_id("Dienst", "dst-00001"),
        global_id("Gemeente", "lev-0001"),  # a leverancier's id under the wrong type
        global_id("Applicatie", "app-99999"),  # nothing there
    ]
    data = api.query("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", {"ids": ids})["nodes"]
    assert [n["id"] if n else None for n in data] == [*ids[:8], None, None]
    assert [n["__typename"] for n in data[:8]] == [
        "Gemeente", "Leverancier", "Applicatie", "Versie", "Referentiecomponent", "Gebruik", "Koppeling", "Dienst",
    ]  # fmt: skip
    single = api.query("query($id: ID!) { node(id: $id) { ... on Gemeente { naam } } }", {"id": ids[0]})
    assert single["node"]["naam"] == "Groningen"


def test_a_province_is_named_in_any_case_or_refused(api: Api, expected: Expected) -> None:
    utrecht = sum(row["provincie"] == "Utrecht" for row in expected.gemeenten.values())
    query = "query($p: String) { gemeenten(filter: {provincie: $p}) { totalCount } }"
    assert api.query(query, {"p": "utrecht"})["gemeenten"]["totalCount"] == utrecht
    error = api.error(query, {"p": "Utreht"})
    assert error["extensions"] == {"code": "INVALID_ARGUMENT", "argument": "filter.provincie"}
    assert "Zuid-Holland" in error["message"]
