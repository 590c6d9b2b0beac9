"""`subscription { meldingen }`: the signed-in person's meldingen as they are made, over WebSocket
(graph_api/graphql/websocket.py; docs/meldingen.md, "Live delivery")."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from graph_api.domain.meldingen.ontvangen import ontvanger
from graph_api.graphql.context import Info
from graph_api.graphql.meldingen.types import Melding
from graph_api.graphql.websocket import LiveContext


async def _stroom(context: LiveContext, persoon: str) -> AsyncGenerator[Melding, None]:
    assert context.luisteraar is not None
    async with context.luisteraar.abonneer(persoon) as abonnement:
        async for item in abonnement:
            # Each melding is resolved as a request of its own would be: its `onderwerp` as far
            # as the person may see it now.
            await context.vernieuw()
            yield Melding.from_item(dict(item))


@strawberry.type
class MeldingAbonnementen:
    @strawberry.subscription(
        description="The signed-in person's meldingen, each as it is made, whichever API process made "
        "it; those made before subscribing are in `meldingen`. Over WebSocket only (graphql-transport-ws, "
        "the token in connection_init's payload); a bezoeker is refused (UNAUTHENTICATED). A client "
        "that falls 100 meldingen behind is ended with SUBSCRIBER_TOO_SLOW."
    )
    async def meldingen(self, info: Info) -> AsyncGenerator[Melding, None]:
        # Not a generator itself: the refusal comes before the stream, as the protocol's `error`.
        context = info.context
        persoon = ontvanger(context.identiteit, "subscription meldingen")
        assert isinstance(context, LiveContext)  # subscriptions run only over the WebSocket
        return _stroom(context, persoon)
