"""The aanbod's root fields: the catalogue's applications and diensten, and an application by id."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.graphql.aanbod.inputs import (
    ApplicatieFilter,
    ApplicatieOrder,
    DienstFilter,
    applicaties_verzoek,
    diensten_verzoek,
)
from graph_api.graphql.aanbod.types import Applicatie, Dienst
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_one
from graph_api.graphql.core.inputs import NaamOrder
from graph_api.graphql.core.lists import Verzoek, paged_list


async def _applicaties(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
    query = "applicatie/lijst_op_gebruik" if verzoek.field == "GEBRUIK" else "applicatie/lijst"
    return await list_page(info, query, "applicatie/aantal", verzoek.page, verzoek.params, "Applicatie")


async def _diensten(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
    return await list_page(info, "dienst/lijst", "dienst/aantal", verzoek.page, verzoek.params, "Dienst")


@strawberry.type
class ApplicatieLijsten:
    applicaties = paged_list(
        Applicatie, "The applications in the catalogue.",
        filter=ApplicatieFilter, order=ApplicatieOrder, request=applicaties_verzoek, read=_applicaties,
    )  # fmt: skip


@strawberry.type
class DienstLijsten:
    diensten = paged_list(
        Dienst, "The diensten leveranciers offer.",
        filter=DienstFilter, order=NaamOrder, request=diensten_verzoek, read=_diensten,
    )  # fmt: skip


@strawberry.type
class AanbodOpzoeken:
    @strawberry.field(description="An application by its id in the graph.")
    async def applicatie(self, info: Info, identificatie: str) -> Applicatie | None:
        return await load_one(info, "applicatie/per_id", identificatie, "Applicatie")
