"""GraphQL over HTTP at /graphql, following the GraphQL-over-HTTP specification.

Strawberry's schema executes; this endpoint does the HTTP side itself because the spec's
`application/graphql-response+json` (request errors as 400 without a `data` entry) is not
what Strawberry's views implement. GET runs queries only; POST takes `application/json`.
A browser asking for HTML gets GraphiQL.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from strawberry.exceptions import MissingQueryError
from strawberry.relay.types import GlobalIDValueError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from graph_api.auth.errors import AuthenticationError, challenge
from graph_api.errors import (
    ClientError,
    EngineUnavailable,
    GraphApiError,
    MalformedRequest,
    RateLimited,
    RequestError,
)
from graph_api.graphql.context import Context
from graph_api.graphql.errors import answer, is_internal
from graph_api.graphql.limits import NUL_REFUSED
from graph_api.graphql.limits.extension import limits_of, operation_name, parsed, request_cost
from graph_api.http.metrics import Metrics
from graph_api.http.ratelimit import RateLimits, client_key
from graph_api.identiteit import ANONIEM, Identiteit

log = logging.getLogger(__name__)

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
# Refusals that are HTTP's concern keep their status whatever the client accepts: the method,
# the body's size or media type, the credentials, a client over its rate limit, an engine away.
# The rest answer `application/json` clients with 200, as they expect of GraphQL.
_HTTP_STATUSES = frozenset({401, 405, 408, 413, 415, 429, 503})


MAX_JSON_DEPTH = 32  # nesting of the body's JSON: filters nest two or three levels
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(params: dict[str, Any]) -> None:
    """Refuses what no request needs and what would break later: JSON nested past MAX_JSON_DEPTH,
    lone UTF-16 surrogates (not text: they cannot be encoded), and NUL in variables (the engine's
    query text ends at it; in the document, a validation rule refuses it)."""
    pending: list[tuple[str, Any, int]] = [(name, value, 1) for name, value in params.items()]
    while pending:
        where, value, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            raise MalformedRequest(
                "BAD_REQUEST", f"the request's JSON nests deeper than {MAX_JSON_DEPTH} levels"
            )
        if isinstance(value, dict):
            for key, item in value.items():
                pending.append((where, key, depth + 1))
                pending.append((where, item, depth + 1))
        elif isinstance(value, list):
            pending.extend((where, item, depth + 1) for item in value)
        elif isinstance(value, str):
            if _SURROGATE.search(value):
                raise MalformedRequest(
                    "INVALID_TEXT", f"{where}: text may not contain lone UTF-16 surrogates (\\ud800-\\udfff)"
                )
            if where == "variables" and "\x00" in value:
                raise MalformedRequest("INVALID_TEXT", f"variables: {NUL_REFUSED}")


def _json(raw: str | bytes, what: str) -> Any:
    try:
        return json.loads(raw)
    except RecursionError:
        raise MalformedRequest("BAD_REQUEST", f"{what} nests too deeply") from None
    except ValueError:
        raise MalformedRequest("BAD_REQUEST", f"{what} is not valid JSON") from None


def negotiate(accept: str | None) -> str | None:
    """The response media type for an Accept header; None when none can be served."""
    if not accept:
        return JSON
    best: tuple[float, int, str] | None = None
    for order, part in enumerate(accept.split(",")):
        media, *options = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        served = {
            GRAPHQL_RESPONSE: GRAPHQL_RESPONSE,
            JSON: JSON,
            "application/*": JSON,
            "*/*": JSON,
            "text/html": "text/html",
        }.get(media.lower())
        if served and quality > 0 and (best is None or (quality, -order) > (best[0], best[1])):
            best = (quality, -order, served)
    return best[2] if best else None


def format_error(error: GraphQLError) -> dict[str, Any]:
    """An error as the client sees it: a message, where it happened and a code."""
    formatted: dict[str, Any] = dict(error.formatted)
    original = error.original_error
    code = (error.extensions or {}).get("code")
    if code:
        return formatted
    if isinstance(original, GlobalIDValueError):
        # Raised while Strawberry reads `node(id:)`/`nodes(ids:)`, the fields that take only ids.
        arguments = [a.name.value for node in error.nodes or () for a in getattr(node, "arguments", ())]
        argument = arguments[0] if len(arguments) == 1 else None
        original = ClientError("INVALID_ID", error.message, argument=argument)
    if isinstance(original, GraphApiError):
        if is_internal(original):
            log.error("%s in %s", original.code, error.path, exc_info=original)
        return {**formatted, **answer(original)}
    if original is None or isinstance(original, GraphQLError):
        # Raised by GraphQL itself (parse, validation, input coercion): the client's to fix.
        code = _request_error_code(error.message)
        extensions: dict[str, Any] = {"code": code}
        if code == "TOO_MANY_TOKENS" and (limit := re.search(r"more than (\d+) tokens", error.message)):
            extensions["limit"] = int(limit.group(1))
        return {**formatted, "extensions": extensions}
    log.error("unexpected error in %s", error.path, exc_info=original)
    return {
        "message": "internal server error",
        "locations": formatted.get("locations"),
        "path": formatted.get("path"),
        "extensions": {"code": "INTERNAL_SERVER_ERROR"},
    }


def _request_error_code(message: str) -> str:
    if message.startswith("Syntax Error: Document contains more than"):  # GRAPH_API_MAX_TOKENS
        return "TOO_MANY_TOKENS"
    if message.startswith("Syntax Error"):
        return "GRAPHQL_PARSE_FAILED"
    if message.startswith("Variable") and ("invalid value" in message or "not provided" in message):
        return "BAD_USER_INPUT"
    return "GRAPHQL_VALIDATION_FAILED"


async def _anonymous(request: Request) -> Identiteit:
    return ANONIEM


class GraphQLEndpoint:
    def __init__(
        self,
        schema: strawberry.Schema,
        context: Callable[[Request, Identiteit], Awaitable[Context]],
        authenticate: Callable[[Request], Awaitable[Identiteit]] | None = None,
        graphiql: Callable[[], str] | None = None,
        max_body_bytes: int = 1_048_576,
        request_timeout_s: float = 30.0,
        metrics: Metrics | None = None,
        rate_limits: RateLimits | None = None,
    ):
        self.schema = schema
        self.context = context
        self.authenticate = authenticate or _anonymous
        self.graphiql = graphiql
        self.max_body_bytes = max_body_bytes
        self.request_timeout_s = request_timeout_s
        self.metrics = metrics  # None: nothing counted
        self.rate_limits = rate_limits  # None: no rate limits

    async def handle(self, request: Request) -> Response:
        if request.method not in ("GET", "POST"):
            return JSONResponse(
                {
                    "errors": [
                        {
                            "message": f"{request.method} is not served here: send GET or POST",
                            "extensions": {"code": "METHOD_NOT_ALLOWED"},
                        }
                    ]
                },
                status_code=405,
                headers={"Allow": "GET, POST"},
            )
        media = negotiate(request.headers.get("accept"))
        if media == "text/html":
            if request.method == "GET" and self.graphiql is not None and "query" not in request.query_params:
                return HTMLResponse(self.graphiql())
            media = JSON
        if media is None:
            return JSONResponse(
                {"errors": [{"message": f"responses are {GRAPHQL_RESPONSE} or {JSON}"}]},
                status_code=406,
                media_type=JSON,
            )
        started = time.perf_counter()
        try:
            body = await self._parameters(request)
            result = await self._execute(request, body)
        except GraphApiError as exc:
            response, codes = self._refuse(exc, media), [exc.code]
        else:
            response, codes = self._respond(result, media)
        if self.metrics is not None:
            operation = getattr(request.state, "operation", None)
            self.metrics.request(operation, codes, time.perf_counter() - started)
        return response

    def _refuse(self, exc: GraphApiError, media: str) -> JSONResponse:
        """A request refused before it ran: its error alone, with the error's status."""
        if is_internal(exc):
            log.error("request refused by %s", exc.code, exc_info=exc)
        keeps = isinstance(exc, MalformedRequest) or exc.status in _HTTP_STATUSES
        status = exc.status if media == GRAPHQL_RESPONSE or keeps else 200
        headers = None
        if isinstance(exc, AuthenticationError):
            headers = challenge(exc)
        elif exc.status == 405:
            headers = {"Allow": "POST"}
        elif isinstance(exc, RateLimited | EngineUnavailable):
            headers = {"Retry-After": str(exc.retry_after_s)}
        return JSONResponse({"errors": [answer(exc)]}, status_code=status, media_type=media, headers=headers)

    async def _parameters(self, request: Request) -> dict[str, Any]:
        if request.method == "GET":
            params: dict[str, Any] = dict(request.query_params)
            for name in ("variables", "extensions"):
                if params.get(name):
                    params[name] = _json(params[name], name)
        else:
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type != JSON:
                raise RequestError("UNSUPPORTED_MEDIA_TYPE", f"send the request as {JSON}")
            # A client that trickles its body in holds a connection and a task, not the engine; it
            # gets the time a whole request may take, and not more.
            try:
                async with asyncio.timeout(self.request_timeout_s):
                    raw = await self._body(request)
            except TimeoutError:
                raise RequestError(
                    "BODY_TOO_SLOW",
                    f"the request body did not arrive within {self.request_timeout_s:g} s",
                ) from None
            if not raw:
                raise MalformedRequest("BAD_REQUEST", "the request has no body")
            params = _json(raw, "the request body")
            if not isinstance(params, dict):
                if isinstance(params, list):
                    raise MalformedRequest("BATCHING_NOT_SUPPORTED", "send one operation per request")
                raise MalformedRequest("BAD_REQUEST", "the request body must be a JSON object")
        query = params.get("query")
        if not isinstance(query, str) or not query.strip():
            raise MalformedRequest("BAD_REQUEST", "query must be a non-empty string")
        if params.get("operationName") is not None and not isinstance(params["operationName"], str):
            raise MalformedRequest("BAD_REQUEST", "operationName must be a string")
        for name in ("variables", "extensions"):
            if params.get(name) is not None and not isinstance(params[name], dict):
                raise MalformedRequest("BAD_REQUEST", f"{name} must be a JSON object")
        _check_text(params)
        return params

    async def _body(self, request: Request) -> bytes:
        """The body, refused once it outgrows the limit: Content-Length may be absent or untrue."""
        limit = self.max_body_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise RequestError(
                "REQUEST_TOO_LARGE", f"the body has {declared} bytes; at most {limit} are allowed"
            )
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise RequestError(
                    "REQUEST_TOO_LARGE", f"the body has more than {limit} bytes; at most {limit} are allowed"
                )
            chunks.append(chunk)
        return b"".join(chunks)

    async def _execute(self, request: Request, params: dict[str, Any]) -> Any:
        allowed = (
            {OperationType.QUERY}
            if request.method == "GET"
            else {OperationType.QUERY, OperationType.MUTATION}
        )
        # Finding the token's Gebruiker and its reach needs the engine: its errors refuse the request.
        identiteit = await self.authenticate(request)
        request.state.subject = identiteit.subject  # for the access log (graph_api/http/logs.py)
        context = await self.context(request, identiteit)
        request.state.graphql_context = context
        deadline = asyncio.timeout(self.request_timeout_s)
        try:
            async with deadline:
                # Parsed as QueryLimits parses it, and kept: execution finds it parsed. Its
                # operation's name is the metrics' and the access log's.
                document = await parsed(params["query"], limits_of(context))
                if document is not None:
                    request.state.operation = operation_name(document, params.get("operationName"))
                    if self.rate_limits is not None:
                        await self._charge(request, identiteit, document, params, context)
                return await self.schema.execute(
                    params["query"],
                    variable_values=params.get("variables"),
                    context_value=context,
                    operation_name=params.get("operationName"),
                    allowed_operation_types=allowed,
                )
        except TimeoutError:
            if not deadline.expired():
                raise
            log.warning("request stopped after its time limit of %s s", self.request_timeout_s)
            raise RequestError(
                "REQUEST_TIMEOUT",
                f"the request took longer than its time limit of {self.request_timeout_s:g} s; ask for less",
            ) from None
        except InvalidOperationTypeError:
            raise RequestError("METHOD_NOT_ALLOWED", "only queries can be sent with GET") from None
        except (CannotGetOperationTypeError, MissingQueryError) as exc:
            raise RequestError("BAD_REQUEST", str(exc)) from None

    async def _charge(
        self,
        request: Request,
        identiteit: Identiteit,
        document: Any,
        params: dict[str, Any],
        context: Context,
    ) -> None:
        """Takes the request's estimated cost from its client's rate limit, or refuses it."""
        assert self.rate_limits is not None
        cost = await request_cost(
            self.schema._schema, document, params.get("operationName"), params.get("variables"), context
        )
        if cost is None:  # refused before anything runs: costs the engine nothing
            return
        client = client_key(identiteit.subject, request.client.host if request.client else None)
        try:
            self.rate_limits.take(client, cost)
        except RateLimited:
            if self.metrics is not None:
                self.metrics.rate_limited.inc()
            log.info("rate limited: %s, a request of cost %s", client, cost)
            raise

    def _respond(self, result: Any, media: str) -> tuple[JSONResponse, list[str]]:
        errors = [format_error(error) for error in result.errors or []]
        request_error = (
            result.data is None and errors and all("path" not in e or e["path"] is None for e in errors)
        )
        payload: dict[str, Any] = {}
        if not (request_error and media == GRAPHQL_RESPONSE):
            payload["data"] = result.data
        if errors:
            payload["errors"] = errors
        if result.extensions:
            payload["extensions"] = result.extensions
        status = 400 if request_error and media == GRAPHQL_RESPONSE else 200
        codes = [str((e.get("extensions") or {}).get("code", "INTERNAL_SERVER_ERROR")) for e in errors]
        headers = None
        if EngineUnavailable.code in codes:
            # The engine went away while the request ran: whatever of `data` came before is no
            # answer to rely on, and a client or proxy should retry the whole request shortly.
            status, headers = 503, {"Retry-After": str(EngineUnavailable.retry_after_s)}
        return JSONResponse(payload, status_code=status, media_type=media, headers=headers), codes
