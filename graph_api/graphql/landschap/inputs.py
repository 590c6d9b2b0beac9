"""Filter and order inputs of the lists of Gebruik and koppelingen."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from graph_api.graphql.core.enums import (
    GebruikStatus,
    Hostingmodel,
    KoppelingStatus,
    KoppelingType,
    SortDirection,
)
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.inputs import IdOrder, code
from graph_api.graphql.core.lists import Verzoek, verzoek


@strawberry.input(description="Narrows a landscape or a list of Gebruik.")
class GebruikFilter:
    status: GebruikStatus | None = None
    applicatie: strawberry.ID | None = None
    referentiecomponent: strawberry.ID | None = strawberry.field(
        default=None, description="Used for this GEMMA reference component."
    )
    hostingmodel: Hostingmodel | None = strawberry.field(
        default=None, description="Hosted this way (the name ApplicatieFilter uses too)."
    )
    hosting: Hostingmodel | None = strawberry.field(
        default=None, deprecation_reason="Use hostingmodel, as ApplicatieFilter does."
    )

    def params(self) -> dict[str, Any]:
        return {
            "status": code(self.status),
            "applicatie": reference(self.applicatie, "Applicatie", argument="filter.applicatie"),
            "referentiecomponent": reference(
                self.referentiecomponent, "Referentiecomponent", argument="filter.referentiecomponent"
            ),
            "hosting": code(self.hostingmodel or self.hosting),
        }


@strawberry.enum(description="What a list of Gebruik can be ordered by.")
class GebruikVeld(Enum):
    APPLICATIE = strawberry.enum_value("APPLICATIE", description="The application's name")
    STATUS = "STATUS"
    START_DATUM = "START_DATUM"


@strawberry.input
class GebruikOrder:
    field: GebruikVeld = GebruikVeld.APPLICATIE
    direction: SortDirection = SortDirection.ASC


@strawberry.input(description="Narrows a list of koppelingen.")
class KoppelingFilter:
    type: KoppelingType | None = None
    status: KoppelingStatus | None = None
    standaard: strawberry.ID | None = strawberry.field(
        default=None, description="Uses a version of this standard."
    )

    def params(self) -> dict[str, Any]:
        return {
            "type": code(self.type),
            "status": code(self.status),
            "standaard": reference(self.standaard, "Standaard", argument="filter.standaard"),
        }


def gebruik_verzoek(args: dict[str, Any]) -> Verzoek:
    """A landscape or a list of Gebruik; the named queries also take the order field as `veld`."""
    order = args.get("order_by") or GebruikOrder()
    return verzoek(args, (args.get("filter") or GebruikFilter()).params(), order)


def koppelingen_verzoek(args: dict[str, Any]) -> Verzoek:
    params = (args.get("filter") or KoppelingFilter()).params()
    return verzoek(args, params, args.get("order_by") or IdOrder(), "ID")
