"""Nanjie Grid settings: one file, every value from the environment.

The typed helpers below refuse bad values with ImproperlyConfigured, so a typo in production fails at
start-up instead of running with a surprising default.
"""

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-only-not-secret-nanjie-grid"  # noqa: S105 - refused below unless DEBUG


def env_bool(name, default):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {raw!r}")


def env_int(name, default, minimum=0):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_str(name, default):
    value = os.environ.get(name, default)
    if value is None or not value.strip():
        raise ImproperlyConfigured(f"{name} must not be empty")
    return value.strip()


def env_list(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(f"{name} must list at least one value")
    return items


def database_from_url(url):
    """Turn DATABASE_URL into a DATABASES entry: sqlite:///<path> or postgres://user:pass@host:port/name."""
    if not url:
        return sqlite_database(BASE_DIR / "db.sqlite3")
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        if not path or path == "/":
            raise ImproperlyConfigured("DATABASE_URL sqlite:///<path> needs a file path")
        # sqlite:///db.sqlite3 is relative to the project root, sqlite:////var/lib/x.sqlite3 absolute.
        return sqlite_database(Path(path[1:]) if path.startswith("//") else BASE_DIR / path[1:])
    if parsed.scheme in ("postgres", "postgresql"):
        name = unquote(parsed.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured("DATABASE_URL postgres://… needs a database name")
        options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        try:
            port = parsed.port or ""
        except ValueError:
            raise ImproperlyConfigured("DATABASE_URL has a bad port") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(port),
            "OPTIONS": options,
            # Persistent connections with a health check: survives a database restart without ours.
            "CONN_MAX_AGE": env_int("DJANGO_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            # Choice fields iterate their querysets with .iterator(): a server-side cursor made that three
            # round trips (DECLARE, FETCH, CLOSE) per <select>; our lists are small and paginated.
            "DISABLE_SERVER_SIDE_CURSORS": True,
        }
    raise ImproperlyConfigured(f"DATABASE_URL scheme {parsed.scheme!r} is not sqlite or postgres")


def sqlite_database(path):
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            # IMMEDIATE + WAL + a busy timeout: concurrent writers wait instead of "database is locked".
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def redis_caches(url, prefix):
    """The cache and the sessions in one Redis (redis://host:port/db, rediss:// with TLS, unix:///path.sock).

    Django's own RedisCache: it needs only redis-py, and get/set/add/incr/delete are all we use (django-redis
    would add compression, locks and pattern scans we have no use for). Two key prefixes, so the cache can be
    dropped without logging anyone out. Short socket timeouts: a Redis that hangs is an error page in two
    seconds (503, nanjie.views.server_error), not a gunicorn worker stuck until its 30-second timeout.
    """
    scheme = urlparse(url).scheme
    if scheme not in ("redis", "rediss", "unix"):  # the scheme only: the URL may hold a password
        raise ImproperlyConfigured(f"REDIS_URL must start with redis://, rediss:// or unix://, not {scheme!r}")
    options = {"socket_connect_timeout": 2, "socket_timeout": 2, "health_check_interval": 30}

    def cache(key_prefix):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                "KEY_PREFIX": key_prefix, "OPTIONS": options}

    return {"default": cache(f"{prefix}:cache"), "sessions": cache(f"{prefix}:session")}


def media_storage():
    """Residents' photos: a folder (DJANGO_MEDIA_ROOT, on a shared mount for several app servers), or an
    S3-compatible bucket (DJANGO_MEDIA_S3_BUCKET; MinIO, Aliyun OSS, Tencent COS…) through django-storages.

    The bucket stays private: photos are only ever served through the view that checks access, never by URL.
    Credentials come from the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
    """
    bucket = os.environ.get("DJANGO_MEDIA_S3_BUCKET", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    try:
        import storages.backends.s3  # noqa: F401
    except ImportError:
        raise ImproperlyConfigured("DJANGO_MEDIA_S3_BUCKET needs django-storages: pip install '.[s3]'") from None
    endpoint = os.environ.get("DJANGO_MEDIA_S3_ENDPOINT", "").strip() or None
    if endpoint and not endpoint.startswith(("https://", "http://")):
        raise ImproperlyConfigured(f"DJANGO_MEDIA_S3_ENDPOINT must start with https://, not {endpoint!r}")
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": os.environ.get("DJANGO_MEDIA_S3_REGION", "").strip() or None,
        "location": os.environ.get("DJANGO_MEDIA_S3_PREFIX", "media").strip("/ "),
        "default_acl": None,  # the bucket's own policy (private); many S3-compatible stores refuse ACLs
        "querystring_auth": True,  # any URL made for a file is signed and expires
        "file_overwrite": False,  # two servers saving the same name never replace each other's photo
    }}


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is the development key while DJANGO_DEBUG is False: set a real secret key"
    )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is False")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL", ""))}
