"""Indicator values are evaluated on read from per-subject element totals instead of being stored.

`SubjectTotal` keeps one row per unit (its own values and its subtree) or region and year, with
two columns per data element (`e<id>` the total, `n<id>` how many values make it up). The element
columns are added here for the elements that exist, by id; the indicator engine adds those of
elements created later. The totals are filled after `migrate` (the indicators app's post_migrate
receiver rebuilds them when they are empty and data values exist) or by `vetplan recompute`.
"""

from django.db import migrations, models


def add_element_columns(apps, schema_editor):
    table = schema_editor.quote_name("indicators_subjecttotal")
    for pk in apps.get_model("indicators", "DataElement").objects.values_list("pk", flat=True).order_by("pk"):
        schema_editor.execute(f"ALTER TABLE {table} ADD COLUMN e{int(pk)} double precision NULL")
        schema_editor.execute(f"ALTER TABLE {table} ADD COLUMN n{int(pk)} integer NULL")


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0007_computed_elements_conditions"),
    ]

    operations = [
        migrations.DeleteModel(name="IndicatorValue"),
        migrations.CreateModel(
            name="SubjectTotal",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "kind", "subject_id", "year", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "kind",
                    models.PositiveSmallIntegerField(choices=[(0, "单位自身"), (1, "单位及下属单位"), (2, "区域")]),
                ),
                ("subject_id", models.IntegerField()),
                ("year", models.PositiveSmallIntegerField()),
            ],
            options={
                "verbose_name": "数据汇总",
                "verbose_name_plural": "数据汇总",
            },
        ),
        # Reversing drops the table with its columns (the CreateModel's reverse).
        migrations.RunPython(add_element_columns, migrations.RunPython.noop),
    ]
