"""Plans can be archived (归档); a plan keeps its source text's digest (to find a document imported
twice); a target names the unit that reports it by hand (填报单位)."""

import hashlib
import re

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def digest_existing_plans(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    for plan in Plan.objects.exclude(source_text="").only("pk", "source_text"):
        digest = hashlib.sha256(re.sub(r"\s+", "", plan.source_text).encode("utf-8")).hexdigest()
        Plan.objects.filter(pk=plan.pk).update(source_digest=digest)


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0001_initial_regions_organizations"),
        ("plans", "0003_target_indicator"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalplan",
            name="archived_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="归档时间"),
        ),
        migrations.AddField(
            model_name="historicalplan",
            name="archived_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="归档人",
            ),
        ),
        migrations.AddField(
            model_name="historicalplan",
            name="source_digest",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64, verbose_name="原文摘要"),
        ),
        migrations.AddField(
            model_name="historicaltarget",
            name="reporting_unit",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="orgs.organization",
                verbose_name="填报单位",
            ),
        ),
        migrations.AddField(
            model_name="plan",
            name="archived_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="归档时间"),
        ),
        migrations.AddField(
            model_name="plan",
            name="archived_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="归档人",
            ),
        ),
        migrations.AddField(
            model_name="plan",
            name="source_digest",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64, verbose_name="原文摘要"),
        ),
        migrations.AddField(
            model_name="target",
            name="reporting_unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="reported_targets",
                to="orgs.organization",
                verbose_name="填报单位",
            ),
        ),
        migrations.AddIndex(
            model_name="plan",
            index=models.Index(fields=["region", "archived_at"], name="plans_plan_region_archived_idx"),
        ),
        migrations.RunPython(digest_existing_plans, migrations.RunPython.noop),
    ]
