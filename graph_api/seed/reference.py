"""The real reference data in seeds/: GEMMA and the 342 gemeenten, as graph rows.

GEMMA identifiers become node ids, so exports round-trip to GEMMA Online and Archi.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GEMMA_FILES = {
    "Referentiecomponent": "referentiecomponenten.csv",
    "Standaard": "standaarden.csv",
    "Standaardversie": "standaardversies.csv",
    "BuitengemeentelijkeVoorziening": "buitengemeentelijke_voorzieningen.csv",
    "Applicatieservice": "applicatieservices.csv",
    "Bedrijfsfunctie": "bedrijfsfuncties.csv",
}

_STATUS = {
    "In gebruik": "IN_GEBRUIK",
    "In ontwikkeling": "IN_ONTWIKKELING",
    "Einde ondersteuning": "EINDE_ONDERSTEUNING",
    "": None,
}

# ArchiMate relation type → our relationship type, for the relations taken over as they are.
_RELATION_TYPES = {
    "Flow": "STROOMT_NAAR",
    "Serving": "BEDIENT",
    "Aggregation": "AGGREGEERT",
}


@dataclass(frozen=True)
class GemeenteRecord:
    cbs_code: str
    naam: str
    provincie: str
    inwoners: int
    oppervlakte_km2: float
    buren: tuple[str, ...]


@dataclass
class Reference:
    """Rows ready for the seed queries, plus lookups the generator needs."""

    nodes: dict[str, list[dict]] = field(default_factory=dict)  # label → rows
    relations: dict[str, list[dict]] = field(default_factory=dict)  # type → {van, naar, ...}
    gemeenten: list[GemeenteRecord] = field(default_factory=list)
    label_of: dict[str, str] = field(default_factory=dict)  # GEMMA id → label

    def named(self, label: str) -> dict[str, dict]:
        """Rows of a label by name."""
        return {row["naam"]: row for row in self.nodes[label]}


def load_reference(seeds_dir: Path) -> Reference:
    ref = Reference()
    gemma = seeds_dir / "gemma"
    for label, filename in GEMMA_FILES.items():
        rows = []
        for record in _read(gemma / filename):
            row: dict[str, Any] = {
                "id": record["identifier"],
                "gemmaId": record["object_id"],
                "naam": record["naam"],
            }
            if "status" in record:
                row["status"] = _STATUS[record["status"]]
            for source, target in (
                ("bbn", "bbn"),
                ("afkorting", "afkorting"),
                ("beheerder", "beheerder"),
                ("url", "url"),
                ("versie", "versie"),
            ):
                if source in record:
                    row[target] = record[source] or None
            if "soort" in record:
                row["soort"] = record["soort"].upper()
            rows.append(_drop_empty(row))
            ref.label_of[row["id"]] = label
        ref.nodes[label] = sorted(rows, key=lambda r: r["id"])

    standaarden = {row["id"] for row in ref.nodes["Standaard"]}
    ref.relations["VERSIE_VAN"] = sorted(
        (
            {"van": record["identifier"], "naar": record["standaard"]}
            for record in _read(gemma / "standaardversies.csv")
            if record["standaard"] in standaarden
        ),
        key=lambda r: r["van"],
    )
    for record in _read(gemma / "relaties.csv"):
        _add_relation(ref, record)
    for rows in ref.relations.values():
        rows.sort(key=lambda r: (r["van"], r["naar"], r.get("id", "")))

    for record in _read(seeds_dir / "gemeenten.csv"):
        ref.gemeenten.append(
            GemeenteRecord(
                cbs_code=record["cbs_code"],
                naam=record["naam"],
                provincie=record["provincie"],
                inwoners=int(record["inwoners"]),
                oppervlakte_km2=float(record["oppervlakte_km2"]),
                buren=tuple(code for code in record["buren"].split(";") if code),
            )
        )
    ref.gemeenten.sort(key=lambda g: g.cbs_code)
    return ref


def _add_relation(ref: Reference, record: dict[str, str]) -> None:
    kind, van, naar = record["archimate_type"], record["bron"], record["doel"]
    van_label, naar_label = ref.label_of[van], ref.label_of[naar]
    row = {"id": record["identifier"], "van": van, "naar": naar}
    if kind == "Realization" and naar_label == "Standaard":
        rol = record["verbindingsrol"].upper() or None
        ref.relations.setdefault("VEREIST", []).append(_drop_empty({**row, "rol": rol}))
    elif kind == "Realization" and naar_label == "Applicatieservice":
        ref.relations.setdefault("REALISEERT", []).append(row)
    elif kind == "Specialization" and van_label == naar_label == "Referentiecomponent":
        ref.relations.setdefault("SPECIALISATIE_VAN", []).append(row)
    elif kind in _RELATION_TYPES:
        ref.relations.setdefault(_RELATION_TYPES[kind], []).append(row)
    # Specialization and Composition between a standard and its versions repeat the
    # `standaard` column of standaardversies.csv, which VERSIE_VAN is built from.


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _drop_empty(row: dict) -> dict:
    return {key: value for key, value in row.items() if value not in (None, "")}
