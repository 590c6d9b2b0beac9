"""The filter of the GEMMA lists."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.graphql.core.enums import GemmaStatus
from graph_api.graphql.core.inputs import NaamOrder, code
from graph_api.graphql.core.lists import Verzoek, verzoek
from graph_api.graphql.core.paging import text_filter


@strawberry.input(description="Narrows a list of GEMMA elements.")
class GemmaFilter:
    tekst: str | None = strawberry.field(default=None, description="Part of the name, any case.")
    status: GemmaStatus | None = None

    def params(self) -> dict[str, Any]:
        return {"tekst": text_filter(self.tekst), "status": code(self.status)}


def gemma_verzoek(args: dict[str, Any]) -> Verzoek:
    """A list of GEMMA elements of one kind, by name."""
    return verzoek(args, (args.get("filter") or GemmaFilter()).params(), args.get("order_by") or NaamOrder())
