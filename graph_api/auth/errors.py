"""Why a request's credentials were refused, as the HTTP answer says it (docs/identity.md).

Every refusal of a token is 401 with a `WWW-Authenticate: Bearer` challenge (RFC 6750); an
identity provider that cannot be reached is 503: the token may be fine, the API cannot tell.
The errors and their codes are in graph_api/errors.py.
"""

from __future__ import annotations

import re

from graph_api.errors import AuthenticationError, IdentityProviderUnavailable

__all__ = ["AuthenticationError", "IdentityProviderUnavailable", "challenge"]

# code → the RFC 6750 error attribute of the challenge
_ATTRIBUTES = {
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

# RFC 6750 allows these characters in error_description, and no others.
_NOT_IN_DESCRIPTION = re.compile(r"[^\x20-\x21\x23-\x5b\x5d-\x7e]")


def challenge(exc: AuthenticationError) -> dict[str, str]:
    """The headers of a refusal: the Bearer challenge, or when to ask again."""
    if isinstance(exc, IdentityProviderUnavailable):
        return {"Retry-After": "5"}
    description = _NOT_IN_DESCRIPTION.sub("?", exc.message)
    return {
        "WWW-Authenticate": (
            f'Bearer realm="graph_api", error="{_ATTRIBUTES[exc.code]}", error_description="{description}"'
        )
    }
