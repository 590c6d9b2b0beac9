"""HTTP hardening around the whole application: security headers on every response, and CORS.

The content security policy is the one the pages (GraphiQL, the verkenner) need and nothing
more: their scripts and styles come from the API itself (no inline script or style, no eval),
GraphiQL's fonts and one drag image are data: URLs inside its assets, the verkenner's
downloads data: and blob: URLs it makes, and they talk to the API only; with an identity
provider configured, the verkenner also to that issuer (its discovery document and token
endpoint, for signing in with PKCE).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_api.http.logs import HEADER, request_id
from graph_api.settings import HardeningSettings


def content_security_policy(issuer: str | None = None) -> str:
    """The policy; `issuer` (the OpenID Connect issuer's URL) may also be fetched from."""
    connect = "connect-src 'self'"
    if issuer is not None:
        url = urlsplit(issuer)
        connect += f" {url.scheme}://{url.netloc}"
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            connect,
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def security_headers(issuer: str | None = None) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(issuer),
        "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
        "X-Content-Type-Options": "nosniff",
        # Addresses can carry a query (GET /graphql?query=...): never pass them on to another site.
        "Referrer-Policy": "no-referrer",
    }


SECURITY_HEADERS = security_headers()


class SecurityHeaders:
    """Adds the security headers to every HTTP response the application sends."""

    def __init__(self, app: ASGIApp, headers: dict[str, str] = SECURITY_HEADERS):
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
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


def middleware(hardening: HardeningSettings, issuer: str | None = None) -> list[Middleware]:
    """Security headers outermost, so that CORS preflight answers carry them too."""
    stack = [Middleware(SecurityHeaders, headers=security_headers(issuer))]
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
