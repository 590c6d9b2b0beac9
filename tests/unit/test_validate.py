"""The input check against the model's declarations (graph_api/model/validate.py), with no engine.

Every row the seed writes must pass, for every label and relationship type the model declares;
each row broken in one declared property must fail naming that property, with the code the
declaration implies. The breakages and their codes come from the declarations, the rows from
the seed files (through the generator, as `graph-api seed` writes them).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from graph_api.model import describe, keuzes
from graph_api.model.description import PropertySpec
from graph_api.model.validate import (
    INVALID_CHOICE,
    INVALID_TYPE,
    REQUIRED,
    UNKNOWN_FIELD,
    InvalidInput,
    Problem,
    check,
    require_valid,
)
from graph_api.seed.bulk import SHAPES
from graph_api.seed.generator import LandscapeGenerator
from graph_api.seed.reference import load_reference
from graph_api.seed.settings import LandscapeSettings
from graph_api.store import QueryCatalog

REPO = Path(__file__).resolve().parents[2]
MODEL = describe()
# A landscape besides the reference data and one copy of the market: every kind of row.
LANDSCAPES = frozenset({"GM0014"})


def _path(row: dict, path: str) -> Any:
    for part in path.split("."):
        row = row.get(part) if isinstance(row, dict) else None
    return row


def _seed_rows() -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """The generator's rows for seed 1, as node properties per label and relationship
    properties per type (SHAPES says which query writes what)."""
    generator = LandscapeGenerator(
        load_reference(REPO / "seeds"),
        LandscapeSettings.load(REPO / "seeds" / "landscape.toml"),
        seed=1,
        scale=1,
        landscapes=LANDSCAPES,
    )
    nodes: dict[str, list[dict]] = defaultdict(list)
    relationships: dict[str, list[dict]] = defaultdict(list)
    for batch in generator.batches():
        shape = SHAPES.get(batch.query)
        if shape is None:  # derived properties, written after the nodes (koppeling/standaarden)
            continue
        for row in batch.rows:
            if shape.labels:
                nodes[shape.labels[-1]].append(row["eigenschappen"] if shape.nested else row)
            for edge in shape.edges:
                properties = {name: _path(row, path) for name, path in edge.properties}
                relationships[edge.type].append({k: v for k, v in properties.items() if v is not None})
    # Written by the seed run, `graph-api dev-token` and the mutations, from their queries' parameters.
    example = {file.name: file.example_params for file in QueryCatalog.load(REPO / "cypher").files()}
    nodes["Dataset"].append({"id": "seed", **example["seed/dataset_begin"], **example["seed/dataset"]})
    gebruiker = example["identiteit/registreren"]
    nodes["Gebruiker"].append(
        {key: gebruiker[key] for key in ("id", "subject", "naam", "email", "soort")} | {"status": "ACTIEF"}
    )
    relationships["LID_VAN"].append({"rollen": gebruiker["rollen"]})
    # Written by the mutations (cypher/gebruik/registreren), beside the change they record.
    nodes["Wijziging"].append(example["gebruik/registreren"]["wijziging"])
    nodes["Gebruiksvoorstel"].append(example["voorstel/voorstellen"]["eigenschappen"])
    nodes["EtalageItem"].append(example["etalage/toevoegen"]["eigenschappen"])
    nodes["Delegatie"].append(example["delegatie/verlenen"]["eigenschappen"])
    nodes["Melding"].append(example["melding/aanmaken"]["meldingen"][0])
    # Written by the profile, invitation and merge mutations from values their domain modules
    # compose (graph_api/domain/organisaties/profiel.py, uitnodiging.py; domain/aanbod/samenvoegen.py).
    nodes["Certificering"].append(
        {"id": "cert-1", "naam": "ISO 27001", "uitgever": "DNV", "geldigTot": "2027-06-30",
         "bewijsUrl": "https://example.org/iso27001.pdf"}
    )  # fmt: skip
    nodes["Contactpersoon"].append(
        {"id": "cp-1", "naam": "Anna de Vries", "functie": "Accountmanager", "email": "anna@example.org",
         "telefoon": "+31 20 123 4567", "onderwerp": "verkoop"}
    )  # fmt: skip
    nodes["Uitnodiging"].append(
        {"id": "uit-1", "email": "collega@example.org", "rollen": ["AANBOD_BEHEERDER"], "status": "OPEN",
         "codeHash": "0" * 64, "verlooptOp": "2026-07-14T09:15:00.000Z", "versie": 1,
         "aangemaakt": "2026-06-30T09:15:00.000Z", "uitgenodigdDoor": "gebruiker-1",
         "gewijzigdOp": "2026-06-30T09:15:00.000Z", "gewijzigdDoor": "gebruiker-1"}
    )  # fmt: skip
    nodes["SamengevoegdeApplicatie"].append(
        {"id": "app-2", "naam": "Dubbel", "samengevoegdMet": "app-1", "samengevoegdOp": "2026-06-30T09:15:00.000Z"}
    )
    nodes["Registratie"].append(example["registratie/indienen"]["registratie"])
    nodes["Toegangsverzoek"].append(example["toegangsverzoek/indienen"]["verzoek"])
    nodes["Beoordeling"].append(example["beoordeling/aanmaken"]["beoordeling"])
    # A gemeente dissolved by a herindeling keeps its row (cypher/herindeling/uitvoeren).
    nodes["OpgehevenGemeente"].append({**nodes["Gemeente"][0], "status": "GEDEACTIVEERD", "opgeheven": "2027-01-01"})
    relationships["OPGEGAAN_IN"].append({"datum": "2027-01-01"})
    # Interest, and views and searches counted (cypher/interesse/tonen, cypher/bezoek/): the
    # organisation passes through the parameters, never into a node.
    nodes["Interesse"].append(example["interesse/tonen"]["interesse"])
    bezoek = example["bezoek/tellen"]["bezoeken"][0]
    nodes["Bezoek"].append({key: value for key, value in bezoek.items() if key != "organisatie"})
    nodes["Zoekvraag"].append({"id": "zvr-1", "maand": "2026-12", "term": "zaaksysteem"})
    return nodes, relationships


NODES, RELATIONSHIPS = _seed_rows()
WITH_PROPERTIES = sorted(name for name, rel in MODEL.relationships.items() if rel.properties)


def _rows_of(label: str) -> list[dict]:
    """The seed's rows of nodes carrying `label`, with the properties that label declares (an
    Organisatie's are part of each Gemeente's, Leverancier's, ... row)."""
    declared = MODEL.labels[label].properties
    return [
        {key: value for key, value in row.items() if key in declared}
        for spec in MODEL.labels.values()
        if label in spec.labels
        for row in NODES.get(spec.label, [])
    ]


