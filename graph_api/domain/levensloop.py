"""A lifecycle that goes forward only: any number of steps ahead, never back (a Gebruik's, a
koppeling's). A step back, or staying, is refused with the statuses that are allowed."""

from __future__ import annotations

from dataclasses import dataclass

from graph_api.errors import TransitionNotAllowed


@dataclass(frozen=True)
class Levensloop:
    wat: str  # what moves along it, for the message: "a Gebruik"
    statussen: tuple[str, ...]  # in order

    def toegestaan(self, huidig: str) -> list[str]:
        """Where `huidig` may go: every later status."""
        return list(self.statussen[self.statussen.index(huidig) + 1 :])

    def vanaf(self, naar: str) -> list[str]:
        """The statuses from which `naar` may be reached: the write statement matches only those,
        so a status changed between the read and the write is not overwritten."""
        return list(self.statussen[: self.statussen.index(naar)])

    def controleer(self, huidig: str, naar: str) -> None:
        toegestaan = self.toegestaan(huidig)
        if naar not in toegestaan:
            raise TransitionNotAllowed(
                f"{self.wat} goes from {huidig} only to {', '.join(toegestaan) or 'nothing: it is the end'}",
                toegestaan=toegestaan,
                argument="input.status",
            )
