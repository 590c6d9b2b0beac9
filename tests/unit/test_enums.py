"""The declared GraphQL enums hold to the model's value lists: the same codes, in the same order."""

from enum import Enum

import pytest

from graph_api.graphql.analyse.afhankelijkheden import Afhankelijkheidsrichting
from graph_api.graphql.analyse.benchmarks import Splitsing
from graph_api.graphql.core import enums
from graph_api.model import keuzes

DECLARED: list[tuple[type[Enum], dict[str, str]]] = [
    (enums.OrganisatieStatus, keuzes.ORGANISATIE_STATUS),
    (enums.GemmaStatus, keuzes.GEMMA_STATUS),
    (enums.Verbindingsrol, keuzes.VERBINDINGSROL),
    (enums.ApplicatieserviceSoort, keuzes.APPLICATIESERVICE_SOORT),
    (enums.ApplicatieType, keuzes.APPLICATIE_TYPE),
    (enums.Licentietype, keuzes.LICENTIETYPE),
    (enums.Hostingmodel, keuzes.HOSTINGMODEL),
    (enums.ApplicatieStatus, keuzes.APPLICATIE_STATUS),
    (enums.VersieStatus, keuzes.VERSIE_STATUS),
    (enums.DienstType, keuzes.DIENST_TYPE),
    (enums.DienstStatus, keuzes.DIENST_STATUS),
    (enums.GebruikStatus, keuzes.GEBRUIK_STATUS),
    (enums.VoorstelStatus, keuzes.VOORSTEL_STATUS),
    (enums.KoppelingType, keuzes.KOPPELING_TYPE),
    (enums.KoppelingRichting, keuzes.KOPPELING_RICHTING),
    (enums.KoppelingStatus, keuzes.KOPPELING_STATUS),
    (enums.Rol, keuzes.ROLLEN),
    (enums.GebruikerStatus, keuzes.GEBRUIKER_STATUS),
    (enums.WijzigingOperatie, keuzes.WIJZIGING_OPERATIE),
    (enums.RegistratieStatus, keuzes.REGISTRATIE_STATUS),
    (enums.ToegangsverzoekStatus, keuzes.TOEGANGSVERZOEK_STATUS),
    (enums.SynchronisatieUitkomst, keuzes.SYNCHRONISATIE_UITKOMST),
    (enums.Grootteklasse, {code: label for code, (label, _, _) in enums.GROOTTEKLASSEN.items()}),
]


@pytest.mark.parametrize(("enum", "keuze"), DECLARED, ids=[enum.__name__ for enum, _ in DECLARED])
def test_enum_members_are_the_value_list(enum: type[Enum], keuze: dict[str, str]) -> None:
    assert [member.name for member in enum] == list(keuze)
    assert [member.value for member in enum] == list(keuze)


def test_every_value_list_enum_is_checked() -> None:
    declared = {
        value
        for value in vars(enums).values()
        if isinstance(value, type) and issubclass(value, Enum) and value is not Enum
    }
    value_lists = {enum for enum, _ in DECLARED}
    # SortDirection is the one enum that is not a value list of the graph.
    assert declared - value_lists == {enums.SortDirection}


@pytest.mark.parametrize("inwoners", [0, 19_999, 20_000, 49_999, 50_000, 99_999, 100_000, 10**7])
def test_grootteklasse_bounds(inwoners: int) -> None:
    klasse = enums.grootteklasse(inwoners)
    _, low, high = enums.GROOTTEKLASSEN[klasse.value]
    assert (low is None or inwoners >= low) and (high is None or inwoners < high)


@pytest.mark.parametrize("enum", [Splitsing, Afhankelijkheidsrichting], ids=lambda enum: enum.__name__)
def test_enum_value_members_are_named_by_their_value(enum: type[Enum]) -> None:
    # The code reads .name of these members (a checker types .value as strawberry's definition).
    assert [member.name for member in enum] == [member.value for member in enum]
