"""Reading one setting from the environment: whole numbers and switches, refused clearly."""

from __future__ import annotations

from collections.abc import Mapping

from graph_api.errors import ConfigurationError

_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def integer(env: Mapping[str, str], name: str, default: int, *, minimum: int = 1) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ConfigurationError(
            f"{name} must be positive, got {value}"
            if minimum == 1
            else f"{name} must be at least {minimum}, got {value}"
        )
    return value


def switch(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in _TRUE + _FALSE:
        raise ConfigurationError(f"{name} must be true or false, got {env[name]!r}")
    return raw in _TRUE
