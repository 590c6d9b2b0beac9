"""A real Neo4j 5 for the test suite, from Maven Central, run on the machine's Java.

`launcher/pom.xml` names the Neo4j 5.26 LTS harness (Community edition); Maven resolves its
classpath once into ~/.m2, and the resolved classpath is kept in ~/.cache/graph-api under the
pom's hash, so a later run neither downloads anything nor starts Maven. The server is
`launcher/Neo4jTestServer.java`, run by `java` as a source file: a child process with Bolt on
a free loopback port and its files in a directory of the caller's. It runs until its standard
input closes, so it ends with the test run even when pytest itself is killed.

No Java or no Maven on the machine: `Unavailable`, which the fixtures turn into a skip with
that reason.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

LAUNCHER = Path(__file__).resolve().parent / "launcher"
POM = LAUNCHER / "pom.xml"
SOURCE = LAUNCHER / "Neo4jTestServer.java"
# Neo4j 5.26 runs on Java 17 and 21.
JAVA_VERSIONS = (17, 21)


# The file in which each running server counts the transactions that changed its graph, by its
# Bolt port (the launcher's comment says why).
_COMMITS: dict[int, Path] = {}


def commits(uri: str) -> int | None:
    """How many transactions have changed the graph of the test server at `uri`; None for a
    server the suite did not start (NEO4J_URI)."""
    file = _COMMITS.get(int(uri.rsplit(":", 1)[1]))
    return None if file is None else int(file.read_text())


def touched_file(uri: str) -> Path | None:
    """Where the test server at `uri` names the nodes its transactions touched (tests/herstel.py);
    None for a server the suite did not start."""
    file = _COMMITS.get(int(uri.rsplit(":", 1)[1]))
    return None if file is None else file.with_name("touched")


class Unavailable(RuntimeError):
    """This machine cannot run the test server (no Java, no Maven): the Neo4j tests are skipped."""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "graph-api"


def java() -> str:
    """The `java` to run Neo4j with: JAVA_HOME's, else the one on PATH, if it is 17 or 21."""
    home = os.environ.get("JAVA_HOME")
    candidate = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not candidate or not os.access(candidate, os.X_OK):
        raise Unavailable("no Java on this machine (Neo4j 5 needs Java 17 or 21)")
    result = subprocess.run([candidate, "-version"], capture_output=True, text=True, timeout=60)
    found = re.search(r'version "(\d+)', result.stderr)
    if not found or int(found.group(1)) not in JAVA_VERSIONS:
        version = found.group(1) if found else "unknown"
        raise Unavailable(f"{candidate} is Java {version}; Neo4j 5.26 needs Java 17 or 21")
    return candidate


def classpath(log: Path) -> str:
    """The harness's classpath: from the cache, or resolved by Maven (downloads land in ~/.m2)."""
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:16]
    cached = cache_dir() / f"neo4j-classpath-{digest}.txt"
    if cached.is_file():
        text = cached.read_text().strip()
        if text and all(Path(entry).is_file() for entry in text.split(os.pathsep)):
            return text
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Unavailable("no Maven on this machine: Neo4j's jars come from Maven Central through it")
    cached.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=cached.parent, prefix=".classpath-", delete=False) as out:
        partial = Path(out.name)
    try:
        with log.open("w") as output:
            result = subprocess.run(
                [mvn, "--batch-mode", "--quiet", "--file", str(POM), "dependency:build-classpath",
                 f"-Dmdep.outputFile={partial}"],
                stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=1800,
            )  # fmt: skip
        if result.returncode != 0 or not partial.read_text().strip():
            tail = log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"Maven could not resolve Neo4j's harness ({POM}):\n{tail}")
        partial.replace(cached)
    finally:
        partial.unlink(missing_ok=True)
    return cached.read_text().strip()


@dataclass
class Neo4jServer:
    """One running test server; `stop()` ends it (also at interpreter exit)."""

    uri: str
    directory: Path
    process: subprocess.Popen[bytes]
    _stdin: IO[bytes] | None = field(default=None, repr=False)

    @classmethod
    def start(
        cls, directory: Path, *, heap: str = "2g", timeout_s: float = 300, port: int | None = None
    ) -> Neo4jServer:
        """A server with its files in `directory`; on `port`, one that a start with the same
        directory and port brings back with its graph after a kill (the launcher says how)."""
        directory.mkdir(parents=True, exist_ok=True)
        command = [java(), f"-Xmx{heap}", "-XX:+UseParallelGC", "-cp", classpath(directory / "maven.log"),
                   str(SOURCE), str(directory / "server"), *([str(port)] if port else [])]  # fmt: skip
        stdout = directory / "stdout.log"
        with stdout.open("wb") as out, (directory / "stderr.log").open("wb") as err:
            # Its own session: Ctrl-C in the terminal reaches pytest, which stops it in order.
            process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=out, stderr=err, start_new_session=True
            )
        server = cls("", directory, process, process.stdin)
        atexit.register(server.stop)
        deadline = time.monotonic() + timeout_s
        while True:
            line = stdout.read_text(errors="replace").partition("\n")
            if line[1] and line[0].startswith("bolt://"):
                server.uri = line[0].strip()
                _COMMITS[int(server.uri.rsplit(":", 1)[1])] = directory / "server" / "commits"
                return server
            if process.poll() is not None or time.monotonic() > deadline:
                server.stop()
                tail = (directory / "stderr.log").read_text(errors="replace")[-3000:]
                raise RuntimeError(
                    f"the Neo4j test server did not start (exit {process.returncode}):\n{tail}"
                )
            time.sleep(0.1)

    def routing_uri(self) -> str:
        """The same server through the routing driver (`neo4j://`), as a cluster is reached."""
        return self.uri.replace("bolt://", "neo4j://", 1)

    def kill(self) -> None:
        """SIGKILL, as a crash or the OOM killer ends it: no shutdown, files as they were."""
        stdin, self._stdin = self._stdin, None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        if stdin is not None:
            with contextlib.suppress(OSError):
                stdin.close()

    def stop(self, timeout_s: float = 60) -> None:
        stdin, self._stdin = self._stdin, None
        if stdin is not None:
            with contextlib.suppress(OSError):
                stdin.close()  # the launcher's cue to shut Neo4j down cleanly
        try:
            self.process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
