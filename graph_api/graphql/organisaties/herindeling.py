"""Herindeling (graph_api/domain/organisaties/herindeling.py): functioneel beheer plans the merger
of gemeenten (`herindelingsplan`, writing nothing) and applies it (`voerHerindelingUit`)."""

from __future__ import annotations

from typing import Any

import strawberry

from graph_api.domain.organisaties import herindeling
from graph_api.domain.wijzigen import Schrijver
from graph_api.graphql.context import Info
from graph_api.graphql.core.build import load_one
from graph_api.graphql.core.enums import GebruikerStatus, GebruikStatus, Rol
from graph_api.graphql.core.schrijven import eenmaal, idempotency_key, input_id, schrijver
from graph_api.graphql.organisaties.types import Gemeente


@strawberry.input(description="The new gemeente the others go into; its id is its CBS code.")
class NieuweGemeenteInput:
    naam: str
    cbs_code: str = strawberry.field(description="GM and four digits, given to no gemeente before.")
    provincie: str = strawberry.field(description="One of the twelve provinces, as CBS names them.")


@strawberry.input(
    description="A herindeling: the gemeenten dissolved, and the existing gemeente they go into "
    "(`naar`) or a new one (`nieuweGemeente`), on a date."
)
class HerindelingInput:
    gemeenten: list[strawberry.ID] = strawberry.field(
        description="The gemeenten dissolved: two or more, or one with `naar`."
    )
    naar: strawberry.ID | None = strawberry.field(
        default=None, description="The existing gemeente they go into (not among them)."
    )
    nieuwe_gemeente: NieuweGemeenteInput | None = strawberry.field(
        default=None, description="Or the new gemeente they form."
    )
    datum: str = strawberry.field(description="The day of the herindeling (ISO-8601, 2027-01-01).")
    idempotency_key: str | None = idempotency_key()


@strawberry.type(description="A Gebruik of a dissolved gemeente that moves to the gemeente kept.")
class VerplaatstGebruik:
    gebruik: strawberry.ID
    van: strawberry.ID = strawberry.field(description="The dissolved gemeente it was of.")
    applicatie: strawberry.ID


@strawberry.type(
    description="Gebruik of one application in several of the gemeenten, which become one: the "
    "one in production wins, then phasing out, planned, acquisition, phased out; it keeps the "
    "earliest date of each status up to its own, all components, diensten and koppelingen."
)
class GecombineerdGebruik:
    applicatie: strawberry.ID
    behouden: strawberry.ID = strawberry.field(description="The Gebruik kept.")
    status: GebruikStatus = strawberry.field(description="Its status after the herindeling.")
    samengevoegd: list[strawberry.ID] = strawberry.field(description="The Gebruik that go into it.")


@strawberry.type(description="A koppeling whose ends change, or that goes.")
class HerindelingKoppeling:
    koppeling: strawberry.ID
    uitkomst: str = strawberry.field(
        description="OMGELEGD: re-pointed at the Gebruik kept; DUBBEL: goes, as it now joins the "
        "same ends the same way as `behouden`, which takes its standards; INTERN: goes, as it "
        "joined two Gebruik that become one."
    )
    behouden: strawberry.ID | None = strawberry.field(description="For DUBBEL: the koppeling kept.")


@strawberry.type(description="A samenwerking or community the gemeente kept takes part in afterwards.")
class HerindelingDeelname:
    organisatie: strawberry.ID
    sinds: str | None = strawberry.field(description="The earliest date one of the gemeenten joined.")


@strawberry.type(description="A person (or machine client) of the gemeenten, with its membership afterwards.")
class HerindelingMedewerker:
    gebruiker: strawberry.ID
    naam: str
    rollen: list[Rol] = strawberry.field(
        description="The roles of its active memberships united (of all, when none was active)."
    )
    status: GebruikerStatus
    uit: list[strawberry.ID] = strawberry.field(description="The gemeenten it was a member of.")


