"""A load test of the signed-in site on the synthetic province: `python benchmarks/load.py`.

    .venv/bin/python benchmarks/load.py [--orgs 2000] [--users 50] [--minutes 3]

Needs Locust (`pip install -e .[dev]`). On a scratch SQLite database of its own (removed afterwards;
`BENCH_SCRATCH` keeps a folder of your choice) it generates the synthetic province
(`generate-synthetic --orgs N --years 10`), adds sign-ins across the roles (the province and a city
督导室, county 督导室, department, school and enterprise reporters), starts `vetplan serve` as a user
would start it, and runs Locust headless: the users sign in, then open pages with 1-3 s think time,
5% of their requests writes (a school or department saving its data form). The figures are of the
minutes after every user has signed in (the sign-ins are counted apart). Prints

    load: 50 users, N requests, p50 X ms, p95 Y ms, errors E
    slowest pages (p95): ...five lines...
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "vetplan-demo"  # noqa: S105 (the synthetic sign-ins on a scratch database, vetplan.indicators.synthetic)
WRITE_SHARE = 0.05


def scratch_env(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{scratch / 'load.sqlite3'}",
        VETPLAN_VAR_DIR=str(scratch),
        DJANGO_SETTINGS_MODULE="vetplan.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY", "vetplan-benchmarks-not-a-secret"),
        VETPLAN_LOGIN_THROTTLING="0",  # 50 sign-ins from one address are not an attack
        PYTHONPATH=str(ROOT),
    )
    return env


def setup_users() -> None:
    """Run in a subprocess on the scratch database: sign-ins for every role (`--setup`)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from vetplan.orgs.models import Membership, Organization, Region
    from vetplan.orgs.roles import Role

    password = make_password(PASSWORD)
    users = get_user_model()
    counties = list(Region.objects.filter(level=Region.Level.COUNTY).order_by("code")[:10])
    for n, county in enumerate(counties):
        government = Organization.objects.filter(region=county, parent=None).first()
        departments = list(Organization.objects.filter(region=county, parent=government).order_by("pk")[:2])
        schools = list(Organization.objects.filter(region=county, type=Organization.Type.SCHOOL).order_by("pk")[:2])
        enterprise = Organization.objects.filter(region=county, type=Organization.Type.ENTERPRISE).first()
        plan = [(f"load-county-{n}", government, Role.SUPERVISOR)]
        plan += [(f"load-dept-{n}-{i}", d, Role.DEPARTMENT) for i, d in enumerate(departments)]
        plan += [(f"load-school-{n}-{i}", s, Role.SCHOOL) for i, s in enumerate(schools)]
        plan += [(f"load-enterprise-{n}", enterprise, Role.ENTERPRISE)] if enterprise else []
        for username, org, role in plan:
            if org is None:
                continue
            user = users.objects.create(username=username, password=password)
            Membership.objects.create(user=user, organization=org, role=role)
    users.objects.filter(username__startswith="synthetic-").update(password=password)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own local server)
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"load: the server at {url} did not answer")


