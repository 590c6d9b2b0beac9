"""What each request type of the mix costs the machine: CPU seconds of the engine and of the API
workers per request, from their /proc counters while only that type arrives.

Latency under load says that the API is full; this says which requests fill it. Each type is sent
alone, open loop at a low rate (well under what the API serves), after a short warm-up; the CPU
time the engine process and the workers spent meanwhile is divided by the requests answered.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx

from bench.load import Deployment, bronnen, deployed, served
from bench.mix import MIX
from bench.openloop import Sender
from bench.results import write_section
from graph_api.settings import cores


def cpu_s(pid: int | None) -> float:
    """User and system CPU seconds of a process so far."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _costs(seconds: float, workers: int, d: Deployment) -> list[str]:
    rows = []
    async with served(d.env, workers) as server:
        b = await bronnen(d.settings, server.url)
        async with httpx.AsyncClient(base_url=server.url) as client:
            total = sum(s.gewicht for s in MIX)
            for soort in MIX:
                # A removal needs Gebruik the run registered: those arrive with the registrations.
                mix = (
                    (soort, *(s for s in MIX if s.naam == "registreerGebruik"))
                    if soort.naam == "verwijderGebruik"
                    else (soort,)
                )
                sender = Sender(client, b, mix)
                rate = 3.0 if soort.gewicht < 1 else 8.0
                await sender.run(rate, 2)
                engine, api = d.engine_pid(), server.workers()
                before = cpu_s(engine), sum(cpu_s(p) for p in api)
                meting = await sender.run(rate, seconds)
                n = len(meting.per_soort[soort.naam].ms) if soort.naam in meting.per_soort else 0
                answered = len(meting.alle().ms) or 1
                engine_ms = (cpu_s(engine) - before[0]) * 1000 / answered
                api_ms = (sum(cpu_s(p) for p in api) - before[1]) * 1000 / answered
                share = soort.gewicht / total
                rows.append((soort.naam, share, n, engine_ms, api_ms, sum(meting.alle().fouten.values())))
                print(f"  {soort.naam}: engine {engine_ms:.1f} ms, API {api_ms:.1f} ms", flush=True)
    lines = [
        f"Setting: {d.setting(workers)}; each type alone for {seconds:g} s at 8 requests/s (3/s for the rarest).",
        "",
        "| request type | share of the mix | requests | engine CPU per request (ms) | API CPU per request (ms) | share of the mix's CPU | errors |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    weighted = {name: share * (e + a) for name, share, _, e, a, _ in rows}
    per_request = sum(weighted.values())
    for name, share, n, e, a, errors in rows:
        lines.append(
            f"| {name} | {100 * share:.1f}% | {n} | {e:.1f} | {a:.1f} | {100 * weighted[name] / per_request:.0f}% | {errors} |"
        )
    lines += [
        "",
        f"The mix costs {per_request:.1f} ms of CPU per request on average (engine and API, without the "
        f"load generator): {1000 * cores() / per_request:.0f} requests/s would keep {cores()} cores busy, before "
        "any queueing. A removal is measured beside the registrations that give it something to remove: its "
        "figure is theirs together.",
    ]
    return lines


def main(seconds: float, workers: int | None) -> None:
    n = workers or cores()

    async def run() -> list[str]:
        async with deployed("falkordb", 1) as d:
            return await _costs(seconds, n, d)

    lines = asyncio.run(run())
    write_section(
        "Cost per request type", f"python -m bench cost --seconds {seconds:g} --workers {n}", "\n".join(lines)
    )
    print("\n".join(lines))
