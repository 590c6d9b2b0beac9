"""Exports over HTTP: a download per landscape, aanbod and the catalogue, in the format asked for.

    GET /export/landschap/{organisatie}?formaat=csv|xlsx|graphml|cytoscape   (id or CBS code)
    GET /export/aanbod/{leverancier}?formaat=csv|xlsx
    GET /export/catalogus?formaat=csv|xlsx

Outside GraphQL because a file is not a GraphQL value; the routes take the same bearer token as
/graphql and read with the asker's visibility, exactly as the GraphQL reads of the same data
(graph_api/uitwisseling/lezen.py). Errors answer as a refused GraphQL request does, `errors`
with `extensions.code` and the `argument` concerned, as the etalage's routes do.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from graph_api.errors import GraphApiError, RequestError
from graph_api.graphql.context import Context
from graph_api.http.refusals import refused
from graph_api.identiteit import Identiteit
from graph_api.runtime import Runtime
from graph_api.settings import Settings
from graph_api.toegang import zicht_voor
from graph_api.uitwisseling import exporteren

STUK = 64 * 1024  # bytes per chunk of a streamed file


def routes(settings: Settings, authenticate: Callable[[Request], Awaitable[Identiteit]]) -> list[Route]:
    timeout_s = settings.hardening.request_timeout_s

    async def context(request: Request) -> Context:
        runtime: Runtime = request.app.state.runtime
        identiteit = await authenticate(request)
        return Context(runtime, identiteit, await zicht_voor(identiteit, runtime.store))

    def route(
        pad: str, maak: Callable[[Request, Context, str | None], Awaitable[exporteren.Export]]
    ) -> Route:
        async def handle(request: Request) -> Response:
            deadline = asyncio.timeout(timeout_s)
            try:
                async with deadline:
                    ctx = await context(request)
                    export = await maak(request, ctx, request.query_params.get("formaat", "csv"))
            except TimeoutError:
                if not deadline.expired():
                    raise
                return refused(
                    RequestError("REQUEST_TIMEOUT", f"the export took longer than {timeout_s:g} s"), "export"
                )
            except GraphApiError as exc:
                return refused(exc, "export")
            return _download(export)

        return Route(pad, handle, methods=["GET"])

    async def landschap(request: Request, ctx: Context, formaat: str | None) -> exporteren.Export:
        ingelogd = ctx.identiteit.gebruiker is not None
        organisatie = request.path_params["organisatie"]
        return await exporteren.landschap(ctx.store, ctx.zicht, organisatie, formaat, ingelogd=ingelogd)

    async def aanbod(request: Request, ctx: Context, formaat: str | None) -> exporteren.Export:
        return await exporteren.aanbod(ctx.store, ctx.zicht, request.path_params["leverancier"], formaat)

    async def catalogus(request: Request, ctx: Context, formaat: str | None) -> exporteren.Export:
        return await exporteren.catalogus(ctx.store, ctx.zicht, formaat)

    return [
        route("/export/landschap/{organisatie}", landschap),
        route("/export/aanbod/{leverancier}", aanbod),
        route("/export/catalogus", catalogus),
    ]


def _download(export: exporteren.Export) -> StreamingResponse:
    inhoud = export.bestand.inhoud

    async def stukken() -> AsyncIterator[bytes]:
        for begin in range(0, len(inhoud), STUK):
            yield inhoud[begin : begin + STUK]

    return StreamingResponse(
        stukken(),
        media_type=export.bestand.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{export.bestandsnaam}"',
            "Content-Length": str(len(inhoud)),
            # A landscape is the asker's to see, not a shared cache's.
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
