"""Indicators carry a level (中职, 高职, both) and term sets for linking targets; reload the catalogue.

The catalogue (data/catalogue.json) gained the figures real plans name (高职在校生, 职普招生比,
地方教育附加用于职业教育的比例, 学校数, 技能大师工作室数 ...): their data elements and
indicators are added, and every catalogue indicator gets its level and terms. Reads the data
file, never app code; reversing leaves the rows (the fields go with the schema change).
"""

import json
from pathlib import Path

from django.db import migrations, models

CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "catalogue.json"


def reload_catalogue(apps, schema_editor):
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    DataElement = apps.get_model("indicators", "DataElement")
    Indicator = apps.get_model("indicators", "Indicator")
    for seq, row in enumerate(data["elements"], start=1):
        DataElement.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "unit": row.get("unit", ""),
                "dataset": row.get("dataset", "school"),
                "integer": row.get("integer", True),
                "max_value": row.get("max"),
                "seq": seq,
            },
        )
    for seq, row in enumerate(data["indicators"], start=1):
        Indicator.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "synonyms": row.get("synonyms", []),
                "numerator": row["numerator"],
                "denominator": row.get("denominator", ""),
                "factor": row.get("factor", 1),
                "unit": row.get("unit", ""),
                "level": row.get("level", ""),
                "terms": row.get("terms", []),
                "direction": row.get("direction", "higher"),
                "seq": seq,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_iv_unique_subject_first")]

    operations = [
        migrations.AddField(
            model_name="indicator",
            name="level",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "不分层次"),
                    ("secondary", "中职"),
                    ("higher", "高职（专科、本科）"),
                    ("all", "各级职业院校"),
                ],
                default="",
                max_length=16,
                verbose_name="层次",
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="terms",
            field=models.JSONField(blank=True, default=list, verbose_name="匹配词组"),
        ),
        migrations.RunPython(reload_catalogue, migrations.RunPython.noop),
    ]
