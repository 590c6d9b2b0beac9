"""The seeded landscape is one an expert would believe (issue 21): prevalence by component,
one system per kern component, markets as concentrated as seeds/componenten.toml states,
suites only along GEMMA's relations, standards coverage that varies.

Every answer is computed here in plain Python from the seed files and raw rows read back from
the seeded graph; nothing is taken from the generator.
"""

from __future__ import annotations

import csv
import math
import random
import statistics
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from graph_api.seed.loader import SeedReport
from graph_api.store import QueryCatalog, Store, open_store
from tests.conftest import SEEDS

HERE = Path(__file__).parent
RUNNING = {"IN_PRODUCTIE", "UIT_TE_FASEREN"}
PROFILES = tomllib.loads((SEEDS / "componenten.toml").read_text(encoding="utf-8"))
KENMERKEN = tomllib.loads((SEEDS / "gemeentekenmerken.toml").read_text(encoding="utf-8"))
GROEP = {naam: groep for groep in PROFILES["groep"] for naam in groep["componenten"]}


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


COMPONENTEN = _csv(SEEDS / "gemma" / "referentiecomponenten.csv")
KERN = {naam for naam, groep in GROEP.items() if groep["klasse"] == "kern"}


def hhi(counts: list[int]) -> float:
    total = sum(counts)
    return sum((100 * c / total) ** 2 for c in counts)


@pytest.fixture(scope="module")
async def probe(settings, seeded: SeedReport, engine) -> Store:
    store = open_store(settings, QueryCatalog.load(HERE / "cypher"))
    yield store
    await store.close()


@pytest.fixture(scope="module")
async def systems(probe: Store) -> dict[str, dict[str, list[dict]]]:
    """gemeente → component name → its Gebruik rows (id, status, leverancier)."""
    result: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in await probe.read("systemen"):
        result[row["gemeente"]][row["component"]].append(row)
    return result


@pytest.fixture(scope="module")
async def inwoners(probe: Store) -> dict[str, int]:
    return {row["id"]: row["inwoners"] for row in await probe.read("gemeenten")}


def test_every_component_is_classified_once() -> None:
    names = [row["naam"] for row in COMPONENTEN]
    listed = [naam for groep in PROFILES["groep"] for naam in groep["componenten"]]
    assert sorted(listed) == sorted(names)  # each once, none unknown
    for groep in PROFILES["groep"]:
        assert groep["klasse"] in {"kern", "gangbaar", "niche"}, groep["naam"]
        assert groep["markt"] in PROFILES["markten"], groep["naam"]
        assert groep["reden"].strip(), groep["naam"]
        if groep["klasse"] == "niche":
            assert groep.get("kenmerk") in KENMERKEN or groep.get("inwoners_min"), groep["naam"]
    gemeenten = {row["cbs_code"] for row in _csv(SEEDS / "gemeenten.csv")}
    for naam, kenmerk in KENMERKEN.items():
        assert set(kenmerk["gemeenten"]) <= gemeenten, naam


def test_every_gemeente_runs_every_kern_component(systems, inwoners) -> None:
    assert len(inwoners) == 342
    missing = [
        (gemeente, naam)
        for gemeente in inwoners
        for naam in KERN
        if not any(row["status"] in RUNNING for row in systems[gemeente].get(naam, []))
    ]
    assert missing == []


def test_a_second_system_for_a_kern_component_is_a_migration(systems, inwoners) -> None:
    pairs: dict[str, int] = defaultdict(int)
    for gemeente in inwoners:
        for naam in KERN:
            rows = systems[gemeente].get(naam, [])
            if len(rows) > 1:
                statuses = sorted(row["status"] for row in rows)
                assert len(rows) == 2, (gemeente, naam, statuses)
                old, new = sorted(statuses, key=lambda status: status != "UIT_TE_FASEREN")
                assert old == "UIT_TE_FASEREN" and new in {"GEPLAND", "VERWERVING"}, (
                    gemeente,
                    naam,
                    statuses,
                )
                pairs[naam] += 1
    assert pairs, "no gemeente is migrating anything"
    high = PROFILES["migratie"][1]
    # Drawn per gemeente with the component's chance in that range: binomial spread allowed.
    for naam, count in pairs.items():
        assert count / len(inwoners) <= high + 3 * math.sqrt(high * (1 - high) / len(inwoners)), naam


