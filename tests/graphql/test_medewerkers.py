"""The people of an organisation (issue 18, F003, F008) through HTTP, in a graph of the test's
own on each engine: roles changed, memberships deactivated and reactivated (a person keeps its
other organisations), a Gebruiker deactivated as a whole by functioneel beheer, the last active
organisatie-beheerder kept, machine clients registered and deactivated; each change felt at the
next request of the person it concerns, every refusal leaving the whole graph as it was.

Expected memberships come from raw reads of the graph (LID_VAN) before the writes.
"""

from __future__ import annotations

from typing import Any

from graph_api.auth.dev import dev_subject
from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_concepten import raw
from tests.graphql.test_gebruik_mutaties import REGISTREER, data, serve, tokens, wijzigingen
from tests.graphql.test_uitnodigingen import AANVAARD, IK, NODIG_UIT, feiten, persoon, refused

GEMEENTE = "GM0014"

MEDEWERKERS = """
query($o: String!) { organisatie(identificatie: $o) { medewerkers {
  identificatie naam status machine rollen lidmaatschapStatus versienummer gebruikerVersienummer
} } }"""
VELDEN = "medewerker { identificatie rollen lidmaatschapStatus versienummer machine status }"
ROLLEN = f"mutation($input: WijzigRollenInput!) {{ wijzigRollen(input: $input) {{ {VELDEN} }} }}"
DEACTIVEER = f"mutation($input: MedewerkerStatusInput!) {{ deactiveerMedewerker(input: $input) {{ {VELDEN} }} }}"
ACTIVEER = f"mutation($input: MedewerkerStatusInput!) {{ activeerMedewerker(input: $input) {{ {VELDEN} }} }}"
DEACTIVEER_GEBRUIKER = """
mutation($input: GebruikerStatusInput!) { deactiveerGebruiker(input: $input) { gebruiker status } }"""
ACTIVEER_GEBRUIKER = """
mutation($input: GebruikerStatusInput!) { activeerGebruiker(input: $input) { gebruiker status } }"""
MACHINE = f"""
mutation($input: RegistreerMachineclientInput!) {{ registreerMachineclient(input: $input) {{ {VELDEN} }} }}"""
ZICHTBAAR = "query($o: ID!) { gebruik(organisatie: $o, first: 1) { totalCount } }"


async def leden(store: Store, organisatie: str) -> dict[str, dict[str, Any]]:
    """The memberships of an organisation as the graph holds them, by the Gebruiker's subject."""
    rows = await raw(store, "medewerkers_leden",
        "MATCH (p:Gebruiker)-[l:LID_VAN]->(:Organisatie {id: $o}) "
        "RETURN p.subject AS subject, p.id AS id, p.naam AS naam, p.status AS status, l.rollen AS rollen, "
        "coalesce(l.status, 'ACTIEF') AS lid, coalesce(l.versie, 1) AS versie", {"o": organisatie})  # fmt: skip
    return {row["subject"]: row for row in rows}


def medewerkers(api: Api, organisatie: str) -> dict[str, dict[str, Any]]:
    found = data(api.post(MEDEWERKERS, {"o": organisatie}))["organisatie"]["medewerkers"]
    return {m["identificatie"]: m for m in found}


