"""`python -m bench`: the benchmark harness; each command rewrites its section of RESULTS.md."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(no_args_is_help=True, help=__doc__)


@app.callback()
def benchmarks() -> None:
    """Benchmarks of graph_api; results go to bench/RESULTS.md."""


@app.command()
def seed(
    scales: Annotated[str, typer.Option(help="Scales to seed, comma-separated.")] = "1,10",
    seed: Annotated[int, typer.Option(help="Generator seed.")] = 1,
) -> None:
    """Seed each scale into a fresh data directory: time, counts, memory."""
    from bench import seeding

    seeding.main(sorted(int(s) for s in scales.split(",")), seed)


@app.command()
def realism(
    seed: Annotated[int, typer.Option(help="Generator seed.")] = 1,
    scale: Annotated[int, typer.Option(help="Copies of every organisation.")] = 1,
    save: Annotated[Path | None, typer.Option(help="Write the figures to this JSON file.")] = None,
    before: Annotated[
        Path | None, typer.Option(help="Figures saved earlier: shown beside these, and the section written.")
    ] = None,
) -> None:
    """How believable the generated landscape is: prevalence, markets, spread, standards, suites."""
    from bench import realism as realism_bench

    realism_bench.main(seed, scale, save, before)


@app.command("engine-growth")
def engine_growth(
    steps: Annotated[int, typer.Option(help="Equal batches written into one growing graph.")] = 60,
) -> None:
    """The engine alone: the cost per written row as the graph grows, with MERGE and with CREATE."""
    from bench import engine_growth as growth

    growth.main(steps)


@app.command()
def api(
    rounds: Annotated[int, typer.Option(help="Measured runs per query.")] = 30,
    clients: Annotated[int, typer.Option(help="Concurrent clients in the load run.")] = 20,
    seconds: Annotated[float, typer.Option(help="Length of the load run.")] = 20,
) -> None:
    """GraphQL against the best raw query for five queries, and throughput under load."""
    from bench import api as api_bench

    api_bench.main(rounds, clients, seconds)


def _engine(name: str) -> str:
    from bench.load import ENGINES

    if name not in ENGINES:
        raise typer.BadParameter(f"{name!r}: one of {', '.join(ENGINES)}", param_hint="--engine")
    return name


@app.command()
def load(
    rates: Annotated[
        str, typer.Option(help="Arrival rates to step through (requests/s), comma-separated.")
    ] = ("50,100,150,200,250,300,400"),
    seconds: Annotated[float, typer.Option(help="Length of each step.")] = 30,
    workers: Annotated[int | None, typer.Option(help="API workers (default: the cores).")] = None,
    scale: Annotated[int, typer.Option(help="Copies of every organisation in the seeded graph.")] = 1,
    warmup: Annotated[float, typer.Option(help="Seconds at the first rate before measuring.")] = 20,
    engine: Annotated[
        str, typer.Option(help="falkordb (embedded) or neo4j (a test server of bench/work's own).")
    ] = "falkordb",
) -> None:
    """The whole mix of requests by role (writes too), open loop at rising rates: p50, p95, p99, errors."""
    from bench import load as load_bench

    load_bench.main([float(r) for r in rates.split(",")], seconds, workers, scale, warmup, _engine(engine))


@app.command()
def abuse(
    rate: Annotated[float, typer.Option(help="Arrival rate of the mix (requests/s).")] = 100,
    bad_rate: Annotated[float, typer.Option(help="Bad requests a second beside it.")] = 50,
    seconds: Annotated[float, typer.Option(help="Length of each of the two runs.")] = 40,
    workers: Annotated[int | None, typer.Option(help="API workers (default: the cores).")] = None,
    warmup: Annotated[float, typer.Option(help="Seconds of the mix before measuring.")] = 15,
    engine: Annotated[
        str, typer.Option(help="falkordb (embedded) or neo4j (a test server of bench/work's own).")
    ] = "falkordb",
) -> None:
    """The mix alone, then beside bad input (oversized, deep, aliased, not UTF-8, huge variables, slow)."""
    from bench import load as load_bench

    load_bench.abuse_main(rate, bad_rate, seconds, workers, warmup, _engine(engine))


@app.command()
def cost(
    seconds: Annotated[float, typer.Option(help="Length of each request type's run.")] = 10,
    workers: Annotated[int | None, typer.Option(help="API workers (default: the cores).")] = None,
) -> None:
    """CPU per request of each request type of the mix, in the engine and in the API workers."""
    from bench import cost as cost_bench

    cost_bench.main(seconds, workers)


@app.command()
def soak(
    rate: Annotated[float, typer.Option(help="Arrival rate of the mix (requests/s).")] = 100,
    minutes: Annotated[float, typer.Option(help="Length of the run.")] = 10,
    workers: Annotated[int | None, typer.Option(help="API workers (default: the cores).")] = None,
    warmup: Annotated[float, typer.Option(help="Seconds after which memory should stay flat.")] = 120,
    engine: Annotated[
        str, typer.Option(help="falkordb (embedded) or neo4j (a test server of bench/work's own).")
    ] = "falkordb",
) -> None:
    """The mix at one rate for minutes: errors, and the resident memory of the API and the engine."""
    from bench import load as load_bench

    load_bench.soak_main(rate, minutes, workers, warmup, _engine(engine))


@app.command()
def engines(
    rounds: Annotated[int, typer.Option(help="Measured runs per query and engine.")] = 30,
) -> None:
    """The embedded engine and Neo4j side by side: seeding at scale 1 and the read API's queries."""
    from bench import engines as engines_bench

    engines_bench.main(rounds)


