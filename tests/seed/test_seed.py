"""`graph-api seed`: the reference data as published, a generated landscape of the right shape."""

from __future__ import annotations

import csv
import hashlib
import json
import math
import tomllib
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

from graph_api.seed.generator import LandscapeGenerator
from graph_api.seed.loader import SeedReport, counts
from graph_api.seed.reference import load_reference
from graph_api.seed.settings import LandscapeSettings
from graph_api.store import QueryCatalog, Store, open_store
from tests.conftest import SEED, SEEDS, run_cli

HERE = Path(__file__).parent


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


GEMMA = {name: _csv(SEEDS / "gemma" / f"{name}.csv") for name in (
    "referentiecomponenten", "standaarden", "standaardversies", "buitengemeentelijke_voorzieningen",
    "applicatieservices", "bedrijfsfuncties", "relaties",
)}  # fmt: skip
GEMEENTEN = _csv(SEEDS / "gemeenten.csv")
KIND = {row["identifier"]: name for name, rows in GEMMA.items() if name != "relaties" for row in rows}


@pytest.fixture(scope="module")
async def probe(settings, seeded, engine) -> Store:
    """The test's own read queries over the seeded graph (tests/seed/cypher/)."""
    store = open_store(settings, QueryCatalog.load(HERE / "cypher"))
    yield store
    await store.close()


@pytest.fixture(scope="module")
def generated() -> dict[str, list[dict]]:
    """The rows the generator produces for the session's seed, recomputed here."""
    generator = LandscapeGenerator(
        load_reference(SEEDS), LandscapeSettings.load(SEEDS / "landscape.toml"), seed=SEED, scale=1
    )
    rows: dict[str, list[dict]] = defaultdict(list)
    for batch in generator.batches():
        rows[batch.query].extend(batch.rows)
    return rows


def test_reference_data_is_loaded_as_published(seeded: SeedReport) -> None:
    labels, types = seeded.counts.labels, seeded.counts.relationships
    assert labels["Referentiecomponent"] == len(GEMMA["referentiecomponenten"]) == 171
    assert labels["Standaard"] == len(GEMMA["standaarden"])
    assert labels["Standaardversie"] == len(GEMMA["standaardversies"])
    assert labels["BuitengemeentelijkeVoorziening"] == len(GEMMA["buitengemeentelijke_voorzieningen"])
    assert labels["Applicatieservice"] == len(GEMMA["applicatieservices"])
    assert labels["Bedrijfsfunctie"] == len(GEMMA["bedrijfsfuncties"])
    assert labels["GemmaElement"] == len(KIND)
    assert labels["Gemeente"] == len(GEMEENTEN) == 342

    standaarden = {row["identifier"] for row in GEMMA["standaarden"]}
    assert types["VERSIE_VAN"] == sum(row["standaard"] in standaarden for row in GEMMA["standaardversies"])
    relaties = GEMMA["relaties"]
    by_kind = Counter(row["archimate_type"] for row in relaties)
    assert types["VEREIST"] == sum(
        row["archimate_type"] == "Realization" and KIND[row["doel"]] == "standaarden" for row in relaties
    )
    assert types["STROOMT_NAAR"] == by_kind["Flow"]
    assert types["BEDIENT"] == by_kind["Serving"]
    assert types["AGGREGEERT"] == by_kind["Aggregation"]
    pairs = {tuple(sorted((g["cbs_code"], b))) for g in GEMEENTEN for b in g["buren"].split(";") if b}
    assert types["GRENST_AAN"] == len(pairs)


