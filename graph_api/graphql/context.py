"""What every resolver receives: the store of this request (and, later, who is asking)."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.types import Info as StrawberryInfo

from graph_api.runtime import Runtime
from graph_api.store import Store


@dataclass
class Context:
    runtime: Runtime

    @property
    def store(self) -> Store:
        return self.runtime.store


Info = StrawberryInfo[Context, None]
