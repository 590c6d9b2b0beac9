"""What every write shares (docs/architecture.md, "The write path"): who may write at all, the
field checks beyond the model's declarations, the change record, and ids made by the API.

A write statement matches only what the asker may change (`$zicht.beheer`, `$zicht.wijzigbaar`)
and returns no row when it changed nothing; the operation then says why from what it read.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from graph_api.errors import ClientError, Forbidden, Unauthenticated
from graph_api.identiteit import Identiteit
from graph_api.model.validate import INVALID_TYPE, InvalidInput, Problem, check
from graph_api.store.base import Params, Row
from graph_api.toegang import Zicht

if TYPE_CHECKING:
    from graph_api.domain.idempotentie import Idempotentie

# The longest text a field takes: a name-like field, and free text (notes, descriptions).
MAX_KORT = 200
MAX_TEKST = 10_000


class Writer(Protocol):
    """What the domain writes through: a request's store (graph_api/graphql/core/loaders.py)."""

    async def read(self, name: str, params: Params | None = None) -> list[Row]: ...

    async def write(self, name: str, params: Params | None = None) -> list[Row]: ...


@dataclass(frozen=True)
class Schrijver:
    """Who writes: the identity, what it may change (its Zicht, from the same identity), and the
    idempotency key its request sent, which the write's change record keeps."""

    identiteit: Identiteit
    zicht: Zicht
    idempotentie: Idempotentie | None = None

    @property
    def gebruiker(self) -> str:
        assert self.identiteit.gebruiker is not None  # checked by mag_schrijven
        return self.identiteit.gebruiker

    def mag_landschap(self, organisatie: str) -> bool:
        return self.zicht.beheer or organisatie in self.zicht.wijzigbaar

    @property
    def samenwerkingen(self) -> frozenset[str]:
        """The samenwerkingen whose gebruik-beheerder the asker is: each may register Gebruik
        for its member gemeenten (docs/access.md, "Writes"); the statements check membership."""
        return frozenset(
            lid.organisatie
            for lid in self.identiteit.lidmaatschappen
            if lid.soort == "Samenwerking" and lid.organisatie in self.zicht.wijzigbaar
        )

    def namens(self, organisatie: str) -> str:
        """The organisation the asker acts for in a change of this landscape (or aanbod): its
        own when it is a gebruik-beheerder there, the asker's organisation that holds a
        delegation of it (graph_api/toegang.py), else the Beheerorganisatie of its functioneel
        beheer."""
        via = self.zicht.via(organisatie)
        if via is not None:
            return via[0]
        if organisatie in self.zicht.wijzigbaar:
            return organisatie
        return next(
            (
                lid.organisatie
                for lid in self.identiteit.lidmaatschappen
                if lid.soort == "Beheerorganisatie" and "FUNCTIONEEL_BEHEERDER" in lid.rollen
            ),
            organisatie,
        )


def mag_schrijven(schrijver: Schrijver, wat: str) -> None:
    """Refuse, before any statement, a write no role of the asker allows."""
    if schrijver.identiteit.gebruiker is None:
        raise Unauthenticated(f"{wat} needs a signed-in gebruik-beheerder")
    if not (schrijver.zicht.beheer or schrijver.zicht.wijzigbaar):
        raise Forbidden(f"{wat} needs the role gebruik-beheerder of the organisation")


def nu() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def nieuw_id(prefix: str) -> str:
    """An id made by the API, never by the client: a readable prefix and 12 random hex digits."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def tekstproblemen(velden: Mapping[str, Any], lang: frozenset[str] = frozenset()) -> list[Problem]:
    """Texts too long or holding a NUL (no engine stores it faithfully); `lang` fields take
    MAX_TEKST characters, the others MAX_KORT."""
    problems = []
    for name, value in velden.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if not isinstance(item, str):
                continue
            limit = MAX_TEKST if name in lang else MAX_KORT
            if "\x00" in item:
                problems.append(Problem(name, INVALID_TYPE, "must not contain a NUL character"))
            elif len(item) > limit:
                problems.append(Problem(name, "TOO_LONG", f"is longer than {limit} characters"))
    return problems


def valideer(label: str, velden: Mapping[str, Any], lang: frozenset[str], *, partial: bool) -> None:
    """Raise InvalidInput for input fields the model's declarations of `label` refuse (required,
    choices, types, dates), or too long (those in `lang` as text) or holding a NUL."""
    weiger(label, check(label, velden, partial=partial) + tekstproblemen(velden, lang))


def uniek(ids: list[str] | None) -> list[str] | None:
    """The ids asked for, each once, in their order."""
    return None if ids is None else list(dict.fromkeys(ids))


def weiger(label: str, problems: list[Problem], prefix: str = "input.") -> None:
    """Raise InvalidInput naming the input's fields (`input.status`) when there are problems."""
    if problems:
        raise InvalidInput(label, [Problem(prefix + p.field, p.code, p.message) for p in problems])


