"""The landscape over time (`landschapsverschil`, issue 19 item 2) through HTTP, on each engine.

One journey in a graph of the test's own: Gebruik and koppelingen are created, changed, changed
back, deleted, and created and deleted again, and an application renamed, through the
mutations, with the instants between the steps noted. The test keeps what it wrote as plain
snapshots of the landscape at each instant, and the expected difference over a window is the
comparison of two snapshots: nothing of the change records or of the code's netting.
Then every role of the matrix asks one window. Bad arguments are asked on the shared graph.
"""

from __future__ import annotations

import base64
import copy
import time
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from tests.backends import Backend
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import (
    REGISTREER,
    STATUS,
    VERWIJDER,
    WIJZIG,
    data,
    serve,
    tokens,
)
from tests.graphql.test_koppeling_mutaties import REGISTREER as REGISTREER_KOPPELING
from tests.graphql.test_koppeling_mutaties import VERWIJDER as VERWIJDER_KOPPELING
from tests.graphql.test_koppeling_mutaties import WIJZIG as WIJZIG_KOPPELING

GEMEENTE = "GM0014"

NAAM = "identificatie naam"
VERSCHIL = f"""
query($o: ID!, $van: String!, $tot: String) {{
  landschapsverschil(organisatie: $o, van: $van, tot: $tot) {{
    van tot organisatie {{ identificatie }}
    gebruik {{ identificatie soort applicatie {{ {NAAM} }} velden {{ veld van tot }} }}
    koppelingen {{ identificatie soort van {{ {NAAM} }} naar {{ {NAAM} }} velden {{ veld van tot }} }}
  }}
}}"""
RENAME = """mutation($input: WijzigApplicatieInput!) {
  wijzigApplicatie(input: $input) { applicatie { identificatie naam } } }"""
VOLGORDE = {"TOEGEVOEGD": 0, "GEWIJZIGD": 1, "VERWIJDERD": 2}


def veldnaam(veld: dict[str, Any]) -> str:
    return veld["veld"]


def gewoon(answer: dict[str, Any]) -> dict[str, Any]:
    """The lines of an answer, each line's fields by name (their order is not part of it)."""
    return {
        key: [{**regel, "velden": sorted(regel["velden"], key=veldnaam)} for regel in answer[key]]
        for key in ("gebruik", "koppelingen")
    }


def moment() -> str:
    """The present as the records stamp it; the pauses keep every write in its own millisecond."""
    time.sleep(0.005)
    now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    time.sleep(0.005)
    return now


