"""vetplan settings: everything comes from the environment, with defaults that work on a laptop."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from vetplan.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VETPLAN_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and env_bool("VETPLAN_REQUIRE_SECRET_KEY", False):
        raise ImproperlyConfigured("SECRET_KEY must be set in production (VETPLAN_REQUIRE_SECRET_KEY=1)")
    # A development key, only for the demo and the tests; production sets SECRET_KEY.
    SECRET_KEY = "vetplan-insecure-development-key-set-SECRET_KEY-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "vetplan.core",
    "vetplan.orgs",
    "vetplan.plans",
    "vetplan.indicators",
    "vetplan.supervision",
    "vetplan.api",
    "vetplan.reports",
    "vetplan.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "vetplan.core.access.RoleRuleMiddleware",
]

ROOT_URLCONF = "vetplan.urls"
WSGI_APPLICATION = "vetplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "vetplan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vetplan.core.context.navigation",
            ],
            "builtins": ["vetplan.core.templatetags.vetplan_tags"],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
_default_sqlite = f"sqlite:///{VAR_DIR / 'vetplan.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL", _default_sqlite), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; see vetplan/core/apps.py for the pragma.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    # Tests use a file too (one per test process), so concurrent-save tests get a connection per thread.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-vetplan-{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "vetplan" / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# Formatted report files, keyed by a hash of their content (reports/views.py): a PDF takes seconds
# to lay out, so the public's downloads of a published report are laid out once, on disk so that
# every gunicorn worker shares them.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "reports": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "reports",
        "TIMEOUT": 30 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}

# Uploads: kept small; plan documents are text, not scans.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("VETPLAN_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
# Data may be reported from this many years before the earliest plan's first year (its baseline).
VETPLAN_BASELINE_YEARS = env_int("VETPLAN_BASELINE_YEARS", 5)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
# Excel data uploads: at most this many data rows a file; above either threshold an upload is
# checked and saved by `vetplan worker` (a background job with a progress page), not in the request.
VETPLAN_MAX_UPLOAD_ROWS = env_int("VETPLAN_MAX_UPLOAD_ROWS", 200_000)
VETPLAN_BACKGROUND_UPLOAD_ROWS = env_int("VETPLAN_BACKGROUND_UPLOAD_ROWS", 5_000)
VETPLAN_BACKGROUND_UPLOAD_BYTES = env_int("VETPLAN_BACKGROUND_UPLOAD_BYTES", 1024 * 1024)
VETPLAN_JOB_FILES_DIR = VAR_DIR / "jobs"  # uploads waiting for the worker, by random names

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag; see base.html
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("VETPLAN_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
