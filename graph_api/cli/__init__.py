"""The `graph-api` command: the Typer app, wired from one module per command or group.

serve.py (serve), seed.py (seed), db.py (db init, db counts), identity.py (dev-token,
gebruiker add, gebruiker deactiveer), landschap.py (landschap verschil), meldingen.py (meldingen
inhalen), exporteren.py (export landschap, aanbod, catalogus), importeren.py (import landschap),
cmdb.py (cmdb topdesk), build.py (export-schema, install-assets); reporting.py holds what they
share: the consoles, the settings, and how a known failure ends a command.

A command's module is imported when that command runs (or `--help` lists them all): the
exchange formats, the model and the drivers together took 1.4 s to import, which every command
paid before doing anything, `dev-token` and `db counts` too.
"""

from __future__ import annotations

import importlib

import typer
from typer import _click as click  # the click typer carries and builds its commands on
from typer.core import TyperGroup

# `graph-api --help` lists the commands in this order, then the groups: name -> (module, what
# it holds: a command's function, or a group's Typer app).
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("serve", "serve"),
    "seed": ("seed", "seed_command"),
    "install-assets": ("build", "install_assets"),
    "export-schema": ("build", "export_schema"),
    "dev-token": ("identity", "dev_token"),
}
GROUPS: dict[str, tuple[str, str]] = {
    "db": ("db", "db_app"),
    "gebruiker": ("identity", "gebruiker_app"),
    "meldingen": ("meldingen", "meldingen_app"),
    "landschap": ("landschap", "landschap_app"),
    "export": ("exporteren", "export_app"),
    "import": ("importeren", "import_app"),
    "cmdb": ("cmdb", "cmdb_app"),
}


class _Commands(TyperGroup):
    """The commands by name, each built from its module when asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *GROUPS]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module, name = COMMANDS[cmd_name]
            single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
            single.command(cmd_name)(getattr(importlib.import_module(f"graph_api.cli.{module}"), name))
            command = typer.main.get_command(single)
        elif cmd_name in GROUPS:
            module, name = GROUPS[cmd_name]
            command = typer.main.get_group(getattr(importlib.import_module(f"graph_api.cli.{module}"), name))
        else:
            return None
        command.name = cmd_name
        return command


app = typer.Typer(
    cls=_Commands,
    help="graph_api: the application landscape of all Dutch gemeenten as a GraphQL API.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


# A callback makes the app a group of commands, though none is registered on it.
@app.callback()
def _graph_api() -> None:
    pass
