"""docker-compose.yml, the Dockerfile and .dockerignore are kept correct by review and by these tests (there
is no Docker engine in CI): compose is read with its variables filled from .env.example the way compose fills
them, the image's file list is rebuilt from the Dockerfile's COPY lines and .dockerignore, and `etl checks`
runs on a tree made of just those files."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
import typer.main
import yaml
from sqlalchemy.engine import URL, make_url

from etl.cli import app

REPO = Path(__file__).resolve().parent.parent
VARIABLE = re.compile(r"\$\$|\$\{(\w+)(?:(:?[-?])([^}]*))?\}|\$(\w+)")


class MissingVariable(Exception):
    pass


def interpolate(value, env: dict[str, str]):
    """Compose's variable substitution over a parsed value: ${V}, ${V:-default}, ${V-default}, ${V:?error},
    ${V?error}, $V, and $$ for a literal $."""
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def one(match: re.Match) -> str:
        if match.group(0) == "$$":
            return "$"
        name, op, arg = match.group(1) or match.group(4), match.group(2), match.group(3)
        current = env.get(name)
        unset = current is None or (current == "" and op is not None and op.startswith(":"))
        if op in ("?", ":?") and unset:
            raise MissingVariable(arg or name)
        if op in ("-", ":-") and unset:
            return arg
        return current or ""

    return VARIABLE.sub(one, value)


def env_file(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if line.strip() and not line.startswith("#"))
    return {k.strip(): v.strip() for k, v in pairs}


def compose(env: dict[str, str] | None = None) -> dict:
    raw = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    return interpolate(raw, env_file(REPO / ".env.example") if env is None else env)


def test_the_database_service_has_a_named_volume_and_a_healthcheck():
    spec = compose()
    db = spec["services"]["db"]
    assert db["image"].startswith("postgres:")
    volume = db["volumes"][0].split(":")[0]
    assert volume in spec["volumes"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    env = db["environment"]
    assert {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"} <= set(env)


def test_etl_services_use_the_owner_without_a_password_in_the_url():
    spec = compose()
    db_env = spec["services"]["db"]["environment"]
    for name in ("etl", "nightly"):
        service = spec["services"][name]
        url = make_url(service["environment"]["DATABASE_URL"])
        assert url.host == "db" and url.database == db_env["POSTGRES_DB"] and url.username == db_env["POSTGRES_USER"]
        assert url.password is None and service["environment"]["PGPASSWORD"] == db_env["POSTGRES_PASSWORD"]
        assert service["depends_on"]["db"]["condition"] == "service_healthy"
        assert service["build"] == "." and (REPO / "Dockerfile").is_file()
        assert any(v.endswith(":/reports:ro") for v in service["volumes"])
        for volume in service["volumes"]:
            source = volume.split(":")[0]
            assert source.startswith(".") or source in spec["volumes"]


def test_the_port_is_bound_to_localhost_by_default():
    example = env_file(REPO / ".env.example")
    secrets_only = {k: v for k, v in example.items() if k not in ("DB_BIND", "DB_PORT")}
    for env in (example, secrets_only):
        (port,) = compose(env)["services"]["db"]["ports"]
        host, published, container = port.split(":")
        assert host == "127.0.0.1" and container == "5432" and published == "5432"


def test_secrets_come_from_the_env_file_and_have_no_defaults():
    with pytest.raises(MissingVariable, match=r"\.env"):
        compose({})  # no .env: compose refuses to start instead of using a built-in password
    text = (REPO / "docker-compose.yml").read_text()
    for key in ("POSTGRES_PASSWORD", "BI_PASSWORD", "PGPASSWORD"):
        for value in re.findall(rf"^\s*{key}:\s*(.+)$", text, flags=re.M):
            assert value.strip().startswith("${"), f"{key} is written into docker-compose.yml"
    example = env_file(REPO / ".env.example")
    assert all("change-me" in example[k] for k in ("POSTGRES_PASSWORD", "BI_PASSWORD"))  # placeholders only
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=REPO).returncode == 0
    assert ignored and dockerignored(".env") and not dockerignored(".env.example")


def test_bi_tools_are_pointed_at_the_read_only_login():
    spec = compose()
    db = spec["services"]["db"]
    assert db["environment"]["BI_USER"] != db["environment"]["POSTGRES_USER"]
    assert "./docker/initdb:/docker-entrypoint-initdb.d:ro" in db["volumes"]
    assert (REPO / "docker" / "initdb" / "10-bi-login.sh").is_file()
    lines = (REPO / "docker-compose.yml").read_text().splitlines()
    comments = [line for line in lines if line.lstrip().startswith("#")]
    bi = " ".join(line for line in comments if "BI tools" in line or "BI_USER" in line)
    assert "BI_USER" in bi and "read-only" in bi and "never as the owner" in " ".join(comments)


def test_service_commands_exist_in_the_cli():
    commands = typer.main.get_command(app).commands
    etl = compose()["services"]["etl"]
    assert etl["command"][0] in commands
    nightly = " ".join(compose()["services"]["nightly"]["command"])
    assert "etl run /reports" in nightly and "sleep" in nightly
    dockerfile = (REPO / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["etl"]' in dockerfile and "pip install" in dockerfile


# --------------------------------------------------------------------------- the BI login's init script


def _libpq_env(url: URL) -> dict[str, str]:
    env = {"PGUSER": url.username or "postgres", "PGDATABASE": url.database or "postgres"}
    host = url.host or url.query.get("host")
    if host:
        env["PGHOST"] = host if isinstance(host, str) else host[0]
    if url.port or url.query.get("port"):
        env["PGPORT"] = str(url.port or url.query["port"])
    if url.password:
        env["PGPASSWORD"] = url.password
    return env


@pytest.mark.db
def test_the_init_script_creates_a_read_only_login(empty_database, server_url):
    """The db service's init script, run as written against a new database, then the migrations."""
    from etl.database import libpq_url, upgrade

    name = f"bi_{uuid.uuid4().hex[:10]}"
    env = {**os.environ, **_libpq_env(empty_database), "POSTGRES_USER": empty_database.username or "postgres",
           "POSTGRES_DB": empty_database.database, "BI_USER": name, "BI_PASSWORD": "it's a \"quoted\" secret"}
    done = subprocess.run(["sh", str(REPO / "docker" / "initdb" / "10-bi-login.sh")], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    try:
        upgrade(empty_database)  # the first `etl run` migrates after the login exists
        with psycopg.connect(libpq_url(empty_database), autocommit=True) as conn:
            login, superuser, member, password = conn.execute(
                "SELECT rolcanlogin, rolsuper, pg_has_role(oid, 'ogi_analyst', 'MEMBER'), rolpassword "
                "FROM pg_authid WHERE rolname = %s", (name,)).fetchone()
            assert login and not superuser and member and password.startswith("SCRAM-SHA-256$")
            conn.execute(f"SET ROLE {name}")
            assert conn.execute("SELECT count(*) FROM analytics.report_headline").fetchone() == (0,)
            for statement in ("SELECT 1 FROM warehouse.report", "CREATE TABLE analytics.x (n int)",
                              "INSERT INTO ingest.etl_run (command, parser_version) VALUES ('x', 'x')"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
            conn.execute("RESET ROLE")
    finally:
        with psycopg.connect(libpq_url(server_url), autocommit=True) as conn:
            if conn.execute("SELECT FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                conn.execute(f"DROP OWNED BY {name}")  # the scratch database's grants go when it is dropped
                conn.execute(f"DROP ROLE {name}")


# --------------------------------------------------------------------------- the image's files


def _pattern_regex(pattern: str) -> re.Pattern:
    """A .dockerignore pattern (Go filepath.Match plus **) as a regex over slash-separated context paths."""
    parts = []
    for segment in pattern.split("/"):
        if segment == "**":
            parts.append("(?:.*)")
            continue
        out, i = "", 0
        while i < len(segment):
            c = segment[i]
            if c == "*":
                out += "[^/]*"
            elif c == "?":
                out += "[^/]"
            elif c == "[":
                end = segment.index("]", i)
                out += "[" + segment[i + 1:end].replace("!", "^", 1) + "]"
                i = end
            else:
                out += re.escape(c)
            i += 1
        parts.append(out)
    regex = "/".join(parts).replace("(?:.*)/", "(?:.*/)?")
    return re.compile(regex + r"\Z")


def ignore_rules() -> list[tuple[bool, re.Pattern]]:
    rules = []
    for line in (REPO / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keep = line.startswith("!")
        pattern = os.path.normpath(line.lstrip("!").strip().lstrip("/"))
        rules.append((keep, _pattern_regex(pattern)))
    return rules


def dockerignored(path: str, rules: list | None = None) -> bool:
    """Whether docker leaves `path` out of the build context: the last rule matching it or a parent decides."""
    parts = path.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    excluded = False
    for keep, regex in rules or ignore_rules():
        if any(regex.match(p) for p in prefixes):
            excluded = not keep
    return excluded


def build_context() -> list[str]:
    rules = ignore_rules()
    files = []
    for root, dirs, names in os.walk(REPO):
        rel_root = os.path.relpath(root, REPO)
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in names:
            rel = name if rel_root == "." else f"{rel_root}/{name}"
            if not dockerignored(rel, rules):
                files.append(rel)
    return files


def copy_instructions() -> tuple[str, list[tuple[list[str], str]]]:
    """The WORKDIR and each COPY's (sources, destination) from the Dockerfile (shell and JSON forms)."""
    workdir, copies = "/", []
    text = (REPO / "Dockerfile").read_text().replace("\\\n", " ")
    for line in text.splitlines():
        words = line.strip().split(None, 1)
        if len(words) < 2:
            continue
        keyword, rest = words[0].upper(), words[1]
        if keyword == "WORKDIR":
            workdir = os.path.join(workdir, rest.strip())
        elif keyword == "COPY":
            args = json.loads(rest) if rest.lstrip().startswith("[") else shlex.split(rest)
            args = [a for a in args if not a.startswith("--")]
            assert not any(a.startswith("--from") for a in args), "multi-stage COPY is not modelled here"
            copies.append((args[:-1], os.path.join(workdir, args[-1])))
    return workdir, copies


def image_files() -> dict[str, str]:
    """Image path → context path for every file the COPY lines put into the image."""
    context = build_context()
    placed: dict[str, str] = {}
    _, copies = copy_instructions()
    for sources, dest in copies:
        into_dir = dest.endswith("/") or len(sources) > 1
        for source in sources:
            source = os.path.normpath(source)
            matched = [f for f in context if re.match(_pattern_regex(source).pattern[:-2] + r"(?:/|\Z)", f)]
            assert matched, f"COPY {source}: nothing in the build context (excluded by .dockerignore?)"
            for f in matched:
                if f == source or _pattern_regex(source).match(f):  # a file named by the source
                    target = os.path.join(dest, os.path.basename(f)) if into_dir else dest
                else:  # a directory: its contents go into the destination
                    top = next(p for p in (f.split("/")[:i] for i in range(1, f.count("/") + 1))
                               if _pattern_regex(source).match("/".join(p)))
                    target = os.path.join(dest, f[len("/".join(top)) + 1:])
                placed[os.path.normpath(target)] = f
    return placed


def test_the_dockerignore_rules_keep_the_context_small():
    assert dockerignored(".venv/lib/python3.11/site.py") and dockerignored(".git/HEAD")
    assert dockerignored("etl/__pycache__/cli.cpython-311.pyc") and dockerignored("tests/corpus/gold/x.json")
    assert not dockerignored("etl/data/agency_aliases.csv")  # *.csv is only the top folder's
    assert not dockerignored("sql/checks/t3_balance.sql") and not dockerignored("migrations/env.py")
    assert dockerignored("export.csv") and dockerignored("reports/2021/a.pdf")


@pytest.mark.db
def test_etl_checks_runs_on_the_files_the_image_gets(empty_database, tmp_path):
    from etl.database import libpq_url

    files = image_files()
    workdir, _ = copy_instructions()
    root = tmp_path / "image"
    for target, source in files.items():
        path = root / target.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((REPO / source).read_bytes())
    app_dir = root / workdir.lstrip("/")
    assert (app_dir / "sql" / "checks").is_dir() and not (app_dir / "tests").exists()
    assert not any(".venv" in t or "__pycache__" in t for t in files)

    env = {**os.environ, "DATABASE_URL": libpq_url(empty_database), "ETL_HOME": str(tmp_path / "home"),
           "PYTHONPATH": str(app_dir), "PYTHONDONTWRITEBYTECODE": "1"}

    def etl(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "etl", *args], cwd=app_dir, env=env, capture_output=True,
                              text=True, timeout=300)

    where = subprocess.run([sys.executable, "-c", "import etl.views; print(etl.views.SQL_DIR)"], cwd=app_dir,
                           env=env, capture_output=True, text=True, timeout=60)
    assert Path(where.stdout.strip()) == app_dir / "sql", "the test must run the copied tree, not the checkout"
    upgraded = etl("db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    checks = etl("checks")
    assert checks.returncode in (0, 1), checks.stderr
    ran = [line for line in checks.stdout.splitlines() if re.match(r"^(ok|FAIL|warn)\s+\w+\s+\d+ rows", line)]
    expected = len(list((REPO / "sql" / "checks").glob("*.sql")))
    assert len(ran) == expected > 0  # the image used to run zero checks and exit 0