def test_the_seed_has_rows_of_every_label_and_relationship_with_properties() -> None:
    assert [label for label in MODEL.labels if not _rows_of(label)] == []
    assert set(WITH_PROPERTIES) <= set(RELATIONSHIPS)


@pytest.mark.parametrize("label", sorted(MODEL.labels))
def test_every_seed_row_passes(label: str) -> None:
    for row in _rows_of(label):
        assert check(label, row) == [], row


@pytest.mark.parametrize(
    "rel_type", sorted(name for name, rel in MODEL.relationships.items() if rel.properties)
)
def test_every_seed_relationship_passes(rel_type: str) -> None:
    for row in RELATIONSHIPS[rel_type]:
        assert check(rel_type, row) == [], row


# A value of the wrong type for each declared type; the date and instant are strings of the
# wrong form.
WRONG_TYPE = {
    "string": 12,
    "integer": "12",
    "float": "1.5",
    "boolean": "ja",
    "date": "30-06-2026",
    "datetime": "2026-06-30T09:15:00",  # no offset: no instant
}


def _breakages(spec: PropertySpec) -> list[tuple[Any, str]]:
    """Values that break this declaration, each with the code it must get; None: leave it out."""
    breakages = []
    if spec.required:
        breakages.append((None, REQUIRED))
    item_type = spec.type.removeprefix("list<").removesuffix(">")
    listed = item_type != spec.type
    breakages.append(([WRONG_TYPE[item_type]] if listed else WRONG_TYPE[item_type], INVALID_TYPE))
    if listed:
        breakages.append(("not a list", INVALID_TYPE))
    if spec.choices:
        breakages.append((["NIET_GEKOZEN"] if listed else "NIET_GEKOZEN", INVALID_CHOICE))
    return breakages