def vraag(api: Api, van: str, tot: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """The difference asked, and the fields `extensions.beperkingen` names."""
    body = api.post(VERSCHIL, {"o": GEMEENTE, "van": van, "tot": tot}).json()
    assert "errors" not in body, body
    notes = [note["veld"] for note in body.get("extensions", {}).get("beperkingen", [])]
    return body["data"]["landschapsverschil"], notes


class Landschap:
    """What the test wrote, as the landscape it makes: per label, per id, the fields the change
    records name (those of seeded objects only as far as the test changes them), and which
    application each Gebruik is of; snapshots of it, and of the application names, by instant."""

    def __init__(self, namen: dict[str, str], eind_namen: dict[str, str]):
        self.nu: dict[str, dict[str, dict[str, Any]]] = {"Gebruik": {}, "Koppeling": {}}
        self.namen = dict(namen)  # application id -> name
        self.eind_namen = dict(eind_namen)  # a seeded koppeling end -> its name
        self.applicatie: dict[str, str] = {}  # Gebruik id -> application id
        self.snapshots: dict[str, tuple[dict, dict]] = {}

    def snapshot(self, tijd: str) -> None:
        self.snapshots[tijd] = (copy.deepcopy(self.nu), dict(self.namen))

    def naam_van(self, gebruik: str, namen: dict[str, str]) -> str:
        if gebruik in self.applicatie:
            return namen[self.applicatie[gebruik]]
        return self.eind_namen[gebruik]

    def verschil(self, van: str, tot: str, koppeling_einden: dict[str, tuple[str, str]]) -> dict[str, Any]:
        """The difference between two snapshots, shaped as the answer's lines."""
        (a, namen_a), (b, namen_b) = self.snapshots[van], self.snapshots[tot]
        out: dict[str, list[dict[str, Any]]] = {"gebruik": [], "koppelingen": []}
        for label, key in (("Gebruik", "gebruik"), ("Koppeling", "koppelingen")):
            for oid in sorted(a[label].keys() | b[label].keys()):
                voor, na = a[label].get(oid), b[label].get(oid)
                if voor is None and na is not None:
                    soort, velden, namen = "TOEGEVOEGD", [(f, None, v) for f, v in na.items() if v], namen_b
                elif na is None and voor is not None:
                    soort, velden, namen = "VERWIJDERD", [(f, v, None) for f, v in voor.items() if v], namen_a
                else:
                    assert voor is not None and na is not None
                    velden = [
                        (f, voor.get(f), na.get(f))
                        for f in voor.keys() | na.keys()
                        if voor.get(f) != na.get(f)
                    ]
                    soort, namen = "GEWIJZIGD", namen_b
                    if not velden:
                        continue
                regel: dict[str, Any] = {
                    "identificatie": oid,
                    "soort": soort,
                    "velden": sorted(({"veld": f, "van": v, "tot": t} for f, v, t in velden), key=veldnaam),
                }
                if label == "Gebruik":
                    app = self.applicatie.get(oid)
                    regel["applicatie"] = {"identificatie": app, "naam": namen[app]}
                else:
                    van_g, naar_g = koppeling_einden[oid]
                    regel["van"] = {"identificatie": van_g, "naam": self.naam_van(van_g, namen)}
                    regel["naar"] = {"identificatie": naar_g, "naam": self.naam_van(naar_g, namen)}
                out[key].append(regel)
            sortname = (
                (lambda r: r["applicatie"]["naam"]) if label == "Gebruik" else (lambda r: r["van"]["naam"])
            )
            out[key].sort(key=lambda r, s=sortname: (VOLGORDE[r["soort"]], s(r), r["identificatie"]))
        return out


KOPPELINGEN = """query($o: ID!) { koppelingen(organisatie: $o, first: 100) { nodes {
  identificatie versienummer type richting status beschrijving van { identificatie } via { identificatie }
  standaardversies { identificatie }
  naar { ... on Gebruik { identificatie } ... on BuitengemeentelijkeVoorziening { identificatie naam } } } } }"""
LANDSCHAP = """query($o: ID!) { gebruik(organisatie: $o, first: 100) { nodes {
  identificatie versienummer notities applicatie { identificatie naam } } } }"""


def post(api: Api, query: str, **input: Any) -> dict[str, Any]:
    return data(api.post(query, {"input": input}))


async def test_differences_over_windows_for_every_role(own_graph: Backend) -> None:
    with serve(own_graph) as client:
        beheer = Api(
            client, (await tokens(own_graph, (VNG, "FUNCTIONEEL_BEHEERDER")))[(VNG, "FUNCTIONEEL_BEHEERDER")]
        )
        seeded = beheer.query(LANDSCHAP, {"o": GEMEENTE})["gebruik"]["nodes"]
        kops = beheer.query(KOPPELINGEN, {"o": GEMEENTE})["koppelingen"]["nodes"]
        catalogus = beheer.query(
            "{ applicaties(first: 100) { nodes { identificatie naam status versienummer } } }"
        )
        gebruikt = {g["applicatie"]["identificatie"] for g in seeded}
        nieuw = [
            a
            for a in catalogus["applicaties"]["nodes"]
            if a["status"] == "ACTIEF" and a["identificatie"] not in gebruikt
        ]
        app_a, app_b, app_c = (a["identificatie"] for a in nieuw[:3])
        ander = next(
            g["identificatie"]
            for g in beheer.query("{ gemeenten(first: 5) { nodes { identificatie } } }")["gemeenten"]["nodes"]
            if g["identificatie"] != GEMEENTE
        )
        leverancier = beheer.query("{ leveranciers(first: 1) { nodes { identificatie } } }")["leveranciers"][
            "nodes"
        ][0]
        rollen = (
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (GEMEENTE, "ORGANISATIE_BEHEERDER"),
            (ander, "GEBRUIK_BEHEERDER"),
            (ander, "GEBRUIK_RAADPLEGER"),
            (VNG, "VNG_RAADPLEGER"),
            (leverancier["identificatie"], "AANBOD_BEHEERDER"),
        )
        minted = await tokens(own_graph, *rollen)
        eigen = Api(client, minted[(GEMEENTE, "GEBRUIK_BEHEERDER")])

        bekend = {g["identificatie"] for g in seeded}
        s = seeded[0]
        k = next(
            k
            for k in kops
            if k["van"]["identificatie"] in bekend and k["naar"].get("identificatie") in bekend
        )
        facilities = {k["naar"]["identificatie"]: k["naar"]["naam"]} if "naam" in k["naar"] else {}
        landschap = Landschap({**{a["identificatie"]: a["naam"] for a in nieuw[:3]},
                               **{g["applicatie"]["identificatie"]: g["applicatie"]["naam"] for g in seeded}},
                              facilities)  # fmt: skip
        landschap.applicatie = {g["identificatie"]: g["applicatie"]["identificatie"] for g in seeded}
        landschap.nu["Gebruik"][s["identificatie"]] = {"notities": s["notities"]}
        landschap.nu["Koppeling"][k["identificatie"]] = {  # whole: it is removed at the end
            **{veld: k[veld] for veld in ("type", "richting", "status", "beschrijving")},
            "van": k["van"]["identificatie"],
            "naar": k["naar"]["identificatie"],
            "via": k["via"] and k["via"]["identificatie"],
            "standaardversies": sorted(v["identificatie"] for v in k["standaardversies"]),
        }
        einden = {k["identificatie"]: (k["van"]["identificatie"], k["naar"]["identificatie"])}

        t0 = moment()
        vandaag = t0[:10]
        landschap.snapshot(t0)
        g_a = post(eigen, REGISTREER, organisatie=GEMEENTE, applicatie=app_a, notities="x")
        g_a = g_a["registreerGebruik"]["gebruik"]["identificatie"]
        g_b = post(eigen, REGISTREER, organisatie=GEMEENTE, applicatie=app_b)["registreerGebruik"]["gebruik"]
        g_b = g_b["identificatie"]
        k1 = post(eigen, REGISTREER_KOPPELING, van=g_a, naar=g_b, type="API", richting="HEEN")
        k1 = k1["registreerKoppeling"]["koppeling"]["identificatie"]
        landschap.applicatie |= {g_a: app_a, g_b: app_b}
        landschap.nu["Gebruik"][g_a] = {"status": "VERWERVING", "verwervingDatum": vandaag, "notities": "x",
                                        "applicatie": app_a}  # fmt: skip
        landschap.nu["Gebruik"][g_b] = {
            "status": "VERWERVING",
            "verwervingDatum": vandaag,
            "applicatie": app_b,
        }
        landschap.nu["Koppeling"][k1] = {"type": "API", "richting": "HEEN", "status": "IN_ONTWIKKELING",
                                         "van": g_a, "naar": g_b}  # fmt: skip
        einden[k1] = (g_a, g_b)

        t1 = moment()
        landschap.snapshot(t1)
        post(eigen, WIJZIG, gebruik=g_a, verwachteVersie=1, notities="y")
        post(eigen, STATUS, gebruik=g_a, verwachteVersie=2, status="GEPLAND")
        landschap.nu["Gebruik"][g_a] |= {"notities": "y", "status": "GEPLAND", "geplandDatum": vandaag}
        post(eigen, WIJZIG, gebruik=s["identificatie"], verwachteVersie=s["versienummer"], notities="n1")
        landschap.nu["Gebruik"][s["identificatie"]]["notities"] = "n1"
        post(eigen, WIJZIG_KOPPELING, koppeling=k["identificatie"], verwachteVersie=k["versienummer"],
             beschrijving="nieuw")  # fmt: skip
        landschap.nu["Koppeling"][k["identificatie"]]["beschrijving"] = "nieuw"
        versie_a = next(a["versienummer"] for a in nieuw if a["identificatie"] == app_a)
        post(beheer, RENAME, applicatie=app_a, verwachteVersie=versie_a, naam="Tussennaam")
        landschap.namen[app_a] = "Tussennaam"
        g_c = post(eigen, REGISTREER, organisatie=GEMEENTE, applicatie=app_c)["registreerGebruik"]["gebruik"]
        post(eigen, VERWIJDER, gebruik=g_c["identificatie"], verwachteVersie=1)

        t2 = moment()
        landschap.snapshot(t2)
        post(
            eigen,
            WIJZIG,
            gebruik=s["identificatie"],
            verwachteVersie=s["versienummer"] + 1,
            notities=s["notities"],
        )
        landschap.nu["Gebruik"][s["identificatie"]]["notities"] = s["notities"]
        post(eigen, VERWIJDER_KOPPELING, koppeling=k1, verwachteVersie=1)
        post(eigen, VERWIJDER, gebruik=g_b, verwachteVersie=1)
        del landschap.nu["Koppeling"][k1], landschap.nu["Gebruik"][g_b]

        t3 = moment()
        landschap.snapshot(t3)
        post(beheer, RENAME, applicatie=app_a, verwachteVersie=versie_a + 1, naam="Hernoemd na t3")
        landschap.namen[app_a] = "Hernoemd na t3"
        # The seeded koppeling goes too: a window that shows it changed names its ends from the records.
        post(eigen, VERWIJDER_KOPPELING, koppeling=k["identificatie"], verwachteVersie=k["versienummer"] + 1)
        del landschap.nu["Koppeling"][k["identificatie"]]
        landschap.snapshot("nu")

        # What each window holds, as the test wrote it: every kind of line and every kind of netting.
        verwacht = {
            (van, tot): landschap.verschil(van, tot, einden)
            for van, tot in ((t0, t1), (t1, t2), (t1, t3), (t0, t3), (t2, t2), (t0, "nu"))
        }
        soorten = {r["soort"] for r in verwacht[(t1, t3)]["gebruik"] + verwacht[(t1, t3)]["koppelingen"]}
        assert soorten == {"GEWIJZIGD", "VERWIJDERD"}
        assert {r["soort"] for r in verwacht[(t0, t1)]["koppelingen"]} == {"TOEGEVOEGD"}
        assert [r["identificatie"] for r in verwacht[(t0, t3)]["gebruik"]] == [g_a]  # g_b, g_c: come and gone
        assert s["identificatie"] not in str(verwacht[(t1, t3)])  # changed back
        assert [r["soort"] for r in verwacht[(t0, "nu")]["koppelingen"]] == ["VERWIJDERD"]
        for (van, tot), expected in verwacht.items():
            answer, notes = vraag(eigen, van, None if tot == "nu" else tot)
            assert gewoon(answer) == expected, (van, tot)
            assert (
                answer["van"] == van and answer["organisatie"] == {"identificatie": GEMEENTE} and notes == []
            )
            if tot != "nu":
                assert answer["tot"] == tot
        # Named as they were: before the rename at t3, after it now.
        assert verwacht[(t0, t1)]["gebruik"][0]["applicatie"]["naam"] == nieuw[0]["naam"]
        assert verwacht[(t0, t3)]["gebruik"][0]["applicatie"]["naam"] == "Tussennaam"
        # In one window: the Gebruik as at t3, the koppeling removed from it as at t1.
        assert [r["van"]["naam"] for r in verwacht[(t1, t3)]["koppelingen"] if r["identificatie"] == k1] == [
            nieuw[0]["naam"]
        ]
        assert next(r for r in verwacht[(t1, t3)]["gebruik"] if r["identificatie"] == g_a)["applicatie"] == {
            "identificatie": app_a,
            "naam": "Tussennaam",
        }
        assert verwacht[(t0, "nu")]["gebruik"][0]["applicatie"]["naam"] == "Hernoemd na t3"

        # The instants as dates, and with an offset: the same windows.
        assert gewoon(vraag(eigen, "2000-01-01")[0]) == verwacht[(t0, "nu")]
        plus2 = (
            datetime.fromisoformat(t1)
            .astimezone(timezone(timedelta(hours=2)))
            .isoformat(timespec="milliseconds")
        )
        assert gewoon(vraag(eigen, plus2, t3)[0]) == verwacht[(t1, t3)]

        # Who may: the landscape's own gebruik roles and functioneel beheer; nobody else sees a line.
        for api in (Api(client, minted[(GEMEENTE, "GEBRUIK_RAADPLEGER")]), beheer):
            answer, notes = vraag(api, t1, t3)
            assert gewoon(answer) == verwacht[(t1, t3)] and notes == []
        anderen = [minted[rol] for rol in rollen[2:]] + [None]
        for token in anderen:
            answer, notes = vraag(Api(client, token), t1, t3)
            assert (answer["gebruik"], answer["koppelingen"]) == ([], []), token
            assert "Query.landschapsverschil" in notes


def test_bad_arguments_are_named(api: Api) -> None:
    """On the shared graph, as functioneel beheer (the instants are checked before who may see)."""
    for variables, code, argument in (
        ({"van": "gisteren"}, "INVALID_ARGUMENT", "van"),
        ({"van": "2026-01-01", "tot": "2026-02-30"}, "INVALID_ARGUMENT", "tot"),
        ({"van": "2026-01-01T09:00:00"}, "INVALID_ARGUMENT", "van"),  # a local time names no instant
        ({"van": "2026-03-01", "tot": "2026-02-01"}, "INVALID_ARGUMENT", "van"),
        ({"van": "2999-01-01"}, "INVALID_ARGUMENT", "van"),  # after now
        ({"o": "GM9999", "van": "2026-01-01"}, "NOT_FOUND", "organisatie"),
        (
            {"o": base64.b64encode(b"Applicatie:app-00001").decode(), "van": "2026-01-01"},
            "INVALID_ID",
            "organisatie",
        ),
    ):
        error = api.error(VERSCHIL, {"o": GEMEENTE, **variables})
        assert (error["extensions"]["code"], error["extensions"].get("argument")) == (code, argument), (
            variables
        )
