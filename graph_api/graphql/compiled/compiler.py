"""One root field's selection, compiled into Cypher that projects only what was selected.

The compiler walks the selection as graphql-core collects it (fragments, aliases and
@include/@skip resolved) and turns every field into a piece of one statement: the node's
selected properties, relations as OPTIONAL MATCH clauses (fragments in relations.py), a paged
list as a statement of its own. Alongside it builds the `shape` that turns the returned maps
into the response, serialising every value by the schema's own scalar and enum types, so the
compiled and the resolved paths answer alike.

Anything it does not cover raises `Unsupported`, and the field is resolved the usual way. That
includes every field the compiled read would answer without running what the field carries (see
`fence`), and a plain field whose property the model does not declare for the node.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLField,
    GraphQLID,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLString,
    get_named_type,
    is_abstract_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
)
from graphql.execution.values import VariableValues, get_argument_values
from graphql.language import DirectiveNode, Node, VariableNode, Visitor, visit
from strawberry import relay
from strawberry.types.arguments import convert_arguments

from graph_api.graphql.compiled.relations import (
    DERIVED,
    EIGENSCHAPPEN,
    LOOKUPS,
    PROPERTY_OF,
    RELATIES,
    ROOT_LISTS,
    VERBINDINGEN,
    ZICHT_CONCEPT,
    Anchored,
    Eigenschap,
    GuardedKey,
    Relatie,
    Verbinding,
)
from graph_api.graphql.core.loaders import RequestStore
from graph_api.graphql.core.paging import Cursor, PageRequest
from graph_api.graphql.errors import ClientError
from graph_api.model import describe
from graph_api.toegang import Zicht

DEFINITION = "strawberry-definition"
# graphql-core's field collection applies these before the compiler sees the selection; any other
# directive on a field means something to a resolver or an extension the compiled read skips.
APPLIED_DIRECTIVES = frozenset({"include", "skip"})
Shape = Callable[[dict[str, Any]], Any]
# Scalars whose serialisation returns a text as it is: the engine's texts (names, ids, dates) pass
# on without two calls each, some 3,600 fewer calls for a page of Amsterdam's landscape.
TEXTS = (GraphQLString, GraphQLID)
Step = Callable[[dict[str, Any], dict[str, Any]], None]  # from a returned map into the response
Arguments = Callable[[VariableValues], dict[str, Any]]
# From a field's arguments to what of them shapes the statements, and the values they pass on.
Evaluation = Callable[[dict[str, Any]], tuple[Hashable, dict[str, Any]]]


class Unsupported(Exception):
    """The selection has something the compiler does not cover: resolve it field by field."""


class _Names(dict):
    """A fragment's placeholders: the bound ones, and a fresh variable for every other."""

    def __init__(self, fresh: Callable[[], str], **bound: str):
        super().__init__(bound)
        self._fresh = fresh

    def __missing__(self, key: str) -> str:
        self[key] = value = self._fresh()
        return value


@dataclass
class _Page:
    """A paged list. Its rows land in the parent's map under `key`: read inside the lookup's
    statement, as `rows`, where the page starts at its beginning and is not filtered; else by a
    statement of its own."""

    verbinding: Verbinding
    request: PageRequest
    filters: dict[str, Any]
    ordering: str
    key: str
    kind: GraphQLNamedType
    site: int  # the compiler's site of the list's arguments
    node_fields: list = field(default_factory=list)
    shape: Shape | None = None
    rows: str | None = None  # the variable holding the rows, where the lookup's statement reads them

    @property
    def filtered(self) -> bool:
        return any(v is not None for v in self.filters.values())

    @property
    def mergeable(self) -> bool:
        # A keyset cursor or a filter would drop the row of an object with no (more) items, and
        # FalkorDB cannot resolve a pattern predicate in an OPTIONAL MATCH's WHERE.
        return self.request.cursor is None and not self.filtered


@dataclass(frozen=True)
class _Site:
    """A field whose arguments the statements depend on: how they are read from the variables,
    and what of them (`structure`) made the statements what they are."""

    arguments: Arguments
    evaluate: Evaluation
    structure: Hashable


