"""Extract every supported document of a directory into NAME.json files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tqdm import tqdm

from .engine import extract_file
from .readers import SUPPORTED_SUFFIXES, DocumentReadError


def supported_documents(src_dir: Path) -> list[Path]:
    return sorted(path for path in src_dir.iterdir() if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES)


def extract_directory(src_dir: str | Path, out_dir: str | Path, progress: bool = True) -> list[tuple[Path, str | None]]:
    """Write OUT/NAME.json for every supported document in DIR; returns (path, error or None)."""
    source, target = Path(src_dir), Path(out_dir)
    if not source.is_dir():
        raise DocumentReadError(source, "目录不存在")
    target.mkdir(parents=True, exist_ok=True)
    results: list[tuple[Path, str | None]] = []
    documents = supported_documents(source)
    for path in tqdm(documents, desc="提取", unit="份", file=sys.stderr, disable=not progress):
        try:
            document = extract_file(path)
        except DocumentReadError as error:
            results.append((path, str(error)))
            continue
        payload = json.dumps(document.to_dict(), ensure_ascii=False, indent=2)
        (target / f"{path.stem}.json").write_text(payload + "\n", encoding="utf-8")
        results.append((path, None))
    return results
