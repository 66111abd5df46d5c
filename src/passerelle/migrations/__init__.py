"""Alembic migrations, shipped in the package and run from Python (``store/schema.py``).

One chain for the whole product: a new table is one new revision whose ``down_revision`` is
the current head. Write revisions by hand with ``op.create_table``; never call
``metadata.create_all`` here, the models move on while a revision must stay as it was.
"""
