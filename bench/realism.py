"""How believable the generated landscape is: the figures of issue 21, from the generator's rows.

Prevalence against each component's class (seeds/componenten.toml), kern components missing or
doubled, market concentration against the stated ranges, spread of landscape size, likeness
within samenwerkingen, standards coverage and suites. Computed in plain Python over the rows
`graph-api seed` would write, so it needs no engine and runs on any version of the generator.
"""

from __future__ import annotations

import json
import math
import random
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.results import write_section
from graph_api.seed.generator import LandscapeGenerator
from graph_api.seed.prevalentie import Prevalentie
from graph_api.seed.reference import load_reference
from graph_api.seed.settings import LandscapeSettings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
RUNNING = {"IN_PRODUCTIE", "UIT_TE_FASEREN"}
MIGRATING = {"GEPLAND", "VERWERVING"}
COMPONENT_RELATIONS = ("STROOMT_NAAR", "BEDIENT", "AGGREGEERT", "SPECIALISATIE_VAN")
NAMED = (
    "Havencomponent",
    "Erfpachtrechtcomponent",
    "Financieel component",
    "Zaakregistratiecomponent",
    "Burgerzakencomponent",
)


def hhi(counts: list[int]) -> float:
    """Herfindahl-Hirschman index on the 0-10,000 scale."""
    total = sum(counts)
    return sum((100 * c / total) ** 2 for c in counts) if total else 0.0


