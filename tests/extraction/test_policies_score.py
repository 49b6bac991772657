"""The five real plans, scored against the gold files with the shared scorer."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from vetplan.extraction.batch import extract_directory

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "tools" / "score_extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared gold files are not available")
def test_it_meets_the_scorer_thresholds_on_the_five_policies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = extract_directory(SHARED / "policies", tmp_path, progress=False)
    assert all(error is None for _, error in results)
    load_scorer().main([str(SHARED / "gold"), str(tmp_path)])
    last = capsys.readouterr().out.strip().splitlines()[-1]
    scores = {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", last)}
    assert scores["target_f1"] >= 0.90, last
    assert scores["task_f1"] >= 0.95, last
    assert scores["unit_f1"] >= 0.95, last
    assert scores["meta_acc"] >= 0.90, last


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared gold files are not available")
def test_it_writes_the_gold_shape_for_every_policy(tmp_path: Path) -> None:
    extract_directory(SHARED / "policies", tmp_path, progress=False)
    for gold_path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = json.loads((tmp_path / gold_path.name).read_text(encoding="utf-8"))
        assert pred.keys() == gold.keys()
        assert pred["meta"].keys() == gold["meta"].keys()
        for ours, theirs in ((pred["targets"], gold["targets"]), (pred["tasks"], gold["tasks"])):
            assert all(item.keys() == theirs[0].keys() for item in ours) if theirs else True
