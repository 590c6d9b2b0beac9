"""A gemeente's landscape through GraphQL: Gebruik, koppelingen and their far ends."""

from __future__ import annotations

from collections import Counter

from tests.expected import Expected, global_id
from tests.graphql.conftest import Api

LANDSCHAP = """
query($c: String!, $na: String) {
  gemeente(cbsCode: $c) {
    gebruik(first: 500, after: $na) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        identificatie status hosting startDatum
        organisatie { identificatie }
        applicatie { identificatie }
        referentiecomponenten { identificatie }
        geregistreerdDoor { identificatie }
        uitgaandeKoppelingen {
          identificatie type richting status
          van { identificatie }
          naar { __typename ... on Gebruik { identificatie } ... on BuitengemeentelijkeVoorziening { identificatie } }
          standaardversies { identificatie }
        }
        inkomendeKoppelingen { identificatie }
      }
    }
  }
}
"""


def _landscape(api: Api, cbs: str) -> list[dict]:
    nodes, cursor = [], None
    while True:
        page = api.query(LANDSCHAP, {"c": cbs, "na": cursor})["gemeente"]["gebruik"]
        nodes += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes
        cursor = page["pageInfo"]["endCursor"]


def test_the_largest_landscape_is_complete(api: Api, expected: Expected) -> None:
    gebruik = _landscape(api, "GM0363")
    wanted = {g["id"]: g for g in expected.gebruik_of["GM0363"]}
    assert len(gebruik) == len(wanted) > 500  # more than one page
    assert {g["identificatie"] for g in gebruik} == set(wanted)
    for item in gebruik:
        row = wanted[item["identificatie"]]
        assert item["status"] == row["status"] and item["hosting"] == row["hosting"]
        assert item["applicatie"]["identificatie"] == row["applicatie"]
        assert item["organisatie"]["identificatie"] == "GM0363"
        assert {c["identificatie"] for c in item["referentiecomponenten"]} == expected.voor[row["id"]]


def test_koppelingen_with_both_ends_and_standards(api: Api, expected: Expected) -> None:
    gebruik = _landscape(api, "GM0014")
    mine = {g["id"] for g in expected.gebruik_of["GM0014"]}
    by_id = {k["id"]: k for k in expected.koppelingen if k["van"] in mine}
    volgens = {}
    for row in expected.rows["seed/koppeling_volgens"]:
        volgens.setdefault(row["van"], set()).add(row["naar"])
    seen = 0
    for item in gebruik:
        for koppeling in item["uitgaandeKoppelingen"]:
            row = by_id[koppeling["identificatie"]]
            seen += 1
            assert koppeling["van"]["identificatie"] == item["identificatie"] == row["van"]
            assert koppeling["naar"]["identificatie"] == row["naar"]
            kind = "Gebruik" if row["naar"].startswith("geb-") else "BuitengemeentelijkeVoorziening"
            assert koppeling["naar"]["__typename"] == kind
            assert (koppeling["type"], koppeling["richting"], koppeling["status"]) == (
                row["type"],
                row["richting"],
                row["status"],
            )
            assert {s["identificatie"] for s in koppeling["standaardversies"]} == volgens.get(
                row["id"], set()
            )
        incoming = {k["id"] for k in expected.koppelingen_naar[item["identificatie"]]}
        assert {k["identificatie"] for k in item["inkomendeKoppelingen"]} == incoming
    assert seen == len(by_id) > 0


def test_usage_registered_by_a_samenwerking(api: Api, expected: Expected) -> None:
    registered = expected.rows["seed/registreert"][0]
    gebruik = expected.gebruik_by_id[registered["naar"]]
    data = _landscape(api, gebruik["organisatie"])
    item = next(g for g in data if g["identificatie"] == registered["naar"])
    assert item["geregistreerdDoor"]["identificatie"] == registered["van"]


def test_a_landscape_narrowed_by_status_and_component(api: Api, expected: Expected) -> None:
    rows = expected.gebruik_of["GM0599"]
    component = Counter(c for g in rows for c in expected.voor[g["id"]]).most_common(1)[0][0]
    data = api.query(
        'query($c: ID) { gemeente(cbsCode: "GM0599") { '
        "inProductie: gebruik(filter: {status: IN_PRODUCTIE}) { totalCount } "
        "voorComponent: gebruik(filter: {referentiecomponent: $c}) { totalCount nodes { identificatie } } "
        "saas: gebruik(filter: {hosting: SAAS}) { totalCount } } }",
        {"c": global_id("Referentiecomponent", component)},
    )["gemeente"]
    assert data["inProductie"]["totalCount"] == sum(g["status"] == "IN_PRODUCTIE" for g in rows)
    assert data["saas"]["totalCount"] == sum(g["hosting"] == "SAAS" for g in rows)
    wanted = {g["id"] for g in rows if component in expected.voor[g["id"]]}
    assert data["voorComponent"]["totalCount"] == len(wanted)
    assert {n["identificatie"] for n in data["voorComponent"]["nodes"]} == wanted


