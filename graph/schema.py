"""The graph schema of ``shared/spec/schema.md`` as data.

Everything that must agree across loaders, stores, exports and evaluation
(labels, relation types, property names and their types) is declared once
here; the stores generate their DDL and constraints from it.
"""

from __future__ import annotations

NODE_LABELS: tuple[str, ...] = (
    "Council",
    "Committee",
    "Administration",
    "Unit",
    "Group",
    "Organisation",
    "Person",
    "Decision",
    "Initiative",
    "Task",
    "Document",
)

#: Bodies: the labels that can hold a mandate, take part, report or be a member.
BODY_LABELS: frozenset[str] = frozenset(
    {"Council", "Committee", "Administration", "Unit", "Group", "Organisation"}
)

RELATION_TYPES: tuple[str, ...] = (
    "PART_OF",
    "SERVES",
    "MANDATE",
    "INTERFACE",
    "MEMBER_OF",
    "PARTICIPATES_IN",
    "ESTABLISHED",
    "DISSOLVED",
    "REPLACED_BY",
    "DECIDED_BY",
    "PROPOSED_BY",
    "CONCERNS",
    "REPORTS_TO",
)

#: Relation types without direction: (a)-[:INTERFACE]-(b) equals (b)-[:INTERFACE]-(a).
UNDIRECTED_TYPES: frozenset[str] = frozenset({"INTERFACE"})

MANDATE_ROLES: tuple[str, ...] = (
    "responsible",
    "steering",
    "owner",
    "secretariat",
    "advisory",
    "execution",
)

# Property name -> storage type ("STRING", "STRING[]", "DATE", "INT64").
# ``evidence`` is a JSON list of {document, start, end, quote}: neither store
# can hold a list of maps as a property, so both keep the same JSON text.
NODE_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "label": "STRING",
    "name": "STRING",
    "aliases": "STRING[]",
    "valid_from": "DATE",
    "valid_to": "DATE",
    "date": "DATE",
    "case_number": "STRING",
    "title": "STRING",
    "party": "STRING",
    "role": "STRING",
    "content_hash": "STRING",
    "sources": "STRING[]",
    "evidence": "STRING",
}

RELATION_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "type": "STRING",
    "role": "STRING",
    "topic": "STRING",
    "model": "STRING",
    "date": "DATE",
    "valid_from": "DATE",
    "valid_to": "DATE",
    "rules": "STRING[]",
    "sources": "STRING[]",
    "evidence": "STRING",
}

DATE_PROPERTIES: frozenset[str] = frozenset(
    name for name, kind in {**NODE_PROPERTIES, **RELATION_PROPERTIES}.items() if kind == "DATE"
)
LIST_PROPERTIES: frozenset[str] = frozenset(
    name for name, kind in {**NODE_PROPERTIES, **RELATION_PROPERTIES}.items() if kind == "STRING[]"
)
