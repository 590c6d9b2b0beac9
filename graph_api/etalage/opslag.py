"""The file store of the etalage: one small interface, a directory and S3-compatible storage.

Files are id-addressed and written once: the key names one item's file (graph_api/etalage/items.py
makes it from the item's id), a file is never replaced, and deleting an item deletes its file.
No two items share a file, so deleting one never takes another's away. The store knows nothing
of items or visibility: the graph decides what is served to whom.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import re
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Protocol

from graph_api.errors import FileStoreError, FileStoreUnavailable
from graph_api.settings import Settings
from graph_api.settings.etalage import EtalageSettings, S3Settings

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
# Keys are made by graph_api, never taken from a request; checked all the same, since a key
# becomes a path in the directory store.
_KEY = re.compile(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*(\.[a-z0-9]+)?")


class FileMissing(LookupError):
    """The store holds no file under this key."""


class FileStore(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> None:
        """Keep `data` under `key`, whole or not at all."""

    async def get(self, key: str) -> bytes:
        """The file's content; FileMissing when there is none."""

    def stream(self, key: str) -> AsyncIterator[bytes]:
        """The file's content in chunks; FileMissing (at the first chunk) when there is none."""

    async def delete(self, key: str) -> None:
        """Remove the file; nothing happens when there is none."""

    async def exists(self, key: str) -> bool: ...


def check_key(key: str) -> str:
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a file store key: {key!r}")
    return key


class DirectoryStore:
    """Files under a directory, a key's slashes as subdirectories. A file is written to a
    temporary name beside it and renamed into place, so a reader never sees half of one."""

    def __init__(self, root: Path):
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._put, self._path(key), data)

    def _put(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
            try:
                with os.fdopen(fd, "wb") as file:
                    file.write(data)
                    file.flush()
                    os.fsync(file.fileno())
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise FileStoreError(f"cannot write {path}: {exc}") from exc

    async def get(self, key: str) -> bytes:
        path = self._path(key)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError:
            raise FileMissing(key) from None
        except OSError as exc:
            raise FileStoreError(f"cannot read {path}: {exc}") from exc

    async def stream(self, key: str) -> AsyncIterator[bytes]:
        path = self._path(key)
        try:
            file = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError:
            raise FileMissing(key) from None
        except OSError as exc:
            raise FileStoreError(f"cannot read {path}: {exc}") from exc
        try:
            while chunk := await asyncio.to_thread(file.read, CHUNK):
                yield chunk
        finally:
            file.close()

    async def delete(self, key: str) -> None:
        path = self._path(key)
        try:
            await asyncio.to_thread(path.unlink, True)
        except OSError as exc:
            raise FileStoreError(f"cannot delete {path}: {exc}") from exc

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).is_file)


class S3Store:
    """Files as objects of one bucket, under a prefix, through boto3 (its calls run in threads:
    the files are small, and boto3 is the SDK every S3-compatible service is tested against)."""

    def __init__(self, settings: S3Settings):
        import boto3
        from botocore.config import Config

        self.bucket = settings.bucket
        self.prefix = settings.prefix
        self.client: Any = boto3.client(
            "s3",
            endpoint_url=settings.endpoint_url,
            region_name=settings.region,
            config=Config(
                s3={"addressing_style": "path" if settings.path_style else "auto"},
                retries={"mode": "standard", "max_attempts": 3},
                connect_timeout=5,
                read_timeout=30,
            ),
        )

    def _key(self, key: str) -> str:
        return self.prefix + check_key(key)

    async def _call(self, method: str, **kwargs: Any) -> Any:
        try:
            return await asyncio.to_thread(getattr(self.client, method), Bucket=self.bucket, **kwargs)
        except Exception as exc:
            raise _mapped(exc, kwargs.get("Key", "")) from exc

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await self._call("put_object", Key=self._key(key), Body=data, ContentType=content_type)

    async def get(self, key: str) -> bytes:
        return b"".join([chunk async for chunk in self.stream(key)])

    async def stream(self, key: str) -> AsyncIterator[bytes]:
        answer = await self._call("get_object", Key=self._key(key))
        body = answer["Body"]
        try:
            while True:
                try:
                    chunk = await asyncio.to_thread(body.read, CHUNK)
                except Exception as exc:
                    raise _mapped(exc, key) from exc
                if not chunk:
                    return
                yield chunk
        finally:
            body.close()

    async def delete(self, key: str) -> None:
        await self._call("delete_object", Key=self._key(key))

    async def exists(self, key: str) -> bool:
        try:
            await self._call("head_object", Key=self._key(key))
        except FileMissing:
            return False
        return True


def _mapped(exc: Exception, key: str) -> Exception:
    """boto3's exceptions as the store's: a missing object, a store away, or a store refusing."""
    from botocore.exceptions import BotoCoreError, ClientError, ConnectionError, EndpointConnectionError

    if isinstance(exc, ClientError):
        code = str(exc.response.get("Error", {}).get("Code", ""))
        if code in ("NoSuchKey", "404", "NotFound"):
            return FileMissing(key)
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        if status in (500, 502, 503, 504) or code in ("SlowDown", "ServiceUnavailable"):
            return FileStoreUnavailable(f"the S3 store answered {code or status}")
        return FileStoreError(f"the S3 store refused: {code} {exc}")
    if isinstance(exc, EndpointConnectionError | ConnectionError):
        return FileStoreUnavailable(f"the S3 store does not answer: {exc}")
    if isinstance(exc, BotoCoreError):
        return FileStoreError(f"the S3 store failed: {exc}")
    return exc


def open_store(etalage: EtalageSettings, data_dir: Path) -> FileStore:
    if etalage.store == "s3":
        assert etalage.s3 is not None  # EtalageSettings refuses s3 without a bucket
        return S3Store(etalage.s3)
    return DirectoryStore(etalage.directory or data_dir / "etalage")


@functools.cache
def _cached(etalage: EtalageSettings, data_dir: Path) -> FileStore:
    return open_store(etalage, data_dir)


def file_store(settings: Settings) -> FileStore:
    """The file store these settings name, made once per process (a boto3 client is
    thread-safe and slow to make)."""
    return _cached(settings.etalage, settings.data_dir.resolve())