async def test_roles_deactivation_and_the_last_organisatie_beheerder(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (f["andere_gemeente"], "ORGANISATIE_BEHEERDER"),
            (f["leverancier"], "AANBOD_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (VNG, "ORGANISATIE_BEHEERDER"),
        )
        beheerder, gebruik_beheerder, raadpleger, ander, aanbod, vng_raadpleger, beheer, vng_beheerder = (
            Api(client, t) for t in minted.values()
        )
        fb = (await leden(store, VNG))[dev_subject(VNG, "FUNCTIONEEL_BEHEERDER")]
        graaf = await leden(store, GEMEENTE)
        a = graaf[dev_subject(GEMEENTE, "ORGANISATIE_BEHEERDER")]
        b = graaf[dev_subject(GEMEENTE, "GEBRUIK_BEHEERDER")]
        c = graaf[dev_subject(GEMEENTE, "GEBRUIK_RAADPLEGER")]

        # The people as the graph holds them, for the organisation's beheerder and functioneel beheer.
        gezien = medewerkers(beheerder, GEMEENTE)
        assert gezien == medewerkers(beheer, GEMEENTE)
        assert {(m["identificatie"], m["naam"], tuple(m["rollen"]), m["lidmaatschapStatus"], m["versienummer"])
                for m in gezien.values()} == {
            (row["id"], row["naam"], tuple(row["rollen"]), row["lid"], row["versie"]) for row in graaf.values()
        }  # fmt: skip
        for api in (raadpleger, ander, aanbod):
            assert medewerkers(api, GEMEENTE) == {}

        lid_b = {"organisatie": GEMEENTE, "gebruiker": b["id"], "verwachteVersie": b["versie"]}
        lid_a = {"organisatie": GEMEENTE, "gebruiker": a["id"], "verwachteVersie": a["versie"]}
        voor = await stand(store)
        # The role matrix: signed in, and an organisatie-beheerder of this organisation (or VNG's FB).
        for query, input in ((ROLLEN, {**lid_b, "rollen": ["GEBRUIK_RAADPLEGER"]}), (DEACTIVEER, lid_b),
                             (ACTIVEER, lid_b)):  # fmt: skip
            refused(Api(client), query, input, "UNAUTHENTICATED")
            for api in (gebruik_beheerder, raadpleger, aanbod, vng_raadpleger):
                refused(api, query, input, "FORBIDDEN")
            refused(ander, query, input, "FORBIDDEN", "input.organisatie")
        refused(beheerder, ROLLEN, {**lid_b, "rollen": []}, "INVALID_INPUT", "input.rollen")
        refused(beheerder, ROLLEN, {**lid_b, "rollen": ["AANBOD_BEHEERDER"]}, "ROLE_NOT_FOR_ORGANISATION",
                "input.rollen")  # fmt: skip
        refused(beheerder, ROLLEN, {**lid_b, "rollen": ["FUNCTIONEEL_BEHEERDER"]}, "ROLE_NOT_FOR_ORGANISATION",
                "input.rollen")  # fmt: skip
        refused(beheerder, ROLLEN, {**lid_b, "gebruiker": "gebruiker-onbekend", "rollen": ["GEBRUIK_RAADPLEGER"]},
                "NOT_FOUND", "input.gebruiker")  # fmt: skip
        refused(beheerder, ROLLEN, {**lid_b, "verwachteVersie": b["versie"] + 1, "rollen": ["GEBRUIK_RAADPLEGER"]},
                "VERSION_CONFLICT", "input.verwachteVersie")  # fmt: skip
        refused(beheerder, ACTIVEER, lid_b, "INVALID_ARGUMENT", "input.gebruiker")
        # The last active organisatie-beheerder keeps the role and the membership, whoever asks.
        for api in (beheerder, beheer):
            refused(api, ROLLEN, {**lid_a, "rollen": ["GEBRUIK_RAADPLEGER"]}, "LAST_ORGANISATIE_BEHEERDER",
                    "input.rollen")  # fmt: skip
            refused(api, DEACTIVEER, lid_a, "LAST_ORGANISATIE_BEHEERDER", "input.gebruiker")
        gebruiker_a = {"gebruiker": a["id"], "verwachteVersie": 1}
        refused(beheer, DEACTIVEER_GEBRUIKER, gebruiker_a, "LAST_ORGANISATIE_BEHEERDER", "input.gebruiker")
        # A Gebruiker as a whole: functioneel beheer only.
        refused(Api(client), DEACTIVEER_GEBRUIKER, gebruiker_a, "UNAUTHENTICATED")
        for api in (beheerder, gebruik_beheerder, vng_raadpleger):
            refused(api, DEACTIVEER_GEBRUIKER, gebruiker_a, "FORBIDDEN")
        refused(beheer, DEACTIVEER_GEBRUIKER, {**gebruiker_a, "gebruiker": "x"}, "NOT_FOUND", "input.gebruiker")
        refused(beheer, DEACTIVEER_GEBRUIKER, {**gebruiker_a, "verwachteVersie": 2}, "VERSION_CONFLICT",
                "input.verwachteVersie")  # fmt: skip
        # VNG's organisatie-beheerder neither takes functioneel beheer away nor (de)activates it.
        lid_fb = {"organisatie": VNG, "gebruiker": fb["id"], "verwachteVersie": fb["versie"]}
        refused(vng_beheerder, ROLLEN, {**lid_fb, "rollen": ["VNG_RAADPLEGER"]}, "FORBIDDEN", "input.rollen")
        refused(vng_beheerder, DEACTIVEER, lid_fb, "FORBIDDEN", "input.gebruiker")
        assert not await verschil(store, voor)

        # Roles replaced, versie one up, recorded; the old versie is refused after.
        gewijzigd = data(beheerder.post(ROLLEN, {"input": {
            **lid_b, "rollen": ["ORGANISATIE_BEHEERDER", "GEBRUIK_BEHEERDER"], "idempotencyKey": "rollen-b",
        }}))["wijzigRollen"]["medewerker"]  # fmt: skip
        assert gewijzigd == {"identificatie": b["id"], "rollen": ["GEBRUIK_BEHEERDER", "ORGANISATIE_BEHEERDER"],
                             "lidmaatschapStatus": "ACTIEF", "versienummer": b["versie"] + 1, "machine": False,
                             "status": "ACTIEF"}  # fmt: skip
        assert (await leden(store, GEMEENTE))[dev_subject(GEMEENTE, "GEBRUIK_BEHEERDER")]["rollen"] == [
            "GEBRUIK_BEHEERDER", "ORGANISATIE_BEHEERDER"
        ]  # fmt: skip
        [record] = [r["w"] for r in await wijzigingen(store, b["id"])]
        assert (record["objectLabel"], record["operatie"], record["organisatie"]) == (
            "Lidmaatschap", "GEWIJZIGD", GEMEENTE
        )
        herhaald = data(beheerder.post(ROLLEN, {"input": {
            **lid_b, "rollen": ["ORGANISATIE_BEHEERDER", "GEBRUIK_BEHEERDER"], "idempotencyKey": "rollen-b",
        }}))["wijzigRollen"]["medewerker"]  # fmt: skip
        assert herhaald == gewijzigd and len(await wijzigingen(store, b["id"])) == 1
        # Its change records list for the organisation's beheerders, not for its landscape's readers.
        lijst = "query($o: ID!) { wijzigingen(object: $o) { totalCount } }"
        assert data(beheerder.post(lijst, {"o": b["id"]}))["wijzigingen"]["totalCount"] == 1
        assert data(raadpleger.post(lijst, {"o": b["id"]}))["wijzigingen"]["totalCount"] == 0

        # Now that B is an organisatie-beheerder too, A may give the role up; then B is the last.
        a_na = data(beheerder.post(ROLLEN, {"input": {**lid_a, "rollen": ["GEBRUIK_RAADPLEGER"]}}))
        assert a_na["wijzigRollen"]["medewerker"]["rollen"] == ["GEBRUIK_RAADPLEGER"]
        b_nu = {**lid_b, "verwachteVersie": b["versie"] + 1}
        refused(gebruik_beheerder, DEACTIVEER, b_nu, "LAST_ORGANISATIE_BEHEERDER", "input.gebruiker")
        # A's own token no longer manages people at its next request.
        refused(beheerder, DEACTIVEER, {**lid_b, "verwachteVersie": b["versie"] + 1}, "FORBIDDEN")

        # B manages GM0014's people from now. C is a member of another gemeente too: deactivated in GM0014 it keeps the other.
        tweede = data(ander.post(NODIG_UIT, {"input": {
            "organisatie": f["andere_gemeente"], "email": "gebruik-raadpleger@gm0014.dev.invalid",
            "rollen": ["GEBRUIK_RAADPLEGER"],
        }}))["nodigUit"]["code"]  # fmt: skip
        c_token = Api(client, persoon(own_graph, dev_subject(GEMEENTE, "GEBRUIK_RAADPLEGER"),
                                      "gebruik-raadpleger@gm0014.dev.invalid"))  # fmt: skip
        data(c_token.post(AANVAARD, {"input": {"code": tweede}}))
        gezien_voor = data(c_token.post(ZICHTBAAR, {"o": GEMEENTE}))["gebruik"]["totalCount"]
        [totaal] = await raw(store, "medewerkers_gebruik",
                             "MATCH (:Gemeente {id: $o})-[:GEBRUIKT]->(g:Gebruik) RETURN count(g) AS n", {"o": GEMEENTE})  # fmt: skip
        assert gezien_voor == totaal["n"] > 0
        lid_c = {"organisatie": GEMEENTE, "gebruiker": c["id"], "verwachteVersie": c["versie"]}
        gedeactiveerd = data(gebruik_beheerder.post(DEACTIVEER, {"input": lid_c}))["deactiveerMedewerker"]["medewerker"]
        assert (gedeactiveerd["lidmaatschapStatus"], gedeactiveerd["status"]) == ("GEDEACTIVEERD", "ACTIEF")
        ik = data(c_token.post(IK))["ik"]
        assert ik["gebruiker"] == c["id"]
        assert ik["lidmaatschappen"] == [{"identificatie": f["andere_gemeente"], "rollen": ["GEBRUIK_RAADPLEGER"]}]
        # The other gemeente's gebruik-raadpleger still sees all Gebruik: C keeps that right.
        assert data(c_token.post(ZICHTBAAR, {"o": GEMEENTE}))["gebruik"]["totalCount"] == totaal["n"]
        assert medewerkers(gebruik_beheerder, GEMEENTE)[c["id"]]["lidmaatschapStatus"] == "GEDEACTIVEERD"
        weer = data(gebruik_beheerder.post(ACTIVEER, {"input": {**lid_c, "verwachteVersie": c["versie"] + 1}}))
        assert weer["activeerMedewerker"]["medewerker"]["lidmaatschapStatus"] == "ACTIEF"
        assert len(data(c_token.post(IK))["ik"]["lidmaatschappen"]) == 2

        # Functioneel beheer deactivates C as a whole: a bezoeker from its next request, everywhere.
        c_gebruiker = {"gebruiker": c["id"], "verwachteVersie": 1}
        uit = data(beheer.post(DEACTIVEER_GEBRUIKER, {"input": c_gebruiker}))["deactiveerGebruiker"]
        assert uit == {"gebruiker": c["id"], "status": "GEDEACTIVEERD"}
        assert data(c_token.post(IK))["ik"] == {"gebruiker": None, "naam": None, "lidmaatschappen": []}
        assert data(c_token.post(ZICHTBAAR, {"o": GEMEENTE}))["gebruik"]["totalCount"] == 0
        # Reactivating its membership does not undo that: the Gebruiker is functioneel beheer's.
        assert medewerkers(beheer, GEMEENTE)[c["id"]]["gebruikerVersienummer"] == 2
        aan = data(beheer.post(ACTIVEER_GEBRUIKER, {"input": {**c_gebruiker, "verwachteVersie": 2}}))
        assert aan["activeerGebruiker"]["status"] == "ACTIEF"
        assert len(data(c_token.post(IK))["ik"]["lidmaatschappen"]) == 2


async def test_machine_clients_are_registered_with_one_role_and_deactivated(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (f["andere_gemeente"], "ORGANISATIE_BEHEERDER"),
        )
        beheerder, gebruik_beheerder, ander = (Api(client, t) for t in minted.values())
        client_id = "cmdb-sync-gm0014"
        registratie = {"organisatie": GEMEENTE, "clientId": client_id, "naam": "CMDB-koppeling",
                       "rol": "GEBRUIK_BEHEERDER"}  # fmt: skip

        voor = await stand(store)
        refused(Api(client), MACHINE, registratie, "UNAUTHENTICATED")
        refused(gebruik_beheerder, MACHINE, registratie, "FORBIDDEN")
        refused(ander, MACHINE, registratie, "FORBIDDEN", "input.organisatie")
        refused(beheerder, MACHINE, {**registratie, "rol": "ORGANISATIE_BEHEERDER"}, "ROLE_NOT_FOR_MACHINE_CLIENT",
                "input.rol")  # fmt: skip
        refused(beheerder, MACHINE, {**registratie, "rol": "AANBOD_BEHEERDER"}, "ROLE_NOT_FOR_ORGANISATION",
                "input.rol")  # fmt: skip
        refused(beheerder, MACHINE, {**registratie, "clientId": "dev:GM0014:X"}, "INVALID_SUBJECT", "input.clientId")
        refused(beheerder, MACHINE, {**registratie, "clientId": " "}, "INVALID_INPUT", "input.clientId")
        refused(beheerder, MACHINE, {**registratie, "naam": ""}, "INVALID_INPUT", "input.naam")
        assert not await verschil(store, voor)

        machine = data(beheerder.post(MACHINE, {"input": registratie}))["registreerMachineclient"]["medewerker"]
        assert (machine["machine"], machine["rollen"], machine["versienummer"]) == (True, ["GEBRUIK_BEHEERDER"], 1)
        [rij] = await raw(store, "machine_gebruiker",
            "MATCH (p:Gebruiker {subject: $s})-[l:LID_VAN]->(o) RETURN p {.*} AS p, o.id AS o, l.rollen AS rollen",
            {"s": client_id})  # fmt: skip
        assert (rij["p"]["soort"], rij["p"]["naam"], rij["o"], rij["rollen"]) == (
            "MACHINE", "CMDB-koppeling", GEMEENTE, ["GEBRUIK_BEHEERDER"]
        )
        refused(beheerder, MACHINE, registratie, "DUPLICATE", "input.clientId")
        refused(ander, MACHINE, {**registratie, "organisatie": f["andere_gemeente"]}, "DUPLICATE", "input.clientId")

        # Its client-credentials token (no e-mail, no name) writes with its one role.
        sync = Api(client, persoon(own_graph, client_id, None))
        geschreven = data(sync.post(REGISTREER, {"input": {"organisatie": GEMEENTE, "applicatie": f["app"]}}))
        assert geschreven["registreerGebruik"]["gebruik"]["applicatie"] == {"identificatie": f["app"]}
        lid = {"organisatie": GEMEENTE, "gebruiker": machine["identificatie"], "verwachteVersie": 1}
        refused(beheerder, ROLLEN, {**lid, "rollen": ["GEBRUIK_BEHEERDER", "GEBRUIK_RAADPLEGER"]},
                "ROLE_NOT_FOR_MACHINE_CLIENT", "input.rollen")  # fmt: skip
        gewijzigd = data(beheerder.post(ROLLEN, {"input": {**lid, "rollen": ["GEBRUIK_RAADPLEGER"]}}))
        assert gewijzigd["wijzigRollen"]["medewerker"]["rollen"] == ["GEBRUIK_RAADPLEGER"]
        refused(sync, REGISTREER, {"organisatie": GEMEENTE, "applicatie": f["app"]}, "FORBIDDEN")

        # Deactivated: its next request has no rights at all.
        data(beheerder.post(DEACTIVEER, {"input": {**lid, "verwachteVersie": 2}}))
        assert data(sync.post(IK))["ik"]["lidmaatschappen"] == []
        refused(sync, REGISTREER, {"organisatie": GEMEENTE, "applicatie": f["app"]}, "UNAUTHENTICATED")
        assert medewerkers(beheerder, GEMEENTE)[machine["identificatie"]]["lidmaatschapStatus"] == "GEDEACTIVEERD"
