"""Entities: recognition (text in, spans out) and the knowledge base of background notes. No UI."""

from reader.entities.model import EVENT, ORG, OTHER, PERSON, PLACE, TYPE_LABELS, TYPES, Span
from reader.entities.notes import KnowledgeBase, Note, load_knowledge_base, save_user_note
from reader.entities.recognizer import Recognizer

__all__ = ["EVENT", "ORG", "OTHER", "PERSON", "PLACE", "TYPES", "TYPE_LABELS", "KnowledgeBase", "Note",
           "Recognizer", "Span", "load_knowledge_base", "save_user_note"]
