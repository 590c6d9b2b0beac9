"""GraphQL enums of the graph's value lists (graph_api/model/keuzes.py), codes as stored."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph_api.model import keuzes


def _enum(name: str, values: dict[str, str], description: str) -> type[Enum]:
    members = Enum(name, {code: code for code in values})  # type: ignore[misc]
    labels = "; ".join(f"{code}: {label}" for code, label in values.items())
    return strawberry.enum(members, description=f"{description} ({labels})")


OrganisatieStatus = _enum("OrganisatieStatus", keuzes.ORGANISATIE_STATUS, "Status of an organisation")
GemmaStatus = _enum("GemmaStatus", keuzes.GEMMA_STATUS, "GEMMA's lifecycle status")
Verbindingsrol = _enum("Verbindingsrol", keuzes.VERBINDINGSROL, "How strongly GEMMA names a standard")
ApplicatieserviceSoort = _enum(
    "ApplicatieserviceSoort", keuzes.APPLICATIESERVICE_SOORT, "Kind of application service"
)
ApplicatieType = _enum("ApplicatieType", keuzes.APPLICATIE_TYPE, "Kind of software")
Licentietype = _enum("Licentietype", keuzes.LICENTIETYPE, "Open or closed source")
Hostingmodel = _enum("Hostingmodel", keuzes.HOSTINGMODEL, "How software is hosted")
ApplicatieStatus = _enum(
    "ApplicatieStatus", keuzes.APPLICATIE_STATUS, "Status of an application in the catalogue"
)
VersieStatus = _enum("VersieStatus", keuzes.VERSIE_STATUS, "Lifecycle status of a version")
DienstType = _enum("DienstType", keuzes.DIENST_TYPE, "Kind of dienst")
GebruikStatus = _enum("GebruikStatus", keuzes.GEBRUIK_STATUS, "Status of a Gebruik")
KoppelingType = _enum("KoppelingType", keuzes.KOPPELING_TYPE, "Technique of a koppeling")
KoppelingRichting = _enum(
    "KoppelingRichting", keuzes.KOPPELING_RICHTING, "Which way a koppeling's data goes, seen from its VAN end"
)
KoppelingStatus = _enum("KoppelingStatus", keuzes.KOPPELING_STATUS, "Status of a koppeling")
Rol = _enum("Rol", keuzes.ROLLEN, "A role held in an organisation (docs/access.md)")
GebruikerStatus = _enum("GebruikerStatus", keuzes.GEBRUIKER_STATUS, "Status of a person or machine client")

GROOTTEKLASSEN = {
    "KLEIN": ("minder dan 20.000 inwoners", None, 20_000),
    "MIDDEL": ("20.000 tot 50.000 inwoners", 20_000, 50_000),
    "GROOT": ("50.000 tot 100.000 inwoners", 50_000, 100_000),
    "ZEER_GROOT": ("100.000 inwoners of meer", 100_000, None),
}
Grootteklasse = _enum(
    "Grootteklasse",
    {code: label for code, (label, _, _) in GROOTTEKLASSEN.items()},
    "Size class of a gemeente",
)


def grootteklasse(inwoners: int) -> Enum:
    for code, (_, low, high) in GROOTTEKLASSEN.items():
        if (low is None or inwoners >= low) and (high is None or inwoners < high):
            return Grootteklasse[code]
    raise ValueError(inwoners)


@strawberry.enum(description="Order of a list")
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"
