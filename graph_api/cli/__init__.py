"""The `graph-api` command: the Typer app, wired from one module per command or group.

serve.py (serve), seed.py (seed), db.py (db init, db counts), identity.py (dev-token,
gebruiker add, gebruiker deactiveer), landschap.py (landschap verschil), meldingen.py (meldingen
inhalen), exporteren.py (export landschap, aanbod, catalogus), importeren.py (import landschap),
build.py (export-schema, install-graphiql); reporting.py holds what they share: the consoles, the
settings, and how a known failure ends a command.
"""

from __future__ import annotations

import typer

from graph_api.cli import build, db, exporteren, identity, importeren, landschap, meldingen, seed, serve

app = typer.Typer(
    help="graph_api: the application landscape of all Dutch gemeenten as a GraphQL API.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

# `graph-api --help` lists the commands in this order, then the groups.
app.command()(serve.serve)
app.command("seed")(seed.seed_command)
app.command("install-graphiql")(build.install_graphiql)
app.command("export-schema")(build.export_schema)
app.command("dev-token")(identity.dev_token)
app.add_typer(db.db_app, name="db")
app.add_typer(identity.gebruiker_app, name="gebruiker")
app.add_typer(meldingen.meldingen_app, name="meldingen")
app.add_typer(landschap.landschap_app, name="landschap")
app.add_typer(exporteren.export_app, name="export")
app.add_typer(importeren.import_app, name="import")
