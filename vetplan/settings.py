"""vetplan settings: everything comes from the environment, with defaults that work on a laptop."""

from __future__ import annotations

import datetime as dt
import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from vetplan.env import BASE_DIR, env_bool, env_int, env_list, env_str, var_dir

VAR_DIR = var_dir()

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # `vetplan demo` and `vetplan serve` put the installation's own key (var/secret_key, made on
        # first use) into the environment (vetplan/cli.py); anything else started without DEBUG names one.
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: with DEBUG off vetplan needs a secret key of its own. Set SECRET_KEY "
            "(e.g. the output of `python -c 'import secrets; print(secrets.token_urlsafe(50))'`), or start "
            "with `vetplan serve` / `vetplan demo`, which make one under VETPLAN_VAR_DIR (var/secret_key)."
        )
    SECRET_KEY = "vetplan-insecure-development-key-DEBUG-only"  # noqa: S105 (only ever used with DEBUG=1)

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
    "axes",
    "vetplan.core",
    "vetplan.orgs",
    "vetplan.plans",
    "vetplan.indicators",
    "vetplan.supervision",
    "vetplan.api",
    "vetplan.reports",
    "vetplan.registries",
    "vetplan.mechanisms",
    "vetplan.backup",
    "vetplan.workbench",
    "vetplan.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "vetplan.core.security.ContentSecurityPolicyMiddleware",
    "vetplan.core.security.RequestBodyLimitMiddleware",  # an oversized body is refused unread
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # These two check the URL and the user's role (request.user is set by AuthenticationMiddleware's
    # request phase, which runs before any view phase) before CsrfViewMiddleware reads the body: an
    # anonymous or not-permitted upload is refused before it is received.
    "vetplan.core.params.UrlIntegerRangeMiddleware",
    "vetplan.core.access.RoleRuleMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
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
# Login throttling (django-axes) on /login/ and /admin/login/: after VETPLAN_LOGIN_FAILURE_LIMIT wrong
# passwords for one user name from one address, that pair is refused for VETPLAN_LOGIN_LOCKOUT_MINUTES
# (a county office behind one address is not locked out by one colleague's typos). Counted in the database,
# so every worker process sees the same count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("VETPLAN_LOGIN_THROTTLING", True)
AXES_FAILURE_LIMIT = env_int("VETPLAN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("VETPLAN_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "vetplan.core.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "vetplan.core.security.client_ip"
AXES_VERBOSE = False  # no start-up banner; each failure and each lockout is still one warning line
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
# Any request body above this is refused (413) before it is read, whatever the page (core/security.py).
VETPLAN_MAX_REQUEST_BYTES = env_int("VETPLAN_MAX_REQUEST_BYTES", 50 * 1024 * 1024)
# Data may be reported from this many years before the earliest plan's first year (its baseline).
VETPLAN_BASELINE_YEARS = env_int("VETPLAN_BASELINE_YEARS", 5)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
# Excel data uploads: at most this many data rows a file; above either threshold an upload is
# checked and saved by `vetplan worker` (a background job with a progress page), not in the request.
VETPLAN_MAX_UPLOAD_ROWS = env_int("VETPLAN_MAX_UPLOAD_ROWS", 200_000)
VETPLAN_BACKGROUND_UPLOAD_ROWS = env_int("VETPLAN_BACKGROUND_UPLOAD_ROWS", 5_000)
VETPLAN_BACKGROUND_UPLOAD_BYTES = env_int("VETPLAN_BACKGROUND_UPLOAD_BYTES", 1024 * 1024)
VETPLAN_JOB_FILES_DIR = VAR_DIR / "jobs"  # uploads waiting for the worker, by random names

# E-mail: notifications (workbench) are mailed to the recipients with an address. The console
# backend prints them, so nothing leaves the machine until EMAIL_BACKEND names an SMTP server.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "vetplan@localhost")
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are exclusive: set one of them")
# The address the site is reached at, for the links in e-mails (the pages themselves use relative links).
VETPLAN_SITE_URL = env_str("VETPLAN_SITE_URL", "http://127.0.0.1:8000")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag; see base.html
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (core/security.py): scripts only from this site's files, never inline. Styles
# may be inline: templates size their chart boxes with style="", htmx adds its indicator style, and
# ECharts and Swagger UI style what they draw; an injected style cannot run script.
VETPLAN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",  # the quality report's charts are data: PNGs; Swagger UI's icons
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
VETPLAN_CSP_REPORT_ONLY = env_bool("VETPLAN_CSP_REPORT_ONLY", False)
# HTTPS is the reverse proxy's job (README: 在反向代理后部署); these say what it does, and are what
# `vetplan check --deploy` asks for: without them it prints W004, W008, W012 and W016, nothing else.
SESSION_COOKIE_SECURE = env_bool("VETPLAN_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("VETPLAN_HSTS_SECONDS", 0)
# Off by default: the site is often one host under a government domain whose other hosts are not ours.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("VETPLAN_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("VETPLAN_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("VETPLAN_SSL_REDIRECT", False)
# Behind a proxy: how many proxies append to X-Forwarded-For (the client address for login throttling),
# and whether the proxy's X-Forwarded-Proto says the request came over HTTPS.
VETPLAN_PROXY_COUNT = env_int("VETPLAN_PROXY_COUNT", 0)
if env_bool("VETPLAN_PROXY_HTTPS_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Each 403, 404 or other 4xx is one line; only server errors (5xx) carry a traceback. On the logger
    # for every handler of its records (the test run's too), on the handler for django.security.*.
    "filters": {"client_errors_on_one_line": {"()": "vetplan.core.logging.ClientErrorsOnOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["client_errors_on_one_line"]}},
    "loggers": {"django.request": {"filters": ["client_errors_on_one_line"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
