"""Keyset paging: forward and backward, every ordering, stable under cursors."""

from __future__ import annotations

import pytest

from tests.expected import Expected
from tests.graphql.conftest import Api

GEMEENTEN = """
query($first: Int, $after: String, $last: Int, $before: String, $order: OrganisatieOrder) {
  gemeenten(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { cbsCode naam inwoners } }
  }
}
"""


def _walk(api: Api, order: dict, size: int) -> list[str]:
    codes, cursor = [], None
    while True:
        page = api.query(GEMEENTEN, {"first": size, "after": cursor, "order": order})["gemeenten"]
        codes += [edge["node"]["cbsCode"] for edge in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] == (cursor is not None)
        if not page["pageInfo"]["hasNextPage"]:
            return codes
        cursor = page["pageInfo"]["endCursor"]


@pytest.mark.parametrize(
    ("order", "key"),
    [
        ({"field": "NAAM", "direction": "ASC"}, lambda r: (r["naam"].lower(), r["cbs_code"])),
        ({"field": "NAAM", "direction": "DESC"}, lambda r: (r["naam"].lower(), r["cbs_code"])),
        ({"field": "INWONERS", "direction": "ASC"}, lambda r: (int(r["inwoners"]), r["cbs_code"])),
        ({"field": "INWONERS", "direction": "DESC"}, lambda r: (int(r["inwoners"]), r["cbs_code"])),
    ],
)
def test_walking_all_pages_visits_every_gemeente_once_in_order(
    api: Api, expected: Expected, order, key
) -> None:
    codes = _walk(api, order, 50)
    wanted = [
        r["cbs_code"]
        for r in sorted(expected.gemeenten.values(), key=key, reverse=order["direction"] == "DESC")
    ]
    assert codes == wanted


def test_the_default_page_is_50_and_500_is_allowed(api: Api) -> None:
    assert len(api.query(GEMEENTEN, {})["gemeenten"]["edges"]) == 50
    assert len(api.query(GEMEENTEN, {"first": 500})["gemeenten"]["edges"]) == 342


def test_paging_backwards_mirrors_paging_forwards(api: Api, expected: Expected) -> None:
    order = {"field": "INWONERS", "direction": "DESC"}
    forward = _walk(api, order, 60)
    backward, cursor = [], None
    while True:
        page = api.query(GEMEENTEN, {"last": 60, "before": cursor, "order": order})["gemeenten"]
        backward = [edge["node"]["cbsCode"] for edge in page["edges"]] + backward
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        cursor = page["pageInfo"]["startCursor"]
    assert backward == forward


def test_a_page_starts_right_after_its_cursor(api: Api) -> None:
    first = api.query(GEMEENTEN, {"first": 10})["gemeenten"]
    fifth = first["edges"][4]["cursor"]
    after = api.query(GEMEENTEN, {"first": 3, "after": fifth})["gemeenten"]
    assert [e["node"]["cbsCode"] for e in after["edges"]] == [
        e["node"]["cbsCode"] for e in first["edges"][5:8]
    ]
    before = api.query(GEMEENTEN, {"last": 2, "before": fifth})["gemeenten"]
    assert [e["node"]["cbsCode"] for e in before["edges"]] == [
        e["node"]["cbsCode"] for e in first["edges"][2:4]
    ]


def test_an_empty_page(api: Api) -> None:
    page = api.query(GEMEENTEN, {"first": 0})["gemeenten"]
    assert page["edges"] == [] and page["totalCount"] == 342
    assert page["pageInfo"]["hasNextPage"] is True and page["pageInfo"]["endCursor"] is None


def test_nested_lists_page_per_parent(api: Api, expected: Expected) -> None:
    query = """
    query($na: String) {
      gemeenten(first: 3, orderBy: {field: INWONERS, direction: DESC}) {
        nodes { cbsCode gebruik(first: 7, after: $na, orderBy: {field: START_DATUM, direction: DESC}) {
          totalCount pageInfo { endCursor } nodes { identificatie startDatum } } }
      }
    }"""
    data = api.query(query)["gemeenten"]["nodes"]
    for gemeente in data:
        rows = sorted(
            expected.gebruik_of[gemeente["cbsCode"]],
            key=lambda g: (g.get("startDatum", ""), g["id"]),
            reverse=True,
        )
        assert gemeente["gebruik"]["totalCount"] == len(rows)
        assert [n["identificatie"] for n in gemeente["gebruik"]["nodes"]] == [g["id"] for g in rows[:7]]


def test_applications_ordered_by_use(api: Api, expected: Expected) -> None:
    data = api.query(
        "{ applicaties(first: 20, orderBy: {field: GEBRUIK, direction: DESC}) { nodes { identificatie gebruik { totalCount } } } }"
    )["applicaties"]["nodes"]
    wanted = sorted(expected.apps, key=lambda a: (-expected.usage_count(a), a))
    counts = [n["gebruik"]["totalCount"] for n in data]
    assert counts == sorted(counts, reverse=True)
    assert counts == [expected.usage_count(a) for a in wanted[:20]]
