"""The organisation profile (F002, issue 18) through HTTP, in a graph of the test's own on each
engine: what `wijzigOrganisatieprofiel` writes (checked against the raw graph), who reads the
contact persons' e-mail and telephone, every refusal of the role matrix, invalid input per
field, and that a refused or invalid write leaves the whole graph as it was.
"""

from __future__ import annotations

import json
from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import data, fout, serve, tokens, wijzigingen

GEMEENTE = "GM0014"
ANDERE = "GM0034"

WIJZIG = """
mutation($input: WijzigOrganisatieprofielInput!) {
  wijzigOrganisatieprofiel(input: $input) { organisatie { identificatie versienummer } }
}"""
PROFIEL = """
query($id: String!) { organisatie(identificatie: $id) {
  identificatie versienummer beschrijving website logoUrl email telefoon
  adres { straat huisnummer postcode plaats }
  certificeringen { naam uitgever geldigTot bewijsUrl }
  contactpersonen { naam functie onderwerp email telefoon } } }"""

CERTIFICERINGEN = [
    {"naam": "NEN 7510", "uitgever": "DNV", "geldigTot": "2027-03-31"},
    {"naam": "ISO 27001", "uitgever": "BSI", "geldigTot": "2027-06-30",
     "bewijsUrl": "https://certificaten.example.nl/iso27001.pdf"},
]  # fmt: skip
CONTACTPERSONEN = [
    {"naam": "Piet Pieters", "functie": "Informatiemanager", "email": "p.pieters@gemeente.example.nl",
     "telefoon": "+31 (0)50-123 45 67", "onderwerp": "het applicatielandschap"},
    {"naam": "Anna de Vries", "telefoon": "14 050", "onderwerp": "inkoop"},
]  # fmt: skip


async def rij(store: Store, text: str, **params: Any) -> list[dict[str, Any]]:
    return await store.read_text("test/profiel", text, params)


async def graafprofiel(store: Store, organisatie: str) -> dict[str, Any]:
    """The profile as the graph holds it: the organisation's properties and its item nodes."""
    [row] = await rij(
        store,
        "MATCH (o:Organisatie {id: $o}) RETURN o {.*} AS o, "
        "[(o)-[:HEEFT_CERTIFICERING]->(c:Certificering) | c {.*}] AS certificeringen, "
        "[(o)-[:HEEFT_CONTACTPERSOON]->(p:Contactpersoon) | p {.*}] AS contactpersonen",
        o=organisatie,
    )
    return row


