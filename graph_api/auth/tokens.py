"""Validating a bearer token (a JWT access token) with joserfc: the claims, or a refusal.

The order of the checks: the token's form, its issuer (only one is trusted; nothing is fetched
for a token of another), its algorithm (pinned: RS256 and ES256 at most, so `none` and an HMAC
token keyed with a public key are refused before any key is touched), its key (by `kid`, among
the issuer's keys), its signature, and then, for a token known to be genuine, `exp`, `nbf`,
`iat` and `aud`. Until the signature is checked the claims are only read to refuse early.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from joserfc import jws
from joserfc.errors import ClaimError, ExpiredTokenError, JoseError, MissingClaimError
from joserfc.jwk import Key
from joserfc.jwt import JWTClaimsRegistry

from graph_api.auth.dev import DEV_ALGORITHM, DEV_ISSUER, DevKeys, key_path
from graph_api.auth.errors import AuthenticationError
from graph_api.auth.jwks import IssuerKeys, KeySource
from graph_api.settings import Settings

MAX_TOKEN_LENGTH = 16_384
ACCESS_TOKEN_TYPES = ("jwt", "at+jwt", "application/at+jwt")


@dataclass(frozen=True)
class Trust:
    """Whose tokens are accepted: one issuer, its keys, for this API's audience."""

    issuer: str
    audience: str
    algorithms: tuple[str, ...]
    keys: KeySource
    wrong_issuer: str  # what a token of another issuer is told


def trust_for(settings: Settings) -> Trust:
    """The configured identity provider, or the development issuer when none is configured."""
    identity = settings.identity
    if identity.issuer is not None:
        keys = IssuerKeys(
            identity.issuer,
            ttl_s=identity.jwks_ttl_s,
            timeout_s=identity.http_timeout_s,
            refetch_interval_s=identity.jwks_refetch_interval_s,
        )
        return Trust(
            identity.issuer,
            identity.audience,
            identity.algorithms,
            keys,
            f"this API accepts tokens of {identity.issuer} only",
        )
    return Trust(
        DEV_ISSUER,
        identity.audience,
        (DEV_ALGORITHM,),
        DevKeys(key_path(settings)),
        "no identity provider is configured: this API accepts development tokens (graph-api dev-token) only",
    )


def _refuse(code: str, message: str) -> AuthenticationError:
    return AuthenticationError(code, message)


