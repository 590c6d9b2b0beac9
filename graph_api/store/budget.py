"""The engine time of one request, shared by all its statements.

A time limit per statement does not bound a request: eight statements side by side, each
under its limit, held both engine threads for 86 s. So the statements of a request draw
their time limits from one budget (GRAPH_API_REQUEST_ENGINE_MS): together they can never run
longer in the engine than the budget, and statements started side by side still run so.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

from graph_api.store.errors import EngineBudgetExhausted


class EngineBudget:
    """Time limits for a request's statements, drawn from `total_ms`.

    A statement alone gets what is left, at most `statement_ms`. While others run it gets half
    of what is neither spent nor promised to them, but no less than `min_statement_ms` (so that
    a statement started late in a busy request is not cut short), and waits while even that is
    not left, until a running statement returns what it did not use. When nothing runs and
    nothing is left, the request has used its budget.

    >>> budget = EngineBudget(total_ms=20_000, statement_ms=10_000)
    >>> async def two_side_by_side():
    ...     async with budget.statement() as first, budget.statement() as second:
    ...         return first, second
    >>> asyncio.run(two_side_by_side())
    (10000, 5000)
    """

    def __init__(self, total_ms: int, statement_ms: int, min_statement_ms: int = 2_000):
        self.total_ms = total_ms
        self.statement_ms = statement_ms
        self.min_statement_ms = min_statement_ms
        self.spent_ms = 0.0
        self._promised_ms = 0.0
        self._running = 0
        self._returned = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def statement(self) -> AsyncIterator[int]:
        """The time limit of one statement, in milliseconds, held while it runs."""
        grant = await self._grant()
        started = time.perf_counter()
        try:
            yield grant
        finally:
            self.spent_ms += (time.perf_counter() - started) * 1000
            self._promised_ms -= grant
            self._running -= 1
            async with self._returned:
                self._returned.notify_all()

    async def _grant(self) -> int:
        async with self._returned:
            while True:
                free = self.total_ms - self.spent_ms - self._promised_ms
                if self._running:
                    grant = int(min(self.statement_ms, max(self.min_statement_ms, free / 2)))
                else:
                    grant = int(min(self.statement_ms, free))
                if 0 < grant <= free:
                    self._promised_ms += grant
                    self._running += 1
                    return grant
                if not self._running:
                    raise EngineBudgetExhausted(
                        f"the request used its engine time of {self.total_ms} ms "
                        f"({round(self.spent_ms)} ms spent)"
                    )
                await self._returned.wait()
