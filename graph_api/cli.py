"""The `graph-api` command."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph_api.engine import EngineError
from graph_api.model import describe
from graph_api.runtime import embedded_engine, open_runtime
from graph_api.seed.loader import Counts, SeedReport, counts, seed_graph
from graph_api.settings import ConfigurationError, Settings
from graph_api.store import Store, StoreError

app = typer.Typer(
    help="graph_api: the application landscape of all Dutch gemeenten as a GraphQL API.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="The graph database: schema and contents.", no_args_is_help=True)
app.add_typer(db_app, name="db")

console = Console()
errors = Console(stderr=True)


@contextlib.contextmanager
def _reported() -> Iterator[None]:
    """Known failures end the command with their code and message, not a traceback."""
    try:
        yield
    except (EngineError, StoreError) as exc:
        errors.print(f"[bold red]error[/] {exc.code}: {exc}", highlight=False)
        raise typer.Exit(1) from None
    except ConfigurationError as exc:
        errors.print(f"[bold red]error[/] CONFIGURATION: {exc}", highlight=False)
        raise typer.Exit(2) from None


def _settings() -> Settings:
    with _reported():
        return Settings.from_env()


SeedOption = Annotated[int, typer.Option("--seed", help="Seed of the landscape generator.")]
ScaleOption = Annotated[
    int, typer.Option("--scale", min=1, help="Copies of every organisation and what hangs off it.")
]


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    seed_if_empty: Annotated[
        bool, typer.Option("--seed-if-empty", help="Seed the graph first when it holds no data.")
    ] = False,
    seed: SeedOption = 1,
    scale: ScaleOption = 1,
) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql)."""
    import uvicorn

    from graph_api.app import create_app

    settings = _settings()
    settings = replace(settings, host=host or settings.host, port=port or settings.port)
    # uvicorn re-raises SIGTERM after its graceful shutdown; by default that ends the process
    # before the engine below is stopped (docker stop, systemd), so it becomes an exit.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    engine = embedded_engine(settings) if settings.embedded else None
    with _reported():
        if engine is not None:
            engine.start()
        try:
            if seed_if_empty:
                asyncio.run(_seed_if_empty(settings, engine, seed, scale))
            console.print(f"graph_api on http://{settings.host}:{settings.port}/graphql ({settings.engine})")
            uvicorn.run(create_app(settings, engine=engine), host=settings.host, port=settings.port)
        finally:
            if engine is not None:
                engine.stop()


async def _seed_if_empty(settings: Settings, engine, seed: int, scale: int) -> None:
    async with open_runtime(settings, engine) as runtime:
        if (await runtime.store.read("stats/leeg"))[0]["gevuld"]:
            dataset = await runtime.store.read("seed/dataset_lezen")
            if not dataset or dataset[0]["geladen"]:
                return
            console.print("resuming an interrupted seed run")
        report = await _seed_with_progress(runtime.store, settings, seed, scale, replace=False)
    _print_report(report)


@app.command("seed")
def seed_command(
    seed: SeedOption = 1,
    scale: ScaleOption = 1,
    replace_graph: Annotated[
        bool, typer.Option("--replace", help="Clear the graph first (everything in it is lost).")
    ] = False,
    gemeente: Annotated[
        list[str] | None,
        typer.Option(help="Generate landscapes for these CBS codes only (repeatable), for quick trials."),
    ] = None,
) -> None:
    """Load GEMMA, the gemeenten and a generated landscape; running it twice changes nothing."""
    settings = _settings()
    landscapes = frozenset(gemeente) if gemeente else None

    async def run() -> SeedReport:
        async with open_runtime(settings) as runtime:
            return await _seed_with_progress(
                runtime.store, settings, seed, scale, replace=replace_graph, landscapes=landscapes
            )

    with _reported():
        report = asyncio.run(run())
    _print_report(report)


