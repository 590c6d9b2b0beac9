"""The landscape's mutations (Relay style: one `input`, a payload with the changed object).

Each turns its input into plain values, calls graph_api/domain/landschap/gebruik.py, and
answers with the object as a read now finds it: the write cleared what the request had read.
"""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.domain.landschap import gebruik
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.enums import GebruikStatus, Hostingmodel
from graph_api.graphql.core.schrijven import eenmaal, eenmaal_id, idempotency_key, input_id, schrijver
from graph_api.graphql.landschap.types import Gebruik
from graph_api.graphql.organisaties.types import ORGANISATIE_TYPES

_ORGANISATIES = tuple(kind.__name__ for kind in ORGANISATIE_TYPES)
_DATUM = "An ISO-8601 date, 2026-06-30."


async def _gelezen(info: Info, key: str) -> Gebruik | None:
    return await load_one(info, "gebruik/per_id", key, "Gebruik")


@strawberry.input(description="A Gebruik to register: which application an organisation uses, and how.")
class RegistreerGebruikInput:
    organisatie: strawberry.ID = strawberry.field(description="The organisation whose landscape it joins.")
    applicatie: strawberry.ID
    versie: strawberry.ID | None = strawberry.field(
        default=None, description="A version of that application."
    )
    hostingmodel: Hostingmodel | None = None
    referentiecomponenten: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The GEMMA reference components it is used for."
    )
    diensten: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The diensten it takes: each must be offered on that application."
    )
    status: GebruikStatus | None = strawberry.field(
        default=None, description="VERWERVING when not given; dated today (`statusHistorie`)."
    )
    start_datum: str | None = strawberry.field(
        default=None, description=f"The date of IN_PRODUCTIE, planned or reached. {_DATUM}"
    )
    contract_einde: str | None = strawberry.field(default=None, description=_DATUM)
    notities: str | None = strawberry.field(
        default=None, description="Internal notes: only the own organisation sees them."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="What changes of a Gebruik: a field left out stays, null removes it.")
class WijzigGebruikInput:
    gebruik: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The Gebruik's `versienummer` as last read.")
    versie: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="A version of its application; null: none recorded."
    )
    hostingmodel: Hostingmodel | None = strawberry.UNSET
    referentiecomponenten: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Replace the reference components recorded."
    )
    diensten: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replace the diensten taken: each must be offered on its application.",
    )
    start_datum: str | None = strawberry.field(default=strawberry.UNSET, description=_DATUM)
    eind_datum: str | None = strawberry.field(default=strawberry.UNSET, description=_DATUM)
    contract_einde: str | None = strawberry.field(default=strawberry.UNSET, description=_DATUM)
    notities: str | None = strawberry.UNSET
    idempotency_key: str | None = idempotency_key()


