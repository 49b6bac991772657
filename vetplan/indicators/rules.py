"""Role rules for the indicators app: URL name → roles allowed (object checks in access.py / queries.py)."""

from __future__ import annotations

from vetplan.orgs.roles import SIGNED_IN, SUPERVISORS, Role

RULES = {
    "indicators:dashboard": SIGNED_IN,
    "indicators:target_detail": SIGNED_IN,
    "indicators:data_entry": SIGNED_IN,
    # Reporters: their own unit only; supervisors: any unit of their region (access.py).
    "indicators:data_form": SIGNED_IN,
    "indicators:template_download": SIGNED_IN,
    "indicators:data_upload": SIGNED_IN,
    # Targets without an indicator: their reporting unit, the region's supervisors and departments (queries.py).
    "indicators:target_report": SIGNED_IN,
    # A target report's 佐证材料: whoever sees the target (queries.visible_targets).
    "indicators:target_evidence": SIGNED_IN,
    # 填报进度: who sees a region (supervisors, departments); 数据截止 and 催报: its supervisors.
    "indicators:completeness": SUPERVISORS | {Role.DEPARTMENT},
    "indicators:completeness_close": SUPERVISORS,
    "indicators:completeness_remind": SUPERVISORS,
}
