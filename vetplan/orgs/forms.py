from __future__ import annotations

from typing import Any

from django import forms

from vetplan.orgs.models import Organization


class OrganizationForm(forms.ModelForm):
    aliases_text = forms.CharField(label="别名", required=False, help_text="用顿号或逗号分隔，例如：县教体局、教体局")

    class Meta:
        model = Organization
        fields = ["name", "short_name", "type"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["aliases_text"].initial = "、".join(self.instance.aliases or [])

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        clash = Organization.objects.filter(region=self.instance.region_id, name=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("本区域已有同名单位。")
        return name

    def service_kwargs(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k != "aliases_text"}
        raw = self.cleaned_data.get("aliases_text") or ""
        for sep in "，,;；":
            raw = raw.replace(sep, "、")
        data["aliases"] = [a.strip() for a in raw.split("、") if a.strip()]
        return data