@strawberry.input(
    description="A step along the lifecycle VERWERVING, GEPLAND, IN_PRODUCTIE, UIT_TE_FASEREN, UITGEFASEERD."
)
class ZetGebruikStatusInput:
    gebruik: strawberry.ID
    verwachte_versie: int
    status: GebruikStatus
    datum: str | None = strawberry.field(
        default=None,
        description="When the status was reached, today when not given: kept in `statusHistorie`, "
        f"and as the start date (IN_PRODUCTIE) or end date (UITGEFASEERD). {_DATUM}",
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A Gebruik to delete.")
class VerwijderGebruikInput:
    gebruik: strawberry.ID
    verwachte_versie: int
    ook_koppelingen: bool = strawberry.field(
        default=False, description="Also delete the koppelingen that use it; without, they refuse the delete."
    )
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class GebruikPayload:
    gebruik: Gebruik | None = strawberry.field(description="The Gebruik as it is now.")


@strawberry.type
class VerwijderGebruikPayload:
    verwijderd_id: strawberry.ID = strawberry.field(description="The identificatie of the deleted Gebruik.")
    verwijderde_koppelingen: int = strawberry.field(description="How many koppelingen went with it.")


def _velden(data: dict[str, Any]) -> dict[str, Any]:
    """The input's fields as the graph names them, leaving out those not given (UNSET)."""
    names = {
        "hostingmodel": "hosting",
        "start_datum": "startDatum",
        "eind_datum": "eindDatum",
        "contract_einde": "contractEinde",
        "notities": "notities",
        "status": "status",
    }
    velden = {}
    for name, graph_name in names.items():
        if name in data and data[name] is not strawberry.UNSET:
            value = data[name]
            velden[graph_name] = value.value if hasattr(value, "value") else value
    return velden


@strawberry.type
class LandschapMutaties:
    @strawberry.mutation(
        description="Register an application an organisation uses (its gebruik-beheerder, or a "
        "samenwerking's for a member gemeente)."
    )
    async def registreer_gebruik(self, info: Info, input: RegistreerGebruikInput) -> GebruikPayload:
        wie = schrijver(info, "registreerGebruik", input)
        componenten = input.referentiecomponenten or []
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: gebruik.registreer(
                info.context.store,
                wie,
                organisatie=input_id(input.organisatie, _ORGANISATIES, "organisatie"),
                applicatie=input_id(input.applicatie, "Applicatie", "applicatie"),
                versie=None if input.versie is None else input_id(input.versie, "Versie", "versie"),
                referentiecomponenten=[
                    input_id(r, "Referentiecomponent", "referentiecomponenten") for r in componenten
                ],
                diensten=[input_id(d, "Dienst", "diensten") for d in input.diensten or []],
                velden=_velden(vars(input)),
            ),
        )
        return GebruikPayload(gebruik=await _gelezen(info, geschreven))

    @strawberry.mutation(description="Change a Gebruik at the versie last read (gebruik-beheerder).")
    async def wijzig_gebruik(self, info: Info, input: WijzigGebruikInput) -> GebruikPayload:
        wie = schrijver(info, "wijzigGebruik", input)
        extra: dict[str, Any] = {}
        if input.versie is not strawberry.UNSET:
            extra["vervang_versie"] = True
            extra["versie"] = None if input.versie is None else input_id(input.versie, "Versie", "versie")
        if input.referentiecomponenten is not strawberry.UNSET:
            extra["referentiecomponenten"] = [
                input_id(r, "Referentiecomponent", "referentiecomponenten")
                for r in input.referentiecomponenten or []
            ]
        if input.diensten is not strawberry.UNSET:
            extra["diensten"] = [input_id(d, "Dienst", "diensten") for d in input.diensten or []]
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: gebruik.wijzig(
                info.context.store,
                wie,
                gebruik=input_id(input.gebruik, "Gebruik", "gebruik"),
                verwachte_versie=input.verwachte_versie,
                velden=_velden(vars(input)),
                **extra,
            ),
        )
        return GebruikPayload(gebruik=await _gelezen(info, geschreven))

    @strawberry.mutation(description="Move a Gebruik forward along its lifecycle (gebruik-beheerder).")
    async def zet_gebruik_status(self, info: Info, input: ZetGebruikStatusInput) -> GebruikPayload:
        wie = schrijver(info, "zetGebruikStatus", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: gebruik.zet_status(
                info.context.store,
                wie,
                gebruik=input_id(input.gebruik, "Gebruik", "gebruik"),
                verwachte_versie=input.verwachte_versie,
                status=input.status.value,
                datum=input.datum,
            ),
        )
        return GebruikPayload(gebruik=await _gelezen(info, geschreven))

    @strawberry.mutation(description="Delete a Gebruik at the versie last read (gebruik-beheerder).")
    async def verwijder_gebruik(self, info: Info, input: VerwijderGebruikInput) -> VerwijderGebruikPayload:
        wie = schrijver(info, "verwijderGebruik", input)
        verwijderd = await eenmaal(
            info,
            wie,
            lambda: gebruik.verwijder(
                info.context.store,
                wie,
                gebruik=input_id(input.gebruik, "Gebruik", "gebruik"),
                verwachte_versie=input.verwachte_versie,
                ook_koppelingen=input.ook_koppelingen,
            ),
            lambda record: gebruik.Verwijderd(record["object"], record["voor"]["koppelingen"]),
        )
        return VerwijderGebruikPayload(
            verwijderd_id=strawberry.ID(verwijderd.id), verwijderde_koppelingen=verwijderd.koppelingen
        )
