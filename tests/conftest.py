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


# --- town_graph: Testby, a town whose overlaps are known by construction (reports, analysis) ---

TOWN_DOC = "testby.txt"

TOWN_NODES = {
    # id: (label, name, extra properties)
    "council:byraadet": ("Council", "Byrådet", {}),
    "committee:oekonomiudvalget": ("Committee", "Økonomiudvalget", {"aliases": ["ØU"]}),
    "committee:teknik-og-miljoeudvalget": ("Committee", "Teknik- og Miljøudvalget", {}),
    "committee:boerne-og-ungdomsudvalget": ("Committee", "Børne- og Ungdomsudvalget", {}),
    "administration:oekonomiforvaltningen": ("Administration", "Økonomiforvaltningen", {"aliases": ["ØKF"]}),
    "administration:teknik-og-miljoeforvaltningen": ("Administration", "Teknik- og Miljøforvaltningen", {}),
    "administration:boerne-og-ungdomsforvaltningen": ("Administration", "Børne- og Ungdomsforvaltningen", {}),
    "unit:center-for-politik-og-hr": ("Unit", "Center for Politik og HR", {}),
    "unit:sekretariatet": ("Unit", "Sekretariatet", {}),
    "unit:center-for-byggeri": ("Unit", "Center for Byggeri", {}),
    "group:styregruppen-for-klima": ("Group", "Styregruppen for klima", {"valid_from": "2019-01-01"}),
    "group:klimaforum": ("Group", "Klimaforum", {"valid_from": "2022-01-01"}),
    "group:netvaerket": ("Group", "Netværket", {"valid_to": "2020-12-31"}),
    "group:hr-kredsen": ("Group", "HR-kredsen", {}),
    "group:implementeringsgruppen": ("Group", "Implementeringsgruppen", {"valid_to": "2022-06-30"}),
    "group:projektgruppen": ("Group", "Projektgruppen", {"valid_to": "2021-12-31"}),
    "group:arbejdsgruppen-for-skoler": ("Group", "Arbejdsgruppen for skoler", {}),
    "person:anna-holm": ("Person", "Anna Holm", {}),
    "person:bo-dahl": ("Person", "Bo Dahl", {}),
    "task:klimadagsordenen": ("Task", "Klimadagsordenen", {}),
    "task:borgerservice": ("Task", "Borgerservice", {}),
    "task:hr-politik": ("Task", "HR-politik", {}),
    "task:skolestruktur": ("Task", "Skolestruktur", {}),
    "initiative:klimaplan-2025": ("Initiative", "Klimaplan 2025", {"valid_from": "2019-01-01"}),
    "initiative:frisaettelsesforsoeg": ("Initiative", "Frisættelsesforsøg", {}),
    "decision:byraadet:2022-03-01": ("Decision", "Byrådets beslutning 1. marts 2022", {"date": "2022-03-01"}),
    "decision:oekonomiudvalget:2021-11-15": (
        "Decision", "Økonomiudvalgets beslutning 15. november 2021", {"date": "2021-11-15"}),
}

