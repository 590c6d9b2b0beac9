"""Meldingen (issue 19, item 3) through HTTP, in a graph of the test's own on each engine: each
kind caused by a real mutation, received by exactly the people it concerns (computed from raw
rows of the graph: the members of the organisations concerned, minus the one who wrote, minus
those who switched the kind off, minus deactivated people and memberships, minus machines);
the list (unread first, then newest first, paged), marking read (one's own only), preferences,
the bezoeker refused, bad input refused with the graph as it was.
"""

from __future__ import annotations

import base64
from typing import Any

from graph_api.domain.wijzigen import nu
from graph_api.model import keuzes
from graph_api.store import Store
from tests.backends import Backend
from tests.conftest import run_cli
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_applicatie_mutaties import raw, refused, schrijf
from tests.graphql.test_gebruik_mutaties import _global, data, fout, serve, tokens
from tests.graphql.test_registraties import persoon as persoonstoken

GEMEENTE = "GM0014"

MELDINGEN = """query($ongelezen: Boolean, $first: Int, $after: String) {
  meldingen(ongelezen: $ongelezen, first: $first, after: $after) {
    totalCount ongelezen pageInfo { hasNextPage endCursor }
    nodes { id soort tekst gelezen aangemaakt organisatie { id } onderwerp { id } }
  } }"""
MARKEER = """mutation($input: MarkeerMeldingenGelezenInput!) {
  markeerMeldingenGelezen(input: $input) { ongelezen meldingen { id gelezen } } }"""
VOORKEUREN = "{ meldingvoorkeuren { soort aan } }"
WIJZIG_VOORKEUREN = """mutation($input: WijzigMeldingvoorkeurenInput!) {
  wijzigMeldingvoorkeuren(input: $input) { voorkeuren { soort aan } } }"""
REGISTREER_VERSIE = """mutation($input: RegistreerVersieInput!) {
  registreerVersie(input: $input) { versie { identificatie } } }"""
WIJZIG_VERSIE = """mutation($input: WijzigVersieInput!) {
  wijzigVersie(input: $input) { versie { identificatie } } }"""
BIED_AAN = """mutation($input: BiedDienstAanInput!) {
  biedDienstAan(input: $input) { dienst { identificatie versienummer } } }"""
TREK_DIENST_IN = """mutation($input: TrekDienstInInput!) {
  trekDienstIn(input: $input) { dienst { identificatie } } }"""
TREK_TERUG = """mutation($input: TrekApplicatieTerugInput!) {
  trekApplicatieTerug(input: $input) { applicatie { identificatie } } }"""
STEL_VOOR = """mutation($input: StelGebruikVoorInput!) {
  stelGebruikVoor(input: $input) { voorstel { identificatie versienummer } } }"""
AANVAARD = """mutation($input: AanvaardGebruiksvoorstelInput!) {
  aanvaardGebruiksvoorstel(input: $input) { voorstel { identificatie } } }"""
WIJS_VOORSTEL_AF = """mutation($input: WijsGebruiksvoorstelAfInput!) {
  wijsGebruiksvoorstelAf(input: $input) { voorstel { identificatie } } }"""
REGISTREER_LEVERANCIER = """mutation($input: RegistreerLeverancierInput!) {
  registreerLeverancier(input: $input) { registratie { identificatie versienummer leverancier { identificatie } } } }"""
KEUR_GOED = """mutation($input: KeurRegistratieGoedInput!) {
  keurRegistratieGoed(input: $input) { registratie { identificatie } } }"""
MELD = """mutation($input: MeldOntbrekendeSoftwareInput!) {
  meldOntbrekendeSoftware(input: $input) { applicatie { identificatie } } }"""
PUBLICEER = """mutation($input: PubliceerConceptInput!) {
  publiceerConcept(input: $input) { applicatie { identificatie } } }"""
WIJS_CONCEPT_AF = """mutation($input: WijsConceptAfInput!) {
  wijsConceptAf(input: $input) { applicatie { identificatie } } }"""
SAMENVOEGEN = """mutation($input: VoegConceptSamenInput!) {
  voegConceptSamen(input: $input) { applicatie { identificatie } } }"""


