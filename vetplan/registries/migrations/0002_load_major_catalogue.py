"""Load the national 职业教育专业目录（2021年） (教职成〔2021〕2号) from data/majors_2021.json.

Reads the data file, never app code; reversing removes the edition's rows.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "majors_2021.json"


def load(apps, schema_editor):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    CatalogueMajor = apps.get_model("registries", "CatalogueMajor")
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


def unload(apps, schema_editor):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    apps.get_model("registries", "CatalogueMajor").objects.filter(edition=data["edition"]).delete()


class Migration(migrations.Migration):
    dependencies = [("registries", "0001_initial_registries")]

    operations = [migrations.RunPython(load, unload)]
