"""The errors of the decision log's rules, each saying what went wrong in French and English.

The errors about statuses (an unknown name, a move that is not allowed) live with the statuses
in ``decision_status``; they share the base class below.
"""

from __future__ import annotations

from passerelle.domain.circles import Bilingual

B = Bilingual


class DecisionError(ValueError):
    """Base of the decision errors; ``message`` says it in French and English."""

    def __init__(self, message: Bilingual) -> None:
        self.message = message
        super().__init__(message.en)


class InvalidDecisionError(DecisionError):
    pass


class SupersedeCycleError(DecisionError):
    def __init__(self, cycle: tuple[str, ...]) -> None:
        self.cycle = cycle
        chain = " → ".join((*cycle, cycle[0]))
        super().__init__(
            B(
                f"les remplacements tournent en rond : {chain}",
                f"supersede links form a cycle: {chain}",
            )
        )


class MissingSupersedeTargetError(DecisionError):
    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        super().__init__(
            B(
                f"{source} renvoie à une décision absente : {target}",
                f"{source} links to a decision that does not exist: {target}",
            )
        )
