"""Why a request's credentials were refused, as the HTTP answer says it (docs/identity.md).

Every refusal of a token is 401 with a `WWW-Authenticate: Bearer` challenge (RFC 6750); an
identity provider that cannot be reached is 503: the token may be fine, the API cannot tell.
"""

from __future__ import annotations

import re

# code → the RFC 6750 error attribute of the challenge
CODES = {
    "MALFORMED_AUTHORIZATION": "invalid_request",
    "INVALID_TOKEN": "invalid_token",
    "UNSUPPORTED_ALGORITHM": "invalid_token",
    "UNKNOWN_KEY": "invalid_token",
    "WRONG_ISSUER": "invalid_token",
    "WRONG_AUDIENCE": "invalid_token",
    "TOKEN_EXPIRED": "invalid_token",
    "TOKEN_NOT_YET_VALID": "invalid_token",
    "TOKEN_LIFETIME_TOO_LONG": "invalid_token",
}
UNAVAILABLE = "IDENTITY_PROVIDER_UNAVAILABLE"

# RFC 6750 allows these characters in error_description, and no others.
_NOT_IN_DESCRIPTION = re.compile(r"[^\x20-\x21\x23-\x5b\x5d-\x7e]")


class AuthenticationError(Exception):
    """The request carries credentials that are not accepted (or cannot be checked now)."""

    def __init__(self, code: str, message: str):
        if code not in CODES and code != UNAVAILABLE:
            raise ValueError(f"unknown authentication error code {code}")
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def status(self) -> int:
        return 503 if self.code == UNAVAILABLE else 401

    def headers(self) -> dict[str, str]:
        if self.code == UNAVAILABLE:
            return {"Retry-After": "5"}
        description = _NOT_IN_DESCRIPTION.sub("?", self.message)
        return {
            "WWW-Authenticate": (
                f'Bearer realm="graph_api", error="{CODES[self.code]}", error_description="{description}"'
            )
        }

    def body(self) -> dict:
        return {"errors": [{"message": self.message, "extensions": {"code": self.code}}]}


def unavailable(message: str) -> AuthenticationError:
    return AuthenticationError(UNAVAILABLE, message)
