"""What every command shares: its two consoles, its settings, and how a known failure ends it.

A known failure (graph_api/errors.py) ends a command with `error CODE: message` on standard
error and no traceback, and an exit status by its kind:

- 2: what was asked or configured cannot be used as it is (`Invalid`): change it and run again;
- 3: the graph engine or another service does not answer (`Unavailable`): run again later;
- 1: it could not be done: the graph stands in the way (`Conflict`), a time limit ran out, or
  graph_api failed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import typer
from rich.console import Console

from graph_api.errors import GraphApiError, Invalid, Unavailable, kind_of
from graph_api.settings import Settings

console = Console()
errors = Console(stderr=True)


EXIT_STATUSES: dict[type[GraphApiError] | None, int] = {Invalid: 2, Unavailable: 3}


def exit_status(cls: type[GraphApiError]) -> int:
    return EXIT_STATUSES.get(kind_of(cls), 1)


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """graph_api's known failures end the command with their code, message and exit status."""
    try:
        yield
    except GraphApiError as exc:
        errors.print(f"[bold red]error[/] {exc.code}: {exc.message}", highlight=False)
        raise typer.Exit(exit_status(type(exc))) from None


def load_settings() -> Settings:
    with reported():
        return Settings.from_env()
