"""Inputs every area shares: orders by name or id, and how an enum becomes a query parameter."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph_api.graphql.core.enums import SortDirection


def code(value: Enum | None) -> str | None:
    return None if value is None else value.value


@strawberry.input(description="Orders a list by name.")
class NaamOrder:
    direction: SortDirection = SortDirection.ASC


@strawberry.input(description="Orders a list by its items' ids.")
class IdOrder:
    direction: SortDirection = SortDirection.ASC
