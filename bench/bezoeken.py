"""What counting views costs an application lookup (issue 19, item 5).

`applicatie(identificatie:)` as a signed-in gebruik-raadpleger, without counting and with it
(`tellen`), on the seeded scale-1 landscape. Every request is an organisation's first view of
the application that week (organisations and applications rotate), so each counted one queues
a write: the worst case; a repeated view costs only the per-process set lookup. In-process (the
schema executed directly, without and with measured round by round in turns), and over HTTP
against `graph-api serve` counting views, its compiled reads off so that nothing is answered
from a kept request: a view counted before (what counting costs once counted: the set lookup)
in turns with a first view (a write queued).
"""

from __future__ import annotations

import asyncio
import itertools
import os
from dataclasses import replace

import httpx

from bench.api import GRAPHQL_RESPONSE, WORK, mint_token, served
from bench.harness import ensure_seeded, interleaved_medians
from bench.results import write_section
from graph_api.graphql.compiled import CompiledReads
from graph_api.graphql.context import Context
from graph_api.graphql.schema import build_schema
from graph_api.identiteit import Identiteit, Lidmaatschap
from graph_api.runtime import Runtime, open_runtime
from graph_api.settings import Settings
from graph_api.toegang import zicht_voor

LOOKUP = "query($a: String!) { applicatie(identificatie: $a) { identificatie naam leverancier { naam } } }"


async def _in_process(settings: Settings, rounds: int) -> tuple[dict[str, float], int]:
    async with open_runtime(replace(settings, tellen=True, telsleutel="bench")) as met:
        zonder = Runtime(replace(met.settings, tellen=False), met.engine, met.store)
        apps = [r["id"] for r in await met.store.read_text(
            "bench/apps", "MATCH (a:Applicatie) WHERE a.gemeldDoor IS NULL RETURN a.id AS id ORDER BY id", {})]  # fmt: skip
        gemeenten = [r["id"] for r in await met.store.read_text(
            "bench/gem", "MATCH (g:Gemeente) RETURN g.id AS id ORDER BY id", {})]  # fmt: skip
        schema, compiled = build_schema(), CompiledReads()
        contexts = []
        for gemeente in gemeenten:
            lid = Lidmaatschap(gemeente, "Gemeente", frozenset({"GEBRUIK_RAADPLEGER"}))
            identiteit = Identiteit(
                subject=f"bench:{gemeente}", gebruiker=f"bench-{gemeente}", lidmaatschappen=(lid,)
            )
            contexts.append((identiteit, await zicht_voor(identiteit, met.store)))
        # Disjoint pairs each way: no request repeats another's document and variables, which the
        # compiled reads would answer from what they kept.
        paren = {
            name: itertools.cycle([(c, a) for a in apps[start::2] for c in contexts])
            for start, name in enumerate(("zonder", "met"))
        }

        def lookup(name: str, runtime: Runtime):
            async def call() -> None:
                (identiteit, zicht), app = next(paren[name])
                context = Context(runtime, identiteit, zicht, compiled=compiled)
                result = await schema.execute(LOOKUP, variable_values={"a": app}, context_value=context)
                assert result.errors is None and result.data and result.data["applicatie"], result

            return call

        medians = await interleaved_medians(
            {"zonder": lookup("zonder", zonder), "met": lookup("met", met)}, rounds
        )
        await met.telling.bijgewerkt()
        [geteld] = await met.store.read_text("bench/bezoeken", "MATCH (b:Bezoek) RETURN count(b) AS n", {})
    return medians, geteld["n"]


async def _http(
    settings: Settings, rounds: int, organisaties: list[str], apps: list[str]
) -> dict[str, float]:
    """One server counting views; in turns, a lookup that is an organisation's first view of the
    application this week (queues a write) and one it made before (counted already: the
    process's set answers). Both read the same; the difference is what counting costs."""
    env = {**os.environ, "GRAPH_API_DATA_DIR": str(settings.data_dir), "GRAPH_API_TELLEN": "true",
           "GRAPH_API_TELSLEUTEL": "bench", "GRAPH_API_COMPILED_READS": "false"}  # fmt: skip
    tokens = [mint_token(env, o, "gebruik-raadpleger") for o in organisaties]
    paren = [(t, a) for a in apps for t in tokens]
    gezien, nieuw = itertools.cycle(paren[: rounds + 3]), itertools.cycle(paren[rounds + 3 :])
    headers = {"accept": GRAPHQL_RESPONSE}
    async with served(env) as url, httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as client:
        await _up(client)

        async def lookup(token: str, app: str) -> None:
            response = await client.post(
                "/graphql", json={"query": LOOKUP, "variables": {"a": app}},
                headers={"authorization": f"Bearer {token}"},
            )  # fmt: skip
            assert response.status_code == 200 and "errors" not in response.json(), response.text

        for _ in range(rounds + 3):  # these views counted first
            await lookup(*next(gezien))
        return await interleaved_medians(
            {"herhaald": lambda: lookup(*next(gezien)), "eerste": lambda: lookup(*next(nieuw))}, rounds
        )


async def _up(client: httpx.AsyncClient, seconds: float = 180) -> None:
    """Wait for the server longer than `served` does: on a busy machine its engine starts slowly."""
    for _ in range(int(seconds * 2)):
        try:
            if (await client.get("/health")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.5)
    raise SystemExit("graph-api serve did not answer")


async def run(rounds: int, http_rounds: int) -> str:
    settings = replace(Settings(), data_dir=WORK / "api-scale-1")
    await ensure_seeded(settings)
    (medians, geteld) = await _in_process(settings, rounds)
    print(f"in-process: {medians}, {geteld} Bezoek nodes", flush=True)
    async with open_runtime(settings) as runtime:
        apps = [r["id"] for r in await runtime.store.read_text(
            "bench/apps", "MATCH (a:Applicatie) WHERE a.gemeldDoor IS NULL RETURN a.id AS id ORDER BY id LIMIT 200", {})]  # fmt: skip
    http = await _http(settings, http_rounds, ["GM0344", "GM0599", "GM0518"], apps[1:])
    print(f"over HTTP: {http}", flush=True)
    return "\n".join([
        "| `applicatie(identificatie:)` as a gebruik-raadpleger | without counting (ms) | with counting (ms) | ratio |",
        "| --- | --- | --- | --- |",
        f"| in-process, {rounds} rounds each, interleaved | {medians['zonder']:.2f} | {medians['met']:.2f} "
        f"| {medians['met'] / medians['zonder']:.2f} |",
        f"| over HTTP, {http_rounds} requests each, interleaved: a view counted before, a first view "
        f"| {http['herhaald']:.2f} | {http['eerste']:.2f} | {http['eerste'] / http['herhaald']:.2f} |",
        "",
        "Every request is an organisation's first view of that application that week (organisations "
        "and applications rotate), so every counted one queues a `Bezoek` write: the worst case; "
        f"{geteld:,} Bezoek nodes after the in-process run. The write runs in a background task after "
        "the answer (graph_api/domain/interesse/telling.py), in batches; what the read itself pays is "
        "parsing the document's root fields once per document (cached), an HMAC and a set lookup. "
        "Medians after 3 warm-up requests, the embedded engine, the seeded scale-1 landscape.",
    ])  # fmt: skip


def main(rounds: int, http_rounds: int) -> None:
    body = asyncio.run(run(rounds, http_rounds))
    print(body)
    write_section(
        "Counting views",
        f"python -m bench bezoeken --rounds {rounds} --http-rounds {http_rounds}",
        body,
    )
