"""Exports: the JSON contract, RDF with standard vocabularies, and GraphML."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from graph.export import DEFAULT_BASE_IRI, FORMATS, export_graph
from graph.model import Evidence, Graph, Node, Relation, decision_id, node_id

DOCUMENT = "kk-oeu-2024-03-12-punkt-7.txt"
TEXT = (
    "Økonomiudvalget under Borgerrepræsentationen besluttede den 12. marts 2024, "
    "at Implementeringsgruppen for KY nedlægges pr. 1. april 2024, "
    "og at Implementeringsgruppen for KY har styringen af Borgerservice indtil da. "
    "Gruppen har en snitflade til Økonomiforvaltningen om digitalisering."
)

COUNCIL = node_id("Council", "Borgerrepræsentationen")
COMMITTEE = node_id("Committee", "Økonomiudvalget")
GROUP = node_id("Group", "Implementeringsgruppen for KY")
ADMINISTRATION = node_id("Administration", "Økonomiforvaltningen")
TASK = node_id("Task", "Borgerservice")
DECISION = decision_id(COMMITTEE, "2024-03-12")
DOCUMENT_NODE = node_id("Document", DOCUMENT)


def span(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(DOCUMENT, start, start + len(quote), quote)


def sample_graph() -> Graph:
    """A council, a committee part of it, a group its decision dissolves, a mandate, an interface."""
    graph = Graph()
    for node in (
        Node(DOCUMENT_NODE, "Document", DOCUMENT, props={"content_hash": "abc123"}),
        Node(COUNCIL, "Council", "Borgerrepræsentationen", evidence={span("Borgerrepræsentationen")}),
        Node(COMMITTEE, "Committee", "Økonomiudvalget", evidence={span("Økonomiudvalget")}),
        Node(
            GROUP, "Group", "Implementeringsgruppen for KY", aliases={"Gruppen"},
            props={"valid_to": "2024-04-01"}, evidence={span("Implementeringsgruppen for KY"), span("Gruppen")},
        ),
        Node(ADMINISTRATION, "Administration", "Økonomiforvaltningen", evidence={span("Økonomiforvaltningen")}),
        Node(TASK, "Task", "Borgerservice", evidence={span("Borgerservice")}),
        Node(
            DECISION, "Decision", "Økonomiudvalgets beslutning 12. marts 2024",
            props={"date": "2024-03-12", "case_number": "2024-0042"}, evidence={span("besluttede den 12. marts 2024")},
        ),
    ):
        graph.add_node(node)
    for relation in (
        Relation("PART_OF", COMMITTEE, COUNCIL, evidence={span("Økonomiudvalget under Borgerrepræsentationen")}),
        Relation("DECIDED_BY", DECISION, COMMITTEE, evidence={span("Økonomiudvalget under Borgerrepræsentationen besluttede")}),
        Relation(
            "DISSOLVED", DECISION, GROUP, props={"date": "2024-04-01"},
            evidence={span("Implementeringsgruppen for KY nedlægges pr. 1. april 2024")}, rules={"dissolution"},
        ),
        Relation(
            "MANDATE", GROUP, TASK, props={"role": "steering", "valid_to": "2024-04-01"},
            evidence={span("Implementeringsgruppen for KY har styringen af Borgerservice")},
        ),
        Relation(
            "INTERFACE", GROUP, ADMINISTRATION, props={"topic": "digitalisering"},
            evidence={span("snitflade til Økonomiforvaltningen om digitalisering")},
        ),
    ):
        graph.add_relation(relation)
    return graph


def exported(graph: Graph, fmt: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    out = io.StringIO()
    export_graph(graph, fmt, out, base_iri=base_iri)
    return out.getvalue()


def iri(key: str) -> rdflib.URIRef:
    return rdflib.URIRef(DEFAULT_BASE_IRI + key)


RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


@pytest.fixture(scope="module", params=sorted(RDF_FORMATS))
def rdf(request) -> rdflib.Graph:
    """The sample graph exported in one RDF format and parsed back by rdflib."""
    return rdflib.Graph().parse(data=exported(sample_graph(), request.param), format=RDF_FORMATS[request.param])


def ask(rdf: rdflib.Graph, pattern: str, **bindings: rdflib.term.Node) -> bool:
    prologue = """
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX rg: <https://ressortgraf.dk/ns#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
    """
    return bool(rdf.query(prologue + "ASK {" + pattern + "}", initBindings=bindings).askAnswer)


def test_json_is_the_graph_contract_and_round_trips():
    graph = sample_graph()
    text = exported(graph, "json")
    assert text == graph.to_json()
    assert Graph.from_dict(json.loads(text)).to_dict() == graph.to_dict()


def test_json_is_byte_identical_across_exports_and_to_a_path(tmp_path: Path):
    export_graph(sample_graph(), "json", tmp_path / "a.json")
    export_graph(sample_graph(), "json", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == sample_graph().to_json()


def test_rdf_names_the_group_in_danish_with_its_aliases(rdf):
    group = iri(GROUP)
    assert (group, rdflib.SKOS.prefLabel, rdflib.Literal("Implementeringsgruppen for KY", lang="da")) in rdf
    assert (group, rdflib.SKOS.altLabel, rdflib.Literal("Gruppen", lang="da")) in rdf
    assert (group, rdflib.RDF.type, rdflib.ORG.Organization) in rdf
    assert (iri(COUNCIL), rdflib.RDF.type, rdflib.ORG.FormalOrganization) in rdf


def test_rdf_keeps_the_hierarchy_as_org_sub_organization(rdf):
    assert (iri(COMMITTEE), rdflib.ORG.subOrganizationOf, iri(COUNCIL)) in rdf


def test_rdf_dissolution_is_an_org_change_event_at_its_date(rdf):
    assert ask(rdf, """
        ?event a org:ChangeEvent ;
            org:originalOrganization ?group ;
            prov:wasInformedBy ?decision ;
            prov:atTime "2024-04-01"^^xsd:date ;
            rg:rule "dissolution" .
    """, group=iri(GROUP), decision=iri(DECISION))
    assert ask(rdf, '?decision dcterms:date "2024-03-12"^^xsd:date ; dcterms:identifier "2024-0042" .',
               decision=iri(DECISION))


def test_rdf_mandate_is_a_resource_with_holder_object_and_role(rdf):
    assert ask(rdf, """
        ?mandate a rg:Mandate ; rg:holder ?group ; rg:mandateOver ?task ; rg:role "steering" ;
            rg:validTo "2024-04-01"^^xsd:date .
    """, group=iri(GROUP), task=iri(TASK))


def test_rdf_interface_names_both_parties_and_the_topic(rdf):
    assert ask(rdf, '?i a rg:Interface ; rg:firstParty ?group ; rg:secondParty ?administration ; '
                    'rg:topic "digitalisering" .', group=iri(GROUP), administration=iri(ADMINISTRATION))


def test_rdf_responsible_body_has_the_task_as_its_org_purpose():
    graph = sample_graph()
    graph.add_relation(Relation("MANDATE", COMMITTEE, TASK, props={"role": "responsible"}))
    rdf = rdflib.Graph().parse(data=exported(graph, "nt"), format="nt")
    assert (iri(COMMITTEE), rdflib.ORG.purpose, iri(TASK)) in rdf
    assert (iri(GROUP), rdflib.ORG.purpose, iri(TASK)) not in rdf  # a steering mandate is no purpose


def test_rdf_replacement_is_an_org_change_event_from_the_old_to_the_new_body():
    graph = sample_graph()
    successor = node_id("Group", "Styregruppen for KY")
    graph.add_node(Node(successor, "Group", "Styregruppen for KY"))
    graph.add_relation(Relation("REPLACED_BY", GROUP, successor, props={"date": "2024-04-01"}))
    rdf = rdflib.Graph().parse(data=exported(graph, "ttl"), format="turtle")
    assert ask(rdf, """
        ?event a org:ChangeEvent, rg:Replacement ;
            org:originalOrganization ?old ; org:resultingOrganization ?new ;
            prov:atTime "2024-04-01"^^xsd:date .
        ?old org:changedBy ?event . ?new org:resultedFrom ?event .
    """, old=iri(GROUP), new=iri(successor))


def test_rdf_every_evidence_span_is_a_web_annotation_on_the_document(rdf):
    quote = "Implementeringsgruppen for KY har styringen af Borgerservice"
    start = TEXT.index(quote)
    assert ask(rdf, """
        ?mandate a rg:Mandate ; prov:wasDerivedFrom ?document .
        ?annotation a oa:Annotation ; oa:hasBody ?mandate ; oa:hasTarget ?target .
        ?target a oa:SpecificResource ; oa:hasSource ?document ; oa:hasSelector ?q, ?p .
        ?q a oa:TextQuoteSelector ; oa:exact ?quote .
        ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    """, document=iri(DOCUMENT_NODE), quote=rdflib.Literal(quote),
        start=rdflib.Literal(start, datatype=rdflib.XSD.nonNegativeInteger),
        end=rdflib.Literal(start + len(quote), datatype=rdflib.XSD.nonNegativeInteger))
    annotations = set(rdf.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/oa#Annotation")))
    graph = sample_graph()
    facts = list(graph.nodes.values()) + list(graph.relations.values())
    assert len(annotations) == sum(len(fact.evidence) for fact in facts)


def test_rdf_iris_are_the_base_iri_and_the_percent_encoded_node_id():
    graph = Graph()
    graph.add_node(Node("group:a b/c#d", "Group", "A b/c#d"))
    assert f"<{DEFAULT_BASE_IRI}group:a%20b%2Fc%23d>" in exported(graph, "nt")
    assert "<https://example.org/x/group:a%20b%2Fc%23d>" in exported(graph, "nt", "https://example.org/x/")


def test_n_triples_state_each_triple_once():
    lines = exported(sample_graph(), "nt").splitlines()
    assert len(lines) == len(set(lines)) == len(rdflib.Graph().parse(data="\n".join(lines), format="nt"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_identical_across_processes(fmt: str, tmp_path: Path):
    """Hash seeds change set and dict order between runs; the output must not change with them."""
    source = tmp_path / "graph.json"
    export_graph(sample_graph(), "json", source)
    script = (
        "import json, sys; from pathlib import Path;"
        "from graph.model import Graph; from graph.export import export_graph;"
        "export_graph(Graph.from_dict(json.loads(Path(sys.argv[1]).read_text())), sys.argv[2], sys.stdout)"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(source), fmt],
            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_graphml_loads_with_networkx_with_every_node_and_relation(tmp_path: Path):
    graph = sample_graph()
    path = tmp_path / "graph.graphml"
    export_graph(graph, "graphml", path)
    loaded = nx.read_graphml(path)
    assert loaded.number_of_nodes() == len(graph.nodes)
    assert loaded.number_of_edges() == len(graph.relations)
    group = loaded.nodes[GROUP]
    assert (group["label"], group["valid_to"], group["evidence"]) == ("Group", "2024-04-01", 2)
    assert json.loads(group["aliases"]) == ["Gruppen"]
    (mandate,) = [data for _, _, data in loaded.out_edges(GROUP, data=True) if data["type"] == "MANDATE"]
    assert mandate["role"] == "steering"


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown export format 'xml'.*json, ttl, nt, jsonld, rdfxml, graphml"):
        export_graph(sample_graph(), "xml", io.StringIO())


def test_a_base_iri_that_cannot_start_an_iri_is_refused_before_anything_is_written(tmp_path: Path):
    with pytest.raises(ValueError, match="base IRI 'my base/'"):
        export_graph(sample_graph(), "ttl", tmp_path / "graph.ttl", base_iri="my base/")
    assert not (tmp_path / "graph.ttl").exists()
