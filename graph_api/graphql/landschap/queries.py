"""The landscapes' root fields: Gebruik and koppelingen across every landscape, or of one."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.graphql.context import Info
from graph_api.graphql.core.build import list_page, load_page
from graph_api.graphql.core.ids import reference
from graph_api.graphql.core.inputs import IdOrder
from graph_api.graphql.core.lists import Verzoek, paged_list
from graph_api.graphql.landschap.inputs import (
    GebruikFilter,
    GebruikOrder,
    KoppelingFilter,
    gebruik_verzoek,
    koppelingen_verzoek,
)
from graph_api.graphql.landschap.types import Gebruik, Koppeling
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES

_ORGANISATIES = tuple(kind.__name__ for kind in ORGANISATIE_TYPES)


def _organisatie(args: dict[str, Any]) -> str | None:
    return reference(args.get("organisatie"), *_ORGANISATIES, argument="organisatie")


async def _gebruik(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
    params = {**verzoek.params, "veld": verzoek.field}
    key = _organisatie(args)
    if key is not None:  # one landscape: start from its organisation
        return await load_page(info, "organisatie/gebruik", key, verzoek.page, params, "Gebruik")
    return await list_page(info, "gebruik/lijst", "gebruik/aantal", verzoek.page, params, "Gebruik")


async def _koppelingen(source: Any, info: Info, args: dict[str, Any], verzoek: Verzoek):
    key, page, params = _organisatie(args), verzoek.page, verzoek.params
    if key is not None:  # one landscape: start from its organisation
        return await load_page(info, "organisatie/koppelingen", key, page, params, "Koppeling")
    return await list_page(info, "koppeling/lijst", "koppeling/aantal", page, params, "Koppeling")


@strawberry.type
class LandschapLijsten:
    gebruik = paged_list(
        Gebruik, "Gebruik across all landscapes, or one organisation's.",
        filter=GebruikFilter, order=GebruikOrder, leading=[("organisatie", strawberry.ID)],
        request=gebruik_verzoek, read=_gebruik,
    )  # fmt: skip
    koppelingen = paged_list(
        Koppeling, "Koppelingen across all landscapes, or one organisation's.",
        filter=KoppelingFilter, order=IdOrder, leading=[("organisatie", strawberry.ID)],
        request=koppelingen_verzoek, read=_koppelingen,
    )  # fmt: skip
