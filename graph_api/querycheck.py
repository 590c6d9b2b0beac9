"""Static checks of cypher/: declared names only, and the portable subset of openCypher.

Not a Cypher parser: a careful reading of the patterns graph_api's queries are written in.
It finds labels in node patterns and label predicates, relationship types in relationship
patterns, and properties read or written through variables bound by those patterns (dotted
access, inline property maps and map projections), and checks each against the model.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from graph_api.model import GraphModel, ddl
from graph_api.store.queries import QueryCatalog

_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_NODE = re.compile(r"\(\s*(\w*)\s*((?::\s*`?\w+`?\s*)+)(\{[^{}]*\})?")
_NODE_VAR = re.compile(r"(?:^|[\s,(\-<>\[])\(\s*([a-z_]\w*)\s*[){]")
_REL = re.compile(r"\[\s*(\w*)\s*:\s*([\w|:\s]+?)\s*(\*[\d.\s]*)?(\{[^{}]*\})?\s*\]")
_LABEL_PREDICATE = re.compile(r"\b(?:WHERE|AND|OR|NOT)\s+\(?\s*(\w+)\s*:\s*([A-Z]\w*)")
_DOTTED = re.compile(r"\b([a-z_]\w*)\s*\.\s*([A-Za-z_]\w*)")
_PROJECTION = re.compile(r"\b([a-z_]\w*)\s*\{([^{}]*)\}")
_MAP_KEY = re.compile(r"(\w+)\s*:")
_FULLTEXT_FALKOR = re.compile(r"db\.idx\.fulltext\.queryNodes\(\s*'(\w+)'")
_FULLTEXT_NEO4J = re.compile(r"db\.index\.fulltext\.queryNodes\(\s*'(\w+)'")
# Reading any of these reads a landscape, its change records or its people: the query must
# apply `$zicht`.
# Incoming VAN, VOOR, VERSIE, NAAR, VIA, VOLGENS reach Gebruik or Koppeling from the catalogue.
_LANDSCAPE = re.compile(
    r":\s*(Gebruik|Koppeling|Gebruiker|Wijziging|GEBRUIKT|KOPPELT|REGISTREERT|NEEMT_AF|LID_VAN)\b"
    r"|<-\[\w*:(VAN|VOOR|VERSIE|NAAR|VIA|VOLGENS)\]"
)
# Folders whose queries run outside any request: seeding, identity lookup, access itself.
_WITHOUT_REQUEST = ("seed/", "identiteit/", "toegang/", "stats/leeg")

# What the portable subset leaves out (docs/architecture.md), as measured on both engines.
_NOT_PORTABLE = {
    r"\bEXISTS\s*\{": "EXISTS {} subquery: use a pattern predicate",
    r"\bCOUNT\s*\{": "COUNT {} subquery: use size([pattern comprehension])",
    r"\bCALL\s*\(": "CALL (x) {} scope clause: use CALL { WITH x ... }",
    r"=~": "regular expression match",
    r"\bdatetime\s*\(": "datetime() value: store ISO-8601 strings",
    r"\bdate\s*\(": "date() value: store ISO-8601 strings",
    r"\belementId\s*\(": "elementId(): use the node's own id property",
    r"\(\s*\w*\s*:\s*\w+\s*\|": "label expression :A|B",
    r"\)\s*\{\s*\d*\s*,?\s*\d*\s*\}": "quantified path pattern",
    r"\bCREATE\s*\(\s*\w*\s*:\s*\w+\s*\$": "CREATE (n:L $map): use CREATE (n:L) SET n = $map",
    r"\bEXPLAIN\b|\bPROFILE\b": "EXPLAIN/PROFILE prefix",
    r";\s*\S": "more than one statement",
}


@dataclass(frozen=True)
class Finding:
    query: str
    kind: str  # label, relationship, property, portability, zicht
    name: str

    def __str__(self) -> str:
        return f"{self.query}: {self.kind} {self.name}"


def check_catalog(catalog: QueryCatalog, model: GraphModel) -> list[Finding]:
    findings = []
    for file in catalog.files():
        name = file.name if file.engine is None else f"{file.name} ({file.engine})"
        findings.extend(check_text(name, file.text, model, portable=file.engine is None))
        findings.extend(check_zicht(name, file.text, file.zicht_note))
    return findings


def check_zicht(name: str, text: str, note: str | None = None) -> list[Finding]:
    """A query that reads a landscape applies `$zicht`, or says (`// zicht:`) why it need not."""
    if name.startswith(_WITHOUT_REQUEST) or note or "$zicht" in text:
        return []
    touched = sorted({a or b for a, b in _LANDSCAPE.findall(_STRING.sub("''", text))})
    return [Finding(name, "zicht", f"reads {', '.join(touched)} without $zicht")] if touched else []


def check_text(name: str, text: str, model: GraphModel, *, portable: bool = True) -> list[Finding]:
    findings: list[Finding] = []
    searchable = set(ddl.searchable_labels(model))
    for label in _FULLTEXT_FALKOR.findall(text):
        if label not in searchable:
            findings.append(Finding(name, "label", f"{label} (no full-text index)"))
    for index in _FULLTEXT_NEO4J.findall(text):
        if index not in {ddl.fulltext_index_name(label) for label in searchable}:
            findings.append(Finding(name, "label", f"{index} (no full-text index)"))
    code = _STRING.sub("''", text)
    if portable:
        findings.extend(
            Finding(name, "portability", reason)
            for pattern, reason in _NOT_PORTABLE.items()
            if re.search(pattern, code)
        )

    labels_of: dict[str, set[str]] = defaultdict(set)
    types_of: dict[str, set[str]] = defaultdict(set)
    declared_labels = set(model.labels)
    for var, chain, props in _NODE.findall(code):
        labels = {label.strip(" `") for label in chain.split(":") if label.strip(" `")}
        for label in sorted(labels - declared_labels):
            findings.append(Finding(name, "label", label))
        known = labels & declared_labels
        if var:
            labels_of[var] |= known
        if props:
            findings.extend(_check_keys(name, _MAP_KEY.findall(props), _node_props(model, known)))
    for var in _NODE_VAR.findall(code):
        labels_of.setdefault(var, set())
    for var, label in _LABEL_PREDICATE.findall(code):
        if label not in declared_labels:
            findings.append(Finding(name, "label", label))
        else:
            labels_of[var].add(label)
    for var, chain, _hops, props in _REL.findall(code):
        types = {t.strip(" :") for t in chain.split("|") if t.strip(" :")}
        for rel_type in sorted(types - set(model.relationships)):
            findings.append(Finding(name, "relationship", rel_type))
        known = types & set(model.relationships)
        if var:
            types_of[var] |= known
        if props:
            findings.extend(_check_keys(name, _MAP_KEY.findall(props), _rel_props(model, known)))

    def allowed(var: str) -> set[str] | None:
        if var in labels_of:
            return _node_props(model, labels_of[var])
        if var in types_of:
            return _rel_props(model, types_of[var])
        return None  # not a pattern variable: a row, a map, a parameter

    for var, prop in _DOTTED.findall(code):
        props = allowed(var)
        if props is not None and prop not in props:
            findings.append(Finding(name, "property", f"{var}.{prop}"))
    for var, body in _PROJECTION.findall(code):
        props = allowed(var)
        if props is None:
            continue
        for prop in re.findall(r"(?<![\w.])\.\s*(\w+)", body):
            if prop not in props:
                findings.append(Finding(name, "property", f"{var}.{prop}"))
    return sorted(set(findings), key=str)


def _node_props(model: GraphModel, labels: set[str]) -> set[str]:
    if not labels:
        return {prop for spec in model.labels.values() for prop in spec.properties}
    return set().union(*(model.properties_of(label) for label in labels))


def _rel_props(model: GraphModel, types: set[str]) -> set[str]:
    if not types:
        return {prop for rel in model.relationships.values() for prop in rel.properties}
    return set().union(*(set(model.relationships[t].properties) for t in types))


def _check_keys(query: str, keys: list[str], allowed: set[str]) -> list[Finding]:
    return [Finding(query, "property", key) for key in keys if key not in allowed]
