"""The etalage (issue 18, F004) through HTTP, in a graph of the test's own on each engine, its
files in a directory of the test's own: uploads (multipart POST), the items on the Applicatie
type, serving with its headers and 304, the link, title and removal mutations; every refusal of
the role matrix, every refused file, and the graph and the file store unchanged after them.

Expected answers come from raw reads of the graph and from the bytes the test uploads.
"""

from __future__ import annotations

import base64
import hashlib
import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from PIL import Image

from graph_api.app import create_app
from graph_api.settings.etalage import EtalageSettings
from tests.backends import Backend
from tests.graafdump import stand, verschil
from tests.graphql.conftest import VNG, Api
from tests.graphql.test_gebruik_mutaties import data, fout, tokens
from tests.graphql.test_gebruik_mutaties import wijzigingen as _wijzigingen

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

GEMEENTE = "GM0014"
MAX_BYTES = 40_000
MAX_PIXELS = 1_000_000

ETALAGE = """
query($a: String!) { applicatie(identificatie: $a) { etalage {
  id identificatie soort titel url versienummer bestand { adres contentType grootte sha256 }
  applicatie { identificatie } } } }"""
LINK = """
mutation($input: VoegEtalagelinkToeInput!) { voegEtalagelinkToe(input: $input) {
  etalageItem { identificatie soort titel url versienummer bestand { adres } } } }"""
WIJZIG = """
mutation($input: WijzigEtalageItemInput!) { wijzigEtalageItem(input: $input) {
  etalageItem { identificatie titel versienummer } } }"""
VERWIJDER = """
mutation($input: VerwijderEtalageItemInput!) { verwijderEtalageItem(input: $input) { verwijderdId } }"""


