"""A TOPdesk export imported over HTTP: the workbook is the body, the answer the per-row report.

    POST /import/topdesk/{gemeente}?proefrun=true|false    body: the .xlsx file

The route takes the bearer token /graphql takes and answers errors as the etalage does (`errors`
with `extensions.code`, graph_api/etalage/http.py). `{gemeente}` is its id or CBS code. Only
who may write that landscape imports into it (docs/access.md); a dry run writes nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph_api.domain.gebruikers import organisatie
from graph_api.domain.wijzigen import Schrijver, mag_schrijven
from graph_api.errors import ClientError, GraphApiError, RegistratieFout, RequestError, WerkboekGeweigerd
from graph_api.graphql.context import Context
from graph_api.http.refusals import refused
from graph_api.identiteit import Identiteit
from graph_api.runtime import Runtime
from graph_api.settings import Settings
from graph_api.toegang import zicht_voor
from graph_api.uitwisseling.cmdb import topdesk


def routes(settings: Settings, authenticate: Callable[[Request], Awaitable[Identiteit]]) -> list[Route]:
    async def importeer(request: Request) -> Response:
        deadline = asyncio.timeout(settings.hardening.request_timeout_s)
        try:
            async with deadline:
                return await _importeer(request, authenticate)
        except TimeoutError:
            if not deadline.expired():
                raise
            return refused(RequestError("REQUEST_TIMEOUT", "the import took too long"), "TOPdesk import")
        except GraphApiError as exc:
            return refused(exc, "TOPdesk import")

    return [Route("/import/topdesk/{gemeente}", importeer, methods=["POST"])]


async def _importeer(request: Request, authenticate: Callable[[Request], Awaitable[Identiteit]]) -> Response:
    runtime: Runtime = request.app.state.runtime
    identiteit = await authenticate(request)
    # The request's store passes the asker's visibility ($zicht) to every statement.
    context = Context(runtime, identiteit, await zicht_voor(identiteit, runtime.store))
    wie = Schrijver(identiteit, context.zicht)
    # Who, before the body is read: a refused import costs no transfer.
    mag_schrijven(wie, "a TOPdesk import")
    proefrun = request.query_params.get("proefrun", "false").lower()
    if proefrun not in ("true", "false"):
        raise ClientError("INVALID_ARGUMENT", "proefrun is true or false", argument="proefrun")
    try:
        org = await organisatie(runtime.store, request.path_params["gemeente"][:100])
    except RegistratieFout as exc:
        raise ClientError("NOT_FOUND", exc.message, argument="gemeente") from None
    data = await _body(request)
    verslag = await topdesk.importeer(
        context.store, wie, organisatie=org.id, data=data, proefrun=proefrun == "true"
    )
    return JSONResponse(
        {"data": {"topdeskImport": verslag.als_json()}}, headers={"Cache-Control": "no-store"}
    )


async def _body(request: Request) -> bytes:
    """The body, refused once it outgrows the largest export: Content-Length may be absent or untrue."""
    te_groot = WerkboekGeweigerd("FILE_TOO_LARGE", f"the file is larger than {topdesk.MAX_BYTES} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > topdesk.MAX_BYTES:
        raise te_groot
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > topdesk.MAX_BYTES:
            raise te_groot
        chunks.append(chunk)
    return b"".join(chunks)
