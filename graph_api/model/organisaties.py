"""Organisations, their people and how organisations relate to each other."""

from typing import ClassVar

from neomodel import (
    ArrayProperty,
    AsyncRelationshipTo,
    AsyncStructuredRel,
    FloatProperty,
    IntegerProperty,
    StringProperty,
)

from graph_api.model import keuzes
from graph_api.model.base import DatumProperty, GraphNode, TijdstipProperty


class Deelname(AsyncStructuredRel):
    sinds = DatumProperty()


class Organisatie(GraphNode):
    """Every organisation also carries exactly one of the labels below."""

    naam = StringProperty(required=True)
    status = StringProperty(required=True, choices=keuzes.ORGANISATIE_STATUS)
    beschrijving = StringProperty()
    website = StringProperty()
    logoUrl = StringProperty()
    certificeringen = ArrayProperty(StringProperty())
    aangemaakt = TijdstipProperty()
    # A leverancier recorded with missing software, as Applicatie.gemeldDoor: a concept only
    # the reporting organisation and functioneel beheer see, until published.
    gemeldDoor = StringProperty()

    deelnemer_van = AsyncRelationshipTo("Organisatie", "DEELNEMER_VAN", model=Deelname)
    gebruikt = AsyncRelationshipTo("graph_api.model.landschap.Gebruik", "GEBRUIKT")
    verleent = AsyncRelationshipTo("graph_api.model.delegatie.Delegatie", "VERLEENT")

    search_fields: ClassVar[tuple[str, ...]] = ("naam", "beschrijving")


class Gemeente(Organisatie):
    cbsCode = StringProperty(unique_index=True, required=True)
    provincie = StringProperty(required=True, index=True)
    inwoners = IntegerProperty(required=True)
    oppervlakteKm2 = FloatProperty()

    grenst_aan = AsyncRelationshipTo("Gemeente", "GRENST_AAN")


class Leverancier(Organisatie):
    kvkNummer = StringProperty(index=True)

    biedt_aan = AsyncRelationshipTo("graph_api.model.aanbod.Applicatie", "BIEDT_AAN")
    levert = AsyncRelationshipTo("graph_api.model.aanbod.Dienst", "LEVERT")


class Samenwerking(Organisatie):
    """A collaboration with a legal basis; may register usage for its member gemeenten."""

    grondslag = StringProperty()

    registreert = AsyncRelationshipTo("graph_api.model.landschap.Gebruik", "REGISTREERT")


class Community(Organisatie):
    """Organisations declare membership; a community registers no usage."""


class Beheerorganisatie(Organisatie):
    """The catalogue's keeper (VNG Realisatie), home of the functioneel beheerders."""


class Lidmaatschap(AsyncStructuredRel):
    rollen = ArrayProperty(StringProperty(choices=keuzes.ROLLEN), required=True)


class Gebruiker(GraphNode):
    email = StringProperty(unique_index=True, required=True)
    naam = StringProperty(required=True)
    subject = StringProperty(unique_index=True)  # the identity provider's `sub`
    status = StringProperty(required=True, choices=keuzes.GEBRUIKER_STATUS)
    soort = StringProperty(choices=keuzes.GEBRUIKER_SOORT, default="PERSOON")  # absent: PERSOON

    lid_van = AsyncRelationshipTo(Organisatie, "LID_VAN", model=Lidmaatschap)
