"""GEMMA's root fields: the lists of its elements per kind, and the lookup by either identifier."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_one
from graph_api.graphql.core.inputs import NaamOrder
from graph_api.graphql.core.lists import Verzoek, paged_list
from graph_api.graphql.errors import ClientError
from graph_api.graphql.gemma.inputs import GemmaFilter, gemma_verzoek
from graph_api.graphql.gemma.types import (
    Applicatieservice,
    Bedrijfsfunctie,
    BuitengemeentelijkeVoorziening,
    GemmaElement,
    Referentiecomponent,
    Standaard,
)


def _list(node: Any, description: str) -> Any:
    soort = node.__name__

    async def read(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
        params = {**verzoek.params, "soort": soort}
        return await list_page(info, "gemma/lijst", "gemma/aantal", verzoek.page, params)

    return paged_list(
        node, description, filter=GemmaFilter, order=NaamOrder, request=gemma_verzoek, read=read
    )


@strawberry.type
class GemmaLijsten:
    referentiecomponenten = _list(Referentiecomponent, "GEMMA's reference components.")
    standaarden = _list(Standaard, "The standards GEMMA names.")
    applicatieservices = _list(Applicatieservice, "GEMMA's application services.")
    bedrijfsfuncties = _list(Bedrijfsfunctie, "GEMMA's business functions.")
    buitengemeentelijke_voorzieningen = _list(
        BuitengemeentelijkeVoorziening,
        "The national facilities koppelingen can end at (BRP/GBA-V, LV-BAG, DigiD, ...).",
    )


@strawberry.type
class GemmaOpzoeken:
    @strawberry.field(
        description="A GEMMA element by GEMMA's identifier (as in Archi) or by its GEMMA Online object id."
    )
    async def gemma_element(
        self, info: Info, identificatie: str | None = None, gemma_id: str | None = None
    ) -> GemmaElement | None:
        if identificatie is not None and gemma_id is None:
            return await load_one(info, "gemma/per_id", identificatie)
        if gemma_id is not None and identificatie is None:
            return await load_one(info, "gemma/per_gemma_id", gemma_id)
        raise ClientError("INVALID_ARGUMENTS", "give either identificatie or gemmaId")
