"""GraphQL enums of the graph's value lists (graph_api/model/keuzes.py), codes as stored.

Each enum is declared, so a type checker knows its members; tests/unit/test_enums.py holds
every declaration to its value list (members and their order), and each description lists
the codes with their labels from that value list.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from graph_api.model import keuzes


def _description(description: str, values: dict[str, str]) -> str:
    labels = "; ".join(f"{code}: {label}" for code, label in values.items())
    return f"{description} ({labels})"


@strawberry.enum(description=_description("Status of an organisation", keuzes.ORGANISATIE_STATUS))
class OrganisatieStatus(Enum):
    CONCEPT = "CONCEPT"
    ACTIEF = "ACTIEF"
    GEDEACTIVEERD = "GEDEACTIVEERD"


@strawberry.enum(description=_description("GEMMA's lifecycle status", keuzes.GEMMA_STATUS))
class GemmaStatus(Enum):
    IN_GEBRUIK = "IN_GEBRUIK"
    IN_ONTWIKKELING = "IN_ONTWIKKELING"
    EINDE_ONDERSTEUNING = "EINDE_ONDERSTEUNING"


@strawberry.enum(description=_description("How strongly GEMMA names a standard", keuzes.VERBINDINGSROL))
class Verbindingsrol(Enum):
    VERPLICHT = "VERPLICHT"
    AANBEVOLEN = "AANBEVOLEN"


@strawberry.enum(description=_description("Kind of application service", keuzes.APPLICATIESERVICE_SOORT))
class ApplicatieserviceSoort(Enum):
    GEMEENTELIJK = "GEMEENTELIJK"
    BUITENGEMEENTELIJK = "BUITENGEMEENTELIJK"


@strawberry.enum(description=_description("Kind of software", keuzes.APPLICATIE_TYPE))
class ApplicatieType(Enum):
    APPLICATIE = "APPLICATIE"
    SYSTEEMSOFTWARE = "SYSTEEMSOFTWARE"


@strawberry.enum(description=_description("Open or closed source", keuzes.LICENTIETYPE))
class Licentietype(Enum):
    OPEN_SOURCE = "OPEN_SOURCE"
    CLOSED_SOURCE = "CLOSED_SOURCE"


@strawberry.enum(description=_description("How software is hosted", keuzes.HOSTINGMODEL))
class Hostingmodel(Enum):
    ON_PREMISES = "ON_PREMISES"
    IAAS = "IAAS"
    PAAS = "PAAS"
    SAAS = "SAAS"


@strawberry.enum(
    description=_description("Status of an application in the catalogue", keuzes.APPLICATIE_STATUS)
)
class ApplicatieStatus(Enum):
    CONCEPT = "CONCEPT"
    ACTIEF = "ACTIEF"
    TERUGGETROKKEN = "TERUGGETROKKEN"


@strawberry.enum(description=_description("Lifecycle status of a version", keuzes.VERSIE_STATUS))
class VersieStatus(Enum):
    IN_ONTWIKKELING = "IN_ONTWIKKELING"
    IN_GEBRUIK = "IN_GEBRUIK"
    EINDE_ONDERSTEUNING = "EINDE_ONDERSTEUNING"
    TERUGGETROKKEN = "TERUGGETROKKEN"


@strawberry.enum(description=_description("Kind of dienst", keuzes.DIENST_TYPE))
class DienstType(Enum):
    FUNCTIONEEL_BEHEER = "FUNCTIONEEL_BEHEER"
    APPLICATIEBEHEER = "APPLICATIEBEHEER"
    TECHNISCH_BEHEER = "TECHNISCH_BEHEER"
    HOSTING = "HOSTING"
    IMPLEMENTATIE = "IMPLEMENTATIE"
    OPLEIDING = "OPLEIDING"
    LICENTIE_RESELLER = "LICENTIE_RESELLER"


@strawberry.enum(description=_description("Whether a dienst is on offer", keuzes.DIENST_STATUS))
class DienstStatus(Enum):
    AANGEBODEN = "AANGEBODEN"
    INGETROKKEN = "INGETROKKEN"


@strawberry.enum(description=_description("Status of a Gebruik", keuzes.GEBRUIK_STATUS))
class GebruikStatus(Enum):
    VERWERVING = "VERWERVING"
    GEPLAND = "GEPLAND"
    IN_PRODUCTIE = "IN_PRODUCTIE"
    UIT_TE_FASEREN = "UIT_TE_FASEREN"
    UITGEFASEERD = "UITGEFASEERD"


@strawberry.enum(description=_description("Status of a Gebruiksvoorstel", keuzes.VOORSTEL_STATUS))
class VoorstelStatus(Enum):
    VOORGESTELD = "VOORGESTELD"
    AANVAARD = "AANVAARD"
    AFGEWEZEN = "AFGEWEZEN"
    INGETROKKEN = "INGETROKKEN"


@strawberry.enum(description=_description("Technique of a koppeling", keuzes.KOPPELING_TYPE))
class KoppelingType(Enum):
    API = "API"
    WEBSERVICE = "WEBSERVICE"
    DIGIKOPPELING = "DIGIKOPPELING"
    BESTANDSOVERDRACHT = "BESTANDSOVERDRACHT"
    MESSAGE_QUEUE = "MESSAGE_QUEUE"
    UPLOAD_NAAR_PORTAAL = "UPLOAD_NAAR_PORTAAL"


@strawberry.enum(
    description=_description(
        "Which way a koppeling's data goes, seen from its VAN end", keuzes.KOPPELING_RICHTING
    )
)
class KoppelingRichting(Enum):
    HEEN = "HEEN"
    TERUG = "TERUG"
    BEIDE = "BEIDE"


@strawberry.enum(description=_description("Status of a koppeling", keuzes.KOPPELING_STATUS))
class KoppelingStatus(Enum):
    IN_ONTWIKKELING = "IN_ONTWIKKELING"
    IN_GEBRUIK = "IN_GEBRUIK"
    EINDE_ONDERSTEUNING = "EINDE_ONDERSTEUNING"
    TERUGGETROKKEN = "TERUGGETROKKEN"


@strawberry.enum(description=_description("A role held in an organisation (docs/access.md)", keuzes.ROLLEN))
class Rol(Enum):
    GEBRUIK_RAADPLEGER = "GEBRUIK_RAADPLEGER"
    GEBRUIK_BEHEERDER = "GEBRUIK_BEHEERDER"
    AANBOD_BEHEERDER = "AANBOD_BEHEERDER"
    ORGANISATIE_BEHEERDER = "ORGANISATIE_BEHEERDER"
    VNG_RAADPLEGER = "VNG_RAADPLEGER"
    FUNCTIONEEL_BEHEERDER = "FUNCTIONEEL_BEHEERDER"


@strawberry.enum(description=_description("Status of a person or machine client", keuzes.GEBRUIKER_STATUS))
class GebruikerStatus(Enum):
    ACTIEF = "ACTIEF"
    GEDEACTIVEERD = "GEDEACTIVEERD"


@strawberry.enum(description=_description("What a change did to its object", keuzes.WIJZIGING_OPERATIE))
class WijzigingOperatie(Enum):
    AANGEMAAKT = "AANGEMAAKT"
    GEWIJZIGD = "GEWIJZIGD"
    STATUS_GEWIJZIGD = "STATUS_GEWIJZIGD"
    VERWIJDERD = "VERWIJDERD"
    SAMENGEVOEGD = "SAMENGEVOEGD"
    HERINGEDEELD = "HERINGEDEELD"


@strawberry.enum(
    description=_description(
        "Size class of a gemeente", {code: label for code, (label, _, _) in keuzes.GROOTTEKLASSEN.items()}
    )
)
class Grootteklasse(Enum):
    KLEIN = "KLEIN"
    MIDDEL = "MIDDEL"
    GROOT = "GROOT"
    ZEER_GROOT = "ZEER_GROOT"


def grootteklasse(inwoners: int) -> Grootteklasse:
    return Grootteklasse[keuzes.grootteklasse(inwoners)]


@strawberry.enum(description="Order of a list")
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


GROOTTEKLASSEN = keuzes.GROOTTEKLASSEN


@strawberry.enum(description=_description("Status of a registration", keuzes.REGISTRATIE_STATUS))
class RegistratieStatus(Enum):
    INGEDIEND = "INGEDIEND"
    GOEDGEKEURD = "GOEDGEKEURD"
    AFGEWEZEN = "AFGEWEZEN"


@strawberry.enum(description=_description("Status of a request for access", keuzes.TOEGANGSVERZOEK_STATUS))
class ToegangsverzoekStatus(Enum):
    INGEDIEND = "INGEDIEND"
    TOEGEKEND = "TOEGEKEND"
    GEWEIGERD = "GEWEIGERD"


@strawberry.enum(
    description=_description("What a sync did with one item of its batch", keuzes.SYNCHRONISATIE_UITKOMST)
)
class SynchronisatieUitkomst(Enum):
    AANGEMAAKT = "AANGEMAAKT"
    GEWIJZIGD = "GEWIJZIGD"
    ONGEWIJZIGD = "ONGEWIJZIGD"
    OVERGESLAGEN = "OVERGESLAGEN"
    MISLUKT = "MISLUKT"
    UITGEFASEERD = "UITGEFASEERD"
    TERUGGETROKKEN = "TERUGGETROKKEN"
