# The etl command in a container. docker-compose.yml wires it to a PostgreSQL service via DATABASE_URL.
FROM python:3.11-slim

WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 ETL_HOME=/var/lib/etl
COPY pyproject.toml README.md alembic.ini ./
COPY etl ./etl
COPY migrations ./migrations
COPY examples ./examples
# editable, so etl.database finds /app/migrations and /app/alembic.ini
RUN pip install --no-cache-dir -e . && mkdir -p /var/lib/etl /reports

ENTRYPOINT ["etl"]
CMD ["--help"]