TOWN_RELATIONS = [
    # (type, source, target, properties)
    ("PART_OF", "committee:oekonomiudvalget", "council:byraadet", {}),
    ("PART_OF", "committee:teknik-og-miljoeudvalget", "council:byraadet", {}),
    ("PART_OF", "committee:boerne-og-ungdomsudvalget", "council:byraadet", {}),
    ("SERVES", "administration:oekonomiforvaltningen", "committee:oekonomiudvalget", {}),
    ("SERVES", "administration:teknik-og-miljoeforvaltningen", "committee:teknik-og-miljoeudvalget", {}),
    ("SERVES", "administration:boerne-og-ungdomsforvaltningen", "committee:boerne-og-ungdomsudvalget", {}),
    ("PART_OF", "unit:center-for-politik-og-hr", "administration:oekonomiforvaltningen", {}),
    ("PART_OF", "unit:sekretariatet", "unit:center-for-politik-og-hr", {}),
    ("PART_OF", "unit:center-for-byggeri", "administration:teknik-og-miljoeforvaltningen", {}),
    ("REPORTS_TO", "group:styregruppen-for-klima", "committee:oekonomiudvalget", {}),
    # interfaces: ØKF–TMF directly and through units two and one levels down; ØKF–BUF expired
    ("INTERFACE", "administration:oekonomiforvaltningen", "administration:teknik-og-miljoeforvaltningen",
     {"topic": "klima"}),
    ("INTERFACE", "unit:sekretariatet", "unit:center-for-byggeri", {"topic": "byggesager"}),
    ("INTERFACE", "administration:oekonomiforvaltningen", "administration:boerne-og-ungdomsforvaltningen",
     {"topic": "skoler", "valid_to": "2015-12-31"}),
    # memberships
    *[("MEMBER_OF", member, "group:styregruppen-for-klima", {}) for member in (
        "administration:oekonomiforvaltningen", "administration:teknik-og-miljoeforvaltningen",
        "person:anna-holm", "person:bo-dahl")],
    *[("MEMBER_OF", member, "group:klimaforum", {}) for member in (
        "administration:oekonomiforvaltningen", "administration:teknik-og-miljoeforvaltningen", "person:anna-holm")],
    *[("MEMBER_OF", member, "group:netvaerket", {}) for member in (
        "administration:oekonomiforvaltningen", "administration:teknik-og-miljoeforvaltningen", "person:anna-holm")],
    *[("MEMBER_OF", member, "group:hr-kredsen", {}) for member in (
        "unit:center-for-politik-og-hr", "administration:boerne-og-ungdomsforvaltningen", "person:bo-dahl")],
    # mandates
    ("MANDATE", "group:styregruppen-for-klima", "task:klimadagsordenen", {"role": "steering"}),
    ("MANDATE", "group:klimaforum", "task:klimadagsordenen", {"role": "advisory"}),
    ("MANDATE", "administration:teknik-og-miljoeforvaltningen", "task:klimadagsordenen", {"role": "responsible"}),
    ("MANDATE", "group:styregruppen-for-klima", "initiative:klimaplan-2025", {"role": "owner"}),
    ("MANDATE", "administration:oekonomiforvaltningen", "initiative:klimaplan-2025", {"role": "secretariat"}),
    ("MANDATE", "group:projektgruppen", "initiative:klimaplan-2025", {"role": "execution"}),
    ("MANDATE", "administration:oekonomiforvaltningen", "task:borgerservice", {"role": "responsible"}),
    ("MANDATE", "group:implementeringsgruppen", "task:borgerservice", {"role": "execution"}),
    ("MANDATE", "group:hr-kredsen", "task:hr-politik", {"role": "responsible"}),
    ("MANDATE", "unit:center-for-politik-og-hr", "task:hr-politik", {"role": "secretariat"}),
    ("MANDATE", "group:arbejdsgruppen-for-skoler", "task:skolestruktur", {"role": "responsible"}),
    # shared initiatives
    ("PARTICIPATES_IN", "administration:teknik-og-miljoeforvaltningen", "initiative:klimaplan-2025", {}),
    ("PARTICIPATES_IN", "unit:center-for-byggeri", "initiative:klimaplan-2025", {}),
    ("PARTICIPATES_IN", "administration:boerne-og-ungdomsforvaltningen", "initiative:frisaettelsesforsoeg",
     {"model": "a"}),
    ("PARTICIPATES_IN", "administration:teknik-og-miljoeforvaltningen", "initiative:frisaettelsesforsoeg",
     {"model": "b"}),
    # succession, establishment, dissolution
    ("REPLACED_BY", "group:projektgruppen", "group:klimaforum", {"date": "2022-01-01"}),
    ("ESTABLISHED", "committee:oekonomiudvalget", "group:styregruppen-for-klima", {"date": "2019-01-01"}),
    ("DECIDED_BY", "decision:oekonomiudvalget:2021-11-15", "committee:oekonomiudvalget", {}),
    ("ESTABLISHED", "decision:oekonomiudvalget:2021-11-15", "group:klimaforum", {"date": "2022-01-01"}),
    ("DISSOLVED", "decision:oekonomiudvalget:2021-11-15", "group:arbejdsgruppen-for-skoler", {"date": "2023-01-01"}),
    ("DECIDED_BY", "decision:byraadet:2022-03-01", "council:byraadet", {}),
    ("DISSOLVED", "decision:byraadet:2022-03-01", "group:implementeringsgruppen", {"date": "2022-06-30"}),
    ("ESTABLISHED", "decision:byraadet:2022-03-01", "initiative:frisaettelsesforsoeg", {}),
]

#: The one relation with evidence, to show the profile carries it.
SERVES_QUOTE = "Økonomiforvaltningen betjener Økonomiudvalget"


def town_graph() -> Graph:
    """Testby as tests/test_reports.py describes it; tests/test_analysis.py reads the same town."""
    nodes = [{"id": key, "label": label, "name": name, "aliases": [], "evidence": [], **extra}
             for key, (label, name, extra) in TOWN_NODES.items()]
    relations = [{"type": type_, "source": source, "target": target, "evidence": [], **props}
                 for type_, source, target, props in TOWN_RELATIONS]
    relations[3]["evidence"] = [{"document": TOWN_DOC, "start": 0, "end": len(SERVES_QUOTE), "quote": SERVES_QUOTE}]
    return Graph.from_dict({"nodes": nodes, "relations": relations})


def smaller_graph(graph: Graph) -> Graph:
    """``graph`` without its decisions and with one name changed: what a store must replace it with."""
    data = graph.to_dict()
    smaller = Graph.from_dict({
        "nodes": [n for n in data["nodes"] if n["label"] != "Decision"],
        "relations": [r for r in data["relations"] if not r["source"].startswith("decision:")],
    })
    smaller.nodes["task:borgerservice"].name = "Borgerservice og Biblioteker"
    return smaller