def test_the_graph_holds_what_the_generator_produced(
    seeded: SeedReport, generated: dict[str, list[dict]]
) -> None:
    labels, types = seeded.counts.labels, seeded.counts.relationships
    koppelingen = len(generated["seed/koppelingen"]) + len(generated["seed/koppelingen_voorziening"])
    assert labels["Leverancier"] == len(generated["seed/leveranciers"])
    assert labels["Applicatie"] == len(generated["seed/applicaties"])
    assert labels["Versie"] == len(generated["seed/versies"])
    assert labels["Dienst"] == len(generated["seed/diensten"])
    assert labels["Gebruik"] == len(generated["seed/gebruik"])
    assert labels["Koppeling"] == koppelingen == types["NAAR"]
    # KOPPELT follows the data: one edge a koppeling, two for one whose data flows both ways.
    both_ways = sum(
        1
        for query in ("seed/koppelingen", "seed/koppelingen_voorziening")
        for row in generated[query]
        if row["eigenschappen"]["richting"] == "BEIDE"
    )
    assert types["KOPPELT"] == koppelingen + both_ways
    assert types["VAN"] == len(generated["seed/gebruik"]) + koppelingen
    assert types["VOOR"] == len(generated["seed/gebruik_voor"])
    assert types["VOLGENS"] == len(generated["seed/koppeling_volgens"])
    assert types["ONDERSTEUNT"] == len(generated["seed/ondersteunt"])
    assert types["REGISTREERT"] == len(generated["seed/registreert"])


def test_generated_counts_are_in_the_documented_ranges(seeded: SeedReport) -> None:
    labels = seeded.counts.labels
    assert labels["Leverancier"] == 400
    assert 3_300 <= labels["Applicatie"] <= 3_700
    assert labels["Samenwerking"] == 40
    assert labels["Versie"] >= labels["Applicatie"]
    assert labels["Dienst"] > 1_000


async def test_bigger_gemeenten_use_more_applications(probe: Store) -> None:
    gebruik = LandscapeSettings.load(SEEDS / "landscape.toml").gebruik
    low, high = gebruik["min_applicaties"], gebruik["max_applicaties"]
    rows = await probe.read("gebruik_per_gemeente")
    assert len(rows) == 342
    assert all(low <= row["gebruik"] <= high for row in rows), [
        r for r in rows if not low <= r["gebruik"] <= high
    ]
    assert all(row["koppelingen"] > 0 for row in rows)
    # Size drives it, with the spread of real landscapes (test_realisme.py: r against ln inhabitants).
    assert 0.6 < _spearman([r["inwoners"] for r in rows], [r["gebruik"] for r in rows]) < 0.95
    largest = max(rows, key=lambda r: r["inwoners"])
    smallest = min(rows, key=lambda r: r["inwoners"])
    assert largest["gebruik"] > 3 * smallest["gebruik"]


async def test_markets_have_leaders_or_are_fragmented_and_have_long_tails(probe: Store) -> None:
    """Concentrated markets (duopolie, oligopolie in seeds/componenten.toml) have one to three
    leaders, fragmented ones none that dominates; markets with a tail have many products in use."""
    profiles = tomllib.loads((SEEDS / "componenten.toml").read_text(encoding="utf-8"))
    markt = {
        row["identifier"]: profiles["markten"][groep["markt"]] | {"naam": groep["markt"]}
        for row in GEMMA["referentiecomponenten"]
        for groep in profiles["groep"]
        if row["naam"] in groep["componenten"]
    }
    usage: dict[str, list[int]] = defaultdict(list)
    for row in await probe.read("gebruik_per_applicatie"):
        usage[row["component"]].append(row["gebruik"])
    popular = {c: sorted(v, reverse=True) for c, v in usage.items() if sum(v) >= 150}
    assert len(popular) >= 50
    for component, counts_ in popular.items():
        total = sum(counts_)
        if markt[component]["naam"] == "gefragmenteerd":
            assert counts_[0] / total <= 0.35, component
        else:
            assert sum(counts_[:3]) / total >= 0.4, component  # one to three leaders
            assert counts_[0] / total <= 0.9, component
    with_tail = [c for c in popular if markt[c]["staart"]]
    long_tails = [c for c in with_tail if len(popular[c]) >= 8]
    assert len(long_tails) >= 0.5 * len(with_tail)


