"""Filter and order inputs of the organisation lists, each turning itself into its query's parameters."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from graph_api.graphql.core.enums import GROOTTEKLASSEN, Grootteklasse, OrganisatieStatus, SortDirection
from graph_api.graphql.core.inputs import code
from graph_api.graphql.core.lists import Verzoek, verzoek
from graph_api.graphql.core.paging import text_filter
from graph_api.graphql.errors import ClientError
from graph_api.model import keuzes


@strawberry.input(description="Narrows a list of organisations.")
class OrganisatieFilter:
    tekst: str | None = strawberry.field(default=None, description="Part of the name, any case.")
    status: OrganisatieStatus | None = None

    def params(self) -> dict[str, Any]:
        return {
            "tekst": text_filter(self.tekst),
            "status": code(self.status),
            "provincie": None,
            "minInwoners": None,
            "maxInwoners": None,
        }


@strawberry.input(description="Narrows a list of gemeenten.")
class GemeenteFilter(OrganisatieFilter):
    provincie: str | None = strawberry.field(
        default=None, description="One of the twelve provinces (Zuid-Holland), any case."
    )
    grootteklasse: Grootteklasse | None = strawberry.field(
        default=None, description="Size class by inhabitants."
    )

    def params(self) -> dict[str, Any]:
        low, high = (None, None)
        if self.grootteklasse is not None:
            _, low, high = GROOTTEKLASSEN[self.grootteklasse.value]
        return {
            **super().params(),
            "provincie": provincie(self.provincie),
            "minInwoners": low,
            "maxInwoners": high,
        }


def provincie(value: str | None) -> str | None:
    """A province as the gemeenten list names it, any case; refused by name when it is none."""
    if value is None:
        return None
    for name in keuzes.PROVINCIES:
        if name.lower() == value.strip().lower():
            return name
    raise ClientError(
        "INVALID_ARGUMENT",
        f"filter.provincie must be one of {', '.join(keuzes.PROVINCIES)}, not {value[:50]!r}",
        argument="filter.provincie",
    )


@strawberry.enum(description="What a list of organisations can be ordered by.")
class OrganisatieVeld(Enum):
    NAAM = "NAAM"
    INWONERS = "INWONERS"


@strawberry.input
class OrganisatieOrder:
    field: OrganisatieVeld = OrganisatieVeld.NAAM
    direction: SortDirection = SortDirection.ASC


def organisaties_verzoek(
    args: dict[str, Any], default: type[OrganisatieFilter] = OrganisatieFilter
) -> Verzoek:
    """A list of organisations (`default`: the filter of the list when none is given)."""
    order = args.get("order_by") or OrganisatieOrder()
    return verzoek(args, (args.get("filter") or default()).params(), order)


def gemeenten_verzoek(args: dict[str, Any]) -> Verzoek:
    return organisaties_verzoek(args, GemeenteFilter)