# The change records made while a request runs (see verzamel): meldingen are derived from them
# once its mutations are written (graph_api/domain/meldingen/afleiding.py). A context variable,
# not a field of Schrijver: some writers are made where no request is at hand (a nieuwkomer's,
# graph_api/domain/organisaties/registratie.py), and every one of them must be heard.
_verzameld: ContextVar[list[dict[str, Any]] | None] = ContextVar("wijzigingen", default=None)


@contextmanager
def verzamel(records: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Every change record `wijziging()` makes inside this block is appended to `records`: also
    one whose statement then wrote nothing (the derivation reads only records the graph has)."""
    token = _verzameld.set(records)
    try:
        yield records
    finally:
        _verzameld.reset(token)


def wijziging(
    schrijver: Schrijver,
    *,
    organisatie: str,
    object_id: str,
    label: str,
    operatie: str,
    tijdstip: str,
    voor: Mapping[str, Any] | None,
    na: Mapping[str, Any] | None,
    met_sleutel: bool = True,
    namens: str | None = None,
) -> dict[str, Any]:
    """The properties of the Wijziging node a write statement creates beside its change.

    A statement recording several changes keeps the request's idempotency key in one of them
    (`met_sleutel=False` for the others): the key is unique. `namens`: the organisation acted
    for, when the write knows it better than the identity does (a samenwerking writing in a
    member's landscape). Written under a delegation of `organisatie`, the record names it."""
    record = {
        "id": nieuw_id("wij"),
        "actor": schrijver.gebruiker,
        "actorOrganisatie": namens or schrijver.namens(organisatie),
        "organisatie": organisatie,
        "tijdstip": tijdstip,
        "object": object_id,
        "objectLabel": label,
        "operatie": operatie,
    }
    via = schrijver.zicht.via(organisatie)
    if via is not None and record["actorOrganisatie"] == via[0]:
        record["delegatie"] = via[1]
    if met_sleutel and schrijver.idempotentie is not None:
        record.update(schrijver.idempotentie.record())
    if voor is not None:
        record["voor"] = json.dumps(voor, sort_keys=True, ensure_ascii=False)
    if na is not None:
        record["na"] = json.dumps(na, sort_keys=True, ensure_ascii=False)
    verzameld = _verzameld.get()
    if verzameld is not None:
        verzameld.append(record)
    return record


# --- reading the change records (`wijzigingen`, issue 17 item 7) ---


def sinds(value: str | None, argument: str = "sinds") -> str | None:
    """The instant a `sinds` argument names, in the form the records keep (`tijdstip`, UTC with
    milliseconds), so that the statement compares texts: a date is its start in UTC; a date and
    time needs its offset, since a local time names no instant."""
    if value is None:
        return None
    text = value.strip()
    try:
        if _DATUM.fullmatch(text):
            moment = datetime.fromisoformat(text).replace(tzinfo=UTC)
        elif _DATUM.match(text):
            moment = datetime.fromisoformat(text.replace("z", "Z"))
            if moment.tzinfo is None:
                raise ValueError("no offset")
        else:
            raise ValueError("not ISO-8601")
    except ValueError:
        raise ClientError(
            "INVALID_ARGUMENT",
            f"{argument} must be an ISO-8601 date (2026-01-01) or a date and time with its offset "
            f"(2026-01-01T09:00:00+01:00), not {value[:40]!r}",
            argument=argument,
        ) from None
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")


def velden(voor: str | None, na: str | None) -> list[tuple[str, Any, Any]]:
    """A record's changed fields, each with its value before and after, by field name: the
    record keeps only what changed (all of it when created or deleted), as two JSON texts."""
    oud: dict[str, Any] = json.loads(voor) if voor else {}
    nieuw: dict[str, Any] = json.loads(na) if na else {}
    return [(veld, oud.get(veld), nieuw.get(veld)) for veld in sorted(oud.keys() | nieuw.keys())]
