"""The file store interface, the same tests against the directory store and against S3 (a real
S3 API over HTTP, tests/etalage/conftest.py); and what the settings make of the environment."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from graph_api.errors import ConfigurationError, FileStoreUnavailable
from graph_api.etalage.opslag import CHUNK, DirectoryStore, FileMissing, FileStore, S3Store
from graph_api.settings import Settings
from graph_api.settings.etalage import EtalageSettings, S3Settings
from tests.etalage.conftest import BUCKET, S3Server


@pytest.fixture(params=["directory", "s3"])
def opslag(request: pytest.FixtureRequest, tmp_path: Path) -> FileStore:
    if request.param == "directory":
        return DirectoryStore(tmp_path / "etalage")
    server: S3Server = request.getfixturevalue("s3_server")
    return S3Store(server.settings(f"t-{uuid.uuid4().hex[:8]}/"))


async def test_a_file_put_is_got_streamed_and_deleted(opslag: FileStore) -> None:
    inhoud = os.urandom(3 * CHUNK + 17)  # several chunks, the last one short
    sleutel = "ab/eti-0123456789ab.png"
    assert not await opslag.exists(sleutel)
    await opslag.put(sleutel, inhoud, "image/png")
    assert await opslag.exists(sleutel)
    assert await opslag.get(sleutel) == inhoud
    chunks = [chunk async for chunk in opslag.stream(sleutel)]
    assert b"".join(chunks) == inhoud and len(chunks) >= 2
    await opslag.delete(sleutel)
    assert not await opslag.exists(sleutel)
    await opslag.delete(sleutel)  # gone already: nothing happens


async def test_a_missing_file_is_told_apart(opslag: FileStore) -> None:
    with pytest.raises(FileMissing):
        await opslag.get("00/eti-bestaatniet.pdf")
    with pytest.raises(FileMissing):
        await anext(opslag.stream("00/eti-bestaatniet.pdf"))


async def test_keys_are_only_what_graph_api_makes(opslag: FileStore) -> None:
    for sleutel in ("../buiten", "/absoluut", "a/../../b", "A/Hoofdletter", "a//b", "", "a/.verborgen"):
        with pytest.raises(ValueError):
            await opslag.put(sleutel, b"x", "image/png")


async def test_the_directory_store_writes_whole_files_where_the_key_says(tmp_path: Path) -> None:
    opslag = DirectoryStore(tmp_path)
    await opslag.put("cd/eti-aaaaaaaaaacd.pdf", b"%PDF-1.7 een", "application/pdf")
    await opslag.put("cd/eti-aaaaaaaaaacd.pdf", b"%PDF-1.7 twee", "application/pdf")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "cd/eti-aaaaaaaaaacd.pdf"
    ]  # no temporary file left behind
    assert (tmp_path / "cd" / "eti-aaaaaaaaaacd.pdf").read_bytes() == b"%PDF-1.7 twee"


async def test_the_s3_store_keeps_objects_under_its_prefix(s3_server: S3Server) -> None:
    prefix = f"p-{uuid.uuid4().hex[:8]}/etalage/"
    opslag = S3Store(s3_server.settings(prefix))
    await opslag.put("ef/eti-bbbbbbbbbbef.webp", b"RIFF....WEBP", "image/webp")
    assert s3_server.keys(prefix) == [prefix + "ef/eti-bbbbbbbbbbef.webp"]
    head = s3_server.client.head_object(Bucket=BUCKET, Key=prefix + "ef/eti-bbbbbbbbbbef.webp")  # type: ignore[attr-defined]
    assert head["ContentType"] == "image/webp" and head["ContentLength"] == 12
    await opslag.delete("ef/eti-bbbbbbbbbbef.webp")
    assert s3_server.keys(prefix) == []


async def test_an_s3_store_that_does_not_answer_is_unavailable(s3_server: S3Server) -> None:
    opslag = S3Store(
        S3Settings(bucket=BUCKET, endpoint_url="http://127.0.0.1:9", region="eu-west-1", path_style=True)
    )
    with pytest.raises(FileStoreUnavailable):
        await opslag.put("aa/eti-ccccccccccaa.png", b"x", "image/png")


def test_the_settings_read_the_store_from_the_environment(tmp_path: Path) -> None:
    default = Settings.from_env({"GRAPH_API_DATA_DIR": str(tmp_path)})
    assert default.etalage.store == "directory" and default.etalage.max_bytes == 5 * 1024 * 1024
    s3 = Settings.from_env(
        {
            "GRAPH_API_ETALAGE_STORE": "s3",
            "GRAPH_API_S3_BUCKET": "verkoop",
            "GRAPH_API_S3_ENDPOINT_URL": "https://s3.example.nl",
            "GRAPH_API_S3_PREFIX": "etalage",
            "GRAPH_API_S3_PATH_STYLE": "true",
            "GRAPH_API_ETALAGE_MAX_BYTES": "1000",
        }
    ).etalage
    assert s3.s3 == S3Settings("verkoop", "https://s3.example.nl", None, "etalage/", True)
    assert s3.max_bytes == 1000
    with pytest.raises(ConfigurationError, match="GRAPH_API_S3_BUCKET"):
        EtalageSettings.from_env({"GRAPH_API_ETALAGE_STORE": "s3"})
    with pytest.raises(ConfigurationError, match="one of directory, s3"):
        EtalageSettings.from_env({"GRAPH_API_ETALAGE_STORE": "ftp"})
