"""The organisations' root fields: the lists per kind and the lookups."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_one
from graph_api.graphql.core.lists import Verzoek, paged_list
from graph_api.graphql.organisaties.inputs import (
    GemeenteFilter,
    OrganisatieFilter,
    OrganisatieOrder,
    gemeenten_verzoek,
    organisaties_verzoek,
)
from graph_api.graphql.organisaties.types import (
    Community,
    Gemeente,
    Leverancier,
    Organisatie,
    Samenwerking,
)


def _of_kind(soort: str | None):
    async def read(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
        params = {**verzoek.params, "soort": soort, "veld": verzoek.field}
        return await list_page(info, "organisatie/lijst", "organisatie/aantal", verzoek.page, params)

    return read


def _list(node: Any, soort: str | None, description: str, filter: Any = OrganisatieFilter) -> Any:
    request = gemeenten_verzoek if filter is GemeenteFilter else organisaties_verzoek
    return paged_list(
        node, description, filter=filter, order=OrganisatieOrder, request=request, read=_of_kind(soort)
    )


@strawberry.type
class OrganisatieLijsten:
    organisaties = _list(
        Organisatie, None, "All organisations: gemeenten, leveranciers, samenwerkingen, communities."
    )
    gemeenten = _list(
        Gemeente, "Gemeente", "The gemeenten, by province and size class if asked.", GemeenteFilter
    )
    leveranciers = _list(Leverancier, "Leverancier", "The leveranciers.")
    samenwerkingen = _list(Samenwerking, "Samenwerking", "The samenwerkingen.")
    communities = _list(Community, "Community", "The communities.")


@strawberry.type
class OrganisatieOpzoeken:
    @strawberry.field(description="A gemeente by its CBS code (GM0363).")
    async def gemeente(self, info: Info, cbs_code: str) -> Gemeente | None:
        return await load_one(info, "organisatie/per_cbs_code", cbs_code.strip().upper())

    @strawberry.field(description="An organisation by its id in the graph (a CBS code, lev-0001, ...).")
    async def organisatie(self, info: Info, identificatie: str) -> Organisatie | None:
        return await load_one(info, "organisatie/per_id", identificatie)
