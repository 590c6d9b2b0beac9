"""The API under an open-loop load of the whole mix, at rising rates (and a soak at one rate).

`graph-api serve --workers N` serves the seeded graph as deployed (rate limits and counting on,
anonymous visitors by address as a reverse proxy passes them on); the sender (bench/openloop.py)
runs in this process on the same machine and sends the mix of bench/mix.py at each rate for a
fixed time. For each rate: throughput, p50/p95/p99 and errors over all requests and per request
type. The judged figure is the highest rate whose p99 over the whole mix stays under 250 ms with no
errors. The soak sends the mix at one rate for minutes and samples the resident memory of the
workers and the engine.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections import Counter, deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from bench.harness import ensure_seeded
from bench.mix import MIX, Bronnen, Gebruik, Gemeente, Leverancier
from bench.openloop import Meting, Sender, percentile
from bench.results import write_section
from graph_api.auth.dev import key_path, mint_token, signing_key
from graph_api.domain.gebruikers import registreer_dev
from graph_api.runtime import open_runtime
from graph_api.settings import Neo4jSettings, Settings, cores
from tests.neo4j.server import Neo4jServer

WORK = Path(__file__).parent / "work"
P99_TARGET_MS = 250.0
TARGET_RATE = 200.0
VNG = "vng-realisatie"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _key(global_id: str) -> str:
    return base64.b64decode(global_id).decode().split(":", 1)[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen

    def pids(self) -> list[int]:
        """The serve process and every process it started (the workers, perhaps the engine)."""
        found = [self.process.pid]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == self.process.pid:
                        found.append(int(entry.name))
        return found

    def workers(self) -> set[int]:
        """The live API workers: uvicorn spawns them through multiprocessing."""
        found = set()
        for pid in self.pids()[1:]:
            with contextlib.suppress(OSError):
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
                if b"spawn_main" in command and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z":
                    found.add(pid)
        return found


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@contextlib.asynccontextmanager
async def served(env: dict[str, str], workers: int) -> AsyncIterator[Server]:
    """`graph-api serve --workers N` as deployed; yields once every worker answers."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graph_api.cli", "serve", "--port", str(port), "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=5) as client:
            for _ in range(600):
                with contextlib.suppress(httpx.TransportError):
                    if (await client.get("/health")).status_code == 200 and len(server.workers()) == workers:
                        break
                if process.poll() is not None:
                    raise SystemExit("graph-api serve ended before it answered")
                await asyncio.sleep(0.1)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


