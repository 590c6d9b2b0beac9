"""The etalage over HTTP: uploading a file (multipart POST) and serving one (GET).

A file travels outside GraphQL: a GraphQL multipart upload needs Strawberry's own views, and
graph_api answers /graphql itself (graph_api/graphql/endpoint.py). The routes take the same
bearer token as /graphql; errors answer as a refused GraphQL request does, `errors` with
`extensions.code`, and the form's fields are named like a mutation's input (`input.titel`).

    POST /etalage/applicaties/{applicatie}   form: soort, titel, bestand, idempotencyKey (optional)
    GET  /etalage/bestanden/{item}           the file, for whoever sees the application
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from strawberry.relay import to_base64

from graph_api.domain.idempotentie import eenmalig, idempotentie
from graph_api.domain.wijzigen import Schrijver, weiger
from graph_api.errors import BestandGeweigerd, ClientError, GraphApiError, RequestError
from graph_api.etalage import items
from graph_api.etalage.bestand import PDF, controleer
from graph_api.etalage.opslag import FileMissing, file_store
from graph_api.graphql.context import Context
from graph_api.graphql.core.ids import reference
from graph_api.http.refusals import refused
from graph_api.identiteit import Identiteit
from graph_api.model.validate import REQUIRED, Problem
from graph_api.runtime import Runtime
from graph_api.settings import Settings
from graph_api.toegang import zicht_voor

log = logging.getLogger(__name__)

BESTANDEN = "/etalage/bestanden"
# What a form may hold beside its file: four short fields and the multipart framing.
_FORMULIER = 64 * 1024
_VELDEN = ("soort", "titel", "idempotencyKey")


def adres(item: str) -> str:
    """Where an item's file is served."""
    return f"{BESTANDEN}/{item}"


def routes(settings: Settings, authenticate: Callable[[Request], Awaitable[Identiteit]]) -> list[Route]:
    etalage = settings.etalage

    async def context(request: Request) -> Context:
        runtime: Runtime = request.app.state.runtime
        identiteit = await authenticate(request)
        return Context(runtime, identiteit, await zicht_voor(identiteit, runtime.store))

    async def upload(request: Request) -> Response:
        # As long as a GraphQL request may take: a body trickling in holds its worker no longer.
        deadline = asyncio.timeout(settings.hardening.request_timeout_s)
        try:
            async with deadline:
                return await _upload(request, await context(request), settings)
        except TimeoutError:
            if not deadline.expired():
                raise
            return refused(
                RequestError(
                    "REQUEST_TIMEOUT",
                    f"the upload took longer than {settings.hardening.request_timeout_s:g} s",
                ),
                "etalage request",
            )
        except GraphApiError as exc:
            return refused(exc, "etalage request")

    async def serve(request: Request) -> Response:
        try:
            return await _serve(request, await context(request), settings, etalage.max_age_s)
        except GraphApiError as exc:
            return refused(exc, "etalage request")

    return [
        Route("/etalage/applicaties/{applicatie}", upload, methods=["POST"]),
        Route(BESTANDEN + "/{item}", serve, methods=["GET"]),
    ]


async def _upload(request: Request, context: Context, settings: Settings) -> Response:
    store, opslag = context.store, file_store(settings)
    wie = Schrijver(context.identiteit, context.zicht)
    # Who, and to which application, before the body is read: a refused upload costs no transfer.
    items.mag_etaleren(wie, "uploading to an etalage")
    applicatie = reference(request.path_params["applicatie"], "Applicatie", argument="input.applicatie")
    assert applicatie is not None
    leverancier = await items.eigenaar(store, wie, applicatie)
    formulier = await _formulier(request, settings.etalage.max_bytes)
    try:
        velden = {naam: formulier.get(naam) for naam in _VELDEN}
        if any(value is not None and not isinstance(value, str) for value in velden.values()):
            raise RequestError("BAD_REQUEST", f"{', '.join(_VELDEN)} are form fields, not files")
        soort, titel = velden["soort"], velden["titel"]
        problemen = [
            Problem(naam, REQUIRED, "is required") for naam in ("soort", "titel") if not velden[naam]
        ]
        upload = formulier.get("bestand")
        if not isinstance(upload, UploadFile):
            problemen.append(
                Problem("bestand", REQUIRED, "is required: the file, as a form part with a file name")
            )
        weiger(items.LABEL, problemen)
        assert isinstance(soort, str) and isinstance(titel, str) and isinstance(upload, UploadFile)
        items.controleer_soort(soort)
        bestand = controleer(
            await upload.read(),
            bestandsnaam=upload.filename,
            content_type=upload.content_type,
            max_bytes=settings.etalage.max_bytes,
            max_pixels=settings.etalage.max_pixels,
        )
    finally:
        await formulier.close()
    invoer = {"applicatie": applicatie, "soort": soort, "titel": titel, "sha256": bestand.sha256}
    key = velden["idempotencyKey"]
    sleutel = idempotentie(
        context.identiteit, key if isinstance(key, str) else None, "voegEtalagebestandToe", invoer
    )
    schrijver = Schrijver(context.identiteit, context.zicht, sleutel)

    async def schrijf() -> str:
        geschreven = await items.voeg_bestand_toe(
            store,
            opslag,
            schrijver,
            applicatie=applicatie,
            leverancier=leverancier,
            soort=soort,
            titel=titel,
            bestand=bestand,
        )
        return geschreven.id

    herhaald = False

    def herhaal(record: Any) -> str:
        nonlocal herhaald
        herhaald = True
        return record["object"]

    item = await eenmalig(store, sleutel, schrijf, herhaal)
    rows = await store.read("etalage/per_id", {"ids": [item]})
    if not rows:  # a repeat of an upload whose item was removed since
        raise ClientError(
            "NOT_FOUND", f"the item {item} this upload made was removed since", argument="input"
        )
    return JSONResponse(
        {"data": {"etalageItem": beschrijving(rows[0]["item"])}},
        status_code=200 if herhaald else 201,
        headers={"Location": adres(item)},
    )


