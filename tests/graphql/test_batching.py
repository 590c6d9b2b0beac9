"""No N+1: a request's store calls grow with its depth, never with the number of objects."""

from __future__ import annotations

import pytest

from tests.graphql.conftest import Api

THREE_LEVELS = """
query($n: Int!) {
  gemeenten(first: $n) {
    nodes {
      naam
      gebruik(first: 5) {
        totalCount
        nodes {
          status
          applicatie { naam leverancier { naam } referentiecomponenten { naam } }
          uitgaandeKoppelingen { type naar { ... on Gebruik { status } ... on BuitengemeentelijkeVoorziening { naam } } }
        }
      }
      buren { naam }
    }
  }
}
"""


@pytest.mark.parametrize("n", [1, 10, 100])
def test_store_calls_do_not_grow_with_the_number_of_gemeenten(api: Api, n: int) -> None:
    body = api.post(THREE_LEVELS, {"n": n}).json()
    assert "errors" not in body
    assert len(body["data"]["gemeenten"]["nodes"]) == n
    # One call per list or relation in the query: gemeenten, gebruik and its count, buren,
    # applicatie, leverancier, referentiecomponenten, koppelingen and their far ends.
    assert body["extensions"]["queryStats"]["storeCalls"] == 9


def test_the_same_relation_with_other_arguments_batches_separately(api: Api) -> None:
    query = """
    { gemeenten(first: 100) { nodes {
        productie: gebruik(first: 3, filter: {status: IN_PRODUCTIE}) { nodes { status } }
        gepland: gebruik(first: 3, filter: {status: GEPLAND}) { nodes { status } }
    } } }"""
    body = api.post(query).json()
    assert body["extensions"]["queryStats"]["storeCalls"] == 3
    nodes = body["data"]["gemeenten"]["nodes"]
    assert all(g["status"] == "IN_PRODUCTIE" for n in nodes for g in n["productie"]["nodes"])
    assert all(g["status"] == "GEPLAND" for n in nodes for g in n["gepland"]["nodes"])
