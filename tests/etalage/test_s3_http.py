"""The etalage on S3 end to end, through HTTP: an upload lands in the bucket under the prefix,
is served from there, and goes with its item; a refused upload leaves the bucket as it was."""

from __future__ import annotations

import hashlib
import uuid
import warnings
from dataclasses import replace

from graph_api.app import create_app
from graph_api.settings.etalage import EtalageSettings
from tests.backends import Backend
from tests.etalage.conftest import S3Server
from tests.graphql.conftest import Api
from tests.graphql.test_etalage import PNG, VERWIJDER, feiten, items_van, upload
from tests.graphql.test_gebruik_mutaties import data, tokens

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient


async def test_an_upload_lives_in_the_bucket_until_its_item_goes(
    own_graph: Backend, s3_server: S3Server
) -> None:
    prefix = f"http-{uuid.uuid4().hex[:8]}/"
    etalage = EtalageSettings(store="s3", s3=s3_server.settings(prefix))
    f = await feiten(own_graph)
    with TestClient(
        create_app(replace(own_graph.settings, etalage=etalage), engine=own_graph.engine)
    ) as client:
        eigen = (await tokens(own_graph, (f["leverancier"], "AANBOD_BEHEERDER")))[
            (f["leverancier"], "AANBOD_BEHEERDER")
        ]

        geweigerd = upload(client, eigen, f["app"], b"\x89PNG\r\n\x1a\n niet meer")
        assert geweigerd.json()["errors"][0]["extensions"]["code"] == "NOT_AN_IMAGE"
        assert s3_server.keys(prefix) == []

        antwoord = upload(client, eigen, f["app"], PNG)
        assert antwoord.status_code == 201, antwoord.json()
        item = antwoord.json()["data"]["etalageItem"]
        [rauw] = await items_van(own_graph, f["app"])
        assert s3_server.keys(prefix) == [prefix + rauw["bestand"]]
        stored = s3_server.client.get_object(Bucket="etalage-test", Key=prefix + rauw["bestand"])  # type: ignore[attr-defined]
        assert stored["Body"].read() == PNG and stored["ContentType"] == "image/png"

        served = client.get(item["bestand"]["adres"])
        assert served.status_code == 200 and served.content == PNG
        assert served.headers["etag"] == f'"{hashlib.sha256(PNG).hexdigest()}"'

        data(Api(client, eigen).post(VERWIJDER, {"input": {"item": item["id"], "verwachteVersie": 1}}))
        assert s3_server.keys(prefix) == []
        assert client.get(item["bestand"]["adres"]).status_code == 404
