"""The workspace row."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from passerelle.store.models import WorkspaceInfo


def get(session: Session) -> WorkspaceInfo | None:
    return session.scalars(select(WorkspaceInfo).order_by(WorkspaceInfo.id).limit(1)).first()


def create(session: Session, name: str, owner: str = "") -> WorkspaceInfo:
    info = WorkspaceInfo(name=name, owner=owner)
    session.add(info)
    session.flush()
    return info
