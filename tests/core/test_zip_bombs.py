"""A zip bomb in a .docx or .xlsx gets a clear Chinese error in under a second, in bounded memory.

Each bomb is about 1 MB and unpacks to 1 GiB of zeros or 300 MB of valid XML (or holds 20,000
members). Each is read in a fresh Python process, the way a web worker reads an upload, and the
process's peak resident memory (VmHWM, Django and the readers imported included) stays under 200 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import bombs

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, re, sys, time
import django
django.setup()
from pathlib import Path
from vetplan.extraction.readers import read_document
from vetplan.indicators.excel import inspect_upload
from vetplan.plans.imports import read_plan_bytes
reader, path = sys.argv[1], Path(sys.argv[2])
data = path.read_bytes()
started = time.perf_counter()
try:
    if reader == "document":
        read_document(path)
    elif reader == "plan upload":
        read_plan_bytes(path.name, data)
    else:
        with open(path, "rb") as stream:
            inspect_upload(stream)
    error = None
except Exception as exc:
    error = f"{type(exc).__name__}: {exc}"
seconds = time.perf_counter() - started
# VmHWM: this program's peak resident memory (ru_maxrss would carry the forking parent's over exec).
status = open("/proc/self/status").read()
peak = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "error": error}, ensure_ascii=False))
"""

CASES: list[tuple[str, Callable[[Path], Path], str, str]] = [
    ("1 GiB of zeros", bombs.zeros_docx, "document", "超过上限"),
    ("300 MB of XML", bombs.xml_docx, "document", "超过上限"),
    ("1 GiB of zeros", bombs.zeros_docx, "plan upload", "超过上限"),
    ("300 MB of XML", bombs.xml_docx, "plan upload", "超过上限"),
    ("20,000 members", bombs.many_members_zip, "plan upload", "20002 个压缩成员"),
    ("1 GiB of zeros", bombs.zeros_xlsx, "data upload", "超过上限"),
    ("300 MB of XML", bombs.xml_xlsx, "data upload", "超过上限"),
]


def probe(reader: str, path: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), DJANGO_SETTINGS_MODULE="vetplan.settings")
    done = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", PROBE, reader, str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(("bomb", "build", "reader", "says"), CASES, ids=[f"{c[2]}: {c[0]}" for c in CASES])
def test_a_zip_bomb_is_refused_within_a_second_in_bounded_memory(
    bomb: str, build: Callable[[Path], Path], reader: str, says: str, tmp_path: Path
) -> None:
    suffix = ".xlsx" if reader == "data upload" else ".docx"
    path = build(tmp_path / f"plan{suffix}")
    assert path.stat().st_size < 3 * bombs.MIB
    result = probe(reader, path)
    assert result["error"] is not None and says in str(result["error"]), result
    assert "系统拒绝读取" in str(result["error"])
    assert float(result["seconds"]) < 1.0, result  # type: ignore[arg-type]
    assert float(result["peak_mb"]) < 200, result  # type: ignore[arg-type]
