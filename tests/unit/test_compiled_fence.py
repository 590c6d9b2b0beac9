"""The compiled path's fence, without an engine: a field that carries a permission class, a field
extension or a directive the compiler does not apply, or whose property the model does not
declare, is not compiled; a schema whose extensions do not all say they may be skipped answers
no request from kept compiled reads. tests/graphql/test_compiled.py serves the same schema over
HTTP and sees each of those fields answered by its resolver."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pytest
import strawberry
from graphql import DirectiveLocation
from strawberry.directive import DirectiveValue
from strawberry.extensions import FieldExtension, SchemaExtension
from strawberry.permission import BasePermission
from strawberry.schema.config import StrawberryConfig
from strawberry.schema_directive import Location
from strawberry.types.field import StrawberryField

from graph_api.graphql.compiled import CompiledRead, CompilingExecutionContext
from graph_api.graphql.compiled.compiler import Unsupported
from graph_api.graphql.schema import Schema, build_schema
from graph_api.identiteit import ANONIEM, Identiteit
from graph_api.toegang import BEHEER, Zicht

APP = "app-00001"


class Geweigerd(BasePermission):
    """Refuses everyone: a value in the answer means the permission never ran."""

    message = "niet toegestaan"

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return False


class Gemarkeerd(FieldExtension):
    """Brackets the value: a bare value in the answer means the extension never ran."""

    def resolve(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        return f"[{next_(source, info, **kwargs)}]"


@strawberry.directive(locations=[DirectiveLocation.FIELD])
def gemarkeerd(value: DirectiveValue[str]) -> str:
    return f"<{value}>"


@strawberry.schema_directive(locations=[Location.FIELD_DEFINITION])
class Intern:
    """Metadata for whatever reads the SDL; the compiler does not know what it asks."""


@strawberry.type(name="Applicatie")
class FenceApplicatie:
    """The compiler takes it for the real Applicatie: same name, and fields it would read as
    Applicatie's properties were it not for what they carry."""

    naam: str
    status: str | None = strawberry.field(permission_classes=[Geweigerd])
    soort: str = strawberry.field(name="type", extensions=[Gemarkeerd()])
    licentietype: str | None = strawberry.field(directives=[Intern()])
    herkomst: str = "de resolver"  # no property of an Applicatie in the model


@strawberry.type
class FenceQuery:
    @strawberry.field
    async def applicatie(self, info: strawberry.Info, identificatie: str) -> FenceApplicatie | None:
        rows = await info.context.store.read("applicatie/per_id", {"ids": [identificatie]})
        if not rows:
            return None
        item = rows[0]["item"]
        return FenceApplicatie(
            naam=item["naam"],
            status=item["status"],
            soort=item["type"],
            licentietype=item.get("licentietype"),
        )


class Geteld(SchemaExtension):
    """Counts the operations it saw; says nothing about being skipped (no `kept_safe`)."""

    runs: ClassVar[int] = 0

    def on_execute(self) -> Any:
        type(self).runs += 1
        yield


def fence_schema(extensions: Sequence[Any] = (), directives: Sequence[StrawberryField] = ()) -> Schema:
    return Schema(
        query=FenceQuery,
        extensions=list(extensions),
        directives=list(directives),
        config=StrawberryConfig(auto_camel_case=True),
        execution_context_class=CompilingExecutionContext,
    )


@dataclass
class _Compiling:
    """Stands in for CompiledReads: records what the compiler made of each root field, then has
    it resolved (from the fake store) as a field the compiler does not cover would be."""

    outcomes: list[CompiledRead | str] = field(default_factory=list)

    def field(self, details: list, variables: dict, zicht: Zicht, compile_read: Any) -> CompiledRead:
        try:
            self.outcomes.append(compile_read())
        except Unsupported as reason:
            self.outcomes.append(str(reason))
        raise Unsupported("recorded")

    async def answer(self, *args: Any) -> None:
        return None

    async def remember(self, *args: Any) -> None:
        return None


class _Store:
    async def read(self, name: str, params: dict) -> list[dict]:
        item = {"id": APP, "naam": "Zaaksysteem", "status": "IN_GEBRUIK", "type": "PAKKET"}
        return [{"sleutel": APP, "item": item}]


@dataclass
class _Context:
    compiled: _Compiling = field(default_factory=_Compiling)
    compiled_fields: dict = field(default_factory=dict)
    zicht: Zicht = BEHEER
    store: _Store = field(default_factory=_Store)
    identiteit: Identiteit = ANONIEM  # counts no view (graph_api/graphql/interesse/telling.py)


async def _compile(selection: str, schema: Schema | None = None) -> tuple[CompiledRead | str, Any]:
    context = _Context()
    query = f'{{ applicatie(identificatie: "{APP}") {{ {selection} }} }}'
    result = await (schema or fence_schema()).execute(query, context_value=context)
    (outcome,) = context.compiled.outcomes
    return outcome, result


async def test_a_plain_field_of_a_declared_property_compiles() -> None:
    outcome, result = await _compile("naam")
    assert isinstance(outcome, CompiledRead), outcome
    assert result.data == {"applicatie": {"naam": "Zaaksysteem"}}


@pytest.mark.parametrize(
    ("selection", "reason", "answer"),
    [
        ("naam status", "Applicatie.status: permission classes", None),
        ("naam type", "Applicatie.type: field extensions", "[PAKKET]"),
        ("naam licentietype", "Applicatie.licentietype: schema directives", None),
        ("naam herkomst", "Applicatie.herkomst: herkomst is not a property of Applicatie", "de resolver"),
    ],
)
async def test_a_field_that_carries_more_than_its_property_is_not_compiled(
    selection: str, reason: str, answer: str | None
) -> None:
    outcome, result = await _compile(selection)
    assert outcome == reason
    name = selection.split()[-1]
    assert result.data == {"applicatie": {"naam": "Zaaksysteem", name: answer}}
    if name == "status":  # resolved, so the permission ran and refused
        assert [error.message for error in result.errors] == ["niet toegestaan"]


async def test_a_directive_the_field_collection_does_not_apply_is_not_compiled() -> None:
    schema = fence_schema(directives=[gemarkeerd])
    outcome, result = await _compile("naam @gemarkeerd", schema)
    assert outcome == "Applicatie.naam: @gemarkeerd"
    assert result.data == {"applicatie": {"naam": "<Zaaksysteem>"}}
    # @include and @skip are applied before the compiler sees the selection.
    outcome, _ = await _compile("naam @include(if: true) herkomst @skip(if: true)", schema)
    assert isinstance(outcome, CompiledRead), outcome


def test_kept_requests_only_where_every_extension_may_be_skipped() -> None:
    assert build_schema().kept_requests  # QueryLimits and QueryStats say why they may be
    assert fence_schema().kept_requests
    assert not fence_schema(extensions=[Geteld]).kept_requests
    # Executable directives run in Strawberry's own extension, which says nothing.
    assert not fence_schema(directives=[gemarkeerd]).kept_requests
