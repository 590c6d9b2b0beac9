"""Input checked against the model's declarations, before a write statement runs.

`check(label, row)` lists what is wrong with the properties a write would give a node (or a
relationship: pass its type): each problem names the property and carries a code a client can
act on. What only the graph can know (does the other end exist, is the version current) is
the write statement's to check, not this module's. Pure Python: no engine is asked.

    check("Gebruik", {"id": "g1", "status": "IN_GEBRUIK", "startDatum": "2026-13-01"})
    → [Problem("status", "INVALID_CHOICE", ...), Problem("startDatum", "INVALID_TYPE", ...)]
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from graph_api.errors import Invalid
from graph_api.model.description import GraphModel, PropertySpec, describe

REQUIRED = "REQUIRED"  # a required property is absent, null, blank or an empty list
INVALID_TYPE = "INVALID_TYPE"  # not of the declared type (a date not in ISO-8601 form included)
INVALID_CHOICE = "INVALID_CHOICE"  # not one of the declared choices
UNKNOWN_FIELD = "UNKNOWN_FIELD"  # the label declares no such property

# fromisoformat also takes forms such as 20260630 and 2026-W26-2; stored dates are one form,
# so they sort as text.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    message: str


class InvalidInput(Invalid):
    """Input the model's declarations refuse; `problems` names each property and why, and the
    error concerns the first of them (`argument`)."""

    code = "INVALID_INPUT"

    def __init__(self, label: str, problems: list[Problem]):
        self.label = label
        self.problems = problems
        details = "; ".join(f"{p.field}: {p.message}" for p in problems)
        super().__init__(f"invalid {label}: {details}", argument=problems[0].field if problems else None)


@cache
def _model() -> GraphModel:
    return describe()


def check(
    label: str, row: Mapping[str, Any], *, partial: bool = False, model: GraphModel | None = None
) -> list[Problem]:
    """What is wrong with `row` as the properties of a `label` node or relationship, in the
    declaration's order of properties, then unknown ones; empty when nothing is.

    A null value removes an optional property. With `partial` (an update that names only what
    changes) absent properties are left as they are, and only those present are checked.
    """
    declared = _declared(model or _model(), label)
    problems = []
    for name, spec in declared.items():
        if name not in row and partial:
            continue
        problem = _problem(spec, row.get(name))
        if problem is not None:
            problems.append(problem)
    unknown = [name for name in row if name not in declared]
    problems.extend(Problem(name, UNKNOWN_FIELD, f"{label} has no property {name!r}") for name in unknown)
    return problems


def require_valid(label: str, row: Mapping[str, Any], *, partial: bool = False) -> None:
    """`check`, raising `InvalidInput` with every problem when there is one."""
    problems = check(label, row, partial=partial)
    if problems:
        raise InvalidInput(label, problems)


def _declared(model: GraphModel, label: str) -> dict[str, PropertySpec]:
    if label in model.labels:
        return model.labels[label].properties
    if label in model.relationships:
        return model.relationships[label].properties
    raise KeyError(f"the model declares no label or relationship type {label!r}")


def _problem(spec: PropertySpec, value: Any) -> Problem | None:
    if value is None or (isinstance(value, str) and not value.strip()) or value == []:
        return Problem(spec.name, REQUIRED, "is required") if spec.required else None
    item_type = spec.type.removeprefix("list<").removesuffix(">")
    if item_type != spec.type:
        if not isinstance(value, list):
            return Problem(spec.name, INVALID_TYPE, f"must be a list of {item_type}")
        items = value
    else:
        items = [value]
    for item in items:
        if not _is(item_type, item):
            return Problem(spec.name, INVALID_TYPE, f"{item!r} is not a {item_type}")
        if spec.choices is not None and item not in spec.choices:
            return Problem(spec.name, INVALID_CHOICE, f"{item!r} is not one of {', '.join(spec.choices)}")
    return None


def _is(type_name: str, value: Any) -> bool:
    if type_name == "string":
        return isinstance(value, str)
    if type_name == "boolean":
        return isinstance(value, bool)
    # bool is an int in Python; true is no number in the graph.
    if type_name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_name == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if type_name == "date":
        return isinstance(value, str) and _DATE.fullmatch(value) is not None and _is_date(value)
    if type_name == "datetime":
        return isinstance(value, str) and _DATE.match(value) is not None and _has_offset(value)
    raise TypeError(f"no check for the model's type {type_name!r}")


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _has_offset(value: str) -> bool:
    """An instant: a date and time with its offset (a local time names no instant)."""
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False
