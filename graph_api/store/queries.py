"""The named queries of `cypher/`: one file per query, grouped by domain area.

`cypher/gemeente/landschap.cypher` is the query `gemeente/landschap`. Where the engines truly
differ, `landschap.falkordb.cypher` or `landschap.neo4j.cypher` overrides the portable text
for that engine only.

A file starts with `//` comment lines saying what the query does; a line
`// params: {...}` gives example parameters (JSON), with which the test suite runs every
query against a seeded graph; a line `// zicht: ...` says why a query that reads a landscape
needs no `$zicht` (see graph_api/toegang.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph_api.store.errors import UnknownQuery

ENGINES = ("falkordb", "neo4j")
SUFFIX = ".cypher"


@dataclass(frozen=True)
class QueryFile:
    name: str
    engine: str | None  # None: the portable text
    path: Path
    text: str
    example_params: dict[str, Any] = field(default_factory=dict)
    zicht_note: str | None = None


class QueryCatalog:
    def __init__(self, files: list[QueryFile]):
        self._texts: dict[tuple[str, str | None], str] = {}
        self._files = files
        for file in files:
            self._texts[(file.name, file.engine)] = file.text
        missing = [
            f"{name} (no text for {engine})"
            for name in self.names()
            for engine in ENGINES
            if (name, engine) not in self._texts and (name, None) not in self._texts
        ]
        if missing:
            raise ValueError("queries without a text for every engine: " + ", ".join(missing))

    @classmethod
    def load(cls, root: Path) -> QueryCatalog:
        if not root.is_dir():
            raise FileNotFoundError(f"query directory {root} does not exist")
        files = []
        for path in sorted(root.rglob(f"*{SUFFIX}")):
            relative = path.relative_to(root).with_suffix("")
            engine = relative.suffix.lstrip(".") or None
            if engine is not None:
                if engine not in ENGINES:
                    raise ValueError(f"{path}: unknown engine override {engine!r}")
                relative = relative.with_suffix("")
            source = path.read_text(encoding="utf-8")
            files.append(
                QueryFile(
                    relative.as_posix(),
                    engine,
                    path,
                    _strip_comments(source),
                    _example_params(path, source),
                    _comment(source, "// zicht:"),
                )
            )
        return cls(files)

    def text(self, name: str, engine: str) -> str:
        try:
            return self._texts[(name, engine)]
        except KeyError:
            pass
        try:
            return self._texts[(name, None)]
        except KeyError:
            raise UnknownQuery(f"no query named {name!r} in cypher/") from None

    def names(self) -> list[str]:
        return sorted({name for name, _ in self._texts})

    def files(self) -> Iterator[QueryFile]:
        return iter(self._files)


def _example_params(path: Path, source: str) -> dict[str, Any]:
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("// params:"):
            try:
                return json.loads(stripped.removeprefix("// params:"))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: example params are not JSON: {exc}") from None
    return {}


def _comment(source: str, prefix: str) -> str | None:
    for line in source.splitlines():
        if line.strip().startswith(prefix):
            return line.strip().removeprefix(prefix).strip()
    return None


def _strip_comments(text: str) -> str:
    """Drop `//` comment lines so the engines receive only the statement."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip()
