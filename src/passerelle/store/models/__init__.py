"""Every table of the workspace. Importing this package fills ``Base.metadata``.

To add a table: write ``models/<noun>.py`` with a class deriving from ``Base`` and ``Record``,
import it below, and add an Alembic revision (``passerelle/migrations/versions``).
"""

from passerelle.store.base import Base
from passerelle.store.models.ask import Answer, Ask, AskRecipient
from passerelle.store.models.commitment import CommitmentRow, RenegotiationRow, SurpriseRow
from passerelle.store.models.comms import CommsPlanRow, CommunicationRow, DigestRow
from passerelle.store.models.decision import DecisionRow
from passerelle.store.models.delegation import AreaRow, HolderRow, LevelChangeRow
from passerelle.store.models.learning import Learning
from passerelle.store.models.objective import ObjectiveLinkRow, ObjectiveRow
from passerelle.store.models.person import Interaction, Person
from passerelle.store.models.request import RequestChangeRow, RequestRow
from passerelle.store.models.stakeholder import StakeholderGroup
from passerelle.store.models.workspace import WorkspaceInfo

__all__ = [
    "Answer",
    "AreaRow",
    "Ask",
    "AskRecipient",
    "Base",
    "CommitmentRow",
    "CommsPlanRow",
    "CommunicationRow",
    "DecisionRow",
    "DigestRow",
    "HolderRow",
    "Interaction",
    "Learning",
    "LevelChangeRow",
    "ObjectiveLinkRow",
    "ObjectiveRow",
    "Person",
    "RenegotiationRow",
    "RequestChangeRow",
    "RequestRow",
    "StakeholderGroup",
    "SurpriseRow",
    "WorkspaceInfo",
]
