"""`graph-api serve` as a real process: it answers, reports a dead engine and recovers."""

from __future__ import annotations

import fcntl
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO, engine_alive, run_cli


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(data: Path, *options: str) -> tuple[str, subprocess.Popen]:
    """`graph-api serve` on `data`, once it answers its health check."""
    env = {**os.environ, "GRAPH_API_DATA_DIR": str(data)}
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graph_api.cli", "serve", "--port", str(port), *options],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"serve did not come up:\n{process.stdout.read()}")
        time.sleep(0.1)
    return url, process


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    data = tmp_path_factory.mktemp("serve") / "data"
    seeded = run_cli("seed", "--gemeente", "GM0014", env={"GRAPH_API_DATA_DIR": str(data)})
    assert seeded.returncode == 0, seeded.stderr
    url, process = _serve(data, "--seed-if-empty")
    yield url, data
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output


def _graphql(url: str, query: str) -> dict:
    response = httpx.post(f"{url}/graphql", json={"query": query}, timeout=30)
    return response.json()


def test_serve_answers_health_and_graphql(server: tuple[str, Path]) -> None:
    url, _ = server
    health = httpx.get(f"{url}/health").json()
    assert health["engine"] == "falkordb" and health["ok"] is True
    body = _graphql(url, "{ gezondheid { engine ok } }")
    assert body["data"]["gezondheid"] == {"engine": "falkordb", "ok": True}


def test_a_killed_engine_gives_clear_errors_and_comes_back(server: tuple[str, Path]) -> None:
    url, data = server
    before = _graphql(url, "{ aantallen { naam aantal } }")["data"]["aantallen"]
    pid = int((data / "engine.pid").read_text())
    # The watcher restarts a dead engine within a second; holding the lock that serialises
    # starts keeps it dead until the API has been asked, however the run's processes are scheduled.
    with open(data / "engine.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while engine_alive(pid):
            assert time.monotonic() < deadline, "the engine outlived SIGKILL"
            time.sleep(0.05)
        down = httpx.get(f"{url}/health")
        assert down.status_code == 503
        assert down.json()["ok"] is False and "does not answer" in down.json()["detail"]
        refused = httpx.post(f"{url}/graphql", json={"query": "{ aantallen { naam aantal } }"}, timeout=30)
        assert refused.status_code == 503 and int(refused.headers["Retry-After"]) > 0
        assert refused.json()["errors"][0]["extensions"]["code"] == "ENGINE_UNAVAILABLE"
    deadline = time.monotonic() + 30
    while httpx.get(f"{url}/health").status_code != 200:
        assert time.monotonic() < deadline, "the engine did not come back"
        time.sleep(0.2)
    assert int((data / "engine.pid").read_text()) != pid
    after = _graphql(url, "{ aantallen { naam aantal } }")["data"]["aantallen"]
    assert after == before


def test_serve_stopped_by_sigterm_stops_its_engine(tmp_path: Path) -> None:
    """docker stop and systemd send SIGTERM: the engine must not outlive the API."""
    data = tmp_path / "data"
    _, process = _serve(data)
    engine_pid = int((data / "engine.pid").read_text())

    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=30)

    assert process.returncode == 0, output
    deadline = time.monotonic() + 10
    while engine_alive(engine_pid):
        assert time.monotonic() < deadline, f"engine {engine_pid} outlived serve:\n{output}"
        time.sleep(0.1)
    assert not (data / "falkordb.sock").exists()
