"""What changed (`wijzigingen`, issue 17 item 7) through HTTP, in a graph of the test's own on
each engine: writes made through the mutations by several people, then read back by
organisation, by object and since a date, page by page, and every role that may not see them.

The expected records are what the test itself wrote, in the order it wrote them. One record is
written directly through the store, with a tijdstip in the past: the mutations stamp the present.
A Neo4j graph of a test's own costs 15-25 s, so one test holds the whole journey.
"""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime
from typing import Any

from graph_api.auth.dev import key_path, mint_token, signing_key
from graph_api.domain.gebruikers import registreer_dev
from graph_api.store import Store
from tests.backends import Backend
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import REGISTREER, STATUS, VERWIJDER, WIJZIG, data, fout, serve
from tests.graphql.test_koppeling_mutaties import REGISTREER as REGISTREER_KOPPELING
from tests.graphql.test_koppeling_mutaties import VERWIJDER as VERWIJDER_KOPPELING

GEMEENTE = "GM0014"

LIJST = """
query($o: ID, $obj: ID, $sinds: String, $first: Int, $after: String) {
  wijzigingen(organisatie: $o, object: $obj, sinds: $sinds, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { identificatie tijdstip operatie object objectLabel door
            velden { veld voor na }
            organisatie { identificatie } namens { identificatie } }
  }
}"""

OUD = "2025-06-30T12:00:00.000Z"  # the record written directly, before everything else


async def mensen(backend: Backend, *wie: tuple[str, str, str]) -> dict[str, tuple[str, str]]:
    """(token, Gebruiker id) per name, for Gebruikers of (organisation, role) with that name."""
    key = signing_key(key_path(backend.settings))
    minted = {}
    for organisatie, rol, naam in wie:
        registratie = await registreer_dev(
            backend.store, organisatie_sleutel=organisatie, rol_waarde=rol, naam=naam
        )
        token = mint_token(key, subject=registratie.subject, audience=backend.settings.identity.audience)
        minted[naam] = (token, registratie.gebruiker)
    return minted


async def schrijf(store: Store, cypher: str, params: dict[str, Any]) -> list[dict]:
    """A raw write of the test's own setup: a record from before any mutation ran."""
    return await store._run("test/wijziging", cypher, params, write=True, timeout_ms=60_000, unit=None)


def nu() -> str:
    """The present as the records stamp it; the pauses keep every write in its own millisecond."""
    time.sleep(0.005)
    moment = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    time.sleep(0.005)
    return moment


def lijst(api: Api, **variables: Any) -> dict[str, Any]:
    return data(api.post(LIJST, variables))["wijzigingen"]


def alles(api: Api, page: int, **variables: Any) -> list[dict[str, Any]]:
    """Every record, page by page with the cursors."""
    nodes: list[dict[str, Any]] = []
    after = None
    while True:
        deel = lijst(api, first=page, after=after, **variables)
        nodes.extend(deel["nodes"])
        assert len(deel["nodes"]) <= page
        if not deel["pageInfo"]["hasNextPage"]:
            return nodes
        after = deel["pageInfo"]["endCursor"]


def kort(nodes: list[dict[str, Any]]) -> list[tuple[str, str, str, str | None, str, str]]:
    """What identifies a record without its id: object, label, operation, by whom, for whom."""
    return [
        (n["object"], n["objectLabel"], n["operatie"], n["door"], n["organisatie"]["identificatie"],
         n["namens"]["identificatie"])
        for n in nodes
    ]  # fmt: skip


