"""A real S3 API for the file store tests: moto's server, over HTTP on a port of its own,
with a bucket made through boto3 as an operator would."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import boto3
import pytest
from moto.server import ThreadedMotoServer

from graph_api.settings.etalage import S3Settings

BUCKET = "etalage-test"
_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "eu-west-1",
}


@dataclass(frozen=True)
class S3Server:
    endpoint: str
    client: object  # a boto3 client of the test's own, to look at the bucket independently

    def settings(self, prefix: str) -> S3Settings:
        return S3Settings(
            bucket=BUCKET, endpoint_url=self.endpoint, region="eu-west-1", prefix=prefix, path_style=True
        )

    def keys(self, prefix: str) -> list[str]:
        answer = self.client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)  # type: ignore[attr-defined]
        return sorted(item["Key"] for item in answer.get("Contents", []))


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    saved = {name: os.environ.get(name) for name in _CREDENTIALS}
    os.environ.update(_CREDENTIALS)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        yield S3Server(endpoint, client)
    finally:
        server.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
