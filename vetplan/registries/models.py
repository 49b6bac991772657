"""名册: the records behind the figures. Majors, teachers, students, enterprises and training.

Every figure vetplan tracked before was a total a school typed in; these registries hold the
records (a teacher, an enterprise-practice episode, a student and their certificates, an
enterprise's yearly staff and posts, a training course), so totals follow from them
(`figures.py`) and the mechanisms the plans prescribe can run on them. Personal data
(身份证号, phone) is stored once and shown masked except to the record's own school
(`access.py`); every unmasked view is logged (`PersonalDataAccess`).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from vetplan.orgs.models import Organization, Region


class MajorLevel(models.TextChoices):
    SECONDARY = "secondary", "中职"
    HIGHER = "higher", "高职专科"
    BACHELOR = "bachelor", "职教本科"


class CatalogueMajor(models.Model):
    """A major of the national 职业教育专业目录 (shipped as data, loaded by migration)."""

    edition = models.PositiveSmallIntegerField("目录版本")
    code = models.CharField("专业代码", max_length=8)
    name = models.CharField("专业名称", max_length=100)
    level = models.CharField("层次", max_length=16, choices=MajorLevel.choices)
    category_code = models.CharField("大类代码", max_length=4)
    category = models.CharField("专业大类", max_length=60)
    class_code = models.CharField("专业类代码", max_length=6)
    class_name = models.CharField("专业类", max_length=60)
    controlled = models.BooleanField("国家控制布点", default=False)

    class Meta:
        verbose_name = "目录专业"
        verbose_name_plural = "职业教育专业目录"
        ordering = ["level", "code"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="registries_catalogue_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def agricultural(self) -> bool:
        """涉农专业: the 农林牧渔 大类 (and 农业 in the name, for majors of other 大类 that serve farming)."""
        return "农林牧渔" in self.category or "农业" in self.name


class SchoolMajor(models.Model):
    """A major a school runs: opened, perhaps closed, and the key industry (重点产业) it serves."""

    school = models.ForeignKey(Organization, models.CASCADE, related_name="majors", verbose_name="学校")
    major = models.ForeignKey(CatalogueMajor, models.PROTECT, related_name="+", verbose_name="专业")
    opened_year = models.PositiveSmallIntegerField("开设年份")
    closed_year = models.PositiveSmallIntegerField("停办年份", null=True, blank=True)
    industry = models.CharField("服务的重点产业", max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "开设专业"
        verbose_name_plural = "开设专业"
        ordering = ["school", "major__code"]
        constraints = [models.UniqueConstraint(fields=["school", "major"], name="registries_school_major_unique")]

    def __str__(self) -> str:
        return f"{self.school.display_name} · {self.major.name}"

    def open_in(self, year: int) -> bool:
        return self.opened_year <= year and (self.closed_year is None or self.closed_year > year)


class MajorEnrolment(models.Model):
    school_major = models.ForeignKey(SchoolMajor, models.CASCADE, related_name="enrolments", verbose_name="开设专业")
    year = models.PositiveSmallIntegerField("年份")
    intake = models.PositiveIntegerField("招生数", default=0)
    enrolled = models.PositiveIntegerField("在校生数", default=0)

    class Meta:
        verbose_name = "专业年度招生"
        verbose_name_plural = "专业年度招生"
        constraints = [models.UniqueConstraint(fields=["school_major", "year"], name="registries_enrolment_unique")]

    def __str__(self) -> str:
        return f"{self.school_major} · {self.year}年"


class Teacher(models.Model):
    class Employment(models.TextChoices):
        FULL_TIME = "full_time", "专任"
        PART_TIME = "part_time", "兼职"
        EXTERNAL = "external", "外聘"

    class Role(models.TextChoices):
        SPECIALISED = "specialised", "专业课"
        GENERAL = "general", "公共基础课"
        PRACTICAL = "practical", "实习指导"

    class DualLevel(models.TextChoices):
        NONE = "", "无"
        JUNIOR = "junior", "初级"
        INTERMEDIATE = "intermediate", "中级"
        SENIOR = "senior", "高级"

    class TitleLevel(models.TextChoices):
        NONE = "", "无"
        JUNIOR = "junior", "初级"
        INTERMEDIATE = "intermediate", "中级"
        DEPUTY_SENIOR = "deputy_senior", "副高级"
        SENIOR = "senior", "正高级"

    school = models.ForeignKey(Organization, models.CASCADE, related_name="teachers", verbose_name="学校")
    name = models.CharField("姓名", max_length=50)
    id_number = models.CharField("身份证号", max_length=18, unique=True)
    gender = models.CharField("性别", max_length=1, choices=[("M", "男"), ("F", "女")])
    birth_date = models.DateField("出生日期")
    employment = models.CharField("任职类型", max_length=16, choices=Employment.choices)
    role = models.CharField("教师类别", max_length=16, choices=Role.choices)
    title = models.CharField("职称", max_length=50, blank=True)
    title_level = models.CharField("职称级别", max_length=16, choices=TitleLevel.choices, blank=True)
    staffed = models.BooleanField("在编", default=False)
    dual_level = models.CharField("双师型等级", max_length=16, choices=DualLevel.choices, blank=True)
    dual_date = models.DateField("双师型认定日期", null=True, blank=True)
    dual_body = models.CharField("认定机构", max_length=100, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "教师"
        verbose_name_plural = "教师"
        ordering = ["school", "name", "pk"]
        indexes = [models.Index(fields=["school", "employment", "role"], name="registries_teacher_kind_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def teaches_specialised(self) -> bool:
        """专业课教师 (实习指导教师 included), counted among 专任 teachers."""
        return self.employment == self.Employment.FULL_TIME and self.role in (
            self.Role.SPECIALISED,
            self.Role.PRACTICAL,
        )


class PracticeEpisode(models.Model):
    """企业实践: a dated stay of a teacher in an enterprise; the rolling five-year sum is the rule."""

    teacher = models.ForeignKey(Teacher, models.CASCADE, related_name="practice", verbose_name="教师")
    enterprise = models.CharField("实践企业", max_length=200)
    start = models.DateField("开始日期")
    end = models.DateField("结束日期")
    days = models.PositiveIntegerField("实践天数")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "企业实践"
        verbose_name_plural = "企业实践"
        ordering = ["teacher", "start"]
        constraints = [
            models.UniqueConstraint(fields=["teacher", "start", "enterprise"], name="registries_practice_unique")
        ]

    def __str__(self) -> str:
        return f"{self.teacher} · {self.enterprise} {self.start}—{self.end}"


class Student(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", "在籍"
        GRADUATED = "graduated", "毕业"
        TRANSFERRED = "transferred", "转学"
        WITHDRAWN = "withdrawn", "退学"

    class Poverty(models.TextChoices):
        NONE = "", "否"
        LIFTED = "lifted", "脱贫户"
        MONITORED = "monitored", "监测对象"

    school = models.ForeignKey(Organization, models.CASCADE, related_name="students", verbose_name="学校")
    school_major = models.ForeignKey(
        SchoolMajor, models.PROTECT, null=True, blank=True, related_name="students", verbose_name="专业"
    )
    student_number = models.CharField("学籍号", max_length=30, unique=True)
    id_number = models.CharField("身份证号", max_length=18, blank=True)
    name = models.CharField("姓名", max_length=50)
    gender = models.CharField("性别", max_length=1, choices=[("M", "男"), ("F", "女")])
    grade = models.PositiveSmallIntegerField("年级")
    enrolment_year = models.PositiveSmallIntegerField("入学年份")
    status = models.CharField("学籍状态", max_length=16, choices=Status.choices, default=Status.ENROLLED)
    family_difficulty = models.BooleanField("家庭经济困难", default=False)
    poverty = models.CharField("脱贫户/监测对象", max_length=16, choices=Poverty.choices, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "学生"
        verbose_name_plural = "学生"
        ordering = ["school", "student_number"]
        indexes = [models.Index(fields=["school", "status"], name="registries_student_status_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def agricultural(self) -> bool:
        """涉农专业, from the student's major."""
        return bool(self.school_major and self.school_major.major.agricultural)