@pytest.mark.parametrize("name", sorted(MODEL.labels) + WITH_PROPERTIES)
def test_a_row_broken_in_one_property_fails_naming_it(name: str) -> None:
    rows = _rows_of(name) if name in MODEL.labels else RELATIONSHIPS[name]
    row = max(rows, key=len)  # the seed row with the most properties set
    declared = MODEL.labels[name].properties if name in MODEL.labels else MODEL.relationships[name].properties
    for spec in declared.values():
        for value, code in _breakages(spec):
            broken = {**row, spec.name: value} if value is not None else _without(row, spec.name)
            assert [(p.field, p.code) for p in check(name, broken)] == [(spec.name, code)], (spec, value)


def _without(row: dict, name: str) -> dict:
    return {key: value for key, value in row.items() if key != name}


def test_known_declarations_are_enforced() -> None:
    gemeente = _rows_of("Gemeente")[0]
    assert _codes("Gemeente", {**gemeente, "inwoners": 12.5}) == [("inwoners", INVALID_TYPE)]
    assert _codes("Gemeente", {**gemeente, "inwoners": True}) == [("inwoners", INVALID_TYPE)]
    assert _codes("Gemeente", {**gemeente, "oppervlakteKm2": 186}) == []  # an integer is a number
    assert _codes("Gemeente", {**gemeente, "naam": "  "}) == [("naam", REQUIRED)]
    assert _codes("Gemeente", _without(gemeente, "cbsCode")) == [("cbsCode", REQUIRED)]
    assert _codes("Gemeente", {**gemeente, "gemeentecode": "x"}) == [("gemeentecode", UNKNOWN_FIELD)]
    gebruik = _rows_of("Gebruik")[0]
    for status in keuzes.GEBRUIK_STATUS:
        assert _codes("Gebruik", {**gebruik, "status": status}) == []
    assert _codes("Gebruik", {**gebruik, "status": "in productie"}) == [("status", INVALID_CHOICE)]
    assert _codes("Gebruik", {**gebruik, "startDatum": "2026-02-30"}) == [("startDatum", INVALID_TYPE)]
    assert _codes("Gebruik", {**gebruik, "startDatum": "20260630"}) == [("startDatum", INVALID_TYPE)]
    assert _codes("Gebruik", {**gebruik, "eindDatum": None}) == []  # null removes an optional one
    applicatie = _rows_of("Applicatie")[0]
    assert _codes("Applicatie", {**applicatie, "cloudModellen": ["SAAS", "ON_PREM"]}) == [
        ("cloudModellen", INVALID_CHOICE)
    ]
    assert _codes("LID_VAN", {"rollen": []}) == [("rollen", REQUIRED)]
    assert _codes("DEELNEMER_VAN", {"sinds": "2021-06-27"}) == []


def test_several_problems_are_all_reported() -> None:
    assert _codes("Koppeling", {"id": "k", "type": "FAX", "richting": "HEEN", "kleur": "rood"}) == [
        ("type", INVALID_CHOICE),
        ("status", REQUIRED),
        ("kleur", UNKNOWN_FIELD),
    ]


def test_a_partial_row_checks_only_what_it_names() -> None:
    assert check("Gebruik", {"hosting": "SAAS"}, partial=True) == []
    assert _codes("Gebruik", {"hosting": "WOLK"}, partial=True) == [("hosting", INVALID_CHOICE)]
    # Naming a required property to clear it is refused.
    assert _codes("Gebruik", {"status": None}, partial=True) == [("status", REQUIRED)]


def test_require_valid_raises_one_error_listing_every_problem() -> None:
    require_valid("Dienst", {"id": "d", "naam": "Hosting", "type": "HOSTING"})
    with pytest.raises(InvalidInput) as raised:
        require_valid("Dienst", {"id": "d", "type": "PIZZA"})
    assert raised.value.code == "INVALID_INPUT"
    assert [(p.field, p.code) for p in raised.value.problems] == [
        ("naam", REQUIRED),
        ("type", INVALID_CHOICE),
    ]
    assert all(isinstance(p, Problem) and p.message for p in raised.value.problems)


def test_an_undeclared_label_is_a_defect_not_input() -> None:
    with pytest.raises(KeyError):
        check("Gemeentje", {})


def _codes(label: str, row: dict, **options: Any) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in check(label, row, **options)]
