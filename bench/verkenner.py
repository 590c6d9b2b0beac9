"""`python -m bench verkenner`: the time from choosing an organisation to its drawn graph, in
Debian's chromium against `graph-api serve` on the seeded embedded engine (bench/verkenner.mjs).

The figures are what the page measures itself (performance.now() from the choice to the first
frame drawn after the layout), so they hold the two paged queries, Cytoscape.js building the graph
and the layout: the map per referentiecomponent the page draws first, and fCoSE's "krachten" a
person may choose.
The machine's speed varies from day to day here: the section states how long a loop of 20
million Python additions took in the same run, to compare runs by.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

from bench.load import deployed, served, tokens
from bench.openloop import percentile
from bench.results import write_section
from tests.expected import global_id

HERE = Path(__file__).parent
REPO = HERE.parent
TARGET_MS = 2_000
# The largest landscape, another large city's and the smallest gemeente's.
ORGANISATIES = (("GM0363", "Amsterdam"), ("GM0014", "Groningen"), ("GM0088", "Schiermonnikoog"))
OPMAKEN = ("kaart", "krachten")  # the page's default first


def _yardstick_s() -> float:
    started = time.perf_counter()
    total = 0
    for i in range(20_000_000):
        total += i
    return time.perf_counter() - started


def main(rounds: int, workers: int) -> None:
    chromium = os.environ.get("GRAPH_API_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        raise SystemExit("no chromium: apt-get install chromium, or set GRAPH_API_CHROMIUM")
    if not (REPO / "tests" / "verkenner" / "node_modules" / "playwright-core").is_dir():
        raise SystemExit("playwright-core is missing: run `npm ci` in tests/verkenner (make test does)")

    async def run() -> list[dict]:
        async with deployed("falkordb", 1) as d:
            token = (await tokens(d.settings, [("GM0363", "gebruik-raadpleger")]))[
                ("GM0363", "gebruik-raadpleger")
            ]
            async with served(d.env, workers) as server:
                opdracht = {
                    "base": server.url,
                    "token": token,
                    "organisaties": [
                        {"id": global_id("Gemeente", code), "naam": naam} for code, naam in ORGANISATIES
                    ],
                    "opmaken": list(OPMAKEN),
                    "rounds": rounds,
                    "chromium": chromium,
                }
                done = await asyncio.to_thread(
                    subprocess.run,
                    ["node", str(HERE / "verkenner.mjs"), json.dumps(opdracht)],
                    capture_output=True,
                    text=True,
                    timeout=1800,
                )
        if done.returncode != 0:
            raise SystemExit(f"the browser run failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout)

    metingen = asyncio.run(run())
    yardstick = _yardstick_s()
    lines = [
        "| organisation | layout | applications | koppelingen | data p50 (ms) | build p50 (ms) | layout p50 (ms) "
        f"| drawn p50 (ms) | drawn p95 (ms) | drawn max (ms) | under {TARGET_MS} ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for (_, naam), opmaak in itertools.product(ORGANISATIES, OPMAKEN):
        rijen = [m for m in metingen if m["organisatie"] == naam and m["opmaak"] == opmaak]
        getekend = [m["getekendMs"] for m in rijen]
        geladen = [m["geladenMs"] for m in rijen]
        gebouwd = [m["gebouwdMs"] for m in rijen]
        opgemaakt = [m["opmaakMs"] for m in rijen]
        lines.append(
            f"| {naam} | {opmaak} | {rijen[0]['gebruik']} | {rijen[0]['koppelingen']} | {percentile(geladen, 50):.0f} "
            f"| {percentile(gebouwd, 50):.0f} | {percentile(opgemaakt, 50):.0f} "
            f"| {percentile(getekend, 50):.0f} | {percentile(getekend, 95):.0f} | {max(getekend):.0f} "
            f"| {'yes' if percentile(getekend, 50) < TARGET_MS else 'no'} |"
        )
    body = "\n".join(
        [
            *lines,
            "",
            f"{rounds} rounds per organisation and layout after one unmeasured (the page's scripts cached, as after a first "
            f"visit), each a fresh page opened at the organisation's address, signed in as a gebruik-raadpleger of "
            f"Amsterdam (who sees every landscape's Gebruik and Amsterdam's koppelingen). `graph-api serve "
            f"--workers {workers}` on the embedded engine at scale 1; headless Chromium on the same machine. "
            f'"data" is the two paged queries (landschapsgraaf, and the organisation\'s Gebruik for status and '
            f'referentiecomponenten) side by side; "build" is Cytoscape.js making the graph with its styles, '
            f'"layout" the layout and the first frame drawn after it ("kaart": the map per referentiecomponent, '
            f'drawn first; "krachten": fCoSE, chosen in the page or with `opmaak=krachten` in the address), '
            f'"drawn" all of it from the choice. The machine\'s yardstick in this run: 20 million Python '
            f"additions in {yardstick:.1f} s.",
        ]
    )
    write_section(
        "Verkenner: choosing an organisation to a drawn graph",
        f"python -m bench verkenner --rounds {rounds} --workers {workers}",
        body,
    )
    print(body)
