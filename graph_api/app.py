"""The ASGI application: GraphQL (and GraphiQL) at /graphql, its subscriptions over WebSocket at
/graphql too, the verkenner at /verkenner, the etalage's files at /etalage, health at /health,
metrics at /metrics."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import strawberry
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from graph_api import graphiql, security, verkenner
from graph_api.auth import Authenticator
from graph_api.auth.jwks import IssuerKeys
from graph_api.engine import EmbeddedEngine
from graph_api.etalage import http as etalage
from graph_api.graphql.compiled import CompiledReads
from graph_api.graphql.context import Context
from graph_api.graphql.endpoint import GraphQLEndpoint
from graph_api.graphql.limits.extension import KEPT
from graph_api.graphql.schema import build_schema
from graph_api.graphql.websocket import GraphQLWebSocket, route_app
from graph_api.http import metrics as prometheus
from graph_api.http.logs import RequestContext
from graph_api.http.metrics import Cache, Metrics
from graph_api.http.ratelimit import RateLimits
from graph_api.identiteit import Identiteit
from graph_api.meldingen_live import Luisteraar
from graph_api.runtime import Runtime, open_runtime
from graph_api.settings import Settings
from graph_api.toegang import zicht_voor
from graph_api.uitwisseling import http as uitwisseling
from graph_api.uitwisseling.cmdb import http as topdesk_http
from graph_api.uitwisseling.invoer import http as invoer


async def health(request: Request) -> JSONResponse:
    """Which engine runs and whether it answers; 503 while it does not."""
    runtime: Runtime = request.app.state.runtime
    state = await runtime.store.health()
    body = {
        "engine": state.engine,
        "ok": state.ok,
        "detail": state.detail,
        "latencyMs": round(state.latency_ms, 2),
    }
    return JSONResponse(body, status_code=200 if state.ok else 503)


def _own_asset(path: Path, media_type: str) -> Route:
    async def serve(request: Request) -> FileResponse:
        return FileResponse(path, media_type=media_type)

    return Route(f"/graphql/assets/{path.name}", serve, methods=["GET"])


def create_app(
    settings: Settings, *, engine: EmbeddedEngine | None = None, schema: strawberry.Schema | None = None
) -> Starlette:
    """The application; `schema` only where a test serves a schema of its own."""
    compiled = CompiledReads() if settings.compiled_reads else None
    hardening = settings.hardening
    authenticate = Authenticator.from_settings(settings)

    def caches() -> dict[str, Cache]:
        """The caches the metrics count lookups of: this app's and the process's."""
        found: dict[str, Cache] = {**KEPT, **(compiled.caches() if compiled is not None else {})}
        if isinstance(keys := authenticate.validator.trust.keys, IssuerKeys):
            found["issuer_keys"] = keys
        return found

    # A registry per app: tests make many apps in one process (graph_api/http/metrics.py).
    metrics = Metrics(caches)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_runtime(settings, engine) as runtime:
            app.state.runtime = runtime
            runtime.store.observe = metrics.statement  # every statement, at the store's choke point
            metrics.started()
            watcher = asyncio.create_task(runtime.watch_engine())
            # One listener for every subscription of this process (graph_api/meldingen_live).
            app.state.luisteraar = Luisteraar(runtime.store)
            listener = asyncio.create_task(app.state.luisteraar.run())
            # With several workers a scrape reaches one of them: the others' caches' counts must
            # already be where it reads them.
            copier = asyncio.create_task(_copy_cache_counts(metrics)) if metrics.directory else None
            try:
                yield
            finally:
                watcher.cancel()
                listener.cancel()
                if copier is not None:
                    copier.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await listener
                metrics.stopped()

    async def context(request: Request, identiteit: Identiteit) -> Context:
        runtime: Runtime = request.app.state.runtime
        zicht = await zicht_voor(identiteit, runtime.store)
        return Context(runtime, identiteit, zicht, compiled=compiled)

    schema = schema or build_schema()
    endpoint = GraphQLEndpoint(
        schema,
        context=context,
        authenticate=authenticate,
        graphiql=graphiql.page if hardening.graphiql else None,
        max_body_bytes=hardening.max_body_bytes,
        request_timeout_s=hardening.request_timeout_s,
        metrics=metrics,
        rate_limits=RateLimits(hardening.rate_per_s, hardening.rate_burst) if hardening.rate_limit else None,
    )
    routes: list[BaseRoute] = [
        Route("/health", health, methods=["GET"]),
        # Every method reaches the endpoint, which answers the ones it does not take in JSON too.
        Route("/graphql", endpoint.handle, methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
        # Subscriptions, over WebSocket (graph_api/graphql/websocket.py).
        WebSocketRoute("/graphql", route_app(GraphQLWebSocket(schema, authenticate, hardening.cors_origins))),
        # The etalage's files: uploads and serving (graph_api/etalage/http.py).
        *etalage.routes(settings, authenticate),
        # Exports: a landscape, an aanbod, the catalogue as files (graph_api/uitwisseling/http.py).
        *uitwisseling.routes(settings, authenticate),
        # Importing a landscape from a file (graph_api/uitwisseling/invoer/http.py).
        *invoer.routes(settings, authenticate),
        # A gemeente's TOPdesk export imported (graph_api/uitwisseling/cmdb/http.py).
        *topdesk_http.routes(settings, authenticate),
    ]
    if settings.observability.metrics:
        # For a scraper: loopback or GRAPH_API_METRICS_FROM, else the token (docs/operations.md).
        routes.append(prometheus.route(metrics, settings.observability))
    if hardening.graphiql:
        routes += [
            _own_asset(graphiql.INIT_SCRIPT, "text/javascript"),
            _own_asset(graphiql.INIT_SCRIPT.with_name("graphiql.css"), "text/css"),
            Mount("/graphql/assets", StaticFiles(directory=graphiql.BUNDLE.directory(), check_dir=False)),
        ]
    if hardening.verkenner:
        # The landscape explorer page (graph_api/verkenner).
        routes += verkenner.routes(settings, authenticate)
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        # The request id outermost: every response carries it (CORS preflights and refusals of
        # the security middleware too) and the access log times the whole of a request.
        middleware=[Middleware(RequestContext), *security.middleware(hardening, settings.identity.issuer)],
        exception_handlers={500: security.server_error},
    )


async def _copy_cache_counts(metrics: Metrics) -> None:
    while True:
        await asyncio.sleep(prometheus.CACHE_SYNC_S)
        metrics.copy_cache_counts()


def served() -> Starlette:
    """One worker's application under `graph-api serve --workers N`: its settings from the
    environment the parent passed on, its engine the one the parent started (joined, and
    restarted by whichever worker finds it dead first: Runtime.watch_engine)."""
    from graph_api.http import logs

    settings = Settings.from_env()
    logs.configure(settings.observability.log_format)
    return create_app(settings)
