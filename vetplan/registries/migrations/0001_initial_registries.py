import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("orgs", "0001_initial_regions_organizations"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CatalogueMajor",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("edition", models.PositiveSmallIntegerField(verbose_name="目录版本")),
                ("code", models.CharField(max_length=8, verbose_name="专业代码")),
                ("name", models.CharField(max_length=100, verbose_name="专业名称")),
                (
                    "level",
                    models.CharField(
                        choices=[("secondary", "中职"), ("higher", "高职专科"), ("bachelor", "职教本科")],
                        max_length=16,
                        verbose_name="层次",
                    ),
                ),
                ("category_code", models.CharField(max_length=4, verbose_name="大类代码")),
                ("category", models.CharField(max_length=60, verbose_name="专业大类")),
                ("class_code", models.CharField(max_length=6, verbose_name="专业类代码")),
                ("class_name", models.CharField(max_length=60, verbose_name="专业类")),
                ("controlled", models.BooleanField(default=False, verbose_name="国家控制布点")),
            ],
            options={
                "verbose_name": "目录专业",
                "verbose_name_plural": "职业教育专业目录",
                "ordering": ["level", "code"],
                "constraints": [
                    models.UniqueConstraint(fields=("edition", "code"), name="registries_catalogue_unique_code")
                ],
            },
        ),
        migrations.CreateModel(
            name="Enterprise",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("credit_code", models.CharField(max_length=18, unique=True, verbose_name="统一社会信用代码")),
                ("name", models.CharField(max_length=200, verbose_name="企业名称")),
                ("industry_code", models.CharField(blank=True, max_length=5, verbose_name="行业代码（GB/T 4754）")),
                (
                    "organization",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="enterprise_record",
                        to="orgs.organization",
                        verbose_name="单位",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="orgs.region",
                        verbose_name="所在区域",
                    ),
                ),
            ],
            options={
                "verbose_name": "企业",
                "verbose_name_plural": "企业",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCooperation",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("order_class", "订单班"),
                            ("apprenticeship", "现代学徒制"),
                            ("training_base", "实训基地"),
                            ("joint_major", "共建专业"),
                        ],
                        max_length=16,
                        verbose_name="合作形式",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="年份")),
                ("headcount", models.PositiveIntegerField(default=0, verbose_name="人数")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "enterprise",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.enterprise",
                        verbose_name="企业",
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
                    "major",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.cataloguemajor",
                        verbose_name="专业",
                    ),
                ),
                (
                    "school",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="orgs.organization",
                        verbose_name="学校",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 校企合作",
                "verbose_name_plural": "historical 校企合作",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEnterprise",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("credit_code", models.CharField(db_index=True, max_length=18, verbose_name="统一社会信用代码")),
                ("name", models.CharField(max_length=200, verbose_name="企业名称")),
                ("industry_code", models.CharField(blank=True, max_length=5, verbose_name="行业代码（GB/T 4754）")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
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
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="orgs.organization",
                        verbose_name="单位",
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
                        verbose_name="所在区域",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 企业",
                "verbose_name_plural": "historical 企业",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEnterpriseYear",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField(verbose_name="年份")),
                ("staff", models.PositiveIntegerField(verbose_name="职工人数")),
                ("above_scale", models.BooleanField(default=False, verbose_name="规模以上")),
                ("posts_offered", models.PositiveIntegerField(default=0, verbose_name="提供实习岗位数")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "enterprise",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.enterprise",
                        verbose_name="企业",
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
            ],
            options={
                "verbose_name": "historical 企业年度数据",
                "verbose_name_plural": "historical 企业年度数据",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRecognition",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "level",
                    models.CharField(
                        choices=[("national", "国家级"), ("provincial", "省级"), ("city", "市级"), ("county", "县级")],
                        max_length=16,
                        verbose_name="认定级别",
                    ),
                ),
                ("recognised_on", models.DateField(verbose_name="认定日期")),
                ("body", models.CharField(max_length=100, verbose_name="认定机关")),
                ("withdrawn_on", models.DateField(blank=True, null=True, verbose_name="撤销日期")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "enterprise",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.enterprise",
                        verbose_name="企业",
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
            ],
            options={
                "verbose_name": "historical 产教融合型企业认定",
                "verbose_name_plural": "historical 产教融合型企业认定",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSchoolMajor",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("opened_year", models.PositiveSmallIntegerField(verbose_name="开设年份")),
                ("closed_year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="停办年份")),
                ("industry", models.CharField(blank=True, max_length=100, verbose_name="服务的重点产业")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
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
                    "major",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.cataloguemajor",
                        verbose_name="专业",
                    ),
                ),
                (
                    "school",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="orgs.organization",
                        verbose_name="学校",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 开设专业",
                "verbose_name_plural": "historical 开设专业",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTeacher",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("name", models.CharField(max_length=50, verbose_name="姓名")),
                ("id_number", models.CharField(db_index=True, max_length=18, verbose_name="身份证号")),
                ("gender", models.CharField(choices=[("M", "男"), ("F", "女")], max_length=1, verbose_name="性别")),
                ("birth_date", models.DateField(verbose_name="出生日期")),
                (
                    "employment",
                    models.CharField(
                        choices=[("full_time", "专任"), ("part_time", "兼职"), ("external", "外聘")],
                        max_length=16,
                        verbose_name="任职类型",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[("specialised", "专业课"), ("general", "公共基础课"), ("practical", "实习指导")],
                        max_length=16,
                        verbose_name="教师类别",
                    ),
                ),
                ("title", models.CharField(blank=True, max_length=50, verbose_name="职称")),
                (
                    "title_level",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "无"),
                            ("junior", "初级"),
                            ("intermediate", "中级"),
                            ("deputy_senior", "副高级"),
                            ("senior", "正高级"),
                        ],
                        max_length=16,
                        verbose_name="职称级别",
                    ),
                ),
                ("staffed", models.BooleanField(default=False, verbose_name="在编")),
                (
                    "dual_level",
                    models.CharField(
                        blank=True,
                        choices=[("", "无"), ("junior", "初级"), ("intermediate", "中级"), ("senior", "高级")],
                        max_length=16,
                        verbose_name="双师型等级",
                    ),
                ),
                ("dual_date", models.DateField(blank=True, null=True, verbose_name="双师型认定日期")),
                ("dual_body", models.CharField(blank=True, max_length=100, verbose_name="认定机构")),
                ("phone", models.CharField(blank=True, max_length=20, verbose_name="联系电话")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
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
                    "school",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="orgs.organization",
                        verbose_name="学校",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 教师",
                "verbose_name_plural": "historical 教师",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTrainingCourse",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "provider_kind",
                    models.CharField(
                        choices=[
                            ("hr", "人社"),
                            ("agriculture", "农业农村"),
                            ("veterans", "退役军人"),
                            ("union", "工会"),
                            ("school", "学校"),
                            ("other", "其他"),
                        ],
                        max_length=16,
                        verbose_name="举办部门类别",
                    ),
                ),
                ("code", models.CharField(max_length=40, verbose_name="班次编号")),
                ("name", models.CharField(max_length=200, verbose_name="培训名称")),
                ("start", models.DateField(verbose_name="开班日期")),
                ("end", models.DateField(verbose_name="结业日期")),
                ("trainees", models.PositiveIntegerField(verbose_name="培训人数")),
                ("certificates_issued", models.PositiveIntegerField(default=0, verbose_name="取证人数")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
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
                    "provider",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="orgs.organization",
                        verbose_name="举办单位",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 培训班",
                "verbose_name_plural": "historical 社会培训",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="SchoolMajor",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("opened_year", models.PositiveSmallIntegerField(verbose_name="开设年份")),
                ("closed_year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="停办年份")),
                ("industry", models.CharField(blank=True, max_length=100, verbose_name="服务的重点产业")),
                (
                    "major",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="registries.cataloguemajor",
                        verbose_name="专业",
                    ),
                ),
                (
                    "school",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="majors",
                        to="orgs.organization",
                        verbose_name="学校",
                    ),
                ),
            ],
            options={
                "verbose_name": "开设专业",
                "verbose_name_plural": "开设专业",
                "ordering": ["school", "major__code"],
            },
        ),
        migrations.CreateModel(
            name="MajorEnrolment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField(verbose_name="年份")),
                ("intake", models.PositiveIntegerField(default=0, verbose_name="招生数")),
                ("enrolled", models.PositiveIntegerField(default=0, verbose_name="在校生数")),
                (
                    "school_major",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="enrolments",
                        to="registries.schoolmajor",
                        verbose_name="开设专业",
                    ),
                ),
            ],
            options={
                "verbose_name": "专业年度招生",
                "verbose_name_plural": "专业年度招生",
            },
        ),
        migrations.CreateModel(
            name="HistoricalStudent",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("student_number", models.CharField(db_index=True, max_length=30, verbose_name="学籍号")),
                ("id_number", models.CharField(blank=True, max_length=18, verbose_name="身份证号")),
                ("name", models.CharField(max_length=50, verbose_name="姓名")),
                ("gender", models.CharField(choices=[("M", "男"), ("F", "女")], max_length=1, verbose_name="性别")),
                ("grade", models.PositiveSmallIntegerField(verbose_name="年级")),
                ("enrolment_year", models.PositiveSmallIntegerField(verbose_name="入学年份")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("enrolled", "在籍"),
                            ("graduated", "毕业"),
                            ("transferred", "转学"),
                            ("withdrawn", "退学"),
                        ],
                        default="enrolled",
                        max_length=16,
                        verbose_name="学籍状态",
                    ),
                ),
                ("family_difficulty", models.BooleanField(default=False, verbose_name="家庭经济困难")),
                (
                    "poverty",
                    models.CharField(
                        blank=True,
                        choices=[("", "否"), ("lifted", "脱贫户"), ("monitored", "监测对象")],
                        max_length=16,
                        verbose_name="脱贫户/监测对象",
                    ),
                ),
                ("phone", models.CharField(blank=True, max_length=20, verbose_name="联系电话")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
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
                    "school",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="orgs.organization",
                        verbose_name="学校",
                    ),
                ),
                (
                    "school_major",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.schoolmajor",
                        verbose_name="专业",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 学生",
                "verbose_name_plural": "historical 学生",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Student",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("student_number", models.CharField(max_length=30, unique=True, verbose_name="学籍号")),
                ("id_number", models.CharField(blank=True, max_length=18, verbose_name="身份证号")),
                ("name", models.CharField(max_length=50, verbose_name="姓名")),
                ("gender", models.CharField(choices=[("M", "男"), ("F", "女")], max_length=1, verbose_name="性别")),
                ("grade", models.PositiveSmallIntegerField(verbose_name="年级")),
                ("enrolment_year", models.PositiveSmallIntegerField(verbose_name="入学年份")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("enrolled", "在籍"),
                            ("graduated", "毕业"),
                            ("transferred", "转学"),
                            ("withdrawn", "退学"),
                        ],
                        default="enrolled",
                        max_length=16,
                        verbose_name="学籍状态",
                    ),
                ),
                ("family_difficulty", models.BooleanField(default=False, verbose_name="家庭经济困难")),
                (
                    "poverty",
                    models.CharField(
                        blank=True,
                        choices=[("", "否"), ("lifted", "脱贫户"), ("monitored", "监测对象")],
                        max_length=16,
                        verbose_name="脱贫户/监测对象",
                    ),
                ),
                ("phone", models.CharField(blank=True, max_length=20, verbose_name="联系电话")),
                (
                    "school",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="students",
                        to="orgs.organization",
                        verbose_name="学校",
                    ),
                ),
                (
                    "school_major",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="students",
                        to="registries.schoolmajor",
                        verbose_name="专业",
                    ),
                ),
            ],
            options={
                "verbose_name": "学生",
                "verbose_name_plural": "学生",
                "ordering": ["school", "student_number"],
            },
        ),
        migrations.CreateModel(
            name="Internship",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("enterprise_name", models.CharField(max_length=200, verbose_name="实习单位")),
                ("post", models.CharField(max_length=100, verbose_name="实习岗位")),
                ("start", models.DateField(verbose_name="开始日期")),
                ("end", models.DateField(verbose_name="结束日期")),
                ("agreement", models.BooleanField(default=False, verbose_name="签订三方协议")),
                ("insurance", models.BooleanField(default=False, verbose_name="购买实习责任保险")),
                (
                    "monthly_pay",
                    models.DecimalField(
                        blank=True, decimal_places=2, max_digits=10, null=True, verbose_name="月报酬（元）"
                    ),
                ),
                (
                    "enterprise",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="internships",
                        to="registries.enterprise",
                        verbose_name="实习企业",
                    ),
                ),
                (
                    "student",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="internships",
                        to="registries.student",
                        verbose_name="学生",
                    ),
                ),
            ],
            options={
                "verbose_name": "岗位实习",
                "verbose_name_plural": "岗位实习",
                "ordering": ["student", "start"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalInternship",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("enterprise_name", models.CharField(max_length=200, verbose_name="实习单位")),
                ("post", models.CharField(max_length=100, verbose_name="实习岗位")),
                ("start", models.DateField(verbose_name="开始日期")),
                ("end", models.DateField(verbose_name="结束日期")),
                ("agreement", models.BooleanField(default=False, verbose_name="签订三方协议")),
                ("insurance", models.BooleanField(default=False, verbose_name="购买实习责任保险")),
                (
                    "monthly_pay",
                    models.DecimalField(
                        blank=True, decimal_places=2, max_digits=10, null=True, verbose_name="月报酬（元）"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "enterprise",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.enterprise",
                        verbose_name="实习企业",
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
                    "student",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.student",
                        verbose_name="学生",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 岗位实习",
                "verbose_name_plural": "historical 岗位实习",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCertificate",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[("1x", "1+X职业技能等级证书"), ("skill", "职业技能等级证书")],
                        max_length=8,
                        verbose_name="证书类型",
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="证书名称")),
                ("level", models.CharField(max_length=20, verbose_name="等级")),
                ("issuer", models.CharField(blank=True, max_length=100, verbose_name="发证机构")),
                ("issued_on", models.DateField(verbose_name="发证日期")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
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
                    "student",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.student",
                        verbose_name="学生",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 职业技能证书",
                "verbose_name_plural": "historical 职业技能证书",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Certificate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[("1x", "1+X职业技能等级证书"), ("skill", "职业技能等级证书")],
                        max_length=8,
                        verbose_name="证书类型",
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="证书名称")),
                ("level", models.CharField(max_length=20, verbose_name="等级")),
                ("issuer", models.CharField(blank=True, max_length=100, verbose_name="发证机构")),
                ("issued_on", models.DateField(verbose_name="发证日期")),
                (
                    "student",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="certificates",
                        to="registries.student",
                        verbose_name="学生",
                    ),
                ),
            ],
            options={
                "verbose_name": "职业技能证书",
                "verbose_name_plural": "职业技能证书",
                "ordering": ["student", "issued_on"],
            },
        ),
        migrations.CreateModel(
            name="Teacher",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=50, verbose_name="姓名")),
                ("id_number", models.CharField(max_length=18, unique=True, verbose_name="身份证号")),
                ("gender", models.CharField(choices=[("M", "男"), ("F", "女")], max_length=1, verbose_name="性别")),
                ("birth_date", models.DateField(verbose_name="出生日期")),
                (
                    "employment",
                    models.CharField(
                        choices=[("full_time", "专任"), ("part_time", "兼职"), ("external", "外聘")],
                        max_length=16,
                        verbose_name="任职类型",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[("specialised", "专业课"), ("general", "公共基础课"), ("practical", "实习指导")],
                        max_length=16,
                        verbose_name="教师类别",
                    ),
                ),
                ("title", models.CharField(blank=True, max_length=50, verbose_name="职称")),
                (
                    "title_level",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "无"),
                            ("junior", "初级"),
                            ("intermediate", "中级"),
                            ("deputy_senior", "副高级"),
                            ("senior", "正高级"),
                        ],
                        max_length=16,
                        verbose_name="职称级别",
                    ),
                ),
                ("staffed", models.BooleanField(default=False, verbose_name="在编")),
                (
                    "dual_level",
                    models.CharField(
                        blank=True,
                        choices=[("", "无"), ("junior", "初级"), ("intermediate", "中级"), ("senior", "高级")],
                        max_length=16,
                        verbose_name="双师型等级",
                    ),
                ),
                ("dual_date", models.DateField(blank=True, null=True, verbose_name="双师型认定日期")),
                ("dual_body", models.CharField(blank=True, max_length=100, verbose_name="认定机构")),
                ("phone", models.CharField(blank=True, max_length=20, verbose_name="联系电话")),
                (
                    "school",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="teachers",
                        to="orgs.organization",
                        verbose_name="学校",
                    ),
                ),
            ],
            options={
                "verbose_name": "教师",
                "verbose_name_plural": "教师",
                "ordering": ["school", "name", "pk"],
            },
        ),
        migrations.CreateModel(
            name="PracticeEpisode",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("enterprise", models.CharField(max_length=200, verbose_name="实践企业")),
                ("start", models.DateField(verbose_name="开始日期")),
                ("end", models.DateField(verbose_name="结束日期")),
                ("days", models.PositiveIntegerField(verbose_name="实践天数")),
                (
                    "teacher",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="practice",
                        to="registries.teacher",
                        verbose_name="教师",
                    ),
                ),
            ],
            options={
                "verbose_name": "企业实践",
                "verbose_name_plural": "企业实践",
                "ordering": ["teacher", "start"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPracticeEpisode",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("enterprise", models.CharField(max_length=200, verbose_name="实践企业")),
                ("start", models.DateField(verbose_name="开始日期")),
                ("end", models.DateField(verbose_name="结束日期")),
                ("days", models.PositiveIntegerField(verbose_name="实践天数")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
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
                    "teacher",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="registries.teacher",
                        verbose_name="教师",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 企业实践",
                "verbose_name_plural": "historical 企业实践",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="TrainingCourse",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "provider_kind",
                    models.CharField(
                        choices=[
                            ("hr", "人社"),
                            ("agriculture", "农业农村"),
                            ("veterans", "退役军人"),
                            ("union", "工会"),
                            ("school", "学校"),
                            ("other", "其他"),
                        ],
                        max_length=16,
                        verbose_name="举办部门类别",
                    ),
                ),
                ("code", models.CharField(max_length=40, verbose_name="班次编号")),
                ("name", models.CharField(max_length=200, verbose_name="培训名称")),
                ("start", models.DateField(verbose_name="开班日期")),
                ("end", models.DateField(verbose_name="结业日期")),
                ("trainees", models.PositiveIntegerField(verbose_name="培训人数")),
                ("certificates_issued", models.PositiveIntegerField(default=0, verbose_name="取证人数")),
                (
                    "provider",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="training_courses",
                        to="orgs.organization",
                        verbose_name="举办单位",
                    ),
                ),
            ],
            options={
                "verbose_name": "培训班",
                "verbose_name_plural": "社会培训",
                "ordering": ["-start", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Cooperation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("order_class", "订单班"),
                            ("apprenticeship", "现代学徒制"),
                            ("training_base", "实训基地"),
                            ("joint_major", "共建专业"),
                        ],
                        max_length=16,
                        verbose_name="合作形式",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="年份")),
                ("headcount", models.PositiveIntegerField(default=0, verbose_name="人数")),
                (
                    "major",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="registries.cataloguemajor",
                        verbose_name="专业",
                    ),
                ),
                (
                    "school",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="cooperations",
                        to="orgs.organization",
                        verbose_name="学校",
                    ),
                ),
                (
                    "enterprise",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="cooperations",
                        to="registries.enterprise",
                        verbose_name="企业",
                    ),
                ),
            ],
            options={
                "verbose_name": "校企合作",
                "verbose_name_plural": "校企合作",
                "ordering": ["enterprise", "year"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("enterprise", "school", "major", "kind", "year"), name="registries_cooperation_unique"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="EnterpriseYear",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField(verbose_name="年份")),
                ("staff", models.PositiveIntegerField(verbose_name="职工人数")),
                ("above_scale", models.BooleanField(default=False, verbose_name="规模以上")),
                ("posts_offered", models.PositiveIntegerField(default=0, verbose_name="提供实习岗位数")),
                (
                    "enterprise",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="years",
                        to="registries.enterprise",
                        verbose_name="企业",
                    ),
                ),
            ],
            options={
                "verbose_name": "企业年度数据",
                "verbose_name_plural": "企业年度数据",
                "ordering": ["enterprise", "year"],
                "constraints": [
                    models.UniqueConstraint(fields=("enterprise", "year"), name="registries_enterprise_year_unique")
                ],
            },
        ),
        migrations.CreateModel(
            name="PersonalDataAccess",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("registry", models.CharField(max_length=32, verbose_name="名册")),
                ("object_id", models.PositiveBigIntegerField(blank=True, null=True, verbose_name="记录")),
                ("records", models.PositiveIntegerField(default=1, verbose_name="记录数")),
                (
                    "purpose",
                    models.CharField(
                        choices=[("detail", "查看详情"), ("export", "导出"), ("person_export", "应本人申请导出")],
                        max_length=16,
                        verbose_name="用途",
                    ),
                ),
                ("at", models.DateTimeField(auto_now_add=True, verbose_name="时间")),
                (
                    "user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="用户",
                    ),
                ),
            ],
            options={
                "verbose_name": "个人信息查看记录",
                "verbose_name_plural": "个人信息查看记录",
                "ordering": ["-at", "-pk"],
                "indexes": [models.Index(fields=["registry", "object_id"], name="registries_access_object_idx")],
            },
        ),
        migrations.CreateModel(
            name="Recognition",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "level",
                    models.CharField(
                        choices=[("national", "国家级"), ("provincial", "省级"), ("city", "市级"), ("county", "县级")],
                        max_length=16,
                        verbose_name="认定级别",
                    ),
                ),
                ("recognised_on", models.DateField(verbose_name="认定日期")),
                ("body", models.CharField(max_length=100, verbose_name="认定机关")),
                ("withdrawn_on", models.DateField(blank=True, null=True, verbose_name="撤销日期")),
                (
                    "enterprise",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="recognitions",
                        to="registries.enterprise",
                        verbose_name="企业",
                    ),
                ),
            ],
            options={
                "verbose_name": "产教融合型企业认定",
                "verbose_name_plural": "产教融合型企业认定",
                "ordering": ["enterprise", "recognised_on"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("enterprise", "level", "recognised_on"), name="registries_recognition_unique"
                    )
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="schoolmajor",
            constraint=models.UniqueConstraint(fields=("school", "major"), name="registries_school_major_unique"),
        ),
        migrations.AddConstraint(
            model_name="majorenrolment",
            constraint=models.UniqueConstraint(fields=("school_major", "year"), name="registries_enrolment_unique"),
        ),
        migrations.AddIndex(
            model_name="student",
            index=models.Index(fields=["school", "status"], name="registries_student_status_idx"),
        ),
        migrations.AddConstraint(
            model_name="internship",
            constraint=models.UniqueConstraint(fields=("student", "start"), name="registries_internship_unique"),
        ),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.UniqueConstraint(
                fields=("student", "name", "level"), name="registries_certificate_unique"
            ),
        ),
        migrations.AddIndex(
            model_name="teacher",
            index=models.Index(fields=["school", "employment", "role"], name="registries_teacher_kind_idx"),
        ),
        migrations.AddConstraint(
            model_name="practiceepisode",
            constraint=models.UniqueConstraint(
                fields=("teacher", "start", "enterprise"), name="registries_practice_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="trainingcourse",
            constraint=models.UniqueConstraint(fields=("provider", "code"), name="registries_course_unique"),
        ),
    ]