def test_niche_components_only_where_their_property_holds(systems, inwoners) -> None:
    niche = {naam: groep for naam, groep in GROEP.items() if groep["klasse"] == "niche"}
    used = defaultdict(set)
    for gemeente, per_component in systems.items():
        cbs = gemeente.split("-")[0]
        for naam in per_component:
            if naam not in niche:
                continue
            groep = niche[naam]
            if "kenmerk" in groep:
                assert cbs in KENMERKEN[groep["kenmerk"]]["gemeenten"], (gemeente, naam)
            assert inwoners[gemeente] >= groep.get("inwoners_min", 0), (gemeente, naam)
            used[naam].add(gemeente)
    haven = next(naam for naam, groep in niche.items() if groep.get("kenmerk") == "haven")
    assert len(used[haven]) >= 0.8 * len(KENMERKEN["haven"]["gemeenten"])


def test_each_market_is_as_concentrated_as_stated(systems) -> None:
    """HHI over the leveranciers of the gemeenten's running systems, each gemeente counted once
    per leverancier, in the range of the component's market structure."""
    outside = {}
    for naam, groep in GROEP.items():
        counts: dict[str, int] = defaultdict(int)
        for per_component in systems.values():
            for leverancier in {
                row["leverancier"] for row in per_component.get(naam, []) if row["status"] in RUNNING
            }:
                counts[leverancier] += 1
        if not counts:
            continue
        low, high = PROFILES["markten"][groep["markt"]]["hhi"]
        value = hhi(list(counts.values()))
        if not low <= value <= high:
            outside[naam] = (groep["markt"], round(value))
    assert outside == {}
    burgerzaken = {row["leverancier"] for p in systems.values() for row in p.get("Burgerzakencomponent", [])}
    assert len(burgerzaken) <= PROFILES["markten"][GROEP["Burgerzakencomponent"]["markt"]]["producten"][1]


async def test_suites_span_only_components_gemma_relates(probe: Store) -> None:
    relations = {"Flow", "Serving", "Aggregation", "Specialization"}
    ids = {row["identifier"] for row in COMPONENTEN}
    related = {
        frozenset((row["bron"], row["doel"]))
        for row in _csv(SEEDS / "gemma" / "relaties.csv")
        if row["archimate_type"] in relations and row["bron"] in ids and row["doel"] in ids
    }
    suites = await probe.read("suites")
    assert suites
    unrelated = [
        (row["applicatie"], a, b)
        for row in suites
        for a in row["componenten"]
        for b in row["componenten"]
        if a < b and frozenset((a, b)) not in related
    ]
    assert unrelated == []


def test_landscapes_grow_with_size_but_spread(systems, inwoners) -> None:
    apps = {g: len({row["gebruik"] for rows in systems[g].values() for row in rows}) for g in inwoners}
    xs = [math.log(inwoners[g]) for g in inwoners]
    ys = [apps[g] for g in inwoners]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    r = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / math.sqrt(
        sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys)
    )
    assert 0.6 <= r <= 0.9


async def test_samenwerkingen_make_their_members_alike(probe: Store, systems) -> None:
    members = defaultdict(set)
    for row in await probe.read("samenwerkingsleden"):
        members[row["samenwerking"]].add(row["gemeente"])
    pairs = {tuple(sorted((a, b))) for group in members.values() for a in group for b in group if a != b}

    def alike(chosen) -> float:
        same = both = 0
        for a, b in chosen:
            for naam, rows in systems[a].items():
                if other := systems[b].get(naam):
                    both += 1
                    same += bool({r["leverancier"] for r in rows} & {r["leverancier"] for r in other})
        return same / both

    rng = random.Random(21)
    gemeenten = sorted(systems)
    strangers = {tuple(sorted(rng.sample(gemeenten, 2))) for _ in range(2000)} - pairs
    assert alike(pairs) > alike(strangers) + 0.1


async def test_standards_coverage_varies_by_component(probe: Store) -> None:
    per_component: dict[str, list[bool]] = defaultdict(list)
    per_koppeling: dict[str, bool] = {}
    for row in await probe.read("standaardvolging"):
        per_component[row["component"]].append(row["volgt"])
        per_koppeling[row["koppeling"]] = row["volgt"]
    overall = sum(per_koppeling.values()) / len(per_koppeling)
    assert 0.4 <= overall <= 0.95
    shares = [sum(v) / len(v) for v in per_component.values() if len(v) >= 30]
    assert max(shares) - min(shares) >= 0.3
