"""What leveranciers offer: applications with modules and versions, and diensten."""

from typing import ClassVar

from neomodel import ArrayProperty, AsyncRelationshipTo, AsyncStructuredRel, StringProperty

from graph_api.model import keuzes
from graph_api.model.base import DatumProperty, GemmaRelatie, GraphNode, TijdstipProperty
from graph_api.model.gemma import Referentiecomponent, Standaardversie


class Compliancy(AsyncStructuredRel):
    bewijs = StringProperty()  # url of the evidence


class Versie(GraphNode):
    versie = StringProperty(required=True)
    status = StringProperty(required=True, choices=keuzes.VERSIE_STATUS)
    releaseDatum = DatumProperty()
    eindeOndersteuning = DatumProperty()

    ondersteunt = AsyncRelationshipTo(Standaardversie, "ONDERSTEUNT", model=Compliancy)


class Applicatie(GraphNode):
    """A product or a module (ONDERDEEL_VAN its product) in the catalogue."""

    naam = StringProperty(required=True)
    beschrijving = StringProperty()
    type = StringProperty(required=True, choices=keuzes.APPLICATIE_TYPE)
    licentietype = StringProperty(required=True, choices=keuzes.LICENTIETYPE)
    licentie = StringProperty()
    cloudModellen = ArrayProperty(StringProperty(choices=keuzes.HOSTINGMODEL))
    hostingLocatie = StringProperty()
    jurisdictie = StringProperty()
    status = StringProperty(required=True, choices=keuzes.APPLICATIE_STATUS)
    website = StringProperty()
    # Missing software a gebruik-beheerder recorded (issue 17, item 6): the organisation that
    # did. While set, the application is a concept that only that organisation and functioneel
    # beheer see in the catalogue; publishing removes it (docs/access.md, "Concepts").
    gemeldDoor = StringProperty()

    onderdeel_van = AsyncRelationshipTo("Applicatie", "ONDERDEEL_VAN")
    realiseert = AsyncRelationshipTo(Referentiecomponent, "REALISEERT", model=GemmaRelatie)
    heeft_versie = AsyncRelationshipTo(Versie, "HEEFT_VERSIE")

    search_fields: ClassVar[tuple[str, ...]] = ("naam", "beschrijving")


class SamengevoegdeApplicatie(GraphNode):
    """What stays of an application merged into another (voegApplicatiesSamen): its id, its name
    and the id of the application kept, so that the old id still resolves. It is no Applicatie
    (the label went), so no catalogue list, count, search or aggregate sees it; it has no
    relationships, everything moved to the application kept."""

    naam = StringProperty()
    samengevoegdMet = StringProperty(required=True, index=True)  # the Applicatie kept
    samengevoegdOp = TijdstipProperty(required=True)


class Dienst(GraphNode):
    naam = StringProperty(required=True)
    type = StringProperty(required=True, choices=keuzes.DIENST_TYPE)
    beschrijving = StringProperty()

    bij = AsyncRelationshipTo(Applicatie, "BIJ")
