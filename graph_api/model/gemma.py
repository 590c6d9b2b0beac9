"""GEMMA, the municipal reference architecture, with its own identifiers as node ids."""

from typing import ClassVar

from neomodel import AsyncRelationshipTo, StringProperty

from graph_api.model import keuzes
from graph_api.model.base import GemmaRelatie, GraphNode


class Vereist(GemmaRelatie):
    rol = StringProperty(choices=keuzes.VERBINDINGSROL)


class GemmaElement(GraphNode):
    """Every GEMMA node also carries this label, so relations load by identifier alone."""

    gemmaId = StringProperty(index=True)  # the GEMMA Online object id
    naam = StringProperty(required=True)


class Standaard(GemmaElement):
    afkorting = StringProperty()
    beheerder = StringProperty()
    status = StringProperty(choices=keuzes.GEMMA_STATUS)
    url = StringProperty()


class Standaardversie(GemmaElement):
    versie = StringProperty()
    status = StringProperty(choices=keuzes.GEMMA_STATUS)

    versie_van = AsyncRelationshipTo(Standaard, "VERSIE_VAN")


class Bedrijfsfunctie(GemmaElement):
    pass


class Applicatieservice(GemmaElement):
    soort = StringProperty(choices=keuzes.APPLICATIESERVICE_SOORT)

    vereist = AsyncRelationshipTo(Standaard, "VEREIST", model=Vereist)
    bedient_functie = AsyncRelationshipTo(Bedrijfsfunctie, "BEDIENT", model=GemmaRelatie)
    bedient_service = AsyncRelationshipTo("Applicatieservice", "BEDIENT", model=GemmaRelatie)
    bedient_voorziening = AsyncRelationshipTo("BuitengemeentelijkeVoorziening", "BEDIENT", model=GemmaRelatie)
    bedient_component = AsyncRelationshipTo("Referentiecomponent", "BEDIENT", model=GemmaRelatie)
    aggregeert = AsyncRelationshipTo("Applicatieservice", "AGGREGEERT", model=GemmaRelatie)
    stroomt_naar = AsyncRelationshipTo("Applicatieservice", "STROOMT_NAAR", model=GemmaRelatie)


class BuitengemeentelijkeVoorziening(GemmaElement):
    """A national facility outside the gemeente (BRP/GBA-V, LV-BAG, DigiD, ...)."""

    status = StringProperty(choices=keuzes.GEMMA_STATUS)

    vereist = AsyncRelationshipTo(Standaard, "VEREIST", model=Vereist)
    realiseert = AsyncRelationshipTo(Applicatieservice, "REALISEERT", model=GemmaRelatie)
    stroomt_naar = AsyncRelationshipTo("BuitengemeentelijkeVoorziening", "STROOMT_NAAR", model=GemmaRelatie)
    stroomt_naar_component = AsyncRelationshipTo("Referentiecomponent", "STROOMT_NAAR", model=GemmaRelatie)


class Referentiecomponent(GemmaElement):
    status = StringProperty(choices=keuzes.GEMMA_STATUS)
    bbn = StringProperty()  # basisbeveiligingsniveau

    vereist = AsyncRelationshipTo(Standaard, "VEREIST", model=Vereist)
    realiseert = AsyncRelationshipTo(Applicatieservice, "REALISEERT", model=GemmaRelatie)
    stroomt_naar = AsyncRelationshipTo("Referentiecomponent", "STROOMT_NAAR", model=GemmaRelatie)
    stroomt_naar_voorziening = AsyncRelationshipTo(
        BuitengemeentelijkeVoorziening, "STROOMT_NAAR", model=GemmaRelatie
    )
    stroomt_naar_service = AsyncRelationshipTo(Applicatieservice, "STROOMT_NAAR", model=GemmaRelatie)
    aggregeert = AsyncRelationshipTo("Referentiecomponent", "AGGREGEERT", model=GemmaRelatie)
    specialisatie_van = AsyncRelationshipTo("Referentiecomponent", "SPECIALISATIE_VAN", model=GemmaRelatie)

    search_fields: ClassVar[tuple[str, ...]] = ("naam",)
