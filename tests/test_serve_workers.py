"""`graph-api serve --workers 2` as a real process: both workers answer on one engine, what one
writes every other reads, a view counts once whichever worker saw it, the metrics add the workers
up, and a worker killed is replaced.

Which worker answered is read from the JSON access log: each line carries the request id the
test sent and the worker's pid. The kernel hands connections to whichever worker accepts first,
so each step sends concurrent requests on fresh connections until both workers have answered.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import REPO, engine_alive, run_cli
from tests.test_serve import _free_port

GEMEENTE = "GM0014"
# Two gemeenten view an application; the functioneel beheerder reads the counts below the floor.
KIJKERS = ("GM0014", "GM0518")

LANDSCHAP = """query($c: String!) { gemeente(cbsCode: $c) { gebruik(first: 3) { nodes {
  id versienummer notities applicatie { identificatie leverancier { id } } } } } }"""
GEBRUIK = "query($id: ID!) { node(id: $id) { ... on Gebruik { id versienummer notities } } }"
WIJZIG = """mutation($input: WijzigGebruikInput!) { wijzigGebruik(input: $input) {
  gebruik { id versienummer notities } } }"""
APPLICATIE = "query($a: String!) { applicatie(identificatie: $a) { identificatie naam } }"
BEZOEKEN = """query($l: ID!) { leveranciersoverzicht(leverancier: $l) {
  bezoeken(weken: 1) { drempel bezoeken { applicatie { identificatie } week aantal } } } }"""


@dataclass
class Served:
    url: str
    process: subprocess.Popen
    log: Path
    data: Path
    env: dict[str, str]

    def token(self, organisatie: str, rol: str) -> str:
        minted = run_cli("dev-token", "--organisatie", organisatie, "--rol", rol, env=self.env)
        assert minted.returncode == 0, minted.stderr
        return minted.stdout.strip()

    def workers(self) -> set[int]:
        """The pids of the live workers: the serve process's children that run the app."""
        found = set()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == self.process.pid and b"spawn_main" in command:
                found.add(int(entry.name))
        return found

    def answered_by(self, request_id: str) -> int:
        """The pid of the worker whose access line carries `request_id`."""
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            # Only whole lines: the last one may be read while its worker is still writing it.
            for line in self.log.read_text().splitlines(keepends=True):
                if request_id in line and line.startswith("{") and line.endswith("\n"):
                    entry = json.loads(line)
                    if entry.get("request_id") == request_id and entry.get("logger") == "graph_api.access":
                        return entry["pid"]
            time.sleep(0.05)
        raise AssertionError(f"no access line for request {request_id}")

    def ask(self, query: str, variables: dict[str, Any], token: str | None = None) -> tuple[dict, int]:
        """One request on a fresh connection: its body and the worker that answered."""
        request_id = uuid.uuid4().hex
        headers = {"x-request-id": request_id}
        if token:
            headers["authorization"] = f"Bearer {token}"
        response = httpx.post(
            f"{self.url}/graphql", json={"query": query, "variables": variables}, headers=headers, timeout=30
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        return body, self.answered_by(request_id)

    def from_every_worker(
        self, send: Callable[[], tuple[dict, int]], most: int = 400
    ) -> list[tuple[dict, int]]:
        """Answers to `send()`, sent ten at a time, until every live worker has given some."""
        answers: list[tuple[dict, int]] = []
        with ThreadPoolExecutor(10) as pool:
            while {pid for _, pid in answers} != self.workers():
                assert len(answers) < most, f"workers {self.workers()}, answered by {[p for _, p in answers]}"
                answers += list(pool.map(lambda _: send(), range(10)))
        return answers


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("workers")
    data, log = root / "data", root / "serve.log"
    env = {"GRAPH_API_DATA_DIR": str(data)}
    seeded = run_cli("seed", "--gemeente", GEMEENTE, env=env)
    assert seeded.returncode == 0, seeded.stderr
    port = _free_port()
    full_env = {
        k: v for k, v in os.environ.items() if not k.startswith(("GRAPH_API_", "NEO4J_", "PROMETHEUS_"))
    }
    full_env |= env | {"GRAPH_API_LOG_FORMAT": "json"}
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "graph_api.cli", "serve", "--port", str(port), "--workers", "2"],
            env=full_env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    server = Served(f"http://127.0.0.1:{port}", process, log, data, env)
    deadline = time.monotonic() + 90
    while len(server.workers()) < 2 or not _healthy(server.url):
        assert process.poll() is None and time.monotonic() < deadline, (
            f"serve did not come up:\n{log.read_text()}"
        )
        time.sleep(0.2)
    yield server
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


def _metric(text: str, name: str, **labels: str) -> float:
    """The sum of a metric's samples whose labels include `labels`."""
    total = 0.0
    for line in text.splitlines():
        match = re.fullmatch(rf"{re.escape(name)}(?:\{{(.*)\}})? (\S+)", line)
        if match and all(f'{k}="{v}"' in (match.group(1) or "") for k, v in labels.items()):
            total += float(match.group(2))
    return total


