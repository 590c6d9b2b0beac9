"""Each analytic's median latency at scale 1 and scale 10, and how it grows.

Every analytic runs as a GraphQL query executed in-process (the schema, its loaders and the
store; no HTTP), on landscapes seeded with seed 1 at each scale, for the same gemeente
(Amsterdam, in the first copy). Targets: per-gemeente analytics grow at most 2x from scale 1 to
10, similar gemeenten and recommendations stay under 1 s at scale 10, national aggregates grow
no worse than linearly, and everything answers within 1 s at scale 1.

"Linearly" is judged against the data a national aggregate reads, counted at both scales (the
Gebruik or the Koppelingen of every landscape), with the 10% margin the seeding benchmark
allows for noise: n log n growth over ten times the data would already be 20% over.
"""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass, replace
from pathlib import Path

from bench.harness import LINEAR_MARGIN, ensure_seeded, median_ms
from bench.results import write_section
from graph_api.graphql.context import Context
from graph_api.graphql.schema import build_schema
from graph_api.runtime import open_runtime
from graph_api.seed.loader import counts
from graph_api.settings import Settings
from graph_api.toegang import BEHEER

WORK = Path(__file__).parent / "work"
ZAAKREGISTRATIE = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"


def _gid(kind: str, key: str) -> str:
    return base64.b64encode(f"{kind}:{key}".encode()).decode()


@dataclass(frozen=True)
class Analytic:
    name: str
    kind: str  # gemeente, similar, national
    query: str
    reads: str = ""  # for national aggregates: the label whose count the work grows with


def analytics(hub: str, other: str) -> list[Analytic]:
    g, c, lev = (
        _gid("Gemeente", "GM0363"),
        _gid("Referentiecomponent", ZAAKREGISTRATIE),
        _gid("Leverancier", "lev-0001"),
    )
    hub_id, other_id = _gid("Gebruik", hub), _gid("Gebruik", other)
    return [
        Analytic("afhankelijkheden (both ways, depth 3, from a hub)", "gemeente",
                 f'{{ afhankelijkheden(gebruik: "{hub_id}", diepte: 3) {{ graaf {{ nodes {{ id label }} edges {{ id source target }} }} paden {{ nodes }} }} }}'),
        Analytic("kortstePad", "gemeente", f'{{ kortstePad(van: "{hub_id}", naar: "{other_id}") {{ nodes edges }} }}'),
        Analytic("impactanalyse (replace by another application)", "gemeente",
                 f'{{ impactanalyse(gebruik: "{hub_id}", vervangenDoor: "{_gid("Applicatie", "app-00001")}") {{ koppelingen {{ gevolg }} ontbrekendeStandaarden {{ standaardversie {{ naam }} }} onbediendeReferentiecomponenten {{ naam }} vervallendeDiensten {{ naam }} }} }}'),
        Analytic("landschapsgraaf (first 500 Gebruik)", "gemeente",
                 f'{{ landschapsgraaf(organisatie: "{g}") {{ totalCount nodes {{ id label }} edges {{ id source target }} }} }}'),
        Analytic("gluurBijDeBuren", "gemeente",
                 f'{{ gluurBijDeBuren(gemeente: "{g}", referentiecomponent: "{c}") {{ buur {{ naam }} gebruik {{ applicatie {{ naam }} }} }} }}'),
        Analytic("standaardendekking (one gemeente)", "gemeente",
                 f'{{ standaardendekking(gemeente: "{g}") {{ koppelingen dekking }} }}'),
        Analytic("vergelijkbareGemeenten (top 10)", "similar",
                 f'{{ vergelijkbareGemeenten(gemeente: "{g}") {{ jaccard gemeente {{ naam }} }} }}'),
        Analytic("aanbevelingen (from the 10 most similar)", "similar",
                 f'{{ aanbevelingen(gemeente: "{g}") {{ aantal applicatie {{ naam }} gebruiktDoor {{ naam }} }} }}'),
        Analytic("leveranciersprofiel", "national",
                 f'{{ leveranciersprofiel(leverancier: "{lev}") {{ klanten {{ organisatie {{ naam }} }} marktaandelen {{ aandeel }} }} }}', "Gebruik"),
        Analytic("adoptie (by size class)", "national",
                 f'{{ adoptie(referentiecomponent: "{c}", splitsing: GROOTTEKLASSE) {{ groepen {{ groep aandelen {{ gemeenten }} }} }} }}', "Gebruik"),
        Analytic("marktconcentratie (all components)", "national",
                 "{ marktconcentratie(first: 200) { hhi referentiecomponent { naam } } }", "Gebruik"),
        Analytic("standaardendekkingOverzicht (by province)", "national",
                 "{ standaardendekkingOverzicht(splitsing: PROVINCIE) { groep dekking } }", "Koppeling"),
        Analytic("koppelingsnetwerk (top 100 pairs)", "national",
                 "{ koppelingsnetwerk(first: 100) { edges { aantal } } }", "Koppeling"),
    ]  # fmt: skip


