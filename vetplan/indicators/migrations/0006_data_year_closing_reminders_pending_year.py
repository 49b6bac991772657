import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0005_indicator_level_terms"),
        ("orgs", "0001_initial_regions_organizations"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="targetstatus",
            name="pending_coverage",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="targetstatus",
            name="pending_value",
            field=models.FloatField(null=True),
        ),
        migrations.AddField(
            model_name="targetstatus",
            name="pending_year",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.CreateModel(
            name="HistoricalDataYearClosing",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField(verbose_name="年份")),
                ("closed", models.BooleanField(default=True, verbose_name="已截止")),
                ("changed_at", models.DateTimeField(verbose_name="操作时间")),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="说明")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "changed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="操作人",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="orgs.region",
                        verbose_name="区域",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 数据截止",
                "verbose_name_plural": "historical 数据截止",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="DataReminder",
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
                ("message", models.CharField(max_length=300, verbose_name="催报内容")),
                ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="催报时间")),
                (
                    "organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="data_reminders",
                        to="orgs.organization",
                        verbose_name="单位",
                    ),
                ),
                (
                    "sent_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="催报人",
                    ),
                ),
            ],
            options={
                "verbose_name": "催报记录",
                "verbose_name_plural": "催报记录",
                "ordering": ["-sent_at", "-pk"],
                "indexes": [models.Index(fields=["organization", "year"], name="indicators_reminder_org_idx")],
            },
        ),
        migrations.CreateModel(
            name="DataYearClosing",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField(verbose_name="年份")),
                ("closed", models.BooleanField(default=True, verbose_name="已截止")),
                ("changed_at", models.DateTimeField(verbose_name="操作时间")),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="说明")),
                (
                    "changed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="操作人",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="orgs.region",
                        verbose_name="区域",
                    ),
                ),
            ],
            options={
                "verbose_name": "数据截止",
                "verbose_name_plural": "数据截止",
                "constraints": [models.UniqueConstraint(fields=("region", "year"), name="indicators_closing_unique")],
            },
        ),
    ]