def beschrijving(item: dict[str, Any]) -> dict[str, Any]:
    """An item as the upload answers it: the fields of the GraphQL type EtalageItem."""
    bestand = None
    if item.get("bestand"):
        bestand = {
            "adres": adres(item["id"]),
            "contentType": item["contentType"],
            "grootte": item["grootte"],
            "sha256": item["sha256"],
        }
    return {
        "id": to_base64("EtalageItem", item["id"]),
        "identificatie": item["id"],
        "soort": item["soort"],
        "titel": item["titel"],
        "url": item.get("url"),
        "bestand": bestand,
        "versienummer": item["versie"],
    }


async def _formulier(request: Request, max_bytes: int) -> FormData:
    """The form of a multipart body, refused once the body outgrows a file of `max_bytes` and
    its fields: Content-Length may be absent or untrue."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "multipart/form-data":
        raise RequestError("UNSUPPORTED_MEDIA_TYPE", "send the file as multipart/form-data")
    limit = max_bytes + _FORMULIER
    te_groot = BestandGeweigerd("FILE_TOO_LARGE", f"the file is larger than {max_bytes} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise te_groot

    async def stream() -> AsyncGenerator[bytes, None]:
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise te_groot
            yield chunk

    parser = MultiPartParser(
        request.headers, stream(), max_files=1, max_fields=len(_VELDEN), max_part_size=_FORMULIER
    )
    try:
        return await parser.parse()
    except MultiPartException as exc:
        raise RequestError("BAD_REQUEST", f"the form cannot be read: {exc.message}") from None


def _past(if_none_match: str | None, etag: str) -> bool:
    """Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for it)."""
    if not if_none_match:
        return False
    tags = [tag.strip() for tag in if_none_match.split(",")]
    return "*" in tags or any(tag.removeprefix("W/") == etag for tag in tags)


async def _serve(request: Request, context: Context, settings: Settings, max_age_s: int) -> Response:
    item_id = request.path_params["item"]
    if len(item_id) > 100:
        raise ClientError("NOT_FOUND", "there is no such etalage file", argument="item")
    rows = await context.store.read("etalage/per_id", {"ids": [item_id]})
    if not rows or not rows[0]["item"].get("bestand"):  # unknown, a link, or not to be seen
        raise ClientError("NOT_FOUND", f"there is no etalage file {item_id!r}", argument="item")
    item = rows[0]["item"]
    etag = f'"{item["sha256"]}"'
    extensie = item["bestand"].rsplit(".", 1)[-1]
    headers = {
        "ETag": etag,
        # An item's file is never replaced (a new file is a new item): nothing to ask again about
        # while fresh. A concept's is for who sees the concept only, never for shared caches.
        "Cache-Control": f"{'private' if item['concept'] else 'public'}, max-age={max_age_s}, immutable",
        "X-Content-Type-Options": "nosniff",
        # A PDF is downloaded, never shown in the API's origin; an image is shown as one.
        "Content-Disposition": f"{'attachment' if item['contentType'] == PDF else 'inline'}; "
        f'filename="{item_id}.{extensie}"',
    }
    if _past(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    chunks = file_store(settings).stream(item["bestand"])
    try:
        first = await anext(chunks)
    except (FileMissing, StopAsyncIteration):
        log.error("etalage item %s names the file %s, which the file store lacks", item_id, item["bestand"])
        raise ClientError("NOT_FOUND", f"there is no etalage file {item_id!r}", argument="item") from None

    async def body() -> AsyncIterator[bytes]:
        yield first
        async for chunk in chunks:
            yield chunk

    return StreamingResponse(
        body(),
        media_type=item["contentType"],
        headers={**headers, "Content-Length": str(item["grootte"])},
    )
