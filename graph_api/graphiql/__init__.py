"""GraphiQL, served by the API itself from assets installed out of the npm registry.

Gemeente networks often block CDNs, so nothing is loaded from one. `graph-api install-graphiql`
(part of `make run` and `make test`) downloads the pinned packages from the npm registry,
checks each tarball against the integrity hash the registry published for it, and unpacks
the few files GraphiQL needs into the environment (not into the repository).
"""

from __future__ import annotations

import base64
import hashlib
import html
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

from graph_api.errors import GraphiQLAssetsError

DEFAULT_REGISTRY = "https://registry.npmjs.org"
INIT_SCRIPT = Path(__file__).with_name("init.js")


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    integrity: str  # as published by the registry: sha512-<base64>
    files: dict[str, str]  # path inside the tarball → name served

    def tarball_url(self, registry: str) -> str:
        return f"{registry.rstrip('/')}/{self.name}/-/{self.name.split('/')[-1]}-{self.version}.tgz"


PACKAGES = (
    NpmPackage(
        "graphiql",
        "3.8.3",
        "sha512-cuPDYtXVKV86Pu5PHBX642Odi/uVEE2y1Jxq5rGO/Qy1G2lRp7ZZ7a/T30RzxhuLSWo9zUbzq0P3U49//H0Ugw==",
        {"package/graphiql.min.js": "graphiql.min.js", "package/graphiql.min.css": "graphiql.min.css"},
    ),
    NpmPackage(
        "react",
        "18.3.1",
        "sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==",
        {"package/umd/react.production.min.js": "react.production.min.js"},
    ),
    NpmPackage(
        "react-dom",
        "18.3.1",
        "sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw==",
        {"package/umd/react-dom.production.min.js": "react-dom.production.min.js"},
    ),
)
MANIFEST = "versions.json"


def assets_dir() -> Path:
    configured = os.environ.get("GRAPH_API_GRAPHIQL_DIR")
    return Path(configured) if configured else Path(sys.prefix) / "share" / "graph-api" / "graphiql"


def _wanted() -> dict[str, str]:
    return {package.name: package.version for package in PACKAGES}


def is_installed(target: Path | None = None) -> bool:
    target = target or assets_dir()
    try:
        return json.loads((target / MANIFEST).read_text()) == _wanted()
    except (OSError, ValueError):
        return False


def verify(package: NpmPackage, tarball: bytes) -> None:
    algorithm, _, expected = package.integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        raise GraphiQLAssetsError(
            f"{package.name}@{package.version} from the registry does not match its published integrity hash"
        )


def install(target: Path | None = None, registry: str | None = None, *, force: bool = False) -> Path:
    """Download, verify and unpack the assets; does nothing when they are already there."""
    target = target or assets_dir()
    if is_installed(target) and not force:
        return target
    registry = (
        registry
        or os.environ.get("npm_config_registry")  # noqa: SIM112 - npm's own spelling
        or os.environ.get("NPM_CONFIG_REGISTRY")
        or DEFAULT_REGISTRY
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".graphiql-", dir=target.parent))
    try:
        for package in PACKAGES:
            url = package.tarball_url(registry)
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    tarball = response.read()
            except OSError as exc:
                raise GraphiQLAssetsError(f"cannot download {url}: {exc}") from None
            verify(package, tarball)
            with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
                for member, served in package.files.items():
                    extracted = archive.extractfile(member)
                    if extracted is None:
                        raise GraphiQLAssetsError(f"{package.name}@{package.version} has no {member}")
                    (staging / served).write_bytes(extracted.read())
        (staging / MANIFEST).write_text(json.dumps(_wanted()))
        staging.chmod(0o755)  # readable by the user the API runs as, whoever installed it
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def page(endpoint: str = "/graphql", assets: str = "/graphql/assets") -> str:
    """The GraphiQL page: no inline script, so a strict content security policy still allows it."""
    if not is_installed():
        return _MISSING.format(dir=html.escape(str(assets_dir())))
    return _PAGE.format(endpoint=html.escape(endpoint, quote=True), assets=html.escape(assets, quote=True))


_PAGE = """<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>graph_api · GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="{assets}/graphiql.min.css">
  <link rel="stylesheet" href="{assets}/graphiql.css">
</head>
<body data-endpoint="{endpoint}">
  <div id="graphiql">GraphiQL is loading…</div>
  <script src="{assets}/react.production.min.js"></script>
  <script src="{assets}/react-dom.production.min.js"></script>
  <script src="{assets}/graphiql.min.js"></script>
  <script src="{assets}/init.js"></script>
</body>
</html>
"""

_MISSING = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>graph_api · GraphiQL</title></head>
<body><h1>GraphiQL is not installed</h1>
<p>Its assets are missing from <code>{dir}</code>. Run <code>graph-api install-graphiql</code>
(<code>make run</code> does this) and reload. The API itself works: POST queries to this address.</p>
</body></html>
"""
