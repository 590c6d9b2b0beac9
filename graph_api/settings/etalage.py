"""The etalage's file store and upload limits (docs/operations.md, "The etalage")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from graph_api.errors import ConfigurationError
from graph_api.settings.env import integer, switch

STORES = ("directory", "s3")


@dataclass(frozen=True)
class S3Settings:
    """An S3 bucket, at AWS or any S3-compatible service (MinIO, Ceph, Garage, a cloud's own).
    Credentials come the way boto3 finds them: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a
    profile, or the role of the machine; they are never part of graph_api's settings."""

    bucket: str
    endpoint_url: str | None = None  # None: AWS itself
    region: str | None = None
    prefix: str = "etalage/"
    path_style: bool = False  # bucket in the path, not the host name: most S3-compatible servers


@dataclass(frozen=True)
class EtalageSettings:
    store: str = "directory"
    directory: Path | None = None  # None: `etalage` under the data directory
    s3: S3Settings | None = None
    max_bytes: int = 5 * 1024 * 1024
    max_pixels: int = 40_000_000  # an image's width times height: decoding costs memory by it
    max_age_s: int = 86_400  # how long a browser or cache keeps a file without asking again

    def __post_init__(self) -> None:
        if self.store not in STORES:
            raise ConfigurationError(
                f"GRAPH_API_ETALAGE_STORE must be one of {', '.join(STORES)}, got {self.store!r}"
            )
        if self.store == "s3" and self.s3 is None:
            raise ConfigurationError("GRAPH_API_ETALAGE_STORE=s3 needs GRAPH_API_S3_BUCKET")

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> EtalageSettings:
        store = env.get("GRAPH_API_ETALAGE_STORE", "").strip().lower() or cls.store
        bucket = env.get("GRAPH_API_S3_BUCKET", "").strip()
        s3 = None
        if bucket:
            prefix = env.get("GRAPH_API_S3_PREFIX", "etalage/").strip().lstrip("/")
            s3 = S3Settings(
                bucket=bucket,
                endpoint_url=env.get("GRAPH_API_S3_ENDPOINT_URL", "").strip() or None,
                region=env.get("GRAPH_API_S3_REGION", "").strip() or None,
                prefix=prefix if not prefix or prefix.endswith("/") else prefix + "/",
                path_style=switch(env, "GRAPH_API_S3_PATH_STYLE", False),
            )
        directory = env.get("GRAPH_API_ETALAGE_DIR", "").strip()
        return cls(
            store=store,
            directory=Path(directory) if directory else None,
            s3=s3,
            max_bytes=integer(env, "GRAPH_API_ETALAGE_MAX_BYTES", cls.max_bytes),
            max_pixels=integer(env, "GRAPH_API_ETALAGE_MAX_PIXELS", cls.max_pixels),
            max_age_s=integer(env, "GRAPH_API_ETALAGE_MAX_AGE_S", cls.max_age_s, minimum=0),
        )