@app.command()
def peer(
    rounds: Annotated[int, typer.Option(help="Measured requests per query and server.")] = 30,
    clients: Annotated[int, typer.Option(help="Concurrent clients in each throughput run.")] = 20,
    seconds: Annotated[float, typer.Option(help="Length of each throughput run.")] = 10,
    neo4j_uri: Annotated[
        str | None,
        typer.Option(help="A running Neo4j to use (seeded if it lacks scale 1); else one is started."),
    ] = None,
    api_port: Annotated[int, typer.Option(help="Port of the graph_api server.")] = 8100,
    peer_port: Annotated[int, typer.Option(help="Port of the peer's server.")] = 4100,
) -> None:
    """graph_api against @neo4j/graphql on the same Neo4j: the benchmark's reads over HTTP."""
    from bench import peer as peer_bench

    peer_bench.main(rounds, clients, seconds, neo4j_uri, (api_port, peer_port))


@app.command()
def analytics(
    scales: Annotated[str, typer.Option(help="Two scales to compare, comma-separated.")] = "1,10",
    rounds: Annotated[int, typer.Option(help="Measured runs per analytic.")] = 10,
) -> None:
    """Each analytic at two scales: median latency and growth."""
    from bench import analytics as analytics_bench

    analytics_bench.main(sorted(int(s) for s in scales.split(",")), rounds)


@app.command()
def toegang(rounds: Annotated[int, typer.Option(help="Measured runs per request and role.")] = 30) -> None:
    """What a bearer token, the role's visibility predicates and the cost estimate add to a request."""
    from bench import toegang as toegang_bench

    toegang_bench.main(rounds)


@app.command()
def hardening(
    rounds: Annotated[int, typer.Option(help="Measured requests per refusal and per list.")] = 10,
    seconds: Annotated[float, typer.Option(help="How long the lookup runs under each load.")] = 10,
    clients: Annotated[int, typer.Option(help="Hostile clients sending at once.")] = 4,
) -> None:
    """Refusals of fan-outs, a lookup under hostile load, and the weights of whole-list reads."""
    from bench import hardening as hardening_bench

    hardening_bench.main(rounds, seconds, clients)


