"""The ASGI application: GraphQL (and GraphiQL) at /graphql, its subscriptions over WebSocket at
/graphql too, the etalage's files at /etalage, health at /health."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from graph_api import graphiql, security
from graph_api.auth import Authenticator
from graph_api.engine import EmbeddedEngine
from graph_api.etalage import http as etalage
from graph_api.graphql.compiled import CompiledReads
from graph_api.graphql.context import Context
from graph_api.graphql.endpoint import GraphQLEndpoint
from graph_api.graphql.schema import build_schema
from graph_api.graphql.websocket import GraphQLWebSocket, route_app
from graph_api.identiteit import Identiteit
from graph_api.meldingen_live import Luisteraar
from graph_api.runtime import Runtime, open_runtime
from graph_api.settings import Settings
from graph_api.toegang import zicht_voor
from graph_api.uitwisseling import http as uitwisseling
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

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_runtime(settings, engine) as runtime:
            app.state.runtime = runtime
            watcher = asyncio.create_task(runtime.watch_engine())
            # One listener for every subscription of this process (graph_api/meldingen_live).
            app.state.luisteraar = Luisteraar(runtime.store)
            listener = asyncio.create_task(app.state.luisteraar.run())
            try:
                yield
            finally:
                watcher.cancel()
                listener.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await listener

    compiled = CompiledReads() if settings.compiled_reads else None

    async def context(request: Request, identiteit: Identiteit) -> Context:
        runtime: Runtime = request.app.state.runtime
        zicht = await zicht_voor(identiteit, runtime.store)
        return Context(runtime, identiteit, zicht, compiled=compiled)

    hardening = settings.hardening
    authenticate = Authenticator.from_settings(settings)
    schema = schema or build_schema()
    endpoint = GraphQLEndpoint(
        schema,
        context=context,
        authenticate=authenticate,
        graphiql=graphiql.page if hardening.graphiql else None,
        max_body_bytes=hardening.max_body_bytes,
        request_timeout_s=hardening.request_timeout_s,
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
    ]
    if hardening.graphiql:
        routes += [
            _own_asset(graphiql.INIT_SCRIPT, "text/javascript"),
            _own_asset(graphiql.INIT_SCRIPT.with_name("graphiql.css"), "text/css"),
            Mount("/graphql/assets", StaticFiles(directory=graphiql.assets_dir(), check_dir=False)),
        ]
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=security.middleware(hardening),
        exception_handlers={500: security.server_error},
    )
