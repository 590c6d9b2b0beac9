"""Importing a landscape from CSV and Excel (issue 20, point 2) through HTTP and the CLI, in a
graph of the test's own.

The files are written here from raw rows of the graph (GM0014's landscape, read with plain
Cypher), in the columns of graph_api/uitwisseling/landschap.py, and imported into a gemeente
without a landscape; what the import must make is worked out from those rows, not from the
import's answer: the same applications, statuses, dates, versions, components, and koppelingen
between the same applications. A refused import leaves the graph as it was (tests/graafdump.py).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import zipfile
from dataclasses import replace
from itertools import zip_longest
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from graph_api.auth.dev import dev_subject
from graph_api.model import keuzes
from graph_api.settings.invoer import Grenzen
from graph_api.store import Store
from tests.backends import Backend
from tests.conftest import run_cli
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG
from tests.graphql.test_gebruik_mutaties import serve, tokens

BRON, DOEL, ANDER = "GM0014", "GM0034", "GM0037"
ZIP = "application/zip"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAKKET = (
    "Gebruik ID", "Pakket ID", "Pakket Naam", "Leverancier Naam", "Pakketversie Naam", "Gebruik status",
    "Verwerving datum", "Gepland datum", "Start datum", "Uit te faseren datum", "Eind datum", "Hosting",
    "Contract einde", "Referentiecomponenten", "Notities", "_eigen kolom",
)  # fmt: skip
KOPPEL = (
    "Koppeling ID", "Van Gebruik ID", "Naar Gebruik ID", "Naar voorziening", "Type", "Richting", "Status",
    "Standaarden", "Via Gebruik ID", "Beschrijving",
)  # fmt: skip
DATUMS = ("verwervingDatum", "geplandDatum", "startDatum", "uitTeFaserenDatum", "eindDatum")

GEBRUIK_RUW = """
MATCH (o:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
RETURN properties(g) AS g, a.id AS app, a.naam AS naam, coalesce(a.status, 'ACTIEF') AS appStatus,
       a.gemeldDoor AS concept, [(l)-[:BIEDT_AAN]->(a) | l.naam] AS lev,
       [(g)-[:VERSIE]->(v) | v.versie] AS versies, [(g)-[:VERSIE]->(w) | w.id] AS versieIds,
       [(g)-[:VOOR]->(r) | r.gemmaId] AS comps, [(g)-[:VOOR]->(r2) | r2.id] AS compIds
"""
KOPPELING_RUW = """
MATCH (o:Organisatie {id: $o})-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
RETURN properties(k) AS k, u.id AS van, n.id AS naar, 'Gebruik' IN labels(n) AS naarGebruik,
       n.gemmaId AS naarGemma, [(k)-[:VIA]->(x) | x.id] AS via,
       [(k)-[:VOLGENS]->(sv) | sv.gemmaId] AS std, [(k)-[:VOLGENS]->(sv2) | sv2.id] AS stdIds,
       [(u)-[x1:KOPPELT]->(n) WHERE x1.koppelingId = k.id | 1] AS heen,
       [(n)-[x2:KOPPELT]->(u) WHERE x2.koppelingId = k.id | 1] AS terug
"""
APP_VAN = "MATCH (o:Organisatie {id: $o})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a) RETURN g.id AS g, a.id AS app"


async def ruw(store: Store, query: str, organisatie: str) -> list[dict[str, Any]]:
    return await store.read_text("test/invoer", query, {"o": organisatie})


async def bronrijen(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """GM0014's Gebruik and koppelingen, without what another gemeente may not import: a retired
    application (no new Gebruik of it) or a concept it does not see."""
    gebruik = [
        r
        for r in await ruw(store, GEBRUIK_RUW, BRON)
        if r["appStatus"] != "TERUGGETROKKEN" and not r["concept"]
    ]
    ids = {r["g"]["id"] for r in gebruik}
    koppelingen = [
        r for r in await ruw(store, KOPPELING_RUW, BRON)
        if r["van"] in ids and (not r["naarGebruik"] or r["naar"] in ids) and all(v in ids for v in r["via"])
    ]  # fmt: skip
    return sorted(gebruik, key=lambda r: r["g"]["id"]), sorted(koppelingen, key=lambda r: r["k"]["id"])


def label(waarden: dict[str, str], key: str | None) -> str:
    return "" if key is None else waarden[key]


def pakketregels(gebruik: list[dict[str, Any]]) -> list[list[str]]:
    return [
        [
            r["g"]["id"], r["app"], r["naam"], (r["lev"] or [""])[0], (r["versies"] or [""])[0],
            label(keuzes.GEBRUIK_STATUS, r["g"]["status"]),
            *(r["g"].get(d) or "" for d in DATUMS),
            label(keuzes.HOSTINGMODEL, r["g"].get("hosting")), r["g"].get("contractEinde") or "",
            ", ".join(sorted(r["comps"])), r["g"].get("notities") or "", "genegeerd",
        ]
        for r in gebruik
    ]  # fmt: skip


def koppelregels(koppelingen: list[dict[str, Any]]) -> list[list[str]]:
    return [
        [
            r["k"]["id"], r["van"], r["naar"] if r["naarGebruik"] else "", "" if r["naarGebruik"] else r["naarGemma"],
            label(keuzes.KOPPELING_TYPE, r["k"]["type"]), label(keuzes.KOPPELING_RICHTING, r["k"]["richting"]),
            label(keuzes.KOPPELING_STATUS, r["k"]["status"]), ", ".join(sorted(r["std"])),
            (r["via"] or [""])[0], r["k"].get("beschrijving") or "",
        ]
        for r in koppelingen
    ]  # fmt: skip


def csv_tekst(kop: tuple[str, ...], rijen: list[list[str]], scheiding: str = ";") -> bytes:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=scheiding, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    schrijver.writerow(kop)
    schrijver.writerows(rijen)
    return ("\ufeff" + buffer.getvalue()).encode()


def csv_zip(pakket: list[list[str]], koppel: list[list[str]] | None = None, **bestanden: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("pakketoverzicht.csv", csv_tekst(PAKKET, pakket))
        if koppel is not None:
            archief.writestr("koppelingen.csv", csv_tekst(KOPPEL, koppel))
        for naam, data in bestanden.items():
            archief.writestr(naam, data)
    return buffer.getvalue()


def xlsx(pakket: list[list[str]], koppel: list[list[str]]) -> bytes:
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "Pakketoverzicht"
    for rij in [list(PAKKET), *pakket]:
        blad.append(rij)
    blad = boek.create_sheet("Koppelingen")
    for rij in [list(KOPPEL), *koppel]:
        blad.append(rij)
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()


def verwacht(gebruik: list[dict[str, Any]], koppelingen: list[dict[str, Any]]) -> tuple[set, set]:
    """What a landscape of these rows is, named by application: ids differ per organisation."""
    app = {r["g"]["id"]: r["app"] for r in gebruik}
    g = {
        (r["app"], r["g"]["status"], *(r["g"].get(d) for d in DATUMS), r["g"].get("hosting"),
         r["g"].get("contractEinde"), r["g"].get("notities"), tuple(sorted(r["versieIds"])),
         tuple(sorted(r["compIds"])))
        for r in gebruik
    }  # fmt: skip
    k = {
        (app[r["van"]], app[r["naar"]] if r["naarGebruik"] else r["naar"], r["k"]["type"], r["k"]["richting"],
         r["k"]["status"], r["k"].get("beschrijving"), tuple(app[v] for v in r["via"]), tuple(sorted(r["stdIds"])),
         bool(r["heen"]), bool(r["terug"]))
        for r in koppelingen
    }  # fmt: skip
    return g, k


async def landschap(store: Store, organisatie: str) -> tuple[set, set]:
    gebruik = await ruw(store, GEBRUIK_RUW, organisatie)
    return verwacht(gebruik, await ruw(store, KOPPELING_RUW, organisatie))


def importeer(
    client: Any, token: str | None, body: bytes, media: str = ZIP, organisatie: str = DOEL, **query: str
):
    headers = {"content-type": media}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    params = {"proefrun": "false", **query}
    return client.post(f"/import/landschap/{organisatie}", content=body, headers=headers, params=params)


def rapport(response: Any, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    return response.json()["data"]["import"]


def uitkomsten(verslag: dict[str, Any]) -> list[str]:
    return [r["uitkomst"] for r in verslag["gebruik"] + verslag["koppelingen"]]


def code(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    return response.json()["errors"][0]["extensions"]["code"]


async def stroom(backend: Backend, *, alles: bool) -> None:
    """Create a landscape from a file, import it again (nothing changes), change a row; with
    `alles` also Excel, the role matrix and a landscape changed between dry run and apply."""
    store = backend.store
    gebruik, koppelingen = await bronrijen(store)
    assert gebruik and koppelingen
    pakket, koppel = pakketregels(gebruik), koppelregels(koppelingen)
    bestand = csv_zip(pakket, koppel)
    rollen = [(DOEL, "GEBRUIK_BEHEERDER"), (ANDER, "GEBRUIK_BEHEERDER"), (DOEL, "GEBRUIK_RAADPLEGER"),
              ("lev-0001", "AANBOD_BEHEERDER"), (VNG, "FUNCTIONEEL_BEHEERDER")]  # fmt: skip
    minted = await tokens(backend, *rollen)
    beheerder = minted[(DOEL, "GEBRUIK_BEHEERDER")]
    with serve(backend) as client:
        voor = await stand(store)
        proef = rapport(importeer(client, beheerder, bestand, proefrun="true"))
        assert proef["aantallen"]["gebruik"]["AANMAKEN"] == len(gebruik)
        assert proef["aantallen"]["koppelingen"]["AANMAKEN"] == len(koppelingen)
        assert proef["fouten"] == [] and not proef["toegepast"]
        assert not await verschil(store, voor), "a dry run writes nothing"

        gedaan = rapport(importeer(client, beheerder, bestand))
        assert gedaan["toegepast"] and set(uitkomsten(gedaan)) == {"AANMAKEN"}
        assert gedaan["wijzigingen"] == len(gebruik) + len(koppelingen)
        assert await landschap(store, DOEL) == verwacht(gebruik, koppelingen)

        na = await stand(store)
        opnieuw = rapport(importeer(client, beheerder, bestand))
        assert set(uitkomsten(opnieuw)) == {"ONGEWIJZIGD"} and opnieuw["wijzigingen"] == 0
        assert not await verschil(store, na), "the same file again changes nothing"

        # One row moves on and gets a note; the rest stays as it is.
        eerste = next(r for r in gebruik if r["g"]["status"] in ("VERWERVING", "GEPLAND", "IN_PRODUCTIE"))
        statussen = list(keuzes.GEBRUIK_STATUS)
        volgende = statussen[statussen.index(eerste["g"]["status"]) + 1]
        eerste["g"] = {**eerste["g"], "status": volgende, "notities": "=geen formule"}
        pakket = pakketregels(gebruik)
        pakket[gebruik.index(eerste)][14] = "'=geen formule"  # the export's guard, stripped
        gewijzigd = rapport(importeer(client, beheerder, csv_zip(pakket, koppel)))
        [regel] = [r for r in gewijzigd["gebruik"] if r["uitkomst"] == "WIJZIGEN"]
        velden = {v["veld"]: v["naar"] for v in regel["velden"]}
        assert velden == {"status": volgende, "notities": "=geen formule"}
        assert regel["plaats"] == gebruik.index(eerste) + 2  # the header is line 1
        assert await landschap(store, DOEL) == verwacht(gebruik, koppelingen)
        if not alles:
            return

        # The same landscape as Excel: nothing to do.
        als_excel = rapport(importeer(client, beheerder, xlsx(pakket, koppel), XLSX, proefrun="true"))
        assert set(uitkomsten(als_excel)) == {"ONGEWIJZIGD"}, als_excel["fouten"]

        # Who may: the landscape's writers only, refused before the file is read.
        huidig = csv_zip(pakketregels(gebruik), koppel)
        anoniem = importeer(client, None, huidig)
        assert code(anoniem, 401) == "UNAUTHENTICATED"
        assert anoniem.headers["www-authenticate"] == 'Bearer realm="graph_api"'
        for rol in rollen[1:4]:
            assert code(importeer(client, minted[rol], huidig, proefrun="true"), 403) == "FORBIDDEN", rol
        beheer = rapport(importeer(client, minted[(VNG, "FUNCTIONEEL_BEHEERDER")], huidig, proefrun="true"))
        assert set(uitkomsten(beheer)) == {"ONGEWIJZIGD"}

        # Planned, then the landscape changed: the apply that names the plan's stand is refused.
        oud = rapport(importeer(client, beheerder, huidig, proefrun="true"))["stand"]
        tweede = next(r for r in gebruik if r is not eerste)
        tweede["g"] = {**tweede["g"], "notities": "tussendoor"}
        rapport(importeer(client, beheerder, csv_zip(pakketregels(gebruik), koppel)))
        stil = await stand(store)
        assert code(importeer(client, beheerder, huidig, stand=oud), 409) == "LANDSCAPE_CHANGED"
        assert not await verschil(store, stil)

    # A write between reading the landscape and applying: the statement's own check leaves no row
    # (not one row of 0 changes, which would report the import applied) and writes nothing.
    lijsten = ("applicaties", "versies", "gebruikNieuw", "gebruikGewijzigd", "versieWeg", "versieBij",
               "componentWeg", "componentBij", "koppelingNieuw", "koppelingGewijzigd", "koppeltWeg",
               "koppeltBij", "viaWeg", "viaBij", "volgensWeg", "volgensBij")  # fmt: skip
    verouderd = {
        **{lijst: [] for lijst in lijsten}, "organisatie": DOEL, "stand": ["verdwenen@1"],
        "wijzigingen": [{"objectId": "verdwenen", "label": "Gebruik"}],
        "zicht": {"beheer": True, "wijzigbaar": []},
    }  # fmt: skip
    assert await store.write("invoer/toepassen", verouderd) == []
    assert not await verschil(store, stil)


async def test_import_creates_then_changes_nothing(own_graph: Backend) -> None:
    await stroom(own_graph, alles=True)


@pytest.mark.parametrize("engine_name", ["neo4j"], indirect=True, scope="session")
async def test_import_on_neo4j(own_graph: Backend) -> None:
    """The flow on Neo4j, through its own statement (cypher/invoer/toepassen.neo4j.cypher), the
    landscape changed between dry run and apply included: that statement's check, not the
    portable one's, must refuse it."""
    await stroom(own_graph, alles=True)


async def test_broken_imports_are_reported_and_write_nothing(own_graph: Backend, tmp_path: Path) -> None:
    store = own_graph.store
    gebruik, koppelingen = await bronrijen(store)
    # A small file: the two ends of a koppeling and three more Gebruik, the koppelingen among them.
    eerste = next(k for k in koppelingen if k["naarGebruik"] and not k["via"])
    kern = {eerste["van"], eerste["naar"]}
    gebruik = [g for g in gebruik if g["g"]["id"] in kern] + [g for g in gebruik if g["g"]["id"] not in kern][
        :3
    ]
    ids = {g["g"]["id"] for g in gebruik}
    koppelingen = [
        k for k in koppelingen if {k["van"], *k["via"], k["naar"] if k["naarGebruik"] else k["van"]} <= ids
    ]
    pakket, koppel = pakketregels(gebruik), koppelregels(koppelingen)
    [token] = (await tokens(own_graph, (DOEL, "GEBRUIK_BEHEERDER"))).values()
    klein = replace(own_graph, settings=replace(own_graph.settings, invoer=Grenzen(max_bytes=200_000)))
    voor = await stand(store)
    with serve(klein) as client:

        def fouten(body: bytes, media: str = ZIP) -> list[tuple[Any, ...]]:
            response = importeer(client, token, body, media)
            assert code(response, 422) == "IMPORT_INVALID"
            verslag = response.json()["data"]["import"]
            assert not verslag["toegepast"]
            return [(f["tabel"], f["plaats"], f["kolom"], f["code"]) for f in verslag["fouten"]]

        komma = csv_tekst(PAKKET, pakket, scheiding=",")
        assert fouten(komma, "text/csv") == [("Pakketoverzicht", 1, None, "WRONG_DELIMITER")]

        zonder = [
            [c for i, c in enumerate(rij) if PAKKET[i] != "Gebruik status"] for rij in [list(PAKKET), *pakket]
        ]
        kop = tuple(zonder[0])
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerows(zonder)
        assert fouten(buffer.getvalue().encode(), "text/csv") == [
            ("Pakketoverzicht", 1, "Gebruik status", "MISSING_COLUMN")
        ], kop

        onbekend = [rij[:] for rij in pakket]
        onbekend[1][13] = "00000000-0000-0000-0000-000000000000"
        gevonden = fouten(csv_zip(onbekend, koppel))
        assert gevonden[0] == ("Pakketoverzicht", 3, "Referentiecomponenten", "UNKNOWN_REFERENTIECOMPONENT")
        # The koppelingen of that row cannot be planned either: each names the row in error.
        van_rij = {i + 2 for i, k in enumerate(koppel) if onbekend[1][0] in (k[1], k[2], k[8])}
        assert all(f[0] == "Koppelingen" and f[3] == "UNKNOWN_GEBRUIK" for f in gevonden[1:])
        assert {f[1] for f in gevonden[1:]} == van_rij

        dubbel = [rij[:] for rij in pakket]
        dubbel[2][0] = dubbel[0][0]
        gevonden = fouten(csv_zip(dubbel))
        assert ("Pakketoverzicht", 4, "Gebruik ID", "DUPLICATE_ID") in gevonden

        weg = [rij for rij in pakket if rij[0] != koppel[0][1]]
        assert ("Koppelingen", 2, "Van Gebruik ID", "UNKNOWN_GEBRUIK") in fouten(csv_zip(weg, koppel))

        bom = io.BytesIO()
        with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as archief:
            archief.writestr("pakketoverzicht.csv", b"\0" * 60_000_000)
        response = importeer(client, token, bom.getvalue())
        assert code(response, 413) == "ZIP_BOMB"

        groot = csv_tekst(PAKKET, pakket * 400)
        assert len(groot) > 200_000
        assert code(importeer(client, token, groot, "text/csv"), 413) == "IMPORT_TOO_LARGE"

    # The CLI, as its own process, in the name of the gemeente's gebruik-beheerder.
    bestand = tmp_path / "landschap.zip"
    bestand.write_bytes(csv_zip(pakket, koppel))
    als = ("--als", dev_subject(DOEL, "GEBRUIK_BEHEERDER"))
    proef = cli(own_graph, DOEL, str(bestand), *als, "--proefrun", "--json")
    assert proef.returncode == 0, proef.stderr
    verslag = json.loads(proef.stdout)
    assert verslag["aantallen"]["gebruik"]["AANMAKEN"] == len(pakket) and not verslag["toegepast"]
    bestand.write_bytes(csv_zip(onbekend, koppel))
    fout = cli(own_graph, DOEL, str(bestand), *als)
    assert fout.returncode == 2 and "error IMPORT_INVALID" in fout.stderr, fout.stderr
    assert "UNKNOWN_REFERENTIECOMPONENT" in fout.stdout
    niemand = cli(own_graph, DOEL, str(bestand), "--als", "dev:niemand")
    assert niemand.returncode == 2 and "UNKNOWN_GEBRUIKER" in niemand.stderr, niemand.stderr
    assert not await verschil(store, voor), "no broken import writes anything"


def cli(backend: Backend, *args: str) -> subprocess.CompletedProcess:
    return run_cli("import", "landschap", *args, env=backend.cli_env(), timeout=120)


def tabellen(inhoud: bytes, formaat: str) -> dict[str, list[dict[str, Any]]]:
    """An export's two tables as rows by column name, every cell as text."""
    if formaat == "csv":
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            return {
                naam: list(
                    csv.DictReader(
                        io.StringIO(archief.read(f"{naam}.csv").decode("utf-8-sig")), delimiter=";"
                    )
                )
                for naam in ("pakketoverzicht", "koppelingen")
            }
    boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True)
    uit = {}
    for naam in ("pakketoverzicht", "koppelingen"):
        [kop, *rijen] = list(boek[naam].iter_rows(values_only=True))
        uit[naam] = [{k: "" if v is None else str(v) for k, v in zip_longest(kop, rij)} for rij in rijen]
    return uit


