"""What every resolver receives: who asks, what they may see, the store and loaders of this request."""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info as StrawberryInfo

from graph_api.graphql.compiled import CompiledRead, CompiledReads
from graph_api.graphql.core.beperkingen import Beperking
from graph_api.graphql.core.loaders import Loaders, RequestStore
from graph_api.identiteit import ANONIEM, Identiteit
from graph_api.runtime import Runtime
from graph_api.store.budget import EngineBudget
from graph_api.toegang import BEZOEKER, Zicht


@dataclass
class Context:
    runtime: Runtime
    identiteit: Identiteit = ANONIEM
    zicht: Zicht = BEZOEKER
    # Where the root fields graph_api/graphql/compiled covers are compiled and kept; None: resolve them.
    compiled: CompiledReads | None = None
    # Each root field's compiled read, None where it was resolved (see CompiledReads.remember).
    compiled_fields: dict[str, CompiledRead | None] = field(default_factory=dict)
    store: RequestStore = field(init=False)
    loaders: Loaders = field(init=False)
    # Lookups several fields share, each run once per request (see zoeken).
    once: dict[Hashable, asyncio.Future[Any]] = field(default_factory=dict)
    # What visibility left out of an analytic's answer (graph_api/graphql/core/beperkingen.py).
    beperkingen: list[Beperking] = field(default_factory=list)

    def __post_init__(self) -> None:
        settings = self.runtime.settings
        budget = EngineBudget(settings.hardening.request_engine_ms, settings.query_timeout_ms)
        # One unit of work per request: once a request writes, its reads see what it wrote.
        self.store = RequestStore(self.runtime.store.unit(), self.zicht.params(), budget)
        self.loaders = Loaders(self.store)
        self.store.after_write(self.once.clear)


Info = StrawberryInfo[Context, None]
