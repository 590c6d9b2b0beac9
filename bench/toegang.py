"""What identity, visibility and the query limits cost a request.

Over HTTP against `graph-api serve` on the seeded scale-1 landscape, medians measured in one
run: a trivial request without and with a bearer token (validation, the Gebruiker and its
reach: two small queries); the same landscape requests as a functioneel beheerder (whose
`$zicht` lets everything through) and as roles whose `$zicht` predicates do the filtering,
each pair checked to return the same data; and the cost estimate against the request it guards.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, replace

import httpx
from graphql import parse

from bench.api import GRAPHQL_RESPONSE, WORK, mint_token, served
from bench.harness import ensure_seeded, median_ms
from bench.results import write_section
from graph_api.graphql.limits import estimate_cost
from graph_api.graphql.schema import build_schema
from graph_api.settings import HardeningSettings, Settings

AMSTERDAM, LEVERANCIER, VNG = "GM0363", "lev-0105", "vng-realisatie"
BEZOEKER, BEHEERDER = "bezoeker", "functioneel-beheerder"

TRIVIAL = "{ __typename }"
LANDSCHAP = """query($c: String!) { gemeente(cbsCode: $c) { gebruik(first: 100) { totalCount
  nodes { id status contractEinde applicatie { naam } uitgaandeKoppelingen { type richting } } } } }"""
KOPPELINGEN = """query($o: ID!) { koppelingen(organisatie: $o, first: 100) { totalCount
  nodes { id type van { applicatie { naam } } } } }"""
KLANTEN = """query($a: String!) { applicatie(identificatie: $a) { gebruik(first: 100) { totalCount
  nodes { id status organisatie { naam } } } } }"""
ID = """query($i: String!) { organisatie(identificatie: $i) { id } }"""
PRODUCT = """query($l: ID!) { applicaties(first: 1, filter: {leverancier: $l},
  orderBy: {field: GEBRUIK, direction: DESC}) { nodes { identificatie } } }"""


@dataclass
class Comparison:
    name: str
    query: str
    variables: dict
    baseline: str  # who the first measurement asks as
    other: str


async def _post(client: httpx.AsyncClient, token: str | None, query: str, variables: dict) -> dict:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    body = response.json()
    if response.status_code != 200 or "errors" in body:
        raise SystemExit(f"GraphQL failed: {body}")
    return body["data"]


async def run(rounds: int) -> str:
    data_dir = WORK / "api-scale-1"
    settings = replace(Settings(), data_dir=data_dir)
    await ensure_seeded(settings)
    env = {**os.environ, "GRAPH_API_DATA_DIR": str(data_dir)}
    tokens: dict[str, str | None] = {
        BEZOEKER: None,
        BEHEERDER: mint_token(env, VNG, BEHEERDER),
        "gebruik-raadpleger": mint_token(env, AMSTERDAM, "gebruik-raadpleger"),
        "aanbod-beheerder": mint_token(env, LEVERANCIER, "aanbod-beheerder"),
    }
    rows = []
    headers = {"accept": GRAPHQL_RESPONSE}
    async with served(env) as url, httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as client:
        ids = {
            key: (await _post(client, tokens[BEHEERDER], ID, {"i": key}))["organisatie"]["id"]
            for key in (AMSTERDAM, LEVERANCIER)
        }
        data = await _post(client, tokens[BEHEERDER], PRODUCT, {"l": ids[LEVERANCIER]})
        product = data["applicaties"]["nodes"][0]["identificatie"]
        comparisons = [
            Comparison("a trivial request (`{ __typename }`)", TRIVIAL, {}, BEZOEKER, BEHEERDER),
            Comparison("a trivial request, by a role with a reach", TRIVIAL, {}, BEZOEKER, "gebruik-raadpleger"),
            Comparison("Amsterdam's landscape, first 100 Gebruik with koppelingen", LANDSCHAP,
                       {"c": AMSTERDAM}, BEHEERDER, "gebruik-raadpleger"),
            Comparison("Amsterdam's koppelingen, first 100", KOPPELINGEN, {"o": ids[AMSTERDAM]}, BEHEERDER,
                       "gebruik-raadpleger"),
            Comparison(f"who uses {LEVERANCIER}'s most used application, first 100", KLANTEN,
                       {"a": product}, BEHEERDER, "aanbod-beheerder"),
        ]  # fmt: skip
        for comparison in comparisons:
            answers = [
                await _post(client, tokens[who], comparison.query, comparison.variables)
                for who in (comparison.baseline, comparison.other)
            ]
            if answers[0] != answers[1]:
                raise SystemExit(f"{comparison.name}: the roles see different data, no fair comparison")
            timings = [
                await median_ms(
                    lambda who=who, c=comparison: _post(client, tokens[who], c.query, c.variables), rounds
                )
                for who in (comparison.baseline, comparison.other)
            ]
            rows.append((comparison, *timings))
            print(f"{comparison.name}: {timings[0]:.1f} ms, {timings[1]:.1f} ms")
        landscape_ms = rows[2][1]

    schema = build_schema()._schema
    document = parse(LANDSCHAP)
    list_size = HardeningSettings().list_size
    started = time.perf_counter()
    for _ in range(1000):
        estimate_cost(schema, document, None, {"c": AMSTERDAM}, list_size)
    estimate_us = (time.perf_counter() - started) * 1000

    lines = [
        "| request | asked as | median (ms) | asked as | median (ms) | ratio |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for comparison, first_ms, other_ms in rows:
        lines.append(
            f"| {comparison.name} | {comparison.baseline} | {first_ms:.1f} | {comparison.other} | {other_ms:.1f} "
            f"| {other_ms / first_ms:.2f} |"
        )
    lines += [
        "",
        f"The cost estimate of the landscape request takes {estimate_us:.0f} µs, "
        f"{estimate_us / 10 / landscape_ms:.2f}% of the request; the token limit runs inside graphql-core's "
        "parser, and depth, aliases and size are measured once per document, before its validation "
        "(graph_api/graphql/limits), whose result is cached per document.",
        "",
        f"Medians of {rounds} runs each after 3 warm-up runs, over HTTP to one uvicorn process on the "
        "seeded scale-1 landscape (seed 1); each pair returns the same data, checked before measuring. "
        "The first two rows are what a bearer token costs a request (signature and claims, then "
        "the Gebruiker, and for roles with a reach, its members and products: one more query); the others what the role's `$zicht` predicates cost against a functioneel "
        "beheerder's, for whom they are true at once.",
    ]
    return "\n".join(lines)


def main(rounds: int) -> None:
    body = asyncio.run(run(rounds))
    write_section("Identity and visibility", f"python -m bench toegang --rounds {rounds}", body)
    print(body)
