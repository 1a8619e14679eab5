"""Control-plane store: SQLAlchemy models, Alembic migrations, the Store."""

from aikojo.db.store import Store, masked_url

__all__ = ["Store", "masked_url"]