async def test_what_changed_in_a_landscape(own_graph: Backend) -> None:
    store = own_graph.store
    gemeenten = [
        r["id"] for r in await store.read_text("test/gem", "MATCH (g:Gemeente) RETURN g.id AS id ORDER BY id")
    ]
    ander = next(g for g in gemeenten if g != GEMEENTE)
    leverancier = (await store.read_text(
        "test/lev", "MATCH (l:Leverancier) RETURN l.id AS id ORDER BY id LIMIT 1"))[0]["id"]  # fmt: skip
    landschap = (
        "MATCH (o:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie) "
        "RETURN g.id AS id, a.id AS app ORDER BY id"
    )
    bestaand = await store.read_text("test/geb", landschap, {"o": GEMEENTE})
    daar = {r["app"] for r in await store.read_text("test/geb", landschap, {"o": ander})}
    apps = [
        r["id"]
        for r in await store.read_text("test/app", "MATCH (a:Applicatie) RETURN a.id AS id ORDER BY id")
    ]
    nieuw_app = next(a for a in apps if a not in {r["app"] for r in bestaand})
    ander_app = next(a for a in apps if a not in daar)

    minted = await mensen(
        own_graph,
        (GEMEENTE, "GEBRUIK_BEHEERDER", "Anna Beheer"),
        (GEMEENTE, "GEBRUIK_RAADPLEGER", "Bas Raadpleger"),
        (VNG, "FUNCTIONEEL_BEHEERDER", "Carla Functioneel"),
        (VNG, "VNG_RAADPLEGER", "Dirk Vng"),
        (ander, "GEBRUIK_BEHEERDER", "Eva Elders"),
        (ander, "GEBRUIK_RAADPLEGER", "Frits Elders"),
        (leverancier, "AANBOD_BEHEERDER", "Gea Leverancier"),
    )
    with serve(own_graph) as client:
        api = {naam: Api(client, token) for naam, (token, _) in minted.items()}
        anna, carla, eva = api["Anna Beheer"], api["Carla Functioneel"], api["Eva Elders"]

        # One record from before: a Gebruik deleted in 2025, with an internal note.
        await schrijf(
            store,
            "CREATE (:Wijziging {id: 'wij-oud', actor: $actor, actorOrganisatie: $o, organisatie: $o, "
            "tijdstip: $t, object: 'geb-oud', objectLabel: 'Gebruik', operatie: 'VERWIJDERD', "
            "voor: $voor})",
            {"actor": minted["Anna Beheer"][1], "o": GEMEENTE, "t": OUD,
             "voor": json.dumps({"notities": "oud en intern"})},
        )  # fmt: skip
        begin = nu()

        # The writes, newest last: (object, label, operation, by, for whom) as the test expects.
        verwacht: list[tuple[str, str, str, str | None, str, str]] = []
        gebruik = data(anna.post(REGISTREER, {"input": {
            "organisatie": GEMEENTE, "applicatie": nieuw_app, "notities": "intern: contract loopt af"}}))[
            "registreerGebruik"]["gebruik"]  # fmt: skip
        geb = gebruik["identificatie"]
        verwacht.append((geb, "Gebruik", "AANGEMAAKT", "Anna Beheer", GEMEENTE, GEMEENTE))
        nu()
        gebruik = data(anna.post(WIJZIG, {"input": {
            "gebruik": geb, "verwachteVersie": gebruik["versienummer"], "notities": "intern: opgezegd"}}))[
            "wijzigGebruik"]["gebruik"]  # fmt: skip
        verwacht.append((geb, "Gebruik", "GEWIJZIGD", "Anna Beheer", GEMEENTE, GEMEENTE))
        tussen = nu()
        gebruik = data(carla.post(STATUS, {"input": {
            "gebruik": geb, "verwachteVersie": gebruik["versienummer"], "status": "IN_PRODUCTIE"}}))[
            "zetGebruikStatus"]["gebruik"]  # fmt: skip
        # Functioneel beheer changes a gemeente's landscape for VNG Realisatie.
        verwacht.append((geb, "Gebruik", "STATUS_GEWIJZIGD", "Carla Functioneel", GEMEENTE, VNG))
        nu()
        koppeling = data(anna.post(REGISTREER_KOPPELING, {"input": {
            "van": geb, "naar": bestaand[0]["id"], "type": "API", "richting": "HEEN"}}))[
            "registreerKoppeling"]["koppeling"]  # fmt: skip
        kop = koppeling["identificatie"]
        verwacht.append((kop, "Koppeling", "AANGEMAAKT", "Anna Beheer", GEMEENTE, GEMEENTE))
        nu()
        elders = data(eva.post(REGISTREER, {"input": {"organisatie": ander, "applicatie": ander_app}}))[
            "registreerGebruik"]["gebruik"]["identificatie"]  # fmt: skip
        nu()
        data(
            anna.post(
                VERWIJDER_KOPPELING,
                {"input": {"koppeling": kop, "verwachteVersie": koppeling["versienummer"]}},
            )
        )
        verwacht.append((kop, "Koppeling", "VERWIJDERD", "Anna Beheer", GEMEENTE, GEMEENTE))
        nu()
        data(anna.post(VERWIJDER, {"input": {"gebruik": geb, "verwachteVersie": gebruik["versienummer"]}}))
        verwacht.append((geb, "Gebruik", "VERWIJDERD", "Anna Beheer", GEMEENTE, GEMEENTE))
        oud = ("geb-oud", "Gebruik", "VERWIJDERD", "Anna Beheer", GEMEENTE, GEMEENTE)
        nieuwste_eerst = list(reversed(verwacht))

        # The landscape's own people see every record of it, newest first, the old one last.
        for naam in ("Anna Beheer", "Bas Raadpleger", "Carla Functioneel"):
            heel = lijst(api[naam], o=GEMEENTE)
            assert heel["totalCount"] == len(verwacht) + 1, naam
            assert kort(heel["nodes"]) == [*nieuwste_eerst, oud], naam
            tijden = [n["tijdstip"] for n in heel["nodes"]]
            assert tijden == sorted(tijden, reverse=True) and tijden[-1] == OUD
            assert all(begin < t for t in tijden[:-1])

        # Paging: every page size walks the same list, the cursors never repeat or skip a record.
        bas = api["Bas Raadpleger"]
        for size in (1, 2, 3, 50):
            assert kort(alles(bas, size, o=GEMEENTE)) == [*nieuwste_eerst, oud]
        eerste = lijst(bas, o=GEMEENTE, first=2)
        assert eerste["totalCount"] == len(verwacht) + 1 and eerste["pageInfo"]["hasNextPage"]
        assert kort(eerste["nodes"]) == nieuwste_eerst[:2]
        tweede = lijst(bas, o=GEMEENTE, first=2, after=eerste["pageInfo"]["endCursor"])
        assert kort(tweede["nodes"]) == nieuwste_eerst[2:4]

        # Since: a date is its start in UTC; an instant with its offset counts from that instant.
        assert kort(lijst(bas, o=GEMEENTE, sinds=begin)["nodes"]) == nieuwste_eerst
        assert lijst(bas, o=GEMEENTE, sinds=begin)["totalCount"] == len(verwacht)
        assert kort(lijst(bas, o=GEMEENTE, sinds=tussen)["nodes"]) == nieuwste_eerst[: len(verwacht) - 2]
        assert lijst(bas, o=GEMEENTE, sinds=tussen)["totalCount"] == len(verwacht) - 2
        assert lijst(bas, o=GEMEENTE, sinds="2025-06-30")["totalCount"] == len(verwacht) + 1
        assert lijst(bas, o=GEMEENTE, sinds="2025-07-01")["totalCount"] == len(verwacht)
        assert lijst(bas, o=GEMEENTE, sinds="2025-06-30T14:00:00+02:00")["totalCount"] == len(verwacht) + 1
        assert lijst(bas, o=GEMEENTE, sinds="2025-06-30T14:00:00.001+02:00")["totalCount"] == len(verwacht)

        # One object's records, its deletion included: the object is gone, its records stay.
        assert kort(lijst(bas, obj=geb)["nodes"]) == [r for r in nieuwste_eerst if r[0] == geb]
        assert kort(lijst(bas, obj=kop)["nodes"]) == [r for r in nieuwste_eerst if r[0] == kop]
        assert kort(lijst(bas, obj=geb, sinds=tussen)["nodes"]) == [
            r for r in nieuwste_eerst[: len(verwacht) - 2] if r[0] == geb
        ]
        assert data(anna.post("query($id: ID!) { node(id: $id) { id } }", {
            "id": base64.b64encode(f"Gebruik:{geb}".encode()).decode()}))["node"] is None  # fmt: skip
        # By its global id as well.
        assert lijst(bas, obj=base64.b64encode(f"Koppeling:{kop}".encode()).decode())["totalCount"] == 2

        # Before and after, field by field: the notes are the landscape's own people's to see.
        by_op = {(n["object"], n["operatie"]): n for n in lijst(bas, o=GEMEENTE)["nodes"]}
        gewijzigd = by_op[(geb, "GEWIJZIGD")]["velden"]
        assert {
            "veld": "notities",
            "voor": "intern: contract loopt af",
            "na": "intern: opgezegd",
        } in gewijzigd
        assert all(v["voor"] != v["na"] for v in gewijzigd)
        aangemaakt = {v["veld"]: v for v in by_op[(geb, "AANGEMAAKT")]["velden"]}
        assert aangemaakt["notities"] == {"veld": "notities", "voor": None, "na": "intern: contract loopt af"}
        assert aangemaakt["applicatie"]["na"] == nieuw_app
        assert all(v["voor"] is None for v in aangemaakt.values())
        status = {v["veld"]: v for v in by_op[(geb, "STATUS_GEWIJZIGD")]["velden"]}
        assert status["status"]["na"] == "IN_PRODUCTIE" and status["status"]["voor"] != "IN_PRODUCTIE"
        assert all(v["na"] is None for v in by_op[(kop, "VERWIJDERD")]["velden"])
        assert by_op[("geb-oud", "VERWIJDERD")]["velden"] == [
            {"veld": "notities", "voor": "oud en intern", "na": None}
        ]

        # Functioneel beheer sees every landscape's records; a gebruik role only its own.
        assert lijst(carla)["totalCount"] == len(verwacht) + 2
        assert (elders, "Gebruik", "AANGEMAAKT", "Eva Elders", ander, ander) in kort(lijst(carla)["nodes"])
        assert kort(lijst(anna)["nodes"]) == [*nieuwste_eerst, oud]
        assert kort(lijst(api["Frits Elders"])["nodes"]) == [
            (elders, "Gebruik", "AANGEMAAKT", "Eva Elders", ander, ander)
        ]

        # Everyone else gets an empty list, the notes included: another gemeente's gebruik roles
        # (which see that GM0014 uses an application, not its landscape), a leverancier, the
        # aggregate role (the records name people), and the anonymous bezoeker.
        for wie in (api["Frits Elders"], eva, api["Gea Leverancier"], api["Dirk Vng"], Api(client)):
            for variables in ({"o": GEMEENTE}, {"obj": geb}, {"obj": kop}, {"obj": "geb-oud"}, {}):
                if wie in (api["Frits Elders"], eva) and not variables:
                    continue  # their own landscape's record, above
                response = wie.post(LIJST, variables)
                assert "intern" not in response.text
                leeg = data(response)["wijzigingen"]
                assert (leeg["totalCount"], leeg["nodes"], leeg["pageInfo"]["hasNextPage"]) == (0, [], False)

        # Unknown ids: nothing, as the other lists answer.
        for variables in ({"o": "GM9999"}, {"obj": "geb-bestaat-niet"}, {"o": ander, "obj": geb}):
            assert lijst(carla, **variables)["totalCount"] == 0

        # Arguments it cannot use, each named.
        for sinds in ("31-12-2026", "2026-13-01", "2026-01-01T09:00:00", "gisteren", "20260101"):
            extensions = fout(anna.post(LIJST, {"o": GEMEENTE, "sinds": sinds}))
            assert (extensions["code"], extensions.get("argument")) == ("INVALID_ARGUMENT", "sinds"), sinds
        extensions = fout(anna.post(LIJST, {"o": GEMEENTE, "sinds": "2026-01-01" + " " * 40}))
        assert (extensions["code"], extensions.get("argument")) == ("INVALID_INPUT", "sinds")
        applicatie = base64.b64encode(f"Applicatie:{nieuw_app}".encode()).decode()
        extensions = fout(anna.post(LIJST, {"o": applicatie}))
        assert (extensions["code"], extensions.get("argument")) == ("INVALID_ID", "organisatie")
