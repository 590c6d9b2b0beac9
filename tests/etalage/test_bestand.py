"""What an uploaded file is, by its content alone (graph_api/etalage/bestand.py), no engine."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from graph_api.errors import BestandGeweigerd
from graph_api.etalage.bestand import controleer


def afbeelding(formaat: str, grootte: tuple[int, int] = (32, 16)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", grootte, (10, 120, 200)).save(buffer, formaat)
    return buffer.getvalue()


def _controleer(inhoud: bytes, naam: str | None = None, type: str | None = None, **limieten: int):
    return controleer(
        inhoud,
        bestandsnaam=naam,
        content_type=type,
        max_bytes=limieten.get("max_bytes", 1_000_000),
        max_pixels=limieten.get("max_pixels", 1_000_000),
    )


@pytest.mark.parametrize(
    ("formaat", "type"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")]
)
def test_an_image_is_what_its_content_is_whatever_it_claims(formaat: str, type: str) -> None:
    inhoud = afbeelding(formaat)
    for naam, gedeclareerd in ((None, None), ("x.pdf", "application/pdf"), ("x.html", "text/html")):
        bestand = _controleer(inhoud, naam, gedeclareerd)
        assert (bestand.content_type, bestand.grootte) == (type, len(inhoud))
        assert bestand.sha256 == hashlib.sha256(inhoud).hexdigest()


@pytest.mark.parametrize(
    ("inhoud", "naam", "type", "code"),
    [
        (b"GIF89a....", "a.gif", "image/gif", "UNSUPPORTED_TYPE"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "a.svg", "image/svg+xml", "UNSUPPORTED_TYPE"),
        (b"PK\x03\x04", "a.docx", None, "UNSUPPORTED_TYPE"),
        (b"", "leeg.png", None, "NOT_AN_IMAGE"),
        (b"tekst", None, "image/jpeg", "NOT_AN_IMAGE"),
        (b"tekst", "foto.JPG", None, "NOT_AN_IMAGE"),
        (b"tekst", "case.pdf", None, "NOT_A_PDF"),
        (b"%PDF-1.4\n...", None, None, "NOT_A_PDF"),  # no end
        (b"%PDF-x\n%%EOF", None, None, "NOT_A_PDF"),  # no version
        (b"RIFF\x10\x00\x00\x00WEBPVP8 rest", None, None, "NOT_AN_IMAGE"),
    ],
)
def test_a_file_that_is_not_what_is_kept_is_refused_with_its_code(
    inhoud: bytes, naam: str | None, type: str | None, code: str
) -> None:
    with pytest.raises(BestandGeweigerd) as refused:
        _controleer(inhoud, naam, type)
    assert (refused.value.code, refused.value.argument) == (code, "input.bestand")


def test_a_pdf_is_its_header_and_its_end() -> None:
    pdf = b"%PDF-2.0\n1 0 obj <<>> endobj\n%%EOF\r\n"
    assert _controleer(pdf).content_type == "application/pdf"


def test_limits_of_size_and_pixels() -> None:
    inhoud = afbeelding("PNG", (100, 100))
    assert _controleer(inhoud, max_bytes=len(inhoud)).grootte == len(inhoud)
    with pytest.raises(BestandGeweigerd) as refused:
        _controleer(inhoud, max_bytes=len(inhoud) - 1)
    assert refused.value.code == "FILE_TOO_LARGE"
    assert _controleer(inhoud, max_pixels=10_000).content_type == "image/png"
    with pytest.raises(BestandGeweigerd) as refused:
        _controleer(inhoud, max_pixels=9_999)
    assert refused.value.code == "IMAGE_TOO_LARGE"
