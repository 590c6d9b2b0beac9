"""The Open Group's AMEFF 3.1 schemas, loaded once, offline (the package's copy, xml.xsd local).

Validated with lxml (libxml2): the schemas' identity constraints (every reference names an
identifier) make xmlschema's pure-Python validation take tens of seconds for one landscape.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

from lxml import etree

import graph_api.uitwisseling.ameff

XSD = Path(graph_api.uitwisseling.ameff.__file__).parent / "xsd"


class _Lokaal(etree.Resolver):
    """xml.xsd from the package's copy: the schemas name it by its w3.org address."""

    def resolve(self, url, pubid, context):
        if url and url.endswith("xml.xsd"):
            return self.resolve_filename(str(XSD / "xml.xsd"), context)
        return None


@cache
def _schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_Lokaal())
    return etree.XMLSchema(etree.parse(str(XSD / "archimate3_Diagram.xsd"), parser))


def fouten(data: bytes) -> list[str]:
    """Why `data` is not a valid AMEFF 3.1 file; empty when it is."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        document = etree.parse(BytesIO(data), parser)
    except etree.XMLSyntaxError as fout:
        return [f"not XML: {fout}"]
    schema = _schema()
    if schema.validate(document):
        return []
    return [f"line {f.line}: {f.message}" for f in schema.error_log]