def _shown(value: Any) -> str:
    """A value from the token, safe and short enough to quote in an answer."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _fits(key: Key, alg: str) -> bool:
    """Whether a key can check a signature of this algorithm (RS256: RSA, ES256: EC P-256)."""
    if key.get("alg") not in (None, alg):
        return False
    if alg == "RS256":
        return key.key_type == "RSA"
    if alg == "ES256":
        return key.key_type == "EC" and key.get("crv") == "P-256"
    return False


class TokenValidator:
    def __init__(
        self,
        trust: Trust,
        *,
        leeway_s: int,
        max_lifetime_s: int = 86_400,
        clock: Callable[[], float] = time.time,
    ):
        self.trust = trust
        self.leeway_s = leeway_s
        self.max_lifetime_s = max_lifetime_s
        self._clock = clock

    async def validate(self, token: str) -> dict[str, Any]:
        """The claims of a genuine, current token for this API; AuthenticationError otherwise."""
        trust = self.trust
        obj, claims = self._read(token)
        if claims.get("iss") != trust.issuer:
            raise _refuse("WRONG_ISSUER", trust.wrong_issuer)
        alg = obj.headers().get("alg")
        if alg not in trust.algorithms:
            raise _refuse(
                "UNSUPPORTED_ALGORITHM",
                f"tokens must be signed with {' or '.join(trust.algorithms)}, not {_shown(alg)}",
            )
        key = await self._key(obj.headers().get("kid"), alg)
        try:
            genuine = jws.validate_compact(obj, key, [alg])
        except JoseError:
            genuine = False
        if not genuine:
            raise _refuse("INVALID_TOKEN", "the token's signature does not verify")
        self._check_claims(claims)
        return claims

    def _read(self, token: str) -> tuple[jws.CompactSignature, dict[str, Any]]:
        if len(token) > MAX_TOKEN_LENGTH:
            raise _refuse("INVALID_TOKEN", f"the token is longer than {MAX_TOKEN_LENGTH} characters")
        segments = token.count(".") + 1
        if segments == 5:
            raise _refuse("INVALID_TOKEN", "encrypted tokens (JWE) are not accepted: send a signed JWT")
        if segments != 3:
            raise _refuse("INVALID_TOKEN", "the token is not a JWT (three base64url parts separated by dots)")
        try:
            obj = jws.extract_compact(token.encode("ascii"))
            claims = json.loads(obj.payload)
        except (JoseError, ValueError, TypeError):
            raise _refuse("INVALID_TOKEN", "the token is not a JWT: header or claims unreadable") from None
        if not isinstance(claims, dict):
            raise _refuse("INVALID_TOKEN", "the token's claims are not a JSON object")
        header = obj.headers()
        typ = header.get("typ")
        if typ is not None and (not isinstance(typ, str) or typ.lower() not in ACCESS_TOKEN_TYPES):
            raise _refuse("INVALID_TOKEN", f"the token is of type {_shown(typ)}, not an access token (JWT)")
        if "crit" in header:
            raise _refuse("INVALID_TOKEN", "the token names critical header extensions (crit)")
        return obj, claims

    async def _key(self, kid: Any, alg: str) -> Key:
        """The trusted key that signed the token, by its `kid`; the keys are refetched once when
        none has that id (the issuer may have rotated its keys since they were fetched)."""
        if kid is not None and not isinstance(kid, str):
            raise _refuse("INVALID_TOKEN", "the token's key id (kid) is not a string")
        keys = await self.trust.keys.keys()
        if kid is None and len(keys) > 1:
            # Trying each key would accept a token signed with any of them, rotated-out ones too.
            raise _refuse(
                "UNKNOWN_KEY", "the token names no key (kid) and the issuer publishes several: name the key"
            )
        named = [key for key in keys if kid is None or key.kid == kid]
        if not named:
            refreshed = await self.trust.keys.refresh()
            named = [key for key in refreshed or () if kid is None or key.kid == kid]
        usable = [key for key in named if _fits(key, alg)]
        if usable:
            return usable[0]
        if named:
            raise _refuse("INVALID_TOKEN", f"the key {_shown(kid)} is not a key for {alg}")
        raise _refuse(
            "UNKNOWN_KEY",
            "the token is signed with a key the issuer does not publish"
            if kid is not None
            else "the token names no key (kid) and the issuer publishes none",
        )

    def _check_claims(self, claims: dict[str, Any]) -> None:
        trust = self.trust
        registry = JWTClaimsRegistry(
            now=int(self._clock()),
            leeway=self.leeway_s,
            iss={"essential": True, "value": trust.issuer},
            sub={"essential": True},
            aud={"essential": True, "value": trust.audience},
            exp={"essential": True},
        )
        try:
            registry.validate(claims)
        except MissingClaimError as exc:
            missing = exc.claim.replace(",", ", ")
            raise _refuse("INVALID_TOKEN", f"the token lacks required claims: {missing}") from None
        except ExpiredTokenError:
            raise _refuse("TOKEN_EXPIRED", "the token has expired") from None
        except ClaimError as exc:
            if exc.claim in ("nbf", "iat") and type(claims[exc.claim]) in (int, float):
                raise _refuse("TOKEN_NOT_YET_VALID", "the token is not valid yet") from None
            if exc.claim == "aud":
                raise _refuse("WRONG_AUDIENCE", f"the token is not meant for {trust.audience}") from None
            raise _refuse("INVALID_TOKEN", f"the token's {exc.claim} claim is not valid") from None
        if not _is_subject(claims["sub"]):
            raise _refuse(
                "INVALID_TOKEN", "the token's sub claim is not a subject (1 to 255 printable characters)"
            )
        # A stolen token is useful as long as it lives: long-lived ones are refused outright.
        issued = [claims[c] for c in ("iat", "nbf") if type(claims.get(c)) in (int, float)]
        start = issued[0] if issued else self._clock()
        lifetime = claims["exp"] - start
        if lifetime > self.max_lifetime_s + self.leeway_s:
            raise _refuse(
                "TOKEN_LIFETIME_TOO_LONG",
                f"the token is valid for {int(lifetime)} s; this API accepts at most {self.max_lifetime_s} s",
            )


def _is_subject(value: Any) -> bool:
    """A subject the graph can store and match: printable text, no control characters."""
    return isinstance(value, str) and 0 < len(value) <= 255 and value.isprintable()
