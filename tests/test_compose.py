"""docker-compose.yml is kept correct by review and by this test (there is no Docker engine in CI)."""

from __future__ import annotations

from pathlib import Path

import typer.main
import yaml
from sqlalchemy.engine import make_url

from etl.cli import app

REPO = Path(__file__).resolve().parent.parent


def compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def test_the_database_service_has_a_named_volume_and_a_healthcheck():
    spec = compose()
    db = spec["services"]["db"]
    assert db["image"].startswith("postgres:")
    volume = db["volumes"][0].split(":")[0]
    assert volume in spec["volumes"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    env = db["environment"]
    assert {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"} <= set(env)


def test_etl_services_point_at_the_database_service():
    spec = compose()
    db_env = spec["services"]["db"]["environment"]
    for name in ("etl", "nightly"):
        service = spec["services"][name]
        url = make_url(service["environment"]["DATABASE_URL"])
        assert url.host == "db" and url.database == db_env["POSTGRES_DB"] and url.username == db_env["POSTGRES_USER"]
        assert service["depends_on"]["db"]["condition"] == "service_healthy"
        assert service["build"] == "." and (REPO / "Dockerfile").is_file()
        assert any(v.endswith(":/reports:ro") for v in service["volumes"])
        for volume in service["volumes"]:
            source = volume.split(":")[0]
            assert source.startswith(".") or source in spec["volumes"]


def test_service_commands_exist_in_the_cli():
    commands = typer.main.get_command(app).commands
    etl = compose()["services"]["etl"]
    assert etl["command"][0] in commands
    nightly = " ".join(compose()["services"]["nightly"]["command"])
    assert "etl run /reports" in nightly and "sleep" in nightly
    dockerfile = (REPO / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["etl"]' in dockerfile and "pip install" in dockerfile
