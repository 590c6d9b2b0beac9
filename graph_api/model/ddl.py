"""Index, constraint and full-text rules for each engine, generated from the model.

Neo4j gets its constraints and indexes from neomodel's install_all_labels; the statements
listed for it here name the same rules the same way (`constraint_unique_<Label>_<prop>`,
`index_<Label>_<prop>`), plus the full-text indexes neomodel cannot express (one index over
several properties). FalkorDB gets the equivalent index statements and GRAPH.CONSTRAINT
commands; a unique constraint there needs an exact-match index on the same property first.
Labels and property names come from the model only, never from input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from graph_api.model.description import GraphModel

FULLTEXT_LANGUAGE = "dutch"


@dataclass(frozen=True)
class Rule:
    """One FalkorDB index or constraint."""

    kind: Literal["range", "unique", "fulltext"]
    entity: Literal["NODE", "RELATIONSHIP"]
    label: str
    properties: tuple[str, ...]

    def statement(self) -> str:
        if self.kind == "unique":
            count = len(self.properties)
            return (
                f"GRAPH.CONSTRAINT CREATE UNIQUE {self.entity} {self.label} "
                f"PROPERTIES {count} {' '.join(self.properties)}"
            )
        if self.kind == "fulltext":
            fields = ", ".join(f"'{name}'" for name in self.properties)
            return (
                "CALL db.idx.fulltext.createNodeIndex("
                f"{{label: '{self.label}', language: '{FULLTEXT_LANGUAGE}'}}, {fields})"
            )
        (prop,) = self.properties
        if self.entity == "RELATIONSHIP":
            return f"CREATE INDEX FOR ()-[r:{self.label}]-() ON (r.{prop})"
        return f"CREATE INDEX FOR (n:{self.label}) ON (n.{prop})"


def fulltext_index_name(label: str) -> str:
    return f"zoek_{label}"


def searchable_labels(model: GraphModel) -> list[str]:
    """Labels with a full-text index: the most general label of each searchable kind."""
    return [
        label
        for label, spec in model.labels.items()
        if spec.search_fields
        and not any(
            other != label and model.labels[other].search_fields == spec.search_fields
            for other in spec.labels
            if other in model.labels
        )
    ]


def falkordb_rules(model: GraphModel) -> list[Rule]:
    rules: list[Rule] = []
    for label, spec in model.labels.items():
        for prop in spec.properties.values():
            if prop.unique or prop.indexed:
                rules.append(Rule("range", "NODE", label, (prop.name,)))
            if prop.unique:
                rules.append(Rule("unique", "NODE", label, (prop.name,)))
    for rel_type, rel in sorted(model.relationships.items()):
        for prop in rel.properties.values():
            if prop.indexed:
                rules.append(Rule("range", "RELATIONSHIP", rel_type, (prop.name,)))
    for label in searchable_labels(model):
        rules.append(Rule("fulltext", "NODE", label, model.labels[label].search_fields))
    return rules


def neo4j_statements(model: GraphModel) -> list[str]:
    statements: list[str] = []
    for label, spec in model.labels.items():
        for prop in spec.properties.values():
            if prop.unique:
                statements.append(
                    f"CREATE CONSTRAINT constraint_unique_{label}_{prop.name} IF NOT EXISTS "
                    f"FOR (n:{label}) REQUIRE n.{prop.name} IS UNIQUE"
                )
            elif prop.indexed:
                statements.append(
                    f"CREATE INDEX index_{label}_{prop.name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop.name})"
                )
    for rel_type, rel in sorted(model.relationships.items()):
        for prop in rel.properties.values():
            if prop.indexed:
                statements.append(
                    f"CREATE INDEX index_{rel_type}_{prop.name} IF NOT EXISTS "
                    f"FOR ()-[r:{rel_type}]-() ON (r.{prop.name})"
                )
    return statements + neo4j_fulltext_statements(model)


def neo4j_fulltext_statements(model: GraphModel) -> list[str]:
    statements = []
    for label in searchable_labels(model):
        fields = ", ".join(f"n.{name}" for name in model.labels[label].search_fields)
        statements.append(
            f"CREATE FULLTEXT INDEX {fulltext_index_name(label)} IF NOT EXISTS "
            f"FOR (n:{label}) ON EACH [{fields}] "
            f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{FULLTEXT_LANGUAGE}'}}}}"
        )
    return statements


def render(statements: list[str], comment: str) -> str:
    header = [f"// {line}" if line else "//" for line in comment.splitlines()]
    return "\n".join([*header, "", *statements]) + "\n"
