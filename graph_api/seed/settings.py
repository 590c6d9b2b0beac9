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

    @classmethod
    def load(cls, path: Path) -> LandscapeSettings:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
        return cls(
            markt=raw["markt"],
            gebruik=raw["gebruik"],
            koppelingen=raw["koppelingen"],
            samenwerkingen=raw["samenwerkingen"],
            communities=raw["communities"],
            namen=raw["namen"],
        )
