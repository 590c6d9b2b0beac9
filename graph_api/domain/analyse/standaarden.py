"""Standards coverage: how many koppelingen follow a standard GEMMA requires for their ends."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph_api.domain import Reader
from graph_api.domain.analyse import drempel
from graph_api.domain.analyse.groepen import groep_van
from graph_api.model import keuzes
from graph_api.toegang import GROEPSMINIMUM, Zicht


@dataclass(frozen=True)
class Dekking:
    koppelingen: int
    met_verplichte_standaard: int
    volgens_verplichte_standaard: int


async def standaardendekking(reader: Reader, gemeente: str) -> Dekking:
    """One gemeente's coverage, over the koppelingen of its landscape the reader may see."""
    row = (await reader.read("benchmark/standaardendekking", {"gemeente": gemeente}))[0]
    return Dekking(row["koppelingen"], row["metVerplichteStandaard"], row["volgensVerplichteStandaard"])


async def overzicht(
    reader: Reader, zicht: Zicht, *, splitsing: str, minimale_groep: int
) -> dict[str, drempel.ShownCoverage]:
    """Coverage per group of `splitsing`, as the group floor lets it be shown. Those who see
    only landscapes of their own get them without the floor: it protects others, not oneself."""
    own = zicht.alleen_eigen_landschappen
    groups: dict[str, list[drempel.Coverage]] = defaultdict(list)
    for row in await reader.read(
        "benchmark/standaardendekking_overzicht", {"grenzen": keuzes.GROOTTEKLASSE_GRENZEN}
    ):
        crossgroup = drempel.Coverage(
            gemeenten=row["gemeenten"],
            koppelingen=int(row["koppelingen"]),
            met_verplichte_standaard=int(row["metVerplichteStandaard"]),
            volgens_verplichte_standaard=int(row["volgensVerplichteStandaard"]),
            gemeenten_met=row["gemeentenMet"],
            gemeenten_volgens=row["gemeentenVolgens"],
        )
        groups[groep_van(row, splitsing)].append(crossgroup)
    return drempel.coverage(
        {name: drempel.merge_coverage(parts) for name, parts in groups.items()},
        splitsing,
        1 if own else minimale_groep,
        1 if own else GROEPSMINIMUM,
    )
