"""`python -m graph_api.cli`: the same command as `graph-api`."""

from graph_api.cli import app

if __name__ == "__main__":  # pragma: no cover
    app()