async def tokens(settings: Settings, rollen: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Development tokens for (organisation, role), their Gebruikers registered in the graph
    (what `graph-api dev-token` does, without a process per token)."""
    key = signing_key(key_path(settings))
    found = {}
    async with open_runtime(settings) as runtime:
        for organisatie, rol in rollen:
            r = await registreer_dev(runtime.store, organisatie_sleutel=organisatie, rol_waarde=rol)
            found[(organisatie, rol)] = mint_token(
                key, subject=r.subject, audience=settings.identity.audience, minuten=240
            )
    return found


async def _pages(
    client: httpx.AsyncClient, query: str, path: list[str], variables: dict | None = None
) -> list[dict]:
    """Every node of a connection, page by page."""
    nodes: list[dict] = []
    after = None
    while True:
        response = await client.post(
            "/graphql", json={"query": query, "variables": {**(variables or {}), "na": after}}
        )
        body = response.json()
        if (
            response.status_code == 429
            or body.get("errors", [{}])[0].get("extensions", {}).get("code") == "RATE_LIMITED"
        ):
            await asyncio.sleep(float(response.headers.get("retry-after", "1")))  # a reader within its limit
            continue
        assert "errors" not in body, body
        connection = body["data"]
        for step in path:
            connection = connection[step]
        nodes += connection["nodes"]
        if not connection["pageInfo"]["hasNextPage"]:
            return nodes
        after = connection["pageInfo"]["endCursor"]


APPLICATIES = """query($na: String) { applicaties(first: 500, after: $na) {
  pageInfo { hasNextPage endCursor } nodes { identificatie leverancier { id } } } }"""
COMPONENTEN = """query($na: String) { referentiecomponenten(first: 500, after: $na) {
  pageInfo { hasNextPage endCursor } nodes { id } } }"""
GEMEENTEN = """query($na: String) { gemeenten(first: 500, after: $na) {
  pageInfo { hasNextPage endCursor } nodes { cbsCode } } }"""
LANDSCHAP = """query($c: String!, $na: String) { gemeente(cbsCode: $c) { gebruik(first: 500, after: $na) {
  pageInfo { hasNextPage endCursor } nodes { id versienummer applicatie { identificatie } } } } }"""
PROFIELVERSIE = "query($id: ID!) { node(id: $id) { ... on Leverancier { versienummer } } }"


async def bronnen(
    settings: Settings,
    url: str,
    *,
    gemeenten: int = 20,
    leveranciers: int = 5,
    seed: int = 1,
    codes: list[str] | None = None,
) -> Bronnen:
    """What the mix chooses from, read through the API as a functioneel beheerder, and the
    tokens of the people who send it: `gemeenten` gemeenten with a landscape, chosen at random
    (or those of `codes`)."""
    r = random.Random(seed)
    beheer = (await tokens(settings, [(VNG, "functioneel-beheerder")]))[(VNG, "functioneel-beheerder")]
    headers = {"authorization": f"Bearer {beheer}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=120) as client:
        applicaties = await _pages(client, APPLICATIES, ["applicaties"])
        componenten = [n["id"] for n in await _pages(client, COMPONENTEN, ["referentiecomponenten"])]
        if codes is None:
            codes = sorted(n["cbsCode"] for n in await _pages(client, GEMEENTEN, ["gemeenten"]))
            codes = r.sample(codes, len(codes))
        landschappen = {}
        for cbs in codes:
            nodes = await _pages(client, LANDSCHAP, ["gemeente", "gebruik"], {"c": cbs})
            if len(nodes) >= 10:
                landschappen[cbs] = nodes
            if len(landschappen) == gemeenten:
                break
        per_leverancier = Counter(a["leverancier"]["id"] for a in applicaties if a["leverancier"])
        gekozen = [lev for lev, _ in per_leverancier.most_common(leveranciers)]
        profiel = {}
        for lev in gekozen:
            body = (
                await client.post("/graphql", json={"query": PROFIELVERSIE, "variables": {"id": lev}})
            ).json()
            profiel[lev] = body["data"]["node"]["versienummer"]
    rollen = [(cbs, "gebruik-beheerder") for cbs in landschappen]
    rollen += [(_key(lev), rol) for lev in gekozen for rol in ("aanbod-beheerder", "organisatie-beheerder")]
    architect = next(iter(landschappen))
    rollen += [(VNG, "vng-raadpleger"), (architect, "gebruik-raadpleger")]
    token = await tokens(settings, rollen)
    alle = [a["identificatie"] for a in applicaties]
    lijst = []
    for cbs, nodes in landschappen.items():
        gebruikt = {n["applicatie"]["identificatie"] for n in nodes}
        ongebruikt = [a for a in alle if a not in gebruikt]
        r.shuffle(ongebruikt)
        lijst.append(
            Gemeente(cbs, token[(cbs, "gebruik-beheerder")],
                     deque(Gebruik(n["id"], n["versienummer"]) for n in nodes), deque(ongebruikt))
        )  # fmt: skip
    paden = []
    for g in lijst:
        ids = [x.id for x in g.gebruik]
        paden += [tuple(r.sample(ids, 2)) for _ in range(20)]
    aanbod = [
        Leverancier(
            lev,
            token[(_key(lev), "aanbod-beheerder")],
            token[(_key(lev), "organisatie-beheerder")],
            [a["identificatie"] for a in applicaties if a["leverancier"] and a["leverancier"]["id"] == lev],
            profiel[lev],
        )
        for lev in gekozen
    ]
    return Bronnen(
        applicaties=alle,
        referentiecomponenten=componenten,
        gemeenten=lijst,
        leveranciers=aanbod,
        analist=token[(VNG, "vng-raadpleger")],
        architect=token[(architect, "gebruik-raadpleger")],
        paden=paden,  # type: ignore[arg-type]
    )


def _summary(meting: Meting) -> dict[str, float]:
    alle = meting.alle()
    return {
        "rate": meting.rate,
        "throughput": len(alle.ms) / meting.took_s,
        "p50": percentile(alle.ms, 50),
        "p95": percentile(alle.ms, 95),
        "p99": percentile(alle.ms, 99),
        "errors": sum(alle.fouten.values()),
        "requests": len(alle.ms),
        "late": meting.late_ms,
    }


def _passes(s: dict[str, float]) -> bool:
    return s["p99"] < P99_TARGET_MS and s["errors"] == 0


ENGINES = ("falkordb", "neo4j")


@dataclass
class Deployment:
    """The seeded graph on one engine, as `graph-api serve` is started on it."""

    engine: str
    scale: int
    settings: Settings
    env: dict[str, str]
    neo4j: Neo4jServer | None = None

    def engine_pid(self) -> int | None:
        if self.neo4j is not None:
            return self.neo4j.process.pid
        try:
            return int((self.settings.data_dir / "engine.pid").read_text())
        except (OSError, ValueError):
            return None

    def setting(self, workers: int) -> str:
        engine = (
            "Neo4j 5.26 Community (the test suite's server, tests/neo4j/launcher, 2 GiB heap), "
            "reached over Bolt on loopback"
            if self.neo4j is not None
            else "the embedded engine (FalkorDB)"
        )
        return (
            f"{engine}, scale {self.scale} (seed 1), `graph-api serve --workers {workers}`; "
            "the load generator in one Python process on the same cores"
        )


@contextlib.asynccontextmanager
async def deployed(engine: str, scale: int) -> AsyncIterator[Deployment]:
    """The graph of seed 1 at `scale` on `engine`, seeded unless it already is. Neo4j is a test
    server of bench/work's own, keeping its files there between runs (seeding it takes minutes)."""
    settings = replace(
        Settings(), data_dir=WORK / f"load-{'' if engine == 'falkordb' else 'neo4j-'}scale-{scale}"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if engine == "falkordb":
        await ensure_seeded(settings, scale)
        yield Deployment(engine, scale, settings, {**env, "GRAPH_API_DATA_DIR": str(settings.data_dir)})
        return
    print("starting Neo4j ...", flush=True)
    server = Neo4jServer.start(WORK / f"neo4j-scale-{scale}", port=_free_port())
    try:
        settings = replace(settings, neo4j=Neo4jSettings(uri=server.uri))
        await ensure_seeded(settings, scale)
        env |= {"GRAPH_API_DATA_DIR": str(settings.data_dir), "NEO4J_URI": server.uri}
        yield Deployment(engine, scale, settings, env, server)
    finally:
        server.stop()


def _per_soort_table(meting: Meting) -> list[str]:
    lines = [
        "| request type | role | share | requests | p50 (ms) | p95 (ms) | p99 (ms) | errors |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    total = sum(s.gewicht for s in MIX)
    for soort in MIX:
        u = meting.per_soort.get(soort.naam)
        if u is None:
            continue
        fouten = ", ".join(f"{code} {n}" for code, n in u.fouten.most_common()) or "0"
        lines.append(
            f"| {soort.naam}{' (write)' if soort.schrijft else ''} | {soort.rol} | {100 * soort.gewicht / total:.1f}% "
            f"| {len(u.ms)} | {percentile(u.ms, 50):.1f} | {percentile(u.ms, 95):.1f} | {percentile(u.ms, 99):.1f} | {fouten} |"
        )
    return lines


async def _rates(rates: list[float], seconds: float, workers: int, d: Deployment, warmup: float) -> list[str]:
    async with served(d.env, workers) as server:
        print("reading what the mix chooses from, minting tokens ...", flush=True)
        b = await bronnen(d.settings, server.url)
        limits = httpx.Limits(max_connections=1000, max_keepalive_connections=200)
        async with httpx.AsyncClient(base_url=server.url, limits=limits) as client:
            sender = Sender(client, b, MIX)
            print(f"warm-up: {warmup:.0f} s at {rates[0]:.0f}/s", flush=True)
            await sender.run(rates[0], warmup)
            steps: list[tuple[Meting, dict[str, float]]] = []
            for rate in rates:
                meting = await sender.run(rate, seconds)
                s = _summary(meting)
                steps.append((meting, s))
                print(f"  {rate:.0f}/s: {s['throughput']:.1f}/s answered, p50 {s['p50']:.1f} ms, "
                      f"p95 {s['p95']:.1f} ms, p99 {s['p99']:.1f} ms, {s['errors']:.0f} errors, "
                      f"sender late by up to {s['late']:.1f} ms", flush=True)  # fmt: skip
                if s["throughput"] < 0.9 * rate or s["errors"] > 0.05 * s["requests"]:
                    break  # saturated: higher rates only queue more
        engine = d.engine_pid()
        memory = sum(rss_mib(pid) for pid in server.pids() if pid != engine)
        engine_mib = rss_mib(engine) if engine else 0.0
    passing = [s for _, s in steps if _passes(s)]
    best = max((s["rate"] for s in passing), default=0.0)
    verdict = "met" if best >= TARGET_RATE else "MISSED"
    shown = next((m for m, s in reversed(steps) if _passes(s)), steps[0][0])
    failing = next((m for m, s in steps if not _passes(s)), None)
    lines = [
        f"Setting: {d.setting(workers)}.",
        "",
        "| arrival rate (/s) | answered (/s) | requests | p50 (ms) | p95 (ms) | p99 (ms) | errors | sender late by (ms) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for _, s in steps:
        lines.append(
            f"| {s['rate']:.0f} | {s['throughput']:.1f} | {s['requests']:.0f} | {s['p50']:.1f} | {s['p95']:.1f} "
            f"| {s['p99']:.1f} | {s['errors']:.0f} | {s['late']:.1f} |"
        )
    if len(steps) < len(rates):
        last = steps[-1][1]
        lines += ["", f"Stopped after {last['rate']:.0f}/s: saturated ({last['throughput']:.1f}/s answered, or errors over 5%); "
                      "higher rates would only queue more."]  # fmt: skip
    lines += [
        "",
        f"- Target: the mix at ≥ {TARGET_RATE:.0f} requests/s with p99 under {P99_TARGET_MS:.0f} ms and no errors: "
        f"**{verdict}** (highest such rate: {best:.0f}/s).",
        f"- Resident memory after the run: API processes {memory:.0f} MiB in all, engine {engine_mib:.0f} MiB.",
        "",
        f"Per request type at {shown.rate:.0f}/s:",
        "",
        *_per_soort_table(shown),
    ]
    if failing is not None and failing is not shown:
        lines += ["", f"Per request type at {failing.rate:.0f}/s, the first rate that missed:", "",
                  *_per_soort_table(failing)]  # fmt: skip
    return lines


def main(
    rates: list[float], seconds: float, workers: int | None, scale: int, warmup: float, engine: str
) -> None:
    n = workers or cores()

    async def run() -> list[str]:
        async with deployed(engine, scale) as d:
            return await _rates(rates, seconds, n, d, warmup)

    lines = asyncio.run(run())
    body = "\n".join([*lines, "", _EXPLAINED])
    command = (
        f"python -m bench load --rates {','.join(f'{r:g}' for r in rates)} --seconds {seconds:g} "
        f"--workers {n} --scale {scale}{_engine_option(engine)}"
    )
    write_section(_section("Load", engine), command, body)
    print(body)


_EXPLAINED = (
    "Arrivals follow a Poisson process at each rate for the time given, after a warm-up at the first "
    "(open loop: a request is sent at its arrival time whether or not earlier ones were answered, and its "
    "latency runs from that time). The mix (bench/mix.py): anonymous visitors looking applications up, "
    "paging the catalogue and searching (34%); gemeenten' gebruik-beheerders reading their landscape, one "
    "Gebruik, dependencies, standards coverage, neighbours and similar gemeenten, and writing: registering, "
    "changing and removing Gebruik and registering koppelingen (9% of all requests are writes of theirs); "
    "architects asking shortest paths and impact; leveranciers' aanbod-beheerders reading their own view "
    "and registering versions and their profile; a VNG analyst reading the five national analytics (3.6%). "
    "Every request asks for a different object almost every time. The server is `graph-api serve --workers N` "
    "as deployed: rate limits on (each person's token a bucket, anonymous visitors one per address, passed "
    "on in X-Forwarded-For as by a reverse proxy), views and searches counted, access lines logged. The "
    "graph keeps the writes of earlier runs."
)


def _section(name: str, engine: str) -> str:
    """The embedded engine's sections keep their names; Neo4j's are sections of their own."""
    return name if engine == "falkordb" else f"{name} on Neo4j"


def _engine_option(engine: str) -> str:
    return "" if engine == "falkordb" else f" --engine {engine}"


async def _abuse(
    rate: float, bad_rate: float, seconds: float, workers: int, d: Deployment, warmup: float
) -> list[str]:
    from bench import badinput

    async with served(d.env, workers) as server:
        b = await bronnen(d.settings, server.url)
        limits = httpx.Limits(max_connections=1000, max_keepalive_connections=200)
        async with (
            httpx.AsyncClient(base_url=server.url, limits=limits) as client,
            httpx.AsyncClient(base_url=server.url, limits=limits) as attacker,
        ):
            sender = Sender(client, b, MIX)
            await sender.run(rate, warmup)
            alone = _summary(await sender.run(rate, seconds))
            print(f"  the mix alone: p99 {alone['p99']:.1f} ms", flush=True)
            mixed, refusals = await asyncio.gather(
                sender.run(rate, seconds),
                badinput.send(attacker, server.url, bad_rate, seconds, trickle_s=60),
            )
            beside = _summary(mixed)
            print(f"  beside bad input: p99 {beside['p99']:.1f} ms", flush=True)
    ratio = beside["p99"] / alone["p99"]
    lines = [
        f"Setting: {d.setting(workers)}; the bad requests from a second client in the same process.",
        "",
        f"| the mix at {rate:.0f}/s | requests | p50 (ms) | p95 (ms) | p99 (ms) | errors |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| alone | {alone['requests']:.0f} | {alone['p50']:.1f} | {alone['p95']:.1f} | {alone['p99']:.1f} | {alone['errors']:.0f} |",
        f"| beside {bad_rate:.0f} bad requests/s | {beside['requests']:.0f} | {beside['p50']:.1f} | {beside['p95']:.1f} "
        f"| {beside['p99']:.1f} | {beside['errors']:.0f} |",
        "",
        f"- Target: the others' p99 at most 2x with bad input beside them: **{'met' if ratio <= 2 else 'MISSED'}** "
        f"({ratio:.2f}x).",
        "",
        "| bad request | sent | answered with | p50 until refused (ms) | p99 (ms) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for naam, ms in refusals.ms.items():
        codes = ", ".join(f"{c} {n}" for c, n in refusals.codes[naam].most_common())
        lines.append(
            f"| {naam} | {len(ms)} | {codes} | {percentile(ms, 50):.1f} | {percentile(ms, 99):.1f} |"
        )
    lines += [
        "",
        "A slow client is cut off at the request's time limit (`GRAPH_API_REQUEST_TIMEOUT_S`, 30 s): its "
        "figure is that limit, by design; it held a connection and a task, never the engine.",
    ]
    return lines


def abuse_main(
    rate: float, bad_rate: float, seconds: float, workers: int | None, warmup: float, engine: str
) -> None:
    n = workers or cores()

    async def run() -> list[str]:
        async with deployed(engine, 1) as d:
            return await _abuse(rate, bad_rate, seconds, n, d, warmup)

    lines = asyncio.run(run())
    command = (
        f"python -m bench abuse --rate {rate:g} --bad-rate {bad_rate:g} --seconds {seconds:g} --workers {n}"
        f"{_engine_option(engine)}"
    )
    write_section(_section("Bad input at volume", engine), command, "\n".join(lines))
    print("\n".join(lines))


async def _soak(rate: float, minutes: float, workers: int, d: Deployment, warmup_s: float) -> list[str]:
    async with served(d.env, workers) as server:
        b = await bronnen(d.settings, server.url)
        limits = httpx.Limits(max_connections=1000, max_keepalive_connections=200)
        samples: list[tuple[float, float, float]] = []  # (seconds in, API MiB, engine MiB)

        async def sample() -> None:
            started = time.perf_counter()
            while True:
                engine = d.engine_pid()
                api = sum(rss_mib(pid) for pid in server.pids() if pid != engine)
                samples.append((time.perf_counter() - started, api, rss_mib(engine) if engine else 0.0))
                await asyncio.sleep(10)

        async with httpx.AsyncClient(base_url=server.url, limits=limits) as client:
            sampler = asyncio.create_task(sample())
            meting = await Sender(client, b, MIX).run(rate, minutes * 60)
            sampler.cancel()
    s = _summary(meting)
    warm = next(x for x in samples if x[0] >= warmup_s)
    last = samples[-1]
    api_growth = (last[1] - warm[1]) / warm[1]
    engine_growth = (last[2] - warm[2]) / warm[2]
    flat = api_growth < 0.10 and engine_growth < 0.10
    return [
        f"Setting: {d.setting(workers)}.",
        "",
        f"The mix at {rate:.0f}/s for {minutes:g} minutes: {s['requests']:.0f} requests, p50 {s['p50']:.1f} ms, "
        f"p95 {s['p95']:.1f} ms, p99 {s['p99']:.1f} ms, **{s['errors']:.0f} errors**{_errors_by_type(meting)}.",
        "",
        f"| resident memory (MiB) | after warm-up ({warm[0]:.0f} s) | at the end | growth |",
        "| --- | --- | --- | --- |",
        f"| API processes (serve and its workers) | {warm[1]:.0f} | {last[1]:.0f} | {100 * api_growth:+.1f}% |",
        f"| engine | {warm[2]:.0f} | {last[2]:.0f} | {100 * engine_growth:+.1f}% |",
        "",
        f"- Target: no errors and memory flat after warm-up (growth under 10%): "
        f"**{'met' if flat and s['errors'] == 0 else 'MISSED'}**.",
        "",
        "Sampled every 10 s: "
        + ", ".join(f"{x[1]:.0f}/{x[2]:.0f}" for x in samples[:: max(1, len(samples) // 12)])
        + " (API/engine MiB). The engine grows with what the mix writes (about 9% of requests are writes).",
    ]


def _errors_by_type(meting: Meting) -> str:
    """What failed, by request type and code: a soak's errors are few and each worth a look."""
    failed = [
        f"{soort} {code} x{n}"
        for soort, uitkomst in sorted(meting.per_soort.items())
        for code, n in sorted(uitkomst.fouten.items())
    ]
    return f" ({', '.join(failed)})" if failed else ""


def soak_main(rate: float, minutes: float, workers: int | None, warmup: float, engine: str) -> None:
    n = workers or cores()

    async def run() -> list[str]:
        async with deployed(engine, 1) as d:
            return await _soak(rate, minutes, n, d, warmup)

    lines = asyncio.run(run())
    command = (
        f"python -m bench soak --rate {rate:g} --minutes {minutes:g} --workers {n}{_engine_option(engine)}"
    )
    write_section(_section("Soak", engine), command, "\n".join(lines))
    print("\n".join(lines))
