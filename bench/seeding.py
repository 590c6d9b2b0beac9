"""Seeding at several scales: wall time, counts and the engine's resident memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import redis

from bench.harness import LINEAR_MARGIN
from bench.results import write_section
from graph_api.engine import EmbeddedEngine

WORK = Path(__file__).parent / "work"
MIB = 2**20


@dataclass(frozen=True)
class Measurement:
    scale: int
    seconds: float
    nodes: int
    relationships: int
    rss: int
    restart_s: float
    disk: int

    @property
    def elements(self) -> int:
        return self.nodes + self.relationships


def _rss(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) * 1024


def _inspect(scale: int, seconds: float, data_dir: Path) -> Measurement:
    """Restart the engine on the seeded files and read its size and memory."""
    engine = EmbeddedEngine(data_dir, start_timeout_s=60)
    started = time.perf_counter()
    engine.start()
    restart_s = time.perf_counter() - started
    try:
        # redis-py 8 waits 5 s for a reply unless told: counting a scale-10 graph takes longer.
        client = redis.Redis(
            unix_socket_path=str(engine.socket_path), decode_responses=True, socket_timeout=600
        )

        def count(query: str) -> int:
            return client.execute_command("GRAPH.RO_QUERY", "graph_api", query)[1][0][0]

        nodes = count("MATCH (n) RETURN count(n)")
        relationships = count("MATCH ()-[r]->() RETURN count(r)")
        rss = _rss(engine.server_pid())
        client.close()
    finally:
        engine.stop()
    disk = sum(p.stat().st_size for p in (data_dir / "appendonlydir").iterdir())
    return Measurement(scale, seconds, nodes, relationships, rss, restart_s, disk)


def measure(scale: int, seed: int) -> Measurement:
    data_dir = WORK / f"seed-scale-{scale}"
    shutil.rmtree(data_dir, ignore_errors=True)
    env = {**os.environ, "GRAPH_API_DATA_DIR": str(data_dir), "COLUMNS": "200"}
    command = [sys.executable, "-m", "graph_api.cli", "seed", "--seed", str(seed), "--scale", str(scale)]
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"seeding scale {scale} failed:\n{result.stderr}")
    try:
        return _inspect(scale, seconds, data_dir)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def report(rows: list[Measurement]) -> str:
    base = rows[0]
    lines = [
        "| scale | seeding (s) | nodes | relationships | elements/s | engine RSS (MiB) "
        "| restart (s) | on disk (MiB) | time ratio | size ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for m in rows:
        lines.append(
            f"| {m.scale} | {m.seconds:.1f} | {m.nodes:,} | {m.relationships:,} "
            f"| {m.elements / m.seconds:,.0f} | {m.rss / MIB:,.0f} | {m.restart_s:.1f} | {m.disk / MIB:,.0f} "
            f"| {m.seconds / base.seconds:.2f} | {m.elements / base.elements:.2f} |"
        )
    verdicts = []
    if base.scale == 1:
        met = "met" if base.seconds < 60 else "MISSED"
        verdicts.append(f"- Target: scale 1 seeds in under 60 s: {met} ({base.seconds:.1f} s).")
    for m in rows[1:]:
        time_ratio, size_ratio = m.seconds / base.seconds, m.elements / base.elements
        per_element = time_ratio / size_ratio
        met = "met" if per_element <= LINEAR_MARGIN else "MISSED"
        verdicts.append(
            f"- Target: seeding time grows no faster than linearly: scale {m.scale} takes {time_ratio:.2f}x "
            f"the time for {size_ratio:.2f}x the graph, {per_element:.2f}x per element: {met}."
        )
    notes = (
        "Seeding time is the wall time of the whole `graph-api seed` process into an empty graph: "
        "engine start, generating the rows and the bulk loader's files, the bulk load, indexes and "
        "constraints, the derived koppeling flags, compaction of the append-only log, counts, "
        "shutdown. RSS is the engine's resident memory after a restart on the seeded files and one "
        "query over the whole graph; restart is the time until it answers after reading them back."
    )
    return "\n".join(lines) + "\n\n" + "\n".join(verdicts) + "\n\n" + notes


def main(scales: list[int], seed: int) -> None:
    rows = []
    for scale in scales:
        rows.append(measure(scale, seed))
        m = rows[-1]
        print(f"scale {scale}: {m.seconds:.1f} s, {m.elements:,} elements, {m.rss / MIB:.0f} MiB")
    body = report(rows)
    write_section("Seeding", f"python -m bench seed --scales {','.join(map(str, scales))}", body)
    print(body)
