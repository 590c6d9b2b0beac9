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


class Certificering(GraphNode):
    """A certification an organisation holds (ISO 27001, ...), kept with its profile (F002)."""

    naam = StringProperty(required=True)
    uitgever = StringProperty()  # who issued it
    geldigTot = DatumProperty()
    bewijsUrl = StringProperty()  # where the certificate can be checked


class Contactpersoon(GraphNode):
    """Whom to contact at an organisation, and for what; kept with its profile (F002). Not a
    Gebruiker: a contact person need not sign in, and a Gebruiker need not be a contact."""

    naam = StringProperty(required=True)
    functie = StringProperty()
    email = StringProperty()
    telefoon = StringProperty()
    onderwerp = StringProperty()  # what they are the contact for: sales, support, privacy, ...


class Organisatie(GraphNode):
    """Every organisation also carries exactly one of the labels below."""

    naam = StringProperty(required=True)
    status = StringProperty(required=True, choices=keuzes.ORGANISATIE_STATUS)
    # The profile (F002), kept by its organisatie-beheerders (graph_api/domain/organisaties/profiel.py).
    beschrijving = StringProperty()
    website = StringProperty()
    logoUrl = StringProperty()
    email = StringProperty()
    telefoon = StringProperty()
    straat = StringProperty()
    huisnummer = StringProperty()  # with its addition: 12a, 12-3
    postcode = StringProperty()  # 1234 AB
    plaats = StringProperty()
    aangemaakt = TijdstipProperty()
    # Optimistic concurrency, as on Gebruik: one more with every change of the profile; an
    # organisation that was never changed has none and counts as 1.
    versie = IntegerProperty()
    gewijzigdOp = TijdstipProperty()
    gewijzigdDoor = StringProperty()  # the Gebruiker's id
    # A leverancier recorded with missing software, as Applicatie.gemeldDoor: a concept only
    # the reporting organisation and functioneel beheer see, until published.
    gemeldDoor = StringProperty()

    # A current membership of a samenwerking or community (F010); leaving deletes it, and the
    # change records keep when it began and ended (graph_api/domain/organisaties/deelname.py).
    deelnemer_van = AsyncRelationshipTo("Organisatie", "DEELNEMER_VAN", model=Deelname)
    # Lists of structured items: nodes, since neither engine keeps a list of maps as a property.
    heeft_certificering = AsyncRelationshipTo(Certificering, "HEEFT_CERTIFICERING")
    heeft_contactpersoon = AsyncRelationshipTo(Contactpersoon, "HEEFT_CONTACTPERSOON")
    gebruikt = AsyncRelationshipTo("graph_api.model.landschap.Gebruik", "GEBRUIKT")
    verleent = AsyncRelationshipTo("graph_api.model.delegatie.Delegatie", "VERLEENT")

    search_fields: ClassVar[tuple[str, ...]] = ("naam", "beschrijving")


class Gemeente(Organisatie):
    cbsCode = StringProperty(unique_index=True, required=True)
    provincie = StringProperty(required=True, index=True)
    inwoners = IntegerProperty(required=True)
    oppervlakteKm2 = FloatProperty()

    grenst_aan = AsyncRelationshipTo("Gemeente", "GRENST_AAN")


class Opgaan(AsyncStructuredRel):
    datum = DatumProperty(required=True)  # the day of the herindeling


class OpgehevenGemeente(Organisatie):
    """A gemeente dissolved by a herindeling (F014): it keeps its properties and history but no
    longer carries the Gemeente label, so no count, group or analytic over gemeenten sees it;
    `OPGEGAAN_IN` names the gemeente it went into (graph_api/domain/organisaties/herindeling.py)."""

    cbsCode = StringProperty(unique_index=True, required=True)  # never given to another gemeente
    provincie = StringProperty(required=True)
    inwoners = IntegerProperty(required=True)
    oppervlakteKm2 = FloatProperty()
    opgeheven = DatumProperty(required=True)

    opgegaan_in = AsyncRelationshipTo(Gemeente, "OPGEGAAN_IN", model=Opgaan)


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
    # The kinds of Melding this person does not want (keuzes.MELDING_SOORT); absent: none.
    meldingenUit = ArrayProperty(StringProperty(choices=keuzes.MELDING_SOORT))

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
