"""The shipped national catalogues: 职业教育专业目录（2021年） (data/majors_2021.json).

Migration 0002 loads it on `migrate` (reading the file itself, as migrations must);
`ensure_major_catalogue()` loads it again where a database may have been emptied since (a
flushed test database, before the demo), changing nothing when it is there.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from vetplan.registries.models import CatalogueMajor

MAJORS = Path(__file__).with_name("data") / "majors_2021.json"


@cache
def major_data() -> dict[str, Any]:
    return json.loads(MAJORS.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def ensure_major_catalogue() -> None:
    data = major_data()
    have = set(CatalogueMajor.objects.filter(edition=data["edition"]).values_list("code", flat=True))
    CatalogueMajor.objects.bulk_create(
        CatalogueMajor(
            edition=data["edition"],
            code=row["code"],
            name=row["name"],
            level=row["level"],
            category_code=row["category_code"],
            category=row["category"],
            class_code=row["class_code"],
            class_name=row["class"],
            controlled=row.get("controlled", False),
        )
        for row in data["majors"]
        if row["code"] not in have
    )
