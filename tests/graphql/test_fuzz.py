"""Fuzzing the read API: generated queries, as three roles, against the role matrix.

hypothesis-graphql generates queries from the exported SDL (schema/schema.graphql), each with
one root field (or a small group of them, ROOTS says how many of each), and their arguments
are redrawn mostly from the seed's real ids, codes, names and the API's own cursors, so that
most queries reach data; the rest exercise the refusals. Every query gets `__typename` in
every selection, and `id` where its type has one, so that each object in an answer says what
it is, and goes out as each of the three roles: the anonymous bezoeker, a gebruik-raadpleger
of Amsterdam and an aanbod-beheerder of lev-0105.

No answer may hold a server error, or anything outside the asker's cell of the matrix
(docs/access.md, ../shared/docs/product.md "Roles and what they may see"), checked against
the generator's rows (tests/expected.py):

- every Gebruik (as an object, a global id, or its key in any string, cursors included) is
  one the role may see; its contract, notes, diensten and koppelingen only with its landscape;
- every Koppeling only from a landscape the role may see; walks, paths and impact analyses
  stay inside the landscapes the role may see;
- no people (Medewerker) for these roles; label counts only as the matrix allows;
- benchmarks that name gemeenten (customers, similar gemeenten, recommendations) rest on
  visible Gebruik only; market aggregates are empty for roles without the right to them, and
  aggregates over landscapes (counted edges, standards coverage per group) for all three;
- counts never exceed what the role may see in their scope.

The last test shows the checks bite: what functioneel beheer is answered is caught for the others.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import graphql
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from hypothesis_graphql import queries

from tests.conftest import REPO
from tests.expected import Expected, global_id
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_toegang import AMSTERDAM, GRONINGEN, LEVERANCIER, ZAAKREGISTRATIE, Matrix

SDL = (REPO / "schema" / "schema.graphql").read_text(encoding="utf-8")
SCHEMA = graphql.build_schema(SDL)

ROLLEN = {
    "bezoeker": None,
    "gebruik-raadpleger": (AMSTERDAM, "GEBRUIK_RAADPLEGER"),
    "aanbod-beheerder": (LEVERANCIER, "AANBOD_BEHEERDER"),
}
# Root fields (alone or in small groups) and how many queries each gets: the ones that reach a
# landscape most. Every query goes out as each role.
ROOTS: dict[tuple[str, ...], int] = {
    ("node",): 35,
    ("nodes",): 35,
    ("gebruik",): 30,
    ("koppelingen",): 22,
    ("gemeente",): 22,
    ("organisatie",): 22,
    ("applicatie",): 20,
    ("landschapsgraaf",): 17,
    ("afhankelijkheden",): 17,
    ("kortstePad",): 17,
    ("impactanalyse",): 17,
    ("gluurBijDeBuren",): 15,
    ("leveranciersprofiel",): 12,
    ("standaardendekking",): 12,
    ("vergelijkbareGemeenten",): 7,
    ("aanbevelingen",): 7,
    ("adoptie",): 7,
    ("marktconcentratie",): 7,
    ("koppelingsnetwerk",): 7,
    ("standaardendekkingOverzicht",): 7,
    ("aantallen", "ik", "gezondheid"): 7,
    ("organisaties",): 10,
    ("gemeenten",): 10,
    ("leveranciers",): 10,
    ("samenwerkingen", "communities"): 7,
    ("applicaties",): 12,
    ("referentiecomponenten", "standaarden"): 10,
    ("applicatieservices", "bedrijfsfuncties", "buitengemeentelijkeVoorzieningen"): 7,
    ("diensten",): 7,
    ("gemmaElement",): 7,
    ("zoeken",): 12,
    # The writes' lists (issues 17 and 18): what each role may see of proposals, concepts,
    # change records, registrations, access requests, invitations and delegations, and a
    # leverancier's own view (its customers: Gebruik of its products).
    ("leveranciersoverzicht",): 10,
    ("gebruiksvoorstellen",): 7,
    ("wijzigingen",): 7,
    ("concepten",): 5,
    ("registraties",): 5,
    ("toegangsverzoeken",): 5,
    ("uitnodigingen",): 5,
    ("delegaties",): 5,
    ("mijnRegistraties", "mijnToegangsverzoeken", "mijnUitnodigingen"): 5,
}
EXAMPLES = sum(ROOTS.values())
MINIMUM = 450  # queries each role is sent (hypothesis may stop a field early)
ORGANISATIE_TYPES = {"Gemeente", "Leverancier", "Samenwerking", "Community", "Beheerorganisatie"}
KEY = re.compile(r"\b(?:geb|kop)-[A-Za-z0-9]+-\d+\b")
GLOBAL_ID = re.compile(r"([A-Z][A-Za-z]*):(.+)", re.DOTALL)
URL_SAFE = str.maketrans("-_", "+/")


# --- what the generator draws from --------------------------------------------------------------


def _every(items: list, n: int) -> list:
    """n items spread over a sorted list: deterministic and not all from one corner."""
    items = sorted(items)
    step = max(1, len(items) // n)
    return items[::step][:n]


@dataclass(frozen=True)
class Pools:
    """Real values of the seed to draw arguments from: some each role may see, some it may not."""

    ids: dict[str, list[str]]  # argument name → global ids
    strings: dict[str, list[str]]  # argument name (or field.argument) → plain values
    cursors: list[str]

    @classmethod
    def of(cls, e: Expected, matrix: Matrix, cursors: list[str]) -> Pools:
        kop_of = defaultdict(list)
        for k in sorted(e.koppelingen, key=lambda k: k["id"]):
            kop_of[e.gebruik_by_id[k["van"]]["organisatie"]].append(k)
        gebruik = list(
            dict.fromkeys(
                [
                    # Amsterdam's: with koppelingen, with notes, the ends of its koppelingen (kortstePad).
                    matrix.gebruik_met(AMSTERDAM, product=False)["id"],
                    matrix.gebruik_met(AMSTERDAM, product=True)["id"],
                    matrix.gebruik_met(AMSTERDAM, product=False, notities=True)["id"],
                    *(k["van"] for k in kop_of[AMSTERDAM][:6]),
                    *(k["naar"] for k in kop_of[AMSTERDAM][:6] if k["naar"].startswith("geb-")),
                    matrix.gebruik_met(GRONINGEN, product=True)["id"],
                    matrix.gebruik_met(GRONINGEN, product=False)["id"],
                    *(k["naar"] for k in kop_of[GRONINGEN][:2] if k["naar"].startswith("geb-")),
                    # The leverancier's products elsewhere, and anything anywhere.
                    *_every(
                        [g for g, r in e.gebruik_by_id.items() if r["applicatie"] in matrix.producten], 6
                    ),
                    *_every(list(e.gebruik_by_id), 6),
                ]
            )
        )
        koppelingen = [
            *(k["id"] for k in kop_of[AMSTERDAM][:6]),
            *(k["id"] for k in kop_of[GRONINGEN][:3]),
            *_every([k["id"] for k in e.koppelingen], 3),
        ]
        used = [a for a in sorted(e.apps) if e.usage[a]]
        applicaties = [
            *_every([a for a in used if a in matrix.producten], 4),
            *_every([a for a in used if a not in matrix.producten], 4),
            e.rows["seed/onderdeel_van"][0]["van"],  # a module
        ]
        buren = e.gemeenten[AMSTERDAM]["buren"].split(";")
        gemeenten = [AMSTERDAM, GRONINGEN, *buren[:2], *_every(list(e.gemeenten), 2)]
        leveranciers = [LEVERANCIER, *_every([r["id"] for r in e.rows["seed/leveranciers"]], 3)]
        componenten = [
            ZAAKREGISTRATIE,
            *_every([c for g in e.gebruik_of[AMSTERDAM] for c in e.voor[g["id"]]], 3),
        ]
        taken = sorted(
            r["naar"] for r in e.rows["seed/gebruik_neemt_af"] if r["van"].startswith(f"geb-{AMSTERDAM}-")
        )

        def gemma(soort: str, n: int = 1) -> list[str]:
            return _every([k for k, row in e.gemma.items() if row["soort"] == soort], n)

        def ids(kind: str, keys: list[str]) -> list[str]:
            return [global_id(kind, key) for key in keys]

        organisaties = [
            *ids("Gemeente", gemeenten), *ids("Leverancier", leveranciers[:2]),
            global_id("Samenwerking", "sam-01"), global_id("Community", "com-01"), global_id("Beheerorganisatie", VNG),
        ]  # fmt: skip
        wrong = [  # ids of nothing, of an unknown type, and not ids at all
            global_id("Gebruik", f"geb-{AMSTERDAM}-9999"), global_id("Koppeling", "kop-GM0000-0001"),
            global_id("Onbekend", "1"), "x", f"geb-{AMSTERDAM}-0001",
        ]  # fmt: skip
        anything = [
            *ids("Gebruik", gebruik), *ids("Koppeling", koppelingen), *ids("Applicatie", applicaties),
            *organisaties, *ids("Referentiecomponent", componenten), *ids("Standaard", gemma("standaarden")),
            *ids("Standaardversie", gemma("standaardversies")),
            *ids("BuitengemeentelijkeVoorziening", gemma("buitengemeentelijke_voorzieningen", 2)),
            *ids("Applicatieservice", gemma("applicatieservices")), *ids("Bedrijfsfunctie", gemma("bedrijfsfuncties")),
            *ids("Dienst", [*taken[:2], "dst-00001"]), global_id("Versie", "app-00001-v1"), *wrong,
        ]  # fmt: skip
        return cls(
            ids={
                "id": anything,
                "ids": anything,
                "gebruik": ids("Gebruik", gebruik),
                "van": ids("Gebruik", gebruik),
                "naar": ids("Gebruik", gebruik),
                "gemeente": ids("Gemeente", gemeenten),
                "organisatie": organisaties,
                "leverancier": ids("Leverancier", leveranciers),
                "applicatie": ids("Applicatie", applicaties),
                "vervangenDoor": ids("Applicatie", applicaties),
                "referentiecomponent": ids("Referentiecomponent", componenten),
                "standaard": ids("Standaard", gemma("standaarden", 3)),
                "object": anything,  # wijzigingen of one object
            },
            strings={
                "applicatie.identificatie": applicaties,
                "organisatie.identificatie": [*gemeenten, *leveranciers, "sam-01", "com-01", VNG, "GM9999"],
                "gemmaElement.identificatie": [
                    *componenten,
                    *gemma("standaarden"),
                    *gemma("bedrijfsfuncties"),
                ],
                "gemmaId": [e.gemma[c]["object_id"] for c in componenten],
                "cbsCode": [*gemeenten, "GM9999", "gm0363"],
                "tekst": ["zaak", "belasting", "Amsterdam", "sociaal domein", "Groningen", "cloud", "%", ""],
                "provincie": ["Noord-Holland", "Groningen", "Utrecht", "Nergens"],
            },
            cursors=cursors,
        )


SIZES = st.sampled_from([2, 1, 3, 5, 1, 2, 10])
KEEP = st.sampled_from([False] * 7 + [True])  # sampled_from leans to its first value
HALF = st.sampled_from([True, False])
INTS = {  # mostly values that run, a few at or past the bounds
    "minimaleGroep": st.sampled_from([5, 6, 10, 4]),
    "diepte": st.sampled_from([2, 1, 3, 6, 0, 7]),
    "aantal": st.sampled_from([3, 1, 10, 0, 101]),
    "vergelijkbaar": st.sampled_from([3, 1, 10, 0, 101]),
}
PAGING = ("first", "last", "after", "before")


def _int(n: int) -> graphql.IntValueNode:
    return graphql.IntValueNode(value=str(n))


def _string(value: str) -> graphql.StringValueNode:
    return graphql.StringValueNode(value=value)


def _argument(name: str, value: graphql.ValueNode) -> graphql.ArgumentNode:
    return graphql.ArgumentNode(name=graphql.NameNode(value=name), value=value)


class Steer:
    """Redraws a generated query's arguments, mostly from the pools: ids of the right type, real
    codes and names, one way of paging at a time. One in eight values stays as generated."""

    def __init__(self, draw: st.DrawFn, pools: Pools):
        self.draw = draw
        self.pools = pools

    def keep(self) -> bool:
        return self.draw(KEEP)

    def selections(self, selection_set: graphql.SelectionSetNode, parent: Any) -> graphql.SelectionSetNode:
        selections: list[graphql.SelectionNode] = []
        for selection in selection_set.selections:
            if isinstance(selection, graphql.FieldNode):
                definition = parent.fields[selection.name.value]
                kind = graphql.get_named_type(definition.type)
                selection = graphql.FieldNode(
                    alias=selection.alias, name=selection.name, directives=selection.directives,
                    arguments=self.arguments(selection.name.value, definition, selection.arguments),
                    selection_set=selection.selection_set and self.selections(selection.selection_set, kind),
                )  # fmt: skip
            elif isinstance(selection, graphql.InlineFragmentNode):
                kind = SCHEMA.get_type(selection.type_condition.name.value)
                selection = graphql.InlineFragmentNode(
                    type_condition=selection.type_condition, directives=selection.directives,
                    selection_set=self.selections(selection.selection_set, kind),
                )  # fmt: skip
            selections.append(selection)
        return graphql.SelectionSetNode(selections=tuple(selections))

    def arguments(self, field: str, definition: Any, arguments: Any) -> tuple[graphql.ArgumentNode, ...]:
        steered = [
            _argument(
                a.name.value, self.value(field, a.name.value, definition.args[a.name.value].type, a.value)
            )
            for a in arguments
            if a.name.value not in PAGING
        ]
        paging = [a for a in arguments if a.name.value in PAGING]
        if "first" in definition.args and not self.keep():
            modes = [(), ("first",), ("first", "after"), ("last",), ("last", "before")]
            modes = [mode for mode in modes if all(name in definition.args for name in mode)]
            for name in self.draw(st.sampled_from(modes)):
                if name in ("first", "last"):
                    steered.append(_argument(name, _int(self.draw(SIZES))))
                else:
                    steered.append(_argument(name, _string(self.draw(st.sampled_from(self.pools.cursors)))))
            return tuple(steered)
        return (*steered, *paging)

    def value(self, field: str, name: str, type_: Any, value: graphql.ValueNode) -> graphql.ValueNode:
        named = graphql.get_named_type(type_)
        if isinstance(value, graphql.ListValueNode):
            items = value.values[: self.draw(st.integers(0, 4))]
            return graphql.ListValueNode(values=tuple(self.value(field, name, named, item) for item in items))
        if isinstance(value, graphql.ObjectValueNode) and isinstance(named, graphql.GraphQLInputObjectType):
            return graphql.ObjectValueNode(
                fields=tuple(
                    graphql.ObjectFieldNode(
                        name=f.name,
                        value=self.value(field, f.name.value, named.fields[f.name.value].type, f.value),
                    )
                    for f in value.fields
                )
            )
        if isinstance(value, graphql.NullValueNode) and name == "organisatie" and self.draw(HALF):
            # A list over every landscape takes up to seconds to count: half are one organisation's.
            return _string(self.draw(st.sampled_from(self.pools.ids[name])))
        if isinstance(value, graphql.IntValueNode) and name in INTS and not self.keep():
            return _int(self.draw(INTS[name]))
        if not isinstance(value, graphql.StringValueNode):
            return value
        if named.name == "ID":
            pool = self.pools.ids.get(name)
        else:
            pool = self.pools.strings.get(f"{field}.{name}") or self.pools.strings.get(name)
        if not pool or self.keep():
            return value
        return _string(self.draw(st.sampled_from(pool)))


def _strategies(
    pools: Pools, roots: dict[tuple[str, ...], int] = ROOTS
) -> dict[tuple[str, ...], st.SearchStrategy[graphql.DocumentNode]]:
    """Per group of `roots`, queries of those root fields with their arguments steered."""
    anything = list(dict.fromkeys(i for ids in pools.ids.values() for i in ids))
    strings = list(dict.fromkeys(s for values in pools.strings.values() for s in values))
    scalars = {
        "ID": st.one_of(st.sampled_from(anything).map(_string), st.text(max_size=8).map(_string)),
        "String": st.one_of(st.sampled_from(strings).map(_string), st.text(max_size=12).map(_string)),
        # Sizes, depths, group floors: mostly ones that run, sometimes ones refused.
        "Int": st.sampled_from([1, 1, 2, 2, 3, 3, 5, 5, 6, 10, 0, -1, 7, 501, 2**31 - 1]).map(_int),
    }

    def steered(fields: tuple[str, ...]) -> st.SearchStrategy[graphql.DocumentNode]:
        generated = queries(SCHEMA, fields=fields, custom_scalars=scalars, print_ast=lambda doc: doc)

        @st.composite
        def strategy(draw: st.DrawFn) -> graphql.DocumentNode:
            (operation,) = draw(generated).definitions
            selection_set = Steer(draw, pools).selections(operation.selection_set, SCHEMA.query_type)
            return graphql.DocumentNode(
                definitions=(
                    graphql.OperationDefinitionNode(
                        operation=operation.operation, name=operation.name, directives=(),
                        variable_definitions=(), selection_set=selection_set,
                    ),
                )
            )  # fmt: skip

        return strategy()

    return {fields: steered(fields) for fields in roots}


# --- every object says what it is ---------------------------------------------------------------


def fuzzing(examples: int) -> Any:
    """Hypothesis settings of a fuzz run: reproducible, however slow one answer is."""
    return settings(
        max_examples=examples, derandomize=True, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )  # fmt: skip


def _leaf(name: str) -> graphql.FieldNode:
    return graphql.FieldNode(name=graphql.NameNode(value=name), arguments=(), directives=())


def _identified(selection_set: graphql.SelectionSetNode, parent: Any) -> graphql.SelectionSetNode:
    """The selection with `__typename` and, where the type has one, `id` added at every level."""
    selections: list[graphql.SelectionNode] = []
    for selection in selection_set.selections:
        if isinstance(selection, graphql.FieldNode) and selection.selection_set is not None:
            kind = graphql.get_named_type(parent.fields[selection.name.value].type)
            selection = graphql.FieldNode(
                alias=selection.alias, name=selection.name, arguments=selection.arguments,
                directives=selection.directives, selection_set=_identified(selection.selection_set, kind),
            )  # fmt: skip
        elif isinstance(selection, graphql.InlineFragmentNode):
            kind = SCHEMA.get_type(selection.type_condition.name.value)
            selection = graphql.InlineFragmentNode(
                type_condition=selection.type_condition, directives=selection.directives,
                selection_set=_identified(selection.selection_set, kind),
            )  # fmt: skip
        selections.append(selection)
    selections.append(_leaf("__typename"))
    if isinstance(parent, graphql.GraphQLUnionType):
        if all("id" in member.fields for member in parent.types):
            selections.append(
                graphql.InlineFragmentNode(
                    type_condition=graphql.NamedTypeNode(name=graphql.NameNode(value="Node")),
                    directives=(),
                    selection_set=graphql.SelectionSetNode(selections=(_leaf("id"),)),
                )
            )
    elif parent is not SCHEMA.query_type and "id" in parent.fields:
        selections.append(_leaf("id"))
    return graphql.SelectionSetNode(selections=tuple(selections))


def instrument(document: graphql.DocumentNode) -> tuple[str, dict[str, dict[str, Any]]]:
    """The query to send, and the arguments of each root field as the schema reads them."""
    (operation,) = document.definitions
    assert isinstance(operation, graphql.OperationDefinitionNode)
    selection_set = _identified(operation.selection_set, SCHEMA.query_type)
    roots: dict[str, dict[str, Any]] = {}
    for selection in operation.selection_set.selections:
        assert isinstance(selection, graphql.FieldNode)
        try:
            arguments = graphql.get_argument_values(SCHEMA.query_type.fields[selection.name.value], selection)
        except graphql.GraphQLError:
            arguments = {}
        roots[selection.name.value] = arguments
    query = graphql.print_ast(
        graphql.DocumentNode(
            definitions=(
                graphql.OperationDefinitionNode(
                    operation=operation.operation, name=operation.name, directives=(),
                    variable_definitions=(), selection_set=selection_set,
                ),
            )
        )
    )  # fmt: skip
    return query, roots


# --- the matrix, for one role -------------------------------------------------------------------


def _base64(value: str) -> str | None:
    """The text inside base64 (standard or URL-safe, padded or not), if it is that."""
    try:
        padded = value + "=" * (-len(value) % 4)
        return base64.b64decode(padded.translate(URL_SAFE), validate=True).decode()
    except (binascii.Error, ValueError):
        return None


def decode(value: str) -> tuple[str, str] | None:
    """A global id's type and key, if the string is one of a type in the schema."""
    match = GLOBAL_ID.fullmatch(_base64(value) or "")
    if match and isinstance(SCHEMA.get_type(match[1]), graphql.GraphQLObjectType):
        return match[1], match[2]
    return None


