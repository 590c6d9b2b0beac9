"""The signing keys of an OpenID Connect issuer: found through its discovery document, cached.

`<issuer>/.well-known/openid-configuration` names `jwks_uri`; the key set found there is used
for `jwks_ttl_s` and fetched again when a token names a key id it does not hold (an issuer
rotating its keys), at most once per `jwks_refetch_interval_s`: a stream of forged key ids
must not turn into a stream of requests to the identity provider. Every fetch has one time
limit for the whole exchange, so an issuer that accepts connections and never answers costs a
request at most that long.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
import weakref
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, Key, RSAKey

from graph_api.auth.errors import AuthenticationError, IdentityProviderUnavailable

log = logging.getLogger(__name__)

_LOOPBACK = ("localhost", "127.0.0.1", "::1")


class KeySource(Protocol):
    """Where the keys that may have signed a token come from."""

    async def keys(self) -> list[Key]:
        """The keys held now, fetched first when there are none or they are too old."""
        ...

    async def refresh(self) -> list[Key] | None:
        """The keys fetched anew for an unknown key id; None when that is not allowed yet."""
        ...


_KINDS: dict[str, type[RSAKey] | type[ECKey]] = {"RSA": RSAKey, "EC": ECKey}


def import_keys(document: Any) -> list[Key]:
    """The signature keys of a JWK set; keys of other kinds or uses are left out, not fatal."""
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise ValueError("not a JWK set: no `keys` list")
    found: list[Key] = []
    for data in document["keys"]:
        if not isinstance(data, dict) or data.get("use", "sig") != "sig":
            continue
        kty = data.get("kty")
        kind = _KINDS.get(kty) if isinstance(kty, str) else None  # a `kty` of another type: unknown
        if kind is None:
            continue
        try:
            found.append(kind.import_key(data))
        except (JoseError, ValueError, TypeError):
            log.warning(
                "left out a key the identity provider publishes: it cannot be read (kid %r)", data.get("kid")
            )
    return found


class IssuerKeys:
    def __init__(
        self,
        issuer: str,
        *,
        ttl_s: float,
        timeout_s: float,
        refetch_interval_s: float,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.issuer = issuer
        self.discovery_url = issuer.rstrip("/") + "/.well-known/openid-configuration"
        self.ttl_s = ttl_s
        self.timeout_s = timeout_s
        self.refetch_interval_s = refetch_interval_s
        self._clock = clock
        self._keys: list[Key] | None = None
        self._fetched_at = -math.inf  # the last fetch that succeeded: its keys live ttl_s
        self._attempted_at = -math.inf  # the last fetch at all: the refetch interval counts from it
        self._failure = ""  # why the last fetch failed
        self.hits = self.misses = 0  # keys at hand or not, read by the metrics (graph_api/http/metrics.py)
        # One fetch at a time; a lock belongs to one event loop, and tests run several.
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    def _lock(self) -> asyncio.Lock:
        return self._locks.setdefault(asyncio.get_running_loop(), asyncio.Lock())

    def _fresh(self) -> bool:
        return self._keys is not None and self._clock() - self._fetched_at < self.ttl_s

    def _may_refetch(self) -> bool:
        return self._clock() - self._attempted_at >= self.refetch_interval_s

    async def keys(self) -> list[Key]:
        if self._fresh():
            self.hits += 1
            return self._keys  # type: ignore[return-value]
        self.misses += 1
        async with self._lock():
            if self._fresh():
                return self._keys  # type: ignore[return-value]
            if not self._may_refetch():
                # A fetch failed a moment ago: answer at once instead of queueing every
                # request behind another attempt that is likely to fail the same way.
                if self._keys is None:
                    raise IdentityProviderUnavailable(self._failure)
                return self._keys
            try:
                return await self._fetch()
            except AuthenticationError:
                if self._keys is None:
                    raise
                # Keep using the keys held while the provider is away: better than refusing
                # every token, and a revoked key is rare next to a provider's hiccup.
                log.warning("identity provider unreachable; using the keys fetched before")
                return self._keys

    async def refresh(self) -> list[Key] | None:
        async with self._lock():
            if not self._may_refetch():
                return None
            return await self._fetch()

    async def _fetch(self) -> list[Key]:
        self._attempted_at = self._clock()
        try:
            async with (
                asyncio.timeout(self.timeout_s),
                httpx.AsyncClient(timeout=self.timeout_s, follow_redirects=False) as client,
            ):
                discovery = await self._document(client, self.discovery_url)
                if discovery.get("issuer") != self.issuer:
                    raise ValueError(
                        f"its discovery document names issuer {discovery.get('issuer')!r}, "
                        f"not {self.issuer!r}"
                    )
                jwks_uri = discovery.get("jwks_uri")
                if not isinstance(jwks_uri, str) or not _acceptable_url(jwks_uri):
                    raise ValueError(f"its discovery document has no usable jwks_uri ({jwks_uri!r})")
                keys = import_keys(await self._document(client, jwks_uri))
        except TimeoutError:
            log.warning("identity provider %s did not answer within %s s", self.issuer, self.timeout_s)
            self._failure = f"the identity provider did not answer within {self.timeout_s:g} s"
            raise IdentityProviderUnavailable(self._failure) from None
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("identity provider %s: %s", self.issuer, exc)
            self._failure = "the identity provider cannot be reached or gave no usable keys"
            raise IdentityProviderUnavailable(self._failure) from None
        log.info("fetched %d signing keys of %s", len(keys), self.issuer)
        self._keys, self._fetched_at = keys, self._clock()
        return keys

    @staticmethod
    async def _document(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
        response = await client.get(url, headers={"Accept": "application/json"})
        if response.status_code != 200:
            raise ValueError(f"{url} answered {response.status_code}")
        document = response.json()
        if not isinstance(document, dict):
            raise ValueError(f"{url} did not answer with a JSON object")
        return document


def _acceptable_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOOPBACK)
