"""What a format writes: the bytes of one file and how to serve and name it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bestand:
    inhoud: bytes
    media_type: str
    extensie: str  # without the dot: csv, zip, xlsx
