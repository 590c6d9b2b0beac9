"""The write API against the best raw write statement for the same change, and sustained writes.

For five mutations of part 1 (a gebruik-beheerder's request, with its identity and visibility)
and six of issue 18 (registreerApplicatie, registreerVersie, voegOndersteuningToe, biedDienstAan,
wijzigOrganisatieprofiel, nodigUit: the request of one person of a leverancier who is its aanbod- and
organisatie-beheerder): the median latency of the GraphQL mutation executed in-process and of one
hand-written statement that makes the same graph change with the same change record
(bench/cypher/schrijven/), measured interleaved round by round, and their ratio; then the same
mutation over HTTP. Where the mutation's time goes: the engine time of each statement it ran, and
the rest. Then concurrent clients write for a fixed time, three quarters each the
gebruik-beheerder of a gemeente of its own (Gebruik registered and changed), a quarter each the
beheerder of a leverancier of its own (applications, versions, diensten, its profile): writes per
second, latencies, errors.

Each run seeds a fresh scale-1 graph of its own (bench/work/writes-scale-1, not the read
benches'): every round writes something new, so the graph grows during the run.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import random
import secrets
import statistics
import time
import uuid
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from bench.api import BENCH_QUERIES, GRAPHQL_RESPONSE, WORK, served
from bench.harness import SEED, interleaved_medians, median_ms
from bench.results import write_section
from graph_api.auth.dev import key_path, mint_token, signing_key
from graph_api.auth.identify import identiteit_voor
from graph_api.domain.gebruikers import registreer, registreer_dev
from graph_api.domain.landschap.gebruik import VELDEN
from graph_api.domain.organisaties import uitnodiging
from graph_api.domain.wijzigen import nieuw_id, nu
from graph_api.graphql.compiled import CompiledReads
from graph_api.graphql.context import Context
from graph_api.graphql.schema import build_schema
from graph_api.runtime import Runtime, open_runtime
from graph_api.seed.loader import seed_graph
from graph_api.settings import Settings
from graph_api.store import Store, open_store
from graph_api.toegang import zicht_voor

GEMEENTE = "GM0363"
BEHEERDER = "gebruik-beheerder"
WARMUP = 3
TARGET = 2.0

REGISTREER = """mutation($input: RegistreerGebruikInput!) { registreerGebruik(input: $input) {
  gebruik { id identificatie versienummer status } } }"""
WIJZIG = """mutation($input: WijzigGebruikInput!) { wijzigGebruik(input: $input) {
  gebruik { id versienummer notities } } }"""
STATUS = """mutation($input: ZetGebruikStatusInput!) { zetGebruikStatus(input: $input) {
  gebruik { id versienummer status } } }"""
KOPPEL = """mutation($input: RegistreerKoppelingInput!) { registreerKoppeling(input: $input) {
  koppeling { id identificatie versienummer } } }"""
VERWIJDER = (
    """mutation($input: VerwijderGebruikInput!) { verwijderGebruik(input: $input) { verwijderdId } }"""
)

# The statements a mutation writes with. What it reads before them: what the write will find
# (a name ending in `stand`) and whether its idempotency key was used; anything else it runs is
# the payload, read after the write.
WRITE_STATEMENTS = frozenset(
    {
        "gebruik/registreren",
        "gebruik/wijzigen",
        "gebruik/verwijderen",
        "koppeling/registreren",
        "applicatie/registreren",
        "versie/registreren",
        "versie/ondersteunen",
        "dienst/aanbieden",
        "profiel/wijzigen",
        "uitnodiging/uitnodigen",
    }
)


def _before(name: str) -> bool:
    return name.endswith("stand") or name == "wijziging/per_sleutel"


class Failed(Exception):
    def __init__(self, body: Any):
        errors = (body.get("errors") if isinstance(body, dict) else None) or [{}]
        self.code = (errors[0].get("extensions") or {}).get("code", "UNKNOWN")
        super().__init__(f"{self.code}: {body}")


Send = Callable[[str, dict], Awaitable[dict]]


class InProcess:
    """The schema executed directly, as the HTTP endpoint would with this identity's context."""

    def __init__(self, runtime: Runtime, identiteit: Any, zicht: Any):
        self.runtime, self.identiteit, self.zicht = runtime, identiteit, zicht
        self.schema = build_schema()
        self.compiled = CompiledReads()

    async def __call__(self, query: str, variables: dict) -> dict:
        result = await self.schema.execute(
            query,
            variable_values=variables,
            context_value=Context(self.runtime, self.identiteit, self.zicht, compiled=self.compiled),
        )
        if result.errors:
            raise Failed({"errors": [e.formatted for e in result.errors]})
        assert result.data is not None
        return result.data


def over_http(client: httpx.AsyncClient) -> Send:
    async def send(query: str, variables: dict) -> dict:
        response = await client.post("/graphql", json={"query": query, "variables": variables})
        body = response.json()
        if response.status_code != 200 or "errors" in body:
            raise Failed(body)
        return body["data"]

    return send


@dataclass
class Lane:
    """What one way of writing (GraphQL in-process, raw, HTTP) writes to, apart from the others',
    so each round of each finds something of its own to change."""

    gemeente: str
    gebruiker: str  # the Gebruiker id a write stamps as gewijzigdDoor
    apps: deque[str]  # applications the gemeente does not use yet
    wijzig: str  # a seeded Gebruik changed again and again
    paren: Iterator[tuple[str, str]]  # seeded Gebruik pairs to register koppelingen between
    versie: int = 1
    notities: str | None = None
    teller: int = 0
    # Gebruik registered before the measurement: (id, application, verwervingDatum), at versie 1.
    status_pool: deque[tuple[str, str, str]] = field(default_factory=deque)
    delete_pool: deque[tuple[str, str, str]] = field(default_factory=deque)
    laatst: dict[str, str] = field(default_factory=dict)  # operatie: the last object written

    def record(
        self, object_id: str, label: str, operatie: str, tijdstip: str, voor: dict | None, na: dict | None
    ) -> dict[str, Any]:
        self.laatst[operatie] = object_id
        return _record(self.gebruiker, self.gemeente, object_id, label, operatie, tijdstip, voor, na)


