"""Alembic environment: migrations own the schema; etl.schema.metadata is the target for checks."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

from etl.schema import ANALYTICS, INGEST, WAREHOUSE, metadata

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

OUR_SCHEMAS = {INGEST, WAREHOUSE, ANALYTICS}
#: Transaction advisory lock taken while migrating (etl.load.RUN_LOCK_KEY + 1).
MIGRATION_LOCK_KEY = 727002


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        from etl.database import database_url

        url = database_url().render_as_string(hide_password=False)
    return url


def include_name(name, type_, parent_names):
    """Compare only our schemas; views are managed by their own revisions, not by autogenerate."""
    if type_ == "schema":
        return name in OUR_SCHEMAS
    return True


def include_object(obj, name, type_, reflected, compare_to):
    # views (in the analytics schema) are reflected as tables; they are managed by their own revisions
    return not (type_ == "table" and reflected and compare_to is None and getattr(obj, "schema", None) == ANALYTICS)


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=metadata,
        literal_binds=True,
        include_schemas=True,
        include_name=include_name,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is None:
        engine = create_engine(_url(), poolclass=pool.NullPool)
        with engine.connect() as connection:
            _run(connection)
    else:
        _run(connectable)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_schemas=True,
        include_name=include_name,
        include_object=include_object,
        compare_type=True,
        compare_server_default=False,
    )
    with context.begin_transaction():
        # two processes migrating a new warehouse at once (two first runs, `etl status` beside `etl run`):
        # the second waits here, then finds the schema at head and does nothing
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
