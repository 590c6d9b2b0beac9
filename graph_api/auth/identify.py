"""Who sends a request: no Authorization header is the anonymous bezoeker; a bearer token is
validated and its subject mapped to a Gebruiker with its memberships (docs/identity.md).

A subject the graph does not know, or a deactivated Gebruiker, gets the rights of a bezoeker
under its own subject. A machine client (F008) is a Gebruiker of soort MACHINE with exactly
one membership; one with more is treated as unknown, not as the union of its organisations.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from starlette.requests import Request

from graph_api.auth.dev import DEV_ISSUER, DEV_SUBJECT_PREFIX
from graph_api.auth.errors import AuthenticationError
from graph_api.auth.tokens import TokenValidator, trust_for
from graph_api.identiteit import ANONIEM, Identiteit, Lidmaatschap
from graph_api.model import keuzes
from graph_api.settings import Settings
from graph_api.store import Store

log = logging.getLogger(__name__)

ORGANISATIE_SOORTEN = frozenset({"Gemeente", "Leverancier", "Samenwerking", "Community", "Beheerorganisatie"})
# RFC 6750's b64token: the characters a bearer token is made of.
_B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")


def bearer_token(headers: list[str]) -> str | None:
    """The token of `Authorization: Bearer <token>`; None without the header."""
    if not headers:
        return None
    if len(headers) > 1:
        raise AuthenticationError("MALFORMED_AUTHORIZATION", "send one Authorization header")
    scheme, _, token = headers[0].strip().partition(" ")
    if scheme.lower() != "bearer":
        raise AuthenticationError(
            "MALFORMED_AUTHORIZATION", "the Authorization header must be `Bearer <token>`"
        )
    token = token.strip()
    if not token:
        raise AuthenticationError("MALFORMED_AUTHORIZATION", "the Authorization header has no token")
    if not _B64TOKEN.fullmatch(token):
        raise AuthenticationError(
            "MALFORMED_AUTHORIZATION", "the bearer token holds characters a token cannot have"
        )
    return token


async def identiteit_voor(store: Store, subject: str, claims: dict[str, Any] | None = None) -> Identiteit:
    """The identity of a validated token's subject: its Gebruiker and memberships, if any, and
    the person's name and e-mail as the token states them."""
    claims = claims or {}
    email = claims.get("email") if isinstance(claims.get("email"), str) else None
    persoon = Identiteit(
        subject=subject,
        naam=claims["name"] if isinstance(claims.get("name"), str) else None,
        email=email.strip().lower() if email else None,
        email_geverifieerd=bool(email) and claims.get("email_verified") is True,
    )
    rows = await store.read("identiteit/per_subject", {"subject": subject})
    if not rows or rows[0]["status"] != "ACTIEF":
        return persoon
    row = rows[0]
    lidmaatschappen = []
    for lid in row["lidmaatschappen"]:
        if lid["soort"] not in ORGANISATIE_SOORTEN:
            log.warning("membership of %s in %s left out: unknown kind", subject, lid["organisatie"])
            continue
        rollen = frozenset(rol for rol in lid["rollen"] or () if rol in keuzes.ROLLEN)
        lidmaatschappen.append(Lidmaatschap(lid["organisatie"], lid["soort"], rollen))
    if row["soort"] == "MACHINE" and len(lidmaatschappen) != 1:
        log.warning(
            "machine client %s has %d memberships instead of one: no rights", subject, len(lidmaatschappen)
        )
        return persoon
    return replace(
        persoon,
        gebruiker=row["id"],
        naam=row["naam"],
        lidmaatschappen=tuple(sorted(lidmaatschappen, key=lambda lid: lid.organisatie)),
    )


class Authenticator:
    """`GraphQLEndpoint`'s authenticate: a request's Identiteit, or AuthenticationError."""

    def __init__(self, validator: TokenValidator):
        self.validator = validator

    @classmethod
    def from_settings(cls, settings: Settings) -> Authenticator:
        identity = settings.identity
        return cls(
            TokenValidator(
                trust_for(settings), leeway_s=identity.leeway_s, max_lifetime_s=identity.max_lifetime_s
            )
        )

    async def __call__(self, request: Request) -> Identiteit:
        store = request.app.state.runtime.store
        return await self.identiteit(request.headers.getlist("authorization"), store)

    async def identiteit(self, authorization: list[str], store: Store) -> Identiteit:
        """Who the Authorization values name (the header's, or a WebSocket's connection_init)."""
        token = bearer_token(authorization)
        if token is None:
            return ANONIEM
        try:
            claims = await self.validator.validate(token)
        except AuthenticationError as exc:
            log.info("token refused: %s (%s)", exc.code, exc.message)
            raise
        subject = claims["sub"]
        if self.validator.trust.issuer != DEV_ISSUER and subject.startswith(DEV_SUBJECT_PREFIX):
            # Development Gebruikers may linger in the graph after a real identity provider is
            # configured; a subject of that provider must never take their roles over.
            return Identiteit(subject=subject)
        return await identiteit_voor(store, subject, claims)
