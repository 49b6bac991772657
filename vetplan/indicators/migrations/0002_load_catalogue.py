"""Load the shipped indicator catalogue (data/catalogue.json): data elements and indicators.

Reads the data file, never app code; reversing removes exactly the codes the file names.
"""

import json
from pathlib import Path

from django.db import migrations

CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "catalogue.json"


def load(apps, schema_editor):
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
                "direction": row.get("direction", "higher"),
                "seq": seq,
            },
        )


def unload(apps, schema_editor):
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    apps.get_model("indicators", "Indicator").objects.filter(code__in=[r["code"] for r in data["indicators"]]).delete()
    apps.get_model("indicators", "DataElement").objects.filter(
        code__in=[r["code"] for r in data["elements"]], values__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial_catalogue")]

    operations = [migrations.RunPython(load, unload)]
