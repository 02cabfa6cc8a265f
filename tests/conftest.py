import os
import shutil
import uuid

import pytest
from django.db import connection

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
]


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


LOCAL_CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(scope="session", autouse=True)
def _one_server():
    """The suite runs as one server on the primary, whatever the environment says: REDIS_URL's Redis is shared
    (tests clear their cache, which on Redis is FLUSHDB for everyone), and a replica is a second connection that
    cannot see the data a test holds in its open transaction. The fixtures `replica` and `redis_settings` turn
    each on for one test. Session-wide, so the module-wide fixtures (the security world's logins) see it too."""
    from django.conf import settings
    from django.test.utils import override_settings

    # Passwords are hashed cheaply under test: PBKDF2's million rounds cost 0.4 s a login made, and the suite
    # makes thousands (tests of the production setting read nanjie/settings.py, not this override).
    overrides = {"PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"]}
    # The page cache is on with REDIS_URL; in a process-wide cache it would carry pages from test to test
    # (tests/nanjie/test_page_cache.py turns it on, with a cleared cache).
    overrides["NANJIE_PAGE_CACHE_SECONDS"] = 0
    if settings.DATABASE_ROUTERS:
        overrides["DATABASE_ROUTERS"] = []
    if "redis" in settings.CACHES["default"]["BACKEND"].lower():
        overrides.update(CACHES=LOCAL_CACHES, SESSION_ENGINE="django.contrib.sessions.backends.db")
    with override_settings(**overrides):
        yield


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """The replica alias is always there, as a TEST MIRROR of default (the same test database), so the router
    tests run on every machine; without DATABASE_REPLICA_URL it is only used by those tests."""
    from django.conf import settings
    from django.db import connections

    if "replica" not in settings.DATABASES:
        settings.DATABASES["replica"] = {**settings.DATABASES["default"], "TEST": {"MIRROR": "default"}}
        connections.configure_settings(settings.DATABASES)  # fill in the defaults of the new alias


@pytest.fixture
def replica(settings):
    """The primary/replica router switched on; use with django_db(transaction=True, databases=[…, "replica"])."""
    from django.db import connections

    settings.DATABASE_ROUTERS = ["nanjie.db_router.PrimaryReplicaRouter"]
    yield
    connections["replica"].close()  # a mirror's connection is not ours to keep: the test database is dropped at the end


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("needs Redis: set REDIS_URL=redis://127.0.0.1:6379/0 (.ci/run starts one and sets it)")
    return url


@pytest.fixture
def redis_settings(settings, redis_url):
    """The cache and the sessions in Redis as REDIS_URL configures them, under a key prefix of this test only;
    afterwards exactly those keys are deleted (never FLUSHDB: the Redis may be shared)."""
    import redis

    from nanjie.settings import redis_caches

    prefix = f"nanjie-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = redis_caches(redis_url, prefix)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.SESSION_CACHE_ALIAS = "sessions"
    yield prefix
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=500))
    if keys:
        client.delete(*keys)
    client.close()


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    reason = "no Chromium found (apt-get install chromium); set REQUIRE_BROWSER=1 to make this a failure"
    for item in items:
        if "browser" in item.keywords and not os.environ.get("REQUIRE_BROWSER"):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.fail("REQUIRE_BROWSER=1 but no Chromium was found: apt-get install chromium")
    # Live-server tests run Django's sync ORM beside Playwright's event loop.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    """A page on a 390-px-wide phone viewport, in Chinese."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def browser_login(page, live_server, username, password="correct-horse-battery"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("#main button[type=submit]")  # not the header's elderly-mode switch
    page.wait_for_load_state("networkidle")


def follow_menu(page, label):
    """Go to a section through the main menu, as a person would: on a phone, open the folded menu first."""
    toggle = page.locator(".menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    link = page.locator(".site-nav").get_by_role("link", name=label, exact=True)
    more = page.locator(".site-nav .nav-more summary")
    if not link.is_visible() and more.count():
        more.click()  # past 7 entries the menu folds the rest under 更多 (issue 16)
    link.click()


def on_postgres():
    return connection.vendor == "postgresql"


requires_postgres = pytest.mark.skipif(
    "os.environ.get('DATABASE_URL', '').split(':')[0] not in ('postgres', 'postgresql')",
    reason="needs PostgreSQL (races: select_for_update and advisory locks are no-ops on SQLite; backups: pg_dump); "
    "set DATABASE_URL=postgres://…",
)
