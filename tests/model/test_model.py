"""The neomodel declarations: the graph of docs/graph-model.md, and the DDL made from them."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from graph_api.model import describe, keuzes
from graph_api.schema_files import schema_files
from graph_api.store import ConstraintViolation, QueryCatalog, open_store
from tests.conftest import REPO

MODEL = describe()


def test_every_label_of_the_architecture_is_declared() -> None:
    expected = {
        "Organisatie", "Gemeente", "Leverancier", "Samenwerking", "Community", "Beheerorganisatie",
        "Gebruiker", "Applicatie", "Versie", "Referentiecomponent", "Standaard", "Standaardversie",
        "Applicatieservice", "Bedrijfsfunctie", "BuitengemeentelijkeVoorziening", "Gebruik",
        "Koppeling", "Dienst",
    }  # fmt: skip
    assert expected <= set(MODEL.labels)
    assert MODEL.labels["Gemeente"].labels == ("Gemeente", "Organisatie")
    for name in ("Leverancier", "Samenwerking", "Community", "Beheerorganisatie"):
        assert "Organisatie" in MODEL.labels[name].labels


def test_every_relationship_of_the_architecture_is_declared_with_its_ends() -> None:
    expected = {
        ("Gebruiker", "LID_VAN", "Organisatie"),
        ("Leverancier", "BIEDT_AAN", "Applicatie"),
        ("Applicatie", "ONDERDEEL_VAN", "Applicatie"),
        ("Applicatie", "REALISEERT", "Referentiecomponent"),
        ("Applicatie", "HEEFT_VERSIE", "Versie"),
        ("Versie", "ONDERSTEUNT", "Standaardversie"),
        ("Standaardversie", "VERSIE_VAN", "Standaard"),
        ("Referentiecomponent", "VEREIST", "Standaard"),
        ("Organisatie", "GEBRUIKT", "Gebruik"),
        ("Gebruik", "VAN", "Applicatie"),
        ("Gebruik", "VERSIE", "Versie"),
        ("Gebruik", "VOOR", "Referentiecomponent"),
        ("Koppeling", "VAN", "Gebruik"),
        ("Koppeling", "NAAR", "Gebruik"),
        ("Koppeling", "NAAR", "BuitengemeentelijkeVoorziening"),
        ("Koppeling", "VOLGENS", "Standaardversie"),
        ("Gebruik", "KOPPELT", "Gebruik"),
        ("Gebruik", "KOPPELT", "BuitengemeentelijkeVoorziening"),
        ("BuitengemeentelijkeVoorziening", "KOPPELT", "Gebruik"),
        ("Leverancier", "LEVERT", "Dienst"),
        ("Dienst", "BIJ", "Applicatie"),
        ("Gebruik", "NEEMT_AF", "Dienst"),
        ("Gemeente", "GRENST_AAN", "Gemeente"),
    }
    declared = {(a, t, b) for t, rel in MODEL.relationships.items() for a, b in rel.endpoints}
    assert expected <= declared, expected - declared
    assert set(MODEL.relationships["LID_VAN"].properties) == {"rollen", "status", "versie"}
    assert set(MODEL.relationships["VEREIST"].properties) == {"id", "rol"}
    assert set(MODEL.relationships["KOPPELT"].properties) == {"koppelingId"}


def test_properties_carry_type_required_unique_and_choices() -> None:
    gemeente = MODEL.labels["Gemeente"].properties
    assert gemeente["cbsCode"].unique and gemeente["cbsCode"].required
    assert gemeente["inwoners"].type == "integer"
    assert all(
        spec.properties["id"].unique and spec.properties["id"].required for spec in MODEL.labels.values()
    )
    gebruik = MODEL.labels["Gebruik"].properties
    assert set(gebruik["status"].choices) == {
        "VERWERVING",
        "GEPLAND",
        "IN_PRODUCTIE",
        "UIT_TE_FASEREN",
        "UITGEFASEERD",
    }
    assert set(MODEL.labels["Koppeling"].properties["type"].choices) == set(keuzes.KOPPELING_TYPE)
    assert len(keuzes.KOPPELING_TYPE) == 6
    assert MODEL.labels["Applicatie"].properties["cloudModellen"].type == "list<string>"
    assert set(MODEL.labels["Applicatie"].properties["cloudModellen"].choices) == {
        "ON_PREMISES",
        "IAAS",
        "PAAS",
        "SAAS",
    }
    assert set(MODEL.labels["Organisatie"].properties["status"].choices) == {
        "CONCEPT",
        "ACTIEF",
        "GEDEACTIVEERD",
    }


def test_schema_files_are_current() -> None:
    for name, text in schema_files().items():
        committed = (REPO / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is stale: run `graph-api export-schema`"


async def test_db_init_installs_once_and_constraints_hold(settings, engine, tmp_path) -> None:
    (tmp_path / "create.cypher").write_text("CREATE (a:Applicatie) SET a = $row RETURN a.id AS id")
    store = open_store(replace(settings, graph_name="ddl_test"), QueryCatalog.load(tmp_path))
    try:
        await store.drop_all()
        first = await store.install_schema(MODEL)
        assert any("UNIQUE NODE Gemeente PROPERTIES 1 cbsCode" in s for s in first)
        assert any("createNodeIndex" in s and "'Organisatie'" in s for s in first)
        assert await store.install_schema(MODEL) == []
        row = {
            "id": "a1",
            "naam": "x",
            "type": "APPLICATIE",
            "licentietype": "OPEN_SOURCE",
            "status": "ACTIEF",
        }
        await store.write("create", {"row": row})
        with pytest.raises(ConstraintViolation):
            await store.write("create", {"row": row})
    finally:
        await store.drop_all()
        await store.close()


def test_the_neo4j_counts_list_every_label_and_type() -> None:
    catalog = QueryCatalog.load(REPO / "cypher")
    labels = {label for spec in MODEL.labels.values() for label in spec.labels}
    assert set(re.findall(r"RETURN '(\w+)' AS label", catalog.text("stats/labels", "neo4j"))) == labels
    types = set(re.findall(r"RETURN '(\w+)' AS type", catalog.text("stats/relatietypes", "neo4j")))
    assert types == set(MODEL.relationships)
