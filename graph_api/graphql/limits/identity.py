"""Keys by the identity of parsed documents.

graphql-core's AST nodes are frozen dataclasses: hashing one hashes its whole tree again on every
call (30 to 100 µs for the documents of bench/api.py), as much as the rest of a kept request's
checks. The parser's cache hands out the same document for the same text, so its identity is as
good a key; whoever keys by it keeps the arguments with the value, so that a kept document stays
alive and its id cannot name another.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graphql.language import Node

T = TypeVar("T")


def identity_key(args: tuple[Any, ...]) -> Hashable:
    """The arguments with each AST node replaced by its id."""
    return tuple(id(arg) if isinstance(arg, Node) else arg for arg in args)


def kept_by_identity(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """functools.lru_cache for positional arguments, AST nodes among them keyed by identity."""

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        kept: OrderedDict[Hashable, tuple[tuple[Any, ...], T]] = OrderedDict()

        @functools.wraps(function)
        def cached(*args: Any) -> T:
            key = identity_key(args)
            found = kept.get(key)
            if found is not None:
                kept.move_to_end(key)
                return found[1]
            value = function(*args)
            kept[key] = (args, value)
            if len(kept) > maxsize:
                kept.popitem(last=False)
            return value

        return cached

    return decorate