def _decoded_strings(value: str) -> Iterator[str]:
    """What a string carries inside: base64 text (cursors hold JSON), the parts of `a>b` ids."""
    for part in {value, *value.split(">")}:
        text = _base64(part)
        if text is None:
            continue
        yield text
        try:
            inner = json.loads(text)
        except ValueError:
            continue
        yield from _strings(inner)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _values(obj: dict, name: str) -> list[Any]:
    """A field's values in an object, also where the generator aliased it (`name_Type`)."""
    return [v for k, v in obj.items() if k == name or k.startswith(f"{name}_")]


@dataclass
class Zicht:
    """What one role may see of the seeded landscape, from the matrix and the generator's rows."""

    rol: str
    matrix: Matrix
    koppeling_by_id: dict[str, dict]
    problems: list[str] = field(default_factory=list)

    @property
    def e(self) -> Expected:
        return self.matrix.e

    @cached_property
    def gebruik(self) -> set[str]:
        return {g for g, row in self.e.gebruik_by_id.items() if self.matrix.ziet_gebruik(self.rol, row)}

    @cached_property
    def per_organisatie(self) -> Counter:
        return Counter(self.e.gebruik_by_id[g]["organisatie"] for g in self.gebruik)

    @cached_property
    def per_applicatie(self) -> Counter:
        return Counter(self.e.gebruik_by_id[g]["applicatie"] for g in self.gebruik)

    @cached_property
    def apps_of(self) -> dict[str, set[str]]:
        apps = defaultdict(set)
        for g in self.gebruik:
            apps[self.e.gebruik_by_id[g]["organisatie"]].add(self.e.gebruik_by_id[g]["applicatie"])
        return apps

    @cached_property
    def koppelingen(self) -> Counter:
        return Counter(
            org
            for k in self.e.koppelingen
            if self.matrix.ziet_landschap(self.rol, org := self.e.gebruik_by_id[k["van"]]["organisatie"])
        )

    @cached_property
    def eigen_paren(self) -> set[tuple[str, str]]:
        """The application pairs koppelingen join in the landscapes this role sees whole."""
        app_of = {g: row["applicatie"] for g, row in self.e.gebruik_by_id.items()}
        return {
            (app_of[k["van"]], app_of.get(k["naar"], k["naar"]))
            for k in self.e.koppelingen
            if self.landschap(self.e.gebruik_by_id[k["van"]]["organisatie"])
        }

    def landschap(self, organisatie: str) -> bool:
        return self.matrix.ziet_landschap(self.rol, organisatie)

    def fail(self, path: str, what: str) -> None:
        self.problems.append(f"{path}: {what}")

    def want(self, ok: bool, path: str, what: str) -> None:
        if not ok:
            self.fail(path, what)

    # Keys wherever they appear.

    def key(self, key: str, path: str) -> None:
        if key.startswith("geb-"):
            self.want(key in self.gebruik, path, f"Gebruik {key} is outside the matrix")
        elif key.startswith("kop-"):
            koppeling = self.koppeling_by_id.get(key)
            self.want(
                koppeling is not None
                and self.landschap(self.e.gebruik_by_id[koppeling["van"]]["organisatie"]),
                path,
                f"Koppeling {key} is outside the matrix",
            )

    def string(self, value: str, path: str) -> None:
        for text in (value, *_decoded_strings(value)):
            for key in KEY.findall(text):
                self.key(key, path)
            if (match := GLOBAL_ID.fullmatch(text)) and match[1] in ("Gebruik", "Koppeling"):
                self.key(match[2], path)

    def organisatie_arg(self, value: Any) -> str | None:
        decoded = decode(value) if isinstance(value, str) else None
        return decoded[1] if decoded and decoded[0] in ORGANISATIE_TYPES else None

    # Objects, by their type.

    def walk(self, value: Any, path: str, parent: dict | None, root: tuple[str, dict]) -> None:
        if isinstance(value, dict):
            if "__typename" in value:
                self.object(value, path, parent, root)
                parent = value
            for name, item in value.items():
                self.walk(item, f"{path}.{name}", parent, root)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self.walk(item, f"{path}[{i}]", parent, root)
        elif isinstance(value, str):
            self.string(value, path)

    def object(self, obj: dict, path: str, parent: dict | None, root: tuple[str, dict]) -> None:
        kind = obj["__typename"]
        own = decode(obj["id"]) if isinstance(obj.get("id"), str) else None
        key = own[1] if own and own[0] == kind else None
        if "id" in obj and kind in ("Gebruik", "Koppeling", "Applicatie", *ORGANISATIE_TYPES):
            self.want(key is not None, path, f"{kind} with id {obj['id']!r} that is not its own")
        check = getattr(self, f"_{kind}", None)
        if check is not None:
            check(obj, key, path, parent, root)

    def _Gebruik(self, obj: dict, key: str | None, path: str, parent, root) -> None:
        if key is None:
            return
        row = self.e.gebruik_by_id.get(key)
        if row is None or key not in self.gebruik:
            self.fail(path, f"Gebruik {key} is outside the matrix")
            return
        if self.landschap(row["organisatie"]):
            for name in ("notities", "contractEinde"):
                for value in _values(obj, name):
                    self.want(value == row.get(name), path, f"{name} {value!r} is not {key}'s")
        else:
            for name in ("notities", "contractEinde"):
                for value in _values(obj, name):
                    self.want(value is None, path, f"{name} of {key} without its landscape")
            for name in ("diensten", "uitgaandeKoppelingen", "inkomendeKoppelingen"):
                for value in _values(obj, name):
                    self.want(value == [], path, f"{name} of {key} without its landscape")
        for organisatie in _values(obj, "organisatie"):
            if organisatie and isinstance(organisatie.get("id"), str):
                self.want(decode(organisatie["id"])[1] == row["organisatie"], path, "another organisation")
        for applicatie in _values(obj, "applicatie"):
            if applicatie and isinstance(applicatie.get("id"), str):
                self.want(decode(applicatie["id"])[1] == row["applicatie"], path, "another application")

    def _Koppeling(self, obj: dict, key: str | None, path: str, parent, root) -> None:
        if key is not None:
            self.key(key, path)

    def _Medewerker(self, obj: dict, key, path: str, parent, root) -> None:
        self.fail(path, f"a Medewerker ({obj.get('naam')}) for a {self.rol}")

    def _Aantal(self, obj: dict, key, path: str, parent, root) -> None:
        naam = obj.get("naam")
        if naam == "Gebruik":
            self.want(self.rol == "gebruik-raadpleger", path, "a count of Gebruik")
            if "aantal" in obj:
                self.want(obj["aantal"] == len(self.e.gebruik_by_id), path, "a partial count of Gebruik")
        self.want(naam not in ("Koppeling", "Gebruiker"), path, f"a count of {naam}")

    def _aggregate(self, obj: dict, key, path: str, parent, root) -> None:
        self.want(self.rol == "gebruik-raadpleger", path, f"a market aggregate ({obj['__typename']})")

    _Marktaandeel = _ComponentAandeel = _Marktconcentratie = _aggregate

    def _Adoptiegroep(self, obj: dict, key, path: str, parent, root) -> None:
        if self.rol != "gebruik-raadpleger":
            for value in _values(obj, "gemeentenMetComponent"):
                self.want(value is None, path, "gemeentenMetComponent without aggregate rights")
            for value in _values(obj, "aandelen"):
                self.want(value == [], path, "aandelen without aggregate rights")

    def _Standaardendekkinggroep(self, obj: dict, key, path: str, parent, root) -> None:
        # Only aggregate roles see every landscape; a gebruik role gets its own, one gemeente.
        self.want(
            self.rol == "gebruik-raadpleger", path, f"a group of the standards coverage ({obj.get('groep')})"
        )
        for value in _values(obj, "gemeenten"):
            self.want(value == 1, path, f"standards coverage over {value} gemeenten")

    def _SubgraphEdge(self, obj: dict, key, path: str, parent, root) -> None:
        aantallen = [v for v in _values(obj, "aantal") if v is not None]
        if not aantallen and ">" not in str(obj.get("id", "")):
            return
        # A counted edge: only of a landscape the role sees whole, counted once.
        self.want(all(v == 1 for v in aantallen), path, "an edge counted over gemeenten' landscapes")
        ends = [obj.get("source"), obj.get("target")]
        if all(isinstance(end, str) for end in ends):
            pair = (decode(ends[0])[1], decode(ends[1])[1])
            self.want(pair in self.eigen_paren, path, f"an edge {pair} of a landscape not seen whole")
        elif not self.eigen_paren:
            self.fail(path, "an edge counted over gemeenten' landscapes")

    def _Klant(self, obj: dict, key, path: str, parent, root) -> None:
        organisatie = obj.get("organisatie") or {}
        org = decode(organisatie["id"])[1] if isinstance(organisatie.get("id"), str) else None
        lev = decode(root[1]["leverancier"]) if isinstance(root[1].get("leverancier"), str) else None
        products = [a for a in self.apps_of.get(org, ()) if lev is None or self.e.leverancier_of[a] == lev[1]]
        # Without its organisation in the answer, a customer names no one: nothing to check.
        self.want(
            org is None or bool(products),
            path,
            f"customer {org} with no Gebruik of {lev and lev[1]} the role may see",
        )
        for applicaties in _values(obj, "applicaties"):
            for app in applicaties or []:
                app_key = decode(app["id"])[1] if isinstance(app.get("id"), str) else None
                if org is not None and app_key is not None:
                    self.want(
                        app_key in self.apps_of[org], path, f"{org} using {app_key} is outside the matrix"
                    )

    def _Vergelijking(self, obj: dict, key, path: str, parent, root) -> None:
        hier = self.organisatie_arg(root[1].get("gemeente"))
        gemeente = obj.get("gemeente") or {}
        daar = decode(gemeente["id"])[1] if isinstance(gemeente.get("id"), str) else None
        self.want(self.rol != "bezoeker", path, "a similar gemeente for a bezoeker")
        if hier is None or daar is None:
            return
        shared = self.apps_of[hier] & self.apps_of[daar]
        self.want(bool(shared), path, f"{hier} and {daar} share no application the role may see")
        for value in _values(obj, "gedeeld"):
            self.want(value <= len(shared), path, f"{value} shared, {len(shared)} visible")
        for apps in _values(obj, "gedeeldeApplicaties"):
            for app in apps:
                app_key = decode(app["id"])[1]
                self.want(app_key in shared, path, f"{app_key} is not visibly used by both")

    def _Aanbeveling(self, obj: dict, key, path: str, parent, root) -> None:
        self.want(self.rol != "bezoeker", path, "a recommendation for a bezoeker")
        applicatie = obj.get("applicatie") or {}
        app = decode(applicatie["id"])[1] if isinstance(applicatie.get("id"), str) else None
        for door in _values(obj, "gebruiktDoor"):
            for gemeente in door:
                org = decode(gemeente["id"])[1]
                self.want(
                    app is None or app in self.apps_of[org], path, f"{org} using {app} is outside the matrix"
                )

    def _Standaardendekking(self, obj: dict, key, path: str, parent, root) -> None:
        org = self.organisatie_arg(root[1].get("gemeente"))
        if org is None or not self.landschap(org):
            for name in ("koppelingen", "metVerplichteStandaard", "volgensVerplichteStandaard"):
                for value in _values(obj, name):
                    self.want(value == 0, path, f"{name} of {org}'s landscape")

    def _start(self, root: tuple[str, dict]) -> dict | None:
        decoded = decode(root[1].get("gebruik")) if isinstance(root[1].get("gebruik"), str) else None
        return self.e.gebruik_by_id.get(decoded[1]) if decoded and decoded[0] == "Gebruik" else None

    def _Impactanalyse(self, obj: dict, key, path: str, parent, root) -> None:
        start = self._start(root)
        self.want(
            start is not None and start["id"] in self.gebruik, path, "an impact of an invisible Gebruik"
        )
        if start is None:
            return
        org = start["organisatie"]
        if not self.landschap(org):
            for name in ("koppelingen", "vervallendeDiensten", "ontbrekendeStandaarden"):
                for value in _values(obj, name):
                    self.want(value == [], path, f"{name} without the landscape of {org}")
        if self.per_organisatie[org] < len(self.e.gebruik_of[org]):
            for value in _values(obj, "onbediendeReferentiecomponenten"):
                self.want(value == [], path, f"unserved components without all of {org}'s Gebruik")

    def _Afhankelijkheden(self, obj: dict, key, path: str, parent, root) -> None:
        start = self._start(root)
        self.want(start is not None and start["id"] in self.gebruik, path, "a walk from an invisible Gebruik")
        if start is None or self.landschap(start["organisatie"]):
            return
        alone = {global_id("Gebruik", start["id"])}
        for graaf in _values(obj, "graaf"):
            reached = {node["id"] for node in graaf.get("nodes", []) if "id" in node}
            self.want(reached <= alone, path, f"a walk beyond {start['id']} without its landscape")
            self.want(graaf.get("edges", []) == [], path, "koppelingen without the landscape")
        for paden in _values(obj, "paden"):
            for pad in paden:
                self.want(
                    set(pad.get("nodes", [])) <= alone,
                    path,
                    f"a path from {start['id']} without its landscape",
                )
                self.want(pad.get("edges", []) == [], path, "koppelingen without the landscape")

    def _Landschapsgraaf(self, obj: dict, key, path: str, parent, root) -> None:
        org = self.organisatie_arg(root[1].get("organisatie"))
        if org is None:
            return
        for value in _values(obj, "totalCount"):
            self.want(value <= self.per_organisatie[org], path, f"{value} Gebruik of {org}")
        if not self.landschap(org):
            for value in _values(obj, "edges"):
                self.want(value == [], path, f"koppelingen of {org} without its landscape")

    def _GebruikConnection(self, obj: dict, key, path: str, parent: dict | None, root) -> None:
        limit = len(self.gebruik)
        owner = decode(parent["id"]) if parent and isinstance(parent.get("id"), str) else None
        if owner and owner[0] in ORGANISATIE_TYPES:
            limit = self.per_organisatie[owner[1]]
        elif owner and owner[0] == "Applicatie":
            limit = self.per_applicatie[owner[1]]
        elif (
            parent is None
            and root[0] == "gebruik"
            and (org := self.organisatie_arg(root[1].get("organisatie")))
        ):
            limit = self.per_organisatie[org]
        for value in _values(obj, "totalCount"):
            self.want(value <= limit, path, f"{value} Gebruik, {limit} visible")

    def _KoppelingConnection(self, obj: dict, key, path: str, parent, root) -> None:
        org = self.organisatie_arg(root[1].get("organisatie"))
        limit = self.koppelingen[org] if org else self.koppelingen.total()
        for value in _values(obj, "totalCount"):
            self.want(value <= limit, path, f"{value} koppelingen, {limit} visible")


