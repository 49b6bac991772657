"""Where a data value comes from, and which sources are the system's own (never a unit's report)."""

from __future__ import annotations

REGISTRY_SOURCE = "registry"  # values computed from a registry's records (vetplan.registries.figures)
POLICY_SOURCE = "policy"  # values a mechanism computes (vetplan.mechanisms: 办学条件达标, 资助名册 ...)
COMPUTED_SOURCES = {
    REGISTRY_SOURCE: "由名册记录计算，请在名册中修改记录",
    POLICY_SOURCE: "由资助发放名册等政策机制计算，请在相应页面修改",
}
