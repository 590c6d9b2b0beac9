"""Importing a landscape over HTTP: the file is the body (not a form: one file, nothing beside
it), its format named by its Content-Type or ?formaat=.

    POST /import/landschap/{organisatie}?proefrun=true|false&formaat=csv|xlsx&stand=...

`organisatie` is its id or a gemeente's CBS code. `proefrun=true` plans only; without it the
file is applied when no row is FOUT. `stand`, the `stand` of a dry run's report, makes the apply
refuse (LANDSCAPE_CHANGED) when the landscape is no longer the one that dry run saw. The answer
is the report (`data.import`), 200; a file applied with FOUT rows answers 422 with the report
and IMPORT_INVALID; a refused request answers as the etalage's routes do, `errors` with
`extensions.code` (graph_api/etalage/http.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph_api.domain.wijzigen import Schrijver
from graph_api.errors import GraphApiError, InvoerGeweigerd, InvoerOngeldig, RequestError
from graph_api.graphql.context import Context
from graph_api.graphql.errors import answer
from graph_api.http.refusals import refused
from graph_api.identiteit import Identiteit
from graph_api.runtime import Runtime
from graph_api.settings import Settings
from graph_api.settings.invoer import Grenzen
from graph_api.toegang import zicht_voor
from graph_api.uitwisseling.invoer import LEZERS, formaat_van
from graph_api.uitwisseling.invoer.invoeren import importeer, mag_importeren, verslag

PAD = "/import/landschap/{organisatie}"
_JA_NEE = {"true": True, "1": True, "false": False, "0": False}


def routes(settings: Settings, authenticate: Callable[[Request], Awaitable[Identiteit]]) -> list[Route]:
    grenzen = settings.invoer

    async def post(request: Request) -> Response:
        deadline = asyncio.timeout(settings.hardening.request_timeout_s)
        try:
            async with deadline:
                runtime: Runtime = request.app.state.runtime
                identiteit = await authenticate(request)
                context = Context(runtime, identiteit, await zicht_voor(identiteit, runtime.store))
                return await _importeer(request, context, grenzen)
        except TimeoutError:
            if not deadline.expired():
                raise
            limit = settings.hardening.request_timeout_s
            timeout = RequestError("REQUEST_TIMEOUT", f"the import took longer than {limit:g} s")
            return refused(timeout, "import")
        except GraphApiError as exc:
            return refused(exc, "import")

    return [Route(PAD, post, methods=["POST"])]


async def _importeer(request: Request, context: Context, grenzen: Grenzen) -> Response:
    schrijver = Schrijver(context.identiteit, context.zicht)
    proefrun = _ja_nee(request.query_params.get("proefrun", "false"))
    # Who, and which landscape, before the body is read: a refused import costs no transfer.
    org = await mag_importeren(context.store, schrijver, request.path_params["organisatie"])
    formaat = request.query_params.get("formaat") or formaat_van(request.headers.get("content-type"))
    if formaat is None or formaat.lower() not in LEZERS:
        raise InvoerGeweigerd(
            "UNSUPPORTED_FORMAT",
            f"name the format by Content-Type (text/csv, application/zip, the .xlsx type) or "
            f"?formaat= ({', '.join(sorted(LEZERS))})",
            argument="formaat",
        )
    inhoud = await _lichaam(request, grenzen.max_bytes)
    resultaat = await importeer(
        context.store,
        schrijver,
        org,
        formaat.lower(),
        inhoud,
        proefrun=proefrun,
        grenzen=grenzen,
        verwachte_stand=request.query_params.get("stand") or None,
    )
    body: dict[str, object] = {"data": {"import": verslag(resultaat)}}
    if proefrun or resultaat.plan.toepasbaar:
        return JSONResponse(body, headers={"Cache-Control": "no-store"})
    fout = InvoerOngeldig(f"{len(resultaat.plan.fouten)} errors in the file: nothing was written")
    return JSONResponse({**body, "errors": [answer(fout)]}, status_code=fout.status)


def _ja_nee(waarde: str) -> bool:
    if waarde.strip().lower() not in _JA_NEE:
        raise RequestError("BAD_REQUEST", f"proefrun is true or false, not {waarde[:20]!r}")
    return _JA_NEE[waarde.strip().lower()]


async def _lichaam(request: Request, max_bytes: int) -> bytes:
    """The body, refused once it outgrows the limit: Content-Length may be absent or untrue."""
    te_groot = InvoerGeweigerd("IMPORT_TOO_LARGE", f"the file is larger than {max_bytes} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise te_groot
    stukken, grootte = [], 0
    async for stuk in request.stream():
        grootte += len(stuk)
        if grootte > max_bytes:
            raise te_groot
        stukken.append(stuk)
    return b"".join(stukken)