# --- the fuzzing --------------------------------------------------------------------------------


CURSORS = """{
  applicaties(first: 2) { edges { cursor } }
  gemeenten(first: 2, orderBy: {field: INWONERS, direction: DESC}) { edges { cursor } }
  organisaties(last: 2) { edges { cursor } }
  gebruik(first: 2) { edges { cursor } }
  koppelingen(first: 2) { edges { cursor } }
  gemeente(cbsCode: "GM0363") { gebruik(first: 2) { edges { cursor } } }
}"""


def pools(expected: Expected, api: Api) -> Pools:
    """What to draw from, with cursors the API gave out to a gebruik-raadpleger, and made-up ones."""
    data = api.query(CURSORS)
    cursors = sorted(set(_strings(data)))
    made_up = [
        ["NAAM:ASC", "a", f"geb-{GRONINGEN}-0001"],
        ["ID:ASC", f"kop-{GRONINGEN}-0001", "x"],
        ["?", 1, "y"],
    ]
    cursors += [base64.urlsafe_b64encode(json.dumps(c).encode()).decode().rstrip("=") for c in made_up]
    return Pools.of(expected, Matrix(expected), [*cursors, "", "bm9wZQ"])


@pytest.fixture(scope="module")
def generated(expected: Expected, api_as) -> dict[tuple[str, ...], st.SearchStrategy[graphql.DocumentNode]]:
    return _strategies(pools(expected, api_as(*ROLLEN["gebruik-raadpleger"])))


