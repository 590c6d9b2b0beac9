"""What is made from the code rather than run: `graph-api export-schema` writes schema/,
`graph-api install-assets` puts the browser pages' npm assets (GraphiQL, the verkenner) into the
environment (part of the install).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph_api.cli.reporting import console, reported


def install_assets(
    force: Annotated[bool, typer.Option("--force", help="Download again even when installed.")] = False,
) -> None:
    """Install the assets of GraphiQL and the verkenner from the npm registry (checked by hash)."""
    from graph_api import graphiql, verkenner

    with reported():
        for bundle in (graphiql.BUNDLE, verkenner.BUNDLE):
            console.print(f"{bundle.name} assets in {bundle.install(force=force)}")


def export_schema(
    directory: Annotated[Path, typer.Option(help="Where schema.graphql and the DDL files go.")] = Path(
        "schema"
    ),
) -> None:
    """Write the GraphQL SDL and both engines' DDL, as generated from the code."""
    from graph_api.schema_files import write_schema_files

    for path in write_schema_files(directory):
        console.print(f"wrote {path}")
