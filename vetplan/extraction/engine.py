"""Public entry points: a plan's text or file in, a PlanDocument out."""

from __future__ import annotations

import logging
from pathlib import Path

from .document import Meta, PlanDocument
from .layout import normalise_text, split_blocks
from .meta import extract_meta
from .readers import read_document
from .tables import rebuild_flat_tables, rebuild_separated_tables
from .targets import extract_targets
from .tasks import extract_tasks

logger = logging.getLogger(__name__)


def extract_text(text: str) -> PlanDocument:
    """Extract meta, targets and tasks; never raises on any str, always returns the spec shape."""
    if not isinstance(text, str):
        text = str(text)
    text = normalise_text(text)
    document = PlanDocument()
    try:
        document.meta = extract_meta(text)
    except Exception:  # a rule that breaks on odd input must not lose the rest of the document
        logger.exception("meta extraction failed")
        document.meta = Meta()
    try:
        blocks = split_blocks(rebuild_flat_tables(rebuild_separated_tables(text)))
    except Exception:
        logger.exception("layout analysis failed")
        return document
    try:
        document.targets = extract_targets(blocks)
    except Exception:
        logger.exception("target extraction failed")
    try:
        document.tasks = extract_tasks(blocks)
    except Exception:
        logger.exception("task extraction failed")
    return document


def extract_file(path: str | Path) -> PlanDocument:
    """Read a .txt/.docx/.pdf/.html file (raises DocumentReadError) and extract it."""
    return extract_text(read_document(Path(path)))
