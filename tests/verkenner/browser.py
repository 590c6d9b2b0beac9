"""What the verkenner's browser tests share: the API served over real HTTP, and a walk through
the page in Debian's chromium by a playwright-core script of this directory (tests/verkenner).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph_api.app import create_app
from graph_api.engine import EmbeddedEngine
from graph_api.settings import Settings
from tests.conftest import REPO
from tests.uvicorn_server import serving

HERE = Path(__file__).parent
ARTEFACTS = REPO / "test-artefacts" / "verkenner"  # screenshots of every step, kept after the run


def chromium() -> str:
    found = os.environ.get("GRAPH_API_CHROMIUM") or shutil.which("chromium")
    if not found:
        pytest.fail("no chromium: `make test` installs Debian's chromium package; or set GRAPH_API_CHROMIUM")
    return found


@contextlib.contextmanager
def served(settings: Settings, engine: EmbeddedEngine | None) -> Iterator[str]:
    """The API on a free port of this machine; yields its base URL."""
    with serving(create_app(settings, engine=engine)) as port:
        yield f"http://127.0.0.1:{port}"


def walk(script: str, opdracht: dict[str, Any]) -> dict[str, Any]:
    """Runs tests/verkenner/<script> with the task given; what it printed, as JSON."""
    if not (HERE / "node_modules" / "playwright-core").is_dir():
        pytest.fail("playwright-core is not installed: `make test` runs npm ci in tests/verkenner")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    opdracht = {**opdracht, "chromium": chromium(), "screenshots": str(ARTEFACTS)}
    done = subprocess.run(
        ["node", str(HERE / script), json.dumps(opdracht)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=HERE,
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)
