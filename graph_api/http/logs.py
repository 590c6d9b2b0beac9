"""A request id for every HTTP request, and logs as operators read them: one line per request
(the access log), every line with its request's id, as text or as one JSON object per line.

The JSON form is a small stdlib Formatter rather than python-json-logger: the fields are fixed and
few, and one module of ours is easier to keep from ever logging a token or a body than a general
formatter that logs whatever `extra` it is handed. Only the fields in `_FIELDS` are written.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "X-Request-Id"
# What an incoming id may look like to be kept: what proxies and tracing tools send (UUIDs,
# hex, base64url, dotted or colon-separated), short, and nothing a log line could be forged with.
_SANE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+/=-]{0,127}")

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
access = logging.getLogger("graph_api.access")

# The fields a log line may carry besides time, level, logger and message; nothing else is written.
_FIELDS = ("request_id", "method", "path", "status", "duration_ms", "client", "subject", "operation")


def incoming_or_new(value: str | None) -> str:
    """The client's X-Request-Id when it is sane, else a new one: a malformed one is never echoed."""
    if value is not None and _SANE.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestContext:
    """Gives every HTTP request an id (kept from a sane X-Request-Id, else new), returns it in
    X-Request-Id, and writes one access log line when the response has gone. What the line says
    of the request beyond HTTP (its operation, the token's subject) the endpoint leaves in the
    request's state."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        raw = headers.get(HEADER.lower().encode())
        rid = incoming_or_new(raw.decode("latin-1") if raw is not None else None)
        # Not reset afterwards: Starlette's handler of unhandled errors runs outside this
        # middleware, in the same task, and answers with the id too (security.server_error).
        request_id.set(rid)
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            client = scope.get("client")
            access.info(
                "%s %s %s",
                scope["method"],
                scope["path"],
                status,
                extra={
                    "method": scope["method"],
                    # The path only: a GET's query string can hold a whole GraphQL document.
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "client": client[0] if client else None,
                    "subject": state.get("subject"),
                    "operation": state.get("operation"),
                },
            )


class _RequestId(logging.Filter):
    """Every record carries the id of the request it was logged in (`-` outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, the request's
    fields where known, and an exception's traceback."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,  # which worker, with several (serve --workers)
        }
        for name in _FIELDS:
            value = getattr(record, name, None)
            if value is not None and value != "-":
                line[name] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"


def handler(form: str, stream: Any = None) -> logging.Handler:
    """A handler writing `form` ("text" or "json") to `stream` (standard error by default)."""
    written = logging.StreamHandler(stream)
    written.addFilter(_RequestId())
    written.setFormatter(JsonFormatter() if form == "json" else logging.Formatter(TEXT_FORMAT))
    return written


def configure(form: str, level: int = logging.INFO) -> None:
    """The root logger writes `form` to standard error, and nothing else does; uvicorn's loggers
    pass theirs on to it (serve: `log_config=None`)."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler(form))
    root.setLevel(level)