async def _seed_with_progress(
    store: Store,
    settings: Settings,
    seed: int,
    scale: int,
    *,
    replace: bool,
    landscapes: frozenset[str] | None = None,
) -> SeedReport:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("gemeenten"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(f"seeding (seed {seed}, scale {scale})", total=None)

        def report(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"seeding: {stage}", completed=done, total=total)

        return await seed_graph(
            store,
            settings.seeds_dir,
            seed=seed,
            scale=scale,
            replace=replace,
            landscapes=landscapes,
            progress=report,
        )


def _print_report(report: SeedReport) -> None:
    console.print(
        f"seeded (seed {report.seed}, scale {report.scale}): {report.rows:,} rows in {report.seconds:.1f} s"
    )
    _print_counts(report.counts)


def _print_counts(found: Counts) -> None:
    for title, values in (("label", found.labels), ("relationship type", found.relationships)):
        table = Table(title=None, show_edge=False, pad_edge=False)
        table.add_column(title)
        table.add_column("count", justify="right")
        for name, value in sorted(values.items()):
            table.add_row(name, f"{value:,}")
        table.add_row("[bold]total[/]", f"[bold]{sum(values.values()):,}[/]")
        console.print(table)


@db_app.command("init")
def db_init() -> None:
    """Install the model's indexes and constraints on the configured engine."""
    settings = _settings()

    async def run() -> list[str]:
        async with open_runtime(settings) as runtime:
            return await runtime.store.install_schema(describe())

    with _reported():
        statements = asyncio.run(run())
    for statement in statements:
        console.print(statement, highlight=False, soft_wrap=True)
    console.print(f"schema installed on {settings.engine}: {len(statements)} statements")


@db_app.command("counts")
def db_counts() -> None:
    """Print the number of nodes per label and relationships per type."""
    settings = _settings()

    async def run() -> Counts:
        async with open_runtime(settings) as runtime:
            return await counts(runtime.store)

    with _reported():
        found = asyncio.run(run())
    _print_counts(found)


@app.command("install-graphiql")
def install_graphiql(
    force: Annotated[bool, typer.Option("--force", help="Download again even when installed.")] = False,
) -> None:
    """Install GraphiQL's assets from the npm registry into this environment (checked by hash)."""
    from graph_api import graphiql

    try:
        target = graphiql.install(force=force)
    except graphiql.GraphiQLAssetsError as exc:
        errors.print(f"[bold red]error[/] {exc.code}: {exc}", highlight=False)
        raise typer.Exit(1) from None
    console.print(f"GraphiQL assets in {target}")


@app.command("export-schema")
def export_schema(
    directory: Annotated[Path, typer.Option(help="Where schema.graphql and the DDL files go.")] = Path(
        "schema"
    ),
) -> None:
    """Write the GraphQL SDL and both engines' DDL, as generated from the code."""
    from graph_api.schema_files import write_schema_files

    for path in write_schema_files(directory):
        console.print(f"wrote {path}")


# --- identity: development tokens and Gebruikers (graph_api/auth, docs/identity.md) ---
gebruiker_app = typer.Typer(
    help="Gebruikers: an identity provider's users and machine clients.", no_args_is_help=True
)
app.add_typer(gebruiker_app, name="gebruiker")

OrganisatieOption = Annotated[
    str,
    typer.Option("--organisatie", help="The organisation's id (vng-realisatie), or a gemeente's CBS code."),
]


@contextlib.contextmanager
def _registration_reported() -> Iterator[None]:
    from graph_api.auth.gebruikers import RegistratieFout

    try:
        yield
    except RegistratieFout as exc:
        errors.print(f"[bold red]error[/] {exc.code}: {exc}", highlight=False)
        raise typer.Exit(2) from None
    except OSError as exc:
        errors.print(f"[bold red]error[/] KEY_FILE: {exc}", highlight=False)
        raise typer.Exit(1) from None


@app.command("dev-token")
def dev_token(
    organisatie: OrganisatieOption,
    rol: Annotated[
        str,
        typer.Option("--rol", help="The role, as key (GEBRUIK_RAADPLEGER) or label (gebruik-raadpleger)."),
    ],
    naam: Annotated[str | None, typer.Option("--naam", help="The development Gebruiker's name.")] = None,
    minuten: Annotated[
        int, typer.Option("--minuten", min=1, max=24 * 60, help="How many minutes the token is valid.")
    ] = 60,
) -> None:
    """Print a development access token for a role in an organisation (the token only).

    Only while no identity provider is configured (GRAPH_API_OIDC_ISSUER): the API then trusts
    tokens signed with the local development key, which this command makes on first use.
    """
    from graph_api.auth.dev import key_path, mint_token, signing_key
    from graph_api.auth.gebruikers import registreer_dev

    settings = _settings()
    if settings.identity.issuer is not None:
        errors.print(
            "[bold red]error[/] ISSUER_CONFIGURED: an identity provider is configured "
            f"(GRAPH_API_OIDC_ISSUER={settings.identity.issuer}); the API accepts only its tokens, "
            "so get a token there",
            highlight=False,
        )
        raise typer.Exit(2)
    if minuten * 60 > settings.identity.max_lifetime_s:
        errors.print(
            f"[bold red]error[/] TOKEN_LIFETIME_TOO_LONG: the API accepts tokens valid for at most "
            f"{settings.identity.max_lifetime_s} s (GRAPH_API_OIDC_MAX_LIFETIME_S); ask for fewer --minuten",
            highlight=False,
        )
        raise typer.Exit(2)

    async def run():
        async with open_runtime(settings) as runtime:
            return await registreer_dev(
                runtime.store, organisatie_sleutel=organisatie, rol_waarde=rol, naam=naam
            )

    with _reported(), _registration_reported():
        registratie = asyncio.run(run())
        key = signing_key(key_path(settings))
    token = mint_token(
        key,
        subject=registratie.subject,
        audience=settings.identity.audience,
        naam=registratie.naam,
        minuten=minuten,
    )
    print(token)  # plain: `TOKEN=$(graph-api dev-token ...)` must get exactly the token


@gebruiker_app.command("add")
def gebruiker_add(
    subject: Annotated[
        str,
        typer.Option(
            "--subject", help="The identity provider's `sub` (for a machine client: its client id)."
        ),
    ],
    naam: Annotated[str, typer.Option("--naam", help="The person's or client's name.")],
    email: Annotated[
        str, typer.Option("--email", help="E-mail address (for a machine client: who runs it).")
    ],
    organisatie: OrganisatieOption,
    rol: Annotated[
        list[str], typer.Option("--rol", help="A role (repeatable); the membership gets exactly these.")
    ],
    machine: Annotated[
        bool, typer.Option("--machine", help="A machine client (F008): one organisation only.")
    ] = False,
) -> None:
    """Register a user or machine client of the identity provider, or update it (idempotent)."""
    from graph_api.auth.gebruikers import registreer_extern
    from graph_api.model import keuzes

    settings = _settings()

    async def run():
        async with open_runtime(settings) as runtime:
            return await registreer_extern(
                runtime.store,
                subject=subject,
                naam=naam,
                email=email,
                organisatie_sleutel=organisatie,
                rollen=rol,
                machine=machine,
            )

    with _reported(), _registration_reported():
        registratie = asyncio.run(run())
    rollen = ", ".join(keuzes.ROLLEN[key] for key in registratie.rollen)
    console.print(
        f"{registratie.subject} ({registratie.soort.lower()}, Gebruiker {registratie.gebruiker}): "
        f"{rollen} in {registratie.organisatie.naam} ({registratie.organisatie.id})",
        highlight=False,
        soft_wrap=True,
    )


@gebruiker_app.command("deactiveer")
def gebruiker_deactiveer(
    subject: Annotated[str, typer.Option("--subject", help="The identity provider's `sub`.")],
) -> None:
    """Deactivate a Gebruiker: its tokens keep validating but carry a bezoeker's rights only."""
    from graph_api.auth.gebruikers import deactiveer

    settings = _settings()

    async def run() -> str:
        async with open_runtime(settings) as runtime:
            return await deactiveer(runtime.store, subject)

    with _reported(), _registration_reported():
        gebruiker = asyncio.run(run())
    console.print(f"{subject} (Gebruiker {gebruiker}) is deactivated", highlight=False, soft_wrap=True)


# --- end of identity ---


if __name__ == "__main__":  # pragma: no cover
    app()