def _record(
    gebruiker: str,
    organisatie: str,
    object_id: str,
    label: str,
    operatie: str,
    tijdstip: str,
    voor: dict | None,
    na: dict | None,
) -> dict[str, Any]:
    """The Wijziging the API records (graph_api/domain/wijzigen.py `wijziging`), for a writer of
    the organisation it writes for."""
    record = {
        "id": nieuw_id("wij"),
        "actor": gebruiker,
        "actorOrganisatie": organisatie,
        "organisatie": organisatie,
        "tijdstip": tijdstip,
        "object": object_id,
        "objectLabel": label,
        "operatie": operatie,
    }
    if voor is not None:
        record["voor"] = json.dumps(voor, sort_keys=True, ensure_ascii=False)
    if na is not None:
        record["na"] = json.dumps(na, sort_keys=True, ensure_ascii=False)
    return record


# The mutations through GraphQL (in-process or over HTTP), each writing something fresh.


async def registreer_gql(send: Send, lane: Lane, *, sleutel: bool = False) -> None:
    invoer: dict[str, Any] = {"organisatie": lane.gemeente, "applicatie": lane.apps.popleft()}
    if sleutel:
        invoer["idempotencyKey"] = uuid.uuid4().hex
    data = await send(REGISTREER, {"input": invoer})
    lane.laatst["AANGEMAAKT"] = data["registreerGebruik"]["gebruik"]["identificatie"]


async def wijzig_gql(send: Send, lane: Lane) -> None:
    lane.teller += 1
    invoer = {"gebruik": lane.wijzig, "verwachteVersie": lane.versie, "notities": f"ronde {lane.teller}"}
    data = await send(WIJZIG, {"input": invoer})
    lane.versie = data["wijzigGebruik"]["gebruik"]["versienummer"]
    lane.laatst["GEWIJZIGD"] = lane.wijzig


async def status_gql(send: Send, lane: Lane) -> None:
    gebruik, _, _ = lane.status_pool.popleft()
    await send(STATUS, {"input": {"gebruik": gebruik, "verwachteVersie": 1, "status": "GEPLAND"}})
    lane.laatst["STATUS_GEWIJZIGD"] = gebruik


async def koppel_gql(send: Send, lane: Lane) -> None:
    van, naar = next(lane.paren)
    invoer = {"van": van, "naar": naar, "type": "API", "richting": "HEEN"}
    data = await send(KOPPEL, {"input": invoer})
    lane.laatst["KOPPELING"] = data["registreerKoppeling"]["koppeling"]["identificatie"]


async def verwijder_gql(send: Send, lane: Lane) -> None:
    gebruik, _, _ = lane.delete_pool.popleft()
    await send(VERWIJDER, {"input": {"gebruik": gebruik, "verwachteVersie": 1}})
    lane.laatst["VERWIJDERD"] = gebruik


# The same changes by the raw statements: the parameters a client that knows what it changes
# would send, without reading anything first or after.


async def _write(store: Store, name: str, params: dict) -> None:
    if not await store.write(name, params):
        raise SystemExit(f"{name} wrote nothing: {params}")


async def registreer_raw(store: Store, lane: Lane) -> tuple[str, str, str]:
    app, tijdstip = lane.apps.popleft(), nu()
    gebruik = nieuw_id(f"geb-{lane.gemeente}")
    velden = {"status": "VERWERVING", "verwervingDatum": tijdstip[:10]}
    na = {**velden, "organisatie": lane.gemeente, "applicatie": app, "versies": [],
          "referentiecomponenten": [], "diensten": []}  # fmt: skip
    params = {
        "organisatie": lane.gemeente,
        "applicatie": app,
        "eigenschappen": {**velden, "id": gebruik, "versie": 1, "gewijzigdOp": tijdstip,
                          "gewijzigdDoor": lane.gebruiker},
        "wijziging": lane.record(gebruik, "Gebruik", "AANGEMAAKT", tijdstip, None, na),
    }  # fmt: skip
    await _write(store, "schrijven/gebruik_registreren", params)
    return gebruik, app, tijdstip[:10]


async def wijzig_raw(store: Store, lane: Lane) -> None:
    lane.teller += 1
    notities, tijdstip = f"ronde {lane.teller}", nu()
    params = {
        "gebruik": lane.wijzig,
        "verwachteVersie": lane.versie,
        "eigenschappen": {"notities": notities, "gewijzigdOp": tijdstip, "gewijzigdDoor": lane.gebruiker},
        "wijziging": lane.record(
            lane.wijzig, "Gebruik", "GEWIJZIGD", tijdstip, {"notities": lane.notities}, {"notities": notities}
        ),
    }
    await _write(store, "schrijven/gebruik_wijzigen", params)
    lane.versie, lane.notities = lane.versie + 1, notities


async def status_raw(store: Store, lane: Lane) -> None:
    gebruik, _, _ = lane.status_pool.popleft()
    tijdstip = nu()
    datum = tijdstip[:10]
    params = {
        "gebruik": gebruik,
        "verwachteVersie": 1,
        "eigenschappen": {"status": "GEPLAND", "geplandDatum": datum, "gewijzigdOp": tijdstip,
                          "gewijzigdDoor": lane.gebruiker},
        "wijziging": lane.record(gebruik, "Gebruik", "STATUS_GEWIJZIGD", tijdstip,
                                 {"status": "VERWERVING", "geplandDatum": None},
                                 {"status": "GEPLAND", "geplandDatum": datum, "datum": datum}),
    }  # fmt: skip
    await _write(store, "schrijven/gebruik_wijzigen", params)


async def koppel_raw(store: Store, lane: Lane) -> None:
    van, naar = next(lane.paren)
    tijdstip, koppeling = nu(), nieuw_id(f"kop-{lane.gemeente}")
    velden = {"status": "GEPLAND", "type": "API", "richting": "HEEN"}
    params = {
        "van": van,
        "naar": naar,
        "eigenschappen": {**velden, "id": koppeling, "versie": 1, "gewijzigdOp": tijdstip,
                          "gewijzigdDoor": lane.gebruiker},
        "wijziging": lane.record(koppeling, "Koppeling", "AANGEMAAKT", tijdstip, None,
                                 {**velden, "van": van, "naar": naar, "via": None, "standaardversies": []}),
    }  # fmt: skip
    await _write(store, "schrijven/koppeling_registreren", params)
    lane.laatst["KOPPELING"] = koppeling


async def verwijder_raw(store: Store, lane: Lane) -> None:
    gebruik, app, datum = lane.delete_pool.popleft()
    voor = {
        **dict.fromkeys(VELDEN),
        "status": "VERWERVING",
        "verwervingDatum": datum,
        "versies": [],
        "referentiecomponenten": [],
        "diensten": [],
        "applicatie": app,
        "koppelingen": 0,
    }
    params = {
        "gebruik": gebruik,
        "verwachteVersie": 1,
        "wijziging": lane.record(gebruik, "Gebruik", "VERWIJDERD", nu(), voor, None),
    }
    await _write(store, "schrijven/gebruik_verwijderen", params)