def test_generated_queries_stay_inside_the_matrix(
    bezoeker: Api, api_as, expected: Expected, generated
) -> None:
    """Each generated query goes out as every role (generating costs as much as answering)."""
    clients = {rol: bezoeker if who is None else api_as(*who) for rol, who in ROLLEN.items()}
    koppeling_by_id = {k["id"]: k for k in expected.koppelingen}
    zichten = {rol: Zicht(rol, Matrix(expected), koppeling_by_id) for rol in ROLLEN}
    for zicht in zichten.values():  # computed once, outside the examples
        _ = zicht.gebruik, zicht.apps_of, zicht.koppelingen
    outcomes: dict[str, Counter] = {rol: Counter() for rol in ROLLEN}
    seconds: Counter = Counter()

    def ask(rol: str, query: str, roots: dict[str, dict]) -> None:
        started = time.perf_counter()
        response = clients[rol].post(query)
        seconds[rol] += time.perf_counter() - started
        outcomes[rol]["sent"] += 1
        assert response.status_code < 500, (rol, response.text)
        body = response.json()
        errors = body.get("errors") or []
        codes = [(error.get("extensions") or {}).get("code") for error in errors]
        assert None not in codes and "INTERNAL_SERVER_ERROR" not in codes, (rol, errors)
        outcomes[rol][("partial " if body.get("data") else "") + codes[0] if codes else "data"] += 1
        zicht = zichten[rol]
        zicht.problems.clear()
        for name, value in (body.get("data") or {}).items():
            zicht.walk(value, name, None, (name, roots.get(name, {})))
        assert not zicht.problems, (rol, zicht.problems)

    def fuzz(fields: tuple[str, ...], examples: int) -> None:
        @fuzzing(examples)
        @given(document=generated[fields])
        def each(document: graphql.DocumentNode) -> None:
            query, roots = instrument(document)
            note(query)
            for rol in ROLLEN:
                ask(rol, query, roots)

        each()

    started = time.perf_counter()
    for fields, examples in ROOTS.items():
        fuzz(fields, examples)
    print(f"\n{EXAMPLES} examples in {time.perf_counter() - started:.0f} s")
    for rol, outcome in outcomes.items():
        sent = outcome.pop("sent")
        spread = ", ".join(f"{code} {n}" for code, n in outcome.most_common())
        print(f"{rol}: {sent} queries, answered in {seconds[rol]:.0f} s: {spread}")
        assert sent >= MINIMUM, (rol, sent)
        # The fuzzing reaches data, not only refusals.
        assert outcome["data"] >= sent // 2, (rol, outcome)


