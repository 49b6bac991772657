from __future__ import annotations

import json
from pathlib import Path

from vetplan.extraction import PlanDocument
from vetplan.extraction.batch import extract_directory


def test_it_writes_one_json_per_supported_document_and_reports_errors(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "good.txt").write_text("某县职业教育实施方案\n到2025年，建成2个实训基地。\n", encoding="utf-8")
    (source / "broken.pdf").write_bytes(b"garbage")
    (source / "notes.md").write_text("ignored", encoding="utf-8")

    results = extract_directory(source, out, progress=False)

    assert {path.name: error is None for path, error in results} == {"good.txt": True, "broken.pdf": False}
    assert "broken.pdf" in next(error for path, error in results if error)
    data = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert data["targets"][0]["value"] == 2
    assert "某县" in (out / "good.json").read_text(encoding="utf-8")  # ensure_ascii=False


def test_it_round_trips_through_dict_and_summarises_in_chinese() -> None:
    from vetplan.extraction import extract_text

    plan = extract_text("某县职业教育实施方案\n1.建设基地，建成2个实训基地。（责任单位：县教育局）\n")
    assert PlanDocument.from_dict(plan.to_dict()).to_dict() == plan.to_dict()
    summary = plan.summary()
    assert "标题：某县职业教育实施方案" in summary
    assert "量化目标：1 项" in summary and "任务：1 项" in summary and "县教育局" in summary