# Issue 18's mutations: a leverancier's aanbod and profile, written by one of its people who is
# both its aanbod-beheerder and its organisatie-beheerder.

REGISTREER_APPLICATIE = """mutation($input: RegistreerApplicatieInput!) { registreerApplicatie(input: $input) {
  applicatie { id identificatie versienummer status } } }"""
REGISTREER_VERSIE = """mutation($input: RegistreerVersieInput!) { registreerVersie(input: $input) {
  versie { id identificatie versienummer status } } }"""
ONDERSTEUN = """mutation($input: OndersteuningInput!) { voegOndersteuningToe(input: $input) {
  versie { id versienummer } } }"""
BIED_AAN = """mutation($input: BiedDienstAanInput!) { biedDienstAan(input: $input) {
  dienst { id identificatie versienummer status } } }"""
NODIG_UIT = """mutation($input: NodigUitInput!) { nodigUit(input: $input) {
  uitnodiging { identificatie versienummer status } code } }"""
PROFIEL = """mutation($input: WijzigOrganisatieprofielInput!) { wijzigOrganisatieprofiel(input: $input) {
  organisatie { id versienummer beschrijving } } }"""


@dataclass
class Profiel:
    """The leverancier's profile as last written: one organisation, so the lanes share it (they
    take turns, never at once)."""

    versie: int
    beschrijving: str | None
    teller: int = 0


@dataclass
class AanbodLane:
    """What one way of writing writes to for the aanbod mutations, apart from the others'."""

    naam: str  # graphql, raw or http: in the version numbers it registers
    leverancier: str
    gebruiker: str
    applicatie: str  # the leverancier's own published application that gets versions
    referentiecomponent: str  # what each registered application realises
    standaardversie: str  # what each version of versie_pool comes to support
    vreemd: str  # another leverancier's published application the diensten are offered on
    profiel: Profiel
    teller: int = 0
    versie_pool: deque[str] = field(default_factory=deque)  # versions registered before, at versie 1
    laatst: dict[str, str] = field(default_factory=dict)
    run: str = field(default_factory=lambda: uuid.uuid4().hex[:6])

    def record(
        self, object_id: str, label: str, operatie: str, tijdstip: str, voor: dict | None, na: dict | None
    ) -> dict[str, Any]:
        return _record(self.gebruiker, self.leverancier, object_id, label, operatie, tijdstip, voor, na)

    def volgende(self) -> str:
        """A name or version number of its own, also against a run before (--no-reseed)."""
        self.teller += 1
        return f"{self.naam}-{self.run}-{self.teller}"


async def applicatie_gql(send: Send, lane: AanbodLane) -> None:
    invoer = {"leverancier": lane.leverancier, "naam": f"Bench {lane.volgende()}", "licentietype": "OPEN_SOURCE",
              "referentiecomponenten": [lane.referentiecomponent]}  # fmt: skip
    data = await send(REGISTREER_APPLICATIE, {"input": invoer})
    lane.laatst["APPLICATIE"] = data["registreerApplicatie"]["applicatie"]["identificatie"]


async def versie_gql(send: Send, lane: AanbodLane) -> None:
    data = await send(
        REGISTREER_VERSIE, {"input": {"applicatie": lane.applicatie, "nummer": lane.volgende()}}
    )
    lane.laatst["VERSIE"] = data["registreerVersie"]["versie"]["identificatie"]


async def ondersteun_gql(send: Send, lane: AanbodLane) -> None:
    versie = lane.versie_pool.popleft()
    invoer = {"versie": versie, "verwachteVersie": 1, "standaardversie": lane.standaardversie,
              "bewijs": "https://bench.example/bewijs"}  # fmt: skip
    await send(ONDERSTEUN, {"input": invoer})
    lane.laatst["ONDERSTEUNING"] = versie


async def dienst_gql(send: Send, lane: AanbodLane) -> None:
    invoer = {"leverancier": lane.leverancier, "naam": f"Hosting {lane.volgende()}", "type": "HOSTING",
              "applicaties": [lane.vreemd]}  # fmt: skip
    data = await send(BIED_AAN, {"input": invoer})
    lane.laatst["DIENST"] = data["biedDienstAan"]["dienst"]["identificatie"]


async def profiel_gql(send: Send, lane: AanbodLane) -> None:
    profiel = lane.profiel
    profiel.teller += 1
    beschrijving = f"Profiel, ronde {profiel.teller}"
    invoer = {
        "organisatie": lane.leverancier,
        "verwachteVersie": profiel.versie,
        "beschrijving": beschrijving,
    }
    data = await send(PROFIEL, {"input": invoer})
    profiel.versie = data["wijzigOrganisatieprofiel"]["organisatie"]["versienummer"]
    profiel.beschrijving = beschrijving
    lane.laatst["PROFIEL"] = lane.leverancier


async def uitnodig_gql(send: Send, lane: AanbodLane) -> None:
    invoer = {"organisatie": lane.leverancier, "email": f"{lane.volgende()}@bench.example",
              "rollen": ["AANBOD_BEHEERDER"]}  # fmt: skip
    data = await send(NODIG_UIT, {"input": invoer})
    lane.laatst["UITNODIGING"] = data["nodigUit"]["uitnodiging"]["identificatie"]


async def uitnodig_raw(store: Store, lane: AanbodLane) -> None:
    moment = datetime.now(UTC)
    tijdstip = uitnodiging.tijdstip(moment)
    invitation = {
        "id": nieuw_id("uit"),
        "email": f"{lane.volgende()}@bench.example",
        "rollen": ["AANBOD_BEHEERDER"],
        "status": "OPEN",
        "verlooptOp": uitnodiging.tijdstip(moment + timedelta(days=uitnodiging.GELDIG_DAGEN)),
        "versie": 1,
        "aangemaakt": tijdstip,
        "uitgenodigdDoor": lane.gebruiker,
        "gewijzigdOp": tijdstip,
        "gewijzigdDoor": lane.gebruiker,
    }
    params = {
        "organisatie": lane.leverancier,
        "uitnodiging": {**invitation, "codeHash": uitnodiging.digest(secrets.token_urlsafe(32))},
        "wijziging": lane.record(invitation["id"], "Uitnodiging", "AANGEMAAKT", tijdstip, None, invitation),
    }
    await _write(store, "schrijven/uitnodiging_uitnodigen", params)
    lane.laatst["UITNODIGING"] = invitation["id"]


