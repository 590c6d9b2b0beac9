"""Browser assets from the npm registry, installed into the environment, never from a CDN.

Gemeente networks often block CDNs, and a page that loads scripts from one would run whatever
that CDN serves. `graph-api install-assets` (part of `make run` and `make test`) downloads each
bundle's pinned packages from the npm registry, checks every tarball against the integrity hash
the registry published for it, and unpacks the few files the pages need into the environment
(not into the repository). GraphiQL (graph_api/graphiql) and the verkenner (graph_api/verkenner)
each have a bundle.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from graph_api.errors import NpmAssetsError

DEFAULT_REGISTRY = "https://registry.npmjs.org"
MANIFEST = "versions.json"


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    integrity: str  # as published by the registry: sha512-<base64>
    files: dict[str, str]  # path inside the tarball → name served

    def tarball_url(self, registry: str) -> str:
        return f"{registry.rstrip('/')}/{self.name}/-/{self.name.split('/')[-1]}-{self.version}.tgz"

    def verify(self, tarball: bytes) -> None:
        algorithm, _, expected = self.integrity.partition("-")
        actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
        if actual != expected:
            raise NpmAssetsError(
                f"{self.name}@{self.version} from the registry does not match its published integrity hash"
            )


@dataclass(frozen=True)
class Bundle:
    """The packages one page serves, installed together into one directory."""

    name: str
    packages: tuple[NpmPackage, ...]
    directory_variable: str  # the environment variable that moves the directory

    def directory(self) -> Path:
        configured = os.environ.get(self.directory_variable)
        return Path(configured) if configured else Path(sys.prefix) / "share" / "graph-api" / self.name

    def _wanted(self) -> dict[str, str]:
        return {package.name: package.version for package in self.packages}

    def is_installed(self, target: Path | None = None) -> bool:
        try:
            return json.loads(((target or self.directory()) / MANIFEST).read_text()) == self._wanted()
        except (OSError, ValueError):
            return False

    def install(
        self, target: Path | None = None, registry: str | None = None, *, force: bool = False
    ) -> Path:
        """Download, verify and unpack; does nothing when the pinned versions are there already."""
        target = target or self.directory()
        if self.is_installed(target) and not force:
            return target
        registry = (
            registry
            or os.environ.get("npm_config_registry")  # noqa: SIM112 - npm's own spelling
            or os.environ.get("NPM_CONFIG_REGISTRY")
            or DEFAULT_REGISTRY
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        # Unpacked beside the target and renamed into place: a page never serves half a bundle.
        staging = Path(tempfile.mkdtemp(prefix=f".{self.name}-", dir=target.parent))
        try:
            for package in self.packages:
                url = package.tarball_url(registry)
                try:
                    with urllib.request.urlopen(url, timeout=60) as response:
                        tarball = response.read()
                except OSError as exc:
                    raise NpmAssetsError(f"cannot download {url}: {exc}") from None
                package.verify(tarball)
                with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
                    for member, served in package.files.items():
                        extracted = archive.extractfile(member)
                        if extracted is None:
                            raise NpmAssetsError(f"{package.name}@{package.version} has no {member}")
                        (staging / served).write_bytes(extracted.read())
            (staging / MANIFEST).write_text(json.dumps(self._wanted()))
            staging.chmod(0o755)  # readable by the user the API runs as, whoever installed it
            shutil.rmtree(target, ignore_errors=True)
            staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return target
