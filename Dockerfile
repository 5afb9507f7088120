# The etl command in a container. docker-compose.yml wires it to a PostgreSQL service via DATABASE_URL.
# Everything the commands read at run time is copied: the package (with etl/data), the migrations and
# alembic.ini (`etl run` and `etl db upgrade` migrate), sql/ (`etl checks` reads sql/checks/, the views'
# sources and examples live in sql/views/ and sql/examples/) and the example reports. .dockerignore keeps
# virtualenvs, caches, tests and local secrets out of the build context. tests/test_compose.py rebuilds
# this file list from the COPY lines and runs `etl checks` on it.
FROM python:3.11-slim

WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 ETL_HOME=/var/lib/etl
COPY pyproject.toml README.md alembic.ini ./
COPY etl ./etl
COPY migrations ./migrations
COPY sql ./sql
COPY examples ./examples
# editable, so etl.database finds /app/migrations and /app/alembic.ini, and etl.views /app/sql;
# the commands run as an unprivileged user that owns only ETL_HOME
RUN pip install --no-cache-dir -e . \
    && useradd --system --uid 10001 --home-dir /var/lib/etl etl \
    && mkdir -p /var/lib/etl /reports && chown etl /var/lib/etl
USER etl

ENTRYPOINT ["etl"]
CMD ["--help"]
