"""The mechanisms' downloads as report documents (laid out by the reports formatters: Word, Excel).

Each builder takes what its page shows, so the file and the page carry the same figures.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from vetplan.mechanisms.credit import Statement
from vetplan.mechanisms.display import DASH, figure, money
from vetplan.mechanisms.models import AidRoster, FundDistribution
from vetplan.policy.explain import number
from vetplan.reports.content import Block, Heading, Paragraph, ReportDocument, Table


def conditions_document(page: dict[str, Any]) -> ReportDocument:
    year, share = page["year"], page["share"]
    rows = []
    for school, kind, result in page["rows"]:
        if result is None:
            rows.append([school.display_name, kind, "未填报", "", "", "", ""])
            continue
        for check in result.checks:
            met = {True: "达标", False: "不达标", None: "未填报"}[check["met"]]
            rows.append(
                [
                    school.display_name,
                    kind,
                    check["label"],
                    figure(check["value"]),
                    f"{'≤' if check['at_most'] else '≥'} {number(check['threshold'])}{check['unit']}",
                    met,
                    check["shortfall"],
                ]
            )
    summary = (
        f"{year}年纳入评估的中职学校 {share['schools']} 所，已填报 {share['reported']} 所，"
        f"全部达标 {share['compliant']} 所，达标学校占比 {figure(share['value'])}%。"
    )
    return ReportDocument(
        title=f"{page['region'].name}{year}年职业学校办学条件达标情况",
        date=timezone.localdate(),
        blocks=[
            Paragraph(summary),
            Table(
                "办学条件达标明细",
                ["学校", "标准", "指标", "数值", "标准值", "判定", "差距"],
                rows,
                [2.2, 1.6, 2.0, 1.2, 1.4, 0.8, 1.4],
            ),
        ],
    )


def teachers_document(page: dict[str, Any]) -> ReportDocument:
    staff_rows = []
    for school, figures in [*page["rows"], (None, page["county"])]:
        name = school.display_name if school else "合计"
        if figures.staff is None:
            staff_rows.append([name, "未填报", "", "", "", "", "", ""])
            continue
        s = figures.staff
        staff_rows.append(
            [
                name, str(s.full_time), str(s.specialised), str(s.dual),
                figure(figures.dual_specialised.value), figure(figures.dual_full_time.value), str(s.part_time),
                figure(figures.part_time.share_of_full_time),
            ]
        )  # fmt: skip
    gap_rows = [
        [
            row.teacher.school.display_name, row.teacher.name, str(row.gap.days), str(row.gap.missing),
            f"{row.gap.falls_out_on:%Y-%m-%d}" if row.gap.falls_out_on else DASH,
        ]
        for row in page["gaps"]
    ]  # fmt: skip
    return ReportDocument(
        title=f"{page['region'].name}{page['year']}年教师队伍情况",
        date=timezone.localdate(),
        blocks=[
            Table(
                "双师型与兼职教师",
                [
                    "学校",
                    "专任教师",
                    "专业课教师",
                    "双师型",
                    "双师型占专业课教师%",
                    "双师型占专任教师%",
                    "兼职教师",
                    "兼职占专任%",
                ],
                staff_rows,
            ),
            Table(
                f"企业实践不足（截至{page['as_of']:%Y年%m月%d日}）",
                ["学校", "教师", "近五年实践天数", "尚缺天数", "最迟应完成实践日期"],
                gap_rows,
            ),
        ],
    )


def internships_document(page: dict[str, Any]) -> ReportDocument:
    rows = []
    for item in page["rows"]:
        quota = item.quota
        if quota is None:
            rows.append(
                [item.row.enterprise.name, str(item.row.staff), "否", DASH, str(item.row.posts_offered), DASH, DASH]
            )
            continue
        rows.append(
            [
                item.row.enterprise.name, str(quota.staff), "是", str(quota.required), str(quota.offered),
                str(quota.filled), "未达标" if quota.below else "达标",
            ]
        )  # fmt: skip
    return ReportDocument(
        title=f"{page['region'].name}{page['year']}年规模以上企业实习岗位情况",
        date=timezone.localdate(),
        blocks=[
            Paragraph(
                f"应按职工总数比例设置实习岗位的规上企业 {page['due']} 家，未达标 {len(page['below'])} 家，"
                f"达标占比 {figure(page['share'])}%。"
            ),
            Table("实习岗位明细", ["企业", "职工总数", "规上", "应设岗位", "提供岗位", "已安排实习", "判定"], rows),
        ],
    )


def distribution_document(item: FundDistribution) -> ReportDocument:
    rows = [
        [
            a.school.display_name,
            str(a.students),
            number(a.weight, 2),
            money(a.amount),
            a.explanation.get("arithmetic", ""),
        ]
        for a in item.allocations.select_related("school")
    ]
    return ReportDocument(
        title=f"{item.year}年{item.title}分配表",
        date=timezone.localdate(),
        blocks=[
            Paragraph(f"资金总额 {money(item.fund)} 元。分配依据：{item.basis or '县级职业教育资金分配办法'}。"),
            Table("分配明细", ["学校", "在校生", "权重", "分配金额（元）", "计算"], rows, [1.6, 0.8, 0.8, 1.2, 4.0]),
        ],
    )


CREDIT_COLUMNS = [
    "年度", "投资额", "抵免比例", "新增可抵免额", "上年结转", "可抵免额", "应缴附加", "当年抵免", "结转下年", "应补缴",
]  # fmt: skip


def credit_rows(statement: Statement) -> list[list[str]]:
    return [
        [
            str(line.year), money(line.investment), f"{number(line.rate)}%", money(line.earned), money(line.carried_in),
            money(line.available), money(line.payable), money(line.used), money(line.carried_out), money(line.clawback),
        ]
        for line in statement.lines
    ]  # fmt: skip


def credit_document(statement: Statement) -> ReportDocument:
    enterprise = statement.enterprise
    blocks: list[Block] = [
        Paragraph(
            "根据《财政部关于调整部分政府性基金有关政策的通知》（财税〔2019〕46号），纳入产教融合型企业建设培育范围的"
            "试点企业，兴办职业教育的投资符合规定的，可按投资额的30%比例，抵免该企业当年应缴教育费附加和地方教育附加；"
            "当年应缴教育费附加和地方教育附加不足抵免的，未抵免部分可在以后年度继续抵免。"
        ),
        Heading("一、认定情况"),
    ]
    for r in statement.recognitions:
        withdrawn = f"，{r.withdrawn_on:%Y年%m月%d日}撤销" if r.withdrawn_on else ""
        blocks.append(
            Paragraph(
                f"{r.recognised_on:%Y年%m月%d日}由{r.body}认定为{r.get_level_display()}产教融合型企业{withdrawn}。"
            )
        )
    if not statement.recognitions:
        blocks.append(Paragraph("企业名册中没有产教融合型企业认定记录。"))
    blocks += [
        Heading("二、抵免台账（单位：元）"),
        Table("抵免台账", CREDIT_COLUMNS, credit_rows(statement), [0.7, 1.3, 0.8, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.0]),
        Paragraph(
            f"累计抵免 {money(statement.total_used)} 元，应补缴 {money(statement.total_clawback)} 元，"
            f"结转以后年度 {money(statement.balance)} 元。"
        ),
        Heading("三、计算说明"),
    ]
    for line in statement.lines:
        why = line.explanation
        blocks.append(
            Paragraph(
                f"{line.year}年：{why.get('arithmetic', '')}。规则：{why.get('rule', '')}（{why.get('source', '')}）。"
            )
        )
    if statement.waiting:
        blocks.append(Heading("四、待核实年度"))
        for row in statement.waiting:
            blocks.append(
                Paragraph(
                    f"{row.year}年：投资额 {money(row.investment)} 元、应缴附加 {money(row.payable)} 元，"
                    f"{'投资额已核实' if row.investment_checked_at else '投资额待发展改革部门核实'}，"
                    f"{'附加已核实' if row.payable_checked_at else '应缴附加待税务部门核实'}；核实后计入台账。"
                )
            )
    return ReportDocument(
        title=f"{enterprise.name}产教融合投资抵免教育费附加和地方教育附加情况说明",
        date=timezone.localdate(),
        blocks=blocks,
    )


def roster_document(sheet: AidRoster) -> ReportDocument:
    rows = []
    for award in sheet.awards.select_related("student", "student__school_major__major").order_by(
        "student__student_number", "kind"
    ):
        if award.removed_reason:
            continue
        student = award.student
        rows.append(
            [
                student.student_number, student.name, str(student.grade),
                student.school_major.major.name if student.school_major else "",
                award.get_kind_display(), money(award.amount), award.explanation.get("arithmetic", ""),
                award.parameter_version,
            ]
        )  # fmt: skip
    return ReportDocument(
        title=f"{sheet.school.name}{sheet.year}年{sheet.get_term_display()}学生资助发放名册",
        date=timezone.localdate(),
        blocks=[
            Table(
                "发放名册",
                ["学籍号", "姓名", "年级", "专业", "资助项目", "本学期金额（元）", "依据", "参数版本"],
                rows,
                [1.6, 0.8, 0.5, 1.4, 1.0, 1.0, 2.6, 1.4],
            )
        ],
    )