async def meldingen(store: Store) -> list[dict[str, Any]]:
    """Every Melding in the graph, raw."""
    return await raw(store, "meldingen", "MATCH (m:Melding) RETURN m {.*} AS m ORDER BY m.id")


async def leden(store: Store, organisaties: list[str], soort: str, actor: str) -> set[tuple[str, str]]:
    """(person, organisation) of the people a melding of `soort` caused by `actor` reaches in
    `organisaties`, from raw rows: active persons with an active membership, who have not
    switched the kind off, but not the actor."""
    rows = await raw(store, "leden", """
        MATCH (p:Gebruiker)-[l:LID_VAN]->(o:Organisatie)
        WHERE o.id IN $organisaties
        RETURN p.id AS p, o.id AS o, p.status AS status, p.soort AS soort, l.status AS lid,
               p.meldingenUit AS uit""", {"organisaties": organisaties})  # fmt: skip
    return {
        (r["p"], r["o"])
        for r in rows
        if r["status"] == "ACTIEF"
        and (r["soort"] or "PERSOON") == "PERSOON"
        and (r["lid"] or "ACTIEF") == "ACTIEF"
        and soort not in (r["uit"] or [])
        and r["p"] != actor
    }


async def gebruiker(store: Store, organisatie: str, rol: str) -> str:
    [row] = await raw(store, "gebruiker", "MATCH (p:Gebruiker {subject: $s}) RETURN p.id AS id",
                      {"s": f"dev:{organisatie}:{rol}"})  # fmt: skip
    return row["id"]


async def ontvangen(store: Store, soort: str, object_id: str) -> dict[tuple[str, str], str]:
    """The meldingen of `soort` about `object_id` in the graph: (person, organisation) → text."""
    rows = await raw(store, "ontvangen", """
        MATCH (m:Melding {soort: $s}) WHERE m.object = $o
        RETURN m.ontvanger AS p, m.organisatie AS o, m.tekst AS t, m.gelezen AS gelezen""",
                     {"s": soort, "o": object_id})  # fmt: skip
    assert all(r["gelezen"] is False for r in rows)
    found = {(r["p"], r["o"]): r["t"] for r in rows}
    assert len(found) == len(rows), rows  # one per person and organisation
    return found


def een_tekst(found: dict[tuple[str, str], str]) -> str:
    [tekst] = set(found.values())
    return tekst


async def gebruikers_van(store: Store, app: str) -> list[str]:
    rows = await raw(store, "gebruikers", """
        MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(:Applicatie {id: $a})
        WHERE g.status <> 'UITGEFASEERD' RETURN DISTINCT o.id AS o""", {"a": app})  # fmt: skip
    return [r["o"] for r in rows]


async def functioneel_beheerders(store: Store, soort: str, actor: str) -> set[tuple[str, str]]:
    """The functioneel beheerders a melding of `soort` reaches (as `leden`, of that role only)."""
    rows = await raw(store, "fb_leden", """
        MATCH (p:Gebruiker)-[r:LID_VAN]->(o:Beheerorganisatie)
        WHERE 'FUNCTIONEEL_BEHEERDER' IN r.rollen RETURN p.id AS p, o.id AS o""")  # fmt: skip
    beheerders = {(r["p"], r["o"]) for r in rows}
    return beheerders & await leden(store, sorted({o for _, o in beheerders}), soort, actor)