@strawberry.type(description="The whole plan of a herindeling, as it is (or would be) applied.")
class Herindelingsplan:
    gemeente: strawberry.ID = strawberry.field(description="The gemeente kept (a new one's CBS code).")
    nieuw: bool = strawberry.field(description="Whether the gemeente kept is a new one.")
    naam: str
    datum: str
    opgeheven: list[strawberry.ID] = strawberry.field(description="The gemeenten dissolved.")
    inwoners: int = strawberry.field(description="The gemeente kept's inhabitants: the sum of all.")
    oppervlakte_km2: float | None = strawberry.field(description="Its area: the sum, when all have one.")
    verplaatst_gebruik: list[VerplaatstGebruik]
    gecombineerd_gebruik: list[GecombineerdGebruik]
    koppelingen: list[HerindelingKoppeling]
    deelnames: list[HerindelingDeelname]
    medewerkers: list[HerindelingMedewerker]
    buren: list[strawberry.ID] = strawberry.field(description="The gemeente kept's neighbours afterwards.")

    @classmethod
    def from_plan(cls, plan: herindeling.Plan) -> Herindelingsplan:
        return cls(
            gemeente=strawberry.ID(plan.doel), nieuw=plan.nieuw, naam=plan.naam, datum=plan.datum,
            opgeheven=[strawberry.ID(g) for g in plan.opgeheven], inwoners=plan.inwoners,
            oppervlakte_km2=plan.oppervlakte_km2,
            verplaatst_gebruik=[
                VerplaatstGebruik(gebruik=strawberry.ID(v.gebruik), van=strawberry.ID(v.van),
                                  applicatie=strawberry.ID(v.applicatie))
                for v in plan.verplaatst
            ],
            gecombineerd_gebruik=[
                GecombineerdGebruik(applicatie=strawberry.ID(c.applicatie),
                                    behouden=strawberry.ID(c.behouden), status=GebruikStatus[c.status],
                                    samengevoegd=[strawberry.ID(s) for s in c.samengevoegd])
                for c in plan.gecombineerd
            ],
            koppelingen=[
                HerindelingKoppeling(koppeling=strawberry.ID(k.koppeling), uitkomst=k.uitkomst,
                                     behouden=strawberry.ID(k.behouden) if k.behouden else None)
                for k in plan.koppelingen
            ],
            deelnames=[HerindelingDeelname(organisatie=strawberry.ID(d.organisatie), sinds=d.sinds)
                       for d in plan.deelnames],
            medewerkers=[
                HerindelingMedewerker(gebruiker=strawberry.ID(m.gebruiker), naam=m.naam,
                                      rollen=[Rol[r] for r in m.rollen], status=GebruikerStatus[m.status],
                                      uit=[strawberry.ID(u) for u in m.uit])
                for m in plan.leden
            ],
            buren=[strawberry.ID(b) for b in plan.buren],
        )  # fmt: skip


@strawberry.type
class VoerHerindelingUitPayload:
    plan: Herindelingsplan | None = strawberry.field(
        description="The plan applied; null when the same key and input were sent before (a retry)."
    )
    gemeente: Gemeente | None = strawberry.field(description="The gemeente kept, as it is now.")


def _argumenten(input: HerindelingInput) -> dict[str, Any]:
    nieuw = input.nieuwe_gemeente
    return {
        "gemeenten": [input_id(g, "Gemeente", f"gemeenten.{i}") for i, g in enumerate(input.gemeenten)],
        "naar": None if input.naar is None else input_id(input.naar, "Gemeente", "naar"),
        "nieuw": None
        if nieuw is None
        else herindeling.NieuweGemeente(naam=nieuw.naam, cbs_code=nieuw.cbs_code, provincie=nieuw.provincie),
        "datum": input.datum,
    }


@strawberry.type
class HerindelingPlannen:
    @strawberry.field(
        description="The whole plan of a herindeling, as applying it now would (functioneel-beheerder); "
        "nothing is written."
    )
    async def herindelingsplan(self, info: Info, input: HerindelingInput) -> Herindelingsplan:
        wie = Schrijver(info.context.identiteit, info.context.zicht)
        plan, _, _ = await herindeling.plan(info.context.store, wie, **_argumenten(input))
        return Herindelingsplan.from_plan(plan)


@strawberry.type
class HerindelingMutaties:
    @strawberry.mutation(
        description="Apply a herindeling, all or nothing (functioneel-beheerder): the gemeenten "
        "are dissolved into the gemeente kept, with their landscapes, people and memberships."
    )
    async def voer_herindeling_uit(self, info: Info, input: HerindelingInput) -> VoerHerindelingUitPayload:
        wie = schrijver(info, "voerHerindelingUit", input)

        async def schrijf() -> tuple[str, herindeling.Plan | None]:
            plan = await herindeling.voer_uit(info.context.store, wie, **_argumenten(input))
            return plan.doel, plan

        doel, plan = await eenmaal(info, wie, schrijf, lambda record: (record["object"], None))
        return VoerHerindelingUitPayload(
            plan=None if plan is None else Herindelingsplan.from_plan(plan),
            gemeente=await load_one(info, "organisatie/per_id", doel, "Gemeente"),
        )
