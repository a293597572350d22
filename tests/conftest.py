import pytest

from graph.model import Graph


# --- sample_graph: a small stored-graph fixture (stores, queries) -------------

_DOC = "kk-br-2005-10-13-punkt-15.txt"


def _evidence(start: int, quote: str) -> list[dict]:
    return [{"document": _DOC, "start": start, "end": start + len(quote), "quote": quote}]


SAMPLE_GRAPH = {
    "nodes": [
        {"id": "council:borgerrepraesentationen", "label": "Council", "name": "Borgerrepræsentationen",
         "aliases": ["BR"], "evidence": _evidence(0, "Borgerrepræsentationen")},
        {"id": "committee:oekonomiudvalget", "label": "Committee", "name": "Økonomiudvalget",
         "aliases": ["ØU", "Økonomiudvalgets"], "valid_from": "2006-01-01",
         "evidence": _evidence(40, "Økonomiudvalget") + _evidence(90, "ØU")},
        {"id": "committee:teknik-og-miljoeudvalget", "label": "Committee",
         "name": "Teknik- og Miljøudvalget", "aliases": [], "evidence": _evidence(120, "Teknik- og Miljøudvalget")},
        {"id": "administration:oekonomiforvaltningen", "label": "Administration",
         "name": "Økonomiforvaltningen", "aliases": ["ØKF"], "evidence": _evidence(160, "ØKF")},
        {"id": "unit:center-for-politik-og-hr", "label": "Unit", "name": "Center for Politik og HR",
         "aliases": [], "evidence": _evidence(200, "Center for Politik og HR")},
        {"id": "group:hr-kredsen", "label": "Group", "name": "HR-kredsen", "aliases": [],
         "valid_to": "2006-12-31", "evidence": _evidence(240, "HR-kredsen")},
        {"id": "organisation:koebenhavns-kommune", "label": "Organisation", "name": "Københavns Kommune",
         "aliases": ["KK"], "sources": ["https://www.kk.dk/"], "evidence": []},
        {"id": "person:rasmus-rune-steenberger", "label": "Person", "name": "Rasmus Rune Steenberger",
         "aliases": [], "party": "F", "role": "medlem", "evidence": _evidence(280, "Rasmus Rune Steenberger (F)")},
        {"id": "decision:borgerrepraesentationen:2005-10-13", "label": "Decision",
         "name": "Borgerrepræsentationens beslutning 13. oktober 2005", "aliases": [], "date": "2005-10-13",
         "case_number": "2005-123", "title": "Ny styreform",
         "evidence": _evidence(320, "at der etableres følgende syv udvalg/forvaltninger")},
        {"id": "decision:oekonomiudvalget:2017-11-07", "label": "Decision",
         "name": "Økonomiudvalgets beslutning 7. november 2017", "aliases": [], "date": "2017-11-07",
         "evidence": _evidence(400, 'godkendt "som indstillet"')},
        {"id": "initiative:ressortanalysen-2024", "label": "Initiative", "name": "Ressortanalysen 2024",
         "aliases": [], "valid_from": "2024-04-01", "evidence": _evidence(440, "Ressortanalysen 2024")},
        {"id": "task:borgerservice", "label": "Task", "name": "Borgerservice", "aliases": ["borgerservice"],
         "evidence": _evidence(480, "Borgerservice")},
        {"id": "document:kk-br-2005-10-13-punkt-15-txt", "label": "Document", "name": _DOC, "aliases": [],
         "content_hash": "sha256:0f1e", "evidence": []},
    ],
    "relations": [
        {"type": "DECIDED_BY", "source": "decision:borgerrepraesentationen:2005-10-13",
         "target": "council:borgerrepraesentationen", "rules": ["decision-body"], "evidence": _evidence(0, "Borgerrepræsentationen")},
        {"type": "ESTABLISHED", "source": "decision:borgerrepraesentationen:2005-10-13",
         "target": "committee:oekonomiudvalget", "date": "2006-01-01", "evidence": _evidence(320, "at der etableres følgende syv udvalg/forvaltninger")},
        {"type": "DISSOLVED", "source": "decision:borgerrepraesentationen:2005-10-13",
         "target": "group:hr-kredsen", "date": "2006-12-31", "evidence": _evidence(240, "HR-kredsen")},
        {"type": "CONCERNS", "source": "decision:borgerrepraesentationen:2005-10-13",
         "target": "task:borgerservice", "evidence": _evidence(480, "Borgerservice")},
        {"type": "PROPOSED_BY", "source": "decision:oekonomiudvalget:2017-11-07",
         "target": "administration:oekonomiforvaltningen", "evidence": _evidence(160, "ØKF")},
        {"type": "PART_OF", "source": "committee:oekonomiudvalget", "target": "council:borgerrepraesentationen",
         "sources": ["https://www.kk.dk/"], "evidence": []},
        {"type": "PART_OF", "source": "unit:center-for-politik-og-hr",
         "target": "administration:oekonomiforvaltningen", "evidence": _evidence(200, "Center for Politik og HR")},
        {"type": "SERVES", "source": "administration:oekonomiforvaltningen", "target": "committee:oekonomiudvalget",
         "valid_from": "2006-01-01", "evidence": _evidence(160, "ØKF")},
        {"type": "MANDATE", "source": "committee:oekonomiudvalget", "target": "task:borgerservice",
         "role": "responsible", "rules": ["mandate-ansvar", "mandate-ressort"], "evidence": _evidence(480, "Borgerservice")},
        {"type": "INTERFACE", "source": "committee:teknik-og-miljoeudvalget", "target": "committee:oekonomiudvalget",
         "topic": "klimadagsordenen", "evidence": _evidence(120, "Teknik- og Miljøudvalget")},
        {"type": "MEMBER_OF", "source": "person:rasmus-rune-steenberger", "target": "committee:oekonomiudvalget",
         "evidence": _evidence(280, "Rasmus Rune Steenberger (F)")},
        {"type": "REPORTS_TO", "source": "initiative:ressortanalysen-2024", "target": "committee:oekonomiudvalget",
         "evidence": _evidence(440, "Ressortanalysen 2024")},
    ],
}


@pytest.fixture
def sample_graph() -> Graph:
    """Every label, every kind of property (dates, lists, sources, rules, evidence), a dozen relations."""
    return Graph.from_dict(SAMPLE_GRAPH)
