"""Filter and order inputs of the lists, each turning itself into its query's parameters."""

from __future__ import annotations

import base64
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from graph_api.graphql.core.enums import (
    GROOTTEKLASSEN,
    ApplicatieStatus,
    ApplicatieType,
    DienstType,
    GebruikStatus,
    GemmaStatus,
    Grootteklasse,
    Hostingmodel,
    KoppelingStatus,
    KoppelingType,
    Licentietype,
    OrganisatieStatus,
    SortDirection,
)
from graph_api.graphql.core.paging import text_filter
from graph_api.graphql.errors import ClientError
from graph_api.model import keuzes


def reference(value: str | relay.GlobalID | None, *kinds: str, argument: str) -> str | None:
    """The graph id an argument names: by the object's global id (which must be of one of these
    kinds), or by its identificatie as it is (a CBS code, `lev-0348`, `app-00001`, GEMMA's id)."""
    if value is None:
        return None
    if isinstance(value, str):
        global_id = _global_id(value)
        if global_id is None:
            return value  # not a global id: the object's own id, as the docs use it
        value = global_id
    if value.type_name not in kinds:
        raise ClientError(
            "INVALID_ID",
            f"{argument} must be the id of a {' or '.join(kinds)}, not of a {value.type_name}",
            argument=argument,
        )
    return value.node_id


def _global_id(value: str) -> relay.GlobalID | None:
    """The global id in `value`, when it is one: base64 of a type name, a colon and an id."""
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    type_name, colon, node_id = decoded.partition(":")
    if not colon or not type_name.isidentifier() or not node_id:
        return None
    return relay.GlobalID(type_name=type_name, node_id=node_id)


def _code(value: Enum | None) -> str | None:
    return None if value is None else value.value


@strawberry.input(description="Narrows a list of organisations.")
class OrganisatieFilter:
    tekst: str | None = strawberry.field(default=None, description="Part of the name, any case.")
    status: OrganisatieStatus | None = None

    def params(self) -> dict[str, Any]:
        return {
            "tekst": text_filter(self.tekst),
            "status": _code(self.status),
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
            "status": _code(self.status),
            "type": _code(self.type),
            "leverancier": reference(self.leverancier, "Leverancier", argument="filter.leverancier"),
            "referentiecomponent": reference(
                self.referentiecomponent, "Referentiecomponent", argument="filter.referentiecomponent"
            ),
            "standaard": reference(self.standaard, "Standaard", argument="filter.standaard"),
            "hostingmodel": _code(self.hostingmodel),
            "licentietype": _code(self.licentietype),
        }


@strawberry.enum(description="What a list of applications can be ordered by.")
class ApplicatieVeld(Enum):
    NAAM = "NAAM"
    GEBRUIK = strawberry.enum_value("GEBRUIK", description="How many organisations use it")


@strawberry.input
class ApplicatieOrder:
    field: ApplicatieVeld = ApplicatieVeld.NAAM
    direction: SortDirection = SortDirection.ASC


@strawberry.input(description="Narrows a list of GEMMA elements.")
class GemmaFilter:
    tekst: str | None = strawberry.field(default=None, description="Part of the name, any case.")
    status: GemmaStatus | None = None

    def params(self) -> dict[str, Any]:
        return {"tekst": text_filter(self.tekst), "status": _code(self.status)}


@strawberry.input(description="Narrows a list of applications realising a component.")
class AanbodFilter:
    tekst: str | None = strawberry.field(default=None, description="Part of the name, any case.")
    status: ApplicatieStatus | None = None

    def params(self) -> dict[str, Any]:
        return {"tekst": text_filter(self.tekst), "status": _code(self.status)}


@strawberry.input(description="Orders a list by name.")
class NaamOrder:
    direction: SortDirection = SortDirection.ASC


@strawberry.input(description="Narrows a list of diensten.")
class DienstFilter:
    tekst: str | None = strawberry.field(default=None, description="Part of the name, any case.")
    type: DienstType | None = None
    leverancier: strawberry.ID | None = None
    applicatie: strawberry.ID | None = strawberry.field(
        default=None, description="Offered on this application."
    )

    def params(self) -> dict[str, Any]:
        return {
            "tekst": text_filter(self.tekst),
            "type": _code(self.type),
            "leverancier": reference(self.leverancier, "Leverancier", argument="filter.leverancier"),
            "applicatie": reference(self.applicatie, "Applicatie", argument="filter.applicatie"),
        }


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
            "status": _code(self.status),
            "applicatie": reference(self.applicatie, "Applicatie", argument="filter.applicatie"),
            "referentiecomponent": reference(
                self.referentiecomponent, "Referentiecomponent", argument="filter.referentiecomponent"
            ),
            "hosting": _code(self.hostingmodel or self.hosting),
        }


@strawberry.input(description="Narrows the Gebruik of one application: the organisations that use it.")
class GebruikersFilter:
    status: GebruikStatus | None = None
    hostingmodel: Hostingmodel | None = None

    def params(self, status: GebruikStatus | None = None) -> dict[str, Any]:
        return {"status": _code(self.status or status), "hosting": _code(self.hostingmodel)}


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
            "type": _code(self.type),
            "status": _code(self.status),
            "standaard": reference(self.standaard, "Standaard", argument="filter.standaard"),
        }


@strawberry.input(description="Orders a list by its items' ids.")
class IdOrder:
    direction: SortDirection = SortDirection.ASC
