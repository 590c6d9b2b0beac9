"""What is made from the code rather than run: `graph-api export-schema` writes schema/,
`graph-api install-graphiql` puts GraphiQL's assets into the environment (part of the install).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph_api.cli.reporting import console, reported


def install_graphiql(
    force: Annotated[bool, typer.Option("--force", help="Download again even when installed.")] = False,
) -> None:
    """Install GraphiQL's assets from the npm registry into this environment (checked by hash)."""
    from graph_api import graphiql

    with reported():
        target = graphiql.install(force=force)
    console.print(f"GraphiQL assets in {target}")


def export_schema(
    directory: Annotated[Path, typer.Option(help="Where schema.graphql and the DDL files go.")] = Path(
        "schema"
    ),
) -> None:
    """Write the GraphQL SDL and both engines' DDL, as generated from the code."""
    from graph_api.schema_files import write_schema_files

    for path in write_schema_files(directory):
        console.print(f"wrote {path}")
