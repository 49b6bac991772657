"""The registries' forms: the upload of a filled-in template."""

from __future__ import annotations

from typing import Any

from django import forms

MAX_UPLOAD = 50 * 1024 * 1024


class RegistryUploadForm(forms.Form):
    file = forms.FileField(
        label="已填写的模板（.xlsx）",
        error_messages={"required": "请选择要导入的文件。", "empty": "上传的文件是空的。"},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith(".xlsx"):
            raise forms.ValidationError(f"“{upload.name}”不是 .xlsx 文件：请用本系统下载的模板填写后上传。")
        if upload.size and upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                f"文件 {upload.size / 1048576:.1f} MB，超过上限 {MAX_UPLOAD // 1048576} MB：请拆分后导入。"
            )
        return upload
