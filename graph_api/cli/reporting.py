"""What every command shares: its two consoles, its settings, and how a known failure ends it.

A known failure ends a command with `error CODE: message` on standard error and no traceback.
Exit status 2: what was asked or configured cannot be used as it is; 1: it could not be done.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import NoReturn

import typer
from rich.console import Console

from graph_api.engine import EngineError
from graph_api.settings import ConfigurationError, Settings
from graph_api.store import StoreError

console = Console()
errors = Console(stderr=True)


def fail(code: str, message: object, status: int) -> NoReturn:
    """End the command with `error CODE: message` and exit status `status`."""
    errors.print(f"[bold red]error[/] {code}: {message}", highlight=False)
    raise typer.Exit(status) from None


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """The engine's, the store's and the configuration's failures, reported."""
    try:
        yield
    except (EngineError, StoreError) as exc:
        fail(exc.code, exc, 1)
    except ConfigurationError as exc:
        fail("CONFIGURATION", exc, 2)


@contextlib.contextmanager
def registration_reported() -> Iterator[None]:
    """A registration refused, and the development key that could not be read or written."""
    # Imported when a command needs it: the other commands start without the auth package.
    from graph_api.domain.gebruikers import RegistratieFout

    try:
        yield
    except RegistratieFout as exc:
        fail(exc.code, exc, 2)
    except OSError as exc:
        fail("KEY_FILE", exc, 1)


def load_settings() -> Settings:
    with reported():
        return Settings.from_env()