def pearson(xs: list[float], ys: list[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return cov / math.sqrt(sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys))


def spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {
        "min": ordered[0],
        "p10": at(0.1),
        "median": statistics.median(ordered),
        "p90": at(0.9),
        "max": ordered[-1],
    }


def figures(seed: int, scale: int, seeds: Path = SEEDS) -> dict[str, Any]:
    reference = load_reference(seeds)
    settings = LandscapeSettings.load(seeds / "landscape.toml")
    names = {row["id"]: row["naam"] for row in reference.nodes["Referentiecomponent"]}
    prevalentie = Prevalentie.of(
        settings.componenten,
        settings.gemeentekenmerken,
        list(names.values()),
        {g.cbs_code for g in reference.gemeenten},
    )
    rows: dict[str, list[dict]] = defaultdict(list)
    for batch in LandscapeGenerator(reference, settings, seed=seed, scale=scale).batches():
        rows[batch.query].extend(batch.rows)

    inwoners = {g["id"]: g["inwoners"] for g in rows["seed/gemeenten"]}
    leverancier = {a["eigenschappen"]["id"]: a["leverancier"] for a in rows["seed/applicaties"]}
    gebruik = {g["eigenschappen"]["id"]: g for g in rows["seed/gebruik"]}
    # gemeente → component → [(status, leverancier)]
    systems: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    components_of: dict[str, set[str]] = defaultdict(set)
    for row in rows["seed/gebruik_voor"]:
        g = gebruik[row["van"]]
        systems[g["organisatie"]][row["naar"]].append(
            (g["eigenschappen"]["status"], leverancier[g["applicatie"]])
        )
        components_of[row["van"]].add(row["naar"])

    result: dict[str, Any] = {}
    gemeenten = sorted(inwoners)
    n = len(gemeenten)
    profiel = {cid: prevalentie.profielen[naam] for cid, naam in names.items()}

    # Prevalence: share of gemeenten with any system for the component, per class.
    share = {cid: sum(1 for g in gemeenten if systems[g].get(cid)) / n for cid in names}
    for klasse in ("kern", "gangbaar", "niche"):
        values = [share[c] for c in names if profiel[c].klasse == klasse]
        result[f"aandeel {klasse}"] = spread(values) | {"componenten": len(values)}
    for cid, naam in names.items():
        if naam in NAMED:
            result[f"gemeenten met {naam}"] = sum(1 for g in gemeenten if systems[g].get(cid))
    outside = 0
    for cid in names:
        p = profiel[cid]
        if p.klasse == "niche":
            outside += sum(
                1
                for g in gemeenten
                if systems[g].get(cid) and not prevalentie.geldt_voor(p, g.split("-")[0], inwoners[g])
            )
    result["niche-gebruik buiten kenmerk of omvang"] = outside

    kern = [c for c in names if profiel[c].klasse == "kern"]
    result["gemeenten zonder een kerncomponent"] = sum(
        1 for g in gemeenten if any(not systems[g].get(c) for c in kern)
    )
    doubled = [(g, c) for g in gemeenten for c in kern if len(systems[g].get(c, [])) >= 2]
    migration = [
        (g, c)
        for g, c in doubled
        if sorted(s in MIGRATING for s, _ in systems[g][c]) == [False, True]
        and {s for s, _ in systems[g][c]} - MIGRATING == {"UIT_TE_FASEREN"}
    ]
    result["gemeenten met 2+ systemen voor een kerncomponent"] = len({g for g, _ in doubled})
    result["  (gemeente, kerncomponent) met 2+ systemen"] = len(doubled)
    result["  waarvan migratieparen"] = len(migration)
    result["  migratieparen per kerncomponent (aandeel gemeenten)"] = spread(
        [sum(1 for _, c in migration if c == comp) / n for comp in kern]
    )
    burgerzaken = next(c for c, naam in names.items() if naam == "Burgerzakencomponent")
    result["gemeenten met 2+ burgerzakensystemen"] = sum(
        1 for g in gemeenten if len(systems[g].get(burgerzaken, [])) >= 2
    )

    # Markets: leveranciers of the running systems, each gemeente counted once per leverancier.
    per_market: dict[str, list[tuple[str, int, float]]] = defaultdict(list)
    for cid in names:
        counts: dict[str, int] = defaultdict(int)
        for g in gemeenten:
            for lev in {lev for s, lev in systems[g].get(cid, []) if s in RUNNING}:
                counts[lev] += 1
        if counts:
            per_market[profiel[cid].markt.naam].append((cid, len(counts), hhi(list(counts.values()))))
    for naam, entries in sorted(per_market.items()):
        low, high = prevalentie.markten[naam].hhi
        result[f"markt {naam} ({low:.0f}-{high:.0f})"] = {
            "componenten": len(entries),
            "in bereik": sum(1 for _, _, h in entries if low <= h <= high),
            "leveranciers mediaan": statistics.median(e[1] for e in entries),
            "hhi": spread([e[2] for e in entries]),
        }
    for cid, lev_count, value in (e for entries in per_market.values() for e in entries):
        if cid == burgerzaken:
            result["burgerzaken: leveranciers, HHI"] = f"{lev_count}, {value:.0f}"

    # Size and spread.
    per_gemeente: dict[str, int] = defaultdict(int)
    for g in rows["seed/gebruik"]:
        per_gemeente[g["organisatie"]] += 1
    result["r(applicaties, ln inwoners)"] = pearson(
        [per_gemeente[g] for g in gemeenten], [math.log(inwoners[g]) for g in gemeenten]
    )
    result["applicaties per gemeente"] = spread([per_gemeente[g] for g in gemeenten])

    # Samenwerkingen: how often two gemeenten that both use a component have a leverancier in common.
    def alike(a: str, b: str) -> tuple[int, int]:
        both = same = 0
        for cid, entries in systems[a].items():
            other = systems[b].get(cid)
            if other:
                both += 1
                same += bool({lev for _, lev in entries} & {lev for _, lev in other})
        return same, both

    groups: dict[str, list[str]] = defaultdict(list)
    for row in rows["seed/deelnemer_van"]:
        if row["naar"].startswith("sam-"):
            groups[row["naar"]].append(row["van"])
    member_pairs = {
        tuple(sorted((a, b))) for members in groups.values() for a in members for b in members if a < b
    }
    rng = random.Random(0)
    random_pairs = {tuple(sorted(rng.sample(gemeenten, 2))) for _ in range(3000)} - member_pairs

    def likeness(pairs) -> float:
        totals = [alike(a, b) for a, b in pairs]
        return sum(s for s, _ in totals) / sum(b for _, b in totals)

    result["zelfde leverancier: leden van een samenwerking"] = likeness(sorted(member_pairs))
    result["zelfde leverancier: willekeurige paren"] = likeness(sorted(random_pairs))

    # Standards: of the koppelingen for which GEMMA requires a standard, the share following one.
    verplicht: dict[str, set[str]] = defaultdict(set)
    for row in reference.relations.get("VEREIST", []):
        if row.get("rol") == "VERPLICHT":
            verplicht[row["van"]].add(row["naar"])
    standaard_van = {row["van"]: row["naar"] for row in reference.relations.get("VERSIE_VAN", [])}
    gevolgd: dict[str, set[str]] = defaultdict(set)
    for row in rows["seed/koppeling_volgens"]:
        if row["naar"] in standaard_van:
            gevolgd[row["van"]].add(standaard_van[row["naar"]])
    per_component: dict[str, list[bool]] = defaultdict(list)
    per_gemeente_std: dict[str, list[bool]] = defaultdict(list)
    koppelingen = 0
    for query in ("seed/koppelingen", "seed/koppelingen_voorziening"):
        for row in rows[query]:
            koppelingen += 1
            ends = components_of[row["van"]] | components_of.get(row["naar"], set())
            vereist = set().union(*(verplicht[c] for c in ends), verplicht.get(row["naar"], set()))
            if not vereist:
                continue
            follows = bool(gevolgd[row["eigenschappen"]["id"]] & vereist)
            for c in ends:
                per_component[c].append(follows)
            per_gemeente_std[gebruik[row["van"]]["organisatie"]].append(follows)
    everything = [f for values in per_gemeente_std.values() for f in values]
    result["koppelingen waarvoor GEMMA een standaard vereist"] = len(everything) / koppelingen
    result["koppelingen met vereiste standaard die er een volgen"] = sum(everything) / len(everything)
    result["  per component (20+ koppelingen)"] = spread(
        [sum(v) / len(v) for v in per_component.values() if len(v) >= 20]
    )
    result["  per gemeente"] = spread([sum(v) / len(v) for v in per_gemeente_std.values() if v])

    # Suites: applications realising two components that GEMMA does not relate.
    related = {
        frozenset((row["van"], row["naar"]))
        for rel in COMPONENT_RELATIONS
        for row in reference.relations.get(rel, [])
        if row["van"] in names and row["naar"] in names
    }
    realises: dict[str, set[str]] = defaultdict(set)
    for row in rows["seed/applicatie_realiseert"]:
        realises[row["van"]].add(row["naar"])
    suites = {app: comps for app, comps in realises.items() if len(comps) > 1}
    unrelated = sum(
        1
        for comps in suites.values()
        for a in comps
        for b in comps
        if a < b and frozenset((a, b)) not in related
    )
    result["suites (applicaties voor 2+ componenten)"] = len(suites)
    result["suiteparen die GEMMA niet verbindt"] = unrelated
    result["Applicatie, Gebruik, Koppeling"] = (
        f"{len(rows['seed/applicaties']):,}, {len(rows['seed/gebruik']):,}, "
        f"{len(rows['seed/koppelingen']) + len(rows['seed/koppelingen_voorziening']):,}"
    )
    return result


def render(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {render(v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:.0f}" if abs(value) >= 10 else f"{value:.2f}"
    return str(value)


def table(after: dict[str, Any], before: dict[str, Any] | None) -> str:
    if before is None:
        lines = ["| figure | value |", "| --- | --- |"]
        lines += [f"| {key} | {render(value)} |" for key, value in after.items()]
    else:
        lines = ["| figure | before | after |", "| --- | --- | --- |"]
        keys = list(after) + [k for k in before if k not in after]
        lines += [f"| {k} | {render(before.get(k, '-'))} | {render(after.get(k, '-'))} |" for k in keys]
    return "\n".join(lines)


def main(seed: int, scale: int, save: Path | None, before: Path | None) -> None:
    result = figures(seed, scale)
    if save is not None:
        save.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    previous = json.loads(before.read_text(encoding="utf-8")) if before is not None else None
    text = table(result, previous)
    print(text)
    if previous is not None:
        write_section(
            "Realism of the generated landscape",
            f"python -m bench realism --seed {seed} --scale {scale} --before FILE",
            "Before: the figures another version of the generator saved with `--save FILE`; after:\n"
            "this one. Shares are of the gemeenten; HHI over the leveranciers of each gemeente's\n"
            "running systems for a component; spreads are min, p10, median, p90, max.\n\n" + text,
        )