async def test_the_users_of_an_application_hear_of_its_versions_its_retirement_and_its_diensten(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    # An application GM0014 runs a version of, its leverancier; two other gemeenten: one uses the
    # application too (raw: no other landscape is seeded), at the same version and taking a
    # dienst, one has phased it out and hears nothing.
    [f] = await raw(store, "app", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)-[:HEEFT_VERSIE]->(v:Versie)
              <-[:VERSIE]-(g:Gebruik)<-[:GEBRUIKT]-(:Organisatie {id: $g})
        WHERE a.gemeldDoor IS NULL AND g.status <> 'UITGEFASEERD' AND coalesce(a.status, 'ACTIEF') = 'ACTIEF'
        WITH l, a, v ORDER BY l.id, a.id, v.id
        WITH l, collect([a.id, a.naam, v.id, v.versie])[0] AS eerste
        RETURN l.id AS lev, l.naam AS lnaam, eerste[0] AS app, eerste[1] AS naam, eerste[2] AS versie,
               eerste[3] AS nummer
        ORDER BY lev LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    ander, weg = [r["id"] for r in await raw(store, "gemeenten", """
        MATCH (o:Gemeente) WHERE o.id <> $g RETURN o.id AS id ORDER BY id LIMIT 2""", {"g": GEMEENTE})]
    await schrijf(store, "ook_gebruikt", """
        MATCH (a:Applicatie {id: $a}), (v:Versie {id: $v}), (o:Organisatie {id: $o}), (x:Organisatie {id: $x})
        CREATE (o)-[:GEBRUIKT]->(g:Gebruik {id: 'geb-ander', status: 'IN_PRODUCTIE'})-[:VAN]->(a)
        CREATE (g)-[:VERSIE]->(v)
        CREATE (x)-[:GEBRUIKT]->(u:Gebruik {id: 'geb-weg', status: 'UITGEFASEERD'})-[:VAN]->(a)
        CREATE (u)-[:VERSIE]->(v)""", {"a": f["app"], "v": f["versie"], "o": ander, "x": weg})  # fmt: skip
    lev = f["lev"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (lev, "AANBOD_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (ander, "GEBRUIK_RAADPLEGER"),
            (ander, "GEBRUIK_BEHEERDER"),
            (weg, "GEBRUIK_BEHEERDER"),
        )
        wie = {key: Api(client, token) for key, token in minted.items()}
        aanbod = wie[(lev, "AANBOD_BEHEERDER")]
        schrijver = await gebruiker(store, lev, "AANBOD_BEHEERDER")
        # Those who hear nothing whatever happens: a machine client of GM0014, a person
        # deactivated as a whole, a membership deactivated (raw: their own mutations are tested
        # elsewhere), and the raadpleger, who switches every kind of this test off.
        await schrijf(store, "stil", """
            MATCH (o:Organisatie {id: $g}), (b:Gebruiker {subject: $b}), (r:Gebruiker {subject: $r})
            CREATE (:Gebruiker {id: 'machine-1', naam: 'Koppelvlak', email: 'm@x.invalid', status: 'ACTIEF',
                                soort: 'MACHINE'})-[:LID_VAN {rollen: ['GEBRUIK_RAADPLEGER']}]->(o)
            SET b.status = 'GEDEACTIVEERD'
            WITH r MATCH (r)-[l:LID_VAN]->() SET l.status = 'GEDEACTIVEERD'""",
                      {"g": GEMEENTE, "b": f"dev:{ander}:GEBRUIK_BEHEERDER",
                       "r": f"dev:{GEMEENTE}:ORGANISATIE_BEHEERDER"})  # fmt: skip
        begin = nu()
        soorten = ["NIEUWE_VERSIE", "EINDE_ONDERSTEUNING", "APPLICATIE_TERUGGETROKKEN", "DIENST_INGETROKKEN"]
        uit = data(wie[(GEMEENTE, "GEBRUIK_RAADPLEGER")].post(WIJZIG_VOORKEUREN, {"input": {"uit": soorten}}))
        assert {v["soort"] for v in uit["wijzigMeldingvoorkeuren"]["voorkeuren"] if not v["aan"]} == set(soorten)
        stil = {await gebruiker(store, GEMEENTE, "GEBRUIK_RAADPLEGER"), "machine-1",
                await gebruiker(store, ander, "GEBRUIK_BEHEERDER"),
                await gebruiker(store, GEMEENTE, "ORGANISATIE_BEHEERDER")}  # fmt: skip
        organisaties = await gebruikers_van(store, f["app"])
        assert set(organisaties) == {GEMEENTE, ander}

        # A new version: the people of both organisations using the application.
        verwacht = await leden(store, organisaties, "NIEUWE_VERSIE", schrijver)
        assert {p for p, _ in verwacht} & stil == set() and len(verwacht) >= 2
        versie = data(aanbod.post(
            REGISTREER_VERSIE, {"input": {"applicatie": f["app"], "nummer": "77.0"}}
        ))["registreerVersie"]["versie"]["identificatie"]  # fmt: skip
        found = await ontvangen(store, "NIEUWE_VERSIE", versie)
        assert set(found) == verwacht
        assert een_tekst(found) == f"{f['lnaam']} heeft versie 77.0 van {f['naam']} uitgebracht"

        # End of support of the version they run: those whose Gebruik runs it.
        lopend = [r["o"] for r in await raw(store, "lopend", """
            MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VERSIE]->(:Versie {id: $v})
            WHERE g.status <> 'UITGEFASEERD' RETURN DISTINCT o.id AS o""", {"v": f["versie"]})]  # fmt: skip
        verwacht = await leden(store, lopend, "EINDE_ONDERSTEUNING", schrijver)
        data(aanbod.post(WIJZIG_VERSIE, {"input": {
            "versie": f["versie"], "verwachteVersie": 1, "eindeOndersteuning": "2031-12-31"}}))  # fmt: skip
        found = await ontvangen(store, "EINDE_ONDERSTEUNING", f["versie"])
        assert set(found) == verwacht and len(verwacht) >= 2
        assert een_tekst(found) == (
            f"{f['lnaam']} beëindigt de ondersteuning van {f['naam']} versie {f['nummer']} op 2031-12-31"
        )

        # A dienst retired: the people of the organisation taking it (raw: GM0014 takes none).
        dienst = data(aanbod.post(BIED_AAN, {"input": {
            "leverancier": lev, "naam": "Hosting Plus", "type": "HOSTING", "applicaties": [f["app"]]}}))
        dienst_id = dienst["biedDienstAan"]["dienst"]["identificatie"]
        await schrijf(store, "neemt_af", "MATCH (g:Gebruik {id: 'geb-ander'}), (d:Dienst {id: $d}) "
                      "CREATE (g)-[:NEEMT_AF]->(d)", {"d": dienst_id})  # fmt: skip
        verwacht = await leden(store, [ander], "DIENST_INGETROKKEN", schrijver)
        data(aanbod.post(TREK_DIENST_IN, {"input": {"dienst": dienst_id, "verwachteVersie": 1}}))
        found = await ontvangen(store, "DIENST_INGETROKKEN", dienst_id)
        assert set(found) == verwacht and verwacht
        assert een_tekst(found) == f"{f['lnaam']} heeft de dienst Hosting Plus ingetrokken"

        # The application retired: every organisation using it.
        [stand] = await raw(store, "appversie", "MATCH (a:Applicatie {id: $a}) RETURN coalesce(a.versie, 1) AS v",
                            {"a": f["app"]})  # fmt: skip
        verwacht = await leden(store, organisaties, "APPLICATIE_TERUGGETROKKEN", schrijver)
        data(aanbod.post(TREK_TERUG, {"input": {"applicatie": f["app"], "verwachteVersie": stand["v"]}}))
        found = await ontvangen(store, "APPLICATIE_TERUGGETROKKEN", f["app"])
        assert set(found) == verwacht
        assert een_tekst(found) == f"{f['lnaam']} heeft {f['naam']} teruggetrokken: het wordt niet meer aangeboden"

        # Nobody of the phased-out gemeente, of the leverancier or of the silent ones heard anything.
        alle = await meldingen(store)
        assert {m["m"]["organisatie"] for m in alle} == {GEMEENTE, ander}
        assert {m["m"]["ontvanger"] for m in alle} & (stil | {schrijver}) == set()
        # Each reads its own, with the object as far as it sees it.
        beheerder = wie[(GEMEENTE, "GEBRUIK_BEHEERDER")]
        lijst = data(beheerder.post(MELDINGEN))["meldingen"]
        assert [n["soort"] for n in lijst["nodes"]] == [
            "APPLICATIE_TERUGGETROKKEN", "EINDE_ONDERSTEUNING", "NIEUWE_VERSIE"
        ]  # newest first; GM0014 takes no dienst
        assert lijst["nodes"][0]["onderwerp"]["id"] == _global("Applicatie", f["app"])
        assert lijst["nodes"][2]["onderwerp"]["id"] == _global("Versie", versie)
        assert lijst["nodes"][0]["organisatie"]["id"] == _global("Gemeente", GEMEENTE)

        # Meldingen a failure left out are derived again by `graph-api meldingen inhalen`: the
        # lost ones (raw: deleted) come back as they were; those there stay, read or not.
        verloren = await ontvangen(store, "NIEUWE_VERSIE", versie)
        await schrijf(store, "verlies", "MATCH (m:Melding {soort: 'NIEUWE_VERSIE'}) DELETE m", {})
        data(beheerder.post(MARKEER, {"input": {"alle": True}}))
        voor = {(m["m"]["id"], m["m"]["gelezen"]) for m in await meldingen(store)}
        result = run_cli("meldingen", "inhalen", "--sinds", begin, env=own_graph.cli_env())
        assert result.returncode == 0, result.stderr
        assert f"{len(verloren)} meldingen made" in result.stdout
        assert await ontvangen(store, "NIEUWE_VERSIE", versie) == verloren
        na = {(m["m"]["id"], m["m"]["gelezen"]) for m in await meldingen(store)}
        assert voor < na and len(na - voor) == len(verloren)
        assert run_cli("meldingen", "inhalen", "--sinds", begin, env=own_graph.cli_env()).stdout.startswith(
            "0 meldingen made"
        )


async def test_a_leverancier_hears_how_its_proposals_are_decided_and_a_gemeente_of_them(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    [f] = await raw(store, "aanbod", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)
        WHERE a.gemeldDoor IS NULL AND coalesce(a.status, 'ACTIEF') = 'ACTIEF'
          AND NOT (a)<-[:VAN]-(:Gebruik)<-[:GEBRUIKT]-(:Organisatie {id: $g})
        WITH l, a ORDER BY a.id
        WITH l, collect(a) AS apps WHERE size(apps) >= 2
        RETURN l.id AS lev, l.naam AS lnaam, apps[0].id AS a, apps[0].naam AS anaam, apps[1].id AS b,
               apps[1].naam AS bnaam ORDER BY lev LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    [gemeente] = await raw(store, "naam", "MATCH (o:Gemeente {id: $g}) RETURN o.naam AS naam", {"g": GEMEENTE})
    lev = f["lev"]
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (lev, "AANBOD_BEHEERDER"),
            (lev, "ORGANISATIE_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
        )
        aanbod, _, beheerder, _ = (Api(client, token) for token in minted.values())
        voorsteller = await gebruiker(store, lev, "AANBOD_BEHEERDER")
        beslisser = await gebruiker(store, GEMEENTE, "GEBRUIK_BEHEERDER")

        # Proposed: the gemeente's people hear it, told who proposes what.
        verwacht = await leden(store, [GEMEENTE], "VOORSTEL_ONTVANGEN", voorsteller)
        voorstellen = [
            data(aanbod.post(STEL_VOOR, {"input": {"gemeente": GEMEENTE, "applicatie": app}}))[
                "stelGebruikVoor"]["voorstel"]["identificatie"]
            for app in (f["a"], f["b"])
        ]  # fmt: skip
        for voorstel, naam in zip(voorstellen, (f["anaam"], f["bnaam"]), strict=True):
            found = await ontvangen(store, "VOORSTEL_ONTVANGEN", voorstel)
            assert set(found) == verwacht and len(verwacht) >= 2
            assert een_tekst(found) == f"{f['lnaam']} stelt voor {naam} op te nemen in uw applicatielandschap"

        # Accepted, and rejected with a reason: the leverancier's people hear it, the gemeente named.
        verwacht = await leden(store, [lev], "VOORSTEL_BESLIST", beslisser)
        data(beheerder.post(AANVAARD, {"input": {"voorstel": voorstellen[0], "verwachteVersie": 1}}))
        data(beheerder.post(WIJS_VOORSTEL_AF, {"input": {
            "voorstel": voorstellen[1], "verwachteVersie": 1, "reden": "Wij kiezen iets anders"}}))  # fmt: skip
        aanvaard = await ontvangen(store, "VOORSTEL_BESLIST", voorstellen[0])
        afgewezen = await ontvangen(store, "VOORSTEL_BESLIST", voorstellen[1])
        assert set(aanvaard) == set(afgewezen) == verwacht and len(verwacht) == 2
        assert een_tekst(aanvaard) == f"Gemeente {gemeente['naam']} heeft uw voorstel voor {f['anaam']} aanvaard"
        assert een_tekst(afgewezen) == (
            f"Gemeente {gemeente['naam']} heeft uw voorstel voor {f['bnaam']} afgewezen: Wij kiezen iets anders"
        )
        # The Gebruik the acceptance made tells nobody: no kind follows a Gebruik.
        assert {m["m"]["soort"] for m in await meldingen(store)} == {"VOORSTEL_ONTVANGEN", "VOORSTEL_BESLIST"}


async def test_functioneel_beheer_hears_what_waits_and_the_one_who_offered_it_how_it_was_decided(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    [doel] = await raw(store, "doel", """
        MATCH (a:Applicatie) WHERE a.gemeldDoor IS NULL
          AND NOT (a)<-[:VAN]-(:Gebruik)<-[:GEBRUIKT]-(:Organisatie {id: $g})
        RETURN a.id AS id, a.naam AS naam ORDER BY a.id LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    [gemeente] = await raw(store, "naam", "MATCH (o:Gemeente {id: $g}) RETURN o.naam AS naam", {"g": GEMEENTE})
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (VNG, "VNG_RAADPLEGER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
        )
        beheer, _, melder, _ = (Api(client, token) for token in minted.values())
        fb = await gebruiker(store, VNG, "FUNCTIONEEL_BEHEERDER")
        registrant = Api(client, persoonstoken(own_graph, "nieuw-1", "Nina Nieuw", "nina@nieuw.example"))

        # A registration waits: every functioneel beheerder hears it (not the VNG raadpleger).
        geregistreerd = data(registrant.post(REGISTREER_LEVERANCIER, {"input": {
            "naam": "Nieuw Software BV", "kvkNummer": "12345678"}}))["registreerLeverancier"]["registratie"]
        lev = geregistreerd["leverancier"]["identificatie"]
        [nina] = await raw(store, "nina", "MATCH (p:Gebruiker {subject: 'nieuw-1'}) RETURN p.id AS id")
        verwacht = await functioneel_beheerders(store, "REGISTRATIE_WACHT", nina["id"])
        found = await ontvangen(store, "REGISTRATIE_WACHT", lev)
        assert set(found) == verwacht and (fb, VNG) in verwacht
        assert een_tekst(found) == "Nieuw Software BV heeft zich als leverancier geregistreerd en wacht op beoordeling"
        # Approved: the registrant hears it; its Gebruiker was made by the registration.
        verwacht = await leden(store, [lev], "REGISTRATIE_BESLIST", fb)
        data(beheer.post(KEUR_GOED, {"input": {
            "registratie": geregistreerd["identificatie"], "verwachteVersie": 1}}))  # fmt: skip
        found = await ontvangen(store, "REGISTRATIE_BESLIST", lev)
        assert set(found) == verwacht == {(nina["id"], lev)}
        assert een_tekst(found) == "De registratie van Nieuw Software BV is goedgekeurd"

        # Missing software reported three times: each waits for functioneel beheer; then one
        # published, one sent back, one merged, each told to the reporting gemeente's people.
        melder_id = await gebruiker(store, GEMEENTE, "GEBRUIK_BEHEERDER")
        concepten = []
        for naam in ("Parkeerding", "Vergunningding", "Dubbelding"):
            concept = data(melder.post(MELD, {"input": {"organisatie": GEMEENTE, "naam": naam}}))
            concepten.append(concept["meldOntbrekendeSoftware"]["applicatie"]["identificatie"])
            found = await ontvangen(store, "CONCEPT_WACHT", concepten[-1])
            assert set(found) == await functioneel_beheerders(store, "CONCEPT_WACHT", melder_id)
            assert een_tekst(found) == f"Gemeente {gemeente['naam']} heeft {naam} als concept aangemeld; " \
                "het wacht op beoordeling"
        verwacht = await leden(store, [GEMEENTE], "CONCEPT_BESLIST", fb)
        assert (melder_id, GEMEENTE) in verwacht
        data(beheer.post(PUBLICEER, {"input": {"concept": concepten[0]}}))
        data(beheer.post(WIJS_CONCEPT_AF, {"input": {"concept": concepten[1], "reden": "Naam onduidelijk"}}))
        data(beheer.post(SAMENVOEGEN, {"input": {"concept": concepten[2], "doel": doel["id"]}}))
        teksten = []
        for object_id in (*concepten[:2], doel["id"]):
            found = await ontvangen(store, "CONCEPT_BESLIST", object_id)
            assert set(found) == verwacht
            teksten.append(een_tekst(found))
        assert teksten == [
            "Parkeerding is gepubliceerd in de catalogus",
            "Vergunningding is teruggestuurd: Naam onduidelijk",
            f"Het concept Dubbelding is samengevoegd met {doel['naam']}",
        ]


def volgorde(rows: list[dict[str, Any]]) -> list[str]:
    """Meldingen as the list orders them, from raw rows: unread first, then newest first (then
    by id, descending, as the cursor's tie-break)."""
    ongelezen = sorted((m for m in rows if not m["gelezen"]), key=lambda m: (m["aangemaakt"], m["id"]), reverse=True)
    gelezen = sorted((m for m in rows if m["gelezen"]), key=lambda m: (m["aangemaakt"], m["id"]), reverse=True)
    return [m["id"] for m in ongelezen + gelezen]


def pagina_voor_pagina(api: Api, ongelezen: bool | None = None) -> tuple[list[str], int, int]:
    """Every melding of the asker, two a page: their ids, totalCount and ongelezen."""
    ids: list[str] = []
    after = None
    while True:
        page = data(api.post(MELDINGEN, {"ongelezen": ongelezen, "first": 2, "after": after}))["meldingen"]
        ids += [_plain(n["id"]) for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            return ids, page["totalCount"], page["ongelezen"]
        after = page["pageInfo"]["endCursor"]


async def eigen_meldingen(store: Store, persoon: str) -> list[dict[str, Any]]:
    rows = await raw(store, "eigen", "MATCH (m:Melding {ontvanger: $p}) RETURN m {.*} AS m", {"p": persoon})
    return [r["m"] for r in rows]


async def test_a_person_pages_its_own_meldingen_marks_them_read_and_is_refused_what_is_not_its_own(
    own_graph: Backend,
) -> None:
    store = own_graph.store
    [f] = await raw(store, "app", """
        MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(g:Gebruik)<-[:GEBRUIKT]-(:Organisatie {id: $g})
        WHERE a.gemeldDoor IS NULL AND g.status <> 'UITGEFASEERD'
        RETURN l.id AS lev, a.id AS app ORDER BY lev, app LIMIT 1""", {"g": GEMEENTE})  # fmt: skip
    with serve(own_graph) as client:
        minted = await tokens(
            own_graph,
            (f["lev"], "AANBOD_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
        )
        aanbod, a, b = (Api(client, token) for token in minted.values())
        wie_a = await gebruiker(store, GEMEENTE, "GEBRUIK_BEHEERDER")
        wie_b = await gebruiker(store, GEMEENTE, "GEBRUIK_RAADPLEGER")
        for nummer in ("90.1", "90.2", "90.3", "90.4", "90.5"):
            data(aanbod.post(REGISTREER_VERSIE, {"input": {"applicatie": f["app"], "nummer": nummer}}))
        van_a, van_b = await eigen_meldingen(store, wie_a), await eigen_meldingen(store, wie_b)
        assert len(van_a) == len(van_b) == 5

        # Paged two at a time, newest first while all are unread.
        assert pagina_voor_pagina(a) == (volgorde(van_a), 5, 5)
        # Two of its own and one of b's marked read: b's stays unread, the answer lists a's own.
        gekozen = [_global("Melding", m) for m in volgorde(van_a)[1:3]]
        vreemd = _global("Melding", van_b[0]["id"])
        markeer = {"ids": [*gekozen, vreemd], "idempotencyKey": "lezen-1"}
        antwoord = data(a.post(MARKEER, {"input": markeer}))["markeerMeldingenGelezen"]
        assert antwoord == {"ongelezen": 3, "meldingen": [{"id": i, "gelezen": True} for i in gekozen]}
        van_a = await eigen_meldingen(store, wie_a)
        assert {m["id"] for m in van_a if m["gelezen"]} == _ids(gekozen)
        assert not any(m["gelezen"] for m in await eigen_meldingen(store, wie_b))
        # Sent again with its key: the same answer, nothing more written; other input: refused.
        assert data(a.post(MARKEER, {"input": markeer}))["markeerMeldingenGelezen"] == antwoord
        refused(a, MARKEER, {**markeer, "ids": gekozen}, "IDEMPOTENCY_KEY_REUSED", "input.idempotencyKey")
        # Unread first now, each part newest first; filtered either way.
        assert pagina_voor_pagina(a) == (volgorde(van_a), 5, 3)
        assert pagina_voor_pagina(a, True) == ([i for i in volgorde(van_a) if i not in _ids(gekozen)], 3, 3)
        assert pagina_voor_pagina(a, False) == ([i for i in volgorde(van_a) if i in _ids(gekozen)], 2, 3)
        # Another person's melding is nobody's to a: not found by its id.
        assert data(a.post("query($n: ID!) { node(id: $n) { id } }", {"n": vreemd}))["node"] is None
        assert data(b.post("query($n: ID!) { node(id: $n) { id } }", {"n": vreemd}))["node"] == {"id": vreemd}

        # Refused or invalid, the graph as it was: the bezoeker for each field, bad input.
        before = await stand(store)
        bezoeker = Api(client)
        assert fout(bezoeker.post(MELDINGEN))["code"] == "UNAUTHENTICATED"
        assert fout(bezoeker.post(VOORKEUREN))["code"] == "UNAUTHENTICATED"
        refused(bezoeker, MARKEER, {"alle": True}, "UNAUTHENTICATED")
        refused(bezoeker, WIJZIG_VOORKEUREN, {"uit": []}, "UNAUTHENTICATED")
        refused(a, MARKEER, {}, "INVALID_INPUT", "input.ids")
        refused(a, MARKEER, {"ids": []}, "INVALID_INPUT", "input.ids")
        refused(a, MARKEER, {"ids": gekozen, "alle": True}, "INVALID_INPUT", "input.ids")
        refused(a, MARKEER, {"ids": [_global("Versie", "ver-1")]}, "INVALID_ID", "input.ids")
        assert fout(a.post(WIJZIG_VOORKEUREN, {"input": {"uit": ["ONBEKEND"]}}))["code"] == "BAD_USER_INPUT"
        assert fout(a.post(MELDINGEN, {"first": -1}))["code"] == "INVALID_PAGE_SIZE"
        assert fout(a.post(MELDINGEN, {"after": "geen-cursor"}))["code"] == "INVALID_CURSOR"
        assert not await verschil(store, before)

        # All read; preferences read back, each kind on but the one switched off.
        assert data(a.post(MARKEER, {"input": {"alle": True}}))["markeerMeldingenGelezen"]["ongelezen"] == 0
        assert not any(not m["gelezen"] for m in await eigen_meldingen(store, wie_a))
        data(a.post(WIJZIG_VOORKEUREN, {"input": {"uit": ["CONCEPT_WACHT", "CONCEPT_WACHT"]}}))
        voorkeuren = data(a.post(VOORKEUREN))["meldingvoorkeuren"]
        assert [v["soort"] for v in voorkeuren] == list(keuzes.MELDING_SOORT)
        assert [v["soort"] for v in voorkeuren if not v["aan"]] == ["CONCEPT_WACHT"]
        [opgeslagen] = await raw(store, "uit", "MATCH (p:Gebruiker {id: $p}) RETURN p.meldingenUit AS uit",
                                 {"p": wie_a})  # fmt: skip
        assert opgeslagen["uit"] == ["CONCEPT_WACHT"]
        assert all(v["aan"] for v in data(b.post(VOORKEUREN))["meldingvoorkeuren"])


def _plain(global_id: str) -> str:
    return base64.b64decode(global_id).decode().split(":", 1)[1]


def _ids(global_ids: list[str]) -> set[str]:
    return {_plain(g) for g in global_ids}
