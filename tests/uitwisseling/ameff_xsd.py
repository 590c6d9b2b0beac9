"""The Open Group's AMEFF 3.1 schemas, loaded once, offline (the package's copy, xml.xsd local)."""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

import xmlschema
from xmlschema.exceptions import XMLSchemaKeyError

import graph_api.uitwisseling.ameff

XSD = Path(graph_api.uitwisseling.ameff.__file__).parent / "xsd"


@cache
def _schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(
        str(XSD / "archimate3_Diagram.xsd"),
        locations=[("http://www.w3.org/XML/1998/namespace", str(XSD / "xml.xsd"))],
        allow="local",
    )


def fouten(data: bytes) -> list[str]:
    """Why `data` is not a valid AMEFF 3.1 file; empty when it is."""
    try:
        return [str(f.reason or f) for f in _schema().iter_errors(BytesIO(data))]
    except XMLSchemaKeyError as fout:
        # An unknown element or relationship type (schemas/README.md).
        return [f"unknown type: {fout}"]
