"""The generator's settings, read from seeds/landscape.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class LandscapeSettings:
    markt: dict[str, Any]
    gebruik: dict[str, Any]
    koppelingen: dict[str, Any]
    samenwerkingen: dict[str, Any]
    communities: dict[str, Any]
    namen: dict[str, list[str]]
    # seeds/componenten.toml and seeds/gemeentekenmerken.toml, next to landscape.toml
    componenten: dict[str, Any]
    gemeentekenmerken: dict[str, Any]

    @classmethod
    def load(cls, path: Path) -> LandscapeSettings:
        raw = _toml(path)
        return cls(
            markt=raw["markt"],
            gebruik=raw["gebruik"],
            koppelingen=raw["koppelingen"],
            samenwerkingen=raw["samenwerkingen"],
            communities=raw["communities"],
            namen=raw["namen"],
            componenten=_toml(path.parent / "componenten.toml"),
            gemeentekenmerken=_toml(path.parent / "gemeentekenmerken.toml"),
        )


def _toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)
