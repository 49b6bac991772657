"""Job kinds: each app registers the function that runs its kind of job (in its AppConfig.ready)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vetplan.jobs.models import Job
    from vetplan.jobs.services import Progress

# handler(job, progress) → the job's result ({"summary": ..., ...}); raises JobFailed to fail with a result.
Handler = Callable[["Job", "Progress"], dict[str, Any]]

_HANDLERS: dict[str, Handler] = {}


def job_handler(kind: str) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        if kind in _HANDLERS and _HANDLERS[kind] is not function:
            raise ValueError(f"job kind {kind!r} is registered twice")
        _HANDLERS[kind] = function
        return function

    return register


def handler_for(kind: str) -> Handler | None:
    return _HANDLERS.get(kind)