class Certificate(models.Model):
    class Kind(models.TextChoices):
        ONE_PLUS_X = "1x", "1+X职业技能等级证书"
        SKILL = "skill", "职业技能等级证书"

    student = models.ForeignKey(Student, models.CASCADE, related_name="certificates", verbose_name="学生")
    kind = models.CharField("证书类型", max_length=8, choices=Kind.choices)
    name = models.CharField("证书名称", max_length=100)
    level = models.CharField("等级", max_length=20)
    issuer = models.CharField("发证机构", max_length=100, blank=True)
    issued_on = models.DateField("发证日期")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "职业技能证书"
        verbose_name_plural = "职业技能证书"
        ordering = ["student", "issued_on"]
        constraints = [
            models.UniqueConstraint(fields=["student", "name", "level"], name="registries_certificate_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.level}）"


class Enterprise(models.Model):
    """An enterprise of the region: the subject its figures are reported under is `organization`."""

    organization = models.OneToOneField(
        Organization, models.CASCADE, related_name="enterprise_record", verbose_name="单位"
    )
    credit_code = models.CharField("统一社会信用代码", max_length=18, unique=True)
    name = models.CharField("企业名称", max_length=200)
    industry_code = models.CharField("行业代码（GB/T 4754）", max_length=5, blank=True)
    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name="所在区域")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "企业"
        verbose_name_plural = "企业"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EnterpriseYear(models.Model):
    """An enterprise's year: staff, whether 规模以上 in that year's statistics, internship posts offered."""

    enterprise = models.ForeignKey(Enterprise, models.CASCADE, related_name="years", verbose_name="企业")
    year = models.PositiveSmallIntegerField("年份")
    staff = models.PositiveIntegerField("职工人数")
    above_scale = models.BooleanField("规模以上", default=False)
    posts_offered = models.PositiveIntegerField("提供实习岗位数", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "企业年度数据"
        verbose_name_plural = "企业年度数据"
        ordering = ["enterprise", "year"]
        constraints = [models.UniqueConstraint(fields=["enterprise", "year"], name="registries_enterprise_year_unique")]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.year}年"


class Recognition(models.Model):
    """产教融合型企业 recognition: level, date, body, and when it was withdrawn."""

    class Level(models.TextChoices):
        NATIONAL = "national", "国家级"
        PROVINCIAL = "provincial", "省级"
        CITY = "city", "市级"
        COUNTY = "county", "县级"

    enterprise = models.ForeignKey(Enterprise, models.CASCADE, related_name="recognitions", verbose_name="企业")
    level = models.CharField("认定级别", max_length=16, choices=Level.choices)
    recognised_on = models.DateField("认定日期")
    body = models.CharField("认定机关", max_length=100)
    withdrawn_on = models.DateField("撤销日期", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "产教融合型企业认定"
        verbose_name_plural = "产教融合型企业认定"
        ordering = ["enterprise", "recognised_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "level", "recognised_on"], name="registries_recognition_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.get_level_display()}产教融合型企业"

    def valid_in(self, year: int) -> bool:
        end = dt.date(year, 12, 31)
        return self.recognised_on <= end and (self.withdrawn_on is None or self.withdrawn_on > end)


class Cooperation(models.Model):
    """校企合作: an enterprise and a school (and major) in an 订单班, 现代学徒制, 实训基地 or 共建专业."""

    class Kind(models.TextChoices):
        ORDER_CLASS = "order_class", "订单班"
        APPRENTICESHIP = "apprenticeship", "现代学徒制"
        TRAINING_BASE = "training_base", "实训基地"
        JOINT_MAJOR = "joint_major", "共建专业"

    enterprise = models.ForeignKey(Enterprise, models.CASCADE, related_name="cooperations", verbose_name="企业")
    school = models.ForeignKey(Organization, models.CASCADE, related_name="cooperations", verbose_name="学校")
    major = models.ForeignKey(
        CatalogueMajor, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="专业"
    )
    kind = models.CharField("合作形式", max_length=16, choices=Kind.choices)
    year = models.PositiveSmallIntegerField("年份")
    headcount = models.PositiveIntegerField("人数", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "校企合作"
        verbose_name_plural = "校企合作"
        ordering = ["enterprise", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "school", "major", "kind", "year"], name="registries_cooperation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.school} · {self.get_kind_display()}"


class Internship(models.Model):
    """岗位实习 of a student in an enterprise (教职成〔2021〕4号)."""

    student = models.ForeignKey(Student, models.CASCADE, related_name="internships", verbose_name="学生")
    enterprise = models.ForeignKey(
        Enterprise, models.SET_NULL, null=True, blank=True, related_name="internships", verbose_name="实习企业"
    )
    enterprise_name = models.CharField("实习单位", max_length=200)
    post = models.CharField("实习岗位", max_length=100)
    start = models.DateField("开始日期")
    end = models.DateField("结束日期")
    agreement = models.BooleanField("签订三方协议", default=False)
    insurance = models.BooleanField("购买实习责任保险", default=False)
    monthly_pay = models.DecimalField("月报酬（元）", max_digits=10, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "岗位实习"
        verbose_name_plural = "岗位实习"
        ordering = ["student", "start"]
        constraints = [models.UniqueConstraint(fields=["student", "start"], name="registries_internship_unique")]

    def __str__(self) -> str:
        return f"{self.student} · {self.enterprise_name}"


class TrainingCourse(models.Model):
    """社会培训: a course run by a department or a school; person-times follow from its trainees."""

    class ProviderKind(models.TextChoices):
        HR = "hr", "人社"
        AGRICULTURE = "agriculture", "农业农村"
        VETERANS = "veterans", "退役军人"
        UNION = "union", "工会"
        SCHOOL = "school", "学校"
        OTHER = "other", "其他"

    provider = models.ForeignKey(Organization, models.CASCADE, related_name="training_courses", verbose_name="举办单位")
    provider_kind = models.CharField("举办部门类别", max_length=16, choices=ProviderKind.choices)
    code = models.CharField("班次编号", max_length=40)
    name = models.CharField("培训名称", max_length=200)
    start = models.DateField("开班日期")
    end = models.DateField("结业日期")
    trainees = models.PositiveIntegerField("培训人数")
    certificates_issued = models.PositiveIntegerField("取证人数", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "培训班"
        verbose_name_plural = "社会培训"
        ordering = ["-start", "pk"]
        constraints = [models.UniqueConstraint(fields=["provider", "code"], name="registries_course_unique")]

    def __str__(self) -> str:
        return self.name


class PersonalDataAccess(models.Model):
    """Who saw a person's unmasked data, when and how (个人信息保护法)."""

    class Purpose(models.TextChoices):
        DETAIL = "detail", "查看详情"
        EXPORT = "export", "导出"
        PERSON_EXPORT = "person_export", "应本人申请导出"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name="用户"
    )
    registry = models.CharField("名册", max_length=32)
    object_id = models.PositiveBigIntegerField("记录", null=True, blank=True)
    records = models.PositiveIntegerField("记录数", default=1)
    purpose = models.CharField("用途", max_length=16, choices=Purpose.choices)
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "个人信息查看记录"
        verbose_name_plural = "个人信息查看记录"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["registry", "object_id"], name="registries_access_object_idx")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_purpose_display()} · {self.registry}"
