"""Identity settings: who may sign bearer tokens for this API (graph_api/auth, docs/identity.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from graph_api.errors import ConfigurationError
from graph_api.settings.env import integer

SUPPORTED_ALGORITHMS = ("RS256", "ES256")
_LOOPBACK = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class IdentitySettings:
    """Who may sign tokens for this API. No issuer: only dev tokens (`graph-api dev-token`)."""

    issuer: str | None = None  # GRAPH_API_OIDC_ISSUER, compared with `iss` exactly
    audience: str = "graph-api"
    algorithms: tuple[str, ...] = SUPPORTED_ALGORITHMS
    leeway_s: int = 30  # clock skew allowed on exp, nbf and iat
    max_lifetime_s: int = 86_400  # longest a token may be valid, from iat (or nbf) to exp
    jwks_ttl_s: int = 3600  # how long fetched keys are used before they are fetched again
    http_timeout_s: float = 5.0  # the whole of one fetch from the identity provider
    # An unknown key id refetches the keys at most this often: forged tokens must not make
    # the API hammer its identity provider.
    jwks_refetch_interval_s: float = 10.0
    dev_key_file: Path | None = None  # default: dev-token-key.jwk in the data directory
    # The public client the verkenner signs in as (authorization code with PKCE, no secret):
    # registered at the issuer with <API>/verkenner as its redirect URI.
    client_id: str = "graph-api-verkenner"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> IdentitySettings:
        issuer = env.get("GRAPH_API_OIDC_ISSUER", "").strip() or None
        if issuer is not None:
            _check_issuer(issuer)
        audience = env.get("GRAPH_API_OIDC_AUDIENCE", "").strip() or cls.audience
        raw = env.get("GRAPH_API_OIDC_ALGORITHMS", "").strip()
        algorithms = tuple(dict.fromkeys(a.strip() for a in raw.split(",") if a.strip())) or cls.algorithms
        unsupported = [a for a in algorithms if a not in SUPPORTED_ALGORITHMS]
        if unsupported:
            raise ConfigurationError(
                f"GRAPH_API_OIDC_ALGORITHMS may only name {' and '.join(SUPPORTED_ALGORITHMS)}, "
                f"got {', '.join(unsupported)}"
            )
        leeway = integer(env, "GRAPH_API_OIDC_LEEWAY_S", cls.leeway_s, minimum=0)
        if leeway > 300:
            raise ConfigurationError(f"GRAPH_API_OIDC_LEEWAY_S is at most 300 seconds, got {leeway}")
        timeout = integer(env, "GRAPH_API_OIDC_TIMEOUT_S", int(cls.http_timeout_s))
        if timeout > 60:
            raise ConfigurationError(f"GRAPH_API_OIDC_TIMEOUT_S is at most 60 seconds, got {timeout}")
        max_lifetime = integer(env, "GRAPH_API_OIDC_MAX_LIFETIME_S", cls.max_lifetime_s, minimum=60)
        key_file = env.get("GRAPH_API_DEV_KEY_FILE", "").strip()
        return cls(
            issuer=issuer,
            audience=audience,
            algorithms=algorithms,
            leeway_s=leeway,
            max_lifetime_s=max_lifetime,
            jwks_ttl_s=integer(env, "GRAPH_API_OIDC_JWKS_TTL_S", cls.jwks_ttl_s),
            http_timeout_s=float(timeout),
            dev_key_file=Path(key_file) if key_file else None,
            client_id=env.get("GRAPH_API_OIDC_CLIENT_ID", "").strip() or cls.client_id,
        )


def _check_issuer(issuer: str) -> None:
    url = urlsplit(issuer)
    if url.scheme not in ("https", "http") or not url.hostname or url.query or url.fragment:
        raise ConfigurationError(
            f"GRAPH_API_OIDC_ISSUER must be the issuer's https URL (its `iss`), got {issuer!r}"
        )
    if url.scheme == "http" and url.hostname not in _LOOPBACK:
        raise ConfigurationError(
            f"GRAPH_API_OIDC_ISSUER must use https (plain http only on this machine), got {issuer!r}"
        )