async def applicatie_raw(store: Store, lane: AanbodLane) -> None:
    tijdstip, applicatie = nu(), nieuw_id("app")
    velden = {"naam": f"Bench {lane.volgende()}", "type": "APPLICATIE", "licentietype": "OPEN_SOURCE",
              "status": "ACTIEF"}  # fmt: skip
    na = {**velden, "leverancier": lane.leverancier, "onderdeelVan": None,
          "referentiecomponenten": [lane.referentiecomponent]}  # fmt: skip
    params = {
        "leverancier": lane.leverancier,
        "referentiecomponent": lane.referentiecomponent,
        "eigenschappen": {**velden, "id": applicatie, "versie": 1, "gewijzigdOp": tijdstip,
                          "gewijzigdDoor": lane.gebruiker},
        "wijziging": lane.record(applicatie, "Applicatie", "AANGEMAAKT", tijdstip, None, na),
    }  # fmt: skip
    await _write(store, "schrijven/applicatie_registreren", params)
    lane.laatst["APPLICATIE"] = applicatie


async def versie_raw(store: Store, lane: AanbodLane) -> str:
    tijdstip, versie = nu(), nieuw_id("ver")
    velden = {"status": "IN_ONTWIKKELING", "versie": lane.volgende()}
    params = {
        "applicatie": lane.applicatie,
        "eigenschappen": {**velden, "id": versie, "wijzigingsversie": 1, "gewijzigdOp": tijdstip,
                          "gewijzigdDoor": lane.gebruiker},
        "wijziging": lane.record(versie, "Versie", "AANGEMAAKT", tijdstip, None,
                                 {**velden, "applicatie": lane.applicatie}),
    }  # fmt: skip
    await _write(store, "schrijven/versie_registreren", params)
    lane.laatst["VERSIE"] = versie
    return versie


async def ondersteun_raw(store: Store, lane: AanbodLane) -> None:
    versie, tijdstip = lane.versie_pool.popleft(), nu()
    bewijs = "https://bench.example/bewijs"
    params = {
        "versie": versie,
        "verwachteVersie": 1,
        "standaardversie": lane.standaardversie,
        "bewijs": bewijs,
        "eigenschappen": {"gewijzigdOp": tijdstip, "gewijzigdDoor": lane.gebruiker},
        "wijziging": lane.record(versie, "Versie", "GEWIJZIGD", tijdstip, {"ondersteunt": None},
                                 {"ondersteunt": {"standaardversie": lane.standaardversie, "bewijs": bewijs}}),
    }  # fmt: skip
    await _write(store, "schrijven/versie_ondersteunen", params)
    lane.laatst["ONDERSTEUNING"] = versie


async def dienst_raw(store: Store, lane: AanbodLane) -> None:
    tijdstip, dienst = nu(), nieuw_id("dst")
    velden = {"naam": f"Hosting {lane.volgende()}", "type": "HOSTING"}
    params = {
        "leverancier": lane.leverancier,
        "applicatie": lane.vreemd,
        "dienst": {**velden, "id": dienst, "status": "AANGEBODEN", "versie": 1, "gewijzigdOp": tijdstip,
                   "gewijzigdDoor": lane.gebruiker},
        "wijziging": lane.record(dienst, "Dienst", "AANGEMAAKT", tijdstip, None,
                                 {**velden, "leverancier": lane.leverancier, "applicaties": [lane.vreemd]}),
    }  # fmt: skip
    await _write(store, "schrijven/dienst_aanbieden", params)
    lane.laatst["DIENST"] = dienst


async def profiel_raw(store: Store, lane: AanbodLane) -> None:
    profiel, tijdstip = lane.profiel, nu()
    profiel.teller += 1
    beschrijving = f"Profiel, ronde {profiel.teller}"
    params = {
        "organisatie": lane.leverancier,
        "verwachteVersie": profiel.versie,
        "eigenschappen": {"beschrijving": beschrijving, "gewijzigdOp": tijdstip, "gewijzigdDoor": lane.gebruiker},
        "wijziging": lane.record(lane.leverancier, "Leverancier", "GEWIJZIGD", tijdstip,
                                 {"beschrijving": profiel.beschrijving}, {"beschrijving": beschrijving}),
    }  # fmt: skip
    await _write(store, "schrijven/profiel_wijzigen", params)
    profiel.versie, profiel.beschrijving = profiel.versie + 1, beschrijving
    lane.laatst["PROFIEL"] = lane.leverancier


@dataclass
class Case:
    name: str
    graphql: Callable[[Send, Any], Awaitable[None]]  # on a Lane, or an AanbodLane when `aanbod`
    raw: Callable[[Store, Any], Awaitable[Any]]
    operatie: str  # the change record it makes (the key of Lane.laatst)
    judged: bool = True
    # Issue 18's: (the Wijziging's operatie, the label of the node written), on AanbodLanes.
    aanbod: tuple[str, str] | None = None


CASES = [
    Case("registreerGebruik (a new Gebruik of an application not used yet)", registreer_gql, registreer_raw,
         "AANGEMAAKT"),
    Case("wijzigGebruik (notities, at the versie last written)", wijzig_gql, wijzig_raw, "GEWIJZIGD"),
    Case("zetGebruikStatus (VERWERVING to GEPLAND)", status_gql, status_raw, "STATUS_GEWIJZIGD"),
    Case("registreerKoppeling (API, HEEN, between two seeded Gebruik)", koppel_gql, koppel_raw, "KOPPELING"),
    Case("verwijderGebruik (one no koppeling uses)", verwijder_gql, verwijder_raw, "VERWIJDERD"),
    Case("registreerGebruik with an idempotencyKey",
         lambda send, lane: registreer_gql(send, lane, sleutel=True), registreer_raw, "AANGEMAAKT",
         judged=False),
    Case("registreerApplicatie (a product realising one referentiecomponent)", applicatie_gql, applicatie_raw,
         "APPLICATIE", aanbod=("AANGEMAAKT", "Applicatie")),
    Case("registreerVersie (IN_ONTWIKKELING, of the leverancier's own application)", versie_gql, versie_raw,
         "VERSIE", aanbod=("AANGEMAAKT", "Versie")),
    Case("voegOndersteuningToe (a standard version with evidence)", ondersteun_gql, ondersteun_raw,
         "ONDERSTEUNING", aanbod=("GEWIJZIGD", "Versie")),
    Case("biedDienstAan (HOSTING, on another leverancier's application)", dienst_gql, dienst_raw, "DIENST",
         aanbod=("AANGEMAAKT", "Dienst")),
    Case("wijzigOrganisatieprofiel (beschrijving, at the versie last written)", profiel_gql, profiel_raw,
         "PROFIEL", aanbod=("GEWIJZIGD", "Leverancier")),
    Case("nodigUit (a new address, with the role aanbod-beheerder)", uitnodig_gql, uitnodig_raw, "UITNODIGING",
         aanbod=("AANGEMAAKT", "Uitnodiging")),
]  # fmt: skip


