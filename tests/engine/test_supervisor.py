"""The embedded engine's supervisor: one server per data directory, clear failures."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis

from graph_api.engine import EmbeddedEngine, EngineError
from graph_api.engine.embedded import Binaries
from graph_api.settings import Settings
from graph_api.store import EngineUnavailable, QueryCatalog, open_store
from tests.conftest import CYPHER, engine_alive, run_cli


def _servers_on(socket_path: Path) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(socket_path).encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_start_answers_then_stop_removes_the_server(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path / "data")
    engine.start()
    pid = engine.server_pid()
    assert pid is not None and engine_alive(pid)
    client = redis.Redis(unix_socket_path=str(engine.socket_path), decode_responses=True)
    config = dict(client.execute_command("GRAPH.CONFIG", "GET", "*"))
    assert config["TIMEOUT_MAX"] > 0 and config["TIMEOUT_DEFAULT"] > 0
    assert client.config_get("appendonly")["appendonly"] == "yes"
    assert client.config_get("port")["port"] == "0"
    client.close()
    engine.stop()
    assert not engine_alive(pid)
    assert not engine.socket_path.exists()


def test_two_users_share_one_server_and_the_last_one_stops_it(tmp_path: Path) -> None:
    first, second = EmbeddedEngine(tmp_path / "data"), EmbeddedEngine(tmp_path / "data")
    first.start()
    second.start()
    pid = first.server_pid()
    assert second.server_pid() == pid
    assert _servers_on(first.socket_path) == [pid]
    first.stop()
    assert engine_alive(pid), "the server stopped while another user still held it"
    second.stop()
    assert not engine_alive(pid)


def test_another_process_reuses_the_running_server(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path / "data")
    engine.start()
    pid = engine.server_pid()
    try:
        result = run_cli("db", "counts", env={"GRAPH_API_DATA_DIR": str(tmp_path / "data")})
        assert result.returncode == 0, result.stderr
        assert engine.server_pid() == pid and engine_alive(pid)
        assert _servers_on(engine.socket_path) == [pid]
    finally:
        engine.stop()


def test_processes_starting_together_start_one_server(tmp_path: Path) -> None:
    script = (
        "import sys, time; from graph_api.engine import EmbeddedEngine; "
        "e = EmbeddedEngine(sys.argv[1]); e.start(); print(e.server_pid(), flush=True); "
        "time.sleep(1.5); e.stop()"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path / "data")], stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    pids = {proc.communicate(timeout=60)[0].strip() for proc in procs}
    assert all(proc.returncode == 0 for proc in procs)
    assert len(pids) == 1, f"three processes started servers {pids}"
    log = (tmp_path / "data" / "engine.log").read_text()
    assert log.count("Server initialized") == 1
    assert _servers_on(tmp_path / "data" / "falkordb.sock") == [], "the last process left its server running"


def test_missing_binaries_are_named(tmp_path: Path) -> None:
    empty = tmp_path / "no-binaries"
    empty.mkdir()
    result = run_cli(
        "db",
        "counts",
        env={"GRAPH_API_DATA_DIR": str(tmp_path / "data"), "GRAPH_API_FALKORDB_BIN_DIR": str(empty)},
    )
    assert result.returncode == 1
    assert "ENGINE_ERROR" in result.stderr
    assert "engine binary missing" in result.stderr and "redis-server" in result.stderr


def test_processes_starting_side_by_side_all_get_the_engine(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path / "data")
    engine.start()
    try:
        env = {"GRAPH_API_DATA_DIR": str(tmp_path / "data")}
        with ThreadPoolExecutor(6) as pool:
            results = list(pool.map(lambda _: run_cli("db", "counts", env=env), range(6)))
        assert [r.returncode for r in results] == [0] * 6, [r.stderr for r in results]
        assert _servers_on(engine.socket_path) == [engine.server_pid()]
    finally:
        engine.stop()


def test_a_busy_server_is_waited_for_not_refused(tmp_path: Path) -> None:
    """A server frozen past one readiness check (a slow disk syncing its log, a starved
    machine) is still the directory's server: a process starting meanwhile joins it when it
    answers again, instead of refusing the directory as held by a dead one."""
    engine = EmbeddedEngine(tmp_path / "data")
    engine.start()
    pid = engine.server_pid()
    assert pid is not None
    joining = EmbeddedEngine(tmp_path / "data", start_timeout_s=20)
    os.kill(pid, signal.SIGSTOP)
    try:
        with ThreadPoolExecutor(1) as pool:
            started = pool.submit(joining.start)
            time.sleep(3)  # past the readiness check's 2 s reply timeout
            assert not started.done()
            os.kill(pid, signal.SIGCONT)
            started.result(timeout=20)
        assert _servers_on(engine.socket_path) == [pid]
        joining.stop()
    finally:
        os.kill(pid, signal.SIGCONT)
        engine.stop()


def test_a_server_that_never_answers_again_is_refused(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path / "data")
    engine.start()
    pid = engine.server_pid()
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        with pytest.raises(EngineError, match=f"engine process {pid} holds it but has not answered"):
            EmbeddedEngine(tmp_path / "data", start_timeout_s=1).start()
        assert _servers_on(engine.socket_path) == [pid]
    finally:
        os.kill(pid, signal.SIGCONT)
        engine.stop()


def test_a_data_directory_that_is_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data"
    path.write_text("not a directory")
    result = run_cli("db", "counts", env={"GRAPH_API_DATA_DIR": str(path)})
    assert result.returncode == 1
    assert "ENGINE_ERROR" in result.stderr and "is not a directory" in result.stderr


def test_an_unwritable_data_directory_is_refused() -> None:
    # /proc refuses new directories even to root, where permission bits would not.
    result = run_cli("db", "counts", env={"GRAPH_API_DATA_DIR": "/proc/graph-api-data"})
    assert result.returncode == 1
    assert "ENGINE_ERROR" in result.stderr and "is not writable" in result.stderr


def test_a_directory_held_by_a_foreign_server_is_busy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    socket_path = data / "falkordb.sock"
    foreign = subprocess.Popen(
        [str(Binaries.locate().server), "--port", "0", "--unixsocket", str(socket_path), "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not socket_path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        with pytest.raises(EngineError, match=r"is busy: the server .* is not FalkorDB"):
            EmbeddedEngine(data).start()
    finally:
        foreign.kill()
        foreign.wait()


def test_a_directory_locked_by_a_starting_process_is_busy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with open(data / "engine.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = run_cli(
            "db", "counts", env={"GRAPH_API_DATA_DIR": str(data), "GRAPH_API_ENGINE_START_TIMEOUT_S": "1"}
        )
    assert result.returncode == 1
    # The message is wrapped to the terminal's width, which a long temporary path can cross.
    stderr = " ".join(result.stderr.split())
    assert "ENGINE_ERROR" in stderr and "is busy" in stderr


def test_a_server_that_dies_at_start_is_reported_with_its_log(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "appendonlydir").mkdir(parents=True)
    (data / "appendonlydir" / "appendonly.aof.manifest").write_text("this is not a manifest\n")
    with pytest.raises(EngineError, match="exited at start with code") as caught:
        EmbeddedEngine(data, start_timeout_s=10).start()
    assert "manifest" in str(caught.value).lower()


async def test_acknowledged_writes_survive_a_killed_server(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    engine = EmbeddedEngine(settings.data_dir)
    engine.start()
    store = open_store(settings, QueryCatalog.load(CYPHER))
    try:
        rows = [{"id": f"TEST{i}", "naam": f"Test {i}", "status": "ACTIEF"} for i in range(50)]
        await store.write("seed/communities", {"rows": rows})
        os.kill(engine.server_pid(), signal.SIGKILL)
        with pytest.raises(EngineUnavailable, match="does not answer"):
            await store.read("stats/labels")
        assert engine.ensure_running() is True
        counts = {r["label"]: r["aantal"] for r in await store.read("stats/labels")}
        assert counts["Community"] == 50
        assert engine.ensure_running() is False
    finally:
        await store.close()
        engine.stop()
