"""HTTP hardening around the whole application: security headers on every response, and CORS.

The content security policy is the one GraphiQL's page needs and nothing more: its scripts and
styles come from /graphql/assets/ (no inline script, no eval), its fonts and one drag image are
data: URLs inside those assets, and it talks to /graphql only.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_api.http.logs import HEADER, request_id
from graph_api.settings import HardeningSettings

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "X-Content-Type-Options": "nosniff",
    # Addresses can carry a query (GET /graphql?query=...): never pass them on to another site.
    "Referrer-Policy": "no-referrer",
}


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response the application sends."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def server_error(request: Request, exc: Exception) -> JSONResponse:
    """What an unhandled exception answers: no details, and the headers every response carries.

    Starlette sends this from outside the middleware stack, so it sets the headers itself, and
    hands the exception on to the server, which logs it.
    """
    body = {"errors": [{"message": "internal server error", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]}
    headers = dict(SECURITY_HEADERS)
    if (rid := request_id.get()) is not None:
        headers[HEADER] = rid  # the id the log lines of this failure carry
    return JSONResponse(body, status_code=500, headers=headers)


def middleware(hardening: HardeningSettings) -> list[Middleware]:
    """Security headers outermost, so that CORS preflight answers carry them too."""
    stack = [Middleware(SecurityHeaders)]
    if hardening.cors_origins:
        stack.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(hardening.cors_origins),
                allow_methods=["GET", "POST"],
                # Bearer tokens travel in Authorization; no cookies, so no credentials mode.
                allow_headers=["Authorization", "Content-Type", "X-Request-Id"],
                # A 401 says in WWW-Authenticate why the token was refused; a 429 in Retry-After
                # when to try again; X-Request-Id names the request in the server's logs.
                expose_headers=["WWW-Authenticate", "Retry-After", "X-Request-Id"],
                max_age=600,
            )
        )
    return stack