def afbeelding(formaat: str, grootte: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", grootte, (200, 30, 90)).save(buffer, formaat)
    return buffer.getvalue()


PNG = afbeelding("PNG")
JPEG = afbeelding("JPEG")
WEBP = afbeelding("WEBP")
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@contextmanager
def serve(backend: Backend, bestanden: Path) -> Iterator[TestClient]:
    etalage = EtalageSettings(directory=bestanden, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS)
    with TestClient(create_app(replace(backend.settings, etalage=etalage), engine=backend.engine)) as client:
        yield client


def upload(
    client: TestClient,
    token: str | None,
    applicatie: str,
    inhoud: bytes,
    *,
    soort: str = "SCREENSHOT",
    titel: str | None = "Het dashboard",
    naam: str = "scherm.png",
    type: str = "image/png",
    sleutel: str | None = None,
) -> Any:
    velden = {"soort": soort}
    if titel is not None:
        velden["titel"] = titel
    if sleutel is not None:
        velden["idempotencyKey"] = sleutel
    headers = {} if token is None else {"authorization": f"Bearer {token}"}
    return client.post(
        f"/etalage/applicaties/{applicatie}",
        data=velden,
        files={"bestand": (naam, inhoud, type)},
        headers=headers,
    )


def bestanden(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


async def raw(backend: Backend, name: str, cypher: str, params: dict[str, Any] | None = None) -> list[dict]:
    return await backend.store.read_text(f"test/{name}", cypher, params or {})


async def feiten(backend: Backend) -> dict[str, str]:
    """Two leveranciers that offer published applications, one of each, from the raw graph."""
    rows = await raw(
        backend,
        "aanbod",
        "MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie) WHERE a.gemeldDoor IS NULL "
        "RETURN l.id AS l, min(a.id) AS a ORDER BY l LIMIT 2",
    )
    (eigen, app), (ander, andere_app) = ((r["l"], r["a"]) for r in rows)
    return {"leverancier": eigen, "app": app, "andere_leverancier": ander, "andere_app": andere_app}


async def items_van(backend: Backend, applicatie: str) -> list[dict[str, Any]]:
    return [
        r["e"]
        for r in await raw(
            backend,
            "items",
            "MATCH (e:EtalageItem)-[:TOONT]->(:Applicatie {id: $a}) RETURN e {.*} AS e ORDER BY e.aangemaaktOp, e.id",
            {"a": applicatie},
        )
    ]


async def wijzigingen(backend: Backend, object_id: str) -> list[dict[str, Any]]:
    return [row["w"] for row in await _wijzigingen(backend.store, object_id)]


def _global(kind: str, key: str) -> str:
    return base64.b64encode(f"{kind}:{key}".encode()).decode()


async def test_an_aanbod_beheerder_fills_the_etalage_and_everyone_sees_it(
    own_graph: Backend, tmp_path: Path
) -> None:
    f = await feiten(own_graph)
    root = tmp_path / "etalage"
    with serve(own_graph, root) as client:
        minted = await tokens(
            own_graph,
            (f["leverancier"], "AANBOD_BEHEERDER"),
            (VNG, "FUNCTIONEEL_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
        )
        eigen = minted[(f["leverancier"], "AANBOD_BEHEERDER")]
        beheer = minted[(VNG, "FUNCTIONEEL_BEHEERDER")]
        bezoeker = Api(client)

        # Uploads: a screenshot in each image type and a case study as a PDF, by global id too.
        antwoorden = [
            upload(client, eigen, f["app"], PNG, titel="  Het dashboard  "),
            upload(
                client,
                eigen,
                _global("Applicatie", f["app"]),
                JPEG,
                naam="foto.jpeg",
                type="image/jpeg",
                titel="Foto",
            ),
            # The declared type and name are not trusted: the content decides.
            upload(client, eigen, f["app"], WEBP, naam="plaatje.png", type="image/png", titel="WebP"),
            upload(
                client,
                eigen,
                f["app"],
                PDF,
                soort="CASE_STUDY",
                naam="case.pdf",
                type="application/pdf",
                titel="Case",
            ),
        ]
        for antwoord in antwoorden:
            assert antwoord.status_code == 201, antwoord.json()
        geupload = [a.json()["data"]["etalageItem"] for a in antwoorden]
        for item, inhoud, content_type in zip(
            geupload,
            (PNG, JPEG, WEBP, PDF),
            ("image/png", "image/jpeg", "image/webp", "application/pdf"),
            strict=True,
        ):
            assert item["bestand"]["sha256"] == hashlib.sha256(inhoud).hexdigest()
            assert item["bestand"]["grootte"] == len(inhoud)
            assert item["bestand"]["contentType"] == content_type
            assert item["versienummer"] == 1
        assert antwoorden[0].headers["location"] == geupload[0]["bestand"]["adres"]
        assert geupload[0]["titel"] == "Het dashboard"

        # A link, by mutation.
        link = data(Api(client, eigen).post(LINK, {"input": {
            "applicatie": f["app"], "soort": "DEMO", "titel": "Probeer het", "url": "https://demo.example.nl/start?x=1",
        }}))["voegEtalagelinkToe"]["etalageItem"]  # fmt: skip
        assert (
            link["soort"] == "DEMO"
            and link["url"] == "https://demo.example.nl/start?x=1"
            and link["bestand"] is None
        )

        # The graph holds what was uploaded, in this order; every file is in the store under its key.
        rauw = await items_van(own_graph, f["app"])
        assert [r["titel"] for r in rauw] == ["Het dashboard", "Foto", "WebP", "Case", "Probeer het"]
        assert [r["sha256"] for r in rauw[:4]] == [
            hashlib.sha256(b).hexdigest() for b in (PNG, JPEG, WEBP, PDF)
        ]
        assert bestanden(root) == {
            r["bestand"]: b for r, b in zip(rauw[:4], (PNG, JPEG, WEBP, PDF), strict=True)
        }
        for r in rauw:
            [record] = await wijzigingen(own_graph, r["id"])
            assert (record["operatie"], record["organisatie"], record["actorOrganisatie"]) == (
                "AANGEMAAKT", f["leverancier"], f["leverancier"],
            )  # fmt: skip

        # Everyone sees the etalage of a published application, as the graph holds it.
        lijst = data(bezoeker.post(ETALAGE, {"a": f["app"]}))["applicatie"]["etalage"]
        assert [i["identificatie"] for i in lijst] == [r["id"] for r in rauw]
        assert [i["titel"] for i in lijst] == [r["titel"] for r in rauw]
        assert {i["applicatie"]["identificatie"] for i in lijst} == {f["app"]}
        assert lijst[:4] == [{**g, "applicatie": {"identificatie": f["app"]}} for g in geupload]
        knoop = data(bezoeker.post("query($id: ID!) { node(id: $id) { ... on EtalageItem { titel } } }",
                                   {"id": lijst[0]["id"]}))["node"]  # fmt: skip
        assert knoop == {"titel": "Het dashboard"}

        # Serving: the bytes, their type and length, an ETag, caching, and no sniffing.
        png = client.get(lijst[0]["bestand"]["adres"])
        assert png.status_code == 200 and png.content == PNG
        etag = f'"{hashlib.sha256(PNG).hexdigest()}"'
        assert png.headers["content-type"] == "image/png"
        assert png.headers["content-length"] == str(len(PNG))
        assert png.headers["etag"] == etag
        assert png.headers["cache-control"] == "public, max-age=86400, immutable"
        assert png.headers["x-content-type-options"] == "nosniff"
        assert png.headers["content-security-policy"].startswith("default-src 'none'")
        assert png.headers["content-disposition"] == f'inline; filename="{lijst[0]["identificatie"]}.png"'
        pdf = client.get(lijst[3]["bestand"]["adres"])
        assert pdf.content == PDF and pdf.headers["content-type"] == "application/pdf"
        assert pdf.headers["content-disposition"] == f'attachment; filename="{lijst[3]["identificatie"]}.pdf"'
        for header in (etag, f"W/{etag}", f'"andere", {etag}', "*"):
            niet_gewijzigd = client.get(lijst[0]["bestand"]["adres"], headers={"if-none-match": header})
            assert niet_gewijzigd.status_code == 304 and niet_gewijzigd.content == b""
            assert niet_gewijzigd.headers["etag"] == etag
        assert (
            client.get(lijst[0]["bestand"]["adres"], headers={"if-none-match": '"anders"'}).status_code == 200
        )
        assert client.head(lijst[0]["bestand"]["adres"]).headers["content-length"] == str(len(PNG))
        assert (
            client.get(f"/etalage/bestanden/{link['identificatie']}").status_code == 404
        )  # a link has no file

        # A title changed, at the versie read; a stale versie is a conflict.
        eigen_api = Api(client, eigen)
        gewijzigd = data(eigen_api.post(WIJZIG, {"input": {
            "item": lijst[1]["id"], "verwachteVersie": 1, "titel": "Foto van het scherm"}}))  # fmt: skip
        assert gewijzigd["wijzigEtalageItem"]["etalageItem"] == {
            "identificatie": lijst[1]["identificatie"], "titel": "Foto van het scherm", "versienummer": 2,
        }  # fmt: skip
        conflict = fout(
            eigen_api.post(WIJZIG, {"input": {"item": lijst[1]["id"], "verwachteVersie": 1, "titel": "x"}})
        )
        assert conflict["code"] == "VERSION_CONFLICT" and conflict["huidigeVersie"] == 2
        records = await wijzigingen(own_graph, lijst[1]["identificatie"])
        assert [r["operatie"] for r in records] == ["AANGEMAAKT", "GEWIJZIGD"]
        assert (records[1]["voor"], records[1]["na"]) == (
            '{"titel": "Foto"}',
            '{"titel": "Foto van het scherm"}',
        )

        # Sent again with the same idempotencyKey: the same item, nothing written again.
        eerste = upload(client, eigen, f["app"], PNG, titel="Nog een", sleutel="upload-1")
        tweede = upload(client, eigen, f["app"], PNG, titel="Nog een", sleutel="upload-1")
        assert (eerste.status_code, tweede.status_code) == (201, 200)
        assert eerste.json() == tweede.json()
        anders = upload(
            client,
            eigen,
            f["app"],
            JPEG,
            naam="x.jpg",
            type="image/jpeg",
            titel="Nog een",
            sleutel="upload-1",
        )
        assert anders.json()["errors"][0]["extensions"]["code"] == "IDEMPOTENCY_KEY_REUSED"
        assert len(await items_van(own_graph, f["app"])) == 6
        assert len(bestanden(root)) == 5

        # Removed: the item, its file, its address; recorded; a repeat answers the same.
        verwijder = {"input": {"item": lijst[0]["id"], "verwachteVersie": 1, "idempotencyKey": "weg-1"}}
        assert (
            data(eigen_api.post(VERWIJDER, verwijder))["verwijderEtalageItem"]["verwijderdId"]
            == lijst[0]["identificatie"]
        )
        assert (
            data(eigen_api.post(VERWIJDER, verwijder))["verwijderEtalageItem"]["verwijderdId"]
            == lijst[0]["identificatie"]
        )
        assert rauw[0]["bestand"] not in bestanden(root) and len(bestanden(root)) == 4
        assert client.get(lijst[0]["bestand"]["adres"]).status_code == 404
        assert lijst[0]["identificatie"] not in [r["id"] for r in await items_van(own_graph, f["app"])]
        assert [r["operatie"] for r in await wijzigingen(own_graph, lijst[0]["identificatie"])] == [
            "AANGEMAAKT", "VERWIJDERD",
        ]  # fmt: skip
        # The upload sent again after its item was removed: nothing written, the item is gone.
        nog_een = eerste.json()["data"]["etalageItem"]
        data(eigen_api.post(VERWIJDER, {"input": {"item": nog_een["id"], "verwachteVersie": 1}}))
        weg = upload(client, eigen, f["app"], PNG, titel="Nog een", sleutel="upload-1")
        assert (weg.status_code, weg.json()["errors"][0]["extensions"]["code"]) == (404, "NOT_FOUND")
        assert len(bestanden(root)) == 3
        # A link goes the same way, with no file to delete.
        data(eigen_api.post(VERWIJDER, {"input": {"item": link["identificatie"], "verwachteVersie": 1}}))
        assert len(bestanden(root)) == 3

        # A concept's etalage: only for who sees the concept (the gemeente that reported it and
        # functioneel beheer), its files private to them.
        gemeld = data(Api(client, minted[(GEMEENTE, "GEBRUIK_BEHEERDER")]).post(
            "mutation($input: MeldOntbrekendeSoftwareInput!) { meldOntbrekendeSoftware(input: $input) {"
            " applicatie { identificatie } } }",
            {"input": {"organisatie": GEMEENTE, "naam": "Qwzrt Etalage", "leverancier": f["leverancier"]}},
        ))["meldOntbrekendeSoftware"]["applicatie"]["identificatie"]  # fmt: skip
        # The leverancier does not see a concept a gemeente reported: as if it did not exist.
        onbekend = upload(client, eigen, gemeld, PNG)
        assert (
            onbekend.status_code == 404 and onbekend.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        )
        concept = upload(client, beheer, gemeld, PNG, titel="Concept")
        assert concept.status_code == 201
        adres = concept.json()["data"]["etalageItem"]["bestand"]["adres"]
        assert data(bezoeker.post(ETALAGE, {"a": gemeld}))["applicatie"] is None
        assert client.get(adres).status_code == 404
        assert client.get(adres, headers={"authorization": f"Bearer {eigen}"}).status_code == 404
        for token in (beheer, minted[(GEMEENTE, "GEBRUIK_RAADPLEGER")]):
            gezien = client.get(adres, headers={"authorization": f"Bearer {token}"})
            assert gezien.status_code == 200 and gezien.content == PNG
            assert gezien.headers["cache-control"] == "private, max-age=86400, immutable"
            assert len(data(Api(client, token).post(ETALAGE, {"a": gemeld}))["applicatie"]["etalage"]) == 1


async def test_every_refused_upload_and_write_leaves_graph_and_store_as_they_were(
    own_graph: Backend, tmp_path: Path
) -> None:
    f = await feiten(own_graph)
    root = tmp_path / "etalage"
    with serve(own_graph, root) as client:
        minted = await tokens(
            own_graph,
            (f["leverancier"], "AANBOD_BEHEERDER"),
            (f["leverancier"], "ORGANISATIE_BEHEERDER"),
            (f["andere_leverancier"], "AANBOD_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_BEHEERDER"),
            (GEMEENTE, "GEBRUIK_RAADPLEGER"),
            (VNG, "VNG_RAADPLEGER"),
        )
        eigen = minted[(f["leverancier"], "AANBOD_BEHEERDER")]
        bestaand = upload(client, eigen, f["app"], PNG).json()["data"]["etalageItem"]
        before, opgeslagen = await stand(own_graph.store), bestanden(root)
        assert len(opgeslagen) == 1

        def geweigerd(antwoord: Any, status: int, code: str, argument: str | None = None) -> None:
            body = antwoord.json()
            assert antwoord.status_code == status, body
            extensions = body["errors"][0]["extensions"]
            assert extensions["code"] == code, body
            if argument is not None:
                assert extensions.get("argument") == argument, body

        # The role matrix: no upload without signing in, none without the role aanbod-beheerder
        # of the application's leverancier (a gemeente's roles, VNG's raadpleger, the
        # leverancier's own organisatie-beheerder, another leverancier's aanbod-beheerder).
        geweigerd(upload(client, None, f["app"], PNG), 401, "UNAUTHENTICATED")
        for rol in ((GEMEENTE, "GEBRUIK_BEHEERDER"), (GEMEENTE, "GEBRUIK_RAADPLEGER"), (VNG, "VNG_RAADPLEGER"),
                    (f["leverancier"], "ORGANISATIE_BEHEERDER")):  # fmt: skip
            geweigerd(upload(client, minted[rol], f["app"], PNG), 403, "FORBIDDEN")
        ander = minted[(f["andere_leverancier"], "AANBOD_BEHEERDER")]
        geweigerd(upload(client, ander, f["app"], PNG), 403, "FORBIDDEN", "input.applicatie")
        geweigerd(upload(client, eigen, "app-bestaat-niet", PNG), 404, "NOT_FOUND", "input.applicatie")
        geweigerd(upload(client, eigen, _global("Versie", "v-1"), PNG), 400, "INVALID_ID", "input.applicatie")
        geweigerd(upload(client, "geen.token", f["app"], PNG), 401, "INVALID_TOKEN")

        # Refused files, each with its code.
        groot = afbeelding("PNG", (400, 400)) + b"\0" * MAX_BYTES  # past the limit whatever PNG compresses to
        geweigerd(upload(client, eigen, f["app"], groot), 413, "FILE_TOO_LARGE", "input.bestand")
        precies = PNG + b"\0" * (MAX_BYTES + 1 - len(PNG))  # one byte past: within the form's slack
        geweigerd(upload(client, eigen, f["app"], precies), 413, "FILE_TOO_LARGE", "input.bestand")
        geweigerd(
            upload(client, eigen, f["app"], afbeelding("GIF"), naam="a.gif", type="image/gif"),
            415,
            "UNSUPPORTED_TYPE",
        )
        geweigerd(upload(client, eigen, f["app"], b"<html><script>alert(1)</script></html>", naam="a.html",
                         type="text/html"), 415, "UNSUPPORTED_TYPE", "input.bestand")  # fmt: skip
        geweigerd(upload(client, eigen, f["app"], b"geen plaatje"), 400, "NOT_AN_IMAGE", "input.bestand")
        geweigerd(upload(client, eigen, f["app"], PNG[:60]), 400, "NOT_AN_IMAGE", "input.bestand")  # cut off
        kapot = PNG[:40] + bytes(b ^ 0xFF for b in PNG[40:])
        geweigerd(upload(client, eigen, f["app"], kapot), 400, "NOT_AN_IMAGE", "input.bestand")
        geweigerd(upload(client, eigen, f["app"], afbeelding("PNG", (1200, 1000))), 400, "IMAGE_TOO_LARGE")
        geweigerd(upload(client, eigen, f["app"], b"%PDF-1.7 zonder einde", soort="CASE_STUDY", naam="c.pdf",
                         type="application/pdf"), 400, "NOT_A_PDF", "input.bestand")  # fmt: skip
        geweigerd(upload(client, eigen, f["app"], b"niets", soort="CASE_STUDY", naam="c.pdf", type="application/pdf"),
                  400, "NOT_A_PDF")  # fmt: skip
        geweigerd(
            upload(client, eigen, f["app"], PDF, naam="c.pdf", type="application/pdf"),
            415,
            "UNSUPPORTED_TYPE",
        )
        # Bad fields, each naming its field.
        geweigerd(upload(client, eigen, f["app"], PNG, soort="DEMO"), 400, "INVALID_INPUT", "input.soort")
        geweigerd(upload(client, eigen, f["app"], PNG, soort="FILM"), 400, "INVALID_INPUT", "input.soort")
        geweigerd(upload(client, eigen, f["app"], PNG, titel=None), 400, "INVALID_INPUT", "input.titel")
        geweigerd(upload(client, eigen, f["app"], PNG, titel="   "), 400, "INVALID_INPUT", "input.titel")
        geweigerd(upload(client, eigen, f["app"], PNG, titel="x" * 201), 400, "INVALID_INPUT", "input.titel")
        zonder_bestand = client.post(f"/etalage/applicaties/{f['app']}", data={"soort": "SCREENSHOT", "titel": "x"},
                                     files={"anders": ("a.txt", b"x", "text/plain")},
                                     headers={"authorization": f"Bearer {eigen}"})  # fmt: skip
        geweigerd(zonder_bestand, 400, "INVALID_INPUT", "input.bestand")
        json_body = client.post(f"/etalage/applicaties/{f['app']}", json={"titel": "x"},
                                headers={"authorization": f"Bearer {eigen}"})  # fmt: skip
        geweigerd(json_body, 415, "UNSUPPORTED_MEDIA_TYPE")

        # The mutations: the same matrix, and their own bad input.
        link = {"applicatie": f["app"], "soort": "DEMO", "titel": "Demo", "url": "https://demo.example.nl"}
        wijzig = {"item": bestaand["id"], "verwachteVersie": 1, "titel": "Anders"}
        verwijder = {"item": bestaand["id"], "verwachteVersie": 1}
        for query, input in ((LINK, link), (WIJZIG, wijzig), (VERWIJDER, verwijder)):
            assert fout(Api(client).post(query, {"input": input}))["code"] == "UNAUTHENTICATED"
            for rol in ((GEMEENTE, "GEBRUIK_BEHEERDER"), (VNG, "VNG_RAADPLEGER"), (f["leverancier"], "ORGANISATIE_BEHEERDER"),
                        (f["andere_leverancier"], "AANBOD_BEHEERDER")):  # fmt: skip
                assert fout(Api(client, minted[rol]).post(query, {"input": input}))["code"] == "FORBIDDEN", (
                    query,
                    rol,
                )
        eigen_api = Api(client, eigen)
        for input, argument in (
            ({**link, "url": "javascript:alert(1)"}, "input.url"),
            ({**link, "url": "https://"}, "input.url"),
            ({**link, "url": "https://x.nl/" + "a" * 2_000}, "input.url"),
            ({**link, "soort": "SCREENSHOT"}, "input.soort"),
            ({**link, "titel": " "}, "input.titel"),
        ):
            extensions = fout(eigen_api.post(LINK, {"input": input}))
            assert (extensions["code"], extensions.get("argument")) == ("INVALID_INPUT", argument), input
        assert (
            fout(eigen_api.post(LINK, {"input": {**link, "applicatie": "app-bestaat-niet"}}))["code"]
            == "NOT_FOUND"
        )
        assert (
            fout(eigen_api.post(LINK, {"input": {**link, "applicatie": f["andere_app"]}}))["code"]
            == "FORBIDDEN"
        )
        for query, input in ((WIJZIG, wijzig), (VERWIJDER, verwijder)):
            extensions = fout(eigen_api.post(query, {"input": {**input, "verwachteVersie": 7}}))
            assert (extensions["code"], extensions["huidigeVersie"]) == ("VERSION_CONFLICT", 1)
            extensions = fout(eigen_api.post(query, {"input": {**input, "item": "eti-bestaatniet"}}))
            assert (extensions["code"], extensions["argument"]) == ("NOT_FOUND", "input.item")
        assert fout(eigen_api.post(WIJZIG, {"input": {**wijzig, "titel": ""}}))["argument"] == "input.titel"

        # Serving what does not exist, or with a token that is refused.
        assert client.get("/etalage/bestanden/eti-bestaatniet").status_code == 404
        geweigerd(client.get(bestaand["bestand"]["adres"], headers={"authorization": "Bearer geen.token"}), 401,
                  "INVALID_TOKEN")  # fmt: skip

        assert not await verschil(own_graph.store, before)
        assert bestanden(root) == opgeslagen