def zonder_id(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(({k: v for k, v in item.items() if k != "id"} for item in items), key=lambda i: i["naam"])


def volledig(items: list[dict[str, Any]], velden: tuple[str, ...]) -> list[dict[str, Any]]:
    """Items as GraphQL answers them: every field, null where not given, by name."""
    return sorted(({v: item.get(v) for v in velden} for item in items), key=lambda i: i["naam"])


async def test_an_organisatie_beheerder_keeps_its_profile(own_graph: Backend) -> None:
    store = own_graph.store
    [leverancier] = await rij(store, "MATCH (l:Leverancier) RETURN l.id AS id ORDER BY id LIMIT 1")
    lev = leverancier["id"]
    voor = await graafprofiel(store, GEMEENTE)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (lev, "ORGANISATIE_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (ANDERE, "GEBRUIK_RAADPLEGER"),
        )
        eigen, leverancier_beheer, beheer, buurman = (Api(client, t) for t in minted.values())
        bezoeker = Api(client)

        # Never changed: versie 1, the seeded description and website as they were.
        gelezen = data(bezoeker.post(PROFIEL, {"id": GEMEENTE}))["organisatie"]
        assert gelezen["versienummer"] == 1
        assert (gelezen["beschrijving"], gelezen["website"]) == (
            voor["o"]["beschrijving"],
            voor["o"]["website"],
        )
        assert gelezen["adres"] is None and gelezen["certificeringen"] == [] == gelezen["contactpersonen"]

        invoer = {
            "organisatie": GEMEENTE,
            "verwachteVersie": 1,
            "beschrijving": "  De gemeente aan het Reitdiep  ",
            "website": "https://gemeente.groningen.nl/",
            "logoUrl": "https://cdn.example.nl/logo.svg?v=3",
            "email": "info@groningen.example.nl",
            "telefoon": "14 050",
            "adres": {
                "straat": "Kreupelstraat",
                "huisnummer": "1",
                "postcode": "9712hw",
                "plaats": "Groningen",
            },
            "certificeringen": CERTIFICERINGEN,
            "contactpersonen": CONTACTPERSONEN,
            "idempotencyKey": "profiel-1",
        }
        antwoord = data(eigen.post(WIJZIG, {"input": invoer}))["wijzigOrganisatieprofiel"]["organisatie"]
        assert antwoord == {"identificatie": GEMEENTE, "versienummer": 2}

        na = await graafprofiel(store, GEMEENTE)
        o = na["o"]
        assert o["versie"] == 2 and o["gewijzigdOp"] and o["gewijzigdDoor"]
        assert o["beschrijving"] == "De gemeente aan het Reitdiep"  # trimmed
        assert (o["straat"], o["huisnummer"], o["postcode"], o["plaats"]) == (
            "Kreupelstraat", "1", "9712 HW", "Groningen",
        )  # fmt: skip
        assert (o["website"], o["logoUrl"], o["email"], o["telefoon"]) == (
            invoer["website"], invoer["logoUrl"], invoer["email"], invoer["telefoon"],
        )  # fmt: skip
        assert zonder_id(na["certificeringen"]) == zonder_id(CERTIFICERINGEN)
        assert zonder_id(na["contactpersonen"]) == zonder_id(CONTACTPERSONEN)
        for node in na["certificeringen"] + na["contactpersonen"]:
            assert node["id"]
        # Everything else of the organisation is as it was.
        gezet = {
            "beschrijving",
            "website",
            "logoUrl",
            "email",
            "telefoon",
            "versie",
            "gewijzigdOp",
            "gewijzigdDoor",
        }
        assert {
            k: v for k, v in o.items() if k not in gezet | {"straat", "huisnummer", "postcode", "plaats"}
        } == {k: v for k, v in voor["o"].items() if k not in gezet}

        # One change record: what changed, before and after, acting for the gemeente.
        [record] = [r["w"] for r in await wijzigingen(store, GEMEENTE)]
        assert (record["operatie"], record["objectLabel"]) == ("GEWIJZIGD", "Gemeente")
        assert record["organisatie"] == GEMEENTE == record["actorOrganisatie"]
        assert json.loads(record["voor"])["website"] == voor["o"]["website"]
        assert json.loads(record["voor"])["certificeringen"] == []
        assert zonder_id(json.loads(record["na"])["contactpersonen"]) == zonder_id(CONTACTPERSONEN)
        assert "straat" in json.loads(record["na"]) and "plaats" in json.loads(record["voor"])

        # The same key and input again: the same answer, nothing written.
        again = data(eigen.post(WIJZIG, {"input": invoer}))["wijzigOrganisatieprofiel"]["organisatie"]
        assert again == antwoord
        assert (await graafprofiel(store, GEMEENTE))["o"]["versie"] == 2
        assert len(await wijzigingen(store, GEMEENTE)) == 1

        # Everyone reads the profile; contact persons' e-mail and telephone only the signed-in.
        velden = ("naam", "functie", "onderwerp", "email", "telefoon")
        for lezer in (bezoeker, buurman, leverancier_beheer):
            body = lezer.post(PROFIEL, {"id": GEMEENTE}).json()
            profiel = body["data"]["organisatie"]
            assert profiel["adres"] == {
                "straat": "Kreupelstraat", "huisnummer": "1", "postcode": "9712 HW", "plaats": "Groningen",
            }  # fmt: skip
            assert profiel["certificeringen"] == volledig(
                CERTIFICERINGEN, ("naam", "uitgever", "geldigTot", "bewijsUrl")
            )
            verwacht = volledig(CONTACTPERSONEN, velden)
            noten = [n["veld"] for n in body.get("extensions", {}).get("beperkingen", [])]
            if lezer is bezoeker:
                verwacht = [{**p, "email": None, "telefoon": None} for p in verwacht]
                assert {"Contactpersoon.email", "Contactpersoon.telefoon"} <= set(noten)
            else:
                assert "Contactpersoon.email" not in noten
            assert profiel["contactpersonen"] == verwacht

        # Only what is named changes: new contact persons replace the old (nodes and all), the
        # certifications stay; null removes the website and the whole address.
        data(eigen.post(WIJZIG, {"input": {
            "organisatie": GEMEENTE, "verwachteVersie": 2, "website": None, "adres": None,
            "contactpersonen": [{"naam": "Kees Jansen", "email": "k.jansen@groningen.example.nl"}],
        }}))  # fmt: skip
        na2 = await graafprofiel(store, GEMEENTE)
        assert na2["o"]["versie"] == 3
        for weg in ("website", "straat", "huisnummer", "postcode", "plaats"):
            assert weg not in na2["o"] or na2["o"][weg] is None
        assert na2["o"]["logoUrl"] == invoer["logoUrl"]
        assert zonder_id(na2["certificeringen"]) == zonder_id(CERTIFICERINGEN)
        assert zonder_id(na2["contactpersonen"]) == [
            {"naam": "Kees Jansen", "email": "k.jansen@groningen.example.nl"}
        ]
        [[telling]] = [
            list(r.values()) for r in await rij(store, "MATCH (p:Contactpersoon) RETURN count(p) AS n")
        ]
        assert telling == 1  # the two replaced are gone, not left behind unconnected
        data(
            eigen.post(
                WIJZIG, {"input": {"organisatie": GEMEENTE, "verwachteVersie": 3, "certificeringen": None}}
            )
        )
        assert (await graafprofiel(store, GEMEENTE))["certificeringen"] == []

        # A leverancier's organisatie-beheerder keeps its own; functioneel beheer keeps any,
        # recorded as acting for VNG.
        data(leverancier_beheer.post(WIJZIG, {"input": {
            "organisatie": lev, "verwachteVersie": 1, "email": "verkoop@leverancier.example.nl",
        }}))  # fmt: skip
        data(
            beheer.post(
                WIJZIG, {"input": {"organisatie": lev, "verwachteVersie": 2, "telefoon": "020-1234567"}}
            )
        )
        lev_na = (await graafprofiel(store, lev))["o"]
        assert (lev_na["email"], lev_na["telefoon"], lev_na["versie"]) == (
            "verkoop@leverancier.example.nl", "020-1234567", 3,
        )  # fmt: skip
        records = [r["w"] for r in await wijzigingen(store, lev)]
        assert [r["actorOrganisatie"] for r in records] == [lev, VNG]


async def test_every_refused_profile_write_leaves_the_graph_as_it_was(own_graph: Backend) -> None:
    store = own_graph.store
    [leverancier] = await rij(store, "MATCH (l:Leverancier) RETURN l.id AS id ORDER BY id LIMIT 1")
    lev = leverancier["id"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (lev, "AANBOD_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (ANDERE, "ORGANISATIE_BEHEERDER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        eigen = wie[(GEMEENTE, "ORGANISATIE_BEHEERDER")]
        before = await stand(store)
        geldig = {"organisatie": GEMEENTE, "verwachteVersie": 1, "beschrijving": "x"}

        def refused(api: Api, input: dict[str, Any], code: str, argument: str | None = None) -> dict:
            extensions = fout(api.post(WIJZIG, {"input": input}))
            assert extensions["code"] == code, (input, extensions)
            if argument is not None:
                assert extensions.get("argument") == argument, (input, extensions)
            return extensions

        # The role matrix: sign in; only the organisation's own organisatie-beheerder (or
        # functioneel beheer); another gemeente's beheerder sees the organisation, so FORBIDDEN.
        refused(Api(client), geldig, "UNAUTHENTICATED")
        for rol in (
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (lev, "AANBOD_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
        ):
            refused(wie[rol], geldig, "FORBIDDEN")
        refused(wie[(ANDERE, "ORGANISATIE_BEHEERDER")], geldig, "FORBIDDEN", "input.organisatie")
        refused(eigen, {**geldig, "organisatie": lev}, "FORBIDDEN", "input.organisatie")
        refused(wie[(VNG, "FUNCTIONEEL_BEHEERDER")], {**geldig, "organisatie": "lev-bestaat-niet"}, "NOT_FOUND",
                "input.organisatie")  # fmt: skip
        conflict = refused(
            eigen, {**geldig, "verwachteVersie": 4}, "VERSION_CONFLICT", "input.verwachteVersie"
        )
        assert conflict["huidigeVersie"] == 1

        # Invalid input, each naming its field.
        adres = {"straat": "Kreupelstraat", "huisnummer": "1", "postcode": "9712 HW", "plaats": "Groningen"}
        for veld, waarde, argument in (
            ("website", "gemeente.groningen.nl", "input.website"),
            ("website", "ftp://gemeente.groningen.nl", "input.website"),
            ("website", "https://localhost/", "input.website"),
            ("website", "https://" + "a" * 2_000 + ".nl", "input.website"),
            ("logoUrl", "https://cdn.example.nl/logo met spatie.svg", "input.logoUrl"),
            ("email", "info.groningen.nl", "input.email"),
            ("email", "info@groningen", "input.email"),
            ("telefoon", "bel ons", "input.telefoon"),
            ("telefoon", "12", "input.telefoon"),
            ("beschrijving", "x" * 10_001, "input.beschrijving"),
            ("adres", {**adres, "postcode": "0123 AB"}, "input.adres.postcode"),
            ("adres", {**adres, "postcode": "12345"}, "input.adres.postcode"),
            ("adres", {**adres, "straat": "  "}, "input.adres.straat"),
            ("adres", {**adres, "plaats": "x" * 201}, "input.adres.plaats"),
            ("certificeringen", [{"naam": "ISO 27001", "geldigTot": "2027-13-01"}],
             "input.certificeringen[0].geldigTot"),
            ("certificeringen", [{"naam": "ISO 9001"}, {"naam": "ISO 27001", "geldigTot": "30-06-2027"}],
             "input.certificeringen[1].geldigTot"),
            ("certificeringen", [{"naam": "ISO 27001", "bewijsUrl": "certificaat.pdf"}],
             "input.certificeringen[0].bewijsUrl"),
            ("certificeringen", [{"naam": " "}], "input.certificeringen[0].naam"),
            ("certificeringen", [{"naam": f"ISO {i}"} for i in range(51)], "input.certificeringen"),
            ("contactpersonen", [{"naam": "Piet", "email": "piet"}], "input.contactpersonen[0].email"),
            ("contactpersonen", [{"naam": "Piet", "telefoon": "06-ABC"}], "input.contactpersonen[0].telefoon"),
            ("contactpersonen", [{"naam": "", "functie": "CIO"}], "input.contactpersonen[0].naam"),
        ):  # fmt: skip
            refused(eigen, {**geldig, veld: waarde}, "INVALID_INPUT", argument)
        # A NUL is refused by the request itself, before any resolver (docs/operations.md).
        refused(eigen, {**geldig, "beschrijving": "met\x00nul"}, "INVALID_TEXT")
        # The schema itself: an address is whole, a certification has a name.
        assert (
            fout(eigen.post(WIJZIG, {"input": {**geldig, "adres": {"straat": "x"}}}))["code"]
            == "BAD_USER_INPUT"
        )
        assert (
            fout(eigen.post(WIJZIG, {"input": {**geldig, "certificeringen": [{"uitgever": "BSI"}]}}))["code"]
            == "BAD_USER_INPUT"
        )

        assert not await verschil(store, before)
