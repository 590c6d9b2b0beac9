"""The koppelingen's mutations (Relay style: one `input`, a payload with the changed koppeling).

Each turns its input into plain values, calls graph_api/domain/landschap/koppeling.py, and
answers with the koppeling as a read now finds it.
"""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.domain.landschap import koppeling
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.enums import KoppelingRichting, KoppelingStatus, KoppelingType
from graph_api.graphql.core.schrijven import eenmaal, eenmaal_id, idempotency_key, input_id, schrijver
from graph_api.graphql.landschap.types import Koppeling

_NAAR = ("Gebruik", "BuitengemeentelijkeVoorziening")


async def _gelezen(info: Info, key: str) -> Koppeling | None:
    return await load_one(info, "koppeling/per_id", key, "Koppeling")


def _standaardversies(ids: list[strawberry.ID] | None) -> list[str]:
    return [input_id(s, "Standaardversie", "standaardversies") for s in ids or []]


@strawberry.input(
    description="A koppeling to register: from a Gebruik to another Gebruik of the same landscape, "
    "or to a national facility."
)
class RegistreerKoppelingInput:
    van: strawberry.ID = strawberry.field(description="The Gebruik it starts from; its landscape holds it.")
    naar: strawberry.ID = strawberry.field(
        description="Where it ends: a Gebruik of the same landscape or a national facility."
    )
    type: KoppelingType
    richting: KoppelingRichting = strawberry.field(description="Which way the data goes, seen from `van`.")
    status: KoppelingStatus | None = strawberry.field(
        default=None, description="IN_ONTWIKKELING when not given."
    )
    via: strawberry.ID | None = strawberry.field(
        default=None, description="An intermediary (a servicebus): a Gebruik of the same landscape."
    )
    standaardversies: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The standard versions it follows."
    )
    beschrijving: str | None = None
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="What changes of a koppeling: a field left out stays, null removes it.")
class WijzigKoppelingInput:
    koppeling: strawberry.ID
    verwachte_versie: int = strawberry.field(description="The koppeling's `versienummer` as last read.")
    type: KoppelingType | None = strawberry.UNSET
    richting: KoppelingRichting | None = strawberry.UNSET
    via: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The intermediary; null: none."
    )
    standaardversies: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Replace the standard versions recorded."
    )
    beschrijving: str | None = strawberry.UNSET
    idempotency_key: str | None = idempotency_key()


@strawberry.input(
    description="A step along the lifecycle IN_ONTWIKKELING, IN_GEBRUIK, EINDE_ONDERSTEUNING, TERUGGETROKKEN."
)
class ZetKoppelingStatusInput:
    koppeling: strawberry.ID
    verwachte_versie: int
    status: KoppelingStatus
    idempotency_key: str | None = idempotency_key()


@strawberry.input(description="A koppeling to delete.")
class VerwijderKoppelingInput:
    koppeling: strawberry.ID
    verwachte_versie: int
    idempotency_key: str | None = idempotency_key()


@strawberry.type
class KoppelingPayload:
    koppeling: Koppeling | None = strawberry.field(description="The koppeling as it is now.")


@strawberry.type
class VerwijderKoppelingPayload:
    verwijderd_id: strawberry.ID = strawberry.field(description="The identificatie of the deleted koppeling.")


def _velden(data: dict[str, Any]) -> dict[str, Any]:
    """The input's fields the graph keeps as properties, leaving out those not given (UNSET)."""
    velden: dict[str, Any] = {}
    for name in ("type", "richting", "status", "beschrijving"):
        if name in data and data[name] is not strawberry.UNSET:
            value = data[name]
            velden[name] = value.value if hasattr(value, "value") else value
    return velden


@strawberry.type
class KoppelingMutaties:
    @strawberry.mutation(description="Register a koppeling in a landscape (gebruik-beheerder).")
    async def registreer_koppeling(self, info: Info, input: RegistreerKoppelingInput) -> KoppelingPayload:
        wie = schrijver(info, "registreerKoppeling", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: koppeling.registreer(
                info.context.store,
                wie,
                van=input_id(input.van, "Gebruik", "van"),
                naar=input_id(input.naar, _NAAR, "naar"),
                via=None if input.via is None else input_id(input.via, "Gebruik", "via"),
                standaardversies=_standaardversies(input.standaardversies),
                velden=_velden(vars(input)),
            ),
        )
        return KoppelingPayload(koppeling=await _gelezen(info, geschreven))

    @strawberry.mutation(description="Change a koppeling at the versie last read (gebruik-beheerder).")
    async def wijzig_koppeling(self, info: Info, input: WijzigKoppelingInput) -> KoppelingPayload:
        wie = schrijver(info, "wijzigKoppeling", input)
        extra: dict[str, Any] = {}
        if input.via is not strawberry.UNSET:
            extra["vervang_via"] = True
            extra["via"] = None if input.via is None else input_id(input.via, "Gebruik", "via")
        if input.standaardversies is not strawberry.UNSET:
            extra["standaardversies"] = _standaardversies(input.standaardversies)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: koppeling.wijzig(
                info.context.store,
                wie,
                koppeling=input_id(input.koppeling, "Koppeling", "koppeling"),
                verwachte_versie=input.verwachte_versie,
                velden=_velden(vars(input)),
                **extra,
            ),
        )
        return KoppelingPayload(koppeling=await _gelezen(info, geschreven))

    @strawberry.mutation(description="Move a koppeling forward along its lifecycle (gebruik-beheerder).")
    async def zet_koppeling_status(self, info: Info, input: ZetKoppelingStatusInput) -> KoppelingPayload:
        wie = schrijver(info, "zetKoppelingStatus", input)
        geschreven = await eenmaal_id(
            info,
            wie,
            lambda: koppeling.zet_status(
                info.context.store,
                wie,
                koppeling=input_id(input.koppeling, "Koppeling", "koppeling"),
                verwachte_versie=input.verwachte_versie,
                status=input.status.value,
            ),
        )
        return KoppelingPayload(koppeling=await _gelezen(info, geschreven))

    @strawberry.mutation(description="Delete a koppeling at the versie last read (gebruik-beheerder).")
    async def verwijder_koppeling(
        self, info: Info, input: VerwijderKoppelingInput
    ) -> VerwijderKoppelingPayload:
        wie = schrijver(info, "verwijderKoppeling", input)
        verwijderd = await eenmaal(
            info,
            wie,
            lambda: koppeling.verwijder(
                info.context.store,
                wie,
                koppeling=input_id(input.koppeling, "Koppeling", "koppeling"),
                verwachte_versie=input.verwachte_versie,
            ),
            lambda record: record["object"],
        )
        return VerwijderKoppelingPayload(verwijderd_id=strawberry.ID(verwijderd))
