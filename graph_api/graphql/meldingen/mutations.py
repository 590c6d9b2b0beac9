"""`markeerMeldingenGelezen` and `wijzigMeldingvoorkeuren`: the signed-in person's own."""

from __future__ import annotations

import strawberry

from graph_api.domain.meldingen import ontvangen
from graph_api.graphql.context import Info
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver
from graph_api.graphql.meldingen.queries import MeldingQuery, Meldingvoorkeur
from graph_api.graphql.meldingen.types import Melding, MeldingSoort


@strawberry.input(description="Which of the asker's meldingen to mark read: these, or all.")
class MarkeerMeldingenGelezenInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The asker's meldingen; another person's id changes nothing."
    )
    alle: bool | None = strawberry.field(default=None, description="All of the asker's meldingen.")
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="The kinds of melding the asker no longer wants; every other kind it receives.")
class WijzigMeldingvoorkeurenInput:
    uit: list[MeldingSoort]  # type: ignore[valid-type]
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class MarkeerMeldingenGelezenPayload:
    meldingen: list[Melding] = strawberry.field(
        description="The asker's own of the meldingen named (none with alle), as they are now."
    )
    ongelezen: int = strawberry.field(description="How many of the asker's meldingen are unread now.")


@strawberry.type
class WijzigMeldingvoorkeurenPayload:
    voorkeuren: list[Meldingvoorkeur]


@strawberry.type
class MeldingMutaties:
    @strawberry.mutation(description="Mark the signed-in person's meldingen read (its own only).")
    async def markeer_meldingen_gelezen(
        self, info: Info, input: MarkeerMeldingenGelezenInput
    ) -> MarkeerMeldingenGelezenPayload:
        wie = schrijver(info, "markeerMeldingenGelezen", input)
        ids = [input_id(i, "Melding", "ids") for i in input.ids or []]
        await eenmaal(
            info,
            wie,
            lambda: ontvangen.markeer_gelezen(info.context.store, wie, ids=ids, alle=bool(input.alle)),
            lambda record: None,
        )
        [row] = await info.context.store.read(
            "melding/aantal", {"ontvanger": wie.gebruiker, "ongelezen": None}
        )
        eigen = await Melding.resolve_nodes(info=info, node_ids=list(dict.fromkeys(ids)))
        return MarkeerMeldingenGelezenPayload(
            meldingen=[melding for melding in eigen if melding is not None], ongelezen=row["ongelezen"]
        )

    @strawberry.mutation(description="Choose which kinds of melding the signed-in person receives.")
    async def wijzig_meldingvoorkeuren(
        self, info: Info, input: WijzigMeldingvoorkeurenInput
    ) -> WijzigMeldingvoorkeurenPayload:
        wie = schrijver(info, "wijzigMeldingvoorkeuren", input)
        await eenmaal(
            info,
            wie,
            lambda: ontvangen.wijzig_voorkeuren(
                info.context.store, wie, uit=[soort.value for soort in input.uit]  # type: ignore[attr-defined]
            ),
            lambda record: None,
        )
        return WijzigMeldingvoorkeurenPayload(voorkeuren=await MeldingQuery.meldingvoorkeuren(None, info))