def run_locust(host: str, users: int, seconds: int) -> int:
    from gevent import spawn_later
    from locust import HttpUser, between, task
    from locust.env import Environment

    usernames = (
        ["synthetic-province", "synthetic-city"]
        + [f"load-county-{n}" for n in range(10)]
        + [f"load-dept-{n}-{i}" for n in range(10) for i in range(2)]
        + [f"load-school-{n}-{i}" for n in range(10) for i in range(2)]
        + [f"load-enterprise-{n}" for n in range(10)]
    )
    pool = iter(usernames * 2)

    class Visitor(HttpUser):  # type: ignore[misc]
        wait_time = between(1, 3)
        host_url = host

        def on_start(self) -> None:
            self.username = next(pool)
            self.client.get("/login/", name="/login/")
            token = self.client.cookies.get("csrftoken", "")
            self.client.post(
                "/login/",
                {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
                name="/login/ (POST)",
            )
            self.reporter = self.username.startswith(("load-school", "load-dept", "load-enterprise"))
            self.regions = []
            if not self.reporter:
                page = self.client.get("/data/", name="/data/").text
                self.regions = re.findall(r'href="\?region=(\d+)"', page)

        @task
        def visit(self) -> None:
            if self.reporter and random.random() < WRITE_SHARE:
                self.save_data()
                return
            pages = ["/", "/tasks/", "/data/", "/plans/", "/notifications/"]
            if self.reporter:
                pages += ["/data/entry/"]
            else:
                pages += ["/orgs/", "/data/completeness/", "/supervision/rounds/", "/orgs/search/?name=units&groups=1"]
            url = random.choice(pages)
            if url == "/data/" and self.regions and random.random() < 0.5:
                self.client.get(f"/data/?region={random.choice(self.regions)}", name="/data/?region=")
                return
            self.client.get(url, name=url)

        def save_data(self) -> None:
            entry = self.client.get("/data/entry/", name="/data/entry/").text
            forms = re.findall(r'href="(/data/entry/\d+/(\d+)/)"', entry)
            if not forms:
                return
            url = sorted(forms, key=lambda f: f[1])[-2][0] if len(forms) > 1 else forms[0][0]
            page = self.client.get(url, name="/data/entry/<unit>/<year>/").text
            fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
            numbers = [name for name, value in fields.items() if re.fullmatch(r"[0-9.]+", value) and name != "version"]
            if numbers:
                name = random.choice(numbers)
                fields[name] = str(float(fields[name]) + 1)
            fields["csrfmiddlewaretoken"] = self.client.cookies.get("csrftoken", "")
            self.client.post(url, fields, name="/data/entry/<unit>/<year>/ (POST)")

    Visitor.host = host
    env = Environment(user_classes=[Visitor])
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=10)
    # The figures count the steady state: the sign-ins (a password hash each) are reset away.
    warm_up = users / 10 + 20
    spawn_later(warm_up, env.stats.reset_all)
    spawn_later(warm_up + seconds, runner.quit)
    runner.greenlet.join()
    total = env.stats.total
    print(
        f"load: {users} users, {total.num_requests} requests, p50 {total.get_response_time_percentile(0.5):.0f} ms, "
        f"p95 {total.get_response_time_percentile(0.95):.0f} ms, errors {total.num_failures}"
    )
    entries = sorted(env.stats.entries.values(), key=lambda e: e.get_response_time_percentile(0.95), reverse=True)
    print("slowest pages (p95):")
    for entry in entries[:5]:
        print(
            f"  {entry.method} {entry.name}: p95 {entry.get_response_time_percentile(0.95):.0f} ms ({entry.num_requests} requests)"
        )
    for error in sorted(env.stats.errors.values(), key=lambda e: -e.occurrences)[:5]:
        print(f"  error: {error.method} {error.name}: {error.error} ({error.occurrences}x)")
    return 1 if total.num_failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=2000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.setup:
        setup_users()
        return 0
    try:
        import locust  # noqa: F401  (monkey-patches the standard library first: import before anything else)
    except ImportError:
        raise SystemExit("load: Locust is missing; install the development extras: pip install -e .[dev]") from None
    keep = "BENCH_SCRATCH" in os.environ
    scratch = Path(os.environ.get("BENCH_SCRATCH") or tempfile.mkdtemp(prefix="vetplan-bench-load-"))
    scratch.mkdir(parents=True, exist_ok=True)
    env = scratch_env(scratch)
    python = os.environ.get("VETPLAN_PYTHON", sys.executable)
    server = None
    try:
        run = lambda *args: subprocess.run([python, *args], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)  # noqa: E731, S603
        run("-m", "vetplan.cli", "migrate", "--verbosity", "0")
        run("-m", "vetplan.cli", "collectstatic", "--noinput", "--verbosity", "0")
        started = time.perf_counter()
        run("-m", "vetplan.cli", "generate-synthetic", "--orgs", str(options.orgs), "--years", str(options.years))
        run(str(Path(__file__).resolve()), "--setup")
        print(f"load: synthetic province of {options.orgs} units ready in {time.perf_counter() - started:.0f} s")
        port = free_port()
        server = subprocess.Popen(  # noqa: S603
            [python, "-m", "vetplan.cli", "serve", "--bind", f"127.0.0.1:{port}", "--no-worker"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=(scratch / "server.log").open("w"),
            start_new_session=True,
        )
        host = f"http://127.0.0.1:{port}"
        wait_for(f"{host}/login/")
        return run_locust(host, options.users, int(options.minutes * 60))
    finally:
        if server is not None:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
        if not keep:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