# --- the checks themselves: what functioneel beheer sees is caught for the others -----------------

TEETH = {
    # query (ids filled in below) → the roles for whom its whole answer is outside the matrix
    "node(id: $amsterdam) { ... on Gebruik { notities contractEinde uitgaandeKoppelingen { identificatie } } }": {
        "bezoeker", "aanbod-beheerder",
    },
    "node(id: $groningen) { ... on Gebruik { notities contractEinde uitgaandeKoppelingen { identificatie } } }": {
        "bezoeker", "gebruik-raadpleger", "aanbod-beheerder",
    },
    "afhankelijkheden(gebruik: $product, diepte: 1) { graaf { nodes { id } edges { id } } }": set(ROLLEN),
    "impactanalyse(gebruik: $product) { koppelingen { kant } }": set(ROLLEN),
    "koppelingen(first: 3) { totalCount nodes { identificatie } }": set(ROLLEN),
    'organisatie(identificatie: "vng-realisatie") { medewerkers { naam } }': set(ROLLEN),
    "aantallen { naam aantal }": set(ROLLEN),
    "standaardendekkingOverzicht { groep gemeenten }": set(ROLLEN),
    "koppelingsnetwerk(first: 5) { edges { source target aantal } }": set(ROLLEN),
    "marktconcentratie(first: 1) { hhi }": {"bezoeker", "aanbod-beheerder"},
    "leveranciersprofiel(leverancier: $leverancier) { klanten { organisatie { naam } } }": {
        "bezoeker", "aanbod-beheerder",
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def teeth(api: Api, expected: Expected) -> list[tuple[str, dict, dict, set[str]]]:
    """Each query of TEETH with what functioneel beheer gets for it: everything."""
    matrix = Matrix(expected)
    values = {
        "$amsterdam": global_id("Gebruik", matrix.gebruik_met(AMSTERDAM, product=False, notities=True)["id"]),
        "$groningen": global_id("Gebruik", matrix.gebruik_met(GRONINGEN, product=False, notities=True)["id"]),
        "$product": global_id("Gebruik", matrix.gebruik_met(GRONINGEN, product=True)["id"]),
        "$leverancier": global_id("Leverancier", "lev-0001"),
    }
    answers = []
    for selection, flagged in TEETH.items():
        for name, value in values.items():
            selection = selection.replace(name, f'"{value}"')
        query, roots = instrument(graphql.parse(f"{{ {selection} }}"))
        answers.append((query, roots, api.query(query), flagged))
    return answers


@pytest.mark.parametrize("rol", list(ROLLEN))
def test_the_checks_catch_what_the_role_may_not_see(rol: str, teeth, expected: Expected) -> None:
    zicht = Zicht(rol, Matrix(expected), {k["id"]: k for k in expected.koppelingen})
    for query, roots, data, flagged in teeth:
        zicht.problems.clear()
        for name, value in data.items():
            zicht.walk(value, name, None, (name, roots.get(name, {})))
        assert bool(zicht.problems) == (rol in flagged), (query, zicht.problems)


# --- malformed input: generated bodies, tokens, cursors and ids; never a server error --------------

_json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(st.characters(codec=None, exclude_categories=()), max_size=8)  # lone surrogates too
)
_json = st.recursive(
    _json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)


def _cursor(value: Any) -> str:
    raw = json.dumps(value, allow_nan=True)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


_type_names = st.sampled_from(
    ["Node", "Organisatie", "GemmaElement", "Gebruik", "Gemeente", "Query", "PageInfo", "", "x"]
) | st.text(max_size=12)
_global_ids = st.builds(
    lambda t, i: base64.b64encode(f"{t}:{i}".encode("utf-8", "surrogatepass")).decode(),
    _type_names,
    st.text(max_size=12),
)
_texts = st.text(st.characters(codec=None, exclude_categories=()), max_size=20) | st.sampled_from(
    ["x" * 2_000, "\x00", "\ud800", "\udfff\ud800"]
)

MALFORMED_QUERIES = {
    "cursor": (
        "query($v: String) { applicaties(first: 2, after: $v) { totalCount } }",
        st.builds(_cursor, st.tuples(st.sampled_from(["NAAM:ASC", "x"]), _json, _json).map(list) | _json)
        | _texts,
    ),
    "id": ("query($v: ID!) { node(id: $v) { id } }", _global_ids | _texts),
    "ids": ("query($v: [ID!]!) { nodes(ids: $v) { id } }", st.lists(_global_ids | _texts, max_size=4)),
    "text": ("query($v: String!) { zoeken(tekst: $v) { applicaties(first: 1) { totalCount } } }", _texts),
    "filter": ("query($v: ApplicatieFilter) { applicaties(first: 1, filter: $v) { totalCount } }", _json),
    "gemeente": ("query($v: ID!) { standaardendekking(gemeente: $v) { koppelingen } }", _global_ids | _json),
}


@pytest.mark.parametrize("where", list(MALFORMED_QUERIES))
def test_malformed_input_is_never_a_server_error(bezoeker: Api, api_as, where: str) -> None:
    """Variables of the wrong shape, lone surrogates, NUL, numbers JSON cannot hold, global ids of
    any type, in every position a client controls: each answer is a 4xx, or a 200 with codes."""
    query, values = MALFORMED_QUERIES[where]
    raadpleger = api_as(*ROLLEN["gebruik-raadpleger"])

    @fuzzing(60)
    @given(value=values, nesting=st.sampled_from([0, 0, 0, 40, 2_000]), as_json=st.booleans())
    def each(value: Any, nesting: int, as_json: bool) -> None:
        variables = {"v": value}
        body = json.dumps({"query": query, "variables": variables}, allow_nan=True)  # ASCII: escapes kept
        if nesting:  # written out: json.dumps itself refuses to nest this deep
            body = body[: body.rindex('"v": ') + 5] + "[" * nesting + "]" * nesting + "}}"
        for client in (bezoeker, raadpleger):
            headers = {
                "content-type": "application/json",
                "accept": "application/json" if as_json else "application/graphql-response+json",
            }
            if client.token:
                headers["authorization"] = f"Bearer {client.token}"
            response = client.client.post("/graphql", content=body.encode(), headers=headers)
            assert response.status_code < 500, (variables, response.text)
            codes = [(e.get("extensions") or {}).get("code") for e in response.json().get("errors") or []]
            assert None not in codes and "INTERNAL_SERVER_ERROR" not in codes, (variables, response.text)

    each()


@pytest.mark.parametrize(
    "token",
    ["a.b.c", "e30.e30.", "eyJhbGciOiJFUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiJcdTAwMDAifQ.AAAA", "x" * 20_000],
)
def test_malformed_tokens_are_401_not_500(bezoeker: Api, token: str) -> None:
    response = bezoeker.client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"authorization": f"Bearer {token}"}
    )
    assert response.status_code == 401, response.text