def test_two_workers_answer_from_one_engine(served: Served) -> None:
    assert len(served.workers()) == 2
    answers = served.from_every_worker(lambda: served.ask("{ gezondheid { engine ok } }", {}))
    assert {json.dumps(body["data"]) for body, _ in answers} == {
        json.dumps({"gezondheid": {"engine": "falkordb", "ok": True}})
    }
    # One engine: a single server process for the data directory, whatever the workers.
    assert engine_alive(int((served.data / "engine.pid").read_text()))


def test_what_one_worker_writes_every_worker_reads(served: Served) -> None:
    token = served.token(GEMEENTE, "gebruik-beheerder")
    body, _ = served.ask(LANDSCHAP, {"c": GEMEENTE}, token)
    gebruik = body["data"]["gemeente"]["gebruik"]["nodes"][0]
    # Both workers have read it (and kept the compiled read of the request) before the write.
    before = served.from_every_worker(lambda: served.ask(GEBRUIK, {"id": gebruik["id"]}, token))
    assert {b["data"]["node"]["versienummer"] for b, _ in before} == {gebruik["versienummer"]}

    notities = f"gewijzigd door worker-test {uuid.uuid4().hex[:8]}"
    invoer = {"gebruik": gebruik["id"], "verwachteVersie": gebruik["versienummer"], "notities": notities}
    written, writer = served.ask(WIJZIG, {"input": invoer}, token)
    assert written["data"]["wijzigGebruik"]["gebruik"]["notities"] == notities

    after = served.from_every_worker(lambda: served.ask(GEBRUIK, {"id": gebruik["id"]}, token))
    expected = {"id": gebruik["id"], "versienummer": gebruik["versienummer"] + 1, "notities": notities}
    assert all(body["data"]["node"] == expected for body, _ in after)
    assert writer in {pid for _, pid in after} and len({pid for _, pid in after}) == 2


def test_a_view_counts_once_whichever_worker_saw_it(served: Served) -> None:
    token = served.token(GEMEENTE, "gebruik-beheerder")
    body, _ = served.ask(LANDSCHAP, {"c": GEMEENTE}, token)
    applicatie = body["data"]["gemeente"]["gebruik"]["nodes"][0]["applicatie"]
    leverancier = applicatie["leverancier"]["id"]
    for gemeente in KIJKERS:
        kijker = served.token(gemeente, "gebruik-raadpleger")
        served.from_every_worker(
            lambda t=kijker: served.ask(APPLICATIE, {"a": applicatie["identificatie"]}, t)
        )

    beheer = served.token("vng-realisatie", "functioneel-beheerder")
    deadline = time.monotonic() + 10
    while True:  # each worker writes its counts just after its answers
        found, _ = served.ask(BEZOEKEN, {"l": leverancier}, beheer)
        counts = [
            b["aantal"]
            for b in found["data"]["leveranciersoverzicht"]["bezoeken"]["bezoeken"]
            if b["applicatie"]["identificatie"] == applicatie["identificatie"]
        ]
        if counts or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    # Two organisations, each seen by both workers many times: two views, not four.
    assert counts == [len(KIJKERS)]


def test_metrics_add_the_workers_up(served: Served) -> None:
    before = httpx.get(f"{served.url}/metrics").text
    answers = served.from_every_worker(lambda: served.ask("query Teller { gezondheid { ok } }", {}))
    after = httpx.get(f"{served.url}/metrics").text
    counted = _metric(after, "graph_api_graphql_request_seconds_count", operation="Teller", outcome="ok")
    counted -= _metric(before, "graph_api_graphql_request_seconds_count", operation="Teller", outcome="ok")
    assert counted == len(answers)
    assert _metric(after, "graph_api_workers") == 2
    assert "process_resident_memory_bytes" not in after  # it would be one worker's, whichever was scraped


def test_a_killed_worker_is_replaced(served: Served) -> None:
    victim = min(served.workers())
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while victim in served.workers() or len(served.workers()) < 2 or not _healthy(served.url):
        assert time.monotonic() < deadline, f"no new worker:\n{served.log.read_text()[-3000:]}"
        time.sleep(0.2)
    answers = served.from_every_worker(lambda: served.ask("{ gezondheid { ok } }", {}))
    assert victim not in {pid for _, pid in answers}
    while _metric(httpx.get(f"{served.url}/metrics").text, "graph_api_workers") != 2:
        assert time.monotonic() < deadline, "the dead worker still counts"
        time.sleep(0.2)


def test_sigterm_stops_every_worker_and_the_engine(served: Served) -> None:
    workers = served.workers()
    engine = int((served.data / "engine.pid").read_text())
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=60) == 0, served.log.read_text()[-3000:]
    deadline = time.monotonic() + 10
    while engine_alive(engine) or any(Path(f"/proc/{pid}").exists() for pid in workers):
        assert time.monotonic() < deadline, "a worker or the engine outlived serve"
        time.sleep(0.1)
