"""Expected answers, computed in plain Python from the seed files and the generator's rows.

Tests compare what the API says with these, never with another answer of the API.
"""

from __future__ import annotations

import base64
import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from graph_api.seed.generator import LandscapeGenerator
from graph_api.seed.reference import load_reference
from graph_api.seed.settings import LandscapeSettings


def global_id(type_name: str, key: str) -> str:
    return base64.b64encode(f"{type_name}:{key}".encode()).decode()


def size_class(inwoners: int) -> str:
    if inwoners < 20_000:
        return "KLEIN"
    if inwoners < 50_000:
        return "MIDDEL"
    if inwoners < 100_000:
        return "GROOT"
    return "ZEER_GROOT"


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass
class Expected:
    rows: dict[str, list[dict]]
    gemeenten: dict[str, dict[str, str]]
    gemma: dict[str, dict[str, str]]  # GEMMA identifier → CSV row (with its file as `soort`)
    relaties: list[dict[str, str]]
    apps: dict[str, dict] = field(default_factory=dict)
    leverancier_of: dict[str, str] = field(default_factory=dict)
    gebruik_of: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    gebruik_by_id: dict[str, dict] = field(default_factory=dict)
    voor: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    koppelingen: list[dict] = field(default_factory=list)
    usage: Counter = field(default_factory=Counter)  # application → number of Gebruik
    koppelingen_naar: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def load(cls, seeds: Path, seed: int) -> Expected:
        generator = LandscapeGenerator(
            load_reference(seeds), LandscapeSettings.load(seeds / "landscape.toml"), seed=seed, scale=1
        )
        rows: dict[str, list[dict]] = defaultdict(list)
        for batch in generator.batches():
            rows[batch.query].extend(batch.rows)
        gemma = {}
        for name in ("referentiecomponenten", "standaarden", "standaardversies",
                     "buitengemeentelijke_voorzieningen", "applicatieservices", "bedrijfsfuncties"):  # fmt: skip
            for row in _csv(seeds / "gemma" / f"{name}.csv"):
                gemma[row["identifier"]] = {**row, "soort": name}
        expected = cls(
            rows=rows,
            gemeenten={row["cbs_code"]: row for row in _csv(seeds / "gemeenten.csv")},
            gemma=gemma,
            relaties=_csv(seeds / "gemma" / "relaties.csv"),
        )
        for row in rows["seed/applicaties"]:
            expected.apps[row["eigenschappen"]["id"]] = row["eigenschappen"]
            expected.leverancier_of[row["eigenschappen"]["id"]] = row["leverancier"]
        for row in rows["seed/gebruik"]:
            item = {
                **row["eigenschappen"],
                "applicatie": row["applicatie"],
                "organisatie": row["organisatie"],
            }
            expected.gebruik_of[row["organisatie"]].append(item)
            expected.gebruik_by_id[item["id"]] = item
            expected.usage[row["applicatie"]] += 1
        for row in rows["seed/gebruik_voor"]:
            expected.voor[row["van"]].add(row["naar"])
        for query in ("seed/koppelingen", "seed/koppelingen_voorziening"):
            for row in rows[query]:
                koppeling = {**row["eigenschappen"], "van": row["van"], "naar": row["naar"]}
                expected.koppelingen.append(koppeling)
                expected.koppelingen_naar[row["naar"]].append(koppeling)
        return expected

    def named(self, soort: str, naam: str) -> str:
        return next(key for key, row in self.gemma.items() if row["soort"] == soort and row["naam"] == naam)

    def usage_count(self, app_id: str) -> int:
        return self.usage[app_id]

    def app_sets(self) -> dict[str, set[str]]:
        """Per gemeente, the applications of its Gebruik that is not phased out."""
        sets: dict[str, set[str]] = defaultdict(set)
        for g in self.gebruik_by_id.values():
            if g["status"] != "UITGEFASEERD" and g["organisatie"] in self.gemeenten:
                sets[g["organisatie"]].add(g["applicatie"])
        return sets

    def apps_realising(self, component: str) -> set[str]:
        return {r["van"] for r in self.rows["seed/applicatie_realiseert"] if r["naar"] == component}