@app.command()
def writes(
    rounds: Annotated[int, typer.Option(help="Measured runs per mutation.")] = 30,
    clients: Annotated[int, typer.Option(help="Concurrent clients in the load run.")] = 20,
    seconds: Annotated[float, typer.Option(help="Length of the load run.")] = 20,
    reseed: Annotated[bool, typer.Option(help="Seed a fresh graph first (off: keep the last run's).")] = True,
) -> None:
    """The mutations against the best raw write statement for the same change, and sustained writes."""
    from bench import writes as writes_bench

    writes_bench.main(rounds, clients, seconds, reseed)


@app.command()
def meldingen(rounds: Annotated[int, typer.Option(help="Measured runs of the mutation.")] = 30) -> None:
    """What meldingen add to a write: registreerVersie of the most used application."""
    from bench import meldingen as meldingen_bench

    meldingen_bench.main(rounds)


@app.command()
def verloop(rounds: Annotated[int, typer.Option(help="Measured runs per window.")] = 20) -> None:
    """The landscape over time: `landschapsverschil` after a series of writes, against its raw read."""
    from bench import verloop as verloop_bench

    verloop_bench.main(rounds)


@app.command()
def beoordelingen(rounds: Annotated[int, typer.Option(help="Measured runs of each.")] = 15) -> None:
    """schrijfBeoordeling against the least raw statement for the same review."""
    from bench import beoordelingen as beoordelingen_bench

    beoordelingen_bench.main(rounds)


@app.command()
def herindeling(
    rounds: Annotated[int, typer.Option(help="Rounds, each on a freshly seeded graph.")] = 3,
) -> None:
    """A herindeling of three scale-1 gemeenten: its dry run and applying it."""
    from bench import herindeling as herindeling_bench

    herindeling_bench.main(rounds)


@app.command("meldingen-live")
def meldingen_live(rounds: Annotated[int, typer.Option(help="Measured writes per engine.")] = 30) -> None:
    """Live meldingen: from a write through one API process to its subscribers on another."""
    from bench import meldingen_live

    meldingen_live.main(rounds)


@app.command()
def bezoeken(
    rounds: Annotated[int, typer.Option(help="Measured in-process lookups, each way.")] = 200,
    http_rounds: Annotated[int, typer.Option(help="Measured lookups over HTTP, each way.")] = 60,
) -> None:
    """An application lookup without and with counting its views, in-process and over HTTP."""
    from bench import bezoeken as bezoeken_bench

    bezoeken_bench.main(rounds, http_rounds)


@app.command()
def export(rounds: Annotated[int, typer.Option(help="Measured runs per landscape format.")] = 10) -> None:
    """Exports: the largest landscape in every format and the catalogue, in-process and over HTTP."""
    from bench import export as export_bench

    export_bench.main(rounds)


@app.command()
def ameff(
    rounds: Annotated[int, typer.Option(help="Measured runs of the export; import rounds (at most 5).")] = 5,
) -> None:
    """AMEFF: exporting the largest landscape as an ArchiMate exchange file and importing it."""
    from bench import ameff as ameff_bench

    ameff_bench.main(rounds)


@app.command("import")
def importeren(
    rounds: Annotated[int, typer.Option(help="Rounds, each into another gemeente without a landscape.")] = 3,
) -> None:
    """Importing the largest landscape from CSV: the dry run, applying it, the same file again."""
    from bench import invoer as invoer_bench

    invoer_bench.main(rounds)


@app.command()
def synchronisatie(rounds: Annotated[int, typer.Option(help="Measured unchanged resyncs.")] = 10) -> None:
    """A CMDB's batch the size of the largest landscape: first sync, unchanged resync, a change."""
    from bench import synchronisatie as synchronisatie_bench

    synchronisatie_bench.main(rounds)


@app.command()
def verkenner(
    rounds: Annotated[int, typer.Option(help="Measured page loads per organisation.")] = 10,
    workers: Annotated[int, typer.Option(help="API processes serving the page.")] = 1,
) -> None:
    """The verkenner in Chromium: from choosing an organisation to its drawn graph."""
    from bench import verkenner as verkenner_bench

    verkenner_bench.main(rounds, workers)


if __name__ == "__main__":
    app()