class Statements:
    """The engine time of each statement a watched call runs: the store's one entry to the engine,
    wrapped, so what a mutation spends outside the engine is its time less this."""

    def __init__(self, store: Store):
        self.current: Counter[str] | None = None
        run = store._run

        async def timed(name: str, *args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await run(name, *args, **kwargs)
            finally:
                if self.current is not None:
                    self.current[name] += (time.perf_counter() - started) * 1000

        store._run = timed  # type: ignore[method-assign]

    def watch(self, call: Callable[[], Awaitable[None]], samples: list[tuple[float, Counter[str]]]):
        async def watched() -> None:
            self.current = Counter()
            started = time.perf_counter()
            await call()
            samples.append(((time.perf_counter() - started) * 1000, self.current))
            self.current = None

        return watched


def breakdown(samples: list[tuple[float, Counter[str]]]) -> tuple[float, float, float, float]:
    """Medians of the read before, the write statement, the reads after, and the rest."""
    parts: list[tuple[float, float, float, float]] = []
    for total, statements in samples[WARMUP:]:
        before = sum(ms for name, ms in statements.items() if _before(name))
        write = sum(ms for name, ms in statements.items() if name in WRITE_STATEMENTS)
        after = sum(statements.values()) - before - write
        parts.append((before, write, after, total - before - write - after))
    return tuple(statistics.median(p[i] for p in parts) for i in range(4))  # type: ignore[return-value]


def per_statement(samples: list[tuple[float, Counter[str]]]) -> str:
    names = sorted({name for _, statements in samples for name in statements})
    return ", ".join(
        f"{name} {statistics.median(s.get(name, 0.0) for _, s in samples[WARMUP:]):.2f}" for name in names
    )


async def _rows(store: Store, text: str, params: dict | None = None) -> list[dict]:
    return await store.read_text("bench/schrijven", text, params or {})


async def _free_apps(store: Store, gemeente: str, apps: list[str]) -> list[str]:
    used = {
        row["id"]
        for row in await _rows(
            store,
            "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(a) RETURN a.id AS id",
            {"o": gemeente},
        )
    }
    free = [a for a in apps if a not in used]
    random.Random(gemeente).shuffle(free)
    return free


async def _same_change(store: Store, graphql: Any, raw: Any, case: Case) -> None:
    """The raw statement must make the change the mutation makes: the same properties on the
    node written, the same change record, the same fields in its before and after."""

    async def seen(lane: Any, skip: int = 0) -> tuple:
        object_id = lane.laatst[case.operatie]
        operatie = "AANGEMAAKT" if case.operatie == "KOPPELING" else case.operatie
        if case.aanbod is not None:
            operatie = case.aanbod[0]
        [record] = (await _rows(
            store, "MATCH (w:Wijziging {object: $o, operatie: $op}) RETURN w {.*} AS w "
                   "ORDER BY w.tijdstip DESC SKIP $skip LIMIT 1",
            {"o": object_id, "op": operatie, "skip": skip}))  # fmt: skip
        record = record["w"]
        voor_na = tuple(sorted(json.loads(record[k])) if record.get(k) else None for k in ("voor", "na"))
        if case.operatie == "GEWIJZIGD":  # seeded Gebruik, each lane's with properties of its own
            return sorted(record), voor_na
        label = "Koppeling" if case.operatie == "KOPPELING" else "Gebruik"
        if case.aanbod is not None:
            label = case.aanbod[1]
        nodes = await _rows(store, f"MATCH (n:{label} {{id: $o}}) RETURN keys(n) AS keys", {"o": object_id})
        return sorted(record), voor_na, sorted(nodes[0]["keys"]) if nodes else None

    if graphql.laatst[case.operatie] == raw.laatst[case.operatie]:
        # One object both write (the leverancier's profile), taking turns round by round: the
        # last two records are the last round's, one of each.
        mine, theirs = await seen(graphql), await seen(raw, skip=1)
    else:
        mine, theirs = await seen(graphql), await seen(raw)
    if mine != theirs:
        raise SystemExit(f"{case.name}: the raw statement changes something else:\n{mine}\n{theirs}")


async def _identity(runtime: Runtime, settings: Settings, gemeente: str) -> tuple[Any, str]:
    """A gebruik-beheerder of the gemeente, registered as `graph-api dev-token` does: the identity
    the server would find for its token, and the token."""
    registratie = await registreer_dev(runtime.store, organisatie_sleutel=gemeente, rol_waarde=BEHEERDER)
    token = mint_token(
        signing_key(key_path(settings)), subject=registratie.subject, audience=settings.identity.audience
    )
    return await identiteit_voor(runtime.store, registratie.subject), token


async def _aanbod_identity(runtime: Runtime, settings: Settings, leverancier: str) -> tuple[Any, str]:
    """One person of the leverancier who is both its aanbod-beheerder and its
    organisatie-beheerder (as a small leverancier's first member is), and a token for it."""
    registratie = await registreer(
        runtime.store,
        subject=f"bench:{leverancier}:aanbod",
        naam="Bench (aanbod- en organisatie-beheerder)",
        email=f"bench@{leverancier.lower()}.dev.invalid",
        organisatie_sleutel=leverancier,
        rollen=["aanbod-beheerder", "organisatie-beheerder"],
    )
    token = mint_token(
        signing_key(key_path(settings)), subject=registratie.subject, audience=settings.identity.audience
    )
    return await identiteit_voor(runtime.store, registratie.subject), token


async def _aanbod_lanes(store: Store, gebruiker: str, leverancier: str, needed: int) -> dict[str, AanbodLane]:
    """The lanes of issue 18's mutations: the leverancier's first published application gets the
    versions, diensten go on another leverancier's, all lanes share the leverancier's profile."""
    [keuze] = await _rows(
        store,
        "MATCH (l:Leverancier {id: $l}) "
        "RETURN l.versie AS versie, l.beschrijving AS beschrijving, "
        "[(l)-[:BIEDT_AAN]->(a:Applicatie) WHERE a.gemeldDoor IS NULL AND a.status = 'ACTIEF' | a.id] AS eigen",
        {"l": leverancier},
    )
    [vreemd] = await _rows(
        store,
        "MATCH (x:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) WHERE x.id <> $l AND a.gemeldDoor IS NULL "
        "AND a.status = 'ACTIEF' RETURN a.id AS id ORDER BY id LIMIT 1",
        {"l": leverancier},
    )
    keuze = {**keuze, "vreemd": vreemd["id"]}
    [gemma] = await _rows(
        store,
        "MATCH (r:Referentiecomponent) WITH min(r.id) AS r MATCH (s:Standaardversie) "
        "RETURN r, min(s.id) AS s",
    )
    profiel = Profiel(keuze["versie"] or 1, keuze["beschrijving"])
    lanes = {
        name: AanbodLane(
            name,
            leverancier,
            gebruiker,
            sorted(keuze["eigen"])[0],
            gemma["r"],
            gemma["s"],
            keuze["vreemd"],
            profiel,
        )
        for name in ("graphql", "raw", "http")
    }
    for lane in lanes.values():
        for _ in range(needed):
            lane.versie_pool.append(await versie_raw(store, lane))
    return lanes


async def _leveranciers(store: Store, behalve: str) -> list[dict]:
    """Published leveranciers with published applications (what they register is published at
    once), but `behalve`, with their profile's versie."""
    return await _rows(
        store,
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) WHERE l.gemeldDoor IS NULL AND l.id <> $l "
        "AND a.gemeldDoor IS NULL AND a.status = 'ACTIEF' "
        "WITH DISTINCT l RETURN l.id AS id, coalesce(l.versie, 1) AS versie ORDER BY id",
        {"l": behalve},
    )


