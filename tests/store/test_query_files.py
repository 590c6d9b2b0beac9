"""Every query of cypher/: runs on each engine, uses only what the model declares."""

from __future__ import annotations

import re

import pytest

from graph_api.model import describe
from graph_api.querycheck import check_catalog, check_text, check_zicht
from graph_api.store import Store
from graph_api.toegang import BEHEER
from tests.store.conftest import CATALOG

WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE)\b")


@pytest.mark.parametrize("name", CATALOG.names())
async def test_query_runs_with_its_example_parameters(small_graph: Store, name: str) -> None:
    file = next(f for f in CATALOG.files() if f.name == name and f.engine in (None, small_graph.engine))
    run = small_graph.write if WRITES.search(file.text) else small_graph.read
    # Queries of a request run with the asker's $zicht; here: a functioneel beheerder's.
    rows = await run(name, {**file.example_params, **BEHEER.params()})
    assert isinstance(rows, list)
    assert all(type(row) is dict for row in rows)
    assert all(_plain_values(value) for row in rows for value in row.values())


def _plain_values(value) -> bool:
    """Only strings, numbers, booleans, null, and maps and lists of those."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_values(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain_values(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def test_a_query_reading_a_landscape_must_apply_zicht() -> None:
    assert check_zicht("probe", "MATCH (g:Gebruik) RETURN g.id AS id")
    assert check_zicht("probe", "MATCH (o)-[:GEBRUIKT]->(g) RETURN g.id AS id")
    assert not check_zicht("probe", "MATCH (g:Gebruik) WHERE $zicht.alleGebruik RETURN g.id AS id")
    assert not check_zicht("probe", "MATCH (g:Gebruik) RETURN g.id AS id", "a visible parent")
    assert not check_zicht("probe", "MATCH (a:Applicatie) RETURN a.id AS id")


def test_queries_use_only_declared_labels_types_and_properties() -> None:
    findings = check_catalog(CATALOG, describe())
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("MATCH (g:Gemeentje) RETURN g.id AS id", "label Gemeentje"),
        ("MATCH (g:Gebruik) WHERE g:Onbekend RETURN g.id AS id", "label Onbekend"),
        ("MATCH (g:Gebruik)-[:VANN]->(a:Applicatie) RETURN a.id AS id", "relationship VANN"),
        ("MATCH (a:Applicatie) RETURN a.prijs AS p", "property a.prijs"),
        ("MATCH (a:Applicatie) RETURN a {.naam, .kosten} AS a", "property a.kosten"),
        ("MERGE (k:Koppeling {kleur: 'rood'})", "property kleur"),
        ("MATCH ()-[r:KOPPELT]->() RETURN r.gewicht AS g", "property r.gewicht"),
        (
            "MATCH (a:Applicatie) WHERE a.naam =~ 'x.*' RETURN a.id AS id",
            "portability regular expression match",
        ),
        (
            "MATCH (a:Applicatie) WHERE EXISTS { (a)-->() } RETURN a.id AS id",
            "portability EXISTS {} subquery",
        ),
        ("CALL db.idx.fulltext.queryNodes('Versie', $q) YIELD node RETURN node.id AS id", "label Versie"),
    ],
)
def test_the_check_finds_what_the_model_does_not_declare(text: str, finding: str) -> None:
    findings = [str(f) for f in check_text("probe", text, describe())]
    assert any(f.startswith(f"probe: {finding}") for f in findings), findings
