"""seeds/componenten.toml is checked when read: a component unclassified, classified twice or
unknown, a market or property that does not exist, stops the generator before it draws."""

from __future__ import annotations

import copy
import tomllib

import pytest

from graph_api.seed.prevalentie import Prevalentie
from tests.conftest import SEEDS

RAW = tomllib.loads((SEEDS / "componenten.toml").read_text(encoding="utf-8"))
KENMERKEN = tomllib.loads((SEEDS / "gemeentekenmerken.toml").read_text(encoding="utf-8"))
COMPONENTEN = [naam for groep in RAW["groep"] for naam in groep["componenten"]]
GEMEENTEN = {code for entry in KENMERKEN.values() for code in entry["gemeenten"]}


def load(raw: dict, componenten: list[str] = COMPONENTEN) -> Prevalentie:
    return Prevalentie.of(raw, KENMERKEN, componenten, GEMEENTEN)


def test_the_seed_files_are_accepted() -> None:
    prevalentie = load(RAW)
    assert set(prevalentie.profielen) == set(COMPONENTEN)
    haven = prevalentie.profielen["Havencomponent"]
    assert prevalentie.geldt_voor(haven, "GM0599", 674_485)  # Rotterdam
    assert not prevalentie.geldt_voor(haven, "GM0307", 163_766)  # Amersfoort
    assert not prevalentie.geldt_voor(prevalentie.profielen["AI-component"], "GM0307", 99_999)


def test_an_unclassified_component_is_refused() -> None:
    with pytest.raises(ValueError, match=r"without a class.*Nieuwe component"):
        load(RAW, [*COMPONENTEN, "Nieuwe component"])


def test_an_unknown_or_doubled_component_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown components"):
        load(RAW, COMPONENTEN[1:])
    doubled = copy.deepcopy(RAW)
    doubled["groep"][1]["componenten"].append(COMPONENTEN[0])
    with pytest.raises(ValueError, match="in two groups"):
        load(doubled)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("markt", "monopolie", "unknown market"),
        ("kenmerk", "kust", "unknown property"),
        ("klasse", "zeldzaam", "class"),
    ],
)
def test_an_unknown_market_property_or_class_is_refused(field: str, value: str, message: str) -> None:
    changed = copy.deepcopy(RAW)
    changed["groep"][0][field] = value
    with pytest.raises(ValueError, match=message):
        load(changed)
