"""Storage: SQLAlchemy 2 models, the engine and its sessions, and the repositories.

Every query lives in a repository module (``store/repos/<noun>.py``); services call them.
A new table is a new module in ``store/models/``, imported by ``store/models/__init__.py``,
plus one Alembic revision in ``passerelle/migrations/versions``.
"""
