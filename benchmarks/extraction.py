"""Time plan extraction: `python benchmarks/extraction.py [DIR]` (default /work/shared/policies).

Prints one line: `extraction: N documents, median X ms per document` (median over per-document
times after a warm-up run). Standalone: no Django.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from vetplan.extraction import SUPPORTED_SUFFIXES, extract_text
from vetplan.extraction.readers import read_document

DEFAULT_DIR = Path("/work/shared/policies")
ROUNDS = 5


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    paths = sorted(p for p in source.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    texts = [read_document(path) for path in paths]
    for text in texts:  # warm-up: imports, regex compilation, caches
        extract_text(text)
    timings: list[float] = []
    for _ in range(ROUNDS):
        for text in texts:
            start = time.perf_counter()
            extract_text(text)
            timings.append((time.perf_counter() - start) * 1000)
    median = statistics.median(timings) if timings else 0.0
    print(f"extraction: {len(paths)} documents, median {median:.1f} ms per document")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