async def _leverancier(store: Store) -> str:
    """A published leverancier with published applications of its own: what it registers is
    published at once (no concept), as for most of the catalogue's."""
    [row] = await _rows(
        store,
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) WHERE l.gemeldDoor IS NULL "
        "AND a.gemeldDoor IS NULL AND a.status = 'ACTIEF' RETURN l.id AS id ORDER BY id LIMIT 1",
    )
    return row["id"]


@dataclass
class LoadResult:
    writes: int = 0
    aanbod_writes: int = 0  # of them, by the leveranciers' clients
    aanbod_latencies: list[float] = field(default_factory=list)
    seconds: float = 0
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    ran_out: int = 0


async def _load(
    url: str,
    clients: list[tuple[str, str, deque[str]]],
    aanbod_clients: list[tuple[str, str, int]],
    seconds: float,
) -> LoadResult:
    """Each client, the gebruik-beheerder of a gemeente of its own, registers a Gebruik, changes
    its notities and moves it to GEPLAND, again and again, until the time is up: no two clients
    write the same Gebruik, so a VERSION_CONFLICT would be the API's fault."""
    result = LoadResult()
    deadline = time.perf_counter() + seconds

    async def client_loop(gemeente: str, token: str, apps: deque[str]) -> None:
        headers = {"accept": GRAPHQL_RESPONSE, "authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as client:
            send = over_http(client)

            async def timed(query: str, variables: dict) -> dict:
                started = time.perf_counter()
                data = await send(query, variables)
                result.latencies.append((time.perf_counter() - started) * 1000)
                result.writes += 1
                return data

            while time.perf_counter() < deadline:
                if not apps:
                    result.ran_out += 1
                    return
                try:
                    invoer: dict[str, Any] = {"organisatie": gemeente, "applicatie": apps.popleft()}
                    data = await timed(REGISTREER, {"input": invoer})
                    gebruik = data["registreerGebruik"]["gebruik"]["identificatie"]
                    if time.perf_counter() >= deadline:
                        return
                    invoer = {"gebruik": gebruik, "verwachteVersie": 1, "notities": "onder last"}
                    data = await timed(WIJZIG, {"input": invoer})
                    if time.perf_counter() >= deadline:
                        return
                    versie = data["wijzigGebruik"]["gebruik"]["versienummer"]
                    invoer = {"gebruik": gebruik, "verwachteVersie": versie, "status": "GEPLAND"}
                    await timed(STATUS, {"input": invoer})
                except Failed as failure:
                    result.errors[failure.code] += 1

    async def aanbod_loop(leverancier: str, token: str, versie: int) -> None:
        """A leverancier's client: an application, a version of it, a dienst on it, and its
        profile at the versie it last wrote, again and again."""
        headers = {"accept": GRAPHQL_RESPONSE, "authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as client:
            send = over_http(client)

            async def timed(query: str, variables: dict) -> dict:
                started = time.perf_counter()
                data = await send(query, variables)
                result.aanbod_latencies.append((time.perf_counter() - started) * 1000)
                result.latencies.append(result.aanbod_latencies[-1])
                result.writes += 1
                result.aanbod_writes += 1
                return data

            ronde = 0
            while time.perf_counter() < deadline:
                ronde += 1
                naam = f"Last {leverancier} {uuid.uuid4().hex[:6]}"
                try:
                    invoer: dict[str, Any] = {"leverancier": leverancier, "naam": naam,
                                              "licentietype": "OPEN_SOURCE"}  # fmt: skip
                    data = await timed(REGISTREER_APPLICATIE, {"input": invoer})
                    applicatie = data["registreerApplicatie"]["applicatie"]["identificatie"]
                    if time.perf_counter() >= deadline:
                        return
                    await timed(REGISTREER_VERSIE, {"input": {"applicatie": applicatie, "nummer": "1.0"}})
                    if time.perf_counter() >= deadline:
                        return
                    invoer = {"leverancier": leverancier, "naam": naam, "type": "HOSTING",
                              "applicaties": [applicatie]}  # fmt: skip
                    await timed(BIED_AAN, {"input": invoer})
                    if time.perf_counter() >= deadline:
                        return
                    invoer = {"organisatie": leverancier, "verwachteVersie": versie,
                              "beschrijving": f"onder last, ronde {ronde}"}  # fmt: skip
                    data = await timed(PROFIEL, {"input": invoer})
                    versie = data["wijzigOrganisatieprofiel"]["organisatie"]["versienummer"]
                except Failed as failure:
                    result.errors[failure.code] += 1

    started = time.perf_counter()
    await asyncio.gather(
        *(client_loop(*client) for client in clients),
        *(aanbod_loop(*client) for client in aanbod_clients),
    )
    result.seconds = time.perf_counter() - started
    return result


async def _lanes(store: Store, gebruiker: str, apps: list[str], needed: int) -> dict[str, Lane]:
    free = await _free_apps(store, GEMEENTE, apps)
    # Per lane: registreerGebruik twice (without and with a key), and the Gebruik the status
    # changes and deletes work on, registered before.
    per_lane = 4 * needed
    if len(free) < 3 * per_lane:
        raise SystemExit(f"{GEMEENTE} has {len(free)} applications it does not use, {3 * per_lane} needed")
    seeded = await _rows(
        store,
        "MATCH (:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik) RETURN g.id AS id, g.notities AS notities, "
        "coalesce(g.versie, 1) AS versie, "
        "size([(g)<-[:VAN|NAAR|VIA]-(k) | k]) AS koppelingen ORDER BY id",
        {"o": GEMEENTE},
    )
    # wijzigGebruik recomputes the standard flags of the koppelingen at the Gebruik: each lane
    # changes one with as many koppelingen as most of the landscape's have.
    common = Counter(row["koppelingen"] for row in seeded if row["koppelingen"]).most_common(1)[0][0]
    targets = [row for row in seeded if row["koppelingen"] == common][:3]
    rest = [row["id"] for row in seeded if row not in targets]
    lanes = {}
    for index, name in enumerate(("graphql", "raw", "http")):
        ends = rest[index::3]
        lanes[name] = Lane(
            GEMEENTE,
            gebruiker,
            deque(free[index * per_lane : (index + 1) * per_lane]),
            targets[index]["id"],
            itertools.cycle(list(zip(ends[::2], ends[1::2], strict=False))),
            versie=targets[index]["versie"],
            notities=targets[index]["notities"],
        )
    for lane in lanes.values():
        for _ in range(needed):
            lane.status_pool.append(await registreer_raw(store, lane))
            lane.delete_pool.append(await registreer_raw(store, lane))
    return lanes


async def _counts(store: Store) -> tuple[int, int]:
    counts = [
        (await _rows(store, f"MATCH (n:{label}) RETURN count(n) AS n"))[0]["n"]
        for label in ("Gebruik", "Wijziging")
    ]
    return counts[0], counts[1]


async def run(rounds: int, clients: int, seconds: float, reseed: bool) -> str:
    data_dir = WORK / "writes-scale-1"
    settings = replace(Settings(), data_dir=data_dir)
    async with open_runtime(settings) as runtime:
        if reseed:
            print("seeding scale 1 ...", flush=True)
            await seed_graph(runtime.store, settings.seeds_dir, seed=SEED, scale=1, replace=True)
    signing_key(key_path(settings))  # made before the server starts, which trusts it
    env = {**os.environ, "GRAPH_API_DATA_DIR": str(data_dir)}
    load_average = os.getloadavg()
    needed = rounds + WARMUP
    rows = []
    async with served(env) as url, open_runtime(settings) as runtime:
        store = open_store(settings, BENCH_QUERIES)
        try:
            apps = [
                row["id"] for row in await _rows(store, "MATCH (a:Applicatie) RETURN a.id AS id ORDER BY id")
            ]
            gemeenten = [
                row["id"] for row in await _rows(store, "MATCH (g:Gemeente) RETURN g.id AS id ORDER BY id")
            ]
            before = await _counts(store)
            identiteit, token = await _identity(runtime, settings, GEMEENTE)
            zicht = await zicht_voor(identiteit, runtime.store)
            assert identiteit.gebruiker is not None
            lanes = await _lanes(store, identiteit.gebruiker, apps, needed)
            leverancier = await _leverancier(store)
            aanbod_identiteit, aanbod_token = await _aanbod_identity(runtime, settings, leverancier)
            assert aanbod_identiteit.gebruiker is not None
            aanbod_lanes = await _aanbod_lanes(store, aanbod_identiteit.gebruiker, leverancier, needed)
            aanbod_zicht = await zicht_voor(aanbod_identiteit, runtime.store)
            floor_ms = await median_ms(lambda: _rows(store, "RETURN 1 AS een"), rounds)
            statements = Statements(runtime.store)
            gebruik_direct = InProcess(runtime, identiteit, zicht)
            aanbod_direct = InProcess(runtime, aanbod_identiteit, aanbod_zicht)
            headers = {"accept": GRAPHQL_RESPONSE, "authorization": f"Bearer {token}"}
            aanbod_headers = {**headers, "authorization": f"Bearer {aanbod_token}"}
            async with (
                httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as client,
                httpx.AsyncClient(base_url=url, timeout=60, headers=aanbod_headers) as aanbod_client,
            ):
                for case in CASES:
                    lanes_now: dict[str, Any] = aanbod_lanes if case.aanbod else lanes
                    direct = aanbod_direct if case.aanbod else gebruik_direct
                    http = over_http(aanbod_client if case.aanbod else client)
                    # HTTP apart, before: the server process works on after answering.
                    http_ms = await median_ms(
                        lambda case=case, http=http, lanes_now=lanes_now: case.graphql(
                            http, lanes_now["http"]
                        ),
                        rounds,
                    )
                    samples: list[tuple[float, Counter[str]]] = []
                    medians = await interleaved_medians(
                        {
                            "graphql": statements.watch(
                                lambda case=case, direct=direct, lanes_now=lanes_now: case.graphql(
                                    direct, lanes_now["graphql"]
                                ),
                                samples,
                            ),
                            "raw": lambda case=case, lanes_now=lanes_now: case.raw(store, lanes_now["raw"]),
                        },
                        rounds,
                    )
                    if case.judged:
                        await _same_change(store, lanes_now["graphql"], lanes_now["raw"], case)
                    rows.append((case, medians["raw"], medians["graphql"], http_ms, breakdown(samples)))
                    print(
                        f"{case.name}: raw {medians['raw']:.2f} ms, GraphQL {medians['graphql']:.2f} ms, "
                        f"HTTP {http_ms:.2f} ms; statements: {per_statement(samples)}",
                        flush=True,
                    )
            # A quarter of the clients are leveranciers' (issue 18's mutations), the rest gemeenten's.
            aanbod_clients = []
            for other in (await _leveranciers(store, leverancier))[: clients // 4]:
                _, other_token = await _aanbod_identity(runtime, settings, other["id"])
                aanbod_clients.append((other["id"], other_token, other["versie"]))
            load_clients = []
            for gemeente in [g for g in gemeenten if g != GEMEENTE][: clients - len(aanbod_clients)]:
                _, client_token = await _identity(runtime, settings, gemeente)
                load_clients.append((gemeente, client_token, deque(await _free_apps(store, gemeente, apps))))
            middle = await _counts(store)
            load = await _load(url, load_clients, aanbod_clients, seconds)
            after = await _counts(store)
        finally:
            await store.close()
    load_averages = (load_average, os.getloadavg())
    return _report(
        rounds,
        clients,
        seconds,
        rows,
        load,
        load_averages,
        floor_ms,
        (before, middle, after),
        leverancier,
        len(aanbod_clients),
    )


def _report(
    rounds: int,
    clients: int,
    seconds: float,
    rows: list,
    load: LoadResult,
    load_averages: tuple[tuple[float, float, float], tuple[float, float, float]],
    floor_ms: float,
    counts: tuple[tuple[int, int], ...],
    leverancier: str,
    aanbod_clients: int,
) -> str:
    before, middle, after = counts
    shown_averages = [", ".join(f"{x:.2f}" for x in averages) for averages in load_averages]
    lines = [
        f"Embedded engine (FalkorDB), the seeded scale-1 landscape (seed 1), fresh for the run; load "
        f"average {shown_averages[0]} when it started, {shown_averages[1]} when it ended (other test "
        "sessions share the 2 cores).",
        "",
        f"| mutation | best raw statement (ms) | GraphQL in-process (ms) | ratio | target {TARGET:g}x "
        "| GraphQL over HTTP (ms) | ratio |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for case, raw_ms, graphql_ms, http_ms, _ in rows:
        ratio = graphql_ms / raw_ms
        verdict = "MET" if ratio <= TARGET else "MISSED"
        lines.append(
            f"| {case.name} | {raw_ms:.2f} | {graphql_ms:.2f} | {ratio:.2f} | "
            f"{verdict if case.judged else 'reported'} | {http_ms:.1f} | {http_ms / raw_ms:.2f} |"
        )
    lines += [
        "",
        "Where the in-process mutation's time goes (medians per part over the measured rounds, so they "
        "need not add up to the median of the whole):",
        "",
        "| mutation | read before (ms) | write statement (ms) | payload read after (ms) "
        "| the rest: Python, Strawberry (ms) |",
        "| --- | --- | --- | --- | --- |",
    ]
    floor_line = (
        f"A statement that does nothing (`RETURN 1`) takes {floor_ms:.2f} ms through the store (median of "
        f"{rounds}): the round trip every statement pays, once for the raw statement, once for each "
        "statement of a mutation."
    )
    for case, _, _, _, (before_ms, write_ms, after_ms, rest_ms) in rows:
        lines.append(f"| {case.name} | {before_ms:.2f} | {write_ms:.2f} | {after_ms:.2f} | {rest_ms:.2f} |")
    lines += ["", floor_line]
    errors = sum(load.errors.values())
    latencies = sorted(load.latencies) or [0.0]
    quantile = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    aanbod_latencies = sorted(load.aanbod_latencies) or [0.0]
    aanbod_quantile = (
        statistics.quantiles(aanbod_latencies, n=100)
        if len(aanbod_latencies) > 1
        else [aanbod_latencies[0]] * 99
    )
    shown = ", ".join(f"{code} {n}" for code, n in load.errors.most_common()) or "none"
    lines += [
        "",
        f"Sustained writes: {clients} concurrent clients over HTTP for {seconds:g} s: "
        f"{clients - aanbod_clients} each the gebruik-beheerder of a gemeente of its own, registering a "
        "Gebruik, changing its notities and moving it to GEPLAND, again and again; "
        f"{aanbod_clients} each the aanbod- and organisatie-beheerder of a leverancier of its own, "
        "registering an application, a version of it, a HOSTING dienst on it, and changing the "
        "leverancier's profile, again and again (one uvicorn process, the embedded engine, client and "
        f"server on the same 2 cores): {load.writes / load.seconds:.1f} writes/s ({load.writes} writes "
        f"in {load.seconds:.1f} s, {load.aanbod_writes} of them the leveranciers'); latency p50 "
        f"{quantile[49]:.0f} ms, p95 {quantile[94]:.0f} ms, max {latencies[-1]:.0f} ms (the leveranciers' "
        f"writes alone: p50 {aanbod_quantile[49]:.0f} ms, p95 {aanbod_quantile[94]:.0f} ms); "
        f"errors: {errors} ({shown}), of which VERSION_CONFLICT "
        f"{load.errors['VERSION_CONFLICT']}"
        + (f"; {load.ran_out} clients ran out of applications" if load.ran_out else "")
        + ".",
        "",
        f"Medians of {rounds} rounds after {WARMUP} warm-up rounds. Each round of a mutation writes something "
        "new: a Gebruik of an application the gemeente does not use yet, the next versie of the same "
        "Gebruik, another Gebruik registered before the measurement (status, delete), a koppeling between "
        f"two more of {GEMEENTE}'s seeded Gebruik; for issue 18's, as one person of {leverancier} who is "
        "both its aanbod-beheerder and its organisatie-beheerder: a new application (a product realising "
        f"one referentiecomponent), a new version of {leverancier}'s first published application, a "
        "standard version supported with evidence by another version registered before the measurement, "
        "a new HOSTING dienst on another leverancier's application, the next versie of "
        f"{leverancier}'s profile (one object, so its two ways of writing take turns on it), an "
        "invitation of a new address. "
        "The in-process mutation and the raw statement take "
        "turns round by round, on objects of their own (the judged ratio compares the same moments); "
        "HTTP is measured apart, before, on objects of its own, as a gebruik-beheerder of "
        f"{GEMEENTE} whose token the server validates and whose Gebruiker and Zicht it looks up per "
        f"request (issue 18's: as that person of {leverancier}). In-process, the schema executes with "
        "the identity and Zicht such a request has. The "
        "raw statements (bench/cypher/schrijven/) make the same graph change with the same change "
        "record, checked after each mutation's rounds (the same properties on the node written, the "
        "same fields in the record and in its before and after); they leave out who may write, the "
        "read before and the payload read after. The graph grows during the run: "
        f"{before[0]:,} Gebruik and {before[1]:,} Wijziging before, {middle[0]:,} and {middle[1]:,} "
        f"before the load run, {after[0]:,} and {after[1]:,} after it.",
    ]
    return "\n".join(lines)


def main(rounds: int, clients: int, seconds: float, reseed: bool = True) -> None:
    body = asyncio.run(run(rounds, clients, seconds, reseed))
    write_section(
        "Write API",
        f"python -m bench writes --rounds {rounds} --clients {clients} --seconds {seconds:g}",
        body,
    )
    print(body)
