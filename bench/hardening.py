"""What the request limits hold off, and the weights the cost estimate reads whole lists by.

Over HTTP against `graph-api serve` on the seeded scale-1 landscape:

1. A fragment fan-out (each fragment spreads the next one twice): how long its refusal takes as
   the number of fragments grows, so its expansion doubles.
2. Another client's lookup, alone and while hostile clients send each kind of request the
   limits are about: fan-outs, 900 KB strings, documents slow to validate, the costliest filtered
   lists a request may still hold. Medians and p95 of the lookup, and how it compares to alone.
3. The engine's time to read a root list, per node of its label, in cost units (50 µs), with
   each filter given: what graph_api/graphql/limits/cost.py SCANS says, measured.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from dataclasses import replace

import httpx

from bench.api import GRAPHQL_RESPONSE, WORK, mint_token, served
from bench.harness import ensure_seeded
from bench.results import write_section
from graph_api.graphql.limits.cost import SCANS
from graph_api.settings import Settings

LOOKUP = '{ gemeente(cbsCode: "GM0363") { naam } }'
UNIT_MS = 0.05  # one unit of the cost estimate: about what one object of the catalogue costs


def fan_out(levels: int) -> str:
    fragments = [f"fragment F{i} on Query {{ __typename ...F{i + 1} ...F{i + 1} }}" for i in range(levels)]
    return "\n".join(["{ ...F0 }", *fragments, f"fragment F{levels} on Query {{ __typename }}"])


def slow_to_validate(i: int) -> str:
    spreads = " ".join(f"...F{j}" for j in range(220))
    fragments = " ".join(f"fragment F{j} on Applicatie {{ naam }}" for j in range(220))
    return f'{{ applicaties(first: 1, filter: {{tekst: "v{i}"}}) {{ nodes {{ {spreads} }} }} }} {fragments}'


async def _post(client: httpx.AsyncClient, query: str, variables: dict | None = None,
                token: str | None = None) -> tuple[float, dict]:  # fmt: skip
    headers = {"authorization": f"Bearer {token}"} if token else {}
    started = time.perf_counter()
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
    return (time.perf_counter() - started) * 1000, response.json()


async def refusal_times(client: httpx.AsyncClient, rounds: int) -> list[tuple[int, float, str]]:
    rows = []
    for levels in (10, 12, 20, 40, 80):
        samples = []
        for _ in range(rounds):
            ms, body = await _post(client, fan_out(levels))
            samples.append(ms)
        code = body["errors"][0]["extensions"]["code"] if "errors" in body else "answered"
        rows.append((levels, statistics.median(samples), code))
    return rows


async def lookups_under(url: str, hostile, clients: int, seconds: float) -> list[float]:
    """Lookup latencies of one client while `clients` others send `hostile(i)` requests."""
    stop = asyncio.Event()

    async def attack(n: int) -> None:
        async with httpx.AsyncClient(base_url=url, timeout=120, headers={"accept": GRAPHQL_RESPONSE}) as c:
            i = n * 1_000_000
            while not stop.is_set():
                query, variables, token = hostile(i)
                await _post(c, query, variables, token)
                i += 1

    attackers = [asyncio.create_task(attack(n)) for n in range(clients if hostile else 0)]
    samples: list[float] = []
    async with httpx.AsyncClient(base_url=url, timeout=120, headers={"accept": GRAPHQL_RESPONSE}) as c:
        await asyncio.sleep(0.5 if attackers else 0)
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            ms, body = await _post(c, LOOKUP)
            assert body["data"] == {"gemeente": {"naam": "Amsterdam"}}, body
            samples.append(ms)
    stop.set()
    await asyncio.gather(*attackers)
    return samples


async def scan_weights(client: httpx.AsyncClient, token: str, rounds: int) -> list[tuple[str, str, int, float, float]]:
    """Engine ms of a page and its count, per node of the label, in units; against SCANS."""
    sizes = {row["naam"]: row["aantal"] for row in (await _post(client, "{ aantallen { naam aantal } }", token=token))[1]["data"]["aantallen"]}
    ids = (await _post(client, """{ standaarden(first: 1, filter: {tekst: "api"}) { nodes { id } }
      leveranciers(first: 1, orderBy: {field: NAAM}) { nodes { id } }
      referentiecomponenten(first: 1, filter: {tekst: "zaak"}) { nodes { id } }
      applicaties(first: 1, orderBy: {field: GEBRUIK, direction: DESC}) { nodes { id } } }""", token=token))[1]["data"]
    first = {name: value["nodes"][0]["id"] for name, value in ids.items()}
    filters = {
        "leverancier": f'leverancier: "{first["leveranciers"]}"',
        "referentiecomponent": f'referentiecomponent: "{first["referentiecomponenten"]}"',
        "standaard": f'standaard: "{first["standaarden"]}"',
        "applicatie": f'applicatie: "{first["applicaties"]}"',
        "status": "status: IN_PRODUCTIE",
    }
    rows = []
    for field, scan in SCANS.items():
        label_size = sizes.get(scan.label, 0)
        if not label_size:
            continue
        for name in [None, *scan.filters]:
            argument = f", filter: {{{filters[name]}}}" if name else ""
            samples = []
            for _ in range(rounds):
                _, body = await _post(client, f"{{ {field}(first: 50{argument}) {{ totalCount nodes {{ id }} }} }}", token=token)
                if "errors" in body:
                    raise SystemExit(f"{field} {name}: {body['errors']}")
                samples.append(body["extensions"]["queryStats"]["storeMs"])
            ms = statistics.median(samples)
            configured = scan.weight + (scan.filters[name] if name else 0)
            rows.append((field, name or "(none)", label_size, ms / label_size / UNIT_MS, configured))
            print(f"{field} {name}: {ms:.1f} ms over {label_size} nodes", flush=True)
    return rows


async def run(rounds: int, seconds: float, clients: int) -> str:
    data_dir = WORK / "api-scale-1"
    settings = replace(Settings(), data_dir=data_dir)
    await ensure_seeded(settings)
    env = {**os.environ, "GRAPH_API_DATA_DIR": str(data_dir)}
    beheer = mint_token(env, "vng-realisatie", "functioneel-beheerder")
    raadpleger = mint_token(env, "GM0363", "gebruik-raadpleger")
    # The weights are measured where no cost limit refuses the lists they weigh.
    async with (
        served({**env, "GRAPH_API_MAX_COST": str(10**9)}) as url,
        httpx.AsyncClient(base_url=url, timeout=120, headers={"accept": GRAPHQL_RESPONSE}) as client,
    ):
        weights = await scan_weights(client, beheer, rounds)
    async with served(env) as url:
        async with httpx.AsyncClient(base_url=url, timeout=120, headers={"accept": GRAPHQL_RESPONSE}) as client:
            refusals = await refusal_times(client, rounds)
            standaard = (await _post(client, '{ standaarden(first: 1, filter: {tekst: "api"}) { nodes { id } } }'))[1]["data"]["standaarden"]["nodes"][0]["id"]
        costly = " ".join(f'a{i}: applicaties(first: 1, filter: {{standaard: "{standaard}"}}) {{ totalCount }}' for i in range(7))
        loads = {
            "none (the lookup alone)": None,
            "fragment fan-outs of 60 levels": lambda i: (fan_out(60), None, None),
            "900 KB strings in 8 aliases": lambda i: (
                "query($t: String) { " + " ".join(f"a{k}: applicaties(filter: {{tekst: $t}}) {{ totalCount }}" for k in range(8)) + " }",
                {"t": "x" * 900_000}, None),
            "documents slow to validate (220 fragments)": lambda i: (slow_to_validate(i), None, None),
            "the costliest filtered lists allowed (7 standaard filters)": lambda i: (f"{{ {costly} }}", None, raadpleger),
        }  # fmt: skip
        latencies = {}
        for name, hostile in loads.items():
            latencies[name] = await lookups_under(url, hostile, clients, seconds)
            print(f"{name}: median {statistics.median(latencies[name]):.1f} ms", flush=True)

    alone = statistics.median(latencies["none (the lookup alone)"])
    lines = [
        "Refusing a fragment fan-out (each fragment spreads the next one twice), median of "
        f"{rounds} requests over HTTP:",
        "",
        "| fragments | fields in the expansion | refused in (ms) | code |",
        "| --- | --- | --- | --- |",
        *(f"| {levels} | {2 ** (levels + 1) - 1:.3g} | {ms:.1f} | {code} |" for levels, ms, code in refusals),
        "",
        f"A lookup (`gemeente(cbsCode:)`, as a bezoeker) sent in turn for {seconds:.0f} s while {clients} other "
        "clients send hostile requests without pause:",
        "",
        "| hostile load | lookups | median (ms) | p95 (ms) | median against alone |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, samples in latencies.items():
        p95 = statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)
        lines.append(f"| {name} | {len(samples)} | {statistics.median(samples):.1f} | {p95:.1f} | {statistics.median(samples) / alone:.2f} |")
    lines += [
        "",
        "The engine's time to read a root list (its page of 50 and its count, as a functioneel "
        f"beheerder), per node of its label, in cost units of {UNIT_MS * 1000:.0f} µs; median of {rounds}. "
        "The configured weight is what `SCANS` in graph_api/graphql/limits/cost.py counts per node "
        "(the list's own weight plus the filter's). For a small label the measured figure is mostly "
        "the statement's fixed cost of a few milliseconds, which the page's own objects already count; "
        "the weights matter for the large labels.",
        "",
        "| list | filter | nodes | measured per node | configured per node |",
        "| --- | --- | --- | --- | --- |",
        *(f"| `{field}` | {name} | {size} | {measured:.3f} | {configured:.2f} |" for field, name, size, measured, configured in weights),
    ]
    return "\n".join(lines)


def main(rounds: int, seconds: float, clients: int) -> None:
    body = asyncio.run(run(rounds, seconds, clients))
    command = f"python -m bench hardening --rounds {rounds} --seconds {seconds:g} --clients {clients}"
    write_section("Hardening", command, body)
    print(body)
