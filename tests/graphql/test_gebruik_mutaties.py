"""The Gebruik mutations (issue 17, item 2) through HTTP, in a graph of the test's own on each
engine: what they write, every refusal the role matrix implies, invalid input, and that a
refused write leaves the whole graph as it was (a dump of every node and relationship).

A Neo4j graph of a test's own costs 15-25 s: each engine runs one test for the refusals and one
for the successful journey, each with many checks.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from graph_api.app import create_app
from graph_api.auth.dev import key_path, mint_token, signing_key
from graph_api.domain.gebruikers import registreer_dev
from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

GEMEENTE = "GM0014"

REGISTREER = """
mutation($input: RegistreerGebruikInput!) {
  registreerGebruik(input: $input) {
    gebruik { identificatie versienummer status startDatum contractEinde notities hosting
              organisatie { id } applicatie { identificatie } versie { identificatie }
              referentiecomponenten { identificatie } }
  }
}"""
WIJZIG = """
mutation($input: WijzigGebruikInput!) {
  wijzigGebruik(input: $input) {
    gebruik { identificatie versienummer status startDatum eindDatum contractEinde notities hosting
              versie { identificatie } referentiecomponenten { identificatie } }
  }
}"""
STATUS = """
mutation($input: ZetGebruikStatusInput!) {
  zetGebruikStatus(input: $input) { gebruik { identificatie versienummer status startDatum eindDatum } }
}"""
VERWIJDER = """
mutation($input: VerwijderGebruikInput!) {
  verwijderGebruik(input: $input) { verwijderdId verwijderdeKoppelingen }
}"""
AANTAL = "query($o: ID!) { gebruik(organisatie: $o, first: 1) { totalCount } }"



async def tokens(backend: Backend, *rollen: tuple[str, str]) -> dict[tuple[str, str], str]:
    """Development tokens for these (organisation, role) pairs, their Gebruikers registered in
    the test's own graph (as `graph-api dev-token` does)."""
    key = signing_key(key_path(backend.settings))
    minted = {}
    for organisatie, rol in rollen:
        registratie = await registreer_dev(backend.store, organisatie_sleutel=organisatie, rol_waarde=rol)
        minted[(organisatie, rol)] = mint_token(
            key, subject=registratie.subject, audience=backend.settings.identity.audience
        )
    return minted


@contextmanager
def serve(backend: Backend) -> Iterator[TestClient]:
    with TestClient(create_app(backend.settings, engine=backend.engine)) as client:
        yield client


def data(response: Any) -> dict[str, Any]:
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def fout(response: Any) -> dict[str, Any]:
    body = response.json()
    assert body.get("errors"), body
    return body["errors"][0]["extensions"]


async def feiten(beheer: Api) -> dict[str, Any]:
    """What the tests write about, found through the API: an application GM0014 does not use yet
    (with a version of it, and one of another application), its Gebruik, a referentiecomponent,
    another gemeente and a leverancier."""
    landschap = data(beheer.post(
        "query($o: ID!) { gebruik(organisatie: $o, first: 100) { totalCount nodes { identificatie "
        "applicatie { identificatie } uitgaandeKoppelingen { identificatie } } } }", {"o": GEMEENTE}
    ))["gebruik"]  # fmt: skip
    gebruikt = {n["applicatie"]["identificatie"] for n in landschap["nodes"]}
    apps = data(beheer.post(
        "{ applicaties(first: 100) { nodes { identificatie versies { identificatie } } } }"
    ))["applicaties"]["nodes"]  # fmt: skip
    nieuw = next(a for a in apps if a["identificatie"] not in gebruikt and a["versies"])
    ander = next(a for a in apps if a["identificatie"] != nieuw["identificatie"] and a["versies"])
    rc = data(beheer.post("{ referentiecomponenten(first: 2) { nodes { identificatie } } }"))
    lev = data(beheer.post("{ leveranciers(first: 1) { nodes { identificatie } } }"))
    gem = data(beheer.post("{ gemeenten(first: 5) { nodes { identificatie } } }"))
    return {
        "totaal": landschap["totalCount"],
        "bestaand": landschap["nodes"][0]["identificatie"],
        "gekoppeld": next(n["identificatie"] for n in landschap["nodes"] if n["uitgaandeKoppelingen"]),
        "bestaande_app": landschap["nodes"][0]["applicatie"]["identificatie"],
        "app": nieuw["identificatie"],
        "app_versie": nieuw["versies"][0]["identificatie"],
        "andere_versie": ander["versies"][0]["identificatie"],
        "rc": [n["identificatie"] for n in rc["referentiecomponenten"]["nodes"]],
        "leverancier": lev["leveranciers"]["nodes"][0]["identificatie"],
        "andere_gemeente": next(
            n["identificatie"] for n in gem["gemeenten"]["nodes"] if n["identificatie"] != GEMEENTE
        ),
    }


