"""How much an imported landscape file may hold, checked before and while it is read: a file is
untrusted input, and a zip (a CSV zip, every .xlsx) can claim or hold far more than it weighs.
The limits are settings (graph_api/settings/invoer.py; docs/exchange.md, "Importing").
"""

from __future__ import annotations

import io
import zipfile
import zlib

from graph_api.errors import InvoerGeweigerd
from graph_api.settings.invoer import Grenzen

__all__ = ["GRENZEN", "Grenzen", "controleer_grootte", "is_zip", "pak_uit"]


GRENZEN = Grenzen()


def controleer_grootte(inhoud: bytes, grenzen: Grenzen) -> None:
    if len(inhoud) > grenzen.max_bytes:
        raise InvoerGeweigerd("IMPORT_TOO_LARGE", f"the file is larger than {grenzen.max_bytes} bytes")


def is_zip(inhoud: bytes) -> bool:
    return inhoud[:4] == b"PK\x03\x04"


def pak_uit(inhoud: bytes, grenzen: Grenzen) -> dict[str, bytes]:
    """Every member of a zip, by name, refused as a bomb before anything is unpacked when the
    sizes its directory declares are over the limits, and while unpacking when a member holds
    more than it declared (a directory can lie; the data decides)."""
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
        leden = [lid for lid in archief.infolist() if not lid.is_dir()]
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InvoerGeweigerd("UNREADABLE_FILE", f"the file is not a readable zip: {exc}") from None
    if len(leden) > grenzen.max_delen:
        raise InvoerGeweigerd("ZIP_BOMB", f"the zip holds more than {grenzen.max_delen} files")
    if sum(lid.file_size for lid in leden) > grenzen.max_uitgepakt:
        raise InvoerGeweigerd("ZIP_BOMB", f"the zip unpacks to more than {grenzen.max_uitgepakt} bytes")
    for lid in leden:
        if lid.file_size > _KLEIN and lid.file_size > grenzen.max_verhouding * max(lid.compress_size, 1):
            raise InvoerGeweigerd(
                "ZIP_BOMB", f"{lid.filename} unpacks to over {grenzen.max_verhouding} times its size"
            )
    uitgepakt: dict[str, bytes] = {}
    totaal = 0
    for lid in leden:
        stukken, grootte = [], 0
        try:
            with archief.open(lid) as stroom:
                while stuk := stroom.read(64 * 1024):
                    grootte += len(stuk)
                    totaal += len(stuk)
                    if grootte > lid.file_size or totaal > grenzen.max_uitgepakt:
                        raise InvoerGeweigerd("ZIP_BOMB", f"{lid.filename} holds more than its zip declares")
                    stukken.append(stuk)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
            raise InvoerGeweigerd("UNREADABLE_FILE", f"{lid.filename} cannot be unpacked: {exc}") from None
        uitgepakt[lid.filename] = b"".join(stukken)
    return uitgepakt


# Below this a member's ratio is not judged: a small file of one repeated character is no bomb.
_KLEIN = 1024 * 1024
