"""Every table of the workspace. Importing this package fills ``Base.metadata``.

To add a table: write ``models/<noun>.py`` with a class deriving from ``Base`` and ``Record``,
import it below, and add an Alembic revision (``passerelle/migrations/versions``).
"""

from passerelle.store.base import Base
from passerelle.store.models.ask import Answer, Ask, AskRecipient
from passerelle.store.models.decision import DecisionRow
from passerelle.store.models.delegation import AreaRow, HolderRow, LevelChangeRow
from passerelle.store.models.learning import Learning
from passerelle.store.models.person import Interaction, Person
from passerelle.store.models.workspace import WorkspaceInfo

__all__ = [
    "Answer",
    "AreaRow",
    "Ask",
    "AskRecipient",
    "Base",
    "DecisionRow",
    "HolderRow",
    "Interaction",
    "Learning",
    "LevelChangeRow",
    "Person",
    "WorkspaceInfo",
]
