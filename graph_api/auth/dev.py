"""The development identity provider: `graph-api dev-token` signs short-lived tokens locally.

Its key is an ES256 JWK in the data directory (`dev-token-key.jwk`, mode 0600), made on first
use. The API trusts tokens of DEV_ISSUER, checked with that key's public half, only while no
real issuer is configured (GRAPH_API_OIDC_ISSUER); with one configured, a dev token is a token
of the wrong issuer like any other.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from pathlib import Path

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, Key

from graph_api.errors import KeyFileError
from graph_api.settings import Settings

log = logging.getLogger(__name__)

DEV_ISSUER = "urn:graph-api:dev"
DEV_ALGORITHM = "ES256"
DEV_SUBJECT_PREFIX = "dev:"
KEY_FILE_NAME = "dev-token-key.jwk"


def key_path(settings: Settings) -> Path:
    return settings.identity.dev_key_file or settings.data_dir / KEY_FILE_NAME


def dev_subject(organisatie: str, rol: str) -> str:
    """The subject of the development Gebruiker holding one role in one organisation."""
    return f"{DEV_SUBJECT_PREFIX}{organisatie}:{rol}"


def signing_key(path: Path) -> ECKey:
    """The private signing key, made (readable by its owner only) when there is none yet."""
    try:
        if not path.exists():
            _create(path)
        key = ECKey.import_key(json.loads(path.read_text()))
    except OSError as exc:
        raise KeyFileError(str(exc)) from exc
    except (ValueError, TypeError, JoseError) as exc:
        raise KeyFileError(f"{path} holds no usable key ({exc})") from exc
    if not key.is_private:
        raise KeyFileError(f"{path} holds no private key")
    return key


def _create(path: Path) -> None:
    key = ECKey.generate_key("P-256", private=True)
    key.ensure_kid()
    text = json.dumps({**key.as_dict(private=True), "alg": DEV_ALGORITHM, "use": "sig"}, indent=2)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written under a name of its own and linked into place: a second dev-token running at the
    # same moment keeps the key the first one made, and nobody reads half a file.
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        os.write(fd, text.encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(partial, path)
    except FileExistsError:
        pass
    finally:
        partial.unlink()


def mint_token(
    key: ECKey,
    *,
    subject: str,
    audience: str,
    naam: str | None = None,
    email: str | None = None,
    email_geverifieerd: bool = True,
    minuten: int = 60,
    now: float | None = None,
) -> str:
    """A signed access token for `subject`, valid from now for `minuten` minutes."""
    issued = int(time.time() if now is None else now)
    claims = {
        "iss": DEV_ISSUER,
        "sub": subject,
        "aud": audience,
        "iat": issued,
        "nbf": issued,
        "exp": issued + minuten * 60,
        "jti": uuid.uuid4().hex,
    }
    if naam:
        claims["name"] = naam
    if email:
        claims["email"] = email
        claims["email_verified"] = email_geverifieerd
    return jwt.encode({"alg": DEV_ALGORITHM, "kid": key.kid, "typ": "at+jwt"}, claims, key, [DEV_ALGORITHM])


class DevKeys:
    """The public half of the dev key, read from its file; read again for an unknown key id,
    so a key made after the server started is found."""

    def __init__(self, path: Path):
        self.path = path
        self._keys: list[Key] | None = None

    async def keys(self) -> list[Key]:
        if self._keys is None:
            self._keys = self._read()
        return self._keys

    async def refresh(self) -> list[Key] | None:
        self._keys = self._read()
        return self._keys

    def _read(self) -> list[Key]:
        try:
            data = json.loads(self.path.read_text())
            return [ECKey.import_key(ECKey.import_key(data).as_dict(private=False))]
        except FileNotFoundError:
            return []  # no dev token was made yet
        except (OSError, ValueError, TypeError, JoseError) as exc:
            log.warning("the development key %s cannot be read: %s", self.path, exc)
            return []