def test_koppelingen_follow_gemma_flows(generated: dict[str, list[dict]]) -> None:
    names = {row["identifier"]: row["naam"] for row in GEMMA["referentiecomponenten"]}
    flows = {(row["bron"], row["doel"]) for row in GEMMA["relaties"] if row["archimate_type"] == "Flow"}
    hubs = set(LandscapeSettings.load(SEEDS / "landscape.toml").koppelingen["hubs"])
    components: dict[str, set[str]] = defaultdict(set)
    for row in generated["seed/gebruik_voor"]:
        components[row["van"]].add(row["naar"])
    for row in generated["seed/koppelingen"]:
        van, naar = components[row["van"]], components[row["naar"]]
        follows_flow = any((a, b) in flows for a in van for b in naar)
        to_hub = any(names[c] in hubs for c in naar)
        assert follows_flow or to_hub, row


def test_koppelingen_use_standard_versions_gemma_names(generated: dict[str, list[dict]]) -> None:
    version_of = {row["identifier"]: row["standaard"] for row in GEMMA["standaardversies"]}
    named = {
        (row["bron"], row["doel"])
        for row in GEMMA["relaties"]
        if row["archimate_type"] == "Realization" and KIND[row["doel"]] == "standaarden"
    }
    components: dict[str, set[str]] = defaultdict(set)
    for row in generated["seed/gebruik_voor"]:
        components[row["van"]].add(row["naar"])
    ends = {
        row["eigenschappen"]["id"]: components[row["van"]] | components.get(row["naar"], {row["naar"]})
        for query in ("seed/koppelingen", "seed/koppelingen_voorziening")
        for row in generated[query]
    }
    assert generated["seed/koppeling_volgens"]
    for row in generated["seed/koppeling_volgens"]:
        standaard = version_of[row["naar"]]
        assert any((end, standaard) in named for end in ends[row["van"]]), row


async def test_samenwerkingen_register_usage_for_their_members_only(probe: Store) -> None:
    rows = await probe.read("registraties")
    assert rows, "no samenwerking registers usage"
    assert all(row["lid"] for row in rows)


def test_the_generator_is_deterministic() -> None:
    def fingerprint(seed: int) -> str:
        generator = LandscapeGenerator(
            load_reference(SEEDS),
            LandscapeSettings.load(SEEDS / "landscape.toml"),
            seed=seed,
            scale=1,
            landscapes=frozenset({"GM0014", "GM0153", "GM0363"}),
        )
        digest = hashlib.sha256()
        for batch in generator.batches():
            digest.update(json.dumps([batch.query, batch.rows], sort_keys=True).encode())
        return digest.hexdigest()

    assert fingerprint(3) == fingerprint(3)
    assert fingerprint(3) != fingerprint(4)


def test_scale_multiplies_the_organisations() -> None:
    generator = LandscapeGenerator(
        load_reference(SEEDS),
        LandscapeSettings.load(SEEDS / "landscape.toml"),
        seed=1,
        scale=3,
        landscapes=frozenset({"GM0014"}),
    )
    rows: dict[str, list[dict]] = defaultdict(list)
    for batch in generator.batches():
        rows[batch.query].extend(batch.rows)
    assert len(rows["seed/gemeenten"]) == 3 * 342
    assert len({row["cbsCode"] for row in rows["seed/gemeenten"]}) == 3 * 342
    assert len(rows["seed/leveranciers"]) == 3 * 400
    assert len(rows["seed/samenwerkingen"]) == 3 * 40
    assert len({row["organisatie"] for row in rows["seed/gebruik"]}) == 3  # GM0014 in each copy
    assert len(rows["seed/referentiecomponenten"]) == 171  # GEMMA is shared, not copied