def zonder_identiteit(tabel: dict[str, list[dict[str, Any]]]) -> dict[str, list[tuple]]:
    """The tables with the organisation's own ids replaced by what they name: a Gebruik by its
    application, a koppeling by its ends; rows in a canonical order."""
    app = {r["Gebruik ID"]: r["Pakket ID"] for r in tabel["pakketoverzicht"]}
    gebruik = sorted(
        tuple(sorted({**r, "Gebruik ID": app[r["Gebruik ID"]]}.items())) for r in tabel["pakketoverzicht"]
    )
    koppelingen = sorted(
        tuple(sorted({
            **r, "Koppeling ID": "",
            **{k: app.get(r[k], r[k]) for k in ("Van Gebruik ID", "Naar Gebruik ID", "Via Gebruik ID")},
        }.items()))
        for r in tabel["koppelingen"]
    )  # fmt: skip
    return {"pakketoverzicht": gebruik, "koppelingen": koppelingen}


async def test_round_trip_per_format(own_graph: Backend) -> None:
    """Export GM0014's landscape, import it into a gemeente without one, export that: the two
    files hold the same tables but for the organisation's own ids (issue 20, point 4)."""
    doelen = {"csv": DOEL, "xlsx": ANDER}
    minted = await tokens(
        own_graph, (BRON, "GEBRUIK_BEHEERDER"), *((d, "GEBRUIK_BEHEERDER") for d in doelen.values())
    )
    with serve(own_graph) as client:

        def export(organisatie: str, formaat: str) -> bytes:
            token = minted[(organisatie, "GEBRUIK_BEHEERDER")]
            response = client.get(
                f"/export/landschap/{organisatie}", params={"formaat": formaat},
                headers={"authorization": f"Bearer {token}"},
            )  # fmt: skip
            assert response.status_code == 200, response.text
            return response.content

        for formaat, doel in doelen.items():
            eerste = export(BRON, formaat)
            media = ZIP if formaat == "csv" else XLSX
            gedaan = rapport(importeer(client, minted[(doel, "GEBRUIK_BEHEERDER")], eerste, media, doel))
            assert gedaan["toegepast"] and gedaan["fouten"] == [], gedaan["fouten"][:5]
            tweede = export(doel, formaat)
            assert zonder_identiteit(tabellen(tweede, formaat)) == zonder_identiteit(
                tabellen(eerste, formaat)
            ), formaat
            opnieuw = rapport(importeer(client, minted[(doel, "GEBRUIK_BEHEERDER")], tweede, media, doel))
            assert set(uitkomsten(opnieuw)) == {"ONGEWIJZIGD"}, formaat
