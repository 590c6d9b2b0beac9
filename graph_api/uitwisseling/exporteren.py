"""An export, whichever surface asks for it (HTTP, the CLI): read what the asker may see, write
it in the format asked for, and name the file.

The format is checked before anything is read; the writing runs in a worker thread, so a large
catalogue does not hold up the requests the server answers meanwhile.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import date

from graph_api.toegang import Zicht
from graph_api.uitwisseling import lezen
from graph_api.uitwisseling.formaten import Bestand, formaat
from graph_api.uitwisseling.tabel import pakketten_tabel

_ONVEILIG = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Export:
    bestand: Bestand
    bestandsnaam: str


def _naam(*delen: str, extensie: str) -> str:
    """A file name safe in a Content-Disposition header and on every file system."""
    return "-".join(_ONVEILIG.sub("_", deel) for deel in (*delen, date.today().isoformat())) + "." + extensie


async def landschap(
    lezer: lezen.Lezer, zicht: Zicht, organisatie: str, naam_formaat: str | None, *, ingelogd: bool = True
) -> Export:
    gekozen = formaat(naam_formaat, voor="landschap")
    gelezen = await lezen.lees_landschap(lezer, zicht, organisatie, ingelogd=ingelogd)
    assert gekozen.landschap is not None
    bestand = await asyncio.to_thread(gekozen.landschap, gelezen)
    return Export(bestand, _naam("landschap", gelezen.organisatie_id, extensie=bestand.extensie))


async def aanbod(lezer: lezen.Lezer, zicht: Zicht, leverancier: str, naam_formaat: str | None) -> Export:
    gekozen = formaat(naam_formaat, voor="tabellen")
    org, regels = await lezen.lees_aanbod(lezer, zicht, leverancier)
    assert gekozen.tabellen is not None
    bestand = await asyncio.to_thread(gekozen.tabellen, [pakketten_tabel("aanbod", regels)])
    return Export(bestand, _naam("aanbod", org.id, extensie=bestand.extensie))


async def catalogus(lezer: lezen.Lezer, zicht: Zicht, naam_formaat: str | None) -> Export:
    gekozen = formaat(naam_formaat, voor="tabellen")
    regels = await lezen.lees_catalogus(lezer, zicht)
    assert gekozen.tabellen is not None
    bestand = await asyncio.to_thread(gekozen.tabellen, [pakketten_tabel("alle_pakketten", regels)])
    return Export(bestand, _naam("catalogus", extensie=bestand.extensie))