ROLLEN = (
    (GEMEENTE, "GEBRUIK_BEHEERDER"),
    (GEMEENTE, "GEBRUIK_RAADPLEGER"),
    (VNG, "FUNCTIONEEL_BEHEERDER"),
    (VNG, "VNG_RAADPLEGER"),
)


async def test_every_refused_write_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    with serve(own_graph) as client:
        beheer = Api(
            client, (await tokens(own_graph, (VNG, "FUNCTIONEEL_BEHEERDER")))[(VNG, "FUNCTIONEEL_BEHEERDER")]
        )
        f = await feiten(beheer)
        minted = await tokens(
            own_graph,
            *ROLLEN,
            (f["andere_gemeente"], "GEBRUIK_BEHEERDER"),
            (f["leverancier"], "AANBOD_BEHEERDER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen = wie[(GEMEENTE, "GEBRUIK_BEHEERDER")]
        registratie = {"organisatie": GEMEENTE, "applicatie": f["app"]}
        bestaand = {"gebruik": f["bestaand"], "verwachteVersie": 1}
        before = await stand(own_graph.store)

        def refused(
            api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None
        ) -> dict:
            extensions = fout(api.post(query, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            if argument is not None:
                assert extensions.get("argument") == argument, (input, extensions)
            return extensions

        # The role matrix: no write without signing in; none without the role gebruik-beheerder
        # of the organisation (a raadpleger, a leverancier, the VNG's raadpleger); a beheerder of
        # another gemeente may see its Gebruik, so is told FORBIDDEN, not NOT_FOUND.
        anders = wie[(f["andere_gemeente"], "GEBRUIK_BEHEERDER")]
        for query, input in (
            (REGISTREER, registratie),
            (WIJZIG, {**bestaand, "notities": "x"}),
            (STATUS, {**bestaand, "status": "UITGEFASEERD"}),
            (VERWIJDER, bestaand),
        ):
            refused(Api(client), query, input, "UNAUTHENTICATED")
            for rol in (
                (GEMEENTE, "GEBRUIK_RAADPLEGER"),
                (VNG, "VNG_RAADPLEGER"),
                (f["leverancier"], "AANBOD_BEHEERDER"),
            ):
                refused(wie[rol], query, input, "FORBIDDEN")
            refused(anders, query, input, "FORBIDDEN")

        # Invalid input, each naming its field.
        for input, argument in (
            ({**registratie, "startDatum": "2026-13-01"}, "input.startDatum"),
            ({**registratie, "contractEinde": "31-12-2026"}, "input.contractEinde"),
            ({**registratie, "notities": "x" * 10_001}, "input.notities"),
        ):
            refused(eigen, REGISTREER, input, "INVALID_INPUT", argument)
        # A NUL is refused by the request itself, before any resolver (docs/operations.md).
        refused(eigen, REGISTREER, {**registratie, "notities": "met\x00nul"}, "INVALID_TEXT")
        refused(
            eigen,
            REGISTREER,
            {**registratie, "applicatie": "app-bestaat-niet"},
            "NOT_FOUND",
            "input.applicatie",
        )
        refused(eigen, REGISTREER, {**registratie, "versie": f["andere_versie"]}, "NOT_FOUND", "input.versie")
        refused(eigen, REGISTREER, {**registratie, "referentiecomponenten": ["rc-onbekend"]}, "NOT_FOUND",
                "input.referentiecomponenten")  # fmt: skip
        refused(
            eigen,
            REGISTREER,
            {**registratie, "applicatie": f["bestaande_app"]},
            "DUPLICATE",
            "input.applicatie",
        )
        refused(eigen, REGISTREER, {**registratie, "organisatie": f["andere_gemeente"]}, "FORBIDDEN")
        refused(eigen, REGISTREER, {**registratie, "applicatie": _global("Gebruik", f["bestaand"])}, "INVALID_ID",
                "input.applicatie")  # fmt: skip
        assert fout(eigen.post(REGISTREER, {"input": {"organisatie": GEMEENTE}}))["code"] == "BAD_USER_INPUT"
        assert (
            fout(eigen.post(REGISTREER, {"input": {**registratie, "status": "KAPOT"}}))["code"]
            == "BAD_USER_INPUT"
        )
        refused(eigen, WIJZIG, {**bestaand, "gebruik": "geb-bestaat-niet"}, "NOT_FOUND", "input.gebruik")
        refused(eigen, WIJZIG, {**bestaand, "startDatum": "gisteren"}, "INVALID_INPUT", "input.startDatum")
        refused(eigen, WIJZIG, {**bestaand, "versie": f["andere_versie"]}, "NOT_FOUND", "input.versie")
        conflict = refused(
            eigen, WIJZIG, {**bestaand, "verwachteVersie": 7, "notities": "x"}, "VERSION_CONFLICT"
        )
        assert conflict["huidigeVersie"] == 1 and conflict["argument"] == "input.verwachteVersie"
        refused(
            eigen, STATUS, {**bestaand, "verwachteVersie": 2, "status": "UITGEFASEERD"}, "VERSION_CONFLICT"
        )
        refused(eigen, STATUS, {**bestaand, "status": "UITGEFASEERD", "datum": "2026-02-30"}, "INVALID_INPUT",
                "input.datum")  # fmt: skip
        refused(eigen, VERWIJDER, {**bestaand, "verwachteVersie": 0}, "VERSION_CONFLICT")
        gekoppeld = refused(eigen, VERWIJDER, {"gebruik": f["gekoppeld"], "verwachteVersie": 1}, "IN_USE")
        assert gekoppeld["argument"] == "input.ookKoppelingen"
        # The lifecycle goes forward only: from UITGEFASEERD nowhere, so every step back is refused.
        status = data(beheer.post("query($id: ID!) { node(id: $id) { ... on Gebruik { status } } }",
                                  {"id": _global("Gebruik", f["bestaand"])}))["node"]["status"]  # fmt: skip
        terug = [s for s in ("VERWERVING", "GEPLAND", "IN_PRODUCTIE", "UIT_TE_FASEREN", "UITGEFASEERD")]
        eerder = terug[: terug.index(status) + 1]
        for doel in eerder:
            extensions = refused(
                eigen, STATUS, {**bestaand, "status": doel}, "TRANSITION_NOT_ALLOWED", "input.status"
            )
            assert extensions["toegestaan"] == terug[terug.index(status) + 1 :]

        assert not await verschil(own_graph.store, before)


def _global(kind: str, key: str) -> str:
    import base64

    return base64.b64encode(f"{kind}:{key}".encode()).decode()


async def wijzigingen(store: Store, object_id: str) -> list[dict[str, Any]]:
    return await store.read_text(
        "test/wijzigingen",
        "MATCH (w:Wijziging) WHERE w.object = $id RETURN w {.*} AS w ORDER BY w.tijdstip",
        {"id": object_id},
    )


async def test_a_gebruik_beheerder_records_changes_and_deletes_a_gebruik(own_graph: Backend) -> None:
    with serve(own_graph) as client:
        minted = await tokens(own_graph, (GEMEENTE, "GEBRUIK_BEHEERDER"), (VNG, "FUNCTIONEEL_BEHEERDER"))
        eigen, beheer = (Api(client, minted[key]) for key in minted)
        f = await feiten(beheer)

        # Register: the answer is what was asked, at versie 1, and every read sees it at once.
        input = {
            "organisatie": GEMEENTE, "applicatie": f["app"], "versie": f["app_versie"], "hostingmodel": "SAAS",
            "referentiecomponenten": f["rc"], "status": "GEPLAND", "startDatum": "2026-03-01",
            "contractEinde": "2029-12-31", "notities": "Aanbesteding 2025",
        }  # fmt: skip
        nieuw = data(eigen.post(REGISTREER, {"input": input}))["registreerGebruik"]["gebruik"]
        key = nieuw["identificatie"]
        assert key.startswith(f"geb-{GEMEENTE}-") and key != f["bestaand"]
        assert nieuw == {
            "identificatie": key, "versienummer": 1, "status": "GEPLAND", "startDatum": "2026-03-01",
            "contractEinde": "2029-12-31", "notities": "Aanbesteding 2025", "hosting": "SAAS",
            "organisatie": {"id": nieuw["organisatie"]["id"]}, "applicatie": {"identificatie": f["app"]},
            "versie": {"identificatie": f["app_versie"]},
            "referentiecomponenten": nieuw["referentiecomponenten"],
        }  # fmt: skip
        assert sorted(r["identificatie"] for r in nieuw["referentiecomponenten"]) == sorted(f["rc"])
        assert data(eigen.post(AANTAL, {"o": GEMEENTE}))["gebruik"]["totalCount"] == f["totaal"] + 1
        gelezen = data(eigen.post("query($id: ID!) { node(id: $id) { ... on Gebruik { identificatie versienummer } } }",
                                  {"id": _global("Gebruik", key)}))["node"]  # fmt: skip
        assert gelezen == {"identificatie": key, "versienummer": 1}
        [aangemaakt] = await wijzigingen(own_graph.store, key)
        assert aangemaakt["w"]["operatie"] == "AANGEMAAKT" and aangemaakt["w"]["actor"].startswith(
            "gebruiker-"
        )
        assert aangemaakt["w"]["organisatie"] == aangemaakt["w"]["actorOrganisatie"] == GEMEENTE
        assert json.loads(aangemaakt["w"]["na"])["notities"] == "Aanbesteding 2025"

        # Change: only what is given; null removes; the relations are replaced; versie 2.
        gewijzigd = data(eigen.post(WIJZIG, {"input": {
            "gebruik": key, "verwachteVersie": 1, "notities": None, "hostingmodel": "IAAS",
            "referentiecomponenten": f["rc"][:1], "versie": None,
        }}))["wijzigGebruik"]["gebruik"]  # fmt: skip
        assert gewijzigd == {
            "identificatie": key, "versienummer": 2, "status": "GEPLAND", "startDatum": "2026-03-01",
            "eindDatum": None, "contractEinde": "2029-12-31", "notities": None, "hosting": "IAAS",
            "versie": None, "referentiecomponenten": [{"identificatie": f["rc"][0]}],
        }  # fmt: skip
        record = (await wijzigingen(own_graph.store, key))[-1]["w"]
        assert record["operatie"] == "GEWIJZIGD"
        voor, na = json.loads(record["voor"]), json.loads(record["na"])
        assert voor["hosting"] == "SAAS" and voor["notities"] == "Aanbesteding 2025"
        assert voor["versies"] == [f["app_versie"]] and na["versies"] == [] and na["notities"] is None
        assert "status" not in voor and "contractEinde" not in voor  # only the changed fields
        assert json.loads(record["na"])["hosting"] == "IAAS"
        # The versie read before the change is stale now: refused, with the current one.
        stale = fout(eigen.post(WIJZIG, {"input": {"gebruik": key, "verwachteVersie": 1, "notities": "x"}}))
        assert stale["code"] == "VERSION_CONFLICT" and stale["huidigeVersie"] == 2

        # The lifecycle: forward, with dates; then back is refused with what is allowed.
        stap = data(eigen.post(STATUS, {"input": {"gebruik": key, "verwachteVersie": 2, "status": "IN_PRODUCTIE",
                                                  "datum": "2026-04-01"}}))["zetGebruikStatus"]["gebruik"]  # fmt: skip
        assert stap == {"identificatie": key, "versienummer": 3, "status": "IN_PRODUCTIE",
                        "startDatum": "2026-04-01", "eindDatum": None}  # fmt: skip
        terug = fout(
            eigen.post(STATUS, {"input": {"gebruik": key, "verwachteVersie": 3, "status": "GEPLAND"}})
        )
        assert terug["code"] == "TRANSITION_NOT_ALLOWED" and terug["toegestaan"] == [
            "UIT_TE_FASEREN",
            "UITGEFASEERD",
        ]
        einde = data(eigen.post(STATUS, {"input": {"gebruik": key, "verwachteVersie": 3, "status": "UITGEFASEERD",
                                                   "datum": "2027-01-01"}}))["zetGebruikStatus"]["gebruik"]  # fmt: skip
        assert einde["versienummer"] == 4 and einde["eindDatum"] == "2027-01-01"

        # A functioneel beheerder may change any landscape, recorded as acting for VNG.
        data(beheer.post(WIJZIG, {"input": {"gebruik": key, "verwachteVersie": 4, "notities": "VNG"}}))
        record = (await wijzigingen(own_graph.store, key))[-1]["w"]
        assert record["actorOrganisatie"] == VNG and record["organisatie"] == GEMEENTE

        # Delete: gone from every read at once, recorded.
        weg = data(eigen.post(VERWIJDER, {"input": {"gebruik": key, "verwachteVersie": 5}}))[
            "verwijderGebruik"
        ]
        assert weg == {"verwijderdId": key, "verwijderdeKoppelingen": 0}
        assert data(eigen.post(AANTAL, {"o": GEMEENTE}))["gebruik"]["totalCount"] == f["totaal"]
        assert (
            data(eigen.post("query($id: ID!) { node(id: $id) { id } }", {"id": _global("Gebruik", key)}))[
                "node"
            ]
            is None
        )
        assert [r["w"]["operatie"] for r in await wijzigingen(own_graph.store, key)] == [
            "AANGEMAAKT", "GEWIJZIGD", "STATUS_GEWIJZIGD", "STATUS_GEWIJZIGD", "GEWIJZIGD", "VERWIJDERD",
        ]  # fmt: skip

        # A Gebruik koppelingen use goes only with them; then they and their KOPPELT go too.
        koppelingen = data(beheer.post(
            "query($o: ID!) { koppelingen(organisatie: $o, first: 1) { totalCount } }", {"o": GEMEENTE}
        ))["koppelingen"]["totalCount"]  # fmt: skip
        weg = data(eigen.post(VERWIJDER, {"input": {"gebruik": f["gekoppeld"], "verwachteVersie": 1,
                                                    "ookKoppelingen": True}}))["verwijderGebruik"]  # fmt: skip
        assert weg["verwijderdeKoppelingen"] >= 1
        na = data(beheer.post(
            "query($o: ID!) { koppelingen(organisatie: $o, first: 1) { totalCount } }", {"o": GEMEENTE}
        ))["koppelingen"]["totalCount"]  # fmt: skip
        assert na == koppelingen - weg["verwijderdeKoppelingen"]
        verweesd = await own_graph.store.read_text(
            "test/koppelt",
            "MATCH ()-[r:KOPPELT]->() WITH r.koppelingId AS id "
            "OPTIONAL MATCH (k:Koppeling {id: id}) WITH id, k WHERE k IS NULL RETURN count(id) AS n",
        )
        assert verweesd[0]["n"] == 0


DIENSTEN = """
mutation($input: WijzigGebruikInput!) {
  wijzigGebruik(input: $input) { gebruik { versienummer diensten { identificatie } } }
}"""
HISTORIE = "query($id: ID!) { node(id: $id) { ... on Gebruik { status startDatum eindDatum statusHistorie { status datum } } } }"


async def test_the_diensten_taken_and_a_date_per_status(own_graph: Backend) -> None:
    from datetime import UTC, datetime

    store = own_graph.store
    # Which dienst is offered on which application, and what GEMEENTE uses: raw reads.
    bij = await store.read_text("test/bij", "MATCH (d:Dienst)-[:BIJ]->(a:Applicatie) RETURN d.id AS d, a.id AS a")
    gebruikt = {r["a"] for r in await store.read_text(
        "test/gebruikt", "MATCH (:Gemeente {id: $o})-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(a) RETURN a.id AS a",
        {"o": GEMEENTE},
    )}  # fmt: skip
    per_app: dict[str, list[str]] = {}
    for row in bij:
        per_app.setdefault(row["a"], []).append(row["d"])
    app = next(a for a in sorted(per_app) if a not in gebruikt and len(per_app[a]) >= 2)
    eigen_diensten = sorted(per_app[app])
    vreemd = next(row["d"] for row in sorted(bij, key=lambda r: r["d"]) if row["d"] not in per_app[app])
    with serve(own_graph) as client:
        eigen = Api(client, (await tokens(own_graph, (GEMEENTE, "GEBRUIK_BEHEERDER")))[(GEMEENTE, "GEBRUIK_BEHEERDER")])
        registratie = {"organisatie": GEMEENTE, "applicatie": app}

        # Refused: a dienst not offered on that application, an unknown one, an id of another kind.
        before = await stand(store)
        for diensten, code, argument in (
            ([eigen_diensten[0], vreemd], "NOT_FOUND", "input.diensten"),
            (["dienst-bestaat-niet"], "NOT_FOUND", "input.diensten"),
            ([_global("Applicatie", app)], "INVALID_ID", "input.diensten"),
            (["x" * 301], "INVALID_INPUT", "input.diensten"),
        ):
            extensions = fout(eigen.post(REGISTREER, {"input": {**registratie, "diensten": diensten}}))
            assert extensions["code"] == code, extensions
            assert extensions["argument"] == argument, extensions
        assert not await verschil(store, before)

        # Registered taking one dienst (named twice): it is recorded once; the status is dated today.
        vandaag = datetime.now(UTC).date().isoformat()
        nieuw = data(eigen.post(
            "mutation($input: RegistreerGebruikInput!) { registreerGebruik(input: $input) { gebruik { "
            "identificatie diensten { identificatie } statusHistorie { status datum } } } }",
            {"input": {**registratie, "diensten": [eigen_diensten[0], eigen_diensten[0]]}},
        ))["registreerGebruik"]["gebruik"]  # fmt: skip
        key = nieuw["identificatie"]
        assert nieuw["diensten"] == [{"identificatie": eigen_diensten[0]}]
        assert nieuw["statusHistorie"] == [{"status": "VERWERVING", "datum": vandaag}]

        # Changed: the list replaces what was recorded; one not offered is refused, nothing written.
        before = await stand(store)
        extensions = fout(eigen.post(DIENSTEN, {"input": {"gebruik": key, "verwachteVersie": 1, "diensten": [vreemd]}}))
        assert (extensions["code"], extensions["argument"]) == ("NOT_FOUND", "input.diensten")
        assert not await verschil(store, before)
        gewijzigd = data(eigen.post(DIENSTEN, {"input": {"gebruik": key, "verwachteVersie": 1,
                                                         "diensten": eigen_diensten[1:]}}))["wijzigGebruik"]  # fmt: skip
        assert gewijzigd["gebruik"]["versienummer"] == 2
        assert sorted(d["identificatie"] for d in gewijzigd["gebruik"]["diensten"]) == eigen_diensten[1:]
        record = (await wijzigingen(store, key))[-1]["w"]
        assert json.loads(record["voor"])["diensten"] == [eigen_diensten[0]]
        assert json.loads(record["na"])["diensten"] == eigen_diensten[1:]
        leeg = data(eigen.post(DIENSTEN, {"input": {"gebruik": key, "verwachteVersie": 2, "diensten": []}}))
        assert leeg["wijzigGebruik"]["gebruik"]["diensten"] == []

        # A date per status: given, or today; a skipped status has none and is left out.
        for versie, status, datum in ((3, "GEPLAND", "2026-05-01"), (4, "IN_PRODUCTIE", None),
                                      (5, "UITGEFASEERD", "2027-01-01")):  # fmt: skip
            stap = {"gebruik": key, "verwachteVersie": versie, "status": status}
            data(eigen.post(STATUS, {"input": stap if datum is None else {**stap, "datum": datum}}))
        gelezen = data(eigen.post(HISTORIE, {"id": _global("Gebruik", key)}))["node"]
        assert gelezen == {
            "status": "UITGEFASEERD", "startDatum": vandaag, "eindDatum": "2027-01-01",
            "statusHistorie": [
                {"status": "VERWERVING", "datum": vandaag}, {"status": "GEPLAND", "datum": "2026-05-01"},
                {"status": "IN_PRODUCTIE", "datum": vandaag}, {"status": "UITGEFASEERD", "datum": "2027-01-01"},
            ],
        }  # fmt: skip
        assert json.loads((await wijzigingen(store, key))[-2]["w"]["na"])["datum"] == vandaag

        # A seeded Gebruik: its start and end dates, and its current status, dated or not.
        [seeded] = await store.read_text(
            "test/seeded",
            "MATCH (:Gemeente {id: $o})-[:GEBRUIKT]->(g:Gebruik) WHERE g.startDatum IS NOT NULL "
            "RETURN g.id AS id, g.status AS status, g.startDatum AS start, g.eindDatum AS eind "
            "ORDER BY g.eindDatum DESC, g.id LIMIT 1",
            {"o": GEMEENTE},
        )
        verwacht = [{"status": "IN_PRODUCTIE", "datum": seeded["start"]}]
        if seeded["eind"] is not None:
            verwacht.append({"status": "UITGEFASEERD", "datum": seeded["eind"]})
        if seeded["status"] not in ("IN_PRODUCTIE", "UITGEFASEERD"):
            volgorde = ["VERWERVING", "GEPLAND", "IN_PRODUCTIE", "UIT_TE_FASEREN", "UITGEFASEERD"]
            verwacht.append({"status": seeded["status"], "datum": None})
            verwacht.sort(key=lambda s: volgorde.index(s["status"]))
        gelezen = data(eigen.post(HISTORIE, {"id": _global("Gebruik", seeded["id"])}))["node"]
        assert gelezen["statusHistorie"] == verwacht
