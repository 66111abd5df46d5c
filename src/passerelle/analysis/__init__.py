"""Pure text analysis: the plain-language checker and the ask coach.

The public functions are imported lazily so that ``import passerelle.analysis`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from passerelle.analysis.ask import check_ask
    from passerelle.analysis.plain import check_text, explain

__all__ = ["check_ask", "check_text", "explain"]

_PUBLIC = {
    "check_text": "passerelle.analysis.plain",
    "explain": "passerelle.analysis.plain",
    "check_ask": "passerelle.analysis.ask",
}


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'passerelle.analysis' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)
