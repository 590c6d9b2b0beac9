"""How the routes beside /graphql (etalage, exports, imports, the verkenner's report) refuse a
request: as a refused GraphQL request answers, `errors` with `extensions.code` and the argument
concerned, with the HTTP status of the error and, for a 401, the Bearer challenge (why the token
was refused, where one was sent)."""

from __future__ import annotations

import logging

from starlette.responses import JSONResponse

from graph_api.auth.errors import AuthenticationError, challenge
from graph_api.errors import GraphApiError
from graph_api.graphql.errors import answer, is_internal

log = logging.getLogger(__name__)


def refused(exc: GraphApiError, route: str) -> JSONResponse:
    """The answer to `exc`; `route` names the route in the log when the fault is the server's."""
    if is_internal(exc):
        log.error("%s refused by %s", route, exc.code, exc_info=exc)
    headers = {"Cache-Control": "no-store"}
    if isinstance(exc, AuthenticationError):
        headers.update(challenge(exc))
    elif exc.status == 401:
        # No token at all: the challenge names the scheme and no error (RFC 6750, section 3.1).
        headers["WWW-Authenticate"] = 'Bearer realm="graph_api"'
    return JSONResponse({"errors": [answer(exc)]}, status_code=exc.status, headers=headers)
