"""`meldingen` and `meldingvoorkeuren`: the signed-in person's own."""

from __future__ import annotations

import asyncio

import strawberry

from graph_api.domain.meldingen import ontvangen
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import build
from graph_api.graphql.core.paging import PageRequest
from graph_api.graphql.meldingen.types import MeldingConnection, MeldingSoort
from graph_api.model import keuzes

ORDERING = "ONGELEZEN_AANGEMAAKT"


@strawberry.type(description="One kind of melding, and whether the person receives it.")
class Meldingvoorkeur:
    soort: MeldingSoort  # type: ignore[valid-type]
    omschrijving: str
    aan: bool


@strawberry.type
class MeldingQuery:
    @strawberry.field(
        description="The signed-in person's meldingen, unread first, then newest first; only the unread "
        "with `ongelezen: true`, only the read with false. UNAUTHENTICATED without a person."
    )
    async def meldingen(
        self,
        info: Info,
        ongelezen: bool | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> MeldingConnection:
        persoon = ontvangen.ontvanger(info.context.identiteit, "meldingen")
        page = PageRequest.of(first, after, last, before, field=ORDERING, descending=True)
        store = info.context.store
        params = {"ontvanger": persoon, "ongelezen": ongelezen}
        # totalCount and ongelezen come from one read, whichever is asked first.
        aantallen: list[asyncio.Future[list[dict]]] = []

        async def rows() -> list[dict]:
            return await store.read("melding/lijst", {**params, **page.params()})

        async def aantal(naam: str) -> int:
            if not aantallen:
                aantallen.append(asyncio.ensure_future(store.read("melding/aantal", params)))
            [row] = await aantallen[0]
            return int(row[naam])

        return MeldingConnection(
            _request=page,
            _rows=rows,
            _build=lambda item: build(item, "Melding"),
            _count=lambda: aantal("aantal"),
            _ongelezen=lambda: aantal("ongelezen"),
        )

    @strawberry.field(
        description="Every kind of melding and whether the signed-in person receives it. "
        "UNAUTHENTICATED without a person."
    )
    async def meldingvoorkeuren(self, info: Info) -> list[Meldingvoorkeur]:
        persoon = ontvangen.ontvanger(info.context.identiteit, "meldingvoorkeuren")
        uit = set(await ontvangen.voorkeuren(info.context.store, persoon))
        return [
            Meldingvoorkeur(soort=MeldingSoort[code], omschrijving=label, aan=code not in uit)
            for code, label in keuzes.MELDING_SOORT.items()
        ]

