"""The error catalogue (graph_api/errors.py) against its documentation, and how each surface maps
it. No engine: the errors are made here as the store and the resolvers raise them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import GraphQLError

from graph_api import errors
from graph_api.auth.errors import challenge
from graph_api.cli.reporting import exit_status
from graph_api.errors import (
    KINDS,
    AuthenticationError,
    ClientError,
    ConstraintViolation,
    EngineUnavailable,
    GraphApiError,
    IdentityProviderUnavailable,
    QueryFailed,
)
from graph_api.graphql.endpoint import format_error

DOCS = Path(__file__).resolve().parents[2] / "docs" / "operations.md"
KIND_NAMES = {
    errors.Invalid: "invalid",
    errors.Conflict: "conflict",
    errors.Unavailable: "unavailable",
    errors.TimedOut: "timed out",
}


def _classes() -> list[type[GraphApiError]]:
    found, pending = [], [GraphApiError]
    while pending:
        cls = pending.pop(0)
        pending.extend(sub for sub in cls.__subclasses__() if sub not in found)
        if cls not in KINDS:
            found.append(cls)
    return found


def _codes(cls: type[GraphApiError]) -> dict[str, int]:
    """The codes a class is raised with, each with its status."""
    return dict(cls.__dict__.get("codes") or {cls.code: cls.status})


def _kind(cls: type[GraphApiError]) -> str:
    kind = errors.kind_of(cls)
    return "internal" if kind is None else KIND_NAMES[kind]


def _documented() -> dict[str, tuple[int, int | None, str]]:
    """docs/operations.md, "Error codes": code → HTTP status, exit status (None: `—`), kind."""
    section = DOCS.read_text().split("## Error codes", 1)[1]
    table: dict[str, tuple[int, int | None, str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[1].isdigit():
            continue
        exit_cell = None if cells[2] == "—" else int(cells[2])
        for code in re.findall(r"`([A-Z_]+)`", cells[0]):
            assert code not in table, f"{code} is in the table twice"
            table[code] = (int(cells[1]), exit_cell, cells[3].split(":")[0])
    return table


def test_every_code_belongs_to_one_class() -> None:
    owners: dict[str, type[GraphApiError]] = {}
    for cls in _classes():
        for code, status in _codes(cls).items():
            assert re.fullmatch(r"[A-Z]+(_[A-Z]+)*", code), f"{cls.__name__}: {code} is not UPPER_SNAKE"
            assert 400 <= status < 600, f"{cls.__name__}: {code} has no error status"
            owner = owners.setdefault(code, cls)
            # A subclass may narrow its parent's codes (MalformedRequest's BAD_REQUEST), no more.
            assert issubclass(cls, owner), f"{code} is both {owner.__name__}'s and {cls.__name__}'s"


def test_every_code_is_documented_with_its_status_exit_status_and_kind() -> None:
    table = _documented()
    for cls in _classes():
        expected_exit = exit_status(cls)
        for code, status in _codes(cls).items():
            assert code in table, f"{code} ({cls.__name__}) is not in docs/operations.md, 'Error codes'"
            http, exit_cell, kind = table[code]
            assert http == status, f"{code}: the docs say HTTP {http}, {cls.__name__} answers {status}"
            assert exit_cell in (None, expected_exit), f"{code}: the docs say exit {exit_cell}"
            assert kind == _kind(cls), f"{code}: the docs say {kind}, {cls.__name__} is {_kind(cls)}"


def test_each_kind_has_its_exit_status() -> None:
    assert exit_status(ClientError) == 2
    assert exit_status(EngineUnavailable) == 3
    assert exit_status(IdentityProviderUnavailable) == 3  # also an AuthenticationError, invalid
    assert exit_status(ConstraintViolation) == 1
    assert exit_status(QueryFailed) == 1


def test_a_code_a_class_does_not_have_is_refused() -> None:
    with pytest.raises(ValueError, match="no code"):
        ClientError("NO_SUCH_CODE", "x")


@pytest.mark.parametrize("code", sorted(AuthenticationError.codes))
def test_every_token_refusal_has_its_challenge(code: str) -> None:
    assert "WWW-Authenticate" in challenge(AuthenticationError(code, "nee"))


def _answered(exc: Exception) -> dict:
    return format_error(GraphQLError(str(exc), path=["veld"], original_error=exc))


def test_a_constraint_violation_is_a_conflict_without_the_engines_text() -> None:
    engine_text = "query probe/create: unique constraint violation on node of type Community"
    answered = _answered(ConstraintViolation(engine_text))
    assert answered["extensions"] == {"code": "CONSTRAINT_VIOLATION"}
    assert "Community" not in answered["message"] and "probe" not in answered["message"]
    assert answered["path"] == ["veld"]


def test_a_client_error_names_its_argument() -> None:
    answered = _answered(ClientError("INVALID_DEPTH", "diepte must be between 1 and 6", argument="diepte"))
    assert answered["message"] == "diepte must be between 1 and 6"
    assert answered["extensions"] == {"code": "INVALID_DEPTH", "argument": "diepte"}


def test_an_internal_error_is_masked() -> None:
    answered = _answered(
        QueryFailed("query x failed on FalkorDB: errMsg: Invalid input at /data/falkordb.sock")
    )
    assert answered["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert answered["message"] == "the request could not be completed"
