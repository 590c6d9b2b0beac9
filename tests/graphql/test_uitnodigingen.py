"""Invitations (issue 18, F003) through HTTP, in a graph of the test's own on each engine: an
organisatie-beheerder invites a colleague by e-mail, the colleague signs in for the first time
(a token minted for a subject the graph does not know), finds the invitation, accepts it with
the code and then acts with its roles; every refusal of the role matrix, bad input, each way an
invitation cannot be accepted, and the whole graph unchanged after every refused write.

Expected answers come from the graph before the write (raw reads) and from what the test sent.
An expired invitation is made by a raw write of a past `verlooptOp`: no test waits 14 days.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from graph_api.auth.dev import dev_subject, key_path, mint_token, signing_key
from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import dump, stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_concepten import raw, schrijf
from tests.graphql.test_gebruik_mutaties import REGISTREER, data, fout, serve, tokens, wijzigingen

GEMEENTE = "GM0014"

NODIG_UIT = """
mutation($input: NodigUitInput!) { nodigUit(input: $input) {
  code uitnodiging { identificatie email rollen status aangemaakt verlooptOp uitgenodigdDoor versienummer
                     organisatie { identificatie } }
} }"""
TREK_IN = """
mutation($input: TrekUitnodigingInInput!) { trekUitnodigingIn(input: $input) {
  uitnodiging { identificatie status versienummer }
} }"""
AANVAARD = """
mutation($input: AanvaardUitnodigingInput!) { aanvaardUitnodiging(input: $input) {
  gebruiker rollen organisatie { identificatie }
} }"""
LIJST = """
query($o: ID!, $s: UitnodigingStatus) { uitnodigingen(organisatie: $o, status: $s, first: 50) {
  totalCount nodes { identificatie email status rollen }
} }"""
MIJN = "{ mijnUitnodigingen { identificatie email rollen status organisatie { identificatie } } }"
IK = "{ ik { gebruiker naam lidmaatschappen { identificatie rollen } } }"


def persoon(backend: Backend, subject: str, email: str | None, *, geverifieerd: bool = True,
            naam: str | None = None) -> str:  # fmt: skip
    """A token of the identity provider for a person, known here or not."""
    key = signing_key(key_path(backend.settings))
    return mint_token(
        key, subject=subject, audience=backend.settings.identity.audience, naam=naam, email=email,
        email_geverifieerd=geverifieerd,
    )  # fmt: skip


def refused(api: Api, query: str, input: dict[str, Any], code: str, argument: str | None = None) -> None:
    extensions = fout(api.post(query, {"input": input}))
    assert extensions["code"] == code, (input, extensions)
    if argument is not None:
        assert extensions.get("argument") == argument, (input, extensions)


async def feiten(store: Store) -> dict[str, Any]:
    """From the graph before any write: another gemeente, a leverancier, and an application
    GM0014 does not use (for the new colleague to register)."""
    [feit] = await raw(store, "uitnodiging_feiten",
        "MATCH (o:Gemeente) WHERE o.id <> $g WITH o ORDER BY o.id LIMIT 1 "
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) "
        "WHERE a.gemeldDoor IS NULL AND NOT (:Gemeente {id: $g})-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(a) "
        "WITH o, l, a ORDER BY a.id LIMIT 1 "
        "RETURN o.id AS andere_gemeente, l.id AS leverancier, a.id AS app", {"g": GEMEENTE})  # fmt: skip
    return feit


async def uitnodiging_in_graaf(store: Store, id_: str) -> dict[str, Any]:
    [row] = await raw(store, "uitnodiging_node",
        "MATCH (i:Uitnodiging {id: $id})-[:UITNODIGING_VAN]->(o) RETURN i {.*} AS i, o.id AS o", {"id": id_})  # fmt: skip
    return row


async def test_an_invited_colleague_signs_in_accepts_and_acts_with_its_roles(own_graph: Backend) -> None:
    store = own_graph.store
    f = await feiten(store)
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (f["andere_gemeente"], "ORGANISATIE_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        beheerder, raadpleger, ander, beheer = (Api(client, t) for t in minted.values())
        adres = "nieuwe.collega@example.org"

        # Invited: the code comes back once; the graph keeps its digest only.
        voor = datetime.now(UTC)
        uit = data(beheerder.post(NODIG_UIT, {"input": {
            "organisatie": GEMEENTE, "email": "  Nieuwe.Collega@Example.org ", "rollen": ["GEBRUIK_BEHEERDER"],
        }}))["nodigUit"]  # fmt: skip
        code, u = uit["code"], uit["uitnodiging"]
        assert len(code) >= 40
        assert (u["email"], u["rollen"], u["status"], u["versienummer"]) == (adres, ["GEBRUIK_BEHEERDER"], "OPEN", 1)
        assert u["organisatie"] == {"identificatie": GEMEENTE}
        assert u["uitgenodigdDoor"].startswith("Ontwikkelaar (organisatie-beheerder")
        aangemaakt = datetime.fromisoformat(u["aangemaakt"].replace("Z", "+00:00"))
        assert voor - timedelta(seconds=1) <= aangemaakt <= datetime.now(UTC)
        verloopt = datetime.fromisoformat(u["verlooptOp"].replace("Z", "+00:00"))
        assert verloopt - aangemaakt == timedelta(days=14)
        node = await uitnodiging_in_graaf(store, u["identificatie"])
        assert node["o"] == GEMEENTE
        assert node["i"]["codeHash"] == hashlib.sha256(code.encode()).hexdigest()
        assert code not in json.dumps(await dump(store))
        assert [w["operatie"] for w in map(lambda r: r["w"], await wijzigingen(store, u["identificatie"]))] == [
            "AANGEMAAKT"
        ]

        # Listed for the organisation's beheerders (and functioneel beheer), for nobody else.
        assert data(beheerder.post(LIJST, {"o": GEMEENTE}))["uitnodigingen"]["nodes"] == [
            {"identificatie": u["identificatie"], "email": adres, "status": "OPEN", "rollen": ["GEBRUIK_BEHEERDER"]}
        ]
        assert data(beheer.post(LIJST, {"o": GEMEENTE}))["uitnodigingen"]["totalCount"] == 1
        for api in (raadpleger, ander, Api(client)):
            assert data(api.post(LIJST, {"o": GEMEENTE}))["uitnodigingen"] == {"totalCount": 0, "nodes": []}

        # The colleague signs in for the first time: unknown here, no rights, but it finds the
        # invitation by its verified e-mail (the token's in any case).
        subject = "idp|nieuwe-collega"
        nieuw = Api(client, persoon(own_graph, subject, "Nieuwe.Collega@example.org", naam="Nieuwe Collega"))
        assert data(nieuw.post(IK))["ik"] == {"gebruiker": None, "naam": "Nieuwe Collega", "lidmaatschappen": []}
        assert data(nieuw.post(MIJN))["mijnUitnodigingen"] == [{
            "identificatie": u["identificatie"], "email": adres, "rollen": ["GEBRUIK_BEHEERDER"], "status": "OPEN",
            "organisatie": {"identificatie": GEMEENTE},
        }]  # fmt: skip
        registratie = {"organisatie": GEMEENTE, "applicatie": f["app"]}
        refused(nieuw, REGISTREER, registratie, "UNAUTHENTICATED")

        # Every way accepting is refused, the graph unchanged by all of them.
        onbevestigd = Api(client, persoon(own_graph, subject, adres, geverifieerd=False))
        zonder = Api(client, persoon(own_graph, subject, None))
        anders = Api(client, persoon(own_graph, "idp|iemand-anders", "iemand.anders@example.org"))
        assert data(onbevestigd.post(MIJN))["mijnUitnodigingen"] == []
        assert data(anders.post(MIJN))["mijnUitnodigingen"] == []
        voor_weigeringen = await stand(store)
        refused(Api(client), AANVAARD, {"code": code}, "UNAUTHENTICATED")
        refused(onbevestigd, AANVAARD, {"code": code}, "EMAIL_NOT_VERIFIED", "input.code")
        refused(zonder, AANVAARD, {"code": code}, "EMAIL_NOT_VERIFIED", "input.code")
        refused(anders, AANVAARD, {"code": code}, "EMAIL_MISMATCH", "input.code")
        refused(nieuw, AANVAARD, {"code": code[:-1] + ("A" if code[-1] != "A" else "B")}, "INVITATION_NOT_FOUND",
                "input.code")  # fmt: skip
        refused(nieuw, AANVAARD, {"code": "  "}, "INVALID_INPUT", "input.code")
        assert not await verschil(store, voor_weigeringen)

        # Accepted: a Gebruiker with the token's subject, name and e-mail, a member with the roles.
        sleutel = {"code": code, "idempotencyKey": "aanvaard-1"}
        aanvaard = data(nieuw.post(AANVAARD, {"input": sleutel}))["aanvaardUitnodiging"]
        assert aanvaard["rollen"] == ["GEBRUIK_BEHEERDER"]
        assert aanvaard["organisatie"] == {"identificatie": GEMEENTE}
        [gebruiker] = await raw(store, "uitnodiging_gebruiker",
            "MATCH (u:Gebruiker {subject: $s})-[l:LID_VAN]->(o) RETURN u {.*} AS u, o.id AS o, l.rollen AS rollen",
            {"s": subject})  # fmt: skip
        assert gebruiker["u"]["id"] == aanvaard["gebruiker"]
        assert (gebruiker["u"]["naam"], gebruiker["u"]["email"], gebruiker["u"]["status"]) == (
            "Nieuwe Collega", adres, "ACTIEF"
        )
        assert (gebruiker["o"], gebruiker["rollen"]) == (GEMEENTE, ["GEBRUIK_BEHEERDER"])
        node = await uitnodiging_in_graaf(store, u["identificatie"])
        assert (node["i"]["status"], node["i"]["aanvaardDoor"], node["i"]["versie"]) == (
            "AANVAARD", aanvaard["gebruiker"], 2
        )
        records = [r["w"] for r in await wijzigingen(store, u["identificatie"])]
        assert [w["operatie"] for w in records] == ["AANGEMAAKT", "STATUS_GEWIJZIGD"]
        assert records[1]["actor"] == aanvaard["gebruiker"]
        lid = sorted((r["w"]["objectLabel"], r["w"]["operatie"]) for r in await wijzigingen(store, aanvaard["gebruiker"]))
        assert lid == [("Gebruiker", "AANGEMAAKT"), ("Lidmaatschap", "AANGEMAAKT")]

        # Sent again with its key: the same answer, nothing written; without it: used.
        assert data(nieuw.post(AANVAARD, {"input": sleutel}))["aanvaardUitnodiging"] == aanvaard
        refused(nieuw, AANVAARD, {"code": code}, "INVITATION_USED", "input.code")

        # From its next request on it holds the roles, and acts with them.
        assert data(nieuw.post(IK))["ik"]["lidmaatschappen"] == [
            {"identificatie": GEMEENTE, "rollen": ["GEBRUIK_BEHEERDER"]}
        ]
        geregistreerd = data(nieuw.post(REGISTREER, {"input": registratie}))["registreerGebruik"]["gebruik"]
        assert geregistreerd["applicatie"] == {"identificatie": f["app"]}
        assert data(nieuw.post(MIJN))["mijnUitnodigingen"] == []
        assert [n["status"] for n in data(beheerder.post(LIJST, {"o": GEMEENTE}))["uitnodigingen"]["nodes"]] == [
            "AANVAARD"
        ]

        # A person known here (a gebruik-raadpleger of GM0014) accepts an invitation of another
        # gemeente: it gains that membership beside its own.
        ik_raadpleger = data(raadpleger.post(IK))["ik"]
        tweede = data(ander.post(NODIG_UIT, {"input": {
            "organisatie": f["andere_gemeente"], "email": "gebruik-raadpleger@gm0014.dev.invalid",
            "rollen": ["GEBRUIK_RAADPLEGER", "ORGANISATIE_BEHEERDER"], "geldigDagen": 1,
        }}))["nodigUit"]  # fmt: skip
        assert tweede["uitnodiging"]["verlooptOp"] > tweede["uitnodiging"]["aangemaakt"]
        bekend = Api(client, persoon(own_graph, dev_subject(GEMEENTE, "GEBRUIK_RAADPLEGER"),
                                     "gebruik-raadpleger@gm0014.dev.invalid"))  # fmt: skip
        erbij = data(bekend.post(AANVAARD, {"input": {"code": tweede["code"]}}))["aanvaardUitnodiging"]
        assert erbij["gebruiker"] == ik_raadpleger["gebruiker"]
        assert sorted(lid["identificatie"] for lid in data(bekend.post(IK))["ik"]["lidmaatschappen"]) == sorted(
            [GEMEENTE, f["andere_gemeente"]]
        )


async def test_invitations_refused_withdrawn_and_expired(own_graph: Backend) -> None:
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
            (VNG, "ORGANISATIE_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
        )
        (beheerder, gebruik_beheerder, raadpleger, ander, aanbod, vng_raadpleger, vng_beheerder,
         beheer) = (Api(client, t) for t in minted.values())  # fmt: skip
        open_ = data(beheerder.post(NODIG_UIT, {"input": {
            "organisatie": GEMEENTE, "email": "open@example.org", "rollen": ["GEBRUIK_RAADPLEGER"],
        }}))["nodigUit"]  # fmt: skip
        uitnodiging = open_["uitnodiging"]["identificatie"]
        invite = {"organisatie": GEMEENTE, "email": "wie@example.org", "rollen": ["GEBRUIK_RAADPLEGER"]}

        voor = await stand(store)
        # The role matrix: signed in, and an organisatie-beheerder of this organisation.
        refused(Api(client), NODIG_UIT, invite, "UNAUTHENTICATED")
        for api in (gebruik_beheerder, raadpleger, aanbod, vng_raadpleger):
            refused(api, NODIG_UIT, invite, "FORBIDDEN")
        refused(ander, NODIG_UIT, invite, "FORBIDDEN", "input.organisatie")
        refused(vng_beheerder, NODIG_UIT, invite, "FORBIDDEN", "input.organisatie")
        # Roles that mean nothing in a gemeente; functioneel beheer given by functioneel beheer only.
        for rol in ("AANBOD_BEHEERDER", "FUNCTIONEEL_BEHEERDER", "VNG_RAADPLEGER"):
            refused(beheerder, NODIG_UIT, {**invite, "rollen": [rol]}, "ROLE_NOT_FOR_ORGANISATION", "input.rollen")
        refused(vng_beheerder, NODIG_UIT, {**invite, "organisatie": VNG, "rollen": ["FUNCTIONEEL_BEHEERDER"]},
                "FORBIDDEN", "input.rollen")  # fmt: skip
        # Bad input, each naming its field.
        refused(beheerder, NODIG_UIT, {**invite, "rollen": []}, "INVALID_INPUT", "input.rollen")
        refused(beheerder, NODIG_UIT, {**invite, "email": "geen-adres"}, "INVALID_INPUT", "input.email")
        refused(beheerder, NODIG_UIT, {**invite, "email": "x" * 190 + "@example.org"}, "INVALID_INPUT",
                "input.email")  # fmt: skip
        for dagen in (0, 91):
            refused(beheerder, NODIG_UIT, {**invite, "geldigDagen": dagen}, "INVALID_INPUT", "input.geldigDagen")
        refused(beheerder, NODIG_UIT, {**invite, "organisatie": "GM9999"}, "FORBIDDEN", "input.organisatie")
        refused(beheer, NODIG_UIT, {**invite, "organisatie": "GM9999"}, "NOT_FOUND", "input.organisatie")
        # One open invitation per address, none to an active member.
        refused(beheerder, NODIG_UIT, {**invite, "email": "OPEN@example.org"}, "DUPLICATE", "input.email")
        refused(beheerder, NODIG_UIT, {**invite, "email": "gebruik-beheerder@gm0014.dev.invalid"}, "DUPLICATE",
                "input.email")  # fmt: skip
        # Withdrawing: the organisation's beheerders only; another's is not found.
        intrekken = {"uitnodiging": uitnodiging, "verwachteVersie": 1}
        refused(Api(client), TREK_IN, intrekken, "UNAUTHENTICATED")
        for api in (gebruik_beheerder, raadpleger, aanbod, vng_raadpleger):
            refused(api, TREK_IN, intrekken, "FORBIDDEN")
        refused(ander, TREK_IN, intrekken, "NOT_FOUND", "input.uitnodiging")
        refused(beheerder, TREK_IN, {**intrekken, "verwachteVersie": 2}, "VERSION_CONFLICT", "input.verwachteVersie")
        refused(beheerder, TREK_IN, {**intrekken, "uitnodiging": "uit-onbekend"}, "NOT_FOUND", "input.uitnodiging")
        assert not await verschil(store, voor)

        # Functioneel beheer invites anywhere, functioneel beheerders too.
        vng = data(beheer.post(NODIG_UIT, {"input": {
            "organisatie": VNG, "email": "fb@example.org", "rollen": ["FUNCTIONEEL_BEHEERDER"],
        }}))["nodigUit"]["uitnodiging"]  # fmt: skip
        assert (vng["status"], vng["rollen"]) == ("OPEN", ["FUNCTIONEEL_BEHEERDER"])

        # Withdrawn: its code opens nothing; withdrawn twice is refused.
        ingetrokken = data(beheerder.post(TREK_IN, {"input": intrekken}))["trekUitnodigingIn"]["uitnodiging"]
        assert ingetrokken == {"identificatie": uitnodiging, "status": "INGETROKKEN", "versienummer": 2}
        gast = Api(client, persoon(own_graph, "idp|open", "open@example.org"))
        refused(gast, AANVAARD, {"code": open_["code"]}, "INVITATION_WITHDRAWN", "input.code")
        refused(beheerder, TREK_IN, {**intrekken, "verwachteVersie": 2}, "TRANSITION_NOT_ALLOWED",
                "input.uitnodiging")  # fmt: skip
        assert data(gast.post(IK))["ik"]["gebruiker"] is None

        # Expired: an invitation whose verlooptOp has passed lists as VERLOPEN and cannot be
        # accepted; another may be sent to the address then.
        laat = data(beheerder.post(NODIG_UIT, {"input": {**invite, "email": "laat@example.org"}}))["nodigUit"]
        verleden = (datetime.now(UTC) - timedelta(minutes=1)).isoformat(timespec="milliseconds")
        await schrijf(store, "uitnodiging_verlopen", "MATCH (i:Uitnodiging {id: $id}) SET i.verlooptOp = $t "
                      "RETURN i.id AS id", {"id": laat["uitnodiging"]["identificatie"], "t": verleden.replace("+00:00", "Z")})  # fmt: skip
        verlopen = data(beheerder.post(LIJST, {"o": GEMEENTE, "s": "VERLOPEN"}))["uitnodigingen"]
        assert [n["email"] for n in verlopen["nodes"]] == ["laat@example.org"] and verlopen["totalCount"] == 1
        laatkomer = Api(client, persoon(own_graph, "idp|laat", "laat@example.org"))
        assert data(laatkomer.post(MIJN))["mijnUitnodigingen"] == []
        voor = await stand(store)
        refused(laatkomer, AANVAARD, {"code": laat["code"]}, "INVITATION_EXPIRED", "input.code")
        assert not await verschil(store, voor)
        opnieuw = data(beheerder.post(NODIG_UIT, {"input": {**invite, "email": "laat@example.org"}}))["nodigUit"]
        data(laatkomer.post(AANVAARD, {"input": {"code": opnieuw["code"]}}))
        statussen = sorted(
            (n["email"], n["status"]) for n in data(beheerder.post(LIJST, {"o": GEMEENTE}))["uitnodigingen"]["nodes"]
        )
        assert statussen == [
            ("laat@example.org", "AANVAARD"), ("laat@example.org", "VERLOPEN"), ("open@example.org", "INGETROKKEN"),
        ]  # fmt: skip