@dataclass(frozen=True)
class CompiledRead:
    """The statements of one root field, and how their rows become its value.

    The statements depend on the variables only through `sites` (and the @include/@skip
    `switches`): other variables that shape them alike make the same statements, with other
    `params` (`bind`). A request never seen before is so answered without compiling it again.
    """

    name: str
    read: Callable[[RequestStore, dict[str, Any]], Awaitable[Any]]
    params: dict[str, Any] = field(default_factory=dict)
    sites: tuple[_Site, ...] = ()
    sources: Mapping[str, tuple[int, str]] = field(default_factory=dict)  # param -> (site, value)
    switches: tuple[tuple[str, Any], ...] = ()  # the variables @include/@skip read, and their values

    def run(self, store: RequestStore) -> Awaitable[Any]:
        return self.read(store, self.params)

    def bind(self, variables: VariableValues) -> CompiledRead | None:
        """This read for other variables, where they shape the statements as its own did; None:
        they do not (another lookup argument, a cursor where there was none, ...), compile anew."""
        if any(variables.coerced.get(name) != value for name, value in self.switches):
            return None
        values = []
        for site in self.sites:
            try:
                structure, found = site.evaluate(site.arguments(variables))
            except Exception:  # refused arguments: compiling anew reports them where they belong
                return None
            if structure != site.structure:
                return None
            values.append(found)
        params = dict(self.params)
        for name, (index, what) in self.sources.items():
            params[name] = values[index][what]
        return replace(self, params=params)


