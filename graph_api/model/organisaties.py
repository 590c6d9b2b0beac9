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
    # Deactivated by an organisatie-beheerder of this organisation only: the person keeps its
    # memberships elsewhere (docs/access.md, "People and invitations"). Absent: ACTIEF.
    status = StringProperty(choices=keuzes.GEBRUIKER_STATUS)
    versie = IntegerProperty()  # optimistic concurrency of role changes; absent: 1


class Gebruiker(GraphNode):
    email = StringProperty(unique_index=True, required=True)
    naam = StringProperty(required=True)
    subject = StringProperty(unique_index=True)  # the identity provider's `sub`
    status = StringProperty(required=True, choices=keuzes.GEBRUIKER_STATUS)
    soort = StringProperty(choices=keuzes.GEBRUIKER_SOORT, default="PERSOON")  # absent: PERSOON
    versie = IntegerProperty()  # of its status, which functioneel beheer changes; absent: 1

    lid_van = AsyncRelationshipTo(Organisatie, "LID_VAN", model=Lidmaatschap)


class Uitnodiging(GraphNode):
    """An organisation's invitation of a person, by e-mail, with roles (F003). The code the
    invitee accepts it with is shown once to the inviter; only its SHA-256 digest is kept.
    Expired is not stored: an OPEN invitation past `verlooptOp` is expired when read."""

    email = StringProperty(required=True, index=True)
    rollen = ArrayProperty(StringProperty(choices=keuzes.ROLLEN), required=True)
    status = StringProperty(required=True, choices=keuzes.UITNODIGING_STATUS)
    codeHash = StringProperty(unique_index=True, required=True)
    verlooptOp = TijdstipProperty(required=True)
    versie = IntegerProperty(required=True)
    aangemaakt = TijdstipProperty(required=True)
    uitgenodigdDoor = StringProperty(required=True)  # the Gebruiker's id
    gewijzigdOp = TijdstipProperty(required=True)
    gewijzigdDoor = StringProperty(required=True)
    aanvaardDoor = StringProperty()  # the Gebruiker it made a member

    organisatie = AsyncRelationshipTo(Organisatie, "UITNODIGING_VAN")
