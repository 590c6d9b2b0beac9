"""How common each reference component is and what its market looks like: seeds/componenten.toml,
with the gemeente properties of seeds/gemeentekenmerken.toml that niche components depend on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KLASSEN = ("kern", "gangbaar", "niche")


@dataclass(frozen=True)
class Markt:
    naam: str
    hhi: tuple[float, float]
    producten: tuple[int, int]
    staart: bool  # a long tail of small products follows the contenders


@dataclass(frozen=True)
class Profiel:
    """One component's prevalence class and market, named by the group that gives them."""

    groep: str
    klasse: str
    markt: Markt
    aandeel: tuple[float, float] = (1.0, 1.0)  # share of the gemeenten it applies to
    kenmerk: str | None = None
    inwoners_min: int = 0


@dataclass(frozen=True)
class Prevalentie:
    profielen: dict[str, Profiel]  # component name → profile
    markten: dict[str, Markt]
    kenmerken: dict[str, frozenset[str]]  # property → CBS codes of the gemeenten that have it
    migratie: tuple[float, float]

    @classmethod
    def of(
        cls, raw: dict[str, Any], kenmerken_raw: dict[str, Any], componenten: list[str], gemeenten: set[str]
    ) -> Prevalentie:
        """Both files checked: every component in exactly one group, every name, market,
        property and CBS code known."""
        kenmerken = {naam: frozenset(entry["gemeenten"]) for naam, entry in kenmerken_raw.items()}
        for naam, codes in kenmerken.items():
            if unknown := codes - gemeenten:
                raise ValueError(f"gemeentekenmerken.toml [{naam}]: unknown CBS codes {sorted(unknown)}")
        markten = {
            naam: Markt(naam, tuple(entry["hhi"]), tuple(entry["producten"]), entry["staart"])
            for naam, entry in raw["markten"].items()
        }
        profielen: dict[str, Profiel] = {}
        for groep in raw["groep"]:
            klasse, kenmerk = groep["klasse"], groep.get("kenmerk")
            if klasse not in KLASSEN:
                raise ValueError(f"componenten.toml {groep['naam']!r}: unknown class {klasse!r}")
            if groep["markt"] not in markten:
                raise ValueError(f"componenten.toml {groep['naam']!r}: unknown market {groep['markt']!r}")
            if kenmerk is not None and kenmerk not in kenmerken:
                raise ValueError(f"componenten.toml {groep['naam']!r}: unknown property {kenmerk!r}")
            if klasse == "niche" and kenmerk is None and "inwoners_min" not in groep:
                raise ValueError(f"componenten.toml {groep['naam']!r}: a niche needs kenmerk or inwoners_min")
            profiel = Profiel(
                groep=groep["naam"],
                klasse=klasse,
                markt=markten[groep["markt"]],
                aandeel=tuple(groep.get("aandeel", (1.0, 1.0))),
                kenmerk=kenmerk,
                inwoners_min=groep.get("inwoners_min", 0),
            )
            for naam in groep["componenten"]:
                if naam in profielen:
                    raise ValueError(f"componenten.toml: {naam!r} is in two groups")
                profielen[naam] = profiel
        if strangers := sorted(set(profielen) - set(componenten)):
            raise ValueError(f"componenten.toml: unknown components {strangers}")
        if missing := [naam for naam in componenten if naam not in profielen]:
            raise ValueError(f"componenten.toml: components without a class {missing}")
        return cls(profielen, markten, kenmerken, tuple(raw["migratie"]))

    def geldt_voor(self, profiel: Profiel, cbs_code: str, inwoners: int) -> bool:
        """Whether a gemeente has any use for a component of this profile at all."""
        if profiel.kenmerk is not None and cbs_code not in self.kenmerken[profiel.kenmerk]:
            return False
        return inwoners >= profiel.inwoners_min