async def test_seeding_again_restores_the_same_graph(
    seeded: SeedReport, settings, store: Store, probe: Store, generated: dict[str, list[dict]]
) -> None:
    """A second run changes nothing, and repairs what was changed since: its upserts update
    the properties of what exists and merge its missing relationships."""
    before = await counts(store)
    gebruik = generated["seed/gebruik"][0]["eigenschappen"]
    # One whose data flows from VAN to NAAR: its KOPPELT edge starts at VAN (tests/seed/cypher).
    koppeling = next(k for k in generated["seed/koppelingen"] if k["eigenschappen"]["richting"] == "HEEN")
    ids = {"gebruik": gebruik["id"], "koppeling": koppeling["eigenschappen"]["id"], "van": koppeling["van"]}
    assert (await probe.write("verstoor", ids))[0]["verstoord"] == 1
    damaged = (await probe.read("hersteld", ids))[0]
    assert damaged == {"status": "VERSTOORD", "type": "VERSTOORD", "van": 0, "koppelt": 0}

    result = run_cli("seed", env={"GRAPH_API_DATA_DIR": str(settings.data_dir)})

    assert result.returncode == 0, result.stderr
    assert "Gebruik" in result.stdout and "total" in result.stdout
    assert await counts(store) == before
    repaired = (await probe.read("hersteld", ids))[0]
    assert repaired == {
        "status": gebruik["status"],
        "type": koppeling["eigenschappen"]["type"],
        "van": 1,
        "koppelt": 1,
    }
    # Since the first seeding, other tests may only have registered users (dev tokens).
    registered = ({"Gebruiker"}, {"LID_VAN"})
    assert _without(before.labels, registered[0]) == _without(seeded.counts.labels, registered[0])
    assert _without(before.relationships, registered[1]) == _without(
        seeded.counts.relationships, registered[1]
    )


def _without(counts: dict[str, int], names: set[str]) -> dict[str, int]:
    return {name: count for name, count in counts.items() if name not in names}


async def test_seeding_with_other_settings_is_refused(seeded: SeedReport, settings, store: Store) -> None:
    before = await counts(store)
    result = run_cli("seed", "--seed", "2", env={"GRAPH_API_DATA_DIR": str(settings.data_dir)})
    assert result.returncode == 1
    assert "SEED_REFUSED" in result.stderr and "--replace" in result.stderr
    assert await counts(store) == before


async def test_replace_clears_the_graph_first(settings, engine) -> None:
    env = {"GRAPH_API_DATA_DIR": str(settings.data_dir), "GRAPH_API_GRAPH": "replace_test"}
    first = run_cli("seed", "--gemeente", "GM0014", env=env)
    assert first.returncode == 0, first.stderr
    refused = run_cli("seed", "--seed", "5", "--gemeente", "GM0014", env=env)
    assert refused.returncode == 1 and "SEED_REFUSED" in refused.stderr
    # The same settings, but the graph seeded by another version of the generator (or from
    # other seed files): its rows would mix with this one's.
    ouder = open_store(replace(settings, graph_name="replace_test"), QueryCatalog.load(HERE / "cypher"))
    try:
        await ouder.write("dataset_ouder", {"generator": "0000000000000000"})
    finally:
        await ouder.close()
    refused = run_cli("seed", "--gemeente", "GM0014", env=env)
    assert refused.returncode == 1 and "SEED_REFUSED" in refused.stderr, refused.stderr
    assert "another version of the generator" in refused.stderr
    replaced = run_cli("seed", "--seed", "5", "--gemeente", "GM0014", "--replace", env=env)
    assert replaced.returncode == 0, replaced.stderr
    store = open_store(replace(settings, graph_name="replace_test"), QueryCatalog.load(HERE / "cypher"))
    try:
        assert await store.read("dataset") == [
            {"seed": 5, "scale": 1, "geladen": (await store.read("dataset"))[0]["geladen"]}
        ]
        gebruik = [r for r in await store.read("gebruik_per_gemeente") if r["gebruik"]]
        assert [r["id"] for r in gebruik] == ["GM0014"]
    finally:
        await store.drop_all()
        await store.close()


def test_an_unknown_gemeente_is_refused(settings) -> None:
    result = run_cli("seed", "--gemeente", "GM9999", env={"GRAPH_API_DATA_DIR": str(settings.data_dir)})
    assert result.returncode == 1
    assert "SEED_REFUSED" in result.stderr and "GM9999" in result.stderr


def _spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        result = [0.0] * len(values)
        for rank, index in enumerate(order):
            result[index] = rank
        return result

    rx, ry = ranks(xs), ranks(ys)
    mean = (len(xs) - 1) / 2
    cov = sum((a - mean) * (b - mean) for a, b in zip(rx, ry, strict=True))
    var = sum((a - mean) ** 2 for a in rx)
    return cov / math.sqrt(var * var)
