"""Meldingen (issue 19, item 3) through HTTP, in a graph of the test's own on each engine: each
kind caused by a real mutation, received by exactly the people it concerns (computed from raw
rows of the graph: the members of the organisations concerned, minus the one who wrote, minus
those who switched the kind off, minus deactivated people and memberships, minus machines);
the list (unread first, then newest first, paged), marking read (one's own only), preferences,
the bezoeker refused, bad input refused with the graph as it was.
"""

from __future__ import annotations

from typing import Any

from graph_api.store import Store
from tests.backends import Backend
from tests.graafdump import dump
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_applicatie_mutaties import raw, schrijf
from tests.graphql.test_gebruik_mutaties import _global, data, fout, serve, tokens

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


async def functioneel_beheer(store: Store) -> list[str]:
    rows = await raw(store, "fb", """
        MATCH (:Gebruiker)-[r:LID_VAN]->(o:Beheerorganisatie)
        WHERE 'FUNCTIONEEL_BEHEERDER' IN r.rollen RETURN DISTINCT o.id AS o""")  # fmt: skip
    return [r["o"] for r in rows]


async def alleen_beheerders(store: Store, verwacht: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Of (person, organisation) pairs in a Beheerorganisatie, only its functioneel beheerders."""
    rows = await raw(store, "fb_leden", """
        MATCH (p:Gebruiker)-[r:LID_VAN]->(o:Beheerorganisatie)
        WHERE 'FUNCTIONEEL_BEHEERDER' IN r.rollen RETURN p.id AS p, o.id AS o""")  # fmt: skip
    return verwacht & {(r["p"], r["o"]) for r in rows}


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
