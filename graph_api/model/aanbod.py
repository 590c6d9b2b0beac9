"""What leveranciers offer: applications with modules and versions, and diensten."""

from typing import ClassVar

from neomodel import ArrayProperty, AsyncRelationshipTo, AsyncStructuredRel, IntegerProperty, StringProperty

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
    # The write path's versie (docs/architecture.md): `versie` is the version's own number here,
    # so the counter has the name Gebruik gives its attribute. A seeded version has none: 1.
    wijzigingsversie = IntegerProperty()
    gewijzigdOp = TijdstipProperty()
    gewijzigdDoor = StringProperty()  # the Gebruiker's id

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
    # Why functioneel beheer sent a concept back (`wijsConceptAf`): the leverancier sees it on
    # its concept until it changes the concept, which offers it for review again.
    afwijzingsreden = StringProperty()
    versie = IntegerProperty()  # the write path's versie; a seeded application has none: 1
    gewijzigdOp = TijdstipProperty()
    gewijzigdDoor = StringProperty()  # the Gebruiker's id

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
    # Seeded diensten have none of these: no status is AANGEBODEN, no versie is 1.
    status = StringProperty(choices=keuzes.DIENST_STATUS)
    ingetrokkenOp = DatumProperty()
    versie = IntegerProperty()
    gewijzigdOp = TijdstipProperty()
    gewijzigdDoor = StringProperty()  # the Gebruiker's id

    bij = AsyncRelationshipTo(Applicatie, "BIJ")
