"""`ik`: who the API takes the asker to be (the bearer token's subject, its Gebruiker, roles)."""

from __future__ import annotations

import strawberry

from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.enums import Rol
from graph_api.graphql.organisaties.types import Organisatie
from graph_api.identiteit import Identiteit
from graph_api.model import keuzes


@strawberry.type(description="A membership of one organisation and the roles held in it.")
class Lidmaatschap:
    identificatie: str = strawberry.field(description="The organisation's id in the graph.")
    soort: str = strawberry.field(
        description="Its kind: Gemeente, Leverancier, Samenwerking, Community or Beheerorganisatie."
    )
    rollen: list[Rol]

    @strawberry.field(description="The organisation.")
    async def organisatie(self, info: Info) -> Organisatie | None:
        return await load_one(info, "organisatie/per_id", self.identificatie)


@strawberry.type(description="Who asks: anonymous (a bezoeker), or a token's subject and its Gebruiker.")
class Ik:
    anoniem: bool = strawberry.field(description="No token was sent.")
    subject: str | None = strawberry.field(description="The token's subject (`sub`).")
    gebruiker: str | None = strawberry.field(
        description="The id of the Gebruiker the subject maps to; null when unknown or deactivated."
    )
    naam: str | None
    lidmaatschappen: list[Lidmaatschap]

    @classmethod
    def of(cls, identiteit: Identiteit) -> Ik:
        return cls(
            anoniem=identiteit.anoniem,
            subject=identiteit.subject,
            gebruiker=identiteit.gebruiker,
            naam=identiteit.naam,
            lidmaatschappen=[
                Lidmaatschap(
                    identificatie=lid.organisatie,
                    soort=lid.soort,
                    rollen=[Rol[key] for key in keuzes.ROLLEN if key in lid.rollen],
                )
                for lid in identiteit.lidmaatschappen
            ],
        )


@strawberry.type
class IkQuery:
    @strawberry.field(description="Who the API takes the asker to be, and the roles it holds where.")
    def ik(self, info: Info) -> Ik:
        return Ik.of(info.context.identiteit)
