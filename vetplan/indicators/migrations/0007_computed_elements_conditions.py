"""Data elements vetplan computes itself (never entered), and the catalogue's 办学条件 data set.

The school data set gains the yearly 办学条件 figures (校园占地, 校舍, 教学行政用房, 仪器设备,
图书, 专任教师, 研究生学位教师, 学校财政拨款); the mechanisms add the figures they compute
(办学条件达标学校数, 实习岗位达标的规上企业数, 免学费金额 ...) and their indicators. Reads the
data file, never app code; reversing leaves the rows.
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
                "computed": row.get("computed", False),
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
    dependencies = [("indicators", "0006_data_year_closing_reminders_pending_year")]

    operations = [
        migrations.AddField(
            model_name="dataelement",
            name="computed",
            field=models.BooleanField(default=False, verbose_name="系统计算"),
        ),
        migrations.RunPython(reload_catalogue, migrations.RunPython.noop),
    ]
