"""The register of who reported which data set for which year (`ReportedYear`), filled from the values.

填报进度 and the finality of figures count its rows instead of a province's values; the services
that write values keep it (vetplan.indicators.reported). The fill here is that module's rebuild,
written out so that the migration does not depend on code that may change.
"""

import django.db.models.deletion
from django.db import migrations, models

# vetplan.indicators.sources.COMPUTED_SOURCES when this migration was written: figures the system
# writes from records, which never make a year reported.
COMPUTED_SOURCES = ("policy", "registry")


def fill(apps, schema_editor):
    quote = schema_editor.quote_name
    schema_editor.execute(
        f"INSERT INTO {quote('indicators_reportedyear')} (organization_id, dataset, year) "  # noqa: S608 (fixed table names)
        f"SELECT DISTINCT v.organization_id, e.dataset, v.year FROM {quote('indicators_datavalue')} v "
        f"JOIN {quote('indicators_dataelement')} e ON e.id = v.element_id "
        f"WHERE NOT e.computed AND v.source NOT IN (%s, %s)",
        COMPUTED_SOURCES,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0008_subject_totals_instead_of_indicator_values"),
        ("orgs", "0001_initial_regions_organizations"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReportedYear",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "dataset",
                    models.CharField(
                        choices=[("school", "学校数据"), ("department", "部门数据"), ("enterprise", "企业数据")],
                        max_length=16,
                        verbose_name="数据集",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="年份")),
                (
                    "organization",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="orgs.organization",
                        verbose_name="单位",
                    ),
                ),
            ],
            options={
                "verbose_name": "已填报年度",
                "verbose_name_plural": "已填报年度",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("organization", "dataset", "year"), name="indicators_reported_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