async def _prepare(scale: int) -> Settings:
    settings = replace(
        Settings(query_timeout_ms=120_000, write_timeout_ms=600_000),
        data_dir=WORK / f"analytics-scale-{scale}",
    )
    await ensure_seeded(settings, scale)
    return settings


async def _measure(
    settings: Settings, rounds: int, hub: str, other: str
) -> tuple[dict[str, float], dict[str, int]]:
    """Each analytic's median, and the count per label of the graph it ran on."""
    schema = build_schema()
    times = {}
    async with open_runtime(settings) as runtime:
        for analytic in analytics(hub, other):

            async def run(analytic: Analytic = analytic) -> None:
                result = await schema.execute(analytic.query, context_value=Context(runtime, zicht=BEHEER))
                if result.errors:
                    raise SystemExit(f"{analytic.name}: {result.errors}")

            times[analytic.name] = await median_ms(run, rounds, warmup=2)
            print(f"  {analytic.name}: {times[analytic.name]:.1f} ms", flush=True)
        sizes = (await counts(runtime.store)).labels
    return times, sizes


async def _hub(settings: Settings) -> tuple[str, str]:
    """The most connected Gebruik of Amsterdam, and one of its landscape two koppelingen away."""
    async with open_runtime(settings) as runtime:
        rows = await runtime.store.read("afhankelijkheid/landschap", {"organisatie": "GM0363", "status": None,
                                        "referentiecomponent": None, "na": None, "limit": 1000,
                                        **BEHEER.params()})  # fmt: skip
    degree = {r["item"]["id"]: len(r["item"]["koppelingen"]) for r in rows}
    incoming: dict[str, int] = {}
    for r in rows:
        for k in r["item"]["koppelingen"]:
            incoming[k["naar"]] = incoming.get(k["naar"], 0) + 1
    hub = max(degree, key=lambda g: (degree[g] + incoming.get(g, 0), g))
    far = sorted(
        g
        for g in degree
        if g != hub
        and degree[g]
        and g not in {k["naar"] for r in rows if r["item"]["id"] == hub for k in r["item"]["koppelingen"]}
    )
    return hub, far[len(far) // 2]


def main(scales: list[int], rounds: int) -> None:
    results, sizes = {}, {}
    hub = other = ""
    for scale in scales:
        settings = asyncio.run(_prepare(scale))
        if scale == scales[0]:
            hub, other = asyncio.run(_hub(settings))
        print(f"scale {scale}:")
        results[scale], sizes[scale] = asyncio.run(_measure(settings, rounds, hub, other))
    low, high = scales[0], scales[-1]
    lines = [
        f"| analytic | kind | scale {low} (ms) | scale {high} (ms) | ratio | data read, ratio | target |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for analytic in analytics(hub, other):
        a, b = results[low][analytic.name], results[high][analytic.name]
        ratio = b / a
        data = "–"
        if analytic.kind == "gemeente":
            target, met = "≤ 2x", ratio <= 2
        elif analytic.kind == "similar":
            target, met = f"< 1 s at scale {high}", b < 1000
        else:
            growth = sizes[high][analytic.reads] / sizes[low][analytic.reads]
            data = f"{analytic.reads}: {growth:.2f}"
            target, met = f"≤ {LINEAR_MARGIN:.1f} × data ratio (linear)", ratio <= LINEAR_MARGIN * growth
        met = met and a < 1000
        lines.append(
            f"| {analytic.name} | {analytic.kind} | {a:.1f} | {b:.1f} | {ratio:.2f} | {data} "
            f"| {target}, < 1 s at scale {low}: {'met' if met else 'MISSED'} |"
        )
    body = "\n".join(lines) + (
        f"\n\nMedians of {rounds} runs after 2 warm-up runs, executed in-process (schema, loaders, store; no "
        "HTTP), for Amsterdam (GM0363) in the first copy of each landscape, seed 1. Scale 10 has ten copies of "
        "every organisation, so national aggregates see ten times the data and per-gemeente analytics the same "
        "landscape in a ten times larger graph. A national aggregate's growth is judged against the growth "
        "of the data it reads (the count of the label named), with a 10% margin for noise: n log n over ten "
        "times the data would already be 20% over."
    )
    write_section(
        "Analytics",
        f"python -m bench analytics --scales {','.join(map(str, scales))} --rounds {rounds}",
        body,
    )
    print(body)
