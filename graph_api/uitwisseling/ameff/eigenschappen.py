"""What an AMEFF file of a landscape says and how: the namespaces, the property names (the
catalogue's and GEMMA's own, exchange.md) and the identifiers.

The writer and the reader share these names, so a property written is a property read; the
reader resolves a property by its definition's name, never by its `propid-N`.
"""

from __future__ import annotations

import re
import uuid

NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
SCHEMA_LOCATION = f"{NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
TAAL = "nl"

# Properties: their names in the order a file defines them.
OBJECT_ID = "Object ID"
GEMMA_TYPE = "GEMMA type"
GEMMA_URL = "GEMMA URL"
SWC_TYPE = "SWC type"
BRON = "Bron"
ORGANISATIE_ID = "Organisatie ID"
CBS_CODE = "CBS code"
LEVERANCIER_ID = "Leverancier ID"
GEBRUIK_ID = "Gebruik ID"
PAKKET_ID = "Pakket ID"
VERSIE = "Versie-aanduiding"
GEBRUIK_STATUS = "Gebruik status"
VERWERVING_DATUM = "Verwerving datum"
GEPLAND_DATUM = "Gepland datum"
START_DATUM = "Start datum"
UIT_TE_FASEREN_DATUM = "Uit te faseren datum"
EIND_DATUM = "Eind datum"
HOSTING = "Hosting"
CONTRACT_EINDE = "Contract einde"
NOTITIES = "Notities"
KOPPELING_ID = "Koppeling ID"
TYPE = "Type"
RICHTING = "Richting"
STATUS = "Status"
STANDAARDEN = "Standaarden"
VIA = "Via Gebruik ID"

NAMEN = (
    OBJECT_ID, GEMMA_TYPE, GEMMA_URL, SWC_TYPE, BRON, ORGANISATIE_ID, CBS_CODE, LEVERANCIER_ID,
    GEBRUIK_ID, PAKKET_ID, VERSIE, GEBRUIK_STATUS, VERWERVING_DATUM, GEPLAND_DATUM, START_DATUM,
    UIT_TE_FASEREN_DATUM, EIND_DATUM, HOSTING, CONTRACT_EINDE, NOTITIES, KOPPELING_ID, TYPE,
    RICHTING, STATUS, STANDAARDEN, VIA,
)  # fmt: skip

# Values of `SWC type` and `GEMMA type`.
SWC_ORGANISATIE = "Organisatie"
SWC_LEVERANCIER = "Leverancier"
SWC_PAKKET = "Pakket"
SWC_PAKKETVERSIE = "Pakketversie"
SWC_KOPPELING = "Koppeling"
GEMMA_REFERENTIECOMPONENT = "Referentiecomponent"
GEMMA_VOORZIENING = "Buitengemeentelijke voorziening"
GEMMA_STANDAARDVERSIE = "Standaardversie"
SOFTWARECATALOGUS = "Softwarecatalogus"


def gemma_url(object_id: str) -> str:
    return f"https://www.gemmaonline.nl/index.php/GEMMA/id-{object_id}"


# xs:ID is an NCName: a letter or `_` first, no colon (exchange.md, "AMEFF traps").
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
# Our own elements' identifiers are stable for the same key, so two exports of one landscape
# compare line by line.
_NAAMRUIMTE = uuid.UUID("5d1c6f7e-3b0a-4c55-9f0e-a3e1e0d20c20")


def identifier(*sleutel: str) -> str:
    """A stable xs:ID for one of the file's own concepts, made from its key."""
    return "id-" + str(uuid.uuid5(_NAAMRUIMTE, "\x1f".join(sleutel)))


def gemma_identifier(gemma_id: str | None, object_id: str) -> str:
    """GEMMA's own identifier of an element (the graph's node id) as an xs:ID, so the element
    lines up with GEMMA's model in Archi; `id-{Object ID}` when the graph has none."""
    kandidaat = gemma_id or f"id-{object_id}"
    return kandidaat if _NCNAME.match(kandidaat) else f"id-{kandidaat}"