class Compiler:
    def __init__(self, executor: Any, zicht: Zicht):
        self._executor = executor
        self._zicht = zicht
        self._params: dict[str, Any] = {}
        self._sites: list[_Site] = []
        self._sources: dict[str, tuple[int, str]] = {}
        self._vars = 0
        self._sorted: tuple[str, str] | None = None  # the row variable of a page and its ordering

    def root(self, query_type: GraphQLObjectType, details: list) -> CompiledRead:
        name = details[0].node.name.value
        if name not in LOOKUPS and name not in ROOT_LISTS:
            raise Unsupported(name)
        gql_field = query_type.fields[name]
        fenced = fence(gql_field, details)
        if fenced is not None:
            raise Unsupported(f"{name}: {fenced}")
        try:
            if name in LOOKUPS:
                name, read = self._lookup(name, gql_field, details)
            else:
                name, read = self._root_list(name, gql_field, details)
        except ClientError as error:  # the resolver raises it where it belongs
            raise Unsupported(str(error)) from error
        executor = self._executor
        switches = _switch_variables([d.node for d in details], executor.fragment_definitions)
        return CompiledRead(
            name,
            read,
            self._params,
            tuple(self._sites),
            self._sources,
            tuple((switch, executor.variable_values.coerced.get(switch)) for switch in sorted(switches)),
        )

    # -- root fields --------------------------------------------------------------------------

    def _lookup(self, name: str, gql_field: GraphQLField, details: list) -> tuple[str, Callable]:
        lookup = LOOKUPS[name]
        site, found = self._site(gql_field, details, functools.partial(_lookup_evaluation, name, lookup))
        pattern = self._sites[site].structure
        assert isinstance(pattern, str)
        sleutel = self._param(found["sleutel"], (site, "sleutel"))
        x = self._var()
        names = _Names(self._var, x=x)
        match = pattern.format_map(names).replace("$sleutel", sleutel)
        label = lookup.label.format_map(names) if lookup.label else None
        pages: list[_Page] = []
        clauses: list[str] = []
        scope = [x]
        entries, shape = self._object(
            x, get_named_type(gql_field.type), details, label, clauses, scope, pages
        )
        for page in pages:
            if page.rows is not None:
                clauses += self._page_clauses(page, x, scope)
        where = ""
        if lookup.concepten and not self._zicht.beheer:
            where = f" WHERE {ZICHT_CONCEPT.format_map(names)}"
        text = "\n".join([f"MATCH {match}{where}", *clauses, f"RETURN {x} {{{entries}}} AS item"])
        # The other pages find the object by the same key themselves: all statements start at once.
        anchor = pattern.replace("$sleutel", sleutel)
        apart = [page for page in pages if page.rows is None]
        statements = [self._page_statement(page, anchor=anchor) for page in apart]

        async def read(store: RequestStore, values: dict[str, Any]) -> list[list[dict]]:
            return await together(
                [store.read_text(f"compiled/{name}", s, values) for s in [text, *statements]]
            )

        async def run(store: RequestStore, params: dict[str, Any]) -> Any:
            rows, *pages_rows = await read(store, params)
            if not rows and lookup.doorverwijzing is not None:
                # Only a key that found nothing costs this read: it may name what was merged.
                for row in await store.read(lookup.doorverwijzing, {"id": params[sleutel[1:]]}):
                    rows, *pages_rows = await read(store, {**params, sleutel[1:]: row["id"]})
            if not rows:
                return None
            item = rows[0]["item"]
            for page, page_rows in zip(apart, pages_rows, strict=True):
                item[page.key] = {**(item.get(page.key) or {}), "rijen": page_rows}
            return shape(item)

        return name, run

    def _root_list(self, name: str, gql_field: GraphQLField, details: list) -> tuple[str, Callable]:
        verbinding = ROOT_LISTS[name]
        connection = get_named_type(gql_field.type)
        assert isinstance(connection, GraphQLObjectType)
        page = self._page(verbinding, gql_field, details, connection, "lijst")
        counted, _, shape = self._connection(connection, details, page)
        text = self._page_statement(page)
        count_text = self._count_statement(page) if counted else None

        async def run(store: RequestStore, params: dict[str, Any]) -> Any:
            reads = [store.read_text(f"compiled/{name}", text, params)]
            if count_text is not None:
                reads.append(store.read_text(f"compiled/{name}", count_text, params))
            results = await together(reads)
            value = {"rijen": results[0]}
            if count_text is not None:
                value["aantal"] = results[1][0]["aantal"]
            return shape(value)

        return name, run

    # -- objects and their fields ---------------------------------------------------------------

    def _object(
        self,
        var: str,
        gql_type: GraphQLNamedType,
        details: list,
        label: str | None,
        clauses: list[str],
        scope: list[str],
        pages: list[_Page] | None = None,
        *,
        ids: bool = True,
    ) -> tuple[str, Shape]:
        """A node's map projection and the shape of its value.

        Relations become OPTIONAL MATCH clauses (appended to `clauses`), each closed by a WITH
        that carries `scope` and the relation's value: FalkorDB cannot nest a pattern
        comprehension in another's projection. Paged lists go to `pages`: only a single root
        object has them, below a list they are not compiled.
        """
        if is_abstract_type(gql_type):
            if label is None:
                raise Unsupported(f"{gql_type.name} without a label")
            kinds = list(self._executor.schema.get_possible_types(gql_type))
        else:
            assert isinstance(gql_type, GraphQLObjectType)
            kinds = [gql_type]
        # The id where the shape needs it (sorting, cursors) or the projection would be empty;
        # every other value read is one more for the engine client to parse.
        properties = {"id"} if ids else set()
        entries: list[str] = [f"label: {label}"] if len(kinds) > 1 else []
        shapes: dict[str, Shape] = {}
        for kind in kinds:
            shapes[kind.name] = self._fields(var, kind, details, properties, entries, clauses, scope, pages)
        if not properties and not entries:
            properties.add("id")
        text = ", ".join([*(f".{p}" for p in sorted(properties)), *entries])
        if len(kinds) == 1:
            return text, shapes[kinds[0].name]

        def shape(item: dict[str, Any]) -> Any:
            fields = shapes.get(item.get("label", ""))
            if fields is None:
                raise Unsupported(f"an item labelled {item.get('label')}")
            return fields(item)

        return text, shape

    def _fields(
        self,
        var: str,
        kind: GraphQLObjectType,
        details: list,
        properties: set[str],
        entries: list[str],
        clauses: list[str],
        scope: list[str],
        pages: list[_Page] | None,
    ) -> Shape:
        collected = self._executor.collect_subfields(kind, details)
        if collected.new_defer_usages:
            raise Unsupported("@defer")
        selected = list(collected.grouped_field_set.items())
        interfaces = [i.name for i in kind.interfaces]

        def collects(index: int) -> bool:
            found = _find(kind.name, interfaces, selected[index][1][0].node.name.value)
            return isinstance(found, Relatie) and found.many

        # To-many relations first: each closing WITH groups by everything carried before it, and
        # a to-one relation's map carried into that grouping costs FalkorDB about 8% on a landscape.
        # The response keeps the selection's order.
        steps_of: list[list[Step]] = [[] for _ in selected]
        for index in sorted(range(len(selected)), key=lambda i: not collects(i)):
            response, sub = selected[index]
            steps = steps_of[index]
            name = sub[0].node.name.value
            if name == "__typename":
                steps.append(_constant(response, kind.name))
                continue
            gql_field = kind.fields[name]
            fenced = fence(gql_field, sub)
            if fenced is not None:
                raise Unsupported(f"{kind.name}.{name}: {fenced}")
            definition = gql_field.extensions[DEFINITION]
            if name == "id" and any(i.name == "Node" for i in kind.interfaces):
                properties.add("id")
                steps.append(_global_id(response, kind.name))
            elif definition.base_resolver is None and not gql_field.args:
                prop, derive = plain_property(kind.name, name)
                if prop not in declared_properties(kind.name):
                    # Reading it would answer null where the object's own attribute may say more.
                    raise Unsupported(f"{kind.name}.{name}: {prop} is not a property of {kind.name}")
                properties.add(prop)
                steps.append(_plain(response, prop, derive, leaf_serializer(gql_field.type)))
            else:
                key = self._relation(var, kind, gql_field, name, sub, clauses, scope, pages, steps, response)
                if key is not None:
                    entries.append(f"{key}: {key}" if key in scope else key)
        steps = [step for field_steps in steps_of for step in field_steps]

        def shape(item: dict[str, Any]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for step in steps:
                step(item, out)
            return out

        return shape

    def _relation(
        self,
        var: str,
        kind: GraphQLObjectType,
        gql_field: GraphQLField,
        name: str,
        details: list,
        clauses: list[str],
        scope: list[str],
        pages: list[_Page] | None,
        steps: list[Step],
        response: str,
    ) -> str | None:
        """Compiles a field that has a resolver; returns the map entry (or the carried key) of its value."""
        found = _find(kind.name, [i.name for i in kind.interfaces], name)
        key = "_" + self._var()
        if isinstance(found, Eigenschap):
            steps.append(_value(response, key, leaf_serializer(gql_field.type)))
            names = _Names(self._var, p=var)
            expr = found.expr.format_map(names)
            if not self._granted(found.guard.flag):
                guard = found.guard
                if guard.pattern is None:  # a property's guard reads through a path from its parent
                    raise Unsupported(f"{kind.name}.{name} guarded without a pattern")
                pattern, condition = guard.pattern.format_map(names), guard.condition.format_map(names)
                expr = f"head([{pattern} WHERE {condition} | {expr}])"
            return f"{key}: {expr}"
        if isinstance(found, Relatie):
            if gql_field.args:
                raise Unsupported(f"{kind.name}.{name} with arguments")
            target = get_named_type(gql_field.type)
            shape, order = self._related(var, found, target, details, key, clauses, scope)
            steps.append(_related(response, key, shape, found.many, order))
            return key
        if isinstance(found, Verbinding):
            connection = get_named_type(gql_field.type)
            assert isinstance(connection, GraphQLObjectType)
            page = self._page(found, gql_field, details, connection, key)
            counted, paged, shape = self._connection(connection, details, page)
            if paged:
                if pages is None:
                    raise Unsupported(f"a page of {kind.name}.{name} below a list")
                pages.append(page)
                if page.mergeable:
                    page.rows = "_" + self._var()
            steps.append(_value(response, key, shape, keep_none=True))
            parts = [f"rijen: {page.rows}"] if page.rows else []
            if counted:
                if self._sorted == (var, found.counted_by) and not page.filtered:
                    parts.append("aantal: k")  # the page is ordered by this very count
                else:
                    parts.append(f"aantal: {self._count_expression(page, var, clauses, scope)}")
            return f"{key}: {{{', '.join(parts)}}}" if parts else None
        raise Unsupported(f"{kind.name}.{name}")

    def _related(
        self,
        parent: str,
        relatie: Relatie,
        target: GraphQLNamedType,
        details: list,
        key: str,
        clauses: list[str],
        scope: list[str],
    ) -> tuple[Shape, str | None]:
        """The relation's shape, and the key its items are ordered by (None: unordered)."""
        x = self._var()
        names = _Names(self._var, p=parent, x=x)
        pattern, where = relatie.pattern, ""
        if relatie.guard is not None and not self._granted(relatie.guard.flag):
            pattern = relatie.guard.pattern or pattern
            where = f" WHERE {relatie.guard.condition.format_map(names)}"
        pattern = pattern.format_map(names)
        paths: list[str] = []
        if relatie.many:
            # Two relationships to the same item are two items, as in the named query; the
            # item's own relations group by its relationships too, or Neo4j merges the two
            # rows into one group (FalkorDB kept them apart).
            def named(_: re.Match[str]) -> str:
                paths.append(self._var())
                return f"[{paths[-1]}:"

            pattern = re.sub(r"\[:", named, pattern)
        clauses.append(f"OPTIONAL MATCH {pattern}{where}")
        label = relatie.label.format_map(names) if relatie.label else None
        inner = [*scope, x, *paths]
        entries, shape = self._object(x, target, details, label, clauses, inner, ids=relatie.many)
        order_key = None
        if relatie.order is not None:
            order = relatie.order.format_map(names)
            plain = re.fullmatch(rf"{x}\.(\w+)", order)
            if plain and f".{plain.group(1)}" in entries.split(", "):
                # Neo4j 5.26 answers null for a projected property that another entry of the same
                # projection reads again inside CASE (`x {.naam, _o: x.naam}`): the items are
                # ordered by the projected property itself.
                order_key = plain.group(1)
            else:
                entries += f", _o: {order}"
                order_key = "_o"
        value = f"CASE WHEN {x} IS NULL THEN null ELSE {x} {{{entries}}} END"
        clauses.append(f"WITH {', '.join(scope)}, {f'collect({value})' if relatie.many else value} AS {key}")
        scope.append(key)
        return shape, order_key

    # -- paged lists --------------------------------------------------------------------------

    def _page(
        self,
        verbinding: Verbinding,
        gql_field: GraphQLField,
        details: list,
        connection: GraphQLObjectType,
        key: str,
    ) -> _Page:
        evaluation = functools.partial(_page_evaluation, connection.name, verbinding)
        site, found = self._site(gql_field, details, evaluation)
        verzoek = found["verzoek"]
        kind = get_named_type(connection.fields["nodes"].type)
        return _Page(verbinding, verzoek.page, verzoek.params, verzoek.field, key, kind, site)

    def _connection(
        self, connection: GraphQLObjectType, details: list, page: _Page
    ) -> tuple[bool, bool, Shape]:
        """Whether totalCount is asked, whether the page is, and the shape from `{rijen, aantal}`
        to the connection.

        Rows are `{k, item}`, as the named page queries return them: cursors come out the same.
        """
        request = page.request
        ops: list[tuple[str, str, Any]] = []
        for response, sub in self._executor.collect_subfields(connection, details).grouped_field_set.items():
            name = sub[0].node.name.value
            fenced = None if name == "__typename" else fence(connection.fields[name], sub)
            if fenced is not None:
                raise Unsupported(f"{connection.name}.{name}: {fenced}")
            if name in ("__typename", "totalCount"):
                ops.append((response, name, connection.name))
            elif name == "nodes":
                ops.append((response, name, None))
                page.node_fields.append(sub)
            elif name in ("edges", "pageInfo"):
                inner = get_named_type(connection.fields[name].type)
                fields = []
                for r, s in self._executor.collect_subfields(inner, sub).grouped_field_set.items():
                    inner_name = s[0].node.name.value
                    fenced = None if inner_name == "__typename" else fence(inner.fields[inner_name], s)
                    if fenced is not None:
                        raise Unsupported(f"{inner.name}.{inner_name}: {fenced}")
                    fields.append((r, inner_name))
                    if inner_name == "node":
                        page.node_fields.append(s)
                ops.append((response, name, (inner.name, fields)))
            else:
                raise Unsupported(f"{connection.name}.{name}")
        if len(page.node_fields) > 1:  # nodes and edges { node } may select differently
            raise Unsupported(f"{connection.name} with both nodes and edges")
        page.node_fields = page.node_fields[0] if page.node_fields else []
        operations = {op for _, op, _ in ops}
        edges = "edges" in operations

        def shape(value: dict[str, Any]) -> dict[str, Any]:
            rows = value.get("rijen") or []
            has_more = len(rows) > request.size
            rows = list(rows[: request.size])
            if request.backwards:
                rows.reverse()
            # Every cursor for edges; for pageInfo only the first and the last.
            ends = rows if edges else rows[:1] + rows[1:][-1:]
            cursors = [Cursor(request.ordering, row["k"], row["item"]["id"]).encode() for row in ends]
            nodes = [page.shape(row["item"]) for row in rows] if page.shape else []
            page_info = {
                "hasNextPage": has_more if not request.backwards else request.cursor is not None,
                "hasPreviousPage": has_more if request.backwards else request.cursor is not None,
                "startCursor": cursors[0] if cursors else None,
                "endCursor": cursors[-1] if cursors else None,
            }
            out: dict[str, Any] = {}
            for response, op, payload in ops:
                if op == "__typename":
                    out[response] = payload
                elif op == "totalCount":
                    out[response] = value.get("aantal", 0)
                elif op == "nodes":
                    out[response] = nodes
                elif op == "edges":
                    edge_name, fields = payload
                    out[response] = [
                        {r: _edge_field(f, edge_name, node, cursor) for r, f in fields}
                        for node, cursor in zip(nodes or [None] * len(cursors), cursors, strict=True)
                    ]
                else:
                    info_name, fields = payload
                    out[response] = {r: info_name if f == "__typename" else page_info[f] for r, f in fields}
            return out

        return "totalCount" in operations, bool(operations & {"nodes", "edges", "pageInfo"}), shape

    def _conditions(self, page: _Page, names: _Names, anchors: list[str] | None = None) -> list[str]:
        """The list's conditions; the clauses that find the nodes its filters name go to `anchors`
        (None: the list is a pattern inside another clause, where no clause can go first)."""
        verbinding = page.verbinding
        conditions = []
        if verbinding.concepten and not self._zicht.beheer:
            conditions.append(f"({ZICHT_CONCEPT.format_map(names)})")
        if verbinding.guard is not None and not self._granted(verbinding.guard.flag):
            conditions.append(f"({verbinding.guard.condition.format_map(names)})")
        for param, value in page.filters.items():
            if value is not None:
                name = self._param(value, (page.site, f"filter:{param}"))
                condition = verbinding.filters[param]
                if isinstance(condition, Anchored):
                    if anchors is None:
                        raise Unsupported(f"the {param} filter inside a pattern")
                    # Its own fresh names: {a} of the list's pattern is another node.
                    filter_names = _Names(self._var, x=names["x"])
                    anchors.append(_bind(condition.anchor.format_map(filter_names), param, name))
                    condition = condition.condition.format_map(filter_names)
                else:
                    condition = condition.format_map(names)
                conditions.append(f"({_bind(condition, param, name)})")
        return conditions

    def _page_statement(self, page: _Page, *, anchor: str | None = None) -> str:
        """The page's statement; below a looked-up object, `anchor` is the lookup's pattern `{x}`."""
        verbinding, request = page.verbinding, page.request
        x = self._var()
        names = _Names(self._var, x=x)
        lines = []
        if anchor is not None:
            parent = names["p"]
            lines.append(
                f"MATCH {anchor.format_map(_Names(self._var, x=parent))} WHERE {parent}:{verbinding.parent}"
            )
        anchors: list[str] = []
        conditions = self._conditions(page, names, anchors)
        lines += anchors
        lines.append(f"MATCH {verbinding.match.format_map(names)}")
        if conditions:
            lines.append("WHERE " + "\n  AND ".join(conditions))
        lines.append(f"WITH {x}, {self._sort_key(page, names)} AS k")
        descending = request.descending != request.backwards
        if request.cursor is not None:
            position = {"k": request.cursor.key, "id": request.cursor.id}
            after = self._param(position, (page.site, "cursor"))
            op = "<" if descending else ">"
            lines.append(f"WHERE k {op} {after}.k OR (k = {after}.k AND {x}.id {op} {after}.id)")
        order = " DESC" if descending else ""
        lines.append(f"WITH {x}, k ORDER BY k{order}, {x}.id{order} LIMIT {self._param(request.size + 1)}")
        clauses: list[str] = []
        self._sorted = (x, page.ordering)
        entries, page.shape = self._object(x, page.kind, page.node_fields, None, clauses, [x, "k"])
        self._sorted = None
        lines += clauses
        lines.append(f"RETURN k, {x}.id AS id, {x} {{{entries}}} AS item ORDER BY k{order}, id{order}")
        return "\n".join(lines)

    def _page_clauses(self, page: _Page, parent: str, scope: list[str]) -> list[str]:
        """The page inside the lookup's statement: its items matched optionally from the one
        `parent`, ordered and limited, then collected in order into `page.rows` (added to `scope`)."""
        verbinding, request, rows = page.verbinding, page.request, page.rows
        assert rows is not None  # only a mergeable page, its variable named, is read here
        x = self._var()
        names = _Names(self._var, p=parent, x=x)
        conditions = [f"{parent}:{verbinding.parent}", *self._conditions(page, names)]
        carried = ", ".join(scope)
        order = " DESC" if request.descending != request.backwards else ""
        sort = f"ORDER BY k{order}, {x}.id{order}"
        lines = [
            f"OPTIONAL MATCH {verbinding.match.format_map(names)}",
            "WHERE " + "\n  AND ".join(conditions),
            f"WITH {carried}, {x}, {self._sort_key(page, names)} AS k",
            f"WITH {carried}, {x}, k {sort} LIMIT {self._param(request.size + 1)}",
        ]
        inner = [*scope, x, "k"]
        limited = len(lines)
        self._sorted = (x, page.ordering)
        entries, page.shape = self._object(x, page.kind, page.node_fields, None, lines, inner)
        self._sorted = None
        if len(lines) > limited:  # the relations' aggregations may reorder the rows
            lines.append(f"WITH {', '.join(inner)} {sort}")
        row = f"CASE WHEN {x} IS NULL THEN null ELSE {{k: k, item: {x} {{{entries}}}}} END"
        lines.append(f"WITH {carried}, collect({row}) AS {rows}")
        scope.append(rows)
        return lines

    def _sort_key(self, page: _Page, names: _Names) -> str:
        key = page.verbinding.keys[page.ordering]
        if isinstance(key, GuardedKey):
            key = key.granted if self._granted(key.flag) else key.guarded
        return key.format_map(names)

    def _count_statement(self, page: _Page) -> str:
        x = self._var()
        names = _Names(self._var, x=x)
        anchors: list[str] = []
        conditions = self._conditions(page, names, anchors)
        where = "\nWHERE " + "\n  AND ".join(conditions) if conditions else ""
        found = "".join(f"{anchor}\n" for anchor in anchors)
        return f"{found}MATCH {page.verbinding.match.format_map(names)}{where}\nRETURN count({x}) AS aantal"

    def _count_expression(self, page: _Page, parent: str, clauses: list[str], scope: list[str]) -> str:
        names = _Names(self._var, p=parent)
        conditions = self._conditions(page, names)
        where = " WHERE " + " AND ".join(conditions) if conditions else ""
        match = page.verbinding.match.format_map(names)
        if not any("-[" in condition for condition in conditions):
            return f"size([{match}{where} | 1])"
        # FalkorDB fails on a pattern predicate inside a pattern comprehension ("Type mismatch:
        # expected Null but was Pointer"): such a count is a clause of its own.
        counted = self._var()
        clauses += [
            f"OPTIONAL MATCH {match}{where}",
            f"WITH {', '.join(scope)}, count({names['x']}) AS {counted}",
        ]
        scope.append(counted)
        return counted

    # -- helpers ------------------------------------------------------------------------------

    def _site(
        self, gql_field: GraphQLField, details: list, evaluate: Evaluation
    ) -> tuple[int, dict[str, Any]]:
        """A field's arguments as `evaluate` finds them: the site's index and the values found."""
        arguments = _argument_reader(gql_field, details[0], self._executor.schema._strawberry_schema)
        structure, found = evaluate(arguments(self._executor.variable_values))
        self._sites.append(_Site(arguments, evaluate, structure))
        return len(self._sites) - 1, found

    def _granted(self, flag: str) -> bool:
        """Whether the asker's visibility makes a guard with this flag true for everything."""
        return {"alleGebruik": self._zicht.alle_gebruik, "alleLandschappen": self._zicht.alle_landschappen}[
            flag
        ]

    def _param(self, value: Any, source: tuple[int, str] | None = None) -> str:
        """A parameter of the statements; `source`: the site and value it is bound from."""
        name = f"v{len(self._params)}"
        self._params[name] = value
        if source is not None:
            self._sources[name] = source
        return f"${name}"

    def _var(self) -> str:
        self._vars += 1
        return f"n{self._vars}"


def _argument_reader(gql_field: GraphQLField, detail: Any, schema: Any) -> Arguments:
    """How a field's arguments are read from the variables, as Strawberry converts them; it holds
    no part of the request it was made for."""
    definition = gql_field.extensions.get(DEFINITION)
    if definition is None:
        raise Unsupported("a field Strawberry did not define")
    node, fragment_values = detail.node, detail.fragment_variable_values
    registry, config = schema.schema_converter.scalar_registry, schema.config

    def arguments(variables: VariableValues) -> dict[str, Any]:
        raw = get_argument_values(gql_field, node, variables, fragment_values)
        return convert_arguments(raw, definition.arguments, registry, config)

    return arguments


def _lookup_evaluation(name: str, lookup: Any, args: dict[str, Any]) -> tuple[Hashable, dict[str, Any]]:
    """A lookup's statement depends on the argument given (its pattern), not on the key."""
    found = lookup.find(args)
    if found is None:
        raise Unsupported(f"{name} with these arguments")
    pattern, key = found
    return pattern, {"sleutel": key}


def _page_evaluation(
    name: str, verbinding: Verbinding, args: dict[str, Any]
) -> tuple[Hashable, dict[str, Any]]:
    """A page's statements and shape depend on its size, direction, ordering, whether it has a
    cursor and which filters are given; the cursor's position and the filters' values are
    parameters."""
    verzoek = verbinding.request(args)
    request, filters = verzoek.page, verzoek.params
    if verzoek.field not in verbinding.keys or any(
        value is not None and param not in verbinding.filters for param, value in filters.items()
    ):
        raise Unsupported(f"{name} with these arguments")
    given = tuple(sorted(param for param, value in filters.items() if value is not None))
    structure = (verzoek.field, request.size, request.backwards, request.descending, request.ordering,
                 request.cursor is None, given)  # fmt: skip
    cursor = None if request.cursor is None else {"k": request.cursor.key, "id": request.cursor.id}
    values = {f"filter:{param}": value for param, value in filters.items()}
    return structure, {"verzoek": verzoek, "cursor": cursor, **values}


def _switch_variables(nodes: list[Node], fragments: Mapping[str, Node]) -> frozenset[str]:
    """The variables read by a directive anywhere in these nodes or in any fragment of the
    document: what @include/@skip select may change with them."""
    found: set[str] = set()

    class Switches(Visitor):
        def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
            for argument in node.arguments or ():
                if isinstance(argument.value, VariableNode):
                    found.add(argument.value.name.value)

    for node in [*nodes, *fragments.values()]:
        visit(node, Switches())
    return frozenset(found)


async def together(reads: Sequence[Awaitable[Any]]) -> list[Any]:
    """The results of reads run side by side; a single one is awaited as it is, without the
    task asyncio.gather would wrap it in."""
    if len(reads) == 1:
        return [await reads[0]]
    return list(await asyncio.gather(*reads))


def fence(gql_field: GraphQLField, details: list) -> str | None:
    """Why a field must be resolved however well the compiler knows its relation or property:
    permission classes and field extensions run in the resolve a compiled read replaces, and a
    directive the field collection does not apply would be dropped. None: nothing stands in the way."""
    definition = gql_field.extensions.get(DEFINITION)
    if definition is None:
        return "a field Strawberry did not define"
    if definition.permission_classes:
        return "permission classes"
    if definition.extensions:
        return "field extensions"
    if definition.directives:
        return "schema directives"
    for detail in details:
        for directive in detail.node.directives or ():
            if directive.name.value not in APPLIED_DIRECTIVES:
                return f"@{directive.name.value}"
    return None


def plain_property(kind: str, name: str) -> tuple[str, Callable[[Any], Any] | None]:
    """The property a plain field of this type reads, and how its value is derived, if it is."""
    return DERIVED.get((kind, name), (PROPERTY_OF.get(name, name), None))


@functools.cache  # the model is declared once, in code
def declared_properties(label: str) -> frozenset[str]:
    """The properties the model declares for nodes with this label; none for a type that is not one."""
    model = describe()
    return frozenset(model.properties_of(label)) if label in model.labels else frozenset()


def _find(kind: str, interfaces: list[str], name: str) -> Eigenschap | Relatie | Verbinding | None:
    for owner in (kind, *interfaces):
        for table in (EIGENSCHAPPEN, RELATIES, VERBINDINGEN):
            found = table.get((owner, name))
            if found is not None:
                return found
    return None


def _edge_field(name: str, edge_name: str, node: Any, cursor: str) -> Any:
    return edge_name if name == "__typename" else cursor if name == "cursor" else node


@functools.cache  # a schema's types live as long as the process
def leaf_serializer(gql_type: GraphQLOutputType) -> Callable[[Any], Any]:
    """How a plain field's value (a scalar, an enum or a list of them) is serialised; a missing
    list is empty, as the types' `from_item` make it."""
    if is_non_null_type(gql_type):
        if is_list_type(gql_type.of_type):
            items = leaf_serializer(gql_type.of_type)
            return lambda value: items(value or [])
        inner = leaf_serializer(gql_type.of_type)

        def required(value: Any) -> Any:
            if value is None:  # the resolvers report it as an error: let them
                raise Unsupported("null for a non-null field")
            return inner(value)

        if gql_type.of_type in TEXTS:

            def required_text(value: Any) -> Any:
                return value if type(value) is str else required(value)

            return required_text
        return required
    if is_list_type(gql_type):
        item = leaf_serializer(gql_type.of_type)
        return lambda value: None if value is None else [item(v) for v in value]
    if is_leaf_type(gql_type):
        serialize = gql_type.serialize

        def leaf(value: Any) -> Any:
            if value is None:
                return None
            try:
                return serialize(value)
            except (GraphQLError, TypeError, ValueError) as error:
                raise Unsupported(f"{value!r} as {gql_type}") from error

        if gql_type in TEXTS:

            def text(value: Any) -> Any:
                return value if type(value) is str else leaf(value)

            return text
        return leaf
    raise Unsupported(f"a field of type {gql_type}")


def _constant(response: str, value: Any) -> Step:
    def step(item: dict, out: dict) -> None:
        out[response] = value

    return step


def _global_id(response: str, kind: str) -> Step:
    def step(item: dict, out: dict) -> None:
        out[response] = relay.to_base64(kind, item["id"])

    return step


def _plain(
    response: str, prop: str, derive: Callable[[Any], Any] | None, serialize: Callable[[Any], Any]
) -> Step:
    def step(item: dict, out: dict) -> None:
        value = item.get(prop)
        out[response] = serialize(value if derive is None or value is None else derive(value))

    return step


def _value(response: str, key: str, complete: Callable[[Any], Any], *, keep_none: bool = False) -> Step:
    def step(item: dict, out: dict) -> None:
        value = item.get(key)
        out[response] = complete(value if value is not None or not keep_none else {})

    return step


def _related(response: str, key: str, shape: Shape, many: bool, order: str | None) -> Step:
    def step(item: dict, out: dict) -> None:
        if not many:
            value = item.get(key)
            out[response] = None if value is None else shape(value)
            return
        values: list[dict[str, Any]] = item[key]  # a list comprehension: never null
        if order:  # collect has no order: the resolver's query orders by this key, then id
            values = sorted(values, key=lambda v: (v[order] is None, v[order] or "", v["id"]))
        out[response] = [shape(v) for v in values]

    return step


def _bind(text: str, param: str, name: str) -> str:
    """A fragment's `$param` as the statement's own parameter `name`."""
    return re.sub(rf"\${param}\b", lambda _: name, text)
