import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_quality_report_order"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalqualityreport",
            name="published_provisional",
            field=models.CharField(blank=True, max_length=200, verbose_name="发布时数据暂定情况"),
        ),
        migrations.AddField(
            model_name="historicalqualityreport",
            name="withdraw_reason",
            field=models.TextField(blank=True, verbose_name="撤回原因"),
        ),
        migrations.AddField(
            model_name="historicalqualityreport",
            name="withdrawn_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="撤回时间"),
        ),
        migrations.AddField(
            model_name="historicalqualityreport",
            name="withdrawn_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="撤回人",
            ),
        ),
        migrations.AddField(
            model_name="qualityreport",
            name="published_provisional",
            field=models.CharField(blank=True, max_length=200, verbose_name="发布时数据暂定情况"),
        ),
        migrations.AddField(
            model_name="qualityreport",
            name="withdraw_reason",
            field=models.TextField(blank=True, verbose_name="撤回原因"),
        ),
        migrations.AddField(
            model_name="qualityreport",
            name="withdrawn_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="撤回时间"),
        ),
        migrations.AddField(
            model_name="qualityreport",
            name="withdrawn_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="撤回人",
            ),
        ),
        migrations.AlterField(
            model_name="historicalqualityreport",
            name="status",
            field=models.CharField(
                choices=[("draft", "草稿"), ("published", "已发布"), ("withdrawn", "已撤回")],
                default="draft",
                max_length=16,
                verbose_name="状态",
            ),
        ),
        migrations.AlterField(
            model_name="qualityreport",
            name="status",
            field=models.CharField(
                choices=[("draft", "草稿"), ("published", "已发布"), ("withdrawn", "已撤回")],
                default="draft",
                max_length=16,
                verbose_name="状态",
            ),
        ),
    ]
