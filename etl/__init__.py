"""OGI reports warehouse: China's government information disclosure annual reports → PostgreSQL."""

__version__ = "0.1.0"
