"""The `graph-api` command: its subcommands and how it reports bad configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli


def test_help_lists_the_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("serve", "seed", "db", "export-schema"):
        assert command in result.stdout


def test_bad_configuration_is_named(tmp_path: Path) -> None:
    result = run_cli(
        "db", "counts", env={"GRAPH_API_DATA_DIR": str(tmp_path), "GRAPH_API_QUERY_TIMEOUT_MS": "soon"}
    )
    assert result.returncode == 2
    assert "CONFIGURATION" in result.stderr and "GRAPH_API_QUERY_TIMEOUT_MS" in result.stderr


@pytest.mark.parametrize(
    "engine",
    [{"GRAPH_API_FALKORDB_URL": "redis://127.0.0.1:9"}, {"NEO4J_URI": "bolt://127.0.0.1:9"}],
    ids=["redis", "bolt"],
)
def test_an_engine_that_does_not_answer_ends_the_command_with_status_3(
    engine: dict[str, str], tmp_path: Path
) -> None:
    result = run_cli("db", "counts", env={"GRAPH_API_DATA_DIR": str(tmp_path), **engine})
    assert result.returncode == 3, result.stderr
    assert "error ENGINE_UNAVAILABLE:" in result.stderr and "127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr


def test_db_init_installs_the_schema_once(tmp_path: Path) -> None:
    env = {"GRAPH_API_DATA_DIR": str(tmp_path / "data")}
    first = run_cli("db", "init", env=env)
    assert first.returncode == 0, first.stderr
    expected = [
        line
        for line in (Path("schema") / "falkordb.ddl").read_text().splitlines()
        if line and not line.startswith("//")
    ]
    assert f"{len(expected)} statements" in first.stdout
    second = run_cli("db", "init", env=env)
    assert second.returncode == 0 and "0 statements" in second.stdout


def test_counts_of_an_empty_graph(tmp_path: Path) -> None:
    result = run_cli("db", "counts", env={"GRAPH_API_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    assert "total" in result.stdout
