"""Installing a bundle of npm assets (graph_api/npm.py) from a registry: a real HTTP server on a
free port serving tarballs as the npm registry lays them out. What is installed is what the
tarball held; a tarball that does not match its published hash installs nothing."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from graph_api.errors import NpmAssetsError
from graph_api.npm import MANIFEST, Bundle, NpmPackage


def _tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "registry"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _publish(root: Path, name: str, version: str, tarball: bytes) -> None:
    (root / name / "-").mkdir(parents=True, exist_ok=True)
    (root / name / "-" / f"{name}-{version}.tgz").write_bytes(tarball)


def test_a_bundle_installs_the_files_its_packages_name(registry: tuple[str, Path], tmp_path: Path) -> None:
    url, root = registry
    script = b"window.kaart = 1;" * 100
    tarball = _tarball({"package/dist/kaart.min.js": script, "package/README.md": b"niet nodig"})
    _publish(root, "kaart", "1.2.3", tarball)
    bundle = Bundle(
        "proef",
        (NpmPackage("kaart", "1.2.3", _integrity(tarball), {"package/dist/kaart.min.js": "kaart.js"}),),
        "X",
    )
    target = tmp_path / "share" / "proef"

    assert not bundle.is_installed(target)
    assert bundle.install(target, registry=url) == target
    assert sorted(p.name for p in target.iterdir()) == ["kaart.js", MANIFEST]
    assert (target / "kaart.js").read_bytes() == script
    assert json.loads((target / MANIFEST).read_text()) == {"kaart": "1.2.3"}
    assert bundle.is_installed(target)


def test_a_tarball_that_is_not_the_published_one_installs_nothing(
    registry: tuple[str, Path], tmp_path: Path
) -> None:
    url, root = registry
    published = _tarball({"package/kaart.js": b"echt"})
    _publish(root, "kaart", "1.0.0", _tarball({"package/kaart.js": b"vervalst"}))
    bundle = Bundle(
        "proef", (NpmPackage("kaart", "1.0.0", _integrity(published), {"package/kaart.js": "kaart.js"}),), "X"
    )
    target = tmp_path / "share" / "proef"

    with pytest.raises(NpmAssetsError, match="integrity") as refused:
        bundle.install(target, registry=url)
    assert refused.value.code == "NPM_ASSETS"
    assert not target.exists()
    assert [p.name for p in target.parent.iterdir()] == []  # no staging directory left behind


def test_a_package_missing_from_the_registry_is_named(registry: tuple[str, Path], tmp_path: Path) -> None:
    url, _ = registry
    bundle = Bundle("proef", (NpmPackage("weg", "9.9.9", _integrity(b""), {}),), "X")
    with pytest.raises(NpmAssetsError, match=r"cannot download .*/weg/-/weg-9\.9\.9\.tgz"):
        bundle.install(tmp_path / "proef", registry=url)


def test_the_directory_follows_its_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundle = Bundle("proef", (), "GRAPH_API_PROEF_DIR")
    monkeypatch.setenv("GRAPH_API_PROEF_DIR", str(tmp_path / "elders"))
    assert bundle.directory() == tmp_path / "elders"
