"""The Melding type and its connection: what a person is told, with the object it is about."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one, registered
from graph_api.graphql.core.paging import Connection
from graph_api.model import keuzes

if TYPE_CHECKING:
    from graph_api.graphql.organisaties.types import Organisatie

Organisatie_ = Annotated["Organisatie", strawberry.lazy("graph_api.graphql.organisaties.types")]

# Made from the value list, not declared member by member as graph_api/graphql/core/enums.py
# does: every area adds its kinds to keuzes.MELDING_SOORT alone (docs/meldingen.md).
_SOORTEN: type[Enum] = Enum("MeldingSoort", {code: code for code in keuzes.MELDING_SOORT})  # type: ignore[misc]
MeldingSoort = strawberry.enum(
    _SOORTEN,
    description="What a melding tells ("
    + "; ".join(f"{code}: {label}" for code, label in keuzes.MELDING_SOORT.items())
    + ")",
)


@registered("Melding")
@strawberry.type(
    description="What a person is told about a change that concerns them: its own, never anyone else's."
)
class Melding(relay.Node):
    key: relay.NodeID[str]
    soort: MeldingSoort  # type: ignore[valid-type]
    tekst: str = strawberry.field(description="One Dutch sentence.")
    gelezen: bool
    aangemaakt: str = strawberry.field(description="When it was made (ISO-8601, UTC).")
    organisatie_id: strawberry.Private[str]
    object_id: strawberry.Private[str]
    object_label: strawberry.Private[str]

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Melding:
        return cls(
            key=item["id"],
            soort=MeldingSoort[item["soort"]],
            tekst=item["tekst"],
            gelezen=bool(item["gelezen"]),
            aangemaakt=item["aangemaakt"],
            organisatie_id=item["organisatie"],
            object_id=item["object"],
            object_label=item["objectLabel"],
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one answer for Node's overloads: None if unknown
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Melding | None]:
        persoon = info.context.identiteit.gebruiker
        if persoon is None:
            return [None for _ in node_ids]
        items = await info.context.loaders.one("melding/per_id", ontvanger=persoon).load_many(list(node_ids))
        return [None if item is None else cls.from_item(item) for item in items]

    @strawberry.field(description="The organisation of the person it was sent for.")
    async def organisatie(self, info: Info) -> Organisatie_ | None:
        return await load_one(info, "organisatie/per_id", self.organisatie_id)

    @strawberry.field(
        description="What it is about, while it exists and as far as the person may see it; null otherwise."
    )
    async def onderwerp(self, info: Info) -> relay.Node | None:
        definition = info.schema.get_type_by_name(self.object_label)
        kind = getattr(definition, "origin", None)
        # Each type's own lookup: it shows the object only where the person may see it.
        if not (isinstance(kind, type) and issubclass(kind, relay.Node)):
            return None
        nodes = kind.resolve_nodes(info=info, node_ids=[self.object_id], required=False)
        [node] = list(await nodes if inspect.isawaitable(nodes) else nodes)
        return node


@strawberry.type(
    name="MeldingConnection",
    description="A page of the asker's meldingen, unread first, then newest first.",
)
class MeldingConnection(Connection[Melding]):
    _ongelezen: strawberry.Private[Callable[[], Awaitable[int]] | None] = None

    @strawberry.field(description="How many of all the asker's meldingen are unread, whatever the filter.")
    async def ongelezen(self) -> int:
        assert self._ongelezen is not None
        return await self._ongelezen()
