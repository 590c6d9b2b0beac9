"""A real OpenID Connect issuer on this machine, for the tests: a discovery document and a JWKS
endpoint served by uvicorn in a thread, with RSA and EC keys made by joserfc. It counts the
JWKS fetches, so what the API fetches and when can be seen from outside.

For a browser signing in (the verkenner) it also runs the authorization-code flow with PKCE as
a provider does for a public client: /authorize signs `aanmelder` in at once and sends the
browser back with a one-time code; /token gives an access token for that code only to whoever
shows the verifier whose S256 challenge came with it. It keeps what it was asked
(`autorisaties`) and whether each exchange held (`uitwisselingen`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import socket
import threading
import time
from typing import Any

import uvicorn
from joserfc import jwt
from joserfc.jwk import ECKey, Key, RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route

AUDIENCE = "graph-api"


def b64(data: bytes | dict) -> str:
    if isinstance(data, dict):
        data = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(segment: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def rsa_key(kid: str) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"}, private=True)


def ec_key(kid: str) -> ECKey:
    return ECKey.generate_key("P-256", parameters={"kid": kid, "use": "sig", "alg": "ES256"}, private=True)


def sign(key: Key, claims: dict[str, Any], **header: Any) -> str:
    alg = header.pop("alg", "RS256" if key.key_type == "RSA" else "ES256")
    return jwt.encode({"alg": alg, "kid": key.kid, **header}, claims, key, [alg])


_CORS = {"Access-Control-Allow-Origin": "*"}


class LocalIssuer:
    def __init__(self) -> None:
        self.rsa = rsa_key("rsa-1")
        self.ec = ec_key("ec-1")
        self.published: list[Key] = [self.rsa, self.ec]
        self.jwks_fetches = 0
        self.aanmelder = "persoon-1"  # who signs in at /authorize
        self.autorisaties: list[dict[str, str]] = []
        self.uitwisselingen: list[bool] = []
        self._codes: dict[str, dict[str, str]] = {}
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        app = Starlette(
            routes=[
                Route("/.well-known/openid-configuration", self._discovery),
                Route("/jwks", self._jwks),
                Route("/authorize", self._authorize),
                Route("/token", self._token, methods=["POST"]),
            ]
        )
        config = uvicorn.Config(app, log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    async def _discovery(self, request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "issuer": self.url,
                "jwks_uri": f"{self.url}/jwks",
                "authorization_endpoint": f"{self.url}/authorize",
                "token_endpoint": f"{self.url}/token",
                "code_challenge_methods_supported": ["S256"],
                "id_token_signing_alg_values_supported": ["RS256", "ES256"],
            },
            headers=_CORS,  # a browser page reads it
        )

    async def _authorize(self, request: Request) -> RedirectResponse | JSONResponse:
        asked = dict(request.query_params)
        self.autorisaties.append(asked)
        if asked.get("response_type") != "code" or asked.get("code_challenge_method") != "S256":
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        code = secrets.token_urlsafe(16)
        self._codes[code] = {**asked, "subject": self.aanmelder}
        return RedirectResponse(f"{asked['redirect_uri']}?code={code}&state={asked.get('state', '')}", 302)

    async def _token(self, request: Request) -> JSONResponse:
        form = await request.form()
        asked = self._codes.pop(str(form.get("code", "")), None)  # a code counts once
        verifier = str(form.get("code_verifier", ""))
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        held = (
            asked is not None
            and form.get("grant_type") == "authorization_code"
            and form.get("redirect_uri") == asked["redirect_uri"]
            and form.get("client_id") == asked["client_id"]
            and challenge == asked["code_challenge"]
        )
        self.uitwisselingen.append(held)
        if not held or asked is None:
            return JSONResponse({"error": "invalid_grant"}, status_code=400, headers=_CORS)
        token = self.token(asked["subject"])
        return JSONResponse({"access_token": token, "token_type": "Bearer", "expires_in": 300}, headers=_CORS)

    async def _jwks(self, request: Request) -> JSONResponse:
        self.jwks_fetches += 1
        return JSONResponse({"keys": [key.as_dict(private=False) for key in self.published]})

    def start(self) -> LocalIssuer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the local issuer did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()

    def claims(self, subject: str, **overrides: Any) -> dict[str, Any]:
        now = int(time.time())
        claims = {"iss": self.url, "sub": subject, "aud": AUDIENCE, "iat": now, "exp": now + 300}
        claims.update(overrides)
        return {name: value for name, value in claims.items() if value is not None}

    def token(self, subject: str, key: Key | None = None, header: dict | None = None, **claims: Any) -> str:
        return sign(key or self.rsa, self.claims(subject, **claims), **(header or {}))


def free_port() -> int:
    """A port nothing listens on (right after this returns)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SilentServer:
    """Accepts connections and never answers: an issuer that hangs."""

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"

    def close(self) -> None:
        self._socket.close()
