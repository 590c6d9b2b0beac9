"""GraphQL over WebSocket at /graphql: subscriptions, in the graphql-transport-ws protocol only.

Strawberry's protocol handler speaks the protocol (connection_init and its ack, subscribe,
next, complete, ping and pong); this module gives it what the HTTP endpoint gives a request:
the identity, from the token in connection_init's payload (`{"Authorization": "Bearer …"}`, as
GraphiQL and graphql-ws clients send it: a browser cannot set a WebSocket's headers), the
asker's reach, and errors answered with their code (docs/meldingen.md, "Live delivery").
A token that is refused closes the connection with 4403; no token is a bezoeker, which the
subscriptions refuse with UNAUTHENTICATED.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass, field, replace
from typing import Any, cast

import strawberry
from graphql import GraphQLError
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.schema import BaseSchema
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from graph_api.auth import AuthenticationError, Authenticator
from graph_api.errors import GraphApiError, RequestError
from graph_api.graphql.context import Context
from graph_api.graphql.endpoint import format_error
from graph_api.meldingen_live import Luisteraar
from graph_api.toegang import zicht_voor

log = logging.getLogger(__name__)


@dataclass
class LiveContext(Context):
    """A connection's context: its identity holds for the whole connection, while what it may see
    and the request's store and loaders are made anew for every event (`vernieuw`), as for a
    request: a role withdrawn since connecting counts, and no event reads another's leftovers."""

    luisteraar: Luisteraar | None = None
    connection_params: dict[str, Any] = field(default_factory=dict)

    async def vernieuw(self) -> None:
        self.zicht = await zicht_voor(self.identiteit, self.runtime.store)
        self.compiled_fields.clear()
        self.once.clear()
        self.beperkingen.clear()
        self.__post_init__()


class _Formatted(GraphQLError):
    """An error of an answer as the HTTP endpoint formats it: with its `extensions.code`."""

    def __init__(self, error: GraphQLError):
        original = error.original_error
        if isinstance(original, InvalidOperationTypeError):
            original = RequestError("METHOD_NOT_ALLOWED", "only subscriptions are served over WebSocket")
        where = (error.message, error.nodes, error.source, error.positions, error.path, original)
        super().__init__(*where)
        self._formatted = format_error(GraphQLError(*where))

    @property
    def formatted(self) -> Any:
        return self._formatted


async def _formatted(results: AsyncIterator[Any]) -> AsyncGenerator[Any, None]:
    async for result in results:
        if isinstance(result, ExecutionResult) and result.errors:
            result = replace(result, errors=[_Formatted(error) for error in result.errors])
        yield result


class _Subscriptions:
    """The schema as the handler runs it: subscriptions only. Queries and mutations are HTTP's,
    with its limits on size and time; a mutation's idempotency and meldingen are the same there."""

    def __init__(self, schema: BaseSchema):
        self.schema = schema

    def stream(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["allowed_operation_types"] = {OperationType.SUBSCRIPTION}
        return self.schema.stream(*args, **kwargs)


class _Handler(BaseGraphQLTransportWSHandler[LiveContext, None]):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.schema = cast(BaseSchema, _Subscriptions(self.schema))

    async def _send_result_stream(self, operation: Any, result_source: Any) -> None:
        await super()._send_result_stream(operation, _formatted(result_source))


class GraphQLWebSocket(GraphQL[LiveContext, None]):
    """The /graphql WebSocket route (graph_api/app.py)."""

    graphql_transport_ws_handler_class = _Handler

    def __init__(
        self, schema: strawberry.Schema, authenticate: Authenticator, allowed_origins: tuple[str, ...]
    ):
        super().__init__(
            schema,
            graphql_ide=None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            allowed_origins=allowed_origins,
        )
        self.authenticate = authenticate

    async def get_context(self, request: Any, response: Any) -> LiveContext:
        state = request.app.state
        return LiveContext(state.runtime, luisteraar=state.luisteraar)

    async def on_ws_connect(self, context: LiveContext) -> None:
        params = context.connection_params or {}
        authorization = [value for name, value in params.items() if name.lower() == "authorization"]
        try:
            if not all(isinstance(value, str) for value in authorization):
                raise AuthenticationError("MALFORMED_AUTHORIZATION", "Authorization must be a string")
            context.identiteit = await self.authenticate.identiteit(authorization, context.runtime.store)
            await context.vernieuw()
        except AuthenticationError as exc:
            log.info("WebSocket connection refused: %s", exc.code)
            raise ConnectionRejectionError from None
        except GraphApiError:
            log.warning("WebSocket connection refused: its identity could not be read", exc_info=True)
            raise ConnectionRejectionError from None


def route_app(view: GraphQLWebSocket) -> Any:
    """The view as a Starlette WebSocket endpoint."""

    async def endpoint(websocket: WebSocket) -> None:
        await view.run(websocket)

    return endpoint
