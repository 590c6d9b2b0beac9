"""The ASGI application: Starlette routes around the Strawberry GraphQL endpoint."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from graph_api.engine import EmbeddedEngine
from graph_api.graphql.context import Context
from graph_api.graphql.schema import build_schema
from graph_api.runtime import Runtime, open_runtime
from graph_api.settings import Settings


class GraphQLEndpoint(GraphQL[Context, None]):
    async def get_context(self, request: Request, response: Response) -> Context:  # type: ignore[override]
        return Context(runtime=request.app.state.runtime)


async def health(request: Request) -> JSONResponse:
    runtime: Runtime = request.app.state.runtime
    state = await runtime.store.health()
    body = {
        "engine": state.engine,
        "ok": state.ok,
        "detail": state.detail,
        "latencyMs": round(state.latency_ms, 2),
    }
    return JSONResponse(body, status_code=200 if state.ok else 503)


def create_app(settings: Settings, *, engine: EmbeddedEngine | None = None) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_runtime(settings, engine) as runtime:
            app.state.runtime = runtime
            watcher = asyncio.create_task(runtime.watch_engine())
            try:
                yield
            finally:
                watcher.cancel()

    graphql = GraphQLEndpoint(build_schema())
    routes = [
        Route("/health", health, methods=["GET"]),
        Route("/graphql", graphql, methods=["GET", "POST"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
