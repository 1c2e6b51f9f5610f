"""Entities: recognition (text in, spans out) and the knowledge base of background notes. No UI.

Names are imported from their modules when first asked for, so importing one small module
of this package (``reader.entities.model``) does not build the recogniser's imports.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "EVENT": "model", "ORG": "model", "OTHER": "model", "PERSON": "model", "PLACE": "model",
    "TYPE_LABELS": "model", "TYPES": "model", "Span": "model",
    "KnowledgeBase": "notes", "Note": "notes", "load_knowledge_base": "notes", "save_user_note": "notes",
    "Recognizer": "recognizer",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f"reader.entities.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'reader.entities' has no attribute {name!r}")