def test_the_organisations_using_an_application(api: Api, expected: Expected) -> None:
    app = max(expected.apps, key=expected.usage_count)
    users = sorted(
        (g for g in expected.gebruik_by_id.values() if g["applicatie"] == app),
        key=lambda g: (_naam(expected, g["organisatie"]).lower(), g["id"]),
    )
    data = api.query(
        "query($i: String!) { applicatie(identificatie: $i) { gebruik(first: 10) { totalCount nodes { organisatie { identificatie } } } } }",
        {"i": app},
    )["applicatie"]["gebruik"]
    assert data["totalCount"] == len(users)
    assert [n["organisatie"]["identificatie"] for n in data["nodes"]] == [
        g["organisatie"] for g in users[:10]
    ]


def test_root_lists_of_gebruik_and_koppelingen(api: Api, expected: Expected) -> None:
    gemeente = global_id("Gemeente", "GM0014")
    data = api.query(
        "query($g: ID) { gebruik(organisatie: $g, first: 1) { totalCount } "
        "alle: gebruik(first: 1, filter: {status: VERWERVING}) { totalCount } "
        "koppelingen(organisatie: $g, first: 1) { totalCount } "
        "digi: koppelingen(first: 1, filter: {type: DIGIKOPPELING}) { totalCount } }",
        {"g": gemeente},
    )
    mine = {g["id"] for g in expected.gebruik_of["GM0014"]}
    assert data["gebruik"]["totalCount"] == len(mine)
    assert data["alle"]["totalCount"] == sum(
        g["status"] == "VERWERVING" for g in expected.gebruik_by_id.values()
    )
    assert data["koppelingen"]["totalCount"] == sum(k["van"] in mine for k in expected.koppelingen)
    assert data["digi"]["totalCount"] == sum(k["type"] == "DIGIKOPPELING" for k in expected.koppelingen)


def _naam(expected: Expected, organisatie: str) -> str:
    if organisatie in expected.gemeenten:
        return expected.gemeenten[organisatie]["naam"]
    return next(r["naam"] for r in expected.rows["seed/samenwerkingen"] if r["id"] == organisatie)


def test_an_organisation_argument_takes_its_cbs_code_or_identifier(api: Api, expected: Expected) -> None:
    """As the docs write it: koppelingen(organisatie: "GM0344"); the global id answers the same."""
    mine = {g["id"] for g in expected.gebruik_of["GM0344"]}
    query = "query($o: ID) { koppelingen(organisatie: $o, first: 1) { totalCount } gebruik(organisatie: $o) { totalCount } }"
    by_code = api.query(query, {"o": "GM0344"})
    assert by_code["koppelingen"]["totalCount"] == sum(k["van"] in mine for k in expected.koppelingen)
    assert by_code["gebruik"]["totalCount"] == len(mine)
    assert api.query(query, {"o": global_id("Gemeente", "GM0344")}) == by_code
    error = api.error(query, {"o": global_id("Applicatie", "app-00001")})
    assert error["extensions"] == {"code": "INVALID_ID", "argument": "organisatie"}


def test_a_malformed_global_id_error_names_its_argument(api: Api) -> None:
    error = api.error('{ node(id: "!!!") { id } }')
    assert error["extensions"] == {"code": "INVALID_ID", "argument": "id"}


def test_gebruik_filters_by_hostingmodel_as_applications_do(api: Api, expected: Expected) -> None:
    mine = [g for g in expected.gebruik_of["GM0014"] if g.get("hosting") == "SAAS"]
    data = api.query(
        'query($o: ID) { nieuw: gebruik(organisatie: $o, filter: {hostingmodel: SAAS}) { totalCount } '
        'oud: gebruik(organisatie: $o, filter: {hosting: SAAS}) { totalCount } }',
        {"o": "GM0014"},
    )
    assert data["nieuw"]["totalCount"] == data["oud"]["totalCount"] == len(mine) > 0


def test_the_users_of_an_application_can_be_filtered(api: Api, expected: Expected) -> None:
    app = max(expected.apps, key=expected.usage_count)
    users = [g for g in expected.gebruik_by_id.values() if g["applicatie"] == app]
    query = """query($i: String!) { applicatie(identificatie: $i) {
      productie: gebruik(filter: {status: IN_PRODUCTIE}) { totalCount }
      saas: gebruik(filter: {hostingmodel: SAAS}) { totalCount }
      oud: gebruik(status: IN_PRODUCTIE) { totalCount } } }"""
    data = api.query(query, {"i": app})["applicatie"]
    assert data["productie"]["totalCount"] == data["oud"]["totalCount"] == sum(g["status"] == "IN_PRODUCTIE" for g in users)
    assert data["saas"]["totalCount"] == sum(g.get("hosting") == "SAAS" for g in users)
