"""Filter and order inputs of the aanbod lists, each turning itself into its query's parameters."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from graph_api.graphql.core.enums import (
    ApplicatieStatus,
    ApplicatieType,
    DienstStatus,
    DienstType,
    GebruikStatus,
    Hostingmodel,
    Licentietype,
    SortDirection,
)
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.inputs import NaamOrder, code
from graph_api.graphql.core.lists import Verzoek, verzoek
from graph_api.graphql.core.paging import text_filter


@strawberry.input(description="Narrows a list of applications.")
class ApplicatieFilter:
    tekst: str | None = strawberry.field(default=None, description="Part of the name, any case.")
    status: ApplicatieStatus | None = None
    type: ApplicatieType | None = None
    leverancier: strawberry.ID | None = strawberry.field(
        default=None, description="Offered by this leverancier."
    )
    referentiecomponent: strawberry.ID | None = strawberry.field(
        default=None, description="Realises this GEMMA reference component."
    )
    standaard: strawberry.ID | None = strawberry.field(
        default=None, description="Has a version that supports a version of this standard."
    )
    hostingmodel: Hostingmodel | None = None
    licentietype: Licentietype | None = None

    def params(self) -> dict[str, Any]:
        return {
            "tekst": text_filter(self.tekst),
            "status": code(self.status),
            "type": code(self.type),
            "leverancier": reference(self.leverancier, "Leverancier", argument="filter.leverancier"),
            "referentiecomponent": reference(
                self.referentiecomponent, "Referentiecomponent", argument="filter.referentiecomponent"
            ),
            "standaard": reference(self.standaard, "Standaard", argument="filter.standaard"),
            "hostingmodel": code(self.hostingmodel),
            "licentietype": code(self.licentietype),
        }


@strawberry.enum(description="What a list of applications can be ordered by.")
class ApplicatieVeld(Enum):
    NAAM = "NAAM"
    GEBRUIK = strawberry.enum_value("GEBRUIK", description="How many organisations use it")


@strawberry.input
class ApplicatieOrder:
    field: ApplicatieVeld = ApplicatieVeld.NAAM
    direction: SortDirection = SortDirection.ASC


@strawberry.input(description="Narrows a list of applications realising a component.")
class AanbodFilter:
    tekst: str | None = strawberry.field(default=None, description="Part of the name, any case.")
    status: ApplicatieStatus | None = None

    def params(self) -> dict[str, Any]:
        return {"tekst": text_filter(self.tekst), "status": code(self.status)}


@strawberry.input(description="Narrows a list of diensten.")
class DienstFilter:
    tekst: str | None = strawberry.field(default=None, description="Part of the name, any case.")
    type: DienstType | None = None
    leverancier: strawberry.ID | None = None
    applicatie: strawberry.ID | None = strawberry.field(
        default=None, description="Offered on this application."
    )
    status: DienstStatus | None = strawberry.field(
        default=None, description="AANGEBODEN when not given: the diensten on offer."
    )

    def params(self) -> dict[str, Any]:
        return {
            "tekst": text_filter(self.tekst),
            "type": code(self.type),
            "status": code(self.status),
            "leverancier": reference(self.leverancier, "Leverancier", argument="filter.leverancier"),
            "applicatie": reference(self.applicatie, "Applicatie", argument="filter.applicatie"),
        }


@strawberry.input(description="Narrows the Gebruik of one application: the organisations that use it.")
class GebruikersFilter:
    status: GebruikStatus | None = None
    hostingmodel: Hostingmodel | None = None

    def params(self, status: GebruikStatus | None = None) -> dict[str, Any]:
        return {"status": code(self.status or status), "hosting": code(self.hostingmodel)}


def applicaties_verzoek(args: dict[str, Any]) -> Verzoek:
    """The catalogue's applications, by name or by use."""
    order = args.get("order_by") or ApplicatieOrder()
    return verzoek(args, (args.get("filter") or ApplicatieFilter()).params(), order)


def realisaties_verzoek(args: dict[str, Any]) -> Verzoek:
    """The applications that realise a component (only their status narrows them)."""
    order = args.get("order_by") or ApplicatieOrder()
    return verzoek(args, {"status": (args.get("filter") or AanbodFilter()).params()["status"]}, order)


def aanbod_verzoek(args: dict[str, Any]) -> Verzoek:
    """A leverancier's applications, by name."""
    return verzoek(args, (args.get("filter") or AanbodFilter()).params(), args.get("order_by") or NaamOrder())


def diensten_verzoek(args: dict[str, Any]) -> Verzoek:
    return verzoek(args, (args.get("filter") or DienstFilter()).params(), args.get("order_by") or NaamOrder())


def gebruikers_verzoek(args: dict[str, Any]) -> Verzoek:
    """The Gebruik of one application, by the organisation's name (`status`: the deprecated argument)."""
    params = (args.get("filter") or GebruikersFilter()).params(args.get("status"))
    return verzoek(args, params, field="ORGANISATIE")