# A read replica (PostgreSQL streaming standby): GET pages read from it, everything else stays on the primary
# (nanjie/db_router.py). In tests it is a mirror of default: the same test database, no second one to create.
# (Lower-case names: the URLs may hold passwords, and are no settings to list.)
replica_url = os.environ.get("DATABASE_REPLICA_URL", "").strip()
DATABASE_ROUTERS = []
if replica_url:
    if not replica_url.startswith(("postgres://", "postgresql://")):
        raise ImproperlyConfigured("DATABASE_REPLICA_URL must be a postgres://… URL (a streaming standby)")
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_REPLICA_URL needs DATABASE_URL on PostgreSQL too")
    DATABASES["replica"] = {**database_from_url(replica_url), "TEST": {"MIRROR": "default"}}
    DATABASE_ROUTERS = ["nanjie.db_router.PrimaryReplicaRouter"]
# After a write, the same browser reads from the primary for this long: a resident sees the wish just sent even
# while the replica is a moment behind. Longer than the replica's usual lag (watch pg_stat_replication).
DATABASE_REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 10, minimum=1)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "mptt",
    "django_filters",
    "simple_history",
    "axes",
    "nanjie",
    "grid",
    "partners",
    "volunteers",
    "requests",
]

MIDDLEWARE = [
    # First: a body larger than MAX_REQUEST_BYTES is refused before anything reads (or spools) it.
    "nanjie.middleware.BodyLimitMiddleware",
    # HEAD is a GET without a body: every page that answers GET answers HEAD (monitors ask HEAD).
    "nanjie.middleware.HeadAsGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session and the user are read: a GET reads from the replica unless this browser just wrote.
    "nanjie.db_router.ReadReplicaMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # /c/<code>/…: the community a request serves (its total grid's code), the prefix kept for reverse().
    "grid.territory.community.CommunityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the user's person, groups and permissions in two queries (nanjie/auth_prefetch.py).
    "nanjie.auth_prefetch.PrefetchingAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before any view reads the address or the query: a NUL there is a 500 on PostgreSQL.
    "nanjie.middleware.RejectNulMiddleware",
    # An admin date-hierarchy year no calendar holds (?…__year=99999999999) is the changelist's ?e=1, not a 500.
    "nanjie.admin_dates.AdminDateHierarchyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "nanjie.middleware.StaffNoStoreMiddleware",
    # A view's 404 is our page in development too (a scope-denied object is not shown by Django's debug page).
    "nanjie.not_found.NotFoundPageMiddleware",
    # Last, so its lockout answer wraps the whole login view.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "nanjie.urls"
WSGI_APPLICATION = "nanjie.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nanjie.context_processors.portal",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/me/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "zh-hans"
# django-filter's empty choice: 全部, never Django's "---------" (nanjie/filtering.py has the yes/no one).
FILTERS_EMPTY_CHOICE_LABEL = _("All")
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Manifest storage needs collectstatic; development and tests serve straight from the finders.
STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": media_storage(),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
# Residents' photos: never served by URL, only through a view that checks access.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The largest request body accepted (nanjie.middleware.BodyLimitMiddleware): three 5 MB photos and the form.
# Keep it equal to the proxy's client_max_body_size (bench/nginx.conf: 16m).
MAX_REQUEST_BYTES = env_int("NANJIE_MAX_REQUEST_BYTES", 16 * 1024 * 1024, minimum=1024 * 1024)

# Security: strict by default in production; each switch can be turned off for a plain-HTTP benchmark.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The language switch is a plain form: its cookie needs no script access either. (Messages' cookie follows
# the session cookie's settings by itself.)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "nanjie.views.csrf_failure"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# Login throttling: the 6th failed attempt for a username from one address is refused with a 429. Axes locks
# out on the attempt that reaches the limit (with 5, the 5th wrong password would already be refused).
AXES_FAILURE_LIMIT = 6
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "nanjie.views.locked_out"
# Also locked: this many wrong passwords for one account from all addresses together in AXES_COOLOFF_TIME
# (nanjie/lockouts.py; high, so a stranger cannot lock a worker out; the branch unlocks at /accounts/lockouts/).
AXES_HANDLER = "nanjie.lockouts.AccountCappedHandler"
ACCOUNT_FAILURE_LIMIT = env_int("NANJIE_ACCOUNT_FAILURE_LIMIT", 30, minimum=AXES_FAILURE_LIMIT)
AXES_USERNAME_CALLABLE = "nanjie.login_throttle.attempted_username"  # cut to a length the database can hold
# Behind the TLS proxy every REMOTE_ADDR is the proxy's: count by the address the proxy saw (the last
# X-Forwarded-For entry, trusted only with DJANGO_BEHIND_TLS_PROXY), or anyone's six misses lock a staff account.
AXES_CLIENT_IP_CALLABLE = "nanjie.login_throttle.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLED = env_bool("DJANGO_AXES_ENABLED", True)

# Without Redis: a cache per process (or per machine with DJANGO_CACHE_DIR) and sessions in the database, so
# `make run` needs nothing. With REDIS_URL (every deployment of more than one app server): one cache and the
# sessions in Redis, which every server sees alike. Nothing a resident submitted is kept there.
redis_url = os.environ.get("REDIS_URL", "").strip()
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if redis_url and os.environ.get("DJANGO_CACHE_DIR"):
    raise ImproperlyConfigured("Set REDIS_URL or DJANGO_CACHE_DIR, not both: the cache lives in one place")
if redis_url:
    CACHES = redis_caches(redis_url, env_str("REDIS_KEY_PREFIX", "nanjie"))
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    SESSION_CACHE_ALIAS = "sessions"
elif os.environ.get("DJANGO_CACHE_DIR"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["DJANGO_CACHE_DIR"],
    }

# The residents' home page, closure board and feed kept whole this many seconds for anonymous visitors
# (nanjie/page_cache.py), only in the shared cache: a per-process cache would keep what another process changed.
NANJIE_PAGE_CACHE_SECONDS = env_int("NANJIE_PAGE_CACHE_SECONDS", 30) if redis_url else 0
if not redis_url and env_int("NANJIE_PAGE_CACHE_SECONDS", 0):
    raise ImproperlyConfigured("NANJIE_PAGE_CACHE_SECONDS needs REDIS_URL: the page cache must be one for every server")

# The community this installation serves: its code prefixes references (NJ-2026-000123).
COMMUNITY_CODE = env_str("NANJIE_COMMUNITY_CODE", "NJ")
# The address printed in the QR codes of posters and tracking slips (https://grid.example.cn); empty: the host
# the page was asked on, which from an office PC may be an internal name.
NANJIE_PUBLIC_URL = os.environ.get("NANJIE_PUBLIC_URL", "").strip().rstrip("/")
if NANJIE_PUBLIC_URL and not NANJIE_PUBLIC_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(f"NANJIE_PUBLIC_URL must start with https://, not {NANJIE_PUBLIC_URL!r}")
# Households a grid worker has not visited for this many days are listed first (0 would make every one stale).
NANJIE_VISIT_STALE_DAYS = env_int("NANJIE_VISIT_STALE_DAYS", 30, minimum=1)
# The joint meeting's agenda proposes the needs nobody has claimed for longer than this many days.
NANJIE_NEED_UNCLAIMED_DAYS = env_int("NANJIE_NEED_UNCLAIMED_DAYS", 30, minimum=1)
# A request this many Chinese working days past its deadline is escalated: listed on the branch's /me/.
NANJIE_ESCALATE_WORKDAYS = env_int("NANJIE_ESCALATE_WORKDAYS", 3, minimum=1)
# The community office residents call or visit, shown on the home page, the tracking page and every error page
# (nanjie/paper.py: community_office). Office numbers only, never a person's own phone: the joint meeting is
# reached through its office line, whoever is this month's on-duty chairman.
NANJIE_OFFICE_PHONE = env_str("NANJIE_OFFICE_PHONE", "0878-5721100")
NANJIE_MEETING_PHONE = env_str("NANJIE_MEETING_PHONE", "0878-5721107")
for _name in ("NANJIE_OFFICE_PHONE", "NANJIE_MEETING_PHONE"):
    if not re.fullmatch(r"\+?[0-9][0-9 -]{5,19}", globals()[_name]):
        raise ImproperlyConfigured(f"{_name} must be a phone number (digits, spaces, hyphens): {globals()[_name]!r}")
NANJIE_OFFICE_ADDRESS = env_str("NANJIE_OFFICE_ADDRESS", "栋川镇南街社区党群服务中心")
NANJIE_OFFICE_HOURS = env_str("NANJIE_OFFICE_HOURS", "周一至周五 8:30–12:00，14:30–17:30")

# One handler, at the root, with the filter that masks residents' phones and names (nanjie/logging.py). Django's
# own loggers are emptied and propagate to it: otherwise its default handlers ("console" in DEBUG, the dev
# server's) would keep printing unmasked lines beside ours.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_personal_data": {"()": "nanjie.logging.MaskPersonalData"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_personal_data"], "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        "django.db.backends": {"level": "INFO"},
        # Axes says "deleted 0 failed login attempts" at INFO on every login; lockouts come at WARNING.
        "axes": {"level": "WARNING"},
    },
}
