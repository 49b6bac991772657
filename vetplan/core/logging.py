"""Log filters: a refused or missing page is the visitor's doing, worth one line, not a traceback."""

from __future__ import annotations

import logging


class ClientErrorsOnOneLine(logging.Filter):
    """Drops the traceback Django attaches to a 4xx response's record (403 PermissionDenied, 400 ...).

    The record keeps its message ("Forbidden (Permission denied): /plans/import/"), status and request;
    5xx records keep their traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
