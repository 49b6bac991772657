"""API tokens: only a SHA-256 hash is stored; the token itself is shown once, when created."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens", verbose_name="用户")
    name = models.CharField("用途", max_length=64, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField("前缀", max_length=8, editable=False)  # shown in lists so a token can be told apart
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


def create_api_token(user: object, name: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`: (row, plain token). The plain token is not stored anywhere."""
    token = secrets.token_urlsafe(32)
    row = ApiToken.objects.create(user=user, name=name, token_hash=hash_token(token), prefix=token[:8])
    return row, token
