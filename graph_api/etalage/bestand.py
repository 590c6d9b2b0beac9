"""What an uploaded file is, decided by its content: the name and the type a client declares
are not trusted, only used to say what a refused file claimed to be.

An image must decode with Pillow as the format its first bytes announce; a PDF must start
with its header and end with its end-of-file marker. Anything else is not kept.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image

from graph_api.errors import BestandGeweigerd
from graph_api.model.keuzes import ETALAGE_BESTANDSTYPE

PNG, JPEG, WEBP, PDF = "image/png", "image/jpeg", "image/webp", "application/pdf"
AFBEELDINGEN = frozenset({PNG, JPEG, WEBP})
EXTENSIE = {PNG: "png", JPEG: "jpg", WEBP: "webp", PDF: "pdf"}
_PILLOW_FORMAAT = {PNG: "PNG", JPEG: "JPEG", WEBP: "WEBP"}
_GECLAIMD = {
    ".png": PNG,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".webp": WEBP,
    ".pdf": PDF,
    "image/png": PNG,
    "image/jpeg": JPEG,
    "image/jpg": JPEG,
    "image/webp": WEBP,
    "application/pdf": PDF,
}
# Where a PDF's last `%%EOF` may be: writers add a line end or a few bytes of padding after it.
_PDF_STAART = 1024


@dataclass(frozen=True)
class Bestand:
    inhoud: bytes
    content_type: str
    sha256: str

    @property
    def grootte(self) -> int:
        return len(self.inhoud)

    @property
    def extensie(self) -> str:
        return EXTENSIE[self.content_type]


def herken(inhoud: bytes) -> str | None:
    """The type a file's first bytes announce, of those the etalage keeps."""
    if inhoud.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if inhoud.startswith(b"\xff\xd8\xff"):
        return JPEG
    if inhoud[:4] == b"RIFF" and inhoud[8:12] == b"WEBP":
        return WEBP
    if inhoud.startswith(b"%PDF-"):
        return PDF
    return None


def geclaimd(bestandsnaam: str | None, content_type: str | None) -> str | None:
    """The kept type a client's declared type or file name claims, if any."""
    gedeclareerd = (content_type or "").split(";")[0].strip().lower()
    naam = (bestandsnaam or "").lower()
    extensie = naam[naam.rfind(".") :] if "." in naam else ""
    return _GECLAIMD.get(gedeclareerd) or _GECLAIMD.get(extensie)


def controleer(
    inhoud: bytes,
    *,
    bestandsnaam: str | None,
    content_type: str | None,
    max_bytes: int,
    max_pixels: int,
) -> Bestand:
    """The file as the etalage keeps it, or BestandGeweigerd saying why not."""
    if len(inhoud) > max_bytes:
        raise BestandGeweigerd(
            "FILE_TOO_LARGE", f"the file has {len(inhoud)} bytes; at most {max_bytes} are kept"
        )
    soort = herken(inhoud)
    if soort is None:
        claim = geclaimd(bestandsnaam, content_type)
        if claim in AFBEELDINGEN:
            raise BestandGeweigerd(
                "NOT_AN_IMAGE", f"the file claims to be {ETALAGE_BESTANDSTYPE[claim]} but is no image"
            )
        if claim == PDF:
            raise BestandGeweigerd("NOT_A_PDF", "the file claims to be a PDF but has no PDF header")
        raise BestandGeweigerd(
            "UNSUPPORTED_TYPE",
            f"the etalage keeps {', '.join(ETALAGE_BESTANDSTYPE.values())} files; this is none of them",
        )
    if soort == PDF:
        _pdf(inhoud)
    else:
        _afbeelding(inhoud, soort, max_pixels)
    return Bestand(inhoud, soort, hashlib.sha256(inhoud).hexdigest())


def _pdf(inhoud: bytes) -> None:
    versie = inhoud[5:8]
    if not (len(versie) == 3 and versie[:1].isdigit() and versie[1:2] == b"." and versie[2:3].isdigit()):
        raise BestandGeweigerd("NOT_A_PDF", "the file starts like a PDF but names no PDF version")
    if b"%%EOF" not in inhoud[-_PDF_STAART:]:
        raise BestandGeweigerd("NOT_A_PDF", "the file starts like a PDF but does not end like one (%%EOF)")


def _afbeelding(inhoud: bytes, soort: str, max_pixels: int) -> None:
    naam = ETALAGE_BESTANDSTYPE[soort]
    try:
        with warnings.catch_warnings():
            # A decompression bomb past Pillow's own limit is an error; below it, ours decides.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(inhoud), formats=[_PILLOW_FORMAAT[soort]]) as beeld:
                breedte, hoogte = beeld.size
                if breedte * hoogte > max_pixels:
                    raise BestandGeweigerd(
                        "IMAGE_TOO_LARGE",
                        f"the image has {breedte}x{hoogte} pixels; at most {max_pixels} pixels are kept",
                    )
                beeld.verify()
            # verify() checks the structure; only decoding finds damaged or cut-off pixel data.
            with Image.open(io.BytesIO(inhoud), formats=[_PILLOW_FORMAAT[soort]]) as beeld:
                beeld.load()
    except BestandGeweigerd:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BestandGeweigerd("IMAGE_TOO_LARGE", f"the image has more than {max_pixels} pixels") from None
    except Exception:  # Pillow raises many kinds for bad data: each means the same here
        raise BestandGeweigerd(
            "NOT_AN_IMAGE", f"the file starts like {naam} but does not decode as an image"
        ) from None
